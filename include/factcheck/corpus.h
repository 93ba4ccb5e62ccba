/* corpus.h - a run over many inputs: which files, their documents, claims and findings.
 *
 * A corpus remembers every input it was given, including the ones that could not
 * be read, so a report can list each input with its status: nothing is dropped.
 */
#ifndef FACTCHECK_CORPUS_H
#define FACTCHECK_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "claim.h"
#include "decisions.h"
#include "doc.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fc_corpus fc_corpus;

/* One input and what became of it: a file, standard input, or one record of a
 * JSON Lines file (named by its id, else "file:line"). */
typedef struct fc_input {
    char *path;       /* as found ("-" for standard input) */
    fc_status status; /* FC_OK, or why the file could not be used */
    char *error;      /* a message naming the file when status != FC_OK, else NULL */
    fc_doc *doc;      /* the loaded document, NULL when status != FC_OK or skipped */
    size_t nclaims;   /* claims extracted from it */
    /* A file found in a folder that is no document type factcheck reads (or a
     * JSON Lines file without a record): listed, never read. status is FC_OK,
     * doc NULL, and warning says why, naming the file (else NULL). A document
     * read whose publication date is no date has a warning too (not skipped). */
    bool skipped;
    char *warning;
    fc_doc_format format; /* how it is read: FC_DOC_TEXT, FC_DOC_HTML or FC_DOC_JSONL */
    char *source;         /* for a JSON Lines record: the file it is in; else NULL */
    size_t line;          /* for a JSON Lines record: its line in that file */
    unsigned part;        /* the part of a larger run it belongs to (fc_corpus_set_part) */
} fc_input;

/* A new, empty corpus; NULL when out of memory. Free with fc_corpus_free. */
FC_API fc_corpus *fc_corpus_new(void);
FC_API void fc_corpus_free(fc_corpus *corpus);

/* Adds path: a document file, "-" for standard input, or a folder, walked
 * recursively in byte order of its paths (hidden entries left out, symlink
 * loops detected). In a folder, each file is read by the reader its name calls
 * for (fc_doc_format_of: .md and .txt as text, .html and .htm as HTML, .jsonl
 * as JSON Lines); any other file is listed as skipped with a warning (the
 * folder's own factcheck.rules.json excepted). A file named here, and standard
 * input, are read with the format set by fc_corpus_set_input_format, else by
 * their name, else as text. A JSON Lines file is read here, a line at a time:
 * each record becomes one input named by its id (a repeated id, and no id, by
 * "file:line"; a bad line is an input with its error, named "file:line"); a
 * file without a record is listed as skipped. An http:// or
 * https:// URL that names no file is an input with an error saying to
 * download it first. Each real file (device and inode)
 * is one input and each real folder is walked once, whatever the symlinks, hard
 * links or earlier paths that lead to it again: the first path found is kept.
 * A path that cannot be used becomes an input with an error; the return is then
 * still FC_OK. Errors: FC_ENOMEM. */
FC_API fc_status fc_corpus_add_path(fc_corpus *corpus, const char *path);

/* Adds the claims and inputs of a claims file written by `factcheck extract -f
 * jsonl` (path; "-" for standard input): a claim record a line, then an input
 * record a line (docs/claim-record.md, "Claims files"). Several files may
 * hold one run's claims, in any order. A line that is not a claim or input
 * record, lacks a field or has a field of the wrong type becomes an input with
 * an error naming FILE:LINE; the other lines are still read. A corpus given
 * claims files takes nothing else: fc_corpus_extract then ties each claim to
 * its input (a claim of no input, an input named twice, or an input whose
 * record counts claims that were not all found are errors) and puts the
 * inputs in the order a folder walk gives (by path, a '/' before any other
 * byte; a JSON Lines record by its file, then its line), so the checks and
 * reports are those of the run that extracted the claims. Errors: FC_ENOMEM. */
FC_API fc_status fc_corpus_add_claims(fc_corpus *corpus, const char *path);

/* The reader of the paths added from now on that are files named directly or
 * standard input ("-"): FC_DOC_AUTO (the default) chooses by the name, with
 * text for unknown names and for standard input. Files found in folders are
 * always read by their names. */
