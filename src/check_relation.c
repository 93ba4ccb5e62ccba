/* check_relation.c - checks that recompute what a text says about relations
 * between figures.
 *
 * percent_points: "down 3%" next to a level of 46% means 49% before if the 3 is
 *   percentage points, or 47.4% if it is a relative change; which reading do the
 *   other figures (a stated earlier level, another source) support?
 * targets: a stated ratio ("three times the earlier goal") implies a figure that
 *   is compared with what the sources report; a target is set against the actual
 *   pace; an actual figure equal to a target elsewhere is flagged.
 * shares: a part ("five of those stores") never exceeds its whole, and parts of
 *   one whole add up to no more than it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"
#include "dataset.h"
#include "date.h"
#include "rules_internal.h"

static const fc_claim *claim_at(const fc_check_ctx *x, size_t i)
{
    return &x->claims->items[i];
}

static fc_status finish(const fc_check_ctx *x, fc_finding *f, fc_strbuf *sb)
{
    f->message = fc_sb_take(sb);
    return fc_check_push(x->out, x->claims, f);
}

static fc_status start(fc_finding *f, const char *check, fc_severity sev, size_t n)
{
    memset(f, 0, sizeof *f);
    f->check = check;
    f->severity = sev;
    return (f->claims = malloc(n * sizeof *f->claims)) ? FC_OK : FC_ENOMEM;
}

/* Appends the claim's own words ("three times"), as the document has them. */
static void words(fc_strbuf *sb, const fc_check_ctx *x, const fc_claim *c)
{
    const fc_doc *d = fc_check_doc(x, c);
    if (d && c->end <= d->len && c->start < c->end)
        fc_sb_add(sb, d->text + c->start, c->end - c->start);
}

/* "1,200" or "1,200 to 1,500" */
static void figure(fc_strbuf *sb, const fc_claim *c)
{
    fc_sb_number(sb, c->qualifier == FC_QUAL_RANGE ? c->low : c->value);
    if (c->qualifier == FC_QUAL_RANGE) {
        fc_sb_puts(sb, " to ");
        fc_sb_number(sb, c->high);
    }
}

static const char *outlet(const fc_check_ctx *x, const fc_claim *c)
{
    const fc_doc *d = fc_check_doc(x, c);
    return d && d->outlet ? d->outlet : d ? d->path : "?";
}

/* The level a change in the same sentence refers to: the nearest percentage
 * before it ("46%, down 3 points"), or after it ("down 3% to 46%"). */
static const fc_claim *level_for(const fc_check_ctx *x, size_t k, size_t *li)
{
    const fc_claim *c = claim_at(x, k), *best = NULL;
    size_t from, to;
    fc_check_near(x, k, 0, 0, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *l = claim_at(x, i);
        if (l->doc != c->doc || l->sentence != c->sentence || l->role != FC_ROLE_LEVEL ||
            l->unit != FC_UNIT_PERCENT)
            continue;
        if (!best || (l->start < c->start && l->start > best->start)) {
            best = l;
            *li = i;
        }
    }
    return best;
}

/* ---- percent or points ------------------------------------------------------------ */

