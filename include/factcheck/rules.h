/* rules.h - what factcheck recognises and checks, read from JSON rule files.
 *
 * Every word list the extractor uses (hedges, scale and number words, units,
 * rate phrases, modality and attribution cues, measures) and every check setting
 * comes from rule files; the built-in defaults are the files installed under
 * <datadir>/rules/. An fc_rules handle is immutable once loaded.
 */
#ifndef FACTCHECK_RULES_H
#define FACTCHECK_RULES_H

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fc_rules fc_rules;

/* Loads one rule file. On success *out owns new rules (free with fc_rules_free).
 * Errors: FC_EIO (cannot read), FC_ERULES (malformed or invalid; diag gives
 * file:line:col and the reason), FC_ENOMEM. Nothing is half-loaded. */
FC_API fc_status fc_rules_load(const char *path, fc_rules **out, fc_diag *diag);

/* Loads the built-in default rules: <datadir>/rules/default.json, where datadir
 * is fc_datadir(). */
FC_API fc_status fc_rules_load_default(fc_rules **out, fc_diag *diag);

/* Frees rules; fc_rules_free(NULL) does nothing. */
FC_API void fc_rules_free(fc_rules *rules);

/* The folder holding factcheck's data (rules/, datasets/). In order: the
 * FACTCHECK_DATADIR environment variable; ../share/factcheck next to the running
 * program, when that folder exists; the install location chosen at build time.
 * The returned string is static storage, valid until the next call. */
FC_API const char *fc_datadir(void);

#ifdef __cplusplus
}
#endif
#endif
