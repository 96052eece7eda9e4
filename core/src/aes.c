/* see rootkey/aes.h
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

/* c[0..14] (a polynomial of degree <= 14 over GF(2), bitsliced) reduced
 * modulo the AES polynomial x^8 + x^4 + x^3 + x + 1 (FIPS 197 4.2): x^k for
 * k >= 8 is x^(k-4) + x^(k-5) + x^(k-7) + x^(k-8).  Going from the top down
 * folds the terms that land at 8..10 again. */
/*@ requires \valid(c + (0 .. 14));
    assigns c[0 .. 14]; */
static void gf_reduce(uint64_t *c)
{
    /*@ loop invariant 7 <= k <= 14;
        loop assigns k, c[0 .. 14];
        loop variant k; */
    for (unsigned k = 14; k >= 8; k--) {
        c[k - 4] ^= c[k];
        c[k - 5] ^= c[k];
        c[k - 7] ^= c[k];
        c[k - 8] ^= c[k];
    }
}

/* r = a * b in GF(2^8), 64 lanes at once.  r may alias a or b: the result is
 * built in c and copied at the end. */
/*@ requires \valid(r + (0 .. 7));
    requires \valid_read(a + (0 .. 7));
    requires \valid_read(b + (0 .. 7));
    assigns r[0 .. 7]; */
static void gf_mul(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
    uint64_t c[15];
    /*@ loop invariant 0 <= k <= 15;
        loop assigns k, c[0 .. 14];
        loop variant 15 - k; */
    for (unsigned k = 0; k < 15; k++)
        c[k] = 0;
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, c[0 .. 14];
        loop variant 8 - i; */
    for (unsigned i = 0; i < 8; i++) {
        /*@ loop invariant 0 <= j <= 8;
            loop assigns j, c[0 .. 14];
            loop variant 8 - j; */
        for (unsigned j = 0; j < 8; j++)
            c[i + j] ^= a[i] & b[j];
    }
    gf_reduce(c);
    /*@ loop invariant 0 <= k <= 8;
        loop assigns k, r[0 .. 7];
        loop variant 8 - k; */
    for (unsigned k = 0; k < 8; k++)
        r[k] = c[k];
    rk_wipe_u64(c, 15);
}

/* r = a^2: squaring is linear over GF(2) (bit i goes to degree 2i). */
/*@ requires \valid(r + (0 .. 7));
    requires \valid_read(a + (0 .. 7));
    assigns r[0 .. 7]; */
static void gf_sq(uint64_t *r, const uint64_t *a)
{
    uint64_t c[15];
    /*@ loop invariant 0 <= k <= 7;
        loop assigns k, c[0 .. 14];
        loop variant 7 - k; */
    for (unsigned k = 0; k < 7; k++) {
        c[2 * k] = a[k];
        c[2 * k + 1] = 0;
    }
    c[14] = a[7];
    gf_reduce(c);
    /*@ loop invariant 0 <= k <= 8;
        loop assigns k, r[0 .. 7];
        loop variant 8 - k; */
    for (unsigned k = 0; k < 8; k++)
        r[k] = c[k];
    rk_wipe_u64(c, 15);
}

/* q = q^254, the multiplicative inverse in GF(2^8) with 0 -> 0 (FIPS 197
 * 5.1.1).  Addition chain 1,2,3,6,12,14,15,30,60,120,240,254: four
 * multiplications, seven squarings. */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void gf_inv(uint64_t *q)
{
    uint64_t x2[8], x3[8], x12[8], x15[8];
    gf_sq(x2, q);          /* x^2 */
    gf_mul(x3, x2, q);     /* x^3 */
    gf_sq(x12, x3);        /* x^6 */
    gf_sq(x12, x12);       /* x^12 */
    gf_mul(x15, x12, x3);  /* x^15 */
    gf_mul(x12, x12, x2);  /* x^14 */
    gf_sq(x15, x15);       /* x^30 */
    gf_sq(x15, x15);       /* x^60 */
    gf_sq(x15, x15);       /* x^120 */
    gf_sq(x15, x15);       /* x^240 */
    gf_mul(q, x15, x12);   /* x^254 */
    rk_wipe_u64(x2, 8);
    rk_wipe_u64(x3, 8);
    rk_wipe_u64(x12, 8);
    rk_wipe_u64(x15, 8);
}

/* SubBytes (FIPS 197 5.1.1): inverse, then the affine map
 * s_i = b_i + b_(i+4) + b_(i+5) + b_(i+6) + b_(i+7) + c_i, c = 0x63. */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void sub_bytes(uint64_t *q)
{
    gf_inv(q);
    uint64_t b0 = q[0], b1 = q[1], b2 = q[2], b3 = q[3];
    uint64_t b4 = q[4], b5 = q[5], b6 = q[6], b7 = q[7];
    q[0] = b0 ^ b4 ^ b5 ^ b6 ^ b7 ^ RK_ALL1;
    q[1] = b1 ^ b5 ^ b6 ^ b7 ^ b0 ^ RK_ALL1;
    q[2] = b2 ^ b6 ^ b7 ^ b0 ^ b1;
    q[3] = b3 ^ b7 ^ b0 ^ b1 ^ b2;
    q[4] = b4 ^ b0 ^ b1 ^ b2 ^ b3;
    q[5] = b5 ^ b1 ^ b2 ^ b3 ^ b4 ^ RK_ALL1;
    q[6] = b6 ^ b2 ^ b3 ^ b4 ^ b5 ^ RK_ALL1;
    q[7] = b7 ^ b3 ^ b4 ^ b5 ^ b6;
}

/* InvSubBytes (FIPS 197 5.3.2): the inverse affine map
 * b_i = s_(i+2) + s_(i+5) + s_(i+7) + d_i, d = 0x05, then the inverse. */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7]; */
static void inv_sub_bytes(uint64_t *q)
{
    uint64_t s0 = q[0], s1 = q[1], s2 = q[2], s3 = q[3];
    uint64_t s4 = q[4], s5 = q[5], s6 = q[6], s7 = q[7];
    q[0] = s2 ^ s5 ^ s7 ^ RK_ALL1;
    q[1] = s3 ^ s6 ^ s0;
    q[2] = s4 ^ s7 ^ s1 ^ RK_ALL1;
    q[3] = s5 ^ s0 ^ s2;
    q[4] = s6 ^ s1 ^ s3;
    q[5] = s7 ^ s2 ^ s4;
    q[6] = s0 ^ s3 ^ s5;
    q[7] = s1 ^ s4 ^ s6;
    gf_inv(q);
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
}

rk_status rk_aes_init(rk_aes_ctx *ctx, const uint8_t *key, size_t keylen)
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
    rk_wipe(w, sizeof w);
    rk_wipe(t, sizeof t);
    return RK_OK;
}
