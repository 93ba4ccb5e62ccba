/* claimfile.c - reading claims files back: the lines `factcheck extract -f jsonl`
 * writes (a claim a line, then an input record a line), from any number of
 * files in any order, into a corpus whose checks and reports are those of the
 * run that extracted them (docs/claim-record.md, "Claims files").
 *
 * A line that is neither a claim nor an input record, or lacks a field, or has
 * one of the wrong type, becomes an input with an error naming FILE:LINE; the
 * other lines go on.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_internal.h"
#include "keep.h"
#include "util.h"

/* Why a line was refused; "" while it is fine. */
typedef struct why {
    char msg[256];
} why;

__attribute__((format(printf, 2, 3))) static void fail(why *w, const char *fmt, ...)
{
    if (w->msg[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->msg, sizeof w->msg, fmt, ap);
    va_end(ap);
}

static const cJSON *field(const cJSON *o, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(o, name);
}

/* A required string field (NULL and an error when absent or not a string). */
static const char *str_req(const cJSON *o, const char *name, why *w)
{
    const cJSON *f = field(o, name);
    if (!f) {
        fail(w, "no \"%s\"", name);
        return NULL;
    }
    if (!cJSON_IsString(f)) {
        fail(w, "\"%s\" is not a string", name);
        return NULL;
    }
    return f->valuestring;
}

/* An optional string field: null or absent is NULL. */
static const char *str_opt(const cJSON *o, const char *name, why *w)
{
    const cJSON *f = field(o, name);
    if (!f || cJSON_IsNull(f))
        return NULL;
    if (!cJSON_IsString(f)) {
        fail(w, "\"%s\" is not a string", name);
        return NULL;
    }
    return f->valuestring;
}

/* A number field: required, or (nullable) null gives dflt. */
static double num(const cJSON *o, const char *name, bool nullable, double dflt, why *w)
{
    const cJSON *f = field(o, name);
    if (f && cJSON_IsNumber(f))
        return f->valuedouble;
    if (nullable && (!f || cJSON_IsNull(f)))
        return dflt;
    if (f)
        fail(w, "\"%s\" is not a number", name);
    else
        fail(w, "no \"%s\"", name);
    return dflt;
}

/* A count or offset: a whole number from 0 to 2^53. */
static size_t count(const cJSON *o, const char *name, why *w)
{
    double v = num(o, name, false, 0, w);
    if (!(v >= 0 && v <= 9007199254740992.0 && v == floor(v))) {
        fail(w, "\"%s\" is not a whole number of at least 0", name);
        return 0;
    }
    return (size_t)v;
}

/* An enum by its name (names(i) for i in [0, n)); nullable: null is `none`. */
static int named(const cJSON *o, const char *name, const char *(*names)(int), int n,
                 bool nullable, int none, why *w)
{
    const char *s = nullable ? str_opt(o, name, w) : str_req(o, name, w);
    if (!s)
        return none;
    for (int i = 0; i < n; i++) {
        const char *x = names(i);
        if (x && strcmp(x, s) == 0)
            return i;
    }
    fail(w, "\"%s\" has an unknown value", name);
    return none;
}

static const char *qualifier_name(int i)
{
    return fc_qualifier_name((fc_qualifier)i);
}
static const char *unit_name(int i)
{
    return fc_unit_name((fc_unit)i);
}
static const char *per_name(int i)
{
    return fc_per_name((fc_per)i);
}
static const char *modality_name(int i)
{
    return fc_modality_name((fc_modality)i);
}
static const char *role_name(int i)
{
    return fc_role_name((fc_role)i);
}
static const char *direction_name(int i)
{
    return fc_direction_name((fc_direction)i);
}

/* Copies s into a fixed field of size n; an error when it does not fit. */
static void fixed(char *dst, size_t n, const char *s, const char *name, why *w)
{
    if (!s)
        return;
    if (strlen(s) >= n) {
        fail(w, "\"%s\" is too long", name);
        return;
    }
    strcpy(dst, s);
}

static char *dup_opt(const char *s, bool *oom)
{
    char *d = s ? fc_strdup(s) : NULL;
    if (s && !d)
        *oom = true;
    return d;
}

static fc_status read_claim(fc_corpus *c, const cJSON *o, const char *where, why *w)
{
    fc_claim cl = {0};
    fixed(cl.id, sizeof cl.id, str_req(o, "id", w), "id", w);
    const char *doc = str_req(o, "doc", w);
    cl.start = count(o, "start", w);
    cl.end = count(o, "end", w);
    cl.sentence = count(o, "sentence", w);
    cl.sentence_start = count(o, "sentence_start", w);
    cl.sentence_end = count(o, "sentence_end", w);
    cl.value = num(o, "value", false, NAN, w);
    cl.low = num(o, "low", true, -INFINITY, w);
    cl.high = num(o, "high", true, INFINITY, w);
    cl.from = num(o, "from", true, NAN, w);
    cl.to = num(o, "to", true, NAN, w);
    cl.base_value = num(o, "base_value", true, NAN, w);
    cl.qualifier = (fc_qualifier)named(o, "qualifier", qualifier_name, FC_QUAL_RANGE + 1, false,
                                       0, w);
    cl.unit = (fc_unit)named(o, "unit", unit_name, FC_UNIT_OTHER + 1, false, 0, w);
    cl.per = (fc_per)named(o, "per", per_name, FC_PER_HOUR + 1, true, FC_PER_NONE, w);
    cl.modality = (fc_modality)named(o, "modality", modality_name, FC_MOD_POLL + 1, false, 0, w);
    cl.role = (fc_role)named(o, "role", role_name, FC_ROLE_PREVIOUS + 1, false, 0, w);
    cl.direction = (fc_direction)named(o, "direction", direction_name, FC_DIR_DOWN + 1, true,
                                       FC_DIR_NONE, w);
    fixed(cl.currency, sizeof cl.currency, str_opt(o, "currency", w), "currency", w);
    fixed(cl.part_of, sizeof cl.part_of, str_opt(o, "part_of", w), "part_of", w);
    fixed(cl.unit_name, sizeof cl.unit_name, str_opt(o, "unit_name", w), "unit_name", w);
    fixed(cl.base_unit, sizeof cl.base_unit, str_opt(o, "base_unit", w), "base_unit", w);
    if (!w->msg[0] && (cl.start > cl.end || cl.sentence_start > cl.sentence_end))
        fail(w, "%s", "a span that ends before it starts");
    if (!w->msg[0] && !isfinite(cl.value))
        fail(w, "%s", "\"value\" is not a finite number");
    bool oom = false;
    if (!w->msg[0]) {
        cl.subject = dup_opt(str_opt(o, "subject", w), &oom);
        cl.attribution = dup_opt(str_opt(o, "attribution", w), &oom);
        cl.measure = dup_opt(str_opt(o, "measure", w), &oom);
        cl.key = dup_opt(str_opt(o, "key", w), &oom);
        cl.period = dup_opt(str_opt(o, "period", w), &oom);
    }
    if (w->msg[0] || oom) {
        free(cl.subject);
        free(cl.attribution);
        free(cl.measure);
        free(cl.key);
        free(cl.period);
        return oom ? FC_ENOMEM : FC_OK;
    }
    return fc_corpus_take_claim(c, &cl, doc, where);
}

static unsigned cues_of(const cJSON *o, why *w)
{
    const cJSON *a = field(o, "cues");
    unsigned cues = 0;
    if (!cJSON_IsArray(a)) {
        fail(w, a ? "\"cues\" is not an array" : "no \"cues\"");
        return 0;
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, a)
    {
        const char *s = cJSON_GetStringValue(e);
        if (s && strcmp(s, "opt_in") == 0)
            cues |= FC_CUE_OPT_IN;
        else if (s && strcmp(s, "panel") == 0)
            cues |= FC_CUE_PANEL;
        else if (s && strcmp(s, "weighted") == 0)
            cues |= FC_CUE_WEIGHTED;
        else
            fail(w, "\"%s\" holds an unknown cue", "cues");
    }
    return cues;
}

/* The kept document of an input record that is ok. */
/* Whether x is a line or column number a stretch at offset at can have: a
 * whole number from 1 to at + 1. */
static bool place(const cJSON *x, double at)
{
    return cJSON_IsNumber(x) && x->valuedouble >= 1 && x->valuedouble <= at + 1 &&
           x->valuedouble == floor(x->valuedouble) && x->valuedouble <= (double)UINT_MAX;
}

static fc_status read_doc(const cJSON *o, const char *path, why *w, fc_doc **out)
{
    *out = NULL;
    size_t len = count(o, "len", w), body = count(o, "body", w);
    unsigned cues = cues_of(o, w);
    const cJSON *spans = field(o, "spans"), *words = field(o, "words");
    if (!cJSON_IsArray(spans))
        fail(w, spans ? "\"spans\" is not an array" : "no \"spans\"");
    if (!cJSON_IsArray(words))
        fail(w, words ? "\"words\" is not an array" : "no \"words\"");
    if (w->msg[0])
        return FC_OK;
    size_t ns = (size_t)cJSON_GetArraySize(spans), nw = (size_t)cJSON_GetArraySize(words);
    fc_doc_span *sp = malloc((ns ? ns : 1) * sizeof *sp);
    const char **wd = malloc((nw ? nw : 1) * sizeof *wd);
    if (!sp || !wd) {
        free(sp);
        free(wd);
        return FC_ENOMEM;
    }
    size_t k = 0, end = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, spans)
    {
        const cJSON *at = cJSON_GetArrayItem(e, 0), *line = cJSON_GetArrayItem(e, 1);
        const cJSON *col = cJSON_GetArrayItem(e, 2), *text = cJSON_GetArrayItem(e, 3);
        if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 4 || !cJSON_IsNumber(at) ||
            !cJSON_IsString(text) || at->valuedouble < (double)end ||
            at->valuedouble != floor(at->valuedouble) ||
            at->valuedouble + (double)strlen(text->valuestring) > (double)len ||
            !place(line, at->valuedouble) || !place(col, at->valuedouble)) {
            fail(w, "\"%s\" holds a stretch that is not [offset, line, column, text] in order "
                    "within the document",
                 "spans");
            break;
        }
        sp[k] = (fc_doc_span){(size_t)at->valuedouble, strlen(text->valuestring),
                              text->valuestring, (unsigned)line->valuedouble,
                              (unsigned)col->valuedouble};
        end = sp[k].start + sp[k].len;
        k++;
    }
    size_t m = 0;
    cJSON_ArrayForEach(e, words)
    {
        if (!cJSON_IsString(e)) {
            fail(w, "\"%s\" holds a word that is not a string", "words");
            break;
        }
        wd[m++] = e->valuestring;
    }
    if (!w->msg[0] && body > len)
        fail(w, "%s", "\"body\" is past \"len\"");
    fc_status st = FC_OK;
    if (!w->msg[0])
        st = fc_doc_kept_new(path, len, body, sp, k, wd, m, cues, out);
    free(sp);
    free(wd);
    return st;
}

