/* check_poll_change.c - is a poll's reported change outside the noise?
 *
 * A change in a poll figure ("46%, down 3 points from 49%", "support climbed
 * to 71% from 66%"): two samples, the poll then and the poll now, taken as
 * independent random samples. Each sample size comes from the text (completed
 * interviews: "1,050 completed the survey", not "2,400 households contacted"),
 * else from the rules' usual sample for the pollster, else from the rules'
 * default for any poll; the finding names every size it assumed, the earlier
 * poll's too. A stated margin of error larger than the simple-random-sample
 * one for n (weighting) shrinks n to the effective sample n * (srs / stated)^2
 * (the design effect is (stated / srs)^2). The two proportions are compared
 * with the two-proportion z test, or Fisher's exact test when a sample is
 * under 100 (Agresti, Categorical Data Analysis, 3.5). An opt-in panel gets no
 * test at all (AAPOR: a non-probability sample has no sampling error to
 * compute), and the same respondents asked twice are a paired design: the
 * finding says what the paired test would need. A change within the noise is
 * a warning: the text reports a movement the poll cannot show; the message
 * gives the 95% range of the change.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"
#include "check_poll.h"
#include "rules_internal.h"
#include "stats.h"

/* Whether one of words ("a|b") starts within 24 bytes after the claim. */
static bool words_after(const fc_check_ctx *x, const fc_claim *c, const char *words)
{
    const fc_doc *d = fc_check_doc(x, c);
    if (!d || c->end > d->len)
        return false;
    /* (the word starts within 24 bytes and may run past them) */
    size_t to = c->end + 40 < d->len ? c->end + 40 : d->len;
    fc_view v;
    if (!fc_view_of(d, c->end, to, &v))
        return false;
    for (const char *w = words; *w;) {
        const char *bar = strchr(w, '|');
        size_t n = bar ? (size_t)(bar - w) : strlen(w);
        for (size_t i = c->end; i + n <= to && i <= c->end + 24; i++)
            if (strncasecmp(fc_ptr(&v, i), w, n) == 0 && (i == c->end || fc_at(&v, i - 1) == ' '))
                return true;
        w += n + (bar ? 1 : 0);
    }
    return false;
}

/* Whether one of words ("a|b") stands within span bytes before the claim. */
static bool words_before(const fc_check_ctx *x, const fc_claim *c, size_t span, const char *words)
{
    const fc_doc *d = fc_check_doc(x, c);
    if (!d || c->start > d->len)
        return false;
    size_t from = c->start > d->body + span ? c->start - span : d->body;
    fc_view v;
    if (!fc_view_of(d, from, c->start, &v))
        return false;
    for (const char *w = words; *w;) {
        const char *bar = strchr(w, '|');
        size_t n = bar ? (size_t)(bar - w) : strlen(w);
        for (size_t i = from; i + n <= c->start; i++)
            if (strncasecmp(fc_ptr(&v, i), w, n) == 0)
                return true;
        w += n + (bar ? 1 : 0);
    }
    return false;
}

#define CONTACTED "contacted|invited|approached|mailed|sampled|dialed|called|selected"
#define COMPLETED                                                                                  \
    "completed|responded|took part|answered|participated|were interviewed|respondents|"            \
    "interviewed|surveyed|polled|questioned"
#define INTERVIEWED "completed|interviewed|interviews|surveyed|polled|questioned|responses from|survey of|poll of|sample of"

