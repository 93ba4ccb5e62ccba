/* pattern.c - custom claim shapes with PCRE2 (see pattern.h). PCRE2 is the
 * well-kept regex library Debian ships.
 *
 * PCRE2's match limit holds for one start position, and the extractor calls the
 * matcher once per match: neither bounds what a bad expression costs on a whole
 * document ("(?<value>\d)(?:.*z|)" backtracks over the rest of the block at each
 * digit, quadratic in the block). So every pattern is compiled with automatic
 * callouts, PCRE2 calls count_step before each item it tries, and the steps are
 * counted per document: a document may cost all its patterns together at most
 * FC_REGEX_BASE_STEPS plus FC_REGEX_STEPS_PER_BYTE for each byte matched over.
 * When that is spent, every pattern stops for the rest of the document. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <pcre2.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* Immutable once compiled, so one compiled pattern serves any number of threads;
 * match data is per call. */
struct fc_regex {
    pcre2_code *code;     /* for text known to be valid UTF-8: no check per call */
    pcre2_code *any_code; /* for other text (PCRE2_MATCH_INVALID_UTF) */
    pcre2_match_context *mctx;
    uint32_t value_group; /* the group holding the number */
    uint64_t set;         /* the patterns compiled together (one rule set) */
    size_t index;         /* this one's place among them */
};

/* The document being matched on this thread, and what it has cost so far. The
 * extractor reads a document's blocks in order and, in each block, runs the
 * patterns of one set in their order, each from the block's start onwards and
 * each call after the last match: so within a document the calls come in
 * order of (block end, pattern, start), and a new block starts at pattern 0
 * where the last one ended. A call out of that order, on other text or from
 * another set, begins a new document. */
typedef struct pass {
    const char *text;
    uint64_t set;
    size_t to, index, from;      /* the last call */
    size_t start;                /* where the document's first call started */
    uint64_t steps;              /* counted by count_step */
    uint64_t allowed;            /* steps the document may cost up to its current block */
    size_t checked;              /* text[0, checked) is valid UTF-8... */
    bool invalid;                /* ...unless this: an invalid sequence was found */
    bool spent;                  /* the budget ran out: no more matching on this text */
} pass;

static _Thread_local pass cur;

static _Atomic uint64_t sets; /* the last set number given */

static int count_step(pcre2_callout_block *cb, void *data)
{
    (void)cb;
    (void)data;
    return ++cur.steps > cur.allowed ? PCRE2_ERROR_CALLOUT : 0;
}

/* ---- the value group: can it hold a digit? -------------------------------- */

/* The number of a match is read from the digits of its value group (ASCII or
 * fullwidth, lex.c); a group that can match no digit ("(?<value>[a-z]+)" for a
 * number in words) would give 0 every time. These read the expression's text
 * to tell: conservatively, so that anything not understood counts as a
 * possible digit and only a group that surely holds none is refused. */

static bool digit_at(const unsigned char *s)
{
    return (*s >= '0' && *s <= '9') || (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99);
}

/* An escape \c outside a class: whether it may match a digit. Assertions,
 * classes of non-digits, control characters and escaped punctuation cannot;
 * digit classes, back references, subroutines, properties and code points
 * may. */
static bool escape_may_digit(unsigned char c)
{
    if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return false; /* "\.", "\(", "\$", "\ " */
    return !strchr("DWshvRbBAzZGKtnrfeaE", c) || !c;
}

/* The end of a "\Q...\E" literal starting at s (after "\Q"), and whether it
 * holds a digit. */
static const char *skip_quoted(const char *s, bool *digit)
{
    for (; *s && !(s[0] == '\\' && s[1] == 'E'); s++)
        if (digit_at((const unsigned char *)s))
            *digit = true;
    return *s ? s + 2 : s;
}

/* A character class starting after its "[": the text after its "]", and
 * whether it may match a digit. */
