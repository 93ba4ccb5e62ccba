/* check_internal.h - what the checks share (private).
 *
 * Each check is one function in its own file (check_<name>.c), listed in
 * check_table.h; check.c builds the indices below once, runs the checks that are
 * switched on in turn, and holds the helpers every check uses to write findings.
 */
#ifndef FC_CHECK_INTERNAL_H
#define FC_CHECK_INTERNAL_H

#include <stdint.h>

#include "check_table.h"
#include "factcheck/check.h"
#include "group.h"
#include "util.h"

typedef struct fc_check_ctx {
    const fc_rules *rules;
    const fc_claims *claims;
    const fc_doc *const *docs;
    size_t ndocs;
    fc_findings *out;
    /* Claim indices by document then position, with each document's range, so
     * checks look at one document at a time instead of every claim. */
    const size_t *by_doc;
    const size_t *doc_from; /* ndocs + 1 entries: the claims of doc d are by_doc[doc_from[d] ..
                               doc_from[d + 1]) */
    const size_t *pos;      /* pos[k]: where claim k stands in by_doc */
    /* What each claim measures: its group (a rule measure, or claims whose
     * inferred keys agree; group.h). */
    const fc_groups *groups;
    /* Per document: its publication day (fc_days_from_civil) and the first day
     * of its recent past (the month before; fc_check_when), or INT32_MIN when
     * it has none; parsed once for the run. */
    const struct fc_pub_days {
        int32_t day, lo;
    } *pub;
    /* Per claim: its first appearance (fc_copies_find); a copy (first[k] != k)
     * is left out of the groups' member lists, so no check compares it with
     * another document, and its findings are merged with its original's. */
    const size_t *first;
} fc_check_ctx;

/* fc_check_run with the first appearances already known (fc_copies_find), for
 * a corpus that keeps them for its reports. */
fc_status fc_check_run_first(const fc_rules *rules, const fc_claims *claims,
                             const fc_doc *const *docs, size_t ndocs, const size_t *first,
                             fc_findings *out);

#define FC_CHECK_FN(name, fn, sw) fc_status fn(const fc_check_ctx *x);
FC_CHECKS(FC_CHECK_FN)
#undef FC_CHECK_FN

/* ---- looking claims up ------------------------------------------------------ */

static inline const fc_claim *fc_check_claim(const fc_check_ctx *x, size_t i)
{
    return &x->claims->items[i];
}

/* Whether claim k repeats a claim of an earlier document (syndicated copy). */
static inline bool fc_check_is_copy(const fc_check_ctx *x, size_t k)
{
    return x->first[k] != k;
}

/* The document of a claim, or NULL. */
static inline const fc_doc *fc_check_doc(const fc_check_ctx *x, const fc_claim *c)
{
    return c->doc < x->ndocs ? x->docs[c->doc] : NULL;
}

/* A stretch [from, to) of a document's text, read by offset (fc_doc_bytes). */
typedef struct fc_view {
    const char *p;
    size_t from, to;
} fc_view;

/* The bytes [from, to) of d, when it holds them (a kept document holds the
 * stretches around its claims). */
static inline bool fc_view_of(const fc_doc *d, size_t from, size_t to, fc_view *v)
{
    v->from = from;
    v->to = to;
    return (v->p = fc_doc_bytes(d, from, to)) != NULL;
}

/* The byte at offset i, and a pointer to it (from <= i <= to). */
static inline char fc_at(const fc_view *v, size_t i)
{
    return v->p[i - v->from];
}

static inline const char *fc_ptr(const fc_view *v, size_t i)
{
    return v->p + (i - v->from);
}

/* The range [*from, *to) of x->by_doc holding the claims of document doc. */
static inline void fc_check_doc_range(const fc_check_ctx *x, size_t doc, size_t *from, size_t *to)
{
    *from = doc < x->ndocs ? x->doc_from[doc] : 0;
    *to = doc < x->ndocs ? x->doc_from[doc + 1] : 0;
}

/* The range [*from, *to) of x->by_doc holding the claims of claim k's document
 * whose sentence is at most `before` sentences before k's and `after` after it
 * (the scan costs the size of that window, not of the document). */
void fc_check_near(const fc_check_ctx *x, size_t k, size_t before, size_t after, size_t *from,
                   size_t *to);

/* The claims in the group of claim k (including k), as a range of
 * x->groups->members; empty when k has no group. */
void fc_check_group_range(const fc_check_ctx *x, size_t k, size_t *from, size_t *to);

/* Whether claims a and b are in the same group. */
static inline bool fc_check_same_group(const fc_check_ctx *x, size_t a, size_t b)
{
    return x->groups->of[a] != FC_NO_GROUP && x->groups->of[a] == x->groups->of[b];
}

/* What the group of claim k is about, for messages: the rule measure's
 * description, else the words of its key ("Korean workers detained"). */
