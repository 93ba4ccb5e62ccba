/* fuzz_extract.c - libFuzzer target: the extractor with the default rules.
 *
 * The bytes become a document (front matter included) and fc_extract runs over
 * it. Beyond the sanitizers, the claim record's promises are checked: every span
 * lies in the body, claims come in text order, and an interval is not inverted. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "factcheck/extract.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fc_rules *rules = fuzz_default_rules();
    fc_doc *doc = NULL;
    if (fc_doc_parse("fuzz.md", (const char *)data, size, &doc, NULL) != FC_OK)
        return 0; /* NUL bytes: not a document (fuzz_doc covers that path) */
    fc_claims claims = {0};
    fc_status st = fc_extract(rules, doc, 3, &claims);
    if (st != FC_OK)
        fuzz_fail("fc_extract: %s", fc_status_str(st));
    for (size_t i = 0; i < claims.n; i++) {
        const fc_claim *c = &claims.items[i];
        if (c->doc != 3)
            fuzz_fail("claim %zu: doc index %zu, expected 3", i, c->doc);
        if (c->start < doc->body || c->start >= c->end || c->end > doc->len)
            fuzz_fail("claim %zu: span [%zu, %zu) outside the body [%zu, %zu)", i, c->start,
                      c->end, doc->body, doc->len);
        if (i > 0 && c->start < claims.items[i - 1].start)
            fuzz_fail("claim %zu starts at %zu, before claim %zu at %zu", i, c->start, i - 1,
                      claims.items[i - 1].start);
        if (!memchr(c->id, '\0', sizeof c->id) || !c->id[0])
            fuzz_fail("claim %zu: id empty or not terminated", i);
        if (!isnan(c->low) && !isnan(c->high) && c->low > c->high)
            fuzz_fail("claim %zu: interval [%g, %g] is inverted", i, c->low, c->high);
    }
    fc_claims_clear(&claims);
    fc_doc_free(doc);
    return 0;
}
