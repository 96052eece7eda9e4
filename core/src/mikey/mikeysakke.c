/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/mikeysakke.h
 *
 * MIKEY-SAKKE receive.  Every public check (parse, identities, key period,
 * extension framing and sizes) runs before the two expensive, secret-using
 * steps (ECCSI verification, then SAKKE decapsulation); the extensions are
 * decrypted last, once the SSV is known.  A single exit zeroes every output
 * on error and wipes the local secrets (DPCK) on every path.
 */
#include "rootkey/mikeysakke.h"
#include "rootkey/ct.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/gcm.h"

/* Equal octet strings (public data; rk_ct_memeq reads them in full). */
/*@ requires \valid_read(a + (0 .. alen - 1));
    requires \valid_read(b + (0 .. blen - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int bytes_eq(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
    if (alen != blen)
        return 0;
    return rk_ct_memeq(a, b, alen) == 1 ? 1 : 0;
}

/* x as 4 big-endian octets (the CSB-ID as DPPK-ID, TS 33.180 E.6.1). */
/*@ requires \valid(p + (0 .. 3));
    assigns p[0 .. 3]; */
static void put_be32(uint8_t *p, uint32_t x)
{
    p[0] = (uint8_t)(x / 16777216u);
    p[1] = (uint8_t)((x / 65536u) % 256u);
    p[2] = (uint8_t)((x / 256u) % 256u);
    p[3] = (uint8_t)(x % 256u);
}

/* Whether the ID of the i-th IDR payload equals b[0..blen-1] (public). */
/*@ requires \valid_read(v) && rk_mikey_view_ok(v, len) && i < 4;
    requires \valid_read(msg + (0 .. len - 1));
    requires \valid_read(b + (0 .. blen - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int idr_eq(const rk_mikey_view *v, size_t i, const uint8_t *msg, size_t len,
                  const uint8_t *b, size_t blen)
{
    (void)len;   /* the span's bound: in the contract */
    /*@ assert rk_span_in(v->idr[i].id, len); */
    return bytes_eq(msg + v->idr[i].id.off, v->idr[i].id.len, b, blen);
}

/* Index of the General Extension of the given type, n_genext if none. */
/*@ requires \valid_read(v) && v->n_genext <= 4;
    assigns \nothing;
    ensures \result <= v->n_genext;
    ensures \result < v->n_genext ==> v->genext[\result].type == type; */
static size_t find_ext(const rk_mikey_view *v, uint8_t type)
{
    size_t i;
    /*@ loop invariant 0 <= i <= v->n_genext;
        loop assigns i;
        loop variant v->n_genext - i; */
    for (i = 0; i < v->n_genext; i++) {
        if (v->genext[i].type == type)
            return i;
    }
    return v->n_genext;
}

/*@ requires \valid(h);
    assigns *h;
    ensures h->dppk_id == 0 && h->msg_type == 0 && h->alg == 0; */
static void header_zero(rk_kp_header *h)
{
    size_t i;
    h->msg_type = 0;
    h->date_time = 0;
    h->payload_id = 0;
    h->seq = 0;
    h->alg = 0;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, h->iv[0 .. 15];
        loop variant 16 - i; */
    for (i = 0; i < RK_KP_IV_BYTES; i++)
        h->iv[i] = 0;
    h->dppk_id = 0;
}

/*@ requires \valid(p);
    assigns *p;
    ensures p->n_groups == 0 && p->text.len == 0 && p->has_group_ids == 0
        && p->key_type == 0 && p->status == 0; */
static void params_zero(rk_kp_params_view *p)
{
    size_t i;
    p->key_type = 0;
    p->status = 0;
    p->activation = 0;
    p->expiry = 0;
    p->text.off = 0;
    p->text.len = 0;
    p->has_group_ids = 0;
    p->n_groups = 0;
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, p->group[0 .. 7];
        loop variant 8 - i; */
    for (i = 0; i < RK_KP_MAX_GROUPS; i++) {
        p->group[i].off = 0;
        p->group[i].len = 0;
    }
}

void rk_mikeysakke_result_wipe(rk_mikeysakke_result *res)
{
    rk_status ign;
    if (res == NULL)
        return;
    /* the parser's own zeroing of a view (it refuses a NULL message) */
    ign = rk_mikey_parse(&res->view, NULL, 0);
    (void)ign;
    header_zero(&res->kp_header);
    header_zero(&res->ext_header);
    params_zero(&res->kp);
    rk_wipe(res->kp_pt, RK_MIKEYSAKKE_KP_MAX_BYTES);
    rk_wipe(res->initiator_uid, RK_MIKEYSAKKE_UID_BYTES);
    res->csb_id = 0;
    res->ts_sec = 0;
    res->ts_frac = 0;
    res->period_no = 0;
    res->sakke_form = 0;
    res->has_kp = 0;
    res->kp_pt_len = 0;
    res->has_ext = 0;
    rk_wipe(res->ssv, RK_MIKEYSAKKE_SSV_BYTES);
}

