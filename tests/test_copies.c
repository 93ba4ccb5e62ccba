/* test_copies.c - one source, once: syndicated copies are one claim
 * (src/copies.c), checked once, with their appearances listed. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "factcheck/factcheck.h"
#include "helpers.h"

static char *make_tmpdir(void)
{
    char *dir = strdup("/tmp/fc-copies-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    return dir;
}

/* Removes a folder of make_tmpdir (its name has no quote) and frees the name. */
static void remove_tmpdir(char *dir)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf -- '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    free(dir);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot create %s", path);
    cr_assert_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    cr_assert_eq(fclose(f), 0);
}

/* Runs the pipeline over the paths (each a file or a folder). */
static fc_corpus *run(const char *const *paths, size_t n)
{
    fc_corpus *c = fc_corpus_new();
    cr_assert_not_null(c);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(fc_corpus_add_path(c, paths[i]), FC_OK);
    cr_assert_eq(fc_corpus_extract(c, test_rules()), FC_OK);
    cr_assert_eq(fc_corpus_check(c, test_rules()), FC_OK);
    return c;
}

/* ---- the rule, claim by claim ------------------------------------------------------ */

/* The first appearance of each claim of b.md's first claim-bearing sentence,
 * given a.md's and b.md's texts (one claim each). */
static bool b_copies_a(const char *a, const char *b)
{
    char *dir = make_tmpdir();
    write_file(dir, "a.md", a);
    write_file(dir, "b.md", b);
    const char *paths[] = {dir};
    fc_corpus *c = run(paths, 1);
    const fc_claims *cl = fc_corpus_claims(c);
    cr_assert_eq(cl->n, 2, "want one claim in each text, got %zu", cl->n);
    bool copy = fc_corpus_first_appearance(c, 1) == 0;
    cr_assert_eq(fc_corpus_first_appearance(c, 0), 0); /* the earlier document is the original */
    fc_corpus_free(c);
    remove_tmpdir(dir);
    return copy;
}

#define LONG_A "The county shelter took in 412 dogs last year, the animal services department said on Tuesday.\n"

Test(copies, the_same_sentence_is_one_claim)
{
    cr_assert(b_copies_a(LONG_A, LONG_A));
}

Test(copies, a_changed_word_or_punctuation_is_still_a_copy)
{
    /* Words of LONG_A: the county shelter took in 412 dogs last year animal
     * services department said on tuesday = 15 distinct. "said" -> "reported":
     * 14 shared of 16, Jaccard 0.875 >= 0.8. Commas and case do not count. */
    cr_assert(b_copies_a(LONG_A, "The County shelter took in 412 dogs last year, the animal services "
                                 "department reported on Tuesday.\n"));
    cr_assert(b_copies_a(LONG_A, "The county shelter took in 412 dogs last year the animal services "
                                 "department said Tuesday.\n")); /* 14 of 15: 0.93 */
}

Test(copies, a_rewritten_sentence_is_another_source)
{
    /* Shared: the county shelter took in 412 dogs last year = 9 of 9 + 6 + 3
     * (officials, counted, them) = 18 words: Jaccard 0.5. */
    cr_assert_not(b_copies_a(LONG_A, "The county shelter took in 412 dogs last year, officials "
                                     "counted them.\n"));
}

Test(copies, another_figure_is_never_a_copy)
{
    cr_assert_not(b_copies_a(LONG_A, "The county shelter took in 413 dogs last year, the animal "
                                     "services department said on Tuesday.\n"));
}

Test(copies, short_sentences_must_match_word_for_word)
{
    /* 5 distinct words each (below FC_COPY_MIN_WORDS = 6): one word changed is
     * another sentence, even at Jaccard 4/6. */
    cr_assert(b_copies_a("Shelters took 412 dogs.\n", "Shelters took 412 dogs!\n"));
    cr_assert_not(b_copies_a("Shelters took 412 dogs.\n", "Shelters got 412 dogs.\n"));
}

Test(copies, a_repeat_in_one_document_is_not_a_copy)
{
    char *dir = make_tmpdir();
    write_file(dir, "a.md", LONG_A "\n" LONG_A);
    const char *paths[] = {dir};
    fc_corpus *c = run(paths, 1);
    cr_assert_eq(fc_corpus_claims(c)->n, 2);
    cr_assert_eq(fc_corpus_first_appearance(c, 1), 1);
    fc_corpus_free(c);
    remove_tmpdir(dir);
}

