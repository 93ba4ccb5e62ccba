/* report.c - choose a report writer by format name. */
#include <string.h>

#include "factcheck/report.h"
#include "report_internal.h"

fc_status fc_format_parse(const char *name, fc_format *out)
{
    static const struct {
        const char *name;
        fc_format format;
    } formats[] = {{"text", FC_FORMAT_TEXT}, {"json", FC_FORMAT_JSON}, {"jsonl", FC_FORMAT_JSONL}};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return FC_OK;
        }
    return FC_EINVAL;
}

fc_status fc_report_write(FILE *out, const fc_corpus *corpus, fc_format format, fc_report_kind kind)
{
    fc_status st;
    switch (format) {
    case FC_FORMAT_JSON:
        st = fc_report_json(out, corpus, kind);
        break;
    case FC_FORMAT_JSONL:
        st = fc_report_jsonl(out, corpus, kind);
        break;
    default:
        st = fc_report_text(out, corpus, kind);
        break;
    }
    if (st == FC_OK && (fflush(out) != 0 || ferror(out)))
        st = FC_EIO;
    return st;
}
