/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of the SAKKE layers: F_p and F_p^2 arithmetic,
 * encapsulation (SSV and r secret), decapsulation (RSK and its line table
 * secret, with and without the table), RSK validation at installation, g^r,
 * the fixed-base combs and their lookup, the KMS multiple (rk_ss_mul_ct),
 * the pairing with a secret argument. */
#include "ct_harness.h"
#include "rootkey/sakke.h"
#include "rootkey/hash.h"
#include <sodium.h>


static const uint8_t z20[20] = { 0xAF,0xF4,0x29,0xD3,0x5F,0x84,0xB1,0x10,0xD0,0x94,0x80,0x3B,
                                 0x35,0x95,0xA6,0xE2,0x99,0x8B,0xC9,0x9F };
static uint8_t id[32], zpub[257], rsk[257];
static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv;

static int setup(void)
{
    for (int i = 0; i < 32; i++) id[i] = (uint8_t)(i * 7 + 3);
    if (rk_sakke_kms_public(zpub, z20, 20) != RK_OK) return 0;
    if (rk_sakke_kms_rsk(rsk, z20, 20, id, 32) != RK_OK) return 0;
    return rk_sakke_sender_init(&snd, zpub) == RK_OK;
}

static void fp_ops(void)
{
    rk_fp a, b, r;
    uint8_t in[128], out[128];
    ct_fill(in, 128, 11);
    in[0] &= 0x7f;
    (void)rk_fp_from_bytes(&a, in);
    ct_fill(in, 128, 12);
    in[0] &= 0x7f;
    (void)rk_fp_from_bytes(&b, in);
    CT_SECRET(&a, sizeof a);
    CT_SECRET(&b, sizeof b);
    rk_fp_mul(&r, &a, &b);
    rk_fp_sqr(&r, &r);                     /* the dedicated squaring */
    rk_fp_add(&r, &r, &a);
    rk_fp_sub(&r, &r, &b);
    rk_fp_neg(&r, &r);
    rk_fp_inv(&r, &r);
    uint64_t e = rk_fp_eq(&r, &a) | rk_fp_is_zero(&b);
    rk_fp_cmov(&r, &a, e);
    rk_fp_to_bytes(out, &r);
    rk_fp2 x, y;
    x.a = a; x.b = b; y.a = b; y.b = a;
    rk_fp2_mul(&x, &x, &y);
    rk_fp2_sqr(&x, &x);
    rk_fp2_repr(&r, &x);
    CT_USE_BUF(out, sizeof out);
    CT_USE(e);
    CT_USE(r);
    /* the comb-entry lookup with a secret index */
    static uint64_t tab[256 * 32];
    uint64_t w[32];
    size_t idx = (size_t)(in[5] % 256u);
    for (size_t i = 0; i < 256 * 32; i++) tab[i] = (uint64_t)i * 0x9e3779b97f4a7c15ULL;
    CT_SECRET(&idx, sizeof idx);
    rk_fp_pair_lookup(w, tab, 256, idx);
    CT_USE_BUF(w, sizeof w);
}

static void encapsulate(void)
{
    uint8_t ssv[16], data[273];
    if (!setup()) return;
    ct_fill(ssv, 16, 21);
    CT_SECRET(ssv, 16);
    rk_status st = rk_sakke_encapsulate(data, &snd, id, 32, ssv, 16);
    CT_USE(st);
    CT_USE_BUF(data, sizeof data);
}

static void gt_pow(void)
{
    rk_fp k, w;
    if (!setup()) return;
    ct_fill((uint8_t *)k.v, sizeof k.v, 22);
    k.v[15] = 0;
    CT_SECRET(&k, sizeof k);
    rk_gt_pow(&w, &snd.gt, &k);
    CT_USE(w);
}

static void decap(int with_table)
{
    uint8_t ssv[16], data[273], out[16];
    if (!setup()) return;
    ct_fill(ssv, 16, 23);
    if (rk_sakke_receiver_install(&rcv, zpub, id, 32, rsk, with_table) != RK_OK) return;
    if (rk_sakke_encapsulate(data, &snd, id, 32, ssv, 16) != RK_OK) return;
    /* the RSK and everything derived from it are secret */
    CT_SECRET(&rcv.K, sizeof rcv.K);
    CT_SECRET(&rcv.lines, sizeof rcv.lines);
    rk_status st = rk_sakke_decapsulate(out, 16, &rcv, data, 273);
    CT_USE(st);
    CT_USE_BUF(out, 16);
    /* a failing decapsulation (H flipped: TEST fails) */
    data[270] ^= 1;
    st = rk_sakke_decapsulate(out, 16, &rcv, data, 273);
    CT_USE(st);
    CT_USE_BUF(out, 16);
}
static void decapsulate_table(void) { decap(1); }
static void decapsulate_no_table(void) { decap(0); }

static void rsk_install(void)
{
    uint8_t k[257];
    if (!setup()) return;
    memcpy(k, rsk, 257);
    CT_SECRET(k + 1, 256);
    rk_status st = rk_sakke_receiver_install(&rcv, zpub, id, 32, k, 1);
    CT_USE(st);
    memcpy(k, rsk, 257);
    k[256] ^= 1;                       /* off the curve: rejected branch-free */
    CT_SECRET(k + 1, 256);
    st = rk_sakke_receiver_install(&rcv, zpub, id, 32, k, 0);
    CT_USE(st);
}

static void kms(void)
{
    uint8_t z[20], out[257];
    memcpy(z, z20, 20);
    CT_SECRET(z, 20);
    rk_status st = rk_sakke_kms_rsk(out, z, 20, id, 32);
    CT_USE(st);
    CT_USE_BUF(out, sizeof out);
}

RK_CT_CHECKS(sakke) = {
    { "sakke_fp_fp2", fp_ops },
    { "sakke_encapsulate", encapsulate },
    { "sakke_gt_pow", gt_pow },
    { "sakke_decapsulate_table", decapsulate_table },
    { "sakke_decapsulate_no_table", decapsulate_no_table },
    { "sakke_rsk_install", rsk_install },
    { "sakke_kms_rsk", kms },
    { 0, 0 }
};
