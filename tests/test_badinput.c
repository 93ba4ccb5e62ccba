/* test_badinput.c - the bad-input table (docs/bad-input.md): each row an input,
 * what factcheck does with it and the exit code, through the real program and,
 * where a file must change between listing and reading, through the library.
 *
 * Everywhere: no crash, no hang (test_run puts every run under `timeout`), a
 * message naming each file that cannot be used, every other file processed and
 * listed in the text and the JSON report, JSON that parses, and no infinity or
 * NaN anywhere in the output. Exit codes as `factcheck --help` documents them:
 * 0 no conflict, 1 conflicts, 2 an input could not be read. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

/* ---- fixtures ------------------------------------------------------------------ */

/* The test's folder, removed after the test whether it passed or failed (each
 * test runs in a process of its own), so a failure leaves no 200 MiB file. */
static char *test_dir;

static void remove_test_dir(void)
{
    if (!test_dir)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
    cr_expect_eq(system(cmd), 0);
    free(test_dir);
    test_dir = NULL;
}

TestSuite(badinput, .fini = remove_test_dir);

static const char *make_tmpdir(void)
{
    test_dir = strdup("/tmp/fc-badinput-XXXXXX");
    cr_assert_not_null(mkdtemp(test_dir));
    return test_dir;
}

/* dir/name into buf (of size n); returns buf. */
static char *path_in(char *buf, size_t n, const char *dir, const char *name)
{
    int k = snprintf(buf, n, "%s/%s", dir, name);
    cr_assert(k > 0 && (size_t)k < n, "path too long");
    return buf;
}

static void write_file(const char *dir, const char *name, const void *data, size_t n)
{
    char path[600];
    FILE *f = fopen(path_in(path, sizeof path, dir, name), "wb");
    cr_assert_not_null(f, "cannot create %s", path);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    cr_assert_eq(fclose(f), 0);
}

/* Whether s holds "inf", "infinity" or "nan" as a word (letters and digits
 * around it make no word), in any case: how printf writes a number that is not
 * finite. */
static bool has_nonfinite(const char *s)
{
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (const char *p = s; *p; p++) {
        if (p > s && isalnum((unsigned char)p[-1]))
            continue;
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            size_t n = strlen(words[w]);
            if (strncasecmp(p, words[w], n) == 0 && !isalnum((unsigned char)p[n]))
                return true;
        }
    }
    return false;
}

/* Every number in the JSON value is finite (cJSON reads 1e999 as infinity). */
static void assert_finite_numbers(const cJSON *v)
{
    if (cJSON_IsNumber(v))
        cr_assert(isfinite(v->valuedouble), "a JSON number is not finite");
    const cJSON *c;
    cJSON_ArrayForEach(c, v) assert_finite_numbers(c);
}

/* The report writes a number that is not finite as null: every claim's value
 * and lower bound must be numbers (only an upper bound may be open, as null). */
static void assert_claim_values(const cJSON *report)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(report, "claims"))
    {
        cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(c, "value")), "claim %s: value is null",
                  cJSON_GetObjectItem(c, "id")->valuestring);
        cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(c, "low")), "claim %s: low is null",
                  cJSON_GetObjectItem(c, "id")->valuestring);
    }
}

/* One factcheck run: exit code, standard output and error, the parsed JSON. */
typedef struct run {
    int code;
    char *out, *err;
    cJSON *json; /* NULL for the text format */
} run;

/* Runs factcheck --format fmt args; asserts the exit code, that no output holds
 * an infinity or a NaN and, for JSON, that the report parses. */
static run run_fc(const char *fmt, const char *args, int want)
{
    size_t n = strlen(args) + 64;
    char *cmd = malloc(n);
    snprintf(cmd, n, "--format %s %s", fmt, args);
    run r = {0};
    r.code = test_run(cmd, &r.out, &r.err);
    cr_assert_not_null(r.out);
    cr_assert_not_null(r.err);
    cr_assert_eq(r.code, want, "factcheck %.300s: exit %d, expected %d; stderr: %.500s", cmd,
                 r.code, want, r.err);
    cr_assert(!has_nonfinite(r.out), "infinity or NaN in the %s report of %.300s", fmt, cmd);
    cr_assert(!has_nonfinite(r.err), "infinity or NaN on stderr: %.300s", r.err);
    if (strcmp(fmt, "json") == 0) {
        r.json = cJSON_Parse(r.out);
        cr_assert_not_null(r.json, "the JSON report of %.300s does not parse: %.300s", cmd, r.out);
        assert_finite_numbers(r.json);
        assert_claim_values(r.json);
    }
    free(cmd);
    return r;
}

static void run_free(run *r)
{
    free(r->out);
    free(r->err);
    cJSON_Delete(r->json);
}

static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double num_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    cr_assert(cJSON_IsNumber(v), "no number %s", key);
    return v->valuedouble;
}

/* The JSON report lists input i as path, unusable with this error (the text
 * after "path: "), or read with nclaims claims; stderr names an unusable one. */
