/* claim.c - the claim list and the names of the claim record's enumerations. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"
#include "factcheck/claim.h"
#include "util.h"

void fc_claim_free_strings(fc_claim *c)
{
    free(c->subject);
    free(c->attribution);
    free(c->measure);
    free(c->key);
    free(c->period);
}

fc_status fc_claims_push(fc_claims *list, fc_claim *claim)
{
    if (list->n == list->cap && /* full: the common case is not, and costs no call */
        fc_grow((void **)&list->items, &list->cap, list->n + 1, sizeof *list->items) != FC_OK) {
        fc_claim_free_strings(claim);
        return FC_ENOMEM;
    }
    list->items[list->n++] = *claim;
    return FC_OK;
}

void fc_claims_clear(fc_claims *list)
{
    for (size_t i = 0; i < list->n; i++)
        fc_claim_free_strings(&list->items[i]);
    free(list->items);
    list->items = NULL;
    list->n = list->cap = 0;
}

uint64_t fc_hash64(const void *data, size_t n, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = seed ? seed : 14695981039346656037u;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211u;
    }
    return h;
}

/* Each byte's two hex digits: an id is written a byte at a time. */
static const char hex_pairs[] =
    "000102030405060708090a0b0c0d0e0f"
    "101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f"
    "303132333435363738393a3b3c3d3e3f"
    "404142434445464748494a4b4c4d4e4f"
    "505152535455565758595a5b5c5d5e5f"
    "606162636465666768696a6b6c6d6e6f"
    "707172737475767778797a7b7c7d7e7f"
    "808182838485868788898a8b8c8d8e8f"
    "909192939495969798999a9b9c9d9e9f"
    "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"
    "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
    "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
    "d0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
    "e0e1e2e3e4e5e6e7e8e9eaebecedeeef"
    "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

void fc_id_format(char *id, char kind, uint64_t h)
{
    /* MurmurHash3's finaliser (a bijection): FNV-1a barely stirs the high bits
     * for a change in the last byte, and ids that differ in one digit would
     * be easy to confuse when read or typed. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    id[0] = kind;
    for (int k = 7; k >= 0; k--, h >>= 8) /* the last byte first: one shift each */
        memcpy(id + 1 + 2 * k, hex_pairs + 2 * (h & 255), 2);
    id[17] = '\0';
}

static bool is_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

uint64_t fc_hash64_words(const char *text, size_t from, size_t to, uint64_t seed)
{
    uint64_t h = seed ? seed : 14695981039346656037u;
    size_t i = from;
    while (i < to && is_space((unsigned char)text[i]))
        i++; /* none at the start */
    while (i < to) {
        unsigned char ch = (unsigned char)text[i++];
        if (ch <= ' ' && is_space(ch)) { /* white space is all at or below ' ' */
            while (i < to && is_space((unsigned char)text[i]))
                i++;
            if (i < to) /* one ' ' for a run between words, none at the end */
                h = (h ^ ' ') * 1099511628211u;
            continue;
        }
        h = (h ^ ch) * 1099511628211u;
    }
    return h;
}

/* The next byte of t[*i, to) with white space normalised (a run of it between
 * words is one ' ', none at either end); -1 at the end. */
static int next_word_byte(const char *t, size_t *i, size_t to, bool *started)
{
    size_t k = *i;
    if (k < to && is_space((unsigned char)t[k])) {
        while (k < to && is_space((unsigned char)t[k]))
            k++;
        *i = k;
        if (k < to && *started)
            return ' ';
    }
    if (k >= to)
        return -1;
    *started = true;
    *i = k + 1;
    return (unsigned char)t[k];
}

bool fc_words_equal(const char *a, size_t afrom, size_t ato, const char *b, size_t bfrom,
                    size_t bto)
{
    bool sa = false, sb = false;
    for (;;) {
        int x = next_word_byte(a, &afrom, ato, &sa), y = next_word_byte(b, &bfrom, bto, &sb);
        if (x != y)
            return false;
        if (x < 0)
            return true;
    }
}

