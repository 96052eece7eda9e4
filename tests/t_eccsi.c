/* SPDX-License-Identifier: Apache-2.0 */
/* eccsi: RFC 6507 Appendix A, the E1-E9 negative categories of
 * docs/design.md §11.1, round trips, and interoperability with Debian's
 * libwolfssl ECCSI (under RK_NO_ORACLES), and every octet of r compared
 * (a J-preserving r differing in one octet, GMP as the oracle). */
#include "rk_test.h"
#include "rootkey/eccsi.h"
#include "rootkey/p256.h"
#include "rootkey/bn.h"
#include "rootkey/hash.h"
#ifndef RK_NO_ORACLES
#include <gmp.h>
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/eccsi.h>
#include <wolfssl/wolfcrypt/random.h>
#endif

typedef struct {
    uint8_t ksak[32], kpak[65], id[64], v[32], pvt[65], hs[32], ssk[32], m[16], j[32];
    uint8_t jx[32], jy[32], he[32], r[32], s[32], sig[129], yx[32], yy[32];
    size_t id_len, m_len;
} rfc_vec;

static int load_rfc(rfc_vec *x)
{
    static rk_vec v;
    int ok = 0;
    memset(x, 0, sizeof *x);
    if (!rk_vec_open(&v, "eccsi/rfc6507.txt")) return 0;
    if (rk_vec_next(&v)) {
        long idl, ml;
        ok = rk_vec_hex(&v, "ksak", x->ksak, 32) == 32 && rk_vec_hex(&v, "kpak", x->kpak, 65) == 65 &&
             (idl = rk_vec_hex(&v, "id", x->id, 64)) == 26 && rk_vec_hex(&v, "v", x->v, 32) == 32 &&
             rk_vec_hex(&v, "pvt", x->pvt, 65) == 65 && rk_vec_hex(&v, "hs", x->hs, 32) == 32 &&
             rk_vec_hex(&v, "ssk", x->ssk, 32) == 32 && (ml = rk_vec_hex(&v, "m", x->m, 16)) == 8 &&
             rk_vec_hex(&v, "j", x->j, 32) == 32 && rk_vec_hex(&v, "jx", x->jx, 32) == 32 &&
             rk_vec_hex(&v, "jy", x->jy, 32) == 32 && rk_vec_hex(&v, "he", x->he, 32) == 32 &&
             rk_vec_hex(&v, "r", x->r, 32) == 32 && rk_vec_hex(&v, "s", x->s, 32) == 32 &&
             rk_vec_hex(&v, "sig", x->sig, 129) == 129 && rk_vec_hex(&v, "yx", x->yx, 32) == 32 &&
             rk_vec_hex(&v, "yy", x->yy, 32) == 32;
        x->id_len = 26;
        x->m_len = 8;
    }
    rk_vec_close(&v);
    CHECK(ok);
    return ok;
}

static rk_eccsi_verifier_ctx VER, VER2;   /* 61 KB each: static, not on the stack */

static uint64_t rs = 0x13198A2E03707344ULL;
static void rnd_bytes(uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rs ^= rs >> 12; rs ^= rs << 25; rs ^= rs >> 27;
        b[i] = (uint8_t)((rs * 2685821657736338717ULL) >> 56);
    }
}

/* ---------------------------------------------------------- known answers */

static void rfc6507_appendix_a(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    uint8_t kpak[65], ssk[32], pvt[65], sig[129], he[32], enc[65];
    /* KMS side: KPAK, then PVT, HS, SSK */
    CHECK_EQ(rk_eccsi_kms_kpak(kpak, x.ksak), RK_OK);
    CHECK_MEM(kpak, x.kpak, 65);
    CHECK_EQ(rk_eccsi_kms_make_ssk(ssk, pvt, x.ksak, x.kpak, x.id, x.id_len, x.v), RK_OK);
    CHECK_MEM(pvt, x.pvt, 65);
    CHECK_MEM(ssk, x.ssk, 32);
    /* user side: validation, HS */
    rk_eccsi_signer_ctx s;
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 32, x.pvt, 65), RK_OK);
    CHECK_MEM(s.hs, x.hs, 32);
    /* signing with the RFC's j replays r, s and the whole signature */
    CHECK_EQ(rk_eccsi_sign_with_j(&s, sig, sizeof sig, x.m, x.m_len, x.j), RK_OK);
    CHECK_MEM(sig, x.sig, 129);
    CHECK_MEM(sig, x.r, 32);
    CHECK_MEM(sig + 32, x.s, 32);
    /* intermediates: J = [j]G, HE, Y = [HS]PVT + KPAK */
    uint64_t k[4], h[4], z[4] = { 0, 0, 0, 0 };
    rk_p256_point J, Y;
    rk_p256_affine P, K;
    rk_bn_from_bytes(k, 4, x.j, 32);
    rk_p256_mul_base(&J, k);
    CHECK_EQ(rk_p256_encode(enc, &J), RK_OK);
    CHECK_MEM(enc + 1, x.jx, 32);
    CHECK_MEM(enc + 33, x.jy, 32);
    rk_sha256_ctx c;
    rk_sha256_init(&c);
    rk_sha256_update(&c, x.hs, 32);
    rk_sha256_update(&c, x.r, 32);
    rk_sha256_update(&c, x.m, x.m_len);
    rk_sha256_final(&c, he);
    CHECK_MEM(he, x.he, 32);
    CHECK_EQ(rk_p256_decode(&P, x.pvt, 65), RK_OK);
    CHECK_EQ(rk_p256_decode(&K, x.kpak, 65), RK_OK);
    rk_p256_sc_reduce(h, x.hs, 32);
    rk_p256_mul3_vartime(&Y, z, 0, z, &P, h);
    rk_p256_add_affine(&Y, &Y, &K);
    CHECK_EQ(rk_p256_encode(enc, &Y), RK_OK);
    CHECK_MEM(enc + 1, x.yx, 32);
    CHECK_MEM(enc + 33, x.yy, 32);
    /* verification of the RFC signature, and through the HE hook */
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, x.sig, 129), RK_OK);
    CHECK_EQ(rk_eccsi_verify_with_he(&VER, x.id, x.id_len, x.he, x.sig, 129), RK_OK);
    rk_eccsi_signer_wipe(&s);
    CHECK_ZERO(&s, sizeof s);
}

