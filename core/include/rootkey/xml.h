/* SPDX-License-Identifier: Apache-2.0
 * rootkey/xml.h - a strict, allocation-free XML pull reader and a writer.
 *
 * What it reads: one XML 1.0 document, UTF-8 only, with namespaces (XML
 * Namespaces 1.0), the five predefined entities (&amp; &lt; &gt; &quot;
 * &apos;), decimal and hexadecimal character references, and comments.  An
 * XML declaration is accepted at the very start (version 1.0, encoding
 * UTF-8 if present, standalone yes/no), after an optional UTF-8 BOM.
 * Everything else is rejected with its own status code (status.h, block
 * -900..-999): DOCTYPE (so every internal, external and parameter entity,
 * and with them every expansion bomb, fails at the DOCTYPE), every other
 * entity reference, processing instructions, CDATA sections, non-ASCII names,
 * malformed UTF-8 and non-XML characters, and documents beyond the fixed
 * bounds below.  The exact subset is in docs/xml.md.
 *
 * Namespaces: a default declaration (xmlns="...", xmlns="" included) and a
 * prefix re-declaration are accepted on any element, in scope for its
 * subtree, as XML Namespaces 1.0 says; names are always resolved by URI,
 * never by prefix.  RK_XML_NS_STRICT opts in to refusing two legal but
 * confusing constructs: re-binding an in-scope prefix to another URI
 * (RK_ERR_XML_NS_REBIND) and changing an in-scope default namespace
 * (RK_ERR_XML_NS_DEFAULT_CHANGE).
 *
 * Shape: the caller owns the document and an rk_xml_reader; rk_xml_next()
 * returns one event at a time (start element, text, end element, end of
 * document).  Names, namespace URIs, attribute values and text are views
 * (offset, length) into the document: nothing is copied.  rk_xml_decode()
 * expands references in a text or attribute-value view into a caller buffer.
 * The reader checks the whole of every construct it passes over, so a
 * document is well-formed (in this subset) exactly when rk_xml_next reaches
 * RK_XML_EV_EOF; a caller acting on a document should read it to the end
 * first (rk_profile_find does).
 *
 * CT: XML is public data (the profile element carries an encrypted,
 * signed message); the reader and writer branch on every octet.
 */
#ifndef ROOTKEY_XML_H
#define ROOTKEY_XML_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Fixed bounds (rejections: RK_ERR_XML_TOO_LONG, _DEPTH, _NS_COUNT,
 * _ATTR_COUNT, _NAME_LONG). */
#define RK_XML_MAX_DOC_BYTES 16777216u /* total document length (16 MiB) */
#define RK_XML_MAX_DEPTH 32u           /* element nesting */
#define RK_XML_MAX_NS 32u              /* namespace declarations in scope */
#define RK_XML_MAX_ATTRS 24u           /* attributes of one element, xmlns ones included */
#define RK_XML_MAX_NAME 128u           /* octets in a qualified name */

/* Reader flags. */
#define RK_XML_NS_RELAXED 0u /* the default: re-binding and default changes accepted */
#define RK_XML_NS_STRICT 2u  /* refuse prefix re-binding and default-namespace changes */

/* Event types. */
#define RK_XML_EV_NONE 0
#define RK_XML_EV_START 1 /* start tag (for <a/> an END follows) */
#define RK_XML_EV_END 2   /* end tag */
#define RK_XML_EV_TEXT 3  /* character data, raw (use rk_xml_decode) */
#define RK_XML_EV_EOF 4   /* the document is complete and well-formed */

/* A view of the document: octets doc[off .. off+len-1]. */
typedef struct {
    size_t off;
    size_t len;
} rk_xml_view;

/* An attribute.  ns is the namespace URI (a view of the raw value of the
 * xmlns declaration; empty for unprefixed attributes, which have no
 * namespace, and for the reserved prefix xml, whose URI is implicit: check
 * prefix).  value is raw: rk_xml_decode(..., RK_XML_DECODE_ATTR) expands it. */
typedef struct {
    rk_xml_view ns;
    rk_xml_view prefix;
    rk_xml_view local;
    rk_xml_view value;
} rk_xml_attr;

/* One event.  For START and END: ns (empty = no namespace), prefix (empty =
 * unprefixed), local, qname (prefix:local as written) and raw (the whole tag
 * from '<' to '>'; for the END of <a/> an empty view at the end of the
 * tag).  For START: the attributes, xmlns declarations left out.  For TEXT:
 * text (raw, never empty).  depth: 1 for the root element; for TEXT the
 * depth of the enclosing element. */
