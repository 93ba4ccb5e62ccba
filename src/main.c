/* main.c - the factcheck command: options in, library calls, exit code out.
 *
 * The only file that touches argv, stdout and the exit status; it uses only the
 * public headers in include/factcheck/.
 */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "factcheck/factcheck.h"

/* Exit codes. */
enum {
    EXIT_CLEAN = 0,    /* checks ran; no conflict found */
    EXIT_CONFLICT = 1, /* at least one conflict found */
    EXIT_TROUBLE = 2   /* usage error, unreadable input, or bad rules */
};

typedef enum command { CMD_CHECK, CMD_EXTRACT, CMD_RULES, CMD_RULES_CHECK } command;

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
} options;

static void usage(int status)
{
    if (status != EXIT_CLEAN) {
        fputs("Try 'factcheck --help' for more information.\n", stderr);
        exit(status);
    }
    fputs("Usage: factcheck [OPTION]... PATH...\n"
          "       factcheck extract [OPTION]... PATH...\n"
          "       factcheck rules [--rules FILE]... [PATH]...\n"
          "       factcheck rules check FILE...\n"
          "\n"
          "Read news documents (.md/.txt files, folders of them, or - for standard input),\n"
          "extract every quantitative claim, and check the claims for consistency.\n"
          "'extract' prints the claims only. 'rules' lists the rules in force and where each\n"
          "came from; 'rules check' validates rule files.\n"
          "\n"
          "Rules come from the built-in defaults, then a factcheck.rules.json in each PATH\n"
          "that is a folder, then every --rules FILE in order; later ones extend or override\n"
          "earlier ones. A bad rule file stops the run before any document is read.\n"
          "\n"
          "Options:\n"
          "  -f, --format FORMAT   text (default), json, jsonl, csv, claimreview or html\n"
          "  -o, --output FILE     write the report to FILE ('-': standard output, the default)\n"
          "  -r, --rules FILE      add a rule file (may be repeated)\n"
          "  -j, --jobs N          load and extract documents on N threads (default: one\n"
          "                        per online processor); the report is the same for any N\n"
          "      --fail-on LEVEL   conflict (default), warning or never: which findings make\n"
          "                        the exit status 1\n"
          "      --color[=WHEN]    colour the text report: auto (default: when writing to a\n"
          "                        terminal and NO_COLOR is unset), always, or never\n"
          "  -h, --help            show this help and exit\n"
          "  -V, --version         show the version and exit\n"
          "\n"
          "Formats:\n"
          "  text         the readable report: documents and claims, findings, summary\n"
          "  json         one JSON object (schema/report.schema.json)\n"
          "  jsonl        one JSON object a line, each with a \"type\"\n"
          "  csv          RFC 4180 CSV, a row per input, claim and finding\n"
          "  claimreview  schema.org ClaimReview JSON-LD, one per finding with a verdict\n"
          "  html         one self-contained page: findings, charts, highlighted documents\n"
          "\n"
          "Exit status:\n"
          "  0  no finding at the --fail-on level\n"
          "  1  findings at the --fail-on level (by default: conflicts found)\n"
          "  2  usage error, an input that could not be read, or invalid rules\n"
          "     (the other inputs are still processed and reported)\n"
          "\n"
          "Environment:\n"
          "  FACTCHECK_DATADIR  folder holding rules/ and datasets/ (default: ../share/factcheck\n"
          "                     next to the program, then the install location)\n"
          "  NO_COLOR           when set and not empty, --color=auto means no colour\n",
          stdout);
    exit(EXIT_CLEAN);
}

/* The index of word in names[3]; a usage error naming the option otherwise. */
static int pick(const char *word, const char *const names[3], const char *option)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(word, names[i]) == 0)
            return i;
    fprintf(stderr, "factcheck: %s: unknown value '%s' (%s, %s or %s)\n", option, word, names[0],
            names[1], names[2]);
    usage(EXIT_TROUBLE);
    return 0;
}

