/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/profile.h */
/* The writer: the element byte for byte (rk_profile_encode_element) and a
 * document with the element put in place (rk_profile_upsert), read back
 * with the finder's scan (profile_find.c). */
#include "rootkey/profile.h"
#include "rootkey/xml.h"
#include "profile_internal.h"

/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> p[k] == 0; */
static void zero8(uint8_t *p, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> p[k] == 0;
        loop assigns i, p[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        p[i] = 0;
}

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int b64_char(uint8_t b)
{
    return rk_profile_b64_or_ws(b) && b != 0x20u && b != 0x9u && b != 0xAu && b != 0xDu;
}

/* The element's content, as the public functions receive it. */
typedef struct {
    int lmr;
    uint32_t key_id;
    const uint8_t *kms_uri;
    size_t kms_uri_len;
    uint64_t key_period;
    const uint8_t *b64;
    size_t b64_len;
} fields;

/* the element's attributes: xmlns:rk, lmr-type, key-id, kms-uri, key-period */
#define ELEMENT_ATTRS 5u

/* Append the element at w->pos (docs/profile-element.md §5, byte for byte). */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(f);
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \valid_read(f->kms_uri + (0 .. f->kms_uri_len - 1));
    requires \valid_read(f->b64 + (0 .. f->b64_len - 1));
    requires \separated(w, w->buf + (0 .. w->cap - 1), lits + (0 .. L_TOTAL - 1),
                        f->kms_uri + (0 .. f->kms_uri_len - 1), f->b64 + (0 .. f->b64_len - 1));
    requires \separated(f, w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0; */
static rk_status encode(rk_xml_writer *w, const uint8_t *lits, const fields *f)
{
    int lmr = f->lmr;
    uint32_t key_id = f->key_id;
    const uint8_t *kms_uri = f->kms_uri;
    size_t kms_uri_len = f->kms_uri_len;
    uint64_t key_period = f->key_period;
    const uint8_t *b64 = f->b64;
    size_t b64_len = f->b64_len;
    uint8_t hex[RK_PROFILE_KEY_ID_DIGITS];
    uint8_t dec[RK_PROFILE_KEY_PERIOD_DIGITS];
    rk_xml_wattr at[ELEMENT_ATTRS];
    size_t i;
    uint32_t v;
    uint64_t p;
    rk_status st;

    if (lmr != RK_PROFILE_LMR_P25 && lmr != RK_PROFILE_LMR_TETRA && lmr != RK_PROFILE_LMR_OTHER)
        return RK_ERR_PROFILE_LMR_TYPE;
    st = rk_profile_check_uri(kms_uri, kms_uri_len);
    if (st != RK_OK)
        return st;
    if (key_period > RK_PROFILE_KEY_PERIOD_MAX)
        return RK_ERR_PROFILE_KEY_PERIOD;
    if (b64_len == 0)
        return RK_ERR_PROFILE_TEXT;
    /*@ loop invariant 0 <= k <= b64_len;
        loop assigns k;
        loop variant b64_len - k; */
    for (size_t k = 0; k < b64_len; k++)
        if (!b64_char(b64[k]))
            return RK_ERR_PROFILE_TEXT;
    /* key-id: upper-case hex digits, most significant first */
    v = key_id;
    /*@ loop invariant 0 <= k <= RK_PROFILE_KEY_ID_DIGITS;
        loop assigns k, v, hex[0 .. RK_PROFILE_KEY_ID_DIGITS - 1];
        loop variant k; */
    for (size_t k = RK_PROFILE_KEY_ID_DIGITS; k > 0; k--) {
        uint32_t h = v % 16u;
        hex[k - 1u] = (uint8_t)(h < 10u ? '0' + h : 'A' + (h - 10u));
        v /= 16u;
    }
    /* key-period: decimal, no leading zeros; digits fill the end of dec */
    p = key_period;
    i = RK_PROFILE_KEY_PERIOD_DIGITS;
    /*@ loop invariant 1 <= i <= RK_PROFILE_KEY_PERIOD_DIGITS;
        loop assigns i, p, dec[0 .. RK_PROFILE_KEY_PERIOD_DIGITS - 1];
        loop variant i; */
    do {
        i--;
        dec[i] = (uint8_t)('0' + p % 10u);
        p /= 10u;
    } while (p != 0 && i > 0);
    at[0].name = lits + L_XMLNS_RK_OFF;
    at[0].name_len = L_XMLNS_RK_LEN;
    at[0].value = lits + L_NS_OFF;
    at[0].value_len = L_NS_LEN;
    at[1].name = lits + L_LMRTYPE_OFF;
    at[1].name_len = L_LMRTYPE_LEN;
    if (lmr == RK_PROFILE_LMR_P25) {
        at[1].value = lits + L_P25_OFF;
        at[1].value_len = L_P25_LEN;
    } else if (lmr == RK_PROFILE_LMR_TETRA) {
        at[1].value = lits + L_TETRA_OFF;
        at[1].value_len = L_TETRA_LEN;
    } else {
        at[1].value = lits + L_OTHER_OFF;
        at[1].value_len = L_OTHER_LEN;
    }
    at[2].name = lits + L_KEYID_OFF;
    at[2].name_len = L_KEYID_LEN;
    at[2].value = hex;
    at[2].value_len = RK_PROFILE_KEY_ID_DIGITS;
    at[3].name = lits + L_KMSURI_OFF;
    at[3].name_len = L_KMSURI_LEN;
    at[3].value = kms_uri;
    at[3].value_len = kms_uri_len;
    at[4].name = lits + L_KEYPERIOD_OFF;
    at[4].name_len = L_KEYPERIOD_LEN;
    at[4].value = dec + i;
    at[4].value_len = RK_PROFILE_KEY_PERIOD_DIGITS - i;
    st = rk_xml_write_start(w, L(QNAME), at, ELEMENT_ATTRS, 0);
    if (st == RK_OK)
        st = rk_xml_write_text(w, b64, b64_len);
    if (st == RK_OK)
        st = rk_xml_write_end(w, L(QNAME));
    return st;
}

rk_status rk_profile_encode_element(uint8_t *out, size_t cap, size_t *out_len, int lmr,
                                    uint32_t key_id, const uint8_t *kms_uri,
                                    size_t kms_uri_len, uint64_t key_period,
                                    const uint8_t *b64, size_t b64_len)
{
    uint8_t lits[L_TOTAL];
    rk_xml_writer w;
    fields f;
    rk_status st;

    *out_len = 0;
    rk_profile_lits(lits);
    f.lmr = lmr;
    f.key_id = key_id;
    f.kms_uri = kms_uri;
    f.kms_uri_len = kms_uri_len;
    f.key_period = key_period;
    f.b64 = b64;
    f.b64_len = b64_len;
    rk_xml_writer_init(&w, out, cap);
    st = encode(&w, lits, &f);
    if (st != RK_OK) {
        zero8(out, cap);
        return st;
    }
    *out_len = w.pos;
    return RK_OK;
}

/* Append "<" [prefix ":"] "anyExt>" (open != 0) or the matching end tag. */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(pfx + (0 .. pfx_len - 1));
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \separated(w, w->buf + (0 .. w->cap - 1), lits + (0 .. L_TOTAL - 1),
                        pfx + (0 .. pfx_len - 1));
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0; */
static rk_status any_tag(rk_xml_writer *w, const uint8_t *lits, const uint8_t *pfx,
                         size_t pfx_len, int open)
{
    rk_status st = open ? rk_xml_write_raw(w, L(LT)) : rk_xml_write_raw(w, L(LTSL));
    if (st == RK_OK && pfx_len != 0) {
        st = rk_xml_write_raw(w, pfx, pfx_len);
        if (st == RK_OK)
            st = rk_xml_write_raw(w, L(COLON));
    }
    if (st == RK_OK)
        st = rk_xml_write_raw(w, L(ANYEXT));
    if (st == RK_OK)
        st = rk_xml_write_raw(w, L(GT));
    return st;
}

/* The new document into w: doc with the element written by encode() in
 * place of the one matching, else appended to the root's first anyExt,
 * else in a new anyExt at the end of the root (upsert's middle step, a
 * function of its own so that upsert's goals frame one call). */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(f);
    requires len <= RK_XML_MAX_DOC_BYTES && layout_ok(lay, len);
    requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \valid_read(f->kms_uri + (0 .. f->kms_uri_len - 1));
    requires \valid_read(f->b64 + (0 .. f->b64_len - 1));
    requires \separated(w, w->buf + (0 .. w->cap - 1), lits + (0 .. L_TOTAL - 1),
                        f->kms_uri + (0 .. f->kms_uri_len - 1), f->b64 + (0 .. f->b64_len - 1),
                        doc + (0 .. len - 1));
    requires \separated(f, w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0; */
static rk_status splice(rk_xml_writer *w, const uint8_t *lits, const uint8_t *doc, size_t len,
                        layout lay, const fields *f)
{
    rk_xml_view match = lay.match;
    rk_xml_view any_end = lay.any_end;
    rk_xml_view any_raw = lay.any_raw;
    rk_xml_view any_qname = lay.any_qname;
    rk_xml_view root_end = lay.root_end;
    rk_xml_view root_raw = lay.root_raw;
    rk_xml_view root_qname = lay.root_qname;
    rk_xml_view root_prefix = lay.root_prefix;
    int has_any = lay.has_any;
    size_t a, b;
    int mode; /* 0 replace, 1 into anyExt, 2 expand <anyExt/>, 3 new anyExt, 4 expand root */
    rk_status st;

    if (lay.nmatch == 1u) {
        mode = 0;
        a = match.off;
        b = match.off + match.len;
    } else if (has_any && any_end.len != 0) {
        mode = 1;
        a = any_end.off;
        b = a;
    } else if (has_any) {
        mode = 2; /* <anyExt/>: "/>" becomes ">" ELEMENT "</anyExt>" */
        if (any_raw.len < 2u)
            return RK_ERR_INTERNAL;
        a = any_raw.off + any_raw.len - 2u;
        b = any_raw.off + any_raw.len;
    } else if (root_end.len != 0) {
        mode = 3;
        a = root_end.off;
        b = a;
    } else {
        mode = 4;
        if (root_raw.len < 2u)
            return RK_ERR_INTERNAL;
        a = root_raw.off + root_raw.len - 2u;
        b = root_raw.off + root_raw.len;
    }
    st = rk_xml_write_raw(w, doc, a);
    if (st == RK_OK && (mode == 2 || mode == 4))
        st = rk_xml_write_raw(w, L(GT));
    if (st == RK_OK && (mode == 3 || mode == 4))
        st = any_tag(w, lits, doc + root_prefix.off, root_prefix.len, 1);
    if (st == RK_OK)
        st = encode(w, lits, f);
    if (st == RK_OK && (mode == 3 || mode == 4))
        st = any_tag(w, lits, doc + root_prefix.off, root_prefix.len, 0);
    if (st == RK_OK && mode == 2) {
        st = rk_xml_write_raw(w, L(LTSL));
        if (st == RK_OK)
            st = rk_xml_write_raw(w, doc + any_qname.off, any_qname.len);
        if (st == RK_OK)
            st = rk_xml_write_raw(w, L(GT));
    }
    if (st == RK_OK && mode == 4) {
        st = rk_xml_write_raw(w, L(LTSL));
        if (st == RK_OK)
            st = rk_xml_write_raw(w, doc + root_qname.off, root_qname.len);
        if (st == RK_OK)
            st = rk_xml_write_raw(w, L(GT));
    }
    if (st == RK_OK)
        st = rk_xml_write_raw(w, doc + b, len - b);
    return st;
}

rk_status rk_profile_upsert(rk_profile_ctx *ctx, uint8_t *out, size_t cap, size_t *out_len,
                            const uint8_t *doc, size_t len, unsigned xml_flags, int lmr,
                            uint32_t key_id, const uint8_t *kms_uri, size_t kms_uri_len,
                            uint64_t key_period, const uint8_t *b64, size_t b64_len)
{
    uint8_t lits[L_TOTAL];
    scan_st r;
    rk_xml_writer w;
    scan_req rq;
    fields f;
    size_t n = 0;
    rk_status st;

    *out_len = 0;
    rk_profile_lits(lits);
    rq.flags = xml_flags;
    rq.store = 0; /* els is NULL: with max 0 scan stores nothing */
    rq.max = 0;
    rq.kid = key_id;
    rq.kp = key_period;
    rq.lits = lits;
    f.lmr = lmr;
    f.key_id = key_id;
    f.kms_uri = kms_uri;
    f.kms_uri_len = kms_uri_len;
    f.key_period = key_period;
    f.b64 = b64;
    f.b64_len = b64_len;
    r = rk_profile_scan(ctx, doc, len, rq, NULL);
    st = r.err;
    if (st == RK_OK && r.lay.nmatch > 1u)
        st = RK_ERR_PROFILE_DUPLICATE;
    /* the writer is set up after the scan and its length read before the
     * next: no goal then frames w across a scan */
    if (st == RK_OK) {
        rk_xml_writer_init(&w, out, cap);
        st = splice(&w, lits, doc, len, r.lay, &f);
        /*@ assert w.buf == out && w.cap <= cap && w.pos <= w.cap; */
        n = w.pos;
    }
    /* Read the result back: the new element must not make the document
     * unreadable (e.g. the prefix rk bound to another URI around it, or one
     * namespace declaration too many), and it must be there exactly once. */
    if (st == RK_OK) {
        r = rk_profile_scan(ctx, out, n, rq, NULL);
        st = r.err;
    }
    if (st == RK_OK && r.lay.nmatch != 1u)
        st = RK_ERR_INTERNAL;
    if (st == RK_OK) {
        *out_len = n;
        return RK_OK;
    }
    zero8(out, cap);
    *out_len = 0;
    return st;
}
