/* report_json.c - the report as one JSON object, or as JSON Lines (cJSON).
 *
 * Shape: {"tool", "inputs", "claims", "findings", "summary"}; see
 * docs/claim-record.md. Unbounded interval sides are null.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

const fc_doc *fc_claim_doc(const fc_corpus *corpus, const fc_claim *claim)
{
    const fc_input *in = fc_corpus_input(corpus, claim->doc);
    return in ? in->doc : NULL;
}

/* A copy of doc's bytes [start, end), or "" when the range is not in it. */
static char *copy_span(const fc_doc *doc, size_t start, size_t end)
{
    if (!doc || end > doc->len || start > end)
        return fc_strdup("");
    return fc_strndup(doc->text + start, end - start);
}

char *fc_claim_text(const fc_corpus *corpus, const fc_claim *claim)
{
    return copy_span(fc_claim_doc(corpus, claim), claim->start, claim->end);
}

char *fc_claim_context(const fc_corpus *corpus, const fc_claim *claim)
{
    char *s = copy_span(fc_claim_doc(corpus, claim), claim->sentence_start, claim->sentence_end);
    for (char *p = s; p && *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    return s;
}

fc_status fc_report_flush(FILE *out, fc_strbuf *sb)
{
    if (sb->failed) {
        fc_sb_free(sb);
        return FC_ENOMEM;
    }
    int rc = sb->len ? fputs(sb->data, out) : 0;
    sb->len = 0;
    if (sb->data)
        sb->data[0] = '\0';
    return rc < 0 ? FC_EIO : FC_OK;
}

/* Adds a string, or null for NULL. */
static void add_str(cJSON *obj, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(obj, key, s);
    else
        cJSON_AddNullToObject(obj, key);
}

static void add_num(cJSON *obj, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(obj, key, v);
    else
        cJSON_AddNullToObject(obj, key);
}

static cJSON *claim_json(const fc_corpus *corpus, const fc_claim *c)
{
    cJSON *o = cJSON_CreateObject();
    const fc_input *in = fc_corpus_input(corpus, c->doc);
    char *text = fc_claim_text(corpus, c);
    unsigned line = 0, col = 0;
    if (in && in->doc)
        fc_doc_linecol(in->doc, c->start, &line, &col);
    cJSON_AddStringToObject(o, "id", c->id);
    add_str(o, "doc", in ? in->path : NULL);
    cJSON_AddNumberToObject(o, "start", (double)c->start);
    cJSON_AddNumberToObject(o, "end", (double)c->end);
    cJSON_AddNumberToObject(o, "line", line);
    cJSON_AddNumberToObject(o, "col", col);
    add_str(o, "text", text);
    free(text);
    add_num(o, "value", c->value);
    add_num(o, "low", c->low);
    add_num(o, "high", c->high);
    cJSON_AddStringToObject(o, "qualifier", fc_qualifier_name(c->qualifier));
    cJSON_AddStringToObject(o, "unit", fc_unit_name(c->unit));
    add_str(o, "currency", c->currency[0] ? c->currency : NULL);
    add_str(o, "per", fc_per_name(c->per));
    add_str(o, "subject", c->subject);
    add_str(o, "attribution", c->attribution);
    cJSON_AddStringToObject(o, "modality", fc_modality_name(c->modality));
    cJSON_AddStringToObject(o, "role", fc_role_name(c->role));
    add_str(o, "direction", fc_direction_name(c->direction));
    add_num(o, "from", c->from);
    add_str(o, "measure", c->measure);
    add_str(o, "period", c->period);
    cJSON_AddNumberToObject(o, "sentence", (double)c->sentence);
    add_str(o, "part_of", c->part_of[0] ? c->part_of : NULL);
    return o;
}

static cJSON *finding_json(const fc_corpus *corpus, const fc_finding *f)
{
    const fc_claims *claims = fc_corpus_claims(corpus);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", f->id);
    cJSON_AddStringToObject(o, "check", f->check);
    cJSON_AddStringToObject(o, "severity", fc_severity_name(f->severity));
    cJSON *ids = cJSON_AddArrayToObject(o, "claims");
    for (size_t i = 0; i < f->nclaims; i++)
        cJSON_AddItemToArray(ids, cJSON_CreateString(claims->items[f->claims[i]].id));
    add_str(o, "message", f->message);
    add_str(o, "source", f->source);
    cJSON *nums = cJSON_AddObjectToObject(o, "numbers");
    for (size_t i = 0; i < f->nnums; i++)
        add_num(nums, f->nums[i].name, f->nums[i].value);
    return o;
}

static cJSON *input_json(const fc_input *in)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "path", in->path);
    cJSON_AddStringToObject(o, "status", in->status == FC_OK ? "ok" : "error");
    if (in->status != FC_OK)
        add_str(o, "error", in->error);
    cJSON_AddNumberToObject(o, "claims", (double)in->nclaims);
    if (in->doc) {
        add_str(o, "outlet", in->doc->outlet);
        add_str(o, "title", in->doc->title);
        add_str(o, "published", in->doc->published);
        add_str(o, "url", in->doc->url);
    }
    return o;
}