typedef struct {
    int type;
    size_t depth;
    rk_xml_view ns;
    rk_xml_view prefix;
    rk_xml_view local;
    rk_xml_view qname;
    rk_xml_view raw;
    rk_xml_view text;
    size_t nattrs;
    rk_xml_attr attr[RK_XML_MAX_ATTRS];
} rk_xml_event;

/* A view kept by the reader: 32-bit offset and length (a document is at
 * most RK_XML_MAX_DOC_BYTES long). */
typedef struct {
    uint32_t off;
    uint32_t len;
} rk_xml_rview;

/* The reader context (caller-owned, about 2 KiB).  Fields are private.
 * Their types are chosen for the proof: in Frama-C WP's typed memory model
 * each integer type is a memory chunk of its own, and the reader's
 * scalars (int64_t), its stacks (32-bit views and marks: a document is at
 * most RK_XML_MAX_DOC_BYTES long) and the events it fills (size_t, int)
 * then share none, so that no proof has to show that writing one leaves
 * the others unchanged. */
typedef struct {
    const uint8_t *doc;
    int64_t len;
    int64_t pos;
    int64_t state;       /* 0 before the root, 1 inside it, 2 after it, 3 done */
    int64_t pending_end; /* an empty-element tag still owes its END */
    int64_t depth;
    int64_t nsn;
    unsigned flags;
    rk_status err;       /* sticky: once an error is returned, always returned */
    rk_xml_rview ns_prefix[RK_XML_MAX_NS]; /* empty prefix = default namespace */
    rk_xml_rview ns_uri[RK_XML_MAX_NS];
    uint32_t ns_mark[RK_XML_MAX_DEPTH];     /* nsn before each open element */
    rk_xml_rview el_qname[RK_XML_MAX_DEPTH];
    rk_xml_rview el_ns[RK_XML_MAX_DEPTH];
    rk_xml_rview el_prefix[RK_XML_MAX_DEPTH];
    rk_xml_rview el_local[RK_XML_MAX_DEPTH];
} rk_xml_reader;

/* Proof predicates.  Views stored in memory are described field by field
 * (rk_xml_vin on a pointer, not rk_xml_view_in on a loaded value): the
 * provers then reason on plain integer cells. */
/*@ predicate rk_xml_view_in(rk_xml_view v, integer n) =
        v.off <= n && v.len <= n - v.off;

    predicate rk_xml_vin{L}(rk_xml_view *v, integer n) =
        v->off <= n && v->len <= n - v->off;

    predicate rk_xml_views_in{L}(rk_xml_view *v, integer m, integer n) =
        \forall integer i; 0 <= i < m ==> v[i].off <= n && v[i].len <= n - v[i].off;

    predicate rk_xml_attrs_in{L}(rk_xml_attr *a, integer m, integer n) =
        \forall integer i; 0 <= i < m ==>
            a[i].ns.off <= n && a[i].ns.len <= n - a[i].ns.off &&
            a[i].prefix.off <= n && a[i].prefix.len <= n - a[i].prefix.off &&
            a[i].local.off <= n && a[i].local.len <= n - a[i].local.off &&
            a[i].value.off <= n && a[i].value.len <= n - a[i].value.off;

    predicate rk_xml_rviews_in{L}(rk_xml_rview *v, integer m, integer n) =
        \forall integer i; 0 <= i < m ==> v[i].off <= n && v[i].len <= n - v[i].off;

    predicate rk_xml_marks_ok{L}(uint32_t *mk, integer m) =
        \forall integer i; 0 <= i < m ==> mk[i] <= RK_XML_MAX_NS;

    predicate rk_xml_inv{L}(rk_xml_reader *r) =
        \valid(r) &&
        0 <= r->pos <= r->len <= RK_XML_MAX_DOC_BYTES &&
        \valid_read(r->doc + (0 .. r->len - 1)) &&
        \separated(r, r->doc + (0 .. r->len - 1)) &&
        0 <= r->depth <= RK_XML_MAX_DEPTH && 0 <= r->nsn <= RK_XML_MAX_NS &&
        0 <= r->state <= 3 &&
        (r->pending_end != 0 ==> r->depth >= 1) &&
        rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, r->len) &&
        rk_xml_rviews_in(&r->ns_uri[0], RK_XML_MAX_NS, r->len) &&
        rk_xml_marks_ok(&r->ns_mark[0], RK_XML_MAX_DEPTH) &&
        rk_xml_rviews_in(&r->el_qname[0], RK_XML_MAX_DEPTH, r->len) &&
        rk_xml_rviews_in(&r->el_ns[0], RK_XML_MAX_DEPTH, r->len) &&
        rk_xml_rviews_in(&r->el_prefix[0], RK_XML_MAX_DEPTH, r->len) &&
        rk_xml_rviews_in(&r->el_local[0], RK_XML_MAX_DEPTH, r->len);

    predicate rk_xml_event_in{L}(rk_xml_event *e, integer n) =
        e->nattrs <= RK_XML_MAX_ATTRS &&
        rk_xml_vin(&e->ns, n) && rk_xml_vin(&e->prefix, n) &&
        rk_xml_vin(&e->local, n) && rk_xml_vin(&e->qname, n) &&
        rk_xml_vin(&e->raw, n) && rk_xml_vin(&e->text, n) &&
        rk_xml_attrs_in(&e->attr[0], RK_XML_MAX_ATTRS, n);
*/

