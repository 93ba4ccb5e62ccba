/* report_html.c - the report as one self-contained HTML page.
 *
 * Findings first, each with its message, the numbers it computed and links to
 * its claims; then, for each measure reported by two documents or more, a chart
 * of the claims' intervals side by side (inline SVG); then every input, with its
 * sentences, each claim highlighted in the sentence it was found in.
 *
 * Self-contained and inert: no script, no external resource, and a
 * Content-Security-Policy that forbids both, so the page works offline and a
 * document cannot make it fetch anything. Every byte that comes from a document
 * or a rule file goes through esc(), so a document cannot inject markup.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"
#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

/* Most claims drawn in one chart; the rest are counted under it. */
#define CHART_MAX_ROWS 40
/* Longest row label in a chart, in bytes (about what fits left of the plot). */
#define LABEL_MAX 72
/* Most ticks on a chart's axis; tick_step aims at about 5 and gives at most 11. */
#define CHART_MAX_TICKS 12
/* Figures closer than this fraction of their size are drawn as one figure: the
 * axis then spans a tenth of their size either side, so ticks stay distinct
 * doubles (near 1e16 doubles are 2 apart, and a step of 0.5 never advances). */
#define CHART_MIN_SPAN 1e-6
/* Axis bounds are kept within +-CHART_LIMIT, so their difference stays finite. */
#define CHART_LIMIT 1e300

/* Appends n bytes of s, escaped for HTML text and attribute values; a byte
 * sequence that is not UTF-8 becomes U+FFFD, as in the JSON report. */
static void esc_n(fc_strbuf *sb, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        case '\0':
            rep = "\xEF\xBF\xBD";
            break; /* U+FFFD */
        default:
            break;
        }
        if ((unsigned char)s[i] >= 0x80) {
            size_t len = fc_utf8_len((const unsigned char *)s + i, n - i);
            if (len) {
                i += len - 1;
                continue;
            }
            rep = "\xEF\xBF\xBD"; /* not UTF-8: U+FFFD */
        }
        if (!rep)
            continue;
        fc_sb_add(sb, s + run, i - run);
        fc_sb_puts(sb, rep);
        run = i + 1;
    }
    fc_sb_add(sb, s + run, n - run);
}

static void esc(fc_strbuf *sb, const char *s)
{
    if (s)
        esc_n(sb, s, strlen(s));
}

static const char *const severity_class[] = {"info", "warning", "conflict"};

static const char style_sheet[] =
    "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;"
    "color:#1b1b1b;background:#fff}"
    "h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;margin-top:2.5rem}"
    ".summary{color:#444}.summary b{color:#1b1b1b}"
    ".finding{border-left:6px solid #8aa;padding:.3rem 1rem;margin:1rem 0;background:#f7f9f9}"
    ".finding.conflict{border-color:#c0392b;background:#fdf1ef}"
    ".finding.warning{border-color:#d68910;background:#fef8ec}"
    ".sev{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.05em}"
    ".conflict .sev{color:#c0392b}.warning .sev{color:#a35f00}.info .sev{color:#2a6f7f}"
    ".check{font-family:monospace;margin-left:.6rem}.fid{color:#777;font-size:.8rem}"
    "table.numbers{border-collapse:collapse;font-size:.85rem;margin:.4rem 0}"
    "table.numbers td,table.numbers th{border:1px solid #ccd;padding:.1rem .5rem;text-align:right}"
    "table.numbers th{background:#eef;font-weight:600}"
    ".source{font-size:.85rem;color:#444}ul.claims{margin:.3rem 0;font-size:.9rem}"
    "figure{margin:1.5rem 0}figcaption{font-weight:600;font-family:monospace}"
    "svg text{font:12px system-ui,sans-serif}"
    ".doc{margin:1.5rem 0}.meta{color:#555;font-size:.9rem}"
    ".text{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #e3e3e3;padding:1rem;"
    "background:#fcfcfc;font-family:Georgia,serif}"
    "mark{background:#fff2a8;border-radius:2px}mark.warning{background:#ffc46b;border-bottom:2px "
    "solid #d68910}"
    "mark.conflict{background:#ff9e8f;border-bottom:2px solid #c0392b}mark:target{outline:2px "
    "solid #1f6feb}"
    ".error{color:#a00;font-weight:600}.legend{font-size:.85rem;color:#444}"
    ".decision{font-size:.9rem;border:1px solid #9bb;background:#fff;padding:.2rem .5rem;"
    "display:inline-block}.decision b{text-transform:uppercase;font-size:.8rem}"
    ".stale{border-left:6px dashed #a35f00;padding:.3rem 1rem;margin:1rem 0;background:#fffaf0}";

