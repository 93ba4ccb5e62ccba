/* main.c - the factcheck command: options in, library calls, exit code out.
 *
 * The only file that touches argv, stdout and the exit status; it uses only the
 * public headers in include/factcheck/.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "factcheck/factcheck.h"

/* Exit codes. */
enum {
    EXIT_CLEAN = 0,    /* checks ran; no conflict found */
    EXIT_CONFLICT = 1, /* at least one conflict found */
    EXIT_TROUBLE = 2   /* usage error, unreadable input, or bad rules */
};

typedef enum command {
    CMD_CHECK,
    CMD_CLAIMS, /* factcheck check CLAIMS.jsonl...: the checks on claims files */
    CMD_EXTRACT,
    CMD_RULES,
    CMD_RULES_CHECK,
    CMD_EXPLAIN,
    CMD_REVIEW,
    CMD_DIFF
} command;

/* Which findings make the exit status 1 (--fail-on). */
typedef enum fail_on { FAIL_ON_CONFLICT, FAIL_ON_WARNING, FAIL_ON_NEVER } fail_on;

typedef enum color_when { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_when;

typedef struct options {
    command cmd;
    fc_format format;
    const char *output; /* NULL or "-": standard output */
    const char **rules; /* --rules FILE, in order */
    size_t nrules;
    fail_on fail;
    color_when color;
    unsigned jobs; /* --jobs N; 0: one per online processor */
    const char *decisions; /* --decisions FILE (or folder); NULL: the folders' own */
    bool hide_settled;     /* --hide-settled */
    bool list_claims;      /* --list-claims */
    const char *note, *by; /* review: --note TEXT, --by NAME */
    fc_doc_format input_format; /* --input-format */
    unsigned part;              /* --part N */
} options;

/* Exits with status once standard output is flushed; output that could not be
 * written (a full disk, /dev/full, a closed pipe) makes it a failure. */

/* Text from the command line or the file system, made safe for a terminal
 * (fc_term_safe); four calls may be used in one message. */
static const char *safe(const char *s)
{
    static char bufs[4][4 * 4096 + 64];
    static int next;
    char *b = bufs[next++ % 4];
    return fc_term_safe(s ? s : "", b, sizeof bufs[0]);
}

static _Noreturn void exit_flushed(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int err = errno ? errno : EIO;
        fprintf(stderr, "factcheck: cannot write standard output: %s\n", strerror(err));
        status = EXIT_TROUBLE;
    }
    exit(status);
}

static void usage(int status)
{
    if (status != EXIT_CLEAN) {
        fputs("Try 'factcheck --help' for more information.\n", stderr);
        exit(status);
    }
    fputs("Usage: factcheck [OPTION]... PATH...\n"
          "       factcheck extract [OPTION]... PATH...\n"
          "       factcheck check [OPTION]... CLAIMS.jsonl...\n"
          "       factcheck rules [--rules FILE]... [PATH]...\n"
          "       factcheck rules check FILE...\n"
          "       factcheck explain [--rules FILE]... FILE:LINE\n"
          "       factcheck review --decisions FILE [FINGERPRINT DECISION [--note TEXT]\n"
          "                        [--by NAME]]\n"
          "       factcheck diff [OPTION]... RULES_A RULES_B PATH...\n"
          "\n"
          "Read news documents (.md/.txt text, .html/.htm pages, .jsonl records, folders of\n"
          "them, or - for standard input), extract every quantitative claim, and check the\n"
          "claims for consistency. factcheck does not fetch URLs: download a page first.\n"
          "'extract' prints the claims only ('-f jsonl': a claims file, a claim a line, then\n"
          "each input with what the checks read of it). 'check' runs the checks on claims\n"
          "files (of one run, split or extracted on several machines, in any order) and\n"
          "writes the report the run over the documents would have written.\n"
          "'rules' lists the rules in force and where each\n"
          "came from; 'rules check' validates rule files. 'explain' shows, for each figure\n"
          "of the sentence at LINE of FILE, what was extracted and which measure rule took\n"
          "it, or why none did.\n"
          "'review' records the desk's decision on a finding (confirmed, false_alarm or\n"
          "corrected; 'open' withdraws it) in a decisions file, or lists the decisions.\n"
          "'diff' checks the inputs twice, with rule file RULES_A and with RULES_B (each\n"
          "on top of the other rules), and prints the findings gained and lost, matched by\n"
          "fingerprint (text or json; exit 1 when any were gained or lost).\n"
          "\n"
          "Rules come from the built-in defaults, then a factcheck.rules.json in each PATH\n"
          "that is a folder, then every --rules FILE in order; later ones extend or override\n"
          "earlier ones. A bad rule file stops the run before any document is read.\n"
          "\n",
          stdout);
    fputs("Options:\n"
          "  -f, --format FORMAT   text (default), json, jsonl, csv, claimreview, html or\n"
          "                        sqlite (a database: needs -o FILE; each run is appended)\n"
          "  -o, --output FILE     write the report to FILE ('-': standard output, the default);\n"
          "                        FILE is replaced only once the report is complete, and\n"
          "                        never when it is one of the files read\n"
          "  -r, --rules FILE      add a rule file (may be repeated)\n"
          "      --input-format F  auto (default: by the name; text for others and for\n"
          "                        standard input), text, html or jsonl: how files named on\n"
          "                        the command line and standard input are read (files in\n"
          "                        folders are always read by their names)\n"
          "      --part N          extract: the inputs are part N of a larger run (a block of\n"
          "                        an archive on standard input: GNU parallel's {#});\n"
          "                        'check' puts part 1's inputs before part 2's\n"
          "  -j, --jobs N          load and extract documents on N threads (default: one\n"
          "                        per online processor); the report is the same for any N\n"
          "      --fail-on LEVEL   conflict (default), warning or never: which findings make\n"
          "                        the exit status 1\n"
          "      --decisions FILE  the desk's review decisions (a folder: its\n"
          "                        factcheck.decisions.json); by default, the\n"
          "                        factcheck.decisions.json of each folder given\n"
          "      --hide-settled    leave decided findings out of the report\n"
          "      --list-claims     text report: list every claim under its document (by\n"
          "                        default the findings come first and only the inputs\n"
          "                        are listed after them)\n"
          "      --note TEXT       review: why (kept with the decision)\n"
          "      --by NAME         review: who decides (default: $USER)\n"
          "      --color[=WHEN]    colour the text report: auto (default: when writing to a\n"
          "                        terminal and NO_COLOR is unset), always, or never\n"
          "  -h, --help            show this help and exit\n"
          "  -V, --version         show the version and exit\n"
          "\n",
          stdout);
    fputs("Formats:\n"
          "  text         the readable report: findings by story and measure, inputs,\n"
          "               summary\n"
          "  json         one JSON object (schema/report.schema.json)\n"
          "  jsonl        one JSON object a line, each with a \"type\" ('extract': a claims\n"
          "               file)\n"
          "  csv          RFC 4180 CSV, a row per input, claim and finding\n"
          "  claimreview  schema.org ClaimReview JSON-LD, one per finding with a verdict\n"
          "  html         one self-contained page: findings, charts, highlighted sentences\n"
          "  sqlite       a SQLite database (-o FILE): each run appended, with its documents,\n"
          "               claims and findings (docs/sqlite.md)\n"
          "\n"
          "Exit status:\n"
          "  0  no finding at the --fail-on level\n"
          "  1  open (undecided) findings at the --fail-on level (by default: conflicts)\n"
          "  2  usage error, an input that could not be read (for 'check': a bad line of\n"
          "     a claims file), no document among the inputs, invalid rules or an\n"
          "     invalid decisions file\n"
          "     (the other inputs are still processed and reported)\n"
          "\n"
          "Environment:\n"
          "  FACTCHECK_DATADIR  folder holding rules/ and datasets/ (default: ../share/factcheck\n"
          "                     next to the program, then the install location)\n"
          "  NO_COLOR           when set and not empty, --color=auto means no colour\n"
          "  SOURCE_DATE_EPOCH  review: the time recorded (seconds since 1970), instead\n"
          "                     of now\n",
          stdout);
    exit_flushed(EXIT_CLEAN);
}

