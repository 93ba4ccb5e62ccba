/* test_ids.c - claim ids and finding fingerprints survive edits elsewhere in
 * the copy: an inserted paragraph, a rewrapped line, another sentence edited. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

/* A story in two versions, and a second outlet's story. */
static const char story_v1[] =
    "---\noutlet: Harbor Ledger\npublished: 2025-03-04\n---\n"
    "County health officials have confirmed 212 measles cases since the outbreak\n"
    "began in January, and 212 is the highest count in a decade.\n\n"
    "The county clinic vaccinated about 1,400 children in February, up 40% from 1,000 "
    "in January.\n\n"
    "Of the 212 cases, 30 were adults, officials said.\n";

/* A paragraph inserted at the top, the first sentence rewrapped, the second
 * sentence's figure edited. */
static const char story_v2[] =
    "---\noutlet: Harbor Ledger\npublished: 2025-03-04\n---\n"
    "Parents lined up outside the clinic on Saturday morning, many of them with\n"
    "toddlers in strollers.\n\n"
    "County health officials have confirmed 212 measles cases since the outbreak began in "
    "January, and 212 is the highest count in a decade.\n\n"
    "The county clinic vaccinated about 1,500 children in February, up 40% from 1,000 "
    "in January.\n\n"
    "Of the 212 cases, 30 were adults, officials said.\n";

static const char other[] = "---\noutlet: Ridge Courier\npublished: 2025-03-05\n---\n"
                            "The outbreak has grown to 230 confirmed measles cases since "
                            "January, the county health department said.\n";

typedef struct run {
    fc_doc *docs[2];
    fc_claims claims;
    fc_findings findings;
} run;

static void run_story(run *r, const char *story)
{
    memset(r, 0, sizeof *r);
    cr_assert_eq(fc_doc_parse("desk/harbor.md", story, strlen(story), &r->docs[0], NULL), FC_OK);
    cr_assert_eq(fc_doc_parse("desk/ridge.md", other, strlen(other), &r->docs[1], NULL), FC_OK);
    for (size_t d = 0; d < 2; d++)
        cr_assert_eq(fc_extract(test_rules(), r->docs[d], d, &r->claims), FC_OK);
    cr_assert_eq(
        fc_check_run(test_rules(), &r->claims, (const fc_doc *const *)r->docs, 2, &r->findings),
        FC_OK);
}

static void run_free(run *r)
{
    fc_findings_clear(&r->findings);
    fc_claims_clear(&r->claims);
    fc_doc_free(r->docs[0]);
    fc_doc_free(r->docs[1]);
}

/* Whether claim c of r lies in the sentence that mentions "vaccinated". */
static bool in_edited(const run *r, const fc_claim *c)
{
    const fc_doc *d = r->docs[c->doc];
    for (size_t i = c->sentence_start; c->doc == 0 && i + 10 <= c->sentence_end; i++)
        if (memcmp(d->text + i, "vaccinated", 10) == 0)
            return true;
    return false;
}

static const fc_claim *by_id(const run *r, const char *id)
{
    for (size_t i = 0; i < r->claims.n; i++)
        if (strcmp(r->claims.items[i].id, id) == 0)
            return &r->claims.items[i];
    return NULL;
}

static const fc_finding *finding(const run *r, const char *id)
{
    for (size_t i = 0; i < r->findings.n; i++)
        if (strcmp(r->findings.items[i].id, id) == 0)
            return &r->findings.items[i];
    return NULL;
}

static bool touches_edited(const run *r, const fc_finding *f)
{
    for (size_t i = 0; i < f->nclaims; i++)
        if (in_edited(r, &r->claims.items[f->claims[i]]))
            return true;
    return false;
}

