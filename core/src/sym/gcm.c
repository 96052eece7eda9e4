/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/gcm.h
 *
 * Blocks of GF(2^128) are two big-endian words (w[0] = octets 0..7); bit 0 of
 * the block in SP 800-38D 6.3 is the top bit of w[0].  The multiplication is
 * SP 800-38D Algorithm 1 with the "if" replaced by masks (docs/aes.md).
 * Shifts drop bits on purpose: proofs/opts/gcm has -no-warn-unsigned-overflow.
 */
#include "rootkey/gcm.h"
#include "rootkey/ct.h"
#include "aes_internal.h"

/*@ requires \valid_read(p + (0 .. 7));
    assigns \nothing; */
static uint64_t load_be64(const uint8_t *p)
{
    uint64_t v = 0;
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, v;
        loop variant 8 - i; */
    for (unsigned i = 0; i < 8; i++)
        v = (v << 8) | p[i];
    return v;
}

/*@ requires \valid(p + (0 .. 7));
    assigns p[0 .. 7]; */
static void store_be64(uint8_t *p, uint64_t v)
{
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, p[0 .. 7];
        loop variant 8 - i; */
    for (unsigned i = 0; i < 8; i++)
        p[i] = (uint8_t)((v >> (56 - 8 * i)) & 0xffu);
}

/* y = y * h in GF(2^128) (SP 800-38D 6.3 Algorithm 1).  Every one of the 128
 * steps does the same work: Z ^= V & mask(x_i), then V = V >> 1 with R folded
 * in under a mask of V's low bit. */
/*@ requires \valid(y + (0 .. 1));
    requires \valid_read(h + (0 .. 1));
    requires \separated(y + (0 .. 1), h + (0 .. 1));
    assigns y[0 .. 1]; */
static void gf128_mul(uint64_t *y, const uint64_t *h)
{
    uint64_t zh = 0, zl = 0, vh = h[0], vl = h[1];
    uint64_t xh = y[0], xl = y[1];
    /*@ loop invariant 0 <= i <= 128;
        loop assigns i, zh, zl, vh, vl, xh, xl;
        loop variant 128 - i; */
    for (unsigned i = 0; i < 128; i++) {
        uint64_t m = rk_ct_mask64((xh >> 63) & 1u);
        uint64_t r = rk_ct_mask64(vl & 1u);
        zh ^= vh & m;
        zl ^= vl & m;
        vl = (vl >> 1) | (vh << 63);
        vh = (vh >> 1) ^ (0xe100000000000000ULL & r);
        xh = (xh << 1) | (xl >> 63);
        xl <<= 1;
    }
    y[0] = zh;
    y[1] = zl;
}

/* y = y * h, with PCLMULQDQ when the key was expanded for AES-NI (hw == 1,
 * core/src/sym/aes_internal.h), else gf128_mul: the same product. */
/*@ requires \valid(y + (0 .. 1));
    requires \valid_read(h + (0 .. 1));
    requires \separated(y + (0 .. 1), h + (0 .. 1));
    assigns y[0 .. 1]; */
static void ghash_mul(uint64_t *y, const uint64_t *h, uint32_t hw)
{
#ifdef RK_AES_HW
    if (hw) {
        rk_ghash_mul_hw(y, h);
        return;
    }
#else
    (void)hw;
#endif
    gf128_mul(y, h);
}

/* y = GHASH_H(y, data || 0-pad to a block boundary): the padding step of
 * SP 800-38D 7.1 step 5 / 7.2 step 6 for A and C, and 7.1 step 2 for IV. */
/*@ requires \valid(y + (0 .. 1));
    requires \valid_read(h + (0 .. 1));
    requires \valid_read(data + (0 .. len - 1));
    requires \separated(y + (0 .. 1), h + (0 .. 1));
    requires \separated(y + (0 .. 1), data + (0 .. len - 1));
    assigns y[0 .. 1]; */
