/* test_inputs.c - the kinds of input: HTML pages, JSON Lines records, URLs and
 * files of other types in folders (docs/corpus.md, "Inputs").
 *
 * The same two stories written as .md files, as HTML pages and as a JSON Lines
 * export must give the same claims (values, intervals, units, keys, subjects,
 * sources, periods, sentences); the metadata of a page come from its <meta>
 * tags and JSON-LD; a bad JSON Lines line is an error naming file:line while
 * the other records go on; a URL is refused with how to download it; files of
 * other types in a folder are listed as skipped, never dropped in silence. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static char *test_dir;

static void remove_test_dir(void)
{
    if (!test_dir)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
    cr_expect_eq(system(cmd), 0);
    free(test_dir);
    test_dir = NULL;
}

TestSuite(inputs, .fini = remove_test_dir);

static const char *make_tmpdir(void)
{
    test_dir = strdup("/tmp/fc-inputs-XXXXXX");
    cr_assert_not_null(mkdtemp(test_dir));
    return test_dir;
}

/* dir/name into a static buffer (two in turn). */
static const char *at(const char *dir, const char *name)
{
    static char bufs[2][700];
    static int next;
    char *b = bufs[next++ % 2];
    snprintf(b, sizeof bufs[0], "%s/%s", dir, name);
    return b;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    const char *path = at(dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot create %s", path);
    cr_assert_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    cr_assert_eq(fclose(f), 0);
}

static void make_dir(const char *dir, const char *name)
{
    cr_assert_eq(mkdir(at(dir, name), 0755), 0);
}

/* ---- the same stories in three forms ------------------------------------------- */

#define STORY_A_BODY                                                                         \
    "The county transit board approved a fare of $2.75 on Tuesday, up 10% from $2.50.\n"     \
    "\n"                                                                                     \
    "About 18,000 riders use the Blue Line each weekday, the board\xe2\x80\x99s figures "    \
    "show.\n"                                                                                \
    "\n"                                                                                     \
    "A survey of 600 residents for the Parks & Transit Committee found 54% backed the "      \
    "change.\n"

#define STORY_B_BODY                                                                         \
    "Nearly 20,000 riders use the Blue Line each weekday, according to the transit board.\n" \
    "\n"                                                                                     \
    "The new fare of $2.75 takes effect in May, three weeks after the vote.\n"

static const char md_a[] = "---\n"
                           "outlet: Lakeshore Record\n"
                           "title: Transit board raises the fare\n"
                           "published: 2025-04-02\n"
                           "---\n" STORY_A_BODY;

static const char md_b[] = "---\n"
                           "outlet: Valley Ledger\n"
                           "title: Blue Line fare change set for May\n"
                           "published: 2025-04-03\n"
                           "---\n" STORY_B_BODY;

/* Story A as a page: <meta> tags, a nav, a script, a header and a footer with
 * figures of their own around the <article>; entities; lines wrapped inside a
 * paragraph. */
static const char html_a[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>Transit board raises the fare | Lakeshore Record</title>\n"
    "<meta property=\"og:title\" content=\"Transit board raises the fare\">\n"
    "<meta property=\"og:site_name\" content=\"Lakeshore Record\">\n"
    "<meta property=\"article:published_time\" content=\"2025-04-02\">\n"
    "<meta name=\"author\" content=\"Imke Salazar\">\n"
    "<link rel=\"canonical\" href=\"https://example.org/lakeshore/fare\">\n"
    "<script>window.ads = 'reach 4,000,000 readers, up 35%';</script>\n"
    "<style>.fare { width: 50%; }</style>\n"
    "</head>\n<body>\n"
    "<nav><a href=\"/\">Home</a> <a href=\"/top\">Top 25 stories</a></nav>\n"
    "<header><p>Subscribe for $1 a week</p></header>\n"
    "<article>\n"
    "  <p>The county transit board approved a fare of\n"
    "     &#36;2.75 on Tuesday, up 10% from $2.50.</p>\n"
    "  <p>About 18,000 riders use the Blue Line each weekday, the board&#8217;s figures "
    "show.</p>\n"
    "  <aside>Read next: 7 ways to save on commuting</aside>\n"
    "  <div>A survey of 600 residents for the Parks &amp; Transit Committee found "
    "<b>54%</b> backed the change.</div>\n"
    "</article>\n"
    "<footer>&copy; 2025 Lakeshore Record, 120 Harbor St.</footer>\n"
    "</body>\n</html>\n";

/* Story B as a page with JSON-LD (publisher through its @id in the @graph), no
 * <meta> tags and no <article>: the <main> element is the text. */
static const char html_b[] =
    "<html><head><title>Fare change | Valley Ledger</title>\n"
    "<script type=\"application/ld+json\">\n"
    "{\"@context\": \"https://schema.org\", \"@graph\": [\n"
    " {\"@type\": \"Organization\", \"@id\": \"#org\", \"name\": \"Valley Ledger\"},\n"
    " {\"@type\": \"NewsArticle\", \"headline\": \"Blue Line fare change set for May\",\n"
    "  \"datePublished\": \"2025-04-03T08:00:00-05:00\", \"publisher\": {\"@id\": \"#org\"},\n"
    "  \"author\": [{\"@type\": \"Person\", \"name\": \"Tomasz Reyes\"}],\n"
    "  \"inLanguage\": \"en-US\", \"url\": \"https://example.org/valley/fare\"}]}\n"
    "</script></head>\n"
    "<body><div class=\"promo\"><form>Join 9,000 subscribers <input></form></div>\n"
    "<main><h2></h2>\n"
    "<p>Nearly 20,000 riders use the Blue Line each weekday, according to the transit "
    "board.</p><p>The new fare of $2.75 takes effect in May, three weeks after the "
    "vote.</p></main>\n"
    "<footer>Page 3 of 12</footer></body></html>\n";

static const char jsonl_ab[] =
    "{\"id\": \"lakeshore-fare\", \"outlet\": \"Lakeshore Record\", \"title\": \"Transit board "
    "raises the fare\", \"published\": \"2025-04-02\", \"text\": \"The county transit board "
    "approved a fare of $2.75 on Tuesday, up 10% from $2.50.\\n\\nAbout 18,000 riders use the "
    "Blue Line each weekday, the board\\u2019s figures show.\\n\\nA survey of 600 residents for "
    "the Parks & Transit Committee found 54% backed the change.\\n\"}\n"
    "\n"
    "{\"id\": 2025040301, \"outlet\": \"Valley Ledger\", \"title\": \"Blue Line fare change "
    "set for May\", \"published\": \"2025-04-03\", \"language\": null, \"url\": "
    "\"https://example.org/valley/fare\", \"text\": \"Nearly 20,000 riders use the Blue Line "
    "each weekday, according to the transit board.\\n\\nThe new fare of $2.75 takes effect in "
    "May, three weeks after the vote.\\n\"}\n";

static fc_corpus *run_corpus(const char *path, fc_doc_format format, unsigned jobs)
{
    fc_corpus *c = fc_corpus_new();
    cr_assert_not_null(c);
    fc_corpus_set_jobs(c, jobs);
    fc_corpus_set_input_format(c, format);
    cr_assert_eq(fc_corpus_add_path(c, path), FC_OK);
    cr_assert_eq(fc_corpus_extract(c, test_rules()), FC_OK);
    cr_assert_eq(fc_corpus_check(c, test_rules()), FC_OK);
    return c;
}

static void assert_same_str(const char *a, const char *b, const char *what, size_t k)
{
    if (!a || !b)
        cr_assert(a == b, "claim %zu: %s is %s against %s", k, what, a ? a : "(none)",
                  b ? b : "(none)");
    else
        cr_assert_str_eq(a, b, "claim %zu: %s", k);
}

/* The span of bytes [s, e) of input i's text, as a new string (what the
 * document keeps of it once extracted: the stretches around its claims). */
static char *span(const fc_corpus *c, size_t i, size_t s, size_t e)
{
    const fc_doc *d = fc_corpus_input(c, i)->doc;
    cr_assert_not_null(d);
    cr_assert(s <= e && e <= d->len);
    const char *t = fc_doc_bytes(d, s, e);
    cr_assert_not_null(t, "bytes %zu to %zu not kept", s, e);
    return strndup(t, e - s);
}

/* Both corpora have the same claims, field by field, their spans and their
 * sentences read from each document's own text. */
static void assert_same_claims(const fc_corpus *x, const fc_corpus *y)
{
    const fc_claims *a = fc_corpus_claims(x), *b = fc_corpus_claims(y);
    cr_assert_eq(a->n, b->n, "%zu claims against %zu", a->n, b->n);
    for (size_t k = 0; k < a->n; k++) {
        const fc_claim *p = &a->items[k], *q = &b->items[k];
        cr_assert_eq(p->doc, q->doc, "claim %zu", k);
        char *sp = span(x, p->doc, p->start, p->end), *sq = span(y, q->doc, q->start, q->end);
        cr_assert_str_eq(sp, sq, "claim %zu: the text", k);
        free(sp);
        free(sq);
        sp = span(x, p->doc, p->sentence_start, p->sentence_end);
        sq = span(y, q->doc, q->sentence_start, q->sentence_end);
        cr_assert_str_eq(sp, sq, "claim %zu: the sentence", k);
        free(sp);
        free(sq);
        cr_assert_eq(p->sentence, q->sentence, "claim %zu", k);
        cr_assert_eq(p->value, q->value, "claim %zu: %g against %g", k, p->value, q->value);
        cr_assert_eq(p->low, q->low, "claim %zu", k);
        cr_assert_eq(p->high, q->high, "claim %zu", k);
        cr_assert_eq(p->unit, q->unit, "claim %zu", k);
        cr_assert_str_eq(p->currency, q->currency, "claim %zu", k);
        cr_assert_eq(p->per, q->per, "claim %zu", k);
        cr_assert_eq(p->modality, q->modality, "claim %zu", k);
        cr_assert_eq(p->role, q->role, "claim %zu", k);
        cr_assert_eq(p->qualifier, q->qualifier, "claim %zu", k);
        assert_same_str(p->key, q->key, "key", k);
        assert_same_str(p->subject, q->subject, "subject", k);
        assert_same_str(p->attribution, q->attribution, "attribution", k);
        assert_same_str(p->period, q->period, "period", k);
        assert_same_str(p->measure, q->measure, "measure", k);
    }
    const fc_findings *f = fc_corpus_findings(x), *g = fc_corpus_findings(y);
    cr_assert_eq(f->n, g->n, "%zu findings against %zu", f->n, g->n);
    for (size_t k = 0; k < f->n; k++) {
        cr_assert_str_eq(f->items[k].check, g->items[k].check, "finding %zu", k);
        cr_assert_eq(f->items[k].severity, g->items[k].severity, "finding %zu", k);
    }
}

/* The three forms, in folders of their own. */
static void write_forms(const char *dir)
{
    make_dir(dir, "md");
    make_dir(dir, "html");
    write_file(dir, "md/a.md", md_a);
    write_file(dir, "md/b.md", md_b);
    write_file(dir, "html/a.html", html_a);
    write_file(dir, "html/b.htm", html_b);
    write_file(dir, "export.jsonl", jsonl_ab);
}

/* A document's body is body, byte for byte, in every stretch it kept once its
 * claims were extracted (fc_doc_keep), and it kept some. */
static void assert_kept_body(const fc_doc *d, const char *body)
{
    cr_assert_eq(d->len - d->body, strlen(body));
    cr_assert_gt(d->nspans, 0);
    for (size_t k = 0; k < d->nspans; k++) {
        const fc_doc_span *s = &d->spans[k];
        cr_assert(s->start >= d->body && s->start + s->len <= d->len);
        cr_assert_eq(memcmp(s->text, body + (s->start - d->body), s->len), 0, "stretch %zu", k);
    }
}

Test(inputs, html_pages_and_jsonl_records_give_the_claims_of_the_same_text_in_md)
{
    const char *dir = make_tmpdir();
    write_forms(dir);
    fc_corpus *md = run_corpus(at(dir, "md"), FC_DOC_AUTO, 1);
    fc_corpus *html = run_corpus(at(dir, "html"), FC_DOC_AUTO, 1);
    fc_corpus *jsonl = run_corpus(at(dir, "export.jsonl"), FC_DOC_AUTO, 1);
    /* The stories hold the figures they were written with, and nothing from the
     * page around the article (4,000,000; 35%; 25; $1; 7; 120; 9,000; 3 of 12). */
    const fc_claims *cl = fc_corpus_claims(md);
    static const double want[] = {2.75, 10, 2.5, 18000, 600, 54, 20000, 2.75};
    size_t nwant = sizeof want / sizeof *want, w = 0;
    for (size_t k = 0; k < cl->n; k++)
        if (w < nwant && cl->items[k].value == want[w])
            w++;
    cr_assert_eq(w, nwant, "the .md stories lack figure %zu (%g)", w, w < nwant ? want[w] : 0);
    assert_same_claims(md, html);
    assert_same_claims(md, jsonl);
    /* Each form's text is the stories' body, byte for byte. */
    const char *bodies[] = {STORY_A_BODY, STORY_B_BODY};
    for (size_t i = 0; i < 2; i++) {
        const fc_doc *m = fc_corpus_input(md, i)->doc, *h = fc_corpus_input(html, i)->doc,
                     *j = fc_corpus_input(jsonl, i)->doc;
        assert_kept_body(m, bodies[i]);
        assert_kept_body(h, bodies[i]);
        assert_kept_body(j, bodies[i]);
        cr_assert_eq(h->body, 0);
        cr_assert_eq(j->body, 0);
        cr_assert_str_eq(h->outlet, m->outlet);
        cr_assert_str_eq(j->outlet, m->outlet);
        cr_assert_str_eq(h->title, m->title);
        cr_assert_str_eq(j->title, m->title);
        cr_assert_eq(fc_corpus_input(html, i)->format, FC_DOC_HTML);
        cr_assert_eq(fc_corpus_input(jsonl, i)->format, FC_DOC_JSONL);
    }
    /* Records are named by their ids, and remember their file. */
    cr_assert_str_eq(fc_corpus_input(jsonl, 0)->path, "lakeshore-fare");
    cr_assert_str_eq(fc_corpus_input(jsonl, 1)->path, "2025040301");
    cr_assert_str_eq(fc_corpus_input(jsonl, 1)->source, at(dir, "export.jsonl"));
    cr_assert_eq(fc_corpus_ninputs(jsonl), 2, "the blank line is no record");
    /* On two threads, the records (read when added) give the same claims. */
    fc_corpus *jsonl2 = run_corpus(at(dir, "export.jsonl"), FC_DOC_AUTO, 2);
    fc_corpus *html2 = run_corpus(at(dir, "html"), FC_DOC_AUTO, 2);
    assert_same_claims(jsonl, jsonl2);
    assert_same_claims(html, html2);
    fc_corpus_free(jsonl2);
    fc_corpus_free(html2);
    fc_corpus_free(md);
    fc_corpus_free(html);
    fc_corpus_free(jsonl);
}

/* Through the program: the claims of the three forms in the JSON Lines report
 * agree in text, value, unit, key and sentence. */
Test(inputs, the_program_reports_the_same_claims_for_the_three_forms)
{
    const char *dir = make_tmpdir();
    write_forms(dir);
    const char *forms[] = {"md", "html", "export.jsonl"};
    cJSON *claims[3];
    for (int f = 0; f < 3; f++) {
        char args[900], *out, *err;
        snprintf(args, sizeof args, "-f json '%s'", at(dir, forms[f]));
        int code = test_run(args, &out, &err);
        cr_assert(code == 0 || code == 1, "%s: exit %d: %s", forms[f], code, err);
        cr_assert_str_eq(err, "", "%s", forms[f]);
        cJSON *r = cJSON_Parse(out);
        cr_assert_not_null(r);
        claims[f] = cJSON_DetachItemFromObject(r, "claims");
        cJSON_Delete(r);
        free(out);
        free(err);
    }
    static const char *const fields[] = {"text", "value", "unit", "key", "sentence", "period"};
    int n = cJSON_GetArraySize(claims[0]);
    cr_assert_gt(n, 0);
    for (int f = 1; f < 3; f++) {
        cr_assert_eq(cJSON_GetArraySize(claims[f]), n, "%s", forms[f]);
        for (int k = 0; k < n; k++)
            for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
                const cJSON *a = cJSON_GetObjectItem(cJSON_GetArrayItem(claims[0], k), fields[i]);
                const cJSON *b = cJSON_GetObjectItem(cJSON_GetArrayItem(claims[f], k), fields[i]);
                cr_assert(cJSON_Compare(a, b, true), "%s claim %d: %s differs", forms[f], k,
                          fields[i]);
            }
    }
    for (int f = 0; f < 3; f++)
        cJSON_Delete(claims[f]);
}

/* ---- the metadata of pages ----------------------------------------------------- */

Test(inputs, page_metadata_come_from_meta_tags_and_json_ld)
{
    const char *dir = make_tmpdir();
    write_forms(dir);
    fc_corpus *c = run_corpus(at(dir, "html"), FC_DOC_AUTO, 1);
    const fc_doc *a = fc_corpus_input(c, 0)->doc, *b = fc_corpus_input(c, 1)->doc;
    /* <meta>: og:title (not <title>), og:site_name, article:published_time, author;
     * the canonical link; <html lang>. */
    cr_assert_str_eq(a->title, "Transit board raises the fare");
    cr_assert_str_eq(a->outlet, "Lakeshore Record");
    cr_assert_str_eq(a->published, "2025-04-02");
    cr_assert_str_eq(a->author, "Imke Salazar");
    cr_assert_str_eq(a->url, "https://example.org/lakeshore/fare");
    cr_assert_str_eq(a->language, "en");
    /* JSON-LD: headline, datePublished as written, publisher.name through @id,
     * the first author, inLanguage, url. */
    cr_assert_str_eq(b->title, "Blue Line fare change set for May");
    cr_assert_str_eq(b->outlet, "Valley Ledger");
    cr_assert_str_eq(b->published, "2025-04-03T08:00:00-05:00");
    cr_assert_str_eq(b->author, "Tomasz Reyes");
    cr_assert_str_eq(b->language, "en-US");
    cr_assert_str_eq(b->url, "https://example.org/valley/fare");
    fc_corpus_free(c);
}

Test(inputs, json_ld_comes_before_meta_tags_and_title_is_the_last_resort)
{
    static const char page[] =
        "<html><head><title>  Site title\n  | Outlet </title>"
        "<meta property=\"og:title\" content=\"The og title\">"
        "<meta name=\"publisher\" content=\"https://example.org/profile\">"
        "<meta name=\"article:publisher\" content=\"Meta Outlet\">"
        "<script type=\"application/ld+json\">[{\"@type\": \"WebPage\", \"name\": \"Not it\"},"
        "{\"@type\": [\"ReportageNewsArticle\"], \"headline\": \"The JSON-LD headline\","
        "\"publisher\": \"Plain Outlet\", \"author\": \"https://example.org/who\"}]</script>"
        "<script type=\"application/ld+json\">{ not json</script>"
        "</head><body><p>Crews fixed 14 bridges.</p></body></html>";
    fc_doc *d = NULL;
    fc_diag diag = {0};
    cr_assert_eq(fc_doc_parse_html("page.html", page, sizeof page - 1, &d, &diag), FC_OK);
    cr_assert_str_eq(d->title, "The JSON-LD headline");
    cr_assert_str_eq(d->outlet, "Plain Outlet");
    cr_assert_null(d->author, "a URL is no author's name");
    cr_assert_str_eq(d->text, "Crews fixed 14 bridges.\n");
    fc_doc_free(d);

    static const char bare[] = "<title>  Site title\n  | Outlet </title>"
                               "<meta name=\"publisher\" content=\"https://example.org/p\">"
                               "<meta name=\"article:publisher\" content=\"Meta Outlet\">"
                               "<p>Crews fixed 14 bridges.<br>Then 3 more.";
    cr_assert_eq(fc_doc_parse_html("bare.html", bare, sizeof bare - 1, &d, &diag), FC_OK);
    cr_assert_str_eq(d->title, "Site title | Outlet");
    cr_assert_str_eq(d->outlet, "Meta Outlet");
    cr_assert_str_eq(d->text, "Crews fixed 14 bridges.\n\nThen 3 more.\n");
    fc_doc_free(d);
}

Test(inputs, odd_pages_are_read_without_error)
{
    fc_doc *d = NULL;
    fc_diag diag = {0};
    /* Empty: a document with no text. */
    cr_assert_eq(fc_doc_parse_html("empty.html", "", 0, &d, &diag), FC_OK);
    cr_assert_eq(d->len, 0);
    fc_doc_free(d);
    /* A NUL byte: refused as binary, naming the offset. */
    cr_assert_eq(fc_doc_parse_html("x.html", "<p>a\0b</p>", 10, &d, &diag), FC_EFORMAT);
    cr_assert_null(d);
    cr_assert_str_eq(diag.message, "binary file (NUL byte at offset 4); not a text document");
    /* 200,000 nested elements: walked without recursion. */
    size_t depth = 200000;
    char *deep = malloc(depth * 5 + 64);
    cr_assert_not_null(deep);
    size_t n = 0;
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(deep + n, "<div>");
    n += (size_t)sprintf(deep + n, "Officials counted 40 ballots.");
    cr_assert_eq(fc_doc_parse_html("deep.html", deep, n, &d, &diag), FC_OK);
    cr_assert_not_null(strstr(d->text, "40 ballots"));
    fc_doc_free(d);
    free(deep);
    /* No charset declared: UTF-8, as written. Entities decoded. */
    static const char utf8[] = "<p>Caf\xc3\xa9 sales rose 5%&nbsp;&mdash; twice &lt;last&gt; year.</p>";
    cr_assert_eq(fc_doc_parse_html("u.html", utf8, sizeof utf8 - 1, &d, &diag), FC_OK);
    cr_assert_str_eq(d->text, "Caf\xc3\xa9 sales rose 5%\xc2\xa0\xe2\x80\x94 twice <last> year.\n");
    fc_doc_free(d);
    /* UTF-8 declared, one stray byte: the rest stays UTF-8 (not all Latin-1). */
    static const char stray[] = "<meta charset=\"UTF-8\"><p>Caf\xe9 rose 5% \xc3\xa9.</p>";
    cr_assert_eq(fc_doc_parse_html("s.html", stray, sizeof stray - 1, &d, &diag), FC_OK);
    cr_assert_not_null(strstr(d->text, "5% \xc3\xa9."), "%s", d->text);
    fc_doc_free(d);
    /* Another character set declared: decoded by libxml2. */
    static const char cp1252[] =
        "<meta charset=\"windows-1252\"><p>Caf\xe9 sales rose 5% \x93so far\x94.</p>";
    cr_assert_eq(fc_doc_parse_html("w.html", cp1252, sizeof cp1252 - 1, &d, &diag), FC_OK);
    cr_assert_str_eq(d->text, "Caf\xc3\xa9 sales rose 5% \xe2\x80\x9cso far\xe2\x80\x9d.\n");
    fc_doc_free(d);
}

/* ---- JSON Lines: bad lines ---------------------------------------------------- */

static const cJSON *input_at(const cJSON *report, int i)
{
    const cJSON *in = cJSON_GetArrayItem(cJSON_GetObjectItem(report, "inputs"), i);
    cr_assert_not_null(in, "no input %d", i);
    return in;
}

static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

Test(inputs, bad_jsonl_lines_are_named_by_line_and_the_other_records_go_on)
{
    const char *dir = make_tmpdir();
    write_file(dir, "feed.jsonl",
               "{\"text\": \"Crews repaired 14 bridges last year.\"}\n"
               "this line is no JSON\n"
               "{\"id\": \"b\", \"text\": 42}\n"
               "[\"an array\"]\n"
               "{\"title\": \"a record without its text\"}\n"
               "{\"text\": \"x\", \"outlet\": 7}\n"
               "{\"text\": \"The mill hired 230 workers.\"} {\"text\": \"more\"}\n"
               "{\"id\": 1.5, \"text\": \"The mill hired 230 workers.\"}\n"
               "{\"text\": \"The mill hired\\u0000 230 workers.\"}\n"
               "{\"id\": \"last\", \"text\": \"The port handled 1.2 million containers.\"}\n");
    char args[900], *out, *err;
    snprintf(args, sizeof args, "-f json '%s'", at(dir, "feed.jsonl"));
    cr_assert_eq(test_run(args, &out, &err), 2, "an input could not be read: exit 2");
    cJSON *r = cJSON_Parse(out);
    cr_assert_not_null(r);
    static const struct {
        int line;
        const char *name, *error;
    } want[] = {
        {1, "feed.jsonl:1", NULL},
        {2, "feed.jsonl:2", "feed.jsonl:2:1: not JSON (malformed)"},
        {3, "feed.jsonl:3", "feed.jsonl:3: \"text\" is not a string"},
        {4, "feed.jsonl:4", "feed.jsonl:4: not a JSON object (a record is one object a line)"},
        {5, "feed.jsonl:5", "feed.jsonl:5: no \"text\" (the article's text, a string)"},
        {6, "feed.jsonl:6", "feed.jsonl:6: \"outlet\" is not a string"},
        {7, "feed.jsonl:7", "feed.jsonl:7:41: text after the JSON value (one record a line)"},
        {8, "feed.jsonl:8", "feed.jsonl:8: \"id\" is a number but not an integer"},
        {9, "feed.jsonl:9",
         "feed.jsonl:9: a string holds \\u0000 (a NUL character); not a text document"},
        {10, "last", NULL},
    };
    for (int i = 0; i < 10; i++) {
        const cJSON *in = input_at(r, i);
        char name[800], error[900];
        snprintf(name, sizeof name, "%s/%s", dir, want[i].name);
        if (strcmp(want[i].name, "last") == 0)
            snprintf(name, sizeof name, "last");
        cr_assert_str_eq(str_of(in, "path"), name, "input %d", i);
        if (!want[i].error) {
            cr_assert_str_eq(str_of(in, "status"), "ok");
            cr_assert_eq(cJSON_GetObjectItem(in, "claims")->valuedouble, 1, "line %d", want[i].line);
            continue;
        }
        snprintf(error, sizeof error, "%s/%s", dir, want[i].error);
        cr_assert_str_eq(str_of(in, "status"), "error");
        cr_assert_str_eq(str_of(in, "error"), error);
        char line[1000];
        snprintf(line, sizeof line, "factcheck: %s\n", error);
        cr_assert_not_null(strstr(err, line), "stderr lacks %s", line);
    }
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(r, "inputs")), 10);
    const cJSON *sum = cJSON_GetObjectItem(r, "summary");
    cr_assert_eq(cJSON_GetObjectItem(sum, "inputs_ok")->valuedouble, 2);
    cr_assert_eq(cJSON_GetObjectItem(sum, "inputs_failed")->valuedouble, 8);
    cr_assert_eq(cJSON_GetObjectItem(sum, "claims")->valuedouble, 2);
    cJSON_Delete(r);
    free(out);
    free(err);
}

