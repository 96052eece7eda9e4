/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/mikeysakke.h
 *
 * MIKEY-SAKKE send: SAKKE encapsulation of the SSV, the protected General
 * Extensions (TS 33.180 E.6: framing, DPCK, AES-128-GCM), the I_MESSAGE
 * through rk_mikey_encode (which refuses whatever the parser would refuse),
 * then the ECCSI signature over the signed range.  Every check on the
 * caller's inputs runs before the SAKKE multiplication.  Secrets (DPCK, the
 * encoded key parameters) are wiped on every path; on error the whole output
 * buffer is zeroed.
 */
#include "rootkey/mikeysakke.h"
#include "rootkey/ct.h"
#include "rootkey/hash.h"
#include "rootkey/gcm.h"

/* Room for every framed extension: a message never exceeds this either. */
#define EXT_BUF_BYTES RK_MIKEY_MAX_BYTES

/*@ predicate ge_ok(rk_mikey_genext_in *ge, integer n) =
        n <= 4 &&
        (\forall integer j; 0 <= j < n ==>
            ge[j].len <= 4096 && \valid_read(ge[j].data + (0 .. ge[j].len - 1)));
*/

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

/* Equal octet strings (public). */
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

/*
 * The inputs a caller can get wrong, checked before any secret is used:
 * roles, role-8/9 identities against the UIDs used for ECCSI and SAKKE,
 * private extension types, randomness lengths.  *n_prot receives the number
 * of protected extensions.
 */
/*@ requires \valid_read(tx) && rk_msak_tx_ok(tx);
    requires \valid(n_prot);
    requires \separated(n_prot, tx);
    assigns *n_prot;
    ensures \result == RK_OK ==> *n_prot <= 3 && *n_prot * 16 <= tx->iv_rnd_len
        && *n_prot == (tx->kp != \null ? 1 : 0) + tx->n_ext; */
static rk_status check_tx(size_t *n_prot, const rk_mikeysakke_tx *tx)
{
    size_t i;
    *n_prot = 0;
    if (tx->idr_i.role != RK_MIKEY_ROLE_IDRI && tx->idr_i.role != RK_MIKEY_ROLE_IDRUIDI)
        return RK_ERR_MSAK_ROLE;
    if (tx->idr_r.role != RK_MIKEY_ROLE_IDRR && tx->idr_r.role != RK_MIKEY_ROLE_IDRUIDR)
        return RK_ERR_MSAK_ROLE;
    /* TS 33.180 E.7: the hashed identities are the ECCSI / SAKKE identities */
    if (tx->idr_i.role == RK_MIKEY_ROLE_IDRUIDI
        && !bytes_eq(tx->idr_i.id, tx->idr_i.id_len, tx->signer_uid, RK_UID_BYTES))
        return RK_ERR_MSAK_ID_MISMATCH;
    if (tx->idr_r.role == RK_MIKEY_ROLE_IDRUIDR
        && !bytes_eq(tx->idr_r.id, tx->idr_r.id_len, tx->receiver_uid, RK_UID_BYTES))
        return RK_ERR_MSAK_ID_MISMATCH;
    /*@ loop invariant 0 <= i <= tx->n_ext;
        loop assigns i;
        loop variant tx->n_ext - i; */
    for (i = 0; i < tx->n_ext; i++) {
        if (tx->ext[i].type < RK_MIKEY_GENEXT_PRIVATE_MIN)
            return RK_ERR_MSAK_EXT_TYPE;
    }
    i = (tx->kp != NULL ? 1u : 0u) + tx->n_ext;
    if (tx->iv_rnd_len < i * RK_MIKEYSAKKE_IV_BYTES
        || tx->sign_rnd_len < RK_MIKEYSAKKE_SIGN_RND_BYTES)
        return RK_ERR_LENGTH;
    *n_prot = i;
    return RK_OK;
}

/*
 * Append one protected extension (TS 33.180 E.6.1 / 8.5.4) of plaintext
 * pt[0..pt_len-1] to buf at *pos, encrypted in place under dpck with the
 * 16-octet iv, and describe it in *g (type, where it lies in buf).
 */
