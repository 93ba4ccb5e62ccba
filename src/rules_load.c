/* rules_load.c - validate one rule tree (cJSON) and compile it into fc_rules.
 *
 * Every object is checked for unknown fields (with the nearest known name as a
 * suggestion), every value for its type, every name for the set it belongs to;
 * every error names the file, line and column (positions from jsonpos.c) and the
 * JSON path. The tree is copied into fc_ structures; on any error everything
 * built so far is freed, so a bad rule file is never half-applied.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jsonpos.h"
#include "lex.h"
#include "pattern.h"
#include "rules_internal.h"
#include "util.h"

typedef struct loader {
    const fc_rules_source *src;
    fc_diag *diag;
    fc_rules *rules;
} loader;

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        fc_status st_ = (expr);                                                                    \
        if (st_ != FC_OK)                                                                          \
            return st_;                                                                            \
    } while (0)

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---- errors -------------------------------------------------------------- */

/* Fills the diagnostic for the value at path (or its key): "file:line:col". */
static fc_status fail_at(loader *ld, const char *path, bool key, size_t extra, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static fc_status fail_at(loader *ld, const char *path, bool key, size_t extra, const char *fmt, ...)
{
    char msg[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const fc_rules_source *s = ld->src;
    size_t off;
    unsigned line = 0, col = 0;
    if (s->path && fc_jsonpos_find(s->pos, path, key, &off)) {
        fc_jsonpos_linecol(s->text, off + extra, &line, &col);
    }
    fc_diag_set(ld->diag, s->path ? s->path : "rules", line, col, "%s", msg);
    return FC_ERULES;
}

/* "$.path: message" at the value's position. */
static fc_status fail(loader *ld, const char *where, const char *what)
{
    return fail_at(ld, where, false, 0, "%s: %s", where, what);
}

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

static int name_index(const char *name, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && strcmp(name, names[i]) == 0)
            return (int)i;
    return -1;
}

/* A name with its place in a list, for finding repeats by sorting. */
typedef struct named {
    const char *name;
    size_t index;
} named;

static int by_name_then_index(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* The first repeat in the list: the element of arr (names from name_fn; NULL
 * means none) whose name an earlier one has, at *dup, and the first with that
 * name at *orig. Sorting instead of comparing each element with the ones
 * before it, which made 40,000 stop words cost 800 million comparisons.
 * Errors: FC_ENOMEM; *dup is (size_t)-1 when nothing repeats. */
static fc_status first_repeat(const cJSON *arr, const char *(*name_fn)(const cJSON *), size_t *dup,
                              size_t *orig)
{
    *dup = *orig = (size_t)-1;
    size_t n = (size_t)cJSON_GetArraySize(arr), m = 0, i = 0;
    named *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        const char *name = name_fn(it);
        if (name)
            v[m++] = (named){name, i};
        i++;
    }
    qsort(v, m, sizeof *v, by_name_then_index);
    for (size_t k = 1, first = 0; k < m; k++) {
        if (strcmp(v[k].name, v[first].name) != 0) {
            first = k;
            continue;
        }
        if (v[k].index < *dup) {
            *dup = v[k].index;
            *orig = v[first].index;
        }
    }
    free(v);
    return FC_OK;
}

static const char *string_name(const cJSON *v)
{
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Rejects members of obj not in allowed, suggesting the nearest allowed name. */
static fc_status check_keys(loader *ld, const cJSON *obj, const char *where,
                            const char *const *allowed, size_t n)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        if (name_index(it->string, allowed, n) >= 0)
            continue;
        const char *best = NULL;
        size_t bestd = 3;
        for (size_t i = 0; i < n; i++) {
            size_t d = edit_distance(it->string, allowed[i]);
            if (d < bestd) {
                bestd = d;
                best = allowed[i];
            }
        }
        char path[400];
        fc_path_key(path, sizeof path, where, it->string);
        if (best)
            return fail_at(ld, path, true, 0, "unknown field \"%s\" (did you mean \"%s\"?)",
                           it->string, best);
        return fail_at(ld, path, true, 0, "unknown field \"%s\"", it->string);
    }
    return FC_OK;
}

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
    out->word = calloc(toks.n, sizeof *out->word);
    if (!out->text || !out->tok || !out->word)
        goto nomem;
    out->ntok = toks.n;
    for (size_t i = 0; i < toks.n; i++) {
        size_t n = toks.items[i].end - toks.items[i].start + 1;
        if (!(out->tok[i] = malloc(n)))
            goto nomem;
        fc_tok_lower(text, &toks.items[i], out->tok[i], n);
        if (fc_vocab_add(&ld->rules->vocab, out->tok[i], n - 1, toks.items[i].hash,
                         &out->word[i]) != FC_OK)
            goto nomem;
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
    free(p->word);
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

/* An array of strings; a repeated phrase is an error (at the repeat). */
static fc_status phrase_list_load(loader *ld, const cJSON *arr, const char *where,
                                  fc_phrase_list *out)
{
    char at[400];
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, where, "expected an array of strings");
    size_t n = (size_t)cJSON_GetArraySize(arr), dup, orig;
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    TRY(first_repeat(arr, string_name, &dup, &orig));
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        fc_path_index(at, sizeof at, where, out->n);
        if (!cJSON_IsString(it))
            return fail(ld, at, "expected a string");
        if (out->n == dup)
            return fail_at(ld, at, false, 0, "%s: duplicate \"%s\" (also at %s[%zu])", at,
                           it->valuestring, where, orig);
        TRY(phrase_make(ld, at, it->valuestring, &out->items[out->n]));
        out->n++;
    }
    return FC_OK;
}

/* ---- named values ------------------------------------------------------- */

static const char *const qualifier_names[] = {"exact",     "approximately", "nearly",    "at_least",
                                              "more_than", "at_most",       "less_than", "range"};
static const char *const unit_names[] = {
    "count", "percent", "percentage_point", "currency", "duration", "ratio", "other"};
static const char *const per_names[] = {"none", "day", "week", "month", "year", "hour"};
static const char *const modality_names[] = {"actual", "estimate", "target", "projection", "poll"};
static const char *const severity_names[] = {"info", "warning", "conflict"};
static const char *const direction_names[] = {"none", "up", "down"};
/* In the order of fc_period_kind. */
static const char *const period_names[] = {
    "at",        "since",     "last_week",  "last_month", "last_year", "this_week", "this_month",
    "this_year", "past_week", "past_month", "past_year",  "yesterday", "today",
    "first_quarter", "second_quarter", "third_quarter", "fourth_quarter", "first_half", "second_half",
    "last_fiscal_year", "this_fiscal_year", "next_fiscal_year", "next_week", "next_month",
    "next_year", "last_winter", "this_winter", "last_summer", "this_summer",
    "last_spring", "this_spring", "last_fall", "this_fall"};

static fc_status name_value(loader *ld, const cJSON *v, const char *at, const char *const *names,
                            size_t n, int *out)
{
    if (cJSON_IsString(v) && (*out = name_index(v->valuestring, names, n)) >= 0)
        return FC_OK;
    char msg[300] = "expected one of:";
    for (size_t i = 0; i < n; i++) {
        strncat(msg, " ", sizeof msg - strlen(msg) - 1);
        strncat(msg, names[i], sizeof msg - strlen(msg) - 1);
    }
    return fail(ld, at, msg);
}

static fc_status get_enum(loader *ld, const cJSON *obj, const char *key, const char *where,
                          const char *const *names, size_t n, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    char at[400];
    fc_path_key(at, sizeof at, where, key);
    if (!v)
        return fail_at(ld, where, false, 0, "%s: missing \"%s\"", where, key);
    return name_value(ld, v, at, names, n, out);
}

