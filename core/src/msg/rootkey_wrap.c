/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/rootkey.h - the IWF side */
#include "rootkey/rootkey.h"
#include "rootkey/ct.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"

/* The E.6 key parameters of the message: key type = purpose tag (E.6.11),
 * status 1 = not revoked (E.6.9 bit 0), the caller's times and text, no
 * group IDs. */
/*@ requires \valid(kp) && \valid_read(in) && rk_rootkey_wrap_in_ok(in);
    requires \separated(kp, in);
    assigns *kp;
    ensures rk_kp_params_readable(kp); */
static void fill_kp(rk_kp_params *kp, const rk_rootkey_wrap_in *in)
{
    kp->key_type = in->purpose_tag;
    kp->status = 1;
    kp->activation = in->activation;
    kp->expiry = in->expiry;
    kp->text = in->text;
    kp->text_len = in->text ? in->text_len : 0;
    kp->has_group_ids = 0;
    kp->n_groups = 0;
    /*@ loop invariant 0 <= i <= RK_KP_MAX_GROUPS;
        loop assigns i, kp->group[0 .. RK_KP_MAX_GROUPS - 1],
            kp->group_len[0 .. RK_KP_MAX_GROUPS - 1];
        loop variant RK_KP_MAX_GROUPS - i; */
    for (size_t i = 0; i < RK_KP_MAX_GROUPS; i++) {
        kp->group[i] = 0;
        kp->group_len[i] = 0;
    }
}

/* No crypto sessions: #CS 0 with the empty map. */
/*@ requires \valid(tx);
    assigns tx->n_cs, tx->cs[0 .. RK_MIKEY_MAX_CS - 1];
    ensures tx->n_cs == 0; */
static void no_cs(rk_mikeysakke_tx *tx)
{
    tx->n_cs = 0;
    /*@ loop invariant 0 <= i <= RK_MIKEY_MAX_CS;
        loop assigns i, tx->cs[0 .. RK_MIKEY_MAX_CS - 1];
        loop variant RK_MIKEY_MAX_CS - i; */
    for (size_t i = 0; i < RK_MIKEY_MAX_CS; i++) {
        tx->cs[i].cs_id = 0;
        tx->cs[i].prot_type = 0;
        tx->cs[i].s_flag = 0;
        tx->cs[i].n_policies = 0;
        tx->cs[i].policies = 0;
        tx->cs[i].session_data = 0;
        tx->cs[i].session_data_len = 0;
        tx->cs[i].spi = 0;
        tx->cs[i].spi_len = 0;
    }
}

/* rk_msak_tx_ok without its kp part: what fill_tx establishes. */
/*@ predicate tx_fields_ok(rk_mikeysakke_tx *tx) =
        \valid_read(tx->signer) && \valid_read(tx->signer_uid + (0 .. RK_MIKEYSAKKE_UID_BYTES - 1)) &&
        (tx->verifier == \null || \valid_read(tx->verifier)) &&
        \valid_read(tx->sakke) && \valid_read(tx->receiver_uid + (0 .. RK_MIKEYSAKKE_UID_BYTES - 1)) &&
        \valid_read(tx->ssv + (0 .. RK_MIKEYSAKKE_SSV_BYTES - 1)) &&
        tx->n_cs == 0 &&
        tx->rand_len <= RK_MIKEY_MAX_BYTES && \valid_read(tx->rand + (0 .. tx->rand_len - 1)) &&
        tx->idr_i.id_len <= RK_MIKEY_MAX_BYTES && \valid_read(tx->idr_i.id + (0 .. tx->idr_i.id_len - 1)) &&
        tx->idr_r.id_len <= RK_MIKEY_MAX_BYTES && \valid_read(tx->idr_r.id + (0 .. tx->idr_r.id_len - 1)) &&
        tx->kmsi_uri_len <= RK_MIKEY_MAX_BYTES && \valid_read(tx->kmsi_uri + (0 .. tx->kmsi_uri_len - 1)) &&
        tx->kmsr_uri_len <= RK_MIKEY_MAX_BYTES && \valid_read(tx->kmsr_uri + (0 .. tx->kmsr_uri_len - 1)) &&
        tx->sp_params_len <= RK_MIKEY_MAX_BYTES && tx->has_sp == 0 &&
        tx->n_ext == 1 && tx->ext[0].pt_len <= RK_MIKEY_MAX_BYTES &&
        \valid_read(tx->ext[0].pt + (0 .. tx->ext[0].pt_len - 1)) &&
        tx->iv_rnd_len <= RK_MIKEY_MAX_BYTES && \valid_read(tx->iv_rnd + (0 .. tx->iv_rnd_len - 1)) &&
        tx->sign_rnd_len <= RK_MIKEY_MAX_BYTES && \valid_read(tx->sign_rnd + (0 .. tx->sign_rnd_len - 1)); */

