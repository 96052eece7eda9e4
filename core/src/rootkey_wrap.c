/* see rootkey/rootkey.h - the IWF side */
#include "rootkey/rootkey.h"
#include "rootkey/ct.h"
#include "rootkey/hash.h"

rk_status rk_rootkey_wrap(uint8_t *msg, size_t cap, size_t *msg_len, uint32_t *key_id,
                          uint64_t *period_no, const rk_rootkey_wrap_in *in)
{
    uint8_t blk[RK_LMR_MAX_BYTES], uid[RK_UID_BYTES];
    size_t blen = 0;
    uint64_t pno = 0;
    int64_t unix_t;
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
    if (in->purpose_tag > 15) {
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
        const uint8_t *r = in->rnd;
        uint32_t rnd28 = (uint32_t)r[16] % 16u * 16777216u + (uint32_t)r[17] * 65536u +
                         (uint32_t)r[18] * 256u + r[19];
        unix_t = rk_ntp_to_unix(in->ts_sec);
        kp.key_type = in->purpose_tag;          /* E.6.11: the purpose tag */
        kp.status = 1;                          /* E.6.9 bit 0: not revoked */
        kp.activation = in->activation;
        kp.expiry = in->expiry;
        kp.text = in->text;
        kp.text_len = in->text ? in->text_len : 0;
        kp.has_group_ids = 0;
        kp.n_groups = 0;
        for (size_t i = 0; i < RK_KP_MAX_GROUPS; i++) {
            kp.group[i] = 0;
            kp.group_len[i] = 0;
        }
        tx.signer = in->signer;
        tx.signer_uid = in->iwf_uid;
        tx.verifier = in->verifier;
        tx.sakke = in->sakke;
        tx.receiver_uid = uid;
        tx.ssv = r;                             /* K_T: rnd[0..15] */
        tx.csb_id = (uint32_t)in->purpose_tag * 268435456u + rnd28;
        tx.n_cs = 0;                            /* #CS 0, empty map */
        for (size_t i = 0; i < RK_MIKEY_MAX_CS; i++) {
            tx.cs[i].cs_id = 0;
            tx.cs[i].prot_type = 0;
            tx.cs[i].s_flag = 0;
            tx.cs[i].n_policies = 0;
            tx.cs[i].policies = 0;
            tx.cs[i].session_data = 0;
            tx.cs[i].session_data_len = 0;
            tx.cs[i].spi = 0;
            tx.cs[i].spi_len = 0;
        }
        tx.ts_sec = in->ts_sec;
        tx.ts_frac = 0;
        tx.rand = r + 20;
        tx.rand_len = 16;
        tx.idr_i.role = 1;
        tx.idr_i.id = in->iwf_uri;
        tx.idr_i.id_len = in->iwf_uri_len;
        tx.idr_r.role = 2;
        tx.idr_r.id = in->user_uri;
        tx.idr_r.id_len = in->user_uri_len;
        tx.kmsi_uri = in->iwf_kms_uri;
        tx.kmsi_uri_len = in->iwf_kms_uri_len;
        tx.kmsr_uri = in->user_kms_uri;
        tx.kmsr_uri_len = in->user_kms_uri_len;
        tx.has_sp = 0;
        tx.sp_policy_no = 0;
        tx.sp_prot_type = 0;
        tx.sp_params = 0;
        tx.sp_params_len = 0;
        tx.kp = &kp;
        tx.kp_msg_type = RK_ROOTKEY_KP_MSG_TYPE;
        tx.kp_date_time = unix_t > 0 ? (uint64_t)unix_t : 0;
        tx.n_ext = 1;
        tx.ext[0].type = RK_ROOTKEY_GENEXT_TYPE;
        tx.ext[0].pt = blk;
        tx.ext[0].pt_len = blen;
        tx.ext[1].type = 0;
        tx.ext[1].pt = 0;
        tx.ext[1].pt_len = 0;
        tx.ext_before_sakke = 0;
        tx.iv_rnd = r + 36;                     /* two 16-octet IVs */
        tx.iv_rnd_len = 32;
        tx.sign_rnd = r + 68;
        tx.sign_rnd_len = 32;
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
    }
    return st;
}
