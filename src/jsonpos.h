/* jsonpos.h - where each member and element of a JSON text starts (private).
 *
 * cJSON parses values but forgets positions; rule-file errors need them. This
 * scanner walks the same text and records, for every path ("$.hedges[3].kind"),
 * the byte offset of the value and, for object members, of the key; the paths
 * themselves are not stored, so memory is linear in the text. It never
 * fails on malformed input: it records what it reached. */
#ifndef FC_JSONPOS_H
#define FC_JSONPOS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fc_jsonpos fc_jsonpos;

/* Scans len bytes of JSON text, which must outlive the result; NULL when out
 * of memory. */
fc_jsonpos *fc_jsonpos_scan(const char *text, size_t len);

/* The offset of the value at path (or of its key, when key is true and the
 * value is an object member). False when the path was not seen. */
bool fc_jsonpos_find(const fc_jsonpos *m, const char *path, bool key, size_t *offset);

/* Whether an object in the text has a key twice (as written, escapes and all):
 * then the offsets of the first key and of its repeat, the repeat that comes
 * first in the text. */
bool fc_jsonpos_duplicate(const fc_jsonpos *m, size_t *first, size_t *second);

/* 1-based line and column (in bytes) of an offset in text. */
void fc_jsonpos_linecol(const char *text, size_t offset, unsigned *line, unsigned *col);

void fc_jsonpos_free(fc_jsonpos *m);

#endif
