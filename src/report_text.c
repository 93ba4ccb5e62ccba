/* report_text.c - the readable report: the findings first, grouped by story
 * and by what they are about, each with its arithmetic; then the inputs (with
 * every claim under its document on request); then a summary. Stable order; plain text, or
 * with ANSI colours (SGR sequences) on severities and errors when asked.
 *
 * Meant for a terminal: every string that comes from a document, a path or a
 * rule file goes through fc_sb_term, so a control character in it (ESC above
 * all) is shown as \xNN instead of acting on the terminal; the only escape
 * sequences written are the report's own colours. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"
#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

/* ANSI SGR sequences, or nothing when colour is off. */
typedef struct style {
    const char *conflict, *warning, *info, *error, *bold, *reset;
} style;

static const style plain = {"", "", "", "", "", ""};
static const style ansi = {"\033[1;31m", "\033[33m", "\033[36m",
                           "\033[1;31m", "\033[1m",  "\033[0m"};

/* Where else a claim appeared (one source, once): "copy of c..." for a copy;
 * the other outlets for an original with copies. */
static void appearances_line(fc_strbuf *sb, const fc_corpus *corpus, size_t k)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    size_t first = fc_corpus_first_appearance(corpus, k);
    if (first != k) {
        const fc_input *in = fc_corpus_input(corpus, cl->items[first].doc);
        fc_sb_printf(sb, "           copy of %s (", cl->items[first].id);
        fc_sb_term_str(sb, in ? in->path : "?");
        fc_sb_puts(sb, "): checked there\n");
        return;
    }
    size_t n = 0;
    for (size_t a = fc_corpus_next_appearance(corpus, k); a != FC_NO_CLAIM;
         a = fc_corpus_next_appearance(corpus, a))
        n++;
    if (!n)
        return;
    fc_sb_printf(sb, "           also in %zu other document%s:", n, n == 1 ? "" : "s");
    size_t shown = 0;
    for (size_t a = fc_corpus_next_appearance(corpus, k); a != FC_NO_CLAIM && shown < 5;
         a = fc_corpus_next_appearance(corpus, a), shown++) {
        const fc_input *in = fc_corpus_input(corpus, cl->items[a].doc);
        fc_sb_puts(sb, shown ? ", " : " ");
        fc_sb_term_str(sb, in && in->doc && in->doc->outlet ? in->doc->outlet : in ? in->path : "?");
    }
    if (n > shown)
        fc_sb_printf(sb, " and %zu more", n - shown);
    fc_sb_puts(sb, "\n");
}

static void finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f,
                    const fc_decision *dec, const style *st);

