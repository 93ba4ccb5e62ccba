/* report_claimreview.c - findings as schema.org ClaimReview JSON-LD.
 *
 * A JSON array of ClaimReviews. A verdict rests only on what a reader can check:
 *   - a comparison with reference data (the `reference` check, which cites the
 *     row): 1 "Conflicts with reference data", 2 "Needs context" (reference
 *     figures for the period, none agreeing), 3 "Consistent with reference data";
 *   - arithmetic inside one text (a finding whose claims are all of one
 *     document: a change, share, multiple, rate or date that does not fit the
 *     text's own figures): 1 "Does not add up" (conflict), 2 "Needs context"
 *     (warning).
 * Two outlets that disagree (cross_source), targets against actual figures, and
 * readings that rest on another outlet's figure pass no verdict: a dispute is
 * not a rating of either side. Agreement summaries and worked arithmetic that
 * fits describe rather than judge, and are left out.
 *
 * The reviewed claim is the finding's first claim, and a claim gets one review:
 * its most severe verdict (the first of equals). claimReviewed quotes the
 * sentence it was found in; itemReviewed is a Claim whose author, date and
 * appearance come from the document's front matter. The rating scale, 1 (worst)
 * to 3 (best), is stated in every review with the verdict as alternateName.
 * `url` (the page that publishes the review) is not known to factcheck and is
 * left for the publisher to add; the claim's appearance carries the document's
 * URL when its front matter gives an http or https one (any other is left out).
 *
 * The desk's review decisions (docs/review.md) travel with the reviews: a
 * finding decided a false alarm gets no review (the desk ruled its verdict
 * wrong); a confirmed or corrected one carries the decision as a Comment
 * (name: the decision, text: the note, author: who, dateCreated: when). A
 * stale decision, whose finding is gone, is a Comment of its own at the end of
 * the array, about the fingerprint, so it is never silently dropped.
 *
 * Meant to be pasted into a <script type="application/ld+json"> block: every
 * <, > and & is written as \u003c, \u003e, \u0026, so no text can close the
 * block ("</script>") or open a comment, and a byte sequence that is not UTF-8
 * becomes \ufffd (U+FFFD), as in the JSON report.
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
} reference_verdicts[] = {{3, "Consistent with reference data"},
                          {2, "Needs context"},
                          {1, "Conflicts with reference data"}},
  arithmetic_verdicts[] = {{0, NULL}, {2, "Needs context"}, {1, "Does not add up"}};

/* The verdict a finding passes, or NULL when it passes none. */
static const struct verdict *verdict_of(const fc_corpus *corpus, const fc_finding *f)
{
    if (f->nclaims == 0 || (size_t)f->severity > FC_SEV_CONFLICT)
        return NULL;
    if (strcmp(f->check, "reference") == 0)
        return f->source ? &reference_verdicts[f->severity] : NULL;
    if (f->severity == FC_SEV_INFO || strcmp(f->check, "cross_source") == 0 ||
        strncmp(f->check, "target_", 7) == 0)
        return NULL;
    const fc_claims *cl = fc_corpus_claims(corpus);
    for (size_t i = 1; i < f->nclaims; i++)
        if (cl->items[f->claims[i]].doc != cl->items[f->claims[0]].doc)
            return NULL; /* it rests on another outlet's figure */
    return &arithmetic_verdicts[f->severity];
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
    if (fc_report_url(d))
        cJSON_AddStringToObject(work, "url", fc_report_url(d));
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

/* The desk's decision as a schema.org Comment. */
static cJSON *decision_comment(const fc_decision *d)
{
    cJSON *o = thing("Comment", fc_verdict_name(d->verdict));
    cJSON_AddStringToObject(o, "text", d->note);
    cJSON_AddItemToObject(o, "author", thing("Person", d->by));
    cJSON_AddStringToObject(o, "dateCreated", d->at);
    return o;
}

/* A stale decision: a Comment about a finding that is no longer raised. */
static cJSON *stale_comment(const fc_decision *d)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "@context", "https://schema.org");
    cJSON_AddStringToObject(o, "@type", "Comment");
    cJSON_AddStringToObject(o, "identifier", d->finding);
    cJSON_AddStringToObject(o, "name", "stale review decision");
    char text[160];
    snprintf(text, sizeof text, "%s on %s: %s", fc_verdict_name(d->verdict), d->finding,
             FC_STALE_REASON);
    cJSON_AddStringToObject(o, "text", text);
    cJSON_AddItemToObject(o, "hasPart", decision_comment(d));
    return o;
}