static void ghash_update(uint64_t *y, const uint64_t *h, uint32_t hw, const uint8_t *data, size_t len)
{
    uint8_t last[16];
    size_t off = 0;
    /*@ loop invariant 0 <= off <= len;
        loop assigns off, y[0 .. 1];
        loop variant len - off; */
    while (len - off >= 16) {
        y[0] ^= load_be64(data + off);
        y[1] ^= load_be64(data + off + 8);
        ghash_mul(y, h, hw);
        off += 16;
    }
    if (off < len) {
        size_t rest = len - off;
        /*@ loop invariant 0 <= i <= 16;
            loop assigns i, last[0 .. 15];
            loop variant 16 - i; */
        for (size_t i = 0; i < 16; i++)
            last[i] = i < rest ? data[off + i] : 0;
        y[0] ^= load_be64(last);
        y[1] ^= load_be64(last + 8);
        ghash_mul(y, h, hw);
        rk_wipe(last, 16);
    }
}

/* y = GHASH step over the length block [len(A)]_64 || [len(C)]_64, in bits. */
/*@ requires \valid(y + (0 .. 1));
    requires \valid_read(h + (0 .. 1));
    requires \separated(y + (0 .. 1), h + (0 .. 1));
    requires a <= RK_GCM_MAX_AAD_BYTES && c <= RK_GCM_MAX_AAD_BYTES;
    assigns y[0 .. 1]; */
static void ghash_lengths(uint64_t *y, const uint64_t *h, uint32_t hw, uint64_t a, uint64_t c)
{
    y[0] ^= a * 8u;
    y[1] ^= c * 8u;
    ghash_mul(y, h, hw);
}

/* SP 800-38D 7.1 step 2: the pre-counter block J0. */
/*@ requires rk_gcm_ready(ctx);
    requires 1 <= ivlen <= RK_GCM_MAX_IV_BYTES;
    requires \valid_read(iv + (0 .. ivlen - 1));
    requires \valid(j0 + (0 .. 15));
    requires \separated(j0 + (0 .. 15), ctx);
    requires \separated(j0 + (0 .. 15), iv + (0 .. ivlen - 1));
    assigns j0[0 .. 15]; */
static void derive_j0(const rk_gcm_ctx *ctx, const uint8_t *iv, size_t ivlen, uint8_t *j0)
{
    if (ivlen == RK_GCM_IV12_BYTES) {
        /*@ loop invariant 0 <= i <= 12;
            loop assigns i, j0[0 .. 15];
            loop variant 12 - i; */
        for (size_t i = 0; i < 12; i++)
            j0[i] = iv[i];
        j0[12] = 0;
        j0[13] = 0;
        j0[14] = 0;
        j0[15] = 1;
        return;
    }
    uint64_t y[2] = { 0, 0 };
    ghash_update(y, ctx->h, ctx->aes.hw, iv, ivlen);
    ghash_lengths(y, ctx->h, ctx->aes.hw, 0, ivlen);
    store_be64(j0, y[0]);
    store_be64(j0 + 8, y[1]);
    rk_wipe_u64(y, 2);
}

/* out = in XOR keystream, the keystream being AES_K of inc32(J0), inc32^2(J0),
 * ... (SP 800-38D 6.5 GCTR, started at inc32(J0) as in 7.1 step 3).  Four
 * counter blocks per call of the bitsliced core. */
/*@ requires rk_aes_ready(aes);
    requires \valid_read(j0 + (0 .. 15));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out + (0 .. len - 1));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), aes);
    requires \separated(out + (0 .. len - 1), j0 + (0 .. 15));
    assigns out[0 .. len - 1]; */