static const char *skip_class(const char *s, bool *digit)
{
    static const char *const no_digit[] = {"alpha", "lower", "upper", "space", "blank", "punct",
                                           "cntrl"};
    if (*s == '^') { /* a negated class may match a digit */
        *digit = true;
        s++;
    }
    int prev = -1; /* the last literal, for a range */
    for (bool first = true; *s && (first || *s != ']'); first = false) {
        const unsigned char *u = (const unsigned char *)s;
        if (s[0] == '[' && s[1] == ':') { /* [:alpha:] */
            const char *end = strstr(s + 2, ":]");
            if (!end)
                return s + strlen(s);
            bool known = false;
            for (size_t i = 0; i < sizeof no_digit / sizeof *no_digit; i++)
                known |= (size_t)(end - s - 2) == strlen(no_digit[i]) &&
                         strncmp(s + 2, no_digit[i], strlen(no_digit[i])) == 0;
            *digit |= !known;
            s = end + 2;
            prev = -1;
        } else if (s[0] == '\\' && s[1] == 'Q') {
            s = skip_quoted(s + 2, digit);
            prev = -1;
        } else if (s[0] == '\\' && s[1]) {
            unsigned char c = (unsigned char)s[1];
            /* in a class \b is a backspace; \D, \W, \s, \h, \v, \R-like letters match no digit */
            *digit |= c == 'b' ? false : escape_may_digit(c);
            prev = c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                 (c >= '0' && c <= '9'))
                       ? c
                       : -1;
            s += 2;
        } else if (s[0] == '-' && prev >= 0 && s[1] && s[1] != ']') {
            int hi = (unsigned char)s[1];
            if (s[1] == '\\' || s[1] == '[')
                *digit = true; /* a range to an escape or a class: not read further */
            else if (prev <= '9' && hi >= '0')
                *digit = true;
            s += 2;
            prev = -1;
        } else {
            *digit |= digit_at(u);
            prev = *u;
            s++;
        }
    }
    return *s ? s + 1 : s;
}

/* A quantifier "{2}", "{2,}", "{2,5}", "{,5}" at s: the text after it, or s. */
static const char *skip_quantifier(const char *s)
{
    const char *p = s + 1;
    bool num = false;
    while ((*p >= '0' && *p <= '9') || *p == ',' || *p == ' ')
        num |= *p++ != ',';
    return *p == '}' && num ? p + 1 : s;
}

/* Reads a group's body from s to its ")" (or the end): whether any of it may
 * match a digit. Nested groups are read as part of it; comments, verbs,
 * quantifiers and group names are skipped. */
static bool body_may_digit(const char *s)
{
    bool digit = false;
    int depth = 0;
    while (*s && !digit) {
        if (s[0] == '\\' && s[1] == 'Q') {
            s = skip_quoted(s + 2, &digit);
        } else if (s[0] == '\\' && s[1]) {
            digit = escape_may_digit((unsigned char)s[1]);
            s += 2;
        } else if (*s == '[') {
            s = skip_class(s + 1, &digit);
        } else if (*s == '{') {
            const char *q = skip_quantifier(s);
            s = q > s ? q : s + 1;
        } else if (*s == '.') {
            digit = true;
        } else if (*s == ')') {
            if (depth-- == 0)
                break;
            s++;
        } else if (s[0] == '(' && (s[1] == '*' || (s[1] == '?' && s[2] == '#'))) {
            while (*s && *s != ')') /* a comment or a verb */
                s++;
            s += *s == ')';
        } else if (s[0] == '(' && s[1] == '?') {
            /* (?R), (?1), (?-1), (?&name), (?P>name), conditions: may be anything */
            const char *p = s + 2;
            if (*p == 'R' || *p == '&' || *p == '(' || *p == '+' || *p == '-' ||
                (*p >= '0' && *p <= '9') || (p[0] == 'P' && p[1] == '>'))
                digit = true;
            if (p[0] == 'P' && p[1] == '<')
                p++;
            if ((p[0] == '<' && p[1] != '=' && p[1] != '!') || p[0] == '\'') {
                char close = *p == '<' ? '>' : '\'';
                while (*p && *++p != close) /* a group name: not matched text */
                    ;
                p += *p != '\0';
            }
            depth++;
            s = p;
        } else {
            if (*s == '(')
                depth++;
            else
                digit = digit_at((const unsigned char *)s);
            s++;
        }
    }
    return digit;
}

/* Where the group named value opens in regex ("(?<value>", "(?P<value>",
 * "(?'value'"), skipping escapes, quoted text and classes; NULL when none.
 * *body is set to the text after its name. */
static const char *value_group(const char *regex, const char **body)
{
    static const char *const openers[] = {"(?<value>", "(?P<value>", "(?'value'"};
    for (const char *s = regex; *s;) {
        bool ignored = false;
        if (s[0] == '\\' && s[1] == 'Q') {
            s = skip_quoted(s + 2, &ignored);
            continue;
        }
        if (s[0] == '\\' && s[1]) {
            s += 2;
            continue;
        }
        if (*s == '[') {
            s = skip_class(s + 1, &ignored);
            continue;
        }
        for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
            if (strncmp(s, openers[i], strlen(openers[i])) == 0) {
                *body = s + strlen(openers[i]);
                return s;
            }
        s++;
    }
    return NULL;
}