static void assert_json_input(const run *r, int i, const char *path, const char *error,
                              double nclaims)
{
    const cJSON *in = cJSON_GetArrayItem(cJSON_GetObjectItem(r->json, "inputs"), i);
    cr_assert_not_null(in, "input %d (%s) is not listed", i, path);
    cr_assert_str_eq(str_of(in, "path"), path, "input %d", i);
    if (error) {
        char want[1200];
        snprintf(want, sizeof want, "%s: %s", path, error);
        cr_assert_str_eq(str_of(in, "status"), "error", "%s", path);
        cr_assert_str_eq(str_of(in, "error"), want);
        cr_assert_eq(num_of(in, "claims"), 0);
        snprintf(want, sizeof want, "factcheck: %s: %s\n", path, error);
        cr_assert_not_null(strstr(r->err, want), "stderr lacks %s", want);
    } else {
        cr_assert_str_eq(str_of(in, "status"), "ok", "%s: %s", path, str_of(in, "error"));
        cr_assert_null(cJSON_GetObjectItem(in, "error"));
        cr_assert_eq(num_of(in, "claims"), nclaims, "%s: %g claims, expected %g", path,
                     num_of(in, "claims"), nclaims);
    }
}

/* The text report lists path with its claim count, or its error. */
static void assert_text_input(const run *r, const char *path, const char *error, size_t nclaims)
{
    char want[1200];
    if (error)
        snprintf(want, sizeof want, "\n%s  ERROR\n  %s: %s\n", path, path, error);
    else
        snprintf(want, sizeof want, "\n%s  (%zu claim%s)\n", path, nclaims,
                 nclaims == 1 ? "" : "s");
    cr_assert_not_null(strstr(r->out, want), "the text report lacks: %s", want);
    if (error) {
        snprintf(want, sizeof want, "factcheck: %s: %s\n", path, error);
        cr_assert_not_null(strstr(r->err, want), "stderr lacks %s", want);
    }
}

/* The summaries of both reports. */
static void assert_summary(const run *json, const run *text, size_t ninputs, size_t nfailed,
                           size_t nclaims)
{
    const cJSON *s = cJSON_GetObjectItem(json->json, "summary");
    cr_assert_eq(num_of(s, "inputs"), (double)ninputs);
    cr_assert_eq(num_of(s, "inputs_failed"), (double)nfailed);
    cr_assert_eq(num_of(s, "claims"), (double)nclaims);
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(json->json, "inputs")), (int)ninputs);
    char want[200];
    snprintf(want, sizeof want, "\nSummary: %zu input%s (%zu ok, %zu failed), %zu claims", ninputs,
             ninputs == 1 ? "" : "s", ninputs - nfailed, nfailed, nclaims);
    cr_assert_not_null(strstr(text->out, want), "the text report lacks %s", want);
}

/* ---- the table: one file each ---------------------------------------------------- */

/* A real PNG image (2 x 2 pixels, RGB): signature, IHDR, IDAT, IEND. Its first
 * NUL byte is at offset 8, in the IHDR chunk's length. */
static const unsigned char png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd,
    0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xcf, 0xc0, 0xc0, 0xf0, 0x1f, 0x8c, 0x80, 0x18, 0x00, 0x1d, 0xf0, 0x03, 0xfd, 0xd3, 0xd0,
    0x7d, 0x26, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

#define NINES10 "9999999999"
#define NINES100 NINES10 NINES10 NINES10 NINES10 NINES10 NINES10 NINES10 NINES10 NINES10 NINES10
#define BYTES(s) s, sizeof s - 1

/* A claim a row must yield. */
typedef struct want_claim {
    const char *text;   /* the span, as written */
    double value;       /* its value */
    const char *period; /* the period resolved, NULL for none */
} want_claim;

typedef struct row {
    const char *name; /* file name in the test folder */
    const char *data; /* its bytes (NULL: made by make_front_matter_line) */
    size_t len;
    const char *error; /* NULL: read and processed; else the message after "path: " */
    int code;          /* exit code of a run over this file alone */
    const char *outlet, *title, *published; /* front matter read; NULL: none */
    size_t nclaims;
    want_claim claims[2]; /* its first claims, in order */
} row;

/* 1 MiB of title on one front-matter line. */
#define BIG_TITLE ((size_t)1 << 20)

