/* report_sqlite.c - the report appended to a SQLite database (-f sqlite -o FILE).
 *
 * Each run adds a row to runs, and its documents, claims, findings, the claims
 * of each finding, each finding's numbers and the stale decisions refer to it, so a dashboard can
 * follow a beat over time. The tables are created when missing (docs/sqlite.md
 * has the statements); a database of another shape is refused with the reason.
 * Everything of a run is written in one transaction: a run is in the database
 * whole, or not at all. Foreign keys are enforced while writing.
 *
 * Text goes in as it is in the documents, except that a byte sequence that is
 * not UTF-8 becomes U+FFFD (as in the other reports), so every TEXT value is
 * valid UTF-8. Numbers that are not finite (an unbounded side) are NULL.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "report_internal.h"
#include "util.h"

/* The database format this writer makes (PRAGMA user_version). */
#define DB_FORMAT 1

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS runs (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  written_at TEXT NOT NULL,\n"
    "  factcheck_version TEXT NOT NULL,\n"
    "  report_version TEXT NOT NULL,\n"
    "  report TEXT NOT NULL CHECK (report IN ('full', 'claims')),\n"
    "  inputs INTEGER NOT NULL,\n"
    "  inputs_ok INTEGER NOT NULL,\n"
    "  inputs_failed INTEGER NOT NULL,\n"
    "  inputs_skipped INTEGER NOT NULL,\n"
    "  claims INTEGER NOT NULL,\n"
    "  findings INTEGER NOT NULL,\n"
    "  conflicts INTEGER NOT NULL,\n"
    "  warnings INTEGER NOT NULL,\n"
    "  info INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS run_files (\n"
    "  run INTEGER NOT NULL REFERENCES runs (id),\n"
    "  seq INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('rules', 'dataset', 'events')),\n"
    "  path TEXT NOT NULL,\n"
    "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),\n"
    "  PRIMARY KEY (run, seq)\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  run INTEGER NOT NULL REFERENCES runs (id),\n"
    "  seq INTEGER NOT NULL,\n"
    "  path TEXT NOT NULL,\n"
    "  status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'skipped')),\n"
    "  message TEXT,\n"
    "  claims INTEGER NOT NULL,\n"
    "  outlet TEXT,\n"
    "  title TEXT,\n"
    "  published TEXT,\n"
    "  url TEXT,\n"
    "  author TEXT,\n"
    "  UNIQUE (run, seq)\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS documents_path ON documents (path);\n"
    "CREATE INDEX IF NOT EXISTS documents_outlet ON documents (outlet);\n"
    "CREATE TABLE IF NOT EXISTS claims (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  run INTEGER NOT NULL REFERENCES runs (id),\n"
    "  document INTEGER NOT NULL REFERENCES documents (id),\n"
    "  claim_id TEXT NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  \"end\" INTEGER NOT NULL,\n"
    "  line INTEGER,\n"
    "  col INTEGER,\n"
    "  text TEXT NOT NULL,\n"
    "  context TEXT NOT NULL,\n"
    "  value REAL,\n"
    "  low REAL,\n"
    "  high REAL,\n"
    "  qualifier TEXT NOT NULL,\n"
    "  unit TEXT NOT NULL,\n"
    "  currency TEXT,\n"
    "  per TEXT,\n"
    "  subject TEXT,\n"
    "  attribution TEXT,\n"
    "  modality TEXT NOT NULL,\n"
    "  role TEXT NOT NULL,\n"
    "  direction TEXT,\n"
    "  from_value REAL,\n"
    "  to_value REAL,\n"
    "  measure TEXT,\n"
    "  key TEXT,\n"
    "  period TEXT,\n"
    "  sentence INTEGER NOT NULL,\n"
    "  part_of TEXT,\n"
    "  unit_name TEXT,\n"
    "  base_value REAL,\n"
    "  base_unit TEXT\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS claims_run ON claims (run);\n"
    "CREATE INDEX IF NOT EXISTS claims_document ON claims (document);\n"
    "CREATE INDEX IF NOT EXISTS claims_claim_id ON claims (claim_id);\n"
    "CREATE INDEX IF NOT EXISTS claims_measure ON claims (measure);\n"
    "CREATE TABLE IF NOT EXISTS findings (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  run INTEGER NOT NULL REFERENCES runs (id),\n"
    "  fingerprint TEXT NOT NULL,\n"
    "  check_name TEXT NOT NULL,\n"
    "  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'conflict')),\n"
    "  measure TEXT,\n"
    "  key TEXT,\n"
    "  label TEXT,\n"
    "  message TEXT NOT NULL,\n"
    "  source TEXT,\n"
    "  decision TEXT CHECK (decision IN ('confirmed', 'false_alarm', 'corrected')),\n"
    "  decided_by TEXT,\n"
    "  decided_at TEXT,\n"
    "  note TEXT\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS findings_run ON findings (run);\n"
    "CREATE INDEX IF NOT EXISTS findings_fingerprint ON findings (fingerprint);\n"
    "CREATE INDEX IF NOT EXISTS findings_check ON findings (check_name, severity);\n"
    "CREATE TABLE IF NOT EXISTS finding_claims (\n"
    "  finding INTEGER NOT NULL REFERENCES findings (id),\n"
    "  seq INTEGER NOT NULL,\n"
    "  claim INTEGER NOT NULL REFERENCES claims (id),\n"
    "  PRIMARY KEY (finding, seq)\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS finding_claims_claim ON finding_claims (claim);\n"
    "CREATE TABLE IF NOT EXISTS stale_decisions (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  run INTEGER NOT NULL REFERENCES runs (id),\n"
    "  fingerprint TEXT NOT NULL,\n"
    "  decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'false_alarm', 'corrected')),\n"
    "  decided_by TEXT NOT NULL,\n"
    "  decided_at TEXT NOT NULL,\n"
    "  note TEXT NOT NULL,\n"
    "  file TEXT,\n"
    "  line INTEGER,\n"
    "  col INTEGER,\n"
    "  reason TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS stale_decisions_run ON stale_decisions (run);\n"
    "CREATE TABLE IF NOT EXISTS finding_numbers (\n"
    "  finding INTEGER NOT NULL REFERENCES findings (id),\n"
    "  name TEXT NOT NULL,\n"
    "  value REAL NOT NULL,\n"
    "  PRIMARY KEY (finding, name)\n"
    ");\n";

typedef struct writer {
    sqlite3 *db;
    const char *path;
    fc_diag *diag;
    fc_strbuf text; /* a value made valid UTF-8 */
    sqlite3_stmt *run, *file, *doc, *claim, *finding, *link, *number, *stale;
    sqlite3_int64 run_id;
    sqlite3_int64 *doc_ids;   /* per input: its documents row */
    sqlite3_int64 *claim_ids; /* per claim: its claims row */
} writer;

/* Records why the database could not be written (the first reason only). */
static fc_status fail(writer *w, const char *what)
{
    if (!w->diag->message[0])
        fc_diag_set(w->diag, w->path, 0, 0, "%s: %s", what,
                    w->db ? sqlite3_errmsg(w->db) : "cannot open");
    return w->db && sqlite3_errcode(w->db) == SQLITE_NOMEM ? FC_ENOMEM : FC_EIO;
}

static fc_status exec(writer *w, const char *sql, const char *what)
{
    return sqlite3_exec(w->db, sql, NULL, NULL, NULL) == SQLITE_OK ? FC_OK : fail(w, what);
}

/* Binds s (NULL: SQL NULL) with every byte sequence that is not UTF-8 as U+FFFD. */
static int bind_text(writer *w, sqlite3_stmt *st, int i, const char *s)
{
    if (!s)
        return sqlite3_bind_null(st, i);
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), run = 0;
    w->text.len = 0;
    for (size_t k = 0; k < n; k++) {
        size_t len = u[k] < 0x80 ? 1 : fc_utf8_len(u + k, n - k);
        if (len > 0) {
            k += len - 1;
            continue;
        }
        fc_sb_add(&w->text, s + run, k - run);
        fc_sb_puts(&w->text, "\xEF\xBF\xBD");
        run = k + 1;
    }
    if (run == 0) /* all of it valid: no copy */
        return sqlite3_bind_text(st, i, s, (int)n, SQLITE_TRANSIENT);
    fc_sb_add(&w->text, s + run, n - run);
    if (w->text.failed)
        return SQLITE_NOMEM;
    return sqlite3_bind_text(st, i, w->text.data, (int)w->text.len, SQLITE_TRANSIENT);
}

