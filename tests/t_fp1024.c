/* SPDX-License-Identifier: Apache-2.0 */
/* F_p and F_p^2 of the SAKKE layer (rootkey/fp1024.h, rootkey/fp2.h) and the
 * curve's constants: the bn contexts against rk_bn_mont_init, and
 * differential tests against GMP (random and edge operands). */
#include <stdlib.h>
#include "rk_test.h"
#include "sk_common.h"
#include "rootkey/fp1024.h"
#include "rootkey/fp2.h"
#include "rootkey/sscurve.h"
#include "../core/src/arith/fp1024_internal.h"
#ifndef RK_NO_ORACLES
#include <gmp.h>
#endif

static sk_rfc v;

static void contexts_match_bn(void)
{
    rk_bn_mont_ctx c;
    uint64_t m[16];
    rk_bn_from_bytes(m, 16, v.p, 128);
    CHECK_EQ(rk_bn_mont_init(&c, m, 16), RK_OK);
    CHECK(memcmp(&c, &rk_fp_mod_p, sizeof c) == 0);
    rk_bn_from_bytes(m, 16, v.q, 128);
    CHECK_EQ(rk_bn_mont_init(&c, m, 16), RK_OK);
    CHECK(memcmp(&c, &rk_fp_mod_q, sizeof c) == 0);
    /* P constant and on the curve */
    rk_ss_aff P;
    CHECK(sk_aff(&P, v.px, v.py));
    CHECK(rk_ss_aff_eq(&P, &rk_ss_base_p) == 1);
    CHECK(rk_ss_on_curve(&P) == 1);
    CHECK(rk_ss_in_subgroup(&P) == 1);
}

static void from_bytes_range(void)
{
    rk_fp a;
    uint8_t pm1[128], out[128];
    memcpy(pm1, v.p, 128);
    pm1[127] -= 1;
    CHECK(rk_fp_from_bytes(&a, pm1) == 1);
    rk_fp_to_bytes(out, &a);
    CHECK_MEM(out, pm1, 128);
    CHECK(rk_fp_from_bytes(&a, v.p) == 0);
    CHECK(rk_fp_is_zero(&a) == 1);
    memset(out, 0xff, 128);
    CHECK(rk_fp_from_bytes(&a, out) == 0);
}

/* The 2-descent subgroup test against [q]R = O on random curve points,
 * their multiples by 2 and 4 (in 2E, 4E) and with the torsion added. */
static void subgroup_methods_agree(void)
{
    int n = 0, in = 0, bad = 0;
    srand(7);
    while (n < 12) {
        uint8_t xb[128];
        rk_fp x, y2, y, t, c;
        for (int i = 0; i < 128; i++) xb[i] = (uint8_t)rand();
        xb[0] &= 0x7f;
        if (rk_fp_from_bytes(&x, xb) != 1) continue;
        rk_fp_sqr(&y2, &x);
        rk_fp_set_u64(&c, 3);
        rk_fp_sub(&y2, &y2, &c);
        rk_fp_mul(&y2, &y2, &x);
        rk_fp_mpow_public(&y, &y2, rk_fp_mod_q.m, 16, &rk_fp_mod_p);   /* sqrt */
        rk_fp_sqr(&t, &y);
        if (rk_fp_eq(&t, &y2) != 1) continue;
        rk_ss_aff a = { x, y }, b;
        rk_ss_pt p, q2;
        rk_ss_from_aff(&p, &a);
        for (int k = 0; k < 3; k++) {
            if (k > 0) { rk_ss_add(&q2, &p, &p); p = q2; }
            if (rk_ss_to_aff(&b, &p) != 1) continue;
            uint64_t s1 = rk_ss_in_subgroup(&b), s2 = rk_ss_in_subgroup_mul(&b);
            bad += s1 != s2;
            in += (int)s1;
            if (k == 2) bad += s1 != 1;    /* [4]Q is always in the subgroup */
        }
        n++;
    }
    CHECK_EQ(bad, 0);
    CHECK(in >= 12);
}

