/* rules.c - load JSON rule files (cJSON) into the structures in rules_internal.h.
 *
 * The cJSON tree is copied into fc_ structures at once and then deleted. Any
 * error frees everything built so far: a bad rule file is never half-applied.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lex.h"
#include "rules_internal.h"
#include "util.h"

typedef struct loader {
    const char *path;
    const char *src;
    fc_diag *diag;
    fc_rules *rules;
} loader;

/* ---- errors ------------------------------------------------------------ */

static void offset_linecol(const char *src, size_t off, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && src[i]; i++) {
        if (src[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

static fc_status fail(loader *ld, const char *where, const char *what)
{
    fc_diag_set(ld->diag, ld->path, 0, 0, "%s: %s", where, what);
    return FC_ERULES;
}

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        fc_status st_ = (expr);                                                                    \
        if (st_ != FC_OK)                                                                          \
            return st_;                                                                            \
    } while (0)

/* ---- phrases ----------------------------------------------------------- */

static fc_status phrase_make(loader *ld, const char *where, const char *text, fc_phrase *out)
{
    fc_toks toks = {0};
    memset(out, 0, sizeof *out);
    if (fc_lex(text, 0, strlen(text), &toks) != FC_OK)
        return FC_ENOMEM;
    if (toks.n == 0) {
        fc_toks_free(&toks);
        return fail(ld, where, "empty phrase");
    }
    out->text = fc_strdup(text);
    out->tok = calloc(toks.n, sizeof *out->tok);
    out->hash = calloc(toks.n, sizeof *out->hash);
    out->len = calloc(toks.n, sizeof *out->len);
    if (!out->text || !out->tok || !out->hash || !out->len)
        goto nomem;
    out->ntok = toks.n;
    for (size_t i = 0; i < toks.n; i++) {
        size_t n = toks.items[i].end - toks.items[i].start + 1;
        if (!(out->tok[i] = malloc(n)))
            goto nomem;
        fc_tok_lower(text, &toks.items[i], out->tok[i], n);
        out->hash[i] = toks.items[i].hash;
        out->len[i] = n - 1;
    }
    fc_toks_free(&toks);
    return FC_OK;
nomem:
    fc_toks_free(&toks);
    return FC_ENOMEM;
}

static void phrase_free(fc_phrase *p)
{
    for (size_t i = 0; i < p->ntok; i++)
        free(p->tok[i]);
    free(p->tok);
    free(p->hash);
    free(p->len);
    free(p->text);
}

static void phrase_list_free(fc_phrase_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        phrase_free(&l->items[i]);
    free(l->items);
    fc_index_free(&l->first);
    fc_index_free(&l->last);
}

/* ---- lookup indices ------------------------------------------------------ */

static fc_status index_one(fc_index *ix, const void *base, size_t n, size_t stride, bool last)
{
    uint32_t nb = 8;
    while (nb < 2 * n)
        nb *= 2;
    ix->mask = nb - 1;
    ix->start = calloc(nb + 1, sizeof *ix->start);
    ix->item = malloc((n ? n : 1) * sizeof *ix->item);
    uint32_t *cursor = malloc((size_t)nb * sizeof *cursor);
    if (!ix->start || !ix->item || !cursor) {
        free(cursor);
        return FC_ENOMEM;
    }
#define PHRASE(i) ((const fc_phrase *)((const char *)base + (i)*stride))
#define BUCKET(p) ((p)->hash[last ? (p)->ntok - 1 : 0] & ix->mask)
    for (size_t i = 0; i < n; i++) {
        const fc_phrase *p = PHRASE(i);
        uint32_t h = p->hash[last ? p->ntok - 1 : 0];
        ix->bloom[(h >> 24) >> 6 & 3] |= (uint64_t)1 << ((h >> 24) & 63);
        ix->start[BUCKET(p) + 1]++;
    }
    for (uint32_t b = 1; b <= nb; b++)
        ix->start[b] += ix->start[b - 1];
    memcpy(cursor, ix->start, (size_t)nb * sizeof *cursor);
    for (size_t i = 0; i < n; i++)
        ix->item[cursor[BUCKET(PHRASE(i))]++] = (uint32_t)i;
#undef BUCKET
#undef PHRASE
    free(cursor);
    return FC_OK;
}

fc_status fc_index_build(fc_index *first, fc_index *last, const void *base, size_t n, size_t stride)
{
    if (index_one(first, base, n, stride, false) != FC_OK ||
        index_one(last, base, n, stride, true) != FC_OK)
        return FC_ENOMEM;
    return FC_OK;
}

void fc_index_free(fc_index *ix)
{
    free(ix->start);
    free(ix->item);
    ix->start = ix->item = NULL;
}

static fc_status phrase_list_load(loader *ld, const cJSON *arr, const char *where,
                                  fc_phrase_list *out)
{
    char at[160];
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, where, "expected an array of strings");
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        snprintf(at, sizeof at, "%s[%zu]", where, out->n);
        if (!cJSON_IsString(it))
            return fail(ld, at, "expected a string");
        TRY(phrase_make(ld, at, it->valuestring, &out->items[out->n]));
        out->n++;
    }
    return FC_OK;
}

