/* keep.c - a document kept for its claims: the stretches of text around them,
 * the words of its body and the cues of its whole text, so the text itself can
 * be let go once its claims are extracted (fc_doc_keep), and a document read
 * back from a claims file (fc_doc_kept_new) answers the checks exactly as the
 * whole one did.
 *
 * What the checks read beyond a claim's own words: its sentence; up to 128 bytes
 * before and after it (the cue words of a poll sample, a margin of error, "over
 * the first 100 days", the word after a share); for a duration, 600 bytes
 * either way (its line names the event it is counted from). Each stretch is widened
 * to white space at both ends, and stretches less than GAP_MAX bytes apart are
 * joined (the words between two shares of one list).
 */
#include <ctype.h>
#include <stdint.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "factcheck/doc.h"
#include "claim_internal.h"
#include "keep.h"
#include "util.h"

#define AROUND 128
#define LINE_MAX_SPAN 600
#define GAP_MAX 256
#define LABEL_SEP '\x1f'

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

static char lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

const char *fc_doc_bytes(const fc_doc *d, size_t from, size_t to)
{
    if (!d || from > to || to > d->len)
        return NULL;
    if (d->text)
        return d->text + from;
    size_t lo = 0, hi = d->nspans; /* the last span starting at or before from */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->spans[mid].start <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const fc_doc_span *s = &d->spans[lo - 1];
    return to <= s->start + s->len ? s->text + (from - s->start) : NULL;
}

/* ---- cues ------------------------------------------------------------------------ */

/* A byte of a cue phrase as a small number: a letter in either case 0 to 25,
 * "-" 26, anything else CUE_OTHER. */
#define CUE_OTHER 27
static unsigned cue_letter(char ch)
{
    if (ch >= 'a' && ch <= 'z')
        return (unsigned)(ch - 'a');
    if (ch >= 'A' && ch <= 'Z')
        return (unsigned)(ch - 'A');
    return ch == '-' ? 26 : CUE_OTHER;
}

/* The cues a document's text gives, found in one pass over it: at each byte
 * that starts a cue phrase (in either case), the phrases of that letter. */
unsigned fc_doc_cues(const fc_doc *d)
{
    static const struct {
        const char *words;
        unsigned cue;
    } phrases[] = {
        {"opt-in", FC_CUE_OPT_IN},
        {"opt in panel", FC_CUE_OPT_IN},
        {"online panel", FC_CUE_OPT_IN},
        {"nonprobability", FC_CUE_OPT_IN},
        {"non-probability", FC_CUE_OPT_IN},
        {"self-selected", FC_CUE_OPT_IN},
        {"volunteer panel", FC_CUE_OPT_IN},
        {"same respondents", FC_CUE_PANEL},
        {"same people were", FC_CUE_PANEL},
        {"re-interviewed", FC_CUE_PANEL},
        {"reinterviewed", FC_CUE_PANEL},
        {"recontacted", FC_CUE_PANEL},
        {"panel of the same", FC_CUE_PANEL},
        {"weighted", FC_CUE_WEIGHTED},
        {"weighting", FC_CUE_WEIGHTED},
    };
    enum { NPHRASES = sizeof phrases / sizeof *phrases };
    if (!d)
        return 0;
    if (!d->text)
        return d->cues;
    /* The phrases by their first two bytes (cue_letter): most bytes start
     * none, and a pair starts one or two. */
    _Static_assert(NPHRASES <= 16, "a pair's phrases fit a 16-bit set");
    uint16_t pair[28][28] = {{0}};
    size_t len[NPHRASES];
    unsigned all = 0;
    for (size_t k = 0; k < NPHRASES; k++) {
        pair[cue_letter(phrases[k].words[0])][cue_letter(phrases[k].words[1])] |=
            (uint16_t)(1u << k);
        len[k] = strlen(phrases[k].words);
        all |= phrases[k].cue;
    }
    unsigned cues = 0;
    const char *t = d->text;
    for (size_t i = d->body; i + 1 < d->len && cues != all; i++) {
        unsigned a = cue_letter(t[i]);
        if (a == CUE_OTHER)
            continue;
        for (unsigned m = pair[a][cue_letter(t[i + 1])]; m; m &= m - 1) {
            unsigned k = (unsigned)__builtin_ctz(m);
            if (!(cues & phrases[k].cue) && i + len[k] <= d->len &&
                strncasecmp(t + i, phrases[k].words, len[k]) == 0)
                cues |= phrases[k].cue;
        }
    }
    return cues;
}

