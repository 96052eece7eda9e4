/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/fp1024.h */
#include "rootkey/fp1024.h"
#include "rootkey/ct.h"
#include "fp1024_internal.h"

/* RFC 6509 Appendix A parameter set 1 as bn Montgomery contexts (n, m0inv,
 * m, R^2 mod m, R mod m); derived offline with Python big integers and
 * checked by the fp1024 suite against rk_bn_mont_init. */
const rk_fp_mod rk_fp_mod_p = {
    16, 0x290420077c8f2f3dULL,
      { 0x666d807afea85febULL, 0x80c5df10ac7ace87ULL, 0xfce3e82389857db0ULL, 0x9f94d6af56971f1fULL, 
        0xa7cf3c521c3c09aaULL, 0xb6aff4a831852a82ULL, 0x512ac5cd65681ce1ULL, 0xe26c6487326b4cd4ULL, 
        0x356d27f4a666a6d0ULL, 0xe791b39ff7c88a19ULL, 0x228730d531a59cb0ULL, 0xf40aab27e2fc0f1bULL, 
        0xbe9ae358b3e01a2eULL, 0x416c0ce19cb48261ULL, 0x65c61198dad0657aULL, 0x997abb1f0a563fdaULL },
      { 0xe199c8ceed17b0a1ULL, 0x7ffd8b4be3620f7fULL, 0xca865d5f4f76e245ULL, 0x623ff8dc27ecf5cbULL, 
        0x229900e1d19bb697ULL, 0xed6aef26ea40c71fULL, 0xa3aed42cc906365cULL, 0x17d461b69eab6451ULL, 
        0x2009367d7d666da9ULL, 0x8bcad1dcb63c1d56ULL, 0x5a126231c31a92dcULL, 0x5fb41b0eb8d94c5bULL, 
        0xc113d394843f623cULL, 0x5d8d8e74f159f1ebULL, 0xae4ba7edb5d48c14ULL, 0x191640b9698af16aULL },
      { 0x99927f850157a015ULL, 0x7f3a20ef53853178ULL, 0x031c17dc767a824fULL, 0x606b2950a968e0e0ULL, 
        0x5830c3ade3c3f655ULL, 0x49500b57ce7ad57dULL, 0xaed53a329a97e31eULL, 0x1d939b78cd94b32bULL, 
        0xca92d80b5999592fULL, 0x186e4c60083775e6ULL, 0xdd78cf2ace5a634fULL, 0x0bf554d81d03f0e4ULL, 
        0x41651ca74c1fe5d1ULL, 0xbe93f31e634b7d9eULL, 0x9a39ee67252f9a85ULL, 0x668544e0f5a9c025ULL }
};

const rk_fp_mod rk_fp_mod_q = {
    16, 0xb8a1d17d46eaa4cdULL,
      { 0xd99b601ebfaa17fbULL, 0x203177c42b1eb3a1ULL, 0xff38fa08e2615f6cULL, 0xa7e535abd5a5c7c7ULL, 
        0xa9f3cf14870f026aULL, 0x6dabfd2a0c614aa0ULL, 0x144ab173595a0738ULL, 0x389b1921cc9ad335ULL, 
        0x4d5b49fd2999a9b4ULL, 0x39e46ce7fdf22286ULL, 0xc8a1cc354c69672cULL, 0xbd02aac9f8bf03c6ULL, 
        0x6fa6b8d62cf8068bULL, 0x905b0338672d2098ULL, 0x9971846636b4195eULL, 0x265eaec7c2958ff6ULL },
      { 0xda18351aab65130dULL, 0x53d2a86ff2ea3168ULL, 0x9cf2730004b7e984ULL, 0x7df33bab26caacf6ULL, 
        0xbd9ffef9a4e7d523ULL, 0xe4baf1d588717ce0ULL, 0x24b1bbc4bc93533aULL, 0x9ad2dc261db57a34ULL, 
        0x422970b3838d8f48ULL, 0x890491f5401df1e3ULL, 0xf3d2a16bbcb013beULL, 0x9b9de76d5595e10bULL, 
        0x58d7c6f9f724bb45ULL, 0xb2074f8f97cac807ULL, 0x76271e07c569cadcULL, 0x14274810a10f335fULL },
      { 0xe65bbf478203701eULL, 0x3ed73166fd47ca34ULL, 0x04aa23cab1b7c377ULL, 0x10a0bdf8fe1d5150ULL, 
        0x04492584d5a5f180ULL, 0x6df81103b5b8403cULL, 0x863fd74be7e3d4adULL, 0xac5d6935345f0cc1ULL, 
        0x2fdc4411066605c6ULL, 0xa4a572900c5330daULL, 0x4c3536c0358794f6ULL, 0x91efff442b85e957ULL, 
        0x6217aafaf22fd8b9ULL, 0x9dddecad94f13c6dULL, 0x6756e59ab7c767c8ULL, 0x19c7e751707ea038ULL }
};

