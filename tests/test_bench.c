/* test_bench.c - the benchmark corpus: fc-gen's two forms hold the same documents,
 * and fc-bench-extract counts the claims the program extracts from them, so the
 * figures bench/run.sh prints side by side are about the same work. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

/* Runs PROG (a program beside the factcheck binary) with shell-quoted args,
 * capturing stdout and stderr; returns the exit status. */
static int run_tool(const char *prog, const char *args, char **out, char **err)
{
    char outpath[] = "/tmp/fc-test-out-XXXXXX", errpath[] = "/tmp/fc-test-err-XXXXXX";
    int fo = mkstemp(outpath), fe = mkstemp(errpath);
    cr_assert(fo >= 0 && fe >= 0);
    close(fo);
    close(fe);
    char bin[512];
    snprintf(bin, sizeof bin, "%s", FC_BINARY);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s/%s' %s >%s 2>%s", dirname(bin), prog, args, outpath, errpath);
    int rc = system(cmd);
    *out = test_slurp(outpath);
    *err = test_slurp(errpath);
    unlink(outpath);
    unlink(errpath);
    cr_assert(rc != -1 && WIFEXITED(rc), "%s did not exit normally", prog);
    return WEXITSTATUS(rc);
}

static char *make_tmpdir(void)
{
    char *dir = strdup("/tmp/fc-bench-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    return dir;
}

static void remove_tmpdir(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    free(dir);
}

/* Generates SIZE MB with SEED as one file, DIR/corpus.txt, and as a folder, DIR/docs. */
static void generate(const char *dir, const char *size, const char *seed)
{
    char args[700], *out, *err;
    snprintf(args, sizeof args, "%s %s", size, seed);
    cr_assert_eq(run_tool("fc-gen", args, &out, &err), 0, "fc-gen: %s", err);
    snprintf(args, sizeof args, "%s/corpus.txt", dir);
    FILE *f = fopen(args, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(out, 1, strlen(out), f), strlen(out));
    cr_assert_eq(fclose(f), 0);
    free(out);
    free(err);
    snprintf(args, sizeof args, "%s %s --dir '%s/docs'", size, seed, dir);
    cr_assert_eq(run_tool("fc-gen", args, &out, &err), 0, "fc-gen --dir: %s", err);
    cr_assert_str_empty(out);
    free(out);
    free(err);
}

static char *slurp_in(const char *dir, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = test_slurp(path);
    cr_assert_not_null(text, "cannot read %s", path);
    return text;
}

Test(bench, gen_folder_holds_the_documents_of_the_file_byte_for_byte)
{
    char *dir = make_tmpdir();
    generate(dir, "0.3", "7");
    char *whole = slurp_in(dir, "corpus.txt");
    cr_assert_geq(strlen(whole), 300000u);

    /* doc-000001.md, doc-000002.md, ... joined with form-feed lines give the file. */
    size_t cap = strlen(whole) + 1, len = 0, files = 0;
    char *joined = calloc(1, cap);
    for (;;) {
        char name[64];
        snprintf(name, sizeof name, "docs/doc-%06zu.md", files + 1);
        char path[700];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (access(path, F_OK) != 0)
            break;
        char *doc = slurp_in(dir, name);
        cr_assert(strncmp(doc, "---\noutlet: Bench Wire ", 23) == 0,
                  "%s does not start with its front matter", name);
        size_t n = strlen(doc) + (files ? 2 : 0);
        cr_assert_leq(len + n, cap - 1, "the folder holds more than the file");
        len += (size_t)snprintf(joined + len, cap - len, "%s%s", files ? "\f\n" : "", doc);
        free(doc);
        files++;
    }
    cr_assert_gt(files, 100u);
    cr_assert_str_eq(joined, whole);

    /* The same arguments give the same bytes; another seed gives other text. */
    char *out, *err;
    cr_assert_eq(run_tool("fc-gen", "0.3 7", &out, &err), 0);
    cr_assert_str_eq(out, whole);
    free(out);
    free(err);
    cr_assert_eq(run_tool("fc-gen", "0.3 8", &out, &err), 0);
    cr_assert_str_neq(out, whole);
    free(out);
    free(err);

    free(joined);
    free(whole);
    remove_tmpdir(dir);
}

Test(bench, bench_extract_counts_the_claims_the_program_extracts_from_the_folder)
{
    char *dir = make_tmpdir();
    generate(dir, "0.2", "11");
    char args[700], *out, *err;

    snprintf(args, sizeof args, "'%s/corpus.txt'", dir);
    cr_assert_eq(run_tool("fc-bench-extract", args, &out, &err), 0, "%s", err);
    const char *size = strstr(out, "\nsize ");
    cr_assert_not_null(size, "no size line in: %s", out);
    double mb = 0;
    size_t docs = 0, claims = 0;
    cr_assert_eq(sscanf(size, " size %lf MB, %zu documents, %zu claims", &mb, &docs, &claims), 3,
                 "%s", out);
    cr_assert_not_null(strstr(out, "\nCPU time "), "%s", out);
    free(out);
    free(err);

    /* The program reads each file's front matter; fc-bench-extract must too, or it
     * would count claims in the outlet, title and date lines. */
    snprintf(args, sizeof args, "extract -f jsonl '%s/docs'", dir);
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    size_t lines = 0, front = 0;
    for (const char *p = out; *p; p = strchr(p, '\n') + 1) /* claims: the lines of no type */
        lines += strncmp(p, "{\"type\":\"input\",", 16) != 0;
    for (const char *p = out; (p = strstr(p, "\"line\":")); p++)
        front += strtol(p + 7, NULL, 10) <= 5; /* the front matter is lines 1 to 5 */
    cr_assert_gt(claims, 1000u);
    cr_assert_eq(lines, claims, "factcheck extract: %zu claims, fc-bench-extract: %zu", lines,
                 claims);
    cr_assert_eq(front, 0u, "claims taken from front matter lines");
    free(out);
    free(err);

    /* Documents: one file each. */
    snprintf(args, sizeof args, "%s/docs", dir);
    DIR *d = opendir(args);
    cr_assert_not_null(d);
    size_t files = 0;
    for (struct dirent *e; (e = readdir(d));)
        files += e->d_name[0] != '.';
    closedir(d);
    cr_assert_eq(files, docs);
    remove_tmpdir(dir);
}

Test(bench, gen_rejects_a_bad_size_and_names_a_folder_it_cannot_make)
{
    char *dir = make_tmpdir();
    char args[700], *out, *err;
    cr_assert_eq(run_tool("fc-gen", "lots", &out, &err), 2);
    cr_assert_str_empty(out);
    cr_assert_not_null(strstr(err, "'lots' is not a size in megabytes"), "%s", err);
    free(out);
    free(err);

    cr_assert_eq(run_tool("fc-gen", "0.1 --dir", &out, &err), 2);
    cr_assert_not_null(strstr(err, "usage: fc-gen"), "%s", err);
    free(out);
    free(err);

    /* A folder under a regular file cannot be made: the error names it. */
    snprintf(args, sizeof args, "0.1 --dir '%s/file/docs'", dir);
    char path[600];
    snprintf(path, sizeof path, "%s/file", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fclose(f);
    cr_assert_eq(run_tool("fc-gen", args, &out, &err), 1);
    cr_assert_not_null(strstr(err, "/file/docs: Not a directory"), "%s", err);
    free(out);
    free(err);
    remove_tmpdir(dir);
}
