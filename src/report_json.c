/* report_json.c - the report as one JSON object, or as JSON Lines.
 *
 * Shape: {"version", "tool", "inputs", "claims", "findings", "summary"}; see
 * docs/reports.md and schema/report.schema.json. Unbounded interval sides are null.
 *
 * Written straight into a buffer rather than through a JSON tree: a report can
 * hold millions of claims, and building and freeing a tree node per field cost
 * more than extracting the claims. Strings are escaped as RFC 8259 requires, and
 * a byte sequence that is not UTF-8 becomes U+FFFD, so the output is always
 * valid JSON whatever the documents hold.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
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
    const char *s = fc_doc_bytes(doc, start, end);
    return s ? fc_strndup(s, end - start) : fc_strdup("");
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

size_t fc_utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (c > 0xF4 || len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || /* overlong, surrogate */
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))   /* overlong, > U+10FFFF */
        return 0;
    return len;
}

static void json_string_n(fc_strbuf *sb, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    fc_sb_add(sb, "\"", 1);
    size_t run = 0, i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        size_t len = c >= 0x80 ? fc_utf8_len(s + i, n - i) : 0;
        if (len) {
            i += len;
            continue;
        }
        fc_sb_add(sb, str + run, i - run);
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            fc_sb_add(sb, e, 2);
        } else if (c == '\n') {
            fc_sb_add(sb, "\\n", 2);
        } else if (c == '\t') {
            fc_sb_add(sb, "\\t", 2);
        } else if (c == '\r') {
            fc_sb_add(sb, "\\r", 2);
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            fc_sb_add(sb, e, sizeof e);
        } else {
            fc_sb_add(sb, "\\ufffd", 6); /* not UTF-8 */
        }
        run = ++i;
    }
    fc_sb_add(sb, str + run, n - run);
    fc_sb_add(sb, "\"", 1);
}

/* A string value, or null for NULL. */
static void json_string(fc_strbuf *sb, const char *s)
{
    if (s)
        json_string_n(sb, s, strlen(s));
    else
        fc_sb_add(sb, "null", 4);
}

/* A number value; null when it is not finite (JSON has no infinity or NaN).
 * Whole numbers are written as integers; others with 15 significant digits, or
 * 17 when 15 do not read back within a unit in the last place: arithmetic noise
 * (110000 * 1.1 = 121000.00000000001) is dropped, real precision kept. */
static void json_number(fc_strbuf *sb, double v)
{
    if (!isfinite(v)) {
        fc_sb_add(sb, "null", 4);
    } else if (v == floor(v) && fabs(v) < 1e15) {
        char buf[24], *p = buf + sizeof buf;
        uint64_t u = (uint64_t)fabs(v);
        do
            *--p = (char)('0' + u % 10);
        while (u /= 10);
        if (v < 0)
            *--p = '-';
        fc_sb_add(sb, p, (size_t)(buf + sizeof buf - p));
    } else {
        char buf[32];
        snprintf(buf, sizeof buf, "%.15g", v);
        double back = strtod(buf, NULL);
        if (fabs(back - v) > fmax(fabs(back), fabs(v)) * DBL_EPSILON)
            snprintf(buf, sizeof buf, "%.17g", v);
        fc_sb_puts(sb, buf);
    }
}

/* A number that reads back as exactly v (the claims file: `factcheck check`
 * must compute with the very numbers the extraction found); null when not
 * finite. */
static void json_number_exact(fc_strbuf *sb, double v)
{
    if (!isfinite(v) || (v == floor(v) && fabs(v) < 1e15)) {
        json_number(sb, v);
        return;
    }
    char buf[32];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fc_sb_puts(sb, buf);
}

/* ,"key": - the keys are the writer's own, plain ASCII. */
static void key(fc_strbuf *sb, const char *k, bool first)
{
    if (!first)
        fc_sb_add(sb, ",", 1);
    fc_sb_add(sb, "\"", 1);
    fc_sb_puts(sb, k);
    fc_sb_add(sb, "\":", 2);
}

