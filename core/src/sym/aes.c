/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/aes.h
 *
 * Bitsliced AES.  State layout (docs/aes.md): four blocks, octet i of block
 * k (i = 4*column + row, FIPS 197 section 3.4) sits at bit position
 * p = 16*k + i of each of the eight plane words q[0..7]; plane b holds bit b
 * (b = 0 the least significant) of the octet.  So every 16-bit lane of a word
 * is one block, and inside a lane the four rows of a column are four
 * consecutive bits.
 *
 * All shifts below are by constants or by public loop indices, and the
 * shifted-out bits are meant to be lost: the proof runs with
 * -no-warn-unsigned-overflow (proofs/opts/aes) and proves memory safety,
 * shift ranges, downcasts, assigns and termination.  Functional correctness
 * is checked by the FIPS 197 / SP 800-38A vectors, Wycheproof and the
 * OpenSSL differential tests (tests/t_aes.c).
 */
#include "rootkey/aes.h"
#include "rootkey/ct.h"
#include "aes_internal.h"

#ifdef RK_AES_HW
/* AES-NI and PCLMULQDQ (core/src/sym/aes_internal.h says when they are compiled
 * in and chosen; invisible to Frama-C like the MULX/ADX kernel). */
#include "aes_ni.h"

int rk_aes_hw_cpu(void) { return RK_AES_HW_CPU() ? 1 : 0; }

void rk_ghash_mul_hw(uint64_t *y, const uint64_t *h) { ni_gfmul(y, h); }
#endif

/* ---------------------------------------------------------------- layout */

/* Spread nb blocks (16*nb octets) into the eight planes. */
/*@ requires 1 <= nb <= 4;
    requires \valid(q + (0 .. 7));
    requires \valid_read(in + (0 .. 16 * nb - 1));
    requires \separated(q + (0 .. 7), in + (0 .. 16 * nb - 1));
    assigns q[0 .. 7]; */
static void bs_load(uint64_t *q, const uint8_t *in, size_t nb)
{
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, q[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++)
        q[b] = 0;
    /*@ loop invariant 0 <= p <= 16 * nb;
        loop assigns p, q[0 .. 7];
        loop variant 16 * nb - p; */
    for (size_t p = 0; p < 16 * nb; p++) {
        uint64_t v = in[p];
        /*@ loop invariant 0 <= b <= 8;
            loop assigns b, q[0 .. 7];
            loop variant 8 - b; */
        for (unsigned b = 0; b < 8; b++)
            q[b] |= ((v >> b) & 1u) << p;
    }
}

/* Gather the planes back into nb blocks. */
/*@ requires 1 <= nb <= 4;
    requires \valid_read(q + (0 .. 7));
    requires \valid(out + (0 .. 16 * nb - 1));
    requires \separated(q + (0 .. 7), out + (0 .. 16 * nb - 1));
    assigns out[0 .. 16 * nb - 1]; */
static void bs_store(uint8_t *out, const uint64_t *q, size_t nb)
{
    /*@ loop invariant 0 <= p <= 16 * nb;
        loop assigns p, out[0 .. 16 * nb - 1];
        loop variant 16 * nb - p; */
    for (size_t p = 0; p < 16 * nb; p++) {
        uint64_t v = 0;
        /*@ loop invariant 0 <= b <= 8;
            loop assigns b, v;
            loop variant 8 - b; */
        for (unsigned b = 0; b < 8; b++)
            v |= ((q[b] >> p) & 1u) << b;
        out[p] = (uint8_t)(v & 0xffu);
    }
}

/* ---------------------------------------------------------------- S-box */

/* The S-box is computed, never looked up: inversion in GF(2^8) through the
 * tower GF((2^4)^2) = GF(16)[y]/(y^2 + y + 8), GF(16) = GF(2)[x]/(x^4 + x + 1),
 * then the affine map.  The 8x8 change-of-basis matrices (with the affine
 * map folded in) were derived by tests/tools/gen_sbox.py, which also checks
 * the circuit against the FIPS 197 5.1.1 definition for all 256 inputs;
 * tests/t_aes.c checks every S-box value again through the key schedule. */