/*
 * rk_xml_reader_init - start reading doc[0 .. len-1] with flags (0 or
 * RK_XML_NS_STRICT).  The document must stay unchanged while it is read.
 * A UTF-8 byte order mark (EF BB BF) is skipped.
 * Errors (the reader then returns the same error forever):
 * RK_ERR_XML_TOO_LONG (len > RK_XML_MAX_DOC_BYTES), RK_ERR_XML_ENCODING (the
 * document starts like UTF-16 or UTF-32: an FE or FF octet or a zero octet
 * among the first two).
 */
/*@ requires \valid(r);
    requires \valid_read(doc + (0 .. len - 1));
    requires \separated(r, doc + (0 .. len - 1));
    assigns *r;
    ensures \result == RK_OK || \result == RK_ERR_XML_TOO_LONG ||
            \result == RK_ERR_XML_ENCODING;
    ensures rk_xml_inv(r);
    ensures \result == RK_OK ==> r->doc == doc && r->len == len; */
RK_MUST_CHECK rk_status rk_xml_reader_init(rk_xml_reader *r, const uint8_t *doc,
                                           size_t len, unsigned flags);

/*
 * rk_xml_next - the next event into *ev.  RK_OK with ev->type one of
 * RK_XML_EV_START, _TEXT, _END, _EOF (EOF repeats once reached), or a
 * negative RK_ERR_XML_* code naming the first violation (then returned by
 * every later call; *ev is zeroed).  Every view in *ev lies inside the
 * document.
 */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    assigns *r, *ev;
    ensures rk_xml_inv(r);
    ensures r->doc == \old(r->doc) && r->len == \old(r->len);
    ensures rk_xml_event_in(ev, r->len);
    ensures \result <= 0;
    ensures \result == RK_OK ==> RK_XML_EV_START <= ev->type <= RK_XML_EV_EOF; */
RK_MUST_CHECK rk_status rk_xml_next(rk_xml_reader *r, rk_xml_event *ev);

/*
 * rk_xml_view_eq - 1 if the view v of doc equals lit[0 .. lit_len-1], else 0.
 */
/*@ requires rk_xml_view_in(v, len);
    requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(lit + (0 .. lit_len - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (v.len == lit_len &&
        (\forall integer k; 0 <= k < lit_len ==> doc[v.off + k] == lit[k])); */
int rk_xml_view_eq(const uint8_t *doc, size_t len, rk_xml_view v,
                   const uint8_t *lit, size_t lit_len);

/* Decode modes. */
#define RK_XML_DECODE_TEXT 0 /* character data: CR LF and lone CR become LF */
#define RK_XML_DECODE_ATTR 1 /* attribute value: TAB, LF, CR, CR LF become one space */

/*
 * rk_xml_decode - expand the raw text in[0 .. len-1] (a TEXT view or an
 * attribute value view) into out: the five predefined entities and
 * character references become their UTF-8 characters, line ends and (for
 * attributes) whitespace are normalised as XML 1.0 2.11 and 3.3.3 say.
 * The input is checked again (references, UTF-8, XML characters, '<').
 * Errors: any reader code for a bad reference or character, RK_ERR_BUFFER.
 * On error *out_len is 0 and out[0 .. cap-1] is zeroed.
 */
/*@ requires \valid(out + (0 .. cap - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. len - 1), out_len);
    requires len <= RK_XML_MAX_DOC_BYTES;
    assigns out[0 .. cap - 1], *out_len;
    ensures \result <= 0;
    ensures \result == RK_OK ==> *out_len <= cap;
    ensures \result != RK_OK ==> *out_len == 0 &&
            (\forall integer k; 0 <= k < cap ==> out[k] == 0); */
RK_MUST_CHECK rk_status rk_xml_decode(uint8_t *out, size_t cap, size_t *out_len,
                                      const uint8_t *in, size_t len, int mode);