static void kv_str(fc_strbuf *sb, const char *k, const char *v)
{
    key(sb, k, false);
    json_string(sb, v);
}

static void kv_num(fc_strbuf *sb, const char *k, double v)
{
    key(sb, k, false);
    json_number(sb, v);
}

/* One source, once: a copy names its first appearance ("copy_of"); an original
 * with copies lists every appearance, itself first ("appearances": claim,
 * document, outlet). */
static void appearances_json(fc_strbuf *sb, const fc_corpus *corpus, size_t k)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    size_t first = fc_corpus_first_appearance(corpus, k);
    kv_str(sb, "copy_of", first != k ? cl->items[first].id : NULL);
    if (first != k || fc_corpus_next_appearance(corpus, k) == FC_NO_CLAIM)
        return;
    key(sb, "appearances", false);
    fc_sb_add(sb, "[", 1);
    for (size_t a = k; a != FC_NO_CLAIM; a = fc_corpus_next_appearance(corpus, a)) {
        const fc_input *in = fc_corpus_input(corpus, cl->items[a].doc);
        fc_sb_puts(sb, a == k ? "{" : ",{");
        key(sb, "claim", true);
        json_string(sb, cl->items[a].id);
        kv_str(sb, "doc", in ? in->path : NULL);
        kv_str(sb, "outlet", in && in->doc ? in->doc->outlet : NULL);
        fc_sb_add(sb, "}", 1);
    }
    fc_sb_add(sb, "]", 1);
}

/* Claim k; exact: for the claims file (numbers that read back exactly, and the
 * span of its sentence). */
static void claim_json(fc_strbuf *sb, const fc_corpus *corpus, size_t k, bool typed, bool exact)
{
    const fc_claim *c = &fc_corpus_claims(corpus)->items[k];
    void (*num)(fc_strbuf *, double) = exact ? json_number_exact : json_number;
    const fc_input *in = fc_corpus_input(corpus, c->doc);
    unsigned line = 0, col = 0;
    if (in && in->doc)
        fc_doc_linecol(in->doc, c->start, &line, &col);
    fc_sb_add(sb, "{", 1);
    key(sb, "id", true);
    json_string(sb, c->id);
    kv_str(sb, "doc", in ? in->path : NULL);
    kv_num(sb, "start", (double)c->start);
    kv_num(sb, "end", (double)c->end);
    kv_num(sb, "line", line);
    kv_num(sb, "col", col);
    key(sb, "text", false);
    const char *text = in ? fc_doc_bytes(in->doc, c->start, c->end) : NULL;
    if (text)
        json_string_n(sb, text, c->end - c->start);
    else
        json_string(sb, "");
    key(sb, "value", false);
    num(sb, c->value);
    key(sb, "low", false);
    num(sb, c->low);
    key(sb, "high", false);
    num(sb, c->high);
    kv_str(sb, "qualifier", fc_qualifier_name(c->qualifier));
    kv_str(sb, "unit", fc_unit_name(c->unit));
    kv_str(sb, "currency", c->currency[0] ? c->currency : NULL);
    kv_str(sb, "per", fc_per_name(c->per));
    kv_str(sb, "subject", c->subject);
    kv_str(sb, "attribution", c->attribution);
    kv_str(sb, "modality", fc_modality_name(c->modality));
    kv_str(sb, "role", fc_role_name(c->role));
    kv_str(sb, "direction", fc_direction_name(c->direction));
    key(sb, "from", false);
    num(sb, c->from);
    key(sb, "to", false);
    num(sb, c->to);
    kv_str(sb, "measure", c->measure);
    kv_str(sb, "key", c->key);
    kv_str(sb, "period", c->period);
    kv_num(sb, "sentence", (double)c->sentence);
    kv_str(sb, "part_of", c->part_of[0] ? c->part_of : NULL);
    kv_str(sb, "unit_name", c->unit_name[0] ? c->unit_name : NULL);
    key(sb, "base_value", false);
    num(sb, c->base_value);
    kv_str(sb, "base_unit", c->base_unit[0] ? c->base_unit : NULL);
    appearances_json(sb, corpus, k);
    if (exact) {
        kv_num(sb, "sentence_start", (double)c->sentence_start);
        kv_num(sb, "sentence_end", (double)c->sentence_end);
    }
    if (typed)
        kv_str(sb, "type", "claim");
    fc_sb_add(sb, "}", 1);
}

