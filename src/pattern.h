/* pattern.h - regular expressions for custom claim shapes, with PCRE2 (private).
 *
 * A rule file may add claim shapes the built-in grammar does not know ("12.5
 * cases per 100,000"). The expression must have one group named "value" holding
 * the number, and that group must be able to match a digit: the number is read
 * from its digits. */
#ifndef FC_PATTERN_H
#define FC_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "factcheck/status.h"

typedef struct fc_regex fc_regex;

/* Compiles regex (UTF-8, case-insensitive), the pattern at index of a set run
 * together on each document (a rule set's patterns, in order): first is the
 * set's pattern 0, NULL for pattern 0 itself. On error returns NULL, writes
 * PCRE2's message (or why the value group will not do: missing, or able to
 * match no digit) to msg (size n) and the byte offset in regex where it failed
 * to *offset. */
fc_regex *fc_regex_compile(const char *regex, const fc_regex *first, size_t index, char *msg,
                           size_t n, size_t *offset);

void fc_regex_free(fc_regex *re);

/* One match: the whole match and the number's span, as offsets into the text. */
typedef struct fc_regex_match {
    size_t start, end;
    size_t num_start, num_end;
} fc_regex_match;

/* What matching may cost per document, in PCRE2 steps (items tried, counted by
 * automatic callouts), all patterns together: this many, plus the next figure
 * for each byte of the document matched over so far. About 10 ns a step. */
#define FC_REGEX_BASE_STEPS 1000000u
#define FC_REGEX_STEPS_PER_BYTE 64u

/* Finds the first match in text[from, to) (offsets into text); false when none
 * or when matching failed (hit its limits, or the document's budget is spent).
 * The calls on one document (text) from one thread are taken to be the
 * extractor's: block by block in order, in each block the set's patterns in
 * order, each from the block's start onwards and each call after the last
 * match; they share the budget above. A call out of that order starts anew. */
bool fc_regex_next(const fc_regex *re, const char *text, size_t from, size_t to, fc_regex_match *m);

/* Whether the budget of the document text ran out on this thread, in the last
 * document matched: every pattern stopped there, and its matches after that
 * point are missing. */
bool fc_regex_spent(const char *text);

#endif
