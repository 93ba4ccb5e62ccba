/* extract_key.c - what a figure measures, inferred from its own clause.
 *
 * Every claim of a sentence gets a key (fc_claim.key): typed terms, each a
 * lowercased word stem, that say what is counted and where, so that figures
 * from different documents can be compared without a rule naming the measure
 * (group.c decides which keys agree). The words looked at are the claim's
 * clause: from the end of the figure before it (or the last clause break) to
 * the start of the figure after it (or the next clause break after its counted
 * noun). Every word list comes from the rules' "grouping" section.
 *
 *   t: the counted thing: the head of the counted noun ("homes", "cases";
 *      people are "person", the kind of person a modifier: "Korean workers" ->
 *      t:person m:korean m:worker); after a measure noun, what follows "of"
 *      ("tons of wheat" -> u:ton t:wheat); a synonym's canonical word
 *   u: a measure noun or unit ("tons", "acres", "doses")
 *   m: words before the head ("measles cases", "new cases"), and what follows
 *      "of" ("cases of measles")
 *   e: events: words of the rules' event lists, anywhere in the clause
 *      ("detained", "arrests", "taken into custody" -> e:arrest)
 *   p: places: capitalised names after "in", "at", "near" ..., before "County",
 *      "City" ..., or in the rules' place list; the most specific first
 *   n: other capitalised names (organisations, people), not the source
 *   s: scope: "statewide", "nationwide", "in the county" ...; "among
 *      independents" -> s:among-independent; "under 18" -> s:under-18
 *   w: the other words of the clause (no stop words, hedges, change words,
 *      reporting verbs, months or numbers)
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "extract_internal.h"

#define MAX_TERMS 40

/* The terms found so far, and how many of each kind (the kinds' letters in
 * KINDS order), so that counting a kind is one look-up. */
#define KINDS "tumoepnsw"
typedef struct keyb {
    char terms[MAX_TERMS][48];
    uint32_t hash[MAX_TERMS];
    unsigned char len[MAX_TERMS];
    unsigned char kind[MAX_TERMS];       /* each term's kind, as its index in KINDS */
    unsigned char count[sizeof KINDS];
    size_t kind_bytes[sizeof KINDS];      /* each kind's terms' lengths added up */
    size_t n, bytes; /* terms, and their lengths added up */
} keyb;

/* Whether the word right before token i is a verb of cutting jobs ("will cut
 * 1,240 jobs", "would cost 1,420 jobs", "slashing 300 positions", "will cost 460
 * workers their jobs"). */
static bool loss_verb_before(const ctx *c, size_t i)
{
    static const char *const verbs[] = {"cut",       "cuts",       "cutting",   "slash",
                                        "slashes",   "slashed",    "slashing",  "eliminate",
                                        "eliminates", "eliminated", "eliminating", "cost",
                                        "costs",     "costing",    "shed",      "sheds",
                                        "shedding",  "axe",        "axed",      "axing"};
    if (i <= c->sent.from || tok(c, i - 1)->kind != FC_TOK_WORD)
        return false;
    /* every verb starts with c, s, e or a: most words are told in one test */
    char ch = (char)(c->text[tok(c, i - 1)->start] | 0x20);
    if (ch != 'c' && ch != 's' && ch != 'e' && ch != 'a')
        return false;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (is_word(c, i - 1, verbs[k]))
            return true;
    return false;
}

static size_t kind_index(char kind);
static void add(keyb *b, char kind, const char *word);

/* People or jobs lost, shed, cut or laid off are one event, a loss ("Brennock
 * lost 3,200 residents", "shed roughly 2,300 residents"; "shed 400 jobs", "400
 * jobs were eliminated"): the destruction and lay-off events read as "lose". */
/* ... and people or votes "finished" or "completed" nothing built ("17,842
 * runners finished the race", "She finished with 32,418 votes"): no event. */
/* Whether term i of b is `term` (its length first: most terms are told by it). */
static inline bool term_is(const keyb *b, size_t i, const char *term)
{
    size_t n = strlen(term);
    return b->len[i] == n && memcmp(b->terms[i], term, n) == 0;
}

/* Drops the terms `a` and `b2` (b2 may be NULL) from key b, keeping the
 * others in order; returns whether any was there. */
static bool drop_terms(keyb *b, const char *a, const char *b2)
{
    bool found = false;
    for (size_t i = 0; i < b->n && !found; i++)
        found = term_is(b, i, a) || (b2 && term_is(b, i, b2));
    if (!found)
        return false;
    keyb nb = {0}; /* about 2 KB */
    for (size_t i = 0; i < b->n; i++)
        if (!term_is(b, i, a) && !(b2 && term_is(b, i, b2)))
            add(&nb, b->terms[i][0], b->terms[i] + 2);
    *b = nb;
    return true;
}

static void merge_losses(const ctx *c, keyb *b, size_t figure)
{
    /* The merges need a thing, and an event or a verb of cutting jobs: most
     * keys lack one, and are done. */
    if (!b->count[kind_index('t')])
        return;
    bool verb_loss = loss_verb_before(c, figure);
    if (!b->count[kind_index('e')] && !b->count[kind_index('w')] && !verb_loss)
        return;
    bool people = false, loss = false, votes = false, vote = false, built = false, jobs = false,
         cut = false,
         their_jobs = false, person = false, close = false, other_event = false;
    /* (the terms looked for are of kinds t, e and w; a term's kind is its first
     * letter, so each is compared only with the terms of its own kind) */
    for (size_t i = 0; i < b->n; i++) {
        if (b->kind[i] == kind_index('t')) {
            bool is_person = term_is(b, i, "t:person"), is_job = term_is(b, i, "t:job");
            people = people || is_person || is_job;
            jobs = jobs || is_job;
            person = person || is_person;
            vote = vote || term_is(b, i, "t:vote");
            votes = votes || is_person || vote;
        } else if (b->kind[i] == kind_index('w')) {
            cut = cut || term_is(b, i, "w:cut") || term_is(b, i, "w:slash");
            their_jobs = their_jobs || term_is(b, i, "w:job");
        } else if (b->kind[i] == kind_index('e')) {
            bool is_close = term_is(b, i, "e:close"), is_layoff = term_is(b, i, "e:layoff"),
                 is_destroy = term_is(b, i, "e:destroy");
            close = close || is_close;
            other_event = other_event ||
                          (!is_close && !is_layoff && !is_destroy && !term_is(b, i, "e:lose"));
            loss = loss || is_destroy || is_layoff;
            built = built || term_is(b, i, "e:build");
        }
    }
    /* "cutting 720 jobs", "slashing 300 positions", "460 jobs cut" in a closure:
     * jobs cut are jobs lost;
     * "will cut 1,240 jobs", "will cost 1,420 jobs": so is a figure of jobs that
     * such a verb governs, whatever else its clause tells */
    bool cut_jobs = jobs && (((cut || close) && !other_event) || verb_loss);
    /* ... and "will cost 460 workers their jobs" */
    cut_jobs = cut_jobs || (person && their_jobs && verb_loss);
    if (!(people && loss) && !(votes && built) && !cut_jobs)
        return;
    keyb nb = {0}; /* about 2 KB */
    for (size_t i = 0; i < b->n; i++) {
        const char *t = b->terms[i];
        if (votes && strcmp(t, "e:build") == 0) {
            /* (people who finished a race or a course did that, no less an
             * event than signing up for it: "9,400 runners finished") */
            if (person && !vote)
                add(&nb, 'e', "finish");
            continue;
        }
        bool ev = people && (strcmp(t, "e:destroy") == 0 || strcmp(t, "e:layoff") == 0);
        if (cut_jobs && t[0] == 'e' && (verb_loss || strcmp(t, "e:close") == 0))
            continue; /* "will see 460 jobs cut" in a closure: the loss */
        add(&nb, t[0], ev ? "lose" : t + 2);
    }
    if (cut_jobs)
        add(&nb, 'e', "lose");
    *b = nb;
}

/* A tax, fee, fine or toll is one flow whoever it is told of: "the city
 * collected $3.72 million in sales tax" is what "shoppers paid" (the events
 * of paying and bringing in are dropped). */
static void tax_flow(keyb *b)
{
    bool tax = false, flow = false;
    for (size_t i = 0; i < b->n; i++) {
        tax = tax || term_is(b, i, "t:tax") || term_is(b, i, "t:fee") ||
              term_is(b, i, "t:fine") || term_is(b, i, "t:toll");
        flow = flow || term_is(b, i, "e:pay") || term_is(b, i, "e:raise");
    }
    if (tax && flow)
        drop_terms(b, "e:pay", "e:raise");
}

/* Money lost is a loss, whoever lost it: "the hospital lost $14.6 million on
 * operations" is what "its operating loss came to" (the thing "loss", not the
 * event of destroying that "lost" names for homes and lives). */
static void money_lost(const ctx *c, const fc_claim *cl, keyb *b, size_t figure)
{
    if (cl->unit != FC_UNIT_CURRENCY || figure <= c->sent.from ||
        !(is_word(c, figure - 1, "lost") || is_word(c, figure - 1, "lose") ||
          is_word(c, figure - 1, "loses") || is_word(c, figure - 1, "losing")))
        return;
    drop_terms(b, "e:destroy", "e:lose");
    add(b, 't', "loss");
}

/* The story's own outlet is no name of what it counts ("Court records reviewed
 * by Harlow Public Radio show 10,900 cases"): its name term is dropped. */
static void drop_outlet(const ctx *c, keyb *b)
{
    if (!c->doc || !c->doc->outlet || !b->count[kind_index('n')])
        return;
    char term[48] = "n:";
    size_t n = 2;
    for (const char *p = c->doc->outlet; *p && n + 1 < sizeof term; p++) {
        unsigned char ch = (unsigned char)*p;
        if (isalnum(ch))
            term[n++] = (char)tolower(ch);
        else if (n > 2 && term[n - 1] != '_')
            term[n++] = '_';
    }
    while (n > 2 && term[n - 1] == '_')
        n--;
    term[n] = '\0';
    drop_terms(b, term, NULL);
}

static size_t kind_index(char kind)
{
    switch (kind) {
    case 't': return 0;
    case 'u': return 1;
    case 'm': return 2;
    case 'o': return 3;
    case 'e': return 4;
    case 'p': return 5;
    case 'n': return 6;
    case 's': return 7;
    case 'w': return 8;
    default: return sizeof KINDS - 1;
    }
}

/* Whether token i is in no phrase of the rules: then no list can match at it,
 * and the key only needs its letters (most words of a clause are such). */
static inline bool unknown(const ctx *c, size_t i)
{
    return c->word[i] == c->r->vocab.n;
}

/* The memo of a word test at token i (ctx.memo): which is the bit of its
 * "known" flag, the bit above it the answer. */
enum { MEMO_SKIP = 2, MEMO_NAME = 4 }; /* bits 0 and 1 are free */

static inline bool memo_known(const ctx *c, size_t i, int which)
{
    return c->memo[i] >> which & 1;
}

static inline bool memo_answer(const ctx *c, size_t i, int which)
{
    return c->memo[i] >> (which + 1) & 1;
}

static inline bool memo_set(const ctx *c, size_t i, int which, bool yes)
{
    c->memo[i] |= (unsigned char)((1u | (unsigned)yes << 1) << which);
    return yes;
}

/* Adds "k:word" unless present. */
static void add(keyb *b, char kind, const char *word)
{
    if (!word[0] || b->n >= MAX_TERMS)
        return;
    char *t = b->terms[b->n];
    t[0] = kind;
    t[1] = ':';
    uint32_t h = 2166136261u;
    h = (h ^ (unsigned char)kind) * 16777619u;
    h = (h ^ (unsigned char)':') * 16777619u;
    size_t n = 0; /* the word's bytes, copied and hashed in one pass */
    for (; n < sizeof b->terms[0] - 3 && word[n]; n++) {
        t[2 + n] = word[n];
        h = (h ^ (unsigned char)word[n]) * 16777619u;
    }
    t[2 + n] = '\0';
    for (size_t i = 0; i < b->n; i++)
        if (b->hash[i] == h && b->len[i] == n + 2 && memcmp(b->terms[i], t, n + 2) == 0)
            return;
    b->len[b->n] = (unsigned char)(n + 2);
    b->bytes += n + 2;
    b->kind[b->n] = (unsigned char)kind_index(kind);
    b->kind_bytes[b->kind[b->n]] += n + 2;
    b->hash[b->n++] = h;
    b->count[kind_index(kind)]++;
}

static size_t count_kind(const keyb *b, char kind)
{
    return b->count[kind_index(kind)];
}

/* A light stem: lowercase, no possessive, no plural or verb ending, no final
 * "e" ("houses", "housing" -> "hous"; "arrests", "arrested" -> "arrest";
 * "cities" -> "city"). The same words of two texts get the same stem, which is
 * all a key needs. */
static void stem(const char *text, const fc_tok *t, char *out, size_t n)
{
    const unsigned char *s = (const unsigned char *)text + t->start;
    size_t size = t->end - t->start, len = 0;
    size_t fit = size < n - 1 ? size : n - 1;
    for (; len < fit; len++) {
        unsigned char ch = s[len];
        if ((ch == '\'' || ch == 0xE2) &&
            (ch == '\'' || (len + 2 < size && s[len + 1] == 0x80 && s[len + 2] == 0x99)))
            break; /* "state's", "state’s" */
        out[len] = (char)((unsigned)(ch - 'A') < 26u ? ch - 'A' + 'a' : ch);
    }
    out[len] = '\0';
    if (len > 4 && memcmp(out + len - 3, "ies", 4) == 0) {
        strcpy(out + len - 3, "y");
        return;
    }
    if (len > 5 && memcmp(out + len - 3, "ing", 4) == 0)
        out[len -= 3] = '\0';
    else if (len > 4 && memcmp(out + len - 2, "ed", 3) == 0)
        out[len -= 2] = '\0';
    else if (len > 4 && (memcmp(out + len - 4, "shes", 5) == 0 || memcmp(out + len - 4, "ches", 5) == 0 ||
                         memcmp(out + len - 3, "xes", 4) == 0))
        out[len -= 2] = '\0';
    else if (len > 3 && out[len - 1] == 's' && out[len - 2] != 's' && out[len - 2] != 'u' &&
             out[len - 2] != 'i')
        out[--len] = '\0';
    if (len > 3 && out[len - 1] == 'e')
        out[--len] = '\0';
    if (len > 3 && out[len - 1] == out[len - 2] && !strchr("aeiouls", out[len - 1]))
        out[--len] = '\0'; /* "stopped" -> "stopp" -> "stop" */
}

/* Whether the token's text, without a possessive ending, is one of the phrases
 * of l that are one word long ("Thursday's" -> "thursday"). */
static bool bare_in(const ctx *c, size_t i, const fc_phrase_list *l)
{
    const fc_tok *t = tok(c, i);
    char w[48];
    size_t n = 0;
    for (size_t p = t->start; p < t->end && n + 1 < sizeof w; p++) {
        unsigned char ch = (unsigned char)c->text[p];
        if (ch == '\'' || ch == 0xE2)
            break;
        w[n++] = (char)tolower(ch);
    }
    w[n] = '\0';
    for (size_t k = 0; k < l->n; k++)
        if (l->items[k].ntok == 1 && strcmp(l->items[k].tok[0], w) == 0)
            return true;
    return false;
}

/* Whether the token has a possessive ending ("'s", "’s"). */
static bool has_apostrophe(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    return memchr(c->text + t->start, '\'', t->end - t->start) ||
           memchr(c->text + t->start, 0xE2, t->end - t->start);
}

static bool name_word_test(const ctx *c, size_t i)
{
    if (unknown(c, i)) /* "Thursday's" is in no phrase; "Thursday" is in one */
        return !has_apostrophe(c, i) || !bare_in(c, i, &c->r->day_names);
    return !entry_at(c, &c->r->months, i) && !list_at(c, &c->r->day_names, i) &&
           !(has_apostrophe(c, i) && bare_in(c, i, &c->r->day_names)) &&
           !list_at(c, &c->r->stop_words, i) &&
           !list_at(c, &c->r->grouping.neutral_words, i);
}

static inline bool is_name_word(const ctx *c, size_t i)
{
    if (tok(c, i)->kind != FC_TOK_WORD || !fc_tok_is_capitalised(c->text, tok(c, i)))
        return false;
    if (memo_known(c, i, MEMO_NAME))
        return memo_answer(c, i, MEMO_NAME);
    return memo_set(c, i, MEMO_NAME, name_word_test(c, i));
}

/* The concept an entry list gives the words at i ("arrested" -> "arrest"), and
 * how many tokens it covers. */
static const char *concept_lookup(const ctx *c, const fc_entries *e, size_t i, size_t *ntok);

/* Whether an entry of e starting at i (the word at i a key of e->first) may
 * end where a phrase's last word, a key of e->last, is: the bucket of the word
 * holds phrases of `longest` tokens down to `shortest` (the longer first:
 * extract_internal.h's bucket_lookup; other words' phrases in it only widen the
 * bounds). Most words that start an entry ("the" of "the state's", "in" of "in
 * the county") are followed by no such end, told in a few bit tests before the
 * bucket's phrases are compared. */
FC_HOT bool may_end(const ctx *c, const fc_entries *e, size_t i)
{
    const fc_index *ix = &e->first;
    uint32_t b = c->word[i] & ix->mask;
    size_t longest = e->items[ix->item[ix->start[b]]].phrase.ntok;
    size_t shortest = e->items[ix->item[ix->start[b + 1] - 1]].phrase.ntok;
    for (size_t j = i + shortest - 1; j < i + longest && j < c->sent.to; j++)
        if (fc_index_has(&e->last, c->word[j]))
            return true;
    return false;
}

FC_HOT const char *concept_at(const ctx *c, const fc_entries *e, size_t i, size_t *ntok)
{
    if (i >= c->sent.to || !(c->r->grouping.word_class[c->word[i]] & FC_WORD_CONCEPT))
        return NULL; /* no event, thing or scope starts with this word */
    if (!fc_index_has(&e->first, c->word[i]))
        return NULL; /* nor any entry of this list */
    if (!may_end(c, e, i))
        return NULL;
    return concept_lookup(c, e, i, ntok);
}

static const char *concept_lookup(const ctx *c, const fc_entries *e, size_t i, size_t *ntok)
{
    const fc_entry *en = entry_at(c, e, i);
    if (!en)
        return NULL;
    /* a phrase whose last word is the head of a hyphened compound is not said:
     * "brings in-state tuition" brings in nothing */
    size_t e_at = i + en->phrase.ntok;
    if (en->phrase.ntok > 1 && e_at + 1 < c->sent.to && !tok(c, e_at)->space_before &&
        !tok(c, e_at + 1)->space_before && is_punct(c, e_at, "-") &&
        tok(c, e_at + 1)->kind == FC_TOK_WORD)
        return NULL;
    *ntok = en->phrase.ntok;
    size_t k = (size_t)en->value;
    return k < c->r->grouping.nconcepts ? c->r->grouping.concepts[k] : NULL;
}

const char *fc_key_event_at(const ctx *c, size_t i)
{
    size_t nt;
    return i < c->sent.to ? concept_at(c, &c->r->grouping.events, i, &nt) : NULL;
}

/* Words that say nothing about what is measured. */
static bool skip_test(const ctx *c, size_t i)
{
    const fc_rules *r = c->r;
    return list_at(c, &r->stop_words, i) || list_at(c, &r->grouping.neutral_words, i) ||
           entry_at(c, &r->hedges, i) || list_at(c, &r->up_before, i) ||
           list_at(c, &r->down_before, i) || list_at(c, &r->up_after, i) ||
           list_at(c, &r->down_after, i) || list_at(c, &r->change_verbs, i) ||
           list_at(c, &r->attr_after, i) || list_at(c, &r->attr_before, i) ||
           list_at(c, &r->attr_nouns, i) || entry_at(c, &r->months, i) ||
           list_at(c, &r->day_names, i) || entry_at(c, &r->number_words, i) ||
           entry_at(c, &r->scale_words, i) || entry_at(c, &r->units, i) ||
           entry_at(c, &r->rates, i) || entry_at(c, &r->modality_cues, i) ||
           entry_at(c, &r->relative_periods, i) || list_at(c, &r->clause_breaks, i) ||
           entry_at(c, &r->vague_quantities, i) || entry_at(c, &r->multipliers, i);
}

static inline bool skip_word(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    if (t->kind != FC_TOK_WORD || t->end - t->start < 3)
        return true;
    if (unknown(c, i))
        return false;
    if (i < c->sent.to && (c->r->grouping.word_class[c->word[i]] & FC_WORD_SKIP))
        return true; /* a one-word phrase of a skip list: skip_test would find it */
    if (memo_known(c, i, MEMO_SKIP))
        return memo_answer(c, i, MEMO_SKIP);
    return memo_set(c, i, MEMO_SKIP, skip_test(c, i));
}

