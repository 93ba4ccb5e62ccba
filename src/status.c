/* status.c - names for status codes, formatting of diagnostics, and text made
 * safe for a terminal. */
#include <stdio.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

const char *fc_status_str(fc_status status)
{
    switch (status) {
    case FC_OK:
        return "ok";
    case FC_ENOMEM:
        return "out of memory";
    case FC_EIO:
        return "cannot read";
    case FC_EFORMAT:
        return "not a usable text document";
    case FC_EINVAL:
        return "invalid argument";
    case FC_ERULES:
        return "invalid rule file";
    }
    return "unknown status";
}

/* The character at s (n >= 1 bytes left) for a terminal: returns how many bytes
 * of s it takes, and sets *esc to the code to show as \xNN, or to -1 when the
 * bytes are shown as they are. */
static size_t term_char(const unsigned char *s, size_t n, int *esc)
{
    unsigned char c = s[0];
    *esc = -1;
    if (c < 0x20 || c == 0x7F) {
        *esc = c;
        return 1;
    }
    if (c < 0x80)
        return 1;
    size_t len = fc_utf8_len(s, n);
    if (len == 0) /* not UTF-8: a lone 0x9B would be CSI to an 8-bit terminal */
        *esc = c;
    else if (c == 0xC2 && s[1] < 0xA0) /* U+0080 to U+009F, the C1 controls */
        *esc = s[1];
    return len ? len : 1;
}

void fc_sb_term(fc_strbuf *sb, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t run = 0, i = 0;
    while (i < n) {
        if (s[i] >= 0x20 && s[i] < 0x7F) { /* the common case: printable ASCII */
            i++;
            continue;
        }
        int esc;
        size_t len = term_char(s + i, n - i, &esc);
        if (esc >= 0) {
            fc_sb_add(sb, str + run, i - run);
            fc_sb_printf(sb, "\\x%02x", (unsigned)esc);
            run = i + len;
        }
        i += len;
    }
    fc_sb_add(sb, str + run, n - run);
}

void fc_sb_term_str(fc_strbuf *sb, const char *s)
{
    if (s)
        fc_sb_term(sb, s, strlen(s));
}

char *fc_term_safe(const char *str, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    size_t len = strlen((const char *)s), i = 0, o = 0;
    while (i < len) {
        int esc;
        size_t k = term_char(s + i, len - i, &esc);
        size_t need = esc >= 0 ? 4 : k;
        if (o + need >= n)
            break; /* a whole character or nothing */
        if (esc >= 0) {
            buf[o] = '\\';
            buf[o + 1] = 'x';
            buf[o + 2] = "0123456789abcdef"[esc >> 4];
            buf[o + 3] = "0123456789abcdef"[esc & 15];
        } else {
            memcpy(buf + o, s + i, k);
        }
        o += need;
        i += k;
    }
    buf[o] = '\0';
    return buf;
}

char *fc_diag_format(const fc_diag *diag, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    char raw[sizeof diag->file + sizeof diag->message + 32];
    if (diag->line > 0)
        snprintf(raw, sizeof raw, "%s:%u:%u: %s", diag->file, diag->line, diag->col, diag->message);
    else if (diag->file[0])
        snprintf(raw, sizeof raw, "%s: %s", diag->file, diag->message);
    else
        snprintf(raw, sizeof raw, "%s", diag->message);
    return fc_term_safe(raw, buf, n);
}

const char *fc_version(void)
{
    return FC_VERSION;
}
