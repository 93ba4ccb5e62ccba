/* report_csv.c - the report as one RFC 4180 table: a row per input, claim and
 * finding (after the provenance: the version and each rule and data file with its
 * SHA-256), told apart by the first column ("type").
 *
 * One table rather than three files, so a spreadsheet opens it in one step and a
 * filter on "type" separates the rows. Conventions a spreadsheet needs:
 * - CRLF line ends, every field quoted when it holds a comma, a quote, a line
 *   break or leading/trailing spaces, quotes doubled (RFC 4180);
 * - UTF-8 with a byte-order mark, without which Excel reads UTF-8 as Latin-1;
 * - numbers in C locale with a full stop, up to 15 significant digits, an
 *   unbounded interval side left empty;
 * - a text field that starts with = + - @ (or a tab or CR) gets a leading
 *   apostrophe, so a spreadsheet shows it instead of running it as a formula
 *   (a document could otherwise plant "=HYPERLINK(...)" in a claim's context);
 *   every field that can carry text from a document, a path or a rule file
 *   (measure keys included) is guarded;
 * - a byte sequence that is not UTF-8 becomes U+FFFD, as in the JSON report,
 *   so the file is UTF-8 throughout.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

/* The columns, in order; each row fills the ones that apply to its type. */
#define COLUMNS(X)                                                                                 \
    X(type)                                                                                        \
    X(id) X(doc) X(line) X(col) X(text) X(context) X(value) X(low) X(high) X(qualifier) X(unit)    \
        X(currency) X(per) X(modality) X(role) X(direction) X(from) X(to) X(subject)              \
            X(attribution) X(measure) X(key) X(period) X(part_of) X(check) X(severity) X(message) \
                X(claims) X(numbers)                                                               \
                X(source) X(status) X(outlet) X(title) X(published) X(url)              \
                    X(unit_name) X(base_value) X(base_unit) X(decision) X(decided_by)   \
                        X(decided_at) X(note) X(claim_count) X(label) X(documents)    \
                            X(outlets) X(version) X(file) X(sha256)

enum {
#define ENUM(name) COL_##name,
    COLUMNS(ENUM)
#undef ENUM
        NCOLS
};

static const char *const column_names[NCOLS] = {
#define NAME(name) #name,
    COLUMNS(NAME)
#undef NAME
};

/* Between the members of a list in one cell (documents, outlets). */
#define LIST_SEP " | "

/* One row being built: each field is a range of buf, or absent (empty). */
typedef struct row {
    fc_strbuf buf;
    size_t off[NCOLS], len[NCOLS];
    bool set[NCOLS];
    bool text[NCOLS]; /* free text from a document: guard against formulas */
} row;

static void row_reset(row *r)
{
    r->buf.len = 0;
    memset(r->set, 0, sizeof r->set);
    memset(r->text, 0, sizeof r->text);
}

/* Starts field col; what is appended to r->buf until the next field is its value. */
static void field_begin(row *r, int col)
{
    r->set[col] = true;
    r->off[col] = r->buf.len;
}

static void field_end(row *r, int col)
{
    r->len[col] = r->buf.len - r->off[col];
}

static void put_str(row *r, int col, const char *s)
{
    if (!s)
        return;
    field_begin(r, col);
    fc_sb_puts(&r->buf, s);
    field_end(r, col);
}

static void put_text(row *r, int col, const char *s)
{
    put_str(r, col, s);
    r->text[col] = s != NULL;
}

static void put_num(row *r, int col, double v)
{
    if (!isfinite(v))
        return;
    field_begin(r, col);
    fc_sb_decimal(&r->buf, v);
    field_end(r, col);
}

static void put_size(row *r, int col, size_t v)
{
    field_begin(r, col);
    fc_sb_printf(&r->buf, "%zu", v);
    field_end(r, col);
}

static bool needs_quotes(const char *s, size_t n)
{
    if (n == 0)
        return false;
    if (s[0] == ' ' || s[n - 1] == ' ')
        return true;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            return true;
    return false;
}

static bool formula_like(const char *s, size_t n)
{
    return n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
}

/* Appends the row to out as one CSV record. */
static void row_emit(const row *r, fc_strbuf *out)
{
    for (int c = 0; c < NCOLS; c++) {
        if (c > 0)
            fc_sb_add(out, ",", 1);
        if (!r->set[c] || r->buf.failed || r->len[c] == 0)
            continue;
        const char *s = r->buf.data + r->off[c];
        size_t n = r->len[c];
        bool guard = r->text[c] && formula_like(s, n);
        bool quote = guard || needs_quotes(s, n);
        if (quote)
            fc_sb_add(out, "\"", 1);
        if (guard)
            fc_sb_add(out, "'", 1);
        const unsigned char *u = (const unsigned char *)s;
        size_t run = 0;
        for (size_t i = 0; i < n; i++) {
            size_t len = u[i] < 0x80 ? 1 : fc_utf8_len(u + i, n - i);
            if (u[i] != '"' && len > 0) {
                i += len - 1;
                continue;
            }
            fc_sb_add(out, s + run, i - run);
            fc_sb_puts(out, u[i] == '"' ? "\"\"" : "\xEF\xBF\xBD"); /* U+FFFD */
            run = i + 1;
        }
        fc_sb_add(out, s + run, n - run);
        if (quote)
            fc_sb_add(out, "\"", 1);
    }
    fc_sb_add(out, "\r\n", 2);
    if (r->buf.failed)
        out->failed = true;
}