/* r = a * b in GF(16), four planes each (bit i = coefficient of x^i).
 * x^4 = x + 1, x^5 = x^2 + x, x^6 = x^3 + x^2.  r may alias a or b. */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3));
    requires \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static void gf16_mul(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
    uint64_t c0 = a[0] & b[0];
    uint64_t c1 = (a[0] & b[1]) ^ (a[1] & b[0]);
    uint64_t c2 = (a[0] & b[2]) ^ (a[1] & b[1]) ^ (a[2] & b[0]);
    uint64_t c3 = (a[0] & b[3]) ^ (a[1] & b[2]) ^ (a[2] & b[1]) ^ (a[3] & b[0]);
    uint64_t c4 = (a[1] & b[3]) ^ (a[2] & b[2]) ^ (a[3] & b[1]);
    uint64_t c5 = (a[2] & b[3]) ^ (a[3] & b[2]);
    uint64_t c6 = a[3] & b[3];
    r[0] = c0 ^ c4;
    r[1] = c1 ^ c4 ^ c5;
    r[2] = c2 ^ c5 ^ c6;
    r[3] = c3 ^ c6;
}

/* r = a^2 in GF(16) (linear over GF(2)).  r may alias a. */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3));
    assigns r[0 .. 3]; */
static void gf16_sq(uint64_t *r, const uint64_t *a)
{
    uint64_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    r[0] = a0 ^ a2;
    r[1] = a2;
    r[2] = a1 ^ a3;
    r[3] = a3;
}

/* t = t^-1 in tower coordinates (t[0..3] = a0, t[4..7] = a1 for a1*y + a0;
 * 0 maps to 0).  With d = a0^2 + a0*a1 + 8*a1^2 (in GF(16)):
 * (a1*y + a0)^-1 = (a1/d)*y + (a0 + a1)/d, and 1/d = d^14 (0 -> 0). */
/*@ requires \valid(t + (0 .. 7));
    assigns t[0 .. 7]; */
static void tower_inv(uint64_t *t)
{
    uint64_t w[16]; /* d, d^2 .. d^7, a0 + a1 */
    uint64_t *d = w, *e = w + 4, *f = w + 8, *s = w + 12;
    gf16_mul(d, t, t + 4);
    d[0] ^= t[0] ^ t[2] ^ t[6];               /* + a0^2 + 8*a1^2 (gen_sbox.py DLIN) */
    d[1] ^= t[2] ^ t[5] ^ t[6] ^ t[7];
    d[2] ^= t[1] ^ t[3] ^ t[5];
    d[3] ^= t[3] ^ t[4] ^ t[6] ^ t[7];
    gf16_sq(e, d);          /* d^2 */
    gf16_mul(f, e, d);      /* d^3 */
    gf16_sq(e, e);          /* d^4 */
    gf16_mul(f, e, f);      /* d^7 */
    gf16_sq(d, f);          /* d^14 = 1/d */
    s[0] = t[0] ^ t[4];
    s[1] = t[1] ^ t[5];
    s[2] = t[2] ^ t[6];
    s[3] = t[3] ^ t[7];
    gf16_mul(t + 4, t + 4, d);
    gf16_mul(t, s, d);
    rk_wipe_u64(w, 16);
}

/* SubBytes (FIPS 197 5.1.1) on the eight planes. */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void sub_bytes(uint64_t *q)
{
    uint64_t t[8];
    /* AES basis -> tower basis (gen_sbox.py IN_F) */
    t[0] = q[0] ^ q[5] ^ q[7];
    t[1] = q[2];
    t[2] = q[2] ^ q[3] ^ q[4] ^ q[5] ^ q[6] ^ q[7];
    t[3] = q[3] ^ q[4];
    t[4] = q[4] ^ q[5] ^ q[6];
    t[5] = q[1] ^ q[4] ^ q[6] ^ q[7];
    t[6] = q[2] ^ q[3] ^ q[5] ^ q[7];
    t[7] = q[5] ^ q[7];
    tower_inv(t);
    /* tower basis -> AES basis, then the affine map and 0x63 (OUT_F) */
    q[0] = t[0] ^ t[2] ^ t[6] ^ RK_ALL1;
    q[1] = t[0] ^ t[1] ^ t[2] ^ t[3] ^ t[4] ^ t[5] ^ RK_ALL1;
    q[2] = t[0] ^ t[3] ^ t[5] ^ t[6];
    q[3] = t[0] ^ t[2] ^ t[5];
    q[4] = t[0] ^ t[1] ^ t[3] ^ t[4] ^ t[5];
    q[5] = t[1] ^ t[2] ^ t[3] ^ t[5] ^ t[6] ^ t[7] ^ RK_ALL1;
    q[6] = t[4] ^ t[6] ^ t[7] ^ RK_ALL1;
    q[7] = t[1] ^ t[2];
    rk_wipe_u64(t, 8);
}

