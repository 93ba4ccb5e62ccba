/* extract_relate.c - the relations between the claims of one sentence: a
 * change's level and earlier level, a part and its whole, a share of a figure,
 * a ratio between two figures (extract.c calls link_sentence once a sentence's
 * claims are read).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"
#include "extract_internal.h"
/* ---- the whole a part refers to ---------------------------------------------- */

/* A part names its whole: the last count claim of this document in the same or
 * the previous sentence ("About 100 7-Eleven stores were raided. Five of those
 * stores were in Los Angeles."). */
/* The whole a part refers back to: among the counts of this document before
 * claim index `before`, in the sentence of `sentence` or the one before, not a
 * rate: the last one whose key has the event the part's words name ("Of those
 * taken into custody" -> the count of arrests), else the last one. */
static const fc_claim *find_whole(const ctx *c, size_t before, size_t sentence, const char *event,
                                  bool skip_parts)
{
    const fc_claim *last = NULL;
    char term[64];
    if (event)
        snprintf(term, sizeof term, "e:%s", event);
    for (size_t k = before; k-- > 0;) {
        const fc_claim *w = &c->out->items[k];
        if (w->doc != c->doc_index || w->sentence + (last && !event ? 3 : 1) < sentence)
            break; /* the sentence before; a part's whole up to three back */
        if (w->unit != FC_UNIT_COUNT || w->role != FC_ROLE_LEVEL || w->value <= 0 || w->per)
            continue;
        /* "capped class sizes at 24": a figure after "at" is a level, no set of
         * things a later "of those" takes from */
        if (w->start >= 4 && memcmp(c->text + w->start - 3, "at ", 3) == 0 &&
            (c->text[w->start - 4] == ' ' || c->text[w->start - 4] == '\n'))
            continue;
        /* "Four of the sick children ...; 29 of the patients": a part of a whole
         * with no figure is no whole of a later part named by its noun (but "47 of
         * its own employees ... Forty-six of them" is) */
        if (skip_parts && w->end + 4 <= c->doc->len && memcmp(c->text + w->end, " of ", 4) == 0)
            continue;
        if (!last && !w->part_of[0]) /* ("46 confirmed cases, including three deaths") */
            last = w;
        if (!event) {
            /* "2,190 stolen; of those, 1,310 in the city. Deputies recovered 1,540
             * of the stolen vehicles": a part of a whole is no whole itself. */
            if (!w->part_of[0])
                return w;
            continue;
        }
        const char *p = w->key ? strstr(w->key, term) : NULL;
        if (p && (p == w->key || p[-1] == ' ') && (p[strlen(term)] == ' ' || !p[strlen(term)]))
            return w;
    }
    return last;
}

/* Whether key holds the term "t:" + the singular of the noun text[p, p+n)
 * ("cases" -> t:case, "counties" -> t:county, "buses" -> t:bus). */
static bool key_has_thing(const char *key, const char *text, size_t p, size_t n)
{
    char w[48];
    if (!key || n < 2 || n + 3 > sizeof w)
        return false;
    w[0] = 't';
    w[1] = ':';
    for (size_t k = 0; k < n; k++)
        w[2 + k] = (char)tolower((unsigned char)text[p + k]);
    size_t len = n + 2;
    for (int form = 0; form < 4; form++) {
        size_t m = len; /* the word as written, less "s", less "es", "ies" -> "y" */
        if (form == 1 && w[len - 1] == 's')
            m = len - 1;
        else if (form == 2 && len > 5 && memcmp(w + len - 2, "es", 2) == 0)
            m = len - 2;
        else if (form == 3 && len > 6 && memcmp(w + len - 3, "ies", 3) == 0) {
            w[len - 3] = 'y';
            m = len - 2;
        } else if (form)
            continue;
        for (const char *q = strstr(key, "t:"); q; q = strstr(q + 2, "t:"))
            if ((q == key || q[-1] == ' ') && strncmp(q, w, m) == 0 && (q[m] == ' ' || !q[m]))
                return true;
        /* people counted by their role: "t:person m:=worker" for "workers" */
        for (const char *q = strstr(key, "m:="); q; q = strstr(q + 3, "m:="))
            if ((q == key || q[-1] == ' ') && strncmp(q + 3, w + 2, m - 2) == 0 &&
                (q[m + 1] == ' ' || !q[m + 1]))
                return true;
    }
    return false;
}

static bool blank_line_between(const char *text, size_t from, size_t to);

/* Whether key holds the event named by the plural noun w[0..n) ("delays" ->
 * e:delay). */
static bool key_has_event(const char *key, const char *w, size_t n)
{
    if (!key || n < 4 || n > 40 || (w[n - 1] != 's' && w[n - 1] != 'S'))
        return false;
    char term[48] = "e:";
    for (size_t k = 0; k + 1 < n; k++)
        term[2 + k] = (char)tolower((unsigned char)w[k]);
    term[n + 1] = '\0';
    size_t m = strlen(term);
    for (const char *q = strstr(key, term); q; q = strstr(q + 1, term))
        if ((q == key || q[-1] == ' ') && (q[m] == ' ' || !q[m]))
            return true;
    return false;
}

/* "2,900 of the cases": among the counts of the paragraph's last three
 * sentences whose key counts that noun, not averages ("an average of 240
 * cases per lawyer"), the largest (the set the cases are taken from; a smaller
 * one is a subset or a yardstick); NULL when none counts it. */
/* The noun after "of the" of part cl, as text[*p, *q): the first word, or the
 * word after a hyphenated modifier ("of the laid-off workers"). */
static void part_noun(const ctx *c, const fc_claim *cl, size_t *p, size_t *q)
{
    size_t len = c->doc->len;
    *p = *q = cl->end + 8 < len ? cl->end + 8 : len;
    while (*q < len && isalpha((unsigned char)c->text[*q]))
        (*q)++;
    size_t r = *q;
    for (int hyphens = 0; hyphens < 2 && r + 1 < len && c->text[r] == '-' &&
                          isalpha((unsigned char)c->text[r + 1]);
         hyphens++) {
        for (r++; r < len && isalpha((unsigned char)c->text[r]);)
            r++;
        if (r + 1 < len && c->text[r] == ' ' && isalpha((unsigned char)c->text[r + 1])) {
            *p = r + 1;
            for (*q = *p; *q < len && isalpha((unsigned char)c->text[*q]);)
                (*q)++;
            return;
        }
    }
}

static const fc_claim *named_whole(const ctx *c, const fc_claim *cl)
{
    size_t p, q;
    part_noun(c, cl, &p, &q);
    if (q - p < 3 || (q < c->doc->len && c->text[q] == '\''))
        return NULL; /* "of the county's" */
    const fc_claim *best = NULL;
    for (size_t k = c->out->n; k-- > 0;) {
        const fc_claim *w = &c->out->items[k];
        if (w->doc != c->doc_index || w->sentence + 3 < cl->sentence)
            break;
        if (w->unit != FC_UNIT_COUNT || w->role != FC_ROLE_LEVEL || w->value <= 0 || w->per ||
            w->part_of[0] || !w->key || strstr(w->key, "s:average") ||
            !key_has_thing(w->key, c->text, p, q - p) ||
            blank_line_between(c->text, w->end, cl->start))
            continue;
        if (!best || w->value > best->value)
            best = w;
    }
    return best;
}

/* "Of those subscribers, ...": the nearest count before claim `before`, in the
 * paragraph's last three sentences, whose key counts the noun text[p, p+n). */
static const fc_claim *whole_by_noun(const ctx *c, size_t before, size_t p, size_t n)
{
    for (size_t k = before; k-- > 0;) {
        const fc_claim *w = &c->out->items[k];
        if (w->doc != c->doc_index || w->sentence + 3 < c->sentence ||
            blank_line_between(c->text, w->end, p))
            break;
        if (w->unit == FC_UNIT_COUNT && w->role == FC_ROLE_LEVEL && w->value > 0 && !w->per &&
            !w->part_of[0] && w->key && key_has_thing(w->key, c->text, p, n))
            return w;
    }
    return NULL;
}

/* Whether the noun text[p, p+n) (or its first four letters and more: "ticket"
 * for "tickets") is among the three words after offset `at`. */
