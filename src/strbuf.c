/* strbuf.c - growable strings and other small helpers (see util.h). */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

void fc_sb_add_grow(fc_strbuf *sb, const char *s, size_t n)
{
    if (sb->failed)
        return;
    if (sb->len + n + 1 > sb->cap) {
        size_t cap = sb->cap ? sb->cap : 64;
        while (cap < sb->len + n + 1)
            cap *= 2;
        char *p = realloc(sb->data, cap);
        if (!p) {
            sb->failed = true;
            return;
        }
        sb->data = p;
        sb->cap = cap;
    }
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void fc_sb_puts(fc_strbuf *sb, const char *s)
{
    fc_sb_add(sb, s, strlen(s));
}

void fc_sb_printf(fc_strbuf *sb, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        fc_sb_add(sb, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        sb->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    fc_sb_add(sb, big, (size_t)n);
    free(big);
}

char *fc_sb_take(fc_strbuf *sb)
{
    char *s = sb->failed ? NULL : sb->data;
    if (sb->failed)
        free(sb->data);
    else if (!s)
        s = fc_strdup("");
    else if (sb->cap > sb->len + 1) { /* the room it grew beyond its bytes */
        char *fit = realloc(s, sb->len + 1);
        if (fit)
            s = fit;
    }
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->failed = false;
    return s;
}

void fc_sb_free(fc_strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->failed = false;
}

char *fc_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *fc_strdup(const char *s)
{
    return s ? fc_strndup(s, strlen(s)) : NULL;
}

fc_status fc_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return FC_OK;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / elem)
            return FC_ENOMEM;
        ncap *= 2;
    }
    void *p = realloc(*items, ncap * elem);
    if (!p)
        return FC_ENOMEM;
    *items = p;
    *cap = ncap;
    return FC_OK;
}

void fc_diag_set(fc_diag *diag, const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
    if (!diag)
        return;
    snprintf(diag->file, sizeof diag->file, "%s", file ? file : "");
    diag->line = line;
    diag->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(diag->message, sizeof diag->message, fmt, ap);
    va_end(ap);
}

unsigned long fc_hash(const void *data, size_t n, unsigned long seed)
{
    const unsigned char *p = data;
    unsigned long h = seed ? seed : 2166136261UL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h = (h * 16777619UL) & 0xffffffffUL;
    }
    return h;
}

bool fc_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

/* Appends u with thousands separators and, when cents is not 0, "." and its
 * two digits without trailing zeros. */
static void put_grouped(fc_strbuf *sb, unsigned long long u, unsigned cents)
{
    char out[40];
    size_t n = sizeof out, digits = 0;
    if (cents) {
        if (cents % 10)
            out[--n] = (char)('0' + cents % 10);
        out[--n] = (char)('0' + cents / 10);
        out[--n] = '.';
    }
    do {
        if (digits && digits % 3 == 0)
            out[--n] = ',';
        out[--n] = (char)('0' + u % 10);
        u /= 10;
        digits++;
    } while (u);
    fc_sb_add(sb, out + n, sizeof out - n);
}