/* Ids name records; an id seen already in the run names the later record by
 * its place, so no two documents (and no two claims) share a name. */
Test(inputs, a_repeated_id_names_the_later_record_by_its_line)
{
    const char *dir = make_tmpdir();
    write_file(dir, "one.jsonl", "{\"id\": \"s1\", \"text\": \"Crews fixed 14 bridges.\"}\n"
                                 "{\"id\": \"s1\", \"text\": \"Crews fixed 14 bridges.\"}\n");
    write_file(dir, "two.jsonl", "{\"id\": \"s1\", \"text\": \"Crews fixed 14 bridges.\"}\n"
                                 "{\"id\": \"s2\", \"text\": \"Crews fixed 14 bridges.\"}\n");
    fc_corpus *c = fc_corpus_new();
    cr_assert_eq(fc_corpus_add_path(c, at(dir, "one.jsonl")), FC_OK);
    cr_assert_eq(fc_corpus_add_path(c, at(dir, "two.jsonl")), FC_OK);
    cr_assert_eq(fc_corpus_extract(c, test_rules()), FC_OK);
    char want[800];
    cr_assert_str_eq(fc_corpus_input(c, 0)->path, "s1");
    snprintf(want, sizeof want, "%s:2", at(dir, "one.jsonl"));
    cr_assert_str_eq(fc_corpus_input(c, 1)->path, want);
    snprintf(want, sizeof want, "%s:1", at(dir, "two.jsonl"));
    cr_assert_str_eq(fc_corpus_input(c, 2)->path, want);
    cr_assert_str_eq(fc_corpus_input(c, 3)->path, "s2");
    const fc_claims *cl = fc_corpus_claims(c);
    cr_assert_eq(cl->n, 4);
    for (size_t a = 0; a < cl->n; a++)
        for (size_t b = a + 1; b < cl->n; b++)
            cr_assert_str_neq(cl->items[a].id, cl->items[b].id);
    fc_corpus_free(c);
}

