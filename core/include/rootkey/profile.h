/* SPDX-License-Identifier: Apache-2.0
 * rootkey/profile.h - the rootkey profile element in an MCPTT user profile
 * document (docs/design.md §4, docs/profile-element.md §5).
 *
 *   <rk:lmr-root-key xmlns:rk="urn:rootkey:xml:ns:lmr-root-key:1"
 *       lmr-type="P25" key-id="F1A2B3C4" kms-uri="kms.example.org"
 *       key-period="1388">BASE64</rk:lmr-root-key>
 *
 * The element lives in the user's MCPTT user profile document (TS 24.484
 * 8.3: root <mcptt-user-profile> in urn:3gpp:ns:mcpttUserProfile:1.0) under
 * the root's <anyExt>.  A user may hold several (one per LMR system, the
 * current and the next key period).  The attributes are selection hints
 * only: everything the client trusts comes from the signed message in the
 * base64 text, decoded with rootkey/b64.h (rk_b64_decode with
 * RK_B64_ALLOW_SPACE).
 *
 * Three operations:
 *  - rk_profile_encode_element: the element, byte for byte as above (one
 *    space between attributes, this attribute order, key-id as 8 upper-case
 *    hex digits, key-period in decimal without leading zeros);
 *  - rk_profile_find: read a whole profile document with the strict XML
 *    reader (rootkey/xml.h) and return every lmr-root-key element in the
 *    rootkey namespace, wherever it sits and whatever else the document
 *    holds.  Duplicates are the caller's to judge: all are returned, and
 *    the count says how many;
 *  - rk_profile_upsert: a new document with the element inserted as the
 *    last child of the root's <anyExt> (created if missing), or in place of
 *    the one element with the same key-id and key-period (for IWFs that
 *    write whole documents; the element carries its own xmlns:rk, so it is
 *    correct wherever it lands).
 *
 * Attribute rules (encode and find alike): lmr-type one of P25, TETRA,
 * OTHER; key-id exactly 8 hex digits (either case when read); kms-uri 1..255
 * octets of printable ASCII other than & < > " ' (so its raw view is its
 * value); key-period 1..12 decimal digits, no leading zero unless "0".
 * Attributes without namespace other than these four are refused;
 * attributes in other namespaces are ignored (XML extensibility).  The
 * content is one run of base64 characters (A-Z a-z 0-9 + / =) and XML
 * whitespace, no child elements; comments are allowed.
 *
 * CT: public data only (the base64 text is an encrypted, signed message).
 * On error every output is zeroed.
 */
#ifndef ROOTKEY_PROFILE_H
#define ROOTKEY_PROFILE_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/xml.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_PROFILE_NS "urn:rootkey:xml:ns:lmr-root-key:1"
#define RK_PROFILE_ELEMENT "lmr-root-key"
#define RK_PROFILE_UP_NS "urn:3gpp:ns:mcpttUserProfile:1.0"
#define RK_PROFILE_UP_ROOT "mcptt-user-profile"
#define RK_PROFILE_KMS_URI_MAX 255u          /* kms-uri octets at most */
#define RK_PROFILE_KEY_ID_DIGITS 8u          /* key-id: exactly this many hex digits */
#define RK_PROFILE_KEY_PERIOD_DIGITS 12u     /* key-period: at most this many digits */
#define RK_PROFILE_KEY_PERIOD_MAX 999999999999u /* 10^12 - 1 */
#define RK_PROFILE_MAX_ELEMENTS 1024u        /* max of rk_profile_find at most */

/* lmr-type values */
#define RK_PROFILE_LMR_P25 1
#define RK_PROFILE_LMR_TETRA 2
#define RK_PROFILE_LMR_OTHER 3

/* One element found: views into the document and the decoded attributes. */
typedef struct {
    rk_xml_view element;    /* from '<' of the start tag to '>' of the end tag */
    rk_xml_view lmr_type;   /* raw attribute values */
    rk_xml_view key_id;
    rk_xml_view kms_uri;
    rk_xml_view key_period;
    rk_xml_view text;       /* the base64 text (may be empty: an error) */
    /* key-id is 32 bits but held in 64: in WP's typed memory model each
     * integer type is its own memory, and a 32-bit field here would share
     * one with the XML reader's stacks, so that every store of a found
     * element became a proof that the reader's invariant still holds. */
    uint64_t key_id_value;  /* 0 .. 0xFFFFFFFF */
    uint64_t key_period_value;
    size_t depth;           /* element depth (root = 1) */
    int lmr;                /* RK_PROFILE_LMR_* */
    int under_anyext;       /* 1 if its parent is the root's anyExt */
} rk_profile_element;

/* Workspace for find and upsert (caller-owned, about 3.3 KiB). */
typedef struct {
    rk_xml_reader rd;
    rk_xml_event ev;
} rk_profile_ctx;

/*@ predicate rk_profile_el_in{L}(rk_profile_element *e, integer n) =
        rk_xml_vin(&e->element, n) && rk_xml_vin(&e->lmr_type, n) &&
        rk_xml_vin(&e->key_id, n) && rk_xml_vin(&e->kms_uri, n) &&
        rk_xml_vin(&e->key_period, n) && rk_xml_vin(&e->text, n); */

/*
 * rk_profile_encode_element - write the element into out[0 .. cap-1].
 * lmr: RK_PROFILE_LMR_*; kms_uri: see the attribute rules; key_period <=
 * RK_PROFILE_KEY_PERIOD_MAX; b64: the base64 of the root-key message (checked to be base64
 * characters, non-empty).
 * Errors: RK_ERR_PROFILE_LMR_TYPE, _KMS_URI, _KEY_PERIOD, _TEXT,
 * RK_ERR_BUFFER.  On error *out_len is 0 and out is zeroed.
 */