/* A 64-bit xorshift for the kernel tests (no libc rand: wider words). */
static uint64_t xs_state = 0x9e3779b97f4a7c15ULL;
static uint64_t xs(void)
{
    xs_state ^= xs_state << 13;
    xs_state ^= xs_state >> 7;
    xs_state ^= xs_state << 17;
    return xs_state;
}

/* An operand: random limbs, or an edge value (0, 1, m - 1, m - 2, a value
 * with all-ones low limbs, sparse limbs), reduced below m by dropping the
 * top limb below m's when needed; kind 9 gives any value < 2^1024 (the
 * operand bound rk_fp_mmul allows for one factor). */
static void operand(uint64_t *a, const rk_fp_mod *md, int kind)
{
    for (int k = 0; k < 16; k++) a[k] = xs();
    switch (kind) {
    case 1: memset(a, 0, 128); break;
    case 2: memset(a, 0, 128); a[0] = 1; break;
    case 3: memcpy(a, md->m, 128); a[0] -= 1; break;
    case 4: memcpy(a, md->m, 128); a[0] -= 2; break;
    case 5: for (int k = 0; k < 15; k++) a[k] = ~0ULL; a[15] = md->m[15] - 1; break;
    case 6: for (int k = 0; k < 16; k++) a[k] = (k % 3 == 0) ? ~0ULL : 0; a[15] = md->m[15] >> 1; break;
    case 9: break;
    default: a[15] %= md->m[15]; break;
    }
}

/* The 16-limb kernel (rk_fp_mmul, rk_fp_msqr, rk_fp_madd, rk_fp_msub,
 * rk_fp_mpow_public, rk_fp_minv) against bn's generic CIOS on 100,000 operand pairs per
 * modulus, edges included (10,000 under RK_TEST_QUICK). */
static void kernel_matches_bn(void)
{
    const rk_fp_mod *mods[2] = { &rk_fp_mod_p, &rk_fp_mod_q };
    int n = rk_t_quick() ? 10000 : 100000, bad = 0;
    for (int mi = 0; mi < 2; mi++) {
        const rk_fp_mod *md = mods[mi];
        for (int i = 0; i < n; i++) {
            rk_fp a, b, r;
            uint64_t ref[16];
            operand(a.v, md, i < 100 ? i % 10 : (i % 7 == 0 ? 9 : 0));
            operand(b.v, md, i < 100 ? i / 10 : 0);
            rk_fp_mmul(&r, &a, &b, md);
            rk_bn_mont_mul(ref, a.v, b.v, md);
            bad += memcmp(r.v, ref, 128) != 0;
            rk_fp_mmul(&r, &b, &a, md);
            bad += memcmp(r.v, ref, 128) != 0;
            if (a.v[15] < md->m[15]) {     /* both below m */
                rk_fp_msqr(&r, &a, md);
                rk_bn_mont_mul(ref, a.v, a.v, md);
                bad += memcmp(r.v, ref, 128) != 0;
            }
            if (a.v[15] < md->m[15]) {     /* modular + and -, both below m */
                rk_fp_madd(&r, &a, &b, md);
                rk_bn_mod_add(ref, a.v, b.v, md->m, 16);
                bad += memcmp(r.v, ref, 128) != 0;
                rk_fp_msub(&r, &a, &b, md);
                rk_bn_mod_sub(ref, a.v, b.v, md->m, 16);
                bad += memcmp(r.v, ref, 128) != 0;
                rk_fp_msub(&r, &b, &a, md);
                rk_bn_mod_sub(ref, b.v, a.v, md->m, 16);
                bad += memcmp(r.v, ref, 128) != 0;
                /* they work in r: r == a and r == b must give the same */
                rk_bn_mod_add(ref, a.v, b.v, md->m, 16);
                r = a; rk_fp_madd(&r, &r, &b, md);
                bad += memcmp(r.v, ref, 128) != 0;
                r = b; rk_fp_madd(&r, &a, &r, md);
                bad += memcmp(r.v, ref, 128) != 0;
                rk_bn_mod_sub(ref, a.v, b.v, md->m, 16);
                r = a; rk_fp_msub(&r, &r, &b, md);
                bad += memcmp(r.v, ref, 128) != 0;
                r = b; rk_fp_msub(&r, &a, &r, md);
                bad += memcmp(r.v, ref, 128) != 0;
                rk_bn_mod_add(ref, a.v, a.v, md->m, 16);
                r = a; rk_fp_madd(&r, &r, &r, md);
                bad += memcmp(r.v, ref, 128) != 0;
                r = a; rk_fp_msub(&r, &r, &r, md);
                bad += rk_bn_is_zero(r.v, 16) != 1;
            }
            r = a;                         /* aliasing: r == a */
            rk_fp_mmul(&r, &r, &b, md);
            rk_bn_mont_mul(ref, a.v, b.v, md);
            bad += memcmp(r.v, ref, 128) != 0;
            if (i % 1000 == 0 && a.v[15] < md->m[15]) {
                uint64_t e[16];
                for (int k = 0; k < 16; k++) e[k] = xs();
                rk_fp_mpow_public(&r, &a, e, 16, md);
                rk_bn_mont_pow_public(ref, a.v, e, 16, md);
                bad += memcmp(r.v, ref, 128) != 0;
                rk_fp_minv(&r, &a, md);
                rk_bn_mont_inv(ref, a.v, md);
                bad += memcmp(r.v, ref, 128) != 0;
            }
        }
    }
    CHECK_EQ(bad, 0);
}