static cJSON *summary_json(const fc_corpus *corpus)
{
    cJSON *o = cJSON_CreateObject();
    size_t n = fc_corpus_ninputs(corpus), failed = fc_corpus_nfailed(corpus);
    cJSON_AddNumberToObject(o, "inputs", (double)n);
    cJSON_AddNumberToObject(o, "inputs_ok", (double)(n - failed));
    cJSON_AddNumberToObject(o, "inputs_failed", (double)failed);
    cJSON_AddNumberToObject(o, "claims", (double)fc_corpus_claims(corpus)->n);
    cJSON_AddNumberToObject(o, "findings", (double)fc_corpus_findings(corpus)->n);
    cJSON_AddNumberToObject(o, "conflicts", (double)fc_corpus_nseverity(corpus, FC_SEV_CONFLICT));
    cJSON_AddNumberToObject(o, "warnings", (double)fc_corpus_nseverity(corpus, FC_SEV_WARNING));
    cJSON_AddNumberToObject(o, "info", (double)fc_corpus_nseverity(corpus, FC_SEV_INFO));
    return o;
}

/* Prints one JSON value and a newline, then deletes it. */
static fc_status emit(FILE *out, cJSON *v)
{
    char *s = cJSON_PrintUnformatted(v);
    cJSON_Delete(v);
    if (!s)
        return FC_ENOMEM;
    int rc = fprintf(out, "%s\n", s);
    cJSON_free(s);
    return rc < 0 ? FC_EIO : FC_OK;
}

/* Prints one array member on a line of its own, then deletes it. */
static fc_status member(FILE *out, cJSON *v, bool first)
{
    char *str = cJSON_PrintUnformatted(v);
    cJSON_Delete(v);
    if (!str)
        return FC_ENOMEM;
    int rc = fprintf(out, "%s\n    %s", first ? "" : ",", str);
    cJSON_free(str);
    return rc < 0 ? FC_EIO : FC_OK;
}

/* The report object is written piece by piece, one input, claim or finding a
 * line, so memory does not grow with the size of the output. */
fc_status fc_report_json(FILE *out, const fc_corpus *corpus, fc_report_kind kind)
{
    fc_status st = FC_OK;
    if (fprintf(out,
                "{\n  \"version\": \"%s\",\n"
                "  \"tool\": {\"name\": \"factcheck\", \"version\": \"%s\"},\n"
                "  \"inputs\": [",
                FC_REPORT_VERSION, fc_version()) < 0)
        return FC_EIO;
    size_t n = fc_corpus_ninputs(corpus);
    for (size_t i = 0; st == FC_OK && i < n; i++)
        st = member(out, input_json(fc_corpus_input(corpus, i)), i == 0);
    if (st == FC_OK && fputs("\n  ],\n  \"claims\": [", out) < 0)
        st = FC_EIO;
    const fc_claims *cl = fc_corpus_claims(corpus);
    for (size_t i = 0; st == FC_OK && i < cl->n; i++)
        st = member(out, claim_json(corpus, &cl->items[i]), i == 0);
    if (st == FC_OK && kind == FC_REPORT_FULL) {
        if (fputs("\n  ],\n  \"findings\": [", out) < 0)
            st = FC_EIO;
        const fc_findings *fs = fc_corpus_findings(corpus);
        for (size_t i = 0; st == FC_OK && i < fs->n; i++)
            st = member(out, finding_json(corpus, &fs->items[i]), i == 0);
    }
    if (st != FC_OK)
        return st;
    cJSON *summary = summary_json(corpus);
    char *str = cJSON_PrintUnformatted(summary);
    cJSON_Delete(summary);
    if (!str)
        return FC_ENOMEM;
    int rc = fprintf(out, "\n  ],\n  \"summary\": %s\n}\n", str);
    cJSON_free(str);
    return rc < 0 ? FC_EIO : FC_OK;
}

fc_status fc_report_jsonl(FILE *out, const fc_corpus *corpus, fc_report_kind kind)
{
    fc_status st = FC_OK;
    const fc_claims *cl = fc_corpus_claims(corpus);
    for (size_t i = 0; st == FC_OK && i < cl->n; i++) {
        cJSON *o = claim_json(corpus, &cl->items[i]);
        if (kind == FC_REPORT_FULL)
            cJSON_AddStringToObject(o, "type", "claim");
        st = emit(out, o);
    }
    if (kind == FC_REPORT_CLAIMS)
        return st;
    for (size_t i = 0; st == FC_OK && i < fc_corpus_ninputs(corpus); i++) {
        cJSON *o = input_json(fc_corpus_input(corpus, i));
        cJSON_AddStringToObject(o, "type", "input");
        st = emit(out, o);
    }
    const fc_findings *fs = fc_corpus_findings(corpus);
    for (size_t i = 0; st == FC_OK && i < fs->n; i++) {
        cJSON *o = finding_json(corpus, &fs->items[i]);
        cJSON_AddStringToObject(o, "type", "finding");
        st = emit(out, o);
    }
    if (st == FC_OK) {
        cJSON *o = summary_json(corpus);
        cJSON_AddStringToObject(o, "type", "summary");
        st = emit(out, o);
    }
    return st;
}
