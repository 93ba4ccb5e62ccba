/* check_table.h - every check, one line each (private).
 *
 * FC_CHECKS(X) expands X(name, function, rule switch) once per check, in the
 * order the checks run. `name` is the finding's check name in every report and a
 * key of "checks" in rule files; the rule switch is the group a rule file can turn
 * off at once ("checks": {"polls": {"enabled": false}} turns off every poll check).
 * The loader (rules_load.c), the runner (check.c), schema/rules.schema.json and
 * docs/checks.md are all read against this table (tests/test_checks_table.c).
 */
#ifndef FC_CHECK_TABLE_H
#define FC_CHECK_TABLE_H

#include <stddef.h>

#define FC_CHECKS(X)                                                                               \
    X(cross_source, fc_check_cross_source, "cross_source")                                         \
    X(percent_points, fc_check_percent_points, "percent_points")                                   \
    X(stated_change, fc_check_stated_change, "changes")                                            \
    X(stated_multiple, fc_check_stated_multiple, "changes")                                        \
    X(stated_ratio, fc_check_stated_ratio, "ratios")                                               \
    X(poll_change, fc_check_poll_change, "polls")                                                  \
    X(poll_margin, fc_check_poll_margin, "polls")                                                  \
    X(poll_granularity, fc_check_poll_granularity, "polls")                                        \
    X(target_vs_actual, fc_check_target_vs_actual, "targets")                                      \
    X(target_as_actual, fc_check_target_as_actual, "targets")                                      \
    X(share, fc_check_share, "shares")                                                             \
    X(share_sum, fc_check_share_sum, "shares")                                                     \
    X(rate_total, fc_check_rate_total, "rates")                                                    \
    X(elapsed, fc_check_elapsed, "dates")                                                          \
    X(reference, fc_check_reference, "reference")

typedef enum fc_check_id {
#define FC_CHECK_ENUM(name, fn, sw) FC_CHECK_##name,
    FC_CHECKS(FC_CHECK_ENUM)
#undef FC_CHECK_ENUM
        FC_NCHECKS
} fc_check_id;

/* One row of the table, for the loader, the listing and the tests. */
typedef struct fc_check_row {
    const char *name;    /* "poll_change" */
    const char *rswitch; /* "polls" */
} fc_check_row;

/* The table's rows, in order; *n gets FC_NCHECKS. */
const fc_check_row *fc_check_table(size_t *n);

#endif
