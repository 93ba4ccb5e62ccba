/* test_lex.c - the tokenizer: numbers, words, Unicode spaces and punctuation. */
#include <criterion/criterion.h>
#include <string.h>

#include "lex.h"

static fc_toks lex(const char *s)
{
    fc_toks t = {0};
    cr_assert_eq(fc_lex(s, 0, strlen(s), &t), FC_OK);
    return t;
}

Test(lex, groups_digits_with_commas_and_decimals)
{
    const char *s = "Some 110,000 and 1.5 or 3,000.";
    fc_toks t = lex(s);
    cr_assert_eq(t.n, 7);
    cr_assert_eq(t.items[1].kind, FC_TOK_NUM);
    cr_assert_eq(fc_tok_number(s, &t.items[1]), 110000);
    cr_assert_eq(fc_tok_number(s, &t.items[3]), 1.5);
    cr_assert_eq(fc_tok_number(s, &t.items[5]), 3000);
    cr_assert_eq(t.items[6].kind, FC_TOK_PUNCT); /* the full stop is not part of 3,000 */
    fc_toks_free(&t);
}

Test(lex, reads_a_decimal_comma_where_the_language_writes_one)
{
    const char *s = "1.250 and 6,3 and 1.250.000,5";
    fc_toks t = {0};
    cr_assert_eq(fc_lex_lang(s, 0, strlen(s), true, &t), FC_OK);
    cr_assert_eq(t.n, 5);
    for (size_t i = 0; i < 5; i += 2)
        cr_assert_eq(t.items[i].kind, FC_TOK_NUM, "token %zu", i);
    cr_assert_eq(fc_tok_number_in(s, &t.items[0], true), 1250);
    cr_assert_float_eq(fc_tok_number_in(s, &t.items[2], true), 6.3, 1e-12);
    cr_assert_float_eq(fc_tok_number_in(s, &t.items[4], true), 1250000.5, 1e-9);
    cr_assert_float_eq(fc_tok_number_in(s, &t.items[0], false), 1.25, 1e-12);
    fc_toks_free(&t);
    cr_assert(fc_lang_decimal_comma("de") && fc_lang_decimal_comma("de-CH") &&
              fc_lang_decimal_comma("FR_ca") && fc_lang_decimal_comma("ru"));
    cr_assert(!fc_lang_decimal_comma("en") && !fc_lang_decimal_comma("en-GB") &&
              !fc_lang_decimal_comma("zh") && !fc_lang_decimal_comma("deu") &&
              !fc_lang_decimal_comma("d") && !fc_lang_decimal_comma("") &&
              !fc_lang_decimal_comma(NULL));
}

Test(lex, keeps_curly_apostrophes_inside_words)
{
    const char *s = "Trump\xE2\x80\x99s agenda";
    fc_toks t = lex(s);
    cr_assert_eq(t.n, 2);
    cr_assert_eq(t.items[0].end - t.items[0].start, strlen("Trump\xE2\x80\x99s"));
    fc_toks_free(&t);
}

Test(lex, treats_no_break_space_as_space_and_en_dash_as_punctuation)
{
    const char *s = "1,200\xE2\x80\x93"
                    "1,500\xC2\xA0people";
    fc_toks t = lex(s);
    cr_assert_eq(t.n, 4);
    cr_assert_eq(t.items[1].kind, FC_TOK_PUNCT);
    cr_assert_eq(t.items[1].end - t.items[1].start, 3);
    cr_assert(t.items[3].space_before);
    cr_assert_eq(t.items[3].kind, FC_TOK_WORD);
    fc_toks_free(&t);
}

Test(lex, reads_full_width_digits)
{
    const char *s = "\xEF\xBC\x94\xEF\xBC\x96%"; /* "４６%" */
    fc_toks t = lex(s);
    cr_assert_eq(t.n, 2);
    cr_assert_eq(t.items[0].kind, FC_TOK_NUM);
    cr_assert_eq(fc_tok_number(s, &t.items[0]), 46);
    fc_toks_free(&t);
}

