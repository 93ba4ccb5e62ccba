/* report_claimreview.c - findings as schema.org ClaimReview JSON-LD.
 *
 * A JSON array with one ClaimReview per finding that passes a verdict on a claim:
 * every conflict and warning, and every `reference` finding that confirms a claim
 * against a cited reference figure. Other findings (agreement summaries, worked
 * arithmetic, shares) describe rather than judge, and are left out.
 *
 * The reviewed claim is the finding's first claim (for a two-sided conflict, the
 * lower figure; the review's text names the other). claimReviewed quotes the
 * sentence it was found in; itemReviewed is a Claim whose author, date and
 * appearance come from the document's front matter. The rating scale is stated
 * in every review: 1 (worst) to 3 (best), with the verdict as alternateName:
 *   1  Conflicts with other figures      (severity conflict)
 *   2  Needs context                     (severity warning)
 *   3  Consistent with reference data    (reference, severity info)
 * `url` (the page that publishes the review) is not known to factcheck and is
 * left for the publisher to add; the claim's appearance carries the document's
 * URL when its front matter gives one.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

static const struct verdict {
    int rating;
    const char *name;
} verdicts[] = {{3, "Consistent with reference data"},
                {2, "Needs context"},
                {1, "Conflicts with other figures"}};

/* The verdict a finding passes, or NULL when it passes none. */
static const struct verdict *verdict_of(const fc_finding *f)
{
    if (f->nclaims == 0)
        return NULL;
    if (f->severity == FC_SEV_INFO && strcmp(f->check, "reference") != 0)
        return NULL;
    return &verdicts[f->severity];
}

static cJSON *thing(const char *type, const char *name)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "@type", type);
    cJSON_AddStringToObject(o, "name", name);
    return o;
}

/* The Claim reviewed: who made it, when, and where it appeared. */
static cJSON *item_reviewed(const fc_doc *d, const fc_claim *c)
{
    cJSON *claim = cJSON_CreateObject();
    cJSON_AddStringToObject(claim, "@type", "Claim");
    if (d && d->author)
        cJSON_AddItemToObject(claim, "author", thing("Person", d->author));
    else if (d && d->outlet)
        cJSON_AddItemToObject(claim, "author", thing("Organization", d->outlet));
    if (d && d->published)
        cJSON_AddStringToObject(claim, "datePublished", d->published);
    if (c->attribution) /* the source the document cites for the figure */
        cJSON_AddStringToObject(claim, "citation", c->attribution);
    cJSON *work = cJSON_CreateObject();
    cJSON_AddStringToObject(work, "@type", "NewsArticle");
    if (d && d->url)
        cJSON_AddStringToObject(work, "url", d->url);
    if (d && d->title)
        cJSON_AddStringToObject(work, "headline", d->title);
    if (d && d->published)
        cJSON_AddStringToObject(work, "datePublished", d->published);
    if (d && d->author)
        cJSON_AddItemToObject(work, "author", thing("Person", d->author));
    if (d && d->outlet)
        cJSON_AddItemToObject(work, "publisher", thing("Organization", d->outlet));
    cJSON_AddItemToObject(claim, "appearance", work);
    return claim;
}

static cJSON *review(const fc_corpus *corpus, const fc_finding *f, const struct verdict *v)
{
    const fc_claim *c = &fc_corpus_claims(corpus)->items[f->claims[0]];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "@context", "https://schema.org");
    cJSON_AddStringToObject(o, "@type", "ClaimReview");
    cJSON_AddStringToObject(o, "identifier", f->id);
    char *sentence = fc_claim_context(corpus, c);
    cJSON_AddStringToObject(o, "claimReviewed", sentence ? sentence : "");
    free(sentence);
    cJSON_AddItemToObject(o, "itemReviewed", item_reviewed(fc_claim_doc(corpus, c), c));
    cJSON *author = thing("Organization", "factcheck");
    cJSON_AddStringToObject(author, "description", "automated consistency check");
    cJSON_AddItemToObject(o, "author", author);
    cJSON_AddStringToObject(o, "reviewBody", f->message);
    cJSON *rating = cJSON_CreateObject();
    cJSON_AddStringToObject(rating, "@type", "Rating");
    cJSON_AddNumberToObject(rating, "ratingValue", v->rating);
    cJSON_AddNumberToObject(rating, "bestRating", 3);
    cJSON_AddNumberToObject(rating, "worstRating", 1);
    cJSON_AddStringToObject(rating, "alternateName", v->name);
    cJSON_AddStringToObject(rating, "ratingExplanation", f->message);
    cJSON_AddItemToObject(o, "reviewRating", rating);
    if (f->source) /* the reference figure the verdict rests on */
        cJSON_AddStringToObject(o, "citation", f->source);
    return o;
}

/* Written one review at a time, so memory does not grow with the output. */
fc_status fc_report_claimreview(FILE *out, const fc_corpus *corpus)
{
    const fc_findings *fs = fc_corpus_findings(corpus);
    bool first = true;
    if (fputs("[", out) < 0)
        return FC_EIO;
    for (size_t i = 0; i < fs->n; i++) {
        const struct verdict *v = verdict_of(&fs->items[i]);
        if (!v)
            continue;
        cJSON *o = review(corpus, &fs->items[i], v);
        char *s = o ? cJSON_Print(o) : NULL;
        cJSON_Delete(o);
        if (!s)
            return FC_ENOMEM;
        int rc = fprintf(out, "%s\n%s", first ? "" : ",", s);
        cJSON_free(s);
        if (rc < 0)
            return FC_EIO;
        first = false;
    }
    return fputs(first ? "]\n" : "\n]\n", out) < 0 ? FC_EIO : FC_OK;
}