void fc_key_words(ctx *c)
{
    const uint32_t *f = c->r->fixed;
    c->w_as = f[FC_W_as];
    c->w_and = f[FC_W_and];
    c->w_but = f[FC_W_but];
    c->w_while = f[FC_W_while];
    c->w_whereas = f[FC_W_whereas];
    c->w_although = f[FC_W_although];
    c->w_a = f[FC_W_a];
    c->w_an = f[FC_W_an];
    c->w_among = f[FC_W_among];
}

/* Whether the "and" at token i joins words of the sentence's opening noun
 * phrase ("Marrowby's all-weather and inshore boats answered 184 call-outs",
 * "Sales and profits rose"): no comma, number or verb before it, a word after. */
static bool in_opening_subject(const ctx *c, size_t i)
{
    if (i == c->sent.from || i + 1 >= c->sent.to || tok(c, i + 1)->kind != FC_TOK_WORD ||
        i > c->sent.from + 6)
        return false;
    for (size_t k = c->sent.from; k < i; k++) {
        const fc_tok *t = tok(c, k);
        if (t->kind == FC_TOK_NUM || (t->kind == FC_TOK_PUNCT && c->text[t->start] != '-'))
            return false;
        size_t n = t->end - t->start;
        const char *e = c->text + t->end;
        if ((n > 3 && e[-2] == 'e' && e[-1] == 'd') || is_word(c, k, "is") ||
            is_word(c, k, "are") || is_word(c, k, "was") || is_word(c, k, "were") ||
            is_word(c, k, "has") || is_word(c, k, "have") || is_word(c, k, "had") ||
            is_word(c, k, "said") || is_word(c, k, "says") || is_word(c, k, "will"))
            return false;
    }
    return true;
}

/* Whether token i breaks a clause: ";", "(", ")", "but", "while", "whereas",
 * "although"; ", as"; "and" between clauses. Asked of the tokens around every
 * claim, and told in a few compares, with no memo: a number or a word in no
 * rule phrase breaks none, any other word only when it is one of these. */
static bool ends_ed_ing(const ctx *c, size_t i);

/* Whether the "and" at token i joins two nouns of one phrase before a figure:
 * "brings in-state tuition and fees to $12,750", "tuition and mandatory fees
 * for ... by 3.9%" (lowercase words either side, the next a noun that takes a
 * preposition, not a verb: not "fired 12 and hired 40"). */
static bool nouns_joined(const ctx *c, size_t i)
{
    if (i <= c->sent.from || i + 3 >= c->sent.to || tok(c, i - 1)->kind != FC_TOK_WORD ||
        tok(c, i + 1)->kind != FC_TOK_WORD || fc_tok_is_capitalised(c->text, tok(c, i - 1)) ||
        fc_tok_is_capitalised(c->text, tok(c, i + 1)) || ends_ed_ing(c, i + 1) ||
        ends_ed_ing(c, i - 1))
        return false;
    static const char *const verbs[] = {"is",  "was",   "are",   "were",  "has",  "have", "had",
                                        "will", "would", "could", "can",  "may",  "might",
                                        "should", "be",  "been",  "also", "then", "now"};
    for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++)
        if (is_word(c, i + 1, verbs[v]))
            return false;
    size_t k = i + 2;
    if (tok(c, k)->kind == FC_TOK_WORD && !is_word(c, k, "to") && !is_word(c, k, "for")) {
        if (ends_ed_ing(c, k))
            return false; /* "and is expected to" */
        k++; /* "and mandatory fees for" */
    }
    return (is_word(c, k, "to") || is_word(c, k, "for")) && k + 1 < c->sent.to &&
           (tok(c, k + 1)->kind == FC_TOK_NUM || tok(c, k + 1)->kind == FC_TOK_PUNCT ||
            tok(c, k + 1)->kind == FC_TOK_WORD);
}

FC_HOT bool is_break(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    if (t->kind == FC_TOK_PUNCT)
        return t->end - t->start == 1 &&
               (c->text[t->start] == ';' || c->text[t->start] == '(' || c->text[t->start] == ')' ||
                c->text[t->start] == ':'); /* "worse than feared: the storm destroyed ..." */
    uint32_t w = c->word[i];
    if (t->kind == FC_TOK_NUM || w == c->r->vocab.n)
        return false; /* the common case */
    /* ", as the administration pushes ...": a clause of its own. */
    if (w == c->w_as)
        return i > c->sent.from && is_punct(c, i - 1, ",");
    /* "and" between clauses, not inside a name ("Immigration and Customs"). */
    if (w == c->w_and)
        return !(i + 1 < c->sent.to && fc_tok_is_capitalised(c->text, tok(c, i + 1)) &&
                 i > c->sent.from && fc_tok_is_capitalised(c->text, tok(c, i - 1))) &&
               /* ("472 flights in and out of the airport") */
               !(i > c->sent.from && is_word(c, i - 1, "in") && is_word(c, i + 1, "out")) &&
               !in_opening_subject(c, i) && !nouns_joined(c, i);
    return w == c->w_but || w == c->w_while || w == c->w_whereas || w == c->w_although;
}

static size_t name_at(const ctx *c, size_t i, size_t hi, char *out, size_t n);
static bool demonym(const ctx *c, size_t i);
static bool possessive_name(const ctx *c, size_t i);
static void antecedent_terms(ctx *c, keyb *b);
static fc_status key_write(fc_claim *cl, const keyb *b);

/* Whether token i says a period or a sum ("quarterly revenue", "total sales"):
 * no kind of the thing it comes before. */
static bool period_word(const ctx *c, size_t i)
{
    return is_word(c, i, "quarterly") || is_word(c, i, "annual") || is_word(c, i, "yearly") ||
           is_word(c, i, "monthly") || is_word(c, i, "weekly") || is_word(c, i, "daily") ||
           is_word(c, i, "total") || is_word(c, i, "overall");
}

/* The counted thing from the subject tokens [from, to). */
/* Whether the word at i ends in "ed" or "ing" (a participle, most often). */
static bool ends_ed_ing(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    size_t n = t->end - t->start;
    const char *p = c->text + t->end;
    return (n > 4 && p[-2] == 'e' && p[-1] == 'd') ||
           (n > 5 && p[-3] == 'i' && p[-2] == 'n' && p[-1] == 'g');
}

/* Whether the stem of the word at i, made in w (size n), is longer than three
 * letters and ends in "an" ("Koreans" -> "korean"). */
static bool stem_ends_an(const ctx *c, size_t i, char *w, size_t n)
{
    stem(c->text, tok(c, i), w, n);
    size_t len = strlen(w);
    return len > 3 && strcmp(w + len - 2, "an") == 0;
}

/* Whether the word at i is a preposition that ends a noun phrase ("462,300
 * pounds of food between Nov. 1 and Dec. 31") though no stop word. */
static bool phrase_end(const ctx *c, size_t i)
{
    static const char *const preps[] = {"between", "during", "through", "across", "against",
                                        "after",   "before", "since",   "into",   "within",
                                        "among",   "despite", "toward", "towards", "until"};
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (is_word(c, i, preps[k]))
            return true;
    return false;
}

/* The thing after a measure's "of" at token `of` ("bushels of winter wheat",
 * "tons of road salt"): the phrase's last word is the thing, the words before
 * it narrow it (a word in -ed or -ing after the first, or a preposition, ends
 * it: "wheat harvested", "food between Nov. 1 and ..."). */
static bool word_of(const ctx *c, size_t i, const char *const *words, size_t n);

static void of_phrase_terms(ctx *c, size_t of, keyb *b)
{
    const fc_grouping *g = &c->r->grouping;
    char w[48];
    size_t nt, k = of + 1;
    while (k < c->sent.to && (is_word(c, k, "the") || is_word(c, k, "its")))
        k++;
    /* (a word skipped alone may start a compound: "tons of yard waste") */
    bool compound = k + 1 < c->sent.to && tok(c, k)->kind == FC_TOK_WORD &&
                    tok(c, k)->end - tok(c, k)->start >= 3 &&
                    !fc_tok_is_capitalised(c->text, tok(c, k)) && !is_determiner(c, k) &&
                    tok(c, k + 1)->kind == FC_TOK_WORD && !skip_word(c, k + 1) &&
                    !fc_tok_is_capitalised(c->text, tok(c, k + 1));
    if (k >= c->sent.to || tok(c, k)->kind != FC_TOK_WORD || (skip_word(c, k) && !compound))
        return;
    /* (an adverb after the noun ends it: "3,140 tonnes of herring ashore") */
    static const char *const adverbs[] = {"ashore", "aboard", "abroad", "overseas", "away",
                                          "back", "home", "here", "there", "today",
                                          "annually", "daily", "weekly", "monthly", "yearly",
                                          "alone", "together", "overall", "instead", "apiece"};
    size_t h = k;
    while (h + 1 < c->sent.to && h < k + 2 && tok(c, h + 1)->kind == FC_TOK_WORD &&
           !skip_word(c, h + 1) && !fc_tok_is_capitalised(c->text, tok(c, h + 1)) &&
           !concept_at(c, &g->events, h + 1, &nt) && !ends_ed_ing(c, h + 1) &&
           !phrase_end(c, h + 1) && !word_of(c, h + 1, adverbs, sizeof adverbs / sizeof *adverbs))
        h++;
    stem(c->text, tok(c, h), w, sizeof w);
    const char *concept = concept_at(c, &g->things, h, &nt);
    add(b, 't', concept ? concept : w);
    for (size_t q = k; q < h; q++) {
        stem(c->text, tok(c, q), w, sizeof w);
        add(b, 'm', w);
    }
}

/* Whether the word at i is a noun of a tally ("passenger numbers", "visitor
 * figures"): what it counts is the noun before it. */
static bool tally_word(const ctx *c, size_t i)
{
    static const char *const words[] = {"number", "numbers", "figure", "figures", "count",
                                        "counts", "total",   "totals",  "tally",   "traffic"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (is_word(c, i, words[k]))
            return true;
    return false;
}

/* Whether the word at i, with no "s" at its end, is the singular of a person
 * noun of the rules ("passenger" of "passengers", "visitor" of "visitors"). */
static bool singular_person(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    size_t n = t->end - t->start;
    char w[40];
    if (t->kind != FC_TOK_WORD || n < 3 || n + 1 >= sizeof w)
        return false;
    for (size_t k = 0; k < n; k++) {
        unsigned char ch = (unsigned char)c->text[t->start + k];
        if (!isalpha(ch))
            return false;
        w[k] = (char)tolower(ch);
    }
    if (w[n - 1] == 's')
        return false;
    w[n++] = 's';
    uint32_t id = fc_vocab_find(&c->r->vocab, w, n, fc_lower_hash(w, n));
    return id < c->r->vocab.n && fc_index_has(&c->r->grouping.person_nouns.first, id);
}

static void thing_terms(ctx *c, size_t from, size_t to, keyb *b)
{
    const fc_grouping *g = &c->r->grouping;
    char w[48];
    if (from >= to)
        return;
    size_t head = to - 1;
    while (head > from && (tok(c, head)->kind != FC_TOK_WORD || skip_word(c, head)))
        head--; /* "spending plan Tuesday": the head is "plan" */
    /* "621 call-outs", "plow-outs", "sign-ups": a verb and its particle made a
     * noun name the verb's doing */
    if (head >= from + 2 && (is_word(c, head, "outs") || is_word(c, head, "ups") ||
                             is_word(c, head, "ins") || is_word(c, head, "offs")) &&
        is_punct(c, head - 1, "-") && tok(c, head - 2)->kind == FC_TOK_WORD)
        head -= 2;
    size_t nt;
    const char *concept;
    if (tok(c, head)->kind != FC_TOK_WORD)
        return;
    /* (the head's stem is made in w by the branches below that use it: most
     * heads are a person, an event or a thing of the rules, and need none) */
    bool of = is_word(c, to, "of");
    size_t mods_end = head; /* the modifiers end where the thing's name starts */
    const char *phrase_event = of ? concept_at(c, &g->events, head, &nt) : NULL;
    if (phrase_event && nt > 1) {
        add(b, 'e', phrase_event); /* "12,400 doses of flu vaccine": the doing is named */
    } else if (list_at(c, &g->measure_nouns, head) && of) {
        stem(c->text, tok(c, head), w, sizeof w);
        add(b, 'u', w); /* "tons of wheat": the thing follows "of" */
        of_phrase_terms(c, to, b);
    } else if (list_at(c, &g->measure_nouns, head) && !concept_at(c, &g->things, head, &nt)) {
        stem(c->text, tok(c, head), w, sizeof w);
        add(b, 'u', w); /* "at 5.3 million bushels": a measure, the thing named elsewhere */
    } else if (list_at(c, &g->generic_persons, head)) {
        add(b, 't', "person");
    } else if (list_at(c, &g->person_nouns, head) ||
               (fc_tok_is_capitalised(c->text, tok(c, head)) && stem_ends_an(c, head, w, sizeof w))) {
        add(b, 't', "person"); /* "workers", "Koreans" */
        if (list_at(c, &g->person_nouns, head)) {
            /* "=worker": a role noun, not an adjective; by its thing's name when
             * the rules give one ("employees", "staff" -> "=worker"). */
            char role[48];
            size_t ntr;
            const char *same = concept_at(c, &g->things, head, &ntr);
            if (!(same && ntr == 1)) /* (w is not made when the head is a person noun) */
                stem(c->text, tok(c, head), w, sizeof w);
            const char *rw = same && ntr == 1 ? same : w;
            size_t wl = strnlen(rw, sizeof role - 2);
            role[0] = '=';
            memcpy(role + 1, rw, wl);
            role[wl + 1] = '\0';
            add(b, 'm', role);
            /* "visitors", "spectators", "evacuees": people named by what they
             * did, which is the event counted ("412,000 visitors" is the
             * attendance) */
            const char *ev = concept_at(c, &g->events, head, &ntr);
            if (ev && ntr == 1)
                add(b, 'e', ev);
        } else {
            add(b, 'm', w);
        }
    } else if (tally_word(c, head + 1) && singular_person(c, head)) {
        /* "Passenger numbers reached 2.81 million": the noun before a tally,
         * singular, is the person noun its plural is ("passengers") */
        stem(c->text, tok(c, head), w, sizeof w);
        char role[48];
        snprintf(role, sizeof role, "=%.46s", w);
        add(b, 't', "person");
        add(b, 'm', role);
    } else if ((concept = concept_at(c, &g->events, head, &nt))) {
        add(b, 'e', concept); /* "arrests", "deaths": the event is the thing */
    } else if ((concept = concept_at(c, &g->things, head, &nt))) {
        add(b, 't', concept); /* "homes" */
    } else if (head > from && (concept = concept_at(c, &g->things, head - 1, &nt)) && nt == 2) {
        add(b, 't', concept); /* "spending plan": its words are no event ("spending") */
        mods_end = head - 1;
    } else if (!skip_word(c, head)) {
        stem(c->text, tok(c, head), w, sizeof w);
        add(b, 't', w);
    }
    /* Modifiers: the words before the head. */
    for (size_t i = from; i < mods_end; i++) {
        if (tok(c, i)->kind != FC_TOK_WORD || skip_word(c, i))
            continue;
        /* "Calloway County's registered voters": a place among the modifiers
         * is a place */
        if (is_name_word(c, i) && !(i == c->sent.from && !possessive_name(c, i))) {
            char name[48];
            size_t e = name_at(c, i, mods_end, name, sizeof name);
            if (e > i) {
                static const char *const kinds[] = {"_county", "_city", "_town", "_township",
                                                    "_parish", "_borough", "_village", "_state"};
                bool place = list_at(c, &g->places, i) > 0 || list_at(c, &g->place_nouns, e - 1);
                size_t nl = strlen(name);
                for (size_t q = 0; q < sizeof kinds / sizeof *kinds && !place; q++) {
                    size_t kl = strlen(kinds[q]);
                    place = nl > kl && strcmp(name + nl - kl, kinds[q]) == 0;
                }
                if (place) { /* other names stay modifiers: "English learners" */
                    add(b, 'p', name);
                    i = e - 1;
                    continue;
                }
                /* ... but a name of two words or more is a name: "Marlow Bend
                 * residents" speak of the "residents of Marlow Bend" */
                if (strchr(name, '_') && !demonym(c, i)) {
                    add(b, 'n', name);
                    i = e - 1;
                    continue;
                }
            }
        }
        /* "registered voters", "licensed drivers": a standing, no event */
        if (!(is_word(c, i, "registered") || is_word(c, i, "licensed") ||
              is_word(c, i, "enrolled") || is_word(c, i, "insured") ||
              is_word(c, i, "eligible") || is_word(c, i, "qualified")) &&
            (concept = concept_at(c, &g->events, i, &nt))) {
            add(b, 'e', concept);
            continue;
        }
        if (period_word(c, i))
            continue;
        /* "96 of the county's deaths": a possessive scope is the scope */
        if (has_apostrophe(c, i) &&
            (((concept = concept_at(c, &g->scopes, i, &nt)) && nt == 1) ||
             (i > c->sent.from && is_word(c, i - 1, "the") &&
              (concept = concept_at(c, &g->scopes, i - 1, &nt)) && nt == 2))) {
            add(b, 's', concept);
            continue;
        }
        /* "5,610 full-time-equivalent students": a measure of the thing the
         * rules name as a scope of its own */
        if ((concept = concept_at(c, &g->scopes, i, &nt)) && i + nt <= mods_end) {
            add(b, 's', concept);
            i += nt - 1;
            continue;
        }
        stem(c->text, tok(c, i), w, sizeof w);
        add(b, 'm', w);
    }
    /* "cases of measles": what follows "of" narrows the thing. */
    if (of && !count_kind(b, 'u')) {
        size_t k = to + 1;
        while (k < c->sent.to && (is_word(c, k, "the") || is_word(c, k, "its") ||
                                  is_word(c, k, "their")))
            k++;
        if (k < c->sent.to && tok(c, k)->kind == FC_TOK_WORD && !skip_word(c, k) &&
            !is_name_word(c, k)) {
            stem(c->text, tok(c, k), w, sizeof w);
            add(b, 'm', w);
        }
    }
}

/* Whether the word at i reads as a people's adjective by its ending ("Korean",
 * "British", "Chinese", "Hispanic", "Somali"): "Korean American voters" are
 * modifiers of voters, not a name. */
static bool demonym(const ctx *c, size_t i)
{
    static const char *const ends[] = {"an", "ish", "ese", "ic", "i"};
    const fc_tok *t = tok(c, i);
    size_t n = t->end - t->start;
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t e = strlen(ends[k]);
        if (n > e + 2 && fc_ieq(c->text + t->end - e, ends[k], e))
            return true;
    }
    return false;
}

/* A capitalised name starting at i (words, hyphen and dot parts, "of"/"and"
 * between name words); returns its end and writes it lowercased, words joined
 * by "_". */
/* Whether the name word at token i heads a name with "of" ("Port", "University"
 * of ...): a place noun of the rules, or a word for an institution. */
static bool institution_word(const ctx *c, size_t i)
{
    static const char *const words[] = {"university", "college", "bank",     "department",
                                        "ministry",   "museum",  "institute", "bureau",
                                        "office",     "board",   "council",  "isle",
                                        "gulf",       "mount",   "republic"};
    if (list_at(c, &c->r->grouping.place_nouns, i))
        return true;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (is_word(c, i, words[k]))
            return true;
    return false;
}

static size_t name_at(const ctx *c, size_t i, size_t hi, char *out, size_t n)
{
    if (c->about.attr_to > c->about.attr_from && c->about.attr_from > i &&
        c->about.attr_from < hi)
        hi = c->about.attr_from;
    size_t e = i, len = 0;
    out[0] = '\0';
    while (e < hi) {
        /* A common word capitalised inside a name is part of it ("Tarnwell
         * Regional", "Regional Cup" after a name word). */
        bool word = is_name_word(c, e) ||
                    (e > i && tok(c, e)->kind == FC_TOK_WORD &&
                     fc_tok_is_capitalised(c->text, tok(c, e)) &&
                     list_at(c, &c->r->grouping.neutral_words, e));
        bool joiner = e > i && e + 1 < hi && (is_punct(c, e, "-") || is_punct(c, e, ".")) &&
                      glued(c, e) && glued(c, e + 1) && is_name_word(c, e + 1);
        /* "the Port of Velmar", "the University of Kent": one name */
        bool of = e > i && e + 1 < hi && is_word(c, e, "of") && is_name_word(c, e + 1) &&
                  institution_word(c, e - 1);
        if (of) {
            if (len + 3 < n) {
                memcpy(out + len, "_of", 3);
                len += 3;
                out[len] = '\0';
            }
            e++;
            continue;
        }
        if (!word && !joiner)
            break;
        /* Names are not stemmed but for a possessive ("'s" dropped); a part
         * that does not fit whole is left out. */
        char w[48];
        size_t k = 0;
        if (word) {
            if (len && !glued(c, e))
                w[k++] = '_';
            for (size_t p = tok(c, e)->start; p < tok(c, e)->end && k + 1 < sizeof w; p++) {
                if (c->text[p] == '\'' || (unsigned char)c->text[p] == 0xE2)
                    break;
                w[k++] = (char)tolower((unsigned char)c->text[p]);
            }
        } else {
            w[k++] = c->text[tok(c, e)->start];
        }
        if (len + k < n) {
            memcpy(out + len, w, k);
            len += k;
            out[len] = '\0';
        }
        e++;
    }
    return e;
}

