/* rules_index.c - the rules' vocabulary and the lookup indices over rule phrases
 * (see fc_vocab and fc_index in rules_internal.h): every phrase token numbered,
 * and phrases bucketed by the number of their first or last token, with a bit
 * set per key word that rejects most tokens in one test. */
#include <stdlib.h>
#include <string.h>

#include "rules_internal.h"

static fc_status vocab_grow(fc_vocab *v)
{
    uint32_t nb = v->slots ? 2 * (v->mask + 1) : 64;
    struct fc_word *slots = calloc(nb, sizeof *slots);
    if (!slots)
        return FC_ENOMEM;
    for (uint32_t i = 0; v->slots && i <= v->mask; i++) {
        if (!v->slots[i].text)
            continue;
        uint32_t b = fc_vocab_home(v->slots[i].hash, nb - 1);
        while (slots[b].text)
            b = (b + 1) & (nb - 1);
        slots[b] = v->slots[i];
    }
    free(v->slots);
    v->slots = slots;
    v->mask = nb - 1;
    return FC_OK;
}

fc_status fc_vocab_add(fc_vocab *v, const char *tok, size_t len, uint32_t hash, uint32_t *id)
{
    if ((*id = fc_vocab_find(v, tok, len, hash)) < v->n)
        return FC_OK;
    /* At most half full, so probes stay short and always reach an empty slot. */
    if ((!v->slots || 2 * (v->n + 1) > v->mask + 1) && vocab_grow(v) != FC_OK)
        return FC_ENOMEM;
    uint32_t b = fc_vocab_home(hash, v->mask);
    while (v->slots[b].text)
        b = (b + 1) & v->mask;
    /* At least 8 bytes, zero after the word, for its head. */
    char *text = calloc(len < 8 ? 8 : len + 1, 1);
    if (!text)
        return FC_ENOMEM;
    memcpy(text, tok, len);
    v->slots[b] = (struct fc_word){text, len, hash, v->n, len <= 8 ? fc_vocab_head(text, len) : 0};
    *id = v->n++;
    return FC_OK;
}

void fc_vocab_free(fc_vocab *v)
{
    for (uint32_t i = 0; v->slots && i <= v->mask; i++)
        free(v->slots[i].text);
    free(v->slots);
    v->slots = NULL;
    v->mask = v->n = 0;
}

static fc_status index_one(fc_index *ix, const void *base, size_t n, size_t stride, bool last,
                           uint32_t nwords)
{
    uint32_t nb = 8;
    while (nb < 2 * n)
        nb *= 2;
    ix->mask = nb - 1;
    /* One bit more than there are words: the number of a token in no phrase. */
    ix->keys = calloc(nwords / 64 + 1, sizeof *ix->keys);
    ix->start = calloc(nb + 1, sizeof *ix->start);
    ix->item = malloc((n ? n : 1) * sizeof *ix->item);
    uint32_t *cursor = malloc((size_t)nb * sizeof *cursor);
    if (!ix->keys || !ix->start || !ix->item || !cursor) {
        free(cursor);
        return FC_ENOMEM;
    }
#define PHRASE(i) ((const fc_phrase *)((const char *)base + (i)*stride))
#define KEY(p) ((p)->word[last ? (p)->ntok - 1 : 0])
    for (size_t i = 0; i < n; i++) {
        uint32_t w = KEY(PHRASE(i));
        ix->keys[w / 64] |= (uint64_t)1 << (w % 64);
        ix->start[(w & ix->mask) + 1]++;
    }
    for (uint32_t b = 1; b <= nb; b++)
        ix->start[b] += ix->start[b - 1];
    memcpy(cursor, ix->start, (size_t)nb * sizeof *cursor);
    for (size_t i = 0; i < n; i++)
        ix->item[cursor[KEY(PHRASE(i)) & ix->mask]++] = (uint32_t)i;
    /* Within a bucket, longer phrases first and equally long ones in list order:
     * the first phrase that matches is then the one a lookup wants (the longest,
     * and among those the first listed). Buckets are short: insertion sort. */
    for (uint32_t b = 0; b < nb; b++)
        for (uint32_t k = ix->start[b] + 1; k < ix->start[b + 1]; k++) {
            uint32_t it = ix->item[k], j = k;
            for (; j > ix->start[b] && PHRASE(ix->item[j - 1])->ntok < PHRASE(it)->ntok; j--)
                ix->item[j] = ix->item[j - 1];
            ix->item[j] = it;
        }
#undef KEY
#undef PHRASE
    free(cursor);
    return FC_OK;
}

fc_status fc_index_build(fc_index *first, fc_index *last, const void *base, size_t n, size_t stride,
                         uint32_t nwords)
{
    if (index_one(first, base, n, stride, false, nwords) != FC_OK ||
        index_one(last, base, n, stride, true, nwords) != FC_OK)
        return FC_ENOMEM;
    return FC_OK;
}

void fc_index_free(fc_index *ix)
{
    free(ix->keys);
    free(ix->start);
    free(ix->item);
    ix->keys = NULL;
    ix->start = ix->item = NULL;
}
