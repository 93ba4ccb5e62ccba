/* group.c - which claims measure the same thing (see group.h).
 *
 * Rule measures first: claims of one measure form one group. The other claims
 * are grouped by their inferred keys. Each key is parsed once into term numbers
 * by kind; candidate pairs come from blocks of claims that share an anchor term
 * (the counted thing, the measure noun or an event; else a modifier or word)
 * and the same unit, currency and rate-or-not; each claim is compared with the
 * claims before it in its block, and related pairs
 * are joined with union-find. The cost is O(n log n + n * anchors * window), with at
 * most ANCHORS_MAX anchors a claim and BLOCK_WINDOW claims before it.
 *
 * Two keys are related when nothing disagrees:
 *   - unit, currency, and whether the figure is a rate;
 *   - the measure noun ("tons" of wheat vs "barrels");
 *   - the counted thing, when both name one (a thing one side names may be a
 *     plain word of the other's);
 *   - the events, when both name one (and one side naming an event the other
 *     does not: a stock "110,000 residents" is not a flow "37 residents arrested");
 *   - people: "people" with no modifier is not "Korean workers";
 *   - modifiers, when both have some, must share one; when only one side has
 *     any, they must appear in the other side's document (when both count a thing:
 *     "3,000 arrests" says nothing of who was arrested; not for shares, whose
 *     base is often left out);
 *   - what an event is of ("approval of the job" is not "approval of the
 *     handling of immigration"), when both say;
 *   - the most specific place, when both name one; a place only one side names
 *     must appear in the other side's document;
 *   - scope words must be the same ("statewide" is not "in the county");
 * and their similarity reaches the rules' threshold: the weight of the core
 * terms (all but names and plain words) they share over the weight of the
 * smaller key's core terms (the overlap coefficient; weights per kind from the
 * rules), at least one thing, modifier, object or event shared; keys with no
 * core terms at all compare their words (Dice's coefficient).
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "group.h"
#include "rules_internal.h"

#define BLOCK_WINDOW 32
#define ANCHORS_MAX 4
#define NO_TERM UINT32_MAX

typedef struct parsed {
    uint32_t from;                  /* first term in the pool */
    uint8_t n[FC_NTERM_KINDS];      /* terms of each kind, in kind order, sorted */
    uint32_t place;                 /* the first place named, or NO_TERM */
} parsed;

struct fc_keyinfo {
    const fc_rules *rules;
    const fc_doc *const *docs;
    size_t ndocs;
    uint32_t *home; /* per document: the place its first claim names, or NO_TERM */
    parsed *claim;      /* per claim */
    uint32_t *pool;     /* term numbers */
    size_t npool, cap_pool;
    /* The term dictionary: "kind:word" strings, numbered from 0. */
    char **names;
    uint32_t nnames, cap_names;
    uint32_t *slots; /* open addressing over names, NO_TERM empty */
    uint32_t mask;
    /* Whether document d mentions a word (a small cache: the same question is
     * asked for many pairs). */
    struct mention {
        size_t doc;
        uint32_t term;
        signed char yes; /* -1 empty */
    } *mentions;
    size_t mention_mask;
    uint32_t money_event; /* the term "e:raise", or NO_TERM */
    uint32_t partial;     /* the term "s:partial", or NO_TERM */
    uint32_t part;        /* the term "s:part", or NO_TERM */
    uint32_t margin;      /* the term "s:margin", or NO_TERM */
    uint32_t fte;         /* the term "s:fte" (a count in full-time equivalents), or NO_TERM */
    uint32_t lose;        /* the term "e:lose", or NO_TERM */
    uint32_t add;         /* the term "e:add", or NO_TERM */
    uint32_t job, person; /* the terms "t:job" and "t:person", or NO_TERM */
    uint32_t donate;      /* the term "e:donate", or NO_TERM */
};

static int kind_of(char c)
{
    static const char kinds[] = "tumoepnsw";
    const char *p = c ? strchr(kinds, c) : NULL;
    return p ? (int)(p - kinds) : -1;
}

static uint32_t str_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The number of term s[0, n), adding it when new; NO_TERM when out of memory. */
static uint32_t intern(fc_keyinfo *k, const char *s, size_t n)
{
    if (!k->slots || 2 * (k->nnames + 1) > k->mask + 1) {
        uint32_t nb = k->slots ? 2 * (k->mask + 1) : 1024;
        uint32_t *slots = malloc(nb * sizeof *slots);
        if (!slots)
            return NO_TERM;
        memset(slots, 0xff, nb * sizeof *slots);
        for (uint32_t i = 0; i < k->nnames; i++) {
            uint32_t b = str_hash(k->names[i], strlen(k->names[i])) & (nb - 1);
            while (slots[b] != NO_TERM)
                b = (b + 1) & (nb - 1);
            slots[b] = i;
        }
        free(k->slots);
        k->slots = slots;
        k->mask = nb - 1;
    }
    uint32_t b = str_hash(s, n) & k->mask;
    for (; k->slots[b] != NO_TERM; b = (b + 1) & k->mask) {
        const char *t = k->names[k->slots[b]];
        if (strncmp(t, s, n) == 0 && t[n] == '\0')
            return k->slots[b];
    }
    if (k->nnames == k->cap_names) {
        uint32_t cap = k->cap_names ? 2 * k->cap_names : 256;
        char **names = realloc(k->names, cap * sizeof *names);
        if (!names)
            return NO_TERM;
        k->names = names;
        k->cap_names = cap;
    }
    if (!(k->names[k->nnames] = fc_strndup(s, n)))
        return NO_TERM;
    k->slots[b] = k->nnames;
    return k->nnames++;
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Parses "t:worker m:korean e:arrest p:ellabell ..." into the pool. */
static fc_status parse_key(fc_keyinfo *k, const char *key, parsed *out)
{
    memset(out, 0, sizeof *out);
    out->place = NO_TERM;
    out->from = (uint32_t)k->npool;
    if (!key)
        return FC_OK;
    uint32_t terms[FC_NTERM_KINDS][32];
    uint8_t n[FC_NTERM_KINDS] = {0};
    for (const char *p = key; *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        int kind = e - p > 2 && p[1] == ':' ? kind_of(p[0]) : -1;
        if (kind >= 0 && n[kind] < 32) {
            uint32_t t = intern(k, p, (size_t)(e - p));
            if (t == NO_TERM)
                return FC_ENOMEM;
            bool dup = false;
            for (size_t i = 0; i < n[kind] && !dup; i++)
                dup = terms[kind][i] == t;
            if (!dup) {
                if (kind == FC_TERM_PLACE && out->place == NO_TERM)
                    out->place = t;
                terms[kind][n[kind]++] = t;
            }
        }
        p = e;
    }
    size_t total = 0;
    for (size_t i = 0; i < FC_NTERM_KINDS; i++)
        total += n[i];
    if (total == 0) { /* no pool yet, maybe: nothing to add to it */
        for (size_t i = 0; i < FC_NTERM_KINDS; i++)
            out->n[i] = 0;
        return FC_OK;
    }
    if (fc_grow((void **)&k->pool, &k->cap_pool, k->npool + total, sizeof *k->pool) != FC_OK)
        return FC_ENOMEM;
    for (size_t i = 0; i < FC_NTERM_KINDS; i++) {
        qsort(terms[i], n[i], sizeof **terms, by_u32);
        memcpy(k->pool + k->npool, terms[i], n[i] * sizeof **terms);
        k->npool += n[i];
        out->n[i] = n[i];
    }
    return FC_OK;
}

/* The terms of one kind of a parsed key. */
static const uint32_t *terms(const fc_keyinfo *k, const parsed *p, int kind, size_t *n)
{
    size_t off = p->from;
    for (int i = 0; i < kind; i++)
        off += p->n[i];
    *n = p->n[kind];
    return k->pool ? k->pool + off : NULL; /* no key had a term: no pool, and n is 0 */
}

/* The terms of every kind of a parsed key, in one pass. */
static void all_terms(const fc_keyinfo *k, const parsed *p, const uint32_t *t[FC_NTERM_KINDS],
                      size_t n[FC_NTERM_KINDS])
{
    /* no key had a term: no pool, and every n is 0 */
    const uint32_t *at = k->pool ? k->pool + p->from : NULL;
    for (int i = 0; i < FC_NTERM_KINDS; i++) {
        t[i] = at;
        n[i] = p->n[i];
        if (at)
            at += n[i];
    }
}

static bool contains(const uint32_t *a, size_t n, uint32_t t)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] == t)
            return true;
    return false;
}

/* Leaves term x out of the terms of one kind, copying the rest to buf (room for
 * 8; longer lists are left as they are). */
static void without(const uint32_t *t[FC_NTERM_KINDS], size_t n[FC_NTERM_KINDS], int kind,
                    uint32_t x, uint32_t buf[8])
{
    if (n[kind] > 8 || !contains(t[kind], n[kind], x))
        return;
    size_t m = 0;
    for (size_t i = 0; i < n[kind]; i++)
        if (t[kind][i] != x)
            buf[m++] = t[kind][i];
    t[kind] = buf;
    n[kind] = m;
}

/* Terms two sorted lists share. */
/* 1 when the thing t ("t:student") is a plain word of both a and b
 * ("w:student"), else 0: a word they share that says nothing more. */
static size_t thing_as_word(const fc_keyinfo *k, uint32_t t, const uint32_t *a, size_t na,
                            const uint32_t *b, size_t nb);

static size_t common(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            c++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return c;
}

/* Whether a term of a has the word of a term of b, whatever their kinds ("m:tern"
 * and "w:tern"; "n:tollbridge" and "p:tollbridge"). */
static bool same_word_in(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                         size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (strcmp(k->names[a[i]] + 2, k->names[b[j]] + 2) == 0)
                return true;
    return false;
}

/* The stretch of a run a key's scopes name ("s:span-first-30-day"), or
 * NO_TERM. */
static uint32_t span_of(const fc_keyinfo *k, const uint32_t *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strncmp(k->names[t[i]], "s:span-", 7) == 0)
            return t[i];
    return NO_TERM;
}

/* Whether the unit of span term sp ("s:span-opening-weekend": "weekend") is one
 * of the plain words t ("opened ... this weekend"). */
static bool span_word_in(const fc_keyinfo *k, uint32_t sp, const uint32_t *t, size_t n)
{
    const char *unit = strrchr(k->names[sp], '-');
    for (size_t i = 0; unit && i < n; i++)
        if (strcmp(k->names[t[i]] + 2, unit + 1) == 0)
            return true;
    return false;
}

/* Whether one of a's names is a short word made of the initials of b's names,
 * in order ("n:ice" and "n:immigration n:customs_enforcement": Immigration and
 * Customs Enforcement; "of", "and", "the", "for" left out), or of one of them. */
static bool acronym_of(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                       size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        const char *w = k->names[a[i]] + 2;
        size_t wl = strlen(w);
        if (wl < 2 || wl > 6 || strchr(w, '_'))
            continue;
        char all[16];
        size_t nall = 0;
        for (size_t j = 0; j < nb; j++) {
            char one[16];
            size_t none = 0;
            for (const char *q = k->names[b[j]] + 2; *q;) {
                size_t m = strcspn(q, "_");
                bool skip = (m == 2 && strncmp(q, "of", 2) == 0) ||
                            (m == 3 && (strncmp(q, "and", 3) == 0 || strncmp(q, "the", 3) == 0 ||
                                        strncmp(q, "for", 3) == 0));
                if (!skip && m > 0) {
                    if (nall < sizeof all)
                        all[nall++] = q[0];
                    if (none < sizeof one)
                        one[none++] = q[0];
                }
                q += m + (q[m] == '_');
            }
            if (none == wl && strncmp(one, w, wl) == 0)
                return true;
        }
        if (nall == wl && strncmp(all, w, wl) == 0)
            return true;
    }
    return false;
}

/* Whether a word of a name of a is a word of a name of b ("n:westbrook" and
 * "n:westbrook_university"; words joined by "_"), or one is the other's
 * acronym. */
static bool name_word_shared(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                             size_t nb)
{
    if (acronym_of(k, a, na, b, nb) || acronym_of(k, b, nb, a, na))
        return true;
    /* (the head of "port_of_velmar" says no more than "port": the words after
     * "of" tell two such names apart) */
    for (size_t i = 0; i < na; i++)
        for (const char *p = k->names[a[i]] + 2; *p;) {
            size_t n = strcspn(p, "_");
            bool head = p[n] == '_' && strncmp(p + n + 1, "of_", 3) == 0;
            for (size_t j = 0; j < nb && !head; j++)
                for (const char *q = k->names[b[j]] + 2; *q;) {
                    size_t m = strcspn(q, "_");
                    if (m == n && m > 2 && strncmp(p, q, n) == 0)
                        return true;
                    q += m + (q[m] == '_');
                }
            p += n + (p[n] == '_');
        }
    return false;
}

