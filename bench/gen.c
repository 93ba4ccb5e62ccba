/* gen.c - a deterministic generator of news-like text for benchmarks.
 *
 * Usage: fc-gen MEGABYTES [SEED] > corpus.txt
 *        fc-gen MEGABYTES [SEED] --dir DIR
 *
 * Writes documents separated by a line holding a single form feed ("\f"). With
 * --dir it writes the same documents instead as one file each, DIR/doc-000001.md,
 * doc-000002.md, ..., so the command-line program can be run over exactly the text
 * the extraction benchmark reads (the folder's files joined with form-feed lines
 * give the single-file output byte for byte). Each
 * document has front matter and paragraphs built from sentence templates written
 * for this project: counts with hedges, rates, percentages and point changes,
 * money, ranges, targets, attributions, and the traps a news page carries (dates,
 * times, ages, names with digits, URLs, e-mail addresses, temperatures). The same
 * arguments always give the same bytes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t state;

static uint32_t rnd(uint32_t n)
{
    /* xorshift64*: fast, deterministic, good enough for text variety */
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (uint32_t)((state * 2685821657736338717ULL) >> 33) % n;
}

#define PICK(a) (a)[rnd(sizeof(a) / sizeof *(a))]

static const char *const hedges[] = {
    "some",  "about",   "around",       "nearly", "more than", "at least", "fewer than",
    "up to", "roughly", "an estimated", "almost", "over",      "close to", "exactly"};

/* The document being built; written out whole, so the output size is known. */
static char *doc;
static size_t doc_len, doc_cap;

static void add(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void add(const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(doc + doc_len, doc_cap - doc_len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < doc_cap - doc_len) {
            doc_len += (size_t)n;
            return;
        }
        doc_cap = doc_cap ? doc_cap * 2 : 1 << 16;
        doc = realloc(doc, doc_cap);
        if (!doc)
            exit(1);
    }
}
static const char *const nouns[] = {
    "workers", "residents", "migrants", "students", "stores",     "families",     "officers",
    "voters",  "patients",  "clinics",  "arrests",  "complaints", "applications", "households"};
static const char *const sources[] = {"the Pew Research Center",
                                      "city officials",
                                      "the health department",
                                      "the Census Bureau",
                                      "a union spokesperson",
                                      "state data",
                                      "the ministry",
                                      "police",
                                      "the company",
                                      "researchers"};
static const char *const speakers[] = {"Officials",      "The agency", "Researchers", "The mayor",
                                       "A spokesperson", "Analysts",   "The report"};