/* --- the 16-limb Montgomery kernel ---------------------------------------
 * bn's rk_bn_mont_mul (CIOS, runtime n) is the reference; this kernel is a
 * specialisation to n = 16 with the product and the reduction separated:
 * the product runs two rows of the schoolbook at a time (two independent
 * carry chains that the CPU overlaps), the squaring computes each cross
 * product once, and the reduction also eliminates two limbs per pass.
 * Measured (gcc 12 -O2, this machine): 0.46 us -> 0.37 us per product,
 * squaring lower still (docs/sakke.md "fp1024").  The fp1024 suite compares
 * it with rk_bn_mont_mul on 100,000 random and edge operand pairs per
 * modulus, and with GMP. */

#if defined(__FRAMAC__)
#define FP_UNROLL
#elif defined(__clang__)
#define FP_UNROLL _Pragma("unroll")
#elif defined(__GNUC__)
#define FP_UNROLL _Pragma("GCC unroll 16")
#else
#define FP_UNROLL
#endif

/*
 * fp_mac - *lo + 2^64 * result = a * b + c + d.  The compilers see one
 * 64x64->128 product and two additions through __builtin_add_overflow (MUL,
 * ADD, ADC, no branch: gcc spills a full 128-bit sum, and bn's compare-based
 * carries cost more); Frama-C sees rk_bn_mac64, whose identical contract is
 * proved.  Same trust item as rk_bn_mul64 (proofs/TRUST.md).  fp_adc and
 * fp_sbb below follow the same pattern.
 */
/*@ requires \valid(lo);
    assigns *lo;
    ensures \result * 18446744073709551616 + *lo == a * b + c + d; */
static inline uint64_t fp_mac(uint64_t *lo, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__) && !defined(RK_PORTABLE_MUL)
    __extension__ typedef unsigned __int128 u128;   /* -pedantic: GNU extension */
    u128 x = (u128)a * b;
    uint64_t l = (uint64_t)x, h = (uint64_t)(x >> 64);
    h += (uint64_t)__builtin_add_overflow(l, c, &l);
    h += (uint64_t)__builtin_add_overflow(l, d, &l);
    *lo = l;
    return h;
#else
    return rk_bn_mac64(lo, a, b, c, d);
#endif
}

/* fp_adc - *r + 2^64 * result = a + b + cin (cin <= 1); as fp_mac. */
/*@ requires \valid(r) && cin <= 1;
    assigns *r;
    ensures \result <= 1;
    ensures *r + \result * 18446744073709551616 == a + b + cin; */
static inline uint64_t fp_adc(uint64_t *r, uint64_t a, uint64_t b, uint64_t cin)
{
#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__) && !defined(RK_PORTABLE_MUL)
    uint64_t s, t;
    uint64_t c1 = (uint64_t)__builtin_add_overflow(a, b, &s);
    uint64_t c2 = (uint64_t)__builtin_add_overflow(s, cin, &t);
    *r = t;
    return c1 + c2;
#else
    return rk_bn_adc64(r, a, b, cin);
#endif
}

/* fp_sbb - *r - 2^64 * result = a - b - bin (bin <= 1); as fp_mac. */
/*@ requires \valid(r) && bin <= 1;
    assigns *r;
    ensures \result <= 1;
    ensures *r - \result * 18446744073709551616 == a - b - bin; */
static inline uint64_t fp_sbb(uint64_t *r, uint64_t a, uint64_t b, uint64_t bin)
{
#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__) && !defined(RK_PORTABLE_MUL)
    uint64_t s, t;
    uint64_t b1 = (uint64_t)__builtin_sub_overflow(a, b, &s);
    uint64_t b2 = (uint64_t)__builtin_sub_overflow(s, bin, &t);
    *r = t;
    return b1 + b2;
#else
    return rk_bn_sbb64(r, a, b, bin);
#endif
}