/* The index of word in names[3]; a usage error naming the option otherwise. */
static int pick(const char *word, const char *const names[3], const char *option)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(word, names[i]) == 0)
            return i;
    fprintf(stderr, "factcheck: %s: unknown value '%s' (%s, %s or %s)\n", option, safe(word), names[0],
            names[1], names[2]);
    usage(EXIT_TROUBLE);
    return 0;
}

static int parse_options(int argc, char **argv, options *opt)
{
    enum {
        OPT_FAIL_ON = 256,
        OPT_COLOR,
        OPT_DECISIONS,
        OPT_HIDE_SETTLED,
        OPT_NOTE,
        OPT_BY,
        OPT_INPUT_FORMAT,
        OPT_LIST_CLAIMS,
        OPT_PART
    };
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"rules", required_argument, NULL, 'r'},
                                             {"fail-on", required_argument, NULL, OPT_FAIL_ON},
                                             {"color", optional_argument, NULL, OPT_COLOR},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"decisions", required_argument, NULL, OPT_DECISIONS},
                                             {"hide-settled", no_argument, NULL, OPT_HIDE_SETTLED},
                                             {"list-claims", no_argument, NULL, OPT_LIST_CLAIMS},
                                             {"note", required_argument, NULL, OPT_NOTE},
                                             {"by", required_argument, NULL, OPT_BY},
                                             {"input-format", required_argument, NULL,
                                              OPT_INPUT_FORMAT},
                                             {"part", required_argument, NULL, OPT_PART},
                                             {NULL, 0, NULL, 0}};
    static const char *const fail_names[] = {"conflict", "warning", "never"};
    static const char *const color_names[] = {"auto", "always", "never"};
    int ch;
    while ((ch = getopt_long(argc, argv, "f:o:r:j:hV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (fc_format_parse(optarg, &opt->format) != FC_OK) {
                fprintf(stderr, "factcheck: unknown format '%s' (%s)\n", safe(optarg), fc_format_names());
                usage(EXIT_TROUBLE);
            }
            break;
        case OPT_INPUT_FORMAT:
            if (fc_doc_format_parse(optarg, &opt->input_format) != FC_OK) {
                fprintf(stderr, "factcheck: --input-format: unknown value '%s' (auto, text, html "
                                "or jsonl)\n",
                        safe(optarg));
                usage(EXIT_TROUBLE);
            }
            break;
        case OPT_FAIL_ON:
            opt->fail = (fail_on)pick(optarg, fail_names, "--fail-on");
            break;
        case OPT_COLOR:
            opt->color = optarg ? (color_when)pick(optarg, color_names, "--color") : COLOR_ALWAYS;
            break;
        case 'o':
            opt->output = optarg;
            break;
        case OPT_DECISIONS:
            opt->decisions = optarg;
            break;
        case OPT_HIDE_SETTLED:
            opt->hide_settled = true;
            break;
        case OPT_LIST_CLAIMS:
            opt->list_claims = true;
            break;
        case OPT_NOTE:
            opt->note = optarg;
            break;
        case OPT_BY:
            opt->by = optarg;
            break;
        case 'r':
            opt->rules[opt->nrules++] = optarg;
            break;
        case 'j': {
            char *end;
            unsigned long n = strtoul(optarg, &end, 10);
            if (optarg[0] < '0' || optarg[0] > '9' || *end || n == 0 || n > UINT_MAX) {
                fprintf(stderr, "factcheck: invalid number of jobs '%s' (a positive integer)\n",
                        safe(optarg));
                usage(EXIT_TROUBLE);
            }
            opt->jobs = (unsigned)n;
            break;
        }
        case OPT_PART: {
            char *end;
            unsigned long n = strtoul(optarg, &end, 10);
            if (optarg[0] < '0' || optarg[0] > '9' || *end || n > UINT_MAX) {
                fprintf(stderr, "factcheck: invalid part '%s' (an integer from 0)\n", safe(optarg));
                usage(EXIT_TROUBLE);
            }
            opt->part = (unsigned)n;
            break;
        }
        case 'h':
            usage(EXIT_CLEAN);
            break;
        case 'V':
            printf("factcheck %s\n", fc_version());
            exit_flushed(EXIT_CLEAN);
        default:
            usage(EXIT_TROUBLE);
        }
    }
    return optind;
}