static void claim_line(fc_strbuf *sb, const fc_corpus *corpus, const fc_input *in, size_t k)
{
    const fc_claim *c = &fc_corpus_claims(corpus)->items[k];
    unsigned line, col;
    fc_doc_linecol(in->doc, c->start, &line, &col);
    char *text = fc_claim_text(corpus, c);
    for (char *p = text; p && *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' '; /* a claim may span a wrapped line */
    fc_sb_printf(sb, "  %4u:%-3u \"", line, col);
    fc_sb_term_str(sb, text);
    fc_sb_puts(sb, "\"\n");
    free(text);
    fc_sb_puts(sb, "           = ");
    fc_sb_number(sb, c->value);
    fc_sb_interval(sb, c->low, c->high, "...");
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
    if (!isnan(c->to)) {
        fc_sb_puts(sb, " to ");
        fc_sb_number(sb, c->to);
    }
    fc_sb_puts(sb, "\n");
    fc_sb_puts(sb, "           subject: ");
    fc_sb_term_str(sb, c->subject ? c->subject : "-");
    fc_sb_puts(sb, "  source: ");
    fc_sb_term_str(sb, c->attribution ? c->attribution : "(the outlet)");
    if (c->period) {
        fc_sb_puts(sb, "  period: ");
        fc_sb_term_str(sb, c->period);
    }
    if (c->measure) {
        fc_sb_puts(sb, "  measure: ");
        fc_sb_term_str(sb, c->measure);
    }
    fc_sb_printf(sb, "  [%s]\n", c->id);
    if (c->key && !c->measure) {
        fc_sb_puts(sb, "           key: ");
        fc_sb_term_str(sb, c->key);
        fc_sb_puts(sb, "\n");
    }
    appearances_line(sb, corpus, k);
}

static void document(fc_strbuf *sb, const fc_corpus *corpus, size_t i, const style *st,
                     bool list_claims)
{
    const fc_input *in = fc_corpus_input(corpus, i);
    fc_sb_printf(sb, "\n%s", st->bold);
    fc_sb_term_str(sb, in->path);
    fc_sb_puts(sb, st->reset);
    if (in->status != FC_OK) {
        fc_sb_printf(sb, "  %sERROR%s\n  ", st->error, st->reset);
        fc_sb_term_str(sb, in->error);
        fc_sb_puts(sb, "\n");
        return;
    }
    if (in->skipped) {
        fc_sb_printf(sb, "  %sskipped%s\n  ", st->warning, st->reset);
        fc_sb_term_str(sb, in->warning);
        fc_sb_puts(sb, "\n");
        return;
    }
    const fc_doc *d = in->doc;
    fc_sb_printf(sb, "  (%zu claim%s)\n", in->nclaims, in->nclaims == 1 ? "" : "s");
    if (in->warning) { /* read, with a publication date that is no date */
        fc_sb_printf(sb, "  %swarning%s ", st->warning, st->reset);
        fc_sb_term_str(sb, in->warning);
        fc_sb_puts(sb, "\n");
    }
    if (d->outlet || d->title || d->published) {
        fc_sb_puts(sb, "  ");
        fc_sb_term_str(sb, d->outlet);
        if (d->published) {
            fc_sb_puts(sb, ", ");
            fc_sb_term_str(sb, d->published);
        }
        if (d->title) {
            fc_sb_puts(sb, ": ");
            fc_sb_term_str(sb, d->title);
        }
        fc_sb_puts(sb, "\n");
    }
    if (!list_claims)
        return;
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
        claim_line(sb, corpus, in, k);
}

/* "false_alarm by Dana Whitfield, 2026-02-11T09:30:00Z: the two counts cover
 * different weeks" */
static void decision_text(fc_strbuf *sb, const fc_decision *d)
{
    fc_sb_printf(sb, "%s by ", fc_verdict_name(d->verdict));
    fc_sb_term_str(sb, d->by);
    fc_sb_printf(sb, ", %s", d->at);
    if (d->note[0]) {
        fc_sb_puts(sb, ": ");
        fc_sb_term_str(sb, d->note);
    }
}

static void stale_line(fc_strbuf *sb, const fc_decision *d, const style *st)
{
    fc_sb_printf(sb, "\n  %sSTALE%s  %s  ", st->warning, st->reset, d->finding);
    decision_text(sb, d);
    fc_sb_puts(sb, "\n    " FC_STALE_REASON);
    if (d->file) {
        fc_sb_puts(sb, " (decided at ");
        fc_sb_term_str(sb, d->file);
        fc_sb_printf(sb, ":%u:%u)", d->line, d->col);
    }
    fc_sb_puts(sb, "\n");
}

void fc_report_text_finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f,
                            bool color)
{
    finding(sb, corpus, f, NULL, color ? &ansi : &plain);
}

