/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of bn, p256 and eccsi: scalar multiplications,
 * inversions, Montgomery powers, SSK validation and signing with every
 * secret (SSK, j's inputs, scalars, the secret point) marked undefined. */
#include "ct_harness.h"
#include "rootkey/bn.h"
#include "rootkey/p256.h"
#include "rootkey/eccsi.h"

static void bn_mont_secret(void)
{
    /* the 1024-bit SAKKE-sized case: any odd modulus serves for timing */
    uint64_t m[16], a[16], b[16], e[16], r[16];
    rk_bn_mont_ctx c;
    ct_fill((uint8_t *)m, sizeof m, 11);
    m[0] |= 1; m[15] |= 1ULL << 63;
    if (rk_bn_mont_init(&c, m, 16) != RK_OK) return;
    ct_fill((uint8_t *)a, sizeof a, 12); a[15] >>= 2;
    ct_fill((uint8_t *)b, sizeof b, 13); b[15] >>= 2;
    ct_fill((uint8_t *)e, sizeof e, 14);
    uint8_t h[150];
    ct_fill(h, sizeof h, 15);
    CT_SECRET(a, sizeof a); CT_SECRET(b, sizeof b); CT_SECRET(e, sizeof e); CT_SECRET(h, sizeof h);
    rk_bn_mont_mul(r, a, b, &c);
    rk_bn_mod_add(r, r, b, c.m, 16);
    rk_bn_mod_sub(r, r, a, c.m, 16);
    rk_bn_mont_pow_secret(r, r, e, 16, &c);
    rk_bn_mont_inv(r, r, &c);
    rk_bn_reduce_bytes(b, h, sizeof h, &c);
    uint64_t lt = rk_bn_lt(a, b, 16), eq = rk_bn_eq(a, b, 16);
    CT_USE_BUF(r, sizeof r); CT_USE_BUF(b, sizeof b); CT_USE(lt); CT_USE(eq);
}

static void p256_scalar_mul(void)
{
    uint64_t k[4];
    rk_p256_point R, S;
    rk_p256_affine P;
    uint8_t enc[65];
    ct_fill((uint8_t *)k, sizeof k, 21);
    rk_p256_mul_base(&R, k);                  /* a secret point for mul */
    (void)rk_p256_to_affine(&P, &R);
    CT_SECRET(k, sizeof k);
    CT_SECRET(&P, sizeof P);
    rk_p256_mul_base(&R, k);
    rk_p256_mul(&S, &P, k);
    rk_p256_add(&R, &R, &S);
    rk_p256_dbl(&R, &R);
    rk_status st = rk_p256_encode(enc, &R);
    CT_USE(st);
    CT_USE_BUF(enc, sizeof enc);
}

static void p256_inversions(void)
{
    uint64_t a[4], r[4], s[4];
    ct_fill((uint8_t *)a, sizeof a, 31);
    a[3] >>= 1;
    CT_SECRET(a, sizeof a);
    rk_p256_fe_inv(r, a);
    rk_p256_sc_inv(s, a);
    rk_p256_sc_mul(s, s, r);
    CT_USE_BUF(r, sizeof r);
    CT_USE_BUF(s, sizeof s);
}

/* a valid (KPAK, ID, SSK, PVT) from the KMS side, computed before marking */
static const uint8_t ID[] = "2026-11\0tel:+15550100";
static int make_keys(uint8_t kpak[65], uint8_t ssk[32], uint8_t pvt[65])
{
    uint8_t ksak[32], v[32];
    ct_fill(ksak, 32, 41); ksak[0] = 0x12;
    ct_fill(v, 32, 42); v[0] = 0x34;
    return rk_eccsi_kms_kpak(kpak, ksak) == RK_OK &&
           rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, ID, sizeof ID, v) == RK_OK;
}

static void eccsi_ssk_validation(void)
{
    uint8_t kpak[65], ssk[32], pvt[65];
    rk_eccsi_signer_ctx s;
    if (!make_keys(kpak, ssk, pvt)) return;
    CT_SECRET(ssk, 32);
    rk_status st = rk_eccsi_signer_init(&s, kpak, 65, ID, sizeof ID, ssk, 32, pvt, 65);
    CT_USE(st);
    /* and a wrong SSK: rejection must not branch on the secret either */
    ssk[5] ^= 1;
    st = rk_eccsi_signer_init(&s, kpak, 65, ID, sizeof ID, ssk, 32, pvt, 65);
    CT_USE(st);
    rk_eccsi_signer_wipe(&s);
}

static void eccsi_sign(void)
{
    uint8_t kpak[65], ssk[32], pvt[65], sig[129], rnd[32], msg[50];
    rk_eccsi_signer_ctx s;
    if (!make_keys(kpak, ssk, pvt)) return;
    if (rk_eccsi_signer_init(&s, kpak, 65, ID, sizeof ID, ssk, 32, pvt, 65) != RK_OK) return;
    ct_fill(rnd, 32, 51);
    ct_fill(msg, sizeof msg, 52);
    CT_SECRET(s.ssk, sizeof s.ssk);
    CT_SECRET(rnd, 32);
    rk_status st = rk_eccsi_sign(&s, sig, sizeof sig, msg, sizeof msg, rnd, 32);
    CT_USE(st);
    CT_USE_BUF(sig, sizeof sig);
    rk_eccsi_signer_wipe(&s);
}

RK_CT_CHECKS(eccsi) = {
    { "bn_mont_secret", bn_mont_secret },
    { "p256_scalar_mul", p256_scalar_mul },
    { "p256_inversions", p256_inversions },
    { "eccsi_ssk_validation", eccsi_ssk_validation },
    { "eccsi_sign", eccsi_sign },
    { 0, 0 }
};