/* Whether every name of a and every name of b are two bodies of one place:
 * names of two words or more that differ in their last word, neither the
 * other's first words ("kelmouth_zoo", "kelmouth_aquarium"). */
static bool two_bodies(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                       size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            const char *p = k->names[a[i]] + 2, *q = k->names[b[j]] + 2;
            const char *lp = strrchr(p, '_'), *lq = strrchr(q, '_');
            size_t n = strlen(p), m = strlen(q);
            if (!lp || !lq || strcmp(lp, lq) == 0 ||
                (n < m ? strncmp(p, q, n) == 0 && q[n] == '_'
                       : strncmp(q, p, m) == 0 && (p[m] == '_' || !p[m])))
                return false;
        }
    return na && nb;
}

/* Whether every name of a is of two words or more ("n:kestrel_airways"). */
static bool all_multiword(const fc_keyinfo *k, const uint32_t *a, size_t na)
{
    for (size_t i = 0; i < na; i++)
        if (!strchr(k->names[a[i]] + 2, '_'))
            return false;
    return na > 0;
}

/* Whether every name of a and every name of b are two bodies of one kind:
 * names that end in the same word and share no other ("oldcastle_airport",
 * "harrow_bay_regional_airport"; "maria_lopez", "dan_lopez"). */
static bool same_kind_bodies(const fc_keyinfo *k, const uint32_t *a, size_t na,
                             const uint32_t *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            const char *p = k->names[a[i]] + 2, *q = k->names[b[j]] + 2;
            const char *lp = strrchr(p, '_'), *lq = strrchr(q, '_');
            if (!lp || !lq || strcmp(lp, lq) != 0)
                return false;
            for (const char *x = p; x < lp;) {
                size_t n = strcspn(x, "_");
                for (const char *y = q; y < lq;) {
                    size_t m = strcspn(y, "_");
                    if (m == n && strncmp(x, y, n) == 0)
                        return false;
                    y += m + 1;
                }
                x += n + 1;
            }
        }
    return na && nb;
}

/* Whether a name of a, of two words or more, is the first words of a name of b
 * ("n:calloway_regional", "n:calloway_regional_airport"). */
static bool name_shortened(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                           size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        const char *p = k->names[a[i]] + 2;
        size_t n = strlen(p);
        if (!strchr(p, '_'))
            continue;
        for (size_t j = 0; j < nb; j++) {
            const char *q = k->names[b[j]] + 2;
            if (strlen(q) > n && strncmp(p, q, n) == 0 && q[n] == '_')
                return true;
        }
    }
    return false;
}

/* Whether a term of a and a term of b (of other kinds: a name, a place) have
 * the same words ("n:mercer_park", "p:mercer_park"). */
static bool same_words(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                       size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (strchr(k->names[a[i]] + 2, '_') && strcmp(k->names[a[i]] + 2, k->names[b[j]] + 2) == 0)
                return true;
    return false;
}

/* Whether a name of a (its first word: "n:pathways", "n:halvorsen_foods") is a
 * plain word of b, stemmed or not ("w:pathway", "w:halvorsen"): the name at the
 * head of a sentence, where a capital tells nothing. */
static bool name_as_word(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                         size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        const char *n = k->names[a[i]] + 2;
        size_t nn = strcspn(n, "_");
        for (size_t j = 0; j < nb; j++) {
            const char *w = k->names[b[j]] + 2;
            size_t nw = strlen(w);
            if (nw >= 4 && nw <= nn && nn - nw <= 2 && strncmp(n, w, nw) == 0)
                return true;
        }
    }
    return false;
}

static bool mentions(fc_keyinfo *k, size_t doc, uint32_t t);

/* Whether the last word of a name of two words or more in a is a plain word of
 * b, the one maybe a stem of the other, and b's document names it whole: "the
 * fire had scorched about 1,840 acres" in a story of the Sawtooth Ridge Fire. */
static bool name_head_as_word(fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                              size_t nb, size_t bdoc)
{
    for (size_t i = 0; i < na; i++) {
        const char *n = k->names[a[i]] + 2, *h = strrchr(n, '_');
        if (!h)
            continue;
        h++;
        size_t nh = strlen(h);
        for (size_t j = 0; j < nb; j++) {
            const char *w = k->names[b[j]] + 2;
            size_t nw = strlen(w);
            if (nw >= 3 && nw <= nh && nh - nw <= 2 && strncmp(h, w, nw) == 0 &&
                mentions(k, bdoc, a[i]))
                return true;
        }
    }
    return false;
}

/* Whether a modifier of a is a plain word of b, the one maybe a stem of the other
 * ("m:=finisher" and "w:finish": "6,200 runners crossed the finish line" and
 * "8,900 finishers"; "m:tern" and "w:tern"). */
static bool modifier_as_word(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                             size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        const char *m = k->names[a[i]] + 2;
        m += *m == '=';
        size_t nm = strlen(m);
        for (size_t j = 0; j < nb; j++) {
            const char *w = k->names[b[j]] + 2;
            size_t nw = strlen(w), lo = nm < nw ? nm : nw, hi = nm < nw ? nw : nm;
            if ((lo == hi || (lo >= 4 && hi - lo <= 2)) && strncmp(m, w, lo) == 0)
                return true;
        }
    }
    return false;
}


/* Whether a modifier in m (no person's role, "=...") is a word of claim o's
 * sentence in a clause after the figure, by its stem at a word's start. */
static bool modifier_in_sentence(const fc_keyinfo *k, const uint32_t *m, size_t nm,
                                 const fc_claim *o)
{
    if (o->doc >= k->ndocs || !k->docs[o->doc] || o->sentence_end <= o->sentence_start)
        return false;
    const char *p = fc_doc_bytes(k->docs[o->doc], o->sentence_start, o->sentence_end);
    if (!p)
        return false;
    size_t len = o->sentence_end - o->sentence_start;
    for (size_t i = 0; i < nm; i++) {
        const char *w = k->names[m[i]] + 2;
        size_t n = strlen(w);
        if (*w == '=' || n < 3)
            continue;
        /* (a word its key has in a term of any kind is no kind set apart:
         * "23 cases of Legionnaires' disease", n:legionnaires) */
        bool keyed = false;
        for (const char *t = o->key ? strchr(o->key, ':') : NULL; t && !keyed; t = strchr(t + 1, ':'))
            keyed = strncmp(t + 1, w, n) == 0;
        if (keyed)
            continue;
        /* (after the figure and a comma: a clause setting a part apart) */
        size_t from = o->end - o->sentence_start;
        while (from < len && p[from] != ',')
            from++;
        for (size_t q = from; q + n <= len; q++)
            if (!isalnum((unsigned char)p[q - 1]) && strncasecmp(p + q, w, n) == 0)
                return true;
    }
    return false;
}

/* Whether the document of claim index doc mentions the word of term t (its
 * text after the kind prefix; "_" joins the words of a name: the first counts),
 * case-insensitive, at the start of a word. */
static bool mentions(fc_keyinfo *k, size_t doc, uint32_t t)
{
    if (doc >= k->ndocs || !k->docs[doc] || (!k->docs[doc]->text && !k->docs[doc]->kept))
        return true; /* nothing to look in: do not hold it against the pair */
    size_t slot = (doc * 2654435761u ^ t * 40503u) & k->mention_mask;
    for (size_t probe = 0; k->mentions && probe < 8; probe++) {
        struct mention *m = &k->mentions[(slot + probe) & k->mention_mask];
        if (m->yes >= 0 && m->doc == doc && m->term == t)
            return m->yes;
    }
    const char *w = k->names[t] + 2;
    const fc_doc *d = k->docs[doc];
    /* Every word of a name ("Marlow's Eastbank District" is not "Marlow"), in
     * any order; a label with its number ("Ward 3", not "Ward 35"). */
    size_t n = strcspn(w, "_");
    bool yes;
    if (w[n] == '_' && isdigit((unsigned char)w[n + 1])) {
        yes = fc_doc_mentions(d, w, n, w + n + 1, strlen(w + n + 1));
    } else {
        yes = true;
        for (const char *p = w; yes && *p; p += n + (p[n] == '_'), n = strcspn(p, "_"))
            yes = n == 0 || fc_doc_mentions(d, p, n, NULL, 0);
    }
    if (k->mentions) {
        for (size_t probe = 0; probe < 8; probe++) {
            struct mention *m = &k->mentions[(slot + probe) & k->mention_mask];
            if (m->yes < 0 || probe == 7) {
                *m = (struct mention){doc, t, (signed char)yes};
                break;
            }
        }
    }
    return yes;
}

/* Whether a name of a that b does not give is never mentioned in document doc,
 * not even by its last word ("Okafor" mentions "Amara Okafor"). */
static bool own_name_unmentioned(fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                                 size_t nb, size_t doc)
{
    if (doc >= k->ndocs || !k->docs[doc] || (!k->docs[doc]->text && !k->docs[doc]->kept))
        return false;
    for (size_t i = 0; i < na; i++) {
        if (contains(b, nb, a[i]) || mentions(k, doc, a[i]))
            continue;
        const char *w = k->names[a[i]] + 2, *last = strrchr(w, '_');
        last = last ? last + 1 : w;
        if (!fc_doc_mentions(k->docs[doc], last, strlen(last), NULL, 0))
            return true;
    }
    return false;
}

/* Whether any of the terms is mentioned in the document. */
static bool any_mentioned(fc_keyinfo *k, const uint32_t *t, size_t n, size_t doc)
{
    for (size_t i = 0; i < n; i++)
        if (mentions(k, doc, t[i]))
            return true;
    return false;
}

/* Whether claim c's source is a body of more than one capitalised word that
 * shares no word with name ("crestline_electric_cooperative"): "Halvern
 * Power" speaks of its own customers. */
static bool other_body(const fc_claim *c, const char *name)
{
    static const char *const bodies[] = {
        "Power",    "Energy",     "Electric",   "Utilities", "Utility",  "Company",
        "Corp.",    "Corporation", "Inc.",      "Department", "Authority", "Association",
        "Cooperative", "University", "College", "Hospital",  "District", "Agency",
        "Office",   "Board",      "Commission", "Council",   "Institute", "Foundation",
        "Bank",     "Group",      "Services",   "Airport",   "Airlines", "Transit"};
    const char *a = c->attribution;
    if (!a || !isupper((unsigned char)a[0]) || !strchr(a, ' '))
        return false;
    const char *last = strrchr(a, ' ') + 1;
    bool body = false;
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies && !body; i++)
        body = strcmp(last, bodies[i]) == 0;
    if (!body)
        return false; /* a person ("Mara Lund"), or no plain body */
    for (const char *p = a; *p;) {
        size_t n = strcspn(p, " ");
        if (n < 2 || !isupper((unsigned char)p[0]))
            return false; /* a person's title, a common noun: not plainly a body */
        for (const char *q = name; *q;) {
            size_t m = strcspn(q, "_");
            if (m == n && strncasecmp(p, q, n) == 0)
                return false;
            q += m + (q[m] == '_');
        }
        p += n + (p[n] == ' ');
    }
    return true;
}

/* Whether a modifier of a is a kind of person ("m:=officer"). */
static bool has_role(const fc_keyinfo *k, const uint32_t *a, size_t na)
{
    for (size_t i = 0; i < na; i++)
        if (k->names[a[i]][2] == '=')
            return true;
    return false;
}

/* Whether a and b share a kind of person. */
static bool shares_role(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                        size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j] && k->names[a[i]][2] == '=')
                return true;
    return false;
}

/* Whether every term of a (of one kind) that b lacks is mentioned in b's document. */
static bool one_sided_mentioned(fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                                size_t nb, size_t bdoc)
{
    for (size_t i = 0; i < na; i++) {
        /* The word after the prefix, in any kind (a modifier "m:measles" is the
         * word "measles" wherever b has it). */
        bool found = k->names[a[i]][2] == '='; /* a role noun ("patients") */
        for (size_t j = 0; j < nb && !found; j++)
            found = a[i] == b[j];
        if (!found && !mentions(k, bdoc, a[i]))
            return false;
    }
    return true;
}

/* Whether every term of a modifier list is a kind of person ("=patient"). */
/* Whether every modifier of a that is no kind of person ("=worker") is among
 * b's. */
static bool modifiers_within(const fc_keyinfo *k, const uint32_t *a, size_t na, const uint32_t *b,
                             size_t nb)
{
    for (size_t i = 0; i < na; i++)
        if (k->names[a[i]][2] != '=' && !contains(b, nb, a[i]))
            return false;
    return true;
}