static fc_status number_field(loader *ld, const cJSON *obj, const char *key, const char *where,
                              double lo, double hi, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    char at[400];
    fc_path_key(at, sizeof at, where, key);
    if (!v)
        return fail_at(ld, where, false, 0, "%s: missing \"%s\"", where, key);
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < lo ||
        v->valuedouble > hi) {
        char msg[120];
        snprintf(msg, sizeof msg, "expected a number from %g to %g", lo, hi);
        return fail(ld, at, msg);
    }
    *out = v->valuedouble;
    return FC_OK;
}

static fc_status string_field(loader *ld, const cJSON *obj, const char *key, const char *where,
                              bool required, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    char at[400];
    fc_path_key(at, sizeof at, where, key);
    if (!v) {
        if (required)
            return fail_at(ld, where, false, 0, "%s: missing \"%s\"", where, key);
        return FC_OK;
    }
    if (!cJSON_IsString(v) || !v->valuestring[0])
        return fail(ld, at, "expected a non-empty string");
    return (*out = fc_strdup(v->valuestring)) ? FC_OK : FC_ENOMEM;
}

/* ---- entry lists ---------------------------------------------------------- */

typedef fc_status (*entry_fn)(loader *ld, const cJSON *obj, const char *where, fc_entry *e);

/* One section made of objects: its allowed fields, and the function reading the
 * fields beyond the phrase. Every object has "phrase" ("symbol" or "word" for
 * currencies) and may have "id" (default: the phrase). */
typedef struct section {
    const char *const *keys;
    size_t nkeys;
    entry_fn read;
} section;

static const char *entry_id(const cJSON *obj)
{
    static const char *const id_fields[] = {"id", "phrase", "symbol", "word", "key"};
    for (size_t i = 0; i < COUNT(id_fields); i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, id_fields[i]);
        if (cJSON_IsString(v))
            return v->valuestring;
    }
    return NULL;
}

static const char *object_id(const cJSON *v)
{
    return cJSON_IsObject(v) ? entry_id(v) : NULL;
}

static fc_status entries_load(loader *ld, const cJSON *arr, const char *where, const section *sec,
                              fc_entries *out)
{
    char at[400];
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, where, "expected an array of objects");
    size_t n = (size_t)cJSON_GetArraySize(arr), dup, orig;
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    TRY(first_repeat(arr, object_id, &dup, &orig));
    const cJSON *obj;
    size_t k = 0;
    cJSON_ArrayForEach(obj, arr)
    {
        fc_entry *e = &out->items[out->n];
        fc_path_index(at, sizeof at, where, k);
        if (!cJSON_IsObject(obj))
            return fail(ld, at, "expected an object");
        TRY(check_keys(ld, obj, at, sec->keys, sec->nkeys));
        const cJSON *ph = cJSON_GetObjectItemCaseSensitive(obj, "phrase");
        if (!ph)
            ph = cJSON_GetObjectItemCaseSensitive(obj, "symbol");
        if (!ph)
            ph = cJSON_GetObjectItemCaseSensitive(obj, "word");
        if (!cJSON_IsString(ph))
            return fail_at(ld, at, false, 0, "%s: missing \"phrase\"", at);
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");
        if (id && (!cJSON_IsString(id) || !id->valuestring[0])) {
            snprintf(at + strlen(at), sizeof at - strlen(at), ".id");
            return fail(ld, at, "expected a non-empty string");
        }
        if (k == dup)
            return fail_at(ld, at, false, 0, "%s: duplicate id \"%s\" (also at %s[%zu])", at,
                           entry_id(obj), where, orig);
        e->modality = -1;
        TRY(phrase_make(ld, at, ph->valuestring, &e->phrase));
        out->n++;
        TRY(sec->read(ld, obj, at, e));
        k++;
    }
    return FC_OK;
}

/* An object {"word": number, ...}: positive numbers, or with zero_ok also 0
 * (number words: "zero"). */
static fc_status values_load(loader *ld, const cJSON *obj, const char *where, bool zero_ok,
                             fc_entries *out)
{
    char at[400];
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
        fc_path_key(at, sizeof at, where, it->string);
        if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble) || it->valuedouble < 0 ||
            (it->valuedouble == 0 && !zero_ok))
            return fail(ld, at, zero_ok ? "expected a number, 0 or more" : "expected a positive number");
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
    if (cJSON_GetObjectItemCaseSensitive(obj, "tolerance"))
        TRY(number_field(ld, obj, "tolerance", where, 0, 0.99, &e->tolerance));
    if (cJSON_GetObjectItemCaseSensitive(obj, "points"))
        TRY(number_field(ld, obj, "points", where, 0, 50, &e->points));
    if (cJSON_GetObjectItemCaseSensitive(obj, "modality"))
        TRY(get_enum(ld, obj, "modality", where, modality_names, COUNT(modality_names),
                     &e->modality));
    const cJSON *after = cJSON_GetObjectItemCaseSensitive(obj, "after");
    if (after) {
        if (!cJSON_IsBool(after)) {
            char at[400];
            fc_path_key(at, sizeof at, where, "after");
            return fail(ld, at, "expected true or false");
        }
        e->after = cJSON_IsTrue(after);
    }
    return FC_OK;
}

/* An optional string member of at most max - 1 bytes, copied to *out. */
static fc_status short_string(loader *ld, const cJSON *obj, const char *key, const char *where,
                              size_t max, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return FC_OK;
    char at[400];
    fc_path_key(at, sizeof at, where, key);
    if (!cJSON_IsString(v) || !v->valuestring[0] || strlen(v->valuestring) >= max) {
        char msg[80];
        snprintf(msg, sizeof msg, "expected a string of 1 to %zu bytes", max - 1);
        return fail(ld, at, msg);
    }
    return (*out = fc_strdup(v->valuestring)) ? FC_OK : FC_ENOMEM;
}

static fc_status unit_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(get_enum(ld, obj, "unit", where, unit_names, COUNT(unit_names), &e->kind));
    TRY(short_string(ld, obj, "name", where, sizeof ((fc_claim *)0)->unit_name, &e->name));
    TRY(short_string(ld, obj, "base", where, sizeof ((fc_claim *)0)->base_unit, &e->base));
    e->factor = 1;
    if (cJSON_GetObjectItemCaseSensitive(obj, "factor"))
        TRY(number_field(ld, obj, "factor", where, 1e-30, 1e30, &e->factor));
    if (cJSON_GetObjectItemCaseSensitive(obj, "offset"))
        TRY(number_field(ld, obj, "offset", where, -1e6, 1e6, &e->offset));
    const cJSON *gl = cJSON_GetObjectItemCaseSensitive(obj, "glued");
    if (gl) {
        if (!cJSON_IsBool(gl)) {
            char at[400];
            fc_path_key(at, sizeof at, where, "glued");
            return fail(ld, at, "expected true or false");
        }
        e->glued = cJSON_IsTrue(gl);
    }
    const cJSON *cs = cJSON_GetObjectItemCaseSensitive(obj, "cased");
    if (cs) {
        if (!cJSON_IsBool(cs)) {
            char at[400];
            fc_path_key(at, sizeof at, where, "cased");
            return fail(ld, at, "expected true or false");
        }
        e->cased = cJSON_IsTrue(cs);
    }
    if ((e->base || e->factor != 1 || e->offset != 0) && !e->name) {
        char at[400];
        fc_path_key(at, sizeof at, where, "base");
        return fail(ld, at, "a base unit needs the unit's \"name\"");
    }
    if ((e->factor != 1 || e->offset != 0) && !e->base) {
        char at[400];
        fc_path_key(at, sizeof at, where, "factor");
        return fail(ld, at, "a factor or offset needs a \"base\" unit");
    }
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(obj, "requires");
    if (!req)
        return FC_OK;
    char at[400];
    fc_path_key(at, sizeof at, where, "requires");
    if (!(e->requires = calloc(1, sizeof *e->requires)))
        return FC_ENOMEM;
    return phrase_list_load(ld, req, at, e->requires);
}

