/* status.h - status codes and diagnostics shared by every factcheck module.
 *
 * A function that can fail returns an fc_status; when the caller passes an
 * fc_diag, it is filled with the file, position and a message a person can read.
 * The library never prints, exits or aborts: the caller decides what to show.
 */
#ifndef FACTCHECK_STATUS_H
#define FACTCHECK_STATUS_H

#include <stddef.h>

#if defined(FC_BUILDING_LIBRARY) && defined(__GNUC__)
#define FC_API __attribute__((visibility("default")))
#else
#define FC_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fc_status {
    FC_OK = 0,  /* success */
    FC_ENOMEM,  /* out of memory */
    FC_EIO,     /* a file or folder could not be opened or read */
    FC_EFORMAT, /* the input is not something factcheck can use (binary, malformed) */
    FC_EINVAL,  /* a bad argument or value */
    FC_ERULES   /* a rule file is malformed or invalid */
} fc_status;

/* Where and why something failed. line and col count from 1; 0 means unknown. */
typedef struct fc_diag {
    char file[4096]; /* PATH_MAX: a path is never cut */
    unsigned line;
    unsigned col;
    char message[4096];
} fc_diag;

/* The name of a status ("ok", "out of memory", ...); never NULL. */
FC_API const char *fc_status_str(fc_status status);

/* Formats the diagnostic as "file:line:col: message" (omitting unknown parts)
 * into buf of size n, made safe for a terminal as fc_term_safe does; returns buf. */
FC_API char *fc_diag_format(const fc_diag *diag, char *buf, size_t n);

/* Copies s into buf of size n for a terminal: every control character becomes
 * a visible \xNN (NN its code in hex): C0 controls (line breaks and tabs too),
 * DEL, C1 controls written in UTF-8 (U+0080 to U+009F) and ESC with them, so a
 * document or a file name cannot move the cursor, retitle the window, hide
 * text or start a new line; a byte that is not UTF-8 becomes \xNN too.
 * Cut short at a whole character when buf is too small; returns buf. */
FC_API char *fc_term_safe(const char *s, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif
