/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of the 16-limb Montgomery kernels: the MULX/ADX
 * assembly (core/src/arith/fp1024_adx.h) called directly, since valgrind's CPUID
 * hides ADX and rk_fp_mmul / rk_fp_msqr pick the C kernel under valgrind
 * (valgrind 3.19 does execute MULX, ADCX and ADOX); and the C kernel
 * entries.  Both moduli, operands secret, edges where the final
 * subtraction is and is not taken. */
#include "ct_harness.h"
#include "../../core/src/arith/fp1024_internal.h"

static void one_pair(const rk_fp_mod *md, uint32_t seed, int edge)
{
    rk_fp a, b, r;
    ct_fill((uint8_t *)a.v, 128, seed);
    ct_fill((uint8_t *)b.v, 128, seed + 1);
    a.v[15] %= md->m[15];
    b.v[15] %= md->m[15];
    if (edge) {                            /* m - 1 and 1: result near m */
        memcpy(a.v, md->m, 128);
        a.v[0] -= 1;
        memset(b.v, 0, 128);
        b.v[0] = 1;
    }
    CT_SECRET(&a, sizeof a);
    CT_SECRET(&b, sizeof b);
#ifdef RK_FP_ADX
    rk_fp_mmul_adx(&r, &a, &b, md);
    rk_fp_msqr_adx(&r, &r, md);
    rk_fp_mmul_adx(&r, &r, &a, md);        /* aliasing r == a */
    CT_USE(r);
    rk_fp_mmul_c(&r, &a, &b, md);
    rk_fp_msqr_c(&r, &r, md);
    CT_USE(r);
#endif
    rk_fp_mmul(&r, &a, &b, md);            /* whichever kernel this CPU runs */
    rk_fp_msqr(&r, &r, md);
    CT_USE(r);
}

static void kernels(void)
{
    for (uint32_t s = 0; s < 4; s++) {
        one_pair(&rk_fp_mod_p, 100 + s, s == 3);
        one_pair(&rk_fp_mod_q, 200 + s, s == 3);
    }
}

RK_CT_CHECKS(fp1024) = {
    { "fp1024_kernels", kernels },
    { 0, 0 }
};