static bool is_determiner_word(const ctx *c, size_t i)
{
    return is_word(c, i, "the") || is_word(c, i, "those") || is_word(c, i, "these") ||
           is_word(c, i, "all");
}

/* ---- the document's proper names ---------------------------------------------- */

/* Whether the word at token i (capitalised, first in its sentence) is a proper
 * name of the document: written capitalised inside a sentence (after a word or a
 * comma) and never in lower case, within 2 KB either side of it (names are used
 * again near where they are used; the look-up stays bounded on a large file). */
static bool is_proper(ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    size_t n = 0;
    while (t->start + n < t->end && isalpha((unsigned char)c->text[t->start + n]))
        n++;
    if (n < 2)
        return false;
    /* Answers are kept per document: a name is asked about again and again. */
    uint32_t h = t->hash | 1;
    for (size_t q = 0; q < c->proper.n; q++)
        if (c->proper.hash[q] == h)
            return c->proper.yes[q];
    const char *w = c->text + t->start, *text = c->text;
    size_t lo = t->start > c->doc->body + 2048 ? t->start - 2048 : c->doc->body;
    size_t hi = t->end + 2048 < c->doc->len ? t->end + 2048 : c->doc->len;
    bool inside = false;
    /* Each case of the first letter found with memchr, the rest compared. */
    for (int lower = 1; lower >= 0; lower--) {
        char first = (char)(lower ? tolower((unsigned char)w[0]) : toupper((unsigned char)w[0]));
        for (size_t k = lo; k + n <= hi; k++) {
            const char *f = memchr(text + k, first, hi - n + 1 - k);
            if (!f)
                break;
            k = (size_t)(f - text);
            /* the second letter first (n >= 2): bytes equal but for case are
             * equal with bit 0x20 set, so most places are ruled out at once */
            if (k == t->start || (text[k + 1] | 0x20) != (w[1] | 0x20) ||
                !fc_ieq(text + k, w, n) ||
                (k > 0 && isalpha((unsigned char)text[k - 1])) ||
                (k + n < c->doc->len && isalpha((unsigned char)text[k + n])))
                continue;
            if (lower) {
                inside = false; /* "police", "officials": common words */
                goto done;
            }
            size_t p = k;
            while (p > lo && (text[p - 1] == ' ' || text[p - 1] == '\t'))
                p--;
            /* (or one the rules do not know, written as an owner: "Kelbrook's
             * council", as possessive_name reads it) */
            bool owner = k + n + 1 < c->doc->len && unknown(c, i) &&
                         ((text[k + n] == '\'' && (text[k + n + 1] | 0x20) == 's') ||
                          (k + n + 3 < c->doc->len &&
                           memcmp(text + k + n, "\xE2\x80\x99s", 4) == 0));
            if (owner || (p > lo && (isalpha((unsigned char)text[p - 1]) || text[p - 1] == ','))) {
                inside = true;
                break; /* (nothing later in the window takes it back) */
            }
        }
    }
done:;
    size_t q = c->proper.n < 64 ? c->proper.n++ : (size_t)(h % 64);
    c->proper.hash[q] = h;
    c->proper.yes[q] = inside;
    return inside;
}

/* Whether token i is a name in the possessive that no rule word is
 * ("Tollbridge's ambulance crews"; not "Today's", "The city's"): a name even
 * as a sentence's first word. */
static bool possessive_name(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    const char *w = c->text + t->start;
    size_t n = t->end - t->start, base;
    if (n > 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S'))
        base = n - 2;
    else if (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0)
        base = n - 4;
    else
        return false;
    if (base < 3 || !(w[0] >= 'A' && w[0] <= 'Z'))
        return false;
    for (size_t k = 1; k < base; k++)
        if (!isalpha((unsigned char)w[k]) && w[k] != '-')
            return false;
    return fc_vocab_find(&c->r->vocab, w, base, fc_lower_hash(w, base)) == c->r->vocab.n;
}

/* Whether token i is a verb of speech, which reports a clause ("said",
 * "told"), where a verb like "reported" or "issued" may take the figure itself. */
static bool speech_verb(const ctx *c, size_t i)
{
    static const char *const verbs[] = {"said",  "says",    "say",      "told",  "tells",
                                        "added", "noted",   "stated",   "wrote", "warned",
                                        "argued", "claimed", "insisted", "explained"};
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (is_word(c, i, verbs[k]))
            return true;
    return false;
}

/* Whether token i may be a word that marks a stretch of time ("first",
 * "last", "past", "opening", "busiest", "peak", "final", "latest"): a word of
 * four letters or more starting with one of theirs, so that most words are
 * told apart in one test. */
static inline bool may_mark(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    char ch = (char)(c->text[t->start] | 0x20);
    return t->kind == FC_TOK_WORD && t->end - t->start >= 4 &&
           (ch == 'f' || ch == 'l' || ch == 'p' || ch == 'o' || ch == 'b');
}

static bool in_span(size_t i, size_t from, size_t to)
{
    return i >= from && i < to;
}

/* Whether the place at token i ends an appositive that locates the place
 * before it: ", a city of about 48,000 in Halloran County", ", a town in the
 * north of Fenwick County" (a comma, "a" or "an" and a kind of place, then no
 * other comma up to i). */
static bool in_place_appositive(const ctx *c, size_t i)
{
    static const char *const kinds[] = {"city",    "town",     "village", "community",
                                        "suburb",  "county",   "borough", "township",
                                        "hamlet",  "port",     "island",  "municipality"};
    for (size_t k = i; k-- > c->sent.from + 1 && k + 12 > i;) {
        if (is_punct(c, k, ",") || is_punct(c, k, ";"))
            return false;
        if (!(is_word(c, k - 1, "a") || is_word(c, k - 1, "an")) || k < c->sent.from + 2 ||
            !is_punct(c, k - 2, ","))
            continue;
        size_t q = k; /* "a small farming town": the kind within three words */
        for (; q < k + 3 && q < i; q++)
            for (size_t n = 0; n < sizeof kinds / sizeof *kinds; n++)
                if (is_word(c, q, kinds[n]))
                    return true;
    }
    return false;
}

/* Whether token q ranks ("largest", "busiest", "top", "leading"). */
static bool rank_word(const ctx *c, size_t q)
{
    static const char *const words[] = {
        "largest", "biggest",   "busiest",  "highest", "lowest",    "smallest",  "oldest",
        "newest",  "longest",   "greatest", "fastest", "deadliest", "costliest", "worst",
        "best",    "most",      "top",      "leading", "richest",   "poorest",   "heaviest",
        "youngest", "wealthiest"};
    if (tok(c, q)->kind != FC_TOK_WORD)
        return false;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (is_word(c, q, words[k]))
            return true;
    return false;
}

/* "The fleet's haddock quota rises to 6,800 tonnes", "Coal output reached 41
 * million tonnes": a word before an aggregate noun in the clause before the
 * figure is the measured thing. */
static void aggregate_thing(ctx *c, const fc_claim_toks *sp, size_t wfrom, keyb *b)
{
    static const char *const aggregate[] = {
        "quota",  "quotas",   "allocation", "output",  "production", "exports", "imports",
        "catch",  "harvest",  "stockpile",  "stocks",  "shipments",  "consumption", "supply",
        "supplies", "reserves", "landings", "yield",   "crop"};
    size_t from = c->sent.from > wfrom ? c->sent.from : wfrom;
    for (size_t i = from + 1; i < sp->start; i++) {
        bool agg = false;
        for (size_t k = 0; k < sizeof aggregate / sizeof *aggregate && !agg; k++)
            agg = is_word(c, i, aggregate[k]);
        const fc_tok *t = tok(c, i - 1);
        if (!agg || t->kind != FC_TOK_WORD || skip_word(c, i - 1) ||
            fc_tok_is_capitalised(c->text, t) || is_determiner_word(c, i - 1) ||
            (t->end - t->start > 2 && c->text[t->end - 2] == '\''))
            continue;
        char w[48];
        size_t nt;
        const char *concept = concept_at(c, &c->r->grouping.things, i - 1, &nt);
        stem(c->text, t, w, sizeof w);
        add(b, 't', concept ? concept : w);
        return;
    }
}

/* "Construction added 4,100 jobs", "Temporary help services added 600 jobs":
 * the sector that opens the sentence as the subject of a verb of jobs gained or
 * lost narrows the jobs (the area, the state, employers or the economy do not:
 * "The metro area added 41,600 jobs" is all of them). */
static void sector_terms(const ctx *c, const fc_claim_toks *sp, keyb *b)
{
    static const char *const verbs[] = {"added", "adds", "gained", "gains", "lost", "loses",
                                        "shed",  "sheds", "cut",   "cuts",  "created"};
    static const char *const broad[] = {"area", "region", "state", "economy", "employers",
                                        "employer", "city", "county", "country",
                                        "nation", "businesses", "companies", "firms",
                                        "sector", "sectors", "industry", "industries",
                                        "payrolls", "metro", "private", "public", "overall",
                                        "total", "government", "district", "province"};
    bool job = false;
    for (size_t i = 0; i < b->n && !job; i++)
        job = term_is(b, i, "t:job");
    size_t v = sp->start;
    if (!job || v < c->sent.from + 2)
        return;
    bool verb = false;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !verb; k++)
        verb = is_word(c, v - 1, verbs[k]);
    if (!verb)
        return;
    size_t i = c->sent.from;
    while (i < v - 1 && (is_determiner_word(c, i) || skip_word(c, i)))
        i++;
    if (v - 1 - i == 0 || v - 1 - i > 4)
        return;
    for (size_t k = i; k < v - 1; k++) {
        if (tok(c, k)->kind != FC_TOK_WORD || (k > c->sent.from && is_name_word(c, k)))
            return; /* "Harlow County added": a place, no sector */
        for (size_t q = 0; q < sizeof broad / sizeof *broad; q++)
            if (is_word(c, k, broad[q]))
                return;
    }
    char w[48];
    for (size_t k = i; k < v - 1; k++)
        if (!skip_word(c, k)) {
            stem(c->text, tok(c, k), w, sizeof w);
            add(b, 'm', w);
        }
}

/* "Barley did worse, with output falling to 1.9 million tonnes": a plain
 * noun that opens the sentence as the subject of its verb is the measured
 * thing (not the thing the story measured before in that unit). */
static void subject_word_thing(ctx *c, const fc_claim_toks *sp, keyb *b)
{
    static const char *const verbs[] = {"did", "was", "were", "fell", "rose", "dropped",
                                        "climbed", "slipped", "jumped", "came", "reached",
                                        "totaled", "totalled", "fared", "had", "dipped"};
    size_t i = c->sent.from;
    if (i + 1 >= sp->start || tok(c, i)->kind != FC_TOK_WORD || skip_word(c, i) ||
        is_determiner_word(c, i) || tok(c, i)->end - tok(c, i)->start < 4 ||
        ends_ed_ing(c, i))
        return;
    bool verb = false;
    for (size_t v = 0; v < sizeof verbs / sizeof *verbs && !verb; v++)
        verb = is_word(c, i + 1, verbs[v]);
    static const char *const aggregate[] = {"output", "production", "exports", "imports",
                                            "catch", "harvest", "yield", "crop", "it", "this",
                                            "that", "they", "total", "demand", "supply"};
    for (size_t k = 0; k < sizeof aggregate / sizeof *aggregate && verb; k++)
        verb = !is_word(c, i, aggregate[k]);
    if (!verb)
        return;
    char w[48];
    size_t nt;
    const char *concept = concept_at(c, &c->r->grouping.things, i, &nt);
    stem(c->text, tok(c, i), w, sizeof w);
    add(b, 't', concept ? concept : w);
}

/* The key of one claim: its clause is tokens [wfrom, wto). */
static bool word_of(const ctx *c, size_t i, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (is_word(c, i, words[k]))
            return true;
    return false;
}

/* The thing an amount puts a value on is the amount's thing: "cable worth £1.2
 * million", "copper cable, valued at £1.2 million", "damage estimated at $40
 * million", and through a verb "to be" its subject: "the paintings are worth
 * $5 million", "The haul of stolen cable recovered in the raid was valued by
 * detectives at £12 million" (a haul, cache or shipment "of" names what it
 * holds). The head noun and up to two words before it go in as thing terms. */
static void valued_thing(ctx *c, const fc_claim_toks *sp, size_t wfrom, keyb *b)
{
    static const char *const verbs[] = {"valued", "estimated", "priced", "appraised", "assessed"};
    static const char *const bes[] = {"was", "were", "is", "are", "been", "be", "being",
                                      "has", "have", "had", "now", "still"};
    static const char *const held[] = {"haul", "shipment", "cache", "stash", "load",
                                       "batch", "consignment", "cargo", "collection", "seizure"};
#define N_(a) (sizeof a / sizeof *a)
    size_t from = c->sent.from > wfrom ? c->sent.from : wfrom, p = sp->start, h;
    if (p < from + 2)
        return;
    /* "brings in-state tuition and fees to $12,750", "lifted fares to $2.75":
     * a thing the rules know, ending right before "to" */
    if (is_word(c, p - 1, "to") && p >= from + 2) {
        size_t nt;
        for (size_t q = p - 1; q-- > from && q + 6 > p;) {
            const char *concept = concept_at(c, &c->r->grouping.things, q, &nt);
            if (concept && q + nt + 1 == p) {
                add(b, 't', concept);
                return;
            }
        }
    }
    if (is_word(c, p - 1, "worth")) {
        h = p - 2;
    } else if (is_word(c, p - 1, "at")) {
        size_t v = p - 2; /* "valued at", "valued by detectives at" */
        while (v > from && v + 4 > p && !word_of(c, v, verbs, N_(verbs)))
            v--;
        if (!word_of(c, v, verbs, N_(verbs)) || (v + 2 < p && !is_word(c, v + 1, "by")) ||
            v == from)
            return;
        h = v - 1;
    } else {
        return;
    }
    if (is_punct(c, h, ",") && h > from)
        h--;
    size_t be = h + 1;
    while (h > from && word_of(c, h, bes, N_(bes)))
        h--;
    if (h + 1 < be) {
        /* through "was", "are": the clause's subject, its first noun phrase */
        size_t k = from;
        while (k < h && (is_determiner_word(c, k) || is_word(c, k, "a") || is_word(c, k, "an") ||
                         is_word(c, k, "its") || is_word(c, k, "their")))
            k++;
        if (k + 1 < h && word_of(c, k, held, N_(held)) && is_word(c, k + 1, "of"))
            k += 2;
        while (k < h && (is_determiner_word(c, k) || is_word(c, k, "its")))
            k++;
        size_t e = k;
        while (e <= h && tok(c, e)->kind == FC_TOK_WORD &&
               (e == k || !skip_word(c, e) || is_word(c, e, "and")))
            e++;
        h = e - 1;
        while (h > k && ends_ed_ing(c, h)) /* "cable recovered in the raid" */
            h--;
        if (e == k)
            return;
    }
    const fc_tok *t = tok(c, h);
    if (h < from || t->kind != FC_TOK_WORD || skip_word(c, h) || fc_tok_is_capitalised(c->text, t) ||
        word_of(c, h, bes, N_(bes)))
        return;
    size_t m = h;
    while (m > from && h - m < 2 && tok(c, m - 1)->kind == FC_TOK_WORD && !skip_word(c, m - 1) &&
           !fc_tok_is_capitalised(c->text, tok(c, m - 1)) && !is_determiner_word(c, m - 1) &&
           !ends_ed_ing(c, m - 1)) /* not "recovering cable worth" */
        m--;
    thing_terms(c, m, h + 1, b);
#undef N_
}

/* A count set after a verb of amount whose subject names the thing: "skier
 * visits for 2024-25 totalled 391,400", "The number of residents evacuated
 * stood at 1,350", "Calls to the brigade numbered 612", "the tally has reached
 * 212". The subject is the clause's first noun phrase after its last comma
 * ("At Mount Kessock, skier visits ..."); "the number/tally/total/count of"
 * names what is counted after "of". */
static void subject_thing(ctx *c, const fc_claim_toks *sp, size_t wfrom, keyb *b)
{
    static const char *const verbs[] = {"totaled", "totalled", "totals", "total", "numbered",
                                        "numbers", "reached", "reaches", "stood",  "stands",
                                        "came",    "comes",    "hit",     "topped", "exceeded",
                                        "surpassed", "passed", "climbed", "rose",  "grew",
                                        "jumped",  "fell",     "dropped", "reach"};
    static const char *const aux[] = {"has", "have", "had", "now", "already", "finally",
                                      "will", "would", "was", "were", "is", "are"};
    static const char *const tallies[] = {"number", "tally", "total", "count",
                                          "toll",   "figure", "traffic", "volume"};
#define N_(a) (sizeof a / sizeof *a)
    size_t from = c->sent.from > wfrom ? c->sent.from : wfrom, v = sp->start;
    if (v < from + 2)
        return;
    v--;
    if ((is_word(c, v, "at") || is_word(c, v, "to")) && v > from)
        v--; /* "stood at", "came to", "rose to" */
    if (!word_of(c, v, verbs, N_(verbs)))
        return;
    size_t end = v;
    while (end > from && word_of(c, end - 1, aux, N_(aux)))
        end--;
    static const char *const opens[] = {"that", "which", "while", "as", "when", "after",
                                        "because", "and", "but", "said", "says", "where"};
    size_t k = end;
    while (k > from && !is_punct(c, k - 1, ",") && !is_break(c, k - 1) &&
           !word_of(c, k - 1, opens, N_(opens)) && !speech_verb(c, k - 1) && end - k < 14)
        k--;
    if (k > from && !is_punct(c, k - 1, ",") && !is_break(c, k - 1) &&
        !word_of(c, k - 1, opens, N_(opens)) && !speech_verb(c, k - 1))
        return; /* a long way back: no plain subject */
    while (k < end && (is_determiner_word(c, k) || is_word(c, k, "a") || is_word(c, k, "its") ||
                       is_word(c, k, "their") || is_word(c, k, "this") || is_word(c, k, "that")))
        k++;
    /* ("the Millbrook hospital's operating loss came to": past the owner) */
    /* (only an owner that is the phrase's start, a name first: "the Corbin
     * Valley transit authority's operating loss"; no "Finishers in Sunday's
     * marathon") */
    for (size_t q = k; q + 1 < end && q < k + 4; q++) {
        if (has_apostrophe(c, q)) {
            k = q + 1;
            break;
        }
        if (tok(c, q)->kind != FC_TOK_WORD || skip_word(c, q) ||
            (q == k && !fc_tok_is_capitalised(c->text, tok(c, q))))
            break;
    }
    if (k + 2 < end && word_of(c, k, tallies, N_(tallies)) && is_word(c, k + 1, "of")) {
        k += 2;
        while (k < end && (is_determiner_word(c, k) || is_word(c, k, "its")))
            k++;
    }
    while (k < end && period_word(c, k))
        k++; /* "Monthly active users reached 41.2 million": the rate is said */
    size_t e = k;
    while (e < end && e < k + 3 && tok(c, e)->kind == FC_TOK_WORD && !skip_word(c, e) &&
           (e == c->sent.from || !fc_tok_is_capitalised(c->text, tok(c, e))) &&
           !(e > k && ends_ed_ing(c, e)))
        e++;
    /* ("The number of oiled birds brought to the center has climbed to 184":
     * an irregular participle after the plural ends the noun too) */
    static const char *const irregular[] = {"brought", "taken", "given", "seen", "found",
                                            "held", "sent", "caught", "kept", "sold",
                                            "bought", "built", "left", "shown", "told"};
    for (size_t q = k + 1; q < e; q++)
        if (word_of(c, q, irregular, N_(irregular))) {
            e = q;
            break;
        }
    if (e > k && word_of(c, e - 1, tallies, N_(tallies)))
        return; /* "The death toll stands at 26", "Passenger traffic reached
                 * 2.86 million": the clause's other words tell what it counts */
    if (e > k)
        thing_terms(c, k, e, b);
#undef N_
}

static const char *time_statistic(const ctx *c, const fc_claim *cl, const fc_claim_toks *sp,
                                  size_t *what);

static bool ends_ing(const ctx *c, size_t i);