/* Severity of the worst finding shown that each claim appears in (-1: none). */
static signed char *claim_severities(const fc_corpus *corpus, bool hide)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    const fc_findings *fs = fc_corpus_findings(corpus);
    signed char *sev = malloc(cl->n ? cl->n : 1);
    if (!sev)
        return NULL;
    memset(sev, -1, cl->n);
    for (size_t i = 0; i < fs->n; i++)
        for (size_t k = 0; fc_report_shown(corpus, i, hide) && k < fs->items[i].nclaims; k++) {
            size_t c = fs->items[i].claims[k];
            if (fs->items[i].agrees == k + 1)
                continue; /* the side the evidence backs in a dispute is not wrong */
            if (c < cl->n && (int)fs->items[i].severity > sev[c])
                sev[c] = (signed char)fs->items[i].severity;
        }
    return sev;
}

static void claim_ref(fc_strbuf *sb, const fc_corpus *corpus, const fc_claim *c)
{
    const fc_input *in = fc_corpus_input(corpus, c->doc);
    char *text = fc_claim_text(corpus, c);
    unsigned line = 0, col = 0;
    if (in && in->doc)
        fc_doc_linecol(in->doc, c->start, &line, &col);
    fc_sb_printf(sb, "<li><a href=\"#c-%s\">\u201c", c->id);
    esc(sb, text);
    fc_sb_puts(sb, "\u201d</a> ");
    esc(sb, in ? in->path : "");
    fc_sb_printf(sb, ":%u:%u", line, col);
    if (c->attribution) {
        fc_sb_puts(sb, ", citing ");
        esc(sb, c->attribution);
    }
    fc_sb_puts(sb, "</li>\n");
    free(text);
}

/* "False alarm by Dana Whitfield, 2026-02-11T09:30:00Z: the note" */
static void decision_html(fc_strbuf *sb, const fc_decision *d)
{
    fc_sb_printf(sb, "<b>%s</b> by ", fc_verdict_name(d->verdict));
    esc(sb, d->by);
    fc_sb_printf(sb, ", <time>%s</time>", d->at);
    if (d->note[0]) {
        fc_sb_puts(sb, ": ");
        esc(sb, d->note);
    }
}

static void stale_html(fc_strbuf *sb, const fc_decision *d)
{
    fc_sb_printf(sb, "<div class=\"stale\" id=\"stale-%s\"><span class=\"fid\">%s</span> ",
                 d->finding, d->finding);
    decision_html(sb, d);
    fc_sb_puts(sb, "<br>" FC_STALE_REASON);
    if (d->file) {
        fc_sb_puts(sb, " (decided at ");
        esc(sb, d->file);
        fc_sb_printf(sb, ":%u:%u)", d->line, d->col);
    }
    fc_sb_puts(sb, "</div>\n");
}

static void finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f,
                    const fc_decision *dec)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    fc_sb_printf(sb,
                 "<article class=\"finding %s\" id=\"f-%s\">\n<div><span class=\"sev\">%s</span>"
                 "<span class=\"check\">%s</span> <span class=\"fid\">%s</span></div>\n<p>",
                 severity_class[f->severity], f->id, fc_severity_name(f->severity), f->check,
                 f->id);
    esc(sb, f->message);
    fc_sb_puts(sb, "</p>\n");
    if (dec) {
        fc_sb_puts(sb, "<p class=\"decision\">Decision: ");
        decision_html(sb, dec);
        fc_sb_puts(sb, "</p>\n");
    }
    if (f->source) {
        fc_sb_puts(sb, "<p class=\"source\">Source: ");
        esc(sb, f->source);
        fc_sb_puts(sb, "</p>\n");
    }
    if (f->nnums) {
        fc_sb_puts(sb, "<table class=\"numbers\"><tr>");
        for (size_t i = 0; i < f->nnums; i++) {
            fc_sb_puts(sb, "<th>");
            esc(sb, f->nums[i].name);
            fc_sb_puts(sb, "</th>");
        }
        fc_sb_puts(sb, "</tr><tr>");
        for (size_t i = 0; i < f->nnums; i++) {
            fc_sb_puts(sb, "<td>");
            fc_sb_number(sb, f->nums[i].value);
            fc_sb_puts(sb, "</td>");
        }
        fc_sb_puts(sb, "</tr></table>\n");
    }
    fc_sb_puts(sb, "<ul class=\"claims\">\n");
    for (size_t i = 0; i < f->nclaims; i++)
        claim_ref(sb, corpus, &cl->items[f->claims[i]]);
    fc_sb_puts(sb, "</ul>\n</article>\n");
}

