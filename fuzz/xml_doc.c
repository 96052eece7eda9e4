/* SPDX-License-Identifier: Apache-2.0 */
/* XML document harness with a tree mutator: the input is an MCPTT user
 * profile or a KMS response (TS 33.180 Annex D) as text, and goes through
 * both readers with the properties of their byte harnesses
 * (fuzz/profile_find.c, fuzz/kms_doc.c, included under other names
 * through fuzz/xml_targets.h).
 *
 * LLVMFuzzerCustomMutator parses the input leniently into an element tree
 * (elements with attributes, text, comments, CDATA, the prolog), applies one
 * to four tree mutations and serialises the tree again, so the documents it
 * makes stay well-formed (unless a mutation breaks them on purpose: a
 * renamed end tag, raw bytes in a text):
 *   drop a node; duplicate one; move one under another element (swap);
 *   rename an element (the vocabulary of fuzz/xml_vocab.h, or a name taken
 *   from the document); change its prefix (none, the root's, rk:, an
 *   undeclared one); drop, duplicate, rename or add an attribute, change
 *   its value (vocabulary, another value of the document); add or change a
 *   namespace declaration (profile, KMS, rk, a wrong URI); replace a text
 *   (vocabulary, libFuzzer's byte mutator on it); insert an element built
 *   from the vocabulary; rename an end tag.
 * An input that does not parse is given to libFuzzer's byte mutator.
 *
 * Built with -DRK_AFL_CUSTOM_MUTATOR -shared -fPIC, the same file is an
 * AFL++ custom mutator library (afl_custom_init / afl_custom_fuzz /
 * afl_custom_deinit around the same tree mutator; the harness part is left
 * out): make build/fuzz/afl_xml_doc_mutator.so, used by scripts/fuzz.sh and
 * scripts/fuzz_campaign.sh through AFL_CUSTOM_MUTATOR_LIBRARY.  The replay
 * driver and the coverage build run LLVMFuzzerTestOneInput only. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "xml_vocab.h"

/* ---- the tree ----------------------------------------------------------- */

#define XM_NODES 1024
#define XM_ATTRS 2048
#define XM_POOL (1 << 18)

enum { XM_ROOT, XM_ELEM, XM_RAW };  /* RAW: text, comment, CDATA, PI: verbatim */

typedef struct {
    uint32_t off, len;              /* into pool */
} xm_str;

typedef struct {
    uint8_t kind, empty, repeat, bad_end;   /* empty: written <x/> when childless */
    xm_str name;                    /* ELEM: qualified name; RAW: the octets */
    int parent, first, last, next;  /* children as a list; -1 none */
    int attr0, nattr;               /* ELEM: attrs[attr0 .. attr0 + nattr - 1] */
} xm_node;

typedef struct {
    xm_str name, value;
    uint8_t quote, dead;
} xm_attr;

static xm_node nodes[XM_NODES];
static xm_attr attrs[XM_ATTRS];
static uint8_t pool[XM_POOL];
static int n_nodes, n_attrs;
static uint32_t pool_len;
static uint64_t rng;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return n ? (unsigned)(rng % n) : 0;
}

static int str_add(xm_str *s, const uint8_t *p, size_t n)
{
    if (n > XM_POOL - pool_len) return 0;
    memcpy(pool + pool_len, p, n);
    s->off = pool_len;
    s->len = (uint32_t)n;
    pool_len += (uint32_t)n;
    return 1;
}

static int str_cat(xm_str *s, const char *a, const uint8_t *b, size_t bn)
{
    size_t an = strlen(a);
    if (an + bn > XM_POOL - pool_len) return 0;
    memcpy(pool + pool_len, a, an);
    memcpy(pool + pool_len + an, b, bn);
    s->off = pool_len;
    s->len = (uint32_t)(an + bn);
    pool_len += (uint32_t)(an + bn);
    return 1;
}

static int node_new(uint8_t kind, int parent)
{
    xm_node *n;
    if (n_nodes == XM_NODES) return -1;
    n = &nodes[n_nodes];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->repeat = 1;
    n->parent = parent;
    n->first = n->last = n->next = -1;
    if (parent >= 0) {
        if (nodes[parent].last >= 0) nodes[nodes[parent].last].next = n_nodes;
        else nodes[parent].first = n_nodes;
        nodes[parent].last = n_nodes;
    }
    return n_nodes++;
}

