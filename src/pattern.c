/* pattern.c - custom claim shapes with PCRE2 (see pattern.h). PCRE2 is the
 * well-kept regex library Debian ships; the match limits keep a bad expression
 * from stalling a run. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

/* Immutable once compiled, so one compiled pattern serves any number of threads;
 * match data is per call. */
struct fc_regex {
    pcre2_code *code;
    pcre2_match_context *mctx;
    uint32_t value_group; /* the group holding the number */
};

fc_regex *fc_regex_compile(const char *regex, char *msg, size_t n, size_t *offset)
{
    int err;
    PCRE2_SIZE erroff;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED,
                      PCRE2_UTF | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF, &err, &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        snprintf(msg, n, "%s", (const char *)buf);
        *offset = erroff;
        return NULL;
    }
    uint32_t groups = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    int named = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "value");
    if (groups == 0) {
        pcre2_code_free(code);
        snprintf(msg, n, "needs a group for the number: (?<value>...)");
        *offset = 0;
        return NULL;
    }
    fc_regex *re = calloc(1, sizeof *re);
    if (!re || !(re->mctx = pcre2_match_context_create(NULL))) {
        free(re);
        pcre2_code_free(code);
        snprintf(msg, n, "out of memory");
        *offset = 0;
        return NULL;
    }
    pcre2_set_match_limit(re->mctx, 100000);
    pcre2_set_depth_limit(re->mctx, 1000);
    re->code = code;
    re->value_group = named > 0 ? (uint32_t)named : 1;
    return re;
}

void fc_regex_free(fc_regex *re)
{
    if (!re)
        return;
    pcre2_match_context_free(re->mctx);
    pcre2_code_free(re->code);
    free(re);
}

bool fc_regex_next(const fc_regex *re, const char *text, size_t from, size_t to, fc_regex_match *m)
{
    /* Matching text[0, to) from offset `from` keeps lookbehinds and \b right at
     * the block's start. */
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
    if (!md)
        return false;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)text, to, from, 0, md, re->mctx);
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
