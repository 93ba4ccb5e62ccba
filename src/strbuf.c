/* strbuf.c - growable strings and other small helpers (see util.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void fc_sb_add(fc_strbuf *sb, const char *s, size_t n)
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
        char out[32];
        size_t n = sizeof out, digits = 0;
        unsigned long long u = (unsigned long long)v;
        do {
            if (digits && digits % 3 == 0)
                out[--n] = ',';
            out[--n] = (char)('0' + u % 10);
            u /= 10;
            digits++;
        } while (u);
        fc_sb_add(sb, out + n, sizeof out - n);
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

fc_status fc_read_file(const char *path, const char *what, char **text, size_t *len, fc_diag *diag)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        char why[128];
        fc_diag_set(diag, path, 0, 0, "cannot open %s: %s", what,
                    fc_strerror(errno, why, sizeof why));
        return FC_EIO;
    }
    fc_strbuf sb = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fc_sb_add(&sb, chunk, n);
    bool bad = ferror(f);
    if (!is_stdin)
        fclose(f);
    if (bad) {
        fc_sb_free(&sb);
        fc_diag_set(diag, path, 0, 0, "cannot read %s", what);
        return FC_EIO;
    }
    *len = sb.len;
    return (*text = fc_sb_take(&sb)) ? FC_OK : FC_ENOMEM;
}
