/* claim.h - the claim record: one quantitative assertion found in a document.
 *
 * This is the contract other tools read (see docs/claim-record.md). Intervals use
 * -INFINITY / +INFINITY for an unbounded side.
 */
#ifndef FACTCHECK_CLAIM_H
#define FACTCHECK_CLAIM_H

#include <stddef.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fc_qualifier {
    FC_QUAL_EXACT,
    FC_QUAL_APPROXIMATELY,
    FC_QUAL_NEARLY,
    FC_QUAL_AT_LEAST,
    FC_QUAL_MORE_THAN,
    FC_QUAL_AT_MOST,
    FC_QUAL_LESS_THAN,
    FC_QUAL_RANGE
} fc_qualifier;

typedef enum fc_unit {
    FC_UNIT_COUNT,
    FC_UNIT_PERCENT,
    FC_UNIT_PERCENTAGE_POINT,
    FC_UNIT_CURRENCY,
    FC_UNIT_DURATION,
    FC_UNIT_RATIO,
    FC_UNIT_OTHER
} fc_unit;

typedef enum fc_per {
    FC_PER_NONE,
    FC_PER_DAY,
    FC_PER_WEEK,
    FC_PER_MONTH,
    FC_PER_YEAR,
    FC_PER_HOUR /* "300 calls an hour" */
} fc_per;

typedef enum fc_modality {
    FC_MOD_ACTUAL,
    FC_MOD_ESTIMATE,
    FC_MOD_TARGET,
    FC_MOD_PROJECTION,
    FC_MOD_POLL
} fc_modality;

/* What the number is in its sentence: a level ("46%"), the size of a stated
 * change ("down 3 points"), or the earlier level of a change ("from 49%"). */
typedef enum fc_role { FC_ROLE_LEVEL, FC_ROLE_CHANGE, FC_ROLE_PREVIOUS } fc_role;

/* Which way a change or comparison goes ("down 3", "three times higher"). */
typedef enum fc_direction { FC_DIR_NONE, FC_DIR_UP, FC_DIR_DOWN } fc_direction;

/* Room for a claim's or a finding's id: a letter ("c" claim, "f" finding) and
 * 16 hex digits of a 64-bit hash, NUL-terminated. */
#define FC_ID_SIZE 24

typedef struct fc_claim {
    /* stable: "c" and 16 hex digits, a 64-bit hash of the document path, the
     * sentence's text and the claim's own text (docs/claim-record.md, "Ids"):
     * an edit elsewhere in the document keeps it */
    char id[FC_ID_SIZE];
    size_t doc;        /* index of the input (document) in its corpus */
    size_t start, end; /* byte span of the quantity expression, end exclusive */
    size_t sentence;   /* index of its sentence in the document, from 0 */
    size_t sentence_start, sentence_end; /* byte span of that sentence */
    double value;      /* the number as stated, scaled ("1.1 million" = 1100000) */
    double low, high;  /* the interval the wording implies; +-INFINITY = unbounded */
    fc_qualifier qualifier;
    fc_unit unit;
    char currency[4]; /* ISO 4217 code when unit is currency, else "" */
    fc_per per;
    fc_modality modality;
    fc_role role;
    fc_direction direction; /* for changes and comparisons; FC_DIR_NONE otherwise */
    double from;            /* a change's earlier level when the sentence states it
                               ("down 3 points from 49%": 49), else NAN */
    double to;              /* a change's new level when the sentence states it
                               ("fell 15% to 340": 340), else NAN */
    char *subject;     /* what is counted ("undocumented Koreans"); NULL if unknown */
    char *attribution; /* who says so; NULL = the outlet itself */
    char *measure;     /* canonical key from the rules; NULL when none matched */
    char *key;         /* what the figure measures, inferred from its clause: terms
                          "t:thing u:unit-noun m:modifier o:object e:event p:place
                          n:name s:scope w:word", space-separated (docs/claim-record.md);
                          NULL for changes and when nothing was found */
    /* id of the whole this is a part of ("five of those stores"), or "" */
    char part_of[FC_ID_SIZE];
    char *period;      /* the time the claim is about, as "YYYY", "YYYY-MM" or
                          "YYYY-MM-DD"; NULL when the text does not say */
    /* The unit by its normalised name ("kilogram", "mile per hour", "degree
     * Celsius", "decade", "percent"; a currency's ISO code), or "" for a plain
     * count; and the value in the base unit of its dimension (base_unit:
     * "metre", "kilogram", "second", "byte" ...; base_value NAN and base_unit ""
     * when the unit has no dimension the rules know). */
    char unit_name[48];
    char base_unit[48];
    double base_value;
} fc_claim;

/* A growable list of claims; owns the claims' strings. Zero-initialise before use. */
typedef struct fc_claims {
    fc_claim *items;
    size_t n, cap;
} fc_claims;

/* Appends a copy of *claim, taking ownership of its strings. FC_ENOMEM on failure
 * (the claim's strings are then freed). */
FC_API fc_status fc_claims_push(fc_claims *list, fc_claim *claim);

/* Frees every claim's strings and the array; leaves the list empty. */
FC_API void fc_claims_clear(fc_claims *list);

/* Names used in reports and JSON ("approximately", "percentage_point", "day", ...). */
FC_API const char *fc_qualifier_name(fc_qualifier q);
FC_API const char *fc_unit_name(fc_unit u);
FC_API const char *fc_per_name(fc_per p); /* NULL for FC_PER_NONE */
FC_API const char *fc_modality_name(fc_modality m);
FC_API const char *fc_role_name(fc_role r);
FC_API const char *fc_direction_name(fc_direction d); /* NULL for FC_DIR_NONE */

#ifdef __cplusplus
}
#endif
#endif