/*
 * The receiver inputs a caller can get wrong (before anything is read from
 * the message).
 */
/*@ requires \valid_read(rx) && rk_msak_rx_ok(rx);
    assigns \nothing;
    ensures \result == RK_OK ==> rx->sakke->id_len == 32; */
static rk_status check_rx(const rk_mikeysakke_rx *rx)
{
    if (rx->kpak == NULL || rx->sakke == NULL || rx->kmsi_uri == NULL || rx->kmsr_uri == NULL)
        return RK_ERR_NULL;
    if (rx->kp_mode != RK_MIKEYSAKKE_KP_IGNORE && rx->kp_mode != RK_MIKEYSAKKE_KP_IF_PRESENT
        && rx->kp_mode != RK_MIKEYSAKKE_KP_REQUIRED)
        return RK_ERR_MSAK_CONFIG;
    if (rx->kmsi_uri_len > RK_MIKEYSAKKE_URI_MAX_BYTES
        || rx->kmsr_uri_len > RK_MIKEYSAKKE_URI_MAX_BYTES
        || (rx->my_uri != NULL && rx->my_uri_len > RK_MIKEYSAKKE_URI_MAX_BYTES)
        || (rx->expected_uri != NULL && rx->expected_uri_len > RK_MIKEYSAKKE_URI_MAX_BYTES))
        return RK_ERR_MSAK_CONFIG;
    /* the contexts must have been built by their init functions */
    if (rx->kpak->ready != 1 || rx->sakke->id_len != RK_MIKEYSAKKE_UID_BYTES)
        return RK_ERR_MSAK_CONFIG;
    if (rx->ext_type != 0 && rx->ext_type < RK_MIKEY_GENEXT_PRIVATE_MIN)
        return RK_ERR_MSAK_EXT_TYPE;
    return RK_OK;
}

/*
 * Steps 2-4 of the header: KMS URIs, IDRr names me, key period of T.
 * *period_no receives the key period of T (under my KMS's parameters); it
 * is written only on success (the caller's local).
 */
/*@ requires \valid_read(rx) && rk_msak_rx_ok(rx);
    requires \valid_read(v) && rk_mikey_view_ok(v, len);
    requires \valid_read(msg + (0 .. len - 1));
    requires \valid(period_no);
    requires \separated(period_no, v);
    requires \separated(period_no, rx);
    requires \separated(period_no, msg + (0 .. len - 1));
    assigns *period_no; */
static rk_status check_receiver(uint64_t *period_no, const rk_mikeysakke_rx *rx,
                                const rk_mikey_view *v, const uint8_t *msg, size_t len)
{
    uint8_t role_r = v->idr[v->idr_r].role;
    uint8_t uid[RK_UID_BYTES];
    uint64_t t, no = 0;
    rk_status st;
    /* an installed RSK of a TS 33.180 UID (checked here, where it is read) */
    if (rx->sakke->id_len != RK_UID_BYTES)
        return RK_ERR_MSAK_CONFIG;
    /* RFC 6509 / TS 33.180 E.1: the responder's and initiator's KMS */
    if (!idr_eq(v, v->idr_kmsr, msg, len, rx->kmsr_uri, rx->kmsr_uri_len))
        return RK_ERR_MSAK_KMSR;
    if (!idr_eq(v, v->idr_kmsi, msg, len, rx->kmsi_uri, rx->kmsi_uri_len))
        return RK_ERR_MSAK_KMSI;
    /* IDRr as a URI: my MC service ID, octet for octet */
    if (role_r == RK_MIKEY_ROLE_IDRR) {
        if (rx->my_uri == NULL)
            return RK_ERR_MSAK_RECEIVER_URI;
        if (!idr_eq(v, v->idr_r, msg, len, rx->my_uri, rx->my_uri_len))
            return RK_ERR_MSAK_RECEIVER;
    }
    /* TS 33.180 F.2.1: the key period of T selects the RSK */
    t = rk_ntp_seconds_since_1900(v->ts_sec);
    st = rk_key_period_no(&no, t, rx->period_len, rx->period_offset);
    if (st != RK_OK)
        return st;
    if (no != rx->period_no)
        return RK_ERR_MSAK_PERIOD;
    /* URI mode: the installed RSK belongs to UID(me, my KMS, this period) */
    if (rx->my_uri != NULL) {
        st = rk_uid(uid, rx->my_uri, rx->my_uri_len, rx->kmsr_uri, rx->kmsr_uri_len,
                    rx->period_len, rx->period_offset, rx->period_no);
        if (st == RK_OK && !bytes_eq(uid, RK_UID_BYTES, rx->sakke->id, RK_UID_BYTES))
            st = RK_ERR_MSAK_KEYSET;
        if (st != RK_OK)
            return st;
    }
    /* IDRuidr (TS 33.180 E.7): the UID my RSK was issued for */
    if (role_r == RK_MIKEY_ROLE_IDRUIDR
        && !idr_eq(v, v->idr_r, msg, len, rx->sakke->id, RK_UID_BYTES))
        return RK_ERR_MSAK_RECEIVER;
    *period_no = no;
    return RK_OK;
}