/* The send description (docs/profile-element.md section 2): from the
 * caller's randomness at the RK_ROOTKEY_RND_* offsets, SSV = K_T, CSB-ID =
 * purpose tag || 28 bits, RAND, the two GCM IVs and the ECCSI nonce; the
 * key parameters kp; the LMR block blk[0..blen-1] as General Extension
 * RK_ROOTKEY_GENEXT_TYPE after SAKKE.  Every input is read before *tx is
 * written (proof idiom "read, then write", docs/proof-idioms.md). */
/*@ requires \valid(tx) && \valid_read(in) && rk_rootkey_wrap_in_ok(in);
    requires in->purpose_tag <= RK_ROOTKEY_TAG_MAX;
    requires \valid_read(uid + (0 .. RK_UID_BYTES - 1));
    requires blen <= RK_LMR_MAX_BYTES && \valid_read(blk + (0 .. blen - 1));
    requires \separated(tx, in, kp, uid + (0 .. RK_UID_BYTES - 1), blk + (0 .. blen - 1));
    assigns *tx;
    ensures tx_fields_ok(tx) && tx->kp == kp; */
static void fill_tx(rk_mikeysakke_tx *tx, const rk_rootkey_wrap_in *in, const rk_kp_params *kp,
                    const uint8_t *uid, const uint8_t *blk, size_t blen)
{
    const uint8_t *r = in->rnd;
    /* 28 bits of the CSB-ID from r[RK_ROOTKEY_RND_CSB ..] (proof idiom
     * "arithmetic, not bits"); the indices are written out as literals: the
     * goal of the ensures is then the one the cache holds */
    uint32_t rnd28 = (uint32_t)r[16] % 16u * 16777216u + (uint32_t)r[17] * 65536u +
                     (uint32_t)r[18] * 256u + r[19];
    uint32_t csb = (uint32_t)in->purpose_tag * 268435456u + rnd28;
    uint32_t ts = in->ts_sec;
    int64_t unix_t = rk_ntp_to_unix(ts);
    const rk_eccsi_signer_ctx *signer = in->signer;
    const uint8_t *iwf_uid = in->iwf_uid;
    const rk_eccsi_verifier_ctx *verifier = in->verifier;
    const rk_sakke_sender_ctx *sakke = in->sakke;
    const uint8_t *iwf_uri = in->iwf_uri, *user_uri = in->user_uri;
    const uint8_t *iwf_kms = in->iwf_kms_uri, *user_kms = in->user_kms_uri;
    size_t iwf_uri_len = in->iwf_uri_len, user_uri_len = in->user_uri_len;
    size_t iwf_kms_len = in->iwf_kms_uri_len, user_kms_len = in->user_kms_uri_len;
    no_cs(tx);
    tx->signer = signer;
    tx->signer_uid = iwf_uid;
    tx->verifier = verifier;
    tx->sakke = sakke;
    tx->receiver_uid = uid;
    tx->ssv = r;                             /* K_T: RK_ROOTKEY_RND_KT is 0 */
    tx->csb_id = csb;
    tx->ts_sec = ts;
    tx->ts_frac = 0;
    tx->rand = r + RK_ROOTKEY_RND_RAND;
    tx->rand_len = RK_ROOTKEY_RAND_BYTES;
    tx->idr_i.role = 1;
    tx->idr_i.id = iwf_uri;
    tx->idr_i.id_len = iwf_uri_len;
    tx->idr_r.role = 2;
    tx->idr_r.id = user_uri;
    tx->idr_r.id_len = user_uri_len;
    tx->kmsi_uri = iwf_kms;
    tx->kmsi_uri_len = iwf_kms_len;
    tx->kmsr_uri = user_kms;
    tx->kmsr_uri_len = user_kms_len;
    tx->has_sp = 0;
    tx->sp_policy_no = 0;
    tx->sp_prot_type = 0;
    tx->sp_params = 0;
    tx->sp_params_len = 0;
    tx->kp = kp;
    tx->kp_msg_type = RK_ROOTKEY_KP_MSG_TYPE;
    tx->kp_date_time = unix_t > 0 ? (uint64_t)unix_t : 0;
    tx->n_ext = 1;
    tx->ext[0].type = RK_ROOTKEY_GENEXT_TYPE;
    tx->ext[0].pt = blk;
    tx->ext[0].pt_len = blen;
    tx->ext[1].type = 0;
    tx->ext[1].pt = 0;
    tx->ext[1].pt_len = 0;
    tx->ext_before_sakke = 0;
    tx->iv_rnd = r + RK_ROOTKEY_RND_IV;      /* two IVs */
    tx->iv_rnd_len = RK_ROOTKEY_RND_IV_BYTES;
    tx->sign_rnd = r + RK_ROOTKEY_RND_SIGN;
    tx->sign_rnd_len = RK_MIKEYSAKKE_SIGN_RND_BYTES;
}