static bool noun_follows(const char *text, size_t len, size_t at, size_t p, size_t n)
{
    size_t stem = n > 4 && text[p + n - 1] == 's' ? n - 1 : n;
    size_t i = at;
    for (int words = 0; words < 3 && i < len; words++) {
        while (i < len && (text[i] == ' ' || text[i] == '-'))
            i++;
        size_t j = i;
        while (j < len && isalpha((unsigned char)text[j]))
            j++;
        if (j - i >= stem && strncasecmp(text + i, text + p, stem) == 0)
            return true;
        if (j == i)
            return false;
        i = j;
    }
    return false;
}

/* Whether an empty line stands in text[from, to): a paragraph ends there. */
static bool blank_line_between(const char *text, size_t from, size_t to)
{
    for (const char *p = memchr(text + from, '\n', to > from ? to - from : 0); p;
         p = memchr(p + 1, '\n', (size_t)(text + to - p - 1))) {
        const char *q = p + 1;
        while (q < text + to && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < text + to && *q == '\n')
            return true;
        if (p + 1 >= text + to)
            break;
    }
    return false;
}

/* Whether the sentence of claim w names the noun after "of the" of part cl
 * (past a hyphenated modifier), by its first five letters or all of a shorter
 * one: "the 2,190 vehicles stolen" names "the stolen vehicles". */
static bool sentence_names_noun(const ctx *c, const fc_claim *w, const fc_claim *cl)
{
    size_t p, q;
    part_noun(c, cl, &p, &q);
    size_t n = q - p > 5 ? 5 : q - p;
    if (n < 3)
        return true; /* nothing to go by */
    for (size_t i = w->sentence_start; i + n <= w->sentence_end && i + n <= c->doc->len; i++)
        if (strncasecmp(c->text + i, c->text + p, n) == 0 &&
            (i == 0 || !isalpha((unsigned char)c->text[i - 1])))
            return true;
    return false;
}

/* "five of those stores", "14 million of them": the whole named before, in the
 * same paragraph ("them" across a paragraph is another thing: "... 2,400 adults
 * surveyed.\n\nRetailers sold 14 million of them" are vapes). */
/* Whether " of", determiners or possessives, then a figure follow offset end
 * ("41 of the county's 62 precincts", "341 of the year's 365 nights"). */
static bool of_figure_follows(const ctx *c, size_t end)
{
    if (end + 4 > c->doc->len || memcmp(c->text + end, " of ", 4) != 0)
        return false;
    size_t p = end + 4;
    for (int words = 0; words < 3 && p < c->doc->len; words++) {
        size_t q = p;
        while (q < c->doc->len && c->text[q] != ' ' && c->text[q] != '\n')
            q++;
        bool det = (q - p == 3 && (strncasecmp(c->text + p, "the", 3) == 0 ||
                                   strncasecmp(c->text + p, "its", 3) == 0)) ||
                   (q - p == 5 && strncasecmp(c->text + p, "their", 5) == 0) ||
                   (q - p > 2 && c->text[q - 2] == '\'' && c->text[q - 1] == 's');
        if (!det)
            break;
        p = q + 1;
    }
    return p < c->doc->len && c->text[p] >= '0' && c->text[p] <= '9';
}

void link_whole(ctx *c, fc_claim *cl)
{
    /* "15% below the 480 of the county seat": a figure after "the" is a set
     * of its own, owned by what follows "of", no part */
    if (cl->start >= 4 && strncasecmp(c->text + cl->start - 4, "the ", 4) == 0 &&
        (cl->start == 4 || !isalpha((unsigned char)c->text[cl->start - 5])))
        return;
    /* "41 of the county's 62 precincts": the whole is the figure after "of",
     * linked with its sentence (link_sentence) */
    if (of_figure_follows(c, cl->end))
        return;
    /* the part's own words: "of the patients" names its whole, "of them" points back */
    bool named = cl->end + 8 <= c->doc->len && memcmp(c->text + cl->end, " of the ", 8) == 0;
    const fc_claim *w = named ? named_whole(c, cl) : NULL;
    /* ("made 2,437 visits ... 486 of the visits": a key may name the thing by
     * its event, and the whole is the count written with the noun) */
    if (!w && named) {
        size_t p, q;
        part_noun(c, cl, &p, &q);
        for (size_t k = c->out->n; q - p >= 3 && k-- > 0;) {
            const fc_claim *o = &c->out->items[k];
            if (o->doc != c->doc_index || o->sentence + 3 < cl->sentence ||
                blank_line_between(c->text, o->end, cl->start))
                break;
            if (o->unit == FC_UNIT_COUNT && o->role == FC_ROLE_LEVEL && o->value > 0 && !o->per &&
                !o->part_of[0] && o->end < cl->start &&
                (noun_follows(c->text, c->doc->len, o->end, p, q - p) ||
                 /* ("642 flights had been delayed ... 211 of the delays") */
                 key_has_event(o->key, c->text + p, q - p)) &&
                (!w || o->value > w->value))
                w = o;
        }
    }
    if (!w) {
        w = find_whole(c, c->out->n, cl->sentence, NULL, named);
        /* ("About 340 of the laid-off workers" after "118 placements as of June
         * and 212 as of September": a whole whose sentence never names the
         * part's noun is another set) */
        if (w && named && !sentence_names_noun(c, w, cl))
            w = NULL;
        /* ("... in the 1,480-seat house, and subscribers bought 9,800 of the
         * tickets": a count of another thing is no whole of the tickets) */
        if (w && named) {
            size_t p, q;
            part_noun(c, cl, &p, &q);
            if (q - p >= 3 && w->key && strstr(w->key, "t:") &&
                !key_has_thing(w->key, c->text, p, q - p))
                w = NULL;
            /* (in the part's own sentence, keys come later: the noun must be
             * among the three words after the whole) */
            if (q - p >= 3 && w && !w->key && !noun_follows(c->text, c->doc->len, w->end, p, q - p))
                w = NULL;
        }
    }
    /* ("full on 341 of the year's 365 nights, or 93% of them": "them" are the
     * nights, the whole of the figure before, not that figure, nor a larger
     * count before it: "Its 212 campsites were full on 81 of the summer's 92
     * nights, or 88% of them") */
    if (w && !named && of_figure_follows(c, w->end))
        w = NULL;
    /* "173 births across 41 species, 58 of them in endangered species": when
     * the nearest count is smaller than the part, "them" are the larger count
     * before it in that sentence */
    /* (or in the sentence before: "removed 317 cats ... The cats were split
     * between the shelter and two rescue groups, and 42 of them needed care") */
    if (w && !named && w->value < cl->value) {
        for (size_t j = (size_t)(w - c->out->items); j-- > 0;) {
            const fc_claim *o = &c->out->items[j];
            if (o->doc != w->doc || o->sentence + 1 < w->sentence ||
                blank_line_between(c->text, o->end, cl->start))
                break;
            if (o->unit == FC_UNIT_COUNT && o->role == FC_ROLE_LEVEL && !o->per &&
                !o->part_of[0] && o->value >= cl->value) {
                w = o;
                break;
            }
        }
    }
    if (w && blank_line_between(c->text, w->end, cl->start))
        w = NULL;
    if (w)
        memcpy(cl->part_of, w->id, sizeof cl->part_of);
}

void link_money_whole(ctx *c, fc_claim *cl)
{
    for (size_t k = c->out->n; k-- > 0;) {
        const fc_claim *w = &c->out->items[k];
        if (w == cl)
            continue;
        if (w->doc != c->doc_index || w->sentence + 1 < cl->sentence)
            break;
        if (w->unit != FC_UNIT_CURRENCY || strcmp(w->currency, cl->currency) != 0)
            continue; /* (a count or a rate between: "over 18 years") */
        if (w->role == FC_ROLE_LEVEL && !w->per && !w->part_of[0] && w->value > 0 &&
            !blank_line_between(c->text, w->end, cl->start))
            memcpy(cl->part_of, w->id, sizeof cl->part_of);
        return; /* the amount given last, whatever it is */
    }
}

/* ---- relations between the claims of a sentence ---------------------------------- */

/* Whether a change of unit cu can arrive at a level of unit lu: a percentage
 * change of anything, a multiple of anything, else the same unit. */
static bool change_fits_level(fc_unit cu, fc_unit lu)
{
    if (lu == FC_UNIT_RATIO || lu == FC_UNIT_DURATION)
        return false;
    if (cu == FC_UNIT_PERCENT || cu == FC_UNIT_RATIO)
        return true;
    if (cu == FC_UNIT_PERCENTAGE_POINT)
        return lu == FC_UNIT_PERCENT;
    return cu == lu;
}