/* Whether a and b share a modifier that is no kind of person. */
static bool shares_plain_modifier(const fc_keyinfo *k, const uint32_t *a, size_t na,
                                  const uint32_t *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j] && k->names[a[i]][2] != '=')
                return true;
    return false;
}

static bool only_roles(const fc_keyinfo *k, const uint32_t *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (k->names[t[i]][2] != '=')
            return false;
    return n > 0;
}

/* Whether two place names are one place: the same, or one the start of the other
 * ("granite_falls" and "granite_falls_school_district") unless what the longer
 * adds makes it another jurisdiction ("lubbock" and "lubbock_county"). */
static bool same_place(const char *a, const char *b)
{
    static const char *const kinds[] = {"county",   "city",     "town",     "township",
                                        "parish",   "borough",  "village",  "state",
                                        "province", "ward",     "district", "precinct",
                                        "region",   "division", "zone"};
    size_t na = strlen(a), nb = strlen(b);
    const char *s = na < nb ? a : b, *l = na < nb ? b : a;
    size_t ns = na < nb ? na : nb;
    if (strncmp(s, l, ns) != 0 || l[ns] != '_')
        return false;
    const char *rest = l + ns + 1;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t n = strlen(kinds[i]);
        if (strncmp(rest, kinds[i], n) == 0 && (rest[n] == '_' || !rest[n]))
            return false;
    }
    return true;
}

/* Whether a scope of city, county or state in t meets a place of another of
 * those kinds ("s:city" against "p:harlow_county"). */
static bool scope_against_place(const fc_keyinfo *k, const uint32_t *t, size_t n, uint32_t place)
{
    static const char *const kinds[] = {"city", "county", "state"};
    if (place == NO_TERM)
        return false;
    const char *p = k->names[place] + 2, *u = strrchr(p, '_');
    if (!u)
        return false;
    for (size_t i = 0; i < n; i++)
        for (size_t q = 0; q < sizeof kinds / sizeof *kinds; q++)
            if (strcmp(k->names[t[i]] + 2, kinds[q]) == 0)
                for (size_t r = 0; r < sizeof kinds / sizeof *kinds; r++)
                    if (r != q && strcmp(u + 1, kinds[r]) == 0)
                        return true;
    return false;
}

/* Whether scope term t ("s:county") is the kind of place term place
 * ("p:harlow_county"). */
static bool scope_is_place_kind(const fc_keyinfo *k, uint32_t t, uint32_t place)
{
    if (place == NO_TERM)
        return false;
    const char *p = k->names[place] + 2, *u = strrchr(p, '_');
    return u && strcmp(u + 1, k->names[t] + 2) == 0;
}

/* Whether a term of kind thing, modifier or word of b is the word w (n bytes):
 * "t:player", "m:player", "m:=player", "w:player". */
static bool term_word_in(const fc_keyinfo *k, const uint32_t *const *tb, const size_t *nb,
                         const char *w, size_t n)
{
    static const int kinds[] = {FC_TERM_THING, FC_TERM_MODIFIER, FC_TERM_WORD};
    for (size_t q = 0; q < sizeof kinds / sizeof *kinds; q++)
        for (size_t i = 0; i < nb[kinds[q]]; i++) {
            const char *t = k->names[tb[kinds[q]][i]] + 2;
            if (*t == '=')
                t++;
            if (strlen(t) == n && strncmp(t, w, n) == 0)
                return true;
        }
    return false;
}

/* Whether the scopes of a and b differ only by a group a counts among, told by
 * b's own words ("146 concussions among high school football players" against
 * "Football players in the county suffered 188 concussions"): the group's head
 * and, when it has more words, one of them are terms of b. Shares of a group
 * ("41% among independents") against a whole ("48% of voters") differ, as b
 * names no independents. */
static bool among_implied(const fc_keyinfo *k, const uint32_t *const *ta, const size_t *na,
                          const uint32_t *const *tb, const size_t *nb)
{
    const char *among = NULL;
    for (size_t i = 0; i < na[FC_TERM_SCOPE]; i++) {
        const char *s = k->names[ta[FC_TERM_SCOPE][i]];
        if (contains(tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], ta[FC_TERM_SCOPE][i]))
            continue;
        if (among || strncmp(s, "s:among-", 8) != 0)
            return false; /* another scope of a's own */
        among = s + 8;
    }
    if (!among)
        return false;
    for (size_t i = 0; i < nb[FC_TERM_SCOPE]; i++)
        if (!contains(ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], tb[FC_TERM_SCOPE][i]))
            return false; /* a scope of b's own */
    const char *head = strrchr(among, '_');
    head = head ? head + 1 : among;
    if (!term_word_in(k, tb, nb, head, strlen(head)))
        return false;
    if (head == among)
        return true;
    for (const char *p = among; p < head - 1;) {
        size_t n = strcspn(p, "_");
        if (term_word_in(k, tb, nb, p, n))
            return true;
        p += n + 1;
    }
    return false;
}

/* Whether scope term t ("s:city") is a word of one of the names n[0..nn)
 * ("n:fenwick_city_council"): the name says the level the scope does. */
static bool scope_in_name(const fc_keyinfo *k, uint32_t t, const uint32_t *n, size_t nn)
{
    const char *s = k->names[t] + 2;
    size_t ls = strlen(s);
    for (size_t i = 0; i < nn; i++)
        for (const char *p = strstr(k->names[n[i]] + 2, s); p; p = strstr(p + 1, s))
            if ((p == k->names[n[i]] + 2 || p[-1] == '_') && (p[ls] == '_' || !p[ls]))
                return true;
    return false;
}

/* Whether term t's word (after its kind, "t:cat") is the word of one of the
 * terms m[0..n) ("m:cat"). */
static bool term_word_among(const fc_keyinfo *k, uint32_t t, const uint32_t *m, size_t n)
{
    const char *w = k->names[t] + 2;
    for (size_t i = 0; i < n; i++)
        if (strcmp(k->names[m[i]] + 2, w) == 0)
            return true;
    return false;
}

/* Whether one of the terms t[0..n) starts with prefix ("s:among-"). */
static bool has_prefix(const fc_keyinfo *k, const uint32_t *t, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    for (size_t i = 0; i < n; i++)
        if (strncmp(k->names[t[i]], prefix, m) == 0)
            return true;
    return false;
}

/* Whether one of the terms t[0..n) is the term name ("s:median"). */
static bool has_named(const fc_keyinfo *k, const uint32_t *t, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(k->names[t[i]], name) == 0)
            return true;
    return false;
}

/* Whether city scope term t ("the city had 318 public charging ports") is
 * the one-word name nn[0] the other side gives ("Ravensholt had 412") in a
 * story, doc, that names that place itself: a bare name of no known kind is
 * most often the city the story is about (a state or county scope never is:
 * "the state had 4,100 ports"). */
static bool city_is_name(fc_keyinfo *k, uint32_t t, const uint32_t *n, size_t nn, size_t doc)
{
    return nn == 1 && strcmp(k->names[t] + 2, "city") == 0 && !strchr(k->names[n[0]] + 2, '_') &&
           mentions(k, doc, n[0]);
}

/* Whether scope term t ("s:region") begins a word of a source
 * ("the regional transplant service"): the source says the level the scope
 * does. */
static bool scope_in_source(const fc_keyinfo *k, uint32_t t, const char *source)
{
    const char *s = k->names[t] + 2;
    size_t ls = strlen(s);
    for (const char *p = source; p && *p; p++)
        if ((p == source || !isalpha((unsigned char)p[-1])) && strncasecmp(p, s, ls) == 0)
            return true;
    return false;
}

/* Whether place term t is one of the rules' known places (countries, states). */
static bool broad_place(const fc_keyinfo *k, uint32_t t)
{
    const fc_phrase_list *l = &k->rules->grouping.places;
    const char *w = k->names[t] + 2;
    for (size_t i = 0; i < l->n; i++) {
        /* The key joins a name's words with "_", the list with spaces. */
        const char *a = l->items[i].text, *b = w;
        while (*a && *b && (tolower((unsigned char)*a) == *b || (*a == ' ' && *b == '_'))) {
            a++;
            b++;
        }
        if (!*a && !*b)
            return true;
    }
    return false;
}

/* Whether a term's words ("harwick_polymers") stand at text[0, n),
 * case-insensitively, one space for each "_"; the length matched, 0 if not. */
static size_t term_at(const char *text, size_t n, const char *term)
{
    size_t i = 0;
    for (; *term; term++, i++) {
        char want = *term == '_' ? ' ' : *term;
        if (i >= n || tolower((unsigned char)text[i]) != want)
            return 0;
    }
    return i;
}

/* Whether claim c's sentence says "<name> in <place>": the place locates the
 * name ("Harwick Polymers in Carrow Junction"). */
static bool name_located(const fc_claim *c, const fc_doc *const *docs, size_t ndocs,
                         const char *name, const char *place)
{
    if (c->doc >= ndocs || !docs[c->doc] || c->sentence_end <= c->sentence_start)
        return false;
    const char *s = fc_doc_bytes(docs[c->doc], c->sentence_start, c->sentence_end);
    size_t n = c->sentence_end - c->sentence_start;
    for (size_t i = 0; s && i < n; i++) {
        size_t m = i == 0 || !isalpha((unsigned char)s[i - 1]) ? term_at(s + i, n - i, name) : 0;
        if (m && i + m + 4 < n && strncmp(s + i + m, " in ", 4) == 0 &&
            term_at(s + i + m + 4, n - i - m - 4, place))
            return true;
    }
    return false;
}

static size_t thing_as_word(const fc_keyinfo *k, uint32_t t, const uint32_t *a, size_t na,
                            const uint32_t *b, size_t nb)
{
    const char *thing = k->names[t] + 2;
    bool in_a = false, in_b = false;
    for (size_t i = 0; i < na && !in_a; i++)
        in_a = strcmp(k->names[a[i]] + 2, thing) == 0;
    for (size_t i = 0; i < nb && !in_b; i++)
        in_b = strcmp(k->names[b[i]] + 2, thing) == 0;
    return in_a && in_b;
}

/* The whole a part at claims[i] is of (part_of: a claim shortly before it in
 * its document), or NULL. */
static const fc_claim *whole_of(const fc_claims *claims, size_t i)
{
    const fc_claim *p = &claims->items[i];
    for (size_t j = i; j-- > 0 && j + 32 > i;) {
        const fc_claim *w = &claims->items[j];
        if (w->doc != p->doc)
            break;
        if (strcmp(w->id, p->part_of) == 0)
            return w;
    }
    /* (or just after it: "31 of the 146 state-owned bridges") */
    for (size_t j = i + 1; j < claims->n && j < i + 4; j++) {
        const fc_claim *w = &claims->items[j];
        if (w->doc != p->doc || w->sentence != p->sentence)
            break;
        if (strcmp(w->id, p->part_of) == 0)
            return w;
    }
    return NULL;
}

