/* copies.c - one source, once: which claims repeat a claim of an earlier
 * document (syndicated copy, with small edits). See copies.h for the rule.
 *
 * Each claim's sentence becomes a sorted set of word hashes (computed once per
 * sentence) and the hash of its words in order. Claims are bucketed by their
 * figure (the claim's own words and every field copies.h names, and which of
 * the sentence's claims of that figure it is), so only claims of one figure are
 * compared; within a bucket, a claim is compared with the last
 * BUCKET_SCAN originals before it, and joins the most recent one that matches.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"
#include "factcheck/copies.h"
#include "util.h"

/* Originals of one figure a claim is compared with, the most recent first:
 * syndicated copies of one story are near each other in a run's order, and the
 * work stays linear in a bucket of thousands. */
#define BUCKET_SCAN 64

typedef struct sentence_words {
    uint64_t exact; /* hash of the words in order; 0: no sentence */
    size_t from, n; /* the distinct word hashes, sorted: words[from, from + n) */
} sentence_words;

typedef struct figure {
    uint64_t key;
    size_t k;
} figure;

static int by_figure(const void *pa, const void *pb)
{
    const figure *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

static int by_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

static bool word_byte(unsigned char b)
{
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80;
}

/* Appends the word hashes of text[from, to) to *words (growing it); returns the
 * hash of the words in order, and the count in *n. */
static fc_status words_of(const char *text, size_t from, size_t to, uint64_t **words, size_t *len,
                          size_t *cap, uint64_t *exact, size_t *n)
{
    uint64_t seq = 1469598103934665603ull;
    size_t start = *len;
    for (size_t i = from; i < to;) {
        if (!word_byte((unsigned char)text[i])) {
            i++;
            continue;
        }
        uint64_t h = 1469598103934665603ull;
        for (; i < to && word_byte((unsigned char)text[i]); i++) {
            unsigned char b = (unsigned char)text[i];
            h = (h ^ (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b)) * 1099511628211ull;
        }
        if (fc_grow((void **)words, cap, *len + 1, sizeof **words) != FC_OK)
            return FC_ENOMEM;
        (*words)[(*len)++] = h;
        seq = fc_hash64(&h, sizeof h, seq);
    }
    /* The set: sorted, each word once (none at all: *words may still be NULL). */
    if (*len > start)
        qsort(*words + start, *len - start, sizeof **words, by_u64);
    size_t m = start;
    for (size_t i = start; i < *len; i++)
        if (i == start || (*words)[i] != (*words)[m - 1])
            (*words)[m++] = (*words)[i];
    *n = m - start;
    *len = m;
    *exact = seq | 1;
    return FC_OK;
}

/* The figure a claim states: its own words and what they were read as. */
static uint64_t figure_key(const fc_claim *c, const char *text)
{
    uint64_t h = fc_hash64_words(text, 0, c->end - c->start, 0);
    int fields[] = {(int)c->qualifier, (int)c->unit, (int)c->per, (int)c->modality, (int)c->role,
                    (int)c->direction};
    h = fc_hash64(fields, sizeof fields, h);
    h = fc_hash64(c->currency, strnlen(c->currency, sizeof c->currency), h);
    const double v[] = {c->value, c->low, c->high};
    for (size_t i = 0; i < 3; i++) {
        double x = v[i] == 0 ? 0 : v[i]; /* -0 as 0 */
        if (isnan(x))
            x = NAN;
        h = fc_hash64(&x, sizeof x, h);
    }
    return h | 1;
}

static double jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            common++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    size_t uni = na + nb - common;
    return uni ? (double)common / (double)uni : 1;
}

static bool near_identical(const sentence_words *x, const sentence_words *y, const uint64_t *words)
{
    if (x->exact == y->exact)
        return true;
    if (x->n < FC_COPY_MIN_WORDS || y->n < FC_COPY_MIN_WORDS)
        return false;
    return jaccard(words + x->from, x->n, words + y->from, y->n) >= FC_COPY_JACCARD;
}

fc_status fc_copies_find(const fc_claims *claims, const fc_doc *const *docs, size_t ndocs,
                         size_t *first)
{
    size_t n = claims->n, nf = 0, len = 0, cap = 0;
    for (size_t k = 0; k < n; k++)
        first[k] = k;
    if (n < 2)
        return FC_OK;
    sentence_words *sw = calloc(n, sizeof *sw);
    figure *fig = malloc(n * sizeof *fig);
    size_t *last_doc = malloc(n * sizeof *last_doc);
    size_t *reps = malloc(n * sizeof *reps);
    uint64_t *words = NULL, *fkey = calloc(n, sizeof *fkey);
    fc_status st = sw && fig && last_doc && reps && fkey ? FC_OK : FC_ENOMEM;
    for (size_t k = 0; st == FC_OK && k < n; k++) {
        const fc_claim *c = &claims->items[k];
        const fc_doc *d = c->doc < ndocs ? docs[c->doc] : NULL;
        /* The sentence and the claim's own words (a kept document holds both). */
        const char *sentence = c->sentence_start < c->sentence_end
                                   ? fc_doc_bytes(d, c->sentence_start, c->sentence_end)
                                   : NULL;
        const char *text = c->start < c->end ? fc_doc_bytes(d, c->start, c->end) : NULL;
        if (!sentence || !text)
            continue;
        const fc_claim *p = k ? &claims->items[k - 1] : NULL;
        if (p && sw[k - 1].exact && p->doc == c->doc && p->sentence_start == c->sentence_start &&
            p->sentence_end == c->sentence_end)
            sw[k] = sw[k - 1]; /* the sentence's words once */
        else {
            sw[k].from = len;
            st = words_of(sentence, 0, c->sentence_end - c->sentence_start, &words, &len, &cap,
                          &sw[k].exact, &sw[k].n);
        }
        /* The same figure twice in a sentence ("rose to 1,240 ... 1,240 inmates"):
         * the n-th is a copy of the n-th. */
        uint64_t key = figure_key(c, text), nth = 0;
        for (size_t j = k; j-- > 0 && claims->items[j].doc == c->doc &&
                           claims->items[j].sentence_start == c->sentence_start;)
            nth += fkey[j] == key;
        fkey[k] = key;
        fig[nf++] = (figure){fc_hash64(&nth, sizeof nth, key) | 1, k};
    }
    if (st == FC_OK)
        qsort(fig, nf, sizeof *fig, by_figure);
    for (size_t a = 0; st == FC_OK && a < nf;) {
        size_t b = a, nreps = 0;
        while (b < nf && fig[b].key == fig[a].key)
            b++;
        for (size_t i = a; i < b; i++) {
            size_t k = fig[i].k, doc = claims->items[k].doc, match = k;
            for (size_t r = nreps, seen = 0; r-- > 0 && seen < BUCKET_SCAN; seen++) {
                size_t o = reps[r];
                if (claims->items[o].doc == doc || last_doc[o] == doc)
                    continue; /* one appearance per document */
                if (near_identical(&sw[k], &sw[o], words)) {
                    match = o;
                    break;
                }
            }
            if (match == k) {
                reps[nreps++] = k;
                last_doc[k] = doc;
            } else {
                first[k] = match;
                last_doc[match] = doc;
            }
        }
        a = b;
    }
    if (st != FC_OK)
        for (size_t k = 0; k < n; k++)
            first[k] = k;
    free(sw);
    free(fig);
    free(last_doc);
    free(reps);
    free(words);
    free(fkey);
    return st;
}