static void gctr(const rk_aes_ctx *aes, const uint8_t *j0, const uint8_t *in, uint8_t *out, size_t len)
{
    uint8_t cb[64], ks[64];
    uint32_t ctr = (uint32_t)(((uint32_t)j0[12] << 24) | ((uint32_t)j0[13] << 16) |
                              ((uint32_t)j0[14] << 8) | j0[15]);
    size_t off = 0;
    /*@ loop invariant 0 <= off <= len;
        loop assigns off, ctr, cb[0 .. 63], ks[0 .. 63], out[0 .. len - 1];
        loop variant len - off; */
    while (off < len) {
        size_t chunk = len - off < 64 ? len - off : 64;
        size_t nb = (chunk + 15) / 16;
        /*@ loop invariant 0 <= k <= nb;
            loop assigns k, ctr, cb[0 .. 63];
            loop variant nb - k; */
        for (size_t k = 0; k < nb; k++) {
            /* inc32: the low 32 bits wrap modulo 2^32.  The barrier keeps gcc
             * from vectorising this loop with a wrap-around test on ctr (a
             * branch on J0, which for non-96-bit IVs depends on H). */
            ctr = (uint32_t)(rk_ct_barrier64((uint64_t)ctr + 1u) & 0xffffffffu);
            /*@ loop invariant 0 <= i <= 12;
                loop assigns i, cb[0 .. 63];
                loop variant 12 - i; */
            for (size_t i = 0; i < 12; i++)
                cb[16 * k + i] = j0[i];
            cb[16 * k + 12] = (uint8_t)((ctr >> 24) & 0xffu);
            cb[16 * k + 13] = (uint8_t)((ctr >> 16) & 0xffu);
            cb[16 * k + 14] = (uint8_t)((ctr >> 8) & 0xffu);
            cb[16 * k + 15] = (uint8_t)(ctr & 0xffu);
        }
        rk_aes_encrypt(aes, cb, ks, nb);
        /*@ loop invariant 0 <= i <= chunk;
            loop assigns i, out[0 .. len - 1];
            loop variant chunk - i; */
        for (size_t i = 0; i < chunk; i++) {
            uint32_t v = (uint32_t)in[off + i] ^ (uint32_t)ks[i];
            out[off + i] = (uint8_t)(v & 0xffu);
        }
        off += chunk;
    }
    rk_wipe(cb, sizeof cb);
    rk_wipe(ks, sizeof ks);
}

/* y = GHASH_H(A || pad || C || pad || [len A]_64 || [len C]_64)
 * (SP 800-38D 7.1 step 5). */
/*@ requires rk_gcm_ready(ctx);
    requires aadlen <= RK_GCM_MAX_AAD_BYTES && clen <= RK_GCM_MAX_BYTES;
    requires \valid_read(aad + (0 .. aadlen - 1));
    requires \valid_read(c + (0 .. clen - 1));
    requires \valid(y + (0 .. 1));
    requires \separated(y + (0 .. 1), ctx);
    requires \separated(y + (0 .. 1), aad + (0 .. aadlen - 1));
    requires \separated(y + (0 .. 1), c + (0 .. clen - 1));
    assigns y[0 .. 1]; */
static void ghash_all(const rk_gcm_ctx *ctx, const uint8_t *aad, size_t aadlen,
                      const uint8_t *c, size_t clen, uint64_t *y)
{
    y[0] = 0;
    y[1] = 0;
    ghash_update(y, ctx->h, ctx->aes.hw, aad, aadlen);
    ghash_update(y, ctx->h, ctx->aes.hw, c, clen);
    ghash_lengths(y, ctx->h, ctx->aes.hw, aadlen, clen);
}

/* tag = AES_K(J0) XOR S (SP 800-38D 7.1 step 6); y is wiped. */
/*@ requires rk_gcm_ready(ctx);
    requires \valid_read(j0 + (0 .. 15));
    requires \valid(y + (0 .. 1));
    requires \valid(tag + (0 .. 15));
    requires \separated(tag + (0 .. 15), ctx);
    requires \separated(tag + (0 .. 15), j0 + (0 .. 15));
    requires \separated(tag + (0 .. 15), y + (0 .. 1));
    requires \separated(y + (0 .. 1), ctx);
    assigns tag[0 .. 15], y[0 .. 1]; */
static void finish_tag(const rk_gcm_ctx *ctx, const uint8_t *j0, uint64_t *y, uint8_t *tag)
{
    uint8_t ek[16];
    rk_aes_encrypt(&ctx->aes, j0, ek, 1);
    store_be64(tag, y[0]);
    store_be64(tag + 8, y[1]);
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, tag[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++) {
        uint32_t v = (uint32_t)tag[i] ^ (uint32_t)ek[i];
        tag[i] = (uint8_t)(v & 0xffu);
    }
    rk_wipe_u64(y, 2);
    rk_wipe(ek, 16);
}