/*@ requires \valid(g) && \valid(pos) && *pos <= 4096;
    requires \valid(buf + (0 .. 4095));
    requires \valid_read(pt + (0 .. pt_len - 1)) && pt_len <= 4096;
    requires \valid_read(dpck + (0 .. 15)) && \valid_read(iv + (0 .. 15));
    requires \separated(g, pos, buf + (0 .. 4095));
    requires \separated(buf + (0 .. 4095), pt + (0 .. pt_len - 1));
    requires \separated(buf + (0 .. 4095), dpck + (0 .. 15));
    requires \separated(buf + (0 .. 4095), iv + (0 .. 15));
    requires \separated(pos, pt + (0 .. pt_len - 1));
    assigns buf[0 .. 4095], *pos, *g;
    ensures \result == RK_OK ==> *pos <= 4096 && g->len <= 4096
        && \valid_read(g->data + (0 .. g->len - 1)); */
static rk_status add_protected(rk_mikey_genext_in *g, uint8_t *buf, size_t *pos, uint8_t type,
                               uint8_t msg_type, uint64_t date_time, uint32_t csb_id,
                               const uint8_t dpck[RK_DPCK_BYTES], const uint8_t *iv,
                               const uint8_t *pt, size_t pt_len)
{
    rk_kp_header h;
    uint8_t aad[RK_KP_AAD_BYTES];
    size_t p0 = *pos;
    uint8_t *dst = buf + p0;
    size_t cap = EXT_BUF_BYTES - p0, flen = 0, k;
    rk_status st;
    h.msg_type = msg_type;
    h.date_time = date_time;
    h.payload_id = 0;              /* E.6.1: 0, ignored by receivers */
    h.seq = 0;
    h.alg = RK_KP_ALG_AES128GCM;
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, h.iv[0 .. 15];
        loop variant 16 - k; */
    for (k = 0; k < RK_KP_IV_BYTES; k++)
        h.iv[k] = iv[k];
    h.dppk_id = csb_id;
    if (pt_len > EXT_BUF_BYTES)
        return RK_ERR_MIKEY_TOO_LONG;
    /* framing with a zero ciphertext, then AES-128-GCM into its place */
    st = rk_keyparams_frame_encode(dst, cap, &flen, &h, NULL, pt_len + RK_KP_TAG_BYTES);
    if (st != RK_OK)
        return st;
    /*@ assert flen == 35 + pt_len + 16 && p0 + flen <= 4096; */
    rk_keyparams_aad(aad, &h);
    st = rk_gcm_seal(dpck, RK_DPCK_BYTES, h.iv, RK_KP_IV_BYTES, aad, RK_KP_AAD_BYTES, pt, pt_len,
                     dst + RK_KP_FRAME_OVERHEAD, dst + RK_KP_FRAME_OVERHEAD + pt_len);
    if (st != RK_OK)
        return st;
    g->type = type;
    g->data = dst;
    g->len = flen;
    *pos = p0 + flen;
    return RK_OK;
}

/* The protected extensions (type 7 first, then the private ones) into
 * ge[0 .. n_prot - 1], their framed octets in buf.  At most three, so the
 * calls are written out; every input is read from *tx before the first
 * write, so the prover needs no frame argument about *tx (or *tx->kp)
 * across the writes into buf, pt and ge. */
/*@ requires \valid_read(tx) && rk_msak_tx_ok(tx);
    requires n_prot <= 3 && n_prot * 16 <= tx->iv_rnd_len
        && n_prot == (tx->kp != \null ? 1 : 0) + tx->n_ext;
    requires \valid(ge + (0 .. 3));
    requires \valid(buf + (0 .. 4095)) && \valid(pt + (0 .. 1023));
    requires \valid_read(dpck + (0 .. 15));
    requires \separated(ge + (0 .. 3), buf + (0 .. 4095));
    requires \separated(buf + (0 .. 4095), pt + (0 .. 1023));
    requires \separated(buf + (0 .. 4095), dpck + (0 .. 15));
    requires \separated(buf + (0 .. 4095), tx->iv_rnd + (0 .. tx->iv_rnd_len - 1));
    requires \forall integer j; 0 <= j < tx->n_ext ==>
        \separated(buf + (0 .. 4095), tx->ext[j].pt + (0 .. tx->ext[j].pt_len - 1));
    requires tx->kp == \null || \separated(pt + (0 .. 1023), tx->kp);
    assigns buf[0 .. 4095], pt[0 .. 1023], ge[0 .. 3];
    ensures \result == RK_OK ==> ge_ok(ge, n_prot); */