#ifdef RK_FP_ADX
#ifndef RK_NO_ORACLES
/* z = the 16 little-endian limbs x (word order, native word endianness). */
static void limbs_to_mpz(mpz_t z, const uint64_t *x) { mpz_import(z, 16, -1, 8, 0, 0, x); }

static int limbs_eq_mpz(const uint64_t *x, mpz_t z)
{
    uint64_t y[16];
    size_t cnt = 0;
    memset(y, 0, sizeof y);
    if (mpz_sizeinbase(z, 2) > 1024) return 0;
    mpz_export(y, &cnt, -1, 8, 0, 0, z);
    return memcmp(x, y, sizeof y) == 0;
}
#endif

/* Edge operands for the asm kernel: 0, 1, 2, 2^64 - 1, powers 2^(64k),
 * m - 1, m - 2, m / 2, (m + 1) / 2, R mod m, R^2 mod m, all-ones limbs
 * below m (carries through every limb), alternating all-ones and zero
 * limbs, m minus one low limb, m with the low half cleared.  All < m. */
#define N_EDGE 20
static void edge(uint64_t *a, const rk_fp_mod *md, int k)
{
    memset(a, 0, 128);
    switch (k) {
    case 0: break;
    case 1: a[0] = 1; break;
    case 2: a[0] = 2; break;
    case 3: a[0] = ~0ULL; break;
    case 4: a[1] = 1; break;
    case 5: a[8] = 1; break;
    case 6: a[15] = 1; break;
    case 7: memcpy(a, md->m, 128); a[0] -= 1; break;
    case 8: memcpy(a, md->m, 128); a[0] -= 2; break;
    case 9: for (int i = 0; i < 16; i++) a[i] = (md->m[i] >> 1) | (i < 15 ? md->m[i + 1] << 63 : 0); break;
    case 10: edge(a, md, 9); a[0] += 1; break;          /* m odd: no carry */
    case 11: memcpy(a, md->one, 128); break;
    case 12: memcpy(a, md->rr, 128); break;
    case 13: for (int i = 0; i < 15; i++) a[i] = ~0ULL; a[15] = md->m[15] - 1; break;
    case 14: for (int i = 0; i < 16; i++) a[i] = (i % 2) ? 0 : ~0ULL; a[15] = md->m[15] - 1; break;
    case 15: for (int i = 0; i < 16; i++) a[i] = (i % 2) ? ~0ULL : 0; a[15] = md->m[15] - 1; break;
    case 16: memcpy(a, md->m, 128); a[0] = 0; break;        /* m - (m mod 2^64) */
    case 17: memcpy(a, md->m, 128); for (int i = 0; i < 8; i++) a[i] = 0; break;
    case 18: memcpy(a, md->m, 128); a[0] = ~0ULL; a[1] -= 1; break;   /* m - 1 + 2^64 - m0 - 2^64 */
    default: for (int i = 0; i < 16; i++) a[i] = 0x8000000000000000ULL >> (i % 64); a[15] = md->m[15] >> 1; break;
    }
}