/* InvSubBytes (FIPS 197 5.3.2). */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void inv_sub_bytes(uint64_t *q)
{
    uint64_t t[8];
    /* inverse affine map, then AES basis -> tower basis (IN_I) */
    t[0] = q[1] ^ q[5] ^ q[6] ^ RK_ALL1;
    t[1] = q[1] ^ q[4] ^ q[7] ^ RK_ALL1;
    t[2] = q[1] ^ q[4] ^ RK_ALL1;
    t[3] = q[0] ^ q[1] ^ q[2] ^ q[3] ^ q[5] ^ q[6];
    t[4] = q[0] ^ q[1] ^ q[2] ^ q[4] ^ q[5] ^ q[6] ^ q[7];
    t[5] = q[3] ^ q[4] ^ q[5] ^ q[6];
    t[6] = q[0] ^ q[4] ^ q[5] ^ q[6] ^ RK_ALL1;
    t[7] = q[1] ^ q[2] ^ q[6] ^ q[7];
    tower_inv(t);
    /* tower basis -> AES basis (OUT_I) */
    q[0] = t[0] ^ t[7];
    q[1] = t[4] ^ t[5] ^ t[7];
    q[2] = t[1];
    q[3] = t[1] ^ t[6] ^ t[7];
    q[4] = t[1] ^ t[3] ^ t[6] ^ t[7];
    q[5] = t[2] ^ t[4] ^ t[6];
    q[6] = t[1] ^ t[2] ^ t[3] ^ t[7];
    q[7] = t[2] ^ t[4] ^ t[6] ^ t[7];
    rk_wipe_u64(t, 8);
}

/* ---------------------------------------------------------------- linear layers */

/* ShiftRows (FIPS 197 5.1.2) on one plane: in each 16-bit lane, row r (bits
 * r, r+4, r+8, r+12) rotates by r columns, i.e. by 4r bit positions. */
/*@ assigns \nothing; */
static uint64_t shift_rows1(uint64_t x)
{
    return (x & 0x1111111111111111ULL)
         | ((x >> 4) & 0x0222022202220222ULL) | ((x << 12) & 0x2000200020002000ULL)
         | ((x >> 8) & 0x0044004400440044ULL) | ((x << 8) & 0x4400440044004400ULL)
         | ((x >> 12) & 0x0008000800080008ULL) | ((x << 4) & 0x8880888088808880ULL);
}

/* InvShiftRows (FIPS 197 5.3.1): the rotations the other way. */
/*@ assigns \nothing; */
static uint64_t inv_shift_rows1(uint64_t x)
{
    return (x & 0x1111111111111111ULL)
         | ((x << 4) & 0x2220222022202220ULL) | ((x >> 12) & 0x0002000200020002ULL)
         | ((x << 8) & 0x4400440044004400ULL) | ((x >> 8) & 0x0044004400440044ULL)
         | ((x << 12) & 0x8000800080008000ULL) | ((x >> 4) & 0x0888088808880888ULL);
}

/* Row r of each column gets row r+k (mod 4) of the same column. */
/*@ assigns \nothing; */
static uint64_t rot1(uint64_t x)
{
    return ((x >> 1) & 0x7777777777777777ULL) | ((x << 3) & 0x8888888888888888ULL);
}
/*@ assigns \nothing; */
static uint64_t rot2(uint64_t x)
{
    return ((x >> 2) & 0x3333333333333333ULL) | ((x << 2) & 0xccccccccccccccccULL);
}
/*@ assigns \nothing; */
static uint64_t rot3(uint64_t x)
{
    return ((x >> 3) & 0x1111111111111111ULL) | ((x << 1) & 0xeeeeeeeeeeeeeeeeULL);
}

