/* util.h - small helpers shared by the library's modules (not public API). */
#ifndef FC_UTIL_H
#define FC_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "factcheck/status.h"

/* A growable byte string, always NUL-terminated once anything was added. */
typedef struct fc_strbuf {
    char *data;
    size_t len, cap;
    bool failed; /* an allocation failed; further appends are ignored */
} fc_strbuf;

/* Appends n bytes of s. Inline, with the growing out of line: reports write
 * most of their bytes a few at a time through it. */
void fc_sb_add_grow(fc_strbuf *sb, const char *s, size_t n);
static inline void fc_sb_add(fc_strbuf *sb, const char *s, size_t n)
{
    if (sb->failed || sb->len + n >= sb->cap) {
        fc_sb_add_grow(sb, s, n);
        return;
    }
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}
void fc_sb_puts(fc_strbuf *sb, const char *s);
void fc_sb_printf(fc_strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the string over to the caller (who frees it), in a block of its size;
 * NULL if an allocation failed. */
char *fc_sb_take(fc_strbuf *sb);
void fc_sb_free(fc_strbuf *sb);

/* Appends a number for people: thousands separators, at most two decimals
 * ("110,000", "46", "0.25", "1.1 million" is not attempted). */
void fc_sb_number(fc_strbuf *sb, double v);

/* Appends " [low, high]" for an interval that is not a single point, with
 * fc_sb_number's figures and open_high in place of an unbounded upper side. */
void fc_sb_interval(fc_strbuf *sb, double low, double high, const char *open_high);

/* Appends a number for machines: C locale, up to 15 significant digits (every
 * decimal a document can state, without the binary noise of arithmetic on it:
 * 110000 * 1.1 is 121000, not 121000.00000000001); nothing for a non-finite value. */
void fc_sb_decimal(fc_strbuf *sb, double v);

/* The SHA-256 of len bytes at data, as 64 lowercase hex digits and a NUL (sha256.c). */
#define FC_SHA256_HEX 65
void fc_sha256_hex(const void *data, size_t len, char out[FC_SHA256_HEX]);

/* Largest rule, dataset or events file fc_read_file reads (bytes): 64 MiB, over
 * a hundred times the shipped ones; documents have FC_DOC_MAX_BYTES (doc.h). */
#define FC_DATA_MAX_BYTES ((size_t)64 << 20)

/* The one reader of every file factcheck opens. Reads the file at path ("-":
 * standard input) into *text (NUL-terminated, the caller frees it; *len bytes
 * before the NUL). At most max bytes are ever read or held: a longer file is
 * refused, from its size when it is a regular file, else as soon as max bytes
 * are passed. A NUL byte is refused as soon as it is read (a binary file, or
 * /dev/zero, costs one block). A folder is refused; so, when regular_only, is
 * anything but a regular file (a FIFO, a device, a socket), before it is opened
 * and again after (opened without blocking), so that a FIFO is never waited on.
 * what names the kind of file in messages ("a FIFO, not a rule file; not read").
 * Errors, diag naming the file: FC_EIO (cannot open or read, not a regular file),
 * FC_EFORMAT (too large, binary), FC_ENOMEM. */
fc_status fc_read_limited(const char *path, const char *what, size_t max, bool regular_only,
                          char **text, size_t *len, fc_diag *diag);

/* Opens path ("-": standard input) for reading as fc_read_limited does (a folder
 * refused, and when regular_only anything but a regular file, never waiting on
 * a FIFO), with no limit on its size, for a reader that takes it a piece at a
 * time. *fd is -1 on failure. Errors as fc_read_limited's. */
fc_status fc_open_limited(const char *path, const char *what, bool regular_only, int *fd,
                          fc_diag *diag);

/* fc_read_limited for rule, dataset and events files: at most FC_DATA_MAX_BYTES,
 * and a regular file or standard input ("-") only. */
fc_status fc_read_file(const char *path, const char *what, char **text, size_t *len, fc_diag *diag);

/* "a folder", "a FIFO", "a socket", "a device" or "a regular file", for messages. */
const char *fc_file_kind(unsigned mode);

/* The message for errno value err, like strerror, but safe to call from several
 * threads at once (documents are loaded in parallel): written into buf (size n). */
const char *fc_strerror(int err, char *buf, size_t n);

/* strdup / strndup in C11. NULL when out of memory (or s is NULL). */
char *fc_strdup(const char *s);
char *fc_strndup(const char *s, size_t n);

/* Grows *items (of elem bytes each) so that it holds at least need elements. */
fc_status fc_grow(void **items, size_t *cap, size_t need, size_t elem);

/* Fills diag (may be NULL) with file and a printf-style message. */
void fc_diag_set(fc_diag *diag, const char *file, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* JSON paths for messages: base + "." + key, and base + "[i]" (truncated to n). */
void fc_path_key(char *out, size_t n, const char *base, const char *key);
void fc_path_index(char *out, size_t n, const char *base, size_t i);
/* base + "/" + id: how an entry of a list is named in the origins of rules. */
void fc_path_id(char *out, size_t n, const char *base, const char *id);

/* 32-bit FNV-1a hash, for stable ids. */
unsigned long fc_hash(const void *data, size_t n, unsigned long seed);

/* ASCII case-insensitive comparison of n bytes. */
bool fc_ieq(const char *a, const char *b, size_t n);

#endif