static int bind_real(sqlite3_stmt *st, int i, double v)
{
    return isfinite(v) ? sqlite3_bind_double(st, i, v) : sqlite3_bind_null(st, i);
}

static int bind_size(sqlite3_stmt *st, int i, size_t v)
{
    return sqlite3_bind_int64(st, i, (sqlite3_int64)v);
}

/* Runs a bound insert; FC_OK and *id its row id, or the reason. */
static fc_status step(writer *w, sqlite3_stmt *st, int rc, const char *what, sqlite3_int64 *id)
{
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_NOMEM ? FC_ENOMEM : fail(w, what);
    if (id)
        *id = sqlite3_last_insert_rowid(w->db);
    return FC_OK;
}

static fc_status prepare(writer *w, sqlite3_stmt **st, const char *sql)
{
    return sqlite3_prepare_v2(w->db, sql, -1, st, NULL) == SQLITE_OK
               ? FC_OK
               : fail(w, "not a database of the shape factcheck writes (docs/sqlite.md)");
}

/* The tables, when missing; refuses a database factcheck did not make. */
static fc_status open_schema(writer *w)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(w->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return fail(w, "cannot read the database");
    int rc = sqlite3_step(st);
    int version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return fail(w, "cannot read the database");
    if (version != 0 && version != DB_FORMAT) {
        fc_diag_set(w->diag, w->path, 0, 0,
                    "a database of format %d (user_version); this factcheck writes format %d",
                    version, DB_FORMAT);
        return FC_EIO;
    }
    if (version == 0) { /* new, or made by something else: empty is fine */
        if (sqlite3_prepare_v2(w->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) !=
            SQLITE_OK)
            return fail(w, "cannot read the database");
        rc = sqlite3_step(st);
        sqlite3_int64 n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_finalize(st);
        if (n != 0) {
            fc_diag_set(w->diag, w->path, 0, 0,
                        "a database factcheck did not make (it has tables, and no factcheck "
                        "format in its user_version); nothing written");
            return FC_EIO;
        }
    }
    fc_status s = exec(w, schema_sql, "cannot create the tables");
    if (s == FC_OK && version == 0)
        s = exec(w, "PRAGMA user_version = 1", "cannot mark the database");
    return s;
}