static double key_similarity(fc_keyinfo *k, const fc_claims *claims, size_t ia, size_t ib)
{
    const fc_claim *ca = &claims->items[ia], *cb = &claims->items[ib];
    if (ca->unit != cb->unit || strcmp(ca->currency, cb->currency) != 0 ||
        (ca->per != FC_PER_NONE) != (cb->per != FC_PER_NONE))
        return -1;
    /* Money in a subunit ("14.2 cents", value 14.2) is not compared with money
     * in the main unit, nor a compound ("cent per kilowatt hour") with another. */
    if (ca->unit == FC_UNIT_CURRENCY && strcmp(ca->unit_name, cb->unit_name) != 0)
        return -1;
    /* A part ("260 of the deaths") is a figure of its whole's breakdown: it is
     * compared with parts only. */
    if ((ca->part_of[0] != 0) != (cb->part_of[0] != 0))
        return -1;
    /* ... and two parts only when their wholes agree: "236 of them" of 412
     * athletes is no reading of "251 of them" of 488 (a whole in dispute is
     * found between the wholes) */
    bool same_whole = false;
    if (ca->part_of[0] && ca->doc != cb->doc) {
        const fc_claim *wa = whole_of(claims, ia), *wb = whole_of(claims, ib);
        if (wa && wb && fabs(wa->value - wb->value) > 0.05 * fmax(fabs(wa->value), fabs(wb->value)))
            return -1;
        same_whole = wa && wb;
    }
    /* A tally of a change ("lost 1,240 hives") is compared with changes only,
     * the same way: a level or an earlier level is another kind of figure. */
    if ((ca->role == FC_ROLE_CHANGE) != (cb->role == FC_ROLE_CHANGE) ||
        (ca->role == FC_ROLE_CHANGE && ca->direction != cb->direction))
        return -1;
    const parsed *a = &k->claim[ia], *b = &k->claim[ib];
    size_t na[FC_NTERM_KINDS], nb[FC_NTERM_KINDS];
    const uint32_t *ta[FC_NTERM_KINDS], *tb[FC_NTERM_KINDS];
    all_terms(k, a, ta, na);
    all_terms(k, b, tb, nb);
    /* Parts of one whole (equal in both) named alike are the same part: "61,200
     * of those rounds" at Pinecrest Municipal and "48,700 of them" there, of
     * the 118,400 rounds both give. */
    if (same_whole)
        for (int kind = 0; kind < 2; kind++) {
            int t = kind ? FC_TERM_PLACE : FC_TERM_NAME;
            for (size_t i = 0; i < na[t]; i++)
                if (contains(tb[t], nb[t], ta[t][i]))
                    return 1;
        }
    /* Money brought in ("raised", "brought in") says nothing of a figure that is
     * no amount: "brought in 2.3 million bushels" is a harvest. */
    uint32_t ea[8], eb[8], da[8], db[8];
    if (ca->unit != FC_UNIT_CURRENCY && k->money_event != NO_TERM) {
        /* Things collected are things donated: "the drive collected 18,400
         * toys", "donors gave 18,400 toys", "took in 14,800 donated toys". */
        /* (a side with both, "collected 3,940 donations", keeps its donation) */
        if (k->donate != NO_TERM &&
            contains(ta[FC_TERM_EVENT], na[FC_TERM_EVENT], k->donate) ==
                contains(tb[FC_TERM_EVENT], nb[FC_TERM_EVENT], k->donate)) {
            /* both give the donation, or neither: nothing to align */
        } else if (k->donate != NO_TERM &&
            ((contains(ta[FC_TERM_EVENT], na[FC_TERM_EVENT], k->money_event) &&
              contains(tb[FC_TERM_EVENT], nb[FC_TERM_EVENT], k->donate)) ||
             (contains(tb[FC_TERM_EVENT], nb[FC_TERM_EVENT], k->money_event) &&
              contains(ta[FC_TERM_EVENT], na[FC_TERM_EVENT], k->donate)))) {
            without(ta, na, FC_TERM_EVENT, k->donate, da);
            without(tb, nb, FC_TERM_EVENT, k->donate, db);
        }
        without(ta, na, FC_TERM_EVENT, k->money_event, ea);
        without(tb, nb, FC_TERM_EVENT, k->money_event, eb);
    }
    /* A stretch of a run ("in its first 30 days") is never another stretch,
     * nor the run a figure with a period of its own gives ("since it opened
     * on Sept. 6"); a figure with neither may be of that stretch. */
    uint32_t sa = span_of(k, ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE]),
             sb = span_of(k, tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE]);
    if (sa != sb && ((sa != NO_TERM && sb != NO_TERM) ||
                     (sa == NO_TERM && (ca->period || !span_word_in(k, sb, ta[FC_TERM_WORD],
                                                                    na[FC_TERM_WORD]))) ||
                     (sb == NO_TERM && (cb->period || !span_word_in(k, sa, tb[FC_TERM_WORD],
                                                                    nb[FC_TERM_WORD])))))
        return -1;
    uint32_t spa[8], spb[8];
    if (sa != NO_TERM)
        without(ta, na, FC_TERM_SCOPE, sa, spa);
    if (sb != NO_TERM)
        without(tb, nb, FC_TERM_SCOPE, sb, spb);
    size_t c[FC_NTERM_KINDS];
    for (int i = 0; i < FC_NTERM_KINDS; i++)
        c[i] = common(ta[i], na[i], tb[i], nb[i]);
    /* (a name both keys give and share, before any is read from plain words) */
    bool name_shared = c[FC_TERM_NAME] > 0, head_named = false;
