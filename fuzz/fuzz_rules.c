/* fuzz_rules.c - libFuzzer target: the rule-file loader.
 *
 * The bytes are written to a scratch file and added as a rule file on top of the
 * built-in defaults, as --rules FILE would be. A malformed or invalid file must
 * come back as FC_ERULES with a message (the fuzzer only minds crashes, leaks,
 * hangs and a refusal without a reason). When the rules build, the listing of
 * every rule in force is written, and the rules are put to work: two short
 * stories full of claim shapes are extracted and checked with them, so custom
 * patterns, measures, aliases and check settings from the file all run. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "factcheck/check.h"
#include "factcheck/extract.h"
#include "factcheck/rules.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two outlets on the same events: polls, targets, parts of a whole, rates,
 * money, dates, conflicting counts. */
static const char *const stories[] = {
    "---\noutlet: Sample Ledger\npublished: 2025-04-29\n---\n"
    "About 250 Korean workers were detained, the foreign ministry said. In the AP-NORC "
    "poll of 1,100 adults, 46 percent approved, down 3 percentage points from 49 percent "
    "in March. Officials set a goal of 3,000 arrests a day; agents made nearly 1,000 "
    "arrests daily. Five of the 98 stores were in Los Angeles. Cases rose 12% to 48.2 "
    "per 100,000 residents last week. The budget is $1.2 billion, up from $900 million "
    "in 2022. It has been 100 days since Jan. 20, three times the pace of 2024.\n",
    "---\noutlet: Other Wire\npublished: 2025-04-30\n---\n"
    "More than 300 Korean workers were detained. 317 South Korean nationals were held "
    "for eight days. Roughly 665 arrests a day, or 66,463 in 100 days. The approval "
    "rating slid to 46%, a 3% drop. The vaccination rate reached 71 percent, and about "
    "2,400 doses were given, 60% of them to adults and 45% to children.\n",
};

/* Extracts and checks the stories with rules; every step must succeed. */
static void use_rules(const fc_rules *rules)
{
    enum { N = sizeof stories / sizeof *stories };
    fc_doc *docs[N];
    fc_claims claims = {0};
    for (size_t i = 0; i < N; i++) {
        if (fc_doc_parse("story.md", stories[i], strlen(stories[i]), &docs[i], NULL) != FC_OK)
            fuzz_fail("cannot parse story %zu", i);
        fc_status st = fc_extract(rules, docs[i], i, &claims);
        if (st != FC_OK)
            fuzz_fail("fc_extract: %s", fc_status_str(st));
    }
    fc_findings findings = {0};
    fc_status st = fc_check_run(rules, &claims, (const fc_doc **)docs, N, &findings);
    if (st != FC_OK)
        fuzz_fail("fc_check_run: %s", fc_status_str(st));
    fc_findings_clear(&findings);
    fc_claims_clear(&claims);
    for (size_t i = 0; i < N; i++)
        fc_doc_free(docs[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull && !(devnull = fopen("/dev/null", "w")))
        fuzz_fail("cannot open /dev/null");
    const char *path = fuzz_scratch_path(0, ".rules.json");
    fuzz_write_file(path, data, size);

    fc_rules_builder *b = fc_rules_builder_new();
    if (!b)
        fuzz_fail("fc_rules_builder_new: out of memory");
    fc_diag diag = {0};
    fc_status st = fc_rules_builder_add(b, fc_rules_default_path(), &diag);
    if (st != FC_OK)
        fuzz_fail("cannot add the default rules: %s", diag.message);
    st = fc_rules_builder_add(b, path, &diag);
    if (st != FC_OK && (st != FC_ERULES || !diag.message[0]))
        fuzz_fail("fc_rules_builder_add: %s without a message", fc_status_str(st));
    fc_rules *rules = NULL;
    diag = (fc_diag){0};
    st = fc_rules_builder_build(b, &rules, &diag);
    if (st == FC_OK) {
        if (fc_rules_write_listing(rules, devnull) != FC_OK)
            fuzz_fail("fc_rules_write_listing failed on /dev/null");
        use_rules(rules);
    } else if (st != FC_ERULES || !diag.message[0]) {
        fuzz_fail("fc_rules_builder_build: %s without a message", fc_status_str(st));
    }
    fc_rules_free(rules);
    fc_rules_builder_free(b);
    return 0;
}