/* ---- fifty copies of a story and one dissenting outlet -------------------------------- */

#define STORY_1 "The Harlan County jail held 1,240 inmates on Monday, according to the sheriff's "     \
                "office, a population that rose 5%% to 1,240 from 1,100 a year earlier.\n\n"
#define STORY_2 "The sheriff's office said 412 of the inmates held on Monday were awaiting trial.\n"

/* Copy i of the wire story, under its own outlet; some with a copy editor's
 * touch: a comma gone, a word changed, or both. */
static void write_copy(const char *dir, int i)
{
    char body[1200], name[40], s1[400], s2[200];
    snprintf(s1, sizeof s1, STORY_1);
    snprintf(s2, sizeof s2, STORY_2);
    char *p;
    if (i % 5 == 1 || i % 5 == 4) { /* punctuation */
        p = strstr(s1, "Monday, according");
        memmove(p + 6, p + 7, strlen(p + 7) + 1);
    }
    if (i % 5 == 2 || i % 5 == 4) { /* "earlier" -> "before" */
        p = strstr(s1, "earlier");
        memmove(p + 6, p + 7, strlen(p + 7) + 1);
        memcpy(p, "before", 6);
    }
    if (i % 5 == 3) { /* "said" -> "reported" */
        p = strstr(s2, "said");
        memmove(p + 8, p + 4, strlen(p + 4) + 1);
        memcpy(p, "reported", 8);
    }
    snprintf(body, sizeof body, "---\noutlet: Outlet %02d\npublished: 2025-03-04\n---\n%s%s", i, s1,
             s2);
    snprintf(name, sizeof name, "story-%02d.md", i);
    write_file(dir, name, body);
}

