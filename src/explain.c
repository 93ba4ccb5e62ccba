/* explain.c - why a figure did or did not land on a rule measure (explain.h).
 *
 * The claims come from the extractor as a run makes them; this module only
 * reads them against the rules. A claim with a measure names it and the rule
 * it came from. A claim without one is held against each measure in turn and
 * the first condition it fails is said: the unit, the rate, the modality (all
 * fields of the claim), the subject (the claim's subject read for the
 * measure's subject phrases, directly or through an alias) or a context group
 * (no phrase of it in the sentence). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factcheck/explain.h"
#include "lex.h"
#include "report_internal.h"
#include "rules_internal.h"
#include "util.h"

/* A text's tokens, lowercased. */
typedef struct words {
    char **w;
    size_t n;
} words;

static void words_free(words *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->w[i]);
    free(ws->w);
    ws->w = NULL;
    ws->n = 0;
}

static fc_status words_of(const char *text, size_t from, size_t to, words *out)
{
    fc_toks toks = {0};
    memset(out, 0, sizeof *out);
    if (fc_lex(text, from, to, &toks) != FC_OK)
        return FC_ENOMEM;
    if (toks.n && !(out->w = calloc(toks.n, sizeof *out->w))) {
        fc_toks_free(&toks);
        return FC_ENOMEM;
    }
    for (size_t i = 0; i < toks.n; i++) {
        size_t n = toks.items[i].end - toks.items[i].start + 1;
        if (!(out->w[i] = malloc(n))) {
            fc_toks_free(&toks);
            words_free(out);
            return FC_ENOMEM;
        }
        fc_tok_lower(text, &toks.items[i], out->w[i], n);
        out->n++;
    }
    fc_toks_free(&toks);
    return FC_OK;
}

/* Whether phrase p's tokens appear in a row in ws. */
static bool phrase_in_words(const fc_phrase *p, const words *ws)
{
    for (size_t i = 0; p->ntok && i + p->ntok <= ws->n; i++) {
        size_t k = 0;
        while (k < p->ntok && strcmp(ws->w[i + k], p->tok[k]) == 0)
            k++;
        if (k == p->ntok)
            return true;
    }
    return false;
}

/* Whether phrase inner's tokens appear in a row in phrase outer. */
static bool phrase_in_phrase(const fc_phrase *inner, const fc_phrase *outer)
{
    words ws = {outer->tok, outer->ntok};
    return phrase_in_words(inner, &ws);
}

static bool list_in_words(const fc_phrase_list *l, const words *ws)
{
    for (size_t i = 0; i < l->n; i++)
        if (phrase_in_words(&l->items[i], ws))
            return true;
    return false;
}

/* Whether the subject's words name one of m's subjects, directly or through an
 * alias (followed along its chain, as far as there are aliases). */
static bool subject_names(const fc_rules *r, const fc_measure *m, const words *subject)
{
    if (list_in_words(&m->subject, subject))
        return true;
    for (size_t k = 0; k < r->naliases; k++) {
        if (!phrase_in_words(&r->aliases[k].phrase, subject))
            continue;
        const fc_phrase *canon = &r->aliases[k].canonical;
        for (size_t step = 0; step <= r->naliases; step++) {
            for (size_t j = 0; j < m->subject.n; j++)
                if (phrase_in_phrase(&m->subject.items[j], canon))
                    return true;
            size_t next = r->naliases;
            for (size_t a = 0; a < r->naliases && next == r->naliases; a++)
                if (strcmp(r->aliases[a].phrase.text, canon->text) == 0)
                    next = a;
            if (next == r->naliases)
                break;
            canon = &r->aliases[next].canonical;
        }
    }
    return false;
}

static void put_list(fc_strbuf *sb, const fc_phrase_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        fc_sb_puts(sb, i ? ", \"" : "\"");
        fc_sb_term_str(sb, l->items[i].text);
        fc_sb_puts(sb, "\"");
    }
}

static const char *const unit_names[] = {"count", "percent", "percentage_point", "currency",
                                         "duration", "ratio", "other"};
static const char *const per_names[] = {"none", "day", "week", "month", "year"};
static const char *const modality_names[] = {"actual", "estimate", "target", "projection", "poll"};

/* The first condition of m that claim c (with its subject's and sentence's
 * words) fails, into sb; false when it fails none. */
static bool why_not(const fc_rules *r, const fc_measure *m, const fc_claim *c,
                    const words *subject, const words *sentence, fc_strbuf *sb)
{
    if (m->unit >= 0 && m->unit != (int)c->unit) {
        fc_sb_printf(sb, "its unit is %s, the figure's %s", unit_names[m->unit],
                     fc_unit_name(c->unit));
        return true;
    }
    if (m->per >= 0 && m->per != (int)c->per) {
        fc_sb_printf(sb, "its rate is per %s, the figure's %s", per_names[m->per],
                     c->per == FC_PER_NONE ? "none" : fc_per_name(c->per));
        return true;
    }
    if (m->modalities && !(m->modalities & (1u << c->modality))) {
        fc_sb_puts(sb, "it takes");
        for (size_t i = 0, k = 0; i < sizeof modality_names / sizeof *modality_names; i++)
            if (m->modalities & (1u << i))
                fc_sb_printf(sb, "%s %s", k++ ? "," : "", modality_names[i]);
        fc_sb_printf(sb, "; the figure is %s", fc_modality_name(c->modality));
        return true;
    }
    if (m->subject.n && (!c->subject || !subject_names(r, m, subject))) {
        if (c->subject) {
            fc_sb_puts(sb, "the subject \"");
            fc_sb_term_str(sb, c->subject);
            fc_sb_puts(sb, "\" names none of ");
        } else {
            fc_sb_puts(sb, "the figure has no subject; it needs one of ");
        }
        put_list(sb, &m->subject);
        return true;
    }
    for (size_t g = 0; g < m->ncontext; g++)
        if (!list_in_words(&m->context[g], sentence)) {
            fc_sb_printf(sb, "no word of its context group %zu (", g + 1);
            put_list(sb, &m->context[g]);
            fc_sb_puts(sb, ") in the sentence");
            return true;
        }
    return false;
}