/* Appends ":<n>" in decimal to the hash h. Formatted by hand: this runs for
 * every claim, and n is nearly always one digit. */
static uint64_t hash_count(uint64_t h, char sep, size_t n)
{
    if (n < 10) {
        h = (h ^ (unsigned char)sep) * 1099511628211u;
        return (h ^ (unsigned char)('0' + n)) * 1099511628211u;
    }
    char key[24], digits[20];
    size_t k = 0, v = n;
    do
        digits[k++] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    key[0] = sep;
    for (size_t i = 0; i < k; i++)
        key[1 + i] = digits[k - 1 - i];
    return fc_hash64(key, k + 1, h);
}

uint64_t fc_claim_sentence_words(uint64_t path_hash, const fc_tok *toks, size_t n)
{
    uint64_t h = fc_hash64("\n", 1, path_hash);
    for (size_t i = 0; i < n; i++) {
        h = (h ^ toks[i].hash) * 1099511628211u;
        h = (h ^ (toks[i].end - toks[i].start)) * 1099511628211u;
    }
    return h;
}

uint64_t fc_claim_sentence_seed(uint64_t words, size_t occurrence)
{
    return hash_count(words, '#', occurrence);
}

void fc_claim_make_id(char *id, uint64_t sentence_seed, const char *text, size_t from, size_t to,
                      size_t occurrence)
{
    uint64_t h = sentence_seed ? sentence_seed : 14695981039346656037u;
    h = fc_hash64_words(text, from, to, (h ^ '\n') * 1099511628211u); /* "\n", words */
    fc_id_format(id, 'c', hash_count(h, '#', occurrence));
}

const char *fc_qualifier_name(fc_qualifier q)
{
    static const char *const names[] = {"exact",     "approximately", "nearly",    "at_least",
                                        "more_than", "at_most",       "less_than", "range"};
    return (size_t)q < sizeof names / sizeof *names ? names[q] : "exact";
}

const char *fc_unit_name(fc_unit u)
{
    static const char *const names[] = {
        "count", "percent", "percentage_point", "currency", "duration", "ratio", "other"};
    return (size_t)u < sizeof names / sizeof *names ? names[u] : "other";
}

const char *fc_per_name(fc_per p)
{
    static const char *const names[] = {NULL, "day", "week", "month", "year", "hour"};
    return (size_t)p < sizeof names / sizeof *names ? names[p] : NULL;
}

const char *fc_modality_name(fc_modality m)
{
    static const char *const names[] = {"actual", "estimate", "target", "projection", "poll"};
    return (size_t)m < sizeof names / sizeof *names ? names[m] : "actual";
}

const char *fc_role_name(fc_role r)
{
    static const char *const names[] = {"level", "change", "previous"};
    return (size_t)r < sizeof names / sizeof *names ? names[r] : "level";
}

const char *fc_direction_name(fc_direction d)
{
    return d == FC_DIR_UP ? "up" : d == FC_DIR_DOWN ? "down" : NULL;
}

typedef struct keyed {
    const char *key;
    size_t idx;
} keyed;

static int by_key_then_index(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

fc_status fc_claims_by_measure(const fc_claims *claims, size_t **idx, size_t *n)
{
    *n = 0;
    *idx = malloc((claims->n ? claims->n : 1) * sizeof **idx);
    keyed *keys = malloc((claims->n ? claims->n : 1) * sizeof *keys);
    if (!*idx || !keys) {
        free(*idx);
        free(keys);
        *idx = NULL;
        return FC_ENOMEM;
    }
    for (size_t i = 0; i < claims->n; i++)
        if (claims->items[i].measure)
            keys[(*n)++] = (keyed){claims->items[i].measure, i};
    qsort(keys, *n, sizeof *keys, by_key_then_index);
    for (size_t i = 0; i < *n; i++)
        (*idx)[i] = keys[i].idx;
    free(keys);
    return FC_OK;
}