Test(lex, invalid_utf8_never_becomes_a_number)
{
    const char s[] = "ab\xff\xfe"
                     "12\xc3";
    fc_toks t = lex(s);
    size_t nums = 0;
    for (size_t i = 0; i < t.n; i++)
        nums += t.items[i].kind == FC_TOK_NUM;
    cr_assert_eq(nums, 1);
    fc_toks_free(&t);
}

Test(lex, records_line_breaks)
{
    const char *s = "one\ntwo three";
    fc_toks t = lex(s);
    cr_assert(t.items[1].newline_before);
    cr_assert_not(t.items[2].newline_before);
    fc_toks_free(&t);
}

/* Digits and separators of no number's shape are no number: a list ("1,2,3"),
 * an address ("1.2.3.4"), a comma decimal in English copy ("12,5"), a group of
 * four ("1,2345"). The shapes that are numbers: ".5" (0.5) after a space or a
 * sign, "12 000" with a no-break or narrow no-break space, "3,000,000.50". */
Test(lex, a_number_has_the_shape_of_one)
{
    static const struct {
        const char *text;
        int kind;     /* of the first token */
        double value; /* when a number */
        size_t len;   /* of the first token */
    } cases[] = {
        {"1,2,3,4,5,6,7 in order", FC_TOK_WORD, 0, 13},
        {"1.2.3.4 on the network", FC_TOK_WORD, 0, 7},
        {"12,5 percent", FC_TOK_WORD, 0, 4},
        {"1,2345 people", FC_TOK_WORD, 0, 6},
        {"1.234,56 euros", FC_TOK_WORD, 0, 8},
        {".5 percent", FC_TOK_NUM, 0.5, 2},
        {".75% more", FC_TOK_NUM, 0.75, 3},
        {"12\xC2\xA0" "000 residents", FC_TOK_NUM, 12000, 7},
        {"12\xE2\x80\xAF" "000 residents", FC_TOK_NUM, 12000, 8},
        {"1\xE2\x80\x89" "250\xE2\x80\x89" "000 votes", FC_TOK_NUM, 1250000, 13},
        {"3,000,000.50 dollars", FC_TOK_NUM, 3000000.5, 12},
        {"1.234 tons", FC_TOK_NUM, 1.234, 5},
        {"2019 200 people", FC_TOK_NUM, 2019, 4}, /* an ordinary space joins nothing */
        {"1234,567 people", FC_TOK_WORD, 0, 8},  /* a first group of four */
        {"3,000. Then", FC_TOK_NUM, 3000, 5},
        {"5, 6 and 7", FC_TOK_NUM, 5, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fc_toks t = lex(cases[i].text);
        cr_assert_geq(t.n, 1);
        cr_expect_eq(t.items[0].kind, cases[i].kind, "%s: kind %d", cases[i].text,
                     t.items[0].kind);
        cr_expect_eq(t.items[0].end - t.items[0].start, cases[i].len, "%s: length %zu",
                     cases[i].text, t.items[0].end - t.items[0].start);
        if (cases[i].kind == FC_TOK_NUM)
            cr_expect_float_eq(fc_tok_number(cases[i].text, &t.items[0]), cases[i].value, 1e-9,
                               "%s: %g", cases[i].text, fc_tok_number(cases[i].text, &t.items[0]));
        fc_toks_free(&t);
    }
    /* "-.5": the sign, then .5; "1.5.": a number, then a full stop; "v.5": no
     * leading mark after a letter. */
    const char *s = "-.5 and 1.5. v.5";
    fc_toks t = lex(s);
    cr_assert_eq(t.n, 8);
    cr_expect_eq(t.items[1].kind, FC_TOK_NUM);
    cr_expect_float_eq(fc_tok_number(s, &t.items[1]), 0.5, 1e-12);
    cr_expect_eq(t.items[3].kind, FC_TOK_NUM);
    cr_expect_eq(t.items[4].kind, FC_TOK_PUNCT);
    cr_expect_eq(t.items[5].kind, FC_TOK_WORD); /* v */
    cr_expect_eq(t.items[6].kind, FC_TOK_PUNCT);
    cr_expect_eq(t.items[7].kind, FC_TOK_NUM); /* 5 */
    fc_toks_free(&t);
}