/* A finding as (check, severity, its claims' ids sorted), for comparing runs. */
static char *finding_key(const fc_corpus *c, const fc_finding *f)
{
    const fc_claims *cl = fc_corpus_claims(c);
    const char *ids[16];
    cr_assert(f->nclaims <= 16);
    for (size_t i = 0; i < f->nclaims; i++)
        ids[i] = cl->items[f->claims[i]].id;
    for (size_t i = 1; i < f->nclaims; i++) /* insertion sort */
        for (size_t j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            const char *t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    char *key = calloc(1, 512);
    snprintf(key, 512, "%s %s", f->check, fc_severity_name(f->severity));
    for (size_t i = 0; i < f->nclaims; i++) {
        strcat(key, " ");
        strcat(key, ids[i]);
    }
    return key;
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **finding_keys(const fc_corpus *c)
{
    const fc_findings *fs = fc_corpus_findings(c);
    char **keys = calloc(fs->n + 1, sizeof *keys);
    for (size_t i = 0; i < fs->n; i++)
        keys[i] = finding_key(c, &fs->items[i]);
    qsort(keys, fs->n, sizeof *keys, by_str);
    return keys;
}

Test(copies, fifty_copies_raise_the_findings_of_one)
{
    char *dir = make_tmpdir();
    for (int i = 0; i < 50; i++)
        write_copy(dir, i);
    write_file(dir, "zz-dissent.md",
               "---\noutlet: Valley Courier\npublished: 2025-03-04\n---\n"
               "The Harlan County jail held 1,900 inmates on Monday, jail records show.\n");
    char one[600], dissent[600];
    snprintf(one, sizeof one, "%s/story-00.md", dir);
    snprintf(dissent, sizeof dissent, "%s/zz-dissent.md", dir);
    const char *single[] = {one, dissent}, *all[] = {dir};
    fc_corpus *c1 = run(single, 2), *c50 = run(all, 1);
    cr_assert_eq(fc_corpus_ninputs(c50), 51);
    const fc_findings *f1 = fc_corpus_findings(c1), *f50 = fc_corpus_findings(c50);
    cr_assert_eq(f50->n, f1->n, "50 copies: %zu findings, one copy: %zu", f50->n, f1->n);
    char **k1 = finding_keys(c1), **k50 = finding_keys(c50);
    for (size_t i = 0; i < f1->n; i++)
        cr_assert_str_eq(k50[i], k1[i], "the runs differ in a finding");
    /* What the one-copy run must say (by hand): the wire's 1,240 against the
     * Courier's 1,900, a gap of 660; and "rose 5% to 1,240 from 1,100", which is
     * 140 / 1,100 = +12.7%. */
    bool conflict = false, change = false;
    for (size_t i = 0; i < f50->n; i++) {
        const fc_finding *f = &f50->items[i];
        if (strcmp(f->check, "cross_source") == 0 && f->severity == FC_SEV_CONFLICT) {
            conflict = true;
            cr_assert(strstr(f->message, "Outlet 00") && strstr(f->message, "Valley Courier"),
                      "%s", f->message);
            cr_assert(strstr(f->message, "gap 660"), "%s", f->message);
        }
        if (strcmp(f->check, "stated_change") == 0) {
            change = true;
            cr_assert(strstr(f->message, "+12.7%"), "%s", f->message);
        }
    }
    cr_assert(conflict && change);
    /* Every claim of the copies is its story-00.md original's: 50 appearances each. */
    const fc_claims *cl = fc_corpus_claims(c50);
    size_t originals = 0;
    for (size_t k = 0; k < cl->n; k++) {
        size_t first = fc_corpus_first_appearance(c50, k);
        const char *path = fc_corpus_input(c50, cl->items[first].doc)->path;
        if (strstr(path, "zz-dissent.md")) {
            cr_assert_eq(first, k);
            continue;
        }
        cr_assert(strstr(path, "story-00.md"), "claim %s repeats one of %s", cl->items[k].id, path);
        if (first != k)
            continue;
        originals++;
        size_t n = 0;
        for (size_t a = k; a != FC_NO_CLAIM; a = fc_corpus_next_appearance(c50, a))
            n++;
        cr_assert_eq(n, 50, "claim %s appears %zu times", cl->items[k].id, n);
    }
    cr_assert_eq(originals, fc_corpus_claims(c1)->n - 1); /* the one-copy run's, less the dissent */
    for (size_t i = 0; i < f1->n; i++) {
        free(k1[i]);
        free(k50[i]);
    }
    free(k1);
    free(k50);
    fc_corpus_free(c1);
    fc_corpus_free(c50);
    remove_tmpdir(dir);
}

Test(copies, the_json_report_lists_the_appearances)
{
    char *dir = make_tmpdir();
    for (int i = 0; i < 50; i++)
        write_copy(dir, i);
    char args[700], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "-f json %s", dir);
    test_run(args, &out, &err);
    cJSON *r = cJSON_Parse(out);
    cr_assert_not_null(r, "%.300s", out);
    const cJSON *claims = cJSON_GetObjectItem(r, "claims"), *c;
    size_t with = 0, copies = 0;
    cJSON_ArrayForEach(c, claims)
    {
        const cJSON *app = cJSON_GetObjectItem(c, "appearances");
        const cJSON *copy_of = cJSON_GetObjectItem(c, "copy_of");
        cr_assert_not_null(copy_of);
        if (!cJSON_IsNull(copy_of)) {
            copies++;
            cr_assert_null(app);
            continue;
        }
        cr_assert_not_null(app, "an original of the story without its appearances");
        with++;
        cr_assert_eq(cJSON_GetArraySize(app), 50);
        for (int i = 0; i < 50; i++) {
            const cJSON *a = cJSON_GetArrayItem(app, i);
            char outlet[20], doc[40];
            snprintf(outlet, sizeof outlet, "Outlet %02d", i);
            snprintf(doc, sizeof doc, "story-%02d.md", i);
            cr_assert_str_eq(cJSON_GetObjectItem(a, "outlet")->valuestring, outlet);
            cr_assert(strstr(cJSON_GetObjectItem(a, "doc")->valuestring, doc));
        }
        cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(app, 0), "claim")->valuestring,
                         cJSON_GetObjectItem(c, "id")->valuestring);
    }
    cr_assert_gt(with, 0);
    cr_assert_eq(copies, 49 * with);
    cJSON_Delete(r);
    free(out);
    free(err);
    remove_tmpdir(dir);
}
