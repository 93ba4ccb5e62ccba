/* test_extract.c - the extractor, table-driven from tests/data/sentences.jsonl.
 *
 * Each line: {"text", optional "published", "claims": [expected, ...]}. The
 * extractor must find exactly as many claims, in order; every field an expected
 * claim names must match (null = unbounded interval side, or no value). */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "util.h"

static char *field_str(const fc_claim *c, const char *key, const fc_doc *doc)
{
    if (strcmp(key, "text") == 0)
        return fc_strndup(doc->text + c->start, c->end - c->start);
    const char *v = NULL;
    if (strcmp(key, "qualifier") == 0)
        v = fc_qualifier_name(c->qualifier);
    else if (strcmp(key, "unit") == 0)
        v = fc_unit_name(c->unit);
    else if (strcmp(key, "per") == 0)
        v = fc_per_name(c->per);
    else if (strcmp(key, "modality") == 0)
        v = fc_modality_name(c->modality);
    else if (strcmp(key, "role") == 0)
        v = fc_role_name(c->role);
    else if (strcmp(key, "currency") == 0)
        v = c->currency[0] ? c->currency : NULL;
    else if (strcmp(key, "subject") == 0)
        v = c->subject;
    else if (strcmp(key, "attribution") == 0)
        v = c->attribution;
    else if (strcmp(key, "measure") == 0)
        v = c->measure;
    else if (strcmp(key, "period") == 0)
        v = c->period;
    else if (strcmp(key, "direction") == 0)
        v = fc_direction_name(c->direction);
    else if (strcmp(key, "unit_name") == 0)
        v = c->unit_name[0] ? c->unit_name : NULL;
    else if (strcmp(key, "base_unit") == 0)
        v = c->base_unit[0] ? c->base_unit : NULL;
    else
        cr_assert_fail("unknown field %s in sentences.jsonl", key);
    return fc_strdup(v);
}

static double field_num(const fc_claim *c, const char *key)
{
    if (strcmp(key, "value") == 0)
        return c->value;
    if (strcmp(key, "low") == 0)
        return c->low;
    if (strcmp(key, "high") == 0)
        return c->high;
    if (strcmp(key, "from") == 0)
        return c->from;
    if (strcmp(key, "to") == 0)
        return c->to;
    if (strcmp(key, "base_value") == 0)
        return c->base_value;
    cr_assert_fail("unknown numeric field %s", key);
    return NAN;
}

static bool is_numeric(const char *key)
{
    return !strcmp(key, "value") || !strcmp(key, "low") || !strcmp(key, "high") ||
           !strcmp(key, "from") || !strcmp(key, "to") || !strcmp(key, "base_value");
}

/* Checks one sentence; returns the number of mismatches, printing each. */
static int check_case(const cJSON *tc, int lineno)
{
    const char *text = cJSON_GetObjectItem(tc, "text")->valuestring;
    const cJSON *pub = cJSON_GetObjectItem(tc, "published");
    fc_strbuf sb = {0};
    if (pub)
        fc_sb_printf(&sb, "---\npublished: %s\n---\n", pub->valuestring);
    fc_sb_puts(&sb, text);
    char *full = fc_sb_take(&sb);
    fc_claims cl = {0};
    fc_doc *doc = test_extract(full, &cl);
    free(full);
    const cJSON *want = cJSON_GetObjectItem(tc, "claims");
    int bad = 0;
    if ((size_t)cJSON_GetArraySize(want) != cl.n) {
        cr_log_error("line %d: %zu claims, expected %d: %s", lineno, cl.n, cJSON_GetArraySize(want),
                     text);
        for (size_t i = 0; i < cl.n; i++)
            cr_log_error("    got \"%.*s\"", (int)(cl.items[i].end - cl.items[i].start),
                         doc->text + cl.items[i].start);
        bad++;
    } else {
        size_t i = 0;
        const cJSON *w, *f;
        cJSON_ArrayForEach(w, want)
        {
            const fc_claim *c = &cl.items[i++];
            cJSON_ArrayForEach(f, w)
            {
                if (is_numeric(f->string)) {
                    double got = field_num(c, f->string);
                    bool ok = cJSON_IsNull(f)
                                  ? isinf(got) || isnan(got)
                                  : fabs(got - f->valuedouble) <= 1e-6 * fmax(1, fabs(got));
                    if (!ok) {
                        cr_log_error("line %d: %s = %g, expected %s: %s", lineno, f->string, got,
                                     cJSON_IsNull(f) ? "null" : cJSON_PrintUnformatted(f), text);
                        bad++;
                    }
                } else {
                    char *got = field_str(c, f->string, doc);
                    bool ok =
                        cJSON_IsNull(f) ? got == NULL : got && strcmp(got, f->valuestring) == 0;
                    if (!ok) {
                        cr_log_error("line %d: %s = \"%s\", expected \"%s\": %s", lineno, f->string,
                                     got ? got : "(null)",
                                     cJSON_IsNull(f) ? "(null)" : f->valuestring, text);
                        bad++;
                    }
                    free(got);
                }
            }
        }
    }
    fc_claims_clear(&cl);
    fc_doc_free(doc);
    return bad;
}

