/* extract_internal.h - what the extractor's modules share (private): the
 * per-document state and the token and phrase helpers of extract.c, used by
 * extract_key.c (the inferred key of a claim). */
#ifndef FC_EXTRACT_INTERNAL_H
#define FC_EXTRACT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "factcheck/extract.h"
#include "lex.h"
#include "rules_internal.h"
#include "util.h"

/* The phrase look-ups run for most tokens of every sentence: always inlined, so a
 * token that starts no phrase costs one bit test where it is asked about. */
#if defined(__GNUC__)
#define FC_HOT static inline __attribute__((always_inline))
#else
#define FC_HOT static inline
#endif

typedef struct span {
    size_t from, to; /* token indices, to exclusive */
} span;

enum { FC_MEMO_OTHER_NUMBER_KNOWN = 1 << 6, FC_MEMO_OTHER_NUMBER = 1 << 7 };

/* A source a sentence named, kept for the sentences after it (extract_source.c). */
typedef struct fc_named {
    char *written;      /* as the sentence wrote it ("the agency", "MEPA", "Natarajan") */
    size_t before;      /* where its sentence starts: its name is looked up before that */
    size_t paragraph;   /* the number of its paragraph */
    char *resolved;     /* the name it stands for (fc_resolve_source), once done */
    bool done;          /* resolved is known */
    bool common;        /* a common noun standing for no name found ("analysts") */
    signed char person; /* once done: 1 a person's name, 0 an organisation's, -1 not
                           yet known */
} fc_named;

#define FC_RECENT_SOURCES 8
#define FC_PERIOD_TOKS 48
#define FC_SEEN_FEW 16