static void hedged_sign_round_trip(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    rk_eccsi_signer_ctx s;
    uint8_t rnd[32], sig[129], sig2[129], sig3[129], msg[100];
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 32, x.pvt, 65), RK_OK);
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    for (size_t len = 0; len < 100; len += 7) {
        rnd_bytes(rnd, 32);
        rnd_bytes(msg, len);
        CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, msg, len, rnd, 32), RK_OK);
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, msg, len, sig, 129), RK_OK);
        CHECK_MEM(sig + 64, x.pvt, 65);
        CHECK_EQ(rk_eccsi_sign_verified(&s, &VER, x.id, x.id_len, sig, sizeof sig, msg, len, rnd, 32), RK_OK);
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, msg, len, sig, 129), RK_OK);
    }
    /* same rnd and message: same j (deterministic given inputs); other rnd: other r;
     * same (broken, constant) rnd on another message: another r */
    memset(rnd, 0x55, 32);
    CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, x.m, x.m_len, rnd, 32), RK_OK);
    CHECK_EQ(rk_eccsi_sign(&s, sig2, sizeof sig2, x.m, x.m_len, rnd, 32), RK_OK);
    CHECK_MEM(sig, sig2, 129);
    rnd[0] ^= 1;
    CHECK_EQ(rk_eccsi_sign(&s, sig3, sizeof sig3, x.m, x.m_len, rnd, 32), RK_OK);
    CHECK(memcmp(sig, sig3, 32) != 0);
    rnd[0] ^= 1;
    CHECK_EQ(rk_eccsi_sign(&s, sig3, sizeof sig3, x.m, x.m_len - 1, rnd, 32), RK_OK);
    CHECK(memcmp(sig, sig3, 32) != 0);
    /* a wrong verifier (another KPAK) makes sign_verified refuse */
    uint8_t ksak2[32] = { 0 }, kpak2[65];
    ksak2[31] = 7;
    CHECK_EQ(rk_eccsi_kms_kpak(kpak2, ksak2), RK_OK);
    CHECK_EQ(rk_eccsi_verifier_init(&VER2, kpak2, 65), RK_OK);
    memset(sig, 0xAA, sizeof sig);
    CHECK_EQ(rk_eccsi_sign_verified(&s, &VER2, x.id, x.id_len, sig, sizeof sig, x.m, x.m_len, rnd, 32),
             RK_ERR_ECCSI_FAULT);
    CHECK_ZERO(sig, sizeof sig);
    rk_eccsi_signer_wipe(&s);
}

/* The hedged nonce is exactly the documented formula (docs/eccsi.md):
 * seed = HMAC(SSK, "rootkey eccsi j v1" || HS || rnd || M),
 * j = (HMAC(seed, 00 01) || HMAC(seed, 00 02)) mod q, computed here with
 * libsodium's one-shot HMAC and replayed through rk_eccsi_sign_with_j. */
static void hedged_nonce_formula(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    rk_eccsi_signer_ctx s;
    static const char label[] = "rootkey eccsi j v1";
    uint8_t rnd[40], msg[77], buf[18 + 32 + 40 + 77], seed[32], wide[64], j[32];
    uint8_t sig[129], sig2[129], ctr[2] = { 0, 1 };
    uint64_t jj[4];
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 32, x.pvt, 65), RK_OK);
    for (int k = 0; k < 5; k++) {
        rnd_bytes(rnd, sizeof rnd);
        rnd_bytes(msg, sizeof msg);
        memcpy(buf, label, 18);
        memcpy(buf + 18, x.hs, 32);
        memcpy(buf + 50, rnd, sizeof rnd);
        memcpy(buf + 90, msg, sizeof msg);
        crypto_auth_hmacsha256_state st;
        crypto_auth_hmacsha256_init(&st, x.ssk, 32);
        crypto_auth_hmacsha256_update(&st, buf, sizeof buf);
        crypto_auth_hmacsha256_final(&st, seed);
        ctr[1] = 1;
        crypto_auth_hmacsha256_init(&st, seed, 32);
        crypto_auth_hmacsha256_update(&st, ctr, 2);
        crypto_auth_hmacsha256_final(&st, wide);
        ctr[1] = 2;
        crypto_auth_hmacsha256_init(&st, seed, 32);
        crypto_auth_hmacsha256_update(&st, ctr, 2);
        crypto_auth_hmacsha256_final(&st, wide + 32);
        rk_p256_sc_reduce(jj, wide, 64);
        rk_bn_to_bytes(j, 32, jj, 4);
        CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, msg, sizeof msg, rnd, sizeof rnd), RK_OK);
        CHECK_EQ(rk_eccsi_sign_with_j(&s, sig2, sizeof sig2, msg, sizeof msg, j), RK_OK);
        CHECK_MEM(sig, sig2, 129);
    }
    rk_eccsi_signer_wipe(&s);
}