/* Whether a comma comes in tokens [from, to) ("Of those taken into custody, 45"). */
static bool comma_before(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (is_punct(c, k, ","))
            return true;
    return false;
}

/* Whether token i is a word that puts a stretch of time after it ("over 90
 * days", "in the past 30 days", "for 14 days"). */
static bool is_time_preposition(const ctx *c, size_t i)
{
    static const char *const words[] = {"over", "in", "for", "during", "within", "past", "last",
                                        "next", "first", "after", "before", "until", "across",
                                        "through", "throughout", "about", "some", "nearly"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (is_word(c, i, words[k]))
            return true;
    return false;
}

/* Whether claim j of the sentence is the whole of the claim before it: "52 of
 * their 82 games", "41 of the county's 62 precincts", "61 points from 38
 * matches", "22 goals in 30 games", "9 out of 12". */
static bool whole_after_of(const ctx *c, const fc_claim_toks *sp, size_t j)
{
    if (j == 0 || sp[j - 1].end >= sp[j].start)
        return false;
    size_t w = sp[j - 1].end;
    /* (past the part's noun: "61 points from 38 matches") */
    if (w + 1 < sp[j].start && tok(c, w)->kind == FC_TOK_WORD && !is_word(c, w, "of") &&
        !is_word(c, w, "from") && !is_word(c, w, "in") && !is_word(c, w, "out") &&
        (is_word(c, w + 1, "from") || is_word(c, w + 1, "in") || is_word(c, w + 1, "of")))
        w++;
    if (is_word(c, w, "out") && w + 1 < sp[j].start && is_word(c, w + 1, "of"))
        w++;
    else if (!is_word(c, w, "of") && !is_word(c, w, "from") && !is_word(c, w, "in"))
        return false;
    for (size_t k = w + 1; k < sp[j].start; k++)
        if (!is_determiner(c, k) &&
            !(tok(c, k)->kind == FC_TOK_WORD && tok(c, k)->end - tok(c, k)->start > 2 &&
              fc_ieq(c->text + tok(c, k)->end - 2, "'s", 2)))
            return false;
    return true;
}

/* A change in a sentence that points back at the one before ("Rents rose to
 * $1,840 from $1,520. That is an increase of 12%."): the sentence opens with
 * "That", "This" or "It", states no level of its own, and follows in the same
 * paragraph a sentence with exactly one level and its earlier level that the
 * change can arrive at. The change takes those two as its `to` and `from`;
 * returns whether it did. (i: the change's index among the sentence's claims.)
 * With an earlier level of its own (prev: "Crews landed 18,400 tonnes. That is
 * up 15% from last season's 14,200 tonnes, short of the 25,000-tonne quota"),
 * the level it arrives at is the one level of prev's unit in the sentence
 * before, in the same paragraph or the one before, not a later figure of its
 * own sentence; the change takes it as its `to`. */
/* Whether the words of the sentence before the change (tokens from c->sent.from
 * to `to`) share a word with the sentence before it, by its first five letters
 * ("Enrollment fell 6% from 8,600" after "The district enrolled 8,400"). */
static bool subject_echoes(const ctx *c, size_t to)
{
    for (size_t t = c->sent.from; t < to; t++) {
        const fc_tok *a = tok(c, t);
        if (a->kind != FC_TOK_WORD || a->end - a->start < 5 || is_determiner(c, t))
            continue;
        for (size_t u = c->prev_sent.from; u < c->prev_sent.to; u++) {
            const fc_tok *b = tok(c, u);
            if (b->kind == FC_TOK_WORD && b->end - b->start >= 5 &&
                fc_ieq(c->text + a->start, c->text + b->start, 5))
                return true;
        }
    }
    return false;
}

/* Whether the words right after the earlier level date it relative to the
 * level before ("from 1,150 the year before", "from 8,600 a year earlier"). */
static bool dated_back(const ctx *c, const fc_claim_toks *sp)
{
    static const char *const words[] = {"before", "earlier", "previous", "prior", "ago"};
    for (size_t t = sp->end; t < sp->end + 4 && t < c->sent.to; t++)
        for (size_t k = 0; k < sizeof words / sizeof *words; k++)
            if (is_word(c, t, words[k]))
                return true;
    return false;
}

static bool link_back(ctx *c, size_t first, size_t i, fc_claim *change, const fc_claim *prev,
                      const fc_claim_toks *prev_sp)
{
    static const char *const openers[] = {"that", "this", "it", "that's", "it's", "which"};
    bool opens = false;
    for (size_t k = 0; k < sizeof openers / sizeof *openers && !opens; k++)
        opens = is_word(c, c->sent.from, openers[k]);
    /* A sentence that names its subject points back too when the change
     * starts from an earlier level of its own and no other figure, in the
     * paragraph of the sentence before, and its subject echoes that sentence
     * or its earlier level is dated back from it ("The shelter placed 1,260
     * animals last year. Adoptions rose 12% from 1,150 the year before."); its
     * subject is short (a modified one, "Cat adoptions", may be a part), and
     * the two levels are within half again of each other. */
    bool names = !opens && prev && c->sentence > 0 && c->out->n == first + 2 &&
                 !tok(c, c->sent.from)->blank_before && c->prev_sent.to > c->prev_sent.from &&
                 c->prev_sent.to <= c->sent.from &&
                 c->spans[i].start <= c->sent.from + 3 &&
                 (subject_echoes(c, c->spans[i].start) ||
                  (c->spans[i].start <= c->sent.from + 2 && dated_back(c, prev_sp)));
    if ((!opens && !names) || (tok(c, c->sent.from)->blank_before && !prev) || c->sentence == 0)
        return false;
    for (size_t k = first; k < first + i; k++)
        if (c->out->items[k].role == FC_ROLE_LEVEL || c->out->items[k].role == FC_ROLE_PREVIOUS ||
            c->out->items[k].role == FC_ROLE_CHANGE)
            return false; /* the sentence states its own levels before the change, or
                           * another change, the one that points back ("That is an
                           * increase of 14%, far outpacing the 3.2% rise in wages") */
    const fc_claim *level = NULL;
    for (size_t k = first; k-- > 0;) {
        const fc_claim *o = &c->out->items[k];
        if (o->doc != c->doc_index || o->sentence + 1 < c->sentence)
            break;
        if (o->sentence + 1 != c->sentence || o->role != FC_ROLE_LEVEL ||
            (prev ? o->unit != prev->unit || o->per != prev->per : isnan(o->from)) ||
            !change_fits_level(change->unit, o->unit))
            continue;
        if (level)
            return false; /* two candidates: which one is meant cannot be told */
        level = o;
    }
    if (!level)
        return false;
    if (names && !(level->value > 0 && prev->value > 0 && fabs(log(level->value / prev->value)) < 0.4))
        return false; /* (a level far from the earlier one is of something else) */
    change->to = level->value;
    change->from = prev ? prev->value : level->from;
    return true;
}

/* After a sentence's claims are built, the relations its words state:
 *   - a change arrives at a level ("fell 15% to 340") and starts from an
 *     earlier one ("from 410"): its `to` and `from`;
 *   - a level takes the earlier level stated next to it ("71%, up from 66%");
 *   - a share names the figure it is of ("30% of its $18 million budget");
 *   - parts name their whole: after "Of the 40 arrested,", after a colon ("520
 *     homes: 310 destroyed, 260 damaged"), and after "Of those," (the whole is
 *     the last count before the sentence). */
/* "Of those who reported, 312 ...": the whole is the count before whose own
 * words carry the verb ("1,420 of them reported for service"), a part itself
 * or not; NULL when the words from k to to name no verb after "who" or "that",
 * or no count of the three sentences before has it within a few words. */
static const fc_claim *whole_by_verb(const ctx *c, size_t before, size_t k, size_t to)
{
    size_t v = k;
    while (v < to && !is_word(c, v, "who") && !is_word(c, v, "that"))
        v++;
    if (v + 1 >= to || tok(c, v + 1)->kind != FC_TOK_WORD)
        return NULL;
    const fc_tok *verb = tok(c, v + 1);
    size_t n = verb->end - verb->start;
    for (size_t i = before; i-- > 0;) {
        const fc_claim *w = &c->out->items[i];
        if (w->doc != c->doc_index || w->sentence + 3 < c->sentence)
            break;
        if (w->unit != FC_UNIT_COUNT || w->role != FC_ROLE_LEVEL || w->value <= 0)
            continue;
        size_t lim = w->end + 32 < w->sentence_end ? w->end + 32 : w->sentence_end;
        for (size_t p = w->end; p + n <= lim; p++)
            if (c->text[p] == ' ' && p + 1 + n <= lim &&
                strncasecmp(c->text + p + 1, c->text + verb->start, n) == 0 &&
                (p + 1 + n == lim || !isalpha((unsigned char)c->text[p + 1 + n])))
                return w;
    }
    return NULL;
}

/* Whether the figure ending at token end counts per item ("ships carrying
 * fewer than 300 passengers each", "fined $500 apiece"): "each" or "apiece"
 * after it, past at most two words of its noun, so no part of a whole. */
static bool per_item(const ctx *c, size_t end)
{
    for (size_t t = end; t < end + 3 && t < c->sent.to && tok(c, t)->kind == FC_TOK_WORD; t++)
        if (is_word(c, t, "each") || is_word(c, t, "apiece"))
            return true;
    return false;
}

/* Whether tokens [from, to) are at most three determiners or possessives
 * ("the", "its", "the county's"): what stands between "of" and a whole's figure. */
static bool determiners_to(const ctx *c, size_t from, size_t to)
{
    size_t k = from;
    while (k < to && k < from + 3 &&
           (is_determiner(c, k) ||
            (tok(c, k)->kind == FC_TOK_WORD && tok(c, k)->end - tok(c, k)->start > 2 &&
             fc_ieq(c->text + tok(c, k)->end - 2, "'s", 2))))
        k++;
    if (k == to)
        return true;
    /* ("of the stormwater utility's $11.4 million budget": words before the
     * owner's possessive) */
    if (to <= from + 1 || to > from + 4)
        return false;
    const fc_tok *last = tok(c, to - 1);
    if (last->kind != FC_TOK_WORD || last->end - last->start < 3 ||
        !(fc_ieq(c->text + last->end - 2, "'s", 2) ||
          (last->end - last->start > 4 && memcmp(c->text + last->end - 4, "\xE2\x80\x99s", 4) == 0)))
        return false;
    for (k = from; k + 1 < to; k++)
        if (tok(c, k)->kind != FC_TOK_WORD)
            return false;
    return true;
}

/* Whether tokens [from, to) are a determiner or none, then a name ending in a
 * possessive ("the Port of Velmar's", "Lorne County's"), at most six tokens. */
static bool possessive_name_before(const ctx *c, size_t from, size_t to)
{
    if (to <= from || to > from + 6)
        return false;
    size_t k = from;
    if (is_determiner(c, k))
        k++;
    const fc_tok *last = tok(c, to - 1);
    if (last->kind != FC_TOK_WORD || last->end - last->start < 3 ||
        !(fc_ieq(c->text + last->end - 2, "'s", 2) ||
          (last->end - last->start > 4 && memcmp(c->text + last->end - 4, "\xE2\x80\x99s", 4) == 0)))
        return false;
    for (; k < to; k++)
        if (!fc_tok_is_capitalised(c->text, tok(c, k)) && !is_word(c, k, "of"))
            return false;
    return true;
}

/* Whether "up from" or "down from" comes right before token k (a level's
 * earlier level, not a change's base). */
static bool up_from_before(const ctx *c, size_t k)
{
    return k >= c->sent.from + 2 && is_word(c, k - 1, "from") &&
           (is_word(c, k - 2, "up") || is_word(c, k - 2, "down"));
}


/* Whether a clause of its own opens in tokens [from, to): "down 4% from 2.28
 * million in 2023, after one of its carriers cut back service to two hub
 * cities" (the "to two" is the cut's, not the change's level). */
static bool subordinate_between(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (is_word(c, k, "after") || is_word(c, k, "before") || is_word(c, k, "because") ||
            is_word(c, k, "when") || is_word(c, k, "while") || is_word(c, k, "whereas") ||
            is_punct(c, k, ";"))
            return true;
    return false;
}

/* Whether level j is a rate beside the total that earlier level p is of:
 * "roughly 40 a day, down from 17,900", "about 9,600 a day, down from 41,100
 * over the same weekend last year" (a rate written after the figure), or a
 * figure of another rate far from p's size; not "the monthly rent goes to
 * $1,540 from $1,320" (the rate is both figures'). */
static bool other_rate(const ctx *c, const fc_claim *cl, const fc_claim_toks *sp, size_t j,
                       size_t p)
{
    if (cl[j].per == cl[p].per || cl[j].value <= 0 || cl[p].value <= 0)
        return false;
    double apart = fabs(log(cl[j].value / cl[p].value));
    size_t e = sp[j].end;
    /* (a rate of its own, and more than twice or less than half the earlier
     * figure: "$15.40 an hour on Jan. 1 from $14.60" is one rate's) */
    if (apart > 0.7 && e < c->sent.to &&
        (is_word(c, e, "a") || is_word(c, e, "an") || is_word(c, e, "per") ||
         is_word(c, e, "each") || is_word(c, e, "every") || is_punct(c, e, "/")))
        return true;
    return apart > 2.0;
}

/* The token after a claim's figure and its counted noun ("186 students"). */
static size_t past_subject(const fc_claim_toks *sp)
{
    return sp->subj_to > sp->end ? sp->subj_to : sp->end;
}

void link_sentence(ctx *c, size_t first)
{
    size_t n = c->out->n - first;
    if (n == 0)
        return; /* no claims yet: items may be NULL */
    fc_claim *cl = c->out->items + first;
    const fc_claim_toks *sp = c->spans;
    /* "to 182 megabits per second from 64": a bare earlier figure right after a
     * level has the level's unit */
    for (size_t i = 0; i + 1 < n; i++) {
        size_t j = i + 1;
        if (cl[i].role != FC_ROLE_LEVEL || cl[j].role != FC_ROLE_PREVIOUS ||
            cl[j].unit != FC_UNIT_COUNT || cl[i].unit == FC_UNIT_COUNT ||
            cl[i].unit == FC_UNIT_RATIO ||
            /* (a length of time only when written "to 18,400 nights from 8,700") */
            (cl[i].unit == FC_UNIT_DURATION &&
             !(sp[i].start > c->sent.from && is_word(c, sp[i].start - 1, "to") &&
               sp[j].start == sp[i].end + 1 && is_word(c, sp[i].end, "from"))) ||
            (sp[j].end != sp[j].start + 1 && /* "from 5.6 million" */
             !(sp[j].end == sp[j].start + 2 && entry_at(c, &c->r->scale_words, sp[j].start + 1))) ||
            tok(c, sp[j].start)->kind != FC_TOK_NUM ||
            cl[j].subject || cl[i].value == 0)
            continue;
        double f = cl[j].value / cl[i].value;
        cl[j].unit = cl[i].unit;
        cl[j].per = cl[i].per;
        memcpy(cl[j].currency, cl[i].currency, sizeof cl[j].currency);
        memcpy(cl[j].unit_name, cl[i].unit_name, sizeof cl[j].unit_name);
        memcpy(cl[j].base_unit, cl[i].base_unit, sizeof cl[j].base_unit);
        cl[j].base_value = cl[i].base_value * f;
    }
    for (size_t i = 0; i < n; i++) {
        if (cl[i].role != FC_ROLE_CHANGE)
            continue;
        size_t to = (size_t)-1, from = (size_t)-1;
        /* The figures after a change up to the next change of its own ("ridership
         * doubled, and fares rose 40% to $2.80 from $2.00": the levels are the
         * 40%'s); a change that restates it ("up 5%, or 3 points, to 71%") does
         * not end its reach. */
        size_t reach = i + 1;
        while (reach < n &&
               !(cl[reach].role == FC_ROLE_CHANGE && sp[reach].start > c->sent.from + 1 &&
                 !is_word(c, sp[reach].start - 1, "or") && !is_word(c, sp[reach].start - 2, "or")))
            reach++;
        /* ... nor past a semicolon ("pledged to cut truck traffic by 25% by 2030;
         * the corridors carried about 9,400 trucks a day in 2024, up from 7,100"),
         * "while" or "whereas" ("up 9% from 56,300, while its nursing staff grew
         * to 1,140 from 1,105") */
        for (size_t j = i + 1; j < reach; j++)
            for (size_t t = sp[j - 1].end; t < sp[j].start; t++)
                if (is_punct(c, t, ";") || is_word(c, t, "while") || is_word(c, t, "whereas")) {
                    reach = j;
                    break;
                }
        /* "doubled ... to 9.8 years from 6.2 years": lengths of time as the
         * levels when the earlier level is one too */
        /* "fell to 96 from 131, a drop of 27 per cent, taking the total to
         * 1,284": a change set after its level and earlier level by a comma
         * is of those two, not of a level later in the sentence */
        /* "lost 4,820 hives over the winter, up from 3,100 a year earlier, a
         * rise of 38%": a tally of losses, its earlier tally after "up from",
         * then the change of the two */
        if (i >= 2 && cl[i].unit == FC_UNIT_PERCENT && cl[i - 1].role == FC_ROLE_PREVIOUS &&
            cl[i - 2].role == FC_ROLE_CHANGE && cl[i - 2].unit == cl[i - 1].unit &&
            cl[i - 2].unit != FC_UNIT_PERCENT && up_from_before(c, sp[i - 1].start) &&
            sp[i].start - sp[i - 1].end <= 8) {
            cl[i].to = cl[i - 2].value;
            cl[i].from = cl[i - 1].value;
            continue;
        }
        if (i >= 2 && cl[i - 1].role == FC_ROLE_PREVIOUS && sp[i - 1].end < sp[i].start &&
            sp[i].start - sp[i - 1].end <= 4 && is_punct(c, sp[i - 1].end, ",")) {
            size_t lv = (size_t)-1;
            for (size_t j = i - 1; j-- > 0 && lv == (size_t)-1;)
                if ((cl[j].role == FC_ROLE_LEVEL ||
                     /* "lost 4,820 hives over the winter, up from 3,100 a year
                      * earlier, a rise of 38%": a tally of losses is the level */
                     (cl[j].role == FC_ROLE_CHANGE && j + 1 == i - 1 && cl[j].unit != FC_UNIT_PERCENT &&
                      up_from_before(c, sp[i - 1].start))) &&
                    change_fits_level(cl[i].unit, cl[j].unit) &&
                    cl[j].unit == cl[i - 1].unit && !whole_after_of(c, sp, j) &&
                    /* (not the daily rate told beside the total: "booked
                     * 14,600 people last year, roughly 40 a day, down from
                     * 17,900 in 2022, a decline of 18%") */
                    !other_rate(c, cl, sp, j, i - 1))
                    lv = j;
            if (lv != (size_t)-1) {
                cl[i].to = cl[lv].value;
                cl[i].from = cl[i - 1].value;
                continue;
            }
        }
        bool durations = false;
        for (size_t j = i + 1; j < reach && !durations; j++)
            durations = cl[j].role == FC_ROLE_PREVIOUS && cl[j].unit == FC_UNIT_DURATION &&
                        (cl[i].unit == FC_UNIT_PERCENT || cl[i].unit == FC_UNIT_RATIO);
        for (size_t j = i + 1; j < reach && to == (size_t)-1; j++)
            if (cl[j].role == FC_ROLE_LEVEL && sp[j].start > c->sent.from &&
                is_word(c, sp[j].start - 1, "to") && !subordinate_between(c, sp[i].end, sp[j].start) &&
                (change_fits_level(cl[i].unit, cl[j].unit) ||
                 (durations && cl[j].unit == FC_UNIT_DURATION)))
                to = j;
        for (size_t j = i + 1; j < reach && from == (size_t)-1; j++)
            if (cl[j].role == FC_ROLE_PREVIOUS)
                from = j;
        /* "... rose to $38.70 from $33.90, an increase of 14.2%, while the median
         * for all occupations rose 3.8%": a change after "while" or "whereas"
         * takes no level from before it */
        size_t floor_tok = c->sent.from;
        for (size_t t = sp[i].start; t-- > c->sent.from;)
            if (is_word(c, t, "while") || is_word(c, t, "whereas") || is_punct(c, t, ";")) {
                floor_tok = t;
                break;
            }
        size_t lo = 0;
        while (lo < i && sp[lo].start < floor_tok)
            lo++;
        /* "treated 61,300 patients, about 168 a day and up 6% from 57,800": a
         * level before the change with its earlier level after it is one of the
         * earlier level's rate (a yearly total, not the daily average), where
         * there is one; never the whole of a part ("won 52 of their 82 games, 14
         * more than last year's 38" arrives at the 52) */
        for (size_t j = i; from != (size_t)-1 && j-- > lo && to == (size_t)-1;)
            if ((cl[j].role == FC_ROLE_LEVEL ||
                 (cl[j].role == FC_ROLE_CHANGE && j + 1 == from && cl[j].unit != FC_UNIT_PERCENT &&
                  cl[i].unit == FC_UNIT_PERCENT && up_from_before(c, sp[from].start))) &&
                change_fits_level(cl[i].unit, cl[j].unit) &&
                cl[j].unit == cl[from].unit && cl[j].per == cl[from].per &&
                !whole_after_of(c, sp, j))
                to = j;
        /* (the nearest is no level of it when it is far out of the earlier
         * level's size, and another is near it: "drew 318,400 fans to 68 home
         * games this season, up 11% from 286,800") */
        bool far = false;
        if (to != (size_t)-1 && to < i && cl[to].value > 0 && cl[from].value > 0 &&
            fabs(log(cl[to].value / cl[from].value)) > 2.0) {
            double best = fabs(log(cl[to].value / cl[from].value));
            for (size_t j = to; j-- > lo;)
                if (cl[j].role == FC_ROLE_LEVEL && change_fits_level(cl[i].unit, cl[j].unit) &&
                    cl[j].unit == cl[from].unit && cl[j].per == cl[from].per &&
                    !whole_after_of(c, sp, j) && cl[j].value > 0 &&
                    fabs(log(cl[j].value / cl[from].value)) < best) {
                    best = fabs(log(cl[j].value / cl[from].value));
                    to = j;
                }
            /* ... and with none near it, no figure of the sentence is the level
             * of a modest change ("an average gift of about £144, and was 13%
             * more than last winter's £365,000": the total, told before) */
            double stated = cl[i].unit == FC_UNIT_PERCENT ? 1 + cl[i].value / 100
                            : cl[i].unit == FC_UNIT_RATIO ? cl[i].value
                                                          : 0;
            if (best > 2.0 && stated > 0 && fabs(log(stated)) < 1.0) {
                to = (size_t)-1;
                far = true;
            }
        }
        /* "climbed to 81% from 74% in the survey of 320 plot holders, a rise
         * of 7%": a level with its earlier level right after it, past figures
         * of another unit only, before the nearest level of any unit */
        for (size_t j = i; !far && j-- > lo && to == (size_t)-1 && from == (size_t)-1;) {
            if (!(cl[j].role == FC_ROLE_LEVEL && j + 1 < i && cl[j + 1].role == FC_ROLE_PREVIOUS &&
                  cl[j + 1].unit == cl[j].unit && change_fits_level(cl[i].unit, cl[j].unit)))
                continue;
            bool others = true;
            for (size_t q = j + 2; q < i && others; q++)
                others = cl[q].unit != cl[j].unit && cl[q].role == FC_ROLE_LEVEL;
            if (others && j + 2 < i) {
                to = j;
                from = j + 1;
            }
            break;
        }
        /* (a level before an earlier level of the change has its rate: not
         * "roughly 40 a day" of "booked 14,600 people last year, roughly 40 a
         * day, down from 17,900 in 2022, a decline of 18%") */
        size_t prev_before = (size_t)-1;
        for (size_t j = i; j-- > lo && prev_before == (size_t)-1;)
            if (cl[j].role == FC_ROLE_PREVIOUS)
                prev_before = j;
        for (size_t j = i; !far && j-- > lo && to == (size_t)-1;)
            if (cl[j].role == FC_ROLE_LEVEL && change_fits_level(cl[i].unit, cl[j].unit) &&
                !whole_after_of(c, sp, j) &&
                !(prev_before != (size_t)-1 && j < prev_before &&
                  cl[j].unit == cl[prev_before].unit &&
                  other_rate(c, cl, sp, j, prev_before)))
                to = j;
        /* "420 more than the 3,000 forecast": a difference is from the figure
         * after its "than" or from nothing, never an earlier level before it */
        bool than = sp[i].end + 1 < c->sent.to && is_word(c, sp[i].end + 1, "than") &&
                    (list_at(c, &c->r->up_after, sp[i].end) ||
                     list_at(c, &c->r->down_after, sp[i].end));
        for (size_t j = i; !than && j-- > lo && from == (size_t)-1;)
            if (cl[j].role == FC_ROLE_PREVIOUS)
                from = j;
        /* With no level before it, none after "to" and no earlier level, a change
         * that opens on the sentence before ("That was a decline of 25%, ...")
         * takes its levels from there, before any level later in its clause. */
        /* (with an earlier level of its own, only when no later figure of that
         * unit reads as where it arrived: "..., reaching 210" does; "short of
         * the 25,000-tonne quota" is a figure of its noun, not the level) */
        /* (nor is a figure past a comma and an article, a phrase of its own:
         * "up 11% from 3.26 million, a jump driven by two new carriers", or
         * past a colon, a list of parts: "lost 3,400 colonies: 1,900 to mites",
         * or past ", and": "down 1.3 points from 17.5%, and well below the 2014
         * peak of 21.9%") */
        size_t apposed = reach;
        for (size_t j = i + 1; j < reach && apposed == reach; j++)
            for (size_t t = sp[j - 1].end; t < sp[j].start; t++)
                if ((t + 1 < sp[j].start && is_punct(c, t, ",") &&
                     (is_word(c, t + 1, "a") || is_word(c, t + 1, "an") ||
                      is_word(c, t + 1, "and") || is_word(c, t + 1, "but"))) ||
                    is_punct(c, t, ":")) {
                    apposed = j;
                    break;
                }
        bool own = from != (size_t)-1 && from > i;
        for (size_t j = i + 1; own && j < apposed; j++)
            if (cl[j].role == FC_ROLE_LEVEL && cl[j].unit == cl[from].unit &&
                !(sp[j].start > c->sent.from && is_determiner(c, sp[j].start - 1)))
                own = false;
        if (to == (size_t)-1 && (from == (size_t)-1 || own) &&
            link_back(c, first, i, &cl[i], own ? &cl[from] : NULL, own ? &sp[from] : NULL))
            continue;
        for (size_t j = i + 1; j < apposed && to == (size_t)-1; j++)
            if (cl[j].role == FC_ROLE_LEVEL && change_fits_level(cl[i].unit, cl[j].unit))
                to = j;
        if (to != (size_t)-1)
            cl[i].to = cl[to].value;
        if (from != (size_t)-1 && (to == (size_t)-1 || cl[from].unit == cl[to].unit))
            cl[i].from = cl[from].value;
    }
    /* "$14,200 per pupil, 20% above the state average of $12,100": a share
     * comparing the figure before it with the one after it, checked as a
     * change from the second to the first */
    for (size_t i = 1; i + 1 < n; i++) {
        size_t w = sp[i].end, a = i - 1, b = i + 1;
        if (cl[i].unit != FC_UNIT_PERCENT || cl[i].role != FC_ROLE_LEVEL || w >= c->sent.to)
            continue;
        bool above = is_word(c, w, "above"), below = is_word(c, w, "below");
        bool than = cl[i].direction != FC_DIR_NONE && w + 1 < c->sent.to && is_word(c, w + 1, "than");
        if (!above && !below && !than)
            continue;
        if (cl[a].role != FC_ROLE_LEVEL || cl[b].role != FC_ROLE_LEVEL ||
            (cl[a].unit != FC_UNIT_COUNT && cl[a].unit != FC_UNIT_CURRENCY &&
             cl[a].unit != FC_UNIT_OTHER) ||
            cl[b].unit != cl[a].unit || cl[b].per != cl[a].per ||
            strcmp(cl[b].currency, cl[a].currency) != 0 ||
            strcmp(cl[b].unit_name, cl[a].unit_name) != 0 || sp[a].end > sp[i].start ||
            sp[i].start - sp[a].end > 3 || !is_punct(c, sp[i].start - 1, ",") ||
            sp[b].start < w || sp[b].start - w > 8 || cl[a].value <= 0 || cl[b].value <= 0 ||
            cl[a].part_of[0] || cl[b].part_of[0])
            continue;
        cl[i].role = FC_ROLE_CHANGE;
        cl[i].direction = above || (than && cl[i].direction == FC_DIR_UP) ? FC_DIR_UP : FC_DIR_DOWN;
        cl[i].from = cl[b].value;
        cl[i].to = cl[a].value;
    }
    for (size_t i = 0; i < n; i++) {
        /* "30% of its $18 million budget" */
        if (cl[i].unit == FC_UNIT_PERCENT && cl[i].role == FC_ROLE_LEVEL && i + 1 < n &&
            is_word(c, sp[i].end, "of") && !cl[i].part_of[0]) {
            if (determiners_to(c, sp[i].end + 1, sp[i + 1].start) && /* "of its", "of the city's" */
                cl[i + 1].unit != FC_UNIT_PERCENT &&
                cl[i + 1].unit != FC_UNIT_DURATION && cl[i + 1].value > 0)
                memcpy(cl[i].part_of, cl[i + 1].id, sizeof cl[i].part_of);
        }
        /* "a $52 million budget that sets aside $14 million, or 35% of the
         * total": a share of "the total" restating the figure before it is of
         * the figure of that unit before the restated one */
        /* (or set off by a comma alone: "lost 186 students, 61% of the
         * districtwide total") */
        if (cl[i].unit == FC_UNIT_PERCENT && cl[i].role == FC_ROLE_LEVEL && i >= 1 &&
            !cl[i].part_of[0] && is_word(c, sp[i].end, "of") &&
            past_subject(&sp[i - 1]) < sp[i].start && is_punct(c, past_subject(&sp[i - 1]), ",") &&
            ((is_word(c, past_subject(&sp[i - 1]) + 1, "or") &&
              past_subject(&sp[i - 1]) + 2 == sp[i].start) ||
             past_subject(&sp[i - 1]) + 1 == sp[i].start)) {
            size_t k = sp[i].end + 1;
            while (k < c->sent.to && k < sp[i].end + 4 &&
                   (is_determiner(c, k) ||
                    (tok(c, k)->kind == FC_TOK_WORD && tok(c, k)->end - tok(c, k)->start > 2 &&
                     fc_ieq(c->text + tok(c, k)->end - 2, "'s", 2))))
                k++;
            /* (a lowercase word before the noun: "the districtwide total") */
            if (k + 1 < c->sent.to && tok(c, k)->kind == FC_TOK_WORD &&
                !fc_tok_is_capitalised(c->text, tok(c, k)) &&
                (is_word(c, k + 1, "total") || is_word(c, k + 1, "overall")))
                k++;
            /* (the total in the sentence, or in the one before: "counted 412
             * dropouts ... Eastfield High alone lost 186 students, 61% of the
             * districtwide total") */
            /* (in the sentence before, only when it gives one figure of that
             * unit: "$118.2 million for police and $79.4 million for fire"
             * are parts too, no total) */
            if (k < c->sent.to && (is_word(c, k, "total") || is_word(c, k, "overall"))) {
                const fc_claim *found = NULL;
                size_t before = 0;
                for (size_t j = first + i - 1; j-- > 0;) {
                    const fc_claim *o = &c->out->items[j];
                    if (o->doc != cl[i].doc || o->sentence + 1 < cl[i].sentence)
                        break;
                    bool unit = o->unit == cl[i - 1].unit && o->per == cl[i - 1].per &&
                                strcmp(o->currency, cl[i - 1].currency) == 0;
                    before += unit && o->sentence != cl[i].sentence;
                    if (!found && unit && o->role == FC_ROLE_LEVEL && o->value > cl[i - 1].value)
                        found = o;
                }
                if (found && (found->sentence == cl[i].sentence || before == 1))
                    memcpy(cl[i].part_of, found->id, sizeof cl[i].part_of);
            }
        }
        /* "71%, up from 66%" and "from 66% to 71%": the earlier level next to a level;
         * "57% of the 250 residents surveyed backed it, up from 51%": past the whole
         * the level is of. */
        if (cl[i].role == FC_ROLE_LEVEL) {
            size_t after = i + 2 < n && cl[i].part_of[0] &&
                                   strcmp(cl[i].part_of, cl[i + 1].id) == 0
                               ? i + 2
                               : i + 1;
            /* "51% backed scrapping the $9 charge, up from 47%": past a level of
             * another unit, which cannot have a percentage as its earlier level. */
            while (after + 1 < n && after < i + 3 && cl[after].role == FC_ROLE_LEVEL &&
                   cl[after].unit != cl[i].unit && cl[after + 1].role == FC_ROLE_PREVIOUS &&
                   cl[after + 1].unit == cl[i].unit)
                after++;
            size_t j = after < n && cl[after].role == FC_ROLE_PREVIOUS ? after
                       : i > 0 && cl[i - 1].role == FC_ROLE_PREVIOUS &&
                               is_word(c, sp[i].start - 1, "to")
                           ? i - 1
                           : (size_t)-1;
            /* (not a daily rate's, from a total hundreds of times its size:
             * "roughly 40 a day, down from 17,900 in 2022") */
            if (j != (size_t)-1 && cl[j].unit == cl[i].unit &&
                !(cl[j].per != cl[i].per && cl[i].value > 0 && cl[j].value > 0 &&
                  fabs(log(cl[j].value / cl[i].value)) > 2.0))
                cl[i].from = cl[j].value;
        }
    }
    /* "14 of the 26 players": a part of the figure after "of"; ", or 70%" after
     * it, the share the two make. */
    for (size_t i = 0; i + 1 < n; i++) {
        if (cl[i].role != FC_ROLE_LEVEL || cl[i].unit != FC_UNIT_COUNT || cl[i].part_of[0] ||
            !is_word(c, sp[i].end, "of") || cl[i + 1].unit != FC_UNIT_COUNT ||
            cl[i + 1].role != FC_ROLE_LEVEL || cl[i + 1].value <= 0)
            continue;
        /* "of the", "of the county's", "of the Port of Velmar's" */
        if (!determiners_to(c, sp[i].end + 1, sp[i + 1].start) &&
            !possessive_name_before(c, sp[i].end + 1, sp[i + 1].start))
            continue;
        memcpy(cl[i].part_of, cl[i + 1].id, sizeof cl[i].part_of);
        for (size_t j = i + 2; j < n && j < i + 3; j++)
            if (cl[j].unit == FC_UNIT_PERCENT && cl[j].role == FC_ROLE_LEVEL && !cl[j].part_of[0] &&
                sp[j].start >= 2 && is_word(c, sp[j].start - 1, "or") &&
                is_punct(c, sp[j].start - 2, ","))
                memcpy(cl[j].part_of, cl[i + 1].id, sizeof cl[j].part_of);
    }
    /* "roughly 650 licensed beds, of which about 500 are staffed"; "a workforce of
     * about 7,900 includes 5,600 full-time employees and 1,100 physicians": parts
     * of the figure just before, in one clause. */
    for (size_t i = 1; i < n; i++) {
        size_t s = sp[i].start, w = i - 1;
        /* "held 4,930 people in five detention facilities, including 1,874 at
         * ...": a count in a phrase of where is not the whole, the one before */
        if (w > 0 && sp[w].start > c->sent.from &&
            (is_word(c, sp[w].start - 1, "in") || is_word(c, sp[w].start - 1, "at") ||
             is_word(c, sp[w].start - 1, "across")) &&
            sp[w].start <= sp[w - 1].end + 3 && cl[w - 1].unit == cl[i].unit &&
            (is_word(c, s - 1, "including") || is_word(c, s - 1, "includes")))
            w--;
        if (cl[i].role != FC_ROLE_LEVEL || cl[i].part_of[0] || cl[i].value <= 0 || cl[i].per ||
            cl[i].unit == FC_UNIT_PERCENT || cl[w].role != FC_ROLE_LEVEL ||
            cl[w].unit != cl[i].unit || cl[w].value <= 0 || cl[w].per || s < sp[w].end + 1 ||
            s > sp[w].end + 8)
            continue;
        bool of_which = s >= sp[w].end + 2 && is_word(c, s - 2, "of") &&
                        (is_word(c, s - 1, "which") || is_word(c, s - 1, "whom"));
        bool includes = is_word(c, s - 1, "includes") || is_word(c, s - 1, "include") ||
                        is_word(c, s - 1, "included") || is_word(c, s - 1, "including");
        for (size_t t = sp[w].end; (of_which || includes) && t + 1 < s; t++)
            if (is_punct(c, t, ";") || is_punct(c, t, ":") || is_punct(c, t, "."))
                of_which = includes = false;
        if (!of_which && !includes)
            continue;
        memcpy(cl[i].part_of, cl[w].id, sizeof cl[i].part_of);
        /* "... and 1,100 affiliated physicians": the next of the list too */
        if (i + 1 < n && cl[i + 1].role == FC_ROLE_LEVEL && cl[i + 1].unit == cl[i].unit &&
            !cl[i + 1].part_of[0] && cl[i + 1].value > 0 && sp[i + 1].start >= 1 &&
            is_word(c, sp[i + 1].start - 1, "and") && sp[i + 1].start <= sp[i].end + 5)
            memcpy(cl[i + 1].part_of, cl[w].id, sizeof cl[i + 1].part_of);
    }
    /* "a goal of lending $4 million to 80 businesses": a figure joined to a
     * target's by "to", "for" or "and" in its phrase is part of the target */
    for (size_t i = 1; i < n; i++)
        if (cl[i - 1].modality == FC_MOD_TARGET && cl[i].modality == FC_MOD_ACTUAL &&
            cl[i].role == FC_ROLE_LEVEL && sp[i].start == sp[i - 1].end + 1 &&
            (is_word(c, sp[i - 1].end, "to") || is_word(c, sp[i - 1].end, "for") ||
             is_word(c, sp[i - 1].end, "and")))
            cl[i].modality = FC_MOD_TARGET;
    /* "the field has nearly tripled since 2021, when 3,120 runners signed up":
     * the earlier level of a stated multiple, told after "since ..., when" */
    for (size_t i = 0; i < n; i++) {
        if (cl[i].role != FC_ROLE_CHANGE || cl[i].unit != FC_UNIT_RATIO || !isfinite(cl[i].to) ||
            isfinite(cl[i].from))
            continue;
        size_t since = sp[i].end;
        while (since < c->sent.to && since < sp[i].end + 3 && !is_word(c, since, "since"))
            since++;
        if (since >= c->sent.to || !is_word(c, since, "since"))
            continue;
        for (size_t j = i + 1; j < n; j++) {
            if (sp[j].start <= since || sp[j].start > since + 8)
                break;
            size_t w = sp[j].start;
            bool when = (w > since && is_word(c, w - 1, "when")) ||
                        (w > since + 1 && is_word(c, w - 2, "when"));
            /* (a rise from a smaller figure: "first run in 1985, when 2,140
             * finished, and ... more than doubled since 2010, when 8,950 ..."
             * gives no level the 8,950 rose to) */
            if (when && cl[j].role == FC_ROLE_LEVEL && cl[j].value > 0 &&
                (cl[j].unit == FC_UNIT_COUNT || cl[j].unit == FC_UNIT_CURRENCY) &&
                (cl[i].value > 1 ? cl[j].value < cl[i].to : cl[j].value > cl[i].to)) {
                cl[i].from = cl[j].value;
                break;
            }
        }
    }
    /* Parts and wholes. */
    size_t whole = (size_t)-1, parts_from = n;
    /* "Of the 40 arrested", "Among them", "Out of 75 inspections" */
    bool out_of = is_word(c, c->sent.from, "out") && is_word(c, c->sent.from + 1, "of");
    bool opening = is_word(c, c->sent.from, "of") || is_word(c, c->sent.from, "among") || out_of;
    if (opening && n > 0) {
        size_t k = c->sent.from + 1 + out_of;
        /* "Of the", "Among last spring's", "Of this year's" */
        while (k < sp[0].start && k < c->sent.from + 5 &&
               (is_determiner(c, k) || is_word(c, k, "last") || is_word(c, k, "this") ||
                is_word(c, k, "past") ||
                (tok(c, k)->kind == FC_TOK_WORD && tok(c, k)->end - tok(c, k)->start > 2 &&
                 fc_ieq(c->text + tok(c, k)->end - 2, "'s", 2))))
            k++;
        if (k == sp[0].start && cl[0].role == FC_ROLE_LEVEL &&
            (cl[0].unit == FC_UNIT_COUNT || cl[0].unit == FC_UNIT_CURRENCY ||
             (cl[0].unit == FC_UNIT_OTHER && cl[0].unit_name[0])) &&
            cl[0].value > 0) {
            whole = 0; /* "Of the 40 arrested, ...", "Of the 86 kilometres of lanes, ..." */
            parts_from = 1;
            size_t t = sp[0].end;
            while (t < c->sent.to && !is_punct(c, t, ","))
                t++;
            if (t >= c->sent.to)
                parts_from = n; /* no comma: "Of the 40 arrested 12 ..." is not read */
            /* (the parts come after the comma: "Of the 850 visitors interviewed
             * at 12 parks, 62% said ...") */
            while (parts_from < n && sp[parts_from].start < t)
                parts_from++;
        } else if (k > c->sent.from + 1 &&
                   (is_word(c, k - 1, "those") || is_word(c, k - 1, "them") ||
                    is_word(c, k - 1, "these")) &&
                   comma_before(c, k, sp[0].start)) {
            /* "Of those, 316 flew home": a count before this sentence, the one
             * whose event the words name ("Of those taken into custody"). */
            const char *event = NULL;
            for (size_t t = k; t < sp[0].start && !event; t++)
                event = fc_key_event_at(c, t);
            /* ("Of those subscribers, 1,650 ...": the count of subscribers, not
             * the target after it) */
            const fc_claim *w = event || tok(c, k)->kind != FC_TOK_WORD
                                    ? NULL
                                    : whole_by_noun(c, first, tok(c, k)->start,
                                                    tok(c, k)->end - tok(c, k)->start);
            if (!w && !event)
                w = whole_by_verb(c, first, k, sp[0].start);
            if (!w)
                w = find_whole(c, first, c->sentence, event, false);
            /* (never a count of another stated time: "That was the most since
             * 2019, when the board granted 38. Of those released last year, 61
             * were 70 or older") */
            for (size_t i = 0; w && i < n; i++)
                if (cl[i].unit == FC_UNIT_COUNT && cl[i].role == FC_ROLE_LEVEL && !cl[i].part_of[0] &&
                    !(w->period && cl[i].period && strcmp(w->period, cl[i].period) != 0))
                    memcpy(cl[i].part_of, w->id, sizeof cl[i].part_of);
        }
    }
    bool days_whole = false; /* the whole is a number of days, its parts counts */
    if (whole == (size_t)-1) { /* "520 homes: 310 destroyed and 260 damaged" */
        for (size_t i = 0; i + 1 < n && whole == (size_t)-1; i++) {
            /* "logged 122 days of readings: 58 good, 41 moderate ...": days
             * counted, the object of a verb and followed by "of", not a stretch
             * of time ("over the past 90 days: 40 burglaries ...") */
            if (cl[i].unit == FC_UNIT_DURATION && cl[i].role == FC_ROLE_LEVEL &&
                cl[i].qualifier == FC_QUAL_EXACT && cl[i].value >= 2 &&
                cl[i].value == floor(cl[i].value) && is_word(c, sp[i].end, "of") &&
                sp[i].start > c->sent.from && tok(c, sp[i].start - 1)->kind == FC_TOK_WORD &&
                !is_determiner(c, sp[i].start - 1) && !is_time_preposition(c, sp[i].start - 1)) {
                size_t j = i + 1;
                while (j + 1 < n && cl[j].unit == FC_UNIT_DURATION)
                    j++;
                size_t counts = 0;
                bool fits = true;
                for (size_t q = j; q < n; q++)
                    if (cl[q].unit == FC_UNIT_COUNT && cl[q].role == FC_ROLE_LEVEL) {
                        counts++;
                        fits = fits && cl[q].value <= cl[i].value && cl[q].value == floor(cl[q].value);
                    }
                for (size_t t = sp[i].end; fits && counts >= 2 && t < sp[j].start; t++)
                    if (is_punct(c, t, ":")) {
                        whole = i;
                        parts_from = j;
                        days_whole = true;
                        break;
                    }
                if (whole != (size_t)-1)
                    break;
            }
            /* a count of a whole is whole: "(fire levy renewal, 1.5 mills): For,
             * 2,204" labels a ballot line, no whole of its votes */
            /* (an amount in a unit too: "18,400 tons of material: 9,100 tons of
             * paper, ...") */
            /* (a count lost is a whole of its causes too: "lost 3,400 colonies
             * last winter: 1,900 to mites, ...") */
            bool lost = cl[i].role == FC_ROLE_CHANGE && cl[i].unit == FC_UNIT_COUNT &&
                        isnan(cl[i].from) && isnan(cl[i].to);
            if ((cl[i].role != FC_ROLE_LEVEL && !lost) || cl[i].value <= 0 ||
                (cl[i].unit != FC_UNIT_COUNT && cl[i].unit != FC_UNIT_CURRENCY &&
                 !(cl[i].unit == FC_UNIT_OTHER && cl[i].unit_name[0])) ||
                (cl[i].unit == FC_UNIT_COUNT && cl[i].value != floor(cl[i].value)))
                continue;
            /* (past a length of time in the whole's words: "summoned 2,400
             * residents in the first three months of the year: 1,310 served") */
            size_t j = i + 1;
            while (j + 1 < n && cl[j].unit == FC_UNIT_DURATION)
                j++;
            for (size_t t = sp[i].end; t < sp[j].start && !is_punct(c, t, ")"); t++)
                if (is_punct(c, t, ":")) {
                    whole = i;
                    parts_from = j;
                    break;
                }
        }
    }
    /* "the layoffs will come in two rounds: 410 in June and the remaining 230":
     * a small whole that counts the parts listed is how many they are, not
     * their sum */
    if (whole != (size_t)-1 && cl[whole].value <= 12) {
        size_t listed = 0;
        for (size_t i = parts_from; i < n; i++)
            listed += cl[i].unit == cl[whole].unit && cl[i].role == FC_ROLE_LEVEL &&
                      !cl[i].part_of[0] && !cl[i].per && cl[i].value > 0;
        if ((double)listed == cl[whole].value && cl[whole].value >= 2)
            whole = (size_t)-1;
    }
    for (size_t i = parts_from; whole != (size_t)-1 && i < n; i++) {
        /* "Of the 86 shootings, 49 happened in two neighbourhoods, which hold
         * about 18% of the city's 142,000 residents": a relative clause speaks of
         * something else */
        /* (nor past a semicolon: "... and 73 are still enrolled; the 412
         * graduates make up 67% of the 615 participants") */
        bool relative = false;
        for (size_t t = sp[parts_from].start; t < sp[i].start && !relative; t++)
            relative = is_word(c, t, "which") || is_word(c, t, "who") || is_word(c, t, "whose") ||
                       is_word(c, t, "where") || is_punct(c, t, ";") ||
                       /* ("the May 27 windstorm that knocked out power to 3,000
                        * homes": "that" after a noun, not after "said") */
                       (is_word(c, t, "that") && t > c->sent.from &&
                        tok(c, t - 1)->kind == FC_TOK_WORD && !is_word(c, t - 1, "said") &&
                        !is_word(c, t - 1, "says") && !is_word(c, t - 1, "reported") &&
                        !is_word(c, t - 1, "found") && !is_word(c, t - 1, "shows") &&
                        !is_word(c, t - 1, "showed") && !is_word(c, t - 1, "estimated") &&
                        !is_word(c, t - 1, "noted") && !is_word(c, t - 1, "added") &&
                        !is_word(c, t - 1, "believe") && !is_word(c, t - 1, "believed")) ||
                       /* "..., 61% gave that answer, up from 44% in the 2023
                        * survey of 510 nurses": an earlier time's figures */
                       (is_word(c, t, "from") && t > c->sent.from &&
                        (is_word(c, t - 1, "up") || is_word(c, t - 1, "down"))) ||
                       is_word(c, t, "compared");
        if (relative)
            break;
        if ((cl[i].unit == cl[whole].unit || (days_whole && cl[i].unit == FC_UNIT_COUNT)) &&
            cl[i].role == FC_ROLE_LEVEL && !cl[i].part_of[0] &&
            !cl[i].per && cl[i].value > 0 && !per_item(c, sp[i].end) &&
            (cl[i].unit != FC_UNIT_OTHER || strcmp(cl[i].unit_name, cl[whole].unit_name) == 0)) {
            memcpy(cl[i].part_of, cl[whole].id, sizeof cl[i].part_of);
            /* "Of the 212 animals, 97, or 58%, were cats": the share the part makes */
            if (i + 1 < n && cl[i + 1].unit == FC_UNIT_PERCENT &&
                cl[i + 1].role == FC_ROLE_LEVEL && !cl[i + 1].part_of[0] &&
                sp[i + 1].start >= sp[i].end + 2 && sp[i + 1].start == sp[i].end + 2 &&
                is_word(c, sp[i + 1].start - 1, "or") && is_punct(c, sp[i + 1].start - 2, ","))
                memcpy(cl[i + 1].part_of, cl[whole].id, sizeof cl[i + 1].part_of);
        }
    }
}