typedef struct ctx {
    const fc_rules *r;
    const fc_doc *doc;
    const char *text;
    fc_toks toks;
    uint32_t *word; /* per token: its number in the rules' vocabulary (fc_vocab_find) */
    /* Per token: the answers of word tests asked again by every claim near the
     * token, each a pair of bits (known, yes): extract_key.c's bits 2-5, and
     * FC_MEMO_OTHER_NUMBER_KNOWN and FC_MEMO_OTHER_NUMBER. */
    unsigned char *memo;
    /* The vocabulary numbers of the words that break a clause (extract_key.c). */
    uint32_t w_as, w_and, w_but, w_while, w_whereas, w_although;
    /* ... and of words asked about at most tokens ("a", "an", "among"); a word
     * the rules do not have is r->vocab.n, and is then compared by its text. */
    uint32_t w_a, w_an, w_among;
    /* Bit w set when word w may start a quantity: the keys of the number word,
     * vague quantity, multiplier and fraction lists together, so that most
     * words are rejected in one test. */
    uint64_t *quantity_words;
    bool articles_in_bits; /* "a" and "an" are in quantity_words */
    bool key_partial;      /* the sentence gives a partial count ("with 82% of
                              precincts reporting"): its keys get the scope
                              "partial" (fc_key_sentence) */
    struct {
        size_t from, to; /* the last run of tokens in_link looked at */
        bool link;       /* and whether it is a URL or an e-mail address */
    } run;
    struct {
        bool known;   /* at and start below are of the current block: */
        size_t at;    /* the last token in_furniture looked at */
        size_t start; /* and its line's first token; SIZE_MAX: more than 40 tokens before */
    } line;
    size_t doc_index;
    uint64_t path_hash; /* fc_hash64 of doc->path, the start of every claim id */
    span sent;         /* the current sentence */
    uint64_t sent_words[8]; /* a Bloom filter of its words' hashes (sent_has),
                               filled by fc_key_sentence */
    span prev_sent;    /* the sentence before it in the block; from == to: none */
    size_t sent_first; /* the index in out of its first claim */
    bool sent_seeded;  /* sent_seed is known (on the sentence's first claim): */
    uint64_t sent_seed; /* the seed of its claims' ids (fc_claim_sentence_seed) */
    /* The sentences with claims seen so far in the document, by the hash of
     * their words (open addressing, 0: a free slot), and how many of each; the
     * first FC_SEEN_FEW are kept in few_keys and few_counts, in order, until
     * there are more (most documents have no more, and allocate nothing). */
    struct {
        uint64_t *keys;
        size_t *counts;
        size_t n, cap; /* cap 0: all n are in few_keys */
        uint64_t few_keys[FC_SEEN_FEW];
        size_t few_counts[FC_SEEN_FEW];
    } seen;
    size_t sentence;   /* its index in the document */
    bool any_sentence; /* a sentence was read before this one */
    bool have_pub;     /* the document's publication date is known: */
    long pub;          /* its day number (date.h) */
    /* The period of the document's last claim that had one, and of its last
     * claim of one whole year ("2024"): what "over the same quarter" and "for
     * the year" refer to. */
    char last_period[40], year_period[8];
    /* The name the document's first sentence opens with after "The" ("The
     * Delmont County Fair, which ran ...", "The Kessling River Otters drew"),
     * of two words or more: what the story is about; "" when none. */
    char lead_name[48];
    /* The document's language (front matter) writes "6,3" for 6.3. */
    bool decimal_comma;
    fc_claims *out;
    /* Matches of the rules' patterns in the current block, by start. */
    struct pmatch *matches;
    size_t nmatches, cap_matches, next_match;
    /* What is known of the current sentence, computed on its first claim. */
    struct {
        bool done;
        size_t attr_from, attr_to;              /* the attribution's tokens; from == to: none */
        const char *source;                     /* the attribution resolved across the
                                                   document (fc_source_sentence), or
                                                   NULL; owned by sources */
        size_t clause_at;                       /* where a second clause with a source of
                                                   its own begins ("..., while Dunmore
                                                   Capital expected $301 million"); 0: none */
        const char *clause_source;              /* and that source; owned by sources */
        bool cues_done;                         /* poll and estimate below are known */
        const struct fc_entry *poll, *estimate; /* cues anywhere in the sentence, */
        size_t poll_at, estimate_at;            /* and where */
        size_t cue_first;     /* the first token that may start a cue; sent.to: none */
        size_t cue_after_end; /* one past the last that may start a cue written after
                                 its figure (modality_cues_after); 0: none */
        unsigned char *context; /* per measure: 0 unknown, 1 context absent, 2 present */
    } about;
    /* Sentences of the current paragraph with no claim, read for their sources
     * only when a later sentence of the paragraph needs them (extract.c). */
    span pending[8];
    size_t npending;
    /* The latest sources named in the document, a ring (extract_source.c). */
    struct {
        fc_named recent[FC_RECENT_SOURCES];
        size_t n;         /* how many were named in all; the latest is recent[(n-1) % size] */
        size_t floor;     /* the first not cut off from later sentences by a change of topic */
        size_t paragraph; /* the current paragraph's number */
        bool started;     /* para_claim is known */
        size_t para_claim; /* the index in out of the paragraph's first claim (after a
                              change of topic: of the first claim after it) */
        size_t para_named; /* sources.n when the paragraph began */
        char *text_org;     /* the latest organisation's name in the text read up to */
        size_t text_org_to; /* this offset (org_in_text) */
    } sources;
    /* Bit w set when word w may hang an attribution: the keys of attr_before,
     * attr_after and attr_nouns together (extract.c's attribution_span); freed
     * with the sources. */
    uint64_t *attr_words;
    /* The answers of is_proper (extract_key.c) for this document. */
    struct {
        uint32_t hash[64];
        bool yes[64];
        size_t n;
    } proper;
    /* The tokens of the current sentence that may start a period, in order,
     * with their periods once read (find_period): built on the sentence's first
     * claim, kept while the sentence is; a sentence with more such tokens than
     * fit is read token by token. */
    struct {
        size_t at;    /* 1 + the offset of the sentence's first token; 0: none */
        size_t ntoks; /* and its length in tokens */
        size_t n;     /* the tokens; FC_PERIOD_TOKS + 1: too many */
        size_t maybe_lo, maybe_hi; /* the first of them that may be a period (no
                                      number but a year or a relative period's
                                      word), and one past the last; lo >= hi: none */
        size_t tok[FC_PERIOD_TOKS];
        signed char known[FC_PERIOD_TOKS]; /* 0 not read, -1 no period, 1 text */
        char text[FC_PERIOD_TOKS][40];
    } periods;
    /* The token spans of the current sentence's claims, in claim order. */
    struct fc_claim_toks *spans;
    size_t nspans, cap_spans;
} ctx;