/*
 * Step 5: the ECCSI identity of the initiator into uid, and the optional
 * comparison with the initiator the caller expects.  The receiver's fields
 * it needs come as values (kmsi_*: the initiator's KMS URI and key period
 * parameters; exp_uri / exp_uid: rx->expected_uri / _uid), so that its
 * contract holds whatever the caller stored before the call.
 */
/*@ requires \valid_read(v) && rk_mikey_view_ok(v, len);
    requires \valid_read(msg + (0 .. len - 1));
    requires kmsi_len <= 1024 && \valid_read(kmsi_uri + (0 .. kmsi_len - 1));
    requires rk_msak_opt(exp_uri, exp_uri_len);
    requires exp_uid == \null || \valid_read(exp_uid + (0 .. 31));
    requires \valid(uid + (0 .. 31));
    requires \separated(uid + (0 .. 31), v);
    requires \separated(uid + (0 .. 31), msg + (0 .. len - 1));
    assigns uid[0 .. 31]; */
static rk_status signer_uid(uint8_t uid[RK_UID_BYTES], const rk_mikey_view *v,
                            const uint8_t *msg, size_t len, const uint8_t *kmsi_uri,
                            size_t kmsi_len, uint64_t kmsi_plen, uint64_t kmsi_poff,
                            const uint8_t *exp_uri, size_t exp_uri_len, const uint8_t *exp_uid)
{
    const rk_mikey_idr *i = &v->idr[v->idr_i];
    uint8_t want[RK_UID_BYTES];
    uint64_t no;
    size_t k;
    rk_status st;
    (void)len;   /* bounds of the spans: in the contract */
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, uid[0 .. 31];
        loop variant 32 - k; */
    for (k = 0; k < RK_UID_BYTES; k++)
        uid[k] = 0;
    /* TS 33.180 F.2.1 under the initiator's KMS parameters */
    st = rk_key_period_no(&no, rk_ntp_seconds_since_1900(v->ts_sec), kmsi_plen, kmsi_poff);
    if (st != RK_OK)
        return st;
    if (i->role == RK_MIKEY_ROLE_IDRUIDI) {
        /* E.7: the hashed identity is the ECCSI identity itself */
        if (i->id.len != RK_UID_BYTES)
            return RK_ERR_INTERNAL;   /* the parser guarantees 32 */
        /*@ loop invariant 0 <= k <= 32;
            loop assigns k, uid[0 .. 31];
            loop variant 32 - k; */
        for (k = 0; k < RK_UID_BYTES; k++)
            uid[k] = msg[i->id.off + k];
        if (exp_uri != NULL) {
            st = rk_uid(want, exp_uri, exp_uri_len, kmsi_uri, kmsi_len, kmsi_plen, kmsi_poff,
                        no);
            if (st != RK_OK)
                return st;
            if (!bytes_eq(want, RK_UID_BYTES, uid, RK_UID_BYTES))
                return RK_ERR_MSAK_INITIATOR;
        }
    } else {
        if (exp_uri != NULL && !bytes_eq(msg + i->id.off, i->id.len, exp_uri, exp_uri_len))
            return RK_ERR_MSAK_INITIATOR;
        st = rk_uid(uid, msg + i->id.off, i->id.len, kmsi_uri, kmsi_len, kmsi_plen, kmsi_poff, no);
        if (st != RK_OK)
            return st;
    }
    if (exp_uid != NULL && !bytes_eq(exp_uid, RK_UID_BYTES, uid, RK_UID_BYTES))
        return RK_ERR_MSAK_INITIATOR;
    return RK_OK;
}

/*
 * The framing of one protected extension (public): decoded into *f, and its
 * plaintext length (ciphertext less the tag) checked against cap.
 */
/*@ requires \valid(f) && \valid(pt_len);
    requires \valid_read(d + (0 .. dlen - 1));
    requires \separated(f, pt_len, d + (0 .. dlen - 1));
    requires \separated(f, pt_len);
    requires too_long != RK_OK;
    assigns *f, *pt_len;
    ensures \result == RK_OK ==> f->ct_off == 35 && f->ct_len >= 33 && f->ct_off + f->ct_len == dlen
        && *pt_len + 16 == f->ct_len && *pt_len <= cap;
    ensures \result != RK_OK ==> *pt_len == 0; */
static rk_status ext_frame(rk_kp_frame *f, size_t *pt_len, const uint8_t *d, size_t dlen,
                           uint32_t csb_id, size_t cap, rk_status too_long)
{
    rk_status st;
    *pt_len = 0;
    st = rk_keyparams_frame_decode(f, d, dlen, csb_id);
    if (st != RK_OK)
        return st;
    if (f->ct_len - RK_KP_TAG_BYTES > cap)
        return too_long;
    *pt_len = f->ct_len - RK_KP_TAG_BYTES;
    return RK_OK;
}

