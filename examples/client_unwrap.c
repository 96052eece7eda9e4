/* SPDX-License-Identifier: Apache-2.0
 * examples/client_unwrap.c - the client side: find the lmr-root-key elements
 * in DEMO_USER's profile document, check each against the signed message it
 * carries and unwrap the root key.
 *   client_unwrap < profile-with-key.xml
 * Build: cc client_unwrap.c $(pkg-config --cflags --libs rootkey)
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include <rootkey/rootkey.h>
#include <rootkey/profile.h>
#include <rootkey/keyperiod.h>
#include <rootkey/b64.h>
#include "demo_keys.h"

static rk_sakke_receiver_ctx sakke;    /* large (tables): not on the stack */
static rk_rootkey_scratch scratch;
static uint8_t doc[65536], msg[RK_ROOTKEY_MAX_MSG];

int main(void)
{
    uint8_t kpak[65], z_pub[257], uid[32], rsk[257];
    size_t len = fread(doc, 1, sizeof doc, stdin), n_els, msg_len;
    uint32_t ts;
    uint64_t period_no;
    rk_eccsi_verifier_ctx iwf_kpak;
    rk_profile_ctx pctx;
    rk_profile_element els[16];
    rk_rootkey_result res;
    if (sodium_init() < 0) return 1;
    CHECK(rk_ntp_from_unix(&ts, (int64_t)time(NULL)));
    CHECK(rk_key_period_no(&period_no, rk_ntp_seconds_since_1900(ts), DEMO_PERIOD_LEN, 0));

    /* my key set for this period as the KMS would issue it: KPAK, Z, RSK */
    CHECK(rk_eccsi_kms_kpak(kpak, demo_ksak));
    CHECK(rk_eccsi_verifier_init(&iwf_kpak, kpak, sizeof kpak));
    CHECK(rk_sakke_kms_public(z_pub, demo_z, sizeof demo_z));
    CHECK(rk_uid(uid, S(DEMO_USER), S(DEMO_KMS), DEMO_PERIOD_LEN, 0, period_no));
    CHECK(rk_sakke_kms_rsk(rsk, demo_z, sizeof demo_z, uid, sizeof uid));
    CHECK(rk_sakke_receiver_install(&sakke, z_pub, uid, sizeof uid, rsk, 0));
    sodium_memzero(rsk, sizeof rsk);
    rk_mikeysakke_rx keyset = {
        .kpak = &iwf_kpak, .kmsi_uri = U(DEMO_KMS), .kmsi_uri_len = L(DEMO_KMS),
        .kmsi_period_len = DEMO_PERIOD_LEN, .sakke = &sakke, .kmsr_uri = U(DEMO_KMS),
        .kmsr_uri_len = L(DEMO_KMS), .period_len = DEMO_PERIOD_LEN, .period_no = period_no,
        .my_uri = U(DEMO_USER), .my_uri_len = L(DEMO_USER), .kp_mode = RK_MIKEYSAKKE_KP_REQUIRED };
    const uint8_t *iwfs[1] = { U(DEMO_IWF) };
    const size_t iwf_lens[1] = { L(DEMO_IWF) };
    rk_rootkey_unwrap_in in = { .keysets = &keyset, .n_keysets = 1, .iwf_uris = iwfs,
                                .iwf_uri_lens = iwf_lens, .n_iwf = 1,
                                .purpose_tag = RK_ROOTKEY_DEFAULT_TAG, .lmr_type = RK_LMR_P25,
                                .now_unix = (int64_t)time(NULL) };

    CHECK(rk_profile_find(&pctx, doc, len, 0, els, 16, &n_els));
    int found = 0;
    for (size_t i = 0; i < n_els; i++) {
        rk_profile_element *e = &els[i];
        if (rk_b64_decode(msg, sizeof msg, (const char *)doc + e->text.off, e->text.len,
                          &msg_len, RK_B64_ALLOW_SPACE) != RK_OK ||
            rk_rootkey_unwrap(&res, &scratch, &in, msg, msg_len) != RK_OK)
            continue;                  /* not for me, or not valid: skip it */
        /* the element's attributes must be what the signed message says */
        if (e->key_id_value == res.key_id && e->key_period_value == res.period_no &&
            e->kms_uri.len == L(DEMO_KMS) && !memcmp(doc + e->kms_uri.off, DEMO_KMS, L(DEMO_KMS))) {
            printf("client_unwrap: root key %08X, P25 WACN %05X system %03X unit %06X, %u octets\n",
                   (unsigned)res.key_id, (unsigned)res.lmr.wacn, (unsigned)res.lmr.system_id,
                   (unsigned)res.lmr.unit_id, (unsigned)res.lmr.key_len);
            found++;                   /* a real client seals res.lmr.key in its key store */
        }
        rk_rootkey_result_wipe(&res);
    }
    rk_sakke_receiver_wipe(&sakke);
    return found ? 0 : 1;
}