/* ---- words ------------------------------------------------------------------------- */

/* isalnum in the C locale, without a call. */
static bool alnum(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool word_start(const fc_doc *d, size_t i)
{
    return !(i > 0 && alnum(d->text[i - 1])) && !is_space(d->text[i]);
}

static bool mentions_text(const fc_doc *d, const char *w, size_t n, const char *rest, size_t m)
{
    for (size_t i = d->body; i + n <= d->len; i++) {
        if ((i > 0 && isalnum((unsigned char)d->text[i - 1])) || !fc_ieq(d->text + i, w, n))
            continue;
        if (!rest)
            return true;
        size_t j = i + n;
        while (j < d->len && (d->text[j] == ' ' || d->text[j] == '-'))
            j++;
        if (j > i + n && j + m <= d->len && fc_ieq(d->text + j, rest, m) &&
            !(j + m < d->len && isalnum((unsigned char)d->text[j + m])))
            return true;
    }
    return false;
}

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The first word not less than key (binary search). */
static size_t lower_bound(char *const *words, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(words[mid], key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool fc_doc_mentions(const fc_doc *d, const char *w, size_t n, const char *rest, size_t m)
{
    if (d->text)
        return mentions_text(d, w, n, rest, m);
    char stack[128], *key = n + m + 2 <= sizeof stack ? stack : malloc(n + m + 2);
    if (!key)
        return true; /* out of memory: do not hold it against the pair */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        key[k++] = lower(w[i]);
    if (rest) {
        key[k++] = LABEL_SEP;
        for (size_t i = 0; i < m; i++)
            key[k++] = lower(rest[i]);
    }
    key[k] = '\0';
    bool yes = false;
    /* A word in a kept stretch; the label forms are all in the words. */
    for (size_t s = 0; !rest && !yes && s < d->nspans; s++) {
        const fc_doc_span *sp = &d->spans[s];
        for (size_t i = 0; !yes && i + n <= sp->len; i++)
            yes = (n == 0 || lower(sp->text[i]) == key[0]) && (i == 0 || !alnum(sp->text[i - 1])) &&
                  fc_ieq(sp->text + i, w, n);
    }
    for (size_t i = lower_bound(d->words, d->nwords, key);
         !yes && i < d->nwords && strncmp(d->words[i], key, k) == 0; i++)
        yes = !rest || !isalnum((unsigned char)d->words[i][k]);
    if (key != stack)
        free(key);
    return yes;
}

/* ---- keeping a document ------------------------------------------------------------ */

typedef struct range {
    size_t lo, hi;
} range;

static int by_lo(const void *a, const void *b)
{
    const range *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* The stretch of text claim c's checks read. */
static range around(const fc_doc *d, const fc_claim *c)
{
    size_t lo = c->sentence_start < c->start ? c->sentence_start : c->start;
    size_t hi = c->sentence_end > c->end ? c->sentence_end : c->end;
    lo = lo > d->body + AROUND ? lo - AROUND : d->body;
    hi = hi + AROUND < d->len ? hi + AROUND : d->len;
    if (c->unit == FC_UNIT_DURATION) {
        size_t a = c->start > d->body + LINE_MAX_SPAN ? c->start - LINE_MAX_SPAN : d->body;
        size_t b = c->end + LINE_MAX_SPAN < d->len ? c->end + LINE_MAX_SPAN : d->len;
        lo = a < lo ? a : lo;
        hi = b > hi ? b : hi;
    }
    while (lo > d->body && !is_space(d->text[lo - 1]))
        lo--;
    while (hi < d->len && !is_space(d->text[hi]))
        hi++;
    return (range){lo, hi};
}

/* Adds the words starting at i (and the label forms, "ward\x1f3") to the list. */
typedef struct wordlist {
    char **items; /* offsets into buf until the end */
    size_t n, cap;
    fc_strbuf buf;  /* the distinct words, NUL-separated */
    size_t *slots;  /* a hash set of item indices + 1 (0: empty) */
    size_t nslots;
} wordlist;

static bool grow_slots(wordlist *l)
{
    size_t n = l->nslots ? 2 * l->nslots : 256;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < l->n; i++) {
        const char *w = l->buf.data + (size_t)(uintptr_t)l->items[i];
        size_t h = (size_t)fc_hash64(w, strlen(w), 0) & (n - 1);
        while (slots[h])
            h = (h + 1) & (n - 1);
        slots[h] = i + 1;
    }
    free(l->slots);
    l->slots = slots;
    l->nslots = n;
    return true;
}

/* Adds the word s[0..n) (with rest: "s\x1frest") lower-cased, once. */
static bool add_word(wordlist *l, const char *s, size_t n, const char *rest, size_t m)
{
    size_t at = l->buf.len;
    fc_sb_add(&l->buf, s, n);
    if (rest) {
        char sep = LABEL_SEP;
        fc_sb_add(&l->buf, &sep, 1);
        fc_sb_add(&l->buf, rest, m);
    }
    fc_sb_add(&l->buf, "", 1);
    if (l->buf.failed)
        return false;
    for (size_t i = at; i < l->buf.len; i++)
        l->buf.data[i] = lower(l->buf.data[i]);
    if (2 * (l->n + 1) > l->nslots && !grow_slots(l))
        return false;
    const char *w = l->buf.data + at;
    size_t len = l->buf.len - at - 1, h = (size_t)fc_hash64(w, len, 0) & (l->nslots - 1);
    for (; l->slots[h]; h = (h + 1) & (l->nslots - 1))
        if (strcmp(l->buf.data + (size_t)(uintptr_t)l->items[l->slots[h] - 1], w) == 0) {
            l->buf.len = at; /* seen: drop the copy */
            l->buf.data[at] = '\0';
            return true;
        }
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return false;
        l->items = items;
        l->cap = cap;
    }
    l->slots[h] = l->n + 1;
    l->items[l->n++] = (char *)(uintptr_t)at;
    return true;
}

static size_t chunk_end(const fc_doc *d, size_t i)
{
    while (i < d->len && !is_space(d->text[i]))
        i++;
    return i;
}

/* The words starting outside the kept stretches r[0..nr) (those inside are read
 * from the stretches: each starts after white space and ends at it, so no word
 * crosses its edge), and the label forms of all. */
static bool collect_words(const fc_doc *d, const range *r, size_t nr, wordlist *l)
{
    size_t k = 0;
    for (size_t c = d->body; c < d->len;) {
        if (is_space(d->text[c])) {
            c++;
            continue;
        }
        size_t e = chunk_end(d, c); /* the chunk of text up to white space */
        for (size_t i = c; i < e; i++) {
            if (!word_start(d, i))
                continue;
            while (k < nr && r[k].hi <= i)
                k++;
            bool kept = k < nr && r[k].lo <= i;
            if (!kept && !add_word(l, d->text + i, e - i, NULL, 0))
                return false;
            /* "Ward 3", "Ward-3": each start of the chunk before a space or
             * hyphen, with the chunk of digits after the spaces and hyphens. */
            for (size_t p = i + 1; p <= e && p - i <= 64; p++) {
                if (p == d->len || (d->text[p] != ' ' && d->text[p] != '-'))
                    continue;
                size_t j = p;
                while (j < d->len && (d->text[j] == ' ' || d->text[j] == '-'))
                    j++;
                if (j < d->len && isdigit((unsigned char)d->text[j]) &&
                    !add_word(l, d->text + i, p - i, d->text + j, chunk_end(d, j) - j))
                    return false;
            }
        }
        c = e;
    }
    return true;
}

fc_status fc_doc_keep(fc_doc *d, const fc_claim *claims, size_t n)
{
    if (!d->text)
        return FC_OK;
    range *r = malloc((n ? n : 1) * sizeof *r);
    wordlist words = {0};
    if (!r)
        return FC_ENOMEM;
    for (size_t i = 0; i < n; i++)
        r[i] = around(d, &claims[i]);
    qsort(r, n, sizeof *r, by_lo);
    size_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        if (nr && r[i].lo <= r[nr - 1].hi + GAP_MAX) {
            if (r[i].hi > r[nr - 1].hi)
                r[nr - 1].hi = r[i].hi;
        } else {
            r[nr++] = r[i];
        }
    }
    bool ok = collect_words(d, r, nr, &words);
    fc_strbuf kept = {0};
    size_t *span_at = malloc((nr ? nr : 1) * sizeof *span_at);
    fc_doc_span *spans = malloc((nr ? nr : 1) * sizeof *spans);
    ok = ok && span_at && spans;
    for (size_t i = 0; ok && i < nr; i++) {
        span_at[i] = kept.len;
        fc_sb_add(&kept, d->text + r[i].lo, r[i].hi - r[i].lo);
        fc_sb_add(&kept, "", 1);
    }
    size_t words_at = kept.len;
    if (ok && words.buf.len)
        fc_sb_add(&kept, words.buf.data, words.buf.len);
    ok = ok && !kept.failed;
    if (!ok) {
        free(r);
        free(span_at);
        free(spans);
        free(words.items);
        free(words.slots);
        fc_sb_free(&words.buf);
        fc_sb_free(&kept);
        return FC_ENOMEM;
    }
    unsigned cues = fc_doc_cues(d);
    if (!(d->kept = fc_sb_take(&kept))) {
        free(r);
        free(span_at);
        free(spans);
        free(words.items);
        free(words.slots);
        fc_sb_free(&words.buf);
        return FC_ENOMEM;
    }
    for (size_t i = 0; i < nr; i++) {
        spans[i] = (fc_doc_span){r[i].lo, r[i].hi - r[i].lo, d->kept + span_at[i], 0, 0};
        fc_doc_linecol(d, r[i].lo, &spans[i].line, &spans[i].col);
    }
    free(r);
    free(span_at);
    for (size_t i = 0; i < words.n; i++)
        words.items[i] = d->kept + words_at + (size_t)(uintptr_t)words.items[i];
    fc_sb_free(&words.buf);
    free(words.slots);
    if (words.n) /* none: items is NULL */
        qsort(words.items, words.n, sizeof *words.items, cmp_word);
    size_t nw = words.n;
    d->spans = spans;
    d->nspans = nr;
    d->words = words.items;
    d->nwords = nw;
    d->cues = cues;
    free(d->text);
    d->text = NULL;
    free(d->line_starts);
    d->line_starts = NULL;
    d->nlines = 0;
    return FC_OK;
}

fc_status fc_doc_kept_new(const char *path, size_t len, size_t body, const fc_doc_span *spans,
                          size_t nspans, const char *const *words, size_t nwords, unsigned cues,
                          fc_doc **out)
{
    fc_doc *d = calloc(1, sizeof *d);
    fc_strbuf kept = {0};
    if (!d)
        return FC_ENOMEM;
    d->len = len;
    d->body = body;
    d->cues = cues;
    d->path = fc_strdup(path);
    d->spans = malloc((nspans ? nspans : 1) * sizeof *d->spans);
    d->words = malloc((nwords ? nwords : 1) * sizeof *d->words);
    size_t *at = malloc((nspans + nwords + 1) * sizeof *at);
    for (size_t i = 0; i < nspans; i++) {
        at[i] = kept.len;
        fc_sb_add(&kept, spans[i].text, spans[i].len);
        fc_sb_add(&kept, "", 1);
    }
    for (size_t i = 0; at && i < nwords; i++) {
        at[nspans + i] = kept.len;
        fc_sb_puts(&kept, words[i]);
        fc_sb_add(&kept, "", 1);
    }
    if (!d->path || !d->spans || !d->words || !at || kept.failed) {
        free(at);
        fc_sb_free(&kept);
        fc_doc_free(d);
        return FC_ENOMEM;
    }
    d->kept = fc_sb_take(&kept);
    for (size_t i = 0; i < nspans; i++)
        d->spans[i] = (fc_doc_span){spans[i].start, spans[i].len, d->kept + at[i], spans[i].line,
                                    spans[i].col};
    for (size_t i = 0; i < nwords; i++)
        d->words[i] = d->kept + at[nspans + i];
    d->nspans = nspans;
    d->nwords = nwords;
    free(at);
    qsort(d->words, nwords, sizeof *d->words, cmp_word);
    *out = d;
    return FC_OK;
}

/* ---- the words a run asks about ---------------------------------------------------- */

/* The questions the checks put to fc_doc_mentions: group.c asks whether a
 * document has a word starting with a term of a claim's key (the text after
 * its kind, "p:granite_falls"), each word of a name ("granite", "falls"), or a
 * label with its number ("ward_3": "ward\x1f3"). A kept word answers only a
 * question that starts it, so the words no question starts can go. */
typedef struct asked {
    fc_strbuf buf;   /* the questions, lower case, NUL-separated */
    size_t *slots;   /* a hash set of offsets + 1 into buf (0: empty) */
    size_t nslots, n;
    bool len[65];    /* the lengths asked (len[64]: 64 bytes or more) */
} asked;

static bool asked_has(const asked *a, const char *s, size_t n)
{
    size_t h = (size_t)fc_hash64(s, n, 0) & (a->nslots - 1);
    for (; a->slots[h]; h = (h + 1) & (a->nslots - 1)) {
        const char *q = a->buf.data + a->slots[h] - 1;
        if (strncmp(q, s, n) == 0 && q[n] == '\0')
            return true;
    }
    return false;
}

static bool asked_grow(asked *a)
{
    size_t n = a->nslots ? 2 * a->nslots : 1024;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < a->nslots; i++)
        if (a->slots[i]) {
            const char *q = a->buf.data + a->slots[i] - 1;
            size_t h = (size_t)fc_hash64(q, strlen(q), 0) & (n - 1);
            while (slots[h])
                h = (h + 1) & (n - 1);
            slots[h] = a->slots[i];
        }
    free(a->slots);
    a->slots = slots;
    a->nslots = n;
    return true;
}