/*
 * Open one protected extension whose framing f was checked: AES-128-GCM
 * under DPCK with the framing's IV and AAD (TS 33.180 E.6.1, 8.5.4).
 */
/*@ requires \valid_read(f) && f->ct_off == 35 && f->ct_len >= 33 && f->ct_off + f->ct_len == dlen;
    requires \valid_read(d + (0 .. dlen - 1));
    requires \valid_read(dpck + (0 .. 15));
    requires \valid(out + (0 .. f->ct_len - 17));
    requires \separated(out + (0 .. f->ct_len - 17), d + (0 .. dlen - 1));
    requires \separated(out + (0 .. f->ct_len - 17), dpck + (0 .. 15));
    requires \separated(out + (0 .. f->ct_len - 17), f);
    assigns out[0 .. f->ct_len - 17]; */
static rk_status ext_open(uint8_t *out, const rk_kp_frame *f, const uint8_t *d, size_t dlen,
                          const uint8_t dpck[RK_DPCK_BYTES])
{
    uint8_t aad[RK_KP_AAD_BYTES];
    size_t n = f->ct_len - RK_KP_TAG_BYTES;
    (void)dlen;  /* the frame's bounds: in the contract */
    rk_keyparams_aad(aad, &f->h);
    return rk_gcm_open(dpck, RK_DPCK_BYTES, f->h.iv, RK_KP_IV_BYTES, aad, RK_KP_AAD_BYTES,
                       d + f->ct_off, n, out, d + f->ct_off + n);
}

/* The view's promise (rk_mikey_view_ok) re-checked at run time, as the
 * parser's own last step does.  It cannot fail for a view the parser
 * returned (RK_ERR_INTERNAL otherwise); it is called after the steps that
 * store into the result, so the provers need not carry the view's predicate
 * across those stores. */
/*@ requires \valid_read(v);
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_INTERNAL;
    ensures \result == RK_OK ==> rk_mikey_view_ok(v, len); */
static rk_status view_recheck(const rk_mikey_view *v, size_t len)
{
    size_t i;
    if (v->total_len != len)
        return RK_ERR_INTERNAL;
    if (v->hdr.off > len || v->hdr.len > len - v->hdr.off
        || v->map_info.off > len || v->map_info.len > len - v->map_info.off
        || v->t.off > len || v->t.len > len - v->t.off
        || v->rand.off > len || v->rand.len > len - v->rand.off
        || v->rand_value.off > len || v->rand_value.len > len - v->rand_value.off
        || v->sp.off > len || v->sp.len > len - v->sp.off
        || v->sp_params.off > len || v->sp_params.len > len - v->sp_params.off
        || v->sakke.off > len || v->sakke.len > len - v->sakke.off
        || v->sakke_data.off > len || v->sakke_data.len > len - v->sakke_data.off)
        return RK_ERR_INTERNAL;
    if (v->n_idr != 4 || v->idr_i >= 4 || v->idr_r >= 4 || v->idr_kmsi >= 4 || v->idr_kmsr >= 4
        || v->sakke_data.len != RK_MIKEY_SAKKE_DATA_BYTES || v->n_genext > 4)
        return RK_ERR_INTERNAL;
    /*@ loop invariant 0 <= i <= 4;
        loop invariant \forall integer j; 0 <= j < i ==>
            rk_span_in(v->idr[j].at, len) && rk_span_in(v->idr[j].id, len);
        loop assigns i;
        loop variant 4 - i; */
    for (i = 0; i < 4; i++)
        if (v->idr[i].at.off > len || v->idr[i].at.len > len - v->idr[i].at.off
            || v->idr[i].id.off > len || v->idr[i].id.len > len - v->idr[i].id.off)
            return RK_ERR_INTERNAL;
    /*@ loop invariant 0 <= i <= v->n_genext;
        loop invariant \forall integer j; 0 <= j < i ==>
            rk_span_in(v->genext[j].at, len) && rk_span_in(v->genext[j].data, len);
        loop assigns i;
        loop variant v->n_genext - i; */
    for (i = 0; i < v->n_genext; i++)
        if (v->genext[i].at.off > len || v->genext[i].at.len > len - v->genext[i].at.off
            || v->genext[i].data.off > len || v->genext[i].data.len > len - v->genext[i].data.off)
            return RK_ERR_INTERNAL;
    if (len < 131 || v->sign.len != 131 || v->sign.off != len - 131
        || v->signature.off != v->sign.off + 2 || v->signature.len != 129
        || v->signed_range.off != 0 || v->signed_range.len != v->sign.off + 2)
        return RK_ERR_INTERNAL;
    return RK_OK;
}

/* What the public checks found about one protected extension: whether it is
 * to be opened, where its data lies in the message, its framing and its
 * plaintext length (0 if not opened). */
