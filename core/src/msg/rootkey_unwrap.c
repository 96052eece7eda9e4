/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/rootkey.h - the client side: checks in the order of docs/design.md §5 */
#include "rootkey/rootkey.h"
#include "rootkey/ct.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/policy.h"

void rk_rootkey_result_wipe(rk_rootkey_result *r)
{
    r->key_id = 0;
    r->wrap_time = 0;
    r->period_no = 0;
    r->activation = 0;
    r->expiry = 0;
    r->iwf_index = 0;
    r->keyset_index = 0;
    rk_lmr_wipe(&r->lmr);
}

/* a[0..an-1] == b[0..bn-1] (public octets) */
/*@ requires \valid_read(a + (0 .. an - 1));
    requires \valid_read(b + (0 .. bn - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int same(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    if (an != bn) return 0;
    /*@ loop invariant 0 <= i <= an;
        loop assigns i;
        loop variant an - i; */
    for (size_t i = 0; i < an; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

/* The parts of rk_rootkey_unwrap_in_ok that steps 3..5 read, each much
 * smaller than the whole predicate (whose rk_msak_rx_ok per key set is
 * large): unwrap_checks states them before the parse, from its own
 * precondition (proof idiom "split predicate", docs/proof-idioms.md).
 *   keysets_in      the key-set array (period_ok)
 *   keysets_kmsi_ok its IWF KMS URIs (the role-8 UID, names_iwf)
 *   keysets_kmsr_ok its own KMS URIs (find_keyset)
 *   iwfs_ok         the authorised IWF URIs (find_iwf) */
/*@ predicate keysets_in(rk_rootkey_unwrap_in *in) =
        1 <= in->n_keysets <= RK_ROOTKEY_MAX_KEYSETS && \valid_read(in->keysets + (0 .. in->n_keysets - 1));
    predicate keysets_kmsi_ok(rk_rootkey_unwrap_in *in) =
        keysets_in(in) &&
        (\forall integer k; 0 <= k < in->n_keysets ==>
            \valid_read(in->keysets[k].kmsi_uri + (0 .. in->keysets[k].kmsi_uri_len - 1)));
    predicate keysets_kmsr_ok(rk_rootkey_unwrap_in *in) =
        keysets_in(in) &&
        (\forall integer k; 0 <= k < in->n_keysets ==>
            \valid_read(in->keysets[k].kmsr_uri + (0 .. in->keysets[k].kmsr_uri_len - 1)));
    predicate iwfs_ok(rk_rootkey_unwrap_in *in) =
        1 <= in->n_iwf <= RK_ROOTKEY_MAX_IWF && \valid_read(in->iwf_uris + (0 .. in->n_iwf - 1)) &&
        \valid_read(in->iwf_uri_lens + (0 .. in->n_iwf - 1)) &&
        (\forall integer k; 0 <= k < in->n_iwf ==> in->iwf_uri_lens[k] <= RK_MIKEYSAKKE_URI_MAX_BYTES &&
            \valid_read(in->iwf_uris[k] + (0 .. in->iwf_uri_lens[k] - 1))); */

/* Whether id[0..id_len-1] is the UID (TS 33.180 F.2.1) of uri[0..uri_len-1]
 * for the key period of t1900 under the IWF KMS of key set x (its URI and
 * UserKeyPeriod / UserKeyOffset): 0 also when that period or UID cannot be
 * computed.  UIDs are public values, so the plain comparison of same() is
 * enough: no constant-time compare is needed. */
/*@ requires \valid_read(x) && \valid_read(x->kmsi_uri + (0 .. x->kmsi_uri_len - 1));
    requires uri_len <= RK_MIKEYSAKKE_URI_MAX_BYTES && \valid_read(uri + (0 .. uri_len - 1));
    requires \valid_read(id + (0 .. id_len - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int is_uid_of(const rk_mikeysakke_rx *x, const uint8_t *uri, size_t uri_len,
                     const uint8_t *id, size_t id_len, uint64_t t1900)
{
    uint8_t want[RK_UID_BYTES];
    uint64_t no = 0;
    if (rk_key_period_no(&no, t1900, x->kmsi_period_len, x->kmsi_period_offset) != RK_OK)
        return 0;
    if (rk_uid(want, uri, uri_len, x->kmsi_uri, x->kmsi_uri_len, x->kmsi_period_len,
               x->kmsi_period_offset, no) != RK_OK)
        return 0;
    return same(id, id_len, want, RK_UID_BYTES);
}

/* Whether the IDRi identity id[0..id_len-1] of the given role names the
 * authorised IWF uri: role 1 (IDRi) its URI, octet for octet; role 8
 * (IDRuidi, TS 33.180 E.7) its UID for the key period of t1900 under the
 * IWF KMS of one of my key sets (step 6 checks it again, under the key set
 * that opens the message, through rx.expected_uri). */
/*@ requires \valid_read(in) && keysets_kmsi_ok(in);
    requires uri_len <= RK_MIKEYSAKKE_URI_MAX_BYTES && \valid_read(uri + (0 .. uri_len - 1));
    requires \valid_read(id + (0 .. id_len - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int names_iwf(const rk_rootkey_unwrap_in *in, uint8_t role, const uint8_t *uri,
                     size_t uri_len, const uint8_t *id, size_t id_len, uint32_t ts_sec)
{
    uint64_t t1900 = rk_ntp_seconds_since_1900(ts_sec);
    size_t ks;
    if (role != RK_MIKEY_ROLE_IDRUIDI)
        return same(id, id_len, uri, uri_len);
    /*@ loop invariant 0 <= ks <= in->n_keysets;
        loop assigns ks;
        loop variant in->n_keysets - ks; */
    for (ks = 0; ks < in->n_keysets; ks++)
        if (is_uid_of(&in->keysets[ks], uri, uri_len, id, id_len, t1900)) return 1;
    return 0;
}