static const row table[] = {
    /* Empty: a document with no text (fc_doc_parse accepts it), no claims. */
    {.name = "a-empty.md", BYTES(""), .code = 0},
    /* Only whitespace, with CR, tab and a form feed. */
    {.name = "b-whitespace.md", BYTES("  \n\t\n\r\n \f \n"), .code = 0},
    /* Invalid UTF-8 (stray bytes, an overlong slash, a lone continuation byte, a
     * truncated sequence at the end): read as bytes, the figures around it found. */
    {.name = "c-bad-utf8.md",
     BYTES("Bad \xff\xfe bytes, an overlong \xc0\xaf slash, a lone \x80 and \xc3 12 people "
           "came.\nTruncated \xe2\x82"),
     .code = 0,
     .nclaims = 1,
     .claims = {{"12", 12, NULL}}},
    /* Latin-1 copy read as UTF-8: the pound sign's byte glued to its figure
     * ("\xa3300") stands apart, and the 300 is found. */
    {.name = "c2-latin1.md",
     BYTES("The caf\xe9 owners paid \xa3" "300 in fees.\n"),
     .code = 0,
     .nclaims = 1,
     .claims = {{"300", 300, NULL}}},
    /* NUL bytes: a binary file, refused with the offset of the first NUL. */
    {.name = "d-nul.md",
     BYTES("nul\0byte with 5 people\n"),
     .error = "binary file (NUL byte at offset 3); not a text document",
     .code = 2},
    /* A real PNG saved under a document name. */
    {.name = "e-image.md",
     (const char *)png,
     sizeof png,
     .error = "binary file (NUL byte at offset 8); not a text document",
     .code = 2},
    /* Figures that overflow a double or sit near its limits. "1e400" and "$1e308
     * trillion" are not news notation (a number glued to letters is no figure);
     * the 40-digit number is a figure (1.2e39); 400 nines, and 308 nines times a
     * trillion, are beyond 1e100 and not claims (they read as infinity). */
    {.name = "f-overflow.md",
     BYTES("The deficit reached 1e400 dollars last year. Officials counted "
           "1234567890123456789012345678901234567890 votes. The fund holds $1e308 trillion in "
           "assets. A queue of " NINES100 NINES100 NINES100 NINES100
           " people waited. Traders moved " NINES100 NINES100 NINES100
           "99999999 trillion dollars.\n"),
     .code = 0,
     .nclaims = 1,
     .claims = {{"1234567890123456789012345678901234567890", 1.2345678901234568e39, NULL}}},
    /* Front matter without its closing fence: the whole file is body (a stray
     * "---" must not swallow a document), so no outlet or title is read. */
    {.name = "g-unterminated.md",
     BYTES("---\noutlet: Lost Fence\ntitle: Never closed\nThe board approved 14 new buses.\n"),
     .code = 0,
     .nclaims = 1,
     .claims = {{"14", 14, NULL}}},
    /* Garbage keys: lines without a key, unknown keys and control bytes are
     * skipped; keys match in any case; the first value of a key wins. */
    {.name = "h-garbage-keys.md",
     BYTES("---\n: no key\n???: what\noutlet\n\x01\x02: ctrl\ntitle: Real Title\n"
           "OUTLET: Upper Case Wire\noutlet: Second Outlet\nnot a key line\n---\n"
           "The clinic treated 31 patients.\n"),
     .code = 0,
     .outlet = "Upper Case Wire",
     .title = "Real Title",
     .nclaims = 1,
     .claims = {{"31", 31, NULL}}},
    /* A 1 MiB front-matter line (the title): kept whole. */
    {.name = "i-long-front-matter.md",
     .data = NULL,
     .code = 0,
     .nclaims = 1,
     .claims = {{"9", 9, NULL}}},
    /* A date that is no date: kept as written; no period is derived from it
     * ("last week" of 2025-03-14 would be 2025-03-03/2025-03-09). */
    {.name = "j-bad-date.md",
     BYTES("---\npublished: 2025-13-45\n---\nLast week the city hired 25 teachers.\n"),
     .code = 0,
     .published = "2025-13-45",
     .nclaims = 1,
     .claims = {{"25", 25, NULL}}},
    {.name = "j-good-date.md",
     BYTES("---\npublished: 2025-03-14\n---\nLast week the city hired 25 teachers.\n"),
     .code = 0,
     .published = "2025-03-14",
     .nclaims = 1,
     .claims = {{"25", 25, "2025-03-03/2025-03-09"}}},
    /* German, declared: its figures are read with a decimal comma and thousands
     * dots (1.250 is 1,250; 6,3 is 6.3), never misread as 1.25 or 63. */
    {.name = "k-german.md",
     BYTES("---\nlanguage: de\n---\nDie Polizei nahm am Dienstag 1.250 Personen fest. Die "
           "Arbeitslosenquote stieg auf 6,3 Prozent.\n"),
     .code = 0,
     .nclaims = 2,
     .claims = {{"1.250", 1250, NULL}, {"6,3", 6.3, NULL}}},
    /* Chinese: read and listed; its figures are glued to Han characters (no
     * spaces between words), so none is taken for a claim rather than misread. */
    {.name = "l-chinese.md",
     BYTES("---\nlanguage: zh\n---\n\xe8\xad\xa6\xe6\x96\xb9\xe5\x91\xa8\xe4\xba\x8c\xe9\x80\xae"
           "\xe6\x8d\x95\xe4\xba\x86"
           "1250\xe4\xba\xba\xe3\x80\x82\xe5\xa4\xb1\xe4\xb8\x9a"
           "\xe7\x8e\x87\xe4\xb8\x8a\xe5\x8d\x87\xe8\x87\xb3"
           "6.3%\xe3\x80\x82\n"),
     .code = 0},
};
#define NROWS (sizeof table / sizeof *table)

static char *make_front_matter_line(size_t *len)
{
    const char head[] = "---\ntitle: ", tail[] = "\n---\nCrews fixed 9 bridges.\n";
    *len = sizeof head - 1 + BIG_TITLE + sizeof tail - 1;
    char *s = malloc(*len);
    memcpy(s, head, sizeof head - 1);
    memset(s + sizeof head - 1, 'x', BIG_TITLE);
    memcpy(s + sizeof head - 1 + BIG_TITLE, tail, sizeof tail - 1);
    return s;
}

