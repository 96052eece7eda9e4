/* SPDX-License-Identifier: Apache-2.0 */
/* The root-key message end to end (rootkey/rootkey.h) against the same
 * operations built from Debian's libwolfssl primitives, in the same run:
 *
 *   rootkey_wrap    per user, a new user (MCPTT ID) each call: the user's
 *                   UID (SHA-256), SAKKE encapsulation of a fresh K_T to it,
 *                   DPCK (HMAC-SHA-256), two AES-128-GCM seals (key
 *                   parameters, LMR block), the message, the ECCSI signature.
 *                   The IWF shim also verifies after signing:
 *                   rootkey_wrap_verified adds that on both sides.
 *   rootkey_unwrap  per element, with the RSK table on both sides: the
 *                   signer's and my UIDs, ECCSI verification, SAKKE
 *                   decapsulation, DPCK, two AES-128-GCM opens, the LMR
 *                   block decoded.
 *
 * The wolfSSL side uses wolfSSL for every cryptographic step (wc_Sha256,
 * SAKKE, ECCSI, HMAC, AES-GCM); MIKEY framing is plain memcpy, and locating
 * the payloads of a received message uses rk_mikey_parse (wolfSSL has no
 * MIKEY parser; it costs microseconds), as decoding the LMR block uses
 * rk_lmr_decode.  Our rk_rootkey_unwrap opens the wolfSSL-built message and
 * the wolfSSL path opens ours: both are checked once before timing, so the
 * two sides do the same work.  Keys: those of the worked example
 * (docs/profile-element.md 7). */
#include <stdio.h>
#include <string.h>
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/aes.h>
#include <wolfssl/wolfcrypt/eccsi.h>
#include <wolfssl/wolfcrypt/hmac.h>
#include <wolfssl/wolfcrypt/random.h>
#include <wolfssl/wolfcrypt/sakke.h>
#include <wolfssl/wolfcrypt/sha256.h>
#include "bench.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/mikey.h"
#include "rootkey/rootkey.h"

#define U8(s) ((const uint8_t *)(s))

static const char kms[] = "kms.rootkey.test";
static const char iwf[] = "sip:lmr-iwf@rootkey.test";
static const char alice[] = "sip:alice@rootkey.test";
static const uint64_t plen = 2592000;
static const uint32_t ts = 3968437672u;
static const int64_t now_unix = 1759449600 + 10;
static uint64_t pno;
static unsigned user_no, bad;
static char user[64];

/* ours */
static rk_eccsi_verifier_ctx kpak_ctx;
static rk_eccsi_signer_ctx sig;
static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv;
static uint8_t iwf_uid[32], alice_uid[32], zpub[257], kpak[65], ssk[32], pvt[65], rsk[257];
static rk_lmr_block blk;
static uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES];
static uint8_t msg[RK_ROOTKEY_MAX_MSG], wmsg[RK_ROOTKEY_MAX_MSG], amsg[RK_ROOTKEY_MAX_MSG];
static size_t msg_len, wmsg_len, amsg_len;   /* amsg: rootkey's message for alice */
static rk_rootkey_scratch scratch;
static rk_rootkey_result res;
static rk_mikeysakke_rx ks;
static const uint8_t *iu[1];
static size_t il[1];
static int verify_after_sign;

/* wolfSSL */
static WC_RNG wrng;
static EccsiKey wsign, wver;
static SakkeKey wsend, wrecv;
static ecc_point *wrsk, *wpvt;
static mp_int wssk;
static uint8_t wtab[1 << 20];
static uint8_t lmr_pt[RK_LMR_MAX_BYTES], kp_pt[64];
static size_t lmr_pt_len, kp_pt_len;

static void put16(uint8_t *p, size_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v; }

/* TS 33.180 F.2.1 with wolfSSL's SHA-256 */
static void put_int(wc_Sha256 *h, uint64_t v)
{
    uint8_t b[8], l[2];
    size_t n = 1;
    for (int i = 0; i < 8; i++) {
        b[7 - i] = (uint8_t)(v >> (8 * i));
        if (b[7 - i]) n = (size_t)i + 1;
    }
    wc_Sha256Update(h, b + 8 - n, (word32)n);
    put16(l, n);
    wc_Sha256Update(h, l, 2);
}