/* E9 and API misuse: lengths, buffers, uninitialised contexts; outputs zeroed */
static void api_misuse(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    rk_eccsi_signer_ctx s;
    uint8_t sig[200], rnd[64] = { 1 };
    memset(&s, 0, sizeof s);
    memset(sig, 0xAA, sizeof sig);
    CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, x.m, x.m_len, rnd, 32), RK_ERR_NULL);
    CHECK_ZERO(sig, sizeof sig);
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 32, x.pvt, 65), RK_OK);
    memset(sig, 0xAA, sizeof sig);
    CHECK_EQ(rk_eccsi_sign(&s, sig, 128, x.m, x.m_len, rnd, 32), RK_ERR_BUFFER);
    CHECK_ZERO(sig, 128);
    memset(sig, 0xAA, sizeof sig);
    CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, x.m, x.m_len, rnd, 31), RK_ERR_LENGTH);
    CHECK_ZERO(sig, sizeof sig);
    CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, x.m, x.m_len, rnd, 0), RK_ERR_LENGTH);
    CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, x.m, x.m_len, rnd, 64), RK_OK);
    uint8_t j0[32] = { 0 };
    memset(sig, 0xAA, sizeof sig);
    CHECK_EQ(rk_eccsi_sign_with_j(&s, sig, sizeof sig, x.m, x.m_len, j0), RK_ERR_SCALAR_RANGE);
    CHECK_ZERO(sig, sizeof sig);
    /* E9 analogue: the hash is fixed (SHA-256, 32 octets); key material of
     * the wrong length is refused */
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 31, x.pvt, 65), RK_ERR_ECCSI_SSK_RANGE);
    CHECK_ZERO(&s, sizeof s);
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 33, x.pvt, 65), RK_ERR_ECCSI_SSK_RANGE);
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 64, x.id, x.id_len, x.ssk, 32, x.pvt, 65), RK_ERR_ECCSI_KPAK);
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 32, x.pvt, 64), RK_ERR_ECCSI_PVT);
    CHECK_EQ(rk_eccsi_verifier_init(&VER2, x.kpak, 64), RK_ERR_ECCSI_KPAK);
    CHECK_EQ(rk_eccsi_verify(&VER2, x.id, x.id_len, x.m, x.m_len, x.sig, 129), RK_ERR_NULL);
    uint8_t bad[65];
    memcpy(bad, x.kpak, 65); bad[64] ^= 1;
    CHECK_EQ(rk_eccsi_verifier_init(&VER2, bad, 65), RK_ERR_ECCSI_KPAK);
    CHECK_ZERO(&VER2, sizeof VER2);
    /* KMS side */
    uint8_t kpak[65], ssk[32], pvt[65];
    memset(kpak, 0xAA, 65);
    CHECK_EQ(rk_eccsi_kms_kpak(kpak, j0), RK_ERR_SCALAR_RANGE);
    CHECK_ZERO(kpak, 65);
    memset(ssk, 0xAA, 32); memset(pvt, 0xAA, 65);
    CHECK_EQ(rk_eccsi_kms_make_ssk(ssk, pvt, x.ksak, x.kpak, x.id, x.id_len, j0), RK_ERR_SCALAR_RANGE);
    CHECK_ZERO(ssk, 32); CHECK_ZERO(pvt, 65);
    CHECK_EQ(rk_eccsi_kms_make_ssk(ssk, pvt, x.ksak, bad, x.id, x.id_len, x.v), RK_ERR_ECCSI_KPAK);
    CHECK_ZERO(ssk, 32); CHECK_ZERO(pvt, 65);
    rk_eccsi_signer_wipe(&s);
}

/* ---------------------------------------------------------------- E1 - E8 */

static uint8_t bigsig[65536];

static void e1_lengths(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    static const size_t lens[] = { 0, 1, 64, 128, 130, 161, 4095, 65535 };
    memset(bigsig, 0, sizeof bigsig);
    memcpy(bigsig, x.sig, 129);
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        CASE_BEGIN("eccsi E1 signature length %zu", lens[i]);
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, bigsig, lens[i]),
                 RK_ERR_ECCSI_SIG_LENGTH);
        CASE_END();
    }
}

static const char *P_HEX = "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF";
static const char *Q_HEX = "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";

/* v := hex + delta (delta -1, 0, 1), 32 octets */
static void hex_plus(uint8_t out[32], const char *hex, int delta)
{
    uint64_t a[4], d[4] = { 1, 0, 0, 0 };
    rk_t_unhex(hex, out, 32);
    rk_bn_from_bytes(a, 4, out, 32);
    if (delta > 0) (void)rk_bn_add(a, a, d, 4);
    if (delta < 0) (void)rk_bn_sub(a, a, d, 4);
    rk_bn_to_bytes(out, 32, a, 4);
}

