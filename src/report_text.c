/* report_text.c - the readable report: per document, its claims; then the
 * findings with their arithmetic; then a summary. Stable order, plain text. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

static void interval(fc_strbuf *sb, const fc_claim *c)
{
    if (c->low == c->high)
        return;
    fc_sb_puts(sb, " [");
    fc_sb_number(sb, c->low);
    fc_sb_puts(sb, ", ");
    if (isinf(c->high))
        fc_sb_puts(sb, "...");
    else
        fc_sb_number(sb, c->high);
    fc_sb_puts(sb, "]");
}

static void claim_line(fc_strbuf *sb, const fc_corpus *corpus, const fc_input *in,
                       const fc_claim *c)
{
    unsigned line, col;
    fc_doc_linecol(in->doc, c->start, &line, &col);
    char *text = fc_claim_text(corpus, c);
    for (char *p = text; p && *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' '; /* a claim may span a wrapped line */
    fc_sb_printf(sb, "  %4u:%-3u \"%s\"\n", line, col, text ? text : "");
    free(text);
    fc_sb_puts(sb, "           = ");
    fc_sb_number(sb, c->value);
    interval(sb, c);
    fc_sb_printf(sb, "  %s", fc_unit_name(c->unit));
    if (c->currency[0])
        fc_sb_printf(sb, " %s", c->currency);
    if (c->per)
        fc_sb_printf(sb, " per %s", fc_per_name(c->per));
    if (c->qualifier != FC_QUAL_EXACT)
        fc_sb_printf(sb, "  hedge: %s", fc_qualifier_name(c->qualifier));
    fc_sb_printf(sb, "  %s", fc_modality_name(c->modality));
    if (c->role != FC_ROLE_LEVEL)
        fc_sb_printf(sb, "  (%s)", fc_role_name(c->role));
    if (c->direction)
        fc_sb_printf(sb, " %s", fc_direction_name(c->direction));
    if (!isnan(c->from)) {
        fc_sb_puts(sb, " from ");
        fc_sb_number(sb, c->from);
    }
    fc_sb_puts(sb, "\n");
    fc_sb_printf(sb, "           subject: %s  source: %s", c->subject ? c->subject : "-",
                 c->attribution ? c->attribution : "(the outlet)");
    if (c->period)
        fc_sb_printf(sb, "  period: %s", c->period);
    if (c->measure)
        fc_sb_printf(sb, "  measure: %s", c->measure);
    fc_sb_printf(sb, "  [%s]\n", c->id);
}

static void document(fc_strbuf *sb, const fc_corpus *corpus, size_t i)
{
    const fc_input *in = fc_corpus_input(corpus, i);
    if (in->status != FC_OK) {
        fc_sb_printf(sb, "\n%s  ERROR\n  %s\n", in->path, in->error ? in->error : "");
        return;
    }
    const fc_doc *d = in->doc;
    fc_sb_printf(sb, "\n%s  (%zu claim%s)\n", in->path, in->nclaims, in->nclaims == 1 ? "" : "s");
    if (d->outlet || d->title || d->published)
        fc_sb_printf(sb, "  %s%s%s%s%s\n", d->outlet ? d->outlet : "", d->published ? ", " : "",
                     d->published ? d->published : "", d->title ? ": " : "",
                     d->title ? d->title : "");
    const fc_claims *cl = fc_corpus_claims(corpus);
    /* Claims are stored in input order: this input's claims are one run. */
    size_t lo = 0, hi = cl->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cl->items[mid].doc < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < cl->n && cl->items[k].doc == i; k++)
        claim_line(sb, corpus, in, &cl->items[k]);
}

static void finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f)
{
    static const char *const label[] = {"info", "WARNING", "CONFLICT"};
    const fc_claims *cl = fc_corpus_claims(corpus);
    fc_sb_printf(sb, "\n  %s  %s  [%s]\n    %s\n", label[f->severity], f->check, f->id, f->message);
    if (f->source)
        fc_sb_printf(sb, "    source: %s\n", f->source);
    if (f->nnums) {
        fc_sb_puts(sb, "    numbers:");
        for (size_t i = 0; i < f->nnums; i++) {
            fc_sb_printf(sb, " %s=", f->nums[i].name);
            fc_sb_number(sb, f->nums[i].value);
        }
        fc_sb_puts(sb, "\n");
    }
    fc_sb_puts(sb, "    claims:");
    for (size_t i = 0; i < f->nclaims; i++) {
        const fc_claim *c = &cl->items[f->claims[i]];
        const fc_input *in = fc_corpus_input(corpus, c->doc);
        unsigned line, col;
        fc_doc_linecol(in->doc, c->start, &line, &col);
        fc_sb_printf(sb, " %s (%s:%u:%u)", c->id, in->path, line, col);
    }
    fc_sb_puts(sb, "\n");
}

/* Writes what sb holds and empties it. */
static fc_status flush(FILE *out, fc_strbuf *sb)
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

/* The report is written a document at a time, so memory does not grow with the
 * size of the output. */
fc_status fc_report_text(FILE *out, const fc_corpus *corpus, fc_report_kind kind)
{
    fc_strbuf sb = {0};
    fc_status st = FC_OK;
    size_t n = fc_corpus_ninputs(corpus), failed = fc_corpus_nfailed(corpus);
    fc_sb_printf(&sb, "factcheck %s: %s over %zu input%s\n", fc_version(),
                 kind == FC_REPORT_FULL ? "consistency report" : "claims", n, n == 1 ? "" : "s");
    for (size_t i = 0; st == FC_OK && i < n; i++) {
        document(&sb, corpus, i);
        st = flush(out, &sb);
    }
    const fc_findings *fs = fc_corpus_findings(corpus);
    if (st == FC_OK && kind == FC_REPORT_FULL) {
        fc_sb_printf(&sb, "\nFindings (%zu)\n", fs->n);
        if (fs->n == 0)
            fc_sb_puts(&sb, "  none\n");
        for (size_t i = 0; st == FC_OK && i < fs->n; i++) {
            finding(&sb, corpus, &fs->items[i]);
            st = flush(out, &sb);
        }
    }
    size_t conflicts = fc_corpus_nseverity(corpus, FC_SEV_CONFLICT);
    size_t warnings = fc_corpus_nseverity(corpus, FC_SEV_WARNING);
    fc_sb_printf(&sb, "\nSummary: %zu input%s (%zu ok, %zu failed), %zu claims", n,
                 n == 1 ? "" : "s", n - failed, failed, fc_corpus_claims(corpus)->n);
    if (kind == FC_REPORT_FULL)
        fc_sb_printf(&sb, ", %zu conflict%s, %zu warning%s, %zu info", conflicts,
                     conflicts == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                     fc_corpus_nseverity(corpus, FC_SEV_INFO));
    fc_sb_puts(&sb, "\n");
    if (st == FC_OK)
        st = flush(out, &sb);
    fc_sb_free(&sb);
    return st;
}
