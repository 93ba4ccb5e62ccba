/* html.c - HTML pages as documents: the article's text and its metadata.
 *
 * The page is parsed by libxml2's HTML parser (the one browsers' rules were
 * written against in Debian: it decodes entities and character sets and
 * recovers from broken markup), never with regular expressions. The text is
 * the article's: the <article> element with the most text, else <main>, else
 * <body>; what is not copy (script, style, navigation, header, footer, aside,
 * forms, embedded objects, hidden elements) is left out; block elements (p,
 * h1-h6, li, div, br, td, ...) end paragraphs, written as blank lines so that
 * the extractor's sentences and paragraphs are those of the page. Offsets of
 * claims refer to this extracted text.
 *
 * The metadata come from JSON-LD first (the first object typed as an article:
 * NewsArticle, Article, BlogPosting, ...), then <meta> tags, then <title>,
 * <html lang> and <link rel="canonical">. Every walk of the tree is iterative,
 * so deeply nested markup costs no stack.
 */
#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "doc_internal.h"
#include "factcheck/doc.h"
#include "util.h"

void fc_html_init(void)
{
    xmlInitParser();
}

/* ---- walking the tree --------------------------------------------------------- */

static bool is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           strcmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (; *names; names++)
        if (strcmp((const char *)n->name, *names) == 0)
            return true;
    return false;
}

/* The node after n in document order under root: its first child when descend,
 * else its next sibling or the next sibling of the nearest ancestor that has
 * one; NULL past the end of root. */
static xmlNode *next_node(xmlNode *n, const xmlNode *root, bool descend)
{
    if (descend && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* The first element named name in the tree, or NULL. */
static xmlNode *find_element(xmlNode *root, const char *name)
{
    for (xmlNode *n = root; n; n = next_node(n, root, true))
        if (is_element(n, name))
            return n;
    return NULL;
}

/* Elements whose content is no article copy. */
static const char *const dropped[] = {
    "script", "style",  "noscript", "template", "nav",      "header", "footer", "aside",
    "form",   "button", "select",   "textarea", "input",    "iframe", "object", "embed",
    "svg",    "math",   "canvas",   "video",    "audio",    "head",   "title",  "meta",
    "link",   "dialog", "menu",     "map",      "frameset", NULL};

/* Elements that end a paragraph where they start and where they end. */
static const char *const blocks[] = {
    "p",       "div",    "br",   "li",     "ul",         "ol",       "dl",      "dt",
    "dd",      "h1",     "h2",   "h3",     "h4",         "h5",       "h6",      "section",
    "article", "main",   "body", "html",   "blockquote", "pre",      "table",   "thead",
    "tbody",   "tfoot",  "tr",   "td",     "th",         "caption",  "figure",  "figcaption",
    "address", "hr",     "center", "details", "summary", "fieldset", "legend", "hgroup",
    NULL};

static bool is_hidden(xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (xmlHasProp(n, (const xmlChar *)"hidden"))
        return true;
    xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
    bool hidden = aria && strcmp((const char *)aria, "true") == 0;
    xmlFree(aria);
    return hidden;
}

static bool is_dropped(xmlNode *n)
{
    return name_in(n, dropped) || is_hidden(n);
}

/* ---- the text ----------------------------------------------------------------- */

typedef struct text_out {
    fc_strbuf sb;
    bool space; /* white space seen since the last character written */
    bool para;  /* a paragraph ended since the last character written */
} text_out;

static bool html_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

/* Appends a text node's characters: runs of HTML white space are one space,
 * written only between words; a pending paragraph end is a blank line. */
static void put_text(text_out *t, const char *s)
{
    while (*s) {
        if (html_space(*s)) {
            t->space = true;
            s++;
            continue;
        }
        const char *e = s;
        while (*e && !html_space(*e))
            e++;
        if (t->sb.len) {
            if (t->para)
                fc_sb_add(&t->sb, "\n\n", 2);
            else if (t->space)
                fc_sb_add(&t->sb, " ", 1);
        }
        t->para = t->space = false;
        fc_sb_add(&t->sb, s, (size_t)(e - s));
        s = e;
    }
}

/* The text under root, as described at the top of the file. */
static void put_tree(text_out *t, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        bool descend = false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(t, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            bool drop = n != root && is_dropped(n);
            if (!drop || !name_in(n, (const char *const[]){"script", "style", NULL}))
                if (drop || name_in(n, blocks))
                    t->para = true;
            descend = !drop;
        }
        /* Leaving elements: a block ends its paragraph. */
        xmlNode *next;
        if (descend && n->children) {
            next = n->children;
        } else {
            next = NULL;
            for (xmlNode *m = n; m && m != root; m = m->parent) {
                if (m != n && name_in(m, blocks))
                    t->para = true;
                if (m->next) {
                    next = m->next;
                    break;
                }
            }
        }
        n = next;
    }
}

/* How much article text there is under root (capped: only compared). */
static size_t text_size(xmlNode *root)
{
    size_t n = 0;
    for (xmlNode *m = root; m && n < ((size_t)1 << 40);) {
        bool descend = m == root || !is_dropped(m);
        if ((m->type == XML_TEXT_NODE || m->type == XML_CDATA_SECTION_NODE) && m->content)
            n += strlen((const char *)m->content);
        m = next_node(m, root, descend);
    }
    return n;
}

/* The element holding the article: the outermost <article> with the most
 * text, else the first <main>, else <body>, else the whole page. */
static xmlNode *article_root(xmlNode *top)
{
    xmlNode *best = NULL;
    size_t best_size = 0;
    for (xmlNode *n = top; n;) {
        if (is_element(n, "article") && !is_hidden(n)) {
            size_t size = text_size(n);
            if (!best || size > best_size) {
                best = n;
                best_size = size;
            }
            n = next_node(n, top, false); /* not into it: nested articles are parts */
            continue;
        }
        n = next_node(n, top, !(n != top && is_dropped(n)));
    }
    if (best)
        return best;
    xmlNode *m = find_element(top, "main");
    if (m)
        return m;
    m = find_element(top, "body");
    return m ? m : top;
}

/* ---- the metadata ------------------------------------------------------------- */

enum { F_OUTLET, F_TITLE, F_PUBLISHED, F_URL, F_LANGUAGE, F_AUTHOR, NFIELDS };
#define NRANKS 4

typedef struct meta {
    char *ld[NFIELDS];           /* from JSON-LD */
    char *tag[NFIELDS][NRANKS];  /* from the page's tags, by preference */
    bool failed;                 /* out of memory */
} meta;

/* A copy of s with runs of white space made one space, trimmed; NULL when
 * nothing is left (or out of memory: m->failed). */
static char *clean(meta *m, const char *s)
{
    if (!s)
        return NULL;
    text_out t = {0};
    put_text(&t, s);
    if (t.sb.failed)
        m->failed = true;
    if (!t.sb.len) {
        fc_sb_free(&t.sb);
        return NULL;
    }
    return fc_sb_take(&t.sb);
}

static void set_once(meta *m, char **slot, const char *value)
{
    if (!*slot)
        *slot = clean(m, value);
}

static bool looks_like_url(const char *s)
{
    return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0);
}