fc_status fc_check_percent_points(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = claim_at(x, k);
        size_t li = 0;
        const fc_claim *l;
        if (c->role != FC_ROLE_CHANGE || c->unit != FC_UNIT_PERCENT || !c->direction ||
            !(l = level_for(x, k, &li)))
            continue;
        double d = c->value, sign = c->direction == FC_DIR_DOWN ? 1 : -1;
        double if_points = l->value + sign * d;
        double if_relative = l->value / (1 - sign * d / 100);
        /* Evidence of the earlier level: stated with the change, or the earlier
         * side of a change on the same measure in any source. */
        double evidence = c->from;
        size_t ei = (size_t)-1, mfrom = 0, mto = 0;
        if (l->measure)
            fc_check_measure_range(x, l->measure, &mfrom, &mto);
        for (size_t j = mfrom; isnan(evidence) && j < mto; j++) {
            size_t i = x->by_measure[j];
            const fc_claim *e = claim_at(x, i);
            if (e->role == FC_ROLE_PREVIOUS && e->measure && strcmp(e->measure, l->measure) == 0) {
                evidence = e->value;
                ei = i;
            }
        }
        bool points = !isnan(evidence) && fabs(evidence - if_points) <= 0.5;
        bool relative = !isnan(evidence) && fabs(evidence - if_relative) <= 0.5;
        if (isnan(evidence) && (if_points < 0 || if_points > 100))
            continue; /* only the relative reading is possible: nothing to flag */
        fc_finding f;
        fc_status st =
            start(&f, "percent_points", points != relative ? FC_SEV_INFO : FC_SEV_WARNING, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = li;
        if (ei != (size_t)-1)
            f.claims[f.nclaims++] = ei;
        if (points)
            f.severity = FC_SEV_WARNING; /* the text says "%" where it means points */
        fc_check_add_num(&f, "level", l->value);
        fc_check_add_num(&f, "change", d);
        fc_check_add_num(&f, "before_if_points", if_points);
        fc_check_add_num(&f, "before_if_relative", if_relative);
        if (!isnan(evidence))
            fc_check_add_num(&f, "before_reported", evidence);
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "\"%s %g%%\" next to %g%%: as percentage points the figure was ",
                     c->direction == FC_DIR_DOWN ? "down" : "up", d, l->value);
        fc_sb_number(&sb, if_points);
        fc_sb_puts(&sb, "% before; as a relative change it was ");
        fc_sb_number(&sb, round(if_relative * 10) / 10);
        fc_sb_puts(&sb, "%");
        if (isnan(evidence)) {
            fc_sb_puts(&sb, "; no source gives the earlier figure, so the change is ambiguous.");
        } else {
            fc_sb_puts(&sb, ". ");
            fc_sb_puts(&sb, ei == (size_t)-1 ? "The same sentence" : outlet(x, claim_at(x, ei)));
            fc_sb_puts(&sb, " gives ");
            fc_sb_number(&sb, evidence);
            fc_sb_printf(&sb, "%%: %s.",
                         points && !relative   ? "the change is in percentage points, "
                                                 "not percent"
                         : relative && !points ? "a relative change fits"
                         : points              ? "both readings fit"
                                               : "neither reading fits");
        }
        if ((st = finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}

/* ---- targets, actuals and stated ratios ------------------------------------------------ */

static const fc_measure *measure_named(const fc_rules *r, const char *key)
{
    for (size_t i = 0; key && i < r->nmeasures; i++)
        if (strcmp(r->measures[i].key, key) == 0)
            return &r->measures[i];
    return NULL;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The median of the points of the claims on a measure (for "about 1,000 a day"). */
static bool median_of(const fc_check_ctx *x, const char *measure, double *median, size_t *n,
                      size_t *example)
{
    size_t from, to;
    fc_check_measure_range(x, measure, &from, &to);
    double *v = malloc((to - from + 1) * sizeof *v);
    if (!v)
        return false;
    *n = 0;
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_measure[j];
        const fc_claim *c = claim_at(x, i);
        if (c->measure && strcmp(c->measure, measure) == 0 && c->role == FC_ROLE_LEVEL) {
            v[(*n)++] = isfinite(c->high) ? (c->low + c->high) / 2 : c->value;
            *example = i;
        }
    }
    if (*n) {
        qsort(v, *n, sizeof *v, by_value);
        *median = *n % 2 ? v[*n / 2] : (v[*n / 2 - 1] + v[*n / 2]) / 2;
    }
    free(v);
    return *n > 0;
}

/* A stated ratio: the claim it multiplies is the last claim with a measure in
 * the same document, at most five sentences before. */
static fc_status stated_ratio(const fc_check_ctx *x, size_t k)
{
    const fc_claim *r = claim_at(x, k), *base = NULL;
    size_t bi = 0, from, to;
    fc_check_near(x, k, 5, 0, &from, &to);
    for (size_t j = from; j < to; j++) { /* the last such claim before the ratio */
        size_t i = x->by_doc[j];
        const fc_claim *c = claim_at(x, i);
        if (c->start >= r->start)
            break;
        if (c->sentence + 5 >= r->sentence && c->measure && c->unit == FC_UNIT_COUNT &&
            c->role == FC_ROLE_LEVEL) {
            base = c;
            bi = i;
        }
    }
    if (!base)
        return FC_OK;
    double implied = base->value / r->value;
    double implied_plus = base->value / (r->value + 1); /* "three times higher" = x4 */
    /* What the sources say of the earlier figure: the same measure, another claim. */
    fc_check_measure_range(x, base->measure, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_measure[j];
        const fc_claim *e = claim_at(x, i);
        if (i == bi || !e->measure || strcmp(e->measure, base->measure) != 0 ||
            e->role != FC_ROLE_LEVEL || e->doc == base->doc)
            continue;
        bool fits = implied >= e->low && implied <= e->high;
        bool fits_plus =
            r->direction == FC_DIR_UP && implied_plus >= e->low && implied_plus <= e->high;
        fc_finding f;
        fc_status st =
            start(&f, "stated_ratio", fits || fits_plus ? FC_SEV_INFO : FC_SEV_WARNING, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = bi;
        f.claims[f.nclaims++] = i;
        fc_check_add_num(&f, "ratio", r->value);
        fc_check_add_num(&f, "figure", base->value);
        fc_check_add_num(&f, "implied", implied);
        if (r->direction == FC_DIR_UP)
            fc_check_add_num(&f, "implied_if_n_plus_1", implied_plus);
        fc_check_add_num(&f, "reported_low", e->low);
        fc_check_add_num(&f, "reported_high", e->high);
        if (isfinite(e->high) && e->high > 0)
            fc_check_add_num(&f, "actual_ratio_low", base->value / e->high);
        if (e->low > 0)
            fc_check_add_num(&f, "actual_ratio_high", base->value / e->low);
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "\"");
        words(&sb, x, r);
        fc_sb_puts(&sb, "\" applied to ");
        fc_sb_number(&sb, base->value);
        fc_sb_puts(&sb, " implies ");
        fc_sb_number(&sb, implied);
        if (r->direction == FC_DIR_UP) {
            fc_sb_puts(&sb, " (or ");
            fc_sb_number(&sb, round(implied_plus));
            fc_sb_printf(&sb, " if \"%g times higher\" means %g times as much)", r->value,
                         r->value + 1);
        }
        fc_sb_puts(&sb, "; ");
        fc_check_describe(&sb, fc_check_doc(x, e), e);
        if (fits || fits_plus) {
            fc_sb_printf(&sb, ": the %s reading fits.", fits ? "stated" : "N+1");
        } else {
            fc_sb_puts(&sb, ", which would make the ratio ");
            fc_sb_number(&sb,
                         round(base->value / (isfinite(e->high) ? e->high : e->low) * 10) / 10);
            if (isfinite(e->high) && e->low > 0 && e->low != e->high) {
                fc_sb_puts(&sb, " to ");
                fc_sb_number(&sb, round(base->value / e->low * 10) / 10);
            }
            fc_sb_puts(&sb, ": the stated ratio does not fit.");
        }
        if ((st = finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}

/* A target against the actual figures of its measure, and actual figures that
 * equal a target. */
static fc_status target_vs_actual(const fc_check_ctx *x, size_t k, const fc_measure *m)
{
    const fc_claim *t = claim_at(x, k);
    double median;
    size_t n, example;
    if (!median_of(x, m->target_of, &median, &n, &example) || median <= 0)
        return FC_OK;
    /* Actual figures within 5 % of the target, far above the others. */
    double others_sum = 0;
    size_t others = 0, from, to;
    fc_check_measure_range(x, m->target_of, &from, &to);
    for (size_t j = from; j < to; j++) {
        const fc_claim *a = claim_at(x, x->by_measure[j]);
        if (!a->measure || strcmp(a->measure, m->target_of) != 0 || a->role != FC_ROLE_LEVEL)
            continue;
        if (fabs(a->value - t->value) <= 0.05 * t->value)
            continue;
        others_sum += a->value;
        others++;
    }
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_measure[j];
        const fc_claim *a = claim_at(x, i);
        if (!a->measure || strcmp(a->measure, m->target_of) != 0 || a->role != FC_ROLE_LEVEL ||
            fabs(a->value - t->value) > 0.05 * t->value || others == 0 ||
            others_sum / others > 0.6 * t->value)
            continue;
        fc_finding f;
        fc_status st = start(&f, "target_as_actual", FC_SEV_WARNING, 2);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = i;
        f.claims[f.nclaims++] = k;
        fc_check_add_num(&f, "actual_claimed", a->value);
        fc_check_add_num(&f, "target", t->value);
        fc_check_add_num(&f, "others_mean", others_sum / others);
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, outlet(x, a));
        fc_sb_puts(&sb, " gives ");
        fc_sb_number(&sb, a->value);
        fc_sb_puts(&sb, " as an actual figure, but that is the target ");
        fc_sb_puts(&sb, outlet(x, t));
        fc_sb_puts(&sb, " reports; the other sources' actual figures average ");
        fc_sb_number(&sb, round(others_sum / others));
        fc_sb_puts(&sb, ": a target reported as an actual?");
        if ((st = finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    fc_finding f;
    fc_status st = start(&f, "target_vs_actual", FC_SEV_INFO, 2);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = k;
    f.claims[f.nclaims++] = example;
    fc_check_add_num(&f, "target", t->value);
    fc_check_add_num(&f, "actual_median", median);
    fc_check_add_num(&f, "actual_sources", (double)n);
    fc_check_add_num(&f, "ratio", t->value / median);
    if (t->qualifier == FC_QUAL_RANGE)
        fc_check_add_num(&f, "ratio_high", t->high / median);
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "The target of ");
    figure(&sb, t);
    fc_sb_printf(&sb, " (%s) is ", outlet(x, t));
    fc_sb_number(&sb, round(t->value / median * 10) / 10);
    if (t->qualifier == FC_QUAL_RANGE) {
        fc_sb_puts(&sb, " to ");
        fc_sb_number(&sb, round(t->high / median * 10) / 10);
    }
    fc_sb_puts(&sb, " times the actual figures reported (median ");
    fc_sb_number(&sb, median);
    fc_sb_printf(&sb, " over %zu claim%s).", n, n == 1 ? "" : "s");
    return finish(x, &f, &sb);
}

/* Whether an earlier claim of the same document repeats this target. */
static bool repeated(const fc_check_ctx *x, size_t k)
{
    const fc_claim *c = claim_at(x, k);
    size_t from, to;
    fc_check_doc_range(x, c->doc, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *o = claim_at(x, i);
        if (o->start >= c->start)
            break;
        if (o->doc == c->doc && o->modality == c->modality && o->value == c->value && o->measure &&
            c->measure && strcmp(o->measure, c->measure) == 0)
            return true;
    }
    return false;
}

fc_status fc_check_targets(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = claim_at(x, k);
        fc_status st = FC_OK;
        if (c->unit == FC_UNIT_RATIO && c->role == FC_ROLE_LEVEL && c->value > 1 &&
            c->qualifier == FC_QUAL_EXACT)
            st = stated_ratio(x, k);
        const fc_measure *m = measure_named(x->rules, c->measure);
        if (st == FC_OK && m && m->target_of && c->modality == FC_MOD_TARGET && !repeated(x, k))
            st = target_vs_actual(x, k, m);
        if (st != FC_OK)
            return st;
    }
    return FC_OK;
}

/* ---- parts and wholes ---------------------------------------------------------------- */

fc_status fc_check_shares(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *p = claim_at(x, k);
        if (!p->part_of[0])
            continue;
        size_t wi = 0, from, to;
        const fc_claim *w = NULL;
        fc_check_near(x, k, 2, 0, &from, &to); /* the whole is named just before */
        for (size_t j = from; j < to && !w; j++)
            if (strcmp(claim_at(x, x->by_doc[j])->id, p->part_of) == 0) {
                wi = x->by_doc[j];
                w = claim_at(x, wi);
            }
        if (!w || w->value <= 0)
            continue;
        bool exceeds = p->low > w->high;
        fc_finding f;
        fc_status st = start(&f, "share", exceeds ? FC_SEV_CONFLICT : FC_SEV_INFO, 2);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = wi;
        double share = 100 * p->value / w->value;
        fc_check_add_num(&f, "part", p->value);
        fc_check_add_num(&f, "whole", w->value);
        fc_check_add_num(&f, "share_percent", share);
        if (w->low > 0 && isfinite(w->high) && w->low != w->high) {
            fc_check_add_num(&f, "share_low", 100 * p->value / w->high);
            fc_check_add_num(&f, "share_high", 100 * p->value / w->low);
        }
        fc_strbuf sb = {0};
        fc_sb_number(&sb, p->value);
        fc_sb_puts(&sb, " of ");
        fc_sb_number(&sb, w->value);
        if (w->subject)
            fc_sb_printf(&sb, " %s", w->subject);
        if (exceeds) {
            fc_sb_puts(&sb, ": the part is larger than the whole.");
        } else {
            fc_sb_puts(&sb, " is ");
            fc_sb_number(&sb, round(share * 10) / 10);
            fc_sb_puts(&sb, "%");
            if (w->low > 0 && isfinite(w->high) && w->low != w->high) {
                fc_sb_puts(&sb, " (");
                fc_sb_number(&sb, round(1000 * p->value / w->high) / 10);
                fc_sb_puts(&sb, "% to ");
                fc_sb_number(&sb, round(1000 * p->value / w->low) / 10);
                fc_sb_puts(&sb, "% given the hedge)");
            }
            fc_sb_puts(&sb, ".");
        }
        if ((st = finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}

/* ---- rates and totals ------------------------------------------------------------ */

/* Days in the duration a claim's words name ("100 days", "six weeks"); 0 if none. */
static double duration_days(const fc_check_ctx *x, const fc_claim *d)
{
    static const struct {
        const char *word;
        double days;
    } units[] = {{"hour", 1.0 / 24},   {"day", 1},         {"week", 7},
                 {"month", 30.436875}, {"year", 365.2425}, {"decade", 3652.425}};
    const fc_doc *doc = fc_check_doc(x, d);
    if (!doc || d->end > doc->len)
        return 0;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t n = strlen(units[i].word);
        for (size_t k = d->start; k + n <= d->end; k++)
            if (strncasecmp(doc->text + k, units[i].word, n) == 0)
                return d->value * units[i].days;
    }
    return 0;
}

static double per_days(fc_per p)
{
    static const double days[] = {0, 1, 7, 30.436875, 365.2425};
    return (size_t)p < sizeof days / sizeof *days ? days[p] : 0;
}

static bool same_subject(const fc_claim *a, const fc_claim *b)
{
    return a->subject && b->subject && strcasecmp(a->subject, b->subject) == 0;
}

/* A total over a stated duration ("66,463 arrests in the first 100 days") against
 * a rate of the same thing in the document ("roughly 665 arrests a day"). */
fc_status fc_check_rates(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *t = claim_at(x, k), *d = NULL;
        if (t->unit != FC_UNIT_COUNT || t->per || t->role != FC_ROLE_LEVEL || !t->subject)
            continue;
        size_t from, to;
        fc_check_near(x, k, 0, 0, &from, &to);
        for (size_t j = from; j < to && !d; j++) {
            const fc_claim *o = claim_at(x, x->by_doc[j]);
            if (o->sentence == t->sentence && o->unit == FC_UNIT_DURATION)
                d = o;
        }
        double days = d ? duration_days(x, d) : 0;
        if (days <= 0)
            continue;
        fc_check_near(x, k, 5, 5, &from, &to); /* the rate is given nearby */
        for (size_t j = from; j < to; j++) {
            size_t i = x->by_doc[j];
            const fc_claim *r = claim_at(x, i);
            if (!r->per || !same_subject(r, t) || r->role != FC_ROLE_LEVEL)
                continue;
            double implied = t->value / (days / per_days(r->per));
            /* The rate as written is rounded: allow half a unit either side. */
            bool fits = implied >= r->low - 0.5 && implied <= r->high + 0.5;
            fc_finding f;
            fc_status st = start(&f, "rate_total", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
            if (st != FC_OK)
                return st;
            f.claims[f.nclaims++] = k;
            f.claims[f.nclaims++] = (size_t)(d - x->claims->items);
            f.claims[f.nclaims++] = i;
            fc_check_add_num(&f, "total", t->value);
            fc_check_add_num(&f, "days", days);
            fc_check_add_num(&f, "implied_rate", implied);
            fc_check_add_num(&f, "stated_rate", r->value);
            fc_strbuf sb = {0};
            fc_sb_number(&sb, t->value);
            fc_sb_printf(&sb, " %s over ", t->subject);
            words(&sb, x, d);
            fc_sb_puts(&sb, " is ");
            fc_sb_number(&sb, round(implied * 10) / 10);
            fc_sb_printf(&sb, " a %s; the text says ", fc_per_name(r->per));
            words(&sb, x, r);
            fc_sb_puts(&sb, fits ? ": consistent." : ": they do not match.");
            if ((st = finish(x, &f, &sb)) != FC_OK)
                return st;
        }
    }
    return FC_OK;
}

/* ---- dates: "100 days since the inauguration", "more than seven decades" ---------- */

/* Whether the line around [start, end) of the document names one of phrases
 * ("a|b|c"), case-insensitive. */
static bool line_names(const fc_doc *d, size_t start, size_t end, const char *phrases)
{
    size_t a = start, b = end;
    /* The line, but no more than 600 bytes either way (a document may be one line). */
    while (a > d->body && d->text[a - 1] != '\n' && start - a < 600)
        a--;
    while (b < d->len && d->text[b] != '\n' && b - end < 600)
        b++;
    for (const char *p = phrases; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        for (size_t k = a; n && k + n <= b; k++)
            if (strncasecmp(d->text + k, p, n) == 0)
                return true;
        p += n + (bar ? 1 : 0);
    }
    return false;
}

fc_status fc_check_dates(const fc_check_ctx *x)
{
    fc_events events = {0};
    fc_status st = FC_OK;
    for (size_t i = 0; st == FC_OK && i < x->rules->nevents; i++) {
        char path[4400];
        snprintf(path, sizeof path, "%s/datasets/%s", fc_datadir(), x->rules->events[i]);
        fc_diag diag = {0};
        st = fc_events_load(&events, path, &diag);
        if (st != FC_OK && st != FC_ENOMEM)
            st = FC_OK; /* an events file that cannot be read only means no date checks */
    }
    for (size_t k = 0; st == FC_OK && k < x->claims->n; k++) {
        const fc_claim *c = claim_at(x, k);
        const fc_doc *d = fc_check_doc(x, c);
        int y, m, dd, ey, em, ed;
        if (c->unit != FC_UNIT_DURATION || c->role != FC_ROLE_LEVEL || !d ||
            !fc_date_parse(d->published, &y, &m, &dd))
            continue;
        double unit_days = c->value > 0 ? duration_days(x, c) / c->value : 0;
        if (unit_days <= 0)
            continue;
        for (size_t e = 0; st == FC_OK && e < events.n; e++) {
            const fc_event *ev = &events.items[e];
            if (!fc_date_parse(ev->date, &ey, &em, &ed) ||
                !line_names(d, c->start, c->end, ev->phrases))
                continue;
            long elapsed = fc_days_from_civil(y, m, dd) - fc_days_from_civil(ey, em, ed);
            /* "Day 100" counts the first day as day 1: elapsed + 1 fits too. */
            double lo = c->low * unit_days, hi = c->high * unit_days;
            double slack = unit_days >= 365 ? 0 : 0.5;
            bool fits = elapsed >= lo - slack && elapsed <= hi + slack;
            bool fits_inclusive = !fits && elapsed + 1 >= lo - slack && elapsed + 1 <= hi + slack;
            fc_finding f;
            if ((st = start(&f, "elapsed", fits || fits_inclusive ? FC_SEV_INFO : FC_SEV_WARNING,
                            1)) != FC_OK)
                break;
            f.claims[f.nclaims++] = k;
            fc_check_add_num(&f, "elapsed_days", (double)elapsed);
            fc_check_add_num(&f, "elapsed_units", (double)elapsed / unit_days);
            fc_check_add_num(&f, "stated", c->value);
            fc_strbuf src = {0};
            fc_sb_printf(&src, "%s%s%s%s%s, %s [%s]", ev->publisher, ev->title[0] ? ", \"" : "",
                         ev->title, ev->title[0] ? "\"" : "", ev->published[0] ? "" : "", ev->url,
                         ev->key);
            f.source = fc_sb_take(&src);
            fc_strbuf sb = {0};
            fc_sb_puts(&sb, "\"");
            words(&sb, x, c);
            fc_sb_printf(&sb, "\" counted from %s (%s) to publication on %s: %ld days", ev->key,
                         ev->date, d->published, elapsed);
            if (unit_days >= 365)
                fc_sb_printf(&sb, ", %.1f years", (double)elapsed / 365.2425);
            if (fits)
                fc_sb_puts(&sb, ": consistent.");
            else if (fits_inclusive)
                fc_sb_printf(&sb,
                             "; the publication day is day %ld counting %s as day 1: "
                             "consistent.",
                             elapsed + 1, ev->date);
            else
                fc_sb_puts(&sb, ": they do not match.");
            st = finish(x, &f, &sb);
        }
    }
    fc_events_clear(&events);
    return st;
}

/* ---- "doubled", "tripled": the stated multiple against the figures given ---------- */

/* "Profit doubled to $84.6 million from $40 million": 84.6 / 40 = 2.1 against 2. */
fc_status fc_check_multiples(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = claim_at(x, k), *now = NULL, *before = NULL;
        if (c->unit != FC_UNIT_RATIO || c->role != FC_ROLE_CHANGE || c->value <= 0)
            continue;
        size_t from, to, ni = 0, bi = 0;
        fc_check_near(x, k, 0, 0, &from, &to);
        for (size_t j = from; j < to; j++) {
            size_t i = x->by_doc[j];
            const fc_claim *o = claim_at(x, i);
            if (o->sentence != c->sentence || i == k || o->unit == FC_UNIT_RATIO)
                continue;
            if (o->role == FC_ROLE_PREVIOUS && !before) {
                before = o;
                bi = i;
            } else if (o->role == FC_ROLE_LEVEL && !now) {
                now = o;
                ni = i;
            }
        }
        if (!now || !before || before->value <= 0)
            continue;
        double actual = now->value / before->value;
        /* The words are rounded: "doubled" covers about 1.9 to 2.1 times. */
        bool fits = fabs(actual - c->value) <= 0.05 * c->value + 1e-9;
        fc_finding f;
        fc_status st = start(&f, "stated_multiple", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = ni;
        f.claims[f.nclaims++] = bi;
        fc_check_add_num(&f, "stated", c->value);
        fc_check_add_num(&f, "actual", actual);
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "\"");
        words(&sb, x, c);
        fc_sb_puts(&sb, "\": ");
        fc_sb_number(&sb, now->value);
        fc_sb_puts(&sb, " from ");
        fc_sb_number(&sb, before->value);
        fc_sb_puts(&sb, " is ");
        fc_sb_number(&sb, round(actual * 100) / 100);
        fc_sb_printf(&sb, " times: %s",
                     fits ? "consistent." : "the words overstate or understate it.");
        if ((st = finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}

/* Parts of one whole that add up to more than it ("Four were in Los Angeles and
 * three in Culver City" of five stores). */
fc_status fc_check_part_sums(const fc_check_ctx *x)
{
    /* Parts in document order: the parts of one whole follow it closely, so a
     * whole's parts are collected from the claims after it in a bounded window. */
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *p = claim_at(x, k);
        if (!p->part_of[0])
            continue;
        /* Handle each whole once: at its first part. */
        size_t from, to, nparts = 0, first = (size_t)-1;
        fc_check_near(x, k, 3, 3, &from, &to);
        double sum = 0;
        for (size_t j = from; j < to; j++) {
            const fc_claim *o = claim_at(x, x->by_doc[j]);
            if (strcmp(o->part_of, p->part_of) == 0) {
                if (first == (size_t)-1)
                    first = x->by_doc[j];
                sum += o->value;
                nparts++;
            }
        }
        if (first != k || nparts < 2)
            continue;
        const fc_claim *w = NULL;
        size_t wi = 0;
        for (size_t j = from; j < to && !w; j++)
            if (strcmp(claim_at(x, x->by_doc[j])->id, p->part_of) == 0) {
                wi = x->by_doc[j];
                w = claim_at(x, wi);
            }
        if (!w || sum <= w->high)
            continue;
        fc_finding f;
        fc_status st = start(&f, "share", FC_SEV_CONFLICT, nparts + 1);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = wi;
        for (size_t j = from; j < to; j++)
            if (strcmp(claim_at(x, x->by_doc[j])->part_of, p->part_of) == 0)
                f.claims[f.nclaims++] = x->by_doc[j];
        fc_check_add_num(&f, "whole", w->value);
        fc_check_add_num(&f, "sum_of_parts", sum);
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "%zu parts add up to ", nparts);
        fc_sb_number(&sb, sum);
        fc_sb_puts(&sb, ", more than the whole of ");
        fc_sb_number(&sb, w->value);
        fc_sb_puts(&sb, ".");
        if ((st = finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}
