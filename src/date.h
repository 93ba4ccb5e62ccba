/* date.h - civil (proleptic Gregorian) date arithmetic (private).
 *
 * Days are counted from 1970-01-01; used to resolve "last week" or "since
 * January" against a document's publication date. */
#ifndef FC_DATE_H
#define FC_DATE_H

#include <stdbool.h>

/* Days since 1970-01-01 of year y, month m (1..12), day d (1..31). */
long fc_days_from_civil(int y, int m, int d);

/* The inverse of fc_days_from_civil. */
void fc_civil_from_days(long days, int *y, int *m, int *d);

/* Day of the week, 0 = Monday .. 6 = Sunday. */
int fc_weekday(long days);

/* Parses "YYYY-MM-DD" (optionally followed by more text, e.g. a time); false
 * when s is NULL or does not start with a valid date. */
bool fc_date_parse(const char *s, int *y, int *m, int *d);

/* Days in month m of year y. */
int fc_month_days(int y, int m);

#endif