const fc_claim *fc_check_stated_sample(const fc_check_ctx *x, size_t doc)
{
    size_t from, to;
    const fc_claim *first = NULL;
    bool poll = false;
    fc_check_doc_range(x, doc, &from, &to);
    /* A poll's figure, or a stated margin of error: only a sample has one ("Of
     * the 300 drivers who took part, 59% ...; the margin of error is ..."). */
    for (size_t j = from; j < to && !poll; j++) {
        const fc_claim *c = fc_check_claim(x, x->by_doc[j]);
        poll = c->modality == FC_MOD_POLL ||
               ((c->unit == FC_UNIT_PERCENTAGE_POINT || c->unit == FC_UNIT_PERCENT) &&
                c->value > 0 && c->value <= 50 && fc_check_after_margin_words(x, x->by_doc[j]));
    }
    for (size_t j = from; poll && j < to; j++) {
        const fc_claim *c = fc_check_claim(x, x->by_doc[j]);
        if (c->unit != FC_UNIT_COUNT || c->qualifier != FC_QUAL_EXACT || c->value < 10 ||
            c->value > FC_POLL_MAX_SAMPLE)
            continue;
        /* Those who answered are the sample ("completed interviews with 250",
         * "interviews 4,000 adults"); those contacted are not ("dialed 5,000
         * numbers", "2,400 households contacted"). */
        bool contacted = words_after(x, c, CONTACTED) ||
                         words_before(x, c, 12, "contacted|dialed|called|mailed|invited");
        if (!contacted && (words_after(x, c, COMPLETED) || words_before(x, c, 32, INTERVIEWED)))
            return c;
        if (!first && c->modality == FC_MOD_POLL && c->subject && !c->part_of[0] && !contacted)
            first = c;
    }
    return first;
}

void fc_check_poll_design(const fc_check_ctx *x, size_t doc, fc_poll_design *out)
{
    memset(out, 0, sizeof *out);
    out->sample = fc_check_stated_sample(x, doc);
    size_t from, to;
    fc_check_doc_range(x, doc, &from, &to);
    for (size_t j = from; j < to && !out->margin; j++) {
        size_t k = x->by_doc[j];
        const fc_claim *c = fc_check_claim(x, k);
        if ((c->unit == FC_UNIT_PERCENTAGE_POINT || c->unit == FC_UNIT_PERCENT) && c->value > 0 &&
            c->value <= 50 && fc_check_after_margin_words(x, k))
            out->margin = c;
    }
    unsigned cues = fc_doc_cues(doc < x->ndocs ? x->docs[doc] : NULL);
    out->opt_in = cues & FC_CUE_OPT_IN;
    out->panel = cues & FC_CUE_PANEL;
    out->weighted = cues & FC_CUE_WEIGHTED;
}

/* The rules' sample size for the poll's source ("AP-NORC"), else the default ("*"). */
static const fc_pollster *pollster_for(const fc_rules *r, const char *source)
{
    const fc_pollster *any = NULL;
    for (size_t i = 0; i < r->npollsters; i++) {
        const fc_pollster *p = &r->pollsters[i];
        if (strcmp(p->name, "*") == 0)
            any = p;
        else if (source && strstr(source, p->name))
            return p;
    }
    return any;
}

double fc_check_poll_n(const fc_check_ctx *x, const fc_claim *c, const fc_claim *sample,
                       const char **how, const char **pollster)
{
    *pollster = NULL;
    if (sample) {
        *how = "stated";
        return sample->value;
    }
    const fc_pollster *p = pollster_for(x->rules, c->attribution);
    if (!p) {
        *how = "unknown";
        return NAN;
    }
    *pollster = strcmp(p->name, "*") == 0 ? NULL : p->name;
    *how = *pollster ? "assumed: the rules' usual sample for the pollster"
                     : "assumed: a typical poll; the text gives no sample size";
    return p->sample_size;
}

/* A p value as a reader needs it: two significant digits, "< 0.001" below. */
void fc_check_sb_p(fc_strbuf *sb, double p)
{
    if (p < 0.001)
        fc_sb_puts(sb, "p < 0.001");
    else
        fc_sb_printf(sb, "p = %.2g", p);
}

/* A poll_change finding on the change k, its level li and earlier level ei
 * (FC_NONE: none), with room for the sample. */