/* The subcommand, if any, taken off the front of argv. */
static command take_command(int *argc, char ***argv)
{
    static const struct {
        const char *words[2];
        command cmd;
    } commands[] = {{{"rules", "check"}, CMD_RULES_CHECK},
                    {{"rules", NULL}, CMD_RULES},
                    {{"extract", NULL}, CMD_EXTRACT},
                    {{"explain", NULL}, CMD_EXPLAIN},
                    {{"review", NULL}, CMD_REVIEW},
                    {{"diff", NULL}, CMD_DIFF},
                    {{"check", NULL}, CMD_CLAIMS}};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        int n = commands[i].words[1] ? 2 : 1;
        if (*argc > n && strcmp((*argv)[1], commands[i].words[0]) == 0 &&
            (n == 1 || strcmp((*argv)[2], commands[i].words[1]) == 0)) {
            (*argv)[n] = (*argv)[0];
            *argc -= n;
            *argv += n;
            return commands[i].cmd;
        }
    }
    return CMD_CHECK;
}

static int rules_error(const fc_diag *diag)
{
    /* Room for every byte shown as an escape (\xNN). */
    static char msg[4 * (sizeof diag->file + sizeof diag->message) + 64];
    fprintf(stderr, "%s\n", fc_diag_format(diag, msg, sizeof msg));
    return EXIT_TROUBLE;
}

/* Builds the rules in force: defaults, folder files of the paths, --rules files. */
static int load_rules_with(const options *opt, char **paths, int npaths, const char *extra,
                           fc_rules **out);

static int load_rules(const options *opt, char **paths, int npaths, fc_rules **out)
{
    return load_rules_with(opt, paths, npaths, NULL, out);
}

/* The rules of a run, with extra (a rule file, or NULL) last. */
static int load_rules_with(const options *opt, char **paths, int npaths, const char *extra,
                           fc_rules **out)
{
    fc_diag diag = {0};
    fc_rules_builder *b = fc_rules_builder_new();
    if (!b) {
        fputs("factcheck: out of memory\n", stderr);
        return EXIT_TROUBLE;
    }
    fc_status st = fc_rules_builder_add(b, fc_rules_default_path(), &diag);
    /* "-" is standard input, never a folder named "-" (that one is "./-"). */
    for (int i = 0; st == FC_OK && i < npaths; i++)
        if (strcmp(paths[i], "-") != 0)
            st = fc_rules_builder_add_folder(b, paths[i], &diag);
    for (size_t i = 0; st == FC_OK && i < opt->nrules; i++)
        st = fc_rules_builder_add(b, opt->rules[i], &diag);
    if (st == FC_OK && extra)
        st = fc_rules_builder_add(b, extra, &diag);
    if (st == FC_OK)
        st = fc_rules_builder_build(b, out, &diag);
    fc_rules_builder_free(b);
    return st == FC_OK ? EXIT_CLEAN : rules_error(&diag);
}

/* factcheck rules check FILE...: each file on top of the defaults; "FILE: ok"
 * lines to out. */
static int check_rule_files(char **files, int n, FILE *out)
{
    int code = EXIT_CLEAN;
    for (int i = 0; i < n; i++) {
        fc_diag diag = {0};
        fc_rules_builder *b = fc_rules_builder_new();
        fc_status st = b ? fc_rules_builder_add(b, fc_rules_default_path(), &diag) : FC_ENOMEM;
        if (st == FC_OK)
            st = fc_rules_builder_add(b, files[i], &diag);
        fc_rules_builder_free(b);
        if (st == FC_OK) {
            fprintf(out, "%s: ok\n", safe(files[i]));
        } else {
            code = rules_error(&diag);
        }
    }
    return code;
}

/* Whether the text report gets colour: --color, else a terminal without NO_COLOR
 * (https://no-color.org) or TERM=dumb. */
static bool want_color(const options *opt, FILE *out)
{
    if (opt->color != COLOR_AUTO)
        return opt->color == COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(fileno(out)) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
}

/* ---- the output (-o) ----------------------------------------------------------
 *
 * A file named with -o is never truncated in place: the output goes to a new
 * file beside it (same folder, so the same file system), which replaces it by
 * rename() only once everything is written. A failure part way (a full disk, a
 * file size limit, a signal) removes the new file and leaves the old one as it
 * was. A new file gets the mode a plain create would give it (0666 less the
 * umask), a replaced one keeps its mode. A symlink, a device or a FIFO (-o
 * /dev/stdout) is written in place, as before: renaming over it would replace
 * the link or the device itself. */