/* ---- lenient parse ------------------------------------------------------ */

static const uint8_t *src;
static size_t src_len, at;

static int starts(const char *s)
{
    size_t n = strlen(s);
    return src_len - at >= n && memcmp(src + at, s, n) == 0;
}

/* a raw node from at through the end marker (or the end of the input) */
static int raw_until(int parent, const char *end)
{
    size_t b = at, n = strlen(end);
    int k = node_new(XM_RAW, parent);
    while (at < src_len && !starts(end)) at++;
    at = at + n <= src_len ? at + n : src_len;
    return k >= 0 && str_add(&nodes[k].name, src + b, at - b);
}

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_name_end(uint8_t c)
{
    return is_space(c) || c == '/' || c == '>' || c == '=';
}

/* a start tag at at ('<' not followed by '/', '!', '?'); 0 if malformed */
static int start_tag(int *cur)
{
    size_t b;
    int k = node_new(XM_ELEM, *cur);
    if (k < 0) return 0;
    b = ++at;
    while (at < src_len && !is_name_end(src[at])) at++;
    if (at == b || !str_add(&nodes[k].name, src + b, at - b)) return 0;
    nodes[k].attr0 = n_attrs;
    for (;;) {
        while (at < src_len && is_space(src[at])) at++;
        if (at == src_len) return 0;
        if (src[at] == '>') { at++; *cur = k; return 1; }
        if (starts("/>")) { at += 2; nodes[k].empty = 1; return 1; }
        {
            xm_attr *a;
            size_t nb = at, vb;
            uint8_t q;
            if (n_attrs == XM_ATTRS) return 0;
            a = &attrs[n_attrs];
            while (at < src_len && !is_name_end(src[at])) at++;
            if (at == nb || !str_add(&a->name, src + nb, at - nb)) return 0;
            while (at < src_len && is_space(src[at])) at++;
            if (at == src_len || src[at] != '=') return 0;
            at++;
            while (at < src_len && is_space(src[at])) at++;
            if (at == src_len || (src[at] != '"' && src[at] != '\'')) return 0;
            q = src[at++];
            vb = at;
            while (at < src_len && src[at] != q) at++;
            if (at == src_len || !str_add(&a->value, src + vb, at - vb)) return 0;
            at++;
            a->quote = q;
            a->dead = 0;
            n_attrs++;
            nodes[k].nattr++;
        }
    }
}

/* the tree of data[0..size-1] under node 0 (XM_ROOT); 0 if malformed */
static int parse(const uint8_t *data, size_t size)
{
    int cur;
    n_nodes = n_attrs = 0;
    pool_len = 0;
    src = data;
    src_len = size;
    at = 0;
    cur = node_new(XM_ROOT, -1);
    while (at < src_len) {
        if (src[at] != '<') {
            size_t b = at;
            int k = node_new(XM_RAW, cur);
            while (at < src_len && src[at] != '<') at++;
            if (k < 0 || !str_add(&nodes[k].name, src + b, at - b)) return 0;
        } else if (starts("<!--")) {
            if (!raw_until(cur, "-->")) return 0;
        } else if (starts("<![CDATA[")) {
            if (!raw_until(cur, "]]>")) return 0;
        } else if (starts("<?")) {
            if (!raw_until(cur, "?>")) return 0;
        } else if (starts("<!")) {
            if (!raw_until(cur, ">")) return 0;
        } else if (starts("</")) {
            while (at < src_len && src[at] != '>') at++;
            at += at < src_len;
            if (cur == 0) return 0;     /* an end tag with nothing open */
            cur = nodes[cur].parent;
        } else if (!start_tag(&cur)) {
            return 0;
        }
    }
    return cur == 0;                    /* every element closed */
}

/* ---- serialise ---------------------------------------------------------- */

static uint8_t *dst;
static size_t dst_len, dst_cap;

static void out(const uint8_t *p, size_t n)
{
    if (n > dst_cap - dst_len) n = dst_cap - dst_len;
    memcpy(dst + dst_len, p, n);
    dst_len += n;
}