/* 3. The index of the authorised IWF that the IDRi identity id[0..id_len-1]
 * of the given role (1 or 8) names (names_iwf), or in->n_iwf if none is. */
/*@ requires \valid_read(in) && keysets_kmsi_ok(in) && iwfs_ok(in);
    requires \valid_read(id + (0 .. id_len - 1));
    assigns \nothing;
    ensures 0 <= \result <= in->n_iwf; */
static size_t find_iwf(const rk_rootkey_unwrap_in *in, uint8_t role, const uint8_t *id,
                       size_t id_len, uint32_t ts_sec)
{
    size_t n = in->n_iwf;
    size_t iwf;
    /*@ loop invariant 0 <= iwf <= n;
        loop assigns iwf;
        loop variant n - iwf; */
    for (iwf = 0; iwf < n; iwf++)
        if (names_iwf(in, role, in->iwf_uris[iwf], in->iwf_uri_lens[iwf], id, id_len, ts_sec)) break;
    return iwf;
}

/* 4. The index of my key set for the KMS URI kms[0..kms_len-1] whose key
 * period (period_no) is the one of t1900, or in->n_keysets if none is.
 * That period is the key set's period_no: no output through a pointer, so
 * that the caller's memory (and the input predicate in it) is untouched. */
/*@ requires \valid_read(in) && keysets_kmsr_ok(in);
    requires \valid_read(kms + (0 .. kms_len - 1));
    assigns \nothing;
    ensures 0 <= \result <= in->n_keysets; */
static size_t find_keyset(const rk_rootkey_unwrap_in *in, const uint8_t *kms, size_t kms_len,
                          uint64_t t1900)
{
    size_t n = in->n_keysets;
    size_t ks;
    /*@ loop invariant 0 <= ks <= n;
        loop assigns ks;
        loop variant n - ks; */
    for (ks = 0; ks < n; ks++) {
        const rk_mikeysakke_rx *x = &in->keysets[ks];
        uint64_t p = 0;
        if (!same(kms, kms_len, x->kmsr_uri, x->kmsr_uri_len)) continue;
        if (rk_key_period_no(&p, t1900, x->period_len, x->period_offset) != RK_OK) continue;
        if (p == x->period_no) break;
    }
    return ks;
}

/* 4. The key period of my key set ks: the period of T when ks is the
 * index find_keyset returned (a function of its own: a small context). */
/*@ requires \valid_read(in) && keysets_in(in) && ks < in->n_keysets;
    assigns \nothing; */
static uint64_t keyset_period(const rk_rootkey_unwrap_in *in, size_t ks)
{
    return in->keysets[ks].period_no;
}

/* 5. Key period pno is the current one at now_unix or the one before
 * (policy.h), periods as my key set ks counts them. */
/*@ requires \valid_read(in) && keysets_in(in) && ks < in->n_keysets;
    assigns \nothing; */
static rk_status period_ok(const rk_rootkey_unwrap_in *in, size_t ks, uint64_t pno)
{
    const rk_mikeysakke_rx *x = &in->keysets[ks];
    int64_t now_unix = in->now_unix;
    uint64_t cur = 0;
    /* now in seconds since 1900, 0 before 1900; computed without overflow
     * for every int64_t clock value */
    uint64_t now1900 = 0;
    if (now_unix >= 0)
        now1900 = (uint64_t)now_unix + RK_NTP_UNIX_OFFSET;
    else if (now_unix > -(int64_t)RK_NTP_UNIX_OFFSET)
        now1900 = RK_NTP_UNIX_OFFSET - (uint64_t)(-now_unix);
    if (rk_key_period_no(&cur, now1900, x->period_len, x->period_offset) != RK_OK) cur = 0;
    return rk_policy_key_period(pno, cur);
}