/* ---- charts --------------------------------------------------------------- */

/* A reference figure a finding set beside claims of a chart. */
typedef struct ref_fig {
    double lo, hi;
    const char *source;
} ref_fig;

/* A round step for about n ticks over [lo, hi]: 1, 2 or 5 times a power of ten. */
static double tick_step(double lo, double hi, int n)
{
    double raw = (hi - lo) / n;
    if (!(raw > 0) || !isfinite(raw))
        return 1;
    double p = pow(10, floor(log10(raw)));
    double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/* Where a chart's axis should run: every finite bound and value, and the
 * reference figures, padded. */
static void chart_range(const fc_claims *cl, const size_t *idx, size_t n, const ref_fig *refs,
                        size_t nrefs, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t r = 0; r < nrefs; r++) {
        *lo = fmin(*lo, refs[r].lo);
        *hi = fmax(*hi, refs[r].hi);
    }
    for (size_t i = 0; i < n; i++) {
        const fc_claim *c = &cl->items[idx[i]];
        double v[] = {c->low, c->high, c->value};
        for (int k = 0; k < 3; k++)
            if (isfinite(v[k])) {
                *lo = fmin(*lo, v[k]);
                *hi = fmax(*hi, v[k]);
            }
    }
    if (!isfinite(*lo)) {
        *lo = 0;
        *hi = 1;
    }
    *lo = fmin(fmax(*lo, -CHART_LIMIT), CHART_LIMIT);
    *hi = fmin(fmax(*hi, -CHART_LIMIT), CHART_LIMIT);
    double size = fmax(fabs(*lo), fabs(*hi));
    double pad = (*hi - *lo) * 0.08;
    if (*hi - *lo <= size * CHART_MIN_SPAN) /* one figure, or as good as one */
        pad = size * 0.1 + 1;
    *lo -= pad;
    *hi += pad;
    if (*lo < 0 && fmin(*lo + pad, 0) >= 0)
        *lo = 0; /* counts and shares do not go below zero */
}

/* What a chart knows besides its claims: per claim, whether the evidence
 * backs it (+1: a reference figure or the other sources agree; -1: they do
 * not) and whether it is drawn here; and the shown findings. */
typedef struct chart_ctx {
    const signed char *sev, *verdict;
    bool *here; /* scratch, per claim */
    bool hide;
} chart_ctx;

#define CHART_MAX_REFS 6

/* The reference figures of the chart's claims (from the shown reference
 * findings), each once; and the chart's label: the topic of a finding on its
 * claims (the measure's description), else NULL. */
static size_t chart_refs(const fc_corpus *corpus, const chart_ctx *cx, ref_fig *refs,
                         const char **topic)
{
    const fc_findings *fs = fc_corpus_findings(corpus);
    size_t n = 0;
    *topic = NULL;
    for (size_t i = 0; i < fs->n; i++) {
        const fc_finding *f = &fs->items[i];
        bool mine = false;
        for (size_t k = 0; k < f->nclaims && !mine; k++)
            mine = cx->here[f->claims[k]];
        if (!mine || !fc_report_shown(corpus, i, cx->hide))
            continue;
        if (!*topic && f->topic)
            *topic = f->topic;
        if (strcmp(f->check, "reference") != 0)
            continue;
        double lo = NAN, hi = NAN;
        for (size_t j = 0; j < f->nnums; j++) {
            if (strcmp(f->nums[j].name, "reference_low") == 0)
                lo = f->nums[j].value;
            if (strcmp(f->nums[j].name, "reference_high") == 0)
                hi = f->nums[j].value;
        }
        if (!isfinite(lo) || !isfinite(hi))
            continue;
        bool seen = false;
        for (size_t r = 0; r < n && !seen; r++)
            seen = refs[r].lo == lo && refs[r].hi == hi;
        if (!seen && n < CHART_MAX_REFS)
            refs[n++] = (ref_fig){lo, hi, f->source};
    }
    for (size_t i = 1; i < n; i++) /* by value, so that neighbours' labels alternate */
        for (size_t j = i; j > 0 && refs[j].lo < refs[j - 1].lo; j--) {
            ref_fig t = refs[j];
            refs[j] = refs[j - 1];
            refs[j - 1] = t;
        }
    return n;
}

/* One chart: a row per claim, its interval as a bar, its stated value as a dot;
 * an unbounded side runs to the edge with an arrow. The desk's reference
 * figures are dashed green lines (a band for a range); a claim the evidence
 * backs is green with a tick, one it contradicts red with a cross. */