/* The MULX/ADX kernel against the C kernel and bn's rk_bn_mont_mul (and
 * GMP when oracles are built) on the edge pairs, every edge times
 * 2^1024 - 1 (one factor may be any 1024-bit value), and 200,000 random
 * pairs per modulus (20,000 under RK_TEST_QUICK); squaring on every first
 * operand below m.  The CPU must have BMI2 and ADX, else a note is printed
 * and nothing of the asm is tested (the C kernel is what runs then). */
static void adx_kernel_matches(void)
{
    if (!rk_fp_adx_cpu()) {
        printf("note fp1024: this CPU (or valgrind's CPUID) lacks BMI2/ADX: the asm kernel "
               "is compiled in but NOT tested here; rk_fp_mmul/msqr run the C kernel\n");
        return;
    }
    const rk_fp_mod *mods[2] = { &rk_fp_mod_p, &rk_fp_mod_q };
    int n = rk_t_quick() ? 20000 : 200000, bad = 0, done = 0;
#ifndef RK_NO_ORACLES
    mpz_t M, Ri, A, B, X;
    mpz_inits(M, Ri, A, B, X, NULL);
#endif
    for (int mi = 0; mi < 2; mi++) {
        const rk_fp_mod *md = mods[mi];
#ifndef RK_NO_ORACLES
        limbs_to_mpz(M, md->m);
        mpz_set_ui(Ri, 1);
        mpz_mul_2exp(Ri, Ri, 1024);
        CHECK(mpz_invert(Ri, Ri, M) != 0);
#endif
        int edges = N_EDGE * N_EDGE + N_EDGE;
        for (int i = 0; i < edges + n; i++) {
            rk_fp a, b, r1, r2;
            uint64_t ref[16];
            int below = 1;                 /* a < m */
            if (i < N_EDGE * N_EDGE) {
                edge(a.v, md, i % N_EDGE);
                edge(b.v, md, i / N_EDGE);
            } else if (i < edges) {
                memset(a.v, 0xff, 128);    /* 2^1024 - 1 */
                edge(b.v, md, i - N_EDGE * N_EDGE);
                below = 0;
            } else {
                int kind = i % 7 == 0 ? 9 : (i % 11 == 0 ? 3 + i % 4 : 0);
                operand(a.v, md, kind);
                operand(b.v, md, 0);
                below = kind != 9 || a.v[15] < md->m[15];
            }
            rk_fp_mmul_adx(&r1, &a, &b, md);
            rk_fp_mmul_c(&r2, &a, &b, md);
            rk_bn_mont_mul(ref, a.v, b.v, md);
            bad += memcmp(r1.v, r2.v, 128) != 0;
            bad += memcmp(r1.v, ref, 128) != 0;
            rk_fp_mmul_adx(&r2, &b, &a, md);
            bad += memcmp(r1.v, r2.v, 128) != 0;
#ifndef RK_NO_ORACLES
            limbs_to_mpz(A, a.v);
            limbs_to_mpz(B, b.v);
            mpz_mul(X, A, B);
            mpz_mul(X, X, Ri);
            mpz_mod(X, X, M);
            bad += !limbs_eq_mpz(r1.v, X);
#endif
            r2 = a;                        /* aliasing: r == a */
            rk_fp_mmul_adx(&r2, &r2, &b, md);
            bad += memcmp(r1.v, r2.v, 128) != 0;
            if (below) {
                rk_fp_msqr_adx(&r1, &a, md);
                rk_fp_msqr_c(&r2, &a, md);
                rk_bn_mont_mul(ref, a.v, a.v, md);
                bad += memcmp(r1.v, r2.v, 128) != 0;
                bad += memcmp(r1.v, ref, 128) != 0;
                r2 = a;
                rk_fp_msqr_adx(&r2, &r2, md);
                bad += memcmp(r1.v, r2.v, 128) != 0;
#ifndef RK_NO_ORACLES
                mpz_mul(X, A, A);
                mpz_mul(X, X, Ri);
                mpz_mod(X, X, M);
                bad += !limbs_eq_mpz(r1.v, X);
#endif
            }
            done++;
        }
    }
#ifndef RK_NO_ORACLES
    mpz_clears(M, Ri, A, B, X, NULL);
#endif
    CHECK_EQ(bad, 0);
    CHECK_EQ(done, 2 * (N_EDGE * N_EDGE + N_EDGE + n));
}
#endif