/* Adds the question w[0..n) (with rest: "w\x1frest"), lower-cased, once. */
static bool ask(asked *a, const char *w, size_t n, const char *rest, size_t m)
{
    size_t at = a->buf.len;
    for (size_t i = 0; i < n; i++) {
        char ch = lower(w[i]);
        fc_sb_add(&a->buf, &ch, 1);
    }
    if (rest) {
        char sep = LABEL_SEP;
        fc_sb_add(&a->buf, &sep, 1);
        for (size_t i = 0; i < m; i++) {
            char ch = lower(rest[i]);
            fc_sb_add(&a->buf, &ch, 1);
        }
    }
    fc_sb_add(&a->buf, "", 1);
    if (a->buf.failed || (2 * (a->n + 1) > a->nslots && !asked_grow(a)))
        return false;
    const char *q = a->buf.data + at;
    size_t len = a->buf.len - at - 1;
    if (asked_has(a, q, len)) {
        a->buf.len = at;
        return true;
    }
    size_t h = (size_t)fc_hash64(q, len, 0) & (a->nslots - 1);
    while (a->slots[h])
        h = (h + 1) & (a->nslots - 1);
    a->slots[h] = at + 1;
    a->n++;
    a->len[len < 64 ? len : 64] = true;
    return true;
}