static void chart(fc_strbuf *sb, const fc_corpus *corpus, const size_t *idx, size_t n,
                  const chart_ctx *cx)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    const signed char *sev = cx->sev;
    size_t rows = n < CHART_MAX_ROWS ? n : CHART_MAX_ROWS;
    for (size_t r = 0; r < n; r++)
        cx->here[idx[r]] = true;
    ref_fig refs[CHART_MAX_REFS];
    const char *topic;
    size_t nrefs = chart_refs(corpus, cx, refs, &topic);
    for (size_t r = 0; r < n; r++)
        cx->here[idx[r]] = false;
    double lo, hi;
    chart_range(cl, idx, rows, refs, nrefs, &lo, &hi);
    const double label_w = 460, plot_w = 520, row_h = 26, axis_h = 50;
    const double top = nrefs > 1 ? 40 : nrefs ? 26 : 10; /* room for the references' labels */
    double height = top + rows * row_h + axis_h;
    double width = label_w + plot_w + 50; /* room for the last tick's figure */
#define X(v) (label_w + ((v)-lo) / (hi - lo) * plot_w)
    const fc_claim *first = &cl->items[idx[0]];
    fc_strbuf unit = {0};
    fc_sb_puts(&unit, fc_unit_name(first->unit));
    if (first->currency[0])
        fc_sb_printf(&unit, " (%s)", first->currency);
    if (first->per)
        fc_sb_printf(&unit, " per %s", fc_per_name(first->per));
    fc_sb_puts(sb, "<figure class=\"chart\">\n<figcaption>");
    esc(sb, topic ? topic : first->measure);
    fc_sb_puts(sb, " <span class=\"legend\">(");
    if (topic) {
        esc(sb, first->measure);
        fc_sb_puts(sb, "; ");
    }
    fc_sb_puts(sb, "bar = the range the wording allows, dot = the figure as stated");
    if (nrefs)
        fc_sb_puts(sb, ", dashed line = a reference figure");
    fc_sb_puts(sb, ")</span></figcaption>\n");
    fc_sb_printf(sb,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                 "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"",
                 width, height, width, height);
    esc(sb, topic ? topic : first->measure);
    fc_sb_puts(sb, "\">\n");
    /* grid and axis: the ticks are counted, and each is computed from the first,
     * so the loop ends whatever the doubles do */
    double step = tick_step(lo, hi, 5);
    double axis_y = top + rows * row_h;
    double first_tick = ceil(lo / step) * step;
    double nticks = floor((hi - first_tick) / step + 1e-9) + 1;
    int ticks = !(nticks > 0) ? 0 : nticks > CHART_MAX_TICKS ? CHART_MAX_TICKS : (int)nticks;
    for (int i = 0; i < ticks; i++) {
        double t = first_tick + i * step;
        double x = X(t);
        fc_sb_printf(sb,
                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
                     "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                     "fill=\"#555\">",
                     x, top, x, axis_y, x, axis_y + 16);
        fc_sb_number(sb, fabs(t) < step * 1e-9 ? 0 : t);
        fc_sb_puts(sb, "</text>\n");
    }
    fc_sb_printf(sb, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>\n",
                 label_w, axis_y, label_w + plot_w, axis_y);
    /* the axis says what it counts */
    fc_sb_printf(sb,
                 "<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                 "fill=\"#555\">",
                 label_w + plot_w / 2, axis_y + 38);
    esc_n(sb, unit.data ? unit.data : "", unit.len);
    fc_sb_puts(sb, "</text>\n");
    fc_sb_free(&unit);
    /* the desk's reference figures: a dashed line at a figure, a band for a range */
    for (size_t r = 0; r < nrefs; r++) {
        double x0 = X(fmax(refs[r].lo, lo)), x1 = X(fmin(refs[r].hi, hi));
        fc_sb_puts(sb, "<g class=\"reference\"><title>Reference figure: ");
        fc_sb_number(sb, refs[r].lo);
        if (refs[r].hi != refs[r].lo) {
            fc_sb_puts(sb, " to ");
            fc_sb_number(sb, refs[r].hi);
        }
        if (refs[r].source) {
            fc_sb_puts(sb, " (");
            esc(sb, refs[r].source);
            fc_sb_puts(sb, ")");
        }
        fc_sb_puts(sb, "</title>");
        if (x1 - x0 >= 2)
            fc_sb_printf(sb,
                         "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                         "fill=\"#1e8449\" fill-opacity=\"0.12\"/>",
                         x0, top, x1 - x0, axis_y - top);
        double xm = (x0 + x1) / 2;
        fc_sb_printf(sb,
                     "<line class=\"reference\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                     "y2=\"%.1f\" stroke=\"#1e8449\" stroke-width=\"2\" "
                     "stroke-dasharray=\"6 3\"/>"
                     "<path d=\"M%.1f %.1f l5 -5 l-5 -5 l-5 5 z\" fill=\"#1e8449\"/>"
                     "<text class=\"reference-label\" x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"%s\" fill=\"#1e8449\">reference ",
                     xm, top - 2, xm, axis_y, xm, top - 2, xm + (xm > label_w + plot_w / 2 ? -8 : 8),
                     top - 8 - (double)(r % 2) * 14, xm > label_w + plot_w / 2 ? "end" : "start");
        fc_sb_number(sb, (refs[r].lo + refs[r].hi) / 2);
        fc_sb_puts(sb, "</text></g>\n");
    }
    for (size_t r = 0; r < rows; r++) {
        const fc_claim *c = &cl->items[idx[r]];
        const fc_input *in = fc_corpus_input(corpus, c->doc);
        const fc_doc *d = in ? in->doc : NULL;
        double y = top + r * row_h + row_h / 2;
        signed char verdict = cx->verdict[idx[r]];
        const char *colour = verdict > 0                     ? "#1e8449"
                             : sev[idx[r]] == FC_SEV_CONFLICT  ? "#c0392b"
                             : sev[idx[r]] == FC_SEV_WARNING ? "#d68910"
                             : c->modality == FC_MOD_TARGET  ? "#7d3c98"
                                                             : "#2874a6";
        /* the label: who says it, in which document; cut to fit, whole on hover;
         * a tick when the evidence backs it, a cross when it contradicts it */
        fc_strbuf label = {0};
        if (verdict)
            fc_sb_puts(&label, verdict > 0 ? "\u2713 " : "\u2717 ");
        const char *who = c->attribution ? c->attribution : d && d->outlet ? d->outlet : NULL;
        fc_sb_puts(&label, who ? who : in ? in->path : "");
        if (c->attribution && d && d->outlet)
            fc_sb_printf(&label, " (%s)", d->outlet);
        if (c->role == FC_ROLE_PREVIOUS)
            fc_sb_puts(&label, " [earlier]");
        else if (c->modality != FC_MOD_ACTUAL)
            fc_sb_printf(&label, " [%s]", fc_modality_name(c->modality));
        size_t cut = label.len;
        if (cut > LABEL_MAX) {
            cut = LABEL_MAX;
            while (cut > 0 && (label.data[cut] & 0xC0) == 0x80)
                cut--; /* not inside a UTF-8 sequence */
        }
        fc_sb_printf(sb,
                     "<a href=\"#c-%s\"><text class=\"row%s\" x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"end\" fill=\"%s\"><title>",
                     c->id, verdict > 0 ? " agrees" : verdict < 0 ? " disagrees" : "", label_w - 8,
                     y + 4, verdict > 0 ? "#1e8449" : verdict < 0 ? "#c0392b" : "#222");
        esc_n(sb, label.data ? label.data : "", label.len);
        fc_sb_puts(sb, "</title>");
        esc_n(sb, label.data ? label.data : "", cut);
        if (cut < label.len)
            fc_sb_puts(sb, "\u2026");
        fc_sb_puts(sb, "</text></a>\n");
        fc_sb_free(&label);
        double x0 = isfinite(c->low) ? X(fmax(c->low, lo)) : label_w;
        double x1 = isfinite(c->high) ? X(fmin(c->high, hi)) : label_w + plot_w;
        if (x1 - x0 < 2) { /* an exact figure: a short bar centred on it */
            x0 -= 1;
            x1 += 1;
        }
        fc_sb_printf(sb,
                     "<rect class=\"interval\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\" "
                     "rx=\"3\" fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\"/>",
                     x0, y - 4, x1 - x0, colour, colour);
        if (!isfinite(c->high))
            fc_sb_printf(sb, "<path d=\"M%.1f %.1f l-7 -6 v12 z\" fill=\"%s\"/>", label_w + plot_w,
                         y, colour);
        if (!isfinite(c->low))
            fc_sb_printf(sb, "<path d=\"M%.1f %.1f l7 -6 v12 z\" fill=\"%s\"/>", label_w, y,
                         colour);
        if (isfinite(c->value) && c->value >= lo && c->value <= hi)
            fc_sb_printf(sb,
                         "<circle class=\"value\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\">",
                         X(c->value), y, colour);
        else
            fc_sb_puts(sb, "<g>");
        char *text = fc_claim_text(corpus, c);
        fc_sb_puts(sb, "<title>\u201c");
        esc(sb, text);
        fc_sb_puts(sb, "\u201d = ");
        fc_sb_number(sb, c->value);
        fc_sb_puts(sb, "</title>");
        free(text);
        fc_sb_puts(sb, isfinite(c->value) && c->value >= lo && c->value <= hi ? "</circle>\n"
                                                                              : "</g>\n");
    }