static void write_row(const char *dir, const row *r)
{
    if (r->data) {
        write_file(dir, r->name, r->data, r->len);
        return;
    }
    size_t len;
    char *data = make_front_matter_line(&len);
    write_file(dir, r->name, data, len);
    free(data);
}

static void assert_field(const cJSON *in, const char *key, const char *want, const row *r)
{
    const char *got = str_of(in, key);
    if (want)
        cr_assert(got && strcmp(got, want) == 0, "%s: %s is %s, expected %s", r->name, key,
                  got ? got : "null", want);
    else if (!r->data && strcmp(key, "title") == 0)
        cr_assert(got && strlen(got) == BIG_TITLE && strspn(got, "x") == BIG_TITLE,
                  "%s: the 1 MiB title is not kept whole", r->name);
    else
        cr_assert_null(got, "%s: %s is %s, expected none", r->name, key, got);
}

/* The claims of the row in the JSON report, from the first claim of its file. */
static void assert_claims(const run *j, const char *path, const row *r)
{
    size_t k = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(j->json, "claims"))
    {
        if (strcmp(str_of(c, "doc"), path) != 0 || k >= r->nclaims || k >= 2)
            continue;
        const want_claim *w = &r->claims[k++];
        cr_assert_str_eq(str_of(c, "text"), w->text, "%s", r->name);
        cr_assert_float_eq(num_of(c, "value"), w->value, fabs(w->value) * 1e-12, "%s: %s", r->name,
                           w->text);
        if (w->period)
            cr_assert_str_eq(str_of(c, "period"), w->period, "%s", r->name);
        else
            cr_assert(cJSON_IsNull(cJSON_GetObjectItem(c, "period")), "%s: a period", r->name);
    }
    cr_assert_eq(k, r->nclaims < 2 ? r->nclaims : 2, "%s: claims missing", r->name);
}

/* Each row alone: its status, message, claims and exit code, in both formats. */
Test(badinput, each_row_alone, .timeout = 600)
{
    const char *dir = make_tmpdir();
    for (size_t i = 0; i < NROWS; i++) {
        const row *r = &table[i];
        write_row(dir, r);
        char path[600];
        path_in(path, sizeof path, dir, r->name);
        run j = run_fc("json", path, r->code), t = run_fc("text", path, r->code);
        assert_json_input(&j, 0, path, r->error, (double)r->nclaims);
        assert_text_input(&t, path, r->error, r->nclaims);
        assert_summary(&j, &t, 1, r->error != NULL, r->nclaims);
        if (!r->error) {
            const cJSON *in = cJSON_GetArrayItem(cJSON_GetObjectItem(j.json, "inputs"), 0);
            assert_field(in, "outlet", r->outlet, r);
            assert_field(in, "title", r->title, r);
            assert_field(in, "published", r->published, r);
            assert_claims(&j, path, r);
        }
        run_free(&j);
        run_free(&t);
    }
}

/* All rows in one folder: the unusable files are reported and every other one
 * is processed and listed, in byte order of the names. */
Test(badinput, all_rows_in_one_folder, .timeout = 600)
{
    const char *dir = make_tmpdir();
    size_t failed = 0, claims = 0;
    for (size_t i = 0; i < NROWS; i++) {
        write_row(dir, &table[i]);
        failed += table[i].error != NULL;
        claims += table[i].nclaims;
    }
    run j = run_fc("json", dir, 2), t = run_fc("text", dir, 2);
    for (size_t i = 0; i < NROWS; i++) { /* the table is in byte order of the names */
        char path[600];
        path_in(path, sizeof path, dir, table[i].name);
        assert_json_input(&j, (int)i, path, table[i].error, (double)table[i].nclaims);
        assert_text_input(&t, path, table[i].error, table[i].nclaims);
        if (i > 0)
            cr_assert_lt(strcmp(table[i - 1].name, table[i].name), 0);
    }
    assert_summary(&j, &t, NROWS, failed, claims);
    run_free(&j);
    run_free(&t);
    /* The other formats list every row too (ClaimReview lists verdicts only). */
    static const char *const others[] = {"jsonl", "csv", "html", "claimreview"};
    for (size_t f = 0; f < sizeof others / sizeof *others; f++) {
        run o = run_fc(others[f], dir, 2);
        for (size_t i = 0; i < NROWS && strcmp(others[f], "claimreview") != 0; i++)
            cr_assert_not_null(strstr(o.out, table[i].name), "%s: %s not listed", others[f],
                               table[i].name);
        run_free(&o);
    }
}

/* Files that cannot be used as the folder is listed or named: a dangling
 * symlink, a FIFO named like a document (reported, not waited on), a file over
 * 1 GiB (sparse; refused by its size without reading it), a missing
 * file named on the command line, a PNG named explicitly (read whatever its
 * name, refused as binary) and one in the folder (not a document name: listed
 * as skipped, with a warning, and not read). The good file is processed. */