/* A NUL byte ends the file (the records before it are read); a file that is no
 * JSON Lines at all stops after 20 bad lines; an empty one is skipped. */
Test(inputs, jsonl_files_that_are_binary_not_jsonl_or_empty)
{
    const char *dir = make_tmpdir();
    static const char bin[] = "{\"text\": \"Agents made 12 arrests.\"}\n{\"text\": \"a\0b\"}\n"
                              "{\"text\": \"never read\"}\n";
    FILE *f = fopen(at(dir, "bin.jsonl"), "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(bin, 1, sizeof bin - 1, f), sizeof bin - 1);
    fclose(f);
    fc_corpus *c = run_corpus(at(dir, "bin.jsonl"), FC_DOC_AUTO, 1);
    cr_assert_eq(fc_corpus_ninputs(c), 2);
    cr_assert_eq(fc_corpus_input(c, 0)->nclaims, 1);
    char want[800];
    snprintf(want, sizeof want,
             "%s:2: binary file (NUL byte at offset 47); not a text document; the rest of the "
             "file not read",
             at(dir, "bin.jsonl"));
    cr_assert_str_eq(fc_corpus_input(c, 1)->error, want);
    fc_corpus_free(c);

    char pretty[4096] = "[\n";
    for (int i = 0; i < 40; i++)
        strcat(pretty, "  {\"text\":\n   \"x\"},\n");
    strcat(pretty, "]\n");
    write_file(dir, "pretty.jsonl", pretty);
    c = run_corpus(at(dir, "pretty.jsonl"), FC_DOC_AUTO, 1);
    cr_assert_eq(fc_corpus_ninputs(c), 21, "20 bad lines, then one error for the rest");
    snprintf(want, sizeof want,
             "%s:21: not JSON Lines (the first 20 lines are no records); the rest of the file "
             "not read",
             at(dir, "pretty.jsonl"));
    cr_assert_str_eq(fc_corpus_input(c, 20)->error, want);
    fc_corpus_free(c);

    write_file(dir, "empty.jsonl", "\n  \n");
    c = run_corpus(at(dir, "empty.jsonl"), FC_DOC_AUTO, 1);
    cr_assert_eq(fc_corpus_ninputs(c), 1);
    cr_assert(fc_corpus_input(c, 0)->skipped);
    cr_assert_eq(fc_corpus_nskipped(c), 1);
    fc_corpus_free(c);
}

Test(inputs, input_format_jsonl_reads_standard_input_and_other_names)
{
    const char *dir = make_tmpdir();
    write_file(dir, "export.json",
               "{\"text\": \"Voters approved 3 measures.\"}\n"
               "{\"id\": \"z\", \"text\": \"The district hired 45 teachers.\"}\n");
    char args[900], *out, *err;
    snprintf(args, sizeof args, "-f json --input-format jsonl - < '%s'", at(dir, "export.json"));
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    cJSON *r = cJSON_Parse(out);
    cr_assert_str_eq(str_of(input_at(r, 0), "path"), "-:1");
    cr_assert_str_eq(str_of(input_at(r, 1), "path"), "z");
    cr_assert_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "summary"), "claims")->valuedouble, 2);
    cJSON_Delete(r);
    free(out);
    free(err);
    /* A file named on the command line, whatever its name. */
    snprintf(args, sizeof args, "-f json --input-format jsonl '%s'", at(dir, "export.json"));
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    r = cJSON_Parse(out);
    cr_assert_str_eq(str_of(input_at(r, 1), "path"), "z");
    cJSON_Delete(r);
    free(out);
    free(err);
    /* An HTML page on standard input. */
    write_file(dir, "page", "<nav>12 links</nav><p>The council cut 8 posts.</p>");
    snprintf(args, sizeof args, "extract -f jsonl --input-format html - < '%s'", at(dir, "page"));
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    cr_assert_not_null(strstr(out, "\"text\":\"8\""), "%s", out);
    cr_assert_null(strstr(out, "\"text\":\"12\""), "%s", out);
    free(out);
    free(err);
    /* An unknown format is a usage error. */
    cr_assert_eq(test_run("--input-format pdf -", &out, &err), 2);
    cr_assert_not_null(strstr(err, "--input-format: unknown value 'pdf' (auto, text, html or jsonl)"),
                       "%s", err);
    free(out);
    free(err);
}

