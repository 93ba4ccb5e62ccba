/* rules_internal.h - the loaded form of rule files, read by the extractor and
 * the checks (private). Every phrase is stored as lowercased tokens produced by
 * the same tokenizer that reads documents (lex.h). */
#ifndef FC_RULES_INTERNAL_H
#define FC_RULES_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "check_table.h"
#include "dataset.h"
#include "factcheck/check.h"
#include "factcheck/claim.h"
#include "factcheck/rules.h"

typedef struct fc_phrase {
    char *text;     /* as written in the rule file */
    char **tok;     /* lowercased tokens */
    uint32_t *word; /* each token's number in the rules' vocabulary (fc_vocab) */
    size_t ntok;
} fc_phrase;

/* The rules' vocabulary: every distinct token of every phrase, lowercased and
 * numbered from 0. A document token is looked up once (fc_vocab_find), and
 * phrases are matched by comparing these numbers, one integer per token. */
typedef struct fc_vocab {
    struct fc_word {
        char *text; /* lowercased; NULL: an empty slot */
        size_t len;
        uint32_t hash; /* fc_lower_hash (lex.h) */
        uint32_t id;
        uint64_t head; /* text's first 8 bytes, zero after its end (fc_vocab_head) */
    } *slots; /* open addressing, linear probing; a power of two of them */
    uint32_t mask;
    uint32_t n; /* words; a token in no phrase is given the number n */
} fc_vocab;

/* The slot of a table of mask + 1 slots where the probe for a word of hash
 * `hash` starts. The low bits of an FNV-1a hash depend only on the low bits of
 * each byte, so the high half is folded in: words spread over the table and
 * probes stay short. */
static inline uint32_t fc_vocab_home(uint32_t hash, uint32_t mask)
{
    return (hash ^ hash >> 16) & mask;
}

/* The number of the lowercased token tok[0, len) (hash: its fc_lower_hash),
 * adding it when new. Errors: FC_ENOMEM. */
fc_status fc_vocab_add(fc_vocab *v, const char *tok, size_t len, uint32_t hash, uint32_t *id);

/* The 8 bytes at s (all readable) with those from len (at most 8) on zeroed:
 * a word of up to 8 bytes compared as one integer. The mask is read from
 * bytes, so the byte order of the machine does not matter. */