static void finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f,
                    const fc_decision *dec, const style *st)
{
    static const char *const label[] = {"info", "WARNING", "CONFLICT"};
    const char *colour[] = {st->info, st->warning, st->conflict};
    const fc_claims *cl = fc_corpus_claims(corpus);
    fc_sb_printf(sb, "\n  %s%s%s  %s  [%s]\n    ", colour[f->severity], label[f->severity],
                 st->reset, f->check, f->id);
    fc_sb_term_str(sb, f->message);
    fc_sb_puts(sb, "\n");
    if (dec) {
        fc_sb_puts(sb, "    decision: ");
        decision_text(sb, dec);
        fc_sb_puts(sb, "\n");
    }
    if (f->source) {
        fc_sb_puts(sb, "    source: ");
        fc_sb_term_str(sb, f->source);
        fc_sb_puts(sb, "\n");
    }
    if (f->nnums) {
        fc_sb_puts(sb, "    numbers:");
        for (size_t i = 0; i < f->nnums; i++) {
            fc_sb_printf(sb, " %s=", f->nums[i].name);
            fc_sb_number(sb, f->nums[i].value);
        }
        fc_sb_puts(sb, "\n");
    }
    if (f->agrees && f->disagrees && f->agrees <= f->nclaims && f->disagrees <= f->nclaims) {
        /* a dispute the evidence settles: only the side that disagrees is wrong */
        const fc_claim *ok = &cl->items[f->claims[f->agrees - 1]];
        const fc_claim *bad = &cl->items[f->claims[f->disagrees - 1]];
        const fc_input *iok = fc_corpus_input(corpus, ok->doc);
        const fc_input *ibad = fc_corpus_input(corpus, bad->doc);
        fc_sb_printf(sb, "    agrees with %s: %s (",
                     f->source ? "the reference figure" : "the other sources", ok->id);
        fc_sb_term_str(sb, iok->doc && iok->doc->outlet ? iok->doc->outlet : iok->path);
        fc_sb_printf(sb, ")\n    %sdisagrees%s: %s (", st->conflict, st->reset, bad->id);
        fc_sb_term_str(sb, ibad->doc && ibad->doc->outlet ? ibad->doc->outlet : ibad->path);
        fc_sb_puts(sb, ")\n");
    }
    fc_sb_puts(sb, "    claims:");
    for (size_t i = 0; i < f->nclaims; i++) {
        const fc_claim *c = &cl->items[f->claims[i]];
        const fc_input *in = fc_corpus_input(corpus, c->doc);
        unsigned line, col;
        fc_doc_linecol(in->doc, c->start, &line, &col);
        fc_sb_printf(sb, " %s (", c->id);
        fc_sb_term_str(sb, in->path);
        fc_sb_printf(sb, ":%u:%u)", line, col);
    }
    fc_sb_puts(sb, "\n");
}

/* Findings in reading order: by story (the one with the most severe finding
 * first), then by topic within it (likewise), then as the checks sorted them. */
typedef struct placed {
    size_t story_rank, topic_rank, i;
} placed;