/* ---- URLs and files of other types --------------------------------------------- */

Test(inputs, a_url_is_refused_with_how_to_download_it)
{
    char *out, *err;
    cr_assert_eq(test_run("https://example.org/news/story-1", &out, &err), 2);
    cr_assert_not_null(
        strstr(err, "factcheck: https://example.org/news/story-1: a URL: factcheck reads files "
                    "and does not fetch pages; download it first, e.g. curl -L -o story.html "
                    "'https://example.org/news/story-1', then run factcheck story.html\n"),
        "%s", err);
    cr_assert_not_null(strstr(out, "https://example.org/news/story-1  ERROR"), "%s", out);
    free(out);
    free(err);
}

Test(inputs, files_of_other_types_in_a_folder_are_listed_as_skipped)
{
    const char *dir = make_tmpdir();
    make_dir(dir, "desk");
    make_dir(dir, "desk/sub");
    write_file(dir, "desk/a.md", "Agents made 12 arrests.\n");
    write_file(dir, "desk/b.pdf", "%PDF-1.4 not read\n");
    write_file(dir, "desk/factcheck.rules.json", "{}\n");
    write_file(dir, "desk/sub/factcheck.rules.json", "{}\n");
    write_file(dir, "desk/sub/notes.docx", "PK");
    write_file(dir, "desk/.hidden.pdf", "hidden entries stay out");
    char args[900], *out, *err;
    snprintf(args, sizeof args, "-f json '%s'", at(dir, "desk"));
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    cJSON *r = cJSON_Parse(out);
    cr_assert_not_null(r);
    static const char *const names[] = {"a.md", "b.pdf", "sub/factcheck.rules.json",
                                        "sub/notes.docx"};
    static const char *const why[] = {
        NULL, "not a document type factcheck reads (.md, .txt, .html, .htm, .jsonl); skipped",
        "a rule file in a subfolder; only the folder named is searched for "
        "factcheck.rules.json; skipped",
        "not a document type factcheck reads (.md, .txt, .html, .htm, .jsonl); skipped"};
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(r, "inputs")), 4);
    for (int i = 0; i < 4; i++) {
        const cJSON *in = input_at(r, i);
        char path[800], warning[1200];
        snprintf(path, sizeof path, "%s/desk/%s", dir, names[i]);
        cr_assert_str_eq(str_of(in, "path"), path);
        if (!why[i]) {
            cr_assert_str_eq(str_of(in, "status"), "ok");
            continue;
        }
        snprintf(warning, sizeof warning, "%s: %s", path, why[i]);
        cr_assert_str_eq(str_of(in, "status"), "skipped");
        cr_assert_str_eq(str_of(in, "warning"), warning);
        char line[1400];
        snprintf(line, sizeof line, "factcheck: warning: %s\n", warning);
        cr_assert_not_null(strstr(err, line), "stderr lacks %s", line);
    }
    const cJSON *sum = cJSON_GetObjectItem(r, "summary");
    cr_assert_eq(cJSON_GetObjectItem(sum, "inputs_ok")->valuedouble, 1);
    cr_assert_eq(cJSON_GetObjectItem(sum, "inputs_skipped")->valuedouble, 3);
    cJSON_Delete(r);
    free(out);
    free(err);

    /* HTML: the skipped file's section says so. */
    snprintf(args, sizeof args, "-f html '%s'", at(dir, "desk"));
    cr_assert_eq(test_run(args, &out, &err), 0);
    cr_assert_not_null(strstr(out, "<p class=\"meta\">Skipped: "), "%.2000s", out);
    cr_assert_not_null(strstr(out, ", <b>3</b> skipped)"), "%.2000s", out);
    free(out);
    free(err);

    /* CSV: the status column says skipped. */
    snprintf(args, sizeof args, "-f csv '%s'", at(dir, "desk"));
    cr_assert_eq(test_run(args, &out, &err), 0);
    cr_assert_not_null(strstr(out, ",skipped,"), "%s", out);
    free(out);
    free(err);

    /* Nothing but skipped files: no document was read, which is no clean run.
     * Named itself, the subfolder's rule file is its rules, not a skipped file. */
    snprintf(args, sizeof args, "'%s'", at(dir, "desk/sub"));
    cr_assert_eq(test_run(args, &out, &err), 2);
    cr_assert_not_null(strstr(err, "factcheck: no document among the inputs (1 file skipped)\n"),
                       "%s", err);
    cr_assert_not_null(strstr(out, "Summary: 1 input (0 ok, 0 failed, 1 skipped), 0 claims"),
                       "%s", out);
    free(out);
    free(err);
    /* An empty folder too. */
    make_dir(dir, "empty");
    snprintf(args, sizeof args, "'%s'", at(dir, "empty"));
    cr_assert_eq(test_run(args, &out, &err), 2);
    cr_assert_not_null(strstr(err, "no document among the inputs"), "%s", err);
    free(out);
    free(err);
}

