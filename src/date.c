/* date.c - civil date arithmetic (see date.h). The day-count conversions use the
 * well-known era-based algorithm: exact for every Gregorian date. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>

long fc_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                  /* [0, 399] */
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void fc_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int fc_weekday(long days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int fc_month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[((m - 1) % 12 + 12) % 12]; /* any m: no read outside */
}

/* A number of at most width characters after white space, as scanf's "%<width>d"
 * reads one (the sign counts toward the width); advances *p past it. */
static bool read_int(const char **p, int width, int *out)
{
    const char *s = *p;
    while (isspace((unsigned char)*s))
        s++;
    int sign = 1, n = 0, v = 0;
    if (*s == '+' || *s == '-') {
        sign = *s == '-' ? -1 : 1;
        s++;
        n++;
    }
    const char *digits = s;
    while (n < width && isdigit((unsigned char)*s)) {
        v = v * 10 + (*s++ - '0');
        n++;
    }
    if (s == digits)
        return false;
    *out = sign * v;
    *p = s;
    return true;
}

/* "YYYY-MM-DD" (and what scanf's "%4d-%2d-%2d" takes), by hand: the checks ask
 * for publication dates often. */
bool fc_date_parse(const char *s, int *y, int *m, int *d)
{
    if (!s || !read_int(&s, 4, y) || *s++ != '-' || !read_int(&s, 2, m) || *s++ != '-' ||
        !read_int(&s, 2, d))
        return false;
    return *y > 0 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= fc_month_days(*y, *m);
}