#undef X
    fc_sb_puts(sb, "</svg>\n");
    if (n > rows)
        fc_sb_printf(sb, "<p class=\"legend\">%zu more claims on this measure are not drawn.</p>\n",
                     n - rows);
    fc_sb_puts(sb, "</figure>\n");
}

/* A chart for every measure that two documents or more give a figure for. */
static fc_status charts(FILE *out, fc_strbuf *sb, const fc_corpus *corpus, const signed char *sev,
                        bool hide)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    const fc_findings *fs = fc_corpus_findings(corpus);
    size_t n, kept = 0, *idx;
    signed char *verdict = calloc(cl->n ? cl->n : 1, 1);
    bool *here = calloc(cl->n ? cl->n : 1, sizeof *here);
    fc_status st = verdict && here ? fc_claims_by_measure(cl, &idx, &n) : FC_ENOMEM;
    if (st != FC_OK) {
        free(verdict);
        free(here);
        return st;
    }
    /* What the evidence says of each claim: a settled dispute's two sides; a
     * reference check's verdict (info: it matches the reference figure). */
    for (size_t i = 0; i < fs->n; i++) {
        const fc_finding *f = &fs->items[i];
        if (!fc_report_shown(corpus, i, hide))
            continue;
        if (f->agrees && f->disagrees && f->agrees <= f->nclaims && f->disagrees <= f->nclaims) {
            verdict[f->claims[f->agrees - 1]] = 1;
            verdict[f->claims[f->disagrees - 1]] = -1;
        } else if (strcmp(f->check, "reference") == 0 && f->nclaims == 1 &&
                   verdict[f->claims[0]] == 0) {
            verdict[f->claims[0]] = f->severity == FC_SEV_INFO ? 1 : -1;
        }
    }
    chart_ctx cx = {sev, verdict, here, hide};
    for (size_t i = 0; i < n; i++) /* a change is not a level: not charted */
        if (cl->items[idx[i]].role != FC_ROLE_CHANGE)
            idx[kept++] = idx[i];
    n = kept;
    fc_sb_puts(sb, "<section id=\"charts\">\n<h2>Sources side by side</h2>\n"
                   "<p class=\"legend\">One chart per measure that two documents or more give a "
                   "figure for. Green with \u2713: a reference figure or the other sources agree "
                   "with it; red (\u2717 when the evidence contradicts it): in a conflict; orange: "
                   "in a warning; purple: a target; blue: other claims. A dashed green line is a "
                   "reference figure from the desk's datasets.</p>\n");
    size_t drawn = 0;
    for (size_t a = 0, b; st == FC_OK && a < n; a = b) {
        size_t ndocs = 1;
        for (b = a + 1; b < n && strcmp(cl->items[idx[b]].measure, cl->items[idx[a]].measure) == 0;
             b++)
            ndocs += cl->items[idx[b]].doc != cl->items[idx[b - 1]].doc;
        if (ndocs < 2)
            continue;
        chart(sb, corpus, idx + a, b - a, &cx);
        drawn++;
        st = fc_report_flush(out, sb);
    }
    if (st == FC_OK && drawn == 0)
        fc_sb_puts(sb, "<p>No measure is reported by more than one document.</p>\n");
    fc_sb_puts(sb, "</section>\n");
    free(idx);
    free(verdict);
    free(here);
    return st;
}

