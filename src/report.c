/* report.c - choose a report writer by format name. */
#include <string.h>

#include "factcheck/report.h"
#include "report_internal.h"
#include "util.h"

static const struct {
    const char *name;
    fc_format format;
} formats[] = {{"text", FC_FORMAT_TEXT},
               {"json", FC_FORMAT_JSON},
               {"jsonl", FC_FORMAT_JSONL},
               {"csv", FC_FORMAT_CSV},
               {"claimreview", FC_FORMAT_CLAIMREVIEW},
               {"html", FC_FORMAT_HTML},
               {"sqlite", FC_FORMAT_SQLITE}};

fc_status fc_format_parse(const char *name, fc_format *out)
{
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return FC_OK;
        }
    return FC_EINVAL;
}

const char *fc_report_url(const fc_doc *doc)
{
    const char *u = doc ? doc->url : NULL;
    if (!u)
        return NULL;
    size_t scheme = fc_ieq(u, "https://", 8) ? 8 : fc_ieq(u, "http://", 7) ? 7 : 0;
    if (scheme == 0 || u[scheme] == '\0' || u[scheme] == '/')
        return NULL; /* another scheme, or no host */
    for (const unsigned char *p = (const unsigned char *)u; *p; p++)
        if (*p <= ' ' || *p == 0x7F || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return NULL; /* not a URL a page could link to as it is */
    return u;
}

bool fc_report_shown(const fc_corpus *corpus, size_t i, bool hide)
{
    return !hide || !fc_corpus_decision(corpus, i);
}

size_t fc_report_nsettled(const fc_corpus *corpus)
{
    size_t n = 0;
    for (size_t i = 0; i < fc_corpus_findings(corpus)->n; i++)
        n += fc_corpus_decision(corpus, i) != NULL;
    return n;
}

void fc_report_finding_measure(const fc_corpus *corpus, const fc_finding *f, const char **measure,
                               const char **key)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    *measure = *key = NULL;
    for (size_t i = 0; i < f->nclaims && !*measure; i++)
        *measure = cl->items[f->claims[i]].measure;
    for (size_t i = 0; i < f->nclaims && !*measure && !*key; i++)
        *key = cl->items[f->claims[i]].key;
}

size_t fc_report_finding_docs(const fc_corpus *corpus, const fc_finding *f, size_t *docs)
{
    const fc_claims *cl = fc_corpus_claims(corpus);
    size_t n = 0;
    for (size_t i = 0; i < f->nclaims; i++) {
        size_t d = cl->items[f->claims[i]].doc, j = 0;
        while (j < n && docs[j] != d)
            j++;
        if (j == n && fc_corpus_input(corpus, d))
            docs[n++] = d;
    }
    return n;
}

bool fc_report_outlet_seen(const fc_corpus *corpus, const size_t *docs, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++) {
        const fc_input *in = fc_corpus_input(corpus, docs[i]);
        if (in->doc && in->doc->outlet && strcmp(in->doc->outlet, s) == 0)
            return true;
    }
    return false;
}

const char *fc_format_names(void)
{
    return "text, json, jsonl, csv, claimreview, html, sqlite";
}

fc_status fc_report_write(FILE *out, const fc_corpus *corpus, const fc_report_options *opt)
{
    fc_status st;
    bool hide = opt->hide_settled;
    switch (opt->format) {
    case FC_FORMAT_JSON:
        st = fc_report_json(out, corpus, opt->kind, hide, opt->rules);
        break;
    case FC_FORMAT_JSONL:
        st = fc_report_jsonl(out, corpus, opt->kind, hide);
        break;
    case FC_FORMAT_CSV:
        st = fc_report_csv(out, corpus, opt->kind, hide, opt->rules);
        break;
    case FC_FORMAT_CLAIMREVIEW:
        st = fc_report_claimreview(out, corpus, hide);
        break;
    case FC_FORMAT_HTML:
        st = fc_report_html(out, corpus, opt->kind, hide, opt->rules);
        break;
    case FC_FORMAT_SQLITE:
        return FC_EINVAL; /* a database is a file: fc_report_write_db */
    default:
        st = fc_report_text(out, corpus, opt->kind, opt->color, hide, opt->list_claims,
                            opt->rules);
        break;
    }
    if (st == FC_OK && (fflush(out) != 0 || ferror(out)))
        st = FC_EIO;
    return st;
}