static rk_status add_all(rk_mikey_genext_in *ge, uint8_t *buf, uint8_t *pt,
                         const rk_mikeysakke_tx *tx, size_t n_prot,
                         const uint8_t dpck[RK_DPCK_BYTES])
{
    const rk_kp_params *kp = tx->kp;
    const size_t n_ext = tx->n_ext;
    const uint8_t *iv = tx->iv_rnd;
    const uint8_t msg_type = tx->kp_msg_type;
    const uint64_t date_time = tx->kp_date_time;
    const uint32_t csb_id = tx->csb_id;
    const uint8_t *pt0 = pt, *pt1 = pt;
    uint8_t type0 = 0, type1 = 0;
    size_t len0 = 0, len1 = 0, pos = 0, pt_len = 0, k = 0;
    rk_status st;
    (void)n_prot;              /* the contract's count; k equals it at the end */
    if (n_ext > 0) {
        type0 = tx->ext[0].type;
        pt0 = tx->ext[0].pt;
        len0 = tx->ext[0].pt_len;
    }
    if (n_ext > 1) {
        type1 = tx->ext[1].type;
        pt1 = tx->ext[1].pt;
        len1 = tx->ext[1].pt_len;
    }
    if (kp != NULL) {
        st = rk_keyparams_encode(pt, RK_MIKEYSAKKE_KP_MAX_BYTES, &pt_len, kp);
        if (st != RK_OK)
            return st;
        st = add_protected(&ge[0], buf, &pos, RK_MIKEY_GENEXT_KEY_PARAMS, msg_type, date_time,
                           csb_id, dpck, iv, pt, pt_len);
        if (st != RK_OK)
            return st;
        k = 1;
    }
    /*@ assert ge_ok(ge, k) && k <= 1 && pos <= 4096; */
    if (n_ext > 0) {
        /*@ assert (k + 1) * 16 <= \at(tx->iv_rnd_len, Pre); */
        st = add_protected(&ge[k], buf, &pos, type0, msg_type, date_time, csb_id, dpck,
                           iv + k * RK_MIKEYSAKKE_IV_BYTES, pt0, len0);
        if (st != RK_OK)
            return st;
        k++;
    }
    /*@ assert ge_ok(ge, k) && k <= 2 && pos <= 4096; */
    if (n_ext > 1) {
        /*@ assert (k + 1) * 16 <= \at(tx->iv_rnd_len, Pre); */
        st = add_protected(&ge[k], buf, &pos, type1, msg_type, date_time, csb_id, dpck,
                           iv + k * RK_MIKEYSAKKE_IV_BYTES, pt1, len1);
        if (st != RK_OK)
            return st;
        k++;
    }
    /*@ assert ge_ok(ge, k) && k == n_prot; */
    return RK_OK;
}

/* The message built as a value (fill_msg) stored once. */
/*@ predicate msg_ok(rk_mikey_msg lm) =
        lm.n_cs <= 4 && lm.n_idr <= 4 && lm.n_genext <= 4 &&
        (\forall integer i; 0 <= i < lm.n_cs ==>
            lm.cs[i].n_policies <= 127 && lm.cs[i].session_data_len <= 65535 &&
            lm.cs[i].spi_len <= 255 &&
            \valid_read(lm.cs[i].policies + (0 .. lm.cs[i].n_policies - 1)) &&
            \valid_read(lm.cs[i].session_data + (0 .. lm.cs[i].session_data_len - 1)) &&
            \valid_read(lm.cs[i].spi + (0 .. lm.cs[i].spi_len - 1))) &&
        lm.rand_len <= 4096 && \valid_read(lm.rand + (0 .. lm.rand_len - 1)) &&
        (\forall integer i; 0 <= i < lm.n_idr ==>
            lm.idr[i].id_len <= 4096 &&
            \valid_read(lm.idr[i].id + (0 .. lm.idr[i].id_len - 1))) &&
        lm.sp_params_len <= 4096 &&
        (lm.has_sp != 0 ==> \valid_read(lm.sp_params + (0 .. lm.sp_params_len - 1))) &&
        \valid_read(lm.sakke_data + (0 .. 272)) &&
        (\forall integer i; 0 <= i < lm.n_genext ==>
            lm.genext[i].len <= 4096 &&
            \valid_read(lm.genext[i].data + (0 .. lm.genext[i].len - 1))) &&
        (lm.signature != \null ==> \valid_read(lm.signature + (0 .. 128)));
*/