/* The desk's decision: {"decision", "note", "by", "at"}, or null. */
static void decision_json(fc_strbuf *sb, const fc_decision *d)
{
    if (!d) {
        fc_sb_puts(sb, "null");
        return;
    }
    fc_sb_add(sb, "{", 1);
    key(sb, "decision", true);
    json_string(sb, fc_verdict_name(d->verdict));
    kv_str(sb, "note", d->note);
    kv_str(sb, "by", d->by);
    kv_str(sb, "at", d->at);
    fc_sb_add(sb, "}", 1);
}

/* A decision whose finding is not in the run. */
static void stale_json(fc_strbuf *sb, const fc_decision *d, bool typed)
{
    fc_sb_add(sb, "{", 1);
    key(sb, "finding", true);
    json_string(sb, d->finding);
    kv_str(sb, "decision", fc_verdict_name(d->verdict));
    kv_str(sb, "note", d->note);
    kv_str(sb, "by", d->by);
    kv_str(sb, "at", d->at);
    kv_str(sb, "file", d->file);
    kv_num(sb, "line", d->file ? (double)d->line : NAN);
    kv_num(sb, "col", d->file ? (double)d->col : NAN);
    kv_str(sb, "reason", FC_STALE_REASON);
    if (typed)
        kv_str(sb, "type", "stale_decision");
    fc_sb_add(sb, "}", 1);
}

static void finding_json(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f,
                         const fc_decision *dec, bool typed)
{
    const fc_claims *claims = fc_corpus_claims(corpus);
    fc_sb_add(sb, "{", 1);
    key(sb, "id", true);
    json_string(sb, f->id);
    kv_str(sb, "check", f->check);
    kv_str(sb, "severity", fc_severity_name(f->severity));
    key(sb, "claims", false);
    fc_sb_add(sb, "[", 1);
    for (size_t i = 0; i < f->nclaims; i++) {
        if (i)
            fc_sb_add(sb, ",", 1);
        json_string(sb, claims->items[f->claims[i]].id);
    }
    fc_sb_add(sb, "]", 1);
    const char *measure, *mkey;
    fc_report_finding_measure(corpus, f, &measure, &mkey);
    kv_str(sb, "measure", measure);
    kv_str(sb, "key", mkey);
    kv_str(sb, "label", f->label);
    size_t *docs = malloc((f->nclaims ? f->nclaims : 1) * sizeof *docs);
    size_t nd = docs ? fc_report_finding_docs(corpus, f, docs) : 0;
    if (!docs)
        sb->failed = true;
    key(sb, "documents", false);
    fc_sb_add(sb, "[", 1);
    for (size_t i = 0; i < nd; i++) {
        if (i)
            fc_sb_add(sb, ",", 1);
        json_string(sb, fc_corpus_input(corpus, docs[i])->path);
    }
    fc_sb_add(sb, "]", 1);
    key(sb, "outlets", false);
    fc_sb_add(sb, "[", 1);
    for (size_t i = 0, any = 0; i < nd; i++) {
        const fc_doc *d = fc_corpus_input(corpus, docs[i])->doc;
        if (!d || !d->outlet || fc_report_outlet_seen(corpus, docs, i, d->outlet))
            continue;
        if (any++)
            fc_sb_add(sb, ",", 1);
        json_string(sb, d->outlet);
    }
    fc_sb_add(sb, "]", 1);
    free(docs);
    kv_str(sb, "message", f->message);
    kv_str(sb, "source", f->source);
    bool settled = f->agrees && f->disagrees && f->agrees <= f->nclaims &&
                   f->disagrees <= f->nclaims;
    kv_str(sb, "agrees", settled ? claims->items[f->claims[f->agrees - 1]].id : NULL);
    kv_str(sb, "disagrees", settled ? claims->items[f->claims[f->disagrees - 1]].id : NULL);
    kv_str(sb, "topic", f->topic);
    key(sb, "numbers", false);
    fc_sb_add(sb, "{", 1);
    for (size_t i = 0; i < f->nnums; i++) {
        key(sb, f->nums[i].name, i == 0);
        json_number(sb, f->nums[i].value);
    }
    fc_sb_add(sb, "}", 1);
    key(sb, "decision", false);
    decision_json(sb, dec);
    if (typed)
        kv_str(sb, "type", "finding");
    fc_sb_add(sb, "}", 1);
}