static fc_status vague_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(number_field(ld, obj, "low", where, 0, 1e15, &e->low));
    TRY(number_field(ld, obj, "high", where, 0, 1e15, &e->high));
    if (e->high < e->low) {
        char at[400];
        fc_path_key(at, sizeof at, where, "high");
        return fail(ld, at, "must not be below low");
    }
    e->value = e->low;
    return FC_OK;
}

static fc_status multiplier_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(number_field(ld, obj, "value", where, 0, 1e6, &e->value));
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

static fc_status relative_period_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    TRY(get_enum(ld, obj, "period", where, period_names + 2, COUNT(period_names) - 2, &e->kind));
    e->kind += 2; /* relative kinds follow "at" and "since" in fc_period_kind */
    return FC_OK;
}

static fc_status currency_entry(loader *ld, const cJSON *obj, const char *where, fc_entry *e)
{
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(obj, "code");
    if (!cJSON_IsString(code) || strlen(code->valuestring) != 3) {
        char at[400];
        fc_path_key(at, sizeof at, where, "code");
        return fail(ld, at, "expected a three-letter ISO 4217 code");
    }
    memcpy(e->code, code->valuestring, 4);
    e->symbol = cJSON_GetObjectItemCaseSensitive(obj, "symbol") != NULL;
    if (cJSON_GetObjectItemCaseSensitive(obj, "scale"))
        TRY(number_field(ld, obj, "scale", where, 1e-9, 1e9, &e->value));
    return FC_OK;
}

#define KEYS(...)                                                                                  \
    (const char *const[]){"id", __VA_ARGS__}, COUNT(((const char *const[]){"id", __VA_ARGS__}))

static const section hedges_sec = {KEYS("phrase", "kind", "tolerance", "points", "modality", "after"),
                                   hedge_entry};
static const section units_sec = {
    KEYS("phrase", "unit", "requires", "name", "base", "factor", "offset", "glued", "cased"), unit_entry};
static const section vague_sec = {KEYS("phrase", "low", "high"), vague_entry};
static const section multiplier_sec = {KEYS("phrase", "value", "direction"), multiplier_entry};
static const section rates_sec = {KEYS("phrase", "per"), rate_entry};
static const section cues_sec = {KEYS("phrase", "modality"), cue_entry};
static const section relative_sec = {KEYS("phrase", "period"), relative_period_entry};
static const section currencies_sec = {KEYS("symbol", "word", "code", "scale"), currency_entry};

/* {"in": "at", "since": "since", ...} */
static fc_status period_preps_load(loader *ld, const cJSON *obj, fc_entries *out)
{
    char at[400];
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, "$.periods.prepositions", "expected an object");
    size_t n = (size_t)cJSON_GetArraySize(obj);
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        snprintf(at, sizeof at, "$.periods.prepositions.%s", it->string);
        fc_entry *e = &out->items[out->n];
        TRY(name_value(ld, it, at, period_names, 2, &e->kind));
        e->modality = -1;
        TRY(phrase_make(ld, at, it->string, &e->phrase));
        out->n++;
    }
    return FC_OK;
}

/* ---- measures, aliases, patterns, pollsters, datasets, checks ---------------- */

static fc_status measure_load(loader *ld, const cJSON *obj, const char *where, fc_measure *m)
{
    static const char *const keys[] = {"key",  "description", "subject",  "context",
                                       "unit", "per",         "modality", "target_of"};
    char at[400];
    if (!cJSON_IsObject(obj))
        return fail(ld, where, "expected an object");
    TRY(check_keys(ld, obj, where, keys, COUNT(keys)));
    TRY(string_field(ld, obj, "key", where, true, &m->key));
    TRY(string_field(ld, obj, "description", where, false, &m->description));
    TRY(string_field(ld, obj, "target_of", where, false, &m->target_of));
    m->unit = m->per = -1;
    if (cJSON_GetObjectItemCaseSensitive(obj, "unit"))
        TRY(get_enum(ld, obj, "unit", where, unit_names, COUNT(unit_names), &m->unit));
    if (cJSON_GetObjectItemCaseSensitive(obj, "per"))
        TRY(get_enum(ld, obj, "per", where, per_names, COUNT(per_names), &m->per));
    fc_path_key(at, sizeof at, where, "subject");
    TRY(phrase_list_load(ld, cJSON_GetObjectItemCaseSensitive(obj, "subject"), at, &m->subject));
    const cJSON *mods = cJSON_GetObjectItemCaseSensitive(obj, "modality"), *it;
    fc_path_key(at, sizeof at, where, "modality");
    if (mods && !cJSON_IsArray(mods))
        return fail(ld, at, "expected an array of modality names");
    size_t k = 0;
    cJSON_ArrayForEach(it, mods)
    {
        int mod;
        char item[420];
        fc_path_index(item, sizeof item, at, k++);
        TRY(name_value(ld, it, item, modality_names, COUNT(modality_names), &mod));
        m->modalities |= 1u << mod;
    }
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(obj, "context");
    if (!ctx)
        return FC_OK;
    fc_path_key(at, sizeof at, where, "context");
    static const char forms[] = "expected [\"a\", \"b\"] (one group: any of its phrases) or "
                                "[[\"a\", \"b\"], [\"c\"]] (groups that must all match)";
    if (!cJSON_IsArray(ctx))
        return fail(ld, at, forms);
    size_t n = (size_t)cJSON_GetArraySize(ctx), strings = 0;
    cJSON_ArrayForEach(it, ctx)
        strings += cJSON_IsString(it);
    if (n && strings == n) { /* ["a", "b"]: one group, as [["a", "b"]] */
        if (!(m->context = calloc(1, sizeof *m->context)))
            return FC_ENOMEM;
        m->ncontext = 1;
        return phrase_list_load(ld, ctx, at, &m->context[0]);
    }
    if (n && !(m->context = calloc(n, sizeof *m->context)))
        return FC_ENOMEM;
    cJSON_ArrayForEach(it, ctx)
    {
        char item[420];
        fc_path_index(item, sizeof item, at, m->ncontext);
        if (!cJSON_IsArray(it))
            return fail(ld, item, forms);
        /* Counted before it is read, so that a list which fails halfway is
         * still freed with the measure. */
        fc_phrase_list *l = &m->context[m->ncontext++];
        TRY(phrase_list_load(ld, it, item, l));
    }
    return FC_OK;
}

static const char *measures_name(const cJSON *v)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(v, "key");
    return cJSON_IsObject(v) && cJSON_IsString(f) && f->valuestring[0] ? f->valuestring : NULL;
}

static fc_status measures_load(loader *ld, const cJSON *arr)
{
    char at[400];
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, "$.measures", "expected an array of objects");
    fc_rules *r = ld->rules;
    size_t n = (size_t)cJSON_GetArraySize(arr), dup, orig;
    if (n && !(r->measures = calloc(n, sizeof *r->measures)))
        return FC_ENOMEM;
    TRY(first_repeat(arr, measures_name, &dup, &orig));
    const cJSON *obj;
    cJSON_ArrayForEach(obj, arr)
    {
        snprintf(at, sizeof at, "$.measures[%zu]", r->nmeasures);
        fc_measure *m = &r->measures[r->nmeasures++];
        TRY(measure_load(ld, obj, at, m));
        if (r->nmeasures - 1 == dup)
            return fail_at(ld, at, false, 0, "%s: duplicate measure key \"%s\" (also at $.measures[%zu])",
                           at, m->key, orig);
    }
    return FC_OK;
}

