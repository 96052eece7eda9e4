/* SPDX-License-Identifier: Apache-2.0 */
/* Pairing of RFC 6508 3.2 (core/include/rootkey/pairing.h): every pairing
 * value of RFC 6508 Appendix A, both argument orders, the per-RSK table and
 * the g^r table. */
#include "rk_test.h"
#include "sk_common.h"
#include "rootkey/pairing.h"

static sk_rfc v;
static rk_pairing_table tab;
static rk_gt_table gt;

static void pp_is_g(void)
{
    rk_ss_aff P;
    rk_fp w, g;
    uint8_t out[128];
    CHECK(v.ok);
    CHECK(sk_aff(&P, v.px, v.py));
    rk_pairing(&w, &P, &P);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.g, 128);
    CHECK(rk_fp_from_bytes(&g, v.g) == 1);
    CHECK(rk_fp_eq(&g, &rk_pairing_g) == 1);
    CHECK(rk_ss_aff_eq(&P, &rk_ss_base_p) == 1);
}

static void rk_is_gr_both_orders(void)
{
    rk_ss_aff R, K;
    rk_fp w;
    uint8_t out[128];
    CHECK(sk_aff(&R, v.rx, v.ry));
    CHECK(sk_aff(&K, v.kx, v.ky));
    rk_pairing(&w, &R, &K);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.gr, 128);
    rk_pairing(&w, &K, &R);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.gr, 128);
}

static void rsk_table(void)
{
    rk_ss_aff R, K, B;
    rk_fp w;
    uint8_t out[128];
    CHECK(sk_aff(&R, v.rx, v.ry));
    CHECK(sk_aff(&K, v.kx, v.ky));
    CHECK(sk_aff(&B, v.bpzx, v.bpzy));
    rk_pairing_table_init(&tab, &K);
    rk_pairing_with_table(&w, &tab, &R);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.gr, 128);
    /* RSK validation value: <[b]P + Z, K> = g */
    rk_pairing_with_table(&w, &tab, &B);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.g, 128);
    rk_pairing(&w, &B, &K);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.g, 128);
}

static void g_to_the_r(void)
{
    rk_fp k, w;
    uint8_t out[128];
    rk_gt_table_init(&gt);
    sk_int(&k, v.r);
    rk_gt_pow(&w, &gt, &k);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.gr, 128);
    /* g^1 = g, g^0 = 0/1 = 0 */
    for (size_t i = 0; i < 16; i++) k.v[i] = 0;
    k.v[0] = 1;
    rk_gt_pow(&w, &gt, &k);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.g, 128);
}

void rk_suite_pairing(void)
{
    sk_rfc_load(&v);
    RUN(pp_is_g);
    RUN(rk_is_gr_both_orders);
    RUN(rsk_table);
    RUN(g_to_the_r);
}