/*@ requires \valid(m) && msg_ok(lm);
    assigns *m;
    ensures rk_mikey_msg_readable(m); */
static void store_msg(rk_mikey_msg *m, rk_mikey_msg lm)
{
    *m = lm;
    /*@ assert m->n_cs == lm.n_cs && m->n_idr == lm.n_idr && m->n_genext == lm.n_genext; */
    /*@ assert m->rand == lm.rand && m->rand_len == lm.rand_len; */
    /*@ assert m->has_sp == lm.has_sp && m->sp_params == lm.sp_params
            && m->sp_params_len == lm.sp_params_len; */
    /*@ assert m->sakke_data == lm.sakke_data && m->signature == lm.signature; */
    /*@ assert \forall integer j; 0 <= j < 4 ==> m->cs[j] == lm.cs[j]; */
    /*@ assert \forall integer j; 0 <= j < 4 ==> m->idr[j] == lm.idr[j]; */
    /*@ assert \forall integer j; 0 <= j < 4 ==> m->genext[j] == lm.genext[j]; */
    /*@ assert m->n_cs <= 4 && \forall integer j; 0 <= j < m->n_cs ==>
            m->cs[j].n_policies <= 127 && m->cs[j].session_data_len <= 65535 &&
            m->cs[j].spi_len <= 255 &&
            \valid_read(m->cs[j].policies + (0 .. m->cs[j].n_policies - 1)) &&
            \valid_read(m->cs[j].session_data + (0 .. m->cs[j].session_data_len - 1)) &&
            \valid_read(m->cs[j].spi + (0 .. m->cs[j].spi_len - 1)); */
    /*@ assert m->n_idr <= 4 && \forall integer j; 0 <= j < m->n_idr ==>
            m->idr[j].id_len <= 4096 && \valid_read(m->idr[j].id + (0 .. m->idr[j].id_len - 1)); */
    /*@ assert m->n_genext <= 4 && \forall integer j; 0 <= j < m->n_genext ==>
            m->genext[j].len <= 4096 &&
            \valid_read(m->genext[j].data + (0 .. m->genext[j].len - 1)); */
}

/* The part of rk_msak_tx_ok that fill_msg reads: fields of *tx only, so it
 * survives the writes into the caller's buffers (which may overlap *tx->kp,
 * encoded before them). */
/*@ predicate tx_msg_ok(rk_mikeysakke_tx *tx) =
        tx->n_cs <= 4 &&
        (\forall integer i; 0 <= i < tx->n_cs ==>
            tx->cs[i].n_policies <= 127 && tx->cs[i].session_data_len <= 65535 &&
            tx->cs[i].spi_len <= 255 &&
            \valid_read(tx->cs[i].policies + (0 .. tx->cs[i].n_policies - 1)) &&
            \valid_read(tx->cs[i].session_data + (0 .. tx->cs[i].session_data_len - 1)) &&
            \valid_read(tx->cs[i].spi + (0 .. tx->cs[i].spi_len - 1))) &&
        tx->rand_len <= 4096 && \valid_read(tx->rand + (0 .. tx->rand_len - 1)) &&
        tx->idr_i.id_len <= 4096 && \valid_read(tx->idr_i.id + (0 .. tx->idr_i.id_len - 1)) &&
        tx->idr_r.id_len <= 4096 && \valid_read(tx->idr_r.id + (0 .. tx->idr_r.id_len - 1)) &&
        tx->kmsi_uri_len <= 4096 && \valid_read(tx->kmsi_uri + (0 .. tx->kmsi_uri_len - 1)) &&
        tx->kmsr_uri_len <= 4096 && \valid_read(tx->kmsr_uri + (0 .. tx->kmsr_uri_len - 1)) &&
        tx->sp_params_len <= 4096 &&
        (tx->has_sp != 0 ==> \valid_read(tx->sp_params + (0 .. tx->sp_params_len - 1)));
*/