void fc_check_group_name(fc_strbuf *sb, const fc_check_ctx *x, size_t k);

/* ---- relations in one sentence ------------------------------------------------ */

/* What a change claim relates: the level it arrives at ("to 340") and the
 * earlier level ("from 410"), claims of its sentence; FC_NONE when the sentence
 * does not state one. For a level, `level` is itself and `previous` the earlier
 * level stated with it ("71%, up from 66%"). */
#define FC_NONE ((size_t)-1)
typedef struct fc_relation {
    size_t change, level, previous;
} fc_relation;

/* Fills rel for claim k (a change or a level); false when k relates nothing. */
bool fc_check_relation(const fc_check_ctx *x, size_t k, fc_relation *rel);

/* An earlier level of level li from another source: a stated previous level
 * ("from 49% in March") of a claim related to it in another document, for a
 * period before li's and within a year; FC_NONE when no source gives one. */
size_t fc_check_reported_earlier(const fc_check_ctx *x, size_t li);

/* Whether b restates a, just after it in its sentence: ", or" (and maybe a
 * hedge) before b, or b set off by commas or brackets, and no other comma
 * since a ("a third of the 240 seats, or 100"; "388 of them, or 42%"). */
bool fc_check_restates(const fc_check_ctx *x, const fc_claim *a, const fc_claim *b);

/* The precision a figure is written to: 1 for "46", 0.1 for "3.8" (from the
 * digits of its text), for rounding slack. */
double fc_check_precision(const fc_check_ctx *x, const fc_claim *c);

/* ---- periods ------------------------------------------------------------------ */

/* The span of days [lo, hi] a claim is about (days since 1970-01-01): the period
 * its sentence states, else the recent past of its document's publication (the
 * month before it up to the day: news reports the recent past). */
typedef struct fc_when {
    bool known;  /* lo and hi are set */
    bool stated; /* the text names the period */
    int grain;   /* a stated period's kind: 'y' year, 'm' month, 'd' day or days,
                    'u' up to a day (lo = hi = the day), 0 not stated */
    long lo, hi;
    long pub; /* the publication day, when known and the period is not stated */
    long doc_pub; /* the publication day whether stated or not; LONG_MIN unknown */
} fc_when;

fc_when fc_check_when(const fc_check_ctx *x, const fc_claim *c);

/* Whether a period text ("2022", "2025-01", "2025-01-23", "A/B") parses; sets the
 * days it spans and its grain. */
bool fc_check_period_days(const char *p, long *lo, long *hi, int *grain);

/* Whether two claims can be about the same period: both stated and the same
 * period (same grain, and the same span: a year is not one of its months, a
 * running total "since January" is not a month); one stated, and the other's
 * recent past overlapping it; neither stated, and published within a week of
 * each other (figures of the day move: two texts a month apart are two
 * periods). A previous level ("from 49% in March") is compared only with a
 * stated period. */
bool fc_check_same_period(const fc_claim *a, fc_when x, const fc_claim *b, fc_when y);

/* Days in one unit of a rate (fc_per); 0 for FC_PER_NONE. */
double fc_check_per_days(fc_per p);

/* Whether keys a and b both name events ("e:" terms) and share none of them. */
bool fc_check_other_event(const char *a, const char *b);

/* ---- writing findings ------------------------------------------------------------ */

/* Starts a finding of check with room for n claims. Errors: FC_ENOMEM. */
fc_status fc_check_start(fc_finding *f, const char *check, fc_severity sev, size_t n);

/* Adds a named number to a finding (ignored when not finite or when full). */
void fc_check_add_num(fc_finding *f, const char *name, double v);

/* Takes the message from sb and appends f with a stable id. Errors: FC_ENOMEM
 * (f is freed). */
fc_status fc_check_finish(const fc_check_ctx *x, fc_finding *f, fc_strbuf *sb);

/* Appends f (taking ownership of its arrays and message), giving it a stable id.
 * Errors: FC_ENOMEM (f is freed). */
fc_status fc_check_push(fc_findings *out, const fc_claims *claims, fc_finding *f);

/* "Harbor City Ledger, citing Pew, says approximately 110,000 [99,000, 121,000]" */
void fc_check_describe(fc_strbuf *sb, const fc_doc *d, const fc_claim *c);

/* The claim's own words ("three times"), as the document has them. */
void fc_check_words(fc_strbuf *sb, const fc_check_ctx *x, const fc_claim *c);

/* "1,200" or "1,200 to 1,500" */
void fc_check_figure(fc_strbuf *sb, const fc_claim *c);

/* The outlet of a claim's document, else its path. */
const char *fc_check_outlet(const fc_check_ctx *x, const fc_claim *c);

/* The rule measure named key, or NULL. */
const struct fc_measure *fc_check_measure(const fc_rules *r, const char *key);

#endif