#define BOTH(kind) (na[kind] && nb[kind])
    /* A thing one side names that is a plain word of the other's ("48,600 tonnes
     * of mackerel" and "mackerel landed ... totalled 36,900 tonnes"): the same
     * thing, named on both. */
    if ((!na[FC_TERM_THING]) != (!nb[FC_TERM_THING])) {
        bool in_a = na[FC_TERM_THING] != 0;
        if (same_word_in(k, in_a ? ta[FC_TERM_THING] : tb[FC_TERM_THING],
                         in_a ? na[FC_TERM_THING] : nb[FC_TERM_THING],
                         in_a ? tb[FC_TERM_WORD] : ta[FC_TERM_WORD],
                         in_a ? nb[FC_TERM_WORD] : na[FC_TERM_WORD])) {
            c[FC_TERM_THING]++;
            (in_a ? nb : na)[FC_TERM_THING]++;
        }
    }
    /* The thing and its kind said the other way round ("6,500 licensed cats",
     * "2,380 cat licenses"): the same thing. */
    if (na[FC_TERM_THING] == 1 && nb[FC_TERM_THING] == 1 && !c[FC_TERM_THING] &&
        term_word_among(k, ta[FC_TERM_THING][0], tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER]) &&
        term_word_among(k, tb[FC_TERM_THING][0], ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER])) {
        c[FC_TERM_THING]++;
        c[FC_TERM_MODIFIER]++;
    }
    /* A name of two words or more that starts the other side's name ("Calloway
     * Regional" and "Calloway Regional Airport"): the one body, shortened. */
    if (BOTH(FC_TERM_NAME) && !c[FC_TERM_NAME] &&
        (name_shortened(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_NAME],
                        nb[FC_TERM_NAME]) ||
         name_shortened(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ta[FC_TERM_NAME],
                        na[FC_TERM_NAME])))
        c[FC_TERM_NAME]++;
    /* ... or starts the other side's place ("Merrow County's 911 dispatchers",
     * "the Merrow County Emergency Communications Center") */
    /* (or is it: "Mercer Park's ice rink", "the rink at Mercer Park"; not for
     * a subgroup on one side, "among girls", whose place names no more) */
    bool subgroup = has_prefix(k, ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], "s:among-") ||
                    has_prefix(k, tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], "s:among-");
    if (!c[FC_TERM_NAME] && !c[FC_TERM_PLACE] && !subgroup &&
        ((!na[FC_TERM_NAME] && nb[FC_TERM_NAME] && !nb[FC_TERM_PLACE] &&
          (name_shortened(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ta[FC_TERM_PLACE], na[FC_TERM_PLACE]) ||
           same_words(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ta[FC_TERM_PLACE], na[FC_TERM_PLACE]))) ||
         (!nb[FC_TERM_NAME] && na[FC_TERM_NAME] && !na[FC_TERM_PLACE] &&
          (name_shortened(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_PLACE], nb[FC_TERM_PLACE]) ||
           same_words(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_PLACE], nb[FC_TERM_PLACE])))))
        c[FC_TERM_NAME]++;
    /* A name one side gives that is a plain word of the other's ("Pathways, the
     * county's job program, has placed ..."): the same name. */
    if ((!na[FC_TERM_NAME]) != (!nb[FC_TERM_NAME])) {
        bool in_a = na[FC_TERM_NAME] != 0;
        /* (or its head noun, "the fire", of the Sawtooth Ridge Fire its story
         * names: a measure of that named thing, below) */
        bool head = ca->doc != cb->doc &&
                    name_head_as_word(k, in_a ? ta[FC_TERM_NAME] : tb[FC_TERM_NAME],
                                      in_a ? na[FC_TERM_NAME] : nb[FC_TERM_NAME],
                                      in_a ? tb[FC_TERM_WORD] : ta[FC_TERM_WORD],
                                      in_a ? nb[FC_TERM_WORD] : na[FC_TERM_WORD],
                                      in_a ? cb->doc : ca->doc);
        if (name_as_word(k, in_a ? ta[FC_TERM_NAME] : tb[FC_TERM_NAME],
                                 in_a ? na[FC_TERM_NAME] : nb[FC_TERM_NAME],
                                 in_a ? tb[FC_TERM_WORD] : ta[FC_TERM_WORD],
                                 in_a ? nb[FC_TERM_WORD] : na[FC_TERM_WORD])) {
            c[FC_TERM_NAME]++;
            (in_a ? nb : na)[FC_TERM_NAME]++;
        }
        head_named = head;
    }
    /* Jobs lost are the people who lose them: "will cut 860 jobs" and "860
     * workers will be laid off" count one loss. */
    if (BOTH(FC_TERM_THING) && !c[FC_TERM_THING] && k->lose != NO_TERM &&
        contains(ta[FC_TERM_EVENT], na[FC_TERM_EVENT], k->lose) &&
        contains(tb[FC_TERM_EVENT], nb[FC_TERM_EVENT], k->lose) &&
        ((ta[FC_TERM_THING][0] == k->job && tb[FC_TERM_THING][0] == k->person) ||
         (ta[FC_TERM_THING][0] == k->person && tb[FC_TERM_THING][0] == k->job)))
        c[FC_TERM_THING]++;
    /* The measure noun, the counted thing and the events. */
    if (na[FC_TERM_UNIT] != nb[FC_TERM_UNIT] || c[FC_TERM_UNIT] != na[FC_TERM_UNIT])
        return -1;
    if (BOTH(FC_TERM_THING) && !c[FC_TERM_THING])
        return -1;
    /* Events: one side's are all among the other's ("crashes killed" counts
     * deaths too; "destroyed or damaged" is one event of its own, never
     * "destroyed"); a figure with no event is the same as one with an event
     * only when the rest of what they count agrees closely (the same thing
     * and its modifiers: "14,870 students" and "14,870 students enrolled"; or
     * the thing, its measure noun and where: "2.7 million tonnes of grain at the
     * Port of Velden" and "grain shipped through the Port of Velden"),
     * never for bare people ("3 people were killed" is not "24 passengers
     * walked away"). */
    if (BOTH(FC_TERM_EVENT) && c[FC_TERM_EVENT] != na[FC_TERM_EVENT] &&
        c[FC_TERM_EVENT] != nb[FC_TERM_EVENT])
        return -1;
    /* Money for a thing one side names and nothing but an event shared ("the
     * store gets a $50,000 bonus" from ticket sales, "the education fund
     * received $61 million from sales"): two sums of one event. (Counts keep
     * the looser rule: "arresting 3,000 a day" and an order of 3,000 arrests
     * a day share only the arrests.) */
    if (ca->unit == FC_UNIT_CURRENCY && (!na[FC_TERM_THING]) != (!nb[FC_TERM_THING]) &&
        !c[FC_TERM_NAME] && !c[FC_TERM_PLACE] &&
        !c[FC_TERM_WORD] && !c[FC_TERM_MODIFIER] && !c[FC_TERM_OBJECT] && !c[FC_TERM_SCOPE] &&
        !c[FC_TERM_UNIT])
        return -1;
    /* ... or a thing that is no person, at one named place, with a word of
     * the clause shared ("4,350 doses at the Fenwick Centre's weekend drive" and
     * "the weekend drive at the Fenwick Centre delivered 2,900 doses") */
    /* (a measure noun both give stands for the thing when neither names one:
     * "4,350 measles vaccine doses") */
    bool thing = c[FC_TERM_THING] || (c[FC_TERM_UNIT] && !na[FC_TERM_THING] && !nb[FC_TERM_THING]);
    /* The side with the event narrows the thing no further than the other does
     * ("14,870 students enrolled" and "14,870 students"; not "150 laid-off
     * workers have enrolled" against "1,640 workers"), and a loss is never a
     * stock ("510 workers who lost their jobs", "1,640 workers"). */
    bool a_events = na[FC_TERM_EVENT] != 0;
    bool narrower = a_events ? !modifiers_within(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER],
                                                 tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER])
                             : !modifiers_within(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER],
                                                 ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER]);
    bool loss = k->lose != NO_TERM && (contains(ta[FC_TERM_EVENT], na[FC_TERM_EVENT], k->lose) ||
                                      contains(tb[FC_TERM_EVENT], nb[FC_TERM_EVENT], k->lose));
    if ((!na[FC_TERM_EVENT]) != (!nb[FC_TERM_EVENT]) && loss)
        return -1;
    bool person = c[FC_TERM_THING] && strcmp(k->names[ta[FC_TERM_THING][0]], "t:person") == 0;
    /* a measure of one named thing ("the Cinder Ridge Fire has grown to 4,820
     * acres", "... which has now blackened about 8,400 acres") */
    bool unit_named = c[FC_TERM_UNIT] && (name_shared || head_named) &&
                      (!na[FC_TERM_THING] || !nb[FC_TERM_THING]);
    /* An amount added ("adding 2.4 miles of paved path") is never the whole it
     * was added to ("the trail now runs nearly 11 miles"). */
    bool add_a = k->add != NO_TERM && contains(ta[FC_TERM_EVENT], na[FC_TERM_EVENT], k->add),
         add_b = k->add != NO_TERM && contains(tb[FC_TERM_EVENT], nb[FC_TERM_EVENT], k->add);
    if (add_a != add_b && c[FC_TERM_UNIT] && ca->unit == FC_UNIT_OTHER)
        return -1;
    /* (not a length added to it: "adding 3.2 miles of paved trail" against the
     * greenway's "nearly 15 miles") */
    unit_named = unit_named && !add_a && !add_b;
    if ((!na[FC_TERM_EVENT]) != (!nb[FC_TERM_EVENT]) && !unit_named &&
        !(thing &&
          ((c[FC_TERM_MODIFIER] && !narrower) ||
           /* a modifier the other side gives as a word ("bushels of winter wheat"
            * and "the winter wheat harvest") */
           modifier_as_word(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER], tb[FC_TERM_WORD],
                            nb[FC_TERM_WORD]) ||
           modifier_as_word(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER], ta[FC_TERM_WORD],
                            na[FC_TERM_WORD]) ||
           /* or a measure of the thing at one named place:
              "tonnes of grain loaded at the Port of Velden" */
           (c[FC_TERM_UNIT] && (c[FC_TERM_PLACE] || c[FC_TERM_NAME])) ||
           ((c[FC_TERM_PLACE] || c[FC_TERM_NAME]) && c[FC_TERM_WORD] && !person))))
        return -1;
    if (!na[FC_TERM_THING] && !nb[FC_TERM_THING] && !na[FC_TERM_EVENT] && !nb[FC_TERM_UNIT] &&
        !c[FC_TERM_MODIFIER] && !c[FC_TERM_WORD])
        return -1; /* nothing at all in common about what is counted */
    /* An average or a median is no count of its own: "an average of 3,900
     * fans" a game is not "a crowd of 6,480" */
    if (has_named(k, ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], "s:average") !=
            has_named(k, tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], "s:average") ||
        has_named(k, ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], "s:median") !=
            has_named(k, tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], "s:median"))
        return -1;
    /* A measured time is of someone or somewhere: "the median wait was 47
     * minutes" in a story about one hospital is not St. Aldric's 61 minutes
     * in another's; a name or place on one side only leaves it unknown whose. */
    /* (not a prison term, whose key names whom the sentencing is of) */
    if (ca->unit == FC_UNIT_DURATION &&
        (has_named(k, ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], "s:median") ||
         has_named(k, ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], "s:average")) &&
        !(na[FC_TERM_NAME] || na[FC_TERM_PLACE]) != !(nb[FC_TERM_NAME] || nb[FC_TERM_PLACE]))
        return -1;
    /* Shares of one kind of thing say of it different things ("81% of
     * first-year students returned", "64% of students come from within the
     * state"): with no event, object, modifier, scope or name in common, their
     * clauses must share a word besides the thing's own. */
    if (ca->unit == FC_UNIT_PERCENT && c[FC_TERM_THING] && !c[FC_TERM_EVENT] &&
        !c[FC_TERM_OBJECT] && !c[FC_TERM_MODIFIER] && !c[FC_TERM_SCOPE] &&
        !(BOTH(FC_TERM_NAME) && name_word_shared(k, ta[FC_TERM_NAME], na[FC_TERM_NAME],
                                                 tb[FC_TERM_NAME], nb[FC_TERM_NAME])) &&
        c[FC_TERM_WORD] <= thing_as_word(k, ta[FC_TERM_THING][0], ta[FC_TERM_WORD],
                                         na[FC_TERM_WORD], tb[FC_TERM_WORD], nb[FC_TERM_WORD]))
        return -1;
    /* People: "people" with nothing more against "Korean workers" (a role noun
     * alone, "patients", may be the same people). */
    if (BOTH(FC_TERM_THING) && (!na[FC_TERM_MODIFIER]) != (!nb[FC_TERM_MODIFIER]) &&
        strcmp(k->names[ta[FC_TERM_THING][0]], "t:person") == 0) {
        const uint32_t *m = na[FC_TERM_MODIFIER] ? ta[FC_TERM_MODIFIER] : tb[FC_TERM_MODIFIER];
        size_t nm = na[FC_TERM_MODIFIER] ? na[FC_TERM_MODIFIER] : nb[FC_TERM_MODIFIER];
        if (nm > 1 || k->names[m[0]][2] != '=' || !c[FC_TERM_EVENT])
            return -1;
    }
    /* Modifiers both sides give must meet; two kinds of person ("children",
     * "patients") may be the same people when an event is shared. */
    /* A modifier may meet the other side's plain word: "1,140 nesting pairs of
     * terns" and "the tern colony numbered 860 breeding pairs". */
    if (BOTH(FC_TERM_MODIFIER) && !c[FC_TERM_MODIFIER] &&
        !(c[FC_TERM_EVENT] && (only_roles(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER]) ||
                               only_roles(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER]))) &&
        !modifier_as_word(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER], tb[FC_TERM_WORD],
                          nb[FC_TERM_WORD]) &&
        !modifier_as_word(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER], ta[FC_TERM_WORD],
                          na[FC_TERM_WORD]))
        return -1;
    /* Both narrow one kind of person or thing, each its own way, and share no
     * such word ("1,240 registered nurses", "roughly 300 travel nurses") */
    if (BOTH(FC_TERM_MODIFIER) &&
        !shares_plain_modifier(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER],
                               tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER]) &&
        !only_roles(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER]) &&
        !only_roles(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER]) &&
        !modifier_as_word(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER], tb[FC_TERM_WORD],
                          nb[FC_TERM_WORD]) &&
        !modifier_as_word(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER], ta[FC_TERM_WORD],
                          na[FC_TERM_WORD]))
        return -1;
    if (BOTH(FC_TERM_OBJECT) && !c[FC_TERM_OBJECT])
        return -1; /* approval of the job against approval of the handling of one issue */
    /* Two kinds of person with no event in common are two groups, whatever
     * other modifier they share ("2,610 retired officers and firefighters",
     * "5,200 retired city workers") */
    if (BOTH(FC_TERM_MODIFIER) && !c[FC_TERM_EVENT] &&
        has_role(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER]) &&
        has_role(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER]) &&
        !shares_role(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER], tb[FC_TERM_MODIFIER],
                     nb[FC_TERM_MODIFIER]) &&
        !c[FC_TERM_NAME] && !c[FC_TERM_PLACE] && /* ("swimmers" and "finishers" of one race) */
        !modifier_as_word(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER], tb[FC_TERM_WORD],
                          nb[FC_TERM_WORD]) &&
        !modifier_as_word(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER], ta[FC_TERM_WORD],
                          na[FC_TERM_WORD]))
        return -1;
    /* A share's base is often left out ("46% approve" of "46% of adults"); other
     * modifiers only one side has must be in the other side's text. */
    if (ca->unit != FC_UNIT_PERCENT && na[FC_TERM_THING] && nb[FC_TERM_THING] &&
        (!na[FC_TERM_MODIFIER] || !nb[FC_TERM_MODIFIER]) &&
        (!one_sided_mentioned(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER], tb[FC_TERM_MODIFIER],
                              nb[FC_TERM_MODIFIER], cb->doc) ||
         !one_sided_mentioned(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER], ta[FC_TERM_MODIFIER],
                              na[FC_TERM_MODIFIER], ca->doc)))
        return -1;
    /* ... and one the other side's own sentence says apart from its figure is
     * no kind of it ("Hood Valley's 212 pear orchards" and "Of the valley's 640
     * orchards, about a third grow pears") */
    if (ca->unit != FC_UNIT_PERCENT && na[FC_TERM_THING] && nb[FC_TERM_THING] &&
        (!na[FC_TERM_MODIFIER]) != (!nb[FC_TERM_MODIFIER])) {
        bool a_has = na[FC_TERM_MODIFIER] != 0;
        const uint32_t *m = a_has ? ta[FC_TERM_MODIFIER] : tb[FC_TERM_MODIFIER];
        size_t nm = a_has ? na[FC_TERM_MODIFIER] : nb[FC_TERM_MODIFIER];
        const fc_claim *o = a_has ? cb : ca;
        if (modifier_in_sentence(k, m, nm, o) &&
            !modifier_as_word(k, m, nm, a_has ? tb[FC_TERM_WORD] : ta[FC_TERM_WORD],
                              a_has ? nb[FC_TERM_WORD] : na[FC_TERM_WORD]))
            return -1;
    }
    /* Places: the first (most specific) ones must be the same ("Lubbock County,
     * Texas" is not "Texas"); a place only one side names must be in the other
     * side's text. */
    bool placed = false; /* both speak of one place */
    /* A name that is the other side's place is that place: "Tollbridge's
     * ambulance crews answered ..." and "calls in Tollbridge totaled ...". */
    if ((a->place == NO_TERM) != (b->place == NO_TERM)) {
        bool a_named = a->place == NO_TERM;
        uint32_t p = a_named ? b->place : a->place;
        if (same_word_in(k, a_named ? ta[FC_TERM_NAME] : tb[FC_TERM_NAME],
                         a_named ? na[FC_TERM_NAME] : nb[FC_TERM_NAME], &p, 1)) {
            placed = true;
            c[FC_TERM_PLACE]++;
            (a_named ? na : nb)[FC_TERM_PLACE]++;
        }
    }
    if (placed) {
        /* the one place, named as a place on one side */
    } else if (a->place != NO_TERM && b->place != NO_TERM) {
        if (a->place != b->place && !same_place(k->names[a->place] + 2, k->names[b->place] + 2))
            return -1;
        placed = true;
    } else if (a->place != NO_TERM || b->place != NO_TERM) {
        /* A country or state named on one side only ("in the United States")
         * fits a figure with no place and no scope; any other place must be in
         * the other side's text. */
        const parsed *named = a->place != NO_TERM ? a : b;
        size_t other_doc = a->place != NO_TERM ? cb->doc : ca->doc;
        size_t other_scope = a->place != NO_TERM ? nb[FC_TERM_SCOPE] : na[FC_TERM_SCOPE];
        placed = mentions(k, other_doc, named->place);
        /* ... or a name the placed side gives, which the place locates ("at
         * Harwick Polymers in Carrow Junction"), when the other side's text
         * names it too: a story on the fire at Harwick Polymers that never
         * names the town ("412 cases in Marsh County alone" of an outbreak
         * linked to Brightwater Farms is not of every Brightwater story) */
        const uint32_t *names = a->place != NO_TERM ? ta[FC_TERM_NAME] : tb[FC_TERM_NAME];
        size_t nnames = a->place != NO_TERM ? na[FC_TERM_NAME] : nb[FC_TERM_NAME];
        for (size_t q = 0; !placed && q < nnames; q++)
            placed = name_located(a->place != NO_TERM ? ca : cb, k->docs, k->ndocs,
                                  k->names[names[q]] + 2, k->names[named->place] + 2) &&
                     mentions(k, other_doc, names[q]);
        /* ... or a name the other side gives that starts the place's ("Ashby
         * County's 911 dispatchers", "the Ashby County Emergency
         * Communications Center") */
        if (!placed)
            placed = name_shortened(k, a->place != NO_TERM ? tb[FC_TERM_NAME] : ta[FC_TERM_NAME],
                                    a->place != NO_TERM ? nb[FC_TERM_NAME] : na[FC_TERM_NAME],
                                    &named->place, 1);
        /* ... or a scope of the place's kind on the other side ("The county's
         * measles count" and "measles cases in Fenwick County") */
        const uint32_t *oscope = a->place != NO_TERM ? tb[FC_TERM_SCOPE] : ta[FC_TERM_SCOPE];
        if (!placed && other_scope == 1)
            placed = scope_is_place_kind(k, oscope[0], named->place);
        if (!placed && !(broad_place(k, named->place) && other_scope == 0))
            return -1;
        /* ... and a figure with no place in a story about another place (its
         * home: the place its first figures name) is that place's, whatever
         * the story says of the placed side's ("summer school enrolled 2,100
         * students" in a Corbin County story that mentions neighboring Linden
         * Falls, against "Linden Falls enrolls about 9,800 students") */
        {
            size_t pdoc = a->place != NO_TERM ? ca->doc : cb->doc;
            uint32_t ohome = other_doc < k->ndocs ? k->home[other_doc] : NO_TERM;
            if (pdoc != other_doc && ohome != NO_TERM && ohome != named->place &&
                !broad_place(k, ohome) && !broad_place(k, named->place) &&
                !same_place(k->names[ohome] + 2, k->names[named->place] + 2) &&
                !mentions(k, pdoc, ohome))
                return -1;
        }
        /* ... and the other side's own clause names something the placed side's
         * text never does ("Next door, the Fairholm district has 4,100
         * students" against "Enrollment in the Lakemont school district fell
         * 3% to 9,700"): another body, wherever its story also mentions the
         * place */
        const uint32_t *onames = a->place != NO_TERM ? tb[FC_TERM_NAME] : ta[FC_TERM_NAME];
        size_t nonames = a->place != NO_TERM ? nb[FC_TERM_NAME] : na[FC_TERM_NAME];
        size_t placed_doc = a->place != NO_TERM ? ca->doc : cb->doc;
        if (nonames && placed_doc != other_doc &&
            !any_mentioned(k, onames, nonames, placed_doc) &&
            !same_word_in(k, onames, nonames, &named->place, 1))
            return -1;
    }
    else if (ca->doc != cb->doc && ca->doc < k->ndocs && cb->doc < k->ndocs &&
             k->home[ca->doc] != NO_TERM && k->home[cb->doc] != NO_TERM &&
             k->home[ca->doc] != k->home[cb->doc] &&
             !same_place(k->names[k->home[ca->doc]] + 2, k->names[k->home[cb->doc]] + 2) &&
             !mentions(k, ca->doc, k->home[cb->doc]) && !mentions(k, cb->doc, k->home[ca->doc]))
        return -1; /* neither names a place, and their texts are about two places that
                      neither mentions the other of ("Hale County", "Wexler County") */
    /* A government's scope against a place of another kind: the city's budget
     * is not "Harlow County"'s ("the Harlow city council" against "Harlow County
     * commissioners"). */
    if (scope_against_place(k, ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], b->place) ||
        scope_against_place(k, tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], a->place))
        return -1;
    /* Scopes must be the same, but a name both give is the one thing whatever
     * the owner one side adds ("the city's new Bridgeworks scheme" and "the
     * Bridgeworks scheme"). */
    /* ... and "the county's $1.2 billion budget" is Harlow County's when the other
     * side names it */
    bool kind_is_place = (na[FC_TERM_SCOPE] == 1 && !nb[FC_TERM_SCOPE] &&
                          scope_is_place_kind(k, ta[FC_TERM_SCOPE][0], b->place)) ||
                         (nb[FC_TERM_SCOPE] == 1 && !na[FC_TERM_SCOPE] &&
                          scope_is_place_kind(k, tb[FC_TERM_SCOPE][0], a->place)) ||
                         /* "the city council approved" and "The Fenwick City
                          * Council has approved" */
                         (na[FC_TERM_SCOPE] == 1 && !nb[FC_TERM_SCOPE] &&
                          scope_in_name(k, ta[FC_TERM_SCOPE][0], tb[FC_TERM_NAME],
                                        nb[FC_TERM_NAME])) ||
                         (nb[FC_TERM_SCOPE] == 1 && !na[FC_TERM_SCOPE] &&
                          scope_in_name(k, tb[FC_TERM_SCOPE][0], ta[FC_TERM_NAME],
                                        na[FC_TERM_NAME])) ||
                         (na[FC_TERM_SCOPE] == 1 && !nb[FC_TERM_SCOPE] && !na[FC_TERM_NAME] &&
                          !na[FC_TERM_PLACE] &&
                          city_is_name(k, ta[FC_TERM_SCOPE][0], tb[FC_TERM_NAME], nb[FC_TERM_NAME],
                                       ca->doc)) ||
                         (nb[FC_TERM_SCOPE] == 1 && !na[FC_TERM_SCOPE] && !nb[FC_TERM_NAME] &&
                          !nb[FC_TERM_PLACE] &&
                          city_is_name(k, tb[FC_TERM_SCOPE][0], ta[FC_TERM_NAME], na[FC_TERM_NAME],
                                       cb->doc)) ||
                         /* "across the region" and "the regional transplant
                          * service said", both given to that service */
                         (ca->attribution && cb->attribution &&
                          strcasecmp(ca->attribution, cb->attribution) == 0 &&
                          ((na[FC_TERM_SCOPE] == 1 && !nb[FC_TERM_SCOPE] &&
                            scope_in_source(k, ta[FC_TERM_SCOPE][0], cb->attribution)) ||
                           (nb[FC_TERM_SCOPE] == 1 && !na[FC_TERM_SCOPE] &&
                            scope_in_source(k, tb[FC_TERM_SCOPE][0], ca->attribution))));
    if ((na[FC_TERM_SCOPE] != nb[FC_TERM_SCOPE] || c[FC_TERM_SCOPE] != na[FC_TERM_SCOPE]) &&
        !kind_is_place && !among_implied(k, ta, na, tb, nb) && !among_implied(k, tb, nb, ta, na) &&
        (!(c[FC_TERM_NAME] && (!na[FC_TERM_SCOPE] || !nb[FC_TERM_SCOPE])) ||
         /* a count under way is never the final one, whatever name they share */
         (k->partial != NO_TERM &&
          contains(ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], k->partial) !=
              contains(tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], k->partial)) ||
         /* nor a part of a whole the whole ("Contract workers accounted for
          * 410 workers at the plant", "the plant employs 2,300") */
         (k->part != NO_TERM &&
          contains(ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], k->part) !=
              contains(tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], k->part)) ||
         /* nor a winner's margin the winner's votes ("passed by 1,812 votes",
          * "won with 6,214 votes") */
         (k->margin != NO_TERM &&
          contains(ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], k->margin) !=
              contains(tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], k->margin)) ||
         /* nor full-time equivalents a headcount ("5,610 full-time-equivalent
          * students", "enrolled 9,240 students") */
         (k->fte != NO_TERM &&
          contains(ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], k->fte) !=
              contains(tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], k->fte))))
        return -1;
    /* Two parts of unnamed wholes ("96 of the county's deaths", "1,262 of the
     * deaths") are two breakdowns unless they share a word of what sets the
     * part apart ("involved fentanyl", "aged 25 to 44") */
    if (k->part != NO_TERM && contains(ta[FC_TERM_SCOPE], na[FC_TERM_SCOPE], k->part) &&
        contains(tb[FC_TERM_SCOPE], nb[FC_TERM_SCOPE], k->part) && !c[FC_TERM_WORD] &&
        !c[FC_TERM_MODIFIER] && !c[FC_TERM_NAME])
        return -1;
    /* Names: two documents that each name something ("the Pellham consulate",
     * "the Dorrow consulate") and never the other's are about two things. */
    /* ... nor are they when one of them never mentions the other's and no
     * word of their names is shared ("Marsh University won 41 grants" in a
     * story that also names Westbrook, and "Westbrook University researchers
     * won 64"; not "Westbrook" and "Westbrook University") */
    if (BOTH(FC_TERM_NAME) && !c[FC_TERM_NAME] && ca->doc != cb->doc &&
        ((!any_mentioned(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], cb->doc) &&
          !any_mentioned(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ca->doc)) ||
         ((!name_word_shared(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_NAME],
                             nb[FC_TERM_NAME]) ||
           /* ... or two bodies of one town ("Kelmouth Zoo", "Kelmouth Aquarium") */
           two_bodies(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_NAME],
                      nb[FC_TERM_NAME])) &&
          (!any_mentioned(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], cb->doc) ||
           !any_mentioned(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ca->doc)))))
        return -1;
    /* ... nor when only one names a body, one the other's document never
     * mentions ("Crestline Electric Cooperative ... had 6,840 members without
     * power" and, in a story of another utility, "9,100 customers remained
     * without power") */
    if ((!na[FC_TERM_NAME]) != (!nb[FC_TERM_NAME]) && ca->doc != cb->doc &&
        (na[FC_TERM_NAME] ? !any_mentioned(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], cb->doc) &&
                                other_body(cb, k->names[ta[FC_TERM_NAME][0]] + 2)
                          : !any_mentioned(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ca->doc) &&
                                other_body(ca, k->names[tb[FC_TERM_NAME][0]] + 2)))
        return -1;
    /* ... nor are two bodies of one kind ("Oldcastle Airport", "Harrow Bay
     * Regional Airport"), nor two names of two words or more that share no word
     * ("Kestrel Airways", "Dunmere Airport"), whatever both stories mention */
    if (BOTH(FC_TERM_NAME) && !c[FC_TERM_NAME] && ca->doc != cb->doc &&
        (same_kind_bodies(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_NAME],
                          nb[FC_TERM_NAME]) ||
         (!name_word_shared(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_NAME],
                            nb[FC_TERM_NAME]) &&
          all_multiword(k, ta[FC_TERM_NAME], na[FC_TERM_NAME]) &&
          all_multiword(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME]) &&
          /* (not a name that is the other side's place: "n:selva_alta") */
          !same_word_in(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_PLACE],
                        nb[FC_TERM_PLACE]) &&
          !same_word_in(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ta[FC_TERM_PLACE],
                        na[FC_TERM_PLACE]))))
        return -1;
    /* ... nor are two prison terms of two people named ("sentenced Corin Vale
     * to 12 years", "Nadia Ostrow ... to 4 years"), whoever else the stories name */
    if (BOTH(FC_TERM_NAME) && !c[FC_TERM_NAME] && BOTH(FC_TERM_THING) &&
        strcmp(k->names[ta[FC_TERM_THING][0]], "t:prison-term") == 0)
        return -1;
    /* ... nor when they share a name but each gives another the other's
     * document never mentions ("Bristow Foods ... its Ellery packing plant",
     * "Bristow Foods ... its Castine plant"): two of the named body's places */
    if (BOTH(FC_TERM_NAME) && c[FC_TERM_NAME] && ca->doc != cb->doc &&
        own_name_unmentioned(k, ta[FC_TERM_NAME], na[FC_TERM_NAME], tb[FC_TERM_NAME],
                             nb[FC_TERM_NAME], cb->doc) &&
        own_name_unmentioned(k, tb[FC_TERM_NAME], nb[FC_TERM_NAME], ta[FC_TERM_NAME],
                             na[FC_TERM_NAME], ca->doc))
        return -1;