static fc_status read_input(fc_corpus *c, const cJSON *o, const char *where, why *w)
{
    fc_input in = {0};
    const char *path = str_req(o, "path", w), *status = str_req(o, "status", w);
    const char *format = str_opt(o, "format", w), *source = str_opt(o, "source", w);
    in.nclaims = count(o, "claims", w);
    double record = num(o, "record", true, 0, w);
    if (!w->msg[0] && !(record >= 0 && record == floor(record) && record <= 9007199254740992.0))
        fail(w, "%s", "\"record\" is not a line number");
    /* cast only in range: an earlier error leaves the check above unmade */
    in.line = record >= 0 && record <= 9007199254740992.0 ? (size_t)record : 0;
    double part = num(o, "part", true, 0, w);
    if (!w->msg[0] && !(part >= 0 && part == floor(part) && part <= 4294967295.0))
        fail(w, "%s", "\"part\" is not a part number");
    in.part = part >= 0 && part <= 4294967295.0 ? (unsigned)part : 0;
    in.format = FC_DOC_TEXT;
    if (format && fc_doc_format_parse(format, &in.format) != FC_OK)
        fail(w, "\"%s\" has an unknown value", "format");
    const char *error = NULL, *warning = NULL;
    if (status && strcmp(status, "error") == 0) {
        error = str_req(o, "error", w);
        in.status = FC_EIO;
    } else if (status && strcmp(status, "skipped") == 0) {
        warning = str_req(o, "warning", w);
        in.skipped = true;
    } else if (status && strcmp(status, "ok") != 0) {
        fail(w, "\"%s\" is not ok, error or skipped", "status");
    } else {
        warning = str_opt(o, "warning", w); /* a publication date that is no date */
    }
    fc_status st = FC_OK;
    if (!w->msg[0] && status && strcmp(status, "ok") == 0) {
        if ((st = read_doc(o, path, w, &in.doc)) != FC_OK)
            return st;
        static const char *const meta[] = {"outlet", "title", "published",
                                           "url",    "language", "author"};
        char **slot[] = {NULL, NULL, NULL, NULL, NULL, NULL};
        if (in.doc) {
            slot[0] = &in.doc->outlet;
            slot[1] = &in.doc->title;
            slot[2] = &in.doc->published;
            slot[3] = &in.doc->url;
            slot[4] = &in.doc->language;
            slot[5] = &in.doc->author;
        }
        bool oom = false;
        for (size_t i = 0; in.doc && i < 6; i++)
            *slot[i] = dup_opt(str_opt(o, meta[i], w), &oom);
        if (oom) {
            fc_doc_free(in.doc);
            return FC_ENOMEM;
        }
    }
    if (w->msg[0]) {
        fc_doc_free(in.doc);
        return FC_OK;
    }
    bool oom = false;
    in.path = dup_opt(path, &oom);
    in.error = dup_opt(error, &oom);
    in.warning = dup_opt(warning, &oom);
    in.source = dup_opt(source, &oom);
    if (oom) {
        free(in.path);
        free(in.error);
        free(in.warning);
        free(in.source);
        fc_doc_free(in.doc);
        return FC_ENOMEM;
    }
    return fc_corpus_take_input(c, &in, where);
}