/* 6. The receiver description: my key set ks, the IWF iwf as the expected
 * initiator, key parameters required, the LMR block's extension type.
 * Every input is read before the one write to *rx. */
/*@ requires \valid(rx) && \valid_read(in) && rk_rootkey_unwrap_in_ok(in);
    requires ks < in->n_keysets && iwf < in->n_iwf;
    assigns *rx;
    ensures rk_msak_rx_ok(rx); */
static void setup_rx(rk_mikeysakke_rx *rx, const rk_rootkey_unwrap_in *in, size_t ks, size_t iwf)
{
    const rk_mikeysakke_rx *x = &in->keysets[ks];
    const uint8_t *uri = in->iwf_uris[iwf];
    size_t uri_len = in->iwf_uri_lens[iwf];
    /*@ assert rk_msak_rx_ok(x); */
    /*@ assert uri_len <= RK_MIKEYSAKKE_URI_MAX_BYTES && \valid_read(uri + (0 .. uri_len - 1)); */
    rk_mikeysakke_rx t = *x;                /* proof idiom "record by value" */
    t.expected_uri = uri;
    t.expected_uri_len = uri_len;
    t.expected_uid = 0;
    t.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
    t.ext_type = RK_ROOTKEY_GENEXT_TYPE;
    *rx = t;
}

/* 1. The strict parse into sc->view.  Its own function so that the parts
 * of the input predicate that steps 3..6 read are carried over the parse
 * here, each as its own small goal in the context of this one call, and
 * unwrap_checks finds them as hypotheses after it. */
/*@ requires \valid(sc) && \valid_read(in) && rk_rootkey_unwrap_in_ok(in);
    requires keysets_in(in) && keysets_kmsi_ok(in) && keysets_kmsr_ok(in) && iwfs_ok(in);
    requires len <= 0x7fffffff && \valid_read(msg + (0 .. len - 1));
    requires \separated(sc, in, msg + (0 .. len - 1));
    requires \separated(sc, in->keysets + (0 .. in->n_keysets - 1));
    requires \separated(sc, in->iwf_uris + (0 .. in->n_iwf - 1),
                        in->iwf_uri_lens + (0 .. in->n_iwf - 1));
    assigns sc->view;
    ensures keysets_in(in);
    ensures keysets_kmsi_ok(in);
    ensures keysets_kmsr_ok(in);
    ensures iwfs_ok(in);
    ensures rk_rootkey_unwrap_in_ok(in);
    ensures \result == RK_OK ==> rk_mikey_view_ok(&sc->view, len) && len <= RK_MIKEY_MAX_BYTES; */
static rk_status parse_msg(rk_rootkey_scratch *sc, const rk_rootkey_unwrap_in *in,
                           const uint8_t *msg, size_t len)
{
    rk_status st;
    (void)in;                               /* read by the contract only */
    /* the fields the key-set parts read, one by one apart from the view:
     * the frame of the parse below then applies to each directly */
    /*@ assert \forall integer k; 0 <= k < in->n_keysets ==>
            \separated(&sc->view, &in->keysets[k].kmsi_uri, &in->keysets[k].kmsi_uri_len,
                       &in->keysets[k].kmsr_uri, &in->keysets[k].kmsr_uri_len); */
    /*@ assert \forall integer k; 0 <= k < in->n_keysets ==>
            \separated(&sc->view, &in->keysets[k].kpak, &in->keysets[k].sakke,
                       &in->keysets[k].my_uri, &in->keysets[k].my_uri_len,
                       &in->keysets[k].expected_uri, &in->keysets[k].expected_uri_len,
                       &in->keysets[k].expected_uid); */
    st = rk_mikey_parse(&sc->view, msg, len);
    return st;
}

/* Checks 1..10 in order; on RK_OK out holds the result (the caller wipes
 * the scratch and, on error, out). */
/*@ requires \valid(out) && \valid(sc) && \valid_read(in) && rk_rootkey_unwrap_in_ok(in);
    requires len <= 0x7fffffff && \valid_read(msg + (0 .. len - 1));
    requires \separated(out, sc, in, msg + (0 .. len - 1));
    requires \separated(sc, in->keysets + (0 .. in->n_keysets - 1));
    requires \separated(sc, in->iwf_uris + (0 .. in->n_iwf - 1),
                        in->iwf_uri_lens + (0 .. in->n_iwf - 1));
    assigns *out, *sc; */
