/* SPDX-License-Identifier: Apache-2.0
 * profile_internal.h - what the finder (profile_find.c: reading a profile
 * document and checking its lmr-root-key elements) and the writer
 * (profile_write.c: encoding the element, upserting it into a document)
 * share: the literal table, the attribute checks both apply, and the one
 * pass over a whole document.  Not installed.
 */
#ifndef ROOTKEY_PROFILE_INTERNAL_H
#define ROOTKEY_PROFILE_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/profile.h"
#include "rootkey/status.h"
#include "rootkey/xml.h"

/* Every literal of the two modules, in the order of one table
 * (profile_find.c holds it; rk_profile_lits copies it into a local array
 * first, so that the prover sees the literals apart from the caller's
 * output buffer: both are octet arrays).  Offsets and lengths are computed
 * from the strings, so that changing a literal cannot leave a number
 * stale; they are enum constants so that the contracts can name them. */
#define LIT_PFX "rk"
#define LIT_QNAME LIT_PFX ":" RK_PROFILE_ELEMENT
#define LIT_XMLNS_RK "xmlns:" LIT_PFX
#define LIT_NS RK_PROFILE_NS
#define LIT_LMRTYPE "lmr-type"
#define LIT_KEYID "key-id"
#define LIT_KMSURI "kms-uri"
#define LIT_KEYPERIOD "key-period"
#define LIT_P25 "P25"
#define LIT_TETRA "TETRA"
#define LIT_OTHER "OTHER"
#define LIT_ANYEXT "anyExt"
#define LIT_UPNS RK_PROFILE_UP_NS
#define LIT_UPROOT RK_PROFILE_UP_ROOT
#define LIT_LT "<"
#define LIT_LTSL "</"
#define LIT_GT ">"
#define LIT_COLON ":"
#define LIT_ALL                                                                           \
    LIT_QNAME LIT_XMLNS_RK LIT_NS LIT_LMRTYPE LIT_KEYID LIT_KMSURI LIT_KEYPERIOD LIT_P25 \
        LIT_TETRA LIT_OTHER LIT_ANYEXT LIT_UPNS LIT_UPROOT LIT_LT LIT_LTSL LIT_GT LIT_COLON
#define LIT_LEN(s) (sizeof(s) - 1u)

enum {
    L_QNAME_OFF = 0,
    L_QNAME_LEN = LIT_LEN(LIT_QNAME),
    L_XMLNS_RK_OFF = L_QNAME_OFF + L_QNAME_LEN,
    L_XMLNS_RK_LEN = LIT_LEN(LIT_XMLNS_RK),
    L_NS_OFF = L_XMLNS_RK_OFF + L_XMLNS_RK_LEN,
    L_NS_LEN = LIT_LEN(LIT_NS),
    L_LMRTYPE_OFF = L_NS_OFF + L_NS_LEN,
    L_LMRTYPE_LEN = LIT_LEN(LIT_LMRTYPE),
    L_KEYID_OFF = L_LMRTYPE_OFF + L_LMRTYPE_LEN,
    L_KEYID_LEN = LIT_LEN(LIT_KEYID),
    L_KMSURI_OFF = L_KEYID_OFF + L_KEYID_LEN,
    L_KMSURI_LEN = LIT_LEN(LIT_KMSURI),
    L_KEYPERIOD_OFF = L_KMSURI_OFF + L_KMSURI_LEN,
    L_KEYPERIOD_LEN = LIT_LEN(LIT_KEYPERIOD),
    L_P25_OFF = L_KEYPERIOD_OFF + L_KEYPERIOD_LEN,
    L_P25_LEN = LIT_LEN(LIT_P25),
    L_TETRA_OFF = L_P25_OFF + L_P25_LEN,
    L_TETRA_LEN = LIT_LEN(LIT_TETRA),
    L_OTHER_OFF = L_TETRA_OFF + L_TETRA_LEN,
    L_OTHER_LEN = LIT_LEN(LIT_OTHER),
    L_ANYEXT_OFF = L_OTHER_OFF + L_OTHER_LEN,
    L_ANYEXT_LEN = LIT_LEN(LIT_ANYEXT),
    L_UPNS_OFF = L_ANYEXT_OFF + L_ANYEXT_LEN,
    L_UPNS_LEN = LIT_LEN(LIT_UPNS),
    L_UPROOT_OFF = L_UPNS_OFF + L_UPNS_LEN,
    L_UPROOT_LEN = LIT_LEN(LIT_UPROOT),
    L_LT_OFF = L_UPROOT_OFF + L_UPROOT_LEN,
    L_LT_LEN = LIT_LEN(LIT_LT),
    L_LTSL_OFF = L_LT_OFF + L_LT_LEN,
    L_LTSL_LEN = LIT_LEN(LIT_LTSL),
    L_GT_OFF = L_LTSL_OFF + L_LTSL_LEN,
    L_GT_LEN = LIT_LEN(LIT_GT),
    L_COLON_OFF = L_GT_OFF + L_GT_LEN,
    L_COLON_LEN = LIT_LEN(LIT_COLON),
    L_TOTAL = L_COLON_OFF + L_COLON_LEN,
    /* the local name inside the qualified one */
    L_LOCAL_OFF = L_QNAME_OFF + LIT_LEN(LIT_PFX ":"),
    L_LOCAL_LEN = LIT_LEN(RK_PROFILE_ELEMENT)
};
/* a literal and its length, as rk_xml_view_eq and the writer take them */
#define L(x) (lits + L_##x##_OFF), L_##x##_LEN