FC_HOT const fc_tok *tok(const ctx *c, size_t i)
{
    return &c->toks.items[i];
}

FC_HOT bool is_punct(const ctx *c, size_t i, const char *s)
{
    return i < c->sent.to && tok(c, i)->kind == FC_TOK_PUNCT && fc_tok_eq(c->text, tok(c, i), s);
}

FC_HOT bool is_word(const ctx *c, size_t i, const char *lower)
{
    return i < c->sent.to && tok(c, i)->kind == FC_TOK_WORD && fc_tok_eq(c->text, tok(c, i), lower);
}

/* The filter's two bits of a word hash. */
FC_HOT void bloom_bits(uint32_t h, unsigned *a, unsigned *b)
{
    *a = h & 511u;
    *b = (h >> 9) & 511u;
}

/* Whether the current sentence may have the word lower (no false "no"): one
 * hash and two bit tests, so a search of the sentence for a cue word is run
 * only where the word may be. Valid in fc_key_sentence. */
static inline bool sent_has(const ctx *c, const char *lower)
{
    unsigned a, b;
    bloom_bits(fc_lower_hash(lower, strlen(lower)), &a, &b);
    return (c->sent_words[a >> 6] >> (a & 63) & 1) && (c->sent_words[b >> 6] >> (b & 63) & 1);
}

/* is_word for a word whose vocabulary number (w) was looked up once per
 * document: one integer compare when the rules have the word. */
FC_HOT bool is_word_n(const ctx *c, size_t i, uint32_t w, const char *lower)
{
    if (w < c->r->vocab.n)
        return i < c->sent.to && c->word[i] == w;
    return is_word(c, i, lower);
}