static void e2_ranges(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    uint8_t sig[129], v[32];
    struct { const char *what; int which; int kind; int expect; } t[] = {
        { "r = 0", 0, 0, RK_ERR_ECCSI_R_RANGE },
        { "r = q", 0, 1, RK_ERR_ECCSI_VERIFY },
        { "r = q+1", 0, 2, RK_ERR_ECCSI_VERIFY },
        { "r = p-1", 0, 3, RK_ERR_ECCSI_VERIFY },
        { "r = p", 0, 4, RK_ERR_ECCSI_R_RANGE },
        { "r = 2^256-1", 0, 5, RK_ERR_ECCSI_R_RANGE },
        { "s = 0", 1, 0, RK_ERR_ECCSI_S_RANGE },
        { "s = q", 1, 1, RK_ERR_ECCSI_S_RANGE },
        { "s = q+1", 1, 2, RK_ERR_ECCSI_S_RANGE },
        { "s = 2^256-1", 1, 5, RK_ERR_ECCSI_S_RANGE },
        { "s = q-1", 1, 6, RK_ERR_ECCSI_VERIFY },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        CASE_BEGIN("eccsi E2 %s", t[i].what);
        memcpy(sig, x.sig, 129);
        switch (t[i].kind) {
        case 0: memset(v, 0, 32); break;
        case 1: hex_plus(v, Q_HEX, 0); break;
        case 2: hex_plus(v, Q_HEX, 1); break;
        case 3: hex_plus(v, P_HEX, -1); break;
        case 4: hex_plus(v, P_HEX, 0); break;
        case 5: memset(v, 0xFF, 32); break;
        default: hex_plus(v, Q_HEX, -1); break;
        }
        memcpy(sig + 32 * t[i].which, v, 32);
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129), t[i].expect);
        CASE_END();
    }
}

static void e3_zero_forgery(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    static const char *G_HEX =
        "046B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
        "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5";
    uint8_t pvts[4][65];
    memcpy(pvts[0], x.pvt, 65);
    rk_t_unhex(G_HEX, pvts[1], 65);
    memcpy(pvts[2], x.kpak, 65);
    {   /* -PVT */
        rk_p256_affine a, n;
        CHECK_EQ(rk_p256_decode(&a, x.pvt, 65), RK_OK);
        rk_p256_neg_affine(&n, &a);
        rk_p256_encode_affine(pvts[3], &n);
    }
    const uint8_t *msgs[3] = { x.m, (const uint8_t *)"", (const uint8_t *)"attack at dawn" };
    size_t mlen[3] = { x.m_len, 0, 14 };
    const uint8_t *ids[3] = { x.id, (const uint8_t *)"tel:+447700900124", (const uint8_t *)"" };
    size_t idlen[3] = { x.id_len, 17, 0 };
    for (int p = 0; p < 4; p++)
        for (int m = 0; m < 3; m++)
            for (int i = 0; i < 3; i++) {
                uint8_t sig[129] = { 0 };
                memcpy(sig + 64, pvts[p], 65);
                CASE_BEGIN("eccsi E3 r = s = 0, pvt %d, msg %d, id %d", p, m, i);
                CHECK_EQ(rk_eccsi_verify(&VER, ids[i], idlen[i], msgs[m], mlen[m], sig, 129),
                         RK_ERR_ECCSI_R_RANGE);
                /* and with r = 1 so that the s check is reached */
                sig[31] = 1;
                CHECK_EQ(rk_eccsi_verify(&VER, ids[i], idlen[i], msgs[m], mlen[m], sig, 129),
                         RK_ERR_ECCSI_S_RANGE);
                CASE_END();
            }
}

static void e4_pvt(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    uint8_t sig[129];
    int n = 0;
    static const uint8_t prefixes[] = { 0x00, 0x02, 0x03, 0x05, 0x06, 0x07, 0xFF };
    for (size_t i = 0; i < sizeof prefixes; i++, n++) {
        CASE_BEGIN("eccsi E4 pvt prefix %02x", prefixes[i]);
        memcpy(sig, x.sig, 129);
        sig[64] = prefixes[i];
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129), RK_ERR_ECCSI_PVT);
        CASE_END();
    }
    /* coordinates out of range, off the curve, all-zero and infinity-like encodings */
    for (int k = 0; k < 10; k++, n++) {
        CASE_BEGIN("eccsi E4 pvt coordinate case %d", k);
        memcpy(sig, x.sig, 129);
        switch (k) {
        case 0: hex_plus(sig + 65, P_HEX, 0); break;              /* x = p */
        case 1: memset(sig + 65, 0xFF, 32); break;                /* x = 2^256-1 */
        case 2: hex_plus(sig + 97, P_HEX, 0); break;              /* y = p */
        case 3: memset(sig + 97, 0xFF, 32); break;
        case 4: sig[128] ^= 1; break;                             /* (x, y+1) */
        case 5: sig[96] ^= 1; break;                              /* (x+1, y) */
        case 6: memset(sig + 64, 0, 65); break;                   /* all zero */
        case 7: memset(sig + 65, 0, 64); break;                   /* 04 || 0 || 0 */
        case 8: memset(sig + 65, 0, 32); break;                   /* (0, y) */
        default: memset(sig + 97, 0, 32); break;                  /* (x, 0) */
        }
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129), RK_ERR_ECCSI_PVT);
        CASE_END();
    }
    /* random off-curve points */
    for (int k = 0; k < 16; k++, n++) {
        CASE_BEGIN("eccsi E4 pvt random off-curve %d", k);
        memcpy(sig, x.sig, 129);
        rnd_bytes(sig + 65, 64);
        sig[65] &= 0x7F;
        sig[97] &= 0x7F;
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129), RK_ERR_ECCSI_PVT);
        CASE_END();
    }
    /* Wycheproof's invalid-curve points (ecdh ecpoint, invalid, uncompressed) */
    static rk_vec wv;
    if (rk_vec_open(&wv, "wycheproof/ecdh_p256_ecpoint.txt")) {
        uint8_t pub[200];
        while (rk_vec_next(&wv)) {
            const char *res = rk_vec_str(&wv, "result");
            long pl = rk_vec_hex(&wv, "public", pub, sizeof pub);
            if (!res || strcmp(res, "invalid") != 0 || pl != 65) continue;
            CASE_BEGIN("eccsi E4 pvt wycheproof ecdh tcId %lld", rk_vec_int(&wv, "tcid", -1));
            memcpy(sig, x.sig, 129);
            memcpy(sig + 64, pub, 65);
            CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129), RK_ERR_ECCSI_PVT);
            CASE_END();
            n++;
        }
        rk_vec_close(&wv);
    }
    CHECK(n >= 30 + 16);
}