/* ---- named values ------------------------------------------------------- */

static int name_index(const char *name, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && strcmp(name, names[i]) == 0)
            return (int)i;
    return -1;
}

static const char *const qualifier_names[] = {"exact",     "approximately", "nearly",    "at_least",
                                              "more_than", "at_most",       "less_than", "range"};
static const char *const unit_names[] = {
    "count", "percent", "percentage_point", "currency", "duration", "ratio", "other"};
static const char *const per_names[] = {"none", "day", "week", "month", "year"};
static const char *const modality_names[] = {"actual", "estimate", "target", "projection", "poll"};
static const char *const severity_names[] = {"info", "warning", "conflict"};
#define COUNT(a) (sizeof(a) / sizeof *(a))

static fc_status get_enum(loader *ld, const cJSON *obj, const char *key, const char *where,
                          const char *const *names, size_t n, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    char at[200];
    snprintf(at, sizeof at, "%s.%s", where, key);
    if (!v)
        return fail(ld, at, "missing");
    if (!cJSON_IsString(v) || (*out = name_index(v->valuestring, names, n)) < 0) {
        char msg[300] = "expected one of:";
        for (size_t i = 0; i < n; i++) {
            strncat(msg, " ", sizeof msg - strlen(msg) - 1);
            strncat(msg, names[i], sizeof msg - strlen(msg) - 1);
        }
        return fail(ld, at, msg);
    }
    return FC_OK;
}

/* Loads an array of objects {"phrase"|"symbol"|"word": ..., ...} into entries,
 * calling each() to read the rest of every object. */
typedef fc_status (*entry_fn)(loader *ld, const cJSON *obj, const char *where, fc_entry *e);

static fc_status entries_load(loader *ld, const cJSON *arr, const char *where, entry_fn each,
                              fc_entries *out)
{
    char at[160];
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, where, "expected an array of objects");
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    const cJSON *obj;
    cJSON_ArrayForEach(obj, arr)
    {
        fc_entry *e = &out->items[out->n];
        snprintf(at, sizeof at, "%s[%zu]", where, out->n);
        if (!cJSON_IsObject(obj))
            return fail(ld, at, "expected an object");
        const cJSON *ph = cJSON_GetObjectItemCaseSensitive(obj, "phrase");
        if (!ph)
            ph = cJSON_GetObjectItemCaseSensitive(obj, "symbol");
        if (!ph)
            ph = cJSON_GetObjectItemCaseSensitive(obj, "word");
        if (!cJSON_IsString(ph))
            return fail(ld, at, "needs a \"phrase\" string");
        e->modality = -1;
        TRY(phrase_make(ld, at, ph->valuestring, &e->phrase));
        out->n++;
        TRY(each(ld, obj, at, e));
    }
    return FC_OK;
}

/* Loads an object {"word": number, ...}. */
static fc_status values_load(loader *ld, const cJSON *obj, const char *where, fc_entries *out)
{
    char at[160];
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, where, "expected an object of numbers");
    size_t n = (size_t)cJSON_GetArraySize(obj);
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        snprintf(at, sizeof at, "%s.%s", where, it->string);
        if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble) || it->valuedouble <= 0)
            return fail(ld, at, "expected a positive number");
        fc_entry *e = &out->items[out->n];
        e->modality = -1;
        TRY(phrase_make(ld, at, it->string, &e->phrase));
        e->value = it->valuedouble;
        out->n++;
    }
    return FC_OK;
}

