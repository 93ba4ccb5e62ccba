/* test_rules_loud.c - extending the rules never fails silently.
 *
 * Each mistake a rule file can hold is refused with the file, line and column
 * of the entry and a message saying what is wrong, by `factcheck rules check`
 * and by a run alike (exit 2, no document read): a target_of or a pattern's
 * measure naming no measure, a pattern without its value group or with one
 * that can match no digit, a dataset or events file that is not there, a
 * context list mixing its two forms. What is accepted works: the flat form of
 * a context, an events file by absolute path, a layer naming a measure of the
 * layer below. The listing of the rules shows paths as given, every origin,
 * and lines that fit a terminal. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "factcheck/factcheck.h"
#include "helpers.h"
#include "rules_internal.h"

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/fc-loud-XXXXXX");
    cr_assert(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(rules_loud, .init = make_dir, .fini = remove_dir);

/* Writes text to dir/name (a subfolder made when name has one); returns the
 * path (static storage, 4 slots). */
static const char *put(const char *name, const char *text)
{
    static char paths[4][256];
    static int next;
    char *path = paths[next++ % 4];
    snprintf(path, 256, "%s/%s", dir, name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdir(path, 0755);
    *slash = '/';
    FILE *f = fopen(path, "w");
    cr_assert(f, "cannot write %s", path);
    cr_assert(fputs(text, f) >= 0);
    cr_assert_eq(fclose(f), 0);
    return path;
}

/* The story every run reads: one figure of each kind the rules below talk of. */
static const char *story(void)
{
    return put("story.md", "The depot shipped 40 widgets on Monday, the company said.\n");
}

/* `factcheck rules check FILE` and `factcheck --rules FILE story.md` both exit
 * 2 with exactly "FILE" + expected on standard error, and print no report. */
static void assert_refused(const char *file, const char *expected)
{
    char args[1200], want[1400], *out = NULL, *err = NULL;
    snprintf(want, sizeof want, "%s%s\n", file, expected);
    snprintf(args, sizeof args, "rules check '%s'", file);
    cr_assert_eq(test_run(args, &out, &err), 2, "rules check passed %s: %s", file, out);
    cr_assert_str_eq(err, want);
    cr_assert_str_eq(out, "");
    free(out);
    free(err);
    const char *doc = story();
    snprintf(args, sizeof args, "--rules '%s' '%s'", file, doc);
    cr_assert_eq(test_run(args, &out, &err), 2, "a run passed %s: %s", file, out);
    cr_assert_str_eq(err, want);
    cr_assert_str_eq(out, "");
    free(out);
    free(err);
}

static void assert_accepted(const char *file)
{
    char args[600], want[700], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "rules check '%s'", file);
    snprintf(want, sizeof want, "%s: ok\n", file);
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    cr_assert_str_eq(out, want);
    free(out);
    free(err);
}

/* ---- refused ---------------------------------------------------------------- */

Test(rules_loud, a_target_of_naming_no_measure)
{
    const char *f = put("target.json", "{\"measures\": [\n"
                                       "  {\"key\": \"depot.shipments\", \"unit\": \"count\"},\n"
                                       "  {\"key\": \"depot.goal\", \"modality\": [\"target\"],\n"
                                       "   \"target_of\": \"depot.shipment\"}\n"
                                       "]}\n");
    assert_refused(f, ":4:17: $.measures[1].target_of: no measure \"depot.shipment\" in the "
                      "rules (did you mean \"depot.shipments\"?)");
}

Test(rules_loud, a_pattern_naming_no_measure)
{
    const char *f = put("pattern-measure.json",
                        "{\"patterns\": [\n"
                        "  {\"id\": \"widgets\", \"regex\": \"(?<value>\\\\d+) widgets\",\n"
                        "   \"measure\": \"depot.widgets\"}\n"
                        "]}\n");
    assert_refused(f, ":3:15: $.patterns[0].measure: no measure \"depot.widgets\" in the rules");
}