static void input_row(row *r, const fc_input *in)
{
    put_str(r, COL_type, "input");
    put_text(r, COL_doc, in->path);
    put_str(r, COL_status, in->status != FC_OK ? "error" : in->skipped ? "skipped" : "ok");
    put_text(r, COL_message, in->status != FC_OK ? in->error : in->warning);
    put_size(r, COL_claim_count, in->nclaims);
    if (in->doc) {
        put_text(r, COL_outlet, in->doc->outlet);
        put_text(r, COL_title, in->doc->title);
        put_text(r, COL_published, in->doc->published);
        put_text(r, COL_url, fc_report_url(in->doc));
    }
}

static void claim_row(row *r, const fc_corpus *corpus, const fc_claim *c)
{
    const fc_input *in = fc_corpus_input(corpus, c->doc);
    put_str(r, COL_type, "claim");
    put_str(r, COL_id, c->id);
    put_text(r, COL_doc, in ? in->path : NULL);
    if (in && in->doc) {
        unsigned line, col;
        fc_doc_linecol(in->doc, c->start, &line, &col);
        put_size(r, COL_line, line);
        put_size(r, COL_col, col);
    }
    char *text = fc_claim_text(corpus, c);
    put_text(r, COL_text, text);
    free(text);
    char *context = fc_claim_context(corpus, c);
    put_text(r, COL_context, context);
    free(context);
    put_num(r, COL_value, c->value);
    put_num(r, COL_low, c->low);
    put_num(r, COL_high, c->high);
    put_str(r, COL_qualifier, fc_qualifier_name(c->qualifier));
    put_str(r, COL_unit, fc_unit_name(c->unit));
    put_text(r, COL_currency, c->currency[0] ? c->currency : NULL);
    put_str(r, COL_per, fc_per_name(c->per));
    put_str(r, COL_modality, fc_modality_name(c->modality));
    put_str(r, COL_role, fc_role_name(c->role));
    put_str(r, COL_direction, fc_direction_name(c->direction));
    put_num(r, COL_from, c->from);
    put_num(r, COL_to, c->to);
    put_text(r, COL_subject, c->subject);
    put_text(r, COL_attribution, c->attribution);
    put_text(r, COL_measure, c->measure);
    put_text(r, COL_key, c->key);
    put_text(r, COL_period, c->period);
    put_str(r, COL_part_of, c->part_of[0] ? c->part_of : NULL);
    put_text(r, COL_unit_name, c->unit_name[0] ? c->unit_name : NULL);
    put_num(r, COL_base_value, c->base_value);
    put_text(r, COL_base_unit, c->base_unit[0] ? c->base_unit : NULL);
}

static void decision_fields(row *r, const fc_decision *d)
{
    if (!d)
        return;
    put_str(r, COL_decision, fc_verdict_name(d->verdict));
    put_text(r, COL_decided_by, d->by);
    put_str(r, COL_decided_at, d->at);
    put_text(r, COL_note, d->note[0] ? d->note : NULL);
}

/* A decision whose finding is not in the run: its fingerprint, the decision,
 * why it is stale, and where the decisions file holds it. */
static void stale_row(row *r, const fc_decision *d)
{
    put_str(r, COL_type, "stale_decision");
    put_str(r, COL_id, d->finding);
    decision_fields(r, d);
    put_str(r, COL_message, FC_STALE_REASON);
    if (d->file) {
        put_text(r, COL_doc, d->file);
        put_num(r, COL_line, d->line);
        put_num(r, COL_col, d->col);
    }
}