/* <meta name|property|itemprop=KEY content=...>: the field and preference. */
static const struct {
    const char *key;
    int field, rank;
    bool no_url; /* a URL here is a profile page, not the value */
} meta_keys[] = {
    {"og:title", F_TITLE, 0, false},
    {"twitter:title", F_TITLE, 1, false},
    {"dc.title", F_TITLE, 2, false},
    {"og:site_name", F_OUTLET, 0, false},
    {"publisher", F_OUTLET, 1, true},
    {"article:publisher", F_OUTLET, 2, true},
    {"application-name", F_OUTLET, 3, false},
    {"article:published_time", F_PUBLISHED, 0, false},
    {"datepublished", F_PUBLISHED, 1, false},
    {"pubdate", F_PUBLISHED, 2, false},
    {"publish-date", F_PUBLISHED, 2, false},
    {"date", F_PUBLISHED, 3, false},
    {"dc.date", F_PUBLISHED, 3, false},
    {"dc.date.issued", F_PUBLISHED, 3, false},
    {"og:url", F_URL, 1, false},
    {"author", F_AUTHOR, 0, true},
    {"article:author", F_AUTHOR, 1, true},
    {"dc.creator", F_AUTHOR, 2, true},
    {"content-language", F_LANGUAGE, 1, false},
    {"og:locale", F_LANGUAGE, 2, false},
};

static void meta_tag(meta *m, xmlNode *n)
{
    static const char *const attrs[] = {"property", "name", "itemprop", "http-equiv"};
    xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
    if (!content)
        return;
    for (size_t a = 0; a < sizeof attrs / sizeof *attrs; a++) {
        xmlChar *key = xmlGetProp(n, (const xmlChar *)attrs[a]);
        if (!key)
            continue;
        size_t klen = strlen((const char *)key);
        for (size_t i = 0; i < sizeof meta_keys / sizeof *meta_keys; i++) {
            if (strlen(meta_keys[i].key) != klen ||
                !fc_ieq(meta_keys[i].key, (const char *)key, klen))
                continue;
            if (meta_keys[i].no_url && looks_like_url((const char *)content))
                continue;
            set_once(m, &m->tag[meta_keys[i].field][meta_keys[i].rank], (const char *)content);
        }
        xmlFree(key);
    }
    xmlFree(content);
}