/* An alias cycle, at the alias that starts it: in this file, or (merged trees)
 * at the file:line:col it came from. */
static fc_status fail_alias(loader *ld, const char *name, const char *chain)
{
    char path[400];
    fc_path_key(path, sizeof path, "$.aliases", name);
    char where[1200];
    if (!ld->src->path && ld->src->info &&
        fc_rules_info_origin(ld->src->info, path, where, sizeof where)) {
        /* The origin already reads "file:line:col"; diag.file carries all of it. */
        fc_diag_set(ld->diag, where, 0, 0, "alias cycle: %s", chain);
        return FC_ERULES;
    }
    return fail_at(ld, path, true, 0, "alias cycle: %s", chain);
}

static fc_status alias_cycles(loader *ld, const cJSON *obj, size_t n);

/* {"migrants": "undocumented immigrants", ...}; chains are followed, cycles refused. */
static fc_status aliases_load(loader *ld, const cJSON *obj)
{
    fc_rules *r = ld->rules;
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, "$.aliases", "expected an object of \"alias\": \"canonical phrase\"");
    size_t n = (size_t)cJSON_GetArraySize(obj);
    if (n && !(r->aliases = calloc(n, sizeof *r->aliases)))
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        char at[400];
        snprintf(at, sizeof at, "$.aliases.%s", it->string);
        if (!cJSON_IsString(it) || !it->valuestring[0])
            return fail(ld, at, "expected a non-empty string");
        fc_alias *a = &r->aliases[r->naliases];
        TRY(phrase_make(ld, at, it->string, &a->phrase));
        r->naliases++;
        TRY(phrase_make(ld, at, it->valuestring, &a->canonical));
    }
    return alias_cycles(ld, obj, n);
}

/* A chain a -> b -> ... must end. Each alias leads to at most one other (the
 * alias its canonical phrase is, looked up in the names sorted), so every
 * chain is followed once, marking the aliases it passes: reaching an alias
 * marked by the same walk closes a cycle. Linear after the sort (walking each
 * alias's chain with a lookup by scan at every step made a chain of 5,000
 * aliases take minutes). The error is at the first alias, in file order, that
 * is on a cycle, as before. */
static fc_status alias_cycles(loader *ld, const cJSON *obj, size_t n)
{
    if (n == 0)
        return FC_OK;
    named *names = malloc(n * sizeof *names);
    size_t *next = malloc(n * sizeof *next), *walk = calloc(n, sizeof *walk);
    const cJSON **item = malloc(n * sizeof *item);
    bool *cycle = calloc(n, sizeof *cycle);
    fc_status st = FC_OK;
    if (!names || !next || !walk || !item || !cycle) {
        st = FC_ENOMEM;
        goto done;
    }
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        item[i] = it;
        names[i] = (named){it->string, i};
        i++;
    }
    qsort(names, n, sizeof *names, by_name_then_index);
    for (i = 0; i < n; i++) { /* the first alias of that name, as cJSON finds it */
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(names[mid].name, item[i]->valuestring) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        next[i] = lo < n && strcmp(names[lo].name, item[i]->valuestring) == 0 ? names[lo].index
                                                                               : (size_t)-1;
    }
    for (i = 0; i < n; i++) {
        size_t j = i;
        while (j != (size_t)-1 && !walk[j]) {
            walk[j] = i + 1;
            j = next[j];
        }
        if (j != (size_t)-1 && walk[j] == i + 1) { /* this walk came back: a cycle */
            size_t k = j;
            do {
                cycle[k] = true;
                k = next[k];
            } while (k != j);
        }
    }
    for (i = 0; i < n && !cycle[i]; i++)
        ;
    if (i < n) {
        fc_strbuf chain = {0};
        fc_sb_printf(&chain, "\"%s\"", item[i]->string);
        size_t k = i;
        do {
            if (chain.len > 300 && next[k] != i) {
                fc_sb_printf(&chain, " -> ... -> \"%s\"", item[i]->string);
                break;
            }
            fc_sb_printf(&chain, " -> \"%s\"", item[k]->valuestring);
            k = next[k];
        } while (k != i);
        st = chain.failed ? FC_ENOMEM : fail_alias(ld, item[i]->string, chain.data);
        fc_sb_free(&chain);
    }
done:
    free(names);
    free(next);
    free(walk);
    free(item);
    free(cycle);
    return st;
}

static fc_status pattern_load(loader *ld, const cJSON *obj, const char *where, fc_pattern *p,
                              size_t index)
{
    static const char *const keys[] = {"id",       "regex",   "unit",   "per",
                                       "modality", "subject", "measure"};
    if (!cJSON_IsObject(obj))
        return fail(ld, where, "expected an object");
    TRY(check_keys(ld, obj, where, keys, COUNT(keys)));
    TRY(string_field(ld, obj, "id", where, true, &p->id));
    TRY(string_field(ld, obj, "regex", where, true, &p->regex));
    TRY(string_field(ld, obj, "subject", where, false, &p->subject));
    TRY(string_field(ld, obj, "measure", where, false, &p->measure));
    p->unit = FC_UNIT_COUNT;
    p->per = FC_PER_NONE;
    p->modality = FC_MOD_ACTUAL;
    if (cJSON_GetObjectItemCaseSensitive(obj, "unit"))
        TRY(get_enum(ld, obj, "unit", where, unit_names, COUNT(unit_names), &p->unit));
    if (cJSON_GetObjectItemCaseSensitive(obj, "per"))
        TRY(get_enum(ld, obj, "per", where, per_names, COUNT(per_names), &p->per));
    if (cJSON_GetObjectItemCaseSensitive(obj, "modality"))
        TRY(get_enum(ld, obj, "modality", where, modality_names, COUNT(modality_names),
                     &p->modality));
    char msg[256];
    size_t off = 0;
    const fc_regex *first = index ? ld->rules->patterns[0].code : NULL;
    if (!(p->code = fc_regex_compile(p->regex, first, index, msg, sizeof msg, &off))) {
        /* Point at the failing character: the string's opening quote, plus one,
         * plus the offset counted in the JSON text (escapes widen it). */
        char at[400];
        fc_path_key(at, sizeof at, where, "regex");
        size_t start, extra = 1;
        if (ld->src->path && fc_jsonpos_find(ld->src->pos, at, false, &start)) {
            const char *s = ld->src->text + start + 1;
            for (size_t decoded = 0; decoded < off && *s && *s != '"'; decoded++) {
                size_t w = *s == '\\' ? (s[1] == 'u' ? 6 : 2) : 1;
                s += w;
                extra += w;
            }
        }
        return fail_at(ld, at, false, extra, "%s: regular expression error at offset %zu: %s", at,
                       off, msg);
    }
    return FC_OK;
}

static const char *patterns_name(const cJSON *v)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(v, "id");
    return cJSON_IsObject(v) && cJSON_IsString(f) && f->valuestring[0] ? f->valuestring : NULL;
}

static fc_status patterns_load(loader *ld, const cJSON *arr)
{
    fc_rules *r = ld->rules;
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, "$.patterns", "expected an array of objects");
    size_t n = (size_t)cJSON_GetArraySize(arr), dup, orig;
    if (n && !(r->patterns = calloc(n, sizeof *r->patterns)))
        return FC_ENOMEM;
    TRY(first_repeat(arr, patterns_name, &dup, &orig));
    const cJSON *obj;
    cJSON_ArrayForEach(obj, arr)
    {
        char at[400];
        snprintf(at, sizeof at, "$.patterns[%zu]", r->npatterns);
        fc_pattern *p = &r->patterns[r->npatterns++];
        TRY(pattern_load(ld, obj, at, p, r->npatterns - 1));
        if (r->npatterns - 1 == dup)
            return fail_at(ld, at, false, 0, "%s: duplicate pattern id \"%s\" (also at $.patterns[%zu])",
                           at, p->id, orig);
    }
    return FC_OK;
}

