/* test_reliability_io.c - files that are not what they seem, and output that
 * cannot be written: FIFOs and devices where rule files are expected, endless
 * streams, symlink trees that multiply a folder walk, an -o that names an input
 * or fails half way, output lost to /dev/full, long paths and the argument "-".
 *
 * Every run of the program is a child under limits the test checks rather than
 * times: a wall-clock guard (the child is killed and the test fails when it is
 * passed: a FIFO waited on uses no CPU), RLIMIT_CPU, RLIMIT_AS (outside the
 * sanitizer build, whose shadow memory needs the address space) and the peak
 * resident memory of the child (wait4), asserted under a bound in every build. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* Limits of every run: a run past them is a hang or a blow-up. */
#define RUN_WALL_SECONDS 60
#define RUN_CPU_SECONDS 30
#define RUN_AS_MIB 512 /* address space, outside the sanitizer build */

/* ---- fixtures ------------------------------------------------------------------ */

static char *test_dir;

static void remove_test_dir(void)
{
    if (!test_dir)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", test_dir, test_dir);
    cr_expect_eq(system(cmd), 0);
    free(test_dir);
    test_dir = NULL;
}

TestSuite(reliability_io, .fini = remove_test_dir);

static const char *make_tmpdir(void)
{
    test_dir = strdup("/tmp/fc-relio-XXXXXX");
    cr_assert_not_null(mkdtemp(test_dir));
    return test_dir;
}

/* test_dir/name, in a static ring of buffers (up to 32 live at once). */
static const char *at(const char *name)
{
    static char bufs[32][4096];
    static unsigned next;
    char *b = bufs[next++ % 32];
    int k = snprintf(b, sizeof bufs[0], "%s/%s", test_dir, name);
    cr_assert(k > 0 && (size_t)k < sizeof bufs[0], "path too long");
    return b;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot create %s", path);
    cr_assert_eq(fputs(text, f) >= 0, 1);
    cr_assert_eq(fclose(f), 0);
}

static const char *const story = "---\noutlet: Daily\n---\nPolice detained 475 people.\n";

/* ---- running the program under limits ---------------------------------------- */

typedef struct run_spec {
    const char *cwd;       /* NULL: the test's own */
    const char *in;        /* a file for standard input; NULL: /dev/null */
    bool endless_in;       /* standard input an endless stream of 'x' bytes (a pipe) */
    const char *out;       /* a file for standard output; NULL: captured */
    rlim_t fsize;          /* RLIMIT_FSIZE in bytes (SIGXFSZ ignored); 0: none */
    mode_t umask;          /* the child's umask; 0: 022 */
    bool need_address_space; /* no RLIMIT_AS (a run meant to use over RUN_AS_MIB) */
} run_spec;

typedef struct run_result {
    int code;       /* exit status */
    char *out, *err;
    long peak_kib;  /* peak resident memory of the child */
} run_result;

static char *slurp_fd_file(const char *path)
{
    char *s = test_slurp(path);
    unlink(path);
    return s ? s : strdup("");
}

/* A child writing 'x' bytes to fd until the reader goes away. */
static pid_t start_feeder(int fd)
{
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_IGN);
        static char block[1 << 16];
        memset(block, 'x', sizeof block);
        while (write(fd, block, sizeof block) > 0)
            ;
        _exit(0);
    }
    return pid;
}

/* Runs FC_BINARY with args (NULL-terminated) as spec says; fails the test when
 * the run passes its limits (wall clock, CPU) or dies of a signal. */