static fc_status key_one(ctx *c, fc_claim *cl, const fc_claim_toks *sp, size_t wfrom, size_t wto,
                         bool whole)
{
    const fc_rules *r = c->r;
    const fc_grouping *g = &r->grouping;
    keyb b;
    b.n = b.bytes = 0;
    memset(b.count, 0, sizeof b.count);
    memset(b.kind_bytes, 0, sizeof b.kind_bytes);
    char w[48], name[48];
    size_t nt;
    const char *concept;
    size_t af = c->about.attr_from, at = c->about.attr_to; /* the source's words */
    if (cl->unit == FC_UNIT_DURATION) { /* a measured time: its unit and statistic */
        size_t k = 0;
        for (; cl->unit_name[k] && k + 1 < sizeof w; k++)
            w[k] = cl->unit_name[k] == ' ' ? '_' : cl->unit_name[k];
        w[k] = '\0';
        add(&b, 'u', w);
        size_t timed;
        const char *stat = time_statistic(c, cl, sp, &timed);
        if (stat)
            add(&b, 's', stat);
        if (timed != (size_t)-1) {
            stem(c->text, tok(c, timed), name, sizeof name);
            add(&b, 't', name);
        }
    }
    if (cl->unit == FC_UNIT_OTHER && sp->end > sp->start) { /* "40 million tons of wheat" */
        size_t u = sp->end - 1;
        if (tok(c, u)->kind == FC_TOK_WORD || cl->unit_name[0]) {
            /* The unit by its name when the rules know it ("512GB" and "512
             * gigabytes" alike), else by its word. */
            if (cl->unit_name[0]) {
                size_t k = 0;
                for (; cl->unit_name[k] && k + 1 < sizeof w; k++)
                    w[k] = cl->unit_name[k] == ' ' ? '_' : cl->unit_name[k];
                w[k] = '\0';
            } else {
                stem(c->text, tok(c, u), w, sizeof w);
            }
            add(&b, 'u', w);
            thing_terms(c, sp->end, sp->end, &b);
            if (is_word(c, sp->end, "of")) /* "120,000 tons of road salt" */
                of_phrase_terms(c, sp->end, &b);
        }
    }
    /* "$3.2 million worth of cocaine": the thing is after "worth of" */
    if (cl->unit == FC_UNIT_CURRENCY && sp->subj_to == sp->subj_from + 1 &&
        is_word(c, sp->subj_from, "worth") && is_word(c, sp->subj_to, "of")) {
        size_t k = sp->subj_to + 1, e;
        while (k < c->sent.to && (is_determiner_word(c, k) || is_word(c, k, "its")))
            k++;
        for (e = k; e < c->sent.to && e < k + 3 && tok(c, e)->kind == FC_TOK_WORD &&
                    !skip_word(c, e) && !(e > k && ends_ed_ing(c, e));
             e++)
            ;
        thing_terms(c, k, e, &b);
    } else {
        thing_terms(c, sp->subj_from, sp->subj_to, &b);
    }
    /* "approved a general fund budget of $148.6 million": an amount with no
     * noun after it is of the noun before "of" */
    if (cl->unit == FC_UNIT_CURRENCY && !count_kind(&b, 't') && sp->subj_to <= sp->subj_from &&
        sp->start >= c->sent.from + 2 && is_word(c, sp->start - 1, "of") &&
        tok(c, sp->start - 2)->kind == FC_TOK_WORD && !skip_word(c, sp->start - 2) &&
        !fc_tok_is_capitalised(c->text, tok(c, sp->start - 2))) {
        size_t h = sp->start - 2, m = h;
        while (m > c->sent.from && h - m < 2 && tok(c, m - 1)->kind == FC_TOK_WORD &&
               !skip_word(c, m - 1) && !fc_tok_is_capitalised(c->text, tok(c, m - 1)) &&
               !is_determiner_word(c, m - 1))
            m--;
        thing_terms(c, m, h + 1, &b);
    }
    /* "... stockpile 120,000 tons of road salt ... 120,000 tons were in
     * storage": a measure with no thing of its own measures the thing the
     * document last measured in that unit, a few sentences back */
    /* ("The fleet's haddock quota rises to 6,800 tonnes": a measure whose
     * clause names a kind before an aggregate noun measures that kind) */
    if (cl->unit == FC_UNIT_OTHER && cl->unit_name[0] && count_kind(&b, 'u') &&
        !count_kind(&b, 't'))
        aggregate_thing(c, sp, wfrom, &b);
    if (cl->unit == FC_UNIT_OTHER && cl->unit_name[0] && count_kind(&b, 'u') &&
        !count_kind(&b, 't'))
        subject_word_thing(c, sp, &b);
    if (cl->unit == FC_UNIT_OTHER && cl->unit_name[0] && count_kind(&b, 'u') &&
        !count_kind(&b, 't'))
        for (size_t j = (size_t)(cl - c->out->items); j-- > 0;) {
            const fc_claim *o = &c->out->items[j];
            if (o->doc != c->doc_index || o->sentence + 4 < c->sentence)
                break;
            if (o->unit != FC_UNIT_OTHER || strcmp(o->unit_name, cl->unit_name) != 0 || !o->key ||
                !strstr(o->key, "t:"))
                continue;
            for (const char *p = o->key; *p;) {
                const char *q = strchr(p, ' ');
                size_t len = q ? (size_t)(q - p) : strlen(p);
                if (len > 2 && len < sizeof w + 2 && (p[0] == 't' || p[0] == 'm') && p[1] == ':') {
                    memcpy(w, p + 2, len - 2);
                    w[len - 2] = '\0';
                    add(&b, p[0], w);
                }
                p += len + (q != NULL);
            }
            break;
        }
    if (cl->unit == FC_UNIT_CURRENCY && !count_kind(&b, 't'))
        valued_thing(c, sp, wfrom, &b);
    if (cl->unit == FC_UNIT_COUNT && !count_kind(&b, 't') && sp->subj_to <= sp->subj_from)
        subject_thing(c, sp, wfrom, &b);
    /* "$19.8 million in federal grants", "$40 million in damage": what the
     * amount is counted in, written with no article (not "in the county") */
    if (cl->unit == FC_UNIT_CURRENCY && !count_kind(&b, 't') && sp->subj_to <= sp->subj_from &&
        is_word(c, sp->end, "in") && sp->end + 1 < c->sent.to &&
        tok(c, sp->end + 1)->kind == FC_TOK_WORD && !skip_word(c, sp->end + 1) &&
        !fc_tok_is_capitalised(c->text, tok(c, sp->end + 1))) {
        size_t k = sp->end + 1, e = k;
        while (e < c->sent.to && e < k + 3 && tok(c, e)->kind == FC_TOK_WORD && !skip_word(c, e) &&
               !fc_tok_is_capitalised(c->text, tok(c, e)) &&
               !(e > k && (ends_ed_ing(c, e) || is_word(c, e, "hidden") ||
                           is_word(c, e, "stolen") || is_word(c, e, "taken"))))
            e++; /* (not "$460,000 in fentanyl pills hidden in a car") */
        thing_terms(c, k, e, &b);
    }
    /* "Of the trees planted in Linford last year, 1,900 went to the east side":
     * a part of a whole the sentence names without a figure is a subset, never
     * the whole's total (with a figure, the part is linked to it instead). */
    if ((is_word(c, c->sent.from, "of") || is_word(c, c->sent.from, "among") ||
         (is_word(c, c->sent.from, "out") && is_word(c, c->sent.from + 1, "of"))) &&
        !cl->part_of[0] && sp->start > c->sent.from) {
        bool comma = false, figure = false;
        for (size_t k = c->sent.from; k < sp->start; k++) {
            comma = comma || is_punct(c, k, ",");
            const fc_tok *t = tok(c, k);
            double v = t->kind == FC_TOK_NUM ? fc_tok_number(c->text, t) : 0;
            bool year = t->end - t->start == 4 && v >= 1800 && v <= 2100;
            figure = figure || (!comma && t->kind == FC_TOK_NUM && !year);
        }
        if (comma && !figure)
            add(&b, 's', "part");
    }
    /* "About 1,150 of the district's students": a count of part of a whole
     * named without a figure */
    if (cl->unit == FC_UNIT_COUNT && !cl->part_of[0] && is_word(c, sp->end, "of") &&
        (is_word(c, sp->end + 1, "the") || is_word(c, sp->end + 1, "its") ||
         is_word(c, sp->end + 1, "their") || is_word(c, sp->end + 1, "those") ||
         is_word(c, sp->end + 1, "them")))
        add(&b, 's', "part");
    /* "The office has now seized 212 pounds this year", "so far this year": a
     * total of the year to date, told before the year is out, never the figure
     * of one day's event a story tells with no period */
    if (c->have_pub && cl->period && strlen(cl->period) == 4) {
        int y, m, d;
        fc_civil_from_days(c->pub, &y, &m, &d);
        bool running = atoi(cl->period) == y && m < 12;
        bool cue = false;
        for (size_t i = c->sent.from; running && i + 1 < c->sent.to && !cue; i++)
            cue = (is_word(c, i, "so") && is_word(c, i + 1, "far")) ||
                  (is_word(c, i, "to") && is_word(c, i + 1, "date")) ||
                  ((is_word(c, i, "has") || is_word(c, i, "have")) &&
                   (is_word(c, i + 1, "now") || is_word(c, i + 1, "already")));
        if (cue)
            add(&b, 's', "to-date");
    }
    /* "Two in five Pell Unified students, 3,384 in all, qualify for free
     * lunch", "A third of residents, some 4,000 people, ...": the count of a
     * share of a group, set after it by a comma, is a part of the group */
    if (cl->unit == FC_UNIT_COUNT && sp > c->spans && sp->start > c->sent.from &&
        is_punct(c, sp->start - 1, ",") && sp[-1].end < sp->start &&
        (cl[-1].unit == FC_UNIT_RATIO || cl[-1].unit == FC_UNIT_PERCENT) &&
        cl[-1].value > 0 && cl[-1].value < (cl[-1].unit == FC_UNIT_RATIO ? 1 : 100) &&
        sp->start - sp[-1].end <= 8) {
        bool plain = true;
        for (size_t k = sp[-1].end; k + 1 < sp->start && plain; k++)
            plain = tok(c, k)->kind == FC_TOK_WORD || is_punct(c, k, "'") || is_punct(c, k, "-");
        if (plain)
            add(&b, 's', "part");
    }
    /* "The area added 41,600 jobs from a year earlier", "up 3,100 year on year":
     * a change over twelve months, never the month's figure */
    /* (not "1.42 million riders in March, up from a year earlier": a level) */
    for (size_t i = sp->end; i + 3 < wto + 3 && i + 3 < c->sent.to && i < sp->end + 6 &&
                             tok(c, i)->kind != FC_TOK_PUNCT && !is_word(c, i, "up") &&
                             !is_word(c, i, "down");
         i++)
        if ((is_word(c, i, "from") || is_word(c, i, "than")) && is_word(c, i + 1, "a") &&
            is_word(c, i + 2, "year") &&
            (is_word(c, i + 3, "earlier") || is_word(c, i + 3, "ago") || is_word(c, i + 3, "before"))) {
            add(&b, 's', "year-on-year");
            break;
        } else if (is_word(c, i, "year") && (is_word(c, i + 1, "on") || is_word(c, i + 1, "over")) &&
                   is_word(c, i + 2, "year")) {
            add(&b, 's', "year-on-year");
            break;
        }
    /* "Three of the vessel's five crew members were arrested": the whole a part
     * is of, a group whose verb is the part's */
    if (whole)
        add(&b, 's', "whole");
    /* "passed by 1,812 votes", "failed by 212 votes", "won the race by 9
     * points": the winner's margin, as "a margin of" says it */
    if (sp->start >= c->sent.from + 2 && is_word(c, sp->start - 1, "by")) {
        static const char *const verbs[] = {"passed", "won",     "failed", "lost",  "defeated",
                                            "carried", "approved", "rejected", "beat", "leads",
                                            "led",    "trails",  "trailed", "win", "lose", "edged"};
        bool margin = false;
        for (size_t k = sp->start - 1; k-- > c->sent.from && k + 8 > sp->start && !margin;)
            for (size_t v = 0; v < sizeof verbs / sizeof *verbs && !margin; v++)
                margin = is_word(c, k, verbs[v]);
        if (margin)
            add(&b, 's', "margin");
    }
    /* "In all, 47 pounds were seized on Tuesday: 41 pounds from the car and 6
     * from a storage unit": a sum the sentence breaks into parts, never the
     * figure of one of them another outlet gives */
    if (!cl->part_of[0] && sp->start > c->sent.from) {
        bool sum_cue = false;
        bool may_sum = (sent_has(c, "in") && (sent_has(c, "all") || sent_has(c, "total"))) ||
                       sent_has(c, "altogether") || sent_has(c, "combined");
        for (size_t i = c->sent.from; may_sum && i + 1 < sp->start && !sum_cue; i++)
            sum_cue = (is_word(c, i, "in") && (is_word(c, i + 1, "all") || is_word(c, i + 1, "total"))) ||
                      is_word(c, i, "altogether") || is_word(c, i, "combined");
        size_t parts = 0;
        for (size_t j = (size_t)(cl - c->out->items) + 1; sum_cue && j < c->out->n; j++)
            parts += strcmp(c->out->items[j].part_of, cl->id) == 0;
        if (parts >= 2)
            add(&b, 's', "sum");
    }
    /* "The first 410 workers will be laid off in March", "the remaining 230":
     * a tranche, part of a whole */
    if (cl->unit == FC_UNIT_COUNT && sp->start >= c->sent.from + 2 &&
        (is_word(c, sp->start - 2, "the") || is_word(c, sp->start - 2, "a")) &&
        (is_word(c, sp->start - 1, "first") || is_word(c, sp->start - 1, "remaining") ||
         is_word(c, sp->start - 1, "last") || is_word(c, sp->start - 1, "final") ||
         is_word(c, sp->start - 1, "next") || is_word(c, sp->start - 1, "initial") ||
         is_word(c, sp->start - 1, "other")))
        add(&b, 's', "part");
    /* "The budget includes $118 million for police", "including 18 miles of
     * track": a part of the whole named before */
    if (sp->start > c->sent.from &&
        (is_word(c, sp->start - 1, "including") ||
         (cl->unit == FC_UNIT_CURRENCY && /* a line item; "will include 280 apartments" is all */
          (is_word(c, sp->start - 1, "includes") || is_word(c, sp->start - 1, "include") ||
           is_word(c, sp->start - 1, "included")))))
        add(&b, 's', "part");
    /* "International travellers accounted for 410,000 overnight stays", "made
     * up 41 of the ...": a part of a whole, told by who makes it up */
    else if (sp->start >= c->sent.from + 2 &&
             ((is_word(c, sp->start - 1, "for") &&
               (is_word(c, sp->start - 2, "accounted") || is_word(c, sp->start - 2, "account") ||
                is_word(c, sp->start - 2, "accounts") ||
                is_word(c, sp->start - 2, "accounting"))) ||
              (is_word(c, sp->start - 1, "up") &&
               (is_word(c, sp->start - 2, "made") || is_word(c, sp->start - 2, "make") ||
                is_word(c, sp->start - 2, "makes") || is_word(c, sp->start - 2, "making")))))
        add(&b, 's', "part");
    /* A source that is the subject of the figure's own verb counts what is its
     * own ("the Glenmore Science Centre reported 402,000 visitors", "Kelby Water
     * issued 1,284 fines"): its name is a name of the figure. A verb of speech
     * takes a clause, not the figure: "spokesperson Lydia Fenn said 22 workers
     * were taken to hospital" counts workers, not something of Lydia Fenn's. */
    if (at > af && af >= wfrom && at < sp->start && at + 2 >= sp->start &&
        tok(c, at)->kind == FC_TOK_WORD && !speech_verb(c, at) && is_name_word(c, af) &&
        is_name_word(c, at - 1) &&
        name_at(c, af, at, name, sizeof name) == at && strchr(name, '_'))
        add(&b, 'n', name);
    /* "At Millbrook General, the trust's other maternity unit, 163 babies were
     * born": a figure of the owner's other site or body, never of the one the
     * story is about */
    for (size_t i = c->sent.from + 1; sent_has(c, "other") && i < sp->start; i++)
        if (is_word(c, i, "other") && tok(c, i - 1)->kind == FC_TOK_WORD &&
            (is_word(c, i - 1, "its") || is_word(c, i - 1, "their") ||
             (tok(c, i - 1)->end - tok(c, i - 1)->start > 3 &&
              (fc_ieq(c->text + tok(c, i - 1)->end - 2, "'s", 2) ||
               (tok(c, i - 1)->end - tok(c, i - 1)->start > 5 &&
                memcmp(c->text + tok(c, i - 1)->end - 4, "\xE2\x80\x99s", 4) == 0)))) &&
            i + 1 < sp->start && tok(c, i + 1)->kind == FC_TOK_WORD) {
            add(&b, 's', "other-site");
            break;
        }
    /* "On Thursday alone, crews pulled 1,200 dead fish", "In Marsh County
     * alone, 412 cases": one day's or one place's share of a running total */
    /* (... or after it, closing its time or place: "picked up 148,000 cubic
     * yards in the past week alone, the most since ...") */
    for (size_t i = sp->end + 2; sent_has(c, "alone") && i < c->sent.to && i < sp->end + 9; i++) {
        if (is_break(c, i) || (is_punct(c, i, ",") && i + 1 < c->sent.to && !is_word(c, i + 1, "the")))
            break;
        if (is_word(c, i, "alone") && (i + 1 == c->sent.to || tok(c, i + 1)->kind == FC_TOK_PUNCT) &&
            tok(c, i - 1)->kind == FC_TOK_WORD &&
            (entry_at(c, &c->r->months, i - 1) || list_at(c, &c->r->day_names, i - 1) ||
             is_word(c, i - 1, "week") || is_word(c, i - 1, "month") || is_word(c, i - 1, "year") ||
             is_word(c, i - 1, "weekend") || is_word(c, i - 1, "day") ||
             is_word(c, i - 1, "quarter") || fc_tok_is_capitalised(c->text, tok(c, i - 1)))) {
            add(&b, 's', "part");
            break;
        }
    }
    for (size_t i = c->sent.from + 1; sent_has(c, "alone") && i < sp->start; i++)
        if (is_word(c, i, "alone") && !is_word(c, i - 1, "let") &&
            (is_punct(c, i + 1, ",") || i + 1 == sp->start ||
             /* "Its closing weekend alone drew 9,300" */
             (i + 2 == sp->start && tok(c, i + 1)->kind == FC_TOK_WORD &&
              !fc_tok_is_capitalised(c->text, tok(c, i + 1))))) {
            add(&b, 's', "part");
            break;
        }
    /* "The company had initially put the spill at 4,000 litres", "first
     * estimated at 300": an estimate since superseded, never the figure the
     * story now gives */
    bool may_earlier = sent_has(c, "initially") || sent_has(c, "originally") || sent_has(c, "first");
    for (size_t i = c->sent.from; may_earlier && i < sp->end + 3 && i < c->sent.to; i++) {
        if (i >= sp->start && i < sp->end)
            continue;
        if (is_word(c, i, "initially") || is_word(c, i, "originally") ||
            (is_word(c, i, "at") && i + 1 < c->sent.to && is_word(c, i + 1, "first") &&
             (i + 2 >= c->sent.to || tok(c, i + 2)->kind == FC_TOK_PUNCT)) ||
            (is_word(c, i, "first") && i + 1 < c->sent.to &&
             (is_word(c, i + 1, "put") || is_word(c, i + 1, "estimated") ||
              is_word(c, i + 1, "reported") || is_word(c, i + 1, "given")) &&
             /* (not when something was first reported: "The bloom, first
              * reported July 9, has sickened 27") */
             !(i + 2 < c->sent.to &&
               (is_word(c, i + 2, "on") || is_word(c, i + 2, "in") ||
                entry_at(c, &c->r->months, i + 2) || is_punct(c, i + 2, ","))))) {
            add(&b, 's', "earlier-estimate");
            break;
        }
    }
    /* "when 19 mains broke in seven days": a count over a stretch of time its
     * sentence gives right after it, with no period, is a total of that stretch,
     * never of the year to date (a scope, as "over the past six months") */
    if (!cl->period && !cl->per && (cl->unit == FC_UNIT_COUNT || cl->unit == FC_UNIT_CURRENCY) &&
        cl + 1 < c->out->items + c->out->n && cl[1].sentence == cl->sentence &&
        cl[1].unit == FC_UNIT_DURATION && cl[1].unit_name[0] && sp[1].start > sp->end &&
        sp[1].start <= (sp->subj_to > sp->end ? sp->subj_to : sp->end) + 3 &&
        (is_word(c, sp[1].start - 1, "in") || is_word(c, sp[1].start - 1, "over") ||
         is_word(c, sp[1].start - 1, "within"))) {
        char sc[48];
        snprintf(sc, sizeof sc, "span-%.6g-%.24s", cl[1].value, cl[1].unit_name);
        for (char *p = sc; *p; p++)
            *p = *p == ' ' ? '_' : *p;
        add(&b, 's', sc);
    }
    /* "Weekend ridership has run at about 7,000 a day", "14,800 trips on
     * weekdays": a daily figure of some days of the week only, never the
     * average over all days */
    if (cl->per == FC_PER_DAY)
        for (size_t i = wfrom; i < wto; i++) {
            if (is_word(c, i, "weekend") || is_word(c, i, "weekends")) {
                add(&b, 's', "weekend");
                break;
            }
            if (is_word(c, i, "weekday") || is_word(c, i, "weekdays")) {
                add(&b, 's', "weekday");
                break;
            }
        }
    /* "Across the trust's two sites, 6,940 babies were born": a sum over
     * several sites, never one site's figure */
    {
        static const char *const sites[] = {
            "sites",   "hospitals", "campuses",  "branches",  "stores",     "locations",
            "plants",  "facilities", "clinics",  "centres",   "centers",    "offices",
            "mills",   "factories", "warehouses", "mines",    "restaurants", "hotels"};
        for (size_t q = c->sent.from; sent_has(c, "across") && q < sp->start; q++)
            if (is_word(c, q, "across")) {
                bool site = false;
                for (size_t k = q + 1; k < sp->start && k <= q + 5 && !site; k++) {
                    site = word_of(c, k, sites, sizeof sites / sizeof *sites);
                    /* ("Across Rockport's three public pools, visits reached
                     * 52,100": two or more of any kind of place) */
                    bool several = (tok(c, k)->kind == FC_TOK_NUM &&
                                    fc_tok_number(c->text, tok(c, k)) >= 2) ||
                                   (entry_at(c, &c->r->number_words, k) && !is_word(c, k, "one"));
                    for (size_t h = k + 1; several && !site && h < sp->start && h <= k + 2; h++) {
                        const fc_tok *ht = tok(c, h);
                        site = ht->kind == FC_TOK_WORD && ht->end - ht->start > 3 &&
                               (c->text[ht->end - 1] | 0x20) == 's';
                    }
                }
                if (site) {
                    add(&b, 's', "across-sites");
                    break;
                }
            }
        /* ("59 cases across Carnford and Ellis counties": two places' sum) */
        for (size_t q = sp->end; q + 4 < c->sent.to && q < sp->end + 6 && !count_kind(&b, 's'); q++)
            if ((is_word(c, q, "across") || is_word(c, q, "in") || is_word(c, q, "between")) &&
                fc_tok_is_capitalised(c->text, tok(c, q + 1))) {
                size_t k = q + 1;
                while (k < c->sent.to && k < q + 4 && fc_tok_is_capitalised(c->text, tok(c, k)))
                    k++;
                if (is_word(c, k, "and") && k + 1 < c->sent.to &&
                    fc_tok_is_capitalised(c->text, tok(c, k + 1))) {
                    size_t e = k + 1;
                    while (e < c->sent.to && e < k + 4 && fc_tok_is_capitalised(c->text, tok(c, e)))
                        e++;
                    if (is_word(c, e, "counties") || is_word(c, e, "cities") ||
                        is_word(c, e, "towns") || is_word(c, e, "states") ||
                        is_word(c, e, "districts") || is_word(c, e, "provinces") ||
                        is_word(c, e, "parishes") || is_word(c, e, "boroughs"))
                        add(&b, 's', "across-sites");
                }
                break;
            }
        /* ("5.31 million trips across its buses and light rail": a sum over
         * two kinds of the body's own; not "jobs across the state's malls and
         * main streets", where they are) */
        for (size_t q = sp->end; q + 3 < c->sent.to && q < sp->end + 4 && !count_kind(&b, 's'); q++)
            if (is_word(c, q, "across") && (is_word(c, q + 1, "its") || is_word(c, q + 1, "their")) &&
                sent_has(c, "and")) {
                for (size_t k = q + 2; k < c->sent.to && k < q + 6 && !is_punct(c, k, ","); k++) {
                    if (is_word(c, k, "and") && k + 1 < c->sent.to &&
                        tok(c, k + 1)->kind == FC_TOK_WORD) {
                        add(&b, 's', "across-sites");
                        break;
                    }
                    if (is_break(c, k))
                        break;
                }
                break;
            }
        /* ("employs about 9,600 people at 14 plants": after the figure, three
         * sites or more; "held 1,480 inmates at two sites" may be one jail and
         * its annex) */
        size_t past = sp->subj_to > sp->end ? sp->subj_to : sp->end;
        for (size_t q = past; q + 2 < c->sent.to && q < past + 2 && !count_kind(&b, 's'); q++)
            if ((is_word(c, q, "at") || is_word(c, q, "across") || is_word(c, q, "in")) &&
                tok(c, q + 1)->kind == FC_TOK_NUM && fc_tok_number(c->text, tok(c, q + 1)) >= 3 &&
                word_of(c, q + 2, sites, sizeof sites / sizeof *sites))
                add(&b, 's', "across-sites");
        /* (and before it, in its subject: "its 14 data centers used 1.3
         * billion gallons") */
        /* (... "The county's three public housing agencies together manage
         * some 7,300 apartments") */
        static const char *const bodies[] = {"agencies", "authorities", "districts",
                                             "departments", "utilities", "companies"};
        for (size_t q = sp->start > c->sent.from + 8 ? sp->start - 8 : c->sent.from;
             q + 1 < sp->start && !count_kind(&b, 's'); q++) {
            const fc_entry *nw = tok(c, q)->kind == FC_TOK_WORD ? entry_at(c, &r->number_words, q)
                                                                : NULL;
            double v = tok(c, q)->kind == FC_TOK_NUM ? fc_tok_number(c->text, tok(c, q))
                       : nw                          ? nw->value
                                                     : 0;
            if (v < 2 || v != floor(v))
                continue;
            for (size_t h = q + 1; h < sp->start && h <= q + 3; h++)
                if ((v >= 3 && word_of(c, h, sites, sizeof sites / sizeof *sites)) ||
                    word_of(c, h, bodies, sizeof bodies / sizeof *bodies)) {
                    add(&b, 's', "across-sites");
                    break;
                }
        }
    }
    enum { PLAIN_MAX = 12 };
    size_t plain[PLAIN_MAX], nplain = 0;
    for (size_t i = wfrom; i < wto; i++) {
        if (in_span(i, sp->start, sp->end) || in_span(i, sp->subj_from, sp->subj_to) ||
            (at > af && in_span(i, af, at)))
            continue;
        const fc_tok *t = tok(c, i);
        bool lower_word = t->kind == FC_TOK_WORD && !fc_tok_is_capitalised(c->text, t);
        /* (a word in no phrase is "among" only when the rules have no "among") */
        if (lower_word && unknown(c, i) && (c->w_among < r->vocab.n || !is_word(c, i, "among"))) {
            /* A plain word: the common case. Kept by its token (the lexer's
             * lowercase hash tells repeats apart), stemmed once at the end. */
            if (t->end - t->start >= 3 && nplain < PLAIN_MAX) {
                bool seen = false;
                for (size_t q = 0; q < nplain && !seen; q++)
                    seen = tok(c, plain[q])->hash == t->hash;
                if (!seen)
                    plain[nplain++] = i;
            }
            continue;
        }
        /* A one-word stop word, hedge, unit, change or reporting verb that starts
         * no concept: nothing of what is measured, known in one look. */
        if (lower_word &&
            (r->grouping.word_class[c->word[i]] & (FC_WORD_SKIP | FC_WORD_CONCEPT)) ==
                FC_WORD_SKIP &&
            !is_word_n(c, i, c->w_among, "among"))
            continue;
        /* "among independents", "among adults under 30" */
        if (is_word_n(c, i, c->w_among, "among") && i + 1 < wto && tok(c, i + 1)->kind == FC_TOK_WORD) {
            size_t k = i + 1;
            while (k < wto && is_determiner_word(c, k))
                k++;
            if (k < wto && tok(c, k)->kind == FC_TOK_WORD) {
                /* the group's words, up to its head: "among high school
                 * football players" -> among-high_school_football_player */
                char s[48] = "among-";
                size_t n = strlen(s);
                for (size_t e = k; e < wto && e < k + 4 && tok(c, e)->kind == FC_TOK_WORD &&
                                   (e == k || (!skip_word(c, e) && !is_break(c, e)));
                     e++) {
                    stem(c->text, tok(c, e), w, 40);
                    if (n + strlen(w) + 2 > sizeof s)
                        break;
                    n += (size_t)snprintf(s + n, sizeof s - n, "%s%s", e > k ? "_" : "", w);
                }
                add(&b, 's', s);
                i = k;
                continue;
            }
        }
        /* Ages: "under 18", "younger than 5", "65 and older" narrow the scope. */
        if (t->kind == FC_TOK_NUM && !in_span(i, sp->start, sp->end)) {
            double v = fc_tok_number(c->text, t);
            char s[48] = "";
            if (i > wfrom && (is_word(c, i - 1, "under") || is_word(c, i - 1, "than")) && v < 120)
                snprintf(s, sizeof s, "under-%g", v);
            else if (i + 2 < c->sent.to && (is_word(c, i + 1, "and") || is_word(c, i + 1, "or")) &&
                     (is_word(c, i + 2, "older") || is_word(c, i + 2, "over") ||
                      is_word(c, i + 2, "up")))
                snprintf(s, sizeof s, "over-%g", v);
            if (s[0])
                add(&b, 's', s);
            continue;
        }
        /* "The state recorded ...", "the city has": a scope noun as the subject. */
        /* (also after an opening phrase: "Over the year, the state added") */
        bool opens = i == wfrom || (i > c->sent.from && is_punct(c, i - 1, ",") &&
                                    is_word(c, i, "the"));
        if (opens || (i == wfrom + 1 && is_word(c, wfrom, "the"))) {
            size_t k = is_word(c, i, "the") ? i + 1 : i;
            const char *sc = k < wto ? concept_at(c, &g->scope_subjects, k, &nt) : NULL;
            /* (past an adverb: "The state now has 64 confirmed cases") */
            size_t v = k + 1;
            if (sc && nt == 1 && v + 1 < wto &&
                (is_word(c, v, "now") || is_word(c, v, "also") || is_word(c, v, "already") ||
                 is_word(c, v, "currently") || is_word(c, v, "still")))
                v++;
            if (sc && nt == 1 && v < wto && tok(c, v)->kind == FC_TOK_WORD &&
                (list_at(c, &r->attr_after, v) || is_word(c, v, "has") || is_word(c, v, "had") ||
                 is_word(c, v, "saw") || is_word(c, v, "recorded") || is_word(c, v, "logged") ||
                 is_word(c, v, "spent") || is_word(c, v, "added") || is_word(c, v, "lost") ||
                 is_word(c, v, "will") || is_word(c, v, "is") || is_word(c, v, "was") ||
                 is_word(c, v, "counts") || is_word(c, v, "counted") || is_word(c, v, "logs") ||
                 is_word(c, v, "records") || is_word(c, v, "sees"))) {
                add(&b, 's', sc);
                i = k;
                continue;
            }
        }
        /* (a word that starts no concept is no thing, scope or event below) */
        bool concept_word = r->grouping.word_class[c->word[i]] & FC_WORD_CONCEPT;
        /* A thing's name in the clause ("the spending plan", "homes lost"). */
        if (concept_word && tok(c, i)->kind == FC_TOK_WORD &&
            (concept = concept_at(c, &g->things, i, &nt))) {
            add(&b, 'w', concept);
            i += nt - 1;
            continue;
        }
        if (concept_word && (concept = concept_at(c, &g->scopes, i, &nt)) &&
            !(at > af && i + nt > af && i < at)) { /* not inside the source's words */
            /* A capacity is the figure's scope when it is named before it ("a
             * capacity of 900", "built for 900"); after it, the figure is set
             * against the capacity ("held 2,140, well above its capacity"). */
            /* "under the district's plan": a possessive after the figure owns
             * something else, not the figure's scope */
            bool possessive = nt >= 1 && tok(c, i + nt - 1)->end - tok(c, i + nt - 1)->start > 2 &&
                              fc_ieq(c->text + tok(c, i + nt - 1)->end - 2, "'s", 2);
            /* ... and "above the national average", "below capacity", "more
             * than the state average": a yardstick the figure is set against */
            bool yardstick = false;
            for (size_t q = i; i > sp->start && q > i - 3 && q > sp->end && !yardstick; q--)
                yardstick = is_word(c, q - 1, "above") || is_word(c, q - 1, "below") ||
                            is_word(c, q - 1, "than");
            /* ... and "1,200 trips, an average of 40 a day": the words of the
             * figure after it */
            for (size_t q = i + nt + (is_word(c, i + nt, "of") ? 1 : 0);
                 i > sp->start && q < i + nt + 3 && q < c->sent.to && !yardstick; q++)
                yardstick = tok(c, q)->kind == FC_TOK_NUM &&
                            !(tok(c, q)->end - tok(c, q)->start == 4 &&
                              fc_tok_number(c->text, tok(c, q)) >= 1800 &&
                              fc_tok_number(c->text, tok(c, q)) <= 2100);
            if (i > sp->start && (possessive || yardstick || strcmp(concept, "capacity") == 0)) {
                i += nt - 1;
                continue;
            }
            /* "Under the state's new rules, 6,840 students qualify": a possessive
             * in a phrase that opens the sentence owns what the phrase is about */
            if (possessive && i < sp->start && i <= c->sent.from + 3 &&
                (is_word(c, c->sent.from, "under") || is_word(c, c->sent.from, "after") ||
                 is_word(c, c->sent.from, "despite") || is_word(c, c->sent.from, "following") ||
                 is_word(c, c->sent.from, "amid") || is_word(c, c->sent.from, "with") ||
                 is_word(c, c->sent.from, "thanks") || is_word(c, c->sent.from, "because"))) {
                bool comma = false;
                for (size_t q = i + nt; q < sp->start && !comma; q++)
                    comma = is_punct(c, q, ",");
                if (comma) {
                    i += nt - 1;
                    continue;
                }
            }
            /* "pending in the county court", "in the state prison system": the
             * place word names a body, no scope of the figure */
            static const char *const bodies[] = {"court", "courts", "jail", "prison", "fair",
                                                 "clerk", "system", "hospital", "library",
                                                 "museum", "park", "government", "legislature"};
            if (!possessive && i + nt < c->sent.to &&
                word_of(c, i + nt, bodies, sizeof bodies / sizeof *bodies)) {
                i += nt - 1;
                continue;
            }
            /* "The state's weatherization program upgraded 12,000 homes": the
             * scope owns the body that acts, not the figure ("the state's
             * jobless rate" keeps it) */
            bool owner = false;
            for (size_t q = i + nt; possessive && q < i + nt + 5 && q < sp->start && !owner &&
                                    (tok(c, q)->kind == FC_TOK_WORD || is_punct(c, q, "-"));
                 q++)
                owner = list_at(c, &r->grouping.owner_nouns, q) > 0;
            /* "the state's second-busiest scallop port": a rank among the
             * scope's, not the figure's scope */
            for (size_t q = i + nt; possessive && q < i + nt + 3 && q < c->sent.to && !owner; q++)
                owner = rank_word(c, q);
            /* (a rate of time is an average already: "daily water use averaged
             * 118 million gallons" is the "118 million gallons a day" used) */
            /* (but "the average resident used 104 gallons a day" is a figure
             * for one of them) */
            if (owner ||
                (cl->per != FC_PER_NONE && strcmp(concept, "average") == 0 &&
                 !(i + nt < c->sent.to &&
                   (list_at(c, &g->person_nouns, i + nt) || list_at(c, &g->generic_persons, i + nt) ||
                    is_word(c, i + nt, "household") || is_word(c, i + nt, "home") ||
                    is_word(c, i + nt, "customer") || is_word(c, i + nt, "family") ||
                    is_name_word(c, i + nt))))) {
                i += nt - 1;
                continue;
            }
            add(&b, 's', concept);
            i += nt - 1;
            continue;
        }
        /* "the plan calls for 420 apartments": a demand, no calls made */
        if ((concept = concept_word ? concept_at(c, &g->events, i, &nt) : NULL) && nt == 1 &&
            (is_word(c, i, "calls") || is_word(c, i, "call") || is_word(c, i, "called")) &&
            is_word(c, i + 1, "for"))
            concept = NULL;
        /* "carried out 412 transplants": a verb and its particle, nobody carried */
        if (concept && nt == 1 && is_word(c, i + 1, "out") &&
            (is_word(c, i, "carried") || is_word(c, i, "carry") || is_word(c, i, "carries")))
            concept = NULL;
        /* "raised its entry fee to $95", "raises the cap to 8,000": a level
         * raised to, no money raised */
        if (concept && i < sp->start && sp->start > c->sent.from &&
            is_word(c, sp->start - 1, "to") && strcmp(concept, "raise") == 0 &&
            (is_word(c, i, "raised") || is_word(c, i, "raise") || is_word(c, i, "raises") ||
             is_word(c, i, "raising")))
            concept = NULL;
        /* "the Harvest Lane street festival", "the Rescue Mission": a word of a
         * name, no event */
        if (concept && nt == 1 && i > c->sent.from && fc_tok_is_capitalised(c->text, t) &&
            i + 1 < c->sent.to && tok(c, i + 1)->kind == FC_TOK_WORD &&
            fc_tok_is_capitalised(c->text, tok(c, i + 1)))
            concept = NULL;
        /* "its busiest year since it opened", "Since the plant opened in 2019":
         * the event of a time clause dates the figure; it is not its event */
        /* (nor, after the figure, the event of a clause on "after", "before",
         * "because", "when" or "until": "will be $4,130 next year after the
         * trustees voted for the increase") */
        /* (and before it, the event of an opening clause on "when", "after",
         * "by the time": "By the time the gates closed Sunday, nurses had given
         * 1,240 flu shots") */
        /* ("Crews picked up 148,000 cubic yards of debris": an amount of stuff
         * is never arrested) */
        if (concept && cl->unit == FC_UNIT_OTHER && strcmp(concept, "arrest") == 0)
            concept = NULL;
        /* "The rink closed for the season Sunday after drawing 48,200
         * skaters": an event before "after" and a verb in -ing of the figure's
         * own is the main clause's */
        for (size_t q = i + nt; concept && q + 1 < sp->start; q++)
            if ((is_word(c, q, "after") || is_word(c, q, "before") || is_word(c, q, "while")) &&
                ends_ing(c, q + 1))
                concept = NULL;
        bool opening = false;
        for (size_t q = i + nt; concept && q < sp->start && !opening; q++)
            opening = is_punct(c, q, ",");
        for (size_t q = i; opening && concept && q > wfrom && q + 5 >= i; q--)
            if (is_word(c, q - 1, "when") || is_word(c, q - 1, "after") ||
                is_word(c, q - 1, "before") || is_word(c, q - 1, "until") ||
                (q >= wfrom + 3 && is_word(c, q - 1, "time") && is_word(c, q - 2, "the") &&
                 is_word(c, q - 3, "by")))
                concept = NULL;
        for (size_t q = i; concept && q > wfrom && q + 5 >= i && !is_punct(c, q - 1, ","); q--)
            if ((is_word(c, q - 1, "since") ||
                 (q > sp->end && (is_word(c, q - 1, "after") || is_word(c, q - 1, "before") ||
                                  is_word(c, q - 1, "because") || is_word(c, q - 1, "when") ||
                                  is_word(c, q - 1, "until")))) &&
                q < c->sent.to && tok(c, q)->kind == FC_TOK_WORD && !in_span(q, sp->start, sp->end))
                concept = NULL;
        if (concept) {
            /* "tied ... to a bakery that has since closed, with 13 confirmed
             * cases": an event of a relative clause closed before the figure is
             * its noun's, not the figure's */
            bool relative = false;
            for (size_t q = i; i < sp->start && q > wfrom && q + 4 >= i && !relative; q--)
                relative = is_word(c, q - 1, "that") || is_word(c, q - 1, "which") ||
                           is_word(c, q - 1, "who");
            if (relative) {
                size_t q = i + nt;
                while (q < sp->start && !is_punct(c, q, ","))
                    q++;
                if (q < sp->start) {
                    i += nt - 1;
                    continue;
                }
            }
            /* "let go without charges", "were not hurt": the event did not happen. */
            bool negated = false;
            for (size_t q = i; q > wfrom && q + 2 >= i && !negated; q--)
                negated = is_word(c, q - 1, "without") || is_word(c, q - 1, "not") ||
                          is_word(c, q - 1, "no") || is_word(c, q - 1, "never");
            /* "destroyed or damaged", "killed and injured": one count of two
             * events together, not a count of either. */
            const char *also = NULL;
            size_t nt2 = 0;
            if (i + nt + 1 < wto && (is_word(c, i + nt, "or") || is_word(c, i + nt, "and")))
                also = concept_at(c, &g->events, i + nt + 1, &nt2);
            if (also && strcmp(also, concept) == 0)
                also = NULL;
            if (!negated && !also) {
                add(&b, 'e', concept); /* the common case, no formatting */
            } else {
                char ev[48];
                if (also)
                    snprintf(ev, sizeof ev, "%s%.20s+%.20s", negated ? "not-" : "", concept,
                             also);
                else
                    snprintf(ev, sizeof ev, "not-%.40s", concept);
                add(&b, 'e', ev);
            }
            i += nt - 1 + (also ? 1 + nt2 : 0);
            /* What the event is of or for ("approval of the governor's handling of
             * the budget", "support for the levy"): modifiers of the thing. */
            if (i + 2 < wto && (is_word(c, i + 1, "of") || is_word(c, i + 1, "for") ||
                                is_word(c, i + 1, "to")) &&
                !in_span(i + 2, sp->start, sp->end)) { /* "a crowd of 48,200" */
                size_t k = i + 2, taken = 0;
                for (; k < wto && taken < 4 && !is_break(c, k) && !is_punct(c, k, ","); k++) {
                    /* "Donations for January stood at": a time, and the verb
                     * after it no object */
                    if (entry_at(c, &c->r->months, k) || list_at(c, &c->r->day_names, k) ||
                        entry_at(c, &c->r->relative_periods, k))
                        break;
                    /* ("attendance for the Hornets at Millrace Park": a name
                     * ends the object, and is read as a name; an owner's is
                     * passed, "approval of Trump's handling of immigration") */
                    if (is_name_word(c, k)) {
                        size_t m = k;
                        while (m + 1 < wto && is_name_word(c, m + 1) && !has_apostrophe(c, m))
                            m++;
                        if (!has_apostrophe(c, m))
                            break;
                    }
                    if (in_span(k, sp->start, sp->end) || tok(c, k)->kind != FC_TOK_WORD ||
                        skip_word(c, k) || is_word(c, k, "how") || is_name_word(c, k))
                        continue;
                    /* ("attendance for the season totaled 318,400": the verb
                     * before the figure is the clause's, no object) */
                    size_t nx = k + 1;
                    while (nx < sp->start && skip_word(c, nx))
                        nx++;
                    const fc_tok *vt = tok(c, k);
                    if (k < sp->start && nx == sp->start && vt->end - vt->start > 3 &&
                        (c->text[vt->end - 2] | 0x20) == 'e' && (c->text[vt->end - 1] | 0x20) == 'd')
                        break; /* (a verb: "totaled", "reached"; not "of immigration at 46%") */
                    char m[48];
                    stem(c->text, tok(c, k), m, sizeof m);
                    add(&b, 'o', m);
                    taken++;
                }
                i = k - 1;
            }
            continue;
        }
        /* "In Ward 3", "District 12": a label and its number name a place. */
        bool name_word = is_name_word(c, i); /* asked by the three tests below */
        if (name_word && i + 1 < c->sent.to && tok(c, i + 1)->kind == FC_TOK_NUM &&
            list_at(c, &g->place_labels, i) && !in_span(i + 1, sp->start, sp->end)) {
            char lab[48];
            stem(c->text, t, w, 24);
            snprintf(lab, sizeof lab, "%.24s_%.12s", w, c->text + tok(c, i + 1)->start);
            lab[strlen(w) + 1 + (tok(c, i + 1)->end - tok(c, i + 1)->start < 12
                                     ? tok(c, i + 1)->end - tok(c, i + 1)->start
                                     : 12)] = '\0';
            add(&b, 'p', lab);
            i++;
            continue;
        }
        /* "behind Linden College", "ahead of Harrowgate", "second to
         * Westbrook's 64": another the figure is set against, not its own */
        /* (nor "downstream of Merrow Slough", "40 miles north of Dunmore", "12
         * miles from Harwick": a place to reckon from, not where the figure is) */
        if (name_word && i > wfrom + 1 &&
            (is_word(c, i - 1, "of") || is_word(c, i - 1, "from")) &&
            (is_word(c, i - 2, "downstream") || is_word(c, i - 2, "upstream") ||
             is_word(c, i - 2, "north") || is_word(c, i - 2, "south") ||
             is_word(c, i - 2, "east") || is_word(c, i - 2, "west") ||
             is_word(c, i - 2, "northeast") || is_word(c, i - 2, "northwest") ||
             is_word(c, i - 2, "southeast") || is_word(c, i - 2, "southwest") ||
             is_word(c, i - 2, "miles") || is_word(c, i - 2, "kilometres") ||
             is_word(c, i - 2, "kilometers"))) {
            i = name_at(c, i, wto, name, sizeof name) - 1;
            continue;
        }
        if (name_word && i > wfrom &&
            (is_word(c, i - 1, "behind") || is_word(c, i - 1, "than") ||
             (i > wfrom + 1 && is_word(c, i - 1, "of") && is_word(c, i - 2, "ahead")) ||
             (i > wfrom + 1 && is_word(c, i - 1, "to") &&
              (is_word(c, i - 2, "second") || is_word(c, i - 2, "next"))))) {
            i = name_at(c, i, wto, name, sizeof name) - 1;
            continue;
        }
        if (name_word && !(list_at(c, &r->attr_titles, i))) {
            bool first = i == c->sent.from || (i > c->sent.from && tok(c, i - 1)->kind ==
                                                                        FC_TOK_PUNCT &&
                                               (is_punct(c, i - 1, "\"") ||
                                                is_punct(c, i - 1, "\xE2\x80\x9C")));
            size_t e = name_at(c, i, wto, name, sizeof name);
            bool known = list_at(c, &g->places, i) > 0;
            /* A name that starts the clause and comes before the figure is what
             * the figure is about ("Texas has reported 560 cases"). */
            bool subject = i == wfrom && e <= sp->start &&
                           (i == c->sent.from || !is_word(c, i - 1, "and"));
            /* "in Lisle", "in the Bronx", "in neighbouring Lisle" */
            bool place = known ||
                         (i > c->sent.from && (list_before(c, &g->place_preps, i) ||
                                               ((is_word(c, i - 1, "the") ||
                                                 (tok(c, i - 1)->kind == FC_TOK_WORD &&
                                                  !fc_tok_is_capitalised(c->text, tok(c, i - 1)) &&
                                                  !skip_word(c, i - 1))) &&
                                                i > c->sent.from + 1 &&
                                                list_before(c, &g->place_preps, i - 1)))) ||
                         (e > i && list_at(c, &g->place_nouns, e - 1)) ||
                         /* "the Port of Velmar" */
                         (e > i + 2 && list_at(c, &g->place_nouns, i) && is_word(c, i + 1, "of"));
            if (first && !known && e == i + 1 &&
                !((place || subject) && (is_proper(c, i) || possessive_name(c, i)))) {
                /* A capitalised first word is only a name when it is a known
                 * place; otherwise it is read as a plain word. */
                if (!skip_word(c, i)) {
                    stem(c->text, t, w, sizeof w);
                    add(&b, 'w', w);
                }
                continue;
            }
            /* "Carrow Falls, a city of about 48,000 in Halloran County, ...": the
             * place that locates another place says where that one is, no
             * place of the figure */
            if (place && in_place_appositive(c, i)) {
                i = e - 1;
                continue;
            }
            /* "in British Columbia's Selwyn Valley", "in Ontario's Niagara": a
             * place owns the place after it, the more specific, which comes
             * first (when the inner one ends in a place noun, or the owner is a
             * known place of one word) */
            if (place) {
                size_t q = i;
                while (q + 1 < e && !has_apostrophe(c, q))
                    q++;
                if (q + 1 < e && is_name_word(c, q + 1) &&
                    (list_at(c, &g->place_nouns, e - 1) ||
                     (q == i && bare_in(c, q, &g->places)))) {
                    char inner[48];
                    if (name_at(c, q + 1, e, inner, sizeof inner) == e && inner[0]) {
                        add(&b, 'p', inner);
                        name_at(c, i, q + 1, name, sizeof name);
                    }
                }
            }
            /* "Koreans" in the clause (not the counted noun) is a modifier of sorts. */
            add(&b, place ? 'p' : 'n', name);
            i = e - 1;
            continue;
        }
        if (skip_word(c, i))
            continue;
        stem(c->text, t, w, sizeof w);
        if (count_kind(&b, 'w') < 12)
            add(&b, 'w', w);
    }
    /* "Statewide, 45% of students met the math standard and 50% met the
     * reading standard": a scope that opens the sentence before a comma is the
     * scope of each of its figures whose clause gives none */
    if (!count_kind(&b, 's') && !count_kind(&b, 'p') && wfrom > c->sent.from + 1 &&
        is_punct(c, c->sent.from + 1, ",") && tok(c, c->sent.from)->kind == FC_TOK_WORD) {
        size_t nt0;
        const char *sc = concept_at(c, &g->scopes, c->sent.from, &nt0);
        if (sc && nt0 == 1)
            add(&b, 's', sc);
    }
    /* "In neighboring Alder County, the water district reported ... and 2 of its
     * 40 sampled homes": a place that opens the sentence before a comma is where
     * each of its figures is, when the figure's own clause names none. */
    /* (past an adverb of where: "Downstream at Mill Ferry,", "Nearby in ...") */
    size_t o0 = c->sent.from;
    if (o0 + 1 < c->sent.to &&
        (is_word(c, o0, "downstream") || is_word(c, o0, "upstream") || is_word(c, o0, "nearby") ||
         is_word(c, o0, "elsewhere") || is_word(c, o0, "meanwhile") || is_word(c, o0, "farther") ||
         is_word(c, o0, "further")) &&
        (is_word(c, o0 + 1, "in") || is_word(c, o0 + 1, "at")))
        o0++;
    if (!count_kind(&b, 'p') && wfrom > o0 + 2 &&
        (is_word(c, o0, "in") || is_word(c, o0, "across") ||
         is_word(c, o0, "throughout") || is_word(c, o0, "at"))) {
        size_t comma = o0 + 1;
        while (comma < o0 + 7 && comma < wfrom && !is_punct(c, comma, ","))
            comma++;
        size_t k = o0 + 1;
        while (k < comma && tok(c, k)->kind == FC_TOK_WORD && !is_name_word(c, k) &&
               !fc_tok_is_capitalised(c->text, tok(c, k)))
            k++; /* "the", "neighboring", "nearby" */
        /* (and "At the Tallis Marsh rookery,": the name, a noun of what it is) */
        size_t e = comma < wfrom && is_punct(c, comma, ",") && k < comma && is_name_word(c, k) &&
                           !possessive_name(c, k)
                       ? name_at(c, k, comma, name, sizeof name)
                       : 0;
        bool noun = e + 1 == comma && e > k && tok(c, e)->kind == FC_TOK_WORD &&
                    !fc_tok_is_capitalised(c->text, tok(c, e)) && !skip_word(c, e);
        if (e > k && (e == comma || noun))
            add(&b, 'p', name);
    }
    for (size_t q = 0; q < nplain && count_kind(&b, 'w') < 12; q++) {
        stem(c->text, tok(c, plain[q]), w, sizeof w);
        add(&b, 'w', w);
    }
    /* "58% full" is a share of capacity ("held 71 percent of its capacity") */
    if (cl->unit == FC_UNIT_PERCENT && !count_kind(&b, 't') && sp->end < c->sent.to &&
        is_word(c, sp->end, "full"))
        add(&b, 't', "capacity");
    /* People given a vaccine are people vaccinated: "to give catch-up doses of
     * the measles vaccine to 5,000 children" */
    bool people = false;
    for (size_t q = 0; q < b.n && !people; q++)
        people = term_is(&b, q, "t:person");
    if (people && !count_kind(&b, 'e'))
        for (size_t i = wfrom; i < wto; i++)
            if (is_word(c, i, "vaccine") || is_word(c, i, "vaccines")) {
                add(&b, 'e', "vaccinate");
                break;
            }
    /* With no counted noun and no event, a thing the clause names is what is
     * counted ("Fenn's proposed budget totals $381 million"; "homes lost ... at
     * 340"); "Kindergarten enrollment in the school district fell to 612" counts
     * an enrollment, not schools. */
    if (!count_kind(&b, 't') && !count_kind(&b, 'u') && !count_kind(&b, 'e')) {
        for (size_t i = wfrom; i < wto; i++) {
            if (in_span(i, sp->start, sp->end) || (at > af && in_span(i, af, at)) ||
                tok(c, i)->kind != FC_TOK_WORD)
                continue;
            if ((concept = concept_at(c, &g->things, i, &nt))) {
                /* (people as the counted noun names them: "passengers" is
                 * t:person m:=passenger, as after the figure) */
                if (nt == 1 && list_at(c, &g->person_nouns, i)) {
                    char role[48];
                    snprintf(role, sizeof role, "=%.46s", concept);
                    add(&b, 't', "person");
                    add(&b, 'm', role);
                } else {
                    add(&b, 't', concept);
                }
                /* "English learners number 1,015": the word before narrows it. */
                if (i > wfrom && tok(c, i - 1)->kind == FC_TOK_WORD && !skip_word(c, i - 1) &&
                    !concept_at(c, &g->things, i - 1, &nt) &&
                    !concept_at(c, &g->events, i - 1, &nt) && /* "raised tuition ... to" */
                    !in_span(i - 1, sp->start, sp->end) && !period_word(c, i - 1) &&
                    !(is_name_word(c, i - 1) && i - 1 > c->sent.from)) { /* "Pell Unified" */
                    stem(c->text, tok(c, i - 1), w, sizeof w);
                    add(&b, 'm', w);
                }
                break;
            }
        }
    }
    /* A price of a unit ("$3.62 a gallon", "$2.10 per square foot") measures
     * that unit's price: u:gallon, and t:price when nothing else is named */
    if (cl->unit == FC_UNIT_CURRENCY) {
        const char *per = strstr(cl->unit_name, " per ");
        if (per && per[5]) {
            char u[48];
            size_t n = 0;
            for (const char *p = per + 5; *p && n + 1 < sizeof u; p++)
                u[n++] = *p == ' ' ? '_' : *p;
            u[n] = '\0';
            add(&b, 'u', u);
            if (!count_kind(&b, 't'))
                add(&b, 't', "price");
        }
    }
    /* ... and an amount whose clause names no thing the rules know is of its
     * subject: "the hospital's operating loss came to $9.8 million" */
    if (cl->unit == FC_UNIT_CURRENCY && !count_kind(&b, 't') && sp->subj_to <= sp->subj_from)
        subject_thing(c, sp, wfrom, &b);
    /* "in its first 30 days", "in the busiest week", "over the past six
     * months": a stretch of its own, not the whole run ("about 460,000 trips
     * since it opened") nor another stretch; a figure with a period read
     * ("in January, its busiest month") has its stretch already */
    /* (also one that opens the sentence before the figure: "In its first 21
     * days of service the ferry carried 68,800") */
    size_t span_from = wfrom, span_to = cl->period ? 0 : wto; /* (0: no word looked at) */
    /* (to the clause's end past a long subject: "1,450 students in the Harlan
     * district were left without bus service on the first day of classes") */
    while (span_to && span_to < wto + 6 && span_to < c->sent.to && !is_break(c, span_to) &&
           !is_punct(c, span_to, ",") &&
           !(c->about.attr_to > c->about.attr_from && span_to == c->about.attr_from))
        span_to++;
    for (size_t i = c->sent.from; i < wfrom && i < span_to && i < c->sent.from + 4; i++)
        if (may_mark(c, i) &&
            (is_word(c, i, "first") || is_word(c, i, "last") || is_word(c, i, "past") ||
             is_word(c, i, "busiest") || is_word(c, i, "peak") || is_word(c, i, "final") ||
             is_word(c, i, "latest"))) {
            span_from = i;
            break;
        }
    for (size_t i = span_from; i + 1 < span_to; i++) {
        static const char *const marks[] = {"first",   "last", "past",  "opening",
                                            "busiest", "peak", "final", "latest"};
        if (!may_mark(c, i))
            continue; /* most words: one test */
        size_t m = 0;
        while (m < sizeof marks / sizeof *marks && !is_word(c, i, marks[m]))
            m++;
        if (m == sizeof marks / sizeof *marks)
            continue;
        /* ("A week before the first day of school": a day to reckon from) */
        if (i >= c->sent.from + 2 && is_word(c, i - 1, "the") &&
            (is_word(c, i - 2, "before") || is_word(c, i - 2, "after") ||
             is_word(c, i - 2, "until") || is_word(c, i - 2, "since")))
            continue;
        size_t u = i + 1;
        char n[16] = "";
        if (tok(c, u)->kind == FC_TOK_NUM || entry_at(c, &r->number_words, u)) {
            size_t len = tok(c, u)->end - tok(c, u)->start;
            snprintf(n, sizeof n, "%.*s-", (int)(len < 12 ? len : 12), c->text + tok(c, u)->start);
            u++;
        }
        /* (years too when counted, "the past five years", and decades: "the
         * past decade"; "last year" alone is a period) */
        bool years = n[0] || is_word(c, u, "decade") || is_word(c, u, "decades");
        static const char *const units[] = {"day",   "days",  "week",   "weeks",  "weekend",
                                            "month", "months", "hour",  "hours",  "year",
                                            "years", "decade", "decades"};
        for (size_t q = 0; u <= span_to && u < c->sent.to && q < sizeof units / sizeof *units; q++)
            if (is_word(c, u, units[q]) && (q < 9 || years)) {
                char sc[48];
                size_t ul = strlen(units[q]) - (units[q][strlen(units[q]) - 1] == 's');
                /* ("the latest week" is the last one, "opening day" the first) */
                snprintf(sc, sizeof sc, "span-%s-%s%.*s",
                         m == 7 ? "last" : m == 3 ? "first" : marks[m], n, (int)ul, units[q]);
                for (char *p = sc; *p; p++)
                    *p = (char)tolower((unsigned char)*p);
                add(&b, 's', sc);
                i = span_to;
                break;
            }
    }
    /* "Tallis County farmers have finished cutting winter wheat. They brought
     * in 3.4 million bushels this year.": a figure whose sentence opens with a
     * pronoun and names no thing or place takes the places and words of the
     * sentence before (in its paragraph) */
    if (wfrom == c->sent.from && !count_kind(&b, 't') && !count_kind(&b, 'p') &&
        c->prev_sent.to > c->prev_sent.from && c->prev_sent.to <= c->sent.from &&
        !tok(c, c->sent.from)->blank_before &&
        (is_word(c, wfrom, "they") || is_word(c, wfrom, "it") || is_word(c, wfrom, "its") ||
         is_word(c, wfrom, "their") || is_word(c, wfrom, "that") || is_word(c, wfrom, "this") ||
         is_word(c, wfrom, "she") || is_word(c, wfrom, "he") || is_word(c, wfrom, "her") ||
         is_word(c, wfrom, "his")))
        antecedent_terms(c, &b);
    /* "Harrowgate University won a record $102 million ... Its researchers won
     * 312 grants": a sentence that opens with "Its" or "Their" and names no
     * one is of the first name of the sentence before */
    if (wfrom == c->sent.from && !count_kind(&b, 'n') && !count_kind(&b, 'p') &&
        (is_word(c, wfrom, "its") || is_word(c, wfrom, "their")) &&
        c->prev_sent.to > c->prev_sent.from && c->prev_sent.to <= c->sent.from) {
        span keep = c->sent;
        c->sent = c->prev_sent;
        for (size_t i = c->sent.from; i < c->sent.to; i++)
            if (is_name_word(c, i) && !possessive_name(c, i)) {
                size_t e = name_at(c, i, c->sent.to, name, sizeof name);
                if (e > i + 1 && strchr(name, '_')) {
                    add(&b, 'n', name);
                    break;
                }
                if (e > i)
                    i = e - 1;
            }
        c->sent = keep;
    }
    sector_terms(c, sp, &b);
    /* "Overdoses claimed 164 lives", "the crash took 3 lives": deaths */
    for (size_t i = 0; i < b.n; i++) {
        if (!term_is(&b, i, "t:liv"))
            continue;
        static const char *const took[] = {"claimed", "claim", "claims", "claiming", "took",
                                           "take", "takes", "taking", "cost", "costs",
                                           "costing", "lost"};
        bool death = false;
        for (size_t q = sp->start; q-- > c->sent.from && q + 4 > sp->start && !death;)
            for (size_t v = 0; v < sizeof took / sizeof *took && !death; v++)
                death = is_word(c, q, took[v]);
        if (death) {
            keyb nb = {0};
            for (size_t j = 0; j < b.n; j++)
                if (j != i)
                    add(&nb, b.terms[j][0], b.terms[j] + 2);
            add(&nb, 't', "person");
            add(&nb, 'e', "death");
            b = nb;
        }
        break;
    }
    merge_losses(c, &b, sp->start);
    tax_flow(&b);
    money_lost(c, cl, &b, sp->start);
    /* "16,482 votes for the levy", "14,905 votes against": the side the
     * votes are on, as "in favor" gives it */
    /* (of a question on the ballot, not a candidate: "votes for Tom Brennan") */
    size_t after = sp->subj_to > sp->end ? sp->subj_to : sp->end;
    if (!count_kind(&b, 'e') && cl->unit == FC_UNIT_COUNT && after + 1 < c->sent.to &&
        (is_word(c, after, "for") || is_word(c, after, "against")) &&
        (is_word(c, after + 1, "the") || is_word(c, after + 1, "it") ||
         is_word(c, after + 1, "measure") || is_word(c, after + 1, "levy") ||
         is_word(c, after + 1, "proposition") || is_word(c, after + 1, "referendum")))
        for (size_t i = 0; i < b.n; i++)
            if (term_is(&b, i, "t:vote")) {
                add(&b, 'e', is_word(c, after, "for") ? "support" : "oppose");
                break;
            }
    if (c->key_partial)
        add(&b, 's', "partial");
    /* "The biggest single day was the Dec. 14 event, which took in 41,250
     * pounds": one day's part of a drive, never its total */
    if (cl->per == FC_PER_NONE)
        for (size_t i = c->sent.from; sent_has(c, "single") && i + 1 < sp->start; i++)
            if (is_word(c, i, "single") && (is_word(c, i + 1, "day") || is_word(c, i + 1, "week"))) {
                add(&b, 's', "single-day");
                break;
            }
    /* "22.4 feet, 5.4 feet above flood stage", "3 degrees below normal": a
     * distance from a mark, never the level of one */
    /* (not a stretch: "$5 million over the next decade") */
    if (cl->unit != FC_UNIT_COUNT && sp->end + 1 < c->sent.to &&
        (is_word(c, sp->end, "above") || is_word(c, sp->end, "below") ||
         (cl->unit == FC_UNIT_OTHER && (is_word(c, sp->end, "over") || is_word(c, sp->end, "under")) &&
          !is_word(c, sp->end + 1, "the") && !is_word(c, sp->end + 1, "a") &&
          !is_word(c, sp->end + 1, "an") && !is_word(c, sp->end + 1, "its") &&
          !is_word(c, sp->end + 1, "their") && !is_word(c, sp->end + 1, "next") &&
          !is_word(c, sp->end + 1, "last") && !is_word(c, sp->end + 1, "past"))) &&
        tok(c, sp->end + 1)->kind == FC_TOK_WORD)
        add(&b, 's', "relative");
    /* "About 400 evacuees remain in shelters", "9,100 are still without power":
     * those left, never the whole count ("About 2,300 residents were
     * evacuated") */
    /* (said of the figure's own people, close after them: not "with damage
     * assessments still under way") */
    for (size_t i = sp->end, e = (sp->subj_to > sp->end ? sp->subj_to : sp->end) + 3;
         i < wto && i < e && i < c->sent.to; i++) {
        if (is_punct(c, i, ",") || is_word(c, i, "with") || is_word(c, i, "and"))
            break;
        if (is_word(c, i, "remain") || is_word(c, i, "remains") || is_word(c, i, "remained") ||
            is_word(c, i, "still")) {
            add(&b, 's', "remaining");
            break;
        }
    }
    /* "412 athletes on 18 teams, and 236 of them are women": a part is of its
     * whole's body and place (the whole's names, in its key) */
    /* (and what the whole counts, when the part names nothing it counts) */
    bool own_thing = count_kind(&b, 't') || count_kind(&b, 'u') || count_kind(&b, 'e');
    if (cl->part_of[0] && !count_kind(&b, 'n') && !count_kind(&b, 'p'))
        for (size_t k = c->out->n; k-- > 0 && k + 24 > c->out->n;) {
            const fc_claim *wc = &c->out->items[k];
            if (strcmp(wc->id, cl->part_of) != 0)
                continue;
            for (const char *p = wc->key; p && *p;) {
                size_t len = strcspn(p, " ");
                if (len > 2 && len < 48 && p[1] == ':' &&
                    (p[0] == 'n' || p[0] == 'p' ||
                     (!own_thing && (p[0] == 't' || p[0] == 'm' || p[0] == 'e')))) {
                    char term[48];
                    memcpy(term, p + 2, len - 2);
                    term[len - 2] = '\0';
                    add(&b, p[0], term);
                }
                p += len + (p[len] == ' ');
            }
            if (!own_thing) /* (a part of what it counts, never the whole) */
                add(&b, 's', "part");
            break;
        }
    /* "The Linwood History Museum had its best year ... The museum counted
     * 186,400 visitors": "the museum" is the body the sentence before names */
    if (!count_kind(&b, 'n') && c->prev_sent.to > c->prev_sent.from &&
        c->prev_sent.to <= c->sent.from)
        for (size_t q = wfrom + 1; q < sp->start && q < wfrom + 3; q++) {
            if (!is_word(c, q - 1, "the") || tok(c, q)->kind != FC_TOK_WORD ||
                fc_tok_is_capitalised(c->text, tok(c, q)) || tok(c, q)->end - tok(c, q)->start < 4)
                continue;
            /* (not the speaker: "The board said 41 people were injured") */
            if ((at > af && q >= af && q < at) || speech_verb(c, q + 1))
                break;
            span here = c->sent;
            c->sent = c->prev_sent;
            char nm[48] = "";
            for (size_t k = c->prev_sent.from + 1; k < c->prev_sent.to && !nm[0]; k++) {
                if (tok(c, k)->hash != tok(c, q)->hash || !fc_tok_is_capitalised(c->text, tok(c, k)) ||
                    !fc_tok_is_capitalised(c->text, tok(c, k - 1)) || is_word(c, k - 1, "the"))
                    continue;
                size_t s0 = k - 1;
                while (s0 > c->prev_sent.from && tok(c, s0 - 1)->kind == FC_TOK_WORD &&
                       fc_tok_is_capitalised(c->text, tok(c, s0 - 1)) && !is_word(c, s0 - 1, "the"))
                    s0--;
                if (name_at(c, s0, k + 1, nm, sizeof nm) != k + 1 || !strchr(nm, '_'))
                    nm[0] = '\0';
            }
            c->sent = here;
            if (nm[0])
                add(&b, 'n', nm);
            break;
        }
    /* "asked for $400,000 to hire four more kennel workers", "another 40
     * beds", "12 additional officers": an increment, never the whole staff */
    if (cl->unit == FC_UNIT_COUNT && sp->end + 1 < c->sent.to &&
        ((is_word(c, sp->end, "more") && tok(c, sp->end + 1)->kind == FC_TOK_WORD &&
          !is_word(c, sp->end + 1, "than")) ||
         is_word(c, sp->end, "additional") || is_word(c, sp->end, "extra") ||
         (sp->start > c->sent.from &&
          (is_word(c, sp->start - 1, "another") || is_word(c, sp->start - 1, "additional")))))
        add(&b, 's', "more");
    /* "Turnout at the county's clinics has been strongest among seniors. The
     * clinics have given 14,900 flu shots": "the clinics" of the figure's
     * subject are the ones the sentence before owns */
    if (!count_kind(&b, 's') && !count_kind(&b, 'p') && c->prev_sent.to > c->prev_sent.from &&
        c->prev_sent.to <= c->sent.from)
        for (size_t q = wfrom + 1; q < sp->start && q < wfrom + 4 && !count_kind(&b, 's'); q++) {
            if (!is_word(c, q - 1, "the") || tok(c, q)->kind != FC_TOK_WORD ||
                fc_tok_is_capitalised(c->text, tok(c, q)) || tok(c, q)->end - tok(c, q)->start < 4 ||
                (c->text[tok(c, q)->end - 1] | 0x20) != 's')
                continue;
            span here = c->sent;
            c->sent = c->prev_sent; /* (the look-ups stay inside their sentence) */
            const char *sc = NULL;
            for (size_t k = c->prev_sent.from; k + 1 < c->prev_sent.to && !sc; k++) {
                size_t n0;
                if (tok(c, k + 1)->hash != tok(c, q)->hash || !has_apostrophe(c, k))
                    continue;
                /* ("county's" alone, or with its article: "the county's") */
                if (!(sc = concept_at(c, &g->scopes, k, &n0)) || n0 != 1)
                    sc = k > c->sent.from && (sc = concept_at(c, &g->scopes, k - 1, &n0)) && n0 == 2
                             ? sc
                             : NULL;
            }
            c->sent = here;
            if (sc)
                add(&b, 's', sc);
        }
    /* Which count of an event over time: the most at once ("outages peaked at
     * 63,400", "at the height of the storm"), all who were ever in it ("lost
     * power at some point"), or those in it still ("remained without
     * service", "still without"): three figures of one storm, never compared */
    if (count_kind(&b, 'e') && (cl->unit == FC_UNIT_COUNT || cl->unit == FC_UNIT_PERCENT)) {
        bool peak = false, ever = false, still = false;
        for (size_t i = wfrom; i < wto && i < c->sent.to; i++) {
            /* (the verb, or "at the peak", "at its height": not "Hollin Peak"
             * nor "peak season") */
            peak = peak || is_word(c, i, "peaked") ||
                   ((is_word(c, i, "peak") || is_word(c, i, "height")) && i >= wfrom + 2 &&
                    !fc_tok_is_capitalised(c->text, tok(c, i)) &&
                    (is_word(c, i - 1, "the") || is_word(c, i - 1, "its")) &&
                    is_word(c, i - 2, "at"));
            ever = ever || (is_word(c, i, "some") && is_word(c, i + 1, "point")) ||
                   is_word(c, i, "cumulative");
            /* ("still without power", "remained without service", "remain
             * hospitalized": not "assessments are still under way") */
            if ((is_word(c, i, "still") || is_word(c, i, "remained") || is_word(c, i, "remain") ||
                 is_word(c, i, "remains")) &&
                (is_word(c, i + 1, "without") || is_word(c, i + 1, "hospitalized") ||
                 is_word(c, i + 1, "missing") || is_word(c, i + 1, "displaced") ||
                 (is_word(c, i + 1, "in") && is_word(c, i + 2, "the") && is_word(c, i + 3, "dark"))))
                still = true;
        }
        if (peak + ever + still == 1)
            add(&b, 's', peak ? "peak" : ever ? "ever" : "still");
    }
    /* Vacancies: "31 open bus driver positions" and "still short 46 bus
     * drivers" count the same unfilled jobs */
    if (cl->unit == FC_UNIT_COUNT && count_kind(&b, 't') == 1) {
        bool job = false, person = false, open = false;
        for (size_t i = 0; i < b.n; i++) {
            job = job || term_is(&b, i, "t:job");
            person = person || term_is(&b, i, "t:person");
            open = open || term_is(&b, i, "m:open") || term_is(&b, i, "m:vacant") ||
                   term_is(&b, i, "m:unfill") || term_is(&b, i, "m:unfilled");
        }
        bool short_of = sp->start > c->sent.from && is_word(c, sp->start - 1, "short");
        if ((job && open) || (person && short_of)) {
            keyb nb = {0};
            add(&nb, 't', "vacancy");
            for (size_t i = 0; i < b.n; i++) {
                const char *t = b.terms[i];
                if (term_is(&b, i, "t:job") || term_is(&b, i, "t:person") ||
                    term_is(&b, i, "m:open") || term_is(&b, i, "m:vacant") ||
                    term_is(&b, i, "m:unfill") || term_is(&b, i, "m:unfilled"))
                    continue;
                if (t[0] == 'm') {
                    /* "=teacher": the role, as a kind; "teacher" and "teaching
                     * positions" alike (the doer's -er left out) */
                    char m[48];
                    snprintf(m, sizeof m, "%s", t + 2 + (t[2] == '='));
                    size_t ml = strlen(m);
                    if (ml > 5 && m[ml - 2] == 'e' && m[ml - 1] == 'r')
                        m[ml - 2] = '\0';
                    add(&nb, 'm', m);
                } else {
                    add(&nb, t[0], t + 2);
                }
            }
            b = nb;
        }
    }
    drop_outlet(c, &b);
    return key_write(cl, &b);
}