/* ---- references between entries ------------------------------------------- */

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "no measure" at the member of the entry that names it: in this file, or
 * (merged trees) at the file:line:col the entry came from. */
static fc_status fail_reference(loader *ld, const char *list, size_t index, const char *id,
                                const char *member, const char *name, const char *const *keys,
                                size_t nkeys)
{
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; i < nkeys; i++) {
        size_t d = edit_distance(name, keys[i]);
        if (d < bestd) {
            bestd = d;
            best = keys[i];
        }
    }
    char hint[300] = "", entry[400], at[440];
    if (best)
        snprintf(hint, sizeof hint, " (did you mean \"%.200s\"?)", best);
    if (!ld->src->path && ld->src->info) {
        char key[1000], where[1200], file_at[1000];
        fc_path_id(key, sizeof key, list, id);
        if (fc_rules_info_member_origin(ld->src->info, key, list, member, where, sizeof where,
                                        file_at, sizeof file_at)) {
            fc_diag_set(ld->diag, where, 0, 0, "%s: no measure \"%.200s\" in the rules%s",
                        file_at, name, hint);
            return FC_ERULES;
        }
    }
    fc_path_index(entry, sizeof entry, list, index);
    fc_path_key(at, sizeof at, entry, member);
    return fail_at(ld, at, false, 0, "%s: no measure \"%.200s\" in the rules%s", at, name, hint);
}

/* A measure named by another entry (a measure's target_of, a pattern's
 * measure) must be one of the rules: a misspelt key would leave the check
 * without its actual figures, or the pattern's claims on a measure nothing
 * else has. Checked on the whole rules, not on a file alone (the measure may
 * be in a layer below). */
static fc_status references_check(loader *ld)
{
    fc_rules *r = ld->rules;
    if (ld->src->partial)
        return FC_OK;
    const char **keys = malloc((r->nmeasures ? r->nmeasures : 1) * sizeof *keys);
    if (!keys)
        return FC_ENOMEM;
    for (size_t i = 0; i < r->nmeasures; i++)
        keys[i] = r->measures[i].key;
    qsort(keys, r->nmeasures, sizeof *keys, by_string);
    fc_status st = FC_OK;
    for (size_t i = 0; st == FC_OK && i < r->nmeasures; i++) {
        const fc_measure *m = &r->measures[i];
        if (m->target_of && !bsearch(&m->target_of, keys, r->nmeasures, sizeof *keys, by_string))
            st = fail_reference(ld, "$.measures", i, m->key, "target_of", m->target_of, keys,
                                r->nmeasures);
    }
    for (size_t i = 0; st == FC_OK && i < r->npatterns; i++) {
        const fc_pattern *p = &r->patterns[i];
        if (p->measure && !bsearch(&p->measure, keys, r->nmeasures, sizeof *keys, by_string))
            st = fail_reference(ld, "$.patterns", i, p->id, "measure", p->measure, keys,
                                r->nmeasures);
    }
    free(keys);
    return st;
}

/* {"AP-NORC": {"sample_size": 1000}, ...} */
static fc_status pollsters_load(loader *ld, const cJSON *obj)
{
    static const char *const keys[] = {"sample_size", "note"};
    fc_rules *r = ld->rules;
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, "$.pollsters", "expected an object of pollsters");
    size_t n = (size_t)cJSON_GetArraySize(obj);
    if (n && !(r->pollsters = calloc(n, sizeof *r->pollsters)))
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        char at[400];
        snprintf(at, sizeof at, "$.pollsters.%s", it->string);
        if (!cJSON_IsObject(it))
            return fail(ld, at, "expected an object");
        TRY(check_keys(ld, it, at, keys, COUNT(keys)));
        fc_pollster *p = &r->pollsters[r->npollsters];
        if (!(p->name = fc_strdup(it->string)))
            return FC_ENOMEM;
        r->npollsters++;
        TRY(number_field(ld, it, "sample_size", at, 1, 1e9, &p->sample_size));
    }
    return FC_OK;
}

/* ["immigration-2025.csv", ...]: reference datasets, relative to datasets/ in
 * the data folder or to the rule file's folder. */
static fc_status files_load(loader *ld, const cJSON *arr, const char *where, char ***out,
                            size_t *nout)
{
    if (!arr)
        return FC_OK;
    if (!cJSON_IsArray(arr))
        return fail(ld, where, "expected an array of file names");
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n && !(*out = calloc(n, sizeof **out)))
        return FC_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        char at[400];
        fc_path_index(at, sizeof at, where, *nout);
        if (!cJSON_IsString(it) || !it->valuestring[0])
            return fail(ld, at, "expected a file name");
        if (!((*out)[(*nout)++] = fc_strdup(it->valuestring)))
            return FC_ENOMEM;
    }
    return FC_OK;
}

/* "checks": {NAME: {"enabled": false}, ...}: NAME is a check of check_table.h
 * or the rule switch of a group of them ("polls"); cross_source also takes a
 * severity and a tolerance. A check's own entry wins over its group's. */
static fc_status checks_load(loader *ld, const cJSON *obj)
{
    static const char *const keys[] = {"enabled", "severity", "tolerance"};
    size_t nrows;
    const fc_check_row *rows = fc_check_table(&nrows);
    const char *names[2 * FC_NCHECKS];
    size_t nnames = 0;
    for (size_t i = 0; i < nrows; i++) {
        names[nnames++] = rows[i].name;
        if (name_index(rows[i].rswitch, names, nnames) < 0)
            names[nnames++] = rows[i].rswitch;
    }
    fc_rules *r = ld->rules;
    for (size_t i = 0; i < FC_NCHECKS; i++)
        r->check_on[i] = true;
    r->cross_source.severity = FC_SEV_CONFLICT;
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, "$.checks", "expected an object");
    TRY(check_keys(ld, obj, "$.checks", names, nnames));
    bool set[FC_NCHECKS] = {false};
    for (int own = 1; own >= 0; own--) /* the checks' own entries first */
        for (size_t i = 0; i < nrows; i++) {
            const char *name = own ? rows[i].name : rows[i].rswitch;
            const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);
            char at[200];
            fc_path_key(at, sizeof at, "$.checks", name);
            if (!it || (!own && set[i]))
                continue;
            if (!cJSON_IsObject(it))
                return fail(ld, at, "expected an object");
            bool cs = strcmp(name, "cross_source") == 0;
            TRY(check_keys(ld, it, at, keys, cs ? COUNT(keys) : 1));
            const cJSON *en = cJSON_GetObjectItemCaseSensitive(it, "enabled");
            if (en && !cJSON_IsBool(en)) {
                fc_path_key(at, sizeof at, at, "enabled");
                return fail(ld, at, "expected true or false");
            }
            r->check_on[i] = !en || cJSON_IsTrue(en);
            set[i] = true;
            if (!cs)
                continue;
            if (cJSON_GetObjectItemCaseSensitive(it, "severity")) {
                int sev;
                TRY(get_enum(ld, it, "severity", at, severity_names, COUNT(severity_names),
                             &sev));
                r->cross_source.severity = (fc_severity)sev;
            }
            if (cJSON_GetObjectItemCaseSensitive(it, "tolerance"))
                TRY(number_field(ld, it, "tolerance", at, 0, 1, &r->cross_source.tolerance));
        }
    return FC_OK;
}

/* ---- grouping: the vocabulary of inferred keys ------------------------------ */

