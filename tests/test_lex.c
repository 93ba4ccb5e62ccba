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
    fc_toks t = lex(s);
    cr_assert_eq(t.n, 5);
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