/* The key of a prison term: the term, the sentencing and the names of its
 * sentence (whose term it is: "sentenced Garrett Voss ... to 11 years"). The
 * words around it say little (the crimes, the judge's remarks). */
static fc_status prison_key(const ctx *c, fc_claim *cl)
{
    keyb b;
    b.n = b.bytes = 0;
    memset(b.count, 0, sizeof b.count);
    memset(b.kind_bytes, 0, sizeof b.kind_bytes);
    add(&b, 't', "prison-term");
    add(&b, 'u', cl->unit_name); /* "11 years" is never "30 months" */
    add(&b, 'e', "sentence");
    char name[48];
    for (size_t k = c->sent.from; k < c->sent.to; k++)
        if (is_name_word(c, k) && (k == c->sent.from || !is_name_word(c, k - 1))) {
            size_t e = name_at(c, k, c->sent.to, name, sizeof name);
            if (e > k + 1 && strchr(name, '_'))
                add(&b, 'n', name);
            if (e > k)
                k = e - 1;
        }
    return key_write(cl, &b);
}

/* Writes the terms of b as cl's key. */
static fc_status key_write(fc_claim *cl, const keyb *b)
{
    if (b->n == 0)
        return FC_OK;
    /* In kind order, each kind in the order found (the first place is the most
     * specific: "Ellabell, Georgia"). */
    size_t total = b->bytes + b->n; /* the terms, a space between, a NUL */
    char *out = cl->key = malloc(total);
    if (!out)
        return FC_ENOMEM;
    /* Where each kind's terms start (each term is followed by a space, the last
     * one's made the NUL), then each term put in its kind's place: one pass. */
    size_t place[sizeof KINDS], pos = 0;
    for (size_t k = 0; k < sizeof KINDS; k++) {
        place[k] = pos;
        pos += b->kind_bytes[k] + b->count[k];
    }
    for (size_t i = 0; i < b->n; i++) {
        size_t *p = &place[b->kind[i]];
        memcpy(out + *p, b->terms[i], b->len[i]);
        *p += b->len[i];
        out[(*p)++] = ' ';
    }
    out[total - 1] = '\0';
    return FC_OK;
}