static inline uint64_t fc_vocab_head(const char *s, size_t len)
{
    static const unsigned char ones[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    uint64_t x, mask;
    memcpy(&x, s, 8);
    memcpy(&mask, ones + 8 - len, 8); /* len bytes of 0xFF, then zeros */
    return x & mask;
}

/* The number of the token text[0, len) (ASCII case-insensitive; hash: its
 * fc_lower_hash), or v->n when no phrase has it. readable: the bytes that may
 * be read from text (at least len); with 8 of them, a word of up to 8 bytes
 * written in lowercase is compared in one load. */
static inline uint32_t fc_vocab_find_in(const fc_vocab *v, const char *text, size_t len,
                                        uint32_t hash, size_t readable)
{
    if (!v->slots)
        return v->n;
    for (uint32_t b = fc_vocab_home(hash, v->mask);; b = (b + 1) & v->mask) {
        const struct fc_word *w = &v->slots[b];
        if (!w->text)
            return v->n;
        if (w->hash != hash || w->len != len)
            continue;
        /* Most tokens are written in lowercase: one comparison, without the
         * byte-by-byte loop's unpredictable exit. */
        if (len <= 8 && readable >= 8 ? fc_vocab_head(text, len) == w->head
                                      : memcmp(text, w->text, len) == 0)
            return w->id;
        size_t k = 0;
        while (k < len) {
            unsigned char ch = (unsigned char)text[k];
            if (ch >= 'A' && ch <= 'Z')
                ch = (unsigned char)(ch - 'A' + 'a');
            if (ch != (unsigned char)w->text[k])
                break;
            k++;
        }
        if (k == len)
            return w->id;
    }
}

/* fc_vocab_find_in with only the token's bytes readable. */
static inline uint32_t fc_vocab_find(const fc_vocab *v, const char *text, size_t len,
                                     uint32_t hash)
{
    return fc_vocab_find_in(v, text, len, hash, len);
}

void fc_vocab_free(fc_vocab *v);

/* Phrases bucketed by the number of their first (or last) token, so a lookup at
 * a token looks only at the phrases that can match there. Bucket b holds the item
 * indices item[start[b] .. start[b + 1]), the longer phrases first and equally
 * long ones in list order. */
typedef struct fc_index {
    uint64_t *keys; /* bit w set when word w is a key: one bit test rejects a
                       token that starts (ends) no phrase of the list */
    uint32_t mask;
    uint32_t *start;
    uint32_t *item;
} fc_index;

/* Whether word w (a number from fc_vocab_find) is a key of ix. */
static inline bool fc_index_has(const fc_index *ix, uint32_t w)
{
    return ix->keys[w / 64] >> (w % 64) & 1;
}

typedef struct fc_phrase_list {
    fc_phrase *items;
    size_t n;
    fc_index first, last;
} fc_phrase_list;

/* A phrase with what it means; which fields are used depends on the list. */
typedef struct fc_entry {
    fc_phrase phrase;
    double value;                    /* number, scale, fraction words and multipliers: the value;
                                        months: 1..12 */
    double low, high;                /* vague quantities ("hundreds"): the interval */
    double tolerance;                /* hedges: relative half-width (approximately, nearly) */
    double points;                   /* hedges: the half-width on a percentage, in points (0:
                                        the relative one, bounded to 0..100) */
    int kind;                        /* hedges: fc_qualifier; units: fc_unit; rates: fc_per;
                                        modality cues: fc_modality; multipliers: fc_direction */
    int modality;                    /* hedges: the modality the hedge implies, or -1 */
    char code[4];                    /* currencies: ISO 4217 code */
    bool symbol;                     /* currencies: written before the number ("$") */
    struct fc_phrase_list *requires; /* units: one of these must be in the sentence */
    /* units: the normalised name, and the base unit of its dimension with
     * base value = value * factor + offset (offset: temperatures; not applied to
     * a change); glued: only read glued to the number ("30g", "3-8W");
     * cased: a symbol read only as written ("mA", "MeV", "K"); a glued one
     * that is cased is read spaced too ("200 g", "6.5 m", "4.2 K") */
    char *name, *base;
    double factor, offset;
    bool glued, cased;
    bool after; /* hedges: written after the number ("or more") */
} fc_entry;

typedef struct fc_entries {
    fc_entry *items;
    size_t n;
    fc_index first, last;
} fc_entries;

/* Builds l->first and l->last (the phrase of item i is at base + i * stride)
 * over a vocabulary of nwords words. Errors: FC_ENOMEM. */
fc_status fc_index_build(fc_index *first, fc_index *last, const void *base, size_t n,
                         size_t stride, uint32_t nwords);
void fc_index_free(fc_index *ix);

/* How a period phrase relates to the publication date. */
typedef enum fc_period_kind {
    FC_PERIOD_AT,    /* "in March": the named month or year */
    FC_PERIOD_SINCE, /* "since January": from then to publication */
    FC_PERIOD_LAST_WEEK,
    FC_PERIOD_LAST_MONTH,
    FC_PERIOD_LAST_YEAR,
    FC_PERIOD_THIS_WEEK,
    FC_PERIOD_THIS_MONTH,
    FC_PERIOD_THIS_YEAR,
    FC_PERIOD_PAST_WEEK,
    FC_PERIOD_PAST_MONTH,
    FC_PERIOD_PAST_YEAR,
    FC_PERIOD_YESTERDAY,
    FC_PERIOD_TODAY,
    /* "the third quarter": of the publication's year, or of the year before
     * when it had not begun by publication */
    FC_PERIOD_FIRST_QUARTER,
    FC_PERIOD_SECOND_QUARTER,
    FC_PERIOD_THIRD_QUARTER,
    FC_PERIOD_FOURTH_QUARTER,
    /* "the first half of the year": January to June, of the publication's year
     * or of the year before when it had not begun by publication */
    FC_PERIOD_FIRST_HALF,
    FC_PERIOD_SECOND_HALF,
    /* "last fiscal year": fiscal years end in the month periods.fiscal_year_ends */
    FC_PERIOD_LAST_FISCAL_YEAR,
    FC_PERIOD_THIS_FISCAL_YEAR,
    FC_PERIOD_NEXT_FISCAL_YEAR,
    FC_PERIOD_NEXT_WEEK,
    FC_PERIOD_NEXT_MONTH,
    FC_PERIOD_NEXT_YEAR,
    /* seasons, read for the northern hemisphere (winter is December to
     * February, summer June to August): extract.c's season_text */
    FC_PERIOD_LAST_WINTER,
    FC_PERIOD_THIS_WINTER,
    FC_PERIOD_LAST_SUMMER,
    FC_PERIOD_THIS_SUMMER,
    /* spring March to May, fall September to November, read the same way */
    FC_PERIOD_LAST_SPRING,
    FC_PERIOD_THIS_SPRING,
    FC_PERIOD_LAST_FALL,
    FC_PERIOD_THIS_FALL
} fc_period_kind;

typedef struct fc_measure {
    char *key;
    char *description;
    fc_phrase_list subject;  /* any of these in the claim's subject; empty = any */
    fc_phrase_list *context; /* groups: each needs one phrase in the sentence */
    size_t ncontext;
    int unit;            /* fc_unit, or -1 for any */
    int per;             /* fc_per, or -1 for any */
    unsigned modalities; /* bit (1 << fc_modality); 0 = any */
    char *target_of;     /* for a measure of targets: the measure of the actual figures */
} fc_measure;

/* A custom claim shape from a rule file: a regular expression (PCRE2) and what a
 * match means. The compiled code lives in pattern.c. */
typedef struct fc_pattern {
    char *id;
    char *regex;
    struct fc_regex *code; /* compiled, owned */
    int unit;              /* fc_unit */
    int per;               /* fc_per */
    int modality;          /* fc_modality */
    char *subject;         /* may be NULL */
    char *measure;         /* may be NULL */
} fc_pattern;

/* A subject alias: claims about `phrase` are about `canonical` ("migrants" ->
 * "undocumented immigrants") when matched against measures. */
typedef struct fc_alias {
    fc_phrase phrase;
    fc_phrase canonical;
} fc_alias;

/* Poll defaults per pollster, said as an assumption when a check uses them. */
typedef struct fc_pollster {
    char *name;
    double sample_size;
} fc_pollster;

/* How claims with no rule measure are grouped by their inferred keys (group.c,
 * extract_key.c): the word lists the key is built from, the weight of each kind
 * of term and the similarity two keys need to be compared. */
typedef enum fc_term_kind {
    FC_TERM_THING,    /* t: the counted thing */
    FC_TERM_UNIT,     /* u: a measure noun ("tons" of wheat) */
    FC_TERM_MODIFIER, /* m: words that narrow the thing ("Korean" workers) */
    FC_TERM_OBJECT,   /* o: what an event is of or for ("approval of the budget") */
    FC_TERM_EVENT,    /* e: what happened to it (detained, hired) */
    FC_TERM_PLACE,    /* p: places named in the clause, the most specific first */
    FC_TERM_NAME,     /* n: other names (organisations, people) */
    FC_TERM_SCOPE,    /* s: scope words ("statewide", "among independents") */
    FC_TERM_WORD,     /* w: other words of the clause */
    FC_NTERM_KINDS
} fc_term_kind;

typedef struct fc_grouping {
    double similarity;              /* the threshold, 0..1 */
    double weight[FC_NTERM_KINDS];  /* per term kind */
    fc_entries events;              /* word -> event (value: index into concepts) */
    fc_entries things;              /* word -> thing (synonyms: "houses" -> home) */
    fc_entries scopes;              /* phrase -> scope ("statewide" -> state) */
    fc_entries scope_subjects;      /* a scope noun as a clause's subject ("the state
                                       recorded ...") -> scope */
    char **concepts;                /* the canonical names the entries above lead to */
    size_t nconcepts;
    fc_phrase_list person_nouns;    /* counted people: "workers", "residents" */
    fc_phrase_list generic_persons; /* "people", "persons": people with no modifier */
    fc_phrase_list measure_nouns;   /* "tons", "barrels", "doses": the thing follows "of" */
    fc_phrase_list neutral_words;   /* words that never tell figures apart ("confirmed") */
    fc_phrase_list place_preps;     /* "in", "near", "across": a name after one is a place */
    fc_phrase_list place_nouns;     /* "County", "City": a name before one is a place */
    fc_phrase_list places;          /* known place names ("Texas", "Ohio") */
    fc_phrase_list place_labels;    /* "Ward", "District": with a number, a place ("Ward 3") */
    fc_phrase_list owner_nouns;     /* "program", "department": after a possessive scope
                                       ("the state's weatherization program"), the scope
                                       owns the agent, not the figure */
    /* Per vocabulary word (fc_vocab numbers, one more for a word in no phrase):
     * FC_WORD_SKIP when it is a whole one-word phrase of a list whose words say
     * nothing of what is measured (stop words, hedges, change and reporting
     * verbs, units ...), FC_WORD_CONCEPT when a phrase of the events, things or
     * scopes starts with it; built once, so a key reads most words in one look. */
    unsigned char *word_class;
} fc_grouping;

/* Words the extractor asks about at nearly every token, by their vocabulary
 * numbers (vocab.n when no phrase has the word): looked up once per rule set. */
#define FC_FIXED_WORDS(X)                                                                          \
    X(as) X(and) X(but) X(while) X(whereas) X(although) X(a) X(an) X(among) X(is) X(was)          \
        X(number) X(code) X(isbn) X(patent) X(id) X(build) X(version) X(between)
enum {
#define FC_FIXED_ENUM(w) FC_W_##w,
    FC_FIXED_WORDS(FC_FIXED_ENUM) FC_NFIXED
#undef FC_FIXED_ENUM
};

#define FC_WORD_SKIP 1u
#define FC_WORD_CONCEPT 2u

/* The merged rule tree, where each entry came from, and the files: what the
 * listing and error positions in merged trees need (rules.c). */
typedef struct fc_rules_info fc_rules_info;

/* Writes "file:line:col" of the entry named key ("$.aliases.x", "$.hedges/about")
 * to buf; false when unknown. */
bool fc_rules_info_origin(const fc_rules_info *info, const char *key, char *buf, size_t n);
/* For a member of a list entry: key names the entry ("$.measures/a.b"), list is
 * the list's path ("$.measures") and member the entry's field ("target_of").
 * Writes "file:line:col" of the member's value to where and its JSON path in
 * that file ("$.measures[2].target_of") to at; false when unknown. */
bool fc_rules_info_member_origin(const fc_rules_info *info, const char *key, const char *list,
                                 const char *member, char *where, size_t nwhere, char *at,
                                 size_t nat);
void fc_rules_info_free(fc_rules_info *info);

struct fc_rules {
    char *source;        /* the files the rules came from, comma-separated */
    fc_vocab vocab;      /* the tokens of every phrase below */
    uint32_t fixed[FC_NFIXED]; /* FC_FIXED_WORDS' numbers in vocab */
    fc_rules_info *info; /* for fc_rules_write_listing; owned */
    fc_entries hedges, number_words, scale_words, vague_quantities, fractions, multipliers, units,
        currencies, rates, period_preps, relative_periods, modality_cues, modality_cues_after,
        months;
    fc_phrase_list attr_before, attr_after, attr_nouns, attr_clause_ends, attr_titles;
    fc_phrase_list clause_breaks;
    fc_phrase_list up_before, up_after, down_before, down_after, change_from, not_changes,
        change_verbs, up_by, down_by;
    fc_phrase_list subject_modifiers, plural_nouns;
    fc_phrase_list time_suffixes, temperature_suffixes, age_words, ordinal_suffixes;
    fc_phrase_list label_words, street_suffixes, furniture_lines, age_before, lowercase_labels,
        special_numbers, day_names, time_references, age_events;
    fc_phrase_list future_cues; /* periods: "starts July 1" is the next July 1 */
    int fiscal_end;             /* periods: the month (1-12) a fiscal year ends in */
    fc_phrase_list abbreviations, stop_words;
    fc_measure *measures;
    size_t nmeasures;
    fc_alias *aliases;
    size_t naliases;
    fc_pattern *patterns;
    size_t npatterns;
    fc_pollster *pollsters;
    size_t npollsters;
    char **datasets; /* reference dataset files, as the rule files name them */
    size_t ndatasets;
    char **events; /* dated events ("the inauguration") for the date check, likewise */
    size_t nevents;
    /* Both read when the rules are built (a file that cannot be read is an error
     * of the rule file naming it), so running the checks reads no file. */
    fc_dataset refs;
    fc_events event_rows;
    /* Which checks run (check_table.h), and cross_source's settings. */
    bool check_on[FC_NCHECKS];
    struct {
        fc_severity severity;
        double tolerance; /* relative slack added to each interval before comparing */
    } cross_source;
    fc_grouping grouping;
};

/* ---- between rules.c (files, layers, merging) and rules_load.c (validation
 * and compilation of one tree) ---- */

struct cJSON;
struct fc_jsonpos;

/* Where a tree came from, for error positions: one file (path, text, pos), or a
 * merged tree (path NULL, info). */
typedef struct fc_rules_source {
    const char *path;             /* the file, or NULL for a merged tree */
    const char *text;             /* its JSON text */
    const struct fc_jsonpos *pos; /* positions in text */
    const fc_rules_info *info;    /* merged trees: where each entry came from */
    bool partial; /* one file checked on its own, before it is merged: names of
                   * measures in other layers cannot be resolved yet */
} fc_rules_source;

/* Validates a rule tree and compiles it into new rules. Errors: FC_ERULES with
 * diag set to "file:line:col: message", FC_ENOMEM. Nothing is returned on error. */
fc_status fc_rules_compile(const struct cJSON *root, const fc_rules_source *src, fc_rules **out,
                           fc_diag *diag);

#endif
