/* status.c - names for status codes and formatting of diagnostics. */
#include <stdio.h>

#include "factcheck/factcheck.h"

const char *fc_status_str(fc_status status)
{
    switch (status) {
    case FC_OK:
        return "ok";
    case FC_ENOMEM:
        return "out of memory";
    case FC_EIO:
        return "cannot read";
    case FC_EFORMAT:
        return "not a usable text document";
    case FC_EINVAL:
        return "invalid argument";
    case FC_ERULES:
        return "invalid rule file";
    }
    return "unknown status";
}

char *fc_diag_format(const fc_diag *diag, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    if (diag->line > 0)
        snprintf(buf, n, "%s:%u:%u: %s", diag->file, diag->line, diag->col, diag->message);
    else if (diag->file[0])
        snprintf(buf, n, "%s: %s", diag->file, diag->message);
    else
        snprintf(buf, n, "%s", diag->message);
    return buf;
}

const char *fc_version(void)
{
    return FC_VERSION;
}