/* The places (names ending in a place noun, or known places) and the plain
 * words of the sentence before the current one, as terms of b: what a pronoun
 * opening the current sentence stands for. */
static void antecedent_terms(ctx *c, keyb *b)
{
    const fc_grouping *g = &c->r->grouping;
    span keep = c->sent;
    c->sent = c->prev_sent;
    char w[48], name[48];
    size_t words = 0, nt;
    for (size_t i = c->sent.from; i < c->sent.to; i++) {
        const fc_tok *t = tok(c, i);
        if (t->kind != FC_TOK_WORD)
            continue;
        const char *concept;
        if (is_name_word(c, i)) {
            size_t e = name_at(c, i, c->sent.to, name, sizeof name);
            if (e > i && ((e > i + 1 && list_at(c, &g->place_nouns, e - 1)) ||
                          list_at(c, &g->places, i))) {
                add(b, 'p', name);
                i = e - 1;
                continue;
            }
            /* (a name of two words or more: "Clara Mendes beat ... She finished
             * with 32,418 votes") */
            if (e > i + 1 && strchr(name, '_') && !possessive_name(c, i))
                add(b, 'n', name);
            if (e > i)
                i = e - 1;
            continue;
        }
        if ((concept = concept_at(c, &g->things, i, &nt))) {
            add(b, 'w', concept);
            i += nt - 1;
            continue;
        }
        if (fc_tok_is_capitalised(c->text, t) || skip_word(c, i) || words >= 6 ||
            t->end - t->start < 3)
            continue;
        stem(c->text, t, w, sizeof w);
        add(b, 'w', w);
        words++;
    }
    c->sent = keep;
}