static void finding_row(row *r, const fc_corpus *corpus, const fc_finding *f,
                        const fc_decision *dec)
{
    decision_fields(r, dec);
    const fc_claims *cl = fc_corpus_claims(corpus);
    put_str(r, COL_type, "finding");
    put_str(r, COL_id, f->id);
    put_str(r, COL_check, f->check);
    put_str(r, COL_severity, fc_severity_name(f->severity));
    put_text(r, COL_message, f->message);
    put_text(r, COL_source, f->source);
    /* The claims' ids, space-separated; the document of the first one. */
    field_begin(r, COL_claims);
    for (size_t i = 0; i < f->nclaims; i++)
        fc_sb_printf(&r->buf, "%s%s", i ? " " : "", cl->items[f->claims[i]].id);
    field_end(r, COL_claims);
    if (f->nclaims > 0) {
        const fc_input *in = fc_corpus_input(corpus, cl->items[f->claims[0]].doc);
        put_text(r, COL_doc, in ? in->path : NULL);
    }
    const char *measure, *key;
    fc_report_finding_measure(corpus, f, &measure, &key);
    put_text(r, COL_measure, measure);
    put_text(r, COL_key, key);
    put_text(r, COL_label, f->label);
    /* The documents and their outlets, each once, separated by " | " */
    size_t *docs = malloc((f->nclaims ? f->nclaims : 1) * sizeof *docs);
    size_t nd = docs ? fc_report_finding_docs(corpus, f, docs) : 0;
    if (!docs)
        r->buf.failed = true;
    field_begin(r, COL_documents);
    for (size_t i = 0; i < nd; i++)
        fc_sb_printf(&r->buf, "%s%s", i ? LIST_SEP : "", fc_corpus_input(corpus, docs[i])->path);
    field_end(r, COL_documents);
    r->text[COL_documents] = true;
    field_begin(r, COL_outlets);
    for (size_t i = 0, any = 0; i < nd; i++) {
        const fc_doc *d = fc_corpus_input(corpus, docs[i])->doc;
        if (d && d->outlet && !fc_report_outlet_seen(corpus, docs, i, d->outlet))
            fc_sb_printf(&r->buf, "%s%s", any++ ? LIST_SEP : "", d->outlet);
    }
    field_end(r, COL_outlets);
    r->text[COL_outlets] = true;
    free(docs);
    /* name=value pairs, space-separated, as in the text report */
    field_begin(r, COL_numbers);
    for (size_t i = 0; i < f->nnums; i++) {
        fc_sb_printf(&r->buf, "%s%s=", i ? " " : "", f->nums[i].name);
        fc_sb_decimal(&r->buf, f->nums[i].value);
    }
    field_end(r, COL_numbers);
}

/* The provenance rows: the factcheck version ("run"), then each file the rules
 * came from, with its SHA-256. */
static fc_status provenance_rows(FILE *out, fc_strbuf *sb, row *r, const fc_rules *rules)
{
    row_reset(r);
    put_str(r, COL_type, "run");
    put_str(r, COL_version, fc_version());
    row_emit(r, sb);
    fc_status st = fc_report_flush(out, sb);
    for (size_t i = 0; st == FC_OK && i < fc_rules_nfiles(rules); i++) {
        fc_rules_file f = fc_rules_file_at(rules, i);
        row_reset(r);
        put_str(r, COL_type, f.kind);
        put_text(r, COL_file, f.path);
        put_str(r, COL_sha256, f.sha256);
        row_emit(r, sb);
        st = fc_report_flush(out, sb);
    }
    return st;
}

/* The provenance first (with rules), then inputs, claims, findings and stale
 * decisions; written a row at a time so memory does not grow with the output. */
fc_status fc_report_csv(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide,
                        const fc_rules *rules)
{
    fc_strbuf sb = {0};
    row r = {0};
    fc_status st = FC_OK;
    fc_sb_puts(&sb, "\xEF\xBB\xBF"); /* UTF-8 byte-order mark */
    for (int c = 0; c < NCOLS; c++)
        fc_sb_printf(&sb, "%s%s", c ? "," : "", column_names[c]);
    fc_sb_add(&sb, "\r\n", 2);
    if (rules)
        st = provenance_rows(out, &sb, &r, rules);
    for (size_t i = 0; st == FC_OK && i < fc_corpus_ninputs(corpus); i++) {
        row_reset(&r);
        input_row(&r, fc_corpus_input(corpus, i));
        row_emit(&r, &sb);
        st = fc_report_flush(out, &sb);
    }
    const fc_claims *cl = fc_corpus_claims(corpus);
    for (size_t i = 0; st == FC_OK && i < cl->n; i++) {
        row_reset(&r);
        claim_row(&r, corpus, &cl->items[i]);
        row_emit(&r, &sb);
        st = fc_report_flush(out, &sb);
    }
    const fc_findings *fs = fc_corpus_findings(corpus);
    for (size_t i = 0; st == FC_OK && kind == FC_REPORT_FULL && i < fs->n; i++) {
        if (!fc_report_shown(corpus, i, hide))
            continue;
        row_reset(&r);
        finding_row(&r, corpus, &fs->items[i], fc_corpus_decision(corpus, i));
        row_emit(&r, &sb);
        st = fc_report_flush(out, &sb);
    }
    for (size_t i = 0; st == FC_OK && kind == FC_REPORT_FULL && i < fc_corpus_nstale(corpus); i++) {
        row_reset(&r);
        stale_row(&r, fc_corpus_stale(corpus, i));
        row_emit(&r, &sb);
        st = fc_report_flush(out, &sb);
    }
    if (st == FC_OK)
        st = fc_report_flush(out, &sb);
    fc_sb_free(&r.buf);
    fc_sb_free(&sb);
    return st;
}