/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void shift_rows(uint64_t *q)
{
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, q[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++)
        q[b] = shift_rows1(q[b]);
}

/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void inv_shift_rows(uint64_t *q)
{
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, q[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++)
        q[b] = inv_shift_rows1(q[b]);
}

/* r = {02} * t octet-wise (xtime, FIPS 197 4.2.1): a shift of the planes,
 * with bit 7 folded back through 0x1b (bits 0, 1, 3, 4). */
/*@ requires \valid(r + (0 .. 7));
    requires \valid_read(t + (0 .. 7));
    requires \separated(r + (0 .. 7), t + (0 .. 7));
    assigns r[0 .. 7]; */
static void xtime8(uint64_t *r, const uint64_t *t)
{
    r[0] = t[7];
    r[1] = t[0] ^ t[7];
    r[2] = t[1];
    r[3] = t[2] ^ t[7];
    r[4] = t[3] ^ t[7];
    r[5] = t[4];
    r[6] = t[5];
    r[7] = t[6];
}

/* MixColumns (FIPS 197 5.1.3): row r becomes
 * {02}a_r + {03}a_(r+1) + a_(r+2) + a_(r+3) = {02}(a_r + a_(r+1)) + a_(r+1) + a_(r+2) + a_(r+3). */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void mix_columns(uint64_t *q)
{
    uint64_t r1[8], t[8], x[8];
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, r1[0 .. 7], t[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++) {
        r1[b] = rot1(q[b]);
        t[b] = q[b] ^ r1[b];
    }
    xtime8(x, t);
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, q[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++)
        q[b] = x[b] ^ r1[b] ^ rot2(q[b]) ^ rot3(q[b]);
    rk_wipe_u64(r1, 8);
    rk_wipe_u64(t, 8);
    rk_wipe_u64(x, 8);
}

/* InvMixColumns (FIPS 197 5.3.3) as MixColumns after adding
 * {04}(a_r + a_(r+2)) to every row r: {0e,0b,0d,09} = {02,03,01,01} * {05,00,04,00}. */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void inv_mix_columns(uint64_t *q)
{
    uint64_t w[8], u[8];
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, w[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++)
        w[b] = q[b] ^ rot2(q[b]);
    xtime8(u, w);
    xtime8(w, u);
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, q[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++)
        q[b] ^= w[b];
    rk_wipe_u64(w, 8);
    rk_wipe_u64(u, 8);
    mix_columns(q);
}

/*@ requires \valid(q + (0 .. 7));
    requires \valid_read(k + (0 .. 7));
    requires \separated(q + (0 .. 7), k + (0 .. 7));
    assigns q[0 .. 7]; */
static void add_round_key(uint64_t *q, const uint64_t *k)
{
    /*@ loop invariant 0 <= b <= 8;
        loop assigns b, q[0 .. 7];
        loop variant 8 - b; */
    for (unsigned b = 0; b < 8; b++)
        q[b] ^= k[b];
}

/* ---------------------------------------------------------------- cipher */

/* FIPS 197 5.1 Cipher on the planes. */
/*@ requires rk_aes_ready(ctx);
    requires \valid(q + (0 .. 7));
    requires \separated(q + (0 .. 7), ctx);
    assigns q[0 .. 7]; */
static void encrypt_planes(const rk_aes_ctx *ctx, uint64_t *q)
{
    uint32_t nr = ctx->nr;
    add_round_key(q, &ctx->rk[0]);
    /*@ loop invariant 1 <= r <= nr;
        loop assigns r, q[0 .. 7];
        loop variant nr - r; */
    for (uint32_t r = 1; r < nr; r++) {
        sub_bytes(q);
        shift_rows(q);
        mix_columns(q);
        add_round_key(q, &ctx->rk[8 * r]);
    }
    sub_bytes(q);
    shift_rows(q);
    add_round_key(q, &ctx->rk[8 * nr]);
}

/* FIPS 197 5.3 InvCipher on the planes. */
/*@ requires rk_aes_ready(ctx);
    requires \valid(q + (0 .. 7));
    requires \separated(q + (0 .. 7), ctx);
    assigns q[0 .. 7]; */