static void e5_j_infinity(void)
{
    /* J = [s]([HE]G + [r]Y) with Y = [SSK]G is O exactly when HE = -r SSK
     * mod q: the HE hook reaches it with the RFC's r, s, PVT */
    rfc_vec x;
    if (!load_rfc(&x)) return;
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    uint64_t r[4], k[4], t[4], zero[4] = { 0, 0, 0, 0 };
    uint8_t he[32];
    rk_p256_sc_reduce(r, x.r, 32);
    rk_bn_from_bytes(k, 4, x.ssk, 32);
    rk_p256_sc_mul(t, r, k);
    /* -t mod q */
    uint8_t qb[32];
    uint64_t q[4];
    rk_t_unhex(Q_HEX, qb, 32);
    rk_bn_from_bytes(q, 4, qb, 32);
    (void)rk_bn_sub(t, q, t, 4);
    rk_bn_to_bytes(he, 32, t, 4);
    CASE_BEGIN("eccsi E5 J = infinity via HE hook");
    CHECK_EQ(rk_eccsi_verify_with_he(&VER, x.id, x.id_len, he, x.sig, 129), RK_ERR_ECCSI_J_INFINITY);
    CASE_END();
    CASE_BEGIN("eccsi E5 s = 0 (J would be O) rejected by range");
    uint8_t sig[129];
    memcpy(sig, x.sig, 129);
    memset(sig + 32, 0, 32);
    CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129), RK_ERR_ECCSI_S_RANGE);
    CASE_END();
    (void)zero;
}

static void e6_wrong_inputs(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    uint8_t id[64];
    CASE_BEGIN("eccsi E6 identity one character changed");
    memcpy(id, x.id, x.id_len); id[20] ^= 1;
    CHECK_EQ(rk_eccsi_verify(&VER, id, x.id_len, x.m, x.m_len, x.sig, 129), RK_ERR_ECCSI_VERIFY);
    CASE_END();
    CASE_BEGIN("eccsi E6 identity truncated");
    CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len - 1, x.m, x.m_len, x.sig, 129), RK_ERR_ECCSI_VERIFY);
    CASE_END();
    CASE_BEGIN("eccsi E6 identity empty");
    CHECK_EQ(rk_eccsi_verify(&VER, x.id, 0, x.m, x.m_len, x.sig, 129), RK_ERR_ECCSI_VERIFY);
    CASE_END();
    CASE_BEGIN("eccsi E6 identity with trailing NUL");
    memcpy(id, x.id, x.id_len); id[x.id_len] = 0;
    CHECK_EQ(rk_eccsi_verify(&VER, id, x.id_len + 1, x.m, x.m_len, x.sig, 129), RK_ERR_ECCSI_VERIFY);
    CASE_END();
    CASE_BEGIN("eccsi E6 another valid KPAK");
    uint8_t ksak2[32] = { 0 }, kpak2[65];
    ksak2[31] = 9;
    CHECK_EQ(rk_eccsi_kms_kpak(kpak2, ksak2), RK_OK);
    CHECK_EQ(rk_eccsi_verifier_init(&VER2, kpak2, 65), RK_OK);
    CHECK_EQ(rk_eccsi_verify(&VER2, x.id, x.id_len, x.m, x.m_len, x.sig, 129), RK_ERR_ECCSI_VERIFY);
    CASE_END();
    /* every single-bit flip of a 64-octet message */
    rk_eccsi_signer_ctx s;
    uint8_t msg[64], sig[129], rnd[32];
    rnd_bytes(msg, 64);
    rnd_bytes(rnd, 32);
    CHECK_EQ(rk_eccsi_signer_init(&s, x.kpak, 65, x.id, x.id_len, x.ssk, 32, x.pvt, 65), RK_OK);
    CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, msg, 64, rnd, 32), RK_OK);
    CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, msg, 64, sig, 129), RK_OK);
    for (int b = 0; b < 512; b++) {
        CASE_BEGIN("eccsi E6 message bit flip %d", b);
        msg[b / 8] ^= (uint8_t)(1u << (b % 8));
        CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, msg, 64, sig, 129), RK_ERR_ECCSI_VERIFY);
        msg[b / 8] ^= (uint8_t)(1u << (b % 8));
        CASE_END();
    }
    rk_eccsi_signer_wipe(&s);
}