Test(badinput, unusable_files_are_named_and_the_rest_processed)
{
    const char *dir = make_tmpdir();
    char path[600], args[2000];
    write_file(dir, "a-good.md", BYTES("Agents made 12 arrests.\n"));
    write_file(dir, "photo.png", png, sizeof png);
    cr_assert_eq(
        symlink("/nonexistent/target.md", path_in(path, sizeof path, dir, "c-dangling.md")), 0);
    cr_assert_eq(mkfifo(path_in(path, sizeof path, dir, "d-pipe.md"), 0644), 0);
    /* Over FC_DOC_MAX_BYTES, sparse: refused by its size, before it is read. */
    write_file(dir, "e-huge.md", "", 0);
    cr_assert_eq(
        truncate(path_in(path, sizeof path, dir, "e-huge.md"), (off_t)FC_DOC_MAX_BYTES + 1), 0);
    snprintf(args, sizeof args, "%s %s/missing.md %s/photo.png", dir, dir, dir);
    run j = run_fc("json", args, 2), t = run_fc("text", args, 2);
    static const struct {
        const char *name, *error;
        size_t nclaims;
    } want[] = {{"a-good.md", NULL, 1},
                {"c-dangling.md", "No such file or directory", 0},
                {"d-pipe.md", "a FIFO, not a document file; not read", 0},
                {"e-huge.md", "file is larger than 1024 MiB; not read", 0},
                {"photo.png", NULL, 0}, /* in the folder: skipped */
                {"missing.md", "No such file or directory", 0},
                {"photo.png", "binary file (NUL byte at offset 8); not a text document", 0}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        path_in(path, sizeof path, dir, want[i].name);
        if (i == 4) {
            const cJSON *in = cJSON_GetArrayItem(cJSON_GetObjectItem(j.json, "inputs"), 4);
            char warning[1200], line[2000];
            snprintf(warning, sizeof warning,
                     "%s: not a document type factcheck reads (.md, .txt, .html, .htm, .jsonl); "
                     "skipped",
                     path);
            cr_assert_str_eq(str_of(in, "path"), path);
            cr_assert_str_eq(str_of(in, "status"), "skipped");
            cr_assert_str_eq(str_of(in, "warning"), warning);
            snprintf(line, sizeof line, "\n%s  skipped\n  %s\n", path, warning);
            cr_assert_not_null(strstr(t.out, line), "the text report lacks %s", line);
            snprintf(line, sizeof line, "factcheck: warning: %s\n", warning);
            cr_assert_not_null(strstr(t.err, line), "stderr lacks %s", line);
            continue;
        }
        assert_json_input(&j, (int)i, path, want[i].error, (double)want[i].nclaims);
        assert_text_input(&t, path, want[i].error, want[i].nclaims);
    }
    const cJSON *sum = cJSON_GetObjectItem(j.json, "summary");
    cr_assert_eq(num_of(sum, "inputs"), 7);
    cr_assert_eq(num_of(sum, "inputs_ok"), 1);
    cr_assert_eq(num_of(sum, "inputs_failed"), 5);
    cr_assert_eq(num_of(sum, "inputs_skipped"), 1);
    cr_assert_not_null(strstr(t.out, "\nSummary: 7 inputs (1 ok, 5 failed, 1 skipped), 1 claims"));
    run_free(&j);
    run_free(&t);
}

/* ---- files that change between listing and reading (library) -------------------- */

static const fc_input *input_named(const fc_corpus *c, const char *dir, const char *name)
{
    char path[600];
    path_in(path, sizeof path, dir, name);
    for (size_t i = 0; i < fc_corpus_ninputs(c); i++)
        if (strcmp(fc_corpus_input(c, i)->path, path) == 0)
            return fc_corpus_input(c, i);
    cr_assert_fail("%s is not an input", path);
    return NULL;
}

/* A report written by the library into a string. */
static char *report_string(const fc_corpus *c, fc_format format)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cr_assert_not_null(f);
    fc_report_options opt = {format, FC_REPORT_FULL, false, false, false, NULL};
    cr_assert_eq(fc_report_write(f, c, &opt), FC_OK);
    fclose(f);
    return buf;
}

/* As root, chmod 000 does not stop reading, so "unreadable" is made by what a
 * listed file becomes before it is read: gone, a folder, a FIFO with no writer
 * (which must not block the run: SIGALRM kills the test if it does), a symlink
 * loop. */