static void wolf_uid(uint8_t out[32], const char *uri, uint64_t no)
{
    wc_Sha256 h;
    uint8_t l[2];
    static const uint8_t fc = 0;
    wc_InitSha256(&h);
    wc_Sha256Update(&h, &fc, 1);
    wc_Sha256Update(&h, U8("MIKEY-SAKKE-UID"), 15);
    put16(l, 15); wc_Sha256Update(&h, l, 2);
    wc_Sha256Update(&h, U8(uri), (word32)strlen(uri));
    put16(l, strlen(uri)); wc_Sha256Update(&h, l, 2);
    wc_Sha256Update(&h, U8(kms), sizeof kms - 1);
    put16(l, sizeof kms - 1); wc_Sha256Update(&h, l, 2);
    put_int(&h, plen);
    put_int(&h, 0);
    put_int(&h, no);
    wc_Sha256Final(&h, out);
    wc_Sha256Free(&h);
}

/* DPCK = the last 16 octets of HMAC-SHA-256(K_T, 0x53 || DPPK-ID || 00 04) */
static void wolf_dpck(uint8_t out[16], const uint8_t kt[16], const uint8_t id[4])
{
    Hmac h;
    uint8_t full[32], s[7] = { 0x53, id[0], id[1], id[2], id[3], 0, 4 };
    wc_HmacInit(&h, NULL, INVALID_DEVID);
    wc_HmacSetKey(&h, WC_SHA256, kt, 16);
    wc_HmacUpdate(&h, s, sizeof s);
    wc_HmacFinal(&h, full);
    wc_HmacFree(&h);
    memcpy(out, full + 16, 16);
}

/* One E.6 protected payload: 35-octet header, ciphertext, tag. */
static size_t wolf_seal(uint8_t *p, const uint8_t dpck[16], const uint8_t iv[16], const uint8_t id[4],
                        const uint8_t *pt, size_t n)
{
    Aes aes;
    uint32_t t = (uint32_t)(ts - 2208988800u);
    p[0] = RK_ROOTKEY_KP_MSG_TYPE;
    p[1] = 0; put32(p + 2, t);                 /* 40-bit Unix seconds */
    memset(p + 6, 0, 5);                       /* payload ID, sequence */
    p[11] = 1;                                 /* AES-128-GCM */
    memcpy(p + 12, iv, 16);
    memcpy(p + 28, id, 4);
    p[32] = 0;
    put16(p + 33, n + 16);
    wc_AesInit(&aes, NULL, INVALID_DEVID);
    wc_AesGcmSetKey(&aes, dpck, 16);
    if (wc_AesGcmEncrypt(&aes, p + 35, pt, (word32)n, iv, 16, p + 35 + n, 16, p, 32) != 0) bad++;
    wc_AesFree(&aes);
    return 35 + n + 16;
}

static size_t idr(uint8_t *p, uint8_t next, uint8_t role, const char *s)
{
    size_t n = strlen(s);
    p[0] = next; p[1] = role; p[2] = 1; put16(p + 3, n);
    memcpy(p + 5, s, n);
    return 5 + n;
}