/* Whether the sentence gives a count still under way: "with 82% of precincts
 * reporting", "partial results", "early returns", "preliminary figures",
 * "ballots still to be counted", "of the vote counted" ("unofficial returns"
 * are most often the whole count, not yet certified). */
static bool partial_count(const ctx *c)
{
    static const char *const kinds[] = {"results", "count", "counts", "returns", "tally",
                                        "figures"};
    /* Every word asked about at i below starts with one of these letters
     * ("with", "precincts", "partial", "early", "be", "vote" ...): any other
     * word starts no partial count, told in one look. */
    static const bool first[256] = {['w'] = 1, ['W'] = 1, ['p'] = 1, ['P'] = 1, ['e'] = 1,
                                    ['E'] = 1, ['b'] = 1, ['B'] = 1, ['v'] = 1, ['V'] = 1};
    for (size_t i = c->sent.from; i + 1 < c->sent.to; i++) {
        if (tok(c, i)->kind != FC_TOK_WORD || !first[(unsigned char)c->text[tok(c, i)->start]])
            continue;
        /* "through 56 home dates, with two home games remaining": a season's
         * tally before its end (not "the remaining 230 workers") */
        if (is_word(c, i, "with")) {
            bool num = false;
            for (size_t k = i + 1; k < c->sent.to && k < i + 6; k++) {
                num = num || tok(c, k)->kind == FC_TOK_NUM || entry_at(c, &c->r->number_words, k);
                if (num && (is_word(c, k, "remaining") || is_word(c, k, "left") ||
                            (is_word(c, k, "to") && (is_word(c, k + 1, "play") ||
                                                     is_word(c, k + 1, "go")))))
                    return true;
            }
        }
        /* (not "with all 62 precincts reporting", "100% of precincts
         * reporting": the whole count) */
        if (is_word(c, i, "precincts") &&
            (is_word(c, i + 1, "reporting") || is_word(c, i + 1, "reported"))) {
            bool all = false;
            for (size_t k = i > c->sent.from + 4 ? i - 4 : c->sent.from; k < i && !all; k++)
                all = is_word(c, k, "all") || is_word(c, k, "every") ||
                      (tok(c, k)->kind == FC_TOK_NUM && fc_tok_number(c->text, tok(c, k)) == 100 &&
                       is_punct(c, k + 1, "%"));
            if (!all)
                return true;
        }
        if (is_word(c, i, "partial") || is_word(c, i, "preliminary") || is_word(c, i, "early"))
            for (size_t q = 0; q < sizeof kinds / sizeof *kinds; q++)
                if (is_word(c, i + 1, kinds[q]) && !(is_word(c, i, "early") && q != 3) &&
                    !(is_word(c, i, "preliminary") && q == 5))
                    return true; /* (not "preliminary figures": a year's, not yet final) */
        /* "still to be counted", "being counted"; "with 60% of the vote
         * counted" (not "with all ballots counted") */
        if (is_word(c, i + 1, "counted") && (is_word(c, i, "be") || is_word(c, i, "being")))
            return true;
        if (is_word(c, i + 1, "counted") &&
            (is_word(c, i, "vote") || is_word(c, i, "votes") || is_word(c, i, "ballots"))) {
            bool all = false, of = false;
            for (size_t k = i > c->sent.from + 3 ? i - 3 : c->sent.from; k < i; k++) {
                all = all || is_word(c, k, "all");
                of = of || is_word(c, k, "of");
            }
            if (of && !all)
                return true;
        }
    }
    return false;
}

/* Whether the words from token k up to the figure at `to` open a verb phrase
 * with no subject of its own: "is", "was", "has", "had" ... within two words
 * ("and is 60% contained", "and has now reached 41"). */
/* "shut off 1,420 households, most of them in Eastbank", ", mostly in the
 * north", ", nearly half of those in ...": how the figure breaks down, after
 * a comma at token k; its places and things are some of the figure's, no
 * scope of the whole. */
static bool breakdown_after(const ctx *c, size_t k)
{
    if (k + 1 >= c->sent.to)
        return false;
    if ((is_word(c, k, "mostly") || is_word(c, k, "mainly") || is_word(c, k, "largely") ||
         is_word(c, k, "chiefly")) &&
        (is_word(c, k + 1, "in") || is_word(c, k + 1, "at") || is_word(c, k + 1, "from")))
        return true;
    size_t q = k;
    if (is_word(c, q, "nearly") || is_word(c, q, "almost") || is_word(c, q, "about") ||
        is_word(c, q, "roughly") || is_word(c, q, "well"))
        q++;
    if (!(is_word(c, q, "most") || is_word(c, q, "many") || is_word(c, q, "some") ||
          is_word(c, q, "half") || is_word(c, q, "all") || is_word(c, q, "several") ||
          is_word(c, q, "majority") || is_word(c, q, "few")))
        return false;
    return (is_word(c, q + 1, "of") && (is_word(c, q + 2, "them") || is_word(c, q + 2, "those") ||
                                        is_word(c, q + 2, "which") || is_word(c, q + 2, "whom")));
}

static bool coordinated_verb(const ctx *c, size_t k, size_t to)
{
    static const char *const verbs[] = {"is",    "was",     "are",     "were",    "has",
                                        "had",   "have",    "remains", "remained", "stands",
                                        "stood", "reached", "reaches", "now"};
    for (size_t q = k; q < to && q < k + 2; q++)
        for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++)
            if (is_word(c, q, verbs[v]))
                return true;
    return false;
}

/* Whether the tokens [from, to) are "of" and at most two determiners or
 * possessives: a part's "of" before its whole's figure ("61% of the 900",
 * "Three of the vessel's five"). */
static bool partitive_of(const ctx *c, size_t from, size_t to)
{
    if (!is_word(c, from, "of") || to <= from || to > from + 5)
        return false;
    size_t words = 0;
    for (size_t k = from + 1; k < to; k++) {
        const fc_tok *t = tok(c, k);
        if (t->kind == FC_TOK_WORD && !is_determiner(c, k)) {
            const char *e = c->text + t->end;
            bool poss = t->end - t->start > 2 &&
                        ((e[-2] == '\'' && (e[-1] == 's' || e[-1] == 'S')) ||
                         (t->end - t->start > 4 && memcmp(e - 4, "\xE2\x80\x99s", 4) == 0));
            bool s_after = k + 1 < to && (is_punct(c, k + 1, "'") || is_punct(c, k + 1, "\xE2\x80\x99"));
            if (!poss && !s_after && !is_word(c, k, "s"))
                return false;
            words++;
        } else if (t->kind != FC_TOK_WORD && !is_punct(c, k, "'") &&
                   !is_punct(c, k, "\xE2\x80\x99")) {
            return false;
        }
    }
    return words <= 2;
}

/* Whether the length of time at sp is a prison term: "sentenced ... to 11
 * years", "14 years in federal prison", "a 30-month jail term", "five years
 * behind bars". */