Test(rules_loud, a_pattern_without_a_value_group)
{
    const char *f = put("no-value.json", "{\"patterns\": [\n"
                                         "  {\"id\": \"widgets\", \"regex\": \"(\\\\d+) widgets\"}\n"
                                         "]}\n");
    assert_refused(f, ":2:31: $.patterns[0].regex: regular expression error at offset 0: needs "
                      "one group named \"value\" for the number: (?<value>...)");
    /* and none at all */
    f = put("no-group.json", "{\"patterns\": [{\"id\": \"w\", \"regex\": \"\\\\d+ widgets\"}]}");
    assert_refused(f, ":1:37: $.patterns[0].regex: regular expression error at offset 0: needs "
                      "one group named \"value\" for the number: (?<value>...)");
}

Test(rules_loud, a_value_group_that_can_match_no_digit)
{
    /* The column is the group's "(": after 'shipped ' in the expression. */
    const char *f = put("words.json", "{\"patterns\": [\n"
                                      "  {\"id\": \"w\", \"regex\": \"shipped (?<value>[a-z]+) "
                                      "widgets\"}\n"
                                      "]}\n");
    assert_refused(f, ":2:33: $.patterns[0].regex: regular expression error at offset 8: the "
                      "group \"value\" can match no digit: the number is read from its digits, "
                      "so a number in words would read as 0");
    f = put("alternatives.json",
            "{\"patterns\": [{\"id\": \"w\", \"regex\": \"(?<value>one|two|three) widgets\"}]}");
    assert_refused(f, ":1:37: $.patterns[0].regex: regular expression error at offset 0: the "
                      "group \"value\" can match no digit: the number is read from its digits, "
                      "so a number in words would read as 0");
}

Test(rules_loud, value_groups_that_may_hold_a_digit_pass)
{
    static const char *const ok[] = {
        "(?<value>\\\\d+(?:\\\\.\\\\d+)?) widgets", "(?<value>[0-9,]+) widgets",
        "(?<value>\\\\w+) widgets",                 "(?<value>[^ ]+) widgets",
        "(?<value>about \\\\d+) widgets",           "(?P<value>[[:digit:]]{1,3}) widgets",
        "(?'value'\\\\p{N}+) widgets",               "(?<value>.+?) widgets"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        char text[300];
        snprintf(text, sizeof text, "{\"patterns\": [{\"id\": \"w\", \"regex\": \"%s\"}]}", ok[i]);
        assert_accepted(put("ok.json", text));
    }
}

Test(rules_loud, a_missing_events_file)
{
    const char *f = put("desk/events.json", "{\n  \"events\": [\"launches.csv\"]\n}\n");
    char expected[600];
    snprintf(expected, sizeof expected,
             ":2:14: $.events[0]: no file \"launches.csv\" next to the rule file (in %s/desk/) or "
             "in %s/datasets/",
             dir, fc_datadir());
    assert_refused(f, expected);
}

Test(rules_loud, a_missing_dataset)
{
    const char *f = put("desk/data.json", "{\"datasets\": [\n  \"depot.csv\"\n]}\n");
    char expected[600];
    snprintf(expected, sizeof expected,
             ":2:3: $.datasets[0]: no file \"depot.csv\" next to the rule file (in %s/desk/) or in "
             "%s/datasets/",
             dir, fc_datadir());
    assert_refused(f, expected);
    /* by absolute path: that file, named as given */
    char text[400];
    snprintf(text, sizeof text, "{\"datasets\": [\"%s/nowhere/depot.csv\"]}", dir);
    f = put("abs-data.json", text);
    snprintf(expected, sizeof expected,
             ":1:15: $.datasets[0]: %s/nowhere/depot.csv: cannot open: No such file or directory",
             dir);
    assert_refused(f, expected);
}

Test(rules_loud, a_context_mixing_its_two_forms)
{
    const char *f = put("mixed.json", "{\"measures\": [{\"key\": \"depot.shipments\",\n"
                                      "  \"context\": [\"depot\", [\"shipped\"]]}]}\n");
    assert_refused(f, ":2:15: $.measures[0].context[0]: expected [\"a\", \"b\"] (one group: any "
                      "of its phrases) or [[\"a\", \"b\"], [\"c\"]] (groups that must all match)");
}

/* A file layered on another is checked against the merged rules: its own
 * references to the layer below pass, a misspelt one is refused at its
 * position in the file it is in. */
