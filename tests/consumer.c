/* consumer.c - a program that uses the installed libfactcheck, built by
 * tests/install_test.sh with pkg-config. Usage: consumer RULES.json
 * Prints "claims=N low=L qualifier=Q" for a fixed sentence, then "gsl=..." for
 * the Clopper-Pearson bound the library's statistics compute for 50 of 100,000
 * (GSL's beta quantile fails to converge there): with GSL's default handler
 * that error aborts the process; the library turns the default off when rules
 * are built (factcheck/rules.h), so the program goes on and prints "gsl=nan". */
#include <factcheck/factcheck.h>
#include <gsl/gsl_cdf.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *text = "More than 300 Korean workers were detained in the raid.";
    fc_rules *rules = NULL;
    fc_doc *doc = NULL;
    fc_diag diag = {0};
    fc_claims claims = {0};
    if (argc != 2 || fc_rules_load(argv[1], &rules, &diag) != FC_OK ||
        fc_doc_parse("s.md", text, strlen(text), &doc, &diag) != FC_OK ||
        fc_extract(rules, doc, 0, &claims) != FC_OK) {
        fprintf(stderr, "consumer: %s\n", diag.message);
        return 1;
    }
    if (claims.n)
        printf("claims=%zu low=%g qualifier=%s\n", claims.n, claims.items[0].low,
               fc_qualifier_name(claims.items[0].qualifier));
    fc_claims_clear(&claims);
    fc_doc_free(doc);
    fc_rules_free(rules);
    double lo = gsl_cdf_beta_Pinv(0.025, 50, 100000 - 50 + 1);
    printf("gsl=%s\n", lo == lo ? "converged" : "nan");
    return 0;
}