static fc_status write_run(writer *w, const fc_corpus *corpus, const fc_report_options *o)
{
    size_t n = fc_corpus_ninputs(corpus), failed = fc_corpus_nfailed(corpus);
    size_t skipped = fc_corpus_nskipped(corpus);
    bool full = o->kind == FC_REPORT_FULL;
    sqlite3_stmt *st = w->run;
    int rc = bind_text(w, st, 1, fc_version());
    rc = rc ? rc : bind_text(w, st, 2, FC_REPORT_VERSION);
    rc = rc ? rc : bind_text(w, st, 3, full ? "full" : "claims");
    rc = rc ? rc : bind_size(st, 4, n);
    rc = rc ? rc : bind_size(st, 5, n - failed - skipped);
    rc = rc ? rc : bind_size(st, 6, failed);
    rc = rc ? rc : bind_size(st, 7, skipped);
    rc = rc ? rc : bind_size(st, 8, fc_corpus_claims(corpus)->n);
    rc = rc ? rc : bind_size(st, 9, full ? fc_corpus_findings(corpus)->n : 0);
    rc = rc ? rc : bind_size(st, 10, full ? fc_corpus_nseverity(corpus, FC_SEV_CONFLICT) : 0);
    rc = rc ? rc : bind_size(st, 11, full ? fc_corpus_nseverity(corpus, FC_SEV_WARNING) : 0);
    rc = rc ? rc : bind_size(st, 12, full ? fc_corpus_nseverity(corpus, FC_SEV_INFO) : 0);
    fc_status s = step(w, st, rc, "cannot add the run", &w->run_id);
    for (size_t i = 0; s == FC_OK && o->rules && i < fc_rules_nfiles(o->rules); i++) {
        fc_rules_file f = fc_rules_file_at(o->rules, i);
        st = w->file;
        rc = sqlite3_bind_int64(st, 1, w->run_id);
        rc = rc ? rc : bind_size(st, 2, i);
        rc = rc ? rc : bind_text(w, st, 3, f.kind);
        rc = rc ? rc : bind_text(w, st, 4, f.path);
        rc = rc ? rc : bind_text(w, st, 5, f.sha256);
        s = step(w, st, rc, "cannot add a file of the run", NULL);
    }
    return s;
}