typedef struct output {
    const char *path; /* the -o file; NULL for standard output */
    FILE *f;
    char *tmp; /* the new file beside path, until renamed; NULL when written in place */
} output;

/* The temporary file of the output being written, for the signal handler. */
static char *volatile pending_tmp;

static void remove_pending(int sig)
{
    char *tmp = pending_tmp;
    if (tmp)
        unlink(tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void watch_tmp(char *tmp)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    pending_tmp = tmp;
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], tmp ? remove_pending : SIG_DFL);
}

static bool to_stdout(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

/* Opens the output; on failure prints why (naming the file) and returns false. */
static bool output_open(const char *path, output *o)
{
    *o = (output){to_stdout(path) ? NULL : path, stdout, NULL};
    if (!o->path)
        return true;
    struct stat st;
    int err = 0;
    bool exists = lstat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) { /* a symlink, a device, a FIFO, a folder */
        if (!(o->f = fopen(path, "w")))
            err = errno;
    } else {
        const char *slash = strrchr(path, '/');
        size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
        static const char name[] = ".factcheck-XXXXXX"; /* hidden: no folder walk takes it */
        mode_t mask = umask(0);
        umask(mask);
        mode_t mode = exists ? st.st_mode & 07777 : 0666 & ~mask;
        int fd = -1;
        if (!(o->tmp = malloc(dlen + sizeof name)))
            err = ENOMEM;
        else {
            memcpy(o->tmp, path, dlen);
            memcpy(o->tmp + dlen, name, sizeof name);
            watch_tmp(o->tmp);
            fd = mkstemp(o->tmp);
        }
        if (!err && fd < 0)
            err = errno;
        if (!err && (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "w")))) {
            err = errno;
            close(fd);
            unlink(o->tmp);
        }
        if (err) {
            watch_tmp(NULL);
            free(o->tmp);
            o->tmp = NULL;
        }
    }
    if (err) {
        fprintf(stderr, "factcheck: cannot write %s: %s\n", safe(path), strerror(err));
        return false;
    }
    return true;
}

/* Finishes the output: when ok (everything was written), flushes it and puts
 * it in place; otherwise, or when that fails, removes the new file. err is the
 * errno value of a write that failed (0: none); a failure is printed, naming
 * the file. Returns whether the output is complete and in place. */
static bool output_close(output *o, bool ok, int err)
{
    const char *name = o->path ? o->path : "standard output";
    if (ok && (fflush(o->f) != 0 || ferror(o->f))) {
        ok = false;
        err = errno;
    }
    if (o->path && fclose(o->f) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (o->tmp) {
        if (ok && rename(o->tmp, o->path) != 0) {
            ok = false;
            err = errno;
        }
        if (!ok)
            unlink(o->tmp);
        watch_tmp(NULL);
        free(o->tmp);
        o->tmp = NULL;
    }
    if (!ok)
        fprintf(stderr, "factcheck: cannot write %s: %s\n", safe(name), strerror(err ? err : EIO));
    return ok;
}

/* base + "/" + name, malloc'd (NULL when out of memory). */
static char *join_path(const char *base, const char *name)
{
    size_t n = strlen(base) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", base, name);
    return p;
}

/* The file --decisions names: FILE itself, or a folder's factcheck.decisions.json;
 * malloc'd. */
static char *decisions_path(const char *given)
{
    struct stat st;
    if (strcmp(given, "-") != 0 && stat(given, &st) == 0 && S_ISDIR(st.st_mode))
        return join_path(given, FC_FOLDER_DECISIONS);
    char *p = malloc(strlen(given) + 1);
    return p ? strcpy(p, given) : NULL;
}

/* Whether path names the file *out is (device and inode). */
static bool same_file(const char *path, const struct stat *out)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && st.st_dev == out->st_dev &&
           st.st_ino == out->st_ino;
}

/* Refuses an output (-o) that is one of the files read (an input document, a
 * rule file of --rules or of a folder, a file of 'rules check'), naming both,
 * before anything is written: the report would replace it. true when refused. */
static bool output_is_input(const options *opt, char **paths, int npaths, const fc_corpus *corpus)
{
    struct stat out;
    if (to_stdout(opt->output) || stat(opt->output, &out) != 0)
        return false; /* a new file is no input */
    const char *clash = NULL;
    char *folder_rules = NULL;
    for (size_t i = 0; !clash && corpus && i < fc_corpus_ninputs(corpus); i++)
        if (fc_corpus_input(corpus, i)->source) { /* a JSON Lines record: its file */
            if (same_file(fc_corpus_input(corpus, i)->source, &out))
                clash = fc_corpus_input(corpus, i)->source;
        } else if (same_file(fc_corpus_input(corpus, i)->path, &out)) {
            clash = fc_corpus_input(corpus, i)->path;
        }
    for (size_t i = 0; !clash && i < opt->nrules; i++)
        if (same_file(opt->rules[i], &out))
            clash = opt->rules[i];
    for (int i = 0; !clash && i < npaths; i++) {
        size_t n = strlen(paths[i]) + sizeof "/" FC_FOLDER_RULES;
        free(folder_rules);
        if (!(folder_rules = malloc(n)))
            break;
        snprintf(folder_rules, n, "%s/%s", paths[i], FC_FOLDER_RULES);
        if (same_file(paths[i], &out))
            clash = paths[i];
        else if (strcmp(paths[i], "-") != 0 && same_file(folder_rules, &out))
            clash = folder_rules;
        else if (strcmp(paths[i], "-") != 0) {
            /* the folder's decisions file, read by the run */
            char *dec = join_path(paths[i], FC_FOLDER_DECISIONS);
            if (dec && same_file(dec, &out)) {
                free(folder_rules);
                folder_rules = dec;
                clash = folder_rules;
            } else {
                free(dec);
            }
        }
    }
    char *given = !clash && opt->decisions ? decisions_path(opt->decisions) : NULL;
    if (given && same_file(given, &out)) {
        free(folder_rules);
        folder_rules = given;
        given = NULL;
        clash = folder_rules;
    }
    free(given);
    if (clash)
        fprintf(stderr, "factcheck: cannot write %s: it is an input (%s); nothing written\n",
                safe(opt->output), safe(clash));
    free(folder_rules);
    return clash != NULL;
}