/* r = a - b over 16 limbs, returns the borrow. */
/*@ requires \valid(r + (0 .. 15)) && \valid_read(a + (0 .. 15)) && \valid_read(b + (0 .. 15));
    requires \separated(r + (0 .. 15), a + (0 .. 15));
    requires \separated(r + (0 .. 15), b + (0 .. 15));
    assigns r[0 .. 15];
    ensures \result <= 1; */
static uint64_t fp_sub16(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
    uint64_t c = 0;
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 16 && c <= 1;
        loop assigns k, c, r[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        c = fp_sbb(&r[k], a[k], b[k], c);
    return c;
}

/* r = m ? a : b over 16 limbs (m a mask); r may be a or b. */
/*@ requires rk_is_mask(m);
    requires \valid(r + (0 .. 15)) && \valid_read(a + (0 .. 15)) && \valid_read(b + (0 .. 15));
    assigns r[0 .. 15]; */
static void fp_sel16(uint64_t *r, const uint64_t *a, const uint64_t *b, uint64_t m)
{
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, r[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        r[k] = rk_ct_sel64(a[k], b[k], m);
}

/* t[0 .. 31] = a * b: rows i and i + 1 together, row i + 1 one limb behind
 * row i so that it adds into limbs row i has finished. */
/*@ requires \valid(t + (0 .. 31));
    requires \valid_read(a + (0 .. 15)) && \valid_read(b + (0 .. 15));
    requires \separated(t + (0 .. 31), a + (0 .. 15));
    requires \separated(t + (0 .. 31), b + (0 .. 15));
    assigns t[0 .. 31]; */
static void fp_mul_wide(uint64_t *t, const uint64_t *a, const uint64_t *b)
{
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, t[0 .. 31];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        t[k] = 0;
    /*@ loop invariant 0 <= i <= 16 && i % 2 == 0;
        loop assigns i, t[0 .. 31];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i += 2) {
        uint64_t b0 = b[i], b1 = b[i + 1];
        uint64_t c1 = fp_mac(&t[i], a[0], b0, t[i], 0);
        uint64_t c2 = 0;
        FP_UNROLL
        /*@ loop invariant 1 <= j <= 16;
            loop assigns j, c1, c2, t[0 .. 31];
            loop variant 16 - j; */
        for (size_t j = 1; j < 16; j++) {
            c1 = fp_mac(&t[i + j], a[j], b0, t[i + j], c1);
            c2 = fp_mac(&t[i + j], a[j - 1], b1, t[i + j], c2);
        }
        t[i + 16] = c1;                    /* limb i + 16 was still 0 */
        t[i + 17] = fp_mac(&t[i + 16], a[15], b1, t[i + 16], c2);
    }
}

/* t[0 .. 31] = a^2: cross products once, doubled, plus the squares. */
/*@ requires \valid(t + (0 .. 31)) && \valid_read(a + (0 .. 15));
    requires \separated(t + (0 .. 31), a + (0 .. 15));
    assigns t[0 .. 31]; */
static void fp_sqr_wide(uint64_t *t, const uint64_t *a)
{
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, t[0 .. 31];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        t[k] = 0;
    /*@ loop invariant 0 <= i <= 15;
        loop assigns i, t[0 .. 31];
        loop variant 15 - i; */
    for (size_t i = 0; i < 15; i++) {
        uint64_t c = 0, ai = a[i];
        /*@ loop invariant i + 1 <= j <= 16;
            loop assigns j, c, t[0 .. 31];
            loop variant 16 - j; */
        for (size_t j = i + 1; j < 16; j++)
            c = fp_mac(&t[i + j], ai, a[j], t[i + j], c);
        t[i + 16] = c;                     /* limb i + 16 was still 0 */
    }
    uint64_t cy = 0;
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 32 && cy <= 1;
        loop assigns k, cy, t[0 .. 31];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        cy = fp_adc(&t[k], t[k], t[k], cy);
    cy = 0;                                /* 2 * cross products < 2^2048 */
    FP_UNROLL
    /*@ loop invariant 0 <= i <= 16 && cy <= 1;
        loop assigns i, cy, t[0 .. 31];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++) {
        uint64_t hi = fp_mac(&t[2 * i], a[i], a[i], t[2 * i], cy);
        cy = fp_adc(&t[2 * i + 1], t[2 * i + 1], hi, 0);
    }
}

/* r = t / 2^1024 mod m (Montgomery reduction of t < m 2^1024, which holds
 * when one factor is < m and the other < 2^1024), fully reduced; t is
 * destroyed.  Two limbs are eliminated per pass (q0 from limb i, then q1
 * from limb i + 1 once q0 m has been added into it); before the final
 * subtraction the value is cc 2^1024 + t[16 .. 31] < 2m. */
/*@ requires \valid(r + (0 .. 15)) && \valid(t + (0 .. 31)) && \valid_read(md);
    requires \separated(r + (0 .. 15), t + (0 .. 31), md);
    requires \separated(t + (0 .. 31), md);
    assigns r[0 .. 15], t[0 .. 31]; */
static void fp_redc(uint64_t *r, uint64_t *t, const rk_fp_mod *md)
{
    const uint64_t m0inv = md->m0inv;
    uint64_t cc = 0, junk, u[16];
    /*@ loop invariant 0 <= i <= 16 && i % 2 == 0 && cc <= 1;
        loop assigns i, cc, junk, t[0 .. 31];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i += 2) {
        uint64_t q0 = t[i] * m0inv;                      /* mod 2^64 by design */
        uint64_t c1 = fp_mac(&junk, q0, md->m[0], t[i], 0);   /* limb i -> 0 */
        c1 = fp_mac(&t[i + 1], q0, md->m[1], t[i + 1], c1);
        uint64_t q1 = t[i + 1] * m0inv;
        uint64_t c2 = fp_mac(&junk, q1, md->m[0], t[i + 1], 0);   /* limb i + 1 -> 0 */
        FP_UNROLL
        /*@ loop invariant 2 <= j <= 16;
            loop assigns j, c1, c2, t[0 .. 31];
            loop variant 16 - j; */
        for (size_t j = 2; j < 16; j++) {
            c1 = fp_mac(&t[i + j], q0, md->m[j], t[i + j], c1);
            c2 = fp_mac(&t[i + j], q1, md->m[j - 1], t[i + j], c2);
        }
        cc = fp_adc(&t[i + 16], t[i + 16], c1, cc);
        c2 = fp_mac(&t[i + 16], q1, md->m[15], t[i + 16], c2);
        cc = fp_adc(&t[i + 17], t[i + 17], c2, cc);
    }
    /* r = t - m when cc is set or t >= m (no borrow), else t: no branch */
    uint64_t bw = fp_sub16(u, t + 16, md->m);
    uint64_t nb = 1u - bw;
    uint64_t use_u = cc + nb - cc * nb;
    /*@ assert use_u == 0 || use_u == 1; */
    fp_sel16(r, u, t + 16, rk_ct_mask64(use_u));
    rk_wipe_u64(u, 16);
}

#ifdef RK_FP_ADX
/* The MULX/ADX kernel (core/src/arith/fp1024_internal.h says when it is compiled
 * in and chosen; docs/sakke.md "fp1024").  Invisible to Frama-C: the proved
 * C kernel below is what the proofs see and what every other build runs. */
#include "fp1024_adx.h"

int rk_fp_adx_cpu(void) { return RK_FP_ADX_CPU() ? 1 : 0; }

void rk_fp_mmul_adx(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    uint64_t t[32];
    fp_adx_mul_wide(t, a->v, b->v);
    fp_adx_redc(r->v, t, md->m, md->m0inv);   /* also zeroes t */
}

void rk_fp_msqr_adx(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
    uint64_t t[32];
    fp_adx_sqr_wide(t, a->v);
    fp_adx_redc(r->v, t, md->m, md->m0inv);   /* also zeroes t */
}

void rk_fp_mmul_c(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    uint64_t t[32];
    fp_mul_wide(t, a->v, b->v);
    fp_redc(r->v, t, md);
    rk_wipe_u64(t, 32);
}

void rk_fp_msqr_c(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
    uint64_t t[32];
    fp_sqr_wide(t, a->v);
    fp_redc(r->v, t, md);
    rk_wipe_u64(t, 32);
}
#endif

void rk_fp_mmul(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
#ifdef RK_FP_ADX
    if (RK_FP_ADX_CPU()) {
        rk_fp_mmul_adx(r, a, b, md);
        return;
    }
#endif
    uint64_t t[32];
    fp_mul_wide(t, a->v, b->v);
    fp_redc(r->v, t, md);
    rk_wipe_u64(t, 32);
}

void rk_fp_msqr(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
#ifdef RK_FP_ADX
    if (RK_FP_ADX_CPU()) {
        rk_fp_msqr_adx(r, a, md);
        return;
    }
#endif
    uint64_t t[32];
    fp_sqr_wide(t, a->v);
    fp_redc(r->v, t, md);
    rk_wipe_u64(t, 32);
}

/* Modular addition and subtraction: bn's rk_bn_mod_add / rk_bn_mod_sub
 * with the 16-limb carry chains unrolled (the fp1024 suite compares them).
 * They work in r itself (r may be a or b: each limb is read before it is
 * written) and keep no temporary, so there is nothing to wipe: with the
 * MULX/ADX product these wipes were a tenth of a decapsulation.  The value
 * that is corrected lives in r and the carry/borrow words; the correction
 * is a masked m, never a branch. */
void rk_fp_madd(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    uint64_t c = 0, bw = 0, junk;
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 16 && c <= 1;
        loop assigns k, c, r->v[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        c = fp_adc(&r->v[k], a->v[k], b->v[k], c);
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 16 && bw <= 1;
        loop assigns k, bw, junk;
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        bw = fp_sbb(&junk, r->v[k], md->m[k], bw);
    /* a + b < 2m: subtract m when the sum carried out or did not borrow */
    uint64_t nb = 1u - bw;
    uint64_t sub = c + nb - c * nb;
    /*@ assert sub == 0 || sub == 1; */
    uint64_t mask = rk_ct_mask64(sub);
    bw = 0;
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 16 && bw <= 1;
        loop assigns k, bw, r->v[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        bw = fp_sbb(&r->v[k], r->v[k], md->m[k] & mask, bw);
}

void rk_fp_msub(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    uint64_t bw = 0, c = 0;
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 16 && bw <= 1;
        loop assigns k, bw, r->v[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        bw = fp_sbb(&r->v[k], a->v[k], b->v[k], bw);
    /* a - b went negative exactly when it borrowed: add m back */
    uint64_t mask = rk_ct_mask64(bw);
    FP_UNROLL
    /*@ loop invariant 0 <= k <= 16 && c <= 1;
        loop assigns k, c, r->v[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        c = fp_adc(&r->v[k], r->v[k], md->m[k] & mask, c);
}

uint64_t rk_fp_mfrom_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md)
{
    rk_fp x, z;
    rk_bn_from_bytes(x.v, 16, in, 128);
    uint64_t ok = rk_bn_lt(x.v, md->m, 16);
    rk_bn_zero(z.v, 16);
    rk_bn_cmov(x.v, z.v, 16, 1u - ok);     /* out of range: 0 */
    rk_bn_to_mont(r->v, x.v, md);
    rk_wipe_u64(x.v, 16);
    return ok;
}

void rk_fp_mreduce_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md)
{
    rk_fp x;
    rk_bn_reduce_bytes(x.v, in, 128, md);
    rk_bn_to_mont(r->v, x.v, md);
    rk_wipe_u64(x.v, 16);
}

void rk_fp_mto_bytes(uint8_t out[128], const rk_fp *a, const rk_fp_mod *md)
{
    rk_fp x;
    rk_bn_from_mont(x.v, a->v, md);
    rk_bn_to_bytes(out, 128, x.v, 16);
    rk_wipe_u64(x.v, 16);
}

void rk_fp_mfrom_mont(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
    rk_bn_from_mont(r->v, a->v, md);
}

/* Fixed 4-bit windows over the public exponent (windows of 0 skip their
 * product: they are public): 64 elen squarings and at most 16 elen + 14
 * products, against 64 elen + about 32 elen for bit-by-bit. */
void rk_fp_mpow_public(rk_fp *r, const rk_fp *a, const uint64_t *e, size_t elen,
                       const rk_fp_mod *md)
{
    rk_fp tab[16], acc;
    rk_bn_copy(tab[0].v, md->one, 16);
    tab[1] = *a;
    /*@ loop invariant 2 <= k <= 16;
        loop assigns k, tab[2 .. 15];
        loop variant 16 - k; */
    for (size_t k = 2; k < 16; k++)
        rk_fp_mmul(&tab[k], &tab[k - 1], a, md);
    acc = tab[0];
    /*@ loop invariant 0 <= w <= 16 * elen;
        loop assigns w, acc;
        loop variant w; */
    for (size_t w = 16 * elen; w > 0; w--) {
        size_t k = w - 1;
        rk_fp_msqr(&acc, &acc, md);
        rk_fp_msqr(&acc, &acc, md);
        rk_fp_msqr(&acc, &acc, md);
        rk_fp_msqr(&acc, &acc, md);
        uint64_t word = e[k / 16] >> (4 * (k % 16));
        uint64_t win = word % 16u;
        /*@ assert win < 16; */
        if (win != 0) {                    /* public exponent */
            size_t idx = (size_t)win;
            /*@ assert 1 <= idx < 16; */
            rk_fp_mmul(&acc, &acc, &tab[idx], md);
        }
    }
    *r = acc;
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, tab[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        rk_wipe_u64(tab[k].v, 16);
    rk_wipe_u64(acc.v, 16);
}

/* a^(m - 2): the exponent is public, the base may be secret. */
void rk_fp_minv(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
    uint64_t e[16], two[16];
    rk_bn_set_u64(two, 16, 2);
    (void)rk_bn_sub(e, md->m, two, 16);
    rk_fp_mpow_public(r, a, e, 16, md);
}

void rk_fp_mul(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_mmul(r, a, b, &rk_fp_mod_p); }
void rk_fp_sqr(rk_fp *r, const rk_fp *a) { rk_fp_msqr(r, a, &rk_fp_mod_p); }
void rk_fp_add(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_madd(r, a, b, &rk_fp_mod_p); }
void rk_fp_sub(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_msub(r, a, b, &rk_fp_mod_p); }
void rk_fp_inv(rk_fp *r, const rk_fp *a) { rk_fp_minv(r, a, &rk_fp_mod_p); }

void rk_fp_neg(rk_fp *r, const rk_fp *a)
{
    rk_fp z;
    rk_bn_zero(z.v, 16);
    rk_fp_msub(r, &z, a, &rk_fp_mod_p);
}

void rk_fp_zero(rk_fp *r) { rk_bn_zero(r->v, 16); }

void rk_fp_one(rk_fp *r) { rk_bn_copy(r->v, rk_fp_mod_p.one, 16); }

void rk_fp_set_u64(rk_fp *r, uint64_t x)
{
    rk_fp t;
    rk_fp rr;
    rk_bn_set_u64(t.v, 16, x);             /* x < 2^64 < p */
    rk_bn_copy(rr.v, rk_fp_mod_p.rr, 16);
    rk_fp_mmul(r, &t, &rr, &rk_fp_mod_p);
}

void rk_fp_copy(rk_fp *r, const rk_fp *a) { rk_bn_copy(r->v, a->v, 16); }

uint64_t rk_fp_is_zero(const rk_fp *a) { return rk_bn_is_zero(a->v, 16); }

uint64_t rk_fp_eq(const rk_fp *a, const rk_fp *b) { return rk_bn_eq(a->v, b->v, 16); }

void rk_fp_cmov(rk_fp *r, const rk_fp *a, uint64_t bit) { rk_bn_cmov(r->v, a->v, 16, bit); }

uint64_t rk_fp_from_bytes(rk_fp *r, const uint8_t in[128])
{
    return rk_fp_mfrom_bytes(r, in, &rk_fp_mod_p);
}

void rk_fp_to_bytes(uint8_t out[128], const rk_fp *a)
{
    rk_fp_mto_bytes(out, a, &rk_fp_mod_p);
}

void rk_fp_q_reduce(rk_fp *r, const uint8_t *in, size_t len)
{
    rk_bn_reduce_bytes(r->v, in, len, &rk_fp_mod_q);
}

/* to_mont(a) * b / 2^1024 = a b mod q */
void rk_fp_q_mul(rk_fp *r, const rk_fp *a, const rk_fp *b)
{
    rk_fp am, rr;
    rk_bn_copy(rr.v, rk_fp_mod_q.rr, 16);
    rk_fp_mmul(&am, a, &rr, &rk_fp_mod_q);
    rk_fp_mmul(r, &am, b, &rk_fp_mod_q);
    rk_wipe_u64(am.v, 16);
}

void rk_fp_q_inv(rk_fp *r, const rk_fp *a)
{
    rk_fp am, im, rr, one;
    rk_bn_copy(rr.v, rk_fp_mod_q.rr, 16);
    rk_fp_mmul(&am, a, &rr, &rk_fp_mod_q);
    rk_fp_minv(&im, &am, &rk_fp_mod_q);
    rk_bn_set_u64(one.v, 16, 1);
    rk_fp_mmul(r, &im, &one, &rk_fp_mod_q);
    rk_wipe_u64(am.v, 16);
    rk_wipe_u64(im.v, 16);
}

void rk_fp_q_add(rk_fp *r, const rk_fp *a, const rk_fp *b)
{
    rk_bn_mod_add(r->v, a->v, b->v, rk_fp_mod_q.m, 16);
}

uint64_t rk_fp_q_in_range(const rk_fp *a)
{
    return rk_bn_lt(a->v, rk_fp_mod_q.m, 16) & (1u - rk_bn_is_zero(a->v, 16));
}

void rk_fp_pow_public(rk_fp *r, const rk_fp *a, const uint64_t *e, size_t elen)
{
    rk_fp_mpow_public(r, a, e, elen, &rk_fp_mod_p);
}

/* --- quadratic character of public values -----------------------------
 * Binary Jacobi symbol (a / p) on the plain integers: strip factors of 2
 * (each flips the sign when p' = 3 or 5 mod 8), make a >= n by swapping
 * (quadratic reciprocity flips it when both are 3 mod 4), subtract.  The
 * Montgomery form a 2^1024 has the same character as a (2^1024 is a
 * square), so it is used as is.  Variable time: public values only. */

/* a >>= 1 over 16 limbs */
/*@ requires \valid(a + (0 .. 15));
    assigns a[0 .. 15]; */
static void jac_shr1(uint64_t *a)
{
    /*@ loop invariant 0 <= k <= 15;
        loop assigns k, a[0 .. 14];
        loop variant 15 - k; */
    for (size_t k = 0; k < 15; k++)
        a[k] = (a[k] >> 1) | (a[k + 1] << 63);
    a[15] >>= 1;
}

uint64_t rk_fp_is_square_public(const rk_fp *a)
{
    uint64_t x[16], n[16], t[16];
    int s = 1;
    rk_bn_copy(x, a->v, 16);
    rk_bn_copy(n, rk_fp_mod_p.m, 16);
    /* every round shortens x + n by at least one bit: at most 2048 rounds */
    /*@ loop invariant 0 <= it <= 2100;
        loop invariant s == 1 || s == -1;
        loop assigns it, s, x[0 .. 15], n[0 .. 15], t[0 .. 15];
        loop variant 2100 - it; */
    for (size_t it = 0; it < 2100; it++) {
        if (rk_bn_is_zero(x, 16))
            break;
        /*@ loop invariant 0 <= z <= 1024;
            loop invariant s == 1 || s == -1;
            loop assigns z, s, x[0 .. 15];
            loop variant 1024 - z; */
        for (size_t z = 0; z < 1024 && x[0] % 2u == 0; z++) {
            jac_shr1(x);
            uint64_t r8 = n[0] % 8u;
            if (r8 == 3 || r8 == 5)
                s = -s;
        }
        if (rk_bn_lt(x, n, 16)) {          /* swap: reciprocity */
            if (x[0] % 4u == 3 && n[0] % 4u == 3)
                s = -s;
            rk_bn_copy(t, x, 16);
            rk_bn_copy(x, n, 16);
            rk_bn_copy(n, t, 16);
        }
        (void)rk_bn_sub(x, x, n, 16);      /* x >= n, both odd: even result */
    }
    /* x == 0: n is gcd(a, p), 1 unless a == 0 mod p */
    uint64_t one = (uint64_t)(n[0] == 1) & rk_bn_is_zero(n + 1, 15);
    return (uint64_t)(s == 1) & one & rk_bn_is_zero(x, 16);
}

void rk_fp_pair_lookup(uint64_t *r, const uint64_t *table, size_t count, size_t idx)
{
    uint64_t acc[32];
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, acc[0 .. 31];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        acc[k] = 0;
    /*@ loop invariant 0 <= e <= count;
        loop assigns e, acc[0 .. 31];
        loop variant count - e; */
    for (size_t e = 0; e < count; e++) {
        uint64_t m = rk_ct_mask64(rk_ct_eq64((uint64_t)e, (uint64_t)idx));
        FP_UNROLL
        /*@ loop invariant 0 <= k <= 32;
            loop assigns k, acc[0 .. 31];
            loop variant 32 - k; */
        for (size_t k = 0; k < 32; k++)
            acc[k] |= table[e * 32 + k] & m;
    }
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, r[0 .. 31];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        r[k] = acc[k];
    rk_wipe_u64(acc, 32);
}