/* {"concept": ["word", "word form", ...], ...}: each phrase an entry whose value
 * is the concept's index in g->concepts. */
static fc_status concepts_load(loader *ld, const cJSON *obj, const char *where, fc_entries *out)
{
    fc_grouping *g = &ld->rules->grouping;
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, where, "expected an object: name -> array of words");
    size_t n = 0;
    const cJSON *it, *w;
    cJSON_ArrayForEach(it, obj)
    {
        char at[400];
        fc_path_key(at, sizeof at, where, it->string);
        if (!cJSON_IsArray(it))
            return fail(ld, at, "expected an array of words");
        n += (size_t)cJSON_GetArraySize(it) + 1;
    }
    char **concepts = realloc(g->concepts, (g->nconcepts + cJSON_GetArraySize(obj) + 1) *
                                               sizeof *g->concepts);
    if (!concepts)
        return FC_ENOMEM;
    g->concepts = concepts;
    if (n && !(out->items = calloc(n, sizeof *out->items)))
        return FC_ENOMEM;
    cJSON_ArrayForEach(it, obj)
    {
        char at[400];
        fc_path_key(at, sizeof at, where, it->string);
        if (!it->string[0])
            return fail(ld, at, "expected a non-empty name");
        size_t concept = g->nconcepts;
        if (!(g->concepts[g->nconcepts] = fc_strdup(it->string)))
            return FC_ENOMEM;
        g->nconcepts++;
        size_t k = 0;
        cJSON_ArrayForEach(w, it)
        {
            char wat[420];
            fc_path_index(wat, sizeof wat, at, k++);
            if (!cJSON_IsString(w))
                return fail(ld, wat, "expected a string");
            fc_entry *e = &out->items[out->n];
            e->modality = -1;
            TRY(phrase_make(ld, wat, w->valuestring, &e->phrase));
            e->value = (double)concept;
            out->n++;
        }
    }
    return FC_OK;
}

static fc_status grouping_load(loader *ld, const cJSON *obj)
{
    static const char *const keys[] = {
        "similarity",  "weights",    "events",       "things",       "scopes", "scope_subjects",
        "person_nouns", "generic_persons", "measure_nouns", "neutral_words",
        "place_prepositions", "place_nouns", "places", "place_labels", "owner_nouns"};
    static const char *const kinds[FC_NTERM_KINDS] = {"thing", "unit",  "modifier", "object", "event",
                                                      "place", "name",  "scope",    "word"};
    static const double weights[FC_NTERM_KINDS] = {3, 0, 2, 2, 2, 1, 2, 1, 1};
    fc_grouping *g = &ld->rules->grouping;
    g->similarity = 0.5;
    memcpy(g->weight, weights, sizeof weights);
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, "$.grouping", "expected an object");
    TRY(check_keys(ld, obj, "$.grouping", keys, COUNT(keys)));
    if (cJSON_GetObjectItemCaseSensitive(obj, "similarity"))
        TRY(number_field(ld, obj, "similarity", "$.grouping", 0, 1, &g->similarity));
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(obj, "weights");
    if (w) {
        if (!cJSON_IsObject(w))
            return fail(ld, "$.grouping.weights", "expected an object: term kind -> weight");
        TRY(check_keys(ld, w, "$.grouping.weights", kinds, COUNT(kinds)));
        for (size_t i = 0; i < FC_NTERM_KINDS; i++)
            if (cJSON_GetObjectItemCaseSensitive(w, kinds[i]))
                TRY(number_field(ld, w, kinds[i], "$.grouping.weights", 0, 100, &g->weight[i]));
    }
#define G(k) cJSON_GetObjectItemCaseSensitive(obj, k)
    TRY(concepts_load(ld, G("events"), "$.grouping.events", &g->events));
    TRY(concepts_load(ld, G("things"), "$.grouping.things", &g->things));
    TRY(concepts_load(ld, G("scopes"), "$.grouping.scopes", &g->scopes));
    TRY(concepts_load(ld, G("scope_subjects"), "$.grouping.scope_subjects", &g->scope_subjects));
    TRY(phrase_list_load(ld, G("person_nouns"), "$.grouping.person_nouns", &g->person_nouns));
    TRY(phrase_list_load(ld, G("generic_persons"), "$.grouping.generic_persons",
                         &g->generic_persons));
    TRY(phrase_list_load(ld, G("measure_nouns"), "$.grouping.measure_nouns", &g->measure_nouns));
    TRY(phrase_list_load(ld, G("neutral_words"), "$.grouping.neutral_words", &g->neutral_words));
    TRY(phrase_list_load(ld, G("place_prepositions"), "$.grouping.place_prepositions",
                         &g->place_preps));
    TRY(phrase_list_load(ld, G("place_nouns"), "$.grouping.place_nouns", &g->place_nouns));
    TRY(phrase_list_load(ld, G("places"), "$.grouping.places", &g->places));
    TRY(phrase_list_load(ld, G("place_labels"), "$.grouping.place_labels", &g->place_labels));
    TRY(phrase_list_load(ld, G("owner_nouns"), "$.grouping.owner_nouns", &g->owner_nouns));
#undef G
    return FC_OK;
}

/* Reads every dataset and events file the rules name, once, when the rules are
 * built: a name is a path (absolute, or already resolved against the folder of
 * the rule file naming it: rules.c) or a file in <datadir>/datasets/. */
static fc_status data_files_load(loader *ld)
{
    fc_rules *r = ld->rules;
    for (int events = 0; events < 2; events++) {
        char **names = events ? r->events : r->datasets;
        size_t n = events ? r->nevents : r->ndatasets;
        for (size_t i = 0; i < n; i++) {
            char path[4400], at[80];
            if (names[i][0] == '/')
                snprintf(path, sizeof path, "%s", names[i]);
            else
                snprintf(path, sizeof path, "%s/datasets/%s", fc_datadir(), names[i]);
            fc_path_index(at, sizeof at, events ? "$.events" : "$.datasets", i);
            struct stat sb;
            if (names[i][0] != '/' && stat(path, &sb) != 0) {
                /* not next to the rule file (rules.c would have taken it) nor here */
                const char *file = ld->src->path, *slash = file ? strrchr(file, '/') : NULL;
                if (file && strcmp(file, "-") == 0)
                    return fail_at(ld, at, false, 0,
                                   "%s: no file \"%.200s\" in %s/datasets/ (a rule file read "
                                   "from standard input has no folder of its own)",
                                   at, names[i], fc_datadir());
                char folder[4200] = "the rule file";
                if (file)
                    snprintf(folder, sizeof folder, "the rule file (in %.*s/)",
                             slash ? (int)(slash - file) : 1, slash ? file : ".");
                return fail_at(ld, at, false, 0,
                               "%s: no file \"%.200s\" next to %s or in %s/datasets/", at,
                               names[i], folder, fc_datadir());
            }
            fc_diag d = {0};
            fc_status st = events ? fc_events_load(&r->event_rows, path, &d)
                                  : fc_dataset_load(&r->refs, path, &d);
            if (st == FC_ENOMEM)
                return st;
            if (st != FC_OK) {
                char msg[sizeof d.file + sizeof d.message + 64];
                return fail_at(ld, at, false, 0, "%s: %s", at, fc_diag_format(&d, msg, sizeof msg));
            }
        }
    }
    return FC_OK;
}

/* ---- the tree ------------------------------------------------------------ */

static const char *const top_keys[] = {"factcheck_rules",
                                       "clause_breaks",
                                       "events",
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
                                       "aliases",
                                       "patterns",
                                       "pollsters",
                                       "datasets",
                                       "checks",
                                       "grouping",
                                       "remove"};

/* A nested object of phrase lists ("attribution", "traps", "changes"). */
static fc_status phrase_group_load(loader *ld, const cJSON *obj, const char *where,
                                   const char *const *keys, fc_phrase_list *const *lists, size_t n)
{
    if (!obj)
        return FC_OK;
    if (!cJSON_IsObject(obj))
        return fail(ld, where, "expected an object");
    TRY(check_keys(ld, obj, where, keys, n));
    for (size_t i = 0; i < n; i++) {
        char at[400];
        fc_path_key(at, sizeof at, where, keys[i]);
        TRY(phrase_list_load(ld, cJSON_GetObjectItemCaseSensitive(obj, keys[i]), at, lists[i]));
    }
    return FC_OK;
}

static fc_status index_all(fc_rules *r);

static fc_status load_tree(loader *ld, const cJSON *root)
{
    fc_rules *r = ld->rules;
    if (!cJSON_IsObject(root))
        return fail(ld, "$", "expected a JSON object");
    TRY(check_keys(ld, root, "$", top_keys, COUNT(top_keys)));
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "factcheck_rules");
    if (version && (!cJSON_IsNumber(version) || version->valuedouble != 1))
        return fail(ld, "$.factcheck_rules", "expected 1 (the rule file format version)");
#define GET(k) cJSON_GetObjectItemCaseSensitive(root, k)
    TRY(entries_load(ld, GET("hedges"), "$.hedges", &hedges_sec, &r->hedges));
    TRY(values_load(ld, GET("number_words"), "$.number_words", true, &r->number_words));
    TRY(values_load(ld, GET("scale_words"), "$.scale_words", false, &r->scale_words));
    TRY(values_load(ld, GET("months"), "$.months", false, &r->months));
    TRY(values_load(ld, GET("fractions"), "$.fractions", false, &r->fractions));
    TRY(entries_load(ld, GET("vague_quantities"), "$.vague_quantities", &vague_sec,
                     &r->vague_quantities));
    TRY(entries_load(ld, GET("multipliers"), "$.multipliers", &multiplier_sec, &r->multipliers));
    TRY(entries_load(ld, GET("units"), "$.units", &units_sec, &r->units));
    TRY(entries_load(ld, GET("currencies"), "$.currencies", &currencies_sec, &r->currencies));
    TRY(entries_load(ld, GET("rates"), "$.rates", &rates_sec, &r->rates));
    TRY(entries_load(ld, GET("modality_cues"), "$.modality_cues", &cues_sec, &r->modality_cues));
    TRY(entries_load(ld, GET("modality_cues_after"), "$.modality_cues_after", &cues_sec,
                     &r->modality_cues_after));
    const cJSON *periods = GET("periods");
    static const char *const period_keys[] = {"prepositions", "relative", "future_cues",
                                              "fiscal_year_ends"};
    if (periods && !cJSON_IsObject(periods))
        return fail(ld, "$.periods", "expected an object");
    if (periods)
        TRY(check_keys(ld, periods, "$.periods", period_keys, COUNT(period_keys)));
    TRY(period_preps_load(ld, cJSON_GetObjectItemCaseSensitive(periods, "prepositions"),
                          &r->period_preps));
    TRY(entries_load(ld, cJSON_GetObjectItemCaseSensitive(periods, "relative"),
                     "$.periods.relative", &relative_sec, &r->relative_periods));
    TRY(phrase_list_load(ld, cJSON_GetObjectItemCaseSensitive(periods, "future_cues"),
                         "$.periods.future_cues", &r->future_cues));
    r->fiscal_end = 6; /* most public bodies' years end on June 30 */
    if (cJSON_GetObjectItemCaseSensitive(periods, "fiscal_year_ends")) {
        double m;
        TRY(number_field(ld, periods, "fiscal_year_ends", "$.periods", 1, 12, &m));
        if (m != floor(m))
            return fail(ld, "$.periods.fiscal_year_ends", "expected a month from 1 to 12");
        r->fiscal_end = (int)m;
    }

    static const char *const attr_keys[] = {"before_source", "after_source", "source_nouns",
                                            "clause_ends", "titles"};
    fc_phrase_list *const attr_lists[] = {&r->attr_before, &r->attr_after, &r->attr_nouns,
                                          &r->attr_clause_ends, &r->attr_titles};
    TRY(phrase_group_load(ld, GET("attribution"), "$.attribution", attr_keys, attr_lists, 5));
    static const char *const change_keys[] = {"up_before",   "up_after", "down_before",
                                              "down_after",  "from",     "not_changes",
                                              "verbs",       "up_by",    "down_by"};
    fc_phrase_list *const change_lists[] = {&r->up_before,   &r->up_after,    &r->down_before,
                                            &r->down_after,  &r->change_from, &r->not_changes,
                                            &r->change_verbs, &r->up_by,      &r->down_by};
    TRY(phrase_group_load(ld, GET("changes"), "$.changes", change_keys, change_lists, 9));
    static const char *const trap_keys[] = {
        "time_suffixes",    "temperature_suffixes", "age_words",       "ordinal_suffixes",
        "label_words",      "street_suffixes",      "furniture_lines", "age_before",
        "lowercase_labels", "special_numbers",      "day_names",       "time_references",
        "age_events"};
    fc_phrase_list *const trap_lists[] = {
        &r->time_suffixes,    &r->temperature_suffixes, &r->age_words,       &r->ordinal_suffixes,
        &r->label_words,      &r->street_suffixes,      &r->furniture_lines, &r->age_before,
        &r->lowercase_labels, &r->special_numbers,      &r->day_names,       &r->time_references,
        &r->age_events};
    TRY(phrase_group_load(ld, GET("traps"), "$.traps", trap_keys, trap_lists, 13));
    TRY(phrase_list_load(ld, GET("clause_breaks"), "$.clause_breaks", &r->clause_breaks));
    TRY(phrase_list_load(ld, GET("subject_modifiers"), "$.subject_modifiers",
                         &r->subject_modifiers));
    TRY(phrase_list_load(ld, GET("plural_nouns"), "$.plural_nouns", &r->plural_nouns));
    TRY(phrase_list_load(ld, GET("abbreviations"), "$.abbreviations", &r->abbreviations));
    TRY(phrase_list_load(ld, GET("stop_words"), "$.stop_words", &r->stop_words));
    TRY(measures_load(ld, GET("measures")));
    TRY(aliases_load(ld, GET("aliases")));
    TRY(patterns_load(ld, GET("patterns")));
    TRY(references_check(ld));
    TRY(pollsters_load(ld, GET("pollsters")));
    TRY(files_load(ld, GET("datasets"), "$.datasets", &r->datasets, &r->ndatasets));
    TRY(files_load(ld, GET("events"), "$.events", &r->events, &r->nevents));
    TRY(checks_load(ld, GET("checks")));
    TRY(grouping_load(ld, GET("grouping")));
    TRY(data_files_load(ld));
    const cJSON *remove = GET("remove");
    if (remove && !cJSON_IsObject(remove))
        return fail(ld, "$.remove", "expected an object: section name -> ids to remove");
    const cJSON *it;
    cJSON_ArrayForEach(it, remove)
    {
        char at[400];
        snprintf(at, sizeof at, "$.remove.%s", it->string);
        static const char *const not_lists[] = {"factcheck_rules", "description", "remove"};
        if (name_index(it->string, top_keys, COUNT(top_keys)) < 0 ||
            name_index(it->string, not_lists, COUNT(not_lists)) >= 0 || !cJSON_IsArray(it))
            return fail(ld, at, "expected a section name with an array of ids");
    }
#undef GET
    return index_all(r);
}

/* ---- indices and freeing ----------------------------------------------------- */