/* ---- documents ------------------------------------------------------------ */

static void claim_title(fc_strbuf *sb, const fc_claim *c)
{
    fc_sb_number(sb, c->value);
    fc_sb_interval(sb, c->low, c->high, "no upper bound");
    fc_sb_printf(sb, " %s", fc_unit_name(c->unit));
    if (c->currency[0])
        fc_sb_printf(sb, " %s", c->currency);
    if (c->per)
        fc_sb_printf(sb, " per %s", fc_per_name(c->per));
    fc_sb_printf(sb, "; %s", fc_modality_name(c->modality));
    if (c->subject) {
        fc_sb_puts(sb, "; subject: ");
        esc(sb, c->subject);
    }
    if (c->attribution) {
        fc_sb_puts(sb, "; source: ");
        esc(sb, c->attribution);
    }
    if (c->measure) {
        fc_sb_puts(sb, "; measure: ");
        esc(sb, c->measure);
    }
}

static fc_status document(FILE *out, fc_strbuf *sb, const fc_corpus *corpus, size_t i,
                          size_t *next_claim, const signed char *sev)
{
    const fc_input *in = fc_corpus_input(corpus, i);
    fc_sb_printf(sb, "<article class=\"doc\" id=\"d-%zu\">\n<h3>", i);
    esc(sb, in->path);
    fc_sb_puts(sb, "</h3>\n");
    if (in->status != FC_OK) {
        fc_sb_puts(sb, "<p class=\"error\">Not read: ");
        esc(sb, in->error);
        fc_sb_puts(sb, "</p>\n</article>\n");
        return fc_report_flush(out, sb);
    }
    if (in->skipped || !in->doc) {
        fc_sb_puts(sb, "<p class=\"meta\">Skipped: ");
        esc(sb, in->warning);
        fc_sb_puts(sb, "</p>\n</article>\n");
        return fc_report_flush(out, sb);
    }
    const fc_doc *d = in->doc;
    fc_sb_puts(sb, "<p class=\"meta\">");
    if (d->outlet) {
        esc(sb, d->outlet);
        fc_sb_puts(sb, ". ");
    }
    if (d->published) {
        esc(sb, d->published);
        fc_sb_puts(sb, ". ");
    }
    if (d->title) {
        fc_sb_puts(sb, "<i>");
        esc(sb, d->title);
        fc_sb_puts(sb, "</i>. ");
    }
    if (d->author) {
        fc_sb_puts(sb, "By ");
        esc(sb, d->author);
        fc_sb_puts(sb, ". ");
    }
    fc_sb_printf(sb, "%zu claim%s.</p>\n", in->nclaims, in->nclaims == 1 ? "" : "s");
    if (in->warning) { /* read, with a publication date that is no date */
        fc_sb_puts(sb, "<p class=\"meta\">Warning: ");
        esc(sb, in->warning);
        fc_sb_puts(sb, "</p>\n");
    }
    fc_sb_puts(sb, "<div class=\"text\">");
    /* Each sentence with a claim, a line each, its claims marked; claims of
     * this input are one run, in text order. A span that overlaps the previous
     * one is not marked twice. */
    const fc_claims *cl = fc_corpus_claims(corpus);
    size_t k = *next_claim;
    while (k < cl->n && cl->items[k].doc < i)
        k++;
    fc_status st = FC_OK;
    const char *s = NULL; /* the sentence [from, to), written up to pos */
    size_t from = 0, to = 0, pos = 0;
    for (; st == FC_OK && k < cl->n && cl->items[k].doc == i; k++) {
        const fc_claim *c = &cl->items[k];
        if (!s || c->sentence_start != from) {
            if (s) {
                esc_n(sb, s + (pos - from), to - pos);
                fc_sb_puts(sb, "\n");
            }
            from = pos = c->sentence_start;
            to = c->sentence_end;
            s = from <= to ? fc_doc_bytes(d, from, to) : NULL;
        }
        if (!s || c->start < pos || c->end > to || c->end < c->start)
            continue;
        esc_n(sb, s + (pos - from), c->start - pos);
        fc_sb_printf(sb, "<mark id=\"c-%s\"%s%s%s title=\"", c->id, sev[k] > 0 ? " class=\"" : "",
                     sev[k] > 0 ? severity_class[sev[k]] : "", sev[k] > 0 ? "\"" : "");
        claim_title(sb, c);
        fc_sb_puts(sb, "\">");
        esc_n(sb, s + (c->start - from), c->end - c->start);
        fc_sb_puts(sb, "</mark>");
        pos = c->end;
        if (sb->len > 1 << 16)
            st = fc_report_flush(out, sb);
    }
    *next_claim = k;
    if (st != FC_OK)
        return st;
    if (s) {
        esc_n(sb, s + (pos - from), to - pos);
        fc_sb_puts(sb, "\n");
    }
    fc_sb_puts(sb, "</div>\n</article>\n");
    return fc_report_flush(out, sb);
}