static fc_status start_finding(fc_finding *f, fc_severity sev, size_t k, size_t li, size_t ei)
{
    fc_status st = fc_check_start(f, "poll_change", sev, 4);
    if (st != FC_OK)
        return st;
    f->claims[f->nclaims++] = k;
    if (li != k)
        f->claims[f->nclaims++] = li;
    if (ei != FC_NONE)
        f->claims[f->nclaims++] = ei;
    return FC_OK;
}

/* Claim k: the change (or the level); li: the level; before: the earlier level,
 * the value of claim ei when a claim states it (else FC_NONE). */
/* The stated samples of the documents, found once each: samples[d] is
 * NOT_YET until asked. */
static const fc_claim not_yet;
#define NOT_YET (&not_yet)

static const fc_claim *sample_of(const fc_check_ctx *x, size_t doc, const fc_claim **samples)
{
    if (doc >= x->ndocs)
        return NULL;
    if (samples[doc] == NOT_YET)
        samples[doc] = fc_check_stated_sample(x, doc);
    return samples[doc];
}

static fc_status poll_change(const fc_check_ctx *x, size_t k, size_t li, double before, size_t ei,
                             const fc_poll_design *design, const fc_claim **samples)
{
    const fc_claim *c = fc_check_claim(x, k), *l = fc_check_claim(x, li);
    if (l->value < 0 || l->value > 100 || before < 0 || before > 100 || before == l->value)
        return FC_OK;
    const char *how_now, *who_now, *how_then = NULL, *who_then = NULL;
    double n_now = fc_check_poll_n(x, l, design->sample, &how_now, &who_now);
    if (isnan(n_now))
        return FC_OK;
    /* The earlier poll: another document's, with its own sample; in the same
     * text, the same poll's earlier wave, assumed of the same size. */
    const fc_claim *e = ei != FC_NONE ? fc_check_claim(x, ei) : NULL;
    double n_then = e && e->doc != l->doc
                        ? fc_check_poll_n(x, e, sample_of(x, e->doc, samples), &how_then, &who_then)
                        : NAN;
    bool then_assumed = isnan(n_then);
    if (then_assumed)
        n_then = n_now;
    double now = l->value / 100, then = before / 100;
    /* Weighting: a stated margin above the simple-random-sample one. */
    double srs = NAN, deff = 1;
    if (design->margin && fc_stats_moe(0.5, n_now, 0.95, &srs) &&
        design->margin->value > 100 * srs) {
        deff = (design->margin->value / (100 * srs)) * (design->margin->value / (100 * srs));
        n_now /= deff;
        if (then_assumed)
            n_then /= deff;
    }
    fc_finding f;
    fc_status st;
    if (design->opt_in) {
        /* No sampling error to compute: say what can be said. */
        if ((st = start_finding(&f, FC_SEV_INFO, k, li, ei)) != FC_OK)
            return st;
        fc_check_add_num(&f, "before", before);
        fc_check_add_num(&f, "after", l->value);
        fc_check_add_num(&f, "difference_points", l->value - before);
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "%s: ", fc_check_outlet(x, c));
        fc_sb_number(&sb, before);
        fc_sb_puts(&sb, "% then ");
        fc_sb_number(&sb, l->value);
        fc_sb_puts(&sb, "% now, from an opt-in sample: it is no random sample, so no margin of "
                        "error or significance test applies (AAPOR); whether the change is more "
                        "than noise cannot be said from the text.");
        return fc_check_finish(x, &f, &sb);
    }
    fc_two_prop t;
    double lo, hi, moe;
    if (!fc_stats_two_prop(now, n_now, then, n_then, 0.95, &t) ||
        !fc_stats_wilson(now, n_now, 0.95, &lo, &hi) || !fc_stats_moe(now, n_now, 0.95, &moe))
        return FC_OK;
    double p_value = t.p_value;
    bool exact = n_now < 100 || n_then < 100;
    if (exact) {
        double pe;
        uint64_t a = (uint64_t)floor(n_now), b = (uint64_t)floor(n_then);
        if (fc_stats_fisher_test((uint64_t)llround(now * (double)a), a,
                                 (uint64_t)llround(then * (double)b), b, &pe))
            p_value = pe;
        else
            exact = false;
    }
    bool significant = p_value < 0.05;
    /* A panel's change not shown beyond the noise of independent samples may
     * still be real: the paired test could show it. Not a warning. */
    fc_severity sev = significant || design->panel ? FC_SEV_INFO : FC_SEV_WARNING;
    if ((st = start_finding(&f, sev, k, li, ei)) != FC_OK)
        return st;
    if (design->sample)
        f.claims[f.nclaims++] = (size_t)(design->sample - x->claims->items);
    double diff = 100 * (now - then);
    fc_check_add_num(&f, "before", before);
    fc_check_add_num(&f, "after", l->value);
    fc_check_add_num(&f, "n", n_now);
    fc_check_add_num(&f, "n_before", n_then);
    if (deff > 1)
        fc_check_add_num(&f, "design_effect", deff);
    fc_check_add_num(&f, "difference_points", diff);
    fc_check_add_num(&f, "moe_difference_points", 100 * t.moe_diff);
    fc_check_add_num(&f, "moe_points", 100 * moe);
    fc_check_add_num(&f, exact ? "p_exact" : "z", exact ? p_value : t.z);
    fc_check_add_num(&f, "p", p_value);
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "%s: ", fc_check_outlet(x, c));
    fc_sb_number(&sb, before);
    fc_sb_puts(&sb, "% then, ");
    fc_sb_number(&sb, l->value);
    fc_sb_puts(&sb, "% now (a change of ");
    fc_sb_printf(&sb, "%+.1f points). ", diff);
    if (significant)
        fc_sb_puts(&sb, "Outside the noise: ");
    else
        fc_sb_printf(&sb, "Cannot tell whether it changed: the 95%% range of the change is %+.1f "
                          "to %+.1f points, ",
                     diff - 100 * t.moe_diff, diff + 100 * t.moe_diff);
    fc_sb_puts(&sb, exact ? "Fisher's exact test " : "two-proportion test ");
    fc_check_sb_p(&sb, p_value);
    if (!exact)
        fc_sb_printf(&sb, " (z = %+.2f)", t.z);
    fc_sb_puts(&sb, ". Assumes two independent random samples");
    if (design->change_as_points)
        fc_sb_puts(&sb, ", the stated change read as points (no source gives the earlier level; "
                        "see percent_points)");
    fc_sb_puts(&sb, ", n=");
    fc_sb_number(&sb, round(n_now));
    fc_sb_printf(&sb, " now (%s%s%s", how_now, who_now ? ", " : "", who_now ? who_now : "");
    if (deff > 1) {
        fc_sb_puts(&sb, "; the stated margin of \xC2\xB1");
        fc_sb_number(&sb, design->margin->value);
        fc_sb_printf(&sb, " points implies a design effect of %.2f, so an effective sample of "
                          "that size",
                     deff);
    }
    fc_sb_puts(&sb, ") and n=");
    fc_sb_number(&sb, round(n_then));
    if (then_assumed)
        fc_sb_puts(&sb, " then (assumed equal: the text gives no sample for the earlier poll)");
    else
        fc_sb_printf(&sb, " then (%s%s%s)", how_then, who_then ? ", " : "",
                     who_then ? who_then : "");
    fc_sb_puts(&sb, ".");
    if (design->panel)
        fc_sb_puts(&sb, " The same respondents were asked both times: a paired test (McNemar's) "
                        "would need how many changed their answer, which the text does not give; "
                        "the test for independent samples overstates the noise.");
    fc_sb_printf(&sb, " (%g%% itself: \xC2\xB1%.1f pts, Wilson 95%% interval %.1f%% to %.1f%%.)",
                 l->value, 100 * moe, 100 * lo, 100 * hi);
    return fc_check_finish(x, &f, &sb);
}