/* The I_MESSAGE: the fields that come straight from the caller, the SAKKE
 * data and the protected extensions ge[0 .. n_ge - 1].  Everything the
 * encoder reads is set here, so its precondition holds at once.  *tx is
 * read once into t and the message built in the local lm, stored once: the
 * prover reasons about values, with no frame argument between *tx, ge
 * and *m. */
/*@ requires \valid_read(tx) && tx_msg_ok(tx);
    requires \valid(m) && \valid_read(sakke_data + (0 .. 272));
    requires \valid_read(ge + (0 .. 3)) && n_ge <= 3 && ge_ok(ge, n_ge);
    assigns *m;
    ensures rk_mikey_msg_readable(m); */
static void fill_msg(rk_mikey_msg *m, const rk_mikeysakke_tx *tx, const uint8_t *sakke_data,
                     const rk_mikey_genext_in *ge, size_t n_ge)
{
    rk_mikey_msg lm;
    size_t i;
    lm.csb_id = tx->csb_id;
    lm.ts_sec = tx->ts_sec;
    lm.ts_frac = tx->ts_frac;
    lm.rand = tx->rand;
    lm.rand_len = tx->rand_len;
    /* HDR T RAND IDRi IDRr IDRkmsi IDRkmsr: the TS 33.180 E.2 order; ID
     * type 1 (URI) also for the UIDs: what deployed stacks send */
    lm.n_idr = 4;
    lm.idr[0].role = tx->idr_i.role;
    lm.idr[0].id_type = RK_MIKEY_ID_TYPE_URI;
    lm.idr[0].id = tx->idr_i.id;
    lm.idr[0].id_len = tx->idr_i.id_len;
    lm.idr[1].role = tx->idr_r.role;
    lm.idr[1].id_type = RK_MIKEY_ID_TYPE_URI;
    lm.idr[1].id = tx->idr_r.id;
    lm.idr[1].id_len = tx->idr_r.id_len;
    lm.idr[2].role = RK_MIKEY_ROLE_IDRKMSI;
    lm.idr[2].id_type = RK_MIKEY_ID_TYPE_URI;
    lm.idr[2].id = tx->kmsi_uri;
    lm.idr[2].id_len = tx->kmsi_uri_len;
    lm.idr[3].role = RK_MIKEY_ROLE_IDRKMSR;
    lm.idr[3].id_type = RK_MIKEY_ID_TYPE_URI;
    lm.idr[3].id = tx->kmsr_uri;
    lm.idr[3].id_len = tx->kmsr_uri_len;
    lm.has_sp = tx->has_sp;
    lm.sp_policy_no = tx->sp_policy_no;
    lm.sp_prot_type = tx->sp_prot_type;
    lm.sp_params = tx->sp_params;
    lm.sp_params_len = tx->sp_params_len;
    lm.sakke_data = sakke_data;
    lm.signature = NULL;
    lm.n_genext = n_ge;
    lm.n_genext_before_sakke = tx->ext_before_sakke != 0 ? n_ge : 0;
    lm.n_cs = tx->n_cs;
    /*@ loop invariant 0 <= i <= 4;
        loop invariant \forall integer j; 0 <= j < i ==>
            lm.cs[j].n_policies == tx->cs[j].n_policies &&
            lm.cs[j].policies == tx->cs[j].policies &&
            lm.cs[j].session_data_len == tx->cs[j].session_data_len &&
            lm.cs[j].session_data == tx->cs[j].session_data &&
            lm.cs[j].spi_len == tx->cs[j].spi_len && lm.cs[j].spi == tx->cs[j].spi;
        loop assigns i, lm.cs[0 .. 3];
        loop variant 4 - i; */
    for (i = 0; i < RK_MIKEY_MAX_CS; i++) {
        lm.cs[i].cs_id = tx->cs[i].cs_id;
        lm.cs[i].prot_type = tx->cs[i].prot_type;
        lm.cs[i].s_flag = tx->cs[i].s_flag;
        lm.cs[i].policies = tx->cs[i].policies;
        lm.cs[i].n_policies = tx->cs[i].n_policies;
        lm.cs[i].session_data = tx->cs[i].session_data;
        lm.cs[i].session_data_len = tx->cs[i].session_data_len;
        lm.cs[i].spi = tx->cs[i].spi;
        lm.cs[i].spi_len = tx->cs[i].spi_len;
    }
    /* unused slots: empty, pointing at data that exists */
    /*@ loop invariant 0 <= i <= 4;
        loop invariant \forall integer j; 0 <= j < i ==>
            j < n_ge ==> lm.genext[j].len == ge[j].len && lm.genext[j].data == ge[j].data;
        loop assigns i, lm.genext[0 .. 3];
        loop variant 4 - i; */
    for (i = 0; i < RK_MIKEY_MAX_GENEXT; i++) {
        if (i < n_ge) {
            lm.genext[i].type = ge[i].type;
            lm.genext[i].data = ge[i].data;
            lm.genext[i].len = ge[i].len;
        } else {
            lm.genext[i].type = 0;
            lm.genext[i].data = sakke_data;
            lm.genext[i].len = 0;
        }
    }
    /*@ assert lm.n_cs <= 4 && \forall integer j; 0 <= j < lm.n_cs ==>
            lm.cs[j].n_policies <= 127 && lm.cs[j].session_data_len <= 65535 &&
            lm.cs[j].spi_len <= 255 &&
            \valid_read(lm.cs[j].policies + (0 .. lm.cs[j].n_policies - 1)) &&
            \valid_read(lm.cs[j].session_data + (0 .. lm.cs[j].session_data_len - 1)) &&
            \valid_read(lm.cs[j].spi + (0 .. lm.cs[j].spi_len - 1)); */
    /*@ assert lm.n_idr == 4 && \forall integer j; 0 <= j < 4 ==>
            lm.idr[j].id_len <= 4096 && \valid_read(lm.idr[j].id + (0 .. lm.idr[j].id_len - 1)); */
    /*@ assert lm.n_genext <= 4 && \forall integer j; 0 <= j < lm.n_genext ==>
            lm.genext[j].len <= 4096 &&
            \valid_read(lm.genext[j].data + (0 .. lm.genext[j].len - 1)); */
    /*@ assert msg_ok(lm); */
    store_msg(m, lm);
}