static int by_place(const void *pa, const void *pb)
{
    const placed *a = pa, *b = pb;
    if (a->story_rank != b->story_rank)
        return a->story_rank < b->story_rank ? -1 : 1;
    if (a->topic_rank != b->topic_rank)
        return a->topic_rank < b->topic_rank ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static bool same_topic(const fc_finding *a, const fc_finding *b)
{
    return a->story == b->story &&
           (a->topic && b->topic ? strcmp(a->topic, b->topic) == 0 : a->topic == b->topic);
}

/* The first shown finding of each story, and of each topic of a story: open
 * addressing over finding indices (FC_NO_FIRST: empty), keyed by story (by
 * topic: story and topic). */
#define FC_NO_FIRST ((size_t)-1)

static size_t topic_hash(const fc_finding *f, bool topic)
{
    uint64_t h = fc_hash64(&f->story, sizeof f->story, 0);
    if (topic && f->topic)
        h = fc_hash64(f->topic, strlen(f->topic), h);
    return (size_t)h;
}

/* The first finding in slots (mask + 1 of them) with f's story (topic: and
 * topic); else f's index i is put there and returned. */
static size_t first_of(const fc_findings *fs, size_t *slots, size_t mask, size_t i, bool topic)
{
    const fc_finding *f = &fs->items[i];
    for (size_t b = topic_hash(f, topic) & mask;; b = (b + 1) & mask) {
        if (slots[b] == FC_NO_FIRST) {
            slots[b] = i;
            return i;
        }
        const fc_finding *o = &fs->items[slots[b]];
        if (topic ? same_topic(o, f) : o->story == f->story)
            return slots[b];
    }
}

/* The shown findings in reading order (*n of them); NULL when out of memory.
 * Ranks are the index of the first finding of the story or topic: findings
 * come sorted by severity, so that is the most severe. */
static placed *reading_order(const fc_corpus *corpus, bool hide, size_t *n)
{
    const fc_findings *fs = fc_corpus_findings(corpus);
    size_t nslots = 2;
    while (nslots < 2 * fs->n)
        nslots *= 2;
    placed *p = malloc((fs->n ? fs->n : 1) * sizeof *p);
    size_t *stories = malloc(nslots * sizeof *stories), *topics = malloc(nslots * sizeof *topics);
    if (!p || !stories || !topics) {
        free(p);
        free(stories);
        free(topics);
        return NULL;
    }
    for (size_t k = 0; k < nslots; k++)
        stories[k] = topics[k] = FC_NO_FIRST;
    *n = 0;
    for (size_t i = 0; i < fs->n; i++) {
        if (!fc_report_shown(corpus, i, hide))
            continue;
        p[*n] = (placed){first_of(fs, stories, nslots - 1, i, false),
                         first_of(fs, topics, nslots - 1, i, true), i};
        ++*n;
    }
    free(stories);
    free(topics);
    qsort(p, *n, sizeof *p, by_place);
    return p;
}

/* What findings of no measure are about, by their check. */
static const char *check_label(const char *check)
{
    static const char *const labels[][2] = {
        {"cross_source", "figures across sources"},  {"percent_points", "percent or points"},
        {"stated_change", "stated changes"},          {"stated_multiple", "stated multiples"},
        {"stated_ratio", "stated ratios"},            {"poll_change", "polls"},
        {"poll_margin", "polls"},                     {"poll_granularity", "polls"},
        {"target_vs_actual", "targets"},              {"target_as_actual", "targets"},
        {"share", "shares of a whole"},               {"share_sum", "shares of a whole"},
        {"rate_total", "rates and totals"},           {"elapsed", "time since a date"},
        {"reference", "reference figures"}};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (strcmp(check, labels[i][0]) == 0)
            return labels[i][1];
    return check;
}

/* "Story: Korean community uneasy as deportation push widens (Harbor City
 * Ledger, claims/01-....md)": the story's first document names it. */
static void story_heading(fc_strbuf *sb, const fc_corpus *corpus, size_t doc, const style *st)
{
    const fc_input *in = doc < fc_corpus_ninputs(corpus) ? fc_corpus_input(corpus, doc) : NULL;
    fc_sb_printf(sb, "\n%sStory: ", st->bold);
    if (in && in->doc && in->doc->title) {
        fc_sb_term_str(sb, in->doc->title);
        fc_sb_puts(sb, " (");
        if (in->doc->outlet) {
            fc_sb_term_str(sb, in->doc->outlet);
            fc_sb_puts(sb, ", ");
        }
        fc_sb_term_str(sb, in->path);
        fc_sb_puts(sb, ")");
    } else {
        fc_sb_term_str(sb, in ? in->path : "(no document)");
    }
    fc_sb_printf(sb, "%s\n", st->reset);
}

static fc_status findings_text(FILE *out, fc_strbuf *sb, const fc_corpus *corpus, bool hide,
                               const style *sty)
{
    const fc_findings *fs = fc_corpus_findings(corpus);
    size_t settled = fc_report_nsettled(corpus), shown = fs->n - (hide ? settled : 0), n = 0;
    fc_sb_printf(sb, "\n%sFindings (%zu)%s", sty->bold, shown, sty->reset);
    if (hide && settled)
        fc_sb_printf(sb, " (%zu settled, not shown)", settled);
    fc_sb_puts(sb, "\n");
    if (shown == 0)
        fc_sb_puts(sb, "  none\n");
    placed *order = reading_order(corpus, hide, &n);
    if (!order)
        return FC_ENOMEM;
    fc_status st = FC_OK;
    for (size_t j = 0; st == FC_OK && j < n; j++) {
        const fc_finding *f = &fs->items[order[j].i];
        const fc_finding *prev = j ? &fs->items[order[j - 1].i] : NULL;
        if (!prev || prev->story != f->story)
            story_heading(sb, corpus, f->story, sty);
        if (!prev || !same_topic(prev, f)) {
            fc_sb_puts(sb, "\n  -- ");
            fc_sb_term_str(sb, f->topic ? f->topic : check_label(f->check));
            fc_sb_puts(sb, "\n");
        }
        finding(sb, corpus, f, fc_corpus_decision(corpus, order[j].i), sty);
        st = fc_report_flush(out, sb);
    }
    free(order);
    size_t nstale = fc_corpus_nstale(corpus);
    if (nstale)
        fc_sb_printf(sb, "\n%sStale decisions (%zu)%s\n", sty->bold, nstale, sty->reset);
    for (size_t i = 0; st == FC_OK && i < nstale; i++) {
        stale_line(sb, fc_corpus_stale(corpus, i), sty);
        st = fc_report_flush(out, sb);
    }
    return st;
}

/* The report is written a document at a time, so memory does not grow with the
 * size of the output. */
fc_status fc_report_text(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool color,
                         bool hide, bool list_claims, const fc_rules *rules)
{
    const style *sty = color ? &ansi : &plain;
    fc_strbuf sb = {0};
    fc_status st = FC_OK;
    size_t n = fc_corpus_ninputs(corpus), failed = fc_corpus_nfailed(corpus);
    size_t skipped = fc_corpus_nskipped(corpus);
    const fc_findings *fs = fc_corpus_findings(corpus);
    bool full = kind == FC_REPORT_FULL;
    fc_sb_printf(&sb, "factcheck %s: %s over %zu input%s\n", fc_version(),
                 full ? "consistency report" : "claims", n, n == 1 ? "" : "s");
    for (size_t i = 0; rules && i < fc_rules_nfiles(rules); i++) {
        fc_rules_file f = fc_rules_file_at(rules, i);
        fc_sb_printf(&sb, "  %-8s sha256:%s  ", f.kind, f.sha256);
        fc_sb_term_str(&sb, f.path);
        fc_sb_puts(&sb, "\n");
    }
    if (full)
        st = findings_text(out, &sb, corpus, hide, sty);
    if (st == FC_OK && full)
        fc_sb_printf(&sb, "\n%s%s%s\n", sty->bold,
                     list_claims ? "Inputs and their claims" : "Inputs", sty->reset);
    for (size_t i = 0; st == FC_OK && i < n; i++) {
        document(&sb, corpus, i, sty, list_claims || !full);
        st = fc_report_flush(out, &sb);
    }
    size_t conflicts = fc_corpus_nseverity(corpus, FC_SEV_CONFLICT);
    size_t warnings = fc_corpus_nseverity(corpus, FC_SEV_WARNING);
    fc_sb_printf(&sb, "\n%sSummary:%s %zu input%s (%zu ok, %s%zu failed%s", sty->bold, sty->reset,
                 n, n == 1 ? "" : "s", n - failed - skipped, failed ? sty->error : "", failed,
                 failed ? sty->reset : "");
    if (skipped)
        fc_sb_printf(&sb, ", %s%zu skipped%s", sty->warning, skipped, sty->reset);
    fc_sb_printf(&sb, "), %zu claims", fc_corpus_claims(corpus)->n);
    if (kind == FC_REPORT_FULL)
        fc_sb_printf(&sb, ", %s%zu conflict%s%s, %s%zu warning%s%s, %zu info",
                     conflicts ? sty->conflict : "", conflicts, conflicts == 1 ? "" : "s",
                     conflicts ? sty->reset : "", warnings ? sty->warning : "", warnings,
                     warnings == 1 ? "" : "s", warnings ? sty->reset : "",
                     fc_corpus_nseverity(corpus, FC_SEV_INFO));
    size_t settled = fc_report_nsettled(corpus), nstale = fc_corpus_nstale(corpus);
    if (kind == FC_REPORT_FULL && (settled || nstale))
        fc_sb_printf(&sb, "; %zu decided, %zu open, %zu stale decision%s", settled, fs->n - settled,
                     nstale, nstale == 1 ? "" : "s");
    fc_sb_puts(&sb, "\n");
    if (st == FC_OK)
        st = fc_report_flush(out, &sb);
    fc_sb_free(&sb);
    return st;
}