/* ---- JSON-LD ------------------------------------------------------------------ */

static bool is_article_type(const char *t)
{
    static const char *const extra[] = {"BlogPosting", "LiveBlogPosting", "Report", NULL};
    size_t n = strlen(t);
    if (n >= 7 && strcmp(t + n - 7, "Article") == 0)
        return true;
    for (size_t i = 0; extra[i]; i++)
        if (strcmp(t, extra[i]) == 0)
            return true;
    return false;
}

static bool is_article(const cJSON *o)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
    if (cJSON_IsString(t))
        return is_article_type(t->valuestring);
    const cJSON *e;
    cJSON_ArrayForEach(e, t)
    {
        if (cJSON_IsString(e) && is_article_type(e->valuestring))
            return true;
    }
    return false;
}

/* The object in graph (an array, may be NULL) whose "@id" is id. */
static const cJSON *by_id(const cJSON *graph, const char *id)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, graph)
    {
        const cJSON *i = cJSON_GetObjectItemCaseSensitive(e, "@id");
        if (cJSON_IsString(i) && strcmp(i->valuestring, id) == 0)
            return e;
    }
    return NULL;
}

/* A person's or an organisation's name: a string, an object's "name" (through
 * its "@id" in the graph when it has only that), the first of an array. */
static const char *name_of(const cJSON *v, const cJSON *graph)
{
    if (cJSON_IsArray(v))
        v = cJSON_GetArrayItem(v, 0);
    if (cJSON_IsString(v))
        return v->valuestring;
    if (!cJSON_IsObject(v))
        return NULL;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
    if (cJSON_IsString(name))
        return name->valuestring;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(v, "@id");
    const cJSON *o = cJSON_IsString(id) ? by_id(graph, id->valuestring) : NULL;
    name = o ? cJSON_GetObjectItemCaseSensitive(o, "name") : NULL;
    return cJSON_IsString(name) ? name->valuestring : NULL;
}

static const char *string_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void ld_article(meta *m, const cJSON *a, const cJSON *graph)
{
    const char *title = string_of(a, "headline");
    set_once(m, &m->ld[F_TITLE], title ? title : string_of(a, "name"));
    set_once(m, &m->ld[F_PUBLISHED], string_of(a, "datePublished"));
    set_once(m, &m->ld[F_OUTLET],
             name_of(cJSON_GetObjectItemCaseSensitive(a, "publisher"), graph));
    const char *author = name_of(cJSON_GetObjectItemCaseSensitive(a, "author"), graph);
    if (!looks_like_url(author))
        set_once(m, &m->ld[F_AUTHOR], author);
    const char *url = string_of(a, "url");
    if (!url) {
        const cJSON *page = cJSON_GetObjectItemCaseSensitive(a, "mainEntityOfPage");
        url = cJSON_IsString(page) ? page->valuestring : string_of(page, "@id");
    }
    if (looks_like_url(url))
        set_once(m, &m->ld[F_URL], url);
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(a, "inLanguage");
    set_once(m, &m->ld[F_LANGUAGE], cJSON_IsString(lang) ? lang->valuestring : name_of(lang, graph));
}

/* One <script type="application/ld+json">: an object, an array of them, or an
 * object with an "@graph" array; the first article found fills the fields
 * still empty. */
static void ld_script(meta *m, const char *json)
{
    cJSON *root = cJSON_Parse(json);
    if (!root)
        return;
    const cJSON *graph = cJSON_GetObjectItemCaseSensitive(root, "@graph");
    const cJSON *list = cJSON_IsArray(graph) ? graph : cJSON_IsArray(root) ? root : NULL;
    if (list) {
        const cJSON *e;
        cJSON_ArrayForEach(e, list)
        {
            if (cJSON_IsObject(e) && is_article(e)) {
                ld_article(m, e, list);
                break;
            }
        }
    } else if (is_article(root)) {
        ld_article(m, root, NULL);
    }
    cJSON_Delete(root);
}

static bool attr_is(xmlNode *n, const char *attr, const char *value)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    bool yes = false;
    if (v) {
        /* "canonical" among space-separated rel values; types compared whole. */
        const char *s = (const char *)v;
        size_t k = strlen(value);
        while (*s && !yes) {
            while (html_space(*s))
                s++;
            const char *e = s;
            while (*e && !html_space(*e) && *e != ';')
                e++;
            yes = (size_t)(e - s) == k && fc_ieq(s, value, k);
            s = *e == ';' ? e + strlen(e) : e;
        }
    }
    xmlFree(v);
    return yes;
}