static cJSON *review(const fc_corpus *corpus, const fc_finding *f, const struct verdict *v,
                     const fc_decision *dec)
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
    if (dec)
        cJSON_AddItemToObject(o, "comment", decision_comment(dec));
    return o;
}

/* Appends cJSON's text of a review with <, > and & escaped and bytes that are
 * not UTF-8 replaced. Outside strings cJSON writes only ASCII punctuation,
 * digits and literals, so each of these is inside a string, where the escape
 * means the same character. */
static void ld_json(fc_strbuf *sb, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str), run = 0, i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len = 1;
        const char *rep = NULL;
        if (c == '<')
            rep = "\\u003c";
        else if (c == '>')
            rep = "\\u003e";
        else if (c == '&')
            rep = "\\u0026";
        else if (c >= 0x80 && (len = fc_utf8_len(s + i, n - i)) == 0)
            rep = "\\ufffd";
        if (!rep) {
            i += len;
            continue;
        }
        fc_sb_add(sb, str + run, i - run);
        fc_sb_puts(sb, rep);
        run = ++i;
    }
    fc_sb_add(sb, str + run, n - run);
}

/* Written one review at a time, so memory does not grow with the output. */
/* The verdict finding i gets in this output: none when it is hidden or was
 * decided a false alarm. */
static const struct verdict *shown_verdict(const fc_corpus *corpus, size_t i, bool hide)
{
    const fc_decision *d = fc_corpus_decision(corpus, i);
    if (!fc_report_shown(corpus, i, hide) || (d && d->verdict == FC_VERDICT_FALSE_ALARM))
        return NULL;
    return verdict_of(corpus, &fc_corpus_findings(corpus)->items[i]);
}

fc_status fc_report_claimreview(FILE *out, const fc_corpus *corpus, bool hide)
{
    const fc_findings *fs = fc_corpus_findings(corpus);
    const fc_claims *cl = fc_corpus_claims(corpus);
    bool first = true;
    /* Per claim, the finding whose verdict it gets: the most severe one. */
    size_t *chosen = malloc((cl->n ? cl->n : 1) * sizeof *chosen);
    if (!chosen)
        return FC_ENOMEM;
    for (size_t k = 0; k < cl->n; k++)
        chosen[k] = (size_t)-1;
    for (size_t i = 0; i < fs->n; i++) {
        const struct verdict *v = shown_verdict(corpus, i, hide);
        size_t k = v ? fs->items[i].claims[0] : 0;
        if (v && (chosen[k] == (size_t)-1 ||
                  v->rating < verdict_of(corpus, &fs->items[chosen[k]])->rating))
            chosen[k] = i;
    }
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "[");
    fc_status st = FC_OK;
    size_t nstale = fc_corpus_nstale(corpus);
    for (size_t i = 0; st == FC_OK && i < fs->n + nstale; i++) {
        cJSON *o;
        if (i < fs->n) {
            const struct verdict *v = shown_verdict(corpus, i, hide);
            if (!v || chosen[fs->items[i].claims[0]] != i)
                continue;
            o = review(corpus, &fs->items[i], v, fc_corpus_decision(corpus, i));
        } else {
            o = stale_comment(fc_corpus_stale(corpus, i - fs->n));
        }
        char *s = o ? cJSON_Print(o) : NULL;
        cJSON_Delete(o);
        if (!s) {
            st = FC_ENOMEM;
            break;
        }
        fc_sb_puts(&sb, first ? "\n" : ",\n");
        ld_json(&sb, s);
        cJSON_free(s);
        st = fc_report_flush(out, &sb);
        first = false;
    }
    free(chosen);
    if (st == FC_OK) {
        fc_sb_puts(&sb, first ? "]\n" : "\n]\n");
        st = fc_report_flush(out, &sb);
    }
    fc_sb_free(&sb);
    return st;
}