static fc_status write_document(writer *w, const fc_input *in, size_t i)
{
    sqlite3_stmt *st = w->doc;
    const fc_doc *d = in->doc;
    int rc = sqlite3_bind_int64(st, 1, w->run_id);
    rc = rc ? rc : bind_size(st, 2, i);
    rc = rc ? rc : bind_text(w, st, 3, in->path);
    rc = rc ? rc
            : bind_text(w, st, 4,
                        in->status != FC_OK ? "error"
                        : in->skipped       ? "skipped"
                                            : "ok");
    rc = rc ? rc : bind_text(w, st, 5, in->status != FC_OK ? in->error : in->warning);
    rc = rc ? rc : bind_size(st, 6, in->nclaims);
    rc = rc ? rc : bind_text(w, st, 7, d ? d->outlet : NULL);
    rc = rc ? rc : bind_text(w, st, 8, d ? d->title : NULL);
    rc = rc ? rc : bind_text(w, st, 9, d ? d->published : NULL);
    rc = rc ? rc : bind_text(w, st, 10, fc_report_url(d));
    rc = rc ? rc : bind_text(w, st, 11, d ? d->author : NULL);
    return step(w, st, rc, "cannot add a document", &w->doc_ids[i]);
}

static fc_status write_claim(writer *w, const fc_corpus *corpus, size_t k)
{
    const fc_claim *c = &fc_corpus_claims(corpus)->items[k];
    const fc_input *in = fc_corpus_input(corpus, c->doc);
    if (!in) { /* every claim comes from an input of the run */
        fc_diag_set(w->diag, w->path, 0, 0, "claim %s has no document in the run", c->id);
        return FC_EIO;
    }
    sqlite3_stmt *st = w->claim;
    char *text = fc_claim_text(corpus, c), *context = fc_claim_context(corpus, c);
    if (!text || !context) {
        free(text);
        free(context);
        return FC_ENOMEM;
    }
    int rc = sqlite3_bind_int64(st, 1, w->run_id);
    rc = rc ? rc : sqlite3_bind_int64(st, 2, w->doc_ids[c->doc]);
    rc = rc ? rc : bind_text(w, st, 3, c->id);
    rc = rc ? rc : bind_size(st, 4, c->start);
    rc = rc ? rc : bind_size(st, 5, c->end);
    if (!rc && in->doc) {
        unsigned line, col;
        fc_doc_linecol(in->doc, c->start, &line, &col);
        rc = sqlite3_bind_int64(st, 6, line);
        rc = rc ? rc : sqlite3_bind_int64(st, 7, col);
    }
    rc = rc ? rc : bind_text(w, st, 8, text);
    rc = rc ? rc : bind_text(w, st, 9, context);
    rc = rc ? rc : bind_real(st, 10, c->value);
    rc = rc ? rc : bind_real(st, 11, c->low);
    rc = rc ? rc : bind_real(st, 12, c->high);
    rc = rc ? rc : bind_text(w, st, 13, fc_qualifier_name(c->qualifier));
    rc = rc ? rc : bind_text(w, st, 14, fc_unit_name(c->unit));
    rc = rc ? rc : bind_text(w, st, 15, c->currency[0] ? c->currency : NULL);
    rc = rc ? rc : bind_text(w, st, 16, fc_per_name(c->per));
    rc = rc ? rc : bind_text(w, st, 17, c->subject);
    rc = rc ? rc : bind_text(w, st, 18, c->attribution);
    rc = rc ? rc : bind_text(w, st, 19, fc_modality_name(c->modality));
    rc = rc ? rc : bind_text(w, st, 20, fc_role_name(c->role));
    rc = rc ? rc : bind_text(w, st, 21, fc_direction_name(c->direction));
    rc = rc ? rc : bind_real(st, 22, c->from);
    rc = rc ? rc : bind_real(st, 23, c->to);
    rc = rc ? rc : bind_text(w, st, 24, c->measure);
    rc = rc ? rc : bind_text(w, st, 25, c->key);
    rc = rc ? rc : bind_text(w, st, 26, c->period);
    rc = rc ? rc : bind_size(st, 27, c->sentence);
    rc = rc ? rc : bind_text(w, st, 28, c->part_of[0] ? c->part_of : NULL);
    rc = rc ? rc : bind_text(w, st, 29, c->unit_name[0] ? c->unit_name : NULL);
    rc = rc ? rc : bind_real(st, 30, c->base_value);
    rc = rc ? rc : bind_text(w, st, 31, c->base_unit[0] ? c->base_unit : NULL);
    fc_status s = step(w, st, rc, "cannot add a claim", &w->claim_ids[k]);
    free(text);
    free(context);
    return s;
}