static void decrypt_planes(const rk_aes_ctx *ctx, uint64_t *q)
{
    uint32_t nr = ctx->nr;
    add_round_key(q, &ctx->rk[8 * nr]);
    /*@ loop invariant 0 <= r <= nr - 1;
        loop assigns r, q[0 .. 7];
        loop variant r; */
    for (uint32_t r = nr - 1; r > 0; r--) {
        inv_shift_rows(q);
        inv_sub_bytes(q);
        add_round_key(q, &ctx->rk[8 * r]);
        inv_mix_columns(q);
    }
    inv_shift_rows(q);
    inv_sub_bytes(q);
    add_round_key(q, &ctx->rk[0]);
}

void rk_aes_encrypt(const rk_aes_ctx *ctx, const uint8_t *in, uint8_t *out, size_t nblocks)
{
#ifdef RK_AES_HW
    if (ctx->hw) {
        ni_crypt(ctx->rk, ctx->nr, 0, in, out, nblocks);
        return;
    }
#endif
    uint64_t q[8];
    size_t done = 0;
    /*@ loop invariant 0 <= done <= nblocks;
        loop assigns done, q[0 .. 7], out[0 .. 16 * nblocks - 1];
        loop variant nblocks - done; */
    while (done < nblocks) {
        size_t nb = nblocks - done < RK_AES_PAR_BLOCKS ? nblocks - done : RK_AES_PAR_BLOCKS;
        bs_load(q, in + 16 * done, nb);
        encrypt_planes(ctx, q);
        bs_store(out + 16 * done, q, nb);
        done += nb;
    }
    rk_wipe_u64(q, 8);
}

void rk_aes_decrypt(const rk_aes_ctx *ctx, const uint8_t *in, uint8_t *out, size_t nblocks)
{
#ifdef RK_AES_HW
    if (ctx->hw) {
        ni_crypt(ctx->rk, ctx->nr, 1, in, out, nblocks);
        return;
    }
#endif
    uint64_t q[8];
    size_t done = 0;
    /*@ loop invariant 0 <= done <= nblocks;
        loop assigns done, q[0 .. 7], out[0 .. 16 * nblocks - 1];
        loop variant nblocks - done; */
    while (done < nblocks) {
        size_t nb = nblocks - done < RK_AES_PAR_BLOCKS ? nblocks - done : RK_AES_PAR_BLOCKS;
        bs_load(q, in + 16 * done, nb);
        decrypt_planes(ctx, q);
        bs_store(out + 16 * done, q, nb);
        done += nb;
    }
    rk_wipe_u64(q, 8);
}

/* ---------------------------------------------------------------- key schedule */

/* SubWord (FIPS 197 5.2) on w[0..3] through the bitsliced S-box (the key is
 * secret, so no table here either). */
/*@ requires \valid(w + (0 .. 3));
    assigns w[0 .. 3]; */
static void sub_word(uint8_t *w)
{
    uint8_t blk[16];
    uint64_t q[8];
    /*@ loop invariant 0 <= j <= 16;
        loop assigns j, blk[0 .. 15];
        loop variant 16 - j; */
    for (unsigned j = 0; j < 16; j++)
        blk[j] = j < 4 ? w[j] : 0;
    bs_load(q, blk, 1);
    sub_bytes(q);
    bs_store(blk, q, 1);
    /*@ loop invariant 0 <= j <= 4;
        loop assigns j, w[0 .. 3];
        loop variant 4 - j; */
    for (unsigned j = 0; j < 4; j++)
        w[j] = blk[j];
    rk_wipe(blk, 16);
    rk_wipe_u64(q, 8);
}

void rk_aes_ctx_wipe(rk_aes_ctx *ctx)
{
    rk_wipe_u64(ctx->rk, RK_AES_RK_WORDS);
    ctx->nr = 0;
    ctx->hw = 0;
}

rk_status rk_aes_init(rk_aes_ctx *ctx, const uint8_t *key, size_t keylen)
{
#ifdef RK_AES_HW
    if (RK_AES_HW_CPU() && (keylen == RK_AES128_KEY_BYTES || keylen == RK_AES256_KEY_BYTES)) {
        ctx->nr = keylen == RK_AES128_KEY_BYTES ? 10u : 14u;
        ctx->hw = 1;
        ni_expand(ctx->rk, key, ctx->nr);
        return RK_OK;
    }
#endif
    return rk_aes_init_portable(ctx, key, keylen);
}