static void entries_free(fc_entries *e)
{
    for (size_t i = 0; i < e->n; i++) {
        phrase_free(&e->items[i].phrase);
        if (e->items[i].requires) {
            phrase_list_free(e->items[i].requires);
            free(e->items[i].requires);
        }
        free(e->items[i].name);
        free(e->items[i].base);
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
                           &r->months,
                           &r->grouping.events,
                           &r->grouping.things,
                           &r->grouping.scopes,
                           &r->grouping.scope_subjects};
    memcpy(out, lists, sizeof lists);
    return COUNT(lists);
}

static size_t phrase_lists(fc_rules *r, fc_phrase_list **out)
{
    fc_phrase_list *lists[] = {&r->attr_titles,      &r->clause_breaks,    &r->age_before,
                               &r->lowercase_labels, &r->special_numbers,  &r->day_names,
                               &r->not_changes,      &r->time_references,  &r->attr_before,
                               &r->attr_after,       &r->attr_nouns,       &r->attr_clause_ends,
                               &r->up_before,        &r->up_after,         &r->down_before,
                               &r->down_after,       &r->change_from,      &r->subject_modifiers,
                               &r->plural_nouns,     &r->time_suffixes,    &r->temperature_suffixes,
                               &r->age_words,        &r->ordinal_suffixes, &r->label_words,
                               &r->street_suffixes,  &r->furniture_lines,  &r->abbreviations,
                               &r->stop_words,       &r->change_verbs, &r->up_by, &r->down_by, &r->grouping.person_nouns,
                               &r->grouping.generic_persons, &r->grouping.measure_nouns,
                               &r->grouping.neutral_words,   &r->grouping.place_preps,
                               &r->grouping.place_nouns,     &r->grouping.places,
                               &r->grouping.place_labels,    &r->grouping.owner_nouns,
                               &r->age_events,
                               &r->future_cues};
    memcpy(out, lists, sizeof lists);
    return COUNT(lists);
}

#define MAX_LISTS 48

static fc_status phrase_list_index(fc_phrase_list *l, uint32_t nwords)
{
    return fc_index_build(&l->first, &l->last, l->items, l->n, sizeof *l->items, nwords);
}

/* After every phrase is read, so that the vocabulary is complete. */
/* The grouping's per-word classes (rules_internal.h): the one-word phrases of
 * the lists extract_key.c skips, and the first words of its concepts. */
static fc_status word_classes(fc_rules *r)
{
    uint32_t nw = r->vocab.n;
    static const char *const fixed[] = {
#define FC_FIXED_NAME(w) #w,
        FC_FIXED_WORDS(FC_FIXED_NAME)
#undef FC_FIXED_NAME
    };
    for (size_t k = 0; k < FC_NFIXED; k++)
        r->fixed[k] = fc_vocab_find(&r->vocab, fixed[k], strlen(fixed[k]),
                                    fc_lower_hash(fixed[k], strlen(fixed[k])));
    unsigned char *cls = calloc((size_t)nw + 1, 1);
    if (!cls)
        return FC_ENOMEM;
    r->grouping.word_class = cls;
    const fc_phrase_list *skip_lists[] = {&r->stop_words,   &r->grouping.neutral_words,
                                          &r->up_before,    &r->down_before,
                                          &r->up_after,     &r->down_after,
                                          &r->change_verbs, &r->attr_after,
                                          &r->attr_before,  &r->attr_nouns,
                                          &r->day_names,    &r->clause_breaks};
    const fc_entries *skip_entries[] = {&r->hedges,        &r->months,           &r->number_words,
                                        &r->scale_words,   &r->units,            &r->rates,
                                        &r->modality_cues, &r->relative_periods, &r->vague_quantities,
                                        &r->multipliers};
    for (size_t l = 0; l < COUNT(skip_lists); l++)
        for (size_t i = 0; i < skip_lists[l]->n; i++)
            if (skip_lists[l]->items[i].ntok == 1)
                cls[skip_lists[l]->items[i].word[0]] |= FC_WORD_SKIP;
    for (size_t l = 0; l < COUNT(skip_entries); l++)
        for (size_t i = 0; i < skip_entries[l]->n; i++)
            if (skip_entries[l]->items[i].phrase.ntok == 1)
                cls[skip_entries[l]->items[i].phrase.word[0]] |= FC_WORD_SKIP;
    const fc_entries *concepts[] = {&r->grouping.events, &r->grouping.things, &r->grouping.scopes,
                                    &r->grouping.scope_subjects};
    for (size_t l = 0; l < COUNT(concepts); l++)
        for (size_t i = 0; i < concepts[l]->n; i++)
            cls[concepts[l]->items[i].phrase.word[0]] |= FC_WORD_CONCEPT;
    return FC_OK;
}

static fc_status index_all(fc_rules *r)
{
    fc_entries *el[MAX_LISTS];
    fc_phrase_list *pl[MAX_LISTS];
    uint32_t nw = r->vocab.n;
    for (size_t i = 0, n = entry_lists(r, el); i < n; i++)
        TRY(fc_index_build(&el[i]->first, &el[i]->last, el[i]->items, el[i]->n,
                           sizeof *el[i]->items, nw));
    for (size_t i = 0; i < r->units.n; i++)
        if (r->units.items[i].requires)
            TRY(phrase_list_index(r->units.items[i].requires, nw));
    for (size_t i = 0, n = phrase_lists(r, pl); i < n; i++)
        TRY(phrase_list_index(pl[i], nw));
    for (size_t i = 0; i < r->nmeasures; i++) {
        TRY(phrase_list_index(&r->measures[i].subject, nw));
        for (size_t j = 0; j < r->measures[i].ncontext; j++)
            TRY(phrase_list_index(&r->measures[i].context[j], nw));
    }
    return word_classes(r);
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
        free(m->target_of);
        phrase_list_free(&m->subject);
        for (size_t j = 0; j < m->ncontext; j++)
            phrase_list_free(&m->context[j]);
        free(m->context);
    }
    free(r->measures);
    for (size_t i = 0; i < r->naliases; i++) {
        phrase_free(&r->aliases[i].phrase);
        phrase_free(&r->aliases[i].canonical);
    }
    free(r->aliases);
    for (size_t i = 0; i < r->npatterns; i++) {
        fc_pattern *p = &r->patterns[i];
        free(p->id);
        free(p->regex);
        fc_regex_free(p->code);
        free(p->subject);
        free(p->measure);
    }
    free(r->patterns);
    for (size_t i = 0; i < r->npollsters; i++)
        free(r->pollsters[i].name);
    free(r->pollsters);
    for (size_t i = 0; i < r->ndatasets; i++)
        free(r->datasets[i]);
    free(r->datasets);
    for (size_t i = 0; i < r->nevents; i++)
        free(r->events[i]);
    free(r->events);
    fc_dataset_clear(&r->refs);
    fc_events_clear(&r->event_rows);
    for (size_t i = 0; i < r->grouping.nconcepts; i++)
        free(r->grouping.concepts[i]);
    free(r->grouping.concepts);
    free(r->grouping.word_class);
    free(r->source);
    fc_rules_info_free(r->info);
    fc_vocab_free(&r->vocab);
    free(r);
}

fc_status fc_rules_compile(const cJSON *root, const fc_rules_source *src, fc_rules **out,
                           fc_diag *diag)
{
    *out = NULL;
    loader ld = {src, diag, calloc(1, sizeof(fc_rules))};
    if (!ld.rules)
        return FC_ENOMEM;
    fc_status st = load_tree(&ld, root);
    if (st != FC_OK) {
        if (st == FC_ENOMEM)
            fc_diag_set(diag, src->path ? src->path : "rules", 0, 0, "out of memory");
        fc_rules_free(ld.rules);
        return st;
    }
    *out = ld.rules;
    return FC_OK;
}