/* The public-length checks shared by seal and open. */
/*@ assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_GCM_IVLEN || \result == RK_ERR_GCM_LENGTH;
    ensures ivlen == 0 ==> \result == RK_ERR_GCM_IVLEN;
    ensures \result == RK_OK ==> 1 <= ivlen <= RK_GCM_MAX_IV_BYTES &&
        aadlen <= RK_GCM_MAX_AAD_BYTES && len <= RK_GCM_MAX_BYTES; */
static rk_status check_lengths(size_t ivlen, size_t aadlen, size_t len)
{
    /* The upper limits cannot be exceeded when size_t is narrower; the #if
     * keeps 32-bit builds free of always-false comparisons (-Wtype-limits). */
    if (ivlen == 0)
        return RK_ERR_GCM_IVLEN;
#if SIZE_MAX > RK_GCM_MAX_IV_BYTES
    if (ivlen > RK_GCM_MAX_IV_BYTES)
        return RK_ERR_GCM_IVLEN;
#endif
#if SIZE_MAX > RK_GCM_MAX_AAD_BYTES
    if (aadlen > RK_GCM_MAX_AAD_BYTES)
        return RK_ERR_GCM_LENGTH;
#else
    (void)aadlen;
#endif
#if SIZE_MAX > RK_GCM_MAX_BYTES
    if (len > RK_GCM_MAX_BYTES)
        return RK_ERR_GCM_LENGTH;
#else
    (void)len;
#endif
    return RK_OK;
}