static void outs(const char *s)
{
    out((const uint8_t *)s, strlen(s));
}

static void outx(xm_str s)
{
    out(pool + s.off, s.len);
}

static void emit(int k)
{
    const xm_node *n = &nodes[k];
    /* a full buffer ends the walk (repeated nested nodes grow fast) */
    for (unsigned r = 0; r < n->repeat && dst_len < dst_cap; r++) {
        if (n->kind == XM_RAW) {
            outx(n->name);
            continue;
        }
        if (n->kind == XM_ELEM) {
            outs("<");
            outx(n->name);
            for (int i = 0; i < n->nattr; i++) {
                const xm_attr *a = &attrs[n->attr0 + i];
                uint8_t q = a->quote;
                if (a->dead) continue;
                outs(" ");
                outx(a->name);
                outs("=");
                out(&q, 1);
                outx(a->value);
                out(&q, 1);
            }
            if (n->first < 0 && n->empty) { outs("/>"); continue; }
            outs(">");
        }
        for (int c = n->first; c >= 0; c = nodes[c].next) emit(c);
        if (n->kind == XM_ELEM) {
            outs(n->bad_end ? "</x" : "</");
            outx(n->name);
            outs(">");
        }
    }
}

/* ---- mutations ---------------------------------------------------------- */

/* a random node of the given kind (-1: element or raw), or -1 */
static int pick(int kind)
{
    for (int tries = 0; tries < 16 && n_nodes > 1; tries++) {
        int k = 1 + (int)rnd((unsigned)n_nodes - 1);
        if (nodes[k].parent < 0 && k != 0) continue;   /* unlinked */
        if (kind < 0 || nodes[k].kind == kind) return k;
    }
    return -1;
}

static void unlink_node(int k)
{
    int p = nodes[k].parent, prev = -1;
    for (int c = nodes[p].first; c >= 0; prev = c, c = nodes[c].next)
        if (c == k) {
            if (prev >= 0) nodes[prev].next = nodes[k].next;
            else nodes[p].first = nodes[k].next;
            if (nodes[p].last == k) nodes[p].last = prev;
            break;
        }
    nodes[k].next = -1;
    nodes[k].parent = -1;
}

static void link_node(int k, int p)
{
    nodes[k].parent = p;
    nodes[k].next = -1;
    if (nodes[p].last >= 0) nodes[nodes[p].last].next = k;
    else nodes[p].first = k;
    nodes[p].last = k;
}

static int is_under(int k, int p)
{
    for (; p >= 0; p = nodes[p].parent)
        if (p == k) return 1;
    return 0;
}

static const char *vocab_value(void)
{
    return VALUES[rnd(NVALUES)];
}

static const char *const PREFIXES[] = { "", "k:", "rk:", "zz:", "up:" };
static const char *const NS_ANY[] = { "urn:3gpp:ns:mcsecKMSInterface:1.0",
                                      "urn:3gpp:ns:mcpttUserProfile:1.0",
                                      "urn:rootkey:xml:ns:lmr-root-key:1", "urn:example:not-this-one",
                                      "" };

/* the local part of an element's name (after its prefix) */
static xm_str local(xm_str s)
{
    for (uint32_t i = 0; i < s.len; i++)
        if (pool[s.off + i] == ':') {
            s.off += i + 1;
            s.len -= i + 1;
            break;
        }
    return s;
}

static int add_attr(int k, const char *name, const char *value)
{
    xm_node *n = &nodes[k];
    xm_attr *a;
    /* attributes are contiguous per element: copy them to the end first */
    if (n_attrs + n->nattr + 1 > XM_ATTRS) return 0;
    memmove(&attrs[n_attrs], &attrs[n->attr0], (size_t)n->nattr * sizeof attrs[0]);
    n->attr0 = n_attrs;
    n_attrs += n->nattr;
    a = &attrs[n_attrs];
    if (!str_add(&a->name, (const uint8_t *)name, strlen(name))
        || !str_add(&a->value, (const uint8_t *)value, strlen(value)))
        return 0;
    a->quote = '"';
    a->dead = 0;
    n_attrs++;
    n->nattr++;
    return 1;
}

