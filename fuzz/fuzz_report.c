/* fuzz_report.c - libFuzzer target: the report writers, fed from real claims.
 *
 * The bytes are split at form feeds into up to FUZZ_MAX_FILES documents (so the
 * checks that compare documents run too), each written to a scratch file and
 * taken through the corpus pipeline as the program does: fc_corpus_add_path,
 * fc_corpus_extract, fc_corpus_check. The report is then written in every format
 * fc_format_parse accepts, whole and claims only (and the SQLite database, in
 * memory). Names the library does not know are skipped, so formats added later
 * are fuzzed without changing this file.
 *
 * The rules are the defaults plus a layer of the fuzzer's own (fuzz_rules_json),
 * written with a reference dataset and an events file to a scratch folder at the
 * first input: the defaults define no measure, so without it the charts, the
 * cross-source comparison, targets, percent against points, reference checks and
 * poll samples from the rules would never run. The measures take the words of
 * fuzz/fuzz_extract.dict and the seeds (arrests, people, workers, cases,
 * admissions, approval, budget), per day and per week, counts, percentages and
 * currency. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "factcheck/factcheck.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const format_names[] = {"text", "json", "jsonl", "csv", "claimreview", "html"};

static const char fuzz_rules_json[] =
    "{\"factcheck_rules\": 1,\n"
    " \"aliases\": {\"migrants\": \"immigrants\", \"detainees\": \"people\"},\n"
    " \"measures\": [\n"
    "  {\"key\": \"fz.arrests.target\", \"subject\": [\"arrests\", \"immigrants\", \"people\"],"
    "   \"per\": \"day\", \"modality\": [\"target\"], \"target_of\": \"fz.arrests.per_day\"},\n"
    "  {\"key\": \"fz.arrests.per_day\", \"subject\": [\"arrests\", \"immigrants\", \"people\"],"
    "   \"per\": \"day\", \"modality\": [\"actual\", \"estimate\"]},\n"
    "  {\"key\": \"fz.admissions.per_week\", \"subject\": [\"admissions\", "
    "\"hospitalizations\", \"cases\"], \"per\": \"week\"},\n"
    "  {\"key\": \"fz.workers.detained\", \"subject\": [\"workers\", \"koreans\", \"people\"],"
    "   \"context\": [[\"detained\", \"held\", \"arrested\", \"raid\"]], \"unit\": \"count\"},\n"
    "  {\"key\": \"fz.approval\", \"unit\": \"percent\","
    "   \"context\": [[\"approve\", \"approval\", \"support\", \"approving\"]]},\n"
    "  {\"key\": \"fz.positivity\", \"unit\": \"percent\", \"context\": [[\"positivity\", "
    "\"rate\", \"unemployment\"]]},\n"
    "  {\"key\": \"fz.approval.change\", \"unit\": \"percentage_point\","
    "   \"context\": [[\"approve\", \"approval\", \"support\"]]},\n"
    "  {\"key\": \"fz.budget\", \"unit\": \"currency\", \"context\": [[\"budget\", "
    "\"cost\", \"spent\", \"fund\"]]},\n"
    "  {\"key\": \"fz.people\", \"subject\": [\"people\", \"residents\", \"voters\", "
    "\"students\", \"stores\"], \"unit\": \"count\"}\n"
    " ],\n"
    " \"pollsters\": {\"*\": {\"sample_size\": 1000}, \"Gallup\": {\"sample_size\": 1500},"
    " \"AP-NORC\": {\"sample_size\": 1100}},\n"
    " \"datasets\": [\"fuzz-refs.csv\"],\n"
    " \"events\": [\"fuzz-events.csv\"]\n"
    "}\n";

/* Reference rows for the measures above, over periods the seeds' dates fall in,
 * with a point, a range, an open bound and a row without a date. */
static const char fuzz_refs_csv[] =
    "key,measure,value,low,high,period_start,period_end,publisher,title,published,url\r\n"
    "r1,fz.arrests.per_day,2000,,,2025-06,2025-06,Agency <b>&</b>,\"Daily, \"\"arrests\"\"\","
    "2025-07,https://example.org/r1\r\n"
    "r2,fz.arrests.per_day,,1200,1500,2025,2025,Agency,,2025-03,\r\n"
    "r3,fz.arrests.target,3000,,,2025-05-28,,White House,,2025-05-29,javascript:x\r\n"
    "r4,fz.workers.detained,475,,,2025-09-04,2025-09-04,ICE,Raid,2025-09-05,\r\n"
    "r5,fz.approval,46,,,2025-04,2025-04,Gallup,Poll,2025-04-20,https://example.org/p\r\n"
    "r6,fz.admissions.per_week,,200,,2025-01,2025-01,State,,,\r\n"
    "r7,fz.people,110000,,,2022,2022,Pew,=HYPERLINK(1),2024-07-22,\r\n"
    "r8,fz.budget,18000000,,,2024,2025,County,Budget,,\r\n"
    "r9,fz.positivity,14.5,,,2025-01-10,2025-01-17,CDC,,2025-01-18,\r\n"
    "r10,fz.people,1e16,,,,,Far,,,\r\n";