static bool prison_term(const ctx *c, const fc_claim_toks *sp)
{
    size_t e = sp->end;
    if (is_word(c, e, "in") &&
        (is_word(c, e + 1, "federal") || is_word(c, e + 1, "state") || is_word(c, e + 1, "county")))
        e++;
    if (is_word(c, e, "in") || is_word(c, e, "behind"))
        e++;
    if (is_word(c, e, "prison") || is_word(c, e, "jail") || is_word(c, e, "bars") ||
        is_word(c, e, "custody"))
        return true;
    if (sp->start <= c->sent.from || !is_word(c, sp->start - 1, "to"))
        return false;
    for (size_t k = sp->start - 1; k > c->sent.from && k + 12 > sp->start; k--)
        if (is_word(c, k - 1, "sentenced") || is_word(c, k - 1, "jailed") ||
            is_word(c, k - 1, "imprisoned"))
            return true;
    return false;
}

/* The statistic a duration cl is a measured time of, a median or average of
 * many ("a median wait of 212 minutes", "waited a median of 284 minutes",
 * "response times averaged 9.4 minutes"): "median" or "average", keyed like a
 * count with that scope; NULL for most lengths of time, the stretch a story's
 * figures cover ("over three months"). *what is set to the token of what is
 * timed ("wait", "waited", "response"), or SIZE_MAX. */
static const char *time_statistic(const ctx *c, const fc_claim *cl, const fc_claim_toks *sp,
                                  size_t *what)
{
    *what = (size_t)-1;
    if (cl->unit != FC_UNIT_DURATION || cl->role != FC_ROLE_LEVEL || !cl->unit_name[0] ||
        sp->start <= c->sent.from)
        return NULL;
    for (size_t k = sp->start; k-- > c->sent.from && k + 20 > sp->start;) {
        if (is_break(c, k))
            return NULL;
        const char *stat = is_word(c, k, "median") ? "median"
                           : is_word(c, k, "average") || is_word(c, k, "averaged") ||
                                   is_word(c, k, "averaging") || is_word(c, k, "mean")
                               ? "average"
                               : NULL;
        if (!stat)
            continue;
        /* what is timed: the noun after ("the median wait"), else the first
         * word of the words before ("response times averaged", "waited a
         * median of") */
        if (k + 1 < sp->start && tok(c, k + 1)->kind == FC_TOK_WORD && !skip_word(c, k + 1) &&
            !fc_tok_is_capitalised(c->text, tok(c, k + 1))) {
            *what = k + 1;
            return stat;
        }
        if (k >= c->sent.from + 2 && (is_word(c, k - 1, "a") || is_word(c, k - 1, "an"))) {
            if (tok(c, k - 2)->kind == FC_TOK_WORD && !skip_word(c, k - 2))
                *what = k - 2; /* "waited a median of" */
            return stat;
        }
        size_t q = k; /* "response times averaged" */
        while (q > c->sent.from && q + 3 > k && tok(c, q - 1)->kind == FC_TOK_WORD &&
               !skip_word(c, q - 1) && !fc_tok_is_capitalised(c->text, tok(c, q - 1)) &&
               !is_determiner(c, q - 1))
            q--;
        if (q < k)
            *what = q;
        return stat;
    }
    return NULL;
}

/* Appends to cl's key the terms of key whose kind is one of kinds ("np"). */
static fc_status append_terms(fc_claim *cl, const char *key, const char *kinds)
{
    char more[256];
    size_t m = 0;
    for (const char *p = key; *p;) {
        size_t len = strcspn(p, " ");
        if (len > 2 && p[1] == ':' && strchr(kinds, p[0]) && m + len + 1 < sizeof more) {
            more[m++] = ' ';
            memcpy(more + m, p, len);
            m += len;
        }
        p += len + (p[len] == ' ');
    }
    more[m] = '\0';
    size_t kl = strlen(cl->key);
    char *k2 = realloc(cl->key, kl + m + 1);
    if (!k2)
        return FC_ENOMEM;
    memcpy(k2 + kl, more, m + 1);
    cl->key = k2;
    return FC_OK;
}

/* Whether token i is a lowercase word in -ing ("bringing", "leaving"). */
static bool ends_ing(const ctx *c, size_t i)
{
    if (i >= c->sent.to || tok(c, i)->kind != FC_TOK_WORD ||
        fc_tok_is_capitalised(c->text, tok(c, i)))
        return false;
    const fc_tok *t = tok(c, i);
    return t->end - t->start > 5 && fc_ieq(c->text + t->end - 3, "ing", 3);
}

fc_status fc_key_sentence(ctx *c, size_t first, const fc_claim_toks *spans)
{
    size_t n = c->out->n - first;
    if (c->r->grouping.nconcepts == 0 && c->r->grouping.person_nouns.n == 0 &&
        c->r->grouping.weight[FC_TERM_THING] == 0)
        return FC_OK; /* rules without a grouping vocabulary: no keys */
    if (c->sentence == 0) {
        c->lead_name[0] = '\0';
        size_t e = c->sent.from + 1 < c->sent.to && is_word(c, c->sent.from, "the")
                       ? name_at(c, c->sent.from + 1, c->sent.to, c->lead_name,
                                 sizeof c->lead_name)
                       : 0;
        if (!e || !strchr(c->lead_name, '_') || has_apostrophe(c, e - 1))
            c->lead_name[0] = '\0';
    }
    memset(c->sent_words, 0, sizeof c->sent_words);
    for (size_t k = c->sent.from; k < c->sent.to; k++)
        if (tok(c, k)->kind == FC_TOK_WORD) {
            unsigned a, b;
            bloom_bits(tok(c, k)->hash, &a, &b);
            c->sent_words[a >> 6] |= (uint64_t)1 << (a & 63);
            c->sent_words[b >> 6] |= (uint64_t)1 << (b & 63);
        }
    bool partial_known = false; /* c->key_partial, asked on the first claim keyed */
    size_t prev_from = c->sent.from; /* the clause start of the claim before */
    for (size_t i = 0; i < n; i++) {
        fc_claim *cl = &c->out->items[first + i];
        const fc_claim_toks *sp = &spans[i];
        if (cl->unit == FC_UNIT_DURATION && cl->role == FC_ROLE_LEVEL && prison_term(c, sp)) {
            fc_status st = prison_key(c, cl);
            if (st != FC_OK)
                return st;
            continue;
        }
        size_t timed;
        if ((cl->role == FC_ROLE_CHANGE && cl->unit != FC_UNIT_COUNT &&
             cl->unit != FC_UNIT_CURRENCY) ||
            (cl->unit == FC_UNIT_DURATION && !time_statistic(c, cl, sp, &timed)))
            continue; /* a change in points or percent is no tally of things */
        /* The clause: back to the figure before or a break, on to the figure
         * after or a break after the counted noun. */
        size_t lo = i > 0 ? spans[i - 1].end : c->sent.from;
        /* "Visitor numbers at the zoo rose 7% to about 612,000": a level after
         * its change is in the change's clause */
        if (i > 0 && c->out->items[first + i - 1].role == FC_ROLE_CHANGE &&
            cl->role == FC_ROLE_LEVEL &&
            (cl->unit == FC_UNIT_COUNT || cl->unit == FC_UNIT_CURRENCY) &&
            spans[i - 1].end + 4 >= sp->start)
            lo = i > 1 ? spans[i - 2].end : c->sent.from;
        /* "Nearby Oldcastle Airport, 40 miles north, handled 1.12 million": a
         * figure set off by commas is an aside in the clause, not its start */
        if (i > 0 && spans[i - 1].start > c->sent.from + 1 &&
            is_punct(c, spans[i - 1].start - 1, ",")) {
            size_t e = spans[i - 1].end;
            while (e < sp->start && e < spans[i - 1].end + 3 && !is_punct(c, e, ","))
                e++;
            if (e < sp->start && is_punct(c, e, ",") && !is_word(c, e + 1, "and") &&
                !is_word(c, e + 1, "or"))
                lo = i > 1 ? spans[i - 2].end : c->sent.from;
        }
        if (sp->start > lo + 16)
            lo = sp->start - 16; /* a clause's words near the figure say the most */
        size_t wfrom = sp->start;
        while (wfrom > lo && !is_break(c, wfrom - 1))
            wfrom--;
        /* "Marsh University won 41 grants worth $19.8 million": the money is the
         * grants', and its clause is theirs */
        if (i > 0 && sp->start >= 1 && sp->start - 1 >= spans[i - 1].end &&
            (is_word(c, sp->start - 1, "worth") || is_word(c, sp->start - 1, "totaling") ||
             is_word(c, sp->start - 1, "totalling") ||
             (sp->start >= 2 && is_word(c, sp->start - 1, "at") &&
              is_word(c, sp->start - 2, "valued"))) &&
            (sp->start - 1 == (spans[i - 1].subj_to > spans[i - 1].end ? spans[i - 1].subj_to
                                                                         : spans[i - 1].end) ||
             sp->start - 2 == (spans[i - 1].subj_to > spans[i - 1].end ? spans[i - 1].subj_to
                                                                         : spans[i - 1].end)))
            wfrom = prev_from;
        /* "The ship carries 2,410 passengers and 960 crew": the second of a
         * list of counts shares the first's clause (its verb) */
        if (i > 0 && sp->start >= 1 && is_word(c, sp->start - 1, "and") &&
            sp->start - 1 == (spans[i - 1].subj_to > spans[i - 1].end ? spans[i - 1].subj_to
                                                                        : spans[i - 1].end) &&
            c->out->items[first + i - 1].unit == cl->unit)
            wfrom = prev_from;
        /* "a $286 million plan, including a $198 million general fund": a
         * part of the figure before, in its clause */
        size_t q = sp->start > lo && (is_word(c, sp->start - 1, "a") || is_word(c, sp->start - 1, "an"))
                       ? sp->start - 1
                       : sp->start;
        if (i > 0 && q > c->sent.from && q - 1 >= spans[i - 1].end &&
            (is_word(c, q - 1, "including") || is_word(c, q - 1, "includes")))
            wfrom = prev_from;
        /* "the Dry Gulch Fire has burned 3,100 acres and is 60% contained": a
         * second verb of the same subject, whose clause is the first's */
        if (i > 0 && wfrom > c->sent.from && wfrom < sp->start && is_word(c, wfrom - 1, "and") &&
            coordinated_verb(c, wfrom, sp->start))
            wfrom = prev_from;
        /* "Crestline Electric Cooperative, which serves 38,000 members in the
         * hills, had 6,840 members without power": past a relative clause set
         * off by commas, the clause is its subject's */
        {
            size_t c1 = sp->start;
            while (c1 > c->sent.from && c1 + 6 > sp->start && !is_punct(c, c1 - 1, ","))
                c1--;
            size_t w = c1 > c->sent.from + 2 && is_punct(c, c1 - 1, ",") ? c1 - 2 : c->sent.from;
            while (w > c->sent.from && w + 24 > c1 && !is_punct(c, w - 1, ",") &&
                   !is_punct(c, w - 1, ";"))
                w--;
            if (w > c->sent.from + 1 && is_punct(c, w - 1, ",") &&
                (is_word(c, w, "which") || is_word(c, w, "who")) && is_name_word(c, w - 2)) {
                size_t s0 = w - 1;
                while (s0 > c->sent.from && s0 + 16 > w && !is_break(c, s0 - 1))
                    s0--;
                if (s0 < wfrom)
                    wfrom = s0;
            }
        }
        /* "drawn an average of 5,200 fans to the arena, the club said, on
         * their way to 31 wins": the words before a source named between two
         * figures are the first figure's statement */
        for (size_t cq = i > 0 ? spans[i - 1].end : sp->start; cq + 3 < sp->start; cq++) {
            if (!is_punct(c, cq, ",") || cq < wfrom)
                continue;
            size_t e = cq + 1;
            while (e < sp->start && e < cq + 7 && tok(c, e)->kind == FC_TOK_WORD &&
                   !is_word(c, e, "said") && !is_word(c, e, "says"))
                e++;
            if (e + 1 < sp->start && e > cq + 1 && (is_word(c, e, "said") || is_word(c, e, "says")) &&
                is_punct(c, e + 1, ",")) {
                wfrom = e + 2;
                break;
            }
        }
        prev_from = wfrom;
        /* a length of time after it ("during a three-day sweep") is part of its
         * clause, not another figure's */
        size_t next = i + 1;
        while (next < n && c->out->items[first + next].unit == FC_UNIT_DURATION)
            next++;
        size_t hi = next < n ? spans[next].start : c->sent.to;
        size_t past = sp->subj_to > sp->end ? sp->subj_to : sp->end;
        /* "61% of the 900 members who responded would vote for strike action":
         * a share of the figure after it has that figure's clause too */
        /* (and "Three of the vessel's five crew members were arrested": the
         * verb after the whole is the part's; the whole is the crew's size) */
        if ((cl->unit == FC_UNIT_PERCENT || cl->unit == FC_UNIT_COUNT) && next == i + 1 &&
            next < n && partitive_of(c, sp->end, spans[next].start))
            hi = next + 1 < n ? spans[next + 1].start : c->sent.to;
        bool whole_of_part = i > 0 && cl->unit == FC_UNIT_COUNT &&
                             c->out->items[first + i - 1].unit == FC_UNIT_COUNT &&
                             partitive_of(c, spans[i - 1].end, sp->start);
        /* Past commas ("40 people, mostly students, were detained"), not breaks. */
        size_t wto = past, reach = past + 12;
        while (!whole_of_part && wto < hi && wto < reach && !is_break(c, wto) &&
               /* ("to $12,750 for 2025-26, a decision student leaders called ...":
                * an aside on the amount, not its clause) */
               !(cl->unit == FC_UNIT_CURRENCY && wto > past && is_punct(c, wto, ",") &&
                 (is_word(c, wto + 1, "a") || is_word(c, wto + 1, "an"))) &&
               /* (", with the show accounting for much of the traffic": a
                * clause of its own on something else) */
               !(wto > past && is_punct(c, wto, ",") && is_word(c, wto + 1, "with")) &&
               !(wto > past && is_punct(c, wto, ",") && breakdown_after(c, wto + 1)) &&
               /* (", bringing in $3.1 million in fees": a participle's clause of
                * the figure after it) */
               !(wto > past && is_punct(c, wto, ",") && hi < c->sent.to && hi <= wto + 5 &&
                 ends_ing(c, wto + 1))) {
            /* "Fifteen schools on the north side, where the air was cleaner,
             * stayed open": a relative clause set off by commas is passed, the
             * verb after it is the figure's */
            if (is_punct(c, wto, ",") && wto > past &&
                (is_word(c, wto + 1, "where") || is_word(c, wto + 1, "which") ||
                 is_word(c, wto + 1, "who") || is_word(c, wto + 1, "whose"))) {
                size_t rq = wto + 2;
                while (rq < hi && rq < wto + 12 && !is_break(c, rq) && !is_punct(c, rq, ","))
                    rq++;
                if (rq < hi && is_punct(c, rq, ",") && rq + 1 < hi &&
                    tok(c, rq + 1)->kind == FC_TOK_WORD && !is_name_word(c, rq + 1)) {
                    reach += rq + 1 - wto;
                    wto = rq + 1;
                    continue;
                }
            }
            wto++;
        }
        /* "destroyed 312 homes, county officials said, and left more than a
         * thousand others needing repairs": the clause ends at its source */
        if (c->about.attr_to > c->about.attr_from && c->about.attr_from >= past &&
            c->about.attr_from < wto) {
            wto = c->about.attr_from;
            /* (with the speaker's title, right after a comma: ", Petty
             * Officer Dana Whitlow said", ", budget director Colin Raymer
             * said") */
            size_t t = wto;
            while (t > past + 1 && t + 4 > wto && tok(c, t - 1)->kind == FC_TOK_WORD)
                t--;
            if (t < wto && is_punct(c, t - 1, ","))
                wto = t - 1;
        }
        if (!partial_known) {
            c->key_partial = partial_count(c);
            partial_known = true;
        }
        fc_status st = key_one(c, cl, sp, wfrom, wto, whole_of_part);
        if (st != FC_OK)
            return st;
    }
    /* "Calder University researchers won 214 external grants ... The number of
     * grants rose to 214 from 187": a figure the document gave before, of the
     * same unit, is of what the earlier one named (its names and places) */
    /* ... and what it was doing: "shipped 3.1 million tonnes of wheat abroad
     * ... The 3.1 million tonnes that left the Port of Calder" are the exports */
    for (size_t i = 0; i < n; i++) {
        fc_claim *cl = &c->out->items[first + i];
        if (!cl->key || cl->value < 10)
            continue;
        bool want_names = !strstr(cl->key, "n:") && !strstr(cl->key, "p:"),
             want_events = !strstr(cl->key, "e:");
        for (size_t j = first; (want_names || want_events) && j-- > 0;) {
            const fc_claim *o = &c->out->items[j];
            if (o->doc != cl->doc || o->sentence + 3 < cl->sentence)
                break;
            if (o->value != cl->value || o->unit != cl->unit || !o->key)
                continue;
            fc_status st = FC_OK;
            if (want_names && (strstr(o->key, "n:") || strstr(o->key, "p:"))) {
                st = append_terms(cl, o->key, "np");
                want_names = false;
            }
            if (st == FC_OK && want_events && strstr(o->key, "e:") && o->role == cl->role) {
                st = append_terms(cl, o->key, "e");
                want_events = false;
            }
            if (st != FC_OK)
                return st;
        }
        /* "The Delmont County Fair, which ran Aug. 9 through Aug. 17, wrapped up
         * ... Attendance reached 96,500": a count of an event with no name or
         * place of its own is of what the story's first sentence names */
        if (want_names && c->lead_name[0] && cl->sentence > 0 && cl->sentence <= 4 &&
            strstr(cl->key, "e:") && (cl->unit == FC_UNIT_COUNT || cl->unit == FC_UNIT_CURRENCY)) {
            char term[56];
            snprintf(term, sizeof term, "n:%s", c->lead_name);
            fc_status st = append_terms(cl, term, "n");
            if (st != FC_OK)
                return st;
        }
    }
    /* "57 restaurants opened in the district last year and 41 closed": a
     * count after "and" with no noun of its own counts the noun of the count
     * before it */
    for (size_t i = 1; i < n; i++) {
        fc_claim *cl = &c->out->items[first + i];
        const fc_claim *prev = &c->out->items[first + i - 1];
        const fc_claim_toks *sp = &spans[i];
        if (!cl->key || !prev->key || cl->unit != FC_UNIT_COUNT || prev->unit != FC_UNIT_COUNT ||
            strstr(cl->key, "t:") || strstr(cl->key, "u:") || !strstr(prev->key, "t:") ||
            /* (not "and hundreds more delayed": no figure of its own) */
            strstr(cl->key, "s:more") || !isfinite(cl->high) || cl->high > 1.5 * cl->low + 1 ||
            sp->start <= c->sent.from || !is_word(c, sp->start - 1, "and") ||
            (sp->subj_to > sp->subj_from &&
             !(sp->subj_to == sp->subj_from + 1 && ends_ed_ing(c, sp->subj_from))) ||
            cl->part_of[0])
            continue; /* (a verb read as its subject: "41 closed") */
        fc_status st = append_terms(cl, prev->key, "tm");
        if (st != FC_OK)
            return st;
    }
    /* "Pinecrest Municipal ... hosted 48,700 of them": a part linked to its
     * whole counts what the whole counts, a part of it */
    for (size_t i = 0; i < n; i++) {
        fc_claim *cl = &c->out->items[first + i];
        if (!cl->key || !cl->part_of[0] || cl->unit == FC_UNIT_PERCENT ||
            strstr(cl->key, "t:") || strstr(cl->key, "u:"))
            continue;
        const fc_claim *w = NULL;
        for (size_t j = first + i; j-- > 0 && !w;) {
            const fc_claim *o = &c->out->items[j];
            if (o->doc != cl->doc || o->sentence + 3 < cl->sentence)
                break;
            if (strcmp(o->id, cl->part_of) == 0)
                w = o;
        }
        if (!w || !w->key || w->unit != cl->unit)
            continue;
        fc_status st = append_terms(cl, w->key, "tum");
        if (st == FC_OK && !strstr(cl->key, "s:part"))
            st = append_terms(cl, "s:part", "s");
        if (st != FC_OK)
            return st;
    }
    /* An earlier level ("from 49% in March") measures what its level measures. */
    for (size_t i = 0; i < n; i++) {
        fc_claim *cl = &c->out->items[first + i];
        if (cl->role != FC_ROLE_PREVIOUS)
            continue;
        const fc_claim *level = NULL;
        for (size_t j = 0; j < n && !level; j++) {
            const fc_claim *o = &c->out->items[first + j];
            if (o->role == FC_ROLE_LEVEL && o->unit == cl->unit && o->from == cl->value)
                level = o;
        }
        for (size_t j = i; j-- > 0 && !level;) {
            const fc_claim *o = &c->out->items[first + j];
            if (o->role == FC_ROLE_LEVEL && o->unit == cl->unit)
                level = o;
        }
        if (!level || !level->key)
            continue;
        free(cl->key);
        if (!(cl->key = fc_strdup(level->key)))
            return FC_ENOMEM;
    }
    return FC_OK;
}