static void mutate_one(void)
{
    int k, j;
    switch (rnd(14)) {
    case 0:     /* drop a node */
        if ((k = pick(-1)) > 0) unlink_node(k);
        break;
    case 1:     /* duplicate a node */
        if ((k = pick(-1)) > 0 && nodes[k].repeat < 4) nodes[k].repeat++;
        break;
    case 2:     /* move a node under another element, last */
        if ((k = pick(-1)) > 0 && (j = pick(XM_ELEM)) > 0 && !is_under(k, j)) {
            unlink_node(k);
            link_node(k, j);
        }
        break;
    case 3:     /* rename an element: vocabulary, keeping its prefix */
        if ((k = pick(XM_ELEM)) > 0) {
            uint8_t tmp[160];
            const char *v = NAMES[rnd(NNAMES)];
            size_t pl = local(nodes[k].name).off - nodes[k].name.off, vl = strlen(v);
            if (pl > 100) pl = 100;
            memcpy(tmp, pool + nodes[k].name.off, pl);
            memcpy(tmp + pl, v, vl);        /* the longest name is under 40 */
            str_add(&nodes[k].name, tmp, pl + vl);
        }
        break;
    case 4:     /* rename an element: the name of another */
        if ((k = pick(XM_ELEM)) > 0 && (j = pick(XM_ELEM)) > 0) nodes[k].name = nodes[j].name;
        break;
    case 5:     /* change an element's prefix */
        if ((k = pick(XM_ELEM)) > 0) {
            xm_str l = local(nodes[k].name);
            str_cat(&nodes[k].name, PREFIXES[rnd(5)], pool + l.off, l.len);
        }
        break;
    case 6:     /* drop or duplicate an attribute */
        if ((k = pick(XM_ELEM)) > 0 && nodes[k].nattr > 0) {
            xm_attr *a = &attrs[nodes[k].attr0 + (int)rnd((unsigned)nodes[k].nattr)];
            if (rnd(2)) a->dead = 1;
            else if (add_attr(k, "x", "")) {
                xm_attr *b = &attrs[n_attrs - 1];
                a = &attrs[n_attrs - 1 - (int)rnd((unsigned)nodes[k].nattr - 1) - 1];
                b->name = a->name;
                b->value = a->value;
                b->quote = a->quote;
            }
        }
        break;
    case 7:     /* rename an attribute */
        if ((k = pick(XM_ELEM)) > 0 && nodes[k].nattr > 0) {
            xm_attr *a = &attrs[nodes[k].attr0 + (int)rnd((unsigned)nodes[k].nattr)];
            const char *v = ATTRS[rnd(NATTRS)];
            str_add(&a->name, (const uint8_t *)v, strlen(v));
        }
        break;
    case 8:     /* change an attribute's value */
        if ((k = pick(XM_ELEM)) > 0 && nodes[k].nattr > 0) {
            xm_attr *a = &attrs[nodes[k].attr0 + (int)rnd((unsigned)nodes[k].nattr)];
            if (rnd(3) == 0 && n_attrs > 0) {
                xm_attr *b = &attrs[rnd((unsigned)n_attrs)];
                if (b->quote == a->quote) a->value = b->value;
            } else {
                const char *v = vocab_value();
                a->quote = '"';
                str_add(&a->value, (const uint8_t *)v, strlen(v));
            }
        }
        break;
    case 9:     /* add an attribute or a namespace declaration */
        if ((k = pick(XM_ELEM)) > 0) {
            unsigned c = rnd(3);
            if (c == 0) add_attr(k, ATTRS[rnd(NATTRS)], vocab_value());
            else if (c == 1) add_attr(k, "xmlns", NS_ANY[rnd(5)]);
            else add_attr(k, rnd(2) ? "xmlns:rk" : "xmlns:k", NS_ANY[rnd(5)]);
        }
        break;
    case 10:    /* replace a text (or any raw node) by a value */
        if ((k = pick(XM_RAW)) > 0) {
            const char *v = vocab_value();
            str_add(&nodes[k].name, (const uint8_t *)v, strlen(v));
        }
        break;
    case 11:    /* insert an element from the vocabulary, with a text */
        if ((k = pick(XM_ELEM)) > 0) {
            const char *v = NAMES[rnd(NNAMES)];
            j = node_new(XM_ELEM, k);
            if (j >= 0 && str_cat(&nodes[j].name, PREFIXES[rnd(3)], (const uint8_t *)v, strlen(v))) {
                int t = node_new(XM_RAW, j);
                nodes[j].attr0 = n_attrs;
                if (rnd(2)) add_attr(j, ATTRS[rnd(NATTRS)], vocab_value());
                if (t >= 0) {
                    v = vocab_value();
                    str_add(&nodes[t].name, (const uint8_t *)v, strlen(v));
                }
            }
        }
        break;
    case 12:    /* a wrong end tag */
        if ((k = pick(XM_ELEM)) > 0 && rnd(4) == 0) nodes[k].bad_end = 1;
        break;
    default:    /* mutate the octets of a text */
        if ((k = pick(XM_RAW)) > 0) {
            uint8_t tmp[512];
            size_t n = nodes[k].name.len < sizeof tmp / 2 ? nodes[k].name.len : sizeof tmp / 2;
            memcpy(tmp, pool + nodes[k].name.off, n);
            if (n > 0) tmp[rnd((unsigned)n)] ^= (uint8_t)(1u << rnd(8));
            else tmp[n++] = (uint8_t)rnd(256);
            str_add(&nodes[k].name, tmp, n);
        }
        break;
    }
}