/* The binary Jacobi symbol against Euler's criterion a^((p-1)/2) on
 * random elements, squares, non-squares and the edges 0, 1, -1, 2, 3. */
static void jacobi_matches_euler(void)
{
    uint64_t e[16];
    for (int i = 0; i < 16; i++)
        e[i] = (rk_fp_mod_p.m[i] >> 1) | ((i < 15 ? rk_fp_mod_p.m[i + 1] : 0) << 63);
    int n = rk_t_quick() ? 100 : 1000, bad = 0, sq = 0;
    rk_fp one;
    rk_fp_one(&one);
    for (int i = 0; i < n; i++) {
        rk_fp a, t;
        if (i < 5) {
            static const uint64_t small[5] = { 0, 1, 2, 3, 12 };
            rk_fp_set_u64(&a, small[i]);
        } else if (i == 5) {
            rk_fp_one(&a);
            rk_fp_neg(&a, &a);
        } else {
            operand(a.v, &rk_fp_mod_p, 0);
            if (i % 3 == 0) rk_fp_sqr(&a, &a);                 /* a square */
            if (i % 3 == 1) { rk_fp_sqr(&a, &a); rk_fp_neg(&a, &a); }   /* -1 is not */
        }
        rk_fp_pow_public(&t, &a, e, 16);
        uint64_t euler = rk_fp_eq(&t, &one);
        uint64_t jac = rk_fp_is_square_public(&a);
        bad += euler != jac;
        sq += (int)jac;
        if (i % 3 == 0 && i >= 6) bad += jac != (uint64_t)(1u - rk_fp_is_zero(&a));
        if (i % 3 == 1 && i >= 6) bad += jac != 0;
    }
    CHECK_EQ(bad, 0);
    CHECK(sq > n / 4);
}

#ifndef RK_NO_ORACLES
static void rnd(uint8_t *b, int kind)
{
    for (int i = 0; i < 128; i++) b[i] = (uint8_t)rand();
    if (kind == 1) memset(b, 0, 128);
    if (kind == 2) { memset(b, 0, 128); b[127] = 1; }
    if (kind == 3) { memcpy(b, v.p, 128); b[127] -= 1; }
    if (kind == 4) { memcpy(b, v.p, 128); b[127] -= 2; b[0] = 0; }
}

static void to_mpz(mpz_t z, const uint8_t *b) { mpz_import(z, 128, 1, 1, 1, 0, b); }

static int same(const rk_fp *a, mpz_t z)
{
    uint8_t x[128], y[128];
    rk_fp_to_bytes(x, a);
    memset(y, 0, 128);
    size_t n = 0;
    mpz_export(y + 128 - (mpz_sizeinbase(z, 256)), &n, 1, 1, 1, 0, z);
    if (mpz_sgn(z) == 0) memset(y, 0, 128);
    return memcmp(x, y, 128) == 0;
}

