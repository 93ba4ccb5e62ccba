/* group.h - which claims measure the same thing (private).
 *
 * A claim whose sentence matched a rule measure belongs to that measure's group.
 * Every other level (not a change) gets a group from its inferred key (the
 * claim's `key`: the counted thing, the event, places, scope and other words of
 * its clause; see docs/checks.md): two claims are related when nothing in their
 * keys disagrees (unit, currency, rate, measure noun, counted thing, event,
 * place, scope, names, modifiers) and their weighted similarity reaches the
 * rules' threshold; a group is a set of claims linked by such relations. Checks
 * that compare two claims ask fc_groups_related for that pair, so a group never
 * makes two claims comparable that are not related themselves.
 */
#ifndef FC_GROUP_H
#define FC_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "factcheck/check.h"
#include "util.h"

#define FC_NO_GROUP ((size_t)-1)

struct fc_measure;
typedef struct fc_keyinfo fc_keyinfo;

typedef struct fc_groups {
    size_t n;                          /* groups */
    size_t *of;                        /* per claim: its group, or FC_NO_GROUP */
    size_t *members;                   /* claim indices, group by group, in claim order */
    size_t *from;                      /* n + 1 entries: group g is members[from[g] .. from[g+1]) */
    const struct fc_measure **measure; /* per group: the rule measure, or NULL (inferred) */
    size_t *previous;      /* the members that are earlier levels ("from 49%"), group by group */
    size_t *previous_from; /* n + 1 entries, as from */
    fc_keyinfo *keys;                  /* the parsed keys, for fc_groups_related */
} fc_groups;

/* Groups the claims (docs: their documents, for the places a text mentions).
 * Errors: FC_ENOMEM. */
fc_status fc_groups_build(const fc_rules *r, const fc_claims *claims, const fc_doc *const *docs,
                          size_t ndocs, fc_groups *g);
void fc_groups_free(fc_groups *g);

/* How closely the keys of claims a and b agree: -1 when something disagrees,
 * else the weighted share of their terms they have in common (0 to 1). Claims
 * of one rule measure are 1. */
double fc_groups_similarity(const fc_groups *g, const fc_claims *claims, size_t a, size_t b);

/* Whether a and b measure the same thing: one rule measure, or keys similar
 * enough (fc_groups_similarity at least the rules' threshold). */
bool fc_groups_related(const fc_groups *g, const fc_rules *r, const fc_claims *claims, size_t a,
                       size_t b);

/* Whether every place the inferred key of claim a names is one of b's (false
 * for a claim with no inferred key). */
bool fc_groups_places_within(const fc_groups *g, const fc_claims *claims, size_t a, size_t b);

/* Whether the inferred keys of claims a and b name the same places (every
 * place term of each is the other's; none on either side is the same). False
 * for a claim with no inferred key. */
bool fc_groups_same_places(const fc_groups *g, const fc_claims *claims, size_t a, size_t b);

/* Whether the inferred key of claim k has the term ("t:vote"). */
bool fc_groups_has_term(const fc_groups *g, const fc_claims *claims, size_t k, const char *term);

/* Whether every thing and modifier term of claim b's inferred key is one of
 * claim a's too, and b has a thing ("nearly 1.7 million passengers" within "the
 * 1.69 million [passengers] who passed through its gates"). */
bool fc_groups_things_within(const fc_groups *g, const fc_claims *claims, size_t b, size_t a);

/* Appends what a and b were compared on: the rule measure's key, or the words
 * their keys share ("thing: worker; event: detain; place: ellabell"). */
void fc_groups_explain(const fc_groups *g, const fc_claims *claims, size_t a, size_t b,
                       fc_strbuf *sb);

/* Appends a short name for what claim k measures: the rule measure's
 * description, else the main words of its key ("korean worker detain"). */
void fc_groups_name(const fc_groups *g, const fc_claims *claims, size_t k, fc_strbuf *sb);

#endif