#undef BOTH
    /* The overlap coefficient of the weighted core terms (all but names and
     * plain words): the weight they share over the weight of the smaller key,
     * since nothing above disagrees, a short description that the longer one
     * contains is the same figure. At least a thing, modifier, object or event
     * must be shared. Keys with no core terms compare their words (Dice). */
    const double *w = k->rules->grouping.weight;
    double shared = 0, wa = 0, wb = 0;
    for (int i = 0; i < FC_NTERM_KINDS; i++) {
        if (i == FC_TERM_NAME || i == FC_TERM_WORD)
            continue;
        shared += w[i] * (double)c[i];
        wa += w[i] * (double)na[i];
        wb += w[i] * (double)nb[i];
    }
    if (ca->per && cb->per) { /* a rate: "a day" is part of what is measured */
        shared += w[FC_TERM_EVENT];
        wa += w[FC_TERM_EVENT];
        wb += w[FC_TERM_EVENT];
    }
    /* (the named thing and the unit are all one side says: "the Cinder Ridge
     * Fire has grown to 4,820 acres") */
    if (unit_named && (!wa || !wb))
        return 1;
    /* (... and so it is when what else one side says is a thing the other
     * leaves out and the other an event: "The Sawtooth Ridge Fire roared across
     * 18,400 acres of timber", "the fire had scorched about 1,840 acres") */
    if (unit_named && head_named && !c[FC_TERM_THING] && !c[FC_TERM_EVENT] &&
        (!na[FC_TERM_THING] || !nb[FC_TERM_THING]) && (!na[FC_TERM_EVENT] || !nb[FC_TERM_EVENT]) &&
        !na[FC_TERM_MODIFIER] && !nb[FC_TERM_MODIFIER])
        return 1;
    if (wa > 0 && wb > 0) {
        if (!c[FC_TERM_THING] && !c[FC_TERM_MODIFIER] && !c[FC_TERM_OBJECT] && !c[FC_TERM_EVENT] &&
            !unit_named)
            return 0;
        /* At least a thing's weight shared: one event alone ("deaths") is not a
         * figure of the same thing. Bare people ("residents") need more in
         * common than the kind of person. */
        double named = c[FC_TERM_NAME] ? w[FC_TERM_NAME] : 0; /* "at Ridgefield Stadium" */
        /* a unit of measure and an event ("burned 12,000 acres", "scorched
         * 8,500 acres"): what is measured is named */
        if (unit_named && !c[FC_TERM_EVENT])
            named += w[FC_TERM_NAME] + w[FC_TERM_PLACE];
        else if (c[FC_TERM_UNIT] && (c[FC_TERM_EVENT] || unit_named))
            named += w[FC_TERM_PLACE];
        /* an event and two more words of the clause ("riders took 218,600
         * trips in the bike system's first year", "the bike system saw 281,600
         * rides"): what happened is told alike */
        else if (c[FC_TERM_EVENT] && c[FC_TERM_WORD] >= 2 && !c[FC_TERM_THING])
            named += w[FC_TERM_WORD];
        /* ... or an event and what it struck, one side's modifier the other's
         * word ("412 collisions with deer", "517 deer collisions") */
        else if (c[FC_TERM_EVENT] && !na[FC_TERM_THING] && !nb[FC_TERM_THING] &&
                 (modifier_as_word(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER], tb[FC_TERM_WORD],
                                   nb[FC_TERM_WORD]) ||
                  modifier_as_word(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER], ta[FC_TERM_WORD],
                                   na[FC_TERM_WORD])))
            named += w[FC_TERM_WORD];
        /* ... or an event of one stated month ("5,260 donations in January",
         * "Donations for January stood at 6,180") */
        else if (c[FC_TERM_EVENT] && !c[FC_TERM_THING] && ca->period && cb->period &&
                 strlen(ca->period) == 7 && strcmp(ca->period, cb->period) == 0)
            named += w[FC_TERM_WORD];
        if (shared + named < (ca->unit == FC_UNIT_CURRENCY ? w[FC_TERM_EVENT] : w[FC_TERM_THING]))
            return 0; /* an amount has no counted thing: its event is enough */
        if (c[FC_TERM_THING] && strcmp(k->names[ta[FC_TERM_THING][0]], "t:person") == 0 &&
            !c[FC_TERM_EVENT] && !c[FC_TERM_OBJECT] && !placed && !c[FC_TERM_SCOPE] &&
            !c[FC_TERM_NAME]) { /* "inmates at Halvering State Prison" is anchored */
            bool roles_a = only_roles(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER]),
                 roles_b = only_roles(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER]);
            /* a kind of person narrowed on one side only, with nothing else
             * shared but the kind ("about 700 replacement nurses" brought in,
             * "3,100 nurses" on strike): other people */
            if (roles_a != roles_b && c[FC_TERM_MODIFIER] && !c[FC_TERM_WORD] &&
                (roles_a ? nb[FC_TERM_MODIFIER] > c[FC_TERM_MODIFIER]
                         : na[FC_TERM_MODIFIER] > c[FC_TERM_MODIFIER]) &&
                !(roles_a ? modifier_as_word(k, tb[FC_TERM_MODIFIER], nb[FC_TERM_MODIFIER],
                                             ta[FC_TERM_WORD], na[FC_TERM_WORD])
                          : modifier_as_word(k, ta[FC_TERM_MODIFIER], na[FC_TERM_MODIFIER],
                                             tb[FC_TERM_WORD], nb[FC_TERM_WORD])))
                return 0; /* (not "12,000 light-rail riders" and "the light rail ... 7,800 riders") */
            /* one stated period and no event on either side tie them ("2.86
             * million passengers in 2025", "3.4 million passengers went through
             * its gates in 2025") */
            bool same_time = !na[FC_TERM_EVENT] && !nb[FC_TERM_EVENT] && ca->period &&
                             cb->period && strcmp(ca->period, cb->period) == 0;
            /* (nor do two words of their clauses: "1,900 students without
             * their usual bus", "3,400 students left without bus service") */
            if (roles_a && roles_b && !same_time && c[FC_TERM_WORD] < 2 &&
                (na[FC_TERM_EVENT] || nb[FC_TERM_EVENT] || na[FC_TERM_WORD] || nb[FC_TERM_WORD]))
                return 0;
            /* "people" with nothing more, or with a kind of person on one side
             * only ("nine people pulled alive from the debris", "eleven people
             * taken to hospitals"), and two bare kinds that nothing in their
             * clauses ties ("about 120 residents", "as many as two residents"):
             * a word of the clause must be shared */
            /* (two rates of one unit of time tie them too: "12,000 light-rail
             * riders a day" and "carries about 7,800 riders a day") */
            bool tied = c[FC_TERM_WORD] || (ca->per && cb->per) || same_time;
            if ((roles_a || !na[FC_TERM_MODIFIER]) && (roles_b || !nb[FC_TERM_MODIFIER]) && !tied)
                return 0;
            /* any people, when both clauses say what befell them in words that
             * share nothing ("140 workers on the overnight shift got out safely",
             * "two plant workers were taken to a hospital") */
            if (na[FC_TERM_WORD] && nb[FC_TERM_WORD] && !tied)
                return 0;
        }
        /* The smaller key counts as at least a thing's weight: one shared
         * event alone ("arrests") is not quite enough. */
        double floor = w[FC_TERM_THING], small = wa < wb ? wa : wb;
        double sim = shared / (small > floor ? small : floor);
        /* (a key all of whose terms the other has is as near as can be; of
         * two such, the one that shares more is nearer, by a hair: "56
         * students treated for injuries after the Hollins Township crash" is
         * the 23 of that crash, not the 41 students the bus carried, the
         * closer figure) */
        if (sim >= 1)
            sim = 1 - 1e-6 / (1 + shared);
        return sim;
    }
    double ww = w[FC_TERM_WORD];
    double all = ww * (double)(na[FC_TERM_WORD] + nb[FC_TERM_WORD]);
    return all > 0 && !wa && !wb ? 2 * ww * (double)c[FC_TERM_WORD] / all : 0;
}