/* Writes status st of a writer to the output and finishes it (output_close). */
static int output_finish(output *o, fc_status st)
{
    int err = st == FC_OK ? 0 : st == FC_ENOMEM ? ENOMEM : errno;
    return output_close(o, st == FC_OK, st == FC_EIO && !err ? EIO : err) ? EXIT_CLEAN
                                                                        : EXIT_TROUBLE;
}

/* Appends the run to the database named by -o (-f sqlite). */
static int report_db(const options *opt, const fc_corpus *corpus, const fc_report_options *ro)
{
    fc_diag diag = {0};
    fc_status st = fc_report_write_db(opt->output, corpus, ro, &diag);
    if (st == FC_OK)
        return EXIT_CLEAN;
    if (!diag.message[0]) {
        fprintf(stderr, "factcheck: %s: %s\n", safe(opt->output), fc_status_str(st));
        return EXIT_TROUBLE;
    }
    return rules_error(&diag);
}

static int report(const options *opt, fc_corpus *corpus, const fc_rules *rules)
{
    fc_report_options ro = {opt->format,
                            opt->cmd == CMD_EXTRACT ? FC_REPORT_CLAIMS : FC_REPORT_FULL,
                            false, opt->hide_settled, opt->list_claims, rules};
    if (opt->format == FC_FORMAT_SQLITE) {
        if (report_db(opt, corpus, &ro) != EXIT_CLEAN)
            return EXIT_TROUBLE;
    } else {
        output o;
        if (!output_open(opt->output, &o))
            return EXIT_TROUBLE;
        ro.color = want_color(opt, o.f);
        errno = 0;
        if (output_finish(&o, fc_report_write(o.f, corpus, &ro)) != EXIT_CLEAN)
            return EXIT_TROUBLE;
    }
    if (fc_corpus_nfailed(corpus) > 0)
        return EXIT_TROUBLE;
    if (fc_corpus_ninputs(corpus) == fc_corpus_nskipped(corpus)) {
        /* Nothing was read: no check ran, which is no clean result. */
        size_t n = fc_corpus_nskipped(corpus);
        if (n)
            fprintf(stderr, "factcheck: no document among the inputs (%zu file%s skipped)\n", n,
                    n == 1 ? "" : "s");
        else
            fputs("factcheck: no document among the inputs (no file in the folders)\n", stderr);
        return EXIT_TROUBLE;
    }
    if (ro.kind == FC_REPORT_CLAIMS || opt->fail == FAIL_ON_NEVER)
        return EXIT_CLEAN;
    /* Only open findings count: a decided one has been dealt with. */
    size_t failing = fc_corpus_nopen(corpus, FC_SEV_CONFLICT);
    if (opt->fail == FAIL_ON_WARNING)
        failing += fc_corpus_nopen(corpus, FC_SEV_WARNING);
    return failing > 0 ? EXIT_CONFLICT : EXIT_CLEAN;
}

/* factcheck explain FILE:LINE: for each figure of the sentence at that line,
 * what was extracted and which measure rule took it, or why none did. The
 * rules are those a run on FILE uses. */
static int explain(const options *opt, char *where)
{
    char *colon = strrchr(where, ':'), *end = NULL, safe[8192];
    long line = colon ? strtol(colon + 1, &end, 10) : 0;
    if (!colon || colon == where || end == colon + 1 || *end || line <= 0 || line > INT_MAX) {
        fprintf(stderr, "factcheck: explain takes FILE:LINE, not '%s'\n",
                fc_term_safe(where, safe, sizeof safe));
        usage(EXIT_TROUBLE);
    }
    *colon = '\0';
    char *paths[1] = {where};
    fc_rules *rules = NULL;
    int code = load_rules(opt, paths, 1, &rules);
    if (code != EXIT_CLEAN)
        return code;
    fc_doc *doc = NULL;
    fc_diag diag = {0};
    fc_claims claims = {0};
    fc_status st = fc_doc_load(where, &doc, &diag);
    if (st != FC_OK) {
        code = rules_error(&diag); /* "PATH: reason", as for any message with a place */
    } else if ((size_t)line > doc->nlines) {
        fprintf(stderr, "factcheck: %s has %zu lines, not %ld\n",
                fc_term_safe(where, safe, sizeof safe), doc->nlines, line);
        code = EXIT_TROUBLE;
    } else if ((st = fc_extract(rules, doc, 0, &claims)) != FC_OK) {
        fprintf(stderr, "factcheck: %s\n", fc_status_str(st));
        code = EXIT_TROUBLE;
    } else {
        output o;
        size_t found = 0;
        code = EXIT_TROUBLE;
        if (!output_is_input(opt, paths, 1, NULL) && output_open(opt->output, &o)) {
            errno = 0;
            code = output_finish(&o, fc_explain_line(rules, doc, &claims, (unsigned)line, o.f,
                                                     &found));
        }
        if (code == EXIT_CLEAN && found == 0)
            fprintf(stderr, "factcheck: no figure in the sentence at %s:%ld\n",
                    fc_term_safe(where, safe, sizeof safe), line);
    }
    fc_claims_clear(&claims);
    fc_doc_free(doc);
    fc_rules_free(rules);
    return code;
}