Test(rules_loud, references_across_layers)
{
    const char *base = put("base.json", "{\"measures\": [{\"key\": \"depot.shipments\", "
                                        "\"subject\": [\"widgets\"]}]}\n");
    char base_path[256];
    snprintf(base_path, sizeof base_path, "%s", base);
    const char *good = put("good.json", "{\"measures\": [{\"key\": \"depot.goal\",\n"
                                        "  \"modality\": [\"target\"], \"target_of\": "
                                        "\"depot.shipments\"}]}\n");
    char args[1200], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "--rules '%s' --rules '%s' '%s'", base_path, good, story());
    int code = test_run(args, &out, &err);
    cr_assert(code == 0 || code == 1, "exit %d: %s", code, err);
    cr_assert_str_eq(err, "");
    free(out);
    free(err);

    char good_path[256];
    snprintf(good_path, sizeof good_path, "%s", good);
    const char *bad = put("bad.json", "{\"measures\": [\n"
                                      "  {\"key\": \"depot.goal2\", \"target_of\": \"depot.shipmnts\"}\n"
                                      "]}\n");
    snprintf(args, sizeof args, "--rules '%s' --rules '%s' '%s'", base_path, bad, story());
    cr_assert_eq(test_run(args, &out, &err), 2);
    char want[700];
    snprintf(want, sizeof want,
             "%s:2:39: $.measures[0].target_of: no measure \"depot.shipmnts\" in the rules (did "
             "you mean \"depot.shipments\"?)\n",
             bad);
    cr_assert_str_eq(err, want);
    free(out);
    free(err);
}

/* ---- accepted, and working -------------------------------------------------- */

/* Builds the defaults plus file into rules (asserting success). */
static fc_rules *build(const char *file)
{
    fc_rules_builder *b = fc_rules_builder_new();
    fc_diag diag = {0};
    fc_rules *r = NULL;
    cr_assert_eq(fc_rules_builder_add(b, fc_rules_default_path(), &diag), FC_OK, "%s",
                 diag.message);
    cr_assert_eq(fc_rules_builder_add(b, file, &diag), FC_OK, "%s: %s", diag.file, diag.message);
    cr_assert_eq(fc_rules_builder_build(b, &r, &diag), FC_OK);
    fc_rules_builder_free(b);
    return r;
}

/* Extracts the claims of text with rules r; the caller frees both. */
static fc_doc *extract(const fc_rules *r, const char *text, fc_claims *out)
{
    fc_doc *doc = NULL;
    cr_assert_eq(fc_doc_parse("story.md", text, strlen(text), &doc, NULL), FC_OK);
    cr_assert_eq(fc_extract(r, doc, 0, out), FC_OK);
    return doc;
}

static const char *measure_of(const fc_claims *c, double value)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->items[i].value == value)
            return c->items[i].measure ? c->items[i].measure : "";
    cr_assert_fail("no claim of %g", value);
    return NULL;
}

/* "context": ["a", "b"] is one group, as [["a", "b"]]: either word in the
 * sentence puts a figure on the measure, neither leaves it off. */
Test(rules_loud, a_flat_context_is_one_group)
{
    const char *f = put("flat.json", "{\"measures\": [{\"key\": \"depot.shipments\", "
                                     "\"unit\": \"count\", \"context\": [\"depot\", "
                                     "\"warehouse\"]}]}\n");
    assert_accepted(f);
    fc_rules *r = build(f);
    cr_assert_eq(r->nmeasures, 1);
    cr_assert_eq(r->measures[0].ncontext, 1);
    cr_assert_eq(r->measures[0].context[0].n, 2);
    fc_claims c = {0};
    fc_doc *doc = extract(r, "The depot shipped 40 crates. The warehouse took in 55 crates. The "
                             "port unloaded 70 crates.\n",
                          &c);
    cr_assert_str_eq(measure_of(&c, 40), "depot.shipments");
    cr_assert_str_eq(measure_of(&c, 55), "depot.shipments");
    cr_assert_str_eq(measure_of(&c, 70), "");
    fc_claims_clear(&c);
    fc_doc_free(doc);
    fc_rules_free(r);
}