/* Encapsulate, protect, encode, sign: out already zero, *out_len 0. */
/*@ requires \valid(out_len) && \valid_read(tx) && rk_msak_tx_ok(tx);
    requires cap <= 0x7fffffff && \valid(out + (0 .. cap - 1));
    requires n_prot <= 3 && n_prot * 16 <= tx->iv_rnd_len
        && n_prot == (tx->kp != \null ? 1 : 0) + tx->n_ext;
    requires \valid(dpck + (0 .. 15)) && \valid(buf + (0 .. 4095)) && \valid(pt + (0 .. 1023));
    requires \separated(out + (0 .. cap - 1), out_len, tx, dpck + (0 .. 15), buf + (0 .. 4095),
                        pt + (0 .. 1023));
    requires \separated(out_len, tx, dpck + (0 .. 15), buf + (0 .. 4095), pt + (0 .. 1023));
    requires \separated(dpck + (0 .. 15), buf + (0 .. 4095), pt + (0 .. 1023));
    requires \separated(buf + (0 .. 4095), tx->iv_rnd + (0 .. tx->iv_rnd_len - 1));
    requires \forall integer j; 0 <= j < tx->n_ext ==>
        \separated(buf + (0 .. 4095), tx->ext[j].pt + (0 .. tx->ext[j].pt_len - 1));
    requires tx->kp == \null || \separated(pt + (0 .. 1023), tx->kp);
    assigns out[0 .. cap - 1], *out_len, dpck[0 .. 15], buf[0 .. 4095], pt[0 .. 1023];
    ensures \result == RK_OK ==> *out_len <= cap && *out_len <= 4096; */