rk_status rk_aes_init_portable(rk_aes_ctx *ctx, const uint8_t *key, size_t keylen)
{
    if (keylen != RK_AES128_KEY_BYTES && keylen != RK_AES256_KEY_BYTES) {
        rk_aes_ctx_wipe(ctx);
        return RK_ERR_AES_KEYLEN;
    }
    /* Nk key words, Nr = Nk + 6 rounds, 4 (Nr + 1) schedule words. */
    uint32_t nk = keylen == RK_AES128_KEY_BYTES ? 4u : 8u;
    uint32_t nr = nk + 6u;
    uint32_t nw = 4u * (nr + 1u);
    uint8_t w[240];
    uint8_t t[4];
    uint32_t rcon = 1;

    /*@ loop invariant 0 <= j <= keylen;
        loop assigns j, w[0 .. 239];
        loop variant keylen - j; */
    for (size_t j = 0; j < keylen; j++)
        w[j] = key[j];
    /*@ loop invariant nk <= i <= nw;
        loop invariant rcon <= 255;
        loop assigns i, rcon, t[0 .. 3], w[0 .. 239];
        loop variant nw - i; */
    for (uint32_t i = nk; i < nw; i++) {
        /*@ loop invariant 0 <= j <= 4;
            loop assigns j, t[0 .. 3];
            loop variant 4 - j; */
        for (uint32_t j = 0; j < 4; j++)
            t[j] = w[4u * (i - 1u) + j];
        if (i % nk == 0) {
            /* RotWord, SubWord, Rcon (public: depends on i only) */
            uint8_t t0 = t[0];
            t[0] = t[1];
            t[1] = t[2];
            t[2] = t[3];
            t[3] = t0;
            sub_word(t);
            uint32_t v0 = (uint32_t)t[0] ^ rcon;
            t[0] = (uint8_t)(v0 & 0xffu);
            rcon = ((rcon << 1) ^ ((rcon >> 7) * 0x11bu)) & 0xffu;
        } else if (nk == 8u && i % 8u == 4u) {
            sub_word(t);
        }
        /*@ loop invariant 0 <= j <= 4;
            loop assigns j, w[0 .. 239];
            loop variant 4 - j; */
        for (uint32_t j = 0; j < 4; j++) {
            uint32_t v = (uint32_t)w[4u * (i - nk) + j] ^ (uint32_t)t[j];
            w[4u * i + j] = (uint8_t)(v & 0xffu);
        }
    }

    /* Bitslice each 16-octet round key; the same key applies to all four
     * lanes, so build one 16-bit lane and replicate it. */
    /*@ loop invariant 0 <= k <= RK_AES_RK_WORDS;
        loop assigns k, ctx->rk[0 .. RK_AES_RK_WORDS - 1];
        loop variant RK_AES_RK_WORDS - k; */
    for (uint32_t k = 0; k < RK_AES_RK_WORDS; k++)
        ctx->rk[k] = 0;
    /*@ loop invariant 0 <= r <= nr + 1;
        loop assigns r, ctx->rk[0 .. RK_AES_RK_WORDS - 1];
        loop variant nr + 1 - r; */
    for (uint32_t r = 0; r <= nr; r++) {
        /*@ loop invariant 0 <= b <= 8;
            loop assigns b, ctx->rk[0 .. RK_AES_RK_WORDS - 1];
            loop variant 8 - b; */
        for (uint32_t b = 0; b < 8; b++) {
            uint64_t lane = 0;
            /*@ loop invariant 0 <= i <= 16;
                loop assigns i, lane;
                loop variant 16 - i; */
            for (uint32_t i = 0; i < 16; i++)
                lane |= (((uint64_t)w[16u * r + i] >> b) & 1u) << i;
            ctx->rk[8u * r + b] = lane * 0x0001000100010001ULL;
        }
    }
    ctx->nr = nr;
    ctx->hw = 0;
    rk_wipe(w, sizeof w);
    rk_wipe(t, sizeof t);
    return RK_OK;
}