/* A match whose value holds no digit is no figure (it used to be one of 0). */
Test(rules_loud, a_value_without_digits_is_no_figure)
{
    const char *f = put("any.json", "{\"patterns\": [{\"id\": \"w\", \"regex\": "
                                    "\"(?<value>\\\\w+) gizmos\", \"unit\": \"other\"}]}\n");
    fc_rules *r = build(f);
    fc_claims c = {0};
    fc_doc *doc = extract(r, "The plant made twelve gizmos on Monday and 30 gizmos on Tuesday.\n", &c);
    size_t zero = 0, thirty = 0;
    for (size_t i = 0; i < c.n; i++) {
        zero += c.items[i].value == 0;
        thirty += c.items[i].value == 30 && c.items[i].unit == FC_UNIT_OTHER;
    }
    cr_assert_eq(zero, 0, "a figure of 0 from \"twelve\"");
    cr_assert_eq(thirty, 1);
    fc_claims_clear(&c);
    fc_doc_free(doc);
    fc_rules_free(r);
}

static const char events_csv[] = "key,date,phrases,publisher,title,published,url\n"
                                 "depot_opening,2025-03-03,the opening|opened,Depot,,,"
                                 "https://example.org/\n";

/* An events file by absolute path, in a folder other than the rule file's, is
 * read (it was ignored); a dataset too. */
Test(rules_loud, an_events_file_by_absolute_path_is_read)
{
    const char *csv = put("elsewhere/events.csv", events_csv);
    char text[600];
    snprintf(text, sizeof text, "{\"events\": [\"%s\"]}\n", csv);
    const char *f = put("desk/abs.json", text);
    assert_accepted(f);
    fc_rules *r = build(f);
    cr_assert_eq(r->event_rows.n, 1);
    cr_assert_str_eq(r->event_rows.items[0].key, "depot_opening");
    cr_assert_str_eq(r->event_rows.items[0].date, "2025-03-03");
    fc_rules_free(r);
}

/* The listing: paths as given (the defaults under <datadir>), an origin for
 * every entry, nested ones included, and lines of at most 80 columns. */
Test(rules_loud, the_listing_fits_and_names_every_origin)
{
    char *out = NULL, *err = NULL;
    cr_assert_eq(test_run("rules claims/ --rules docs/examples/public-health.rules.json", &out,
                          &err),
                 0, "%s", err);
    static const char head[] = "# rules from: <datadir>/rules/default.json\n"
                               "#             claims/factcheck.rules.json\n"
                               "#             docs/examples/public-health.rules.json\n"
                               "# <datadir> is ";
    cr_assert(strncmp(out, head, strlen(head)) == 0, "%.300s", out);
    char cwd[4096];
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    size_t lines = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        if (strncmp(line, "# <datadir> is ", 15) != 0)
            cr_assert_leq(strlen(line), 80, "%s", line);
        cr_assert(!strstr(line, "  ?") || strstr(line, "\"?\""), "no origin: %s", line);
        if (strncmp(line, "# <datadir> is ", 15) != 0)
            cr_assert_null(strstr(line, cwd), "an absolute path: %s", line);
    }
    cr_assert_gt(lines, 1000);
    free(out);
    free(err);
    /* a nested entry with its own origin, not "?" */
    cr_assert_eq(test_run("rules --rules docs/examples/public-health.rules.json", &out, &err), 0);
    cr_assert_not_null(strstr(out, "  cross_source:\n"), "%s", out);
    const char *sev = strstr(out, "\n    severity ");
    cr_assert_not_null(sev, "%s", out);
    char line[200];
    snprintf(line, sizeof line, "%.*s", (int)strcspn(sev + 1, "\n"), sev + 1);
    cr_assert(strstr(line, " \"warning\"  docs/examples/public-health.rules.json:35:34"), "%s",
              line);
    free(out);
    free(err);
}

/* ---- explain ---------------------------------------------------------------- */

/* `factcheck explain FILE:LINE`: each figure of that line's sentence with what
 * was extracted, and the measure rule that took it or, per measure, why not. */
