/* decisions.c - the desk's review decisions: reading, validating, changing and
 * writing a decisions file (docs/review.md). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "date.h"
#include "factcheck/decisions.h"
#include "jsonpos.h"
#include "report_internal.h"
#include "util.h"

struct fc_decisions {
    fc_decision *items; /* sorted by finding */
    size_t n, cap;
};

static const char *const verdict_names[] = {"confirmed", "false_alarm", "corrected"};

const char *fc_verdict_name(fc_verdict v)
{
    return (size_t)v < 3 ? verdict_names[v] : "confirmed";
}

fc_status fc_verdict_parse(const char *name, fc_verdict *out)
{
    for (int i = 0; name && i < 3; i++)
        if (strcmp(name, verdict_names[i]) == 0) {
            *out = (fc_verdict)i;
            return FC_OK;
        }
    return FC_EINVAL;
}

bool fc_fingerprint_valid(const char *s)
{
    if (!s || s[0] != 'f')
        return false;
    for (int i = 1; i <= 16; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return s[17] == '\0';
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool fc_utc_time_valid(const char *s)
{
    /* YYYY-MM-DDTHH:MM:SSZ */
    if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':' || s[19] != 'Z')
        return false;
    int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2), h = digits(s + 11, 2),
        mi = digits(s + 14, 2), se = digits(s + 17, 2);
    return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= fc_month_days(y, mo) && h >= 0 &&
           h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 60;
}

/* Whether s is UTF-8 throughout (a decisions file is UTF-8 JSON). */
static bool utf8_ok(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k =
            (unsigned char)s[i] < 0x80 ? 1 : fc_utf8_len((const unsigned char *)s + i, n - i);
        if (k == 0)
            return false;
        i += k;
    }
    return true;
}

fc_decisions *fc_decisions_new(void)
{
    return calloc(1, sizeof(fc_decisions));
}

static void decision_free(fc_decision *x)
{
    free(x->note);
    free(x->by);
    free(x->at);
    free(x->file);
}

void fc_decisions_free(fc_decisions *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        decision_free(&d->items[i]);
    free(d->items);
    free(d);
}

size_t fc_decisions_count(const fc_decisions *d)
{
    return d ? d->n : 0;
}

const fc_decision *fc_decisions_at(const fc_decisions *d, size_t i)
{
    return d && i < d->n ? &d->items[i] : NULL;
}

