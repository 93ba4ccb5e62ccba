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

#include "factcheck/factcheck.h"

/* Exit codes. */
enum {
    EXIT_CLEAN = 0,    /* checks ran; no conflict found */
    EXIT_CONFLICT = 1, /* at least one conflict found */
    EXIT_TROUBLE = 2   /* usage error, unreadable input, or bad rules */
};

typedef struct options {
    fc_format format;
    fc_report_kind kind;
    const char *output;
} options;

static void usage(int status)
{
    if (status != EXIT_CLEAN) {
        fputs("Try 'factcheck --help' for more information.\n", stderr);
        exit(status);
    }
    fputs("Usage: factcheck [OPTION]... PATH...\n"
          "       factcheck extract [OPTION]... PATH...\n"
          "\n"
          "Read news documents (.md/.txt files, folders of them, or - for standard input),\n"
          "extract every quantitative claim, and check the claims for consistency.\n"
          "'extract' prints the claims only.\n"
          "\n"
          "Options:\n"
          "  -f, --format FORMAT  text (default), json, or jsonl (one JSON object a line)\n"
          "  -o, --output FILE    write the report to FILE instead of standard output\n"
          "  -h, --help           show this help and exit\n"
          "  -V, --version        show the version and exit\n"
          "\n"
          "Exit status:\n"
          "  0  no conflict found\n"
          "  1  conflicts found\n"
          "  2  usage error, an input that could not be read, or invalid rules\n"
          "     (the other inputs are still processed and reported)\n"
          "\n"
          "Environment:\n"
          "  FACTCHECK_DATADIR  folder holding rules/ and datasets/ (default: ../share/factcheck\n"
          "                     next to the program, then the install location)\n",
          stdout);
    exit(EXIT_CLEAN);
}

static int parse_options(int argc, char **argv, options *opt)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {NULL, 0, NULL, 0}};
    int ch;
    while ((ch = getopt_long(argc, argv, "f:o:hV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (fc_format_parse(optarg, &opt->format) != FC_OK) {
                fprintf(stderr, "factcheck: unknown format '%s' (text, json, jsonl)\n", optarg);
                usage(EXIT_TROUBLE);
            }
            break;
        case 'o':
            opt->output = optarg;
            break;
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

static void die_status(fc_status st)
{
    fprintf(stderr, "factcheck: %s\n", fc_status_str(st));
    exit(EXIT_TROUBLE);
}

int main(int argc, char **argv)
{
    options opt = {FC_FORMAT_TEXT, FC_REPORT_FULL, NULL};
    gsl_set_error_handler_off();
    if (argc > 1 && strcmp(argv[1], "extract") == 0) {
        opt.kind = FC_REPORT_CLAIMS;
        argv[1] = argv[0];
        argc--;
        argv++;
    }
    int first = parse_options(argc, argv, &opt);
    if (first >= argc) {
        fputs("factcheck: no input given\n", stderr);
        usage(EXIT_TROUBLE);
    }

    fc_diag diag = {0};
    fc_rules *rules = NULL;
    char msg[1100];
    if (fc_rules_load_default(&rules, &diag) != FC_OK) {
        fprintf(stderr, "%s\n", fc_diag_format(&diag, msg, sizeof msg));
        return EXIT_TROUBLE;
    }
    fc_corpus *corpus = fc_corpus_new();
    if (!corpus)
        die_status(FC_ENOMEM);
    fc_status st = FC_OK;
    for (int i = first; st == FC_OK && i < argc; i++)
        st = fc_corpus_add_path(corpus, argv[i]);
    if (st == FC_OK)
        st = fc_corpus_extract(corpus, rules);
    if (st == FC_OK && opt.kind == FC_REPORT_FULL)
        st = fc_corpus_check(corpus, rules);
    if (st != FC_OK)
        die_status(st);

    for (size_t i = 0; i < fc_corpus_ninputs(corpus); i++) {
        const fc_input *in = fc_corpus_input(corpus, i);
        if (in->status != FC_OK)
            fprintf(stderr, "factcheck: %s\n", in->error);
    }

    FILE *out = opt.output ? fopen(opt.output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "factcheck: cannot write %s\n", opt.output);
        return EXIT_TROUBLE;
    }
    st = fc_report_write(out, corpus, opt.format, opt.kind);
    if (opt.output && fclose(out) != 0 && st == FC_OK)
        st = FC_EIO;
    if (st != FC_OK) {
        fprintf(stderr, "factcheck: cannot write the report: %s\n", fc_status_str(st));
        return EXIT_TROUBLE;
    }

    int code = EXIT_CLEAN;
    if (fc_corpus_nfailed(corpus) > 0)
        code = EXIT_TROUBLE;
    else if (opt.kind == FC_REPORT_FULL && fc_corpus_nseverity(corpus, FC_SEV_CONFLICT) > 0)
        code = EXIT_CONFLICT;
    fc_corpus_free(corpus);
    fc_rules_free(rules);
    return code;
}
