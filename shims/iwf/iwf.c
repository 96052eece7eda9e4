/* SPDX-License-Identifier: Apache-2.0 */
/* see iwf.h */
#include "iwf.h"
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/atomic.h"
#include "rootkey/b64.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/hex.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"

void rk_iwf_close(rk_iwf *w)
{
    if (w->signer) { rk_eccsi_signer_wipe(w->signer); sodium_free(w->signer); }
    free(w->sakke);
    free(w->verifier);
    memset(w, 0, sizeof *w);
}

rk_status rk_iwf_open(rk_iwf *w, const rk_kms_cert *kms, const rk_kms_cert *iwf_kms,
                      const uint8_t *xml, size_t len, const char *iwf_uri, int64_t now_unix,
                      char *err, size_t errlen)
{
    rk_status st;
    size_t n = 0, pick = 0;
    rk_kms_keyset *all = sodium_malloc(RK_KMS_MAX_KEYSETS * sizeof *all), *ks = NULL;
    memset(w, 0, sizeof *w);
    w->kms = *kms;
    w->iwf_kms = *iwf_kms;
    w->sakke = malloc(sizeof *w->sakke);
    w->verifier = malloc(sizeof *w->verifier);
    w->signer = sodium_malloc(sizeof *w->signer);
    if (!all || !w->sakke || !w->verifier || !w->signer) { st = RK_ERR_ALLOC; goto fail; }
    /* every key set, each checked against the IWF's KMS certificate (core:
     * the same KmsUri, UserID the UID of UserUri in its period) */
    st = rk_kms_keysets_load(all, RK_KMS_MAX_KEYSETS, &n, iwf_kms, xml, len, now_unix, err, errlen);
    if (st != RK_OK) goto fail;
    st = rk_kms_period_now(&w->period_no, iwf_kms, now_unix);
    if (st != RK_OK) goto fail;
    /* the key set of the period wrapped for (a response may hold the next one too) */
    while (pick < n && all[pick].period_no != w->period_no) pick++;
    if (pick == n) {
        if (err) snprintf(err, errlen, "IWF key set is for key period %llu of %.100s, not %llu (the period wrapped for)",
                          (unsigned long long)all[0].period_no, iwf_kms->kms_uri, (unsigned long long)w->period_no);
        st = RK_ERR_IWF_PERIOD; goto fail;
    }
    ks = &all[pick];
    if (iwf_uri && strcmp(ks->user_uri, iwf_uri) != 0) {
        if (err) snprintf(err, errlen, "the key set is %.100s's, not the IWF's (%.100s)", ks->user_uri, iwf_uri);
        st = RK_ERR_IWF_SIGNER; goto fail;
    }
    strcpy(w->iwf_uri, ks->user_uri);
    memcpy(w->iwf_uid, ks->uid, 32);
    st = rk_eccsi_signer_init(w->signer, iwf_kms->kpak, 65, w->iwf_uid, 32, ks->ssk, 32, ks->pvt, 65);
    if (st != RK_OK) { if (err) snprintf(err, errlen, "SSK validation: %s", rk_strerror(st)); goto fail; }
    st = rk_eccsi_verifier_init(w->verifier, iwf_kms->kpak, 65);
    if (st == RK_OK) st = rk_sakke_sender_init(w->sakke, kms->z_pub);
    if (st != RK_OK) goto fail;
    sodium_free(all);
    return RK_OK;
fail:
    if (all) sodium_free(all);
    rk_iwf_close(w);
    return st;
}

void rk_iwf_stem(char *out, size_t cap, const char *id)
{
    uint8_t d[32];
    size_t hl = 0;
    out[0] = 0;
    if (cap < RK_IWF_STEM_MAX) return;
    rk_sha256(d, (const uint8_t *)id, strlen(id));
    memcpy(out, "u-", 2);
    if (rk_hex_encode(out + 2, cap - 2, d, 32, &hl) != RK_OK) out[0] = 0;
    else out[2 + hl] = 0;
}

rk_status rk_iwf_element(rk_iwf *w, const char *id, const rk_lmr_block *b, int64_t now_unix,
                         uint8_t *el, size_t cap, size_t *elen, uint32_t *key_id_out,
                         uint64_t *period_out, char *err, size_t errlen)
{
    uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES];
    randombytes_buf(rnd, sizeof rnd);
    rk_status st = rk_iwf_element_rnd(w, id, b, now_unix, rnd, el, cap, elen, key_id_out, period_out, err, errlen);
    sodium_memzero(rnd, sizeof rnd);
    return st;
}

rk_status rk_iwf_element_rnd(const rk_iwf *w, const char *id, const rk_lmr_block *b, int64_t now_unix,
                             const uint8_t *rnd, uint8_t *el, size_t cap,
                             size_t *elen, uint32_t *key_id_out, uint64_t *period_out, char *err,
                             size_t errlen)
{
    rk_status st;
    uint8_t msg[RK_ROOTKEY_MAX_MSG];
    char b64[RK_B64_ENCODED_LEN(RK_ROOTKEY_MAX_MSG) + 1];
    size_t ml = 0, bl = 0;
    uint32_t key_id = 0, ts = 0;
    uint64_t period = 0;
    *elen = 0;
    st = rk_ntp_from_unix(&ts, now_unix);
    if (st != RK_OK) return st;
    rk_rootkey_wrap_in in;
    memset(&in, 0, sizeof in);
    in.signer = w->signer; in.iwf_uid = w->iwf_uid; in.verifier = w->verifier;
    in.iwf_uri = (const uint8_t *)w->iwf_uri; in.iwf_uri_len = strlen(w->iwf_uri);
    in.iwf_kms_uri = (const uint8_t *)w->iwf_kms.kms_uri; in.iwf_kms_uri_len = strlen(w->iwf_kms.kms_uri);
    in.sakke = w->sakke;
    in.user_uri = (const uint8_t *)id; in.user_uri_len = strlen(id);
    in.user_kms_uri = (const uint8_t *)w->kms.kms_uri; in.user_kms_uri_len = strlen(w->kms.kms_uri);
    in.period_len = w->kms.period_len; in.period_offset = w->kms.period_offset;
    in.lmr = b; in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.text = (const uint8_t *)RK_ROOTKEY_TEXT; in.text_len = sizeof RK_ROOTKEY_TEXT - 1;
    in.ts_sec = ts; in.rnd = rnd;
    st = rk_rootkey_wrap(msg, sizeof msg, &ml, &key_id, &period, &in);
    if (st != RK_OK) { snprintf(err, errlen, "wrap: %s", rk_strerror(st)); return st; }
    st = rk_b64_encode(b64, sizeof b64, msg, ml, &bl);
    if (st == RK_OK)
        st = rk_profile_encode_element(el, cap, elen, b->lmr_type, key_id,
                                       (const uint8_t *)w->kms.kms_uri, strlen(w->kms.kms_uri),
                                       period, (const uint8_t *)b64, bl);
    if (st != RK_OK) { snprintf(err, errlen, "element: %s", rk_strerror(st)); return st; }
    *key_id_out = key_id;
    *period_out = period;
    return RK_OK;
}