/* The index of finding in d, or where it would go (*found false). */
static size_t locate(const fc_decisions *d, const char *finding, bool *found)
{
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(d->items[mid].finding, finding);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

const fc_decision *fc_decisions_find(const fc_decisions *d, const char *finding)
{
    bool found;
    size_t i = d && finding ? locate(d, finding, &found) : 0;
    return d && finding && found ? &d->items[i] : NULL;
}

/* Puts x (whose strings it takes) in its place, replacing a decision on the
 * same finding. Errors: FC_ENOMEM (x's strings freed). */
static fc_status put(fc_decisions *d, fc_decision *x)
{
    bool found;
    size_t i = locate(d, x->finding, &found);
    if (found) {
        decision_free(&d->items[i]);
        d->items[i] = *x;
        return FC_OK;
    }
    if (fc_grow((void **)&d->items, &d->cap, d->n + 1, sizeof *d->items) != FC_OK) {
        decision_free(x);
        return FC_ENOMEM;
    }
    memmove(&d->items[i + 1], &d->items[i], (d->n - i) * sizeof *d->items);
    d->items[i] = *x;
    d->n++;
    return FC_OK;
}

fc_status fc_decisions_set(fc_decisions *d, const char *finding, fc_verdict verdict,
                           const char *note, const char *by, const char *at, fc_diag *diag)
{
    if (!fc_fingerprint_valid(finding)) {
        fc_diag_set(diag, "", 0, 0, "not a finding fingerprint (f and 16 hex digits)");
        return FC_EINVAL;
    }
    if (!by || !*by) {
        fc_diag_set(diag, "", 0, 0, "who decided is not given");
        return FC_EINVAL;
    }
    if (!utf8_ok(by) || (note && !utf8_ok(note))) {
        fc_diag_set(diag, "", 0, 0, "the note or the name is not UTF-8 text");
        return FC_EINVAL;
    }
    if (!fc_utc_time_valid(at)) {
        fc_diag_set(diag, "", 0, 0, "not a time in ISO 8601 UTC (YYYY-MM-DDTHH:MM:SSZ)");
        return FC_EINVAL;
    }
    if ((size_t)verdict >= 3)
        return FC_EINVAL;
    fc_decision x = {{0}, verdict, fc_strdup(note ? note : ""), fc_strdup(by), fc_strdup(at), NULL,
                     0,   0};
    memcpy(x.finding, finding, 18);
    if (!x.note || !x.by || !x.at) {
        decision_free(&x);
        return FC_ENOMEM;
    }
    return put(d, &x);
}

bool fc_decisions_remove(fc_decisions *d, const char *finding)
{
    bool found;
    size_t i = locate(d, finding, &found);
    if (!found)
        return false;
    decision_free(&d->items[i]);
    memmove(&d->items[i], &d->items[i + 1], (d->n - i - 1) * sizeof *d->items);
    d->n--;
    return true;
}

/* ---- reading ----------------------------------------------------------------- */

typedef struct reader {
    const char *path, *text;
    fc_jsonpos *pos;
    fc_diag *diag;
} reader;

static fc_status bad(const reader *r, const char *at, bool key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static fc_status bad(const reader *r, const char *at, bool key, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t off;
    unsigned line = 0, col = 0;
    if (fc_jsonpos_find(r->pos, at, key, &off))
        fc_jsonpos_linecol(r->text, off, &line, &col);
    fc_diag_set(r->diag, r->path, line, col, "%s: %s", at, msg);
    return FC_EFORMAT;
}

/* Refuses a member not in names (NULL-terminated), naming it. */
static fc_status only_keys(const reader *r, const cJSON *obj, const char *at,
                           const char *const *names)
{
    const cJSON *m;
    cJSON_ArrayForEach(m, obj)
    {
        bool known = false;
        for (size_t i = 0; names[i] && !known; i++)
            known = strcmp(m->string, names[i]) == 0;
        if (!known) {
            char where[300];
            fc_path_key(where, sizeof where, at, m->string);
            return bad(r, where, true, "unknown field (expected %s%s%s%s%s%s%s%s%s)", names[0],
                       names[1] ? ", " : "", names[1] ? names[1] : "", names[2] ? ", " : "",
                       names[2] ? names[2] : "", names[3] ? ", " : "", names[3] ? names[3] : "",
                       names[3] && names[4] ? ", " : "", names[3] && names[4] ? names[4] : "");
        }
    }
    return FC_OK;
}

/* A string member: required, or NULL when absent and optional. */
static fc_status member(const reader *r, const cJSON *obj, const char *at, const char *name,
                        bool required, const char **out)
{
    char where[300];
    fc_path_key(where, sizeof where, at, name);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    *out = NULL;
    if (!v)
        return required ? bad(r, at, false, "\"%s\" is missing", name) : FC_OK;
    if (!cJSON_IsString(v))
        return bad(r, where, false, "expected a string");
    *out = v->valuestring;
    return FC_OK;
}

static fc_status read_entry(const reader *r, const cJSON *e, const char *at, fc_decision *x)
{
    static const char *const keys[] = {"finding", "decision", "note", "by", "at", NULL};
    char where[300];
    if (!cJSON_IsObject(e))
        return bad(r, at, false, "expected an object with finding, decision, note, by and at");
    fc_status st = only_keys(r, e, at, keys);
    const char *finding, *decision, *note, *by, *when;
    if (st == FC_OK)
        st = member(r, e, at, "finding", true, &finding);
    if (st == FC_OK)
        st = member(r, e, at, "decision", true, &decision);
    if (st == FC_OK)
        st = member(r, e, at, "note", false, &note);
    if (st == FC_OK)
        st = member(r, e, at, "by", true, &by);
    if (st == FC_OK)
        st = member(r, e, at, "at", true, &when);
    if (st != FC_OK)
        return st;
    if (!fc_fingerprint_valid(finding)) {
        fc_path_key(where, sizeof where, at, "finding");
        return bad(r, where, false, "not a finding fingerprint (f and 16 lower-case hex digits)");
    }
    if (fc_verdict_parse(decision, &x->verdict) != FC_OK) {
        fc_path_key(where, sizeof where, at, "decision");
        return bad(r, where, false, "unknown decision (confirmed, false_alarm or corrected)");
    }
    if (!*by) {
        fc_path_key(where, sizeof where, at, "by");
        return bad(r, where, false, "empty: say who decided");
    }
    if (!fc_utc_time_valid(when)) {
        fc_path_key(where, sizeof where, at, "at");
        return bad(r, where, false, "not a time in ISO 8601 UTC (YYYY-MM-DDTHH:MM:SSZ)");
    }
    memcpy(x->finding, finding, 18);
    x->note = fc_strdup(note ? note : "");
    x->by = fc_strdup(by);
    x->at = fc_strdup(when);
    x->file = fc_strdup(r->path);
    return x->note && x->by && x->at && x->file ? FC_OK : FC_ENOMEM;
}

/* A line and column counted up to an offset, to be moved on from there. */
typedef struct cursor {
    size_t off;
    unsigned line, col;
} cursor;

static void advance(const char *text, cursor *c, size_t to)
{
    for (; c->off < to && text[c->off]; c->off++) {
        if (text[c->off] == '\n') {
            c->line++;
            c->col = 1;
        } else {
            c->col++;
        }
    }
}

typedef struct read_one {
    fc_decision x;
    size_t index; /* its place in the file's array */
} read_one;

static int by_finding_then_index(const void *pa, const void *pb)
{
    const read_one *a = pa, *b = pb;
    int c = strcmp(a->x.finding, b->x.finding);
    return c ? c : a->index < b->index ? -1 : a->index > b->index;
}

static fc_status read_root(const reader *r, const cJSON *root, fc_decisions *into)
{
    static const char *const keys[] = {"version", "decisions", NULL, NULL};
    if (!cJSON_IsObject(root))
        return bad(r, "$", false, "expected an object with \"decisions\"");
    fc_status st = only_keys(r, root, "$", keys);
    if (st != FC_OK)
        return st;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "version");
    if (v && !(cJSON_IsString(v) && strcmp(v->valuestring, "1.0") == 0))
        return bad(r, "$.version", false, "unknown version (this factcheck reads \"1.0\")");
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "decisions");
    if (!arr)
        return bad(r, "$", false, "\"decisions\" is missing");
    if (!cJSON_IsArray(arr))
        return bad(r, "$.decisions", false, "expected an array");
    /* Read in file order, then sorted once (a file in any order costs n log n);
     * the positions of the entries are counted on from one to the next. */
    size_t n = (size_t)cJSON_GetArraySize(arr), k = 0;
    cursor cur = {0, 1, 1};
    read_one *all = calloc(n ? n : 1, sizeof *all);
    if (!all)
        return FC_ENOMEM;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        char at[64];
        fc_path_index(at, sizeof at, "$.decisions", k);
        all[k].index = k;
        st = read_entry(r, e, at, &all[k].x);
        size_t off;
        if (st == FC_OK && fc_jsonpos_find(r->pos, at, false, &off) && off >= cur.off) {
            advance(r->text, &cur, off);
            all[k].x.line = cur.line;
            all[k].x.col = cur.col;
        }
        k++;
        if (st != FC_OK)
            break;
    }
    if (st == FC_OK)
        qsort(all, n, sizeof *all, by_finding_then_index);
    /* A finding decided twice: the first repeat in the file is refused. */
    size_t repeat = n;
    for (size_t i = 1; st == FC_OK && i < n; i++)
        if (strcmp(all[i - 1].x.finding, all[i].x.finding) == 0 &&
            (repeat == n || all[i].index < all[repeat].index))
            repeat = i;
    if (st == FC_OK && repeat < n) {
        char at[64], where[80];
        fc_path_index(at, sizeof at, "$.decisions", all[repeat].index);
        fc_path_key(where, sizeof where, at, "finding");
        const fc_decision *first = &all[repeat - 1].x;
        st = bad(r, where, false, "%s is decided twice (also at line %u, column %u)",
                 first->finding, first->line, first->col);
    }
    for (size_t i = 0; i < k; i++) {
        if (st == FC_OK)
            st = put(into, &all[i].x); /* in order: each goes at the end */
        else
            decision_free(&all[i].x);
    }
    free(all);
    return st;
}