static void e7_signature_bit_flips(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    uint8_t sig[129];
    memcpy(sig, x.sig, 129);
    for (int b = 0; b < 129 * 8; b++) {
        CASE_BEGIN("eccsi E7 signature bit flip %d", b);
        sig[b / 8] ^= (uint8_t)(1u << (b % 8));
        rk_status st = rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129);
        CHECK(st != RK_OK);
        /* the code names the part that was hit */
        if (b >= 64 * 8) CHECK(st == RK_ERR_ECCSI_PVT || st == RK_ERR_ECCSI_VERIFY);
        sig[b / 8] ^= (uint8_t)(1u << (b % 8));
        CASE_END();
    }
}

static void e8_ssk_install(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    rk_eccsi_signer_ctx s;
    uint8_t ssk[32], pvt[65], kpak2[65], ksak2[32] = { 0 };
    struct { const char *what; int expect; } t[] = {
        { "SSK = 0", RK_ERR_ECCSI_SSK_RANGE }, { "SSK = q", RK_ERR_ECCSI_SSK_RANGE },
        { "SSK = 2^256-1", RK_ERR_ECCSI_SSK_RANGE }, { "SSK + 1", RK_ERR_ECCSI_SSK_INVALID },
        { "SSK - 1", RK_ERR_ECCSI_SSK_INVALID }, { "PVT off curve", RK_ERR_ECCSI_PVT },
        { "PVT infinity encoding", RK_ERR_ECCSI_PVT }, { "wrong ID", RK_ERR_ECCSI_SSK_INVALID },
        { "wrong KPAK", RK_ERR_ECCSI_SSK_INVALID }, { "another user's pair", RK_ERR_ECCSI_SSK_INVALID },
        { "SSK = q+1", RK_ERR_ECCSI_SSK_RANGE },
    };
    ksak2[31] = 0x42;
    CHECK_EQ(rk_eccsi_kms_kpak(kpak2, ksak2), RK_OK);
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        const uint8_t *id = x.id, *kp = x.kpak;
        size_t idl = x.id_len;
        memcpy(ssk, x.ssk, 32);
        memcpy(pvt, x.pvt, 65);
        switch (i) {
        case 0: memset(ssk, 0, 32); break;
        case 1: hex_plus(ssk, Q_HEX, 0); break;
        case 2: memset(ssk, 0xFF, 32); break;
        case 3: ssk[31] = (uint8_t)(ssk[31] + 1); break;
        case 4: ssk[31] = (uint8_t)(ssk[31] - 1); break;
        case 5: pvt[64] ^= 1; break;
        case 6: memset(pvt, 0, 65); break;
        case 7: id = (const uint8_t *)"2011-02\0tel:+447700900124"; idl = 26; break;
        case 8: kp = kpak2; break;
        case 9: {
            /* a valid pair of another identity from the same KMS */
            uint8_t v2[32] = { 0 };
            v2[31] = 0x77;
            CHECK_EQ(rk_eccsi_kms_make_ssk(ssk, pvt, x.ksak, x.kpak, (const uint8_t *)"bob", 3, v2), RK_OK);
            break;
        }
        default: hex_plus(ssk, Q_HEX, 1); break;
        }
        CASE_BEGIN("eccsi E8 %s", t[i].what);
        memset(&s, 0xAA, sizeof s);
        CHECK_EQ(rk_eccsi_signer_init(&s, kp, 65, id, idl, ssk, 32, pvt, 65), t[i].expect);
        CHECK_ZERO(&s, sizeof s);
        CASE_END();
    }
}

/* Fault injection through the signer context (docs/design.md §11.2): a flipped
 * bit of the cached SSK, HS or PVT after validation must never yield a
 * released signature from rk_eccsi_sign_verified. */
static void fault_injection(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    static rk_eccsi_signer_ctx s0, s;
    uint8_t sig[129], rnd[32];
    CHECK_EQ(rk_eccsi_signer_init(&s0, x.kpak, 65, x.id, x.id_len, x.ssk, 32, x.pvt, 65), RK_OK);
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    for (int b = 0; b < 256 + 256 + 64; b++) {
        s = s0;
        const char *what;
        if (b < 256) { s.ssk[b / 64] ^= 1ULL << (b % 64); what = "SSK"; }
        else if (b < 512) { s.hs[(b - 256) / 8] ^= (uint8_t)(1u << (b % 8)); what = "HS"; }
        else { s.pvt[1 + (b - 512) / 8 * 8] ^= (uint8_t)(1u << (b % 8)); what = "PVT"; }
        CASE_BEGIN("eccsi fault: %s bit flip %d", what, b);
        rnd_bytes(rnd, 32);
        memset(sig, 0xAA, sizeof sig);
        CHECK_EQ(rk_eccsi_sign_verified(&s, &VER, x.id, x.id_len, sig, sizeof sig, x.m, x.m_len, rnd, 32),
                 RK_ERR_ECCSI_FAULT);
        CHECK_ZERO(sig, sizeof sig);
        CASE_END();
    }
    rk_eccsi_signer_wipe(&s0);
    rk_eccsi_signer_wipe(&s);
}

