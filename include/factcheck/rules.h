/* rules.h - what factcheck recognises and checks, read from JSON rule files.
 *
 * Every word list the extractor uses (hedges, scale and number words, units,
 * rate phrases, modality and attribution cues, traps), every measure, alias,
 * custom pattern and check setting comes from rule files; the built-in defaults
 * are the files installed under <datadir>/rules/. Rule files come in layers: the
 * defaults, then a claims folder's factcheck.rules.json, then each --rules FILE;
 * a later layer extends or overrides an earlier one entry by entry (by id).
 * docs/rules.md describes the format; schema/rules.schema.json is its JSON Schema.
 * An fc_rules handle is immutable once built, and may be shared by threads.
 *
 * GSL: the checks compute with GSL, whose default error handler aborts the
 * process. The first fc_rules_builder_new (every way to rules goes through it)
 * turns that default off for the whole process, once (thread-safe), so a GSL
 * failure becomes a value the library tests (a check then says nothing) and
 * never an abort. A program that set its own handler with gsl_set_error_handler
 * before keeps it, and then decides itself what a GSL error does; a program
 * that uses GSL itself and wants the default back sets it after building rules.
 */
#ifndef FACTCHECK_RULES_H
#define FACTCHECK_RULES_H

#include <stdio.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fc_rules fc_rules;
typedef struct fc_rules_builder fc_rules_builder;

/* The name of the rule file a claims folder may carry. */
#define FC_FOLDER_RULES "factcheck.rules.json"

/* A builder with no rules yet; NULL when out of memory. */
FC_API fc_rules_builder *fc_rules_builder_new(void);

/* Reads, validates and adds the rule file at path ("-": standard input) on top
 * of the files added so far. Errors: FC_EIO (cannot read), FC_ERULES (malformed or invalid: diag gives
 * "file:line:col: message"), FC_ENOMEM. A file with an error changes nothing. */
FC_API fc_status fc_rules_builder_add(fc_rules_builder *b, const char *path, fc_diag *diag);

/* Adds <dir>/factcheck.rules.json when dir is a folder that has one; does
 * nothing (FC_OK) otherwise. Errors as fc_rules_builder_add. */
FC_API fc_status fc_rules_builder_add_folder(fc_rules_builder *b, const char *dir,
                                             fc_diag *diag);

/* Builds the rules from the files added; *out is freed with fc_rules_free. The
 * builder hands its state over: afterwards it only accepts fc_rules_builder_free
 * (other calls return FC_EINVAL). */
FC_API fc_status fc_rules_builder_build(fc_rules_builder *b, fc_rules **out,
                                        fc_diag *diag);

/* Frees a builder; fc_rules_builder_free(NULL) does nothing. */
FC_API void fc_rules_builder_free(fc_rules_builder *b);

/* Loads one rule file alone (a builder with one file). */
FC_API fc_status fc_rules_load(const char *path, fc_rules **out, fc_diag *diag);

/* Loads the built-in default rules: fc_rules_default_path(). */
FC_API fc_status fc_rules_load_default(fc_rules **out, fc_diag *diag);

/* Frees rules; fc_rules_free(NULL) does nothing. */
FC_API void fc_rules_free(fc_rules *rules);

/* Writes every rule in force, one a line, with the file:line:col it came from.
 * Errors: FC_EIO. */
FC_API fc_status fc_rules_write_listing(const fc_rules *rules, FILE *out);

/* A file the rules were built from: a rule file, or a reference dataset or
 * events file one of them names, with the SHA-256 of its bytes as read (a
 * report's provenance: which method and data a run used). */
typedef struct fc_rules_file {
    const char *kind;   /* "rules", "dataset" or "events" */
    const char *path;   /* as read ("-": standard input) */
    const char *sha256; /* 64 lowercase hex digits */
} fc_rules_file;

/* How many files the rules were built from: the rule files in the order they
 * were added, then the datasets, then the events files. */
FC_API size_t fc_rules_nfiles(const fc_rules *rules);

/* File i (< fc_rules_nfiles); its strings live as long as the rules. */
FC_API fc_rules_file fc_rules_file_at(const fc_rules *rules, size_t i);

/* The folder holding factcheck's data (rules/, datasets/). In order: the
 * FACTCHECK_DATADIR environment variable; ../share/factcheck next to the running
 * program, when that folder exists; the install location chosen at build time.
 * The returned string is static storage, valid until the next call. */
FC_API const char *fc_datadir(void);

/* <datadir>/rules/default.json; static storage, valid until the next call. */
FC_API const char *fc_rules_default_path(void);

#ifdef __cplusplus
}
#endif
#endif