/* One line of the file. */
static fc_status read_line(fc_corpus *c, const char *file, size_t line, const char *buf,
                           size_t len)
{
    fc_strbuf where = {0};
    fc_sb_printf(&where, "%s:%zu", file, line);
    if (where.failed)
        return FC_ENOMEM;
    why w = {{0}};
    fc_status st = FC_OK;
    cJSON *o = cJSON_ParseWithLength(buf, len);
    if (!o) {
        fail(&w, "%s", "not JSON");
    } else if (!cJSON_IsObject(o)) {
        fail(&w, "%s", "not a JSON object");
    } else {
        const cJSON *type = field(o, "type");
        if (!type || cJSON_IsNull(type))
            st = read_claim(c, o, where.data, &w);
        else if (cJSON_IsString(type) && strcmp(type->valuestring, "input") == 0)
            st = read_input(c, o, where.data, &w);
        else
            fail(&w, "%s", "\"type\" is neither absent (a claim) nor \"input\"");
    }
    cJSON_Delete(o);
    if (st == FC_OK && w.msg[0])
        st = fc_corpus_take_error(c, where.data, w.msg);
    fc_sb_free(&where);
    return st;
}

fc_status fc_corpus_add_claims(fc_corpus *c, const char *path)
{
    bool std_in = strcmp(path, "-") == 0;
    FILE *f = std_in ? stdin : fopen(path, "rb");
    if (!f) {
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "cannot open: %s", strerror(errno));
        fc_status st = sb.failed ? FC_ENOMEM : fc_corpus_take_error(c, path, sb.data);
        fc_sb_free(&sb);
        return st;
    }
    fc_corpus_claims_begin(c);
    char *buf = NULL;
    size_t cap = 0, line = 0;
    ssize_t n;
    fc_status st = FC_OK;
    errno = 0;
    while (st == FC_OK && (n = getline(&buf, &cap, f)) >= 0) {
        line++;
        size_t len = (size_t)n;
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            len--;
        size_t i = 0;
        while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
            i++;
        if (i < len)
            st = read_line(c, path, line, buf, len);
    }
    if (st == FC_OK && ferror(f)) {
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "cannot read: %s", strerror(errno ? errno : EIO));
        st = sb.failed ? FC_ENOMEM : fc_corpus_take_error(c, path, sb.data);
        fc_sb_free(&sb);
    }
    free(buf);
    if (!std_in)
        fclose(f);
    return st;
}
