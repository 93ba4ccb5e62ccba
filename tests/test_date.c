/* test_date.c - civil date arithmetic; expected values from Python's datetime:
 * (date(y, m, d) - date(1970, 1, 1)).days and date(...).weekday(). */
#include <criterion/criterion.h>

#include "date.h"

Test(date, day_numbers_match_an_independent_calendar)
{
    cr_assert_eq(fc_days_from_civil(1970, 1, 1), 0);
    cr_assert_eq(fc_days_from_civil(2000, 3, 1), 11017);
    cr_assert_eq(fc_days_from_civil(1900, 2, 28), -25509);
    /* date(2025, 4, 29) - date(2025, 1, 20) = 99 days */
    cr_assert_eq(fc_days_from_civil(2025, 4, 29) - fc_days_from_civil(2025, 1, 20), 99);
    /* date(2025, 9, 15) - date(1953, 10, 1) = 26282 days */
    cr_assert_eq(fc_days_from_civil(2025, 9, 15) - fc_days_from_civil(1953, 10, 1), 26282);
    int y, m, d;
    for (long day = -800000; day < 800000; day += 997) {
        fc_civil_from_days(day, &y, &m, &d);
        cr_assert_eq(fc_days_from_civil(y, m, d), day, "round trip at %ld", day);
    }
}

Test(date, weekdays_and_month_lengths)
{
    cr_assert_eq(fc_weekday(fc_days_from_civil(2025, 4, 25)), 4); /* a Friday */
    cr_assert_eq(fc_weekday(fc_days_from_civil(1970, 1, 1)), 3);  /* a Thursday */
    cr_assert_eq(fc_month_days(2024, 2), 29);
    cr_assert_eq(fc_month_days(1900, 2), 28);
    cr_assert_eq(fc_month_days(2000, 2), 29);
    int y, m, d;
    cr_assert(fc_date_parse("2025-02-28", &y, &m, &d));
    cr_assert_not(fc_date_parse("2025-02-29", &y, &m, &d));
    cr_assert_not(fc_date_parse("2025-13-01", &y, &m, &d));
    cr_assert_not(fc_date_parse(NULL, &y, &m, &d));
}