typedef struct {
    rk_kp_frame f;
    rk_mikey_span d;
    size_t open;
    size_t pt_len;
} rx_ext;

/* The two extensions a receive may open: type 7 (k) and the private one (e). */
typedef struct {
    rx_ext k, e;
} rx_plan;

/*@ predicate ext_ok(rx_ext *x, integer len, integer cap) =
        rk_span_in(x->d, len) &&
        (x->open != 0 ==> x->f.ct_off == 35 && x->f.ct_len >= 33
            && x->f.ct_off + x->f.ct_len == x->d.len
            && x->pt_len + 16 == x->f.ct_len && x->pt_len <= cap) &&
        (x->open == 0 ==> x->pt_len == 0);
*/

/*
 * ext_ok re-checked at run time before the plan is used: like view_recheck
 * it cannot fail for a plan plan_one built (RK_ERR_INTERNAL otherwise), and
 * it spares the provers carrying the plan's facts across the stores of the
 * ECCSI, SAKKE and type-7 steps.
 */
/*@ requires \valid_read(x);
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_INTERNAL;
    ensures \result == RK_OK ==> ext_ok(x, len, cap); */
static rk_status ext_recheck(const rx_ext *x, size_t len, size_t cap)
{
    if (x->d.off > len || x->d.len > len - x->d.off)
        return RK_ERR_INTERNAL;
    if (x->open == 0)
        return x->pt_len == 0 ? RK_OK : RK_ERR_INTERNAL;
    if (x->f.ct_off != RK_KP_FRAME_OVERHEAD || x->f.ct_off > x->d.len
        || x->f.ct_len != x->d.len - x->f.ct_off || x->f.ct_len < 33
        || x->pt_len != x->f.ct_len - RK_KP_TAG_BYTES || x->pt_len > cap)
        return RK_ERR_INTERNAL;
    return RK_OK;
}

/*
 * Steps 1-4: strict parse, then the receiver's checks.  *period_no: the key
 * period of T under my KMS's parameters (a local of the caller).
 */
/*@ requires \valid(v) && \valid(period_no);
    requires \valid_read(rx) && rk_msak_rx_ok(rx);
    requires \valid_read(msg + (0 .. len - 1));
    requires \separated(v, period_no);
    requires \separated(v, rx);
    requires \separated(v, msg + (0 .. len - 1));
    requires \separated(period_no, rx);
    requires \separated(period_no, msg + (0 .. len - 1));
    assigns *v, *period_no;
    ensures \result == RK_OK ==> rk_mikey_view_ok(v, len); */
static rk_status check_msg(rk_mikey_view *v, uint64_t *period_no, const rk_mikeysakke_rx *rx,
                           const uint8_t *msg, size_t len)
{
    rk_status st;
    /* 1. strict parse (HDR values, payload set and order) */
    st = rk_mikey_parse(v, msg, len);
    if (st != RK_OK)
        return st;
    /* 2-4. KMS URIs, IDRr is me, key period of T */
    st = check_receiver(period_no, rx, v, msg, len);
    if (st != RK_OK)
        return st;
    return view_recheck(v, len);
}

/*
 * Step 8, public half, for one protected extension.  present: the message carries it, its
 * data at msg[d_off .. d_off + d_len - 1]; want: 0 not wanted, 1 opened if
 * present, 2 required (missing if absent).  A wanted extension's framing is
 * decoded and its plaintext length checked against cap (too_long).
 */
/*@ requires \valid(x);
    requires \valid_read(msg + (0 .. len - 1));
    requires \separated(x, msg + (0 .. len - 1));
    requires present != 0 ==> d_off <= len && d_len <= len - d_off;
    requires missing != RK_OK && too_long != RK_OK;
    assigns *x;
    ensures \result == RK_OK ==> ext_ok(x, len, cap); */
static rk_status plan_one(rx_ext *x, int present, size_t d_off, size_t d_len, int want,
                          rk_status missing, const uint8_t *msg, size_t len, uint32_t csb,
                          size_t cap, rk_status too_long)
{
    rk_status st;
    (void)len;   /* the span's bound: in the contract */
    x->open = 0;
    x->pt_len = 0;
    x->d.off = 0;
    x->d.len = 0;
    if (present == 0)
        return want == 2 ? missing : RK_OK;
    x->d.off = d_off;
    x->d.len = d_len;
    if (want == 0)
        return RK_OK;
    st = ext_frame(&x->f, &x->pt_len, msg + d_off, d_len, csb, cap, too_long);
    if (st != RK_OK)
        return st;
    x->open = 1;
    return RK_OK;
}

/*
 * Steps 1-5 and the public half of 8: parse, the receiver's checks, the framing of the
 * requested extensions (plan; its facts are re-checked by ext_recheck where
 * it is used), the signer's identity.  The result's public fields are set
 * here (the caller zeroes everything on a later error).
 */