/* ------------------------------------------------------- wolfSSL interop */
#ifndef RK_NO_ORACLES
static int wolf_sign(const uint8_t kpak[65], const uint8_t ssk[32], const uint8_t pvt[65],
                     const uint8_t *id, size_t idl, const uint8_t *msg, size_t ml, uint8_t sig[129])
{
    EccsiKey k;
    WC_RNG rng;
    mp_int s;
    ecc_point *p = wc_ecc_new_point();
    byte hash[64], hsz = sizeof hash;
    word32 sz = 129;
    int rc = wc_InitRng(&rng);
    rc |= wc_InitEccsiKey(&k, NULL, INVALID_DEVID);
    rc |= mp_init(&s);
    rc |= wc_ImportEccsiPublicKey(&k, kpak, 65, 0);
    rc |= wc_DecodeEccsiSsk(&k, ssk, 32, &s);
    rc |= wc_DecodeEccsiPvt(&k, pvt, 65, p);
    int valid = 0;
    rc |= wc_ValidateEccsiPair(&k, WC_HASH_TYPE_SHA256, id, (word32)idl, &s, p, &valid);
    rc |= wc_HashEccsiId(&k, WC_HASH_TYPE_SHA256, id, (word32)idl, p, hash, &hsz);
    rc |= wc_SetEccsiHash(&k, hash, hsz);
    rc |= wc_SetEccsiPair(&k, &s, p);
    rc |= wc_SignEccsiHash(&k, &rng, WC_HASH_TYPE_SHA256, msg, (word32)ml, sig, &sz);
    mp_free(&s);
    wc_ecc_del_point(p);
    wc_FreeEccsiKey(&k);
    wc_FreeRng(&rng);
    return rc == 0 && valid == 1 && sz == 129;
}

static int wolf_verify(const uint8_t kpak[65], const uint8_t *id, size_t idl,
                       const uint8_t *msg, size_t ml, const uint8_t sig[129])
{
    EccsiKey k;
    ecc_point *p = wc_ecc_new_point();
    byte hash[64], hsz = sizeof hash;
    int verified = 0;
    int rc = wc_InitEccsiKey(&k, NULL, INVALID_DEVID);
    rc |= wc_ImportEccsiPublicKey(&k, kpak, 65, 0);
    rc |= wc_DecodeEccsiPvtFromSig(&k, sig, 129, p);
    rc |= wc_HashEccsiId(&k, WC_HASH_TYPE_SHA256, id, (word32)idl, p, hash, &hsz);
    rc |= wc_SetEccsiHash(&k, hash, hsz);
    rc |= wc_VerifyEccsiHash(&k, WC_HASH_TYPE_SHA256, msg, (word32)ml, sig, 129, &verified);
    wc_ecc_del_point(p);
    wc_FreeEccsiKey(&k);
    return rc == 0 && verified == 1;
}

/* wolfSSL's KMS: KPAK, and (SSK, PVT) for id */
static int wolf_kms(uint8_t kpak[65], uint8_t ssk[32], uint8_t pvt[65], const uint8_t *id, size_t idl)
{
    EccsiKey k;
    WC_RNG rng;
    mp_int s;
    ecc_point *p = wc_ecc_new_point();
    word32 sz;
    int rc = wc_InitRng(&rng);
    rc |= wc_InitEccsiKey(&k, NULL, INVALID_DEVID);
    rc |= mp_init(&s);
    rc |= wc_MakeEccsiKey(&k, &rng);
    sz = 65; rc |= wc_ExportEccsiPublicKey(&k, kpak, &sz, 0);
    rc |= sz != 65;
    rc |= wc_MakeEccsiPair(&k, &rng, WC_HASH_TYPE_SHA256, id, (word32)idl, &s, p);
    sz = 32; rc |= wc_EncodeEccsiSsk(&k, &s, ssk, &sz);
    rc |= sz != 32;
    sz = 65; rc |= wc_EncodeEccsiPvt(&k, p, pvt, &sz, 0);
    rc |= sz != 65;
    mp_free(&s);
    wc_ecc_del_point(p);
    wc_FreeEccsiKey(&k);
    wc_FreeRng(&rng);
    return rc == 0;
}