double fc_groups_similarity(const fc_groups *g, const fc_claims *claims, size_t a, size_t b)
{
    const fc_claim *ca = &claims->items[a], *cb = &claims->items[b];
    if (ca->measure || cb->measure) {
        if (!ca->measure || !cb->measure)
            return -1;
        if (g->of[a] != FC_NO_GROUP && g->of[a] == g->of[b])
            return 1; /* one rule measure, one group: no string to compare */
        return strcmp(ca->measure, cb->measure) == 0 ? 1 : -1;
    }
    if (!g->keys || !ca->key || !cb->key)
        return -1;
    return key_similarity(g->keys, claims, a, b);
}

bool fc_groups_related(const fc_groups *g, const fc_rules *r, const fc_claims *claims, size_t a,
                       size_t b)
{
    double s = fc_groups_similarity(g, claims, a, b);
    return s >= 0 && s >= r->grouping.similarity;
}

/* ---- building ----------------------------------------------------------------- */

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void join(size_t *parent, size_t a, size_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a != b) /* the smaller index is the root: groups keep claim order */
        parent[a > b ? a : b] = a < b ? a : b;
}

/* Whether claim c can have an inferred group: a level or earlier level, or a
 * change counted in things or money ("lost 1,240 hives", "cut $4 million"),
 * with a key. */
static bool groupable(const fc_claim *c)
{
    if (c->role == FC_ROLE_CHANGE)
        return c->key && !c->measure &&
               (c->unit == FC_UNIT_COUNT || c->unit == FC_UNIT_CURRENCY);
    return c->key && !c->measure &&
           (c->unit == FC_UNIT_COUNT || c->unit == FC_UNIT_PERCENT ||
            c->unit == FC_UNIT_CURRENCY || c->unit == FC_UNIT_OTHER ||
            c->unit == FC_UNIT_DURATION); /* (keyed only as a prison term) */
}

bool fc_groups_places_within(const fc_groups *g, const fc_claims *claims, size_t a, size_t b)
{
    const fc_keyinfo *k = g->keys;
    if (!k || !groupable(&claims->items[a]) || !groupable(&claims->items[b]))
        return false;
    size_t na, nb;
    const uint32_t *ta = terms(k, &k->claim[a], FC_TERM_PLACE, &na),
                   *tb = terms(k, &k->claim[b], FC_TERM_PLACE, &nb);
    for (size_t i = 0; i < na; i++)
        if (!contains(tb, nb, ta[i]))
            return false;
    return true;
}

bool fc_groups_same_places(const fc_groups *g, const fc_claims *claims, size_t a, size_t b)
{
    return fc_groups_places_within(g, claims, a, b) && fc_groups_places_within(g, claims, b, a);
}

bool fc_groups_has_term(const fc_groups *g, const fc_claims *claims, size_t i, const char *term)
{
    const fc_keyinfo *k = g->keys;
    int kind = kind_of(term[0]);
    if (!k || kind < 0 || !groupable(&claims->items[i]))
        return false;
    size_t n;
    const uint32_t *t = terms(k, &k->claim[i], kind, &n);
    for (size_t q = 0; q < n; q++)
        if (strcmp(k->names[t[q]], term) == 0)
            return true;
    return false;
}

bool fc_groups_things_within(const fc_groups *g, const fc_claims *claims, size_t b, size_t a)
{
    const fc_keyinfo *k = g->keys;
    if (!k || !groupable(&claims->items[a]) || !groupable(&claims->items[b]))
        return false;
    static const int kinds[] = {FC_TERM_THING, FC_TERM_MODIFIER};
    size_t nthing = 0;
    for (size_t q = 0; q < sizeof kinds / sizeof *kinds; q++) {
        size_t nb, na;
        const uint32_t *tb = terms(k, &k->claim[b], kinds[q], &nb),
                       *ta = terms(k, &k->claim[a], kinds[q], &na);
        for (size_t i = 0; i < nb; i++)
            if (!contains(ta, na, tb[i]))
                return false;
        nthing += kinds[q] == FC_TERM_THING ? nb : 0;
    }
    return nthing > 0;
}

typedef struct block_entry {
    uint32_t anchor;
    uint32_t unit; /* unit, currency and rate-or-not packed */
    size_t claim;
} block_entry;

static int by_block(const void *pa, const void *pb)
{
    const block_entry *a = pa, *b = pb;
    if (a->anchor != b->anchor)
        return a->anchor < b->anchor ? -1 : 1;
    if (a->unit != b->unit)
        return a->unit < b->unit ? -1 : 1;
    return a->claim < b->claim ? -1 : a->claim > b->claim;
}

/* Claims of one rule measure joined: each claim with the first claim of its
 * measure, found in a hash table of measure names (size slots, at most two
 * thirds full, SIZE_MAX empty): the same groups as sorting the names, in O(n). */
static void join_measures(const fc_claims *claims, size_t *parent, size_t *slots, size_t size)
{
    for (size_t i = 0; i < claims->n; i++) {
        const char *m = claims->items[i].measure;
        if (!m)
            continue;
        size_t b = str_hash(m, strlen(m)) % size;
        while (slots[b] != SIZE_MAX && strcmp(claims->items[slots[b]].measure, m) != 0)
            b = b + 1 < size ? b + 1 : 0;
        if (slots[b] == SIZE_MAX)
            slots[b] = i;
        else
            join(parent, slots[b], i);
    }
}

static void keyinfo_free(fc_keyinfo *k)
{
    if (!k)
        return;
    for (uint32_t i = 0; i < k->nnames; i++)
        free(k->names[i]);
    free(k->names);
    free(k->slots);
    free(k->claim);
    free(k->pool);
    free(k->mentions);
    free(k->home);
    free(k);
}

void fc_groups_free(fc_groups *g)
{
    free(g->of);
    free(g->members);
    free(g->from);
    free(g->measure);
    free(g->previous);
    free(g->previous_from);
    keyinfo_free(g->keys);
    memset(g, 0, sizeof *g);
}

/* Candidate pairs from blocks of claims sharing an anchor term; related pairs joined. */
static fc_status link_inferred(const fc_rules *r, const fc_claims *claims, fc_keyinfo *k,
                               size_t *parent)
{
    size_t n = claims->n, nb = 0, cap = 0;
    block_entry *blocks = NULL;
    for (size_t i = 0; i < n; i++) {
        const fc_claim *c = &claims->items[i];
        if (!groupable(c))
            continue;
        const parsed *p = &k->claim[i];
        uint32_t unit = (uint32_t)c->unit << 24 | (c->per != FC_PER_NONE) << 23 |
                        (c->role == FC_ROLE_CHANGE) << 22 |
                        (str_hash(c->currency, strlen(c->currency)) & 0x3fffff);
        /* Anchors: the counted thing, the measure noun, the events; else the
         * modifiers and words (a share "46% approved" has no counted noun). */
        static const int strong[] = {FC_TERM_THING, FC_TERM_UNIT, FC_TERM_EVENT};
        static const int weak[] = {FC_TERM_MODIFIER, FC_TERM_WORD};
        size_t added = 0;
        for (int pass = 0; pass < 2 && !added; pass++) {
            const int *kinds = pass ? weak : strong;
            for (size_t q = 0; q < (pass ? 2u : 3u); q++) {
                size_t nt;
                const uint32_t *t = terms(k, p, kinds[q], &nt);
                for (size_t j = 0; j < nt && added < ANCHORS_MAX; j++) {
                    if (fc_grow((void **)&blocks, &cap, nb + 1, sizeof *blocks) != FC_OK) {
                        free(blocks);
                        return FC_ENOMEM;
                    }
                    blocks[nb++] = (block_entry){t[j], unit, i};
                    added++;
                }
            }
        }
        /* A part meets the parts named alike of another source's whole
         * (key_similarity: "accounted for 5,100 of those visits", "treated
         * 3,900 of them") whatever its event. */
        for (int q = 0; c->part_of[0] && q < 2; q++) {
            size_t nt;
            const uint32_t *t = terms(k, p, q ? FC_TERM_PLACE : FC_TERM_NAME, &nt);
            for (size_t j = 0; j < nt && j < 2; j++) {
                if (fc_grow((void **)&blocks, &cap, nb + 1, sizeof *blocks) != FC_OK) {
                    free(blocks);
                    return FC_ENOMEM;
                }
                blocks[nb++] = (block_entry){t[j], unit, i};
            }
        }
    }
    if (nb)
        qsort(blocks, nb, sizeof *blocks, by_block); /* blocks is NULL when empty */
    for (size_t a = 0, b; a < nb; a = b) {
        for (b = a + 1; b < nb && blocks[b].anchor == blocks[a].anchor &&
                        blocks[b].unit == blocks[a].unit;
             b++)
            ;
        for (size_t i = a + 1; i < b; i++) {
            size_t lo = i > a + BLOCK_WINDOW ? i - BLOCK_WINDOW : a;
            for (size_t j = lo; j < i; j++) {
                size_t x = blocks[j].claim, y = blocks[i].claim;
                if (find(parent, x) == find(parent, y))
                    continue;
                double s = key_similarity(k, claims, x, y);
                if (s >= 0 && s >= r->grouping.similarity)
                    join(parent, x, y);
            }
        }
    }
    free(blocks);
    return FC_OK;
}