/*@ requires \valid(res) && \valid(plan);
    requires \valid_read(rx) && rk_msak_rx_ok(rx);
    requires len <= 0x7fffffff && \valid_read(msg + (0 .. len - 1));
    requires ext_cap <= 0x7fffffff;
    requires \separated(res, plan);
    requires \separated(res, rx);
    requires \separated(plan, rx);
    requires \separated(res, msg + (0 .. len - 1));
    requires \separated(plan, msg + (0 .. len - 1));
    assigns res->view, res->initiator_uid[0 .. 31], res->csb_id, res->ts_sec, res->ts_frac,
            res->period_no, *plan;
    ensures \result == RK_OK ==> rk_mikey_view_ok(&res->view, len); */
static rk_status check_public(rk_mikeysakke_result *res, rx_plan *plan,
                              const rk_mikeysakke_rx *rx, const uint8_t *msg, size_t len,
                              size_t ext_cap)
{
    rk_mikey_view *v = &res->view;
    rx_plan p;   /* a local until the end, stored once */
    size_t ik, ie, n, k_off = 0, k_len = 0, e_off = 0, e_len = 0;
    uint64_t period_no = 0;
    uint32_t csb, ts_sec, ts_frac;
    int want_e;
    rk_status st;
    /* the initiator's side of rx, as values (signer_uid's inputs) */
    const uint8_t *kmsi_uri = rx->kmsi_uri, *exp_uri = rx->expected_uri;
    const uint8_t *exp_uid = rx->expected_uid;
    size_t kmsi_len = rx->kmsi_uri_len, exp_uri_len = rx->expected_uri_len;
    uint64_t kmsi_plen = rx->kmsi_period_len, kmsi_poff = rx->kmsi_period_offset;
    /* 1-4 */
    st = check_msg(v, &period_no, rx, msg, len);
    if (st != RK_OK)
        return st;
    /* the requested extensions: where they are (all read before any store) */
    n = v->n_genext;
    csb = v->csb_id;
    ts_sec = v->ts_sec;
    ts_frac = v->ts_frac;
    ik = find_ext(v, RK_MIKEY_GENEXT_KEY_PARAMS);
    ie = rx->ext_type != 0 ? find_ext(v, rx->ext_type) : n;
    /*@ assert n <= 4 && ik <= n && ie <= n; */
    if (ik < n) {
        k_off = v->genext[ik].data.off;
        k_len = v->genext[ik].data.len;
    }
    if (ie < n) {
        e_off = v->genext[ie].data.off;
        e_len = v->genext[ie].data.len;
    }
    /*@ assert ik < n ==> k_off <= len && k_len <= len - k_off; */
    /*@ assert ie < n ==> e_off <= len && e_len <= len - e_off; */
    want_e = rx->ext_type != 0 ? RK_MIKEYSAKKE_KP_REQUIRED : RK_MIKEYSAKKE_KP_IGNORE;
    /* 8, public half: present and well framed: type 7 as kp_mode says, then
     * the private type if one is asked for */
    st = plan_one(&p.k, ik < n, k_off, k_len, rx->kp_mode, RK_ERR_MSAK_KP_MISSING, msg, len,
                  csb, RK_MIKEYSAKKE_KP_MAX_BYTES, RK_ERR_MSAK_KP_TOO_LONG);
    if (st != RK_OK)
        return st;
    st = plan_one(&p.e, ie < n, e_off, e_len, want_e, RK_ERR_MSAK_EXT_MISSING, msg, len,
                  csb, ext_cap, RK_ERR_BUFFER);
    if (st != RK_OK)
        return st;
    /* 5. who signed (the view's promise re-checked after the plan's stores) */
    st = view_recheck(v, len);
    if (st != RK_OK)
        return st;
    st = signer_uid(res->initiator_uid, v, msg, len, kmsi_uri, kmsi_len, kmsi_plen, kmsi_poff,
                    exp_uri, exp_uri_len, exp_uid);
    if (st != RK_OK)
        return st;
    res->csb_id = csb;
    res->ts_sec = ts_sec;
    res->ts_frac = ts_frac;
    res->period_no = period_no;
    *plan = p;
    return view_recheck(v, len);
}

/* Steps 6-7: ECCSI over the signed range, then SAKKE (the SSV into res). */
/*@ requires \valid(res) && \valid_read(kpak) && \valid_read(sakke);
    requires \valid_read(msg + (0 .. len - 1)) && rk_mikey_view_ok(&res->view, len);
    requires \separated(res, msg + (0 .. len - 1));
    assigns res->ssv[0 .. 15], res->sakke_form; */