Test(ids, other_claims_keep_their_ids_when_the_copy_is_edited)
{
    run a, b;
    run_story(&a, story_v1);
    run_story(&b, story_v2);
    cr_assert_eq(a.claims.n, 8, "%zu claims", a.claims.n);
    cr_assert_eq(b.claims.n, a.claims.n, "%zu claims after the edit", b.claims.n);
    size_t kept = 0, edited = 0;
    for (size_t i = 0; i < a.claims.n; i++) {
        const fc_claim *c = &a.claims.items[i];
        const fc_claim *same = by_id(&b, c->id);
        if (in_edited(&a, c)) {
            edited++;
            cr_expect_null(same, "claim %s of the edited sentence kept its id", c->id);
        } else {
            kept++;
            cr_assert_not_null(same, "claim %s (%.*s) lost its id", c->id, (int)(c->end - c->start),
                               a.docs[c->doc]->text + c->start);
            cr_expect_eq(same->value, c->value);
            if (c->doc == 0)
                cr_expect_neq(same->start, c->start, "the claim did not move");
        }
    }
    cr_expect_eq(kept, 5);
    cr_expect_eq(edited, 3); /* about 1,400, 40%, 1,000 */
    /* The edited sentence's claims have new ids, each distinct. */
    for (size_t i = 0; i < b.claims.n; i++)
        if (in_edited(&b, &b.claims.items[i]))
            cr_expect_null(by_id(&a, b.claims.items[i].id));
    run_free(&a);
    run_free(&b);
}

Test(ids, findings_keep_their_fingerprints_unless_they_rest_on_the_edit)
{
    run a, b;
    run_story(&a, story_v1);
    run_story(&b, story_v2);
    size_t kept = 0, changed = 0;
    for (size_t i = 0; i < a.findings.n; i++) {
        const fc_finding *f = &a.findings.items[i];
        if (touches_edited(&a, f)) {
            changed++;
            cr_expect_null(finding(&b, f->id), "%s finding %s kept its fingerprint", f->check,
                           f->id);
            continue;
        }
        kept++;
        const fc_finding *g = finding(&b, f->id);
        cr_assert_not_null(g, "%s finding %s lost its fingerprint", f->check, f->id);
        cr_expect_str_eq(g->check, f->check);
        cr_expect_eq(g->severity, f->severity);
    }
    /* cross_source conflict and its summary (212 against 230), the share (30
     * of the 212); the stated change rests on the edited sentence. */
    cr_expect_eq(kept, 3, "%zu findings kept", kept);
    cr_expect_eq(changed, 1, "%zu findings on the edited sentence", changed);
    run_free(&a);
    run_free(&b);
}

Test(ids, one_figure_twice_gets_two_ids)
{
    run a;
    run_story(&a, story_v1);
    /* "212" twice in the first sentence and once in the last: three ids. */
    const char *seen[3];
    size_t n = 0;
    for (size_t i = 0; i < a.claims.n; i++) {
        const fc_claim *c = &a.claims.items[i];
        if (c->doc == 0 && c->end - c->start == 3 &&
            memcmp(a.docs[0]->text + c->start, "212", 3) == 0) {
            cr_assert_lt(n, 3);
            seen[n++] = c->id;
        }
    }
    cr_assert_eq(n, 3);
    cr_expect_str_neq(seen[0], seen[1]);
    cr_expect_str_neq(seen[0], seen[2]);
    cr_expect_str_neq(seen[1], seen[2]);
    run_free(&a);
}

Test(ids, a_repeated_sentence_gets_its_own_ids_and_the_path_counts)
{
    static const char twice[] =
        "Crews cleared 14 roads by noon.\n\nCrews cleared 14 roads by noon.\n";
    fc_doc *d1 = NULL, *d2 = NULL;
    fc_claims a = {0}, b = {0};
    cr_assert_eq(fc_doc_parse("one.md", twice, strlen(twice), &d1, NULL), FC_OK);
    cr_assert_eq(fc_doc_parse("two.md", twice, strlen(twice), &d2, NULL), FC_OK);
    cr_assert_eq(fc_extract(test_rules(), d1, 0, &a), FC_OK);
    cr_assert_eq(fc_extract(test_rules(), d2, 1, &b), FC_OK);
    cr_assert_eq(a.n, 2);
    cr_assert_eq(b.n, 2);
    cr_expect_str_neq(a.items[0].id, a.items[1].id);
    cr_expect_str_neq(a.items[0].id, b.items[0].id);
    cr_expect_str_neq(a.items[1].id, b.items[1].id);
    fc_claims_clear(&a);
    fc_claims_clear(&b);
    fc_doc_free(d1);
    fc_doc_free(d2);
}