static const char fuzz_events_csv[] =
    "key,date,phrases,publisher,title,published,url\r\n"
    "inauguration,2025-01-20,took office|inauguration|second term,Wire,,,\r\n"
    "raid,2025-09-04,the raid|raided,Wire,,,\r\n";

static fc_rules *fuzz_rules;
static char rules_dir[512];

static void free_fuzz_rules(void)
{
    fc_rules_free(fuzz_rules);
    fuzz_rules = NULL;
    static const char *const names[] = {"fuzz.rules.json", "fuzz-refs.csv", "fuzz-events.csv"};
    char path[600];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", rules_dir, names[i]);
        remove(path);
    }
    rmdir(rules_dir);
}

static void write_text(const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", rules_dir, name);
    fuzz_write_file(path, (const uint8_t *)text, strlen(text));
}

/* The defaults with the fuzzer's layer on top, built on the first call; a
 * failure aborts with the reason (the layer is the fuzzer's own). */
static const fc_rules *rules_with_measures(void)
{
    if (fuzz_rules)
        return fuzz_rules;
    const char *tmp = getenv("TMPDIR");
    snprintf(rules_dir, sizeof rules_dir, "%s/factcheck-fuzz-rules-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(rules_dir))
        fuzz_fail("cannot create a folder for the rules in %s", tmp && *tmp ? tmp : "/tmp");
    atexit(free_fuzz_rules);
    write_text("fuzz.rules.json", fuzz_rules_json);
    write_text("fuzz-refs.csv", fuzz_refs_csv);
    write_text("fuzz-events.csv", fuzz_events_csv);
    char path[600];
    snprintf(path, sizeof path, "%s/fuzz.rules.json", rules_dir);
    fc_diag diag = {0};
    fc_rules_builder *b = fc_rules_builder_new();
    fc_status st = b ? fc_rules_builder_add(b, fc_rules_default_path(), &diag) : FC_ENOMEM;
    if (st == FC_OK)
        st = fc_rules_builder_add(b, path, &diag);
    if (st == FC_OK)
        st = fc_rules_builder_build(b, &fuzz_rules, &diag);
    fc_rules_builder_free(b);
    if (st != FC_OK) {
        char msg[1100];
        fuzz_fail("cannot build the fuzzer's rules: %s (%s); set FACTCHECK_DATADIR",
                  fc_diag_format(&diag, msg, sizeof msg), fc_status_str(st));
    }
    return fuzz_rules;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull && !(devnull = fopen("/dev/null", "w")))
        fuzz_fail("cannot open /dev/null");
    const fc_rules *rules = rules_with_measures();

    fc_corpus *corpus = fc_corpus_new();
    if (!corpus)
        fuzz_fail("fc_corpus_new: out of memory");
    const uint8_t *p = data, *end = data + size;
    for (unsigned i = 0; i < FUZZ_MAX_FILES; i++) {
        const uint8_t *ff = i + 1 < FUZZ_MAX_FILES ? memchr(p, '\f', (size_t)(end - p)) : NULL;
        const uint8_t *e = ff ? ff : end;
        const char *path = fuzz_scratch_path(i, ".md");
        fuzz_write_file(path, p, (size_t)(e - p));
        if (fc_corpus_add_path(corpus, path) != FC_OK)
            fuzz_fail("fc_corpus_add_path: out of memory");
        if (!ff)
            break;
        p = ff + 1;
    }
    fc_status st = fc_corpus_extract(corpus, rules);
    if (st == FC_OK)
        st = fc_corpus_check(corpus, rules);
    if (st != FC_OK)
        fuzz_fail("extract or check: %s", fc_status_str(st));

    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++) {
        fc_format format;
        if (fc_format_parse(format_names[i], &format) != FC_OK)
            continue;
        const fc_report_kind kinds[] = {FC_REPORT_FULL, FC_REPORT_CLAIMS};
        for (size_t k = 0; k < 2; k++) {
            /* colour on for the full text report, so its styled paths run too */
            fc_report_options opt = {format, kinds[k], k == 0, false, k == 0, rules};
            if ((st = fc_report_write(devnull, corpus, &opt)) != FC_OK)
                fuzz_fail("fc_report_write(%s, kind %zu): %s", format_names[i], k,
                          fc_status_str(st));
        }
    }
    /* The database, in memory: every value of the run bound into SQLite, the keys
     * enforced; any refusal is a bug. */
    fc_report_options db_opt = {FC_FORMAT_SQLITE, FC_REPORT_FULL, false, false, false, rules};
    fc_diag diag = {0};
    if ((st = fc_report_write_db(":memory:", corpus, &db_opt, &diag)) != FC_OK)
        fuzz_fail("fc_report_write_db: %s (%s)", fc_status_str(st), diag.message);
    fc_corpus_free(corpus);
    return 0;
}