static rk_status verify_decap(rk_mikeysakke_result *res, const rk_eccsi_verifier_ctx *kpak,
                              const rk_sakke_receiver_ctx *sakke, const uint8_t *msg, size_t len)
{
    const rk_mikey_view *v = &res->view;
    int form = -1;
    rk_status st;
    (void)len;   /* the spans' bound: in the contract */
    /* 6. RFC 6507 5.2.2 over HDR .. SIGN type/length (RFC 6509 4.3) */
    st = rk_eccsi_verify(kpak, res->initiator_uid, RK_UID_BYTES,
                         msg + v->signed_range.off, v->signed_range.len,
                         msg + v->signature.off, v->signature.len);
    if (st != RK_OK)
        return st;
    /* 7. RFC 6508 6.2.2: R checked before the pairing, TEST after */
    st = rk_sakke_decapsulate_form(res->ssv, RK_MIKEYSAKKE_SSV_BYTES, sakke,
                                   msg + v->sakke_data.off, v->sakke_data.len, &form);
    RK_CT_PUBLIC(&st, sizeof st);      /* TEST passed or not: the status says it */
    RK_CT_PUBLIC(&form, sizeof form);  /* which w encoding passed TEST: public */
    if (st != RK_OK)
        return st;
    res->sakke_form = form;
    return RK_OK;
}

/* Step 8, type 7: open it under DPCK and decode the key parameters. */
/*@ requires \valid(res) && \valid_read(x) && ext_ok(x, len, 1024);
    requires \valid_read(msg + (0 .. len - 1));
    requires \valid_read(dpck + (0 .. 15));
    requires \separated(res, x);
    requires \separated(res, msg + (0 .. len - 1));
    requires \separated(res, dpck + (0 .. 15));
    assigns res->kp_pt[0 .. 1023], res->kp, res->kp_header, res->has_kp; */
static rk_status open_kp(rk_mikeysakke_result *res, const rx_ext *x, const uint8_t *msg,
                         size_t len, const uint8_t dpck[RK_DPCK_BYTES])
{
    rk_status st;
    (void)len;   /* the span's bound: in the contract */
    if (x->open == 0)
        return RK_OK;
    st = ext_open(res->kp_pt, &x->f, msg + x->d.off, x->d.len, dpck);
    RK_CT_PUBLIC(&st, sizeof st);  /* the GCM tag decision */
    if (st != RK_OK)
        return st;
    /* key metadata (type, status, times, names), not key material: the
     * codec may branch on it (rootkey/keyparams.h) */
    RK_CT_PUBLIC(res->kp_pt, x->pt_len);
    st = rk_keyparams_decode(&res->kp, res->kp_pt, x->pt_len);
    if (st != RK_OK)
        return st;
    res->kp_header = x->f.h;
    res->has_kp = 1;
    return RK_OK;
}

/* Step 8, the private extension: open it under DPCK into the caller's buffer. */
/*@ requires \valid(res) && \valid_read(x);
    requires \valid_read(msg + (0 .. len - 1));
    requires ext_cap <= 0x7fffffff && ext_ok(x, len, ext_cap);
    requires ext_cap == 0 || \valid(ext_out + (0 .. ext_cap - 1));
    requires \valid_read(dpck + (0 .. 15));
    requires \separated(res, x);
    requires \separated(res, msg + (0 .. len - 1));
    requires \separated(res, dpck + (0 .. 15));
    requires ext_cap == 0 || \separated(ext_out + (0 .. ext_cap - 1), res, x,
                                        msg + (0 .. len - 1), dpck + (0 .. 15));
    assigns ext_out[0 .. ext_cap - 1], res->ext_header, res->has_ext; */
static rk_status open_ext(rk_mikeysakke_result *res, uint8_t *ext_out, size_t ext_cap,
                          const rx_ext *x, const uint8_t *msg, size_t len,
                          const uint8_t dpck[RK_DPCK_BYTES])
{
    rk_status st;
    (void)len;       /* the span's bound: in the contract */
    (void)ext_cap;   /* the plaintext's bound: in x (ext_frame checked it) */
    if (x->open == 0)
        return RK_OK;
    /*@ assert x->pt_len <= ext_cap && x->pt_len + 16 == x->f.ct_len; */
    /*@ assert ext_cap >= 17; */
    st = ext_open(ext_out, &x->f, msg + x->d.off, x->d.len, dpck);
    RK_CT_PUBLIC(&st, sizeof st);  /* the GCM tag decision; the plaintext stays secret */
    if (st != RK_OK)
        return st;
    res->ext_header = x->f.h;
    res->has_ext = 1;
    return RK_OK;
}

/* The receive steps, outputs already zero; the caller zeroes them again on error. */
/*@ requires \valid(res) && \valid(ext_len);
    requires \valid_read(rx) && rk_msak_rx_ok(rx);
    requires len <= 0x7fffffff && \valid_read(msg + (0 .. len - 1));
    requires ext_cap <= 0x7fffffff;
    requires ext_cap == 0 || \valid(ext_out + (0 .. ext_cap - 1));
    requires \valid(dpck + (0 .. 15));
    requires \separated(res, ext_len);
    requires \separated(res, rx);
    requires \separated(res, msg + (0 .. len - 1));
    requires \separated(res, dpck + (0 .. 15));
    requires \separated(ext_len, rx);
    requires \separated(ext_len, msg + (0 .. len - 1));
    requires \separated(ext_len, dpck + (0 .. 15));
    requires \separated(dpck + (0 .. 15), rx);
    requires \separated(dpck + (0 .. 15), msg + (0 .. len - 1));
    requires ext_cap == 0 || \separated(ext_out + (0 .. ext_cap - 1), res, ext_len, rx,
                                        msg + (0 .. len - 1), dpck + (0 .. 15));
    assigns *res, *ext_len, ext_out[0 .. ext_cap - 1], dpck[0 .. 15];
    ensures \result == RK_OK ==> rk_mikey_view_ok(&res->view, len) && *ext_len <= ext_cap
        && res->kp_pt_len <= 1024; */