void fc_report_json_finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f)
{
    finding_json(sb, corpus, f, NULL, false);
}

void fc_report_json_string(fc_strbuf *sb, const char *s)
{
    json_string(sb, s);
}

static void input_json(fc_strbuf *sb, const fc_input *in, bool typed)
{
    fc_sb_add(sb, "{", 1);
    key(sb, "path", true);
    json_string(sb, in->path);
    kv_str(sb, "status", in->status != FC_OK ? "error" : in->skipped ? "skipped" : "ok");
    if (in->status != FC_OK)
        kv_str(sb, "error", in->error);
    else if (in->warning) /* skipped, or read with a publication date that is no date */
        kv_str(sb, "warning", in->warning);
    kv_num(sb, "claims", (double)in->nclaims);
    if (in->doc) {
        kv_str(sb, "outlet", in->doc->outlet);
        kv_str(sb, "title", in->doc->title);
        kv_str(sb, "published", in->doc->published);
        kv_str(sb, "url", fc_report_url(in->doc));
    }
    if (typed)
        kv_str(sb, "type", "input");
    fc_sb_add(sb, "}", 1);
}

/* An input of the claims file: what `factcheck check` needs to report on it and
 * to run the checks on its claims as this run would (docs/claim-record.md). */
static void kept_input_json(fc_strbuf *sb, const fc_input *in)
{
    fc_sb_add(sb, "{", 1);
    key(sb, "type", true);
    json_string(sb, "input");
    kv_str(sb, "path", in->path);
    kv_str(sb, "status", in->status != FC_OK ? "error" : in->skipped ? "skipped" : "ok");
    if (in->status != FC_OK)
        kv_str(sb, "error", in->error);
    else if (in->warning) /* skipped, or read with a publication date that is no date */
        kv_str(sb, "warning", in->warning);
    kv_num(sb, "claims", (double)in->nclaims);
    kv_str(sb, "format", fc_doc_format_name(in->format));
    kv_str(sb, "source", in->source);
    kv_num(sb, "record", in->source ? (double)in->line : NAN);
    kv_num(sb, "part", in->part);
    const fc_doc *d = in->doc;
    if (d) {
        kv_str(sb, "outlet", d->outlet);
        kv_str(sb, "title", d->title);
        kv_str(sb, "published", d->published);
        kv_str(sb, "url", d->url);
        kv_str(sb, "language", d->language);
        kv_str(sb, "author", d->author);
        kv_num(sb, "len", (double)d->len);
        kv_num(sb, "body", (double)d->body);
        unsigned cues = fc_doc_cues(d);
        key(sb, "cues", false);
        fc_sb_printf(sb, "[%s%s%s%s%s]", cues & FC_CUE_OPT_IN ? "\"opt_in\"" : "",
                     cues & FC_CUE_OPT_IN && cues & ~(unsigned)FC_CUE_OPT_IN ? "," : "",
                     cues & FC_CUE_PANEL ? "\"panel\"" : "",
                     cues & FC_CUE_PANEL && cues & FC_CUE_WEIGHTED ? "," : "",
                     cues & FC_CUE_WEIGHTED ? "\"weighted\"" : "");
        key(sb, "spans", false);
        fc_sb_add(sb, "[", 1);
        for (size_t i = 0; i < d->nspans; i++) {
            fc_sb_printf(sb, "%s[%zu,%u,%u,", i ? "," : "", d->spans[i].start, d->spans[i].line,
                         d->spans[i].col);
            json_string_n(sb, d->spans[i].text, d->spans[i].len);
            fc_sb_add(sb, "]", 1);
        }
        fc_sb_add(sb, "]", 1);
        key(sb, "words", false);
        fc_sb_add(sb, "[", 1);
        for (size_t i = 0; i < d->nwords; i++) {
            if (i)
                fc_sb_add(sb, ",", 1);
            json_string(sb, d->words[i]);
        }
        fc_sb_add(sb, "]", 1);
    }
    fc_sb_add(sb, "}", 1);
}