void fc_sb_number(fc_strbuf *sb, double v)
{
    char buf[64];
    if (v != v || v > 1e15 || v < -1e15) {
        fc_sb_printf(sb, "%g", v);
        return;
    }
    if (v < 0) {
        fc_sb_add(sb, "-", 1);
        v = -v;
    }
    if (v == (double)(long long)v) { /* a whole number, the common case: no printf */
        put_grouped(sb, (unsigned long long)v, 0);
        return;
    }
    if (v < 0x1p44) {
        /* What "%.2f" writes, without printf: v * 100 rounded to the nearest
         * whole number, ties to even, exactly. p + e is v * 100 exactly (fma
         * gives the product's rounding error); below 2^51, p keeps a quarter's
         * precision, so its fraction d decides unless it is exactly one half,
         * where e does, and a true tie goes to the even number. */
        double p = v * 100, e = fma(v, 100, -p), f = floor(p), d = p - f;
        unsigned long long q = (unsigned long long)f;
        if (d > 0.5 || (d == 0.5 && (e > 0 || (e == 0 && (q & 1)))))
            q++;
        put_grouped(sb, q / 100, (unsigned)(q % 100));
        return;
    }
    snprintf(buf, sizeof buf, "%.2f", v);
    char *dot = strchr(buf, '.');
    size_t intlen = (size_t)(dot - buf);
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            fc_sb_add(sb, ",", 1);
        fc_sb_add(sb, buf + i, 1);
    }
    /* Drop trailing zeros of the fraction. */
    size_t end = strlen(buf);
    while (end > intlen + 1 && buf[end - 1] == '0')
        end--;
    if (end > intlen + 1)
        fc_sb_add(sb, dot, end - intlen);
}

void fc_sb_interval(fc_strbuf *sb, double low, double high, const char *open_high)
{
    if (low == high)
        return;
    fc_sb_puts(sb, " [");
    fc_sb_number(sb, low);
    fc_sb_puts(sb, ", ");
    if (isinf(high))
        fc_sb_puts(sb, open_high);
    else
        fc_sb_number(sb, high);
    fc_sb_puts(sb, "]");
}

void fc_sb_decimal(fc_strbuf *sb, double v)
{
    if (isfinite(v))
        fc_sb_printf(sb, "%.15g", v);
}

void fc_path_key(char *out, size_t n, const char *base, const char *key)
{
    snprintf(out, n, "%s.%s", base, key);
}

void fc_path_index(char *out, size_t n, const char *base, size_t i)
{
    snprintf(out, n, "%s[%zu]", base, i);
}

void fc_path_id(char *out, size_t n, const char *base, const char *id)
{
    snprintf(out, n, "%s/%s", base, id);
}

const char *fc_strerror(int err, char *buf, size_t n)
{
    /* The POSIX strerror_r (this build does not ask for the GNU one): 0 on success. */
    if (strerror_r(err, buf, n) != 0)
        snprintf(buf, n, "error %d", err);
    return buf;
}

/* Refuses path before it is opened when it is not a regular file (a FIFO would
 * block the open), or, with O_NONBLOCK, after: it may have been replaced since. */
static fc_status refuse_kind(const char *path, unsigned mode, const char *what, fc_diag *diag)
{
    fc_diag_set(diag, path, 0, 0, "%s, not %s %s; not read", fc_file_kind(mode),
                strchr("aeiou", what[0]) ? "an" : "a", what);
    return FC_EIO;
}

static fc_status too_large(const char *path, size_t max, fc_diag *diag)
{
    fc_diag_set(diag, path, 0, 0, "file is larger than %zu MiB; not read", max >> 20);
    return FC_EFORMAT;
}

