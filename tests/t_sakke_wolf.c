/* SPDX-License-Identifier: Apache-2.0 */
/* SAKKE interoperability with Debian's libwolfssl (an independent
 * implementation), both directions, with the RFC 6508 keys and with freshly
 * generated ones, SSVs with the top bit set and clear; and the study of the
 * octets of g^r fed to HashToIntegerRange (fixed 128 octets or minimal
 * length) over 3,000 random encapsulations each way (docs/sakke.md). */
#include <stdlib.h>
#include "rk_test.h"
#include "sk_common.h"
#include "rootkey/sakke.h"
#include "rootkey/hash.h"
#ifndef RK_NO_ORACLES
#include <sodium.h>
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/sakke.h>
#include <wolfssl/wolfcrypt/random.h>

static sk_rfc v;
static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv;
static SakkeKey wk;
static WC_RNG rng;
static ecc_point *wrsk;
static uint8_t wtab[1 << 20];

/* wolfSSL encapsulates ssv to id: data = R || H */
static int wolf_encap(uint8_t data[273], const uint8_t *id, size_t idl, const uint8_t ssv[16])
{
    uint8_t s[16];
    word16 asz = 257;
    memcpy(s, ssv, 16);
    if (wc_SetSakkeIdentity(&wk, id, (word16)idl) != 0) return 0;
    if (wc_MakeSakkeEncapsulatedSSV(&wk, WC_HASH_TYPE_SHA256, s, 16, data, &asz) != 0 || asz != 257)
        return 0;
    memcpy(data + 257, s, 16);
    return 1;
}

/* wolfSSL decapsulates; 1 and ssv on success */
static int wolf_decap(uint8_t ssv[16], const uint8_t *id, size_t idl, const uint8_t data[273])
{
    memcpy(ssv, data + 257, 16);
    if (wc_SetSakkeIdentity(&wk, id, (word16)idl) != 0) return 0;
    return wc_DeriveSakkeSSV(&wk, WC_HASH_TYPE_SHA256, ssv, 16, data, 257) == 0;
}

/* A fresh wolfSSL key object: wolfSSL keeps imported and generated parts
 * side by side (an imported public key survives wc_MakeSakkeKey), so every
 * scenario starts from a clean one. */
static void wolf_reset(void)
{
    wc_FreeSakkeKey(&wk);
    wc_InitSakkeKey_ex(&wk, 128, ECC_SAKKE_1, NULL, INVALID_DEVID);
}

static int wolf_keys(const uint8_t zpub[257], const uint8_t rsk[257], int with_table)
{
    word32 tl = sizeof wtab;
    int r1, r2, r3 = 0, r4;
    wolf_reset();
    r1 = wc_ImportSakkePublicKey(&wk, zpub, 257, 0);
    r2 = wc_DecodeSakkeRsk(&wk, rsk, 257, wrsk);
    if (with_table) {
        tl = 0;
        (void)wc_GenerateSakkeRskTable(&wk, wrsk, NULL, &tl);   /* asks the size */
        if (tl > sizeof wtab) printf("  wolf table %u\n", (unsigned)tl);
        r3 = wc_GenerateSakkeRskTable(&wk, wrsk, wtab, &tl);
        r4 = wc_SetSakkeRsk(&wk, wrsk, wtab, tl);
        if (r1 || r2 || r3 || r4) printf("  wolf_keys: %d %d %d %d\n", r1, r2, r3, r4);
        return r1 == 0 && r2 == 0 && r3 == 0 && r4 == 0;
    }
    if (r1 || r2) return 0;
    return wc_SetSakkeRsk(&wk, wrsk, NULL, 0) == 0;
}

