/* SPDX-License-Identifier: Apache-2.0
 * aes_ni.h - AES-128/256 with AES-NI and the GHASH multiplication with
 * PCLMULQDQ, included by core/src/sym/aes.c only when RK_AES_HW is defined
 * (core/src/sym/aes_internal.h says when).  Not proved: compiler intrinsics,
 * invisible to Frama-C (proofs/TRUST.md); the bitsliced AES and the portable
 * GHASH are what the proofs cover and what every other build runs.
 *
 * Constant time by construction: AESENC/AESDEC/AESKEYGENASSIST/AESIMC and
 * PCLMULQDQ take the same time whatever their operands (they are what makes
 * table-free AES practical), every loop bound is the public round count or
 * block count, and no address depends on the key or the data.
 *
 * Round-key layout in rk_aes_ctx.rk when ctx->hw == 1 (docs/aes.md): the
 * nr + 1 encryption round keys as 16-octet FIPS 197 words at rk[0 .. 2nr+1],
 * the nr + 1 decryption round keys of the Equivalent Inverse Cipher (FIPS 197
 * 5.3.5: reversed, InvMixColumns applied to rounds 1 .. nr-1) at rk[30 ..].
 */
#ifndef ROOTKEY_AES_NI_H
#define ROOTKEY_AES_NI_H

#include <immintrin.h>

#define RK_NI_TARGET __attribute__((target("aes,pclmul,sse2,ssse3")))
#define RK_NI_DK 30 /* word offset of the decryption round keys */

RK_NI_TARGET static inline __m128i ni_ld(const uint64_t *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

RK_NI_TARGET static inline void ni_st(uint64_t *p, __m128i v)
{
    _mm_storeu_si128((__m128i *)(void *)p, v);
}

/* One step of the key schedule: k = w[i-Nk .. i-Nk+3] and g the
 * AESKEYGENASSIST word broadcast; the running XOR of FIPS 197 5.2. */
RK_NI_TARGET static inline __m128i ni_step(__m128i k, __m128i g)
{
    k = _mm_xor_si128(k, _mm_slli_si128(k, 4));
    k = _mm_xor_si128(k, _mm_slli_si128(k, 4));
    k = _mm_xor_si128(k, _mm_slli_si128(k, 4));
    return _mm_xor_si128(k, g);
}

/* RotWord(SubWord(w3)) ^ Rcon, broadcast (rc must be a constant). */
#define NI_A(k, rc) _mm_shuffle_epi32(_mm_aeskeygenassist_si128((k), (rc)), 0xff)
/* SubWord(w3), broadcast (the extra step of AES-256). */
#define NI_B(k) _mm_shuffle_epi32(_mm_aeskeygenassist_si128((k), 0), 0xaa)

/* Expand key into rk (layout above); nr is 10 (16-octet key) or 14. */
RK_NI_TARGET static void ni_expand(uint64_t *rk, const uint8_t *key, uint32_t nr)
{
    __m128i k[15];
    k[0] = _mm_loadu_si128((const __m128i *)(const void *)key);
    if (nr == 10) {
        k[1] = ni_step(k[0], NI_A(k[0], 0x01));
        k[2] = ni_step(k[1], NI_A(k[1], 0x02));
        k[3] = ni_step(k[2], NI_A(k[2], 0x04));
        k[4] = ni_step(k[3], NI_A(k[3], 0x08));
        k[5] = ni_step(k[4], NI_A(k[4], 0x10));
        k[6] = ni_step(k[5], NI_A(k[5], 0x20));
        k[7] = ni_step(k[6], NI_A(k[6], 0x40));
        k[8] = ni_step(k[7], NI_A(k[7], 0x80));
        k[9] = ni_step(k[8], NI_A(k[8], 0x1b));
        k[10] = ni_step(k[9], NI_A(k[9], 0x36));
    } else {
        k[1] = _mm_loadu_si128((const __m128i *)(const void *)(key + 16));
        k[2] = ni_step(k[0], NI_A(k[1], 0x01));
        k[3] = ni_step(k[1], NI_B(k[2]));
        k[4] = ni_step(k[2], NI_A(k[3], 0x02));
        k[5] = ni_step(k[3], NI_B(k[4]));
        k[6] = ni_step(k[4], NI_A(k[5], 0x04));
        k[7] = ni_step(k[5], NI_B(k[6]));
        k[8] = ni_step(k[6], NI_A(k[7], 0x08));
        k[9] = ni_step(k[7], NI_B(k[8]));
        k[10] = ni_step(k[8], NI_A(k[9], 0x10));
        k[11] = ni_step(k[9], NI_B(k[10]));
        k[12] = ni_step(k[10], NI_A(k[11], 0x20));
        k[13] = ni_step(k[11], NI_B(k[12]));
        k[14] = ni_step(k[12], NI_A(k[13], 0x40));
    }
    for (uint32_t r = 0; r <= nr; r++)
        ni_st(rk + 2 * r, k[r]);
    ni_st(rk + RK_NI_DK, k[nr]);
    for (uint32_t r = 1; r < nr; r++)
        ni_st(rk + RK_NI_DK + 2 * r, _mm_aesimc_si128(k[nr - r]));
    ni_st(rk + RK_NI_DK + 2 * nr, k[0]);
    for (uint32_t r = 0; r < 15; r++)
        k[r] = _mm_setzero_si128();
    __asm__ __volatile__("" : : "r"(k) : "memory"); /* keep the wipe */
}

#define RK_NI_INLINE RK_NI_TARGET static inline __attribute__((always_inline))

/* One round on block x with round key k: AESENC / AESDEC, or their LAST
 * forms for the final round.  dec and last are public; every caller below
 * passes constants, so the choice is made at compile time. */
RK_NI_INLINE __m128i ni_round(__m128i x, __m128i k, int dec, int last)
{
    if (dec)
        return last ? _mm_aesdeclast_si128(x, k) : _mm_aesdec_si128(x, k);
    return last ? _mm_aesenclast_si128(x, k) : _mm_aesenc_si128(x, k);
}

/* w (1 or 4, a constant) consecutive blocks through the cipher: the w
 * blocks advance round by round together, so that the AES units pipeline. */
RK_NI_INLINE void ni_blocks(const uint64_t *ks, uint32_t nr, int dec,
                            const uint8_t *in, uint8_t *out, size_t w)
{
    __m128i b[4];
    for (size_t j = 0; j < w; j++)
        b[j] = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(in + 16 * j)), ni_ld(ks));
    for (uint32_t r = 1; r < nr; r++) {
        __m128i k = ni_ld(ks + 2 * r);
        for (size_t j = 0; j < w; j++)
            b[j] = ni_round(b[j], k, dec, 0);
    }
    for (size_t j = 0; j < w; j++)
        _mm_storeu_si128((__m128i *)(void *)(out + 16 * j), ni_round(b[j], ni_ld(ks + 2 * nr), dec, 1));
}