static void differential_fp(void)
{
    mpz_t P, A, B, R;
    mpz_inits(P, A, B, R, NULL);
    to_mpz(P, v.p);
    int bad = 0;
    for (int i = 0; i < 2000; i++) {
        uint8_t ab[128], bb[128];
        rnd(ab, i < 25 ? i % 5 : 0);
        rnd(bb, i < 25 ? i / 5 : 0);
        to_mpz(A, ab); to_mpz(B, bb);
        mpz_mod(A, A, P); mpz_mod(B, B, P);
        uint8_t t[128];
        memset(t, 0, 128);
        mpz_export(t + 128 - mpz_sizeinbase(A, 256), NULL, 1, 1, 1, 0, A);
        if (mpz_sgn(A) == 0) memset(t, 0, 128);
        rk_fp a, b, r;
        if (rk_fp_from_bytes(&a, t) != 1) bad++;
        memset(t, 0, 128);
        mpz_export(t + 128 - mpz_sizeinbase(B, 256), NULL, 1, 1, 1, 0, B);
        if (mpz_sgn(B) == 0) memset(t, 0, 128);
        if (rk_fp_from_bytes(&b, t) != 1) bad++;
        rk_fp_mul(&r, &a, &b); mpz_mul(R, A, B); mpz_mod(R, R, P); bad += !same(&r, R);
        rk_fp_sqr(&r, &a); mpz_mul(R, A, A); mpz_mod(R, R, P); bad += !same(&r, R);
        rk_fp_add(&r, &a, &b); mpz_add(R, A, B); mpz_mod(R, R, P); bad += !same(&r, R);
        rk_fp_sub(&r, &a, &b); mpz_sub(R, A, B); mpz_mod(R, R, P); bad += !same(&r, R);
        rk_fp_neg(&r, &a); mpz_neg(R, A); mpz_mod(R, R, P); bad += !same(&r, R);
        if (i % 50 == 0) {
            rk_fp_inv(&r, &a);
            if (mpz_sgn(A) == 0) mpz_set_ui(R, 0); else mpz_invert(R, A, P);
            bad += !same(&r, R);
        }
        /* F_p^2: (a + ib)(b + ia) and (a + ib)^2 */
        rk_fp2 x, y, z;
        x.a = a; x.b = b; y.a = b; y.b = a;
        rk_fp2_mul(&z, &x, &y);
        mpz_t re, im;
        mpz_inits(re, im, NULL);
        mpz_mul(re, A, B); mpz_submul(re, B, A); mpz_mod(re, re, P);       /* ab - ba = 0 */
        mpz_mul(im, A, A); mpz_addmul(im, B, B); mpz_mod(im, im, P);       /* a^2 + b^2 */
        bad += !same(&z.a, re) || !same(&z.b, im);
        rk_fp2_sqr(&z, &x);
        mpz_mul(re, A, A); mpz_submul(re, B, B); mpz_mod(re, re, P);
        mpz_mul(im, A, B); mpz_mul_ui(im, im, 2); mpz_mod(im, im, P);
        bad += !same(&z.a, re) || !same(&z.b, im);
        mpz_clears(re, im, NULL);
    }
    CHECK_EQ(bad, 0);
    mpz_clears(P, A, B, R, NULL);
}
#endif

void rk_suite_fp1024(void)
{
    sk_rfc_load(&v);
    RUN(contexts_match_bn);
    RUN(from_bytes_range);
    RUN(subgroup_methods_agree);
    RUN(kernel_matches_bn);
#ifdef RK_FP_ADX
    RUN(adx_kernel_matches);
#else
    printf("note fp1024: the MULX/ADX kernel is not compiled in (not x86-64 gcc >= 12, or "
           "RK_NO_ASM / RK_PORTABLE_MUL, or clang without -madx -mbmi2)\n");
#endif
    RUN(jacobi_matches_euler);
#ifndef RK_NO_ORACLES
    RUN(differential_fp);
#endif
}