fc_status fc_decisions_load(fc_decisions *d, const char *path, fc_diag *diag)
{
    char *text = NULL;
    size_t len = 0;
    fc_status st = fc_read_file(path, "decisions file", &text, &len, diag);
    if (st != FC_OK)
        return st;
    reader r = {path, text, fc_jsonpos_scan(text, len), diag};
    fc_decisions fresh = {0};
    const char *end = NULL;
    cJSON *root = NULL;
    if (!r.pos) {
        st = FC_ENOMEM;
    } else if (!(root = cJSON_ParseWithLengthOpts(text, len, &end, false))) {
        size_t off = end ? (size_t)(end - text) : 0;
        if (off > 0 && off <= len && (text[off - 1] == '}' || text[off - 1] == ']'))
            off--;
        unsigned line, col;
        fc_jsonpos_linecol(text, off, &line, &col);
        fc_diag_set(diag, path, line, col, "malformed JSON");
        st = FC_EFORMAT;
    } else {
        size_t after = (size_t)(end - text), first, second;
        while (after < len && strchr(" \t\r\n", text[after]) && text[after])
            after++;
        unsigned line, col;
        if (after < len) {
            fc_jsonpos_linecol(text, after, &line, &col);
            fc_diag_set(diag, path, line, col, "text after the JSON value");
            st = FC_EFORMAT;
        } else if (fc_jsonpos_duplicate(r.pos, &first, &second)) {
            unsigned line1, col1;
            fc_jsonpos_linecol(text, first, &line1, &col1);
            fc_jsonpos_linecol(text, second, &line, &col);
            fc_diag_set(diag, path, line, col, "duplicate key (also at line %u, column %u)", line1,
                        col1);
            st = FC_EFORMAT;
        } else {
            st = read_root(&r, root, &fresh);
        }
    }
    for (size_t i = 0; st == FC_OK && i < fresh.n; i++) {
        st = put(d, &fresh.items[i]);
        fresh.items[i] = (fc_decision){0};
    }
    for (size_t i = 0; i < fresh.n; i++)
        decision_free(&fresh.items[i]);
    free(fresh.items);
    cJSON_Delete(root);
    fc_jsonpos_free(r.pos);
    free(text);
    return st;
}