/* out = E_K(in) (dec == 0) or D_K(in) (dec == 1) for nb blocks: four at a
 * time, then one at a time. */
RK_NI_INLINE void ni_crypt_dir(const uint64_t *ks, uint32_t nr, int dec,
                               const uint8_t *in, uint8_t *out, size_t nb)
{
    size_t i = 0;
    for (; nb - i >= 4; i += 4)
        ni_blocks(ks, nr, dec, in + 16 * i, out + 16 * i, 4);
    for (; i < nb; i++)
        ni_blocks(ks, nr, dec, in + 16 * i, out + 16 * i, 1);
}

RK_NI_TARGET static void ni_crypt(const uint64_t *rk, uint32_t nr, int dec,
                                  const uint8_t *in, uint8_t *out, size_t nb)
{
    if (dec)
        ni_crypt_dir(rk + RK_NI_DK, nr, 1, in, out, nb);
    else
        ni_crypt_dir(rk, nr, 0, in, out, nb);
}

/* y = y * h in GF(2^128) with the bit order of SP 800-38D: the carry-less
 * 256-bit product of the two byte-reversed blocks, shifted left by one (the
 * reflection), then reduced modulo x^128 + x^7 + x^2 + x + 1 (Gueron and
 * Kounavis, "Intel Carry-Less Multiplication Instruction and its Usage for
 * Computing the GCM Mode", Algorithm 5).  A block held as two big-endian
 * words (w[0] = octets 0..7) is already the byte-reversed block once w[0] is
 * put in the high half of the register. */
RK_NI_TARGET static void ni_gfmul(uint64_t *y, const uint64_t *h)
{
    __m128i a = _mm_set_epi64x((long long)y[0], (long long)y[1]);
    __m128i b = _mm_set_epi64x((long long)h[0], (long long)h[1]);
    __m128i lo = _mm_clmulepi64_si128(a, b, 0x00);
    __m128i mid = _mm_xor_si128(_mm_clmulepi64_si128(a, b, 0x10), _mm_clmulepi64_si128(a, b, 0x01));
    __m128i hi = _mm_clmulepi64_si128(a, b, 0x11);
    lo = _mm_xor_si128(lo, _mm_slli_si128(mid, 8));
    hi = _mm_xor_si128(hi, _mm_srli_si128(mid, 8));
    /* the 256-bit product hi:lo shifted left by one bit */
    __m128i c_lo = _mm_srli_epi32(lo, 31);
    __m128i c_hi = _mm_srli_epi32(hi, 31);
    lo = _mm_slli_epi32(lo, 1);
    hi = _mm_slli_epi32(hi, 1);
    __m128i cross = _mm_srli_si128(c_lo, 12);
    c_hi = _mm_slli_si128(c_hi, 4);
    c_lo = _mm_slli_si128(c_lo, 4);
    lo = _mm_or_si128(lo, c_lo);
    hi = _mm_or_si128(_mm_or_si128(hi, c_hi), cross);
    /* reduction, first phase */
    __m128i t = _mm_xor_si128(_mm_xor_si128(_mm_slli_epi32(lo, 31), _mm_slli_epi32(lo, 30)),
                              _mm_slli_epi32(lo, 25));
    __m128i t_hi = _mm_srli_si128(t, 4);
    lo = _mm_xor_si128(lo, _mm_slli_si128(t, 12));
    /* second phase */
    __m128i u = _mm_xor_si128(_mm_xor_si128(_mm_srli_epi32(lo, 1), _mm_srli_epi32(lo, 2)),
                              _mm_srli_epi32(lo, 7));
    u = _mm_xor_si128(u, t_hi);
    lo = _mm_xor_si128(lo, u);
    hi = _mm_xor_si128(hi, lo);
    y[1] = (uint64_t)_mm_cvtsi128_si64(hi);
    y[0] = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(hi, hi));
}

#endif