Test(extract, every_sentence_in_the_table)
{
    FILE *f = fopen("tests/data/sentences.jsonl", "r");
    cr_assert_not_null(f, "cannot open tests/data/sentences.jsonl");
    char line[8192];
    int lineno = 0, bad = 0, cases = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (line[0] == '\n' || line[0] == '#')
            continue;
        cJSON *tc = cJSON_Parse(line);
        cr_assert_not_null(tc, "sentences.jsonl:%d: malformed JSON", lineno);
        bad += check_case(tc, lineno) > 0;
        cases++;
        cJSON_Delete(tc);
    }
    fclose(f);
    cr_log_info("%d sentences, %d failing", cases, bad);
    cr_assert_eq(bad, 0, "%d of %d sentences failed (see the log above)", bad, cases);
}

Test(extract, spans_are_byte_offsets_of_the_original_file)
{
    const char *text = "---\noutlet: X\n---\nCaf\xC3\xA9 owners said nearly 1,000 people came.\n";
    fc_claims cl = {0};
    fc_doc *doc = test_extract(text, &cl);
    cr_assert_eq(cl.n, 1);
    /* "---\n" 4 + "outlet: X\n" 10 + "---\n" 4 = 18; "Café owners said " is 18 bytes */
    cr_assert_eq(cl.items[0].start, 36);
    cr_assert_eq(cl.items[0].end, 36 + strlen("nearly 1,000"));
    fc_claims_clear(&cl);
    fc_doc_free(doc);
}

/* A month name before a full stop ends the sentence unless a day or a year
 * follows it ("on Jan. 28"): "in March. Turnout ..." is two sentences, so
 * the second figure is no earlier level of the first. */
Test(extract, a_month_ends_a_sentence_unless_a_day_follows)
{
    const char *text = "Approval rose to 46% from 43% in March. Turnout fell to 60% in May. "
                       "The vote on Sept. 4, 2025 drew 1,200 people, and on Jan. 28 about 900.";
    fc_claims cl = {0};
    fc_doc *doc = test_extract(text, &cl);
    cr_assert_eq(cl.n, 5);
    size_t expect_sentence[] = {0, 0, 1, 2, 2}; /* 46%, 43%, 60%, 1,200, about 900 */
    for (size_t i = 0; i < cl.n; i++)
        cr_expect_eq(cl.items[i].sentence, expect_sentence[i], "claim %zu (at %zu) in sentence %zu",
                     i, cl.items[i].start, cl.items[i].sentence);
    cr_expect_eq(cl.items[1].role, FC_ROLE_PREVIOUS);
    cr_expect_eq(cl.items[2].role, FC_ROLE_LEVEL);
    fc_claims_clear(&cl);
    fc_doc_free(doc);
}

Test(extract, claim_ids_are_stable_and_distinct)
{
    const char *text = "There were 12 cats and 14 dogs.";
    fc_claims a = {0}, b = {0};
    fc_doc *d1 = test_extract(text, &a);
    fc_doc *d2 = test_extract(text, &b);
    cr_assert_eq(a.n, 2);
    cr_assert_str_eq(a.items[0].id, b.items[0].id);
    cr_assert_str_neq(a.items[0].id, a.items[1].id);
    fc_claims_clear(&a);
    fc_claims_clear(&b);
    fc_doc_free(d1);
    fc_doc_free(d2);
}

Test(extract, empty_and_whitespace_documents_have_no_claims)
{
    const char *texts[] = {"", "   \n\n\t ", "---\noutlet: X\n---\n"};
    for (size_t i = 0; i < 3; i++) {
        fc_claims cl = {0};
        fc_doc *d = test_extract(texts[i], &cl);
        cr_assert_eq(cl.n, 0);
        fc_claims_clear(&cl);
        fc_doc_free(d);
    }
}

/* One-letter words at the very start of a file, before a figure: the extractor
 * looks back for "from" and possessives ("the city's") without reading before
 * the text (the sanitizer builds catch a read out of bounds here). */
Test(extract, one_letter_words_at_the_start_of_the_text)
{
    const char *texts[] = {"T 47 days.", "s 12% from 10%.", "A 5 of the 9."};
    const size_t claims[] = {1, 2, 2};
    for (size_t i = 0; i < 3; i++) {
        fc_claims cl = {0};
        fc_doc *d = test_extract(texts[i], &cl);
        cr_assert_eq(cl.n, claims[i], "\"%s\": %zu claims", texts[i], cl.n);
        fc_claims_clear(&cl);
        fc_doc_free(d);
    }
}