/* Opens path for fc_read_limited; *fd is -1 on failure (diag set, status returned). */
static fc_status open_checked(const char *path, const char *what, size_t max, bool regular_only,
                              int *fd, size_t *hint, fc_diag *diag)
{
    char why[128];
    struct stat st;
    *fd = -1;
    *hint = 0;
    bool is_stdin = strcmp(path, "-") == 0;
    if (is_stdin) {
        *fd = STDIN_FILENO;
    } else {
        /* stat first: a FIFO or a device is refused without being opened at all. */
        if (regular_only && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
            return refuse_kind(path, st.st_mode, what, diag);
        /* O_NONBLOCK: should the file have become a FIFO since, the open does
         * not wait for a writer; fstat below refuses it. */
        *fd = open(path, O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
        if (*fd < 0) {
            fc_diag_set(diag, path, 0, 0, "cannot open: %s", fc_strerror(errno, why, sizeof why));
            return FC_EIO;
        }
    }
    fc_status rc = FC_OK;
    if (fstat(*fd, &st) != 0) {
        fc_diag_set(diag, path, 0, 0, "cannot read: %s", fc_strerror(errno, why, sizeof why));
        rc = FC_EIO;
    } else if (S_ISDIR(st.st_mode) || (regular_only && !is_stdin && !S_ISREG(st.st_mode))) {
        rc = refuse_kind(path, st.st_mode, what, diag);
    } else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
        rc = too_large(path, max, diag); /* from its size, before anything is read */
    } else if (S_ISREG(st.st_mode)) {
        *hint = (size_t)st.st_size;
        if (regular_only) { /* reads of a regular file never block: back to normal reads */
            int flags = fcntl(*fd, F_GETFL);
            if (flags >= 0)
                fcntl(*fd, F_SETFL, flags & ~O_NONBLOCK);
        }
    }
    if (rc != FC_OK && !is_stdin) {
        close(*fd);
        *fd = -1;
    }
    return rc;
}

/* Reads fd to its end into *buf (with room for a NUL after the *len bytes), at
 * most max bytes, stopping at the first NUL byte read. hint is the expected size
 * (a regular file's), 0 if unknown: the buffer then grows by doubling, never
 * past max + 1 bytes. */
static fc_status read_fd(int fd, const char *path, size_t hint, size_t max, char **buf,
                         size_t *len, fc_diag *diag)
{
    size_t cap = hint ? (hint < max ? hint : max) + 1 : (size_t)1 << 16, n = 0;
    if (cap > max + 1)
        cap = max + 1;
    char *p = malloc(cap + 1);
    if (!p)
        return FC_ENOMEM;
    for (;;) {
        if (n == cap) {
            if (n > max) {
                free(p);
                return too_large(path, max, diag);
            }
            size_t ncap = cap <= (max + 1) / 2 ? cap * 2 : max + 1;
            char *q = realloc(p, ncap + 1);
            if (!q) {
                free(p);
                return FC_ENOMEM;
            }
            p = q;
            cap = ncap;
        }
        ssize_t got = read(fd, p + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            char why[128];
            fc_diag_set(diag, path, 0, 0, "cannot read: %s", fc_strerror(errno, why, sizeof why));
            free(p);
            return FC_EIO;
        }
        if (got == 0)
            break;
        const char *nul = memchr(p + n, '\0', (size_t)got);
        if (nul) { /* binary: refused as soon as the byte is read, not at the end */
            fc_diag_set(diag, path, 0, 0,
                        "binary file (NUL byte at offset %zu); not a text document",
                        (size_t)(nul - p));
            free(p);
            return FC_EFORMAT;
        }
        n += (size_t)got;
    }
    if (n > max) {
        free(p);
        return too_large(path, max, diag);
    }
    p[n] = '\0';
    *buf = p;
    *len = n;
    return FC_OK;
}

fc_status fc_read_limited(const char *path, const char *what, size_t max, bool regular_only,
                          char **text, size_t *len, fc_diag *diag)
{
    int fd;
    size_t hint;
    *text = NULL;
    *len = 0;
    fc_status st = open_checked(path, what, max, regular_only, &fd, &hint, diag);
    if (st != FC_OK)
        return st;
    st = read_fd(fd, path, hint, max, text, len, diag);
    if (fd != STDIN_FILENO)
        close(fd);
    if (st == FC_ENOMEM)
        fc_diag_set(diag, path, 0, 0, "out of memory");
    return st;
}

fc_status fc_open_limited(const char *path, const char *what, bool regular_only, int *fd,
                          fc_diag *diag)
{
    size_t hint;
    return open_checked(path, what, (size_t)-1, regular_only, fd, &hint, diag);
}

fc_status fc_read_file(const char *path, const char *what, char **text, size_t *len, fc_diag *diag)
{
    return fc_read_limited(path, what, FC_DATA_MAX_BYTES, true, text, len, diag);
}

const char *fc_file_kind(unsigned mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    return S_ISREG(mode) ? "a regular file" : "not a regular file";
}
