/* report_diff.c - what one rule set finds that another does not: the findings
 * of two runs over the same inputs, matched by fingerprint (a finding's id is a
 * hash of its check and its claims' ids, and claim ids do not depend on the
 * rules), as text or JSON. */
#include <stdlib.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

static int by_id(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* The ids of a run's findings, sorted, for look-ups; NULL when out of memory. */
static const char **sorted_ids(const fc_findings *fs)
{
    const char **ids = malloc((fs->n ? fs->n : 1) * sizeof *ids);
    if (!ids)
        return NULL;
    for (size_t i = 0; i < fs->n; i++)
        ids[i] = fs->items[i].id;
    qsort(ids, fs->n, sizeof *ids, by_id);
    return ids;
}

static bool has(const char **ids, size_t n, const char *id)
{
    return bsearch(&id, ids, n, sizeof *ids, by_id) != NULL;
}

/* The findings of `from` whose id `other` lacks: marked[i] set, count returned. */
static size_t only_in(const fc_findings *from, const char **other, size_t nother, bool *marked)
{
    size_t n = 0;
    for (size_t i = 0; i < from->n; i++)
        n += marked[i] = !has(other, nother, from->items[i].id);
    return n;
}

static fc_status text_side(FILE *out, fc_strbuf *sb, const fc_corpus *c, const bool *marked,
                           size_t n, const char *title, const char *name_in, const char *name_out,
                           bool color)
{
    const fc_findings *fs = fc_corpus_findings(c);
    fc_sb_printf(sb, "\n%s%s (%zu)%s: raised under ", color ? "\033[1m" : "", title, n,
                 color ? "\033[0m" : "");
    fc_sb_term_str(sb, name_in);
    fc_sb_puts(sb, ", not under ");
    fc_sb_term_str(sb, name_out);
    fc_sb_puts(sb, "\n");
    if (!n)
        fc_sb_puts(sb, "  none\n");
    fc_status st = FC_OK;
    for (size_t i = 0; st == FC_OK && i < fs->n; i++) {
        if (!marked[i])
            continue;
        fc_report_text_finding(sb, c, &fs->items[i], color);
        st = fc_report_flush(out, sb);
    }
    return st;
}

static void json_side(fc_strbuf *sb, const fc_corpus *c, const bool *marked, const char *key)
{
    const fc_findings *fs = fc_corpus_findings(c);
    fc_sb_printf(sb, "  \"%s\": [", key);
    bool any = false;
    for (size_t i = 0; i < fs->n; i++) {
        if (!marked[i])
            continue;
        fc_sb_puts(sb, any ? ",\n    " : "\n    ");
        any = true;
        fc_report_json_finding(sb, c, &fs->items[i]);
    }
    fc_sb_puts(sb, any ? "\n  ]" : "]");
}

fc_status fc_report_diff(FILE *out, const fc_corpus *a, const fc_corpus *b, const char *name_a,
                         const char *name_b, fc_format format, bool color, size_t *gained,
                         size_t *lost)
{
    if (format != FC_FORMAT_TEXT && format != FC_FORMAT_JSON)
        return FC_EINVAL;
    const fc_findings *fa = fc_corpus_findings(a), *fb = fc_corpus_findings(b);
    const char **ia = sorted_ids(fa), **ib = sorted_ids(fb);
    bool *lost_a = calloc(fa->n ? fa->n : 1, sizeof *lost_a);
    bool *gained_b = calloc(fb->n ? fb->n : 1, sizeof *gained_b);
    fc_status st = ia && ib && lost_a && gained_b ? FC_OK : FC_ENOMEM;
    size_t ng = 0, nl = 0;
    if (st == FC_OK) {
        ng = only_in(fb, ia, fa->n, gained_b);
        nl = only_in(fa, ib, fb->n, lost_a);
    }
    fc_strbuf sb = {0};
    size_t n = fc_corpus_ninputs(b), both = fb->n - ng;
    if (st == FC_OK && format == FC_FORMAT_TEXT) {
        fc_sb_printf(&sb, "factcheck %s: findings under ", fc_version());
        fc_sb_term_str(&sb, name_b);
        fc_sb_puts(&sb, " against ");
        fc_sb_term_str(&sb, name_a);
        fc_sb_printf(&sb, " over %zu input%s\n", n, n == 1 ? "" : "s");
        st = text_side(out, &sb, b, gained_b, ng, "Gained", name_b, name_a, color);
        if (st == FC_OK)
            st = text_side(out, &sb, a, lost_a, nl, "Lost", name_a, name_b, color);
        fc_sb_puts(&sb, "\nSummary: ");
        fc_sb_term_str(&sb, name_a);
        fc_sb_printf(&sb, ": %zu finding%s; ", fa->n, fa->n == 1 ? "" : "s");
        fc_sb_term_str(&sb, name_b);
        fc_sb_printf(&sb, ": %zu finding%s; %zu gained, %zu lost, %zu in both\n", fb->n,
                     fb->n == 1 ? "" : "s", ng, nl, both);
    } else if (st == FC_OK) {
        fc_sb_printf(&sb,
                     "{\n  \"version\": \"%s\",\n"
                     "  \"tool\": {\"name\": \"factcheck\", \"version\": \"%s\"},\n"
                     "  \"rules_a\": ",
                     FC_REPORT_VERSION, fc_version());
        fc_report_json_string(&sb, name_a);
        fc_sb_puts(&sb, ",\n  \"rules_b\": ");
        fc_report_json_string(&sb, name_b);
        fc_sb_puts(&sb, ",\n");
        json_side(&sb, b, gained_b, "gained");
        fc_sb_puts(&sb, ",\n");
        json_side(&sb, a, lost_a, "lost");
        fc_sb_printf(&sb,
                     ",\n  \"summary\": {\"inputs\":%zu,\"findings_a\":%zu,\"findings_b\":%zu,"
                     "\"gained\":%zu,\"lost\":%zu,\"in_both\":%zu}\n}\n",
                     n, fa->n, fb->n, ng, nl, both);
    }
    if (st == FC_OK)
        st = fc_report_flush(out, &sb);
    fc_sb_free(&sb);
    free(ia);
    free(ib);
    free(lost_a);
    free(gained_b);
    if (gained)
        *gained = ng;
    if (lost)
        *lost = nl;
    return st;
}
