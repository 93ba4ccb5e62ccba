/* report_internal.h - the writers behind fc_report_write (private). */
#ifndef FC_REPORT_INTERNAL_H
#define FC_REPORT_INTERNAL_H

#include "factcheck/report.h"
#include "util.h"

/* hide: leave out the findings with a decision (--hide-settled); list_claims:
 * list every claim under its document (the claims-only report always does);
 * rules: for the provenance header (NULL: none). */
fc_status fc_report_text(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool color,
                         bool hide, bool list_claims, const fc_rules *rules);
fc_status fc_report_json(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide,
                         const fc_rules *rules);
fc_status fc_report_jsonl(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide);
fc_status fc_report_csv(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide,
                        const fc_rules *rules);
fc_status fc_report_claimreview(FILE *out, const fc_corpus *corpus, bool hide);
fc_status fc_report_html(FILE *out, const fc_corpus *corpus, fc_report_kind kind, bool hide,
                         const fc_rules *rules);

/* One finding as the text report writes it (no decision), and as the JSON
 * report does; a JSON string (UTF-8 made valid). For fc_report_diff. */
void fc_report_text_finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f,
                            bool color);
void fc_report_json_finding(fc_strbuf *sb, const fc_corpus *corpus, const fc_finding *f);
void fc_report_json_string(fc_strbuf *sb, const char *s);

/* Whether finding i is written: always, unless hide is set and it has a decision. */
bool fc_report_shown(const fc_corpus *corpus, size_t i, bool hide);

/* How many findings have a decision (settled). */
size_t fc_report_nsettled(const fc_corpus *corpus);

/* "no finding with this fingerprint in this run": why a decision is stale. */
#define FC_STALE_REASON "no finding with this fingerprint in this run"

/* Writes what sb holds and empties it; FC_ENOMEM (and sb freed) when an append
 * to it failed, FC_EIO when the write failed. */
fc_status fc_report_flush(FILE *out, fc_strbuf *sb);

/* The sentence a claim was found in, copied from its document with line breaks
 * and tabs turned into spaces ("" when the document is gone); NULL when out of
 * memory. */
char *fc_claim_context(const fc_corpus *corpus, const fc_claim *claim);

/* The document a claim comes from; NULL when its input could not be read. */
const fc_doc *fc_claim_doc(const fc_corpus *corpus, const fc_claim *claim);

/* The quoted expression of a claim, copied from its document ("some 110,000"). */
char *fc_claim_text(const fc_corpus *corpus, const fc_claim *claim);

/* The length of the valid UTF-8 sequence at s (at most n bytes, n >= 1), or 0
 * (an overlong form, a surrogate, a code point past U+10FFFF, a cut sequence). */
size_t fc_utf8_len(const unsigned char *s, size_t n);

/* Appends n bytes of s for a terminal, with what a terminal would act on made
 * visible (see fc_term_safe in factcheck/status.h); defined in status.c. */
void fc_sb_term(fc_strbuf *sb, const char *s, size_t n);

/* fc_sb_term of a string; nothing for NULL. */
void fc_sb_term_str(fc_strbuf *sb, const char *s);

/* The document's URL when it is an http or https one, else NULL: a report
 * does not hand on a javascript:, data: or relative link. */
const char *fc_report_url(const fc_doc *doc);

/* What finding f measures: *measure is the rule measure of its first claim that
 * has one (else NULL); without one, *key is the inferred key of its first claim
 * that has a key (else NULL). */
void fc_report_finding_measure(const fc_corpus *corpus, const fc_finding *f, const char **measure,
                               const char **key);

/* The documents of finding f's claims (input indices, each once, in claim order)
 * into docs, which has room for f->nclaims; returns how many. */
size_t fc_report_finding_docs(const fc_corpus *corpus, const fc_finding *f, size_t *docs);

/* Whether outlet s is among the outlets of docs[0 .. n) (to list each once). */
bool fc_report_outlet_seen(const fc_corpus *corpus, const size_t *docs, size_t n, const char *s);

#endif