fc_status fc_groups_build(const fc_rules *r, const fc_claims *claims, const fc_doc *const *docs,
                          size_t ndocs, fc_groups *g)
{
    memset(g, 0, sizeof *g);
    size_t n = claims->n;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    size_t measured = 0;
    for (size_t i = 0; i < n; i++)
        measured += claims->items[i].measure != NULL;
    size_t size = measured + measured / 2 + 1;
    size_t *slots = malloc(size * sizeof *slots);
    fc_keyinfo *k = calloc(1, sizeof *k);
    g->of = malloc((n ? n : 1) * sizeof *g->of);
    g->members = malloc((n ? n : 1) * sizeof *g->members);
    fc_status st = parent && slots && k && g->of && g->members ? FC_OK : FC_ENOMEM;
    if (st == FC_OK) {
        k->rules = r;
        k->docs = docs;
        k->ndocs = ndocs;
        k->mention_mask = 4095;
        if (!(k->claim = calloc(n ? n : 1, sizeof *k->claim)) ||
            !(k->mentions = malloc((k->mention_mask + 1) * sizeof *k->mentions)))
            st = FC_ENOMEM;
        for (size_t i = 0; st == FC_OK && i <= k->mention_mask; i++)
            k->mentions[i].yes = -1;
    }
    g->keys = k;
    if (st == FC_OK && !(k->home = malloc((ndocs ? ndocs : 1) * sizeof *k->home)))
        st = FC_ENOMEM;
    for (size_t d = 0; st == FC_OK && d < ndocs; d++)
        k->home[d] = NO_TERM;
    for (size_t i = 0; st == FC_OK && i < n; i++) {
        parent[i] = i;
        if (groupable(&claims->items[i]))
            st = parse_key(k, claims->items[i].key, &k->claim[i]);
        /* A document's home: the place its first claim names, if it names one
         * (claims come in document order from the corpus). */
        size_t d = claims->items[i].doc;
        if (st == FC_OK && d < ndocs && (i == 0 || claims->items[i - 1].doc != d))
            k->home[d] = k->claim[i].place;
    }
    k->money_event = k->partial = k->part = k->margin = k->fte = k->lose = k->add = k->job = k->person =
        k->donate = NO_TERM;
    for (uint32_t i = 0; st == FC_OK && i < k->nnames; i++) {
        if (strcmp(k->names[i], "e:raise") == 0)
            k->money_event = i;
        if (strcmp(k->names[i], "s:partial") == 0)
            k->partial = i;
        else if (strcmp(k->names[i], "s:part") == 0)
            k->part = i;
        else if (strcmp(k->names[i], "s:margin") == 0)
            k->margin = i;
        else if (strcmp(k->names[i], "s:fte") == 0)
            k->fte = i;
        if (strcmp(k->names[i], "e:lose") == 0)
            k->lose = i;
        if (strcmp(k->names[i], "e:add") == 0)
            k->add = i;
        if (strcmp(k->names[i], "t:job") == 0)
            k->job = i;
        if (strcmp(k->names[i], "t:person") == 0)
            k->person = i;
        if (strcmp(k->names[i], "e:donate") == 0)
            k->donate = i;
    }
    /* Rule measures: one group each. */
    if (st == FC_OK) {
        memset(slots, 0xff, size * sizeof *slots);
        join_measures(claims, parent, slots, size);
        st = link_inferred(r, claims, k, parent);
    }
    /* Number the groups in the order of their first claim (the root), and list
     * each group's members in claim order (a counting sort). */
    size_t *count = NULL;
    if (st == FC_OK && !(count = calloc(n + 1, sizeof *count)))
        st = FC_ENOMEM;
    if (st == FC_OK) {
        for (size_t i = 0; i < n; i++) {
            const fc_claim *c = &claims->items[i];
            bool member = c->measure || groupable(c);
            size_t root = find(parent, i);
            g->of[i] = member && root == i ? g->n++ : FC_NO_GROUP;
        }
        for (size_t i = 0; i < n; i++) {
            const fc_claim *c = &claims->items[i];
            if (c->measure || groupable(c))
                g->of[i] = g->of[find(parent, i)];
        }
        if (!(g->from = calloc(g->n + 1, sizeof *g->from)) ||
            !(g->measure = calloc(g->n ? g->n : 1, sizeof *g->measure)))
            st = FC_ENOMEM;
    }
    if (st == FC_OK) {
        for (size_t i = 0; i < n; i++)
            if (g->of[i] != FC_NO_GROUP)
                g->from[g->of[i] + 1]++;
        for (size_t i = 0; i < g->n; i++)
            g->from[i + 1] += g->from[i];
        memcpy(count, g->from, g->n * sizeof *count);
        for (size_t i = 0; i < n; i++) {
            size_t gi = g->of[i];
            if (gi == FC_NO_GROUP)
                continue;
            g->members[count[gi]++] = i;
            if (claims->items[i].measure && !g->measure[gi])
                for (size_t m = 0; m < r->nmeasures && !g->measure[gi]; m++)
                    if (strcmp(r->measures[m].key, claims->items[i].measure) == 0)
                        g->measure[gi] = &r->measures[m];
        }
    }
    /* The earlier levels of each group, for the checks that look for one. */
    if (st == FC_OK && (!(g->previous_from = calloc(g->n + 1, sizeof *g->previous_from)) ||
                        !(g->previous = malloc((n ? n : 1) * sizeof *g->previous))))
        st = FC_ENOMEM;
    if (st == FC_OK) {
        size_t m = 0;
        for (size_t gi = 0; gi < g->n; gi++) {
            g->previous_from[gi] = m;
            for (size_t j = g->from[gi]; j < g->from[gi + 1]; j++)
                if (claims->items[g->members[j]].role == FC_ROLE_PREVIOUS)
                    g->previous[m++] = g->members[j];
        }
        g->previous_from[g->n] = m;
    }
    free(count);
    free(parent);
    free(slots);
    if (st != FC_OK)
        fc_groups_free(g);
    return st;
}

/* ---- explaining ------------------------------------------------------------------- */

/* A term as a reader says it: "=student" is "student", "ward_3" is "ward 3". */
static void put_term(fc_strbuf *sb, const char *w)
{
    if (*w == '=')
        w++;
    for (; *w; w++)
        fc_sb_add(sb, *w == '_' ? " " : w, 1);
}

void fc_groups_explain(const fc_groups *g, const fc_claims *claims, size_t a, size_t b,
                       fc_strbuf *sb)
{
    const fc_claim *ca = &claims->items[a], *cb = &claims->items[b];
    if (ca->measure && cb->measure) {
        fc_sb_printf(sb, "the rule measure %s", ca->measure);
        return;
    }
    static const char *const kinds[FC_NTERM_KINDS] = {"thing", "unit",  "modifier", "object", "event",
                                                      "place", "name",  "scope",    "word"};
    const fc_keyinfo *k = g->keys;
    const parsed *pa = &k->claim[a], *pb = &k->claim[b];
    bool any = false;
    for (int kind = 0; kind < FC_NTERM_KINDS; kind++) {
        size_t na, nb;
        const uint32_t *ta = terms(k, pa, kind, &na), *tb = terms(k, pb, kind, &nb);
        bool first = true;
        for (size_t i = 0; i < na; i++) {
            if (!contains(tb, nb, ta[i]))
                continue;
            fc_sb_printf(sb, "%s%s%s", first ? (any ? "; " : "") : ", ",
                         first ? kinds[kind] : "", first ? ": " : "");
            put_term(sb, k->names[ta[i]] + 2);
            first = false;
            any = true;
        }
    }
    if (!any)
        fc_sb_puts(sb, "their unit and rate");
    fc_sb_printf(sb, " (similarity %.2f)", key_similarity(g->keys, claims, a, b));
}

void fc_groups_name(const fc_groups *g, const fc_claims *claims, size_t k, fc_strbuf *sb)
{
    const fc_claim *c = &claims->items[k];
    size_t gi = g->of[k];
    if (gi != FC_NO_GROUP && g->measure[gi] && g->measure[gi]->description) {
        fc_sb_puts(sb, g->measure[gi]->description);
        return;
    }
    if (c->measure) {
        fc_sb_puts(sb, c->measure);
        return;
    }
    /* The counted thing as the text words it, and where: "inmates in Harlan
     * County" (the key's terms are stems, for matching, not for reading). */
    const fc_keyinfo *kp = g->keys;
    if (c->subject && *c->subject) {
        fc_sb_puts(sb, c->subject);
        size_t n = 0;
        const uint32_t *t = kp && c->key ? terms(kp, &kp->claim[k], FC_TERM_PLACE, &n) : NULL;
        if (t && n) {
            fc_sb_puts(sb, " in ");
            bool start = true;
            for (const char *w = kp->names[t[0]] + 2; *w; w++) {
                char ch = *w == '_' ? ' ' : *w;
                bool of = start && strncmp(w, "of_", 3) == 0; /* "Port of Velmar" */
                fc_sb_add(sb, start && !of && ch >= 'a' && ch <= 'z' ? &(char){(char)(ch - 32)} : &ch,
                          1);
                start = ch == ' ';
            }
        }
        t = kp && c->key ? terms(kp, &kp->claim[k], FC_TERM_EVENT, &n) : NULL;
        for (size_t i = 0; t && i < n && i < 2; i++) { /* what happened: "people (arrest)" */
            fc_sb_puts(sb, i ? ", " : " (");
            put_term(sb, kp->names[t[i]] + 2);
            if (i + 1 == n || i == 1)
                fc_sb_puts(sb, ")");
        }
        return;
    }
    /* Modifiers, thing, measure noun, events: "korean worker, detain". A key
     * that names no thing is read from a member of its group that does (one of
     * its first 16: the cost stays flat however large the group). */
    static const int order[] = {FC_TERM_MODIFIER, FC_TERM_THING, FC_TERM_UNIT, FC_TERM_EVENT,
                                FC_TERM_PLACE, FC_TERM_SCOPE};
    const fc_keyinfo *ki = g->keys;
    for (size_t j = gi != FC_NO_GROUP ? g->from[gi] : 0;
         ki && c->key && !ki->claim[k].n[FC_TERM_THING] && gi != FC_NO_GROUP &&
         j < g->from[gi + 1] && j < g->from[gi] + 16;
         j++)
        if (claims->items[g->members[j]].key && ki->claim[g->members[j]].n[FC_TERM_THING]) {
            k = g->members[j];
            c = &claims->items[k];
        }
    size_t before = sb->len;
    for (size_t o = 0; ki && c->key && o < sizeof order / sizeof *order; o++) {
        size_t n;
        const uint32_t *t = terms(ki, &ki->claim[k], order[o], &n);
        for (size_t i = 0; i < n && i < 3; i++) {
            const char *w = ki->names[t[i]] + 2;
            if (order[o] == FC_TERM_THING && strcmp(w, "person") == 0 &&
                ki->claim[k].n[FC_TERM_MODIFIER])
                continue; /* "korean worker", not "korean worker person" */
            if (sb->len > before)
                fc_sb_add(sb, " ", 1);
            put_term(sb, w);
        }
    }
    if (sb->len == before)
        fc_sb_puts(sb, fc_unit_name(c->unit));
}