/* ---- review decisions ----------------------------------------------------------- */

/* Reads the run's decisions into d: the --decisions file, else the
 * factcheck.decisions.json of each folder PATH that has one (a later one's
 * decision on a finding replaces an earlier one's). */
static int load_decisions(const options *opt, char **paths, int npaths, fc_decisions *d)
{
    fc_diag diag = {0};
    fc_status st = FC_OK;
    if (opt->decisions) {
        char *path = decisions_path(opt->decisions);
        st = path ? fc_decisions_load(d, path, &diag) : FC_ENOMEM;
        free(path);
    }
    for (int i = 0; !opt->decisions && st == FC_OK && i < npaths; i++) {
        struct stat sb;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
            continue;
        char *path = join_path(paths[i], FC_FOLDER_DECISIONS);
        if (!path)
            st = FC_ENOMEM;
        else if (lstat(path, &sb) == 0)
            st = fc_decisions_load(d, path, &diag);
        free(path);
    }
    if (st == FC_ENOMEM && !diag.message[0]) {
        fputs("factcheck: out of memory\n", stderr);
        return EXIT_TROUBLE;
    }
    return st == FC_OK ? EXIT_CLEAN : rules_error(&diag);
}

/* Each stale decision on standard error too: a decision is never dropped unseen. */
static void warn_stale(const fc_corpus *corpus)
{
    for (size_t i = 0; i < fc_corpus_nstale(corpus); i++) {
        const fc_decision *d = fc_corpus_stale(corpus, i);
        if (d->file)
            fprintf(stderr, "factcheck: %s:%u:%u: ", safe(d->file), d->line, d->col);
        else
            fputs("factcheck: ", stderr);
        fprintf(stderr,
                "stale decision: %s (%s by %s): no finding with this fingerprint in "
                "this run\n",
                d->finding, fc_verdict_name(d->verdict), safe(d->by));
    }
}

