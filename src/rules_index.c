/* rules_index.c - lookup indices over rule phrases (see fc_index in
 * rules_internal.h): phrases bucketed by the hash of their first or last token,
 * with a bloom filter that rejects most tokens in one bit test. */
#include <stdlib.h>
#include <string.h>

#include "rules_internal.h"

static fc_status index_one(fc_index *ix, const void *base, size_t n, size_t stride, bool last)
{
    uint32_t nb = 8;
    while (nb < 2 * n)
        nb *= 2;
    ix->mask = nb - 1;
    ix->start = calloc(nb + 1, sizeof *ix->start);
    ix->item = malloc((n ? n : 1) * sizeof *ix->item);
    uint32_t *cursor = malloc((size_t)nb * sizeof *cursor);
    if (!ix->start || !ix->item || !cursor) {
        free(cursor);
        return FC_ENOMEM;
    }
#define PHRASE(i) ((const fc_phrase *)((const char *)base + (i)*stride))
#define BUCKET(p) ((p)->hash[last ? (p)->ntok - 1 : 0] & ix->mask)
    for (size_t i = 0; i < n; i++) {
        const fc_phrase *p = PHRASE(i);
        uint32_t h = p->hash[last ? p->ntok - 1 : 0];
        ix->bloom[(h >> 24) >> 6 & 3] |= (uint64_t)1 << ((h >> 24) & 63);
        ix->start[BUCKET(p) + 1]++;
    }
    for (uint32_t b = 1; b <= nb; b++)
        ix->start[b] += ix->start[b - 1];
    memcpy(cursor, ix->start, (size_t)nb * sizeof *cursor);
    for (size_t i = 0; i < n; i++)
        ix->item[cursor[BUCKET(PHRASE(i))]++] = (uint32_t)i;
#undef BUCKET
#undef PHRASE
    free(cursor);
    return FC_OK;
}

fc_status fc_index_build(fc_index *first, fc_index *last, const void *base, size_t n, size_t stride)
{
    if (index_one(first, base, n, stride, false) != FC_OK ||
        index_one(last, base, n, stride, true) != FC_OK)
        return FC_ENOMEM;
    return FC_OK;
}

void fc_index_free(fc_index *ix)
{
    free(ix->start);
    free(ix->item);
    ix->start = ix->item = NULL;
}