static fc_status write_finding(writer *w, const fc_corpus *corpus, const fc_finding *f,
                               const fc_decision *dec)
{
    const char *measure, *key;
    fc_report_finding_measure(corpus, f, &measure, &key);
    sqlite3_stmt *st = w->finding;
    int rc = sqlite3_bind_int64(st, 1, w->run_id);
    rc = rc ? rc : bind_text(w, st, 2, f->id);
    rc = rc ? rc : bind_text(w, st, 3, f->check);
    rc = rc ? rc : bind_text(w, st, 4, fc_severity_name(f->severity));
    rc = rc ? rc : bind_text(w, st, 5, measure);
    rc = rc ? rc : bind_text(w, st, 6, key);
    rc = rc ? rc : bind_text(w, st, 7, f->label);
    rc = rc ? rc : bind_text(w, st, 8, f->message);
    rc = rc ? rc : bind_text(w, st, 9, f->source);
    if (!rc && dec) {
        rc = bind_text(w, st, 10, fc_verdict_name(dec->verdict));
        rc = rc ? rc : bind_text(w, st, 11, dec->by);
        rc = rc ? rc : bind_text(w, st, 12, dec->at);
        rc = rc ? rc : bind_text(w, st, 13, dec->note);
    }
    sqlite3_int64 id = 0;
    fc_status s = step(w, st, rc, "cannot add a finding", &id);
    for (size_t i = 0; s == FC_OK && i < f->nclaims; i++) {
        st = w->link;
        rc = sqlite3_bind_int64(st, 1, id);
        rc = rc ? rc : bind_size(st, 2, i);
        rc = rc ? rc : sqlite3_bind_int64(st, 3, w->claim_ids[f->claims[i]]);
        s = step(w, st, rc, "cannot add a claim of a finding", NULL);
    }
    for (size_t i = 0; s == FC_OK && i < f->nnums; i++) {
        st = w->number;
        rc = sqlite3_bind_int64(st, 1, id);
        rc = rc ? rc : bind_text(w, st, 2, f->nums[i].name);
        rc = rc ? rc : bind_real(st, 3, f->nums[i].value);
        s = step(w, st, rc, "cannot add a number of a finding", NULL);
    }
    return s;
}

/* A decision whose finding is not in the run: kept, never dropped. */
static fc_status write_stale(writer *w, const fc_decision *d)
{
    sqlite3_stmt *st = w->stale;
    int rc = sqlite3_bind_int64(st, 1, w->run_id);
    rc = rc ? rc : bind_text(w, st, 2, d->finding);
    rc = rc ? rc : bind_text(w, st, 3, fc_verdict_name(d->verdict));
    rc = rc ? rc : bind_text(w, st, 4, d->by);
    rc = rc ? rc : bind_text(w, st, 5, d->at);
    rc = rc ? rc : bind_text(w, st, 6, d->note ? d->note : "");
    rc = rc ? rc : bind_text(w, st, 7, d->file);
    if (!rc && d->file) {
        rc = sqlite3_bind_int64(st, 8, d->line);
        rc = rc ? rc : sqlite3_bind_int64(st, 9, d->col);
    }
    rc = rc ? rc : bind_text(w, st, 10, FC_STALE_REASON);
    return step(w, st, rc, "cannot add a stale decision", NULL);
}