/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> p[k] == 0; */
static void zero(uint8_t *p, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> p[k] == 0;
        loop assigns i, p[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        p[i] = 0;
}

/* out[0..len-1] kept when ok == 1, zeroed when ok == 0, without a branch. */
/*@ requires ok == 0 || ok == 1;
    requires \valid(out + (0 .. len - 1));
    assigns out[0 .. len - 1];
    ensures ok == 0 ==> \forall integer k; 0 <= k < len ==> out[k] == 0; */
static void mask_out(uint8_t *out, size_t len, uint64_t ok)
{
    uint64_t m = rk_ct_mask64(ok);
    /*@ loop invariant 0 <= i <= len;
        loop invariant ok == 0 ==> \forall integer k; 0 <= k < i ==> out[k] == 0;
        loop assigns i, out[0 .. len - 1];
        loop variant len - i; */
    for (size_t i = 0; i < len; i++) {
        uint64_t v = rk_ct_sel64(out[i], 0, m);
        /*@ assert v == out[i] || v == 0; */
        out[i] = (uint8_t)v;
    }
}

rk_status rk_gcm_init(rk_gcm_ctx *ctx, const uint8_t *key, size_t keylen)
{
    uint8_t hb[16];
    ctx->h[0] = 0;
    ctx->h[1] = 0;
    rk_status st = rk_aes_init(&ctx->aes, key, keylen);
    if (st != RK_OK)
        return st;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, hb[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        hb[i] = 0;
    rk_aes_encrypt(&ctx->aes, hb, hb, 1);
    ctx->h[0] = load_be64(hb);
    ctx->h[1] = load_be64(hb + 8);
    rk_wipe(hb, 16);
    return RK_OK;
}

void rk_gcm_ctx_wipe(rk_gcm_ctx *ctx)
{
    rk_aes_ctx_wipe(&ctx->aes);
    rk_wipe_u64(ctx->h, 2);
}

rk_status rk_gcm_ctx_seal(const rk_gcm_ctx *ctx, const uint8_t *iv, size_t ivlen,
                          const uint8_t *aad, size_t aadlen,
                          const uint8_t *in, size_t len, uint8_t *out, uint8_t *tag)
{
    uint8_t j0[16];
    uint64_t y[2];
    rk_status st = check_lengths(ivlen, aadlen, len);
    if (st != RK_OK) {
        zero(out, len);
        zero(tag, 16);
        return st;
    }
    derive_j0(ctx, iv, ivlen, j0);
    gctr(&ctx->aes, j0, in, out, len);
    ghash_all(ctx, aad, aadlen, out, len, y);
    finish_tag(ctx, j0, y, tag);
    rk_wipe(j0, 16);
    return RK_OK;
}

rk_status rk_gcm_ctx_open(const rk_gcm_ctx *ctx, const uint8_t *iv, size_t ivlen,
                          const uint8_t *aad, size_t aadlen,
                          const uint8_t *in, size_t len, uint8_t *out, const uint8_t *tag)
{
    uint8_t j0[16], t[16];
    uint64_t y[2];
    rk_status st = check_lengths(ivlen, aadlen, len);
    if (st != RK_OK) {
        zero(out, len);
        return st;
    }
    derive_j0(ctx, iv, ivlen, j0);
    /* SP 800-38D 7.2: the tag is computed over the ciphertext before any
     * plaintext exists (so in == out works), compared in constant time, and
     * the plaintext is masked to zero unless it matched. */
    ghash_all(ctx, aad, aadlen, in, len, y);
    finish_tag(ctx, j0, y, t);
    uint64_t ok = rk_ct_memeq(t, tag, 16);
    /*@ assert tag_compared: ok == 1 <==> (\forall integer k; 0 <= k < 16 ==> t[k] == tag[k]); */
    gctr(&ctx->aes, j0, in, out, len);
    mask_out(out, len, ok);
    rk_wipe(j0, 16);
    rk_wipe(t, 16);
    /* 0 when ok == 1, RK_ERR_GCM_TAG when ok == 0, without a branch */
    return RK_ERR_GCM_TAG * (int)(1u - ok);
}

rk_status rk_gcm_seal(const uint8_t *key, size_t keylen, const uint8_t *iv, size_t ivlen,
                      const uint8_t *aad, size_t aadlen,
                      const uint8_t *in, size_t len, uint8_t *out, uint8_t *tag)
{
    /* The same steps as rk_gcm_init + rk_gcm_ctx_seal, written out so that
     * no call takes more than six arguments (x86-64 would push the rest and
     * -fstack-usage would report a dynamic frame). */
    rk_gcm_ctx ctx;
    uint8_t j0[16];
    uint64_t y[2];
    rk_status st = rk_gcm_init(&ctx, key, keylen);
    if (st == RK_OK)
        st = check_lengths(ivlen, aadlen, len);
    if (st != RK_OK) {
        zero(out, len);
        zero(tag, 16);
        rk_gcm_ctx_wipe(&ctx);
        return st;
    }
    derive_j0(&ctx, iv, ivlen, j0);
    gctr(&ctx.aes, j0, in, out, len);
    ghash_all(&ctx, aad, aadlen, out, len, y);
    finish_tag(&ctx, j0, y, tag);
    rk_wipe(j0, 16);
    rk_gcm_ctx_wipe(&ctx);
    return RK_OK;
}

rk_status rk_gcm_open(const uint8_t *key, size_t keylen, const uint8_t *iv, size_t ivlen,
                      const uint8_t *aad, size_t aadlen,
                      const uint8_t *in, size_t len, uint8_t *out, const uint8_t *tag)
{
    /* rk_gcm_init + rk_gcm_ctx_open written out (see rk_gcm_seal). */
    rk_gcm_ctx ctx;
    uint8_t j0[16], t[16];
    uint64_t y[2];
    rk_status st = rk_gcm_init(&ctx, key, keylen);
    if (st == RK_OK)
        st = check_lengths(ivlen, aadlen, len);
    if (st != RK_OK) {
        zero(out, len);
        rk_gcm_ctx_wipe(&ctx);
        return st;
    }
    derive_j0(&ctx, iv, ivlen, j0);
    ghash_all(&ctx, aad, aadlen, in, len, y);
    finish_tag(&ctx, j0, y, t);
    uint64_t ok = rk_ct_memeq(t, tag, 16);
    /*@ assert tag_compared: ok == 1 <==> (\forall integer k; 0 <= k < 16 ==> t[k] == tag[k]); */
    gctr(&ctx.aes, j0, in, out, len);
    mask_out(out, len, ok);
    rk_wipe(j0, 16);
    rk_wipe(t, 16);
    rk_gcm_ctx_wipe(&ctx);
    return RK_ERR_GCM_TAG * (int)(1u - ok);
}