static const char *const verbs[] = {"said", "estimated", "reported", "found", "announced"};
static const char *const months[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                                     "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};
static const char *const names[] = {"Dana Park", "Min-jun Lee", "Carlos Ruiz", "Grace Kim",
                                    "Sam Ortiz", "Ahn Ji-woo",  "Ruth Adler",  "Omar Haddad"};
static const char *const places[] = {"Koreatown", "the county", "the state", "the district",
                                     "Atlanta",   "the valley", "the port",  "downtown"};
static const char *const rates[] = {"a day",   "per day",  "daily",   "each week",
                                    "a month", "per year", "annually"};
static const char *const cues[] = {"ordered officials to reach", "set a goal of",
                                   "is expected to reach", "plans to hire", "counted"};
static const char *const changes[] = {"rose", "fell", "dipped", "climbed", "slipped"};
static const char *const filler[] = {
    "The change has been felt well beyond the city limits.",
    "Community groups have asked for more transparency about the process.",
    "Many of those affected said they learned about it from neighbors.",
    "The debate is likely to continue into the next legislative session.",
    "Local businesses described a quieter stretch than usual.",
    "Advocates said the figures understate what they see on the ground.",
    "Officials declined to comment on individual cases.",
    "The program was announced with little public notice."};

static int number(char *buf, size_t n)
{
    switch (rnd(6)) {
    case 0:
        return snprintf(buf, n, "%u", 2 + rnd(98));
    case 1:
        return snprintf(buf, n, "%u,%03u", 1 + rnd(99), rnd(1000));
    case 2:
        return snprintf(buf, n, "%u.%u million", 1 + rnd(20), rnd(10));
    case 3:
        return snprintf(
            buf, n, "%s",
            PICK(((const char *const[]){"five", "a dozen", "twenty-one", "hundreds of", "three"})));
    case 4:
        return snprintf(buf, n, "%u to %u", 10 + rnd(40), 60 + rnd(40));
    default:
        return snprintf(buf, n, "%u", 100 + rnd(900));
    }
}

static void sentence(void)
{
    char num[64], num2[64];
    number(num, sizeof num);
    /* Half the sentences are plain filler. Even so the corpus is claim-dense: about
     * one claim per 120 bytes, against about one per 1,000 in the reference
     * articles, so the figures it gives are on the pessimistic side. */
    switch (rnd(24) < 12 ? rnd(12) : 11) {
    case 0:
        add("%s %s %s live in %s, according to %s.", rnd(2) ? "Some" : "About", num, PICK(nouns),
            PICK(places), PICK(sources));
        break;
    case 1:
        add("%s %s %s %s %s %s.", PICK(speakers), PICK(verbs), PICK(hedges), num, PICK(nouns),
            PICK(rates));
        break;
    case 2:
        add("Support %s to %u%%, %s %u percentage points from %u%% in %s, a poll found.",
            PICK(changes), 30 + rnd(40), rnd(2) ? "down" : "up", 1 + rnd(6), 30 + rnd(40),
            PICK(months));
        break;
    case 3:
        add("The city spent $%u.%u million on the program, %s %s.", 1 + rnd(90), rnd(10),
            PICK(sources), PICK(verbs));
        break;
    case 4:
        add("%s, %u, who has lived in %s since %u, said the wait was long.", PICK(names),
            19 + rnd(70), PICK(places), 1970 + rnd(50));
        break;
    case 5:
        add("On %s %u, %u, the office opened at %u a.m. and closed at %u:%02u p.m.", PICK(months),
            1 + rnd(28), 2015 + rnd(10), 7 + rnd(3), 4 + rnd(5), rnd(60));
        break;
    case 6:
        add("The agency %s %s %s a day, %s the pace %s.", PICK(cues), num, PICK(nouns),
            rnd(2) ? "three times" : "twice", "set last year");
        break;
    case 7:
        add("Workers at a 7-Eleven and holders of H-1B visas filed Form I-9 papers; "
            "details at https://example.org/%u/%u or news%u@example.org.",
            2020 + rnd(6), rnd(10000), rnd(100));
        break;
    case 8:
        number(num2, sizeof num2);
        add("Between %u and %u %s were detained, and %s of those were later released.", 2 + rnd(20),
            30 + rnd(50), PICK(nouns), num2);
        break;
    case 9:
        add("It was %u.%u F in %s as a %u-year-old volunteer handed out flyers.", 50 + rnd(50),
            rnd(10), PICK(places), 18 + rnd(60));
        break;
    case 10:
        add("It has been %u days since the policy took effect, the %s time in %u years.",
            10 + rnd(300), rnd(2) ? "first" : "second", 2 + rnd(30));
        break;
    default:
        add("%s", PICK(filler));
        break;
    }
}

static void usage(void)
{
    fputs("usage: fc-gen MEGABYTES [SEED] > corpus.txt\n"
          "       fc-gen MEGABYTES [SEED] --dir DIR\n",
          stderr);
    exit(2);
}

/* Writes document N (counted from 0) to DIR/doc-NNNNNN.md. */
static int write_file(const char *dir, unsigned long long n, const char *text, size_t len)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/doc-%06llu.md", dir, n + 1) >= (int)sizeof path) {
        fprintf(stderr, "fc-gen: %s: folder name too long\n", dir);
        return -1;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "fc-gen: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int ok = fwrite(text, 1, len, f) == len;
    if (fclose(f) != 0 || !ok) {
        fprintf(stderr, "fc-gen: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *args[2] = {NULL, NULL}, *dir = NULL;
    int nargs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dir") == 0) {
            if (++i == argc)
                usage();
            dir = argv[i];
        } else if (nargs < 2) {
            args[nargs++] = argv[i];
        } else {
            usage();
        }
    }
    if (nargs < 1)
        usage();
    char *end;
    double mb = strtod(args[0], &end);
    if (end == args[0] || *end || !(mb > 0)) {
        fprintf(stderr, "fc-gen: '%s' is not a size in megabytes\n", args[0]);
        return 2;
    }
    state = nargs > 1 ? strtoull(args[1], NULL, 10) : 20251124ULL;
    if (state == 0)
        state = 1;
    if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "fc-gen: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    unsigned long long target = (unsigned long long)(mb * 1024 * 1024), written = 0;
    for (unsigned long long n = 0; written < target; n++) {
        doc_len = 0;
        if (n > 0)
            add("\f\n");
        /* The separator line counts towards the size in both modes, so a folder
         * holds the same documents as the single file of the same size. */
        size_t sep = doc_len;
        add("---\noutlet: Bench Wire %u\ntitle: Generated story %llu\n"
            "published: 20%02u-%02u-%02u\n---\n\n",
            rnd(20), n, 18 + rnd(8), 1 + rnd(12), 1 + rnd(28));
        unsigned paragraphs = 4 + rnd(8);
        for (unsigned p = 0; p < paragraphs; p++) {
            unsigned sentences = 1 + rnd(4);
            for (unsigned k = 0; k < sentences; k++) {
                if (k)
                    add(" ");
                sentence();
            }
            add("\n\n");
        }
        if (dir) {
            if (write_file(dir, n, doc + sep, doc_len - sep) != 0)
                return 1;
        } else if (fwrite(doc, 1, doc_len, stdout) != doc_len) {
            return 1;
        }
        written += doc_len;
    }
    free(doc);
    return fflush(stdout) == 0 ? 0 : 1;
}