/* What upsert needs to know about the document's layout. */
typedef struct {
    rk_xml_view root_raw;     /* the root's start tag */
    rk_xml_view root_end;     /* its end tag (empty for <root/>) */
    rk_xml_view root_qname;
    rk_xml_view root_prefix;
    int has_any;              /* the root has an anyExt child */
    rk_xml_view any_raw;      /* the first one's start tag */
    rk_xml_view any_end;      /* its end tag (empty for <anyExt/>) */
    rk_xml_view any_qname;
    size_t count;             /* lmr-root-key elements in the document */
    size_t nmatch;            /* elements with the wanted key-id and key-period */
    rk_xml_view match;        /* the last of them */
} layout;

/*@ predicate layout_ok(layout l, integer n) =
        rk_xml_view_in(l.root_raw, n) && rk_xml_view_in(l.root_end, n) &&
        rk_xml_view_in(l.root_qname, n) && rk_xml_view_in(l.root_prefix, n) &&
        rk_xml_view_in(l.any_raw, n) && rk_xml_view_in(l.any_end, n) &&
        rk_xml_view_in(l.any_qname, n) && rk_xml_view_in(l.match, n); */

/* What a scan is asked for: namespace flags, whether and how many
 * elements to store, the key-id and key-period to match, the literals. */
typedef struct {
    unsigned flags;
    int store;
    size_t max;
    uint32_t kid;
    uint64_t kp;
    const uint8_t *lits;
} scan_req;

/* A scan between two events: the lmr-root-key element being read, how many
 * were closed, where the reader is in the document, the layout so far, and
 * the verdict of the last event.  It is passed and returned by value, never
 * by address: the prover then sees it as one record, untouched by the
 * reader's writes to the context, and its updates need no frame proofs. */
typedef struct {
    rk_profile_element cur;
    size_t cnt;   /* lmr-root-key elements closed so far */
    size_t in_el; /* depth of the open lmr-root-key element, or 0 */
    size_t ntext; /* text events inside it */
    int in_any;   /* inside the root's first anyExt */
    layout lay;
    rk_status err;
} scan_st;

/* rk_profile_lits - the literal table into dst[0 .. L_TOTAL-1]. */
/*@ requires \valid(dst + (0 .. L_TOTAL - 1));
    assigns dst[0 .. L_TOTAL - 1]; */
void rk_profile_lits(uint8_t *dst);

/* rk_profile_b64_or_ws - 1 if b is a base64 character (A-Z a-z 0-9 + / =)
 * or XML whitespace, else 0. */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
int rk_profile_b64_or_ws(uint8_t b);

/* rk_profile_check_uri - the kms-uri rule: 1 .. RK_PROFILE_KMS_URI_MAX
 * octets of printable ASCII other than & < > " '. */
/*@ requires \valid_read(s + (0 .. n - 1));
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_PROFILE_KMS_URI; */
rk_status rk_profile_check_uri(const uint8_t *s, size_t n);

/* rk_profile_scan - the one pass behind find and upsert: read the whole
 * document, check every lmr-root-key element, store them in els when
 * rq.store != 0 (at most rq.max), count them (lay.count), note the layout
 * and the elements matching (rq.kid, rq.kp).  One function per event kind.
 * The result's err is the verdict; its lay the layout. */
/*@ requires \valid(ctx);
    requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(rq.lits + (0 .. L_TOTAL - 1));
    requires rq.max <= RK_PROFILE_MAX_ELEMENTS;
    requires \valid(els + (0 .. rq.max - 1));
    requires \separated(ctx, doc + (0 .. len - 1), els + (0 .. rq.max - 1),
                        rq.lits + (0 .. L_TOTAL - 1));
    assigns *ctx, els[0 .. rq.max - 1];
    ensures \result.err <= 0;
    ensures \result.err == RK_OK ==>
        len <= RK_XML_MAX_DOC_BYTES && layout_ok(\result.lay, len);
    ensures \result.err == RK_OK && rq.store != 0 ==> \result.lay.count <= rq.max; */
scan_st rk_profile_scan(rk_profile_ctx *ctx, const uint8_t *doc, size_t len, scan_req rq,
                        rk_profile_element *els);

#endif