fc_status fc_check_poll_change(const fc_check_ctx *x)
{
    fc_poll_design design;
    size_t design_doc = (size_t)-1; /* whose design is in `design` (read once a document) */
    const fc_claim **samples = malloc((x->ndocs + 1) * sizeof *samples);
    if (!samples)
        return FC_ENOMEM;
    for (size_t d = 0; d < x->ndocs; d++)
        samples[d] = NOT_YET;
    fc_status result = FC_OK;
    for (size_t k = 0; k < x->claims->n && result == FC_OK; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        fc_relation rel;
        fc_status st = FC_OK;
        if (c->modality != FC_MOD_POLL)
            continue;
        if (c->doc != design_doc) {
            fc_check_poll_design(x, c->doc, &design);
            design_doc = c->doc;
        }
        if (c->role == FC_ROLE_CHANGE && c->direction &&
            (c->unit == FC_UNIT_PERCENTAGE_POINT || c->unit == FC_UNIT_PERCENT)) {
            /* The level the change is about: stated with it, else the nearest
             * percentage of the sentence before it. */
            fc_check_relation(x, k, &rel);
            size_t li = rel.level;
            if (li == FC_NONE) {
                size_t from, to;
                fc_check_near(x, k, 0, 0, &from, &to);
                for (size_t j = from; j < to; j++) {
                    size_t i = x->by_doc[j];
                    const fc_claim *o = fc_check_claim(x, i);
                    if (o->sentence == c->sentence && o->role == FC_ROLE_LEVEL &&
                        o->unit == FC_UNIT_PERCENT &&
                        (li == FC_NONE || o->start < c->start))
                        li = i;
                }
            }
            if (li == FC_NONE || fc_check_claim(x, li)->unit != FC_UNIT_PERCENT)
                continue;
            const fc_claim *l = fc_check_claim(x, li);
            /* (a change of a level no poll gave: "the vacancy rate fell to 3.1%
             * from 4.4%, a drop of 1.3 percentage points") */
            if (rel.level != FC_NONE && l->modality != FC_MOD_POLL && l->sentence == c->sentence &&
                (rel.previous == FC_NONE ||
                 fc_check_claim(x, rel.previous)->modality != FC_MOD_POLL))
                continue;
            /* The earlier level: stated, else reported by another source, else
             * the change read as points (percent_points says whether that fits). */
            double sign = c->direction == FC_DIR_DOWN ? 1 : -1;
            size_t ei = isnan(c->from) ? fc_check_reported_earlier(x, li) : rel.previous;
            double before = !isnan(c->from)  ? c->from
                            : ei != FC_NONE ? fc_check_claim(x, ei)->value
                                            : l->value + sign * c->value;
            design.change_as_points = isnan(c->from) && ei == FC_NONE && c->unit == FC_UNIT_PERCENT;
            st = poll_change(x, k, li, before, ei, &design, samples);
        } else if (c->role == FC_ROLE_LEVEL && c->unit == FC_UNIT_PERCENT &&
                   fc_check_relation(x, k, &rel) && rel.previous != FC_NONE) {
            /* "climbed to 71% from 66%" with no change stated: unless a change
             * claim of the sentence already covers it. */
            size_t from, to;
            bool covered = false;
            fc_check_near(x, k, 0, 0, &from, &to);
            for (size_t j = from; j < to && !covered; j++) {
                const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
                covered = o->sentence == c->sentence && o->role == FC_ROLE_CHANGE &&
                          (o->unit == FC_UNIT_PERCENT || o->unit == FC_UNIT_PERCENTAGE_POINT);
            }
            design.change_as_points = false;
            if (!covered)
                st = poll_change(x, k, k, fc_check_claim(x, rel.previous)->value, rel.previous,
                                 &design, samples);
        }
        result = st;
    }
    free(samples);
    return result;
}