static void summary_json(fc_strbuf *sb, const fc_corpus *corpus, bool full, bool typed)
{
    size_t n = fc_corpus_ninputs(corpus), failed = fc_corpus_nfailed(corpus);
    size_t skipped = fc_corpus_nskipped(corpus);
    fc_sb_printf(sb,
                 "{\"inputs\":%zu,\"inputs_ok\":%zu,\"inputs_failed\":%zu,\"inputs_skipped\":%zu,"
                 "\"claims\":%zu,\"findings\":%zu,\"conflicts\":%zu,\"warnings\":%zu,\"info\":%zu",
                 n, n - failed - skipped, failed, skipped, fc_corpus_claims(corpus)->n,
                 fc_corpus_findings(corpus)->n,
                 fc_corpus_nseverity(corpus, FC_SEV_CONFLICT),
                 fc_corpus_nseverity(corpus, FC_SEV_WARNING),
                 fc_corpus_nseverity(corpus, FC_SEV_INFO));
    if (full)
        fc_sb_printf(sb, ",\"decided\":%zu,\"stale_decisions\":%zu", fc_report_nsettled(corpus),
                     fc_corpus_nstale(corpus));
    if (typed)
        kv_str(sb, "type", "summary");
    fc_sb_add(sb, "}", 1);
}

/* Writes the buffer out once it holds this much; keeps memory flat. */
#define FLUSH_AT (1 << 16)

static fc_status maybe_flush(FILE *out, fc_strbuf *sb)
{
    return sb->len >= FLUSH_AT || sb->failed ? fc_report_flush(out, sb) : FC_OK;
}