/* ---- the page ------------------------------------------------------------- */

static void summary(fc_strbuf *sb, const fc_corpus *corpus, fc_report_kind kind)
{
    size_t n = fc_corpus_ninputs(corpus), failed = fc_corpus_nfailed(corpus);
    size_t skipped = fc_corpus_nskipped(corpus);
    fc_sb_printf(sb, "<p class=\"summary\"><b>%zu</b> input%s (%zu ok, <b>%zu</b> not read", n,
                 n == 1 ? "" : "s", n - failed - skipped, failed);
    if (skipped)
        fc_sb_printf(sb, ", <b>%zu</b> skipped", skipped);
    fc_sb_printf(sb, "), <b>%zu</b> claims", fc_corpus_claims(corpus)->n);
    if (kind == FC_REPORT_FULL)
        fc_sb_printf(sb, "; <b>%zu</b> conflicts, <b>%zu</b> warnings, <b>%zu</b> info",
                     fc_corpus_nseverity(corpus, FC_SEV_CONFLICT),
                     fc_corpus_nseverity(corpus, FC_SEV_WARNING),
                     fc_corpus_nseverity(corpus, FC_SEV_INFO));
    size_t settled = fc_report_nsettled(corpus), nstale = fc_corpus_nstale(corpus);
    if (kind == FC_REPORT_FULL && (settled || nstale))
        fc_sb_printf(sb, "; <b>%zu</b> decided, <b>%zu</b> open, <b>%zu</b> stale decision%s",
                     settled, fc_corpus_findings(corpus)->n - settled, nstale,
                     nstale == 1 ? "" : "s");
    fc_sb_puts(sb, ".</p>\n");
}