static fc_status hedge_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(get_enum(ld, obj, "kind", where, qualifier_names, COUNT(qualifier_names), &e->kind));
    const cJSON *tol = cJSON_GetObjectItemCaseSensitive(obj, "tolerance");
    if (tol && (!cJSON_IsNumber(tol) || tol->valuedouble < 0 || tol->valuedouble >= 1)) {
        char at[200];
        snprintf(at, sizeof at, "%s.tolerance", where);
        return fail(ld, at, "expected a number from 0 to below 1");
    }
    e->tolerance = tol ? tol->valuedouble : 0;
    if (cJSON_GetObjectItemCaseSensitive(obj, "modality"))
        TRY(get_enum(ld, obj, "modality", where, modality_names, COUNT(modality_names),
                     &e->modality));
    return FC_OK;
}

static fc_status unit_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(get_enum(ld, obj, "unit", where, unit_names, COUNT(unit_names), &e->kind));
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(obj, "requires");
    if (!req)
        return FC_OK;
    char at[200];
    snprintf(at, sizeof at, "%s.requires", where);
    if (!(e->requires = calloc(1, sizeof *e->requires)))
        return FC_ENOMEM;
    return phrase_list_load(ld, req, at, e->requires);
}

static fc_status number_field(loader *ld, const cJSON *obj, const char *key, const char *where,
                              double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < 0) {
        char at[200];
        snprintf(at, sizeof at, "%s.%s", where, key);
        return fail(ld, at, "expected a number, 0 or more");
    }
    *out = v->valuedouble;
    return FC_OK;
}

static fc_status vague_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(number_field(ld, obj, "low", where, &e->low));
    TRY(number_field(ld, obj, "high", where, &e->high));
    if (e->high < e->low) {
        char at[200];
        snprintf(at, sizeof at, "%s.high", where);
        return fail(ld, at, "must not be below low");
    }
    e->value = e->low;
    return FC_OK;
}

static const char *const direction_names[] = {"none", "up", "down"};

/* In the order of fc_period_kind. */
static const char *const period_names[] = {
    "at",        "since",     "last_week",  "last_month", "last_year", "this_week", "this_month",
    "this_year", "past_week", "past_month", "past_year",  "yesterday", "today"};

static fc_status relative_period_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(get_enum(ld, obj, "period", where, period_names + 2, COUNT(period_names) - 2, &e->kind));
    e->kind += 2; /* relative kinds follow "at" and "since" in fc_period_kind */
    return FC_OK;
}

/* {"in": "at", "since": "since", ...} */
static fc_status period_preps_load(loader *ld, const cJSON *obj, fc_entries *out)
{
    char at[160];
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, "$.periods.prepositions", "expected an object of \"at\" or \"since\"");
    size_t n = (size_t)cJSON_GetArraySize(obj);
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        snprintf(at, sizeof at, "$.periods.prepositions.%s", it->string);
        int k = cJSON_IsString(it) ? name_index(it->valuestring, period_names, 2) : -1;
        if (k < 0)
            return fail(ld, at, "expected \"at\" or \"since\"");
        fc_entry *e = &out->items[out->n];
        e->modality = -1;
        TRY(phrase_make(ld, at, it->string, &e->phrase));
        e->kind = k;
        out->n++;
    }
    return FC_OK;
}

static fc_status multiplier_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(number_field(ld, obj, "value", where, &e->value));
    if (cJSON_GetObjectItemCaseSensitive(obj, "direction"))
        TRY(get_enum(ld, obj, "direction", where, direction_names, COUNT(direction_names),
                     &e->kind));
    return FC_OK;
}

static fc_status rate_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    return get_enum(ld, obj, "per", where, per_names, COUNT(per_names), &e->kind);
}

static fc_status cue_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    return get_enum(ld, obj, "modality", where, modality_names, COUNT(modality_names), &e->kind);
}

static fc_status currency_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(obj, "code");
    if (!cJSON_IsString(code) || strlen(code->valuestring) != 3) {
        char at[200];
        snprintf(at, sizeof at, "%s.code", where);
        return fail(ld, at, "expected a three-letter ISO 4217 code");
    }
    memcpy(e->code, code->valuestring, 4);
    e->symbol = cJSON_GetObjectItemCaseSensitive(obj, "symbol") != NULL;
    return FC_OK;
}

/* ---- measures and checks ----------------------------------------------- */