static void put_measure_origin(fc_strbuf *sb, const fc_rules *r, const char *key)
{
    char path[1000], where[4400];
    fc_path_id(path, sizeof path, "$.measures", key);
    if (r->info && fc_rules_info_origin(r->info, path, where, sizeof where)) {
        fc_sb_puts(sb, " (");
        fc_sb_term_str(sb, where);
        fc_sb_puts(sb, ")");
    }
}

/* One claim: what was extracted, and its measure or why none. */
static fc_status explain_claim(const fc_rules *r, const fc_doc *doc, const fc_claim *c,
                               fc_strbuf *sb)
{
    unsigned line, col;
    fc_doc_linecol(doc, c->start, &line, &col);
    fc_sb_term_str(sb, doc->path);
    fc_sb_printf(sb, ":%u:%u: \"", line, col);
    fc_sb_term(sb, doc->text + c->start, c->end - c->start);
    fc_sb_puts(sb, "\"\n  value ");
    fc_sb_number(sb, c->value);
    if (c->low != c->value || c->high != c->value) {
        fc_sb_puts(sb, " ");
        fc_sb_interval(sb, c->low, c->high, ")");
    }
    fc_sb_printf(sb, ", %s", fc_unit_name(c->unit));
    if (c->currency[0])
        fc_sb_printf(sb, " %s", c->currency);
    if (c->per != FC_PER_NONE)
        fc_sb_printf(sb, " per %s", fc_per_name(c->per));
    fc_sb_printf(sb, ", %s, %s\n", fc_modality_name(c->modality), fc_role_name(c->role));
    fc_sb_puts(sb, "  subject ");
    if (c->subject) {
        fc_sb_puts(sb, "\"");
        fc_sb_term_str(sb, c->subject);
        fc_sb_puts(sb, "\"");
    } else {
        fc_sb_puts(sb, "none");
    }
    if (c->key) {
        fc_sb_puts(sb, "; key ");
        fc_sb_term_str(sb, c->key);
    }
    fc_sb_puts(sb, "\n");
    if (c->measure) {
        fc_sb_puts(sb, "  measure ");
        fc_sb_term_str(sb, c->measure);
        put_measure_origin(sb, r, c->measure);
        fc_sb_puts(sb, "\n");
        return FC_OK;
    }
    if (r->nmeasures == 0) {
        fc_sb_puts(sb, "  no measure: the rules define none\n");
        return FC_OK;
    }
    words subject = {0}, sentence = {0};
    fc_status st = c->subject ? words_of(c->subject, 0, strlen(c->subject), &subject) : FC_OK;
    if (st == FC_OK)
        st = words_of(doc->text, c->sentence_start, c->sentence_end, &sentence);
    if (st == FC_OK) {
        fc_sb_puts(sb, "  no measure:\n");
        for (size_t i = 0; i < r->nmeasures; i++) {
            const fc_measure *m = &r->measures[i];
            fc_sb_puts(sb, "    ");
            fc_sb_term_str(sb, m->key);
            put_measure_origin(sb, r, m->key);
            fc_sb_puts(sb, ": ");
            if (!why_not(r, m, c, &subject, &sentence, sb))
                fc_sb_puts(sb, "its conditions hold for these words; the extractor read the "
                               "subject in the sentence itself, where they did not");
            fc_sb_puts(sb, "\n");
        }
    }
    words_free(&subject);
    words_free(&sentence);
    return st;
}

fc_status fc_explain_line(const fc_rules *rules, const fc_doc *doc, const fc_claims *claims,
                          unsigned line, FILE *out, size_t *found)
{
    *found = 0;
    if (line == 0 || line > doc->nlines)
        return FC_EINVAL;
    size_t from = doc->line_starts[line - 1];
    size_t to = line < doc->nlines ? doc->line_starts[line] : doc->len;
    fc_strbuf sb = {0};
    fc_status st = FC_OK;
    for (size_t i = 0; st == FC_OK && i < claims->n; i++) {
        const fc_claim *c = &claims->items[i];
        if (c->sentence_end <= from || c->sentence_start >= to)
            continue; /* a sentence that does not touch the line */
        if ((*found)++)
            fc_sb_puts(&sb, "\n");
        st = explain_claim(rules, doc, c, &sb);
    }
    if (st == FC_OK && sb.failed)
        st = FC_ENOMEM;
    if (st == FC_OK && sb.len && fwrite(sb.data, 1, sb.len, out) != sb.len)
        st = FC_EIO;
    fc_sb_free(&sb);
    return st;
}