static void wolfssl_interop(void)
{
    static const uint8_t id[] = "2026-11\0tel:+15550100";
    uint8_t kpak[65], ssk[32], pvt[65], sig[129], rnd[32], msg[77];
    rk_eccsi_signer_ctx s;
    for (int round = 0; round < 4; round++) {
        rnd_bytes(msg, sizeof msg);
        if (round % 2 == 0) {
            /* keys by wolfSSL's KMS */
            CASE_BEGIN("eccsi interop: wolfSSL KMS keys, round %d", round);
            CHECK(wolf_kms(kpak, ssk, pvt, id, sizeof id));
        } else {
            /* keys by ours */
            uint8_t ksak[32], v[32];
            CASE_BEGIN("eccsi interop: rootkey KMS keys, round %d", round);
            rnd_bytes(ksak, 32); ksak[0] &= 0x7F;
            rnd_bytes(v, 32); v[0] &= 0x7F;
            CHECK_EQ(rk_eccsi_kms_kpak(kpak, ksak), RK_OK);
            CHECK_EQ(rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, id, sizeof id, v), RK_OK);
        }
        CHECK_EQ(rk_eccsi_signer_init(&s, kpak, 65, id, sizeof id, ssk, 32, pvt, 65), RK_OK);
        CHECK_EQ(rk_eccsi_verifier_init(&VER, kpak, 65), RK_OK);
        /* rootkey signs, wolfSSL verifies */
        rnd_bytes(rnd, 32);
        CHECK_EQ(rk_eccsi_sign(&s, sig, sizeof sig, msg, sizeof msg, rnd, 32), RK_OK);
        CHECK(wolf_verify(kpak, id, sizeof id, msg, sizeof msg, sig));
        sig[40] ^= 1;
        CHECK(!wolf_verify(kpak, id, sizeof id, msg, sizeof msg, sig));
        /* wolfSSL signs, rootkey verifies */
        CHECK(wolf_sign(kpak, ssk, pvt, id, sizeof id, msg, sizeof msg, sig));
        CHECK_EQ(rk_eccsi_verify(&VER, id, sizeof id, msg, sizeof msg, sig, 129), RK_OK);
        msg[0] ^= 1;
        CHECK_EQ(rk_eccsi_verify(&VER, id, sizeof id, msg, sizeof msg, sig, 129), RK_ERR_ECCSI_VERIFY);
        rk_eccsi_signer_wipe(&s);
        CASE_END();
    }
    /* wolfSSL verifies the RFC 6507 signature too */
    rfc_vec x;
    if (load_rfc(&x)) {
        CASE_BEGIN("eccsi interop: wolfSSL verifies RFC 6507 Appendix A");
        CHECK(wolf_verify(x.kpak, x.id, x.id_len, x.m, x.m_len, x.sig));
        CASE_END();
    }
}
#endif

#ifndef RK_NO_ORACLES
/* Every octet of r compared (issue 22 survivor 5): from RFC 6507 Appendix
 * A (SSK, j, J = [j]G known), for each octet k a signature whose J is the
 * RFC's J but whose r is x(J) with octet k flipped: r' = x(J) ^ (0x5A at
 * k), HE = hash(HS || r' || M), s = j (HE + r' SSK)^-1 mod q (GMP), so the
 * verifier's J = [s]([HE]G + [r']Y) = [j]G and only the comparison of
 * octet k tells r' from x(J).  A verifier that compares part of r accepts
 * some of these; rk_eccsi_verify must refuse all 32 with
 * RK_ERR_ECCSI_VERIFY.  The control k = none (r' = x(J)) is accepted. */
static void every_octet_of_r_compared(void)
{
    rfc_vec x;
    if (!load_rfc(&x)) return;
    mpz_t q, j, ssk, he, r, t;
    mpz_inits(q, j, ssk, he, r, t, NULL);
    mpz_set_str(q, Q_HEX, 16);
    mpz_import(j, 32, 1, 1, 1, 0, x.j);
    mpz_import(ssk, 32, 1, 1, 1, 0, x.ssk);
    CHECK_EQ(rk_eccsi_verifier_init(&VER, x.kpak, 65), RK_OK);
    int refused = 0;
    for (int k = -1; k < 32; k++) {
        uint8_t sig[129], buf[32 + 32 + 16], h[32];
        size_t cnt = 0;
        memcpy(sig, x.jx, 32);
        if (k >= 0) sig[k] ^= 0x5A;
        memcpy(buf, x.hs, 32);
        memcpy(buf + 32, sig, 32);
        memcpy(buf + 64, x.m, x.m_len);
        rk_sha256(h, buf, 64 + x.m_len);
        mpz_import(he, 32, 1, 1, 1, 0, h);
        mpz_import(r, 32, 1, 1, 1, 0, sig);
        mpz_mul(t, r, ssk);
        mpz_add(t, t, he);
        mpz_mod(t, t, q);
        CHECK(mpz_invert(t, t, q) != 0);
        mpz_mul(t, t, j);
        mpz_mod(t, t, q);
        memset(sig + 32, 0, 32);
        mpz_export(sig + 64 - mpz_sizeinbase(t, 256), &cnt, 1, 1, 1, 0, t);   /* s < q: <= 32 octets */
        memcpy(sig + 64, x.pvt, 65);
        if (k < 0) {
            CASE_BEGIN("r compared, control: r = x(J), s from j, SSK and HE (GMP) verifies");
            CHECK_MEM(sig + 32, x.s, 32);          /* the RFC's s: the oracle is right */
            CHECK_EQ(rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129), RK_OK);
            CASE_END();
            continue;
        }
        CASE_BEGIN("r compared: r = x(J) but octet %d, J unchanged: refused", k);
        rk_status st = rk_eccsi_verify(&VER, x.id, x.id_len, x.m, x.m_len, sig, 129);
        CHECK_EQ(st, RK_ERR_ECCSI_VERIFY);
        refused += st == RK_ERR_ECCSI_VERIFY;
        CASE_END();
    }
    CHECK_EQ(refused, 32);
    mpz_clears(q, j, ssk, he, r, t, NULL);
}
#endif

void rk_suite_eccsi(void)
{
    RUN(rfc6507_appendix_a);
    RUN(hedged_sign_round_trip);
    RUN(hedged_nonce_formula);
    RUN(api_misuse);
    e1_lengths();
    e2_ranges();
    e3_zero_forgery();
    e4_pvt();
    e5_j_infinity();
    e6_wrong_inputs();
    e7_signature_bit_flips();
    e8_ssk_install();
    fault_injection();
#ifndef RK_NO_ORACLES
    every_octet_of_r_compared();
    wolfssl_interop();
#endif
}
