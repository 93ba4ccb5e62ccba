/* doc_internal.h - document loading as the corpus needs it (private). */
#ifndef FC_DOC_INTERNAL_H
#define FC_DOC_INTERNAL_H

#include <stdbool.h>

#include "factcheck/doc.h"

/* fc_doc_load, and when regular_only, anything but a regular file (a FIFO, a
 * device, a folder) is refused with FC_EIO without waiting on it: a file found
 * in a folder may have been replaced by one of those since it was listed. */
fc_status fc_doc_load_file(const char *path, bool regular_only, fc_doc **out, fc_diag *diag);

#endif
