/* test_checks_table.c - the table of checks (src/check_table.h), the rule loader,
 * schema/rules.schema.json and docs/checks.md name the same checks and switches. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_table.h"
#include "helpers.h"
#include "rules_internal.h"

static cJSON *schema_checks(cJSON **root)
{
    char *text = test_slurp("schema/rules.schema.json");
    cr_assert_not_null(text);
    *root = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(*root);
    cJSON *checks = cJSON_GetObjectItem(cJSON_GetObjectItem(*root, "properties"), "checks");
    return cJSON_GetObjectItem(checks, "properties");
}

static bool in_table(const char *name)
{
    size_t n;
    const fc_check_row *rows = fc_check_table(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].name, name) == 0 || strcmp(rows[i].rswitch, name) == 0)
            return true;
    return false;
}

Test(checks_table, the_schema_names_every_check_and_switch_and_no_other)
{
    cJSON *root;
    cJSON *props = schema_checks(&root);
    size_t n;
    const fc_check_row *rows = fc_check_table(&n);
    cr_assert_eq(n, FC_NCHECKS);
    for (size_t i = 0; i < n; i++) {
        cr_assert_not_null(cJSON_GetObjectItem(props, rows[i].name), "schema lacks %s",
                           rows[i].name);
        cr_assert_not_null(cJSON_GetObjectItem(props, rows[i].rswitch), "schema lacks %s",
                           rows[i].rswitch);
    }
    const cJSON *p;
    cJSON_ArrayForEach(p, props)
    {
        cr_assert(in_table(p->string), "the schema has %s, the table does not", p->string);
    }
    cJSON_Delete(root);
}

Test(checks_table, the_docs_have_a_row_for_every_check_with_its_switch)
{
    char *doc = test_slurp("docs/checks.md");
    cr_assert_not_null(doc);
    size_t n, rows_in_doc = 0;
    const fc_check_row *rows = fc_check_table(&n);
    for (size_t i = 0; i < n; i++) {
        char row[200];
        snprintf(row, sizeof row, "\n| `%s` | `%s` |", rows[i].name, rows[i].rswitch);
        cr_assert_not_null(strstr(doc, row), "docs/checks.md lacks the row %s", row + 1);
    }
    /* And no row for a check the table does not have. */
    for (const char *p = strstr(doc, "\n| `"); p; p = strstr(p + 1, "\n| `")) {
        char name[64];
        if (sscanf(p, "\n| `%63[a-z_]` | `", name) == 1 && strstr(p, "` | `") &&
            strstr(p, "` | `") < strchr(p + 1, '\n')) {
            cr_assert(in_table(name), "docs/checks.md has a row for %s", name);
            rows_in_doc++;
        }
    }
    cr_assert_eq(rows_in_doc, n);
    free(doc);
}

/* Every name the table gives can turn its check off in a rule file, and a name
 * outside the table is refused. */
Test(checks_table, the_loader_takes_every_name_and_switch)
{
    size_t n;
    const fc_check_row *rows = fc_check_table(&n);
    for (size_t i = 0; i < 2 * n; i++) {
        const char *name = i < n ? rows[i].name : rows[i - n].rswitch;
        char path[] = "/tmp/fc-checks-XXXXXX";
        int fd = mkstemp(path);
        cr_assert_geq(fd, 0);
        FILE *f = fdopen(fd, "w");
        fprintf(f, "{\"checks\": {\"%s\": {\"enabled\": false}}}\n", name);
        fclose(f);
        fc_rules *r = NULL;
        fc_diag d = {0};
        cr_assert_eq(fc_rules_load(path, &r, &d), FC_OK, "%s: %s", name, d.message);
        for (size_t k = 0; k < n; k++) {
            bool off = i < n ? k == i : strcmp(rows[k].rswitch, name) == 0;
            cr_assert_eq(r->check_on[k], !off, "%s turns %s %s", name, rows[k].name,
                         r->check_on[k] ? "on" : "off");
        }
        fc_rules_free(r);
        unlink(path);
    }
    char path[] = "/tmp/fc-checks-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("{\"checks\": {\"percent_point\": {\"enabled\": false}}}\n", f);
    fclose(f);
    fc_rules *r = NULL;
    fc_diag d = {0};
    cr_assert_eq(fc_rules_load(path, &r, &d), FC_ERULES);
    cr_assert_not_null(strstr(d.message, "did you mean \"percent_points\""), "%s", d.message);
    unlink(path);
}

/* A check's own entry wins over its group's switch. */
Test(checks_table, a_checks_own_entry_wins_over_its_switch)
{
    char path[] = "/tmp/fc-checks-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("{\"checks\": {\"polls\": {\"enabled\": false}, \"poll_margin\": {\"enabled\": true}}}\n",
          f);
    fclose(f);
    fc_rules *r = NULL;
    fc_diag d = {0};
    cr_assert_eq(fc_rules_load(path, &r, &d), FC_OK, "%s", d.message);
    cr_assert(!r->check_on[FC_CHECK_poll_change]);
    cr_assert(!r->check_on[FC_CHECK_poll_granularity]);
    cr_assert(r->check_on[FC_CHECK_poll_margin]);
    fc_rules_free(r);
    unlink(path);
}