static run_result run(const run_spec *spec, const char *const *args)
{
    char outpath[] = "/tmp/fc-relio-out-XXXXXX", errpath[] = "/tmp/fc-relio-err-XXXXXX";
    int fo = spec->out ? -1 : mkstemp(outpath), fe = mkstemp(errpath);
    cr_assert(fe >= 0 && (spec->out || fo >= 0));
    int pipefd[2] = {-1, -1};
    pid_t feeder = -1;
    if (spec->endless_in) {
        cr_assert_eq(pipe(pipefd), 0);
        feeder = start_feeder(pipefd[1]);
        close(pipefd[1]);
    }
    const char *argv[64] = {FC_BINARY};
    size_t n = 1;
    for (; args[n - 1]; n++) {
        cr_assert(n < 63);
        argv[n] = args[n - 1];
    }
    argv[n] = NULL;

    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        int in = spec->endless_in ? pipefd[0] : open(spec->in ? spec->in : "/dev/null", O_RDONLY);
        int out = spec->out ? open(spec->out, O_WRONLY | O_CREAT | O_TRUNC, 0644) : fo;
        if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(fe, 2) < 0)
            _exit(126);
        if (spec->cwd && chdir(spec->cwd) != 0)
            _exit(126);
        struct rlimit cpu = {RUN_CPU_SECONDS, RUN_CPU_SECONDS};
        setrlimit(RLIMIT_CPU, &cpu);
        if (!UNDER_ASAN && !spec->need_address_space) {
            struct rlimit as = {(rlim_t)RUN_AS_MIB << 20, (rlim_t)RUN_AS_MIB << 20};
            setrlimit(RLIMIT_AS, &as);
        }
        if (spec->fsize) {
            struct rlimit fs = {spec->fsize, spec->fsize};
            setrlimit(RLIMIT_FSIZE, &fs);
            signal(SIGXFSZ, SIG_IGN); /* so that write() fails with EFBIG */
        }
        umask(spec->umask ? spec->umask : 022);
        execv(FC_BINARY, (char *const *)argv);
        _exit(127);
    }
    if (pipefd[0] >= 0)
        close(pipefd[0]);
    int status = 0;
    struct rusage ru = {0};
    pid_t got = 0;
    for (int waited_ms = 0; (got = wait4(pid, &status, WNOHANG, &ru)) == 0; waited_ms += 10) {
        if (waited_ms >= RUN_WALL_SECONDS * 1000) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &ru);
            if (feeder > 0)
                kill(feeder, SIGKILL);
            cr_assert_fail("factcheck hung: still running after %d s", RUN_WALL_SECONDS);
        }
        struct timespec ms = {0, 10 * 1000 * 1000};
        nanosleep(&ms, NULL);
    }
    cr_assert_eq(got, pid);
    if (feeder > 0) {
        kill(feeder, SIGKILL);
        waitpid(feeder, NULL, 0);
    }
    run_result r = {0};
    r.err = slurp_fd_file(errpath);
    r.out = spec->out ? strdup("") : slurp_fd_file(outpath);
    close(fe);
    if (fo >= 0)
        close(fo);
    r.peak_kib = ru.ru_maxrss;
    cr_assert(!WIFSIGNALED(status), "factcheck died of signal %d (%s); stderr: %.500s",
              WTERMSIG(status), strsignal(WTERMSIG(status)), r.err);
    r.code = WEXITSTATUS(status);
    cr_assert(r.code != 126 && r.code != 127, "cannot run %s", FC_BINARY);
    return r;
}

static void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

/* Peak memory a run that reads next to nothing may use: the program, the rules,
 * a block or two of input (the sanitizer build's own overhead is larger). */