static void collect_meta(meta *m, xmlNode *top)
{
    for (xmlNode *n = top; n; n = next_node(n, top, true)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(n, "meta")) {
            meta_tag(m, n);
        } else if (is_element(n, "title") && !m->tag[F_TITLE][NRANKS - 1]) {
            xmlChar *s = xmlNodeGetContent(n);
            set_once(m, &m->tag[F_TITLE][NRANKS - 1], (const char *)s);
            xmlFree(s);
        } else if (is_element(n, "link") && attr_is(n, "rel", "canonical")) {
            xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
            if (looks_like_url((const char *)href))
                set_once(m, &m->tag[F_URL][0], (const char *)href);
            xmlFree(href);
        } else if (is_element(n, "html")) {
            xmlChar *lang = xmlGetProp(n, (const xmlChar *)"lang");
            set_once(m, &m->tag[F_LANGUAGE][0], (const char *)lang);
            xmlFree(lang);
        } else if (is_element(n, "script") && attr_is(n, "type", "application/ld+json")) {
            xmlChar *s = xmlNodeGetContent(n);
            if (s)
                ld_script(m, (const char *)s);
            xmlFree(s);
        }
    }
}

/* Moves the chosen value of each field into the document (doc may be NULL);
 * frees the rest. */
static void apply_meta(meta *m, fc_doc *doc)
{
    char **slots[NFIELDS] = {NULL};
    if (doc) {
        slots[F_OUTLET] = &doc->outlet;
        slots[F_TITLE] = &doc->title;
        slots[F_PUBLISHED] = &doc->published;
        slots[F_URL] = &doc->url;
        slots[F_LANGUAGE] = &doc->language;
        slots[F_AUTHOR] = &doc->author;
    }
    for (int f = 0; f < NFIELDS; f++) {
        char **slot = slots[f];
        char **from[NRANKS + 1] = {&m->ld[f]};
        for (int r = 0; r < NRANKS; r++)
            from[r + 1] = &m->tag[f][r];
        for (int r = 0; r <= NRANKS; r++) {
            if (slot && !*slot) {
                *slot = *from[r];
                *from[r] = NULL;
            }
            free(*from[r]);
            *from[r] = NULL;
        }
    }
}

/* ---- the document ------------------------------------------------------------- */

/* Whether buf declares a character set other than UTF-8 (<meta charset> or
 * http-equiv, in its first 4 KiB), which libxml2 then decodes; otherwise the
 * page is read as UTF-8, as news sites write them, and a stray byte that is not
 * UTF-8 stays one byte instead of turning the whole page into Latin-1. */
static bool declares_charset(const char *buf, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 7 <= n; i++) {
        if (!fc_ieq(buf + i, "charset", 7))
            continue;
        size_t k = i + 7;
        while (k < n && (html_space(buf[k]) || buf[k] == '=' || buf[k] == '"' || buf[k] == '\''))
            k++;
        bool utf8 = (n - k >= 5 && fc_ieq(buf + k, "utf-8", 5)) ||
                    (n - k >= 4 && fc_ieq(buf + k, "utf8", 4));
        return !utf8;
    }
    return false;
}

fc_status fc_doc_parse_html(const char *path, const char *buf, size_t len, fc_doc **out,
                            fc_diag *diag)
{
    *out = NULL;
    if (len > FC_DOC_MAX_BYTES) {
        fc_diag_set(diag, path, 0, 0, "file is larger than %zu MiB; not read",
                    FC_DOC_MAX_BYTES >> 20);
        return FC_EFORMAT;
    }
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        fc_diag_set(diag, path, 0, 0, "binary file (NUL byte at offset %zu); not a text document",
                    (size_t)(nul - buf));
        return FC_EFORMAT;
    }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                  HTML_PARSE_NONET | XML_PARSE_HUGE;
    htmlDocPtr html = len ? htmlReadMemory(buf, (int)len, NULL,
                                           declares_charset(buf, len) ? NULL : "UTF-8", options)
                          : NULL;
    xmlNode *top = html ? xmlDocGetRootElement(html) : NULL;
    text_out t = {0};
    meta m = {0};
    if (top) {
        put_tree(&t, article_root(top));
        collect_meta(&m, top);
    }
    if (html)
        xmlFreeDoc(html);
    if (t.sb.len)
        fc_sb_add(&t.sb, "\n", 1);
    char *text = t.sb.failed ? NULL : t.sb.len ? fc_sb_take(&t.sb) : calloc(1, 1);
    fc_status st = FC_ENOMEM;
    if (text && !m.failed) {
        st = fc_doc_take_plain(path, text, strlen(text), out, diag);
        text = NULL;
    }
    free(text);
    fc_sb_free(&t.sb);
    apply_meta(&m, st == FC_OK ? *out : NULL);
    if (st == FC_ENOMEM)
        fc_diag_set(diag, path, 0, 0, "out of memory");
    return st;
}