static fc_status write_all(writer *w, const fc_corpus *corpus, const fc_report_options *o)
{
    fc_status s = open_schema(w);
    if (s == FC_OK)
        s = prepare(w, &w->run,
                    "INSERT INTO runs (written_at, factcheck_version, report_version, report, "
                    "inputs, inputs_ok, inputs_failed, inputs_skipped, claims, findings, "
                    "conflicts, warnings, info) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (s == FC_OK)
        s = prepare(w, &w->file,
                    "INSERT INTO run_files (run, seq, kind, path, sha256) VALUES (?, ?, ?, ?, ?)");
    if (s == FC_OK)
        s = prepare(w, &w->doc,
                    "INSERT INTO documents (run, seq, path, status, message, claims, outlet, "
                    "title, published, url, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (s == FC_OK)
        s = prepare(w, &w->claim,
                    "INSERT INTO claims (run, document, claim_id, start, \"end\", line, col, "
                    "text, context, value, low, high, qualifier, unit, currency, per, subject, "
                    "attribution, modality, role, direction, from_value, to_value, measure, key, "
                    "period, sentence, part_of, unit_name, base_value, base_unit) VALUES (?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?)");
    if (s == FC_OK)
        s = prepare(w, &w->finding,
                    "INSERT INTO findings (run, fingerprint, check_name, severity, measure, key, "
                    "label, message, source, decision, decided_by, decided_at, note) VALUES (?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (s == FC_OK)
        s = prepare(w, &w->link,
                    "INSERT INTO finding_claims (finding, seq, claim) VALUES (?, ?, ?)");
    if (s == FC_OK)
        s = prepare(w, &w->number,
                    "INSERT INTO finding_numbers (finding, name, value) VALUES (?, ?, ?)");
    if (s == FC_OK)
        s = prepare(w, &w->stale,
                    "INSERT INTO stale_decisions (run, fingerprint, decision, decided_by, "
                    "decided_at, note, file, line, col, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?)");
    if (s == FC_OK)
        s = write_run(w, corpus, o);
    size_t n = fc_corpus_ninputs(corpus);
    for (size_t i = 0; s == FC_OK && i < n; i++)
        s = write_document(w, fc_corpus_input(corpus, i), i);
    for (size_t k = 0; s == FC_OK && k < fc_corpus_claims(corpus)->n; k++)
        s = write_claim(w, corpus, k);
    const fc_findings *fs = fc_corpus_findings(corpus);
    for (size_t i = 0; s == FC_OK && o->kind == FC_REPORT_FULL && i < fs->n; i++)
        if (fc_report_shown(corpus, i, o->hide_settled))
            s = write_finding(w, corpus, &fs->items[i], fc_corpus_decision(corpus, i));
    for (size_t i = 0; s == FC_OK && o->kind == FC_REPORT_FULL && i < fc_corpus_nstale(corpus); i++)
        s = write_stale(w, fc_corpus_stale(corpus, i));
    return s;
}

fc_status fc_report_write_db(const char *path, const fc_corpus *corpus, const fc_report_options *o,
                             fc_diag *diag)
{
    fc_diag local;
    if (!diag)
        diag = &local;
    writer w = {.path = path, .diag = diag};
    diag->file[0] = diag->message[0] = '\0';
    size_t n = fc_corpus_ninputs(corpus), nc = fc_corpus_claims(corpus)->n;
    w.doc_ids = malloc((n ? n : 1) * sizeof *w.doc_ids);
    w.claim_ids = malloc((nc ? nc : 1) * sizeof *w.claim_ids);
    fc_status s = w.doc_ids && w.claim_ids ? FC_OK : FC_ENOMEM;
    if (s == FC_OK &&
        sqlite3_open_v2(path, &w.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        s = fail(&w, "cannot open the database");
    if (s == FC_OK)
        sqlite3_busy_timeout(w.db, 10000); /* another run appending: wait for it */
    if (s == FC_OK)
        s = exec(&w, "PRAGMA foreign_keys = ON", "cannot enforce foreign keys");
    if (s == FC_OK)
        s = exec(&w, "BEGIN IMMEDIATE", "cannot start writing");
    if (s == FC_OK) {
        s = write_all(&w, corpus, o);
        sqlite3_stmt *stmts[] = {w.run,     w.file, w.doc,    w.claim,
                                 w.finding, w.link, w.number, w.stale};
        for (size_t i = 0; i < sizeof stmts / sizeof *stmts; i++)
            sqlite3_finalize(stmts[i]);
        if (s == FC_OK)
            s = exec(&w, "COMMIT", "cannot finish writing");
        if (s != FC_OK)
            sqlite3_exec(w.db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (s == FC_ENOMEM && !diag->message[0])
        fc_diag_set(diag, path, 0, 0, "out of memory");
    sqlite3_close(w.db);
    fc_sb_free(&w.text);
    free(w.doc_ids);
    free(w.claim_ids);
    return s;
}
