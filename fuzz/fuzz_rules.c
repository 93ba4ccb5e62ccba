/* fuzz_rules.c - libFuzzer target: the rule-file loader.
 *
 * The bytes are written to a scratch file and added as a rule file on top of the
 * built-in defaults, as --rules FILE would be. A malformed or invalid file must
 * come back as FC_ERULES with a message (the fuzzer only minds crashes, leaks,
 * hangs and a refusal without a reason); when the rules build, the listing of
 * every rule in force is written too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "factcheck/rules.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
        if (getenv("NOLIST") == NULL && fc_rules_write_listing(rules, devnull) != FC_OK)
            fuzz_fail("fc_rules_write_listing failed on /dev/null");
    } else if (st != FC_ERULES || !diag.message[0]) {
        fuzz_fail("fc_rules_builder_build: %s without a message", fc_status_str(st));
    }
    fc_rules_free(rules);
    fc_rules_builder_free(b);
    return 0;
}