Test(badinput, files_that_vanish_or_change_after_listing)
{
    const char *dir = make_tmpdir();
    static const char *const names[] = {"a-stays.md",          "b-vanishes.md",
                                        "c-becomes-folder.md", "d-becomes-fifo.md",
                                        "e-becomes-loop.md",   "f-stays.md"};
    for (size_t i = 0; i < 6; i++)
        write_file(dir, names[i], BYTES("Officials counted 40 ballots.\n"));
    fc_corpus *c = fc_corpus_new();
    cr_assert_eq(fc_corpus_add_path(c, dir), FC_OK);
    cr_assert_eq(fc_corpus_ninputs(c), 6);
    cr_assert_eq(fc_corpus_nfailed(c), 0);

    char path[600], other[600];
    cr_assert_eq(unlink(path_in(path, sizeof path, dir, names[1])), 0);
    cr_assert_eq(unlink(path_in(path, sizeof path, dir, names[2])), 0);
    cr_assert_eq(mkdir(path, 0755), 0);
    cr_assert_eq(unlink(path_in(path, sizeof path, dir, names[3])), 0);
    cr_assert_eq(mkfifo(path, 0644), 0);
    cr_assert_eq(unlink(path_in(path, sizeof path, dir, names[4])), 0);
    cr_assert_eq(symlink(path_in(other, sizeof other, dir, "loop-b"), path), 0);
    cr_assert_eq(symlink(path, other), 0);

    alarm(60);
    cr_assert_eq(fc_corpus_extract(c, test_rules()), FC_OK);
    alarm(0);
    cr_assert_eq(fc_corpus_check(c, test_rules()), FC_OK);

    static const char *const errors[] = {NULL,
                                         "cannot open: No such file or directory",
                                         "a folder, not a document file; not read",
                                         "a FIFO, not a document file; not read",
                                         "cannot open: Too many levels of symbolic links",
                                         NULL};
    char *text = report_string(c, FC_FORMAT_TEXT), *json = report_string(c, FC_FORMAT_JSON);
    cJSON *j = cJSON_Parse(json);
    cr_assert_not_null(j);
    cr_assert(!has_nonfinite(text) && !has_nonfinite(json));
    for (size_t i = 0; i < 6; i++) {
        const fc_input *in = input_named(c, dir, names[i]);
        cr_assert_eq(in, fc_corpus_input(c, i), "inputs keep their order");
        char want[1200];
        if (errors[i]) {
            snprintf(want, sizeof want, "%s: %s", in->path, errors[i]);
            cr_assert_eq(in->status, FC_EIO, "%s", in->path);
            cr_assert_str_eq(in->error, want);
            cr_assert_null(in->doc);
            snprintf(want, sizeof want, "\n%s  ERROR\n  %s: %s\n", in->path, in->path, errors[i]);
        } else {
            cr_assert_eq(in->status, FC_OK, "%s: %s", in->path, in->error);
            cr_assert_eq(in->nclaims, 1);
            snprintf(want, sizeof want, "\n%s  (1 claim)\n", in->path);
        }
        cr_assert_not_null(strstr(text, want), "the text report lacks %s", want);
        const cJSON *ji = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "inputs"), (int)i);
        cr_assert_str_eq(str_of(ji, "path"), in->path);
        cr_assert_str_eq(str_of(ji, "status"), errors[i] ? "error" : "ok");
    }
    cr_assert_eq(fc_corpus_nfailed(c), 4);
    cr_assert_eq(fc_corpus_claims(c)->n, 2);
    cJSON_Delete(j);
    free(text);
    free(json);
    fc_corpus_free(c);
}

/* ---- folders ----------------------------------------------------------------------- */

/* Symlink loops: two document links pointing at each other, a folder link to
 * its own folder and one to its parent. Each is reported once, nothing is
 * walked twice, the real files are processed. */
Test(badinput, symlink_loops_in_a_folder)
{
    const char *dir = make_tmpdir();
    char path[600], sub[600], args[700];
    write_file(dir, "good.md", BYTES("Volunteers planted 300 trees.\n"));
    cr_assert_eq(symlink("b.md", path_in(path, sizeof path, dir, "a.md")), 0);
    cr_assert_eq(symlink("a.md", path_in(path, sizeof path, dir, "b.md")), 0);
    cr_assert_eq(symlink(".", path_in(path, sizeof path, dir, "self")), 0);
    cr_assert_eq(mkdir(path_in(sub, sizeof sub, dir, "sub"), 0755), 0);
    write_file(sub, "inner.md", BYTES("The shelter housed 45 dogs.\n"));
    cr_assert_eq(symlink("..", path_in(path, sizeof path, sub, "up")), 0);
    snprintf(args, sizeof args, "%s", dir);
    run j = run_fc("json", args, 2), t = run_fc("text", args, 2);
    static const struct {
        const char *name, *error;
        size_t nclaims;
    } want[] = {{"a.md", "Too many levels of symbolic links", 0},
                {"b.md", "Too many levels of symbolic links", 0},
                {"good.md", NULL, 1},
                {"self", "symbolic link loop; folder not entered", 0},
                {"sub/inner.md", NULL, 1},
                {"sub/up", "symbolic link loop; folder not entered", 0}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        path_in(path, sizeof path, dir, want[i].name);
        assert_json_input(&j, (int)i, path, want[i].error, (double)want[i].nclaims);
        assert_text_input(&t, path, want[i].error, want[i].nclaims);
    }
    assert_summary(&j, &t, 6, 4, 2);
    run_free(&j);
    run_free(&t);
}

/* 10,000 files in one folder: all listed and processed, in byte order of their
 * names (doc-1, doc-10, doc-100, ...), each file's own figure read from it. */