rk_status rk_rootkey_wrap(uint8_t *msg, size_t cap, size_t *msg_len, uint32_t *key_id,
                          uint64_t *period_no, const rk_rootkey_wrap_in *in)
{
    uint8_t blk[RK_LMR_MAX_BYTES], uid[RK_UID_BYTES];
    size_t blen = 0;
    uint64_t pno = 0;
    rk_kp_params kp;
    rk_mikeysakke_tx tx;
    rk_status st;

    *msg_len = 0;
    *key_id = 0;
    *period_no = 0;
    if (in->signer == 0 || in->iwf_uid == 0 || in->sakke == 0 || in->lmr == 0 || in->rnd == 0 ||
        in->iwf_uri == 0 || in->user_uri == 0 || in->iwf_kms_uri == 0 || in->user_kms_uri == 0) {
        rk_wipe(msg, cap);
        return RK_ERR_NULL;
    }
    if (in->purpose_tag > RK_ROOTKEY_TAG_MAX) {
        rk_wipe(msg, cap);
        return RK_ERR_RK_PURPOSE;
    }
    st = rk_lmr_encode(blk, sizeof blk, &blen, in->lmr);
    /* the key period of T under the user's KMS selects the user's UID */
    if (st == RK_OK)
        st = rk_key_period_no(&pno, rk_ntp_seconds_since_1900(in->ts_sec), in->period_len,
                              in->period_offset);
    if (st == RK_OK)
        st = rk_uid(uid, in->user_uri, in->user_uri_len, in->user_kms_uri, in->user_kms_uri_len,
                    in->period_len, in->period_offset, pno);
    if (st == RK_OK) {
        fill_kp(&kp, in);
        fill_tx(&tx, in, &kp, uid, blk, blen);
        /*@ assert rk_kp_params_readable(&kp); */
        /*@ assert \forall integer i; 0 <= i < tx.n_ext ==> i == 0; */
        st = rk_mikeysakke_send(msg, cap, msg_len, &tx);
        if (st == RK_OK) {
            *key_id = tx.csb_id;
            *period_no = pno;
        }
    }
    rk_wipe(blk, sizeof blk);
    if (st != RK_OK) {
        rk_wipe(msg, cap);
        *msg_len = 0;
        *key_id = 0;
        *period_no = 0;
    }
    return st;
}