/* The rule files, datasets and events files of the run, with their SHA-256. */
static void provenance(fc_strbuf *sb, const fc_rules *rules)
{
    fc_sb_printf(sb, "<details id=\"provenance\"><summary>Method: factcheck %s, %zu rule and "
                     "data file%s</summary>\n<table>\n<tr><th>kind</th><th>file</th>"
                     "<th>SHA-256</th></tr>\n",
                 fc_version(), fc_rules_nfiles(rules), fc_rules_nfiles(rules) == 1 ? "" : "s");
    for (size_t i = 0; i < fc_rules_nfiles(rules); i++) {
        fc_rules_file f = fc_rules_file_at(rules, i);
        fc_sb_printf(sb, "<tr><td>%s</td><td>", f.kind);
        esc(sb, f.path);
        fc_sb_printf(sb, "</td><td><code>%s</code></td></tr>\n", f.sha256);
    }
    fc_sb_puts(sb, "</table>\n</details>\n");
}

fc_status fc_report_html(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide,
                         const fc_rules *rules)
{
    signed char *sev = claim_severities(corpus, hide);
    if (!sev)
        return FC_ENOMEM;
    fc_strbuf sb = {0};
    fc_sb_printf(&sb,
                 "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"factcheck %s\">\n"
                 "<title>factcheck: %s</title>\n<style>%s</style>\n</head>\n<body>\n"
                 "<h1>factcheck %s</h1>\n",
                 fc_version(), kind == FC_REPORT_FULL ? "consistency report" : "claims",
                 style_sheet, kind == FC_REPORT_FULL ? "consistency report" : "claims");
    summary(&sb, corpus, kind);
    if (rules)
        provenance(&sb, rules);
    fc_status st = fc_report_flush(out, &sb);
    const fc_findings *fs = fc_corpus_findings(corpus);
    if (st == FC_OK && kind == FC_REPORT_FULL) {
        size_t settled = fc_report_nsettled(corpus), shown = fs->n - (hide ? settled : 0);
        fc_sb_printf(&sb, "<section id=\"findings\">\n<h2>Findings (%zu)</h2>\n", shown);
        if (hide && settled)
            fc_sb_printf(&sb, "<p class=\"legend\">%zu settled finding%s not shown.</p>\n", settled,
                         settled == 1 ? "" : "s");
        if (shown == 0)
            fc_sb_puts(&sb, "<p>No finding.</p>\n");
        for (size_t i = 0; st == FC_OK && i < fs->n; i++) {
            if (!fc_report_shown(corpus, i, hide))
                continue;
            finding(&sb, corpus, &fs->items[i], fc_corpus_decision(corpus, i));
            st = fc_report_flush(out, &sb);
        }
        size_t nstale = fc_corpus_nstale(corpus);
        if (nstale)
            fc_sb_printf(&sb, "<h3 id=\"stale\">Stale decisions (%zu)</h3>\n", nstale);
        for (size_t i = 0; st == FC_OK && i < nstale; i++) {
            stale_html(&sb, fc_corpus_stale(corpus, i));
            st = fc_report_flush(out, &sb);
        }
        fc_sb_puts(&sb, "</section>\n");
    }
    if (st == FC_OK)
        st = charts(out, &sb, corpus, sev, hide);
    if (st == FC_OK) {
        fc_sb_printf(&sb, "<section id=\"documents\">\n<h2>Documents (%zu)</h2>\n",
                     fc_corpus_ninputs(corpus));
        size_t next = 0;
        for (size_t i = 0; st == FC_OK && i < fc_corpus_ninputs(corpus); i++)
            st = document(out, &sb, corpus, i, &next, sev);
    }
    if (st == FC_OK) {
        fc_sb_puts(&sb, "</section>\n</body>\n</html>\n");
        st = fc_report_flush(out, &sb);
    }
    fc_sb_free(&sb);
    free(sev);
    return st;
}