static long small_peak_kib(void)
{
    return UNDER_ASAN ? 400L * 1024 : 128L * 1024;
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* The number of inputs of a JSON report, and of inputs whose path is path. */
static int json_inputs(const char *json, const char *path, int *same_path)
{
    cJSON *j = cJSON_Parse(json);
    cr_assert_not_null(j, "the report is not JSON: %.300s", json);
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(j, "inputs"), *in;
    int n = 0, same = 0;
    cJSON_ArrayForEach(in, inputs)
    {
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(in, "path");
        n++;
        same += path && cJSON_IsString(p) && strcmp(p->valuestring, path) == 0;
    }
    cJSON_Delete(j);
    if (same_path)
        *same_path = same;
    return n;
}

/* ---- one capped reader, devices, FIFOs and endless streams ------------- */

Test(reliability_io, dev_zero_as_a_document_costs_one_block)
{
    run_result r = run(&(run_spec){0}, ARGS("/dev/zero"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(
        strstr(r.err, "/dev/zero: binary file (NUL byte at offset 0); not a text document"), "%s",
        r.err);
    cr_assert_lt(r.peak_kib, small_peak_kib(), "peak %ld KiB", r.peak_kib);
    run_free(&r);
}

Test(reliability_io, four_endless_devices_on_four_threads_stay_small)
{
    /* Four different devices that read as NUL bytes or noise (the same one four
     * times would be one input). */
    run_result r = run(&(run_spec){0},
                       ARGS("-j4", "/dev/zero", "/dev/full", "/dev/urandom", "/dev/random"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    const char *names[] = {"/dev/zero: binary", "/dev/full: binary", "/dev/urandom: binary",
                           "/dev/random: binary"};
    for (size_t i = 0; i < 4; i++)
        cr_assert_not_null(strstr(r.err, names[i]), "%s missing: %s", names[i], r.err);
    cr_assert_lt(r.peak_kib, small_peak_kib(), "peak %ld KiB", r.peak_kib);
    run_free(&r);
}

Test(reliability_io, folder_rule_file_that_is_a_fifo_is_not_waited_on)
{
    make_tmpdir();
    cr_assert_eq(mkdir(at("desk"), 0755), 0);
    write_text(at("desk/a.md"), story);
    cr_assert_eq(mkfifo(at("desk/factcheck.rules.json"), 0644), 0);
    run_result r = run(&(run_spec){0}, ARGS(at("desk")));
    cr_assert_eq(r.code, 2, "%s", r.err);
    char want[4200];
    snprintf(want, sizeof want, "%s: a FIFO, not a rule file; not read", at("desk/factcheck.rules.json"));
    cr_assert_not_null(strstr(r.err, want), "%s", r.err);
    run_free(&r);
}

Test(reliability_io, folder_rule_file_linked_to_dev_zero_is_refused)
{
    make_tmpdir();
    cr_assert_eq(mkdir(at("desk"), 0755), 0);
    write_text(at("desk/a.md"), story);
    cr_assert_eq(symlink("/dev/zero", at("desk/factcheck.rules.json")), 0);
    run_result r = run(&(run_spec){0}, ARGS(at("desk")));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "factcheck.rules.json: a device, not a rule file; not read"),
                       "%s", r.err);
    cr_assert_lt(r.peak_kib, small_peak_kib(), "peak %ld KiB", r.peak_kib);
    run_free(&r);
}

Test(reliability_io, rules_option_on_dev_zero_is_refused)
{
    run_result r = run(&(run_spec){0}, ARGS("--rules", "/dev/zero", "/dev/null"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "/dev/zero: a device, not a rule file; not read"), "%s",
                       r.err);
    cr_assert_lt(r.peak_kib, small_peak_kib(), "peak %ld KiB", r.peak_kib);
    run_free(&r);
}

Test(reliability_io, rules_from_standard_input_zero_bytes_stop_at_the_first)
{
    run_result r = run(&(run_spec){.in = "/dev/zero"}, ARGS("--rules", "-", "/dev/null"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "-: binary file (NUL byte at offset 0)"), "%s", r.err);
    cr_assert_lt(r.peak_kib, small_peak_kib(), "peak %ld KiB", r.peak_kib);
    run_free(&r);
}

Test(reliability_io, endless_rules_on_standard_input_stop_at_64_mib)
{
    run_result r = run(&(run_spec){.endless_in = true}, ARGS("--rules", "-", "/dev/null"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "-: file is larger than 64 MiB; not read"), "%s", r.err);
    /* At most the cap (and the block past it) is ever held. */
    cr_assert_lt(r.peak_kib, small_peak_kib() + 80L * 1024, "peak %ld KiB", r.peak_kib);
    run_free(&r);
}

Test(reliability_io, endless_document_without_memory_fails_instead_of_looping)
{
    if (UNDER_ASAN)
        cr_skip_test("needs RLIMIT_AS, which the sanitizer build cannot run under");
    /* 512 MiB of address space, a 1 GiB cap: the buffer cannot grow to the cap,
     * and the failed allocation must end the read, not retry it forever. */
    run_result r = run(&(run_spec){.endless_in = true}, ARGS("-"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "-: out of memory"), "%s", r.err);
    run_free(&r);
}

Test(reliability_io, dataset_that_is_a_fifo_is_refused_naming_it)
{
    make_tmpdir();
    cr_assert_eq(mkfifo(at("refs.csv"), 0644), 0);
    char rules[4400];
    snprintf(rules, sizeof rules, "{\"factcheck_rules\": 1, \"datasets\": [\"%s\"]}", at("refs.csv"));
    write_text(at("r.json"), rules);
    run_result r = run(&(run_spec){0}, ARGS("--rules", at("r.json"), "/dev/null"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    char want[4200];
    snprintf(want, sizeof want, "%s: a FIFO, not a dataset; not read", at("refs.csv"));
    cr_assert_not_null(strstr(r.err, want), "%s", r.err);
    run_free(&r);
}

Test(reliability_io, library_reader_caps_and_refuses_by_kind)
{
    /* fc_read_limited directly: the cap counted in bytes, not in doublings. */
    make_tmpdir();
    char big[5000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    write_text(at("big.json"), big);
    cr_assert_eq(mkfifo(at("pipe.json"), 0644), 0);
    char *text = NULL;
    size_t len = 0;
    fc_diag diag = {0};
    cr_assert_eq(fc_read_limited(at("big.json"), "rule file", 4999, true, &text, &len, &diag),
                 FC_OK);
    cr_assert_eq(len, 4999);
    free(text);
    cr_assert_eq(fc_read_limited(at("big.json"), "rule file", 4998, true, &text, &len, &diag),
                 FC_EFORMAT);
    cr_assert_null(text);
    cr_assert_eq(fc_read_limited(at("pipe.json"), "rule file", 4999, true, &text, &len, &diag),
                 FC_EIO);
    cr_assert_str_eq(diag.message, "a FIFO, not a rule file; not read");
    cr_assert_eq(fc_read_limited(test_dir, "rule file", 4999, false, &text, &len, &diag), FC_EIO);
    cr_assert_str_eq(diag.message, "a folder, not a rule file; not read");
}

/* ---- each real file once, each real folder walked once ------------------ */

/* levels folders l/l/l/..., each with a document and two symlinks s1, s2 to
 * the next level: without the walk's memory of folders, 2^levels paths. */
static void make_symlink_tree(int levels)
{
    char rel[256] = "tree";
    cr_assert_eq(mkdir(at(rel), 0755), 0);
    for (int i = 0; i < levels; i++) {
        char name[300];
        snprintf(name, sizeof name, "%s/story.md", rel);
        write_text(at(name), story);
        snprintf(name, sizeof name, "%s/s1", rel);
        cr_assert_eq(symlink("l", at(name)), 0);
        snprintf(name, sizeof name, "%s/s2", rel);
        cr_assert_eq(symlink("l", at(name)), 0);
        size_t n = strlen(rel);
        cr_assert_lt(n + 3, sizeof rel);
        memcpy(rel + n, "/l", 3);
        cr_assert_eq(mkdir(at(rel), 0755), 0);
    }
}

Test(reliability_io, symlink_tree_of_25_levels_gives_one_input_a_real_file)
{
    make_tmpdir();
    make_symlink_tree(25);
    run_result r = run(&(run_spec){0}, ARGS("-f", "json", at("tree")));
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert_eq(json_inputs(r.out, NULL, NULL), 25);
    cr_assert_lt(r.peak_kib, small_peak_kib(), "peak %ld KiB", r.peak_kib);
    run_free(&r);
}

Test(reliability_io, a_folder_or_file_given_twice_is_read_once)
{
    make_tmpdir();
    cr_assert_eq(mkdir(at("d"), 0755), 0);
    write_text(at("d/a.md"), story);
    write_text(at("d/b.md"), story);
    cr_assert_eq(link(at("d/b.md"), at("d/c.md")), 0); /* a hard link: the same file */
    run_result r = run(&(run_spec){0}, ARGS("-f", "json", at("d"), at("d"), at("d/a.md")));
    cr_assert_eq(r.code, 0, "%s", r.err);
    int same = 0;
    cr_assert_eq(json_inputs(r.out, at("d/c.md"), &same), 2, "%s", r.out);
    cr_assert_eq(same, 0, "the hard link was read as well as its first name");
    run_free(&r);

    /* The file first, then its folder: the file keeps the name given first. */
    r = run(&(run_spec){0}, ARGS("-f", "json", at("d/b.md"), at("d")));
    cr_assert_eq(json_inputs(r.out, at("d/b.md"), &same), 2, "%s", r.out);
    cr_assert_eq(same, 1);
    run_free(&r);
}

Test(reliability_io, library_walk_counts_real_files)
{
    make_tmpdir();
    make_symlink_tree(25);
    fc_corpus *c = fc_corpus_new();
    cr_assert_not_null(c);
    cr_assert_eq(fc_corpus_add_path(c, at("tree")), FC_OK);
    cr_assert_eq(fc_corpus_add_path(c, at("tree/s1")), FC_OK);
    cr_assert_eq(fc_corpus_ninputs(c), 25);
    fc_corpus_free(c);
}

/* ---- -o replaced only once complete --------------------------------------- */

Test(reliability_io, failed_write_keeps_the_old_report_and_leaves_no_temporary)
{
    make_tmpdir();
    cr_assert_eq(mkdir(at("out"), 0755), 0);
    write_text(at("a.md"), story);
    write_text(at("out/report.html"), "OLD REPORT\n");
    /* 1 KiB of file size: the HTML page is larger; SIGXFSZ ignored, so the
     * write fails with EFBIG half way. */
    run_result r = run(&(run_spec){.fsize = 1024},
                       ARGS("-f", "html", "-o", at("out/report.html"), at("a.md")));
    cr_assert_eq(r.code, 2, "%s", r.err);
    char want[4200];
    snprintf(want, sizeof want, "cannot write %s: File too large", at("out/report.html"));
    cr_assert_not_null(strstr(r.err, want), "%s", r.err);
    char *kept = test_slurp(at("out/report.html"));
    cr_assert_str_eq(kept, "OLD REPORT\n");
    free(kept);
    DIR *d = opendir(at("out"));
    cr_assert_not_null(d);
    int entries = 0;
    for (struct dirent *e; (e = readdir(d));)
        entries += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    cr_assert_eq(entries, 1, "a temporary file was left beside the report");
    run_free(&r);
}

Test(reliability_io, written_report_has_the_mode_of_a_create_or_keeps_its_own)
{
    make_tmpdir();
    write_text(at("a.md"), story);
    run_result r = run(&(run_spec){.umask = 027}, ARGS("-o", at("new.txt"), at("a.md")));
    cr_assert_eq(r.code, 0, "%s", r.err);
    struct stat st;
    cr_assert_eq(stat(at("new.txt"), &st), 0);
    cr_assert_eq(st.st_mode & 07777, 0640);
    run_free(&r);

    write_text(at("old.txt"), "OLD\n");
    cr_assert_eq(chmod(at("old.txt"), 0600), 0);
    r = run(&(run_spec){0}, ARGS("--list-claims", "-o", at("old.txt"), at("a.md")));
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert_eq(stat(at("old.txt"), &st), 0);
    cr_assert_eq(st.st_mode & 07777, 0600);
    char *report = test_slurp(at("old.txt"));
    cr_assert_not_null(strstr(report, "475"), "%s", report);
    free(report);
    run_free(&r);
}

/* ---- an output that is an input ------------------------------------------- */

Test(reliability_io, output_naming_an_input_is_refused_before_writing)
{
    make_tmpdir();
    cr_assert_eq(mkdir(at("d"), 0755), 0);
    write_text(at("a.md"), story);
    write_text(at("b.md"), "Police detained 300 people.\n");
    write_text(at("d/c.md"), story);
    write_text(at("r.json"), "{\"factcheck_rules\": 1}\n");
    cr_assert_eq(symlink("a.md", at("link.md")), 0);
    struct {
        const char *const *args;
        const char *target, *input;
    } cases[] = {
        {ARGS("-o", at("a.md"), at("a.md"), at("b.md")), at("a.md"), at("a.md")},
        {ARGS("-f", "html", "-o", at("b.md"), at("a.md"), at("b.md")), at("b.md"), at("b.md")},
        {ARGS("-o", at("d/c.md"), at("d")), at("d/c.md"), at("d/c.md")},
        {ARGS("-o", at("link.md"), at("a.md")), at("link.md"), at("a.md")},
        {ARGS("--rules", at("r.json"), "-o", at("r.json"), at("a.md")), at("r.json"), at("r.json")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *before = test_slurp(cases[i].target);
        run_result r = run(&(run_spec){0}, cases[i].args);
        cr_assert_eq(r.code, 2, "case %zu: %s", i, r.err);
        char want[4400];
        snprintf(want, sizeof want, "cannot write %s: it is an input (%s); nothing written",
                 cases[i].target, cases[i].input);
        cr_assert_not_null(strstr(r.err, want), "case %zu: %s", i, r.err);
        char *after = test_slurp(cases[i].target);
        cr_assert_str_eq(after, before, "case %zu: the input was changed", i);
        free(before);
        free(after);
        run_free(&r);
    }
}

Test(reliability_io, folder_rule_file_as_output_is_refused)
{
    make_tmpdir();
    cr_assert_eq(mkdir(at("d"), 0755), 0);
    write_text(at("d/a.md"), story);
    write_text(at("d/factcheck.rules.json"), "{\"factcheck_rules\": 1}\n");
    run_result r = run(&(run_spec){0}, ARGS("rules", "-o", at("d/factcheck.rules.json"), at("d")));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "it is an input"), "%s", r.err);
    char *kept = test_slurp(at("d/factcheck.rules.json"));
    cr_assert_str_eq(kept, "{\"factcheck_rules\": 1}\n");
    free(kept);
    run_free(&r);
}

/* ---- messages, lost output, long paths, "-" ------------------------------ */

Test(reliability_io, write_failure_gives_the_reason)
{
    run_result r = run(&(run_spec){0}, ARGS("-o", "/dev/full", "/dev/null"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "cannot write /dev/full: No space left on device"), "%s",
                       r.err);
    cr_assert_null(strstr(r.err, "cannot read"), "%s", r.err);
    run_free(&r);
}

Test(reliability_io, lost_standard_output_fails_every_command)
{
    make_tmpdir();
    write_text(at("r.json"), "{\"factcheck_rules\": 1}\n");
    const char *const *cases[] = {ARGS("--help"), ARGS("-V"), ARGS("rules"),
                                  ARGS("rules", "check", at("r.json")), ARGS("/dev/null"),
                                  ARGS("extract", "-f", "json", "/dev/null")};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run_result r = run(&(run_spec){.out = "/dev/full"}, cases[i]);
        cr_assert_eq(r.code, 2, "case %zu (%s): %s", i, cases[i][0], r.err);
        cr_assert_not_null(
            strstr(r.err, "factcheck: cannot write standard output: No space left on device"),
            "case %zu: %s", i, r.err);
        run_free(&r);
    }
}

Test(reliability_io, rules_listing_and_check_honour_output)
{
    make_tmpdir();
    write_text(at("r.json"), "{\"factcheck_rules\": 1}\n");
    run_result r = run(&(run_spec){0}, ARGS("rules", "-o", at("listing.txt")));
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert_str_eq(r.out, "");
    char *listing = test_slurp(at("listing.txt"));
    cr_assert_not_null(listing);
    cr_assert_eq(strncmp(listing, "# rules from: ", 14), 0, "%.200s", listing);
    free(listing);
    run_free(&r);

    r = run(&(run_spec){0}, ARGS("rules", "check", "-o", at("check.txt"), at("r.json")));
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert_str_eq(r.out, "");
    char *check = test_slurp(at("check.txt")), want[4200];
    snprintf(want, sizeof want, "%s: ok\n", at("r.json"));
    cr_assert_str_eq(check, want);
    free(check);
    run_free(&r);
}

Test(reliability_io, long_paths_are_named_whole)
{
    make_tmpdir();
    /* 30 levels of 22 letters: a path of over 700 bytes, past the 511 a fixed
     * buffer kept. */
    char rel[4096] = "";
    for (int i = 0; i < 30; i++) {
        size_t n = strlen(rel);
        snprintf(rel + n, sizeof rel - n, "%sabcdefghijklmnopqrstuv", i ? "/" : "");
        cr_assert_eq(mkdir(at(rel), 0755), 0);
    }
    size_t n = strlen(rel);
    snprintf(rel + n, sizeof rel - n, "/bin.md");
    const char *path = at(rel);
    cr_assert_gt(strlen(path), 700);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite("ab\0c", 1, 4, f), 4);
    cr_assert_eq(fclose(f), 0);
    run_result r = run(&(run_spec){0}, ARGS(test_dir));
    cr_assert_eq(r.code, 2, "%s", r.err);
    char want[4400];
    snprintf(want, sizeof want, "%s: binary file (NUL byte at offset 2); not a text document",
             path);
    cr_assert_not_null(strstr(r.err, want), "%s", r.err);
    run_free(&r);
}

Test(reliability_io, dash_is_standard_input_never_the_folder_named_dash)
{
    make_tmpdir();
    /* A folder "-" with a broken rule file: read as a folder, it would stop the run. */
    cr_assert_eq(mkdir(at("-"), 0755), 0);
    write_text(at("-/factcheck.rules.json"), "{ not json");
    write_text(at("in.md"), story);
    run_result r = run(&(run_spec){.cwd = test_dir, .in = at("in.md")}, ARGS("-f", "json", "-"));
    cr_assert_eq(r.code, 0, "%s", r.err);
    int same = 0;
    cr_assert_eq(json_inputs(r.out, "-", &same), 1);
    cr_assert_eq(same, 1);
    cr_assert_not_null(strstr(r.out, "475"));
    run_free(&r);

    /* The folder itself is reached as ./-, with its rule file. */
    r = run(&(run_spec){.cwd = test_dir}, ARGS("./-"));
    cr_assert_eq(r.code, 2, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "malformed JSON"), "%s", r.err);
    run_free(&r);
}