Test(badinput, ten_thousand_files_in_a_folder, .timeout = 600)
{
    enum { N = 10000 };
    const char *dir = make_tmpdir();
    char name[64], text[128];
    for (int i = 1; i <= N; i++) {
        snprintf(name, sizeof name, "doc-%d.md", i);
        /* 10,001 and up: no figure looks like a year or an emergency number. */
        int n = snprintf(text, sizeof text, "Crews repaired %d,%03d potholes on Main Street.\n",
                         (N + i) / 1000, (N + i) % 1000);
        write_file(dir, name, text, (size_t)n);
    }
    run j = run_fc("json", dir, 0), t = run_fc("text", dir, 0);
    assert_summary(&j, &t, N, 0, N);
    const cJSON *inputs = cJSON_GetObjectItem(j.json, "inputs");
    const cJSON *claims = cJSON_GetObjectItem(j.json, "claims");
    const char *prev = "";
    for (int k = 0; k < N; k++) {
        const cJSON *in = cJSON_GetArrayItem(inputs, k), *c = cJSON_GetArrayItem(claims, k);
        const char *path = str_of(in, "path");
        cr_assert_lt(strcmp(prev, path), 0, "%s listed after %s", path, prev);
        prev = path;
        cr_assert_str_eq(str_of(in, "status"), "ok");
        cr_assert_eq(num_of(in, "claims"), 1);
        cr_assert_str_eq(str_of(c, "doc"), path);
        int i = atoi(strrchr(path, '-') + 1);
        cr_assert_eq(num_of(c, "value"), N + i, "%s: %g", path, num_of(c, "value"));
    }
    /* The text report in the same order. */
    const char *at = t.out;
    for (int i = 1; i <= N; i *= 10) {
        char want[600];
        snprintf(want, sizeof want, "\n%s/doc-%d.md  (1 claim)\n", dir, i);
        const char *next = strstr(t.out, want);
        cr_assert(next && next > at, "the text report lacks or misplaces %s", want);
        at = next;
    }
    run_free(&j);
    run_free(&t);
}

/* ---- numbers near the limits across documents ------------------------------------ */

/* Two sources at +-1e99 on one measure: the conflict's gap (2e99) and its
 * relative size stay finite; a third at 1e101 is beyond the claim range. The
 * summary of two sources has no MAD (it printed "nan"). */
Test(badinput, extreme_figures_on_one_measure_keep_findings_finite)
{
    const char *dir = make_tmpdir();
#define ZEROS10 "0000000000"
#define ZEROS99 ZEROS10 ZEROS10 ZEROS10 ZEROS10 ZEROS10 ZEROS10 ZEROS10 ZEROS10 ZEROS10 "000000000"
    write_file(
        dir, "a.md",
        BYTES("---\noutlet: Wire A\n---\nICE made 1" ZEROS99 " arrests a day, officials said.\n"));
    write_file(
        dir, "b.md",
        BYTES("---\noutlet: Wire B\n---\nICE made -1" ZEROS99 " arrests a day, officials said.\n"));
    write_file(dir, "c.md",
               BYTES("---\noutlet: Wire C\n---\nICE made 1" ZEROS99
                     "00 arrests a day, officials said.\n"));
    char args[700];
    snprintf(args, sizeof args, "--rules claims/factcheck.rules.json %s", dir);
    run j = run_fc("json", args, 1), t = run_fc("text", args, 1);
    assert_summary(&j, &t, 3, 0, 2);
    const cJSON *f, *conflict = NULL, *info = NULL;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j.json, "findings"))
    {
        if (strcmp(str_of(f, "check"), "cross_source") != 0)
            continue;
        if (strcmp(str_of(f, "severity"), "conflict") == 0)
            conflict = f;
        else
            info = f;
    }
    cr_assert_not_null(conflict);
    cr_assert_float_eq(num_of(cJSON_GetObjectItem(conflict, "numbers"), "gap"), 2e99, 1e85);
    cr_assert_float_eq(num_of(cJSON_GetObjectItem(conflict, "numbers"), "relative_gap"), 2, 1e-9);
    cr_assert_not_null(info);
    cr_assert_str_eq(str_of(info, "message"),
                     "2 sources on Daily ICE arrests actually made: median 0.");
    cr_assert_not_null(strstr(t.out, "(gap 2e+99, 200.0% of the larger figure)"));
    run_free(&j);
    run_free(&t);
}

/* ---- a 200 MiB single line ------------------------------------------------------ */

/* 1 KiB of news copy without a line break: a claim sentence ("1,250 residents")
 * in one chunk of 64, the others made of figures that are no claims (dates,
 * times, ages, years, a route, a phone number), so the whole line is lexed and
 * looked at while the report stays small (3,200 claims). */
#define CHUNK 1024
#define CHUNKS_PER_CLAIM 64
static const char claim_sentence[] =
    "The council said 1,250 residents attended the hearing on the budget. ";

static void make_chunk(char *out, bool with_claim)
{
    static const char *const filler[] = {
        "On March 3, 2024, the 45-year-old mayor spoke at 10:30 a.m. in Room 12B. ",
        "The 2019 report was cited again, as in the 1990s debate. ",
        "Route 66 was closed near Exit 7 until Friday. ",
        "Call 555-0142 for details about the plan adopted in 2021. "};
    size_t n = 0;
    if (with_claim) {
        memcpy(out, claim_sentence, sizeof claim_sentence - 1);
        n = sizeof claim_sentence - 1;
    }
    for (size_t i = 0; n + strlen(filler[i % 4]) <= CHUNK; i++) {
        memcpy(out + n, filler[i % 4], strlen(filler[i % 4]));
        n += strlen(filler[i % 4]);
    }
    memset(out + n, ' ', CHUNK - n); /* ends in a space: blocks of 64 KiB cut between chunks */
}