static fc_status measure_load(loader *ld, const cJSON *obj, const char *where, fc_measure *m)
{
    char at[200];
    if (!cJSON_IsObject(obj))
        return fail(ld, where, "expected an object");
    const cJSON *key = cJSON_GetObjectItemCaseSensitive(obj, "key");
    if (!cJSON_IsString(key) || !key->valuestring[0]) {
        snprintf(at, sizeof at, "%s.key", where);
        return fail(ld, at, "expected a non-empty string");
    }
    const cJSON *desc = cJSON_GetObjectItemCaseSensitive(obj, "description");
    if (!(m->key = fc_strdup(key->valuestring)) ||
        (cJSON_IsString(desc) && !(m->description = fc_strdup(desc->valuestring))))
        return FC_ENOMEM;
    m->unit = m->per = -1;
    if (cJSON_GetObjectItemCaseSensitive(obj, "unit"))
        TRY(get_enum(ld, obj, "unit", where, unit_names, COUNT(unit_names), &m->unit));
    if (cJSON_GetObjectItemCaseSensitive(obj, "per"))
        TRY(get_enum(ld, obj, "per", where, per_names, COUNT(per_names), &m->per));
    snprintf(at, sizeof at, "%s.subject", where);
    TRY(phrase_list_load(ld, cJSON_GetObjectItemCaseSensitive(obj, "subject"), at, &m->subject));
    const cJSON *mods = cJSON_GetObjectItemCaseSensitive(obj, "modality"), *it;
    if (mods && !cJSON_IsArray(mods)) {
        snprintf(at, sizeof at, "%s.modality", where);
        return fail(ld, at, "expected an array of modality names");
    }
    cJSON_ArrayForEach(it, mods)
    {
        int k = cJSON_IsString(it)
                    ? name_index(it->valuestring, modality_names, COUNT(modality_names))
                    : -1;
        if (k < 0) {
            snprintf(at, sizeof at, "%s.modality", where);
            return fail(ld, at, "expected actual, estimate, target, projection or poll");
        }
        m->modalities |= 1u << k;
    }
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(obj, "context");
    if (!ctx)
        return FC_OK;
    snprintf(at, sizeof at, "%s.context", where);
    if (!cJSON_IsArray(ctx))
        return fail(ld, at, "expected an array of arrays of phrases");
    size_t n = (size_t)cJSON_GetArraySize(ctx);
    if (n && !(m->context = calloc(n, sizeof *m->context)))
        return FC_ENOMEM;
    cJSON_ArrayForEach(it, ctx)
    {
        snprintf(at, sizeof at, "%s.context[%zu]", where, m->ncontext);
        TRY(phrase_list_load(ld, it, at, &m->context[m->ncontext]));
        m->ncontext++;
    }
    return FC_OK;
}

static fc_status measures_load(loader *ld, const cJSON *arr)
{
    char at[160];
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, "$.measures", "expected an array of objects");
    size_t n = (size_t)cJSON_GetArraySize(arr);
    fc_rules *r = ld->rules;
    if (n && !(r->measures = calloc(n, sizeof *r->measures)))
        return FC_ENOMEM;
    const cJSON *obj;
    cJSON_ArrayForEach(obj, arr)
    {
        snprintf(at, sizeof at, "$.measures[%zu]", r->nmeasures);
        r->nmeasures++;
        TRY(measure_load(ld, obj, at, &r->measures[r->nmeasures - 1]));
    }
    return FC_OK;
}

static fc_status checks_load(loader *ld, const cJSON *obj)
{
    fc_rules *r = ld->rules;
    r->cross_source.enabled = true;
    r->cross_source.severity = FC_SEV_CONFLICT;
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, "$.checks", "expected an object");
    const cJSON *cs = cJSON_GetObjectItemCaseSensitive(obj, "cross_source");
    if (!cs)
        return FC_OK;
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(cs, "enabled");
    if (en && !cJSON_IsBool(en))
        return fail(ld, "$.checks.cross_source.enabled", "expected true or false");
    r->cross_source.enabled = !en || cJSON_IsTrue(en);
    if (cJSON_GetObjectItemCaseSensitive(cs, "severity")) {
        int sev;
        TRY(get_enum(ld, cs, "severity", "$.checks.cross_source", severity_names,
                     COUNT(severity_names), &sev));
        r->cross_source.severity = (fc_severity)sev;
    }
    return FC_OK;
}

/* ---- the file ------------------------------------------------------------ */