static rk_status receive_steps(rk_mikeysakke_result *res, uint8_t *ext_out, size_t ext_cap,
                               size_t *ext_len, const rk_mikeysakke_rx *rx,
                               const uint8_t *msg, size_t len, uint8_t dpck[RK_DPCK_BYTES])
{
    rx_plan plan;
    uint8_t dppk_id[4];
    const rk_eccsi_verifier_ctx *kpak = rx->kpak;   /* read before any store */
    const rk_sakke_receiver_ctx *sakke = rx->sakke;
    rk_status st;
    st = check_public(res, &plan, rx, msg, len, ext_cap);
    if (st != RK_OK)
        return st;
    st = verify_decap(res, kpak, sakke, msg, len);
    if (st != RK_OK)
        return st;
    /* 8. the protected extensions under DPCK(SSV, CSB-ID) (TS 33.180 F.1.5) */
    put_be32(dppk_id, res->csb_id);
    rk_dpck(dpck, res->ssv, RK_MIKEYSAKKE_SSV_BYTES, dppk_id);
    st = ext_recheck(&plan.k, len, RK_MIKEYSAKKE_KP_MAX_BYTES);
    if (st != RK_OK)
        return st;
    st = open_kp(res, &plan.k, msg, len, dpck);
    if (st != RK_OK)
        return st;
    st = ext_recheck(&plan.e, len, ext_cap);
    if (st != RK_OK)
        return st;
    st = open_ext(res, ext_out, ext_cap, &plan.e, msg, len, dpck);
    if (st != RK_OK)
        return st;
    /* the plaintext lengths, stored last (bounds as ext_frame checked them) */
    if (plan.k.pt_len > RK_MIKEYSAKKE_KP_MAX_BYTES || plan.e.pt_len > ext_cap)
        return RK_ERR_INTERNAL;
    res->kp_pt_len = plan.k.pt_len;
    *ext_len = plan.e.pt_len;
    return view_recheck(&res->view, len);
}

/* Every output zero (the error contract of rk_mikeysakke_receive). */
/*@ requires \valid(res) && \valid(ext_len) && \separated(res, ext_len);
    requires ext_cap <= 0x7fffffff;
    requires ext_cap == 0 || \valid(ext_out + (0 .. ext_cap - 1));
    requires ext_cap == 0 || \separated(ext_out + (0 .. ext_cap - 1), res, ext_len);
    assigns *res, *ext_len, ext_out[0 .. ext_cap - 1];
    ensures *ext_len == 0 && res->csb_id == 0 && res->has_kp == 0
        && res->has_ext == 0 && res->kp_pt_len == 0 && res->view.total_len == 0
        && (\forall integer k; 0 <= k < 16 ==> res->ssv[k] == 0); */
static void zero_outputs(rk_mikeysakke_result *res, uint8_t *ext_out, size_t ext_cap,
                         size_t *ext_len)
{
    rk_mikeysakke_result_wipe(res);
    if (ext_cap > 0)
        rk_wipe(ext_out, ext_cap);
    *ext_len = 0;
}

rk_status rk_mikeysakke_receive(rk_mikeysakke_result *res, uint8_t *ext_out, size_t ext_cap,
                                size_t *ext_len, const rk_mikeysakke_rx *rx,
                                const uint8_t *msg, size_t len)
{
    uint8_t dpck[RK_DPCK_BYTES];
    rk_status st;
    if (res == NULL || ext_len == NULL)
        return RK_ERR_NULL;
    if (ext_cap > 0 && ext_out == NULL) {
        zero_outputs(res, NULL, 0, ext_len);
        return RK_ERR_NULL;
    }
    /* the caller's inputs first (reads only), then clean outputs */
    st = (rx == NULL || msg == NULL) ? RK_ERR_NULL : check_rx(rx);
    zero_outputs(res, ext_out, ext_cap, ext_len);
    if (st == RK_OK) {
        rk_wipe(dpck, RK_DPCK_BYTES);
        st = receive_steps(res, ext_out, ext_cap, ext_len, rx, msg, len, dpck);
        rk_wipe(dpck, RK_DPCK_BYTES);
    }
    /* one exit for every error after the inputs' check: all outputs zero */
    if (st != RK_OK)
        zero_outputs(res, ext_out, ext_cap, ext_len);
    return st;
}