/* The whole message for `u`, wolfSSL doing the cryptography. */
static size_t wolf_wrap_one(uint8_t *m, const char *u)
{
    uint8_t uid[32], kt[16], auth[300], dpck[16], id[4];
    word16 asz = sizeof auth;
    size_t o = 0;
    uint32_t csb = 0xF0000000u | ((uint32_t)(rnd[16] & 15) << 24 | (uint32_t)rnd[17] << 16 |
                                  (uint32_t)rnd[18] << 8 | rnd[19]);
    wolf_uid(uid, u, pno);
    memcpy(kt, rnd, 16);
    wc_SetSakkeIdentity(&wsend, uid, 32);
    /* wolfSSL writes R into auth and masks the SSV in place into H */
    if (wc_MakeSakkeEncapsulatedSSV(&wsend, WC_HASH_TYPE_SHA256, kt, 16, auth, &asz) != 0 || asz != 257)
        bad++;
    memcpy(auth + 257, kt, 16);
    put32(id, csb);
    wolf_dpck(dpck, rnd, id);
    /* HDR, T, RAND */
    m[o++] = 1; m[o++] = 26; m[o++] = 5; m[o++] = 1; put32(m + o, csb); o += 4; m[o++] = 0; m[o++] = 1;
    m[o++] = 11; m[o++] = 0; put32(m + o, ts); o += 4; memset(m + o, 0, 4); o += 4;
    m[o++] = 14; m[o++] = 16; memcpy(m + o, rnd + 20, 16); o += 16;
    o += idr(m + o, 14, 1, iwf);
    o += idr(m + o, 14, 2, u);
    o += idr(m + o, 14, 6, kms);
    o += idr(m + o, 26, 7, kms);
    /* SAKKE: params 1, ID scheme 2, length 273, R || H */
    m[o++] = 21; m[o++] = 1; m[o++] = 2; put16(m + o, 273); o += 2;
    memcpy(m + o, auth, 273); o += 273;
    /* GE 7, GE 250 */
    m[o] = 21; m[o + 1] = 7;
    size_t n = wolf_seal(m + o + 4, dpck, rnd + 36, id, kp_pt, kp_pt_len);
    put16(m + o + 2, n); o += 4 + n;
    m[o] = 4; m[o + 1] = RK_ROOTKEY_GENEXT_TYPE;
    n = wolf_seal(m + o + 4, dpck, rnd + 52, id, lmr_pt, lmr_pt_len);
    put16(m + o + 2, n); o += 4 + n;
    /* SIGN: type 2, length 129 */
    m[o++] = 0x20; m[o++] = 0x81;
    word32 sl = 129;
    if (wc_SignEccsiHash(&wsign, &wrng, WC_HASH_TYPE_SHA256, m, (word32)o, m + o, &sl) != 0 || sl != 129)
        bad++;
    if (verify_after_sign) {
        /* as a verifier does: HS from the PVT in the signature */
        byte hash[64], hsz = sizeof hash;
        int ok = 0;
        if (wc_DecodeEccsiPvtFromSig(&wver, m + o, 129, wpvt) != 0 ||
            wc_HashEccsiId(&wver, WC_HASH_TYPE_SHA256, iwf_uid, 32, wpvt, hash, &hsz) != 0 ||
            wc_SetEccsiHash(&wver, hash, hsz) != 0 ||
            wc_VerifyEccsiHash(&wver, WC_HASH_TYPE_SHA256, m, (word32)o, m + o, 129, &ok) != 0 || !ok)
            bad++;
    }
    return o + 129;
}

/* Open m with wolfSSL doing the cryptography; the root key into key. */
static int wolf_unwrap_one(const uint8_t *m, size_t len, rk_lmr_block *out)
{
    rk_mikey_view v;
    uint8_t uid[32], me[32], ssv[16], dpck[16], id[4], pt[RK_LMR_MAX_BYTES + 64];
    byte hash[64], hsz = sizeof hash;
    int ok = 0, good = 1;
    if (rk_mikey_parse(&v, m, len) != RK_OK) return 0;
    wolf_uid(uid, iwf, pno);
    /* ECCSI: HS from the PVT in the signature, then verify */
    if (wc_DecodeEccsiPvtFromSig(&wver, m + v.signature.off, 129, wpvt) != 0 ||
        wc_HashEccsiId(&wver, WC_HASH_TYPE_SHA256, uid, 32, wpvt, hash, &hsz) != 0 ||
        wc_SetEccsiHash(&wver, hash, hsz) != 0 ||
        wc_VerifyEccsiHash(&wver, WC_HASH_TYPE_SHA256, m, (word32)v.signed_range.len,
                           m + v.signature.off, 129, &ok) != 0 || !ok)
        return 0;
    /* SAKKE to my UID for the period of T */
    wolf_uid(me, alice, pno);
    wc_SetSakkeIdentity(&wrecv, me, 32);
    memcpy(ssv, m + v.sakke_data.off + 257, 16);
    if (wc_DeriveSakkeSSV(&wrecv, WC_HASH_TYPE_SHA256, ssv, 16, m + v.sakke_data.off, 257) != 0)
        return 0;
    put32(id, v.csb_id);
    wolf_dpck(dpck, ssv, id);
    for (size_t g = 0; g < v.n_genext; g++) {
        const uint8_t *d = m + v.genext[g].data.off;
        size_t n = v.genext[g].data.len - 35 - 16;
        Aes aes;
        wc_AesInit(&aes, NULL, INVALID_DEVID);
        wc_AesGcmSetKey(&aes, dpck, 16);
        if (n > sizeof pt || wc_AesGcmDecrypt(&aes, pt, d + 35, (word32)n, d + 12, 16, d + 35 + n, 16, d, 32) != 0)
            good = 0;
        wc_AesFree(&aes);
        if (good && v.genext[g].type == RK_ROOTKEY_GENEXT_TYPE && rk_lmr_decode(out, pt, n) != RK_OK)
            good = 0;
    }
    return good;
}