/* The checks keep of a kept document's words (those outside its stretches)
 * only the ones a term of a claim's key starts: the keys here are
 * "t:dog p:granite_falls w:shelter" and "t:dog p:ward_3 w:shelter", so of the
 * words of the middle paragraph "granite", "falls" and the label "Ward 3" stay
 * ("dog" and "shelter" are only in the stretches); "zebras", "quartz" and the
 * filler's words go, and so does the bare "ward" (the key asks for it with its
 * number only). */
Test(inputs, the_checks_keep_only_the_words_the_keys_ask_about)
{
    const char *dir = make_tmpdir();
    const char *filler = "The afternoon was quiet and the committee talked about paint colours "
                         "for the hallway. ";
    char text[4096];
    int n = snprintf(text, sizeof text,
                     "The Granite Falls shelter took in 412 dogs in 2024, the county said.\n\n");
    for (int i = 0; i < 6; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s", filler);
    n += snprintf(text + n, sizeof text - (size_t)n,
                  "\n\nZebras and quartz were seen near Granite Falls and Ward 3 that week, "
                  "neighbours said.\n\n");
    for (int i = 0; i < 6; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s", filler);
    snprintf(text + n, sizeof text - (size_t)n,
             "\n\nThe Ward 3 shelter took in 390 dogs in 2024, the city said.\n");
    write_file(dir, "a.md", text);
    fc_corpus *c = fc_corpus_new();
    cr_assert_not_null(c);
    cr_assert_eq(fc_corpus_add_path(c, at(dir, "a.md")), FC_OK);
    cr_assert_eq(fc_corpus_extract(c, test_rules()), FC_OK);
    const fc_doc *d = fc_corpus_input(c, 0)->doc;
    const fc_claims *cl = fc_corpus_claims(c);
    cr_assert_eq(cl->n, 2);
    cr_assert_str_eq(cl->items[0].key, "t:dog p:granite_falls w:shelter");
    cr_assert_str_eq(cl->items[1].key, "t:dog p:ward_3 w:shelter");
    cr_assert_gt(d->nwords, 20, "before the checks: every word outside the stretches");
    cr_assert(fc_doc_mentions(d, "Zebra", 5, NULL, 0));
    cr_assert(fc_doc_mentions(d, "ward", 4, NULL, 0));
    cr_assert_eq(fc_corpus_check(c, test_rules()), FC_OK);
    const char *want[] = {"falls", "granite", "ward\x1f" "3"};
    cr_assert_eq(d->nwords, 3, "%zu words kept", d->nwords);
    for (size_t i = 0; i < 3; i++)
        cr_assert_str_eq(d->words[i], want[i]);
    /* What the keys ask is answered as before; the stretches still answer. */
    cr_assert(fc_doc_mentions(d, "granite", 7, NULL, 0));
    cr_assert(fc_doc_mentions(d, "falls", 5, NULL, 0));
    cr_assert(fc_doc_mentions(d, "ward", 4, "3", 1));
    cr_assert(fc_doc_mentions(d, "shelter", 7, NULL, 0));
    cr_assert_not(fc_doc_mentions(d, "ward", 4, "35", 2));
    cr_assert_not(fc_doc_mentions(d, "zebra", 5, NULL, 0));
    /* Every span's text is still the document's. */
    cr_assert_eq(strncmp(fc_doc_bytes(d, 0, 3), "The", 3), 0);
    fc_corpus_free(c);
}
