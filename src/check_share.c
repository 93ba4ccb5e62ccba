/* check_share.c - a part against its whole.
 *
 * The extractor links a part to its whole (claim.part_of): "five of those
 * stores", "12 of them", "Of the 40 arrested, 52 were minors", and a share
 * stated of a figure ("30% of its $18 million budget"). A count part larger
 * than its whole is a conflict; otherwise the finding gives the share. A stated
 * share is recomputed from the figure stated before it in its sentence ("$9
 * million, 30% of its $18 million budget": 9 / 18 = 50%) and is a warning when
 * it does not fit, allowing the rounding of each figure; so is a count part
 * restated as a share that does not fit ("1,240 people ..., and 388 of them, or
 * 42%": 388 / 1,240 = 31.3%).
 */
#include <math.h>
#include <string.h>

#include "check_internal.h"

static bool share_of_clause(const fc_check_ctx *x, const fc_claim *s);

/* The whole a part names: a claim of its own or the sentences just before. */
static size_t whole_of(const fc_check_ctx *x, size_t k)
{
    const fc_claim *p = fc_check_claim(x, k);
    size_t from, to;
    fc_check_near(x, k, 2, 0, &from, &to);
    for (size_t j = from; j < to; j++)
        if (strcmp(fc_check_claim(x, x->by_doc[j])->id, p->part_of) == 0)
            return x->by_doc[j];
    return FC_NONE;
}

/* Whether the stated share s fits part a of whole w, allowing the rounding of
 * each figure. */
static bool share_fits(const fc_check_ctx *x, const fc_claim *a, const fc_claim *w,
                       const fc_claim *s)
{
    double pa = 0.5 * fc_check_precision(x, a), pw = 0.5 * fc_check_precision(x, w);
    double amin = 100 * (a->value - pa) / (w->value + pw);
    double amax = w->value > pw ? 100 * (a->value + pa) / (w->value - pw) : INFINITY;
    double ps = 0.5 * fc_check_precision(x, s);
    return amax >= s->low - ps - 1e-9 && amin <= s->high + ps + 1e-9;
}

/* Whether share s restates part p with only a word pointing back at the
 * whole between them ("took home $121,000 of that, about 45% of the pot"). */
static bool pointer_share(const fc_check_ctx *x, const fc_claim *p, const fc_claim *s)
{
    static const char *const between[] = {" of that, ", " of it, ", " of them, ",
                                          " of those, ", " of these, ", " of this, ",
                                          " of the total, "};
    const fc_doc *d = fc_check_doc(x, p);
    size_t n = s->start - p->end;
    const char *t = d && n < 20 && s->start <= d->len ? fc_doc_bytes(d, p->end, s->start) : NULL;
    for (size_t k = 0; t && k < sizeof between / sizeof *between; k++)
        if (strlen(between[k]) == n && strncmp(t, between[k], n) == 0)
            return true;
    return false;
}


/* The share a count part is restated as in its sentence ("388 of them, or 42%";
 * "14 of the 26 players (54%)"), or that it restates ("Turnout was 61 percent,
 * or 84,000 of the county's 152,000 voters"); FC_NONE when none. */
static size_t restated_share(const fc_check_ctx *x, size_t k)
{
    const fc_claim *p = fc_check_claim(x, k);
    size_t from, to;
    fc_check_near(x, k, 0, 0, &from, &to);
    for (size_t j = from; j < to; j++) {
        const fc_claim *s = fc_check_claim(x, x->by_doc[j]);
        if (s->sentence == p->sentence && s->unit == FC_UNIT_PERCENT &&
            s->role == FC_ROLE_LEVEL && !s->part_of[0] &&
            ((s->start > p->end && fc_check_restates(x, p, s)) ||
             /* ("took home $121,000 of that, about 45% of the pot") */
             (s->start > p->end && pointer_share(x, p, s)) ||
             /* ("1,030 of them will be income-restricted, making up 42%") */
             (s->start > p->end && s->start - p->end <= 80 && share_of_clause(x, s)) ||
             (s->end < p->start && fc_check_restates(x, s, p))))
            return x->by_doc[j];
    }
    return FC_NONE;
}

/* Whether ", which", ", where" or ", who" stands between a and the share s. */
static bool relative_between(const fc_check_ctx *x, const fc_claim *a, const fc_claim *s)
{
    const fc_doc *d = fc_check_doc(x, a);
    if (!d || s->start <= a->end || s->start > d->len)
        return false;
    const char *t = fc_doc_bytes(d, a->end, s->start);
    if (!t)
        return false;
    size_t n = s->start - a->end;
    static const char *const rel[] = {", which ", ", where ", ", who "};
    for (size_t k = 0; k < 3; k++) {
        size_t m = strlen(rel[k]);
        for (size_t i = 0; i + m <= n; i++)
            if (memcmp(t + i, rel[k], m) == 0)
                return true;
    }
    return false;
}

/* Whether share s is set after a's clause by one comma ("spent $412,000 on its
 * winter shelter program this season, 46% of its $1.2 million budget"): up to
 * 100 bytes between them, ending in ", ", with no other comma, semicolon or
 * bracket. */