static void our_wrap(void *a)
{
    rk_rootkey_wrap_in in;
    uint32_t key_id;
    uint64_t no;
    (void)a;
    snprintf(user, sizeof user, "sip:user%06u@rootkey.test", user_no++);
    rnd[0]++;
    memset(&in, 0, sizeof in);
    in.signer = &sig; in.iwf_uid = iwf_uid; in.verifier = verify_after_sign ? &kpak_ctx : NULL;
    in.iwf_uri = U8(iwf); in.iwf_uri_len = sizeof iwf - 1;
    in.iwf_kms_uri = U8(kms); in.iwf_kms_uri_len = sizeof kms - 1;
    in.sakke = &snd;
    in.user_uri = U8(user); in.user_uri_len = strlen(user);
    in.user_kms_uri = U8(kms); in.user_kms_uri_len = sizeof kms - 1;
    in.period_len = plen;
    in.lmr = &blk; in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.activation = 1759449600; in.expiry = 1791072000;
    in.text = U8("LMR root key"); in.text_len = 12;
    in.ts_sec = ts; in.rnd = rnd;
    if (rk_rootkey_wrap(msg, sizeof msg, &msg_len, &key_id, &no, &in) != RK_OK) bad++;
}

static void wolf_wrap(void *a)
{
    (void)a;
    snprintf(user, sizeof user, "sip:user%06u@rootkey.test", user_no++);
    rnd[0]++;
    wmsg_len = wolf_wrap_one(wmsg, user);
}

static void unwrap_in(rk_rootkey_unwrap_in *in)
{
    memset(in, 0, sizeof *in);
    in->keysets = &ks; in->n_keysets = 1;
    in->iwf_uris = iu; in->iwf_uri_lens = il; in->n_iwf = 1;
    in->purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in->now_unix = now_unix;
}

static void our_unwrap(void *a)
{
    rk_rootkey_unwrap_in in;
    (void)a;
    unwrap_in(&in);
    if (rk_rootkey_unwrap(&res, &scratch, &in, amsg, amsg_len) != RK_OK) bad++;
}

static void wolf_unwrap(void *a)
{
    rk_lmr_block b;
    (void)a;
    if (!wolf_unwrap_one(amsg, amsg_len, &b)) bad++;
}

