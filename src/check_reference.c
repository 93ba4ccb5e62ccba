/* check_reference.c - claims against published reference figures.
 *
 * The rules name the datasets (CSV files, one row a figure with its publisher,
 * title, date and URL), read when the rules are built. A claim of a rule
 * measure is compared with the rows of its measure whose period can be the
 * claim's (its stated period, else the month of publication and the one
 * before: news reports the recent past); when the claim names its source and a
 * row's publisher matches it, only those rows count. The finding cites the row.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "date.h"
#include "rules_internal.h"

/* Case-insensitive substring test. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static char *citation(const fc_ref_row *row)
{
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, row->publisher);
    if (row->title[0])
        fc_sb_printf(&sb, ", \"%s\"", row->title);
    if (row->published[0])
        fc_sb_printf(&sb, ", %s", row->published);
    if (row->url[0])
        fc_sb_printf(&sb, ", %s", row->url);
    const char *base = strrchr(row->file, '/');
    fc_sb_printf(&sb, " [%s: %s]", base ? base + 1 : row->file, row->key);
    return fc_sb_take(&sb);
}

/* The rows a claim can be compared with: same measure, a period that can be the
 * claim's, and, when the claim names a source that a publisher matches, that
 * source's rows only. */
static size_t matching_rows(const fc_check_ctx *x, const fc_claim *c, const fc_dataset *set,
                            size_t *idx)
{
    long clo = 0, chi = 0;
    int grain;
    bool known = fc_check_period_days(c->period, &clo, &chi, &grain);
    const fc_doc *d = fc_check_doc(x, c);
    int y, m, dd;
    if (!known && d && fc_date_parse(d->published, &y, &m, &dd)) {
        known = true;
        chi = fc_days_from_civil(y, m, dd);
        clo = fc_days_from_civil(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, 1);
    }
    size_t n = 0;
    for (int pass = 0; pass < 2 && n == 0; pass++) {
        for (size_t i = 0; i < set->n; i++) {
            const fc_ref_row *row = &set->rows[i];
            long rlo, rhi, elo, ehi;
            int g;
            if (strcmp(row->measure, c->measure) != 0 || isnan(row->low))
                continue;
            if (!fc_check_period_days(row->period_start, &rlo, &rhi, &g))
                continue;
            if (row->period_end[0] && fc_check_period_days(row->period_end, &elo, &ehi, &g))
                rhi = ehi;
            if (known && (rhi < clo || rlo > chi))
                continue;
            bool source = c->attribution && (contains(row->publisher, c->attribution) ||
                                             contains(c->attribution, row->publisher));
            if (pass == 0 && !source && c->attribution)
                continue; /* a named source: its own rows first */
            idx[n++] = i;
        }
        if (!c->attribution)
            pass++; /* no named source: one pass over every row */
    }
    return n;
}

static fc_status compare(const fc_check_ctx *x, size_t k, const fc_dataset *set, size_t *idx)
{
    const fc_claim *c = &x->claims->items[k];
    size_t n = matching_rows(x, c, set, idx);
    if (n == 0)
        return FC_OK;
    /* The closest row, and whether any row's interval meets the claim's. */
    size_t best = idx[0], agreeing = 0;
    double best_gap = INFINITY;
    for (size_t i = 0; i < n; i++) {
        const fc_ref_row *row = &set->rows[idx[i]];
        double gap = c->low > row->high   ? c->low - row->high
                     : row->low > c->high ? row->low - c->high
                                          : 0;
        agreeing += gap == 0;
        if (gap < best_gap) {
            best_gap = gap;
            best = idx[i];
        }
    }
    const fc_ref_row *row = &set->rows[best];
    fc_finding f = {.check = "reference",
                    .severity = agreeing ? FC_SEV_INFO
                                : n == 1 ? FC_SEV_CONFLICT
                                         : FC_SEV_WARNING};
    if (!(f.claims = malloc(sizeof *f.claims)) || !(f.source = citation(row))) {
        free(f.claims);
        return FC_ENOMEM;
    }
    f.claims[f.nclaims++] = k;
    fc_check_add_num(&f, "reference_low", row->low);
    fc_check_add_num(&f, "reference_high", row->high);
    fc_check_add_num(&f, "rows", (double)n);
    fc_check_add_num(&f, "rows_agreeing", (double)agreeing);
    if (best_gap > 0)
        fc_check_add_num(&f, "gap", best_gap);
    fc_strbuf sb = {0};
    fc_check_describe(&sb, fc_check_doc(x, c), c);
    fc_sb_puts(&sb, "; the reference figure is ");
    fc_sb_number(&sb, row->low);
    if (row->high != row->low) {
        fc_sb_puts(&sb, " to ");
        if (isinf(row->high))
            fc_sb_puts(&sb, "no upper bound");
        else
            fc_sb_number(&sb, row->high);
    }
    fc_sb_printf(&sb, " (%s", row->publisher);
    if (row->published[0])
        fc_sb_printf(&sb, ", %s", row->published);
    fc_sb_puts(&sb, ")");
    if (agreeing)
        fc_sb_printf(&sb, ": consistent (%zu of %zu reference figure%s for the period agree).",
                     agreeing, n, n == 1 ? "" : "s");
    else {
        fc_sb_puts(&sb, ": they differ by ");
        fc_sb_number(&sb, best_gap);
        fc_sb_printf(&sb, " (%zu reference figure%s for the period).", n, n == 1 ? "" : "s");
    }
    f.message = fc_sb_take(&sb);
    return fc_check_push(x->out, x->claims, &f);
}

fc_status fc_check_reference(const fc_check_ctx *x)
{
    const fc_dataset *set = &x->rules->refs;
    if (!set->n)
        return FC_OK;
    size_t *idx = malloc((set->n + 1) * sizeof *idx);
    fc_status st = idx ? FC_OK : FC_ENOMEM;
    for (size_t k = 0; st == FC_OK && k < x->claims->n; k++) {
        const fc_claim *c = &x->claims->items[k];
        if (c->measure && c->role == FC_ROLE_LEVEL)
            st = compare(x, k, set, idx);
    }
    free(idx);
    return st;
}