static const char *const top_keys[] = {"factcheck_rules",
                                       "description",
                                       "hedges",
                                       "number_words",
                                       "scale_words",
                                       "vague_quantities",
                                       "fractions",
                                       "multipliers",
                                       "units",
                                       "currencies",
                                       "rates",
                                       "changes",
                                       "subject_modifiers",
                                       "plural_nouns",
                                       "modality_cues",
                                       "modality_cues_after",
                                       "attribution",
                                       "traps",
                                       "months",
                                       "periods",
                                       "abbreviations",
                                       "stop_words",
                                       "measures",
                                       "checks"};

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), prev[64], cur[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, sizeof cur);
    }
    return prev[lb];
}

static fc_status check_top_keys(loader *ld, const cJSON *root)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, root)
    {
        if (name_index(it->string, top_keys, COUNT(top_keys)) >= 0)
            continue;
        const char *best = NULL;
        size_t bestd = 3;
        for (size_t i = 0; i < COUNT(top_keys); i++) {
            size_t d = edit_distance(it->string, top_keys[i]);
            if (d < bestd) {
                bestd = d;
                best = top_keys[i];
            }
        }
        char msg[300];
        if (best)
            snprintf(msg, sizeof msg, "unknown field \"%s\" (did you mean \"%s\"?)", it->string,
                     best);
        else
            snprintf(msg, sizeof msg, "unknown field \"%s\"", it->string);
        return fail(ld, "$", msg);
    }
    return FC_OK;
}

static fc_status index_all(fc_rules *r);

static fc_status load_tree(loader *ld, const cJSON *root)
{
    fc_rules *r = ld->rules;
    if (!cJSON_IsObject(root))
        return fail(ld, "$", "expected a JSON object");
    TRY(check_top_keys(ld, root));
#define GET(k) cJSON_GetObjectItemCaseSensitive(root, k)
    TRY(entries_load(ld, GET("hedges"), "$.hedges", hedge_entry, &r->hedges));
    TRY(values_load(ld, GET("number_words"), "$.number_words", &r->number_words));
    TRY(values_load(ld, GET("scale_words"), "$.scale_words", &r->scale_words));
    TRY(values_load(ld, GET("months"), "$.months", &r->months));
    TRY(values_load(ld, GET("fractions"), "$.fractions", &r->fractions));
    const cJSON *periods = GET("periods");
    if (periods && !cJSON_IsObject(periods))
        return fail(ld, "$.periods", "expected an object");
    TRY(period_preps_load(ld, cJSON_GetObjectItemCaseSensitive(periods, "prepositions"),
                          &r->period_preps));
    TRY(entries_load(ld, cJSON_GetObjectItemCaseSensitive(periods, "relative"),
                     "$.periods.relative", relative_period_entry, &r->relative_periods));
    TRY(entries_load(ld, GET("vague_quantities"), "$.vague_quantities", vague_entry,
                     &r->vague_quantities));
    TRY(entries_load(ld, GET("multipliers"), "$.multipliers", multiplier_entry, &r->multipliers));
    TRY(entries_load(ld, GET("units"), "$.units", unit_entry, &r->units));
    TRY(entries_load(ld, GET("currencies"), "$.currencies", currency_entry, &r->currencies));
    TRY(entries_load(ld, GET("rates"), "$.rates", rate_entry, &r->rates));
    TRY(entries_load(ld, GET("modality_cues"), "$.modality_cues", cue_entry, &r->modality_cues));
    TRY(entries_load(ld, GET("modality_cues_after"), "$.modality_cues_after", cue_entry,
                     &r->modality_cues_after));
    const cJSON *attr = GET("attribution"), *traps = GET("traps"), *chg = GET("changes");
    if (attr && !cJSON_IsObject(attr))
        return fail(ld, "$.attribution", "expected an object");
    if (chg && !cJSON_IsObject(chg))
        return fail(ld, "$.changes", "expected an object");
    if (traps && !cJSON_IsObject(traps))
        return fail(ld, "$.traps", "expected an object");
#define SUB(o, k) cJSON_GetObjectItemCaseSensitive(o, k)
    TRY(phrase_list_load(ld, SUB(attr, "before_source"), "$.attribution.before_source",
                         &r->attr_before));
    TRY(phrase_list_load(ld, SUB(attr, "after_source"), "$.attribution.after_source",
                         &r->attr_after));
    TRY(phrase_list_load(ld, SUB(attr, "source_nouns"), "$.attribution.source_nouns",
                         &r->attr_nouns));
    TRY(phrase_list_load(ld, SUB(attr, "clause_ends"), "$.attribution.clause_ends",
                         &r->attr_clause_ends));
    TRY(phrase_list_load(ld, SUB(chg, "up_before"), "$.changes.up_before", &r->up_before));
    TRY(phrase_list_load(ld, SUB(chg, "up_after"), "$.changes.up_after", &r->up_after));
    TRY(phrase_list_load(ld, SUB(chg, "down_before"), "$.changes.down_before", &r->down_before));
    TRY(phrase_list_load(ld, SUB(chg, "down_after"), "$.changes.down_after", &r->down_after));
    TRY(phrase_list_load(ld, SUB(chg, "from"), "$.changes.from", &r->change_from));
    TRY(phrase_list_load(ld, GET("subject_modifiers"), "$.subject_modifiers",
                         &r->subject_modifiers));
    TRY(phrase_list_load(ld, GET("plural_nouns"), "$.plural_nouns", &r->plural_nouns));
    TRY(phrase_list_load(ld, SUB(traps, "time_suffixes"), "$.traps.time_suffixes",
                         &r->time_suffixes));
    TRY(phrase_list_load(ld, SUB(traps, "temperature_suffixes"), "$.traps.temperature_suffixes",
                         &r->temperature_suffixes));
    TRY(phrase_list_load(ld, SUB(traps, "age_words"), "$.traps.age_words", &r->age_words));
    TRY(phrase_list_load(ld, SUB(traps, "ordinal_suffixes"), "$.traps.ordinal_suffixes",
                         &r->ordinal_suffixes));
    TRY(phrase_list_load(ld, SUB(traps, "label_words"), "$.traps.label_words", &r->label_words));
    TRY(phrase_list_load(ld, SUB(traps, "street_suffixes"), "$.traps.street_suffixes",
                         &r->street_suffixes));
    TRY(phrase_list_load(ld, SUB(traps, "furniture_lines"), "$.traps.furniture_lines",
                         &r->furniture_lines));
    TRY(phrase_list_load(ld, GET("abbreviations"), "$.abbreviations", &r->abbreviations));
    TRY(phrase_list_load(ld, GET("stop_words"), "$.stop_words", &r->stop_words));
    TRY(measures_load(ld, GET("measures")));
    TRY(checks_load(ld, GET("checks")));
#undef SUB
#undef GET
    return index_all(r);
}

