/* SPDX-License-Identifier: Apache-2.0
 * examples/iwf_wrap.c - the IWF side: wrap a P25 UKEK for DEMO_USER and put
 * it, as an lmr-root-key element, into the user's profile document.
 *   iwf_wrap < profile.xml > profile-with-key.xml
 * Build: cc iwf_wrap.c $(pkg-config --cflags --libs rootkey)
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

static rk_sakke_sender_ctx sakke;      /* large (tables): not on the stack */
static rk_eccsi_signer_ctx signer;
static uint8_t doc[65536], out[65536 + 4096];

int main(void)
{
    uint8_t kpak[65], z_pub[257], uid[32], ssk[32], pvt[65], v[32];
    uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES], msg[RK_ROOTKEY_MAX_MSG];
    char b64[RK_B64_ENCODED_LEN(RK_ROOTKEY_MAX_MSG)];
    size_t len = fread(doc, 1, sizeof doc, stdin), msg_len, b64_len, out_len;
    uint32_t ts, key_id;
    uint64_t period_no;
    rk_profile_ctx pctx;
    if (sodium_init() < 0) return 1;
    CHECK(rk_ntp_from_unix(&ts, (int64_t)time(NULL)));
    CHECK(rk_key_period_no(&period_no, rk_ntp_seconds_since_1900(ts), DEMO_PERIOD_LEN, 0));

    /* the key sets the KMS would issue: the IWF's SSK/PVT, the KMS's Z */
    CHECK(rk_eccsi_kms_kpak(kpak, demo_ksak));
    CHECK(rk_uid(uid, S(DEMO_IWF), S(DEMO_KMS), DEMO_PERIOD_LEN, 0, period_no));
    randombytes_buf(v, sizeof v);
    CHECK(rk_eccsi_kms_make_ssk(ssk, pvt, demo_ksak, kpak, uid, sizeof uid, v));
    CHECK(rk_eccsi_signer_init(&signer, kpak, 65, uid, 32, ssk, 32, pvt, 65));
    sodium_memzero(ssk, sizeof ssk);
    CHECK(rk_sakke_kms_public(z_pub, demo_z, sizeof demo_z));
    CHECK(rk_sakke_sender_init(&sakke, z_pub));

    /* the root key: a 256-bit P25 UKEK for one radio */
    rk_lmr_block lmr = { .lmr_type = RK_LMR_P25, .wacn = 0xBEE00, .system_id = 0x123,
                         .unit_id = 0x00ABCD, .algid = 0x84, .key_id = 1, .key_len = 32 };
    randombytes_buf(lmr.key, lmr.key_len);

    rk_rootkey_wrap_in in = {
        .signer = &signer, .iwf_uid = uid, .iwf_uri = U(DEMO_IWF), .iwf_uri_len = L(DEMO_IWF),
        .iwf_kms_uri = U(DEMO_KMS), .iwf_kms_uri_len = L(DEMO_KMS),
        .sakke = &sakke, .user_uri = U(DEMO_USER), .user_uri_len = L(DEMO_USER),
        .user_kms_uri = U(DEMO_KMS), .user_kms_uri_len = L(DEMO_KMS), .period_len = DEMO_PERIOD_LEN,
        .lmr = &lmr, .purpose_tag = RK_ROOTKEY_DEFAULT_TAG,
        .text = U(RK_ROOTKEY_TEXT), .text_len = L(RK_ROOTKEY_TEXT), .ts_sec = ts, .rnd = rnd };
    randombytes_buf(rnd, sizeof rnd);
    rk_status st = rk_rootkey_wrap(msg, sizeof msg, &msg_len, &key_id, &period_no, &in);
    sodium_memzero(rnd, sizeof rnd);
    rk_lmr_wipe(&lmr);
    rk_eccsi_signer_wipe(&signer);
    CHECK(st);

    /* base64 of the message into the element, the element into the document */
    CHECK(rk_b64_encode(b64, sizeof b64, msg, msg_len, &b64_len));
    CHECK(rk_profile_upsert(&pctx, out, sizeof out, &out_len, doc, len, 0, RK_PROFILE_LMR_P25,
                            key_id, S(DEMO_KMS), period_no, (const uint8_t *)b64, b64_len));
    fwrite(out, 1, out_len, stdout);
    fprintf(stderr, "iwf_wrap: root key %08X for %s, key period %llu\n", (unsigned)key_id,
            DEMO_USER, (unsigned long long)period_no);
    return 0;
}