static rk_status unwrap_checks(rk_rootkey_result *out, rk_rootkey_scratch *sc,
                               const rk_rootkey_unwrap_in *in, const uint8_t *msg, size_t len)
{
    rk_status st;
    size_t iwf = 0, ks = 0, ext_len = 0;
    uint64_t t1900, pno = 0;
    const rk_mikey_view *v = &sc->view;

    /* the parts of the input predicate that steps 3..5 need, stated here
     * where they follow from the precondition alone (parse_msg carries them) */
    /*@ assert keysets_in(in); */
    /*@ assert keysets_kmsi_ok(in); */
    /*@ assert keysets_kmsr_ok(in); */
    /*@ assert iwfs_ok(in); */
    /* 1. strict parse and HDR values */
    st = parse_msg(sc, in, msg, len);
    if (st != RK_OK) return st;
    /* 2. the purpose tag of the root-key ID */
    if (v->csb_id / 268435456u != in->purpose_tag) return RK_ERR_RK_PURPOSE;
    /* 3. IDRi: an authorised IWF, named by its URI (role 1) or its UID for
     * the key period of T (role 8) */
    {
        const rk_mikey_idr *i = &v->idr[v->idr_i];
        if (i->role != RK_MIKEY_ROLE_IDRI && i->role != RK_MIKEY_ROLE_IDRUIDI)
            return RK_ERR_RK_INITIATOR_ROLE;
        /*@ assert i->id.off <= len && i->id.len <= len - i->id.off; */
        iwf = find_iwf(in, i->role, msg + i->id.off, i->id.len, v->ts_sec);
        if (iwf == in->n_iwf) return RK_ERR_RK_IWF;
    }
    /* 4. a key set of mine for IDRkmsr and the key period of T */
    t1900 = rk_ntp_seconds_since_1900(v->ts_sec);
    {
        const rk_mikey_idr *k = &v->idr[v->idr_kmsr];
        /*@ assert k->id.off <= len && k->id.len <= len - k->id.off; */
        ks = find_keyset(in, msg + k->id.off, k->id.len, t1900);
        if (ks == in->n_keysets) return RK_ERR_RK_NO_KEYSET;
    }
    pno = keyset_period(in, ks);        /* the period of T (find_keyset) */
    /* 5. that period is the current one or the one before (policy.h) */
    st = period_ok(in, ks, pno);
    if (st != RK_OK) return st;
    /* 6. identities, ECCSI, SAKKE (R checked before the pairing, TEST after), GCM */
    setup_rx(&sc->rx, in, ks, iwf);
    st = rk_mikeysakke_receive(&sc->res, sc->ext, sizeof sc->ext, &ext_len, &sc->rx, msg, len);
    if (st != RK_OK) return st;
    /* 7. key type and status of the key parameters, then the LMR block */
    if (sc->res.kp.key_type != in->purpose_tag) return RK_ERR_RK_KEY_TYPE;
    if (sc->res.kp.status % 2u != 1u) return RK_ERR_RK_REVOKED;
    st = rk_lmr_decode(&out->lmr, sc->ext, ext_len);
    if (st != RK_OK) return st;
    /* 8. the LMR type the caller expects */
    if (in->lmr_type != 0 && out->lmr.lmr_type != in->lmr_type) return RK_ERR_RK_LMR_TYPE;
    /* 9. strictly newer than what is stored for this root-key ID */
    st = rk_policy_newer(t1900, in->have_stored, in->stored_wrap_time);
    if (st != RK_OK) return st;
    /* 10. activation and expiry */
    st = rk_policy_window(in->now_unix > 0 ? (uint64_t)in->now_unix : 0, sc->res.kp.activation,
                          sc->res.kp.expiry);
    if (st != RK_OK) return st;

    out->key_id = v->csb_id;
    out->wrap_time = t1900;
    out->period_no = pno;
    out->activation = sc->res.kp.activation;
    out->expiry = sc->res.kp.expiry;
    out->iwf_index = iwf;
    out->keyset_index = ks;
    return RK_OK;
}

rk_status rk_rootkey_unwrap(rk_rootkey_result *out, rk_rootkey_scratch *sc,
                            const rk_rootkey_unwrap_in *in, const uint8_t *msg, size_t len)
{
    rk_status st;

    /* out is not written before the checks: they read the caller's key
     * sets and IWF lists, which need not be apart from out */
    if (in->keysets == 0 || in->n_keysets == 0 || in->n_keysets > RK_ROOTKEY_MAX_KEYSETS ||
        in->iwf_uris == 0 || in->iwf_uri_lens == 0 || in->n_iwf == 0 ||
        in->n_iwf > RK_ROOTKEY_MAX_IWF) {
        rk_rootkey_result_wipe(out);
        return RK_ERR_NULL;
    }
    st = unwrap_checks(out, sc, in, msg, len);
    rk_mikeysakke_result_wipe(&sc->res);      /* K_T is no longer needed */
    rk_wipe(sc->ext, sizeof sc->ext);
    if (st != RK_OK)
        rk_rootkey_result_wipe(out);          /* last: the contract's zeroes need no frame */
    return st;
}
