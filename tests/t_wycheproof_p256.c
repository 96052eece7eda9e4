/* SPDX-License-Identifier: Apache-2.0 */
/* Wycheproof P-256 vectors through test-only wrappers over the p256 layer:
 * ECDSA P1363 verification (scalar ranges, edge public keys, the vartime
 * multi-scalar path) and ECDH on encoded points (point decoding and the
 * constant-time scalar multiplication).  Each tcId is its own case. */
#include "rk_test.h"
#include "rootkey/p256.h"
#include "rootkey/bn.h"
#include "rootkey/hash.h"

static const uint64_t P256_Q[4] = { 0xf3b9cac2fc632551ULL, 0xbce6faada7179e84ULL,
                                    0xffffffffffffffffULL, 0xffffffff00000000ULL };

/* test-only ECDSA verification (FIPS 186-4 6.4.2) over the p256 layer */
static int ecdsa_verify(const uint8_t *key, size_t klen, const uint8_t *msg, size_t mlen,
                        const uint8_t *sig, size_t slen)
{
    rk_p256_affine Q;
    rk_p256_point X;
    rk_p256_affine Xa;
    uint64_t r[4], s[4], e[4], w[4], u1[4], u2[4], xr[4];
    uint8_t h[32], xb[32];
    if (rk_p256_decode(&Q, key, klen) != RK_OK) return 0;
    if (slen != 64) return 0;
    if (!rk_p256_sc_from_bytes(r, sig) || !rk_p256_sc_from_bytes(s, sig + 32)) return 0;
    rk_sha256(h, msg, mlen);
    rk_p256_sc_reduce(e, h, 32);
    rk_p256_sc_inv(w, s);
    rk_p256_sc_mul(u1, e, w);
    rk_p256_sc_mul(u2, r, w);
    rk_p256_mul3_vartime(&X, u1, 0, u1, &Q, u2);
    if (!rk_p256_to_affine(&Xa, &X)) return 0;
    rk_p256_fe_to_bytes(xb, Xa.x);
    rk_p256_sc_reduce(xr, xb, 32);
    return rk_bn_eq(xr, r, 4) == 1;
}

static void wycheproof_ecdsa(void)
{
    static rk_vec v;
    static uint8_t key[200], msg[4096], sig[512];
    int n = 0;
    if (!rk_vec_open(&v, "wycheproof/ecdsa_p256_sha256_p1363.txt")) return;
    while (rk_vec_next(&v)) {
        long tc = rk_vec_int(&v, "tcid", -1);
        long kl = rk_vec_hex(&v, "key", key, sizeof key);
        long ml = rk_vec_hex(&v, "msg", msg, sizeof msg);
        long sl = rk_vec_hex(&v, "sig", sig, sizeof sig);
        const char *res = rk_vec_str(&v, "result");
        CASE_BEGIN("wycheproof ecdsa p1363 tcId %ld", tc);
        CHECK(kl > 0 && ml >= 0 && sl >= 0 && res);
        if (kl > 0 && ml >= 0 && sl >= 0 && res) {
            int ok = ecdsa_verify(key, (size_t)kl, msg, (size_t)ml, sig, (size_t)sl);
            if (strcmp(res, "valid") == 0) CHECK(ok);
            else if (strcmp(res, "invalid") == 0) CHECK(!ok);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&v);
    CHECK_EQ(n, 252);
}

/* test-only ECDH: shared = x([d]P) with the encoded point decoded strictly */
static int ecdh(uint8_t shared[32], const uint8_t *pub, size_t plen, const uint8_t *d, size_t dlen)
{
    rk_p256_affine P, S;
    rk_p256_point R;
    uint64_t k[4];
    if (rk_p256_decode(&P, pub, plen) != RK_OK) return 0;
    rk_p256_sc_reduce(k, d, dlen);
    rk_p256_mul(&R, &P, k);
    if (!rk_p256_to_affine(&S, &R)) return 0;
    rk_p256_fe_to_bytes(shared, S.x);
    return 1;
}

static void wycheproof_ecdh(void)
{
    static rk_vec v;
    uint8_t pub[200], d[64], shared[64], got[32];
    int n = 0, invalid_points = 0;
    if (!rk_vec_open(&v, "wycheproof/ecdh_p256_ecpoint.txt")) return;
    while (rk_vec_next(&v)) {
        long tc = rk_vec_int(&v, "tcid", -1);
        long pl = rk_vec_hex(&v, "public", pub, sizeof pub);
        long dl = rk_vec_hex(&v, "private", d, sizeof d);
        long sl = rk_vec_hex(&v, "shared", shared, sizeof shared);
        const char *res = rk_vec_str(&v, "result");
        CASE_BEGIN("wycheproof ecdh ecpoint tcId %ld", tc);
        CHECK(pl >= 0 && dl > 0 && sl >= 0 && res);
        if (pl >= 0 && dl > 0 && sl >= 0 && res) {
            int ok = ecdh(got, pub, (size_t)pl, d, (size_t)dl);
            if (strcmp(res, "valid") == 0) {
                CHECK(ok);
                CHECK(sl == 32 && memcmp(got, shared, 32) == 0);
            } else if (strcmp(res, "invalid") == 0) {
                CHECK(!ok);
                if (pl == 65) invalid_points++;
            } else if (ok) {
                CHECK(sl == 32 && memcmp(got, shared, 32) == 0);
            }
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&v);
    CHECK_EQ(n, 355);
    CHECK(invalid_points >= 16);
    (void)P256_Q;
}

void rk_suite_wycheproof_p256(void)
{
    wycheproof_ecdsa();
    wycheproof_ecdh();
}