fc_regex *fc_regex_compile(const char *regex, const fc_regex *first, size_t index, char *msg,
                           size_t n, size_t *offset)
{
    int err;
    PCRE2_SIZE erroff;
    uint32_t opts = PCRE2_UTF | PCRE2_CASELESS | PCRE2_AUTO_CALLOUT;
    pcre2_code *any_code = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED,
                                         opts | PCRE2_MATCH_INVALID_UTF, &err, &erroff, NULL);
    pcre2_code *code =
        any_code ? pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED, opts, &err, &erroff, NULL)
                 : NULL;
    if (!code) {
        pcre2_code_free(any_code);
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        snprintf(msg, n, "%s", (const char *)buf);
        *offset = erroff;
        return NULL;
    }
    uint32_t groups = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    int named = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "value");
    const char *body = NULL, *open = value_group(regex, &body);
    if (groups == 0 || named <= 0 || (open && !body_may_digit(body))) {
        pcre2_code_free(code);
        pcre2_code_free(any_code);
        if (named <= 0) {
            snprintf(msg, n, "needs one group named \"value\" for the number: (?<value>...)");
            *offset = 0;
        } else {
            snprintf(msg, n,
                     "the group \"value\" can match no digit: the number is read from its "
                     "digits, so a number in words would read as 0");
            *offset = (size_t)(open - regex);
        }
        return NULL;
    }
    fc_regex *re = calloc(1, sizeof *re);
    if (!re || !(re->mctx = pcre2_match_context_create(NULL))) {
        free(re);
        pcre2_code_free(code);
        pcre2_code_free(any_code);
        snprintf(msg, n, "out of memory");
        *offset = 0;
        return NULL;
    }
    pcre2_set_match_limit(re->mctx, 100000);
    pcre2_set_depth_limit(re->mctx, 1000);
    pcre2_set_callout(re->mctx, count_step, NULL);
    re->code = code;
    re->any_code = any_code;
    re->set = first ? first->set : atomic_fetch_add(&sets, 1) + 1;
    re->index = first ? index : 0;
    re->value_group = (uint32_t)named;
    return re;
}

void fc_regex_free(fc_regex *re)
{
    if (!re)
        return;
    pcre2_match_context_free(re->mctx);
    pcre2_code_free(re->code);
    pcre2_code_free(re->any_code);
    free(re);
}

/* Points cur at the document of a call of re on text[from, to). */
static void follow_pass(const fc_regex *re, const char *text, size_t from, size_t to)
{
    bool same = cur.text == text && cur.set == re->set &&
                ((to == cur.to && (re->index > cur.index || (re->index == cur.index && from > cur.from))) ||
                 (to > cur.to && from >= cur.to && re->index == 0));
    if (!same)
        cur = (pass){.text = text, .set = re->set, .start = from};
    cur.to = to;
    cur.index = re->index;
    cur.from = from;
    uint64_t bytes = to > cur.start ? to - cur.start : 0;
    cur.allowed = FC_REGEX_BASE_STEPS + FC_REGEX_STEPS_PER_BYTE * bytes;
    /* PCRE2 checks the UTF-8 of the whole subject at every call unless told it
     * is valid, which made a block with a match at every byte quadratic: the
     * text is checked here once, as far as the blocks reach. */
    const unsigned char *u = (const unsigned char *)text;
    while (!cur.invalid && cur.checked < to) {
        size_t len = u[cur.checked] < 0x80 ? 1 : fc_utf8_len(u + cur.checked, to - cur.checked);
        if (len == 0)
            cur.invalid = true;
        cur.checked += len;
    }
}

bool fc_regex_spent(const char *text)
{
    return cur.text == text && cur.spent;
}

bool fc_regex_next(const fc_regex *re, const char *text, size_t from, size_t to, fc_regex_match *m)
{
    follow_pass(re, text, from, to);
    if (cur.spent)
        return false;
    /* Matching text[0, to) from offset `from` keeps lookbehinds and \b right at
     * the block's start. Text that is not valid UTF-8 is checked by PCRE2 at
     * each call (as far as the block's end): that is counted as steps too. */
    const pcre2_code *code = cur.invalid ? re->any_code : re->code;
    if (cur.invalid && (cur.steps += (to - from) / 16) > cur.allowed) {
        cur.spent = true;
        return false;
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
    if (!md)
        return false;
    int rc = pcre2_match(code, (PCRE2_SPTR)text, to, from, cur.invalid ? 0 : PCRE2_NO_UTF_CHECK,
                         md, re->mctx);
    if (rc == PCRE2_ERROR_CALLOUT)
        cur.spent = true;
    bool ok = false;
    if (rc > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        m->start = ov[0];
        m->end = ov[1];
        m->num_start = ov[2 * re->value_group];
        m->num_end = ov[2 * re->value_group + 1];
        ok = m->num_start != PCRE2_UNSET && m->end > m->start;
    }
    pcre2_match_data_free(md);
    return ok;
}