static void both_ways(const char *what, const uint8_t *id, size_t idl)
{
    for (int i = 0; i < 6; i++) {
        uint8_t ssv[16], d1[273], d2[273], out[16];
        CASE_BEGIN("%s: SSV %d (top bit %s)", what, i, (i & 1) ? "set" : "clear");
        randombytes_buf(ssv, 16);
        ssv[0] = (uint8_t)((i & 1) ? (ssv[0] | 0x80) : (ssv[0] & 0x7f));
        CHECK_EQ(rk_sakke_encapsulate(d1, &snd, id, idl, ssv, 16), RK_OK);
        CHECK(wolf_decap(out, id, idl, d1));
        CHECK_MEM(out, ssv, 16);
        CHECK(wolf_encap(d2, id, idl, ssv));
        CHECK_MEM(d2, d1, 273);            /* deterministic: identical bytes */
        memset(out, 0, 16);
        rk_status st2 = rk_sakke_decapsulate(out, 16, &rcv, d2, 273);
        CHECK_EQ(st2, RK_OK);
        CHECK_MEM(out, ssv, 16);
        if (st2 != RK_OK) {
            FILE *f = fopen("/tmp/sk_fail.bin", "wb");
            if (f) { fwrite(d2, 1, 273, f); fwrite(d1, 1, 273, f); fclose(f); }
        }
        CASE_END();
    }
}

static void rfc_keys(void)
{
    uint8_t d[273], out[16];
    CHECK(v.ok);
    CHECK(wolf_keys(v.Z, v.K, 0));
    CHECK(wolf_encap(d, v.b, 26, v.ssv));
    CHECK_MEM(d, v.data, 273);            /* wolfSSL reproduces RFC 6508 App. A */
    CHECK(wolf_decap(out, v.b, 26, v.data));
    CHECK_MEM(out, v.ssv, 16);
    int valid = 0;
    CHECK(wc_ValidateSakkeRsk(&wk, v.b, 26, wrsk, &valid) == 0 && valid == 1);
}

static void fresh_keys(void)
{
    /* a wolfSSL KMS: our KMS computations must give the same Z and RSK */
    uint8_t z[128], zpub[257], ours[257], rsk[257], uid[32];
    word32 sz = sizeof z;
    wolf_reset();
    CHECK(wc_MakeSakkeKey(&wk, &rng) == 0);
    CHECK(wc_ExportSakkePrivateKey(&wk, z, &sz) == 0 && sz == 128);
    sz = 257;
    CHECK(wc_ExportSakkePublicKey(&wk, zpub, &sz, 0) == 0 && sz == 257);
    CHECK_EQ(rk_sakke_kms_public(ours, z, 128), RK_OK);
    CHECK_MEM(ours, zpub, 257);
    randombytes_buf(uid, 32);
    CHECK(wc_MakeSakkeRsk(&wk, uid, 32, wrsk) == 0);
    sz = 257;
    CHECK(wc_EncodeSakkeRsk(&wk, wrsk, rsk, &sz, 0) == 0 && sz == 257);
    CHECK_EQ(rk_sakke_kms_rsk(ours, z, 128, uid, 32), RK_OK);
    CHECK_MEM(ours, rsk, 257);
    CHECK_EQ(rk_sakke_sender_init(&snd, zpub), RK_OK);
    CHECK_EQ(rk_sakke_receiver_install(&rcv, zpub, uid, 32, rsk, 1), RK_OK);
    CHECK(wolf_keys(zpub, rsk, 1));
    both_ways("fresh wolfSSL KMS, 32-octet UID", uid, 32);
    CASE_BEGIN("wolfSSL validates an RSK made by rootkey's KMS");
    /* and an RSK made by our KMS, validated by wolfSSL */
    int valid = 0;
    uid[0] ^= 1;
    CHECK_EQ(rk_sakke_kms_rsk(ours, z, 128, uid, 32), RK_OK);
    CHECK(wc_DecodeSakkeRsk(&wk, ours, 257, wrsk) == 0);
    CHECK(wc_ValidateSakkeRsk(&wk, uid, 32, wrsk, &valid) == 0 && valid == 1);
    CASE_END();
}

/* The g^r octets: over N random SSVs, find the messages whose g^r has a zero
 * top octet and see which form each side uses. */