/* ------------------------------------------------------------------ writer
 * A cursor over a caller buffer.  Each call appends one construct, checks
 * its names (same ASCII QName subset the reader accepts) and its values
 * (UTF-8, XML characters), escapes text (& < > and CR) and attribute values
 * (& < > " TAB LF CR) so that the reader gives back exactly the input.  On
 * any error the call leaves nothing behind: pos is unchanged and the octets
 * it had written (from pos on) are zeroed again.  Nesting is the caller's: the writer does not track open
 * elements.
 */
typedef struct {
    uint8_t *buf;
    size_t cap;
    size_t pos;
} rk_xml_writer;

/* An attribute to write: qualified name and (unescaped) value. */
typedef struct {
    const uint8_t *name;
    size_t name_len;
    const uint8_t *value;
    size_t value_len;
} rk_xml_wattr;

/*@ predicate rk_xml_writer_ok(rk_xml_writer *w) =
        \valid(w) && w->pos <= w->cap && w->cap <= RK_XML_MAX_DOC_BYTES &&
        \valid(w->buf + (0 .. w->cap - 1)) &&
        \separated(w, w->buf + (0 .. w->cap - 1)); */

/*
 * rk_xml_writer_init - start writing at buf[0].  cap is limited to
 * RK_XML_MAX_DOC_BYTES (a larger cap is used as that bound).
 */
/*@ requires \valid(w);
    requires \valid(buf + (0 .. cap - 1));
    requires \separated(w, buf + (0 .. cap - 1));
    assigns *w;
    ensures rk_xml_writer_ok(w);
    ensures w->buf == buf && w->pos == 0 && w->cap <= cap; */
void rk_xml_writer_init(rk_xml_writer *w, uint8_t *buf, size_t cap);

/*
 * rk_xml_write_raw - append octets as they are (the caller vouches that
 * they are well-formed XML in context, e.g. a slice of a document the
 * reader accepted).  Error: RK_ERR_BUFFER.
 */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(p + (0 .. n - 1));
    requires \separated(p + (0 .. n - 1), w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result == RK_OK || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> w->pos == \old(w->pos) + n;
    ensures \result != RK_OK ==> w->pos == \old(w->pos); */
RK_MUST_CHECK rk_status rk_xml_write_raw(rk_xml_writer *w, const uint8_t *p, size_t n);

/*
 * rk_xml_write_start - append <name a1="v1" ...> (or <name .../> when
 * empty != 0).  Errors: RK_ERR_XML_NAME, _QNAME, _NAME_LONG, the UTF-8 and
 * character codes for a bad value, RK_ERR_XML_ATTR_COUNT, RK_ERR_BUFFER.
 */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(name + (0 .. name_len - 1));
    requires nattrs <= RK_XML_MAX_ATTRS;
    requires \valid_read(attrs + (0 .. nattrs - 1));
    requires \forall integer i; 0 <= i < nattrs ==>
        \valid_read(attrs[i].name + (0 .. attrs[i].name_len - 1)) &&
        \valid_read(attrs[i].value + (0 .. attrs[i].value_len - 1)) &&
        \separated(attrs[i].name + (0 .. attrs[i].name_len - 1), w->buf + (0 .. w->cap - 1), w) &&
        \separated(attrs[i].value + (0 .. attrs[i].value_len - 1), w->buf + (0 .. w->cap - 1), w);
    requires \separated(name + (0 .. name_len - 1), w->buf + (0 .. w->cap - 1), w);
    requires \separated(attrs + (0 .. nattrs - 1), w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0;
    ensures \result != RK_OK ==> w->pos == \old(w->pos); */
RK_MUST_CHECK rk_status rk_xml_write_start(rk_xml_writer *w, const uint8_t *name,
                                           size_t name_len, const rk_xml_wattr *attrs,
                                           size_t nattrs, int empty);

/*
 * rk_xml_write_text - append escaped character data.  Errors: the UTF-8
 * and character codes, RK_ERR_BUFFER.
 */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(t + (0 .. n - 1));
    requires \separated(t + (0 .. n - 1), w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0;
    ensures \result != RK_OK ==> w->pos == \old(w->pos); */
RK_MUST_CHECK rk_status rk_xml_write_text(rk_xml_writer *w, const uint8_t *t, size_t n);

/*
 * rk_xml_write_end - append </name>.  Errors: the name codes, RK_ERR_BUFFER.
 */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(name + (0 .. name_len - 1));
    requires \separated(name + (0 .. name_len - 1), w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0;
    ensures \result != RK_OK ==> w->pos == \old(w->pos); */
RK_MUST_CHECK rk_status rk_xml_write_end(rk_xml_writer *w, const uint8_t *name,
                                         size_t name_len);

#ifdef __cplusplus
}
#endif
#endif