/* ---- writing ----------------------------------------------------------------- */

static void json_str(fc_strbuf *sb, const char *s)
{
    fc_sb_add(sb, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            char e[2] = {'\\', (char)*p};
            fc_sb_add(sb, e, 2);
        } else if (*p < 0x20 || *p == 0x7F) {
            fc_sb_printf(sb, "\\u%04x", *p);
        } else {
            fc_sb_add(sb, (const char *)p, 1);
        }
    }
    fc_sb_add(sb, "\"", 1);
}

fc_status fc_decisions_write(const fc_decisions *d, FILE *out)
{
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "{\n  \"version\": \"1.0\",\n  \"decisions\": [");
    for (size_t i = 0; i < d->n; i++) {
        const fc_decision *x = &d->items[i];
        fc_sb_printf(&sb,
                     "%s\n    {\"finding\": \"%s\", \"decision\": \"%s\", \"by\": ", i ? "," : "",
                     x->finding, fc_verdict_name(x->verdict));
        json_str(&sb, x->by);
        fc_sb_printf(&sb, ", \"at\": \"%s\", \"note\": ", x->at);
        json_str(&sb, x->note);
        fc_sb_puts(&sb, "}");
    }
    fc_sb_puts(&sb, d->n ? "\n  ]\n}\n" : "]\n}\n");
    fc_status st = fc_report_flush(out, &sb);
    fc_sb_free(&sb);
    return st;
}