/* Now in ISO 8601 UTC, or SOURCE_DATE_EPOCH when set (reproducible runs). */
static void utc_now(char *buf, size_t n)
{
    time_t t = time(NULL);
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (!*end && v >= 0)
            t = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* factcheck review --decisions FILE [FINGERPRINT DECISION]: records (or, with
 * DECISION "open", withdraws) a decision, replacing the file as -o does; with no
 * FINGERPRINT, lists the decisions. */
static int review(const options *opt, char **args, int nargs)
{
    if (!opt->decisions) {
        fputs("factcheck: review: --decisions FILE is required\n", stderr);
        usage(EXIT_TROUBLE);
    }
    if (nargs != 0 && nargs != 2) {
        fputs("factcheck: review: give FINGERPRINT DECISION, or nothing to list the decisions\n",
              stderr);
        usage(EXIT_TROUBLE);
    }
    fc_verdict verdict = FC_VERDICT_CONFIRMED;
    bool withdraw = nargs == 2 && strcmp(args[1], "open") == 0;
    if (nargs == 2 && !fc_fingerprint_valid(args[0])) {
        fprintf(stderr,
                "factcheck: review: '%s' is not a finding fingerprint (f and 16 hex digits, "
                "as in the report)\n",
                safe(args[0]));
        return EXIT_TROUBLE;
    }
    if (nargs == 2 && !withdraw && fc_verdict_parse(args[1], &verdict) != FC_OK) {
        fprintf(stderr,
                "factcheck: review: unknown decision '%s' (confirmed, false_alarm, "
                "corrected or open)\n",
                safe(args[1]));
        return EXIT_TROUBLE;
    }
    if (nargs == 2 && !to_stdout(opt->output)) {
        fputs("factcheck: review: the decisions file is written in place; -o is for the list\n",
              stderr);
        usage(EXIT_TROUBLE);
    }
    char *path = decisions_path(opt->decisions);
    fc_decisions *d = fc_decisions_new();
    if (!path || !d) {
        fputs("factcheck: out of memory\n", stderr);
        free(path);
        fc_decisions_free(d);
        return EXIT_TROUBLE;
    }
    struct stat sb;
    fc_diag diag = {0};
    int code = EXIT_CLEAN;
    /* A new file is made on the first decision; a list needs the file. */
    if ((nargs == 0 || strcmp(path, "-") == 0 || lstat(path, &sb) == 0) &&
        fc_decisions_load(d, path, &diag) != FC_OK)
        code = rules_error(&diag);
    output o;
    if (code == EXIT_CLEAN && nargs == 0) {
        if (!output_open(opt->output, &o)) {
            code = EXIT_TROUBLE;
        } else {
            for (size_t i = 0; i < fc_decisions_count(d); i++) {
                const fc_decision *x = fc_decisions_at(d, i);
                fprintf(o.f, "%s  %-11s  %s  %s", x->finding, fc_verdict_name(x->verdict), x->at,
                        safe(x->by));
                fprintf(o.f, "%s%s\n", x->note[0] ? ": " : "", safe(x->note));
            }
            code = output_finish(&o, FC_OK);
        }
    } else if (code == EXIT_CLEAN) {
        char at[32];
        const char *by = opt->by ? opt->by : getenv("USER") ? getenv("USER") : getenv("LOGNAME");
        utc_now(at, sizeof at);
        fc_status st = FC_OK;
        if (withdraw) {
            if (!fc_decisions_remove(d, args[0]))
                fprintf(stderr, "factcheck: review: %s has no decision in %s; nothing changed\n",
                        args[0], safe(path));
        } else if (!by || !*by) {
            fputs("factcheck: review: say who decides with --by NAME\n", stderr);
            code = EXIT_TROUBLE;
        } else if ((st = fc_decisions_set(d, args[0], verdict, opt->note, by, at, &diag)) !=
                   FC_OK) {
            fprintf(stderr, "factcheck: review: %s\n",
                    st == FC_ENOMEM ? "out of memory" : safe(diag.message));
            code = EXIT_TROUBLE;
        }
        if (code == EXIT_CLEAN && !output_open(path, &o))
            code = EXIT_TROUBLE;
        if (code == EXIT_CLEAN) {
            errno = 0;
            code = output_finish(&o, fc_decisions_write(d, o.f));
        }
        if (code == EXIT_CLEAN && strcmp(path, "-") != 0)
            fprintf(stderr, "factcheck: %s: %s %s\n", safe(path), args[0],
                    withdraw ? "open" : fc_verdict_name(verdict));
    }
    fc_decisions_free(d);
    free(path);
    return code;
}

/* The inputs read, extracted and checked under rules into *out (NULL on
 * failure, with the message written). */
static int checked_corpus(const options *opt, char **paths, int npaths, const fc_rules *rules,
                          fc_corpus **out)
{
    fc_corpus *corpus = fc_corpus_new();
    fc_status st = corpus ? FC_OK : FC_ENOMEM;
    if (corpus) {
        fc_corpus_set_jobs(corpus, opt->jobs);
        fc_corpus_set_input_format(corpus, opt->input_format);
    }
    for (int i = 0; st == FC_OK && i < npaths; i++)
        st = fc_corpus_add_path(corpus, paths[i]);
    if (st == FC_OK)
        st = fc_corpus_extract(corpus, rules);
    if (st == FC_OK)
        st = fc_corpus_check(corpus, rules);
    if (st != FC_OK) {
        fprintf(stderr, "factcheck: %s\n", fc_status_str(st));
        fc_corpus_free(corpus);
        *out = NULL;
        return EXIT_TROUBLE;
    }
    *out = corpus;
    return EXIT_CLEAN;
}

/* factcheck diff A B PATH...: the findings gained and lost when rule file B
 * takes the place of rule file A (each on top of the run's other rules).
 * Exit 0: the same findings; 1: some gained or lost; 2: trouble. */
static int diff(const options *opt, char **args, int nargs)
{
    if (nargs < 3) {
        fputs("factcheck: diff takes two rule files and at least one input\n", stderr);
        usage(EXIT_TROUBLE);
    }
    if (opt->format != FC_FORMAT_TEXT && opt->format != FC_FORMAT_JSON) {
        fputs("factcheck: diff writes text or json\n", stderr);
        usage(EXIT_TROUBLE);
    }
    char **paths = args + 2;
    int npaths = nargs - 2;
    for (int i = 0; i < nargs; i++)
        if (strcmp(args[i], "-") == 0) {
            fputs("factcheck: diff reads its inputs and rules twice: standard input ('-') "
                  "cannot be one\n",
                  stderr);
            usage(EXIT_TROUBLE);
        }
    fc_rules *ra = NULL, *rb = NULL;
    fc_corpus *ca = NULL, *cb = NULL;
    int code = load_rules_with(opt, paths, npaths, args[0], &ra);
    if (code == EXIT_CLEAN)
        code = load_rules_with(opt, paths, npaths, args[1], &rb);
    if (code == EXIT_CLEAN && output_is_input(opt, paths, npaths, NULL))
        code = EXIT_TROUBLE;
    if (code == EXIT_CLEAN)
        code = checked_corpus(opt, paths, npaths, ra, &ca);
    if (code == EXIT_CLEAN)
        code = checked_corpus(opt, paths, npaths, rb, &cb);
    if (code == EXIT_CLEAN) {
        for (size_t i = 0; i < fc_corpus_ninputs(cb); i++) {
            const fc_input *in = fc_corpus_input(cb, i);
            char msg[8192];
            if (in->status != FC_OK)
                fprintf(stderr, "factcheck: %s\n", fc_term_safe(in->error, msg, sizeof msg));
        }
        output o;
        size_t gained = 0, lost = 0;
        code = EXIT_TROUBLE;
        if (output_open(opt->output, &o)) {
            errno = 0;
            code = output_finish(&o, fc_report_diff(o.f, ca, cb, args[0], args[1], opt->format,
                                                    want_color(opt, o.f), &gained, &lost));
        }
        if (code == EXIT_CLEAN)
            code = fc_corpus_nfailed(cb) ? EXIT_TROUBLE
                   : gained || lost      ? EXIT_CONFLICT
                                         : EXIT_CLEAN;
    }
    fc_corpus_free(ca);
    fc_corpus_free(cb);
    fc_rules_free(ra);
    fc_rules_free(rb);
    return code;
}

int main(int argc, char **argv)
{
    const char *rule_files[argc > 0 ? argc : 1];
    options opt = {CMD_CHECK, FC_FORMAT_TEXT, NULL, rule_files, 0, FAIL_ON_CONFLICT, COLOR_AUTO, 0,
                   NULL, false, false, NULL, NULL, FC_DOC_AUTO, 0};
    gsl_set_error_handler_off();
    opt.cmd = take_command(&argc, &argv);
    int first = parse_options(argc, argv, &opt);
    char **paths = argv + first;
    int npaths = argc - first;

    int stdin_readers = 0; /* standard input can be read once */
    for (int i = 0; i < npaths; i++)
        stdin_readers += strcmp(paths[i], "-") == 0;
    for (size_t i = 0; i < opt.nrules; i++)
        stdin_readers += strcmp(opt.rules[i], "-") == 0;
    stdin_readers += opt.decisions && strcmp(opt.decisions, "-") == 0;
    if (stdin_readers > 1) {
        fputs("factcheck: '-' (standard input) given more than once\n", stderr);
        usage(EXIT_TROUBLE);
    }
    if (opt.cmd == CMD_EXPLAIN) {
        if (npaths != 1) {
            fputs("factcheck: explain takes one FILE:LINE\n", stderr);
            usage(EXIT_TROUBLE);
        }
        return explain(&opt, paths[0]);
    }
    if (opt.cmd == CMD_REVIEW)
        return review(&opt, paths, npaths);
    if (opt.cmd == CMD_DIFF)
        return diff(&opt, paths, npaths);
    if ((opt.note || opt.by) && opt.cmd != CMD_REVIEW) {
        fputs("factcheck: --note and --by go with 'review'\n", stderr);
        usage(EXIT_TROUBLE);
    }
    if (opt.cmd == CMD_RULES_CHECK) {
        if (npaths == 0) {
            fputs("factcheck: no rule file given\n", stderr);
            usage(EXIT_TROUBLE);
        }
        if (output_is_input(&opt, paths, npaths, NULL))
            return EXIT_TROUBLE;
        output o;
        if (!output_open(opt.output, &o))
            return EXIT_TROUBLE;
        int code = check_rule_files(paths, npaths, o.f);
        return output_finish(&o, FC_OK) == EXIT_CLEAN ? code : EXIT_TROUBLE;
    }
    if (opt.cmd == CMD_EXTRACT && opt.format == FC_FORMAT_CLAIMREVIEW) {
        fputs("factcheck: claimreview reviews findings; 'extract' finds none (use the check)\n",
              stderr);
        usage(EXIT_TROUBLE);
    }
    if (opt.format == FC_FORMAT_SQLITE && opt.cmd != CMD_RULES && to_stdout(opt.output)) {
        fputs("factcheck: -f sqlite writes a database file, which cannot go to standard "
              "output: name it with -o FILE\n",
              stderr);
        usage(EXIT_TROUBLE);
    }
    if (npaths == 0 && opt.cmd != CMD_RULES) {
        fputs("factcheck: no input given\n", stderr);
        usage(EXIT_TROUBLE);
    }
    fc_rules *rules = NULL;
    int code = load_rules(&opt, paths, npaths, &rules);
    if (code != EXIT_CLEAN)
        return code;
    if (opt.cmd == CMD_RULES) {
        output o;
        code = EXIT_TROUBLE;
        if (!output_is_input(&opt, paths, npaths, NULL) && output_open(opt.output, &o)) {
            errno = 0;
            code = output_finish(&o, fc_rules_write_listing(rules, o.f));
        }
        fc_rules_free(rules);
        return code;
    }

    fc_decisions *decisions = fc_decisions_new();
    if (!decisions) {
        fc_rules_free(rules);
        fputs("factcheck: out of memory\n", stderr);
        return EXIT_TROUBLE;
    }
    if ((opt.cmd == CMD_CHECK || opt.cmd == CMD_CLAIMS) &&
        load_decisions(&opt, paths, npaths, decisions) != EXIT_CLEAN) {
        fc_decisions_free(decisions);
        fc_rules_free(rules);
        return EXIT_TROUBLE;
    }
    fc_corpus *corpus = fc_corpus_new();
    fc_status st = corpus ? FC_OK : FC_ENOMEM;
    if (corpus && (opt.cmd == CMD_CHECK || opt.cmd == CMD_CLAIMS))
        st = fc_corpus_set_decisions(corpus, decisions);
    if (corpus) {
        fc_corpus_set_jobs(corpus, opt.jobs);
        fc_corpus_set_input_format(corpus, opt.input_format);
        fc_corpus_set_part(corpus, opt.part);
    }
    for (int i = 0; st == FC_OK && i < npaths; i++)
        st = opt.cmd == CMD_CLAIMS ? fc_corpus_add_claims(corpus, paths[i])
                                   : fc_corpus_add_path(corpus, paths[i]);
    if (st == FC_OK && output_is_input(&opt, paths, npaths, corpus)) {
        fc_corpus_free(corpus);
        fc_decisions_free(decisions);
        fc_rules_free(rules);
        return EXIT_TROUBLE;
    }
    if (st == FC_OK)
        st = fc_corpus_extract(corpus, rules);
    if (st == FC_OK && (opt.cmd == CMD_CHECK || opt.cmd == CMD_CLAIMS))
        st = fc_corpus_check(corpus, rules);
    if (st != FC_OK) {
        fprintf(stderr, "factcheck: %s\n", fc_status_str(st));
        code = EXIT_TROUBLE;
    } else {
        for (size_t i = 0; i < fc_corpus_ninputs(corpus); i++) {
            const fc_input *in = fc_corpus_input(corpus, i);
            char msg[8192]; /* a line break or an ESC in a path is shown, not acted on */
            if (in->status != FC_OK)
                fprintf(stderr, "factcheck: %s\n", fc_term_safe(in->error, msg, sizeof msg));
            else if (in->warning) /* skipped, or a publication date that is no date */
                fprintf(stderr, "factcheck: warning: %s\n",
                        fc_term_safe(in->warning, msg, sizeof msg));
        }
        warn_stale(corpus);
        code = report(&opt, corpus, rules);
    }
    fc_corpus_free(corpus);
    fc_decisions_free(decisions);
    fc_rules_free(rules);
    return code;
}