static fc_status read_file(const char *path, char **out, size_t *len, fc_diag *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fc_diag_set(diag, path, 0, 0, "cannot open rule file: %s", strerror(errno));
        return FC_EIO;
    }
    fc_strbuf sb = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fc_sb_add(&sb, chunk, n);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        fc_sb_free(&sb);
        fc_diag_set(diag, path, 0, 0, "cannot read rule file");
        return FC_EIO;
    }
    *len = sb.len;
    if (!(*out = fc_sb_take(&sb)))
        return FC_ENOMEM;
    return FC_OK;
}

fc_status fc_rules_load(const char *path, fc_rules **out, fc_diag *diag)
{
    *out = NULL;
    char *src = NULL;
    size_t len = 0;
    fc_status st = read_file(path, &src, &len, diag);
    if (st != FC_OK)
        return st;
    loader ld = {path, src, diag, calloc(1, sizeof(fc_rules))};
    const char *end = NULL;
    cJSON *root = NULL;
    if (!ld.rules || !(ld.rules->source = fc_strdup(path))) {
        st = FC_ENOMEM;
        goto done;
    }
    root = cJSON_ParseWithLengthOpts(src, len, &end, false);
    if (!root) {
        unsigned line, col;
        size_t off = end ? (size_t)(end - src) : 0;
        /* cJSON reports a key that fails to start one byte late: point at the
         * unexpected "}" or "]" itself. */
        if (off > 0 && off <= len && (src[off - 1] == '}' || src[off - 1] == ']'))
            off--;
        offset_linecol(src, off, &line, &col);
        fc_diag_set(diag, path, line, col, "malformed JSON");
        st = FC_ERULES;
        goto done;
    }
    st = load_tree(&ld, root);
done:
    if (st == FC_ENOMEM)
        fc_diag_set(diag, path, 0, 0, "out of memory");
    cJSON_Delete(root);
    free(src);
    if (st != FC_OK) {
        fc_rules_free(ld.rules);
        return st;
    }
    *out = ld.rules;
    return FC_OK;
}