static bool clause_share(const fc_check_ctx *x, const fc_claim *a, const fc_claim *s)
{
    const fc_doc *d = fc_check_doc(x, a);
    if (!d || s->start <= a->end + 2 || s->start - a->end > 100 || s->start > d->len)
        return false;
    const char *t = fc_doc_bytes(d, a->end, s->start);
    size_t n = s->start - a->end;
    if (!t || t[n - 2] != ',' || t[n - 1] != ' ')
        return false;
    for (size_t i = 0; i + 2 < n; i++)
        if (t[i] == ',' || t[i] == ';' || t[i] == '(' || t[i] == ')')
            return false;
    return true;
}

/* Whether share s is set after its clause by a participle that makes it the
 * clause's figure's share ("spent $46,800 at the market, including ...,
 * making up about 18% of its $386,000 in sales"). */
static bool share_of_clause(const fc_check_ctx *x, const fc_claim *s)
{
    static const char *const cues[] = {", making up ", ", accounting for ", ", representing ",
                                       ", amounting to ", ", equal to "};
    const fc_doc *d = fc_check_doc(x, s);
    size_t lo = s->start > s->sentence_start + 24 ? s->start - 24 : s->sentence_start;
    const char *t = d && s->start <= d->len ? fc_doc_bytes(d, lo, s->start) : NULL;
    if (!t)
        return false;
    size_t n = s->start - lo;
    /* (a hedge may open the share's text: "about 18%") */
    for (size_t k = 0; k < sizeof cues / sizeof *cues; k++) {
        size_t m = strlen(cues[k]);
        if (n >= m && strncmp(t + n - m, cues[k], m) == 0)
            return true;
    }
    return false;
}

/* "$9 million, 30% of its $18 million budget": the figure the share is of. */
static fc_status stated_share(const fc_check_ctx *x, size_t k, size_t wi)
{
    const fc_claim *s = fc_check_claim(x, k), *w = fc_check_claim(x, wi);
    size_t from, to, ai = FC_NONE, part = FC_NONE;
    fc_check_near(x, k, 0, 0, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *a = fc_check_claim(x, i);
        /* (a count lost or gained restated as a share of a level: "lost 186
         * students, 61% of the districtwide total") */
        bool tally = a->role == FC_ROLE_CHANGE && a->unit == FC_UNIT_COUNT &&
                     s->start > a->end && s->start - a->end <= 40;
        if (i == wi || a->sentence != s->sentence || a->end > s->start ||
            (a->role != FC_ROLE_LEVEL && !tally) || a->unit != w->unit ||
            strcmp(a->currency, w->currency) || a->per != w->per)
            continue;
        if (strcmp(a->part_of, w->id) == 0)
            part = i; /* "14 of the 26 players, or 70%" */
        else if (relative_between(x, a, s))
            continue; /* "41 happened downtown, which is home to about 9% of the city's
                         96,000 residents": the share is of something else */
        else if (s->start - a->end <= 40 || fc_check_restates(x, a, s) || clause_share(x, a, s) ||
                 share_of_clause(x, s))
            ai = i; /* the last such figure before the share ("$4.8 million on levee
                       repairs in the year that ended June 30, or 45% of its ...") */
    }
    if (part != FC_NONE)
        ai = part;
    if (ai == FC_NONE || w->value <= 0)
        return FC_OK;
    const fc_claim *a = fc_check_claim(x, ai);
    double actual = 100 * a->value / w->value;
    bool fits = share_fits(x, a, w, s);
    fc_finding f;
    fc_status st = fc_check_start(&f, "share", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = k;
    f.claims[f.nclaims++] = ai;
    f.claims[f.nclaims++] = wi;
    fc_check_add_num(&f, "stated_percent", s->value);
    fc_check_add_num(&f, "part", a->value);
    fc_check_add_num(&f, "whole", w->value);
    fc_check_add_num(&f, "share_percent", actual);
    fc_strbuf sb = {0};
    fc_sb_number(&sb, a->value);
    fc_sb_puts(&sb, " of ");
    fc_sb_number(&sb, w->value);
    fc_sb_puts(&sb, " is ");
    fc_sb_number(&sb, round(actual * 10) / 10);
    fc_sb_puts(&sb, "%; the text says ");
    fc_check_words(&sb, x, s);
    fc_sb_puts(&sb, fits ? ": consistent." : ": the stated share does not fit the figures.");
    return fc_check_finish(x, &f, &sb);
}

fc_status fc_check_share(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *p = fc_check_claim(x, k);
        if (!p->part_of[0])
            continue;
        size_t wi = whole_of(x, k);
        if (wi == FC_NONE)
            continue;
        const fc_claim *w = fc_check_claim(x, wi);
        if (w->value <= 0)
            continue;
        fc_status st;
        if (p->unit == FC_UNIT_PERCENT) {
            if ((st = stated_share(x, k, wi)) != FC_OK)
                return st;
            continue;
        }
        if (p->unit != w->unit)
            continue;
        bool exceeds = p->low > w->high;
        size_t si = restated_share(x, k);
        const fc_claim *s = si != FC_NONE ? fc_check_claim(x, si) : NULL;
        bool fits = !s || share_fits(x, p, w, s);
        fc_finding f;
        st = fc_check_start(&f, "share",
                            exceeds ? FC_SEV_CONFLICT : fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = wi;
        if (s)
            f.claims[f.nclaims++] = si;
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
            if (s) {
                fc_sb_puts(&sb, "; the text says ");
                fc_check_words(&sb, x, s);
                fc_sb_puts(&sb, fits ? ": consistent" : ": the stated share does not fit the figures");
            }
            fc_sb_puts(&sb, ".");
        }
        if ((st = fc_check_finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}