FC_API void fc_corpus_set_input_format(fc_corpus *corpus, fc_doc_format format);

/* The part of a larger run the inputs added from now on belong to (0, the
 * default: none): a claims file records it, and inputs read back from claims
 * files are put in the order of their parts first, so blocks of one archive
 * read on standard input keep the archive's order. */
FC_API void fc_corpus_set_part(fc_corpus *corpus, unsigned part);

/* How many threads fc_corpus_extract may use to load documents and extract their
 * claims: 1 (the default for a new corpus) does all the work on the calling
 * thread; 0 means one per online processor. At most one thread per input is
 * used. The result does not depend on it: claims, their order, ids and document
 * indices are the same as on one thread. The rules are only read, so one fc_rules
 * serves every thread. */
FC_API void fc_corpus_set_jobs(fc_corpus *corpus, unsigned jobs);

/* Loads every input added so far and extracts its claims (on the threads set with
 * fc_corpus_set_jobs); each document is then kept (fc_doc_keep): its text is let
 * go, and what the checks and reports read around its claims stays. Memory grows
 * with the claims, not with the text. Inputs that cannot be read get their status and error set
 * (FC_ENOMEM for a file too large for the memory available); the others are
 * processed. Standard input ("-") is read on the calling thread.
 * Errors: FC_ENOMEM. */
FC_API fc_status fc_corpus_extract(fc_corpus *corpus, const fc_rules *rules);

/* Runs the checks over all claims. First each kept document lets go of the
 * words of its body (fc_doc_mentions) that no term of a claim's key starts:
 * the checks ask about no others, so a document's answers to them stay.
 * Errors: FC_ENOMEM. */
FC_API fc_status fc_corpus_check(fc_corpus *corpus, const fc_rules *rules);

/* Read-only views, valid until the corpus is changed or freed. */
FC_API size_t fc_corpus_ninputs(const fc_corpus *corpus);
FC_API const fc_input *fc_corpus_input(const fc_corpus *corpus, size_t i);
FC_API const fc_claims *fc_corpus_claims(const fc_corpus *corpus);
FC_API const fc_findings *fc_corpus_findings(const fc_corpus *corpus);

/* One source, once (copies.h): after fc_corpus_check, the first appearance of
 * claim k (k itself for an original; a copy is the same claim in a later
 * document, seen once by the checks), and the appearance after claim k of the
 * same original (FC_NO_CLAIM after the last): from an original, the chain lists
 * its copies in document order. Before the check every claim is an original. */
#define FC_NO_CLAIM ((size_t)-1)
FC_API size_t fc_corpus_first_appearance(const fc_corpus *corpus, size_t k);
FC_API size_t fc_corpus_next_appearance(const fc_corpus *corpus, size_t k);

/* Counts over the corpus. */
FC_API size_t fc_corpus_nfailed(const fc_corpus *corpus);  /* inputs not ok */
FC_API size_t fc_corpus_nskipped(const fc_corpus *corpus); /* inputs skipped */
FC_API size_t fc_corpus_nseverity(const fc_corpus *corpus, fc_severity s);

/* The desk's review decisions for this run (decisions.h), matched to the
 * findings by fingerprint now and again after each fc_corpus_check; NULL for
 * none. Borrowed: decisions must outlive the corpus (or the next call).
 * Errors: FC_ENOMEM. */
FC_API fc_status fc_corpus_set_decisions(fc_corpus *corpus, const fc_decisions *decisions);

/* The decision on finding i (an index into fc_corpus_findings); NULL when the
 * finding is open (undecided). */
FC_API const fc_decision *fc_corpus_decision(const fc_corpus *corpus, size_t i);

/* Findings of severity s with no decision: what --fail-on counts. */
FC_API size_t fc_corpus_nopen(const fc_corpus *corpus, fc_severity s);

/* Stale decisions: those whose finding is not among this run's findings (the
 * copy changed, or the check no longer raises it), in fingerprint order; none
 * before fc_corpus_check has run. */
FC_API size_t fc_corpus_nstale(const fc_corpus *corpus);
FC_API const fc_decision *fc_corpus_stale(const fc_corpus *corpus, size_t i);

#ifdef __cplusplus
}
#endif
#endif