static void gr_octets_study(void)
{
    const char *ns = getenv("RK_SAKKE_STUDY_N");
    const int N = ns ? atoi(ns) : 3000;
    int top0_w2r = 0, fixed_w2r = 0, min_w2r = 0, same = 0;
    int top0_r2w = 0, wolf_fixed_ok = 0, wolf_min_ok = 0, ok_r2w = 0;
    CHECK_EQ(rk_sakke_sender_init(&snd, v.Z), RK_OK);
    CHECK_EQ(rk_sakke_receiver_install(&rcv, v.Z, v.b, 26, v.K, 1), RK_OK);
    CHECK(wolf_keys(v.Z, v.K, 1));
    for (int i = 0; i < N; i++) {
        uint8_t ssv[16], dw[273], dr[273], out[16], blk[128], wb[128], mmin[16];
        rk_fp r, w;
        randombytes_buf(ssv, 16);
        /* our g^r for this SSV */
        uint8_t buf[16 + 26];
        memcpy(buf, ssv, 16);
        memcpy(buf + 16, v.b, 26);
        rk_h2i_blocks(blk, 4, buf, sizeof buf);
        rk_bn_reduce_bytes(r.v, blk, 128, &rk_fp_mod_q);
        rk_gt_pow(&w, &snd.gt, &r);
        rk_fp_to_bytes(wb, &w);
        int t0 = wb[0] == 0;
        size_t k = 0;
        while (k < 128 && wb[k] == 0) k++;
        rk_h2i_mask(mmin, wb + k, 128 - k);
        /* wolfSSL -> rootkey */
        CHECK(wolf_encap(dw, v.b, 26, ssv));
        CHECK_EQ(rk_sakke_encapsulate(dr, &snd, v.b, 26, ssv, 16), RK_OK);
        same += memcmp(dw, dr, 273) == 0;
        if (t0) {
            int form = -1;
            top0_w2r++;
            CHECK_EQ(rk_sakke_decapsulate_form(out, 16, &rcv, dw, 273, &form), RK_OK);
            CHECK_MEM(out, ssv, 16);
            fixed_w2r += form == 0;
            min_w2r += form == 1;
        }
        /* rootkey -> wolfSSL: ours (fixed form) and, when the forms differ,
         * the minimal-form variant of the same message */
        ok_r2w += wolf_decap(out, v.b, 26, dr) && memcmp(out, ssv, 16) == 0;
        if (t0) {
            uint8_t dm[273];
            top0_r2w++;
            memcpy(dm, dr, 273);
            for (int j = 0; j < 16; j++) dm[257 + j] = (uint8_t)(ssv[j] ^ mmin[j]);
            wolf_fixed_ok += wolf_decap(out, v.b, 26, dr);
            wolf_min_ok += wolf_decap(out, v.b, 26, dm);
            /* and our decapsulation accepts the minimal form by the retry */
            int form = -1;
            CHECK_EQ(rk_sakke_decapsulate_form(out, 16, &rcv, dm, 273, &form), RK_OK);
            CHECK_EQ(form, 1);
            CHECK_MEM(out, ssv, 16);
        }
    }
    printf("  g^r octets, wolfSSL -> rootkey: %d encapsulations, %d identical to ours, "
           "%d with a zero top octet: %d opened with the fixed form, %d with the minimal form\n",
           N, same, top0_w2r, fixed_w2r, min_w2r);
    printf("  g^r octets, rootkey -> wolfSSL: %d encapsulations, %d opened by wolfSSL; "
           "zero top octet %d: wolfSSL opens fixed form %d, minimal form %d\n",
           N, ok_r2w, top0_r2w, wolf_fixed_ok, wolf_min_ok);
    CHECK_EQ(same, N);
    CHECK_EQ(ok_r2w, N);
    CHECK(top0_w2r > 0);
    CHECK_EQ(fixed_w2r, top0_w2r);       /* Debian's libwolfssl: fixed 128 octets */
    CHECK_EQ(wolf_fixed_ok, top0_r2w);
    CHECK_EQ(wolf_min_ok, 0);
}
#endif

void rk_suite_sakke_wolf(void)
{
#ifndef RK_NO_ORACLES
    sk_rfc_load(&v);
    wc_InitRng(&rng);
    wc_InitSakkeKey_ex(&wk, 128, ECC_SAKKE_1, NULL, INVALID_DEVID);
    wrsk = wc_ecc_new_point();
    RUN(rfc_keys);
    CASE_BEGIN("setup RFC keys");
    CHECK_EQ(rk_sakke_sender_init(&snd, v.Z), RK_OK);
    CHECK_EQ(rk_sakke_receiver_install(&rcv, v.Z, v.b, 26, v.K, 1), RK_OK);
    CASE_END();
    both_ways("RFC community keys", v.b, 26);
    RUN(fresh_keys);
    RUN(gr_octets_study);
    wc_ecc_del_point(wrsk);
    wc_FreeSakkeKey(&wk);
    wc_FreeRng(&rng);
#endif
}