/* The questions of one key ("t:worker p:granite_falls n:ward_3 ..."), as
 * group.c's mentions() puts them. */
static bool ask_key(asked *a, const char *key)
{
    for (const char *p = key; p && *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (e - p > 2 && p[1] == ':') {
            const char *w = p + 2;
            size_t len = (size_t)(e - w), n = 0;
            while (n < len && w[n] != '_')
                n++;
            if (n < len && n + 1 < len && isdigit((unsigned char)w[n + 1])) {
                if (!ask(a, w, n, w + n + 1, len - n - 1))
                    return false;
            } else {
                for (const char *s = w; s < e;) {
                    size_t k = 0;
                    while (s + k < e && s[k] != '_')
                        k++;
                    if (k && !ask(a, s, k, NULL, 0))
                        return false;
                    s += k + 1;
                }
            }
        }
        p = e;
    }
    return true;
}

/* Whether a question starts word w. */
static bool is_asked(const asked *a, const char *w)
{
    size_t n = strlen(w);
    for (size_t k = 1; k <= n; k++)
        if (a->len[k < 64 ? k : 64] && asked_has(a, w, k))
            return true;
    return false;
}

/* Keeps of d's words those a question starts, in a new block with its stretches. */
static fc_status keep_asked(fc_doc *d, const asked *a)
{
    size_t m = 0;
    for (size_t i = 0; i < d->nwords; i++)
        if (is_asked(a, d->words[i]))
            d->words[m++] = d->words[i];
    if (m == d->nwords)
        return FC_OK;
    fc_strbuf kept = {0};
    size_t *at = malloc((d->nspans + m + 1) * sizeof *at);
    for (size_t i = 0; at && i < d->nspans; i++) {
        at[i] = kept.len;
        fc_sb_add(&kept, d->spans[i].text, d->spans[i].len);
        fc_sb_add(&kept, "", 1);
    }
    for (size_t i = 0; at && i < m; i++) {
        at[d->nspans + i] = kept.len;
        fc_sb_puts(&kept, d->words[i]);
        fc_sb_add(&kept, "", 1);
    }
    char *block = at && !kept.failed ? fc_sb_take(&kept) : NULL;
    if (!block) {
        free(at);
        fc_sb_free(&kept);
        return FC_ENOMEM;
    }
    for (size_t i = 0; i < d->nspans; i++)
        d->spans[i].text = block + at[i];
    for (size_t i = 0; i < m; i++)
        d->words[i] = block + at[d->nspans + i];
    free(at);
    free(d->kept);
    d->kept = block;
    d->nwords = m;
    char **words = realloc(d->words, (m ? m : 1) * sizeof *words);
    if (words)
        d->words = words;
    return FC_OK;
}

fc_status fc_docs_keep_asked(fc_doc *const *docs, size_t ndocs, const fc_claims *claims)
{
    asked a = {0};
    bool ok = asked_grow(&a);
    for (size_t i = 0; ok && i < claims->n; i++)
        ok = ask_key(&a, claims->items[i].key);
    fc_status st = ok ? FC_OK : FC_ENOMEM;
    for (size_t i = 0; st == FC_OK && i < ndocs; i++)
        if (docs[i] && !docs[i]->text && docs[i]->kept)
            st = keep_asked(docs[i], &a);
    fc_sb_free(&a.buf);
    free(a.slots);
    return st;
}