Test(rules_loud, explain_says_which_measure_took_a_figure_and_why_not)
{
    const char *rules = put("explain.json",
                            "{\"measures\": [\n"
                            "  {\"key\": \"depot.shipments\", \"unit\": \"count\",\n"
                            "   \"context\": [\"depot\", \"warehouse\"]},\n"
                            "  {\"key\": \"port.share\", \"unit\": \"percent\", \"subject\": "
                            "[\"containers\"]}\n"
                            "]}\n");
    char rules_path[256];
    snprintf(rules_path, sizeof rules_path, "%s", rules);
    const char *doc = put("explain.md", "The depot shipped 40 crates on Monday.\n"
                                        "The port unloaded 70 crates, and 12% were damaged.\n");
    char args[800], *out = NULL, *err = NULL, want[2000];
    snprintf(args, sizeof args, "explain --rules '%s' '%s:1'", rules_path, doc);
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    snprintf(want, sizeof want,
             "%s:1:19: \"40\"\n"
             "  value 40, count, actual, level\n"
             "  subject \"crates\"; key u:crat e:ship w:depot\n"
             "  measure depot.shipments (%s:2:3)\n",
             doc, rules_path);
    cr_assert_str_eq(out, want);
    cr_assert_str_eq(err, "");
    free(out);
    free(err);

    snprintf(args, sizeof args, "explain --rules '%s' '%s:2'", rules_path, doc);
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    snprintf(want, sizeof want,
             "%s:2:19: \"70\"\n"
             "  value 70, count, actual, level\n"
             "  subject \"crates\"; key u:crat w:port w:unload\n"
             "  no measure:\n"
             "    depot.shipments (%s:2:3): no word of its context group 1 (\"depot\", "
             "\"warehouse\") in the sentence\n"
             "    port.share (%s:4:3): its unit is percent, the figure's count\n"
             "\n"
             "%s:2:34: \"12%%\"\n"
             "  value 12, percent, actual, level\n"
             "  subject none; key e:damage\n"
             "  no measure:\n"
             "    depot.shipments (%s:2:3): its unit is count, the figure's percent\n"
             "    port.share (%s:4:3): the figure has no subject; it needs one of "
             "\"containers\"\n",
             doc, rules_path, rules_path, doc, rules_path, rules_path);
    cr_assert_str_eq(out, want);
    free(out);
    free(err);
}

Test(rules_loud, explain_refuses_what_is_no_line)
{
    const char *doc = put("short.md", "The depot shipped 40 crates.\n");
    char args[600], *out = NULL, *err = NULL, want[700];
    snprintf(args, sizeof args, "explain '%s:9'", doc);
    cr_assert_eq(test_run(args, &out, &err), 2);
    snprintf(want, sizeof want, "factcheck: %s has 2 lines, not 9\n", doc);
    cr_assert_str_eq(err, want);
    free(out);
    free(err);
    snprintf(args, sizeof args, "explain '%s'", doc);
    cr_assert_eq(test_run(args, &out, &err), 2);
    snprintf(want, sizeof want, "factcheck: explain takes FILE:LINE, not '%s'\n", doc);
    cr_assert(strncmp(err, want, strlen(want)) == 0, "%s", err);
    free(out);
    free(err);
    /* a line with no figure in its sentence: said, and not an error */
    doc = put("none.md", "No figures here.\n\nThe depot shipped 40 crates.\n");
    snprintf(args, sizeof args, "explain '%s:1'", doc);
    cr_assert_eq(test_run(args, &out, &err), 0);
    cr_assert_str_eq(out, "");
    snprintf(want, sizeof want, "factcheck: no figure in the sentence at %s:1\n", doc);
    cr_assert_str_eq(err, want);
    free(out);
    free(err);
}

/* A key of a rule file with a control character is shown, not sent to the
 * terminal. */
Test(rules_loud, the_listing_shows_control_characters)
{
    const char *f = put("esc.json", "{\"pollsters\": {\"X\\u001b[31mY\": {\"sample_size\": 500}}}\n");
    char args[400], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "rules --rules '%s'", f);
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    cr_assert_null(strchr(out, '\033'));
    cr_assert_not_null(strstr(out, "\n  X\\x1b[31mY:\n    sample_size              500  "), "%s", out);
    free(out);
    free(err);
}