/* Whether token i is a determiner ("the", "its", "those", "a", "all"). */
static inline bool is_determiner(const ctx *c, size_t i)
{
    static const char *const words[] = {"the", "its", "their", "his", "her", "our", "this",
                                        "that", "these", "those", "a", "an", "all"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (is_word(c, i, words[k]))
            return true;
    return false;
}

/* Token i follows token i-1 with no space between. */
FC_HOT bool glued(const ctx *c, size_t i)
{
    return i > 0 && i < c->toks.n && !tok(c, i)->space_before;
}

/* ---- phrase matching ---------------------------------------------------- */

/* Whether phrase p matches the tokens starting at i (ending before hi). */
FC_HOT bool match_at(const ctx *c, const fc_phrase *p, size_t i, size_t hi)
{
    if (i + p->ntok > hi)
        return false;
    for (size_t k = 0; k < p->ntok; k++)
        if (c->word[i + k] != p->word[k])
            return false;
    return true;
}

/* The longest phrase of an indexed list starting at token i and ending by hi
 * (before: ending just before token i and starting at or after lo); items are
 * phrases of size stride from base. NULL when none. The first listed wins a tie:
 * buckets hold the longer phrases first and equally long ones in list order, so
 * the first match is the one. */
static inline const fc_phrase *bucket_lookup(const ctx *c, const fc_index *ix, const void *base,
                                      size_t stride, size_t i, bool before, size_t lo, size_t hi)
{
    uint32_t b = c->word[before ? i - 1 : i] & ix->mask;
    for (uint32_t k = ix->start[b]; k < ix->start[b + 1]; k++) {
        const fc_phrase *p = (const fc_phrase *)((const char *)base + ix->item[k] * stride);
        if (before ? i >= lo + p->ntok && match_at(c, p, i - p->ntok, i) : match_at(c, p, i, hi))
            return p;
    }
    return NULL;
}

/* The longest phrase of an indexed list matching at token i within the sentence
 * (before: ending just before i). Most tokens are the key of no phrase, and one
 * bit test of the index says so before any phrase is looked at. */
FC_HOT const fc_phrase *lookup(const ctx *c, const fc_index *ix, const void *base,
                                      size_t stride, size_t i, bool before)
{
    if (before ? i <= c->sent.from : i >= c->sent.to)
        return NULL;
    if (!fc_index_has(ix, c->word[before ? i - 1 : i]))
        return NULL;
    return bucket_lookup(c, ix, base, stride, i, before, c->sent.from, c->sent.to);
}

_Static_assert(offsetof(fc_entry, phrase) == 0, "an fc_entry starts with its phrase");

/* The longest entry matching at i, or NULL. */
FC_HOT const fc_entry *entry_at(const ctx *c, const fc_entries *e, size_t i)
{
    return (const fc_entry *)lookup(c, &e->first, e->items, sizeof *e->items, i, false);
}

/* The longest entry ending just before i, or NULL. */
FC_HOT const fc_entry *entry_before(const ctx *c, const fc_entries *e, size_t i)
{
    return (const fc_entry *)lookup(c, &e->last, e->items, sizeof *e->items, i, true);
}

/* Whether a phrase of l ends just before token i. */
FC_HOT bool list_before(const ctx *c, const fc_phrase_list *l, size_t i)
{
    return lookup(c, &l->last, l->items, sizeof *l->items, i, true) != NULL;
}

/* The length in tokens of the longest phrase of l at i; 0 when none. */
FC_HOT size_t list_at(const ctx *c, const fc_phrase_list *l, size_t i)
{
    const fc_phrase *p = lookup(c, &l->first, l->items, sizeof *l->items, i, false);
    return p ? p->ntok : 0;
}

/* Whether any phrase of l occurs in tokens [from, to). */
static inline bool list_in(const ctx *c, const fc_phrase_list *l, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (fc_index_has(&l->first, c->word[i]) &&
            bucket_lookup(c, &l->first, l->items, sizeof *l->items, i, false, from, to))
            return true;
    return false;
}

/* The token spans of a claim built from tokens, kept for its sentence until the
 * sentence's keys are computed (extract_key.c). */
typedef struct fc_claim_toks {
    size_t start, end;         /* the quantity expression */
    size_t subj_from, subj_to; /* the counted noun; from == to: none */
} fc_claim_toks;

/* The event the words at token i name ("taken into custody" -> "arrest"), from
 * the rules' grouping events; NULL when none. */
const char *fc_key_event_at(const ctx *c, size_t i);

/* Computes the inferred key (fc_claim.key) of the sentence's claims
 * out->items[first ..], whose token spans are spans[0 ..]. Errors: FC_ENOMEM. */
fc_status fc_key_sentence(ctx *c, size_t first, const fc_claim_toks *spans);

/* Reads the relations between the sentence's claims out->items[first ..], whose
 * token spans are c->spans: a change's level and earlier level, parts and their
 * whole, shares and ratios of figures (extract_relate.c). */
void link_sentence(ctx *c, size_t first);

/* Links a part written as one ("five of those stores", "260 of the deaths",
 * "12 of them") to its whole among the claims read before it (part_of). */
void link_whole(ctx *c, fc_claim *cl);
/* "put $3.9 million of it toward ...": an amount of "it" or "that" is part of the
 * amount of its currency given last, in its sentence or the one before. */
void link_money_whole(ctx *c, fc_claim *cl);

/* Looks up the words fc_key_sentence asks about by number (once a document). */
void fc_key_words(ctx *c);

/* The source an attribution written in the sentence refers to, by the name the
 * text before offset `before` introduced it with ("MEPA" -> "Midland
 * Environmental Protection Agency", "the agency", "Natarajan" -> "Priya
 * Natarajan"); NULL when it is written in full or nothing is found
 * (extract_source.c). */
char *fc_resolve_source(const ctx *c, const char *attr, size_t before);

/* Sets c->about.source for the current sentence from the attribution it writes
 * (`written`, taken over; NULL when it names none) and the sources named before
 * it: pronouns ("she said"), common nouns ("officials", "the report found"), a
 * paragraph's source for its later sentences until a change of topic. With
 * resolve false (a sentence with no claim) the source is only noted, and looked
 * up when a later sentence needs it. Errors: FC_ENOMEM. */
fc_status fc_source_sentence(ctx *c, char *written, bool resolve);

/* The source of a second clause that names its own (`written`, taken over),
 * noted as the latest source; NULL on no memory. */
const char *fc_source_clause(ctx *c, char *written);

/* Frees the sources noted for the document (and attr_words). */
void fc_sources_free(ctx *c);

#endif