Test(badinput, a_200_mib_single_line, .timeout = 900)
{
    enum { NCHUNKS = 200 * 1024 }; /* 200 MiB */
    const double size = (double)NCHUNKS * CHUNK;
    const char *dir = make_tmpdir();
    char path[600], a[CHUNK], b[CHUNK];
    make_chunk(a, true);
    make_chunk(b, false);
    FILE *f = fopen(path_in(path, sizeof path, dir, "b-one-line.txt"), "wb");
    cr_assert_not_null(f);
    for (int k = 0; k < NCHUNKS; k++)
        cr_assert_eq(fwrite(k % CHUNKS_PER_CLAIM ? b : a, 1, CHUNK, f), CHUNK);
    cr_assert_eq(fclose(f), 0);
    write_file(dir, "a-note.md", BYTES("Crews fixed 9 bridges.\n"));

    run j = run_fc("json", dir, 0);
    struct rusage ru;
    cr_assert_eq(getrusage(RUSAGE_CHILDREN, &ru), 0);
    /* Peak memory (ru_maxrss, KiB) of the largest child, factcheck: the file is
     * read into one buffer of its size that the document keeps (1x); tokens live
     * for one 64 KiB block at a time and the 3,200 claims are small. 1.5x the
     * file + 64 MiB leaves room for the rules, the report and, in the ASan
     * build, the shadow memory (1/8 of the heap) and the runtime, so the bound
     * holds there too (measured: 205 MiB, 262 MiB under ASan). A reader that
     * grows a buffer by doubling and then copies it (about 2.25x) fails it. */
    double peak = (double)ru.ru_maxrss * 1024;
    cr_assert_lt(peak, 1.5 * size + 64.0 * 1024 * 1024, "peak RSS %.0f MiB for a %.0f MiB line",
                 peak / 1048576, size / 1048576);

    char note[600];
    path_in(note, sizeof note, dir, "a-note.md");
    assert_json_input(&j, 0, note, NULL, 1);
    assert_json_input(&j, 1, path, NULL, NCHUNKS / CHUNKS_PER_CLAIM);
    const cJSON *claims = cJSON_GetObjectItem(j.json, "claims");
    cr_assert_eq(cJSON_GetArraySize(claims), 1 + NCHUNKS / CHUNKS_PER_CLAIM);
    /* Every claim of the line: its figure, at its offset, on line 1. */
    const size_t at = (size_t)(strstr(claim_sentence, "1,250") - claim_sentence);
    for (int k = 0; k < NCHUNKS / CHUNKS_PER_CLAIM; k++) {
        const cJSON *c = cJSON_GetArrayItem(claims, k + 1);
        size_t start = (size_t)k * CHUNKS_PER_CLAIM * CHUNK + at;
        cr_assert_str_eq(str_of(c, "text"), "1,250");
        cr_assert_eq(num_of(c, "value"), 1250);
        cr_assert_eq(num_of(c, "start"), (double)start, "claim %d", k);
        cr_assert_eq(num_of(c, "line"), 1);
        cr_assert_eq(num_of(c, "col"), (double)start + 1);
        cr_assert_str_eq(str_of(c, "subject"), "residents");
    }
    run_free(&j);
}

/* A publication date that is no date: the document is read without one, listed
 * as ok, and the command line says so on standard error, naming the file. */
Test(badinput, a_publication_date_that_is_no_date)
{
    const char *dir = make_tmpdir();
    write_file(dir, "a.md",
               BYTES("---\noutlet: Wire A\npublished: 2025-13-45\n---\nThe city hired 40 "
                     "teachers last week.\n"));
    char args[600], want[1200];
    snprintf(args, sizeof args, "%s", dir);
    run j = run_fc("json", args, 0);
    snprintf(want, sizeof want,
             "factcheck: warning: %s/a.md: published \"2025-13-45\" is not a date (YYYY-MM-DD); "
             "its relative dates (\"last week\", \"on Monday\") are not resolved\n",
             dir);
    cr_assert_str_eq(j.err, want);
    const cJSON *in = cJSON_GetArrayItem(cJSON_GetObjectItem(j.json, "inputs"), 0);
    cr_assert_str_eq(str_of(in, "status"), "ok");
    /* the report carries the warning too, not only standard error */
    snprintf(want, sizeof want,
             "%s/a.md: published \"2025-13-45\" is not a date (YYYY-MM-DD); "
             "its relative dates (\"last week\", \"on Monday\") are not resolved",
             dir);
    cr_assert_str_eq(str_of(in, "warning"), want);
    const cJSON *cl = cJSON_GetArrayItem(cJSON_GetObjectItem(j.json, "claims"), 0);
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(cl, "period")), "no period without a date");
    run_free(&j);
}