/*@ requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \valid_read(kms_uri + (0 .. kms_uri_len - 1));
    requires \valid_read(b64 + (0 .. b64_len - 1));
    requires \separated(out + (0 .. cap - 1), out_len, kms_uri + (0 .. kms_uri_len - 1),
                        b64 + (0 .. b64_len - 1));
    requires \separated(out_len, kms_uri + (0 .. kms_uri_len - 1), b64 + (0 .. b64_len - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result <= 0;
    ensures \result == RK_OK ==> *out_len <= cap;
    ensures \result != RK_OK ==> *out_len == 0 &&
            (\forall integer k; 0 <= k < cap ==> out[k] == 0); */
RK_MUST_CHECK rk_status rk_profile_encode_element(uint8_t *out, size_t cap, size_t *out_len,
                                                  int lmr, uint32_t key_id,
                                                  const uint8_t *kms_uri, size_t kms_uri_len,
                                                  uint64_t key_period,
                                                  const uint8_t *b64, size_t b64_len) RK_API;

/*
 * rk_profile_find - read the whole document doc[0 .. len-1] (xml_flags as
 * for rk_xml_reader_init) and return its lmr-root-key elements in document
 * order in els[0 .. *count-1] (max at most RK_PROFILE_MAX_ELEMENTS).
 * Errors: any RK_ERR_XML_* code (the document is not accepted as a whole),
 * RK_ERR_PROFILE_ROOT, _ATTR_MISSING, _ATTR_UNKNOWN, _LMR_TYPE, _KEY_ID,
 * _KMS_URI, _KEY_PERIOD, _CONTENT, _TEXT, RK_ERR_PROFILE_TOO_MANY (more
 * than max elements), RK_ERR_INTERNAL (a stored view outside the document:
 * cannot happen, checked before returning).  On error *count is 0 and
 * els[0 .. max-1] is zeroed.
 */
/*@ requires \valid(ctx);
    requires \valid_read(doc + (0 .. len - 1));
    requires max <= RK_PROFILE_MAX_ELEMENTS;
    requires \valid(els + (0 .. max - 1));
    requires \valid(count);
    requires \separated(ctx, doc + (0 .. len - 1), els + (0 .. max - 1), count);
    requires \separated(doc + (0 .. len - 1), els + (0 .. max - 1), count);
    requires \separated(els + (0 .. max - 1), count);
    assigns *ctx, els[0 .. max - 1], *count;
    ensures \result <= 0;
    ensures *count <= max;
    ensures \result == RK_OK ==>
        \forall integer i; 0 <= i < *count ==> rk_profile_el_in(els + i, len);
    ensures \result != RK_OK ==> *count == 0; */
RK_MUST_CHECK rk_status rk_profile_find(rk_profile_ctx *ctx, const uint8_t *doc, size_t len,
                                        unsigned xml_flags, rk_profile_element *els,
                                        size_t max, size_t *count) RK_API;

/*
 * rk_profile_upsert - write into out[0 .. cap-1] the document doc with the
 * element (arguments as rk_profile_encode_element) put in place: replacing
 * the one lmr-root-key element with the same key-id and key-period, else
 * appended to the root's first <anyExt> child (an empty <anyExt/> is
 * expanded), else in a new <anyExt> (with the root's prefix) at the end of
 * the root.  Everything else is copied octet for octet.  The new document
 * is read back before it is released: if the element would make it
 * unreadable (in strict mode the prefix rk bound to another namespace
 * around the insertion point; one namespace declaration too many), that
 * reader code is returned.
 * Errors: those of rk_profile_find and rk_profile_encode_element,
 * RK_ERR_PROFILE_DUPLICATE (several elements to replace), RK_ERR_BUFFER,
 * RK_ERR_INTERNAL (the document written does not read back with the element
 * exactly once: cannot happen).
 * On error *out_len is 0 and out is zeroed.
 */
/*@ requires \valid(ctx);
    requires \valid_read(doc + (0 .. len - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \valid_read(kms_uri + (0 .. kms_uri_len - 1));
    requires \valid_read(b64 + (0 .. b64_len - 1));
    requires \separated(out + (0 .. cap - 1), ctx, doc + (0 .. len - 1), out_len,
                        kms_uri + (0 .. kms_uri_len - 1), b64 + (0 .. b64_len - 1));
    requires \separated(ctx, doc + (0 .. len - 1), out_len,
                        kms_uri + (0 .. kms_uri_len - 1), b64 + (0 .. b64_len - 1));
    requires \separated(out_len, doc + (0 .. len - 1));
    assigns *ctx, out[0 .. cap - 1], *out_len;
    ensures \result <= 0;
    ensures \result == RK_OK ==> *out_len <= cap;
    ensures \result != RK_OK ==> *out_len == 0 &&
            (\forall integer k; 0 <= k < cap ==> out[k] == 0); */
RK_MUST_CHECK rk_status rk_profile_upsert(rk_profile_ctx *ctx, uint8_t *out, size_t cap,
                                          size_t *out_len, const uint8_t *doc, size_t len,
                                          unsigned xml_flags, int lmr, uint32_t key_id,
                                          const uint8_t *kms_uri, size_t kms_uri_len,
                                          uint64_t key_period, const uint8_t *b64,
                                          size_t b64_len) RK_API;

#ifdef __cplusplus
}
#endif
#endif