static int parse_options(int argc, char **argv, options *opt)
{
    enum { OPT_FAIL_ON = 256, OPT_COLOR };
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"rules", required_argument, NULL, 'r'},
                                             {"fail-on", required_argument, NULL, OPT_FAIL_ON},
                                             {"color", optional_argument, NULL, OPT_COLOR},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {NULL, 0, NULL, 0}};
    static const char *const fail_names[] = {"conflict", "warning", "never"};
    static const char *const color_names[] = {"auto", "always", "never"};
    int ch;
    while ((ch = getopt_long(argc, argv, "f:o:r:j:hV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (fc_format_parse(optarg, &opt->format) != FC_OK) {
                fprintf(stderr, "factcheck: unknown format '%s' (%s)\n", optarg, fc_format_names());
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
        case 'r':
            opt->rules[opt->nrules++] = optarg;
            break;
        case 'j': {
            char *end;
            unsigned long n = strtoul(optarg, &end, 10);
            if (optarg[0] < '0' || optarg[0] > '9' || *end || n == 0 || n > UINT_MAX) {
                fprintf(stderr, "factcheck: invalid number of jobs '%s' (a positive integer)\n",
                        optarg);
                usage(EXIT_TROUBLE);
            }
            opt->jobs = (unsigned)n;
            break;
        }
        case 'h':
            usage(EXIT_CLEAN);
            break;
        case 'V':
            printf("factcheck %s\n", fc_version());
            exit(EXIT_CLEAN);
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
                    {{"check", NULL}, CMD_CHECK}};
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
    char msg[1100];
    fprintf(stderr, "%s\n", fc_diag_format(diag, msg, sizeof msg));
    return EXIT_TROUBLE;
}

/* Builds the rules in force: defaults, folder files of the paths, --rules files. */
static int load_rules(const options *opt, char **paths, int npaths, fc_rules **out)
{
    fc_diag diag = {0};
    fc_rules_builder *b = fc_rules_builder_new();
    if (!b) {
        fputs("factcheck: out of memory\n", stderr);
        return EXIT_TROUBLE;
    }
    fc_status st = fc_rules_builder_add(b, fc_rules_default_path(), &diag);
    for (int i = 0; st == FC_OK && i < npaths; i++)
        st = fc_rules_builder_add_folder(b, paths[i], &diag);
    for (size_t i = 0; st == FC_OK && i < opt->nrules; i++)
        st = fc_rules_builder_add(b, opt->rules[i], &diag);
    if (st == FC_OK)
        st = fc_rules_builder_build(b, out, &diag);
    fc_rules_builder_free(b);
    return st == FC_OK ? EXIT_CLEAN : rules_error(&diag);
}

/* factcheck rules check FILE...: each file on top of the defaults. */
static int check_rule_files(char **files, int n)
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
            printf("%s: ok\n", files[i]);
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

static int report(const options *opt, fc_corpus *corpus)
{
    bool to_stdout = !opt->output || strcmp(opt->output, "-") == 0;
    FILE *out = to_stdout ? stdout : fopen(opt->output, "w");
    if (!out) {
        fprintf(stderr, "factcheck: cannot write %s\n", opt->output);
        return EXIT_TROUBLE;
    }
    fc_report_options ro = {opt->format,
                            opt->cmd == CMD_EXTRACT ? FC_REPORT_CLAIMS : FC_REPORT_FULL,
                            want_color(opt, out)};
    fc_status st = fc_report_write(out, corpus, &ro);
    if (!to_stdout && fclose(out) != 0 && st == FC_OK)
        st = FC_EIO;
    if (st != FC_OK) {
        fprintf(stderr, "factcheck: cannot write the report: %s\n", fc_status_str(st));
        return EXIT_TROUBLE;
    }
    if (fc_corpus_nfailed(corpus) > 0)
        return EXIT_TROUBLE;
    if (ro.kind == FC_REPORT_CLAIMS || opt->fail == FAIL_ON_NEVER)
        return EXIT_CLEAN;
    size_t failing = fc_corpus_nseverity(corpus, FC_SEV_CONFLICT);
    if (opt->fail == FAIL_ON_WARNING)
        failing += fc_corpus_nseverity(corpus, FC_SEV_WARNING);
    return failing > 0 ? EXIT_CONFLICT : EXIT_CLEAN;
}

int main(int argc, char **argv)
{
    const char *rule_files[argc > 0 ? argc : 1];
    options opt = {CMD_CHECK, FC_FORMAT_TEXT, NULL, rule_files, 0, FAIL_ON_CONFLICT, COLOR_AUTO, 0};
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
    if (stdin_readers > 1) {
        fputs("factcheck: '-' (standard input) given more than once\n", stderr);
        usage(EXIT_TROUBLE);
    }
    if (opt.cmd == CMD_RULES_CHECK) {
        if (npaths == 0) {
            fputs("factcheck: no rule file given\n", stderr);
            usage(EXIT_TROUBLE);
        }
        return check_rule_files(paths, npaths);
    }
    if (opt.cmd == CMD_EXTRACT && opt.format == FC_FORMAT_CLAIMREVIEW) {
        fputs("factcheck: claimreview reviews findings; 'extract' finds none (use the check)\n",
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
        code = fc_rules_write_listing(rules, stdout) == FC_OK ? EXIT_CLEAN : EXIT_TROUBLE;
        fc_rules_free(rules);
        return code;
    }

    fc_corpus *corpus = fc_corpus_new();
    fc_status st = corpus ? FC_OK : FC_ENOMEM;
    if (corpus)
        fc_corpus_set_jobs(corpus, opt.jobs);
    for (int i = 0; st == FC_OK && i < npaths; i++)
        st = fc_corpus_add_path(corpus, paths[i]);
    if (st == FC_OK)
        st = fc_corpus_extract(corpus, rules);
    if (st == FC_OK && opt.cmd == CMD_CHECK)
        st = fc_corpus_check(corpus, rules);
    if (st != FC_OK) {
        fprintf(stderr, "factcheck: %s\n", fc_status_str(st));
        code = EXIT_TROUBLE;
    } else {
        for (size_t i = 0; i < fc_corpus_ninputs(corpus); i++) {
            const fc_input *in = fc_corpus_input(corpus, i);
            if (in->status != FC_OK)
                fprintf(stderr, "factcheck: %s\n", in->error);
        }
        code = report(&opt, corpus);
    }
    fc_corpus_free(corpus);
    fc_rules_free(rules);
    return code;
}