/* Mutate data[0..size-1] as a tree into data[0..max_size-1]; the new size,
 * or 0 when the input does not parse or the result does not fit. */
static size_t tree_mutate(uint8_t *data, size_t size, size_t max_size, unsigned seed)
{
    static uint8_t buf[1 << 17];
    unsigned n;
    rng = 0x9E3779B97F4A7C15ull ^ seed;
    if (!parse(data, size)) return 0;
    for (n = 1 + rnd(4); n > 0; n--) mutate_one();
    dst = buf;
    dst_len = 0;
    dst_cap = sizeof buf;
    emit(0);
    if (dst_len == 0 || dst_len > max_size) return 0;
    memcpy(data, buf, dst_len);
    return dst_len;
}

#ifdef RK_AFL_CUSTOM_MUTATOR
/* ---- AFL++ custom mutator API ------------------------------------------- */

typedef struct {
    unsigned seed;
    uint8_t *buf;
    size_t cap;
} afl_mut;

void *afl_custom_init(void *afl, unsigned int seed);
size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
                       uint8_t *add_buf, size_t add_buf_size, size_t max_size);
void afl_custom_deinit(void *data);

void *afl_custom_init(void *afl, unsigned int seed)
{
    afl_mut *m = calloc(1, sizeof *m);
    (void)afl;
    if (m) m->seed = seed;
    return m;
}

size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
                       uint8_t *add_buf, size_t add_buf_size, size_t max_size)
{
    afl_mut *m = data;
    size_t n;
    (void)add_buf;
    (void)add_buf_size;
    if (m->cap < max_size) {
        uint8_t *b = realloc(m->buf, max_size);
        if (!b) { *out_buf = buf; return buf_size; }
        m->buf = b;
        m->cap = max_size;
    }
    n = buf_size < max_size ? buf_size : max_size;
    memcpy(m->buf, buf, n);
    n = tree_mutate(m->buf, n, max_size, m->seed++);
    if (n == 0) { *out_buf = buf; return buf_size; }   /* AFL++'s havoc does the rest */
    *out_buf = m->buf;
    return n;
}

void afl_custom_deinit(void *data)
{
    afl_mut *m = data;
    free(m->buf);
    free(m);
}

#else
/* ---- the harness -------------------------------------------------------- */

#include "xml_targets.h"

/* libFuzzer's byte mutator; absent (null) in the replay and coverage builds */
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size) __attribute__((weak));
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    size_t n = tree_mutate(data, size, max_size, seed);
    if (n == 0 && LLVMFuzzerMutate) n = LLVMFuzzerMutate(data, size, max_size);
    return n ? n : size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kms_doc_one(data, size);
    profile_find_one(data, size);
    return 0;
}
#endif