static int setup(void)
{
    uint8_t ksak[32], zs[32], v[32], hash[64];
    byte hsz = sizeof hash;
    word32 tl = 0;
    memset(ksak, 0x6B, 32); ksak[0] = 0x2A;
    memset(zs, 0x4C, 32); zs[0] = 0x0F;
    memset(v, 0x32, 32); v[0] = 1;
    for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = (uint8_t)i;
    if (rk_key_period_no(&pno, rk_ntp_seconds_since_1900(ts), plen, 0) != RK_OK ||
        rk_uid(iwf_uid, U8(iwf), sizeof iwf - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK ||
        rk_uid(alice_uid, U8(alice), sizeof alice - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK ||
        rk_eccsi_kms_kpak(kpak, ksak) != RK_OK || rk_eccsi_verifier_init(&kpak_ctx, kpak, 65) != RK_OK ||
        rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, iwf_uid, 32, v) != RK_OK ||
        rk_eccsi_signer_init(&sig, kpak, 65, iwf_uid, 32, ssk, 32, pvt, 65) != RK_OK ||
        rk_sakke_kms_public(zpub, zs, 32) != RK_OK || rk_sakke_sender_init(&snd, zpub) != RK_OK ||
        rk_sakke_kms_rsk(rsk, zs, 32, alice_uid, 32) != RK_OK ||
        rk_sakke_receiver_install(&rcv, zpub, alice_uid, 32, rsk, 1) != RK_OK)
        return 0;
    uint8_t u2[32];
    wolf_uid(u2, iwf, pno);
    if (memcmp(u2, iwf_uid, 32) != 0) return 0;
    memset(&blk, 0, sizeof blk);
    blk.lmr_type = RK_LMR_P25;
    blk.wacn = 0xBEE00; blk.system_id = 0x3A1; blk.unit_id = 1234567;
    blk.algid = 0x84; blk.key_id = 0xF1A2; blk.keyset_id = 1;
    blk.key_len = 32;
    for (int i = 0; i < 32; i++) blk.key[i] = (uint8_t)(7 * i);
    if (rk_lmr_encode(lmr_pt, sizeof lmr_pt, &lmr_pt_len, &blk) != RK_OK) return 0;
    /* E.6 key parameters: type F, status 1, activation, expiry, text */
    kp_pt[0] = 0xF; put32(kp_pt + 1, 1);
    kp_pt[5] = 0; put32(kp_pt + 6, 1759449600u);
    kp_pt[10] = 0; put32(kp_pt + 11, 1791072000u);
    put16(kp_pt + 15, 12); memcpy(kp_pt + 17, "LMR root key", 12);
    kp_pt_len = 29;
    /* the client's key set */
    memset(&ks, 0, sizeof ks);
    ks.kpak = &kpak_ctx;
    ks.kmsi_uri = U8(kms); ks.kmsi_uri_len = sizeof kms - 1; ks.kmsi_period_len = plen;
    ks.sakke = &rcv;
    ks.kmsr_uri = U8(kms); ks.kmsr_uri_len = sizeof kms - 1; ks.period_len = plen;
    ks.period_no = pno;
    ks.my_uri = U8(alice); ks.my_uri_len = sizeof alice - 1;
    iu[0] = U8(iwf); il[0] = sizeof iwf - 1;
    /* wolfSSL: the IWF signer, a verifier, the SAKKE sender and receiver (RSK table) */
    int rc = wc_InitRng(&wrng);
    rc |= wc_InitEccsiKey(&wsign, NULL, INVALID_DEVID);
    rc |= wc_InitEccsiKey(&wver, NULL, INVALID_DEVID);
    rc |= mp_init(&wssk);
    wpvt = wc_ecc_new_point();
    ecc_point *ipvt = wc_ecc_new_point();
    rc |= wc_ImportEccsiPublicKey(&wsign, kpak, 65, 0);
    rc |= wc_ImportEccsiPublicKey(&wver, kpak, 65, 0);
    rc |= wc_DecodeEccsiSsk(&wsign, ssk, 32, &wssk);
    rc |= wc_DecodeEccsiPvt(&wsign, pvt, 65, ipvt);
    rc |= wc_HashEccsiId(&wsign, WC_HASH_TYPE_SHA256, iwf_uid, 32, ipvt, hash, &hsz);
    rc |= wc_SetEccsiHash(&wsign, hash, hsz);
    rc |= wc_SetEccsiPair(&wsign, &wssk, ipvt);
    rc |= wc_InitSakkeKey_ex(&wsend, 128, ECC_SAKKE_1, NULL, INVALID_DEVID);
    rc |= wc_ImportSakkePublicKey(&wsend, zpub, 257, 1);
    rc |= wc_InitSakkeKey_ex(&wrecv, 128, ECC_SAKKE_1, NULL, INVALID_DEVID);
    rc |= wc_ImportSakkePublicKey(&wrecv, zpub, 257, 1);
    wrsk = wc_ecc_new_point();
    rc |= wc_DecodeSakkeRsk(&wrecv, rsk, 257, wrsk);
    rc |= wc_SetSakkeIdentity(&wrecv, alice_uid, 32);
    (void)wc_GenerateSakkeRskTable(&wrecv, wrsk, NULL, &tl);
    if (tl > sizeof wtab) return 0;
    rc |= wc_GenerateSakkeRskTable(&wrecv, wrsk, wtab, &tl);
    rc |= wc_SetSakkeRsk(&wrecv, wrsk, wtab, tl);
    if (rc != 0) return 0;
    /* cross checks: each side opens the other's message for alice */
    rk_lmr_block b;
    rk_rootkey_unwrap_in in;
    unwrap_in(&in);
    wmsg_len = wolf_wrap_one(wmsg, alice);
    rk_status xs = rk_rootkey_unwrap(&res, &scratch, &in, wmsg, wmsg_len);
    if (xs != RK_OK ||
        memcmp(res.lmr.key, blk.key, 32) != 0) {
        printf("bench rootkey: the wolfSSL-built message does not open with rootkey: %s\n", rk_strerror(xs));
        return 0;
    }
    {
        rk_rootkey_wrap_in w;
        uint32_t kid;
        uint64_t no;
        memset(&w, 0, sizeof w);
        w.signer = &sig; w.iwf_uid = iwf_uid; w.verifier = &kpak_ctx;
        w.iwf_uri = U8(iwf); w.iwf_uri_len = sizeof iwf - 1;
        w.iwf_kms_uri = U8(kms); w.iwf_kms_uri_len = sizeof kms - 1;
        w.sakke = &snd;
        w.user_uri = U8(alice); w.user_uri_len = sizeof alice - 1;
        w.user_kms_uri = U8(kms); w.user_kms_uri_len = sizeof kms - 1;
        w.period_len = plen; w.lmr = &blk; w.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
        w.activation = 1759449600; w.expiry = 1791072000;
        w.text = U8("LMR root key"); w.text_len = 12;
        w.ts_sec = ts; w.rnd = rnd;
        if (rk_rootkey_wrap(amsg, sizeof amsg, &amsg_len, &kid, &no, &w) != RK_OK) return 0;
    }
    if (!wolf_unwrap_one(amsg, amsg_len, &b) || memcmp(b.key, blk.key, 32) != 0) {
        printf("bench rootkey: the rootkey message does not open with wolfSSL\n");
        return 0;
    }
    wc_ecc_del_point(ipvt);
    return 1;
}

void rk_bench_rootkey(void)
{
    if (!setup()) {
        printf("bench rootkey: setup failed\n");
        return;
    }
    /* alternate the two sides several times, each keeps its best median
     * (a shared machine: both compared at the same load) */
    struct { const char *op; void (*r)(void *); void (*w)(void *); unsigned n; int vas; } ops[] = {
        { "rootkey_wrap", our_wrap, wolf_wrap, 5, 0 },
        { "rootkey_wrap_verified", our_wrap, wolf_wrap, 5, 1 },
        { "rootkey_unwrap", our_unwrap, wolf_unwrap, 5, 0 },
    };
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        double r = 1e30, w = 1e30;
        verify_after_sign = ops[o].vas;
        for (int k = 0; k < 3; k++) {
            double a = rk_bench_us(ops[o].r, 0, ops[o].n, 3);
            double b = rk_bench_us(ops[o].w, 0, ops[o].n, 3);
            if (a < r) r = a;
            if (b < w) w = b;
        }
        rk_bench_report(ops[o].op, r, w);
    }
    if (bad) printf("bench rootkey: %u calls failed\n", bad);
    rk_rootkey_result_wipe(&res);
    mp_free(&wssk);
    wc_ecc_del_point(wpvt);
    wc_ecc_del_point(wrsk);
    wc_FreeEccsiKey(&wsign);
    wc_FreeEccsiKey(&wver);
    wc_FreeSakkeKey(&wsend);
    wc_FreeSakkeKey(&wrecv);
    wc_FreeRng(&wrng);
}