static void entries_free(fc_entries *e)
{
    for (size_t i = 0; i < e->n; i++) {
        phrase_free(&e->items[i].phrase);
        if (e->items[i].requires) {
            phrase_list_free(e->items[i].requires);
            free(e->items[i].requires);
        }
    }
    free(e->items);
    fc_index_free(&e->first);
    fc_index_free(&e->last);
}

/* Every word list of the rules, for indexing and freeing them alike. */
static size_t entry_lists(fc_rules *r, fc_entries **out)
{
    fc_entries *lists[] = {&r->hedges,
                           &r->number_words,
                           &r->scale_words,
                           &r->vague_quantities,
                           &r->fractions,
                           &r->multipliers,
                           &r->units,
                           &r->currencies,
                           &r->rates,
                           &r->period_preps,
                           &r->relative_periods,
                           &r->modality_cues,
                           &r->modality_cues_after,
                           &r->months};
    memcpy(out, lists, sizeof lists);
    return COUNT(lists);
}

static size_t phrase_lists(fc_rules *r, fc_phrase_list **out)
{
    fc_phrase_list *lists[] = {&r->attr_before,          &r->attr_after,      &r->attr_nouns,
                               &r->attr_clause_ends,     &r->up_before,       &r->up_after,
                               &r->down_before,          &r->down_after,      &r->change_from,
                               &r->subject_modifiers,    &r->plural_nouns,    &r->time_suffixes,
                               &r->temperature_suffixes, &r->age_words,       &r->ordinal_suffixes,
                               &r->label_words,          &r->street_suffixes, &r->furniture_lines,
                               &r->abbreviations,        &r->stop_words};
    memcpy(out, lists, sizeof lists);
    return COUNT(lists);
}

#define MAX_LISTS 32

static fc_status phrase_list_index(fc_phrase_list *l)
{
    return fc_index_build(&l->first, &l->last, l->items, l->n, sizeof *l->items);
}

static fc_status index_all(fc_rules *r)
{
    fc_entries *el[MAX_LISTS];
    fc_phrase_list *pl[MAX_LISTS];
    for (size_t i = 0, n = entry_lists(r, el); i < n; i++)
        TRY(fc_index_build(&el[i]->first, &el[i]->last, el[i]->items, el[i]->n,
                           sizeof *el[i]->items));
    for (size_t i = 0; i < r->units.n; i++)
        if (r->units.items[i].requires)
            TRY(phrase_list_index(r->units.items[i].requires));
    for (size_t i = 0, n = phrase_lists(r, pl); i < n; i++)
        TRY(phrase_list_index(pl[i]));
    for (size_t i = 0; i < r->nmeasures; i++) {
        TRY(phrase_list_index(&r->measures[i].subject));
        for (size_t j = 0; j < r->measures[i].ncontext; j++)
            TRY(phrase_list_index(&r->measures[i].context[j]));
    }
    return FC_OK;
}

void fc_rules_free(fc_rules *r)
{
    if (!r)
        return;
    fc_entries *el[MAX_LISTS];
    fc_phrase_list *pl[MAX_LISTS];
    for (size_t i = 0, n = entry_lists(r, el); i < n; i++)
        entries_free(el[i]);
    for (size_t i = 0, n = phrase_lists(r, pl); i < n; i++)
        phrase_list_free(pl[i]);
    for (size_t i = 0; i < r->nmeasures; i++) {
        fc_measure *m = &r->measures[i];
        free(m->key);
        free(m->description);
        phrase_list_free(&m->subject);
        for (size_t j = 0; j < m->ncontext; j++)
            phrase_list_free(&m->context[j]);
        free(m->context);
    }
    free(r->measures);
    free(r->source);
    free(r);
}

/* ---- where the defaults live --------------------------------------------- */

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *fc_datadir(void)
{
    static char dir[4200];
    const char *env = getenv("FACTCHECK_DATADIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(dir, sizeof dir, "%s/../share/factcheck", exe);
            if (is_dir(dir))
                return dir;
        }
    }
    snprintf(dir, sizeof dir, "%s", FC_INSTALL_DATADIR);
    return dir;
}

fc_status fc_rules_load_default(fc_rules **out, fc_diag *diag)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/rules/default.json", fc_datadir());
    return fc_rules_load(path, out, diag);
}