/* The report object, one input, claim or finding a line. */
fc_status fc_report_json(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide,
                         const fc_rules *rules)
{
    fc_strbuf sb = {0};
    fc_status st = FC_OK;
    fc_sb_printf(&sb,
                 "{\n  \"version\": \"%s\",\n"
                 "  \"tool\": {\"name\": \"factcheck\", \"version\": \"%s\"},\n",
                 FC_REPORT_VERSION, fc_version());
    if (rules) { /* what the run read besides the documents, with digests */
        fc_sb_printf(&sb, "  \"provenance\": {\"version\": \"%s\", \"files\": [", fc_version());
        for (size_t i = 0; i < fc_rules_nfiles(rules); i++) {
            fc_rules_file f = fc_rules_file_at(rules, i);
            fc_sb_puts(&sb, i ? ",\n    " : "\n    ");
            fc_sb_add(&sb, "{", 1);
            key(&sb, "kind", true);
            json_string(&sb, f.kind);
            kv_str(&sb, "path", f.path);
            kv_str(&sb, "sha256", f.sha256);
            fc_sb_add(&sb, "}", 1);
        }
        fc_sb_puts(&sb, "\n  ]},\n");
    }
    fc_sb_puts(&sb, "  \"inputs\": [");
    size_t n = fc_corpus_ninputs(corpus);
    for (size_t i = 0; st == FC_OK && i < n; i++) {
        fc_sb_puts(&sb, i ? ",\n    " : "\n    ");
        input_json(&sb, fc_corpus_input(corpus, i), false);
        st = maybe_flush(out, &sb);
    }
    fc_sb_puts(&sb, "\n  ],\n  \"claims\": [");
    const fc_claims *cl = fc_corpus_claims(corpus);
    for (size_t i = 0; st == FC_OK && i < cl->n; i++) {
        fc_sb_puts(&sb, i ? ",\n    " : "\n    ");
        claim_json(&sb, corpus, i, false, false);
        st = maybe_flush(out, &sb);
    }
    if (kind == FC_REPORT_FULL) {
        fc_sb_puts(&sb, "\n  ],\n  \"findings\": [");
        const fc_findings *fs = fc_corpus_findings(corpus);
        bool any = false;
        for (size_t i = 0; st == FC_OK && i < fs->n; i++) {
            if (!fc_report_shown(corpus, i, hide))
                continue;
            fc_sb_puts(&sb, any ? ",\n    " : "\n    ");
            any = true;
            finding_json(&sb, corpus, &fs->items[i], fc_corpus_decision(corpus, i), false);
            st = maybe_flush(out, &sb);
        }
        fc_sb_puts(&sb, "\n  ],\n  \"stale_decisions\": [");
        for (size_t i = 0; st == FC_OK && i < fc_corpus_nstale(corpus); i++) {
            fc_sb_puts(&sb, i ? ",\n    " : "\n    ");
            stale_json(&sb, fc_corpus_stale(corpus, i), false);
            st = maybe_flush(out, &sb);
        }
    }
    fc_sb_puts(&sb, "\n  ],\n  \"summary\": ");
    summary_json(&sb, corpus, kind == FC_REPORT_FULL, false);
    fc_sb_puts(&sb, "\n}\n");
    if (st == FC_OK)
        st = fc_report_flush(out, &sb);
    fc_sb_free(&sb);
    return st;
}

/* Claims, then inputs, findings and the summary, each a line with its "type";
 * for the claims-only report (the claims file), bare claims, then each input
 * with what `factcheck check` reads of it (kept_input_json). */
fc_status fc_report_jsonl(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide)
{
    fc_strbuf sb = {0};
    fc_status st = FC_OK;
    bool typed = kind == FC_REPORT_FULL;
    const fc_claims *cl = fc_corpus_claims(corpus);
    for (size_t i = 0; st == FC_OK && i < cl->n; i++) {
        claim_json(&sb, corpus, i, typed, !typed);
        fc_sb_add(&sb, "\n", 1);
        st = maybe_flush(out, &sb);
    }
    if (typed) {
        for (size_t i = 0; st == FC_OK && i < fc_corpus_ninputs(corpus); i++) {
            input_json(&sb, fc_corpus_input(corpus, i), true);
            fc_sb_add(&sb, "\n", 1);
            st = maybe_flush(out, &sb);
        }
        const fc_findings *fs = fc_corpus_findings(corpus);
        for (size_t i = 0; st == FC_OK && i < fs->n; i++) {
            if (!fc_report_shown(corpus, i, hide))
                continue;
            finding_json(&sb, corpus, &fs->items[i], fc_corpus_decision(corpus, i), true);
            fc_sb_add(&sb, "\n", 1);
            st = maybe_flush(out, &sb);
        }
        for (size_t i = 0; st == FC_OK && i < fc_corpus_nstale(corpus); i++) {
            stale_json(&sb, fc_corpus_stale(corpus, i), true);
            fc_sb_add(&sb, "\n", 1);
            st = maybe_flush(out, &sb);
        }
        summary_json(&sb, corpus, true, true);
        fc_sb_add(&sb, "\n", 1);
    } else {
        for (size_t i = 0; st == FC_OK && i < fc_corpus_ninputs(corpus); i++) {
            kept_input_json(&sb, fc_corpus_input(corpus, i));
            fc_sb_add(&sb, "\n", 1);
            st = maybe_flush(out, &sb);
        }
    }
    if (st == FC_OK)
        st = fc_report_flush(out, &sb);
    fc_sb_free(&sb);
    return st;
}