static rk_status send_steps(uint8_t *out, size_t cap, size_t *out_len, const rk_mikeysakke_tx *tx,
                            size_t n_prot, uint8_t *dpck, uint8_t *buf, uint8_t *pt)
{
    uint8_t sakke_data[RK_SAKKE_DATA_BYTES];
    uint8_t dppk_id[4];
    uint8_t sig[RK_ECCSI_SIG_BYTES];
    rk_mikey_msg m;
    rk_mikey_genext_in ge[RK_MIKEY_MAX_GENEXT];
    size_t signed_len = 0, k;
    rk_status st;
    /* RFC 6508 6.2.1 to the receiver's UID for the message's key period */
    st = rk_sakke_encapsulate(sakke_data, tx->sakke, tx->receiver_uid, RK_UID_BYTES, tx->ssv,
                              RK_MIKEYSAKKE_SSV_BYTES);
    RK_CT_PUBLIC(&st, sizeof st);      /* r = 0 or not: the status says it */
    if (st != RK_OK)
        return st;
    /* TS 33.180 F.1.5 / E.6.1: DPCK from the SSV and DPPK-ID = CSB-ID */
    put_be32(dppk_id, tx->csb_id);
    rk_dpck(dpck, tx->ssv, RK_MIKEYSAKKE_SSV_BYTES, dppk_id);
    /*@ assert tx_msg_ok(tx); */
    st = add_all(ge, buf, pt, tx, n_prot, dpck);
    if (st != RK_OK)
        return st;
    fill_msg(&m, tx, sakke_data, ge, n_prot);
    st = rk_mikey_encode(out, cap, out_len, &signed_len, &m);
    if (st != RK_OK)
        return st;
    /* RFC 6509 4.3: ECCSI over HDR .. the SIGN type/length octets */
    if (tx->verifier != NULL)
        st = rk_eccsi_sign_verified(tx->signer, tx->verifier, tx->signer_uid, RK_UID_BYTES, sig,
                                    RK_ECCSI_SIG_BYTES, out, signed_len, tx->sign_rnd,
                                    tx->sign_rnd_len);
    else
        st = rk_eccsi_sign(tx->signer, sig, RK_ECCSI_SIG_BYTES, out, signed_len, tx->sign_rnd,
                           tx->sign_rnd_len);
    RK_CT_PUBLIC(&st, sizeof st);      /* the fault checks' verdict: public */
    if (st != RK_OK) {
        *out_len = 0;
        return st;
    }
    /*@ loop invariant 0 <= k <= 129;
        loop assigns k, out[signed_len .. signed_len + 128];
        loop variant 129 - k; */
    for (k = 0; k < RK_ECCSI_SIG_BYTES; k++)
        out[signed_len + k] = sig[k];
    return RK_OK;
}

rk_status rk_mikeysakke_send(uint8_t *out, size_t cap, size_t *out_len, const rk_mikeysakke_tx *tx)
{
    uint8_t dpck[RK_DPCK_BYTES];
    uint8_t buf[EXT_BUF_BYTES];
    uint8_t pt[RK_MIKEYSAKKE_KP_MAX_BYTES];
    size_t n_prot = 0;
    rk_status st;
    if (out_len == NULL)
        return RK_ERR_NULL;
    *out_len = 0;
    if (out == NULL || tx == NULL)
        return RK_ERR_NULL;
    rk_wipe(out, cap);
    if (tx->signer == NULL || tx->signer_uid == NULL || tx->sakke == NULL
        || tx->receiver_uid == NULL || tx->ssv == NULL || tx->rand == NULL
        || tx->idr_i.id == NULL || tx->idr_r.id == NULL || tx->kmsi_uri == NULL
        || tx->kmsr_uri == NULL || tx->iv_rnd == NULL || tx->sign_rnd == NULL)
        return RK_ERR_NULL;
    if (tx->n_ext > RK_MIKEYSAKKE_MAX_EXT)
        return RK_ERR_LENGTH;
    st = check_tx(&n_prot, tx);
    if (st != RK_OK)
        return st;
    rk_wipe(dpck, RK_DPCK_BYTES);
    rk_wipe(buf, EXT_BUF_BYTES);
    rk_wipe(pt, RK_MIKEYSAKKE_KP_MAX_BYTES);
    st = send_steps(out, cap, out_len, tx, n_prot, dpck, buf, pt);
    rk_wipe(dpck, RK_DPCK_BYTES);
    rk_wipe(buf, EXT_BUF_BYTES);
    rk_wipe(pt, RK_MIKEYSAKKE_KP_MAX_BYTES);
    if (st != RK_OK) {
        rk_wipe(out, cap);
        *out_len = 0;
    }
    return st;
}
