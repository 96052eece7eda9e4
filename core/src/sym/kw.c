/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/kw.h
 *
 * The wrapping function W and its inverse are the index-based form of
 * RFC 3394 2.2.1 / 2.2.2 (SP 800-38F 6.1 algorithms 1 and 2): A is the 8-octet
 * integrity register, R the n semiblocks, t = n*j + i the step counter.
 * Lengths are bounded by RK_KW_MAX_BYTES so t < 2^32 and no arithmetic here
 * wraps (the proof keeps the unsigned-overflow guard on).
 */
#include "rootkey/kw.h"
#include "rootkey/aes.h"
#include "rootkey/ct.h"

#define MAX_N (RK_KW_MAX_BYTES / 8 + 1)

/* RFC 3394 2.2.3.1 default IV; RFC 5649 section 3 alternative IV prefix. */
static const uint8_t kw_iv[8] = { 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6 };
static const uint8_t kwp_aiv[4] = { 0xa6, 0x59, 0x59, 0xa6 };

/*@ requires \valid(dst + (0 .. n - 1));
    requires \valid_read(src + (0 .. n - 1));
    requires \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
    assigns dst[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> dst[k] == src[k]; */
static void copy(uint8_t *dst, const uint8_t *src, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> dst[k] == src[k];
        loop assigns i, dst[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        dst[i] = src[i];
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

/* out[from .. cap-1] = 0 (indexed from out itself, so callers get the
 * range they state without pointer-offset reasoning). */
/*@ requires from <= cap;
    requires \valid(out + (0 .. cap - 1));
    assigns out[from .. cap - 1];
    ensures \forall integer k; from <= k < cap ==> out[k] == 0; */
static void zero_tail(uint8_t *out, size_t from, size_t cap)
{
    /*@ loop invariant from <= i <= cap;
        loop invariant \forall integer k; from <= k < i ==> out[k] == 0;
        loop assigns i, out[from .. cap - 1];
        loop variant cap - i; */
    for (size_t i = from; i < cap; i++)
        out[i] = 0;
}

/* A ^= [t]64, the step counter as a 64-bit big-endian integer. */
/*@ requires \valid(a + (0 .. 7));
    assigns a[0 .. 7]; */
static void xor_counter(uint8_t *a, uint64_t t)
{
    /*@ loop invariant 0 <= k <= 8;
        loop assigns k, a[0 .. 7];
        loop variant 8 - k; */
    for (unsigned k = 0; k < 8; k++) {
        uint64_t v = (uint64_t)a[7 - k] ^ (t >> (8 * k));
        a[7 - k] = (uint8_t)(v & 0xffu);
    }
}

/* W: RFC 3394 2.2.1 step 2, six passes over the n semiblocks in r. */
/*@ requires rk_aes_ready(aes);
    requires 1 <= n <= MAX_N;
    requires \valid(a + (0 .. 7));
    requires \valid(r + (0 .. 8 * n - 1));
    requires \separated(a + (0 .. 7), r + (0 .. 8 * n - 1), aes);
    assigns a[0 .. 7], r[0 .. 8 * n - 1]; */
static void kw_w(const rk_aes_ctx *aes, uint8_t *a, uint8_t *r, size_t n)
{
    uint8_t b[16];
    /*@ loop invariant 0 <= j <= 6;
        loop assigns j, b[0 .. 15], a[0 .. 7], r[0 .. 8 * n - 1];
        loop variant 6 - j; */
    for (size_t j = 0; j < 6; j++) {
        /*@ loop invariant 1 <= i <= n + 1;
            loop assigns i, b[0 .. 15], a[0 .. 7], r[0 .. 8 * n - 1];
            loop variant n + 1 - i; */
        for (size_t i = 1; i <= n; i++) {
            copy(b, a, 8);
            copy(b + 8, r + 8 * (i - 1), 8);
            rk_aes_encrypt(aes, b, b, 1);
            copy(a, b, 8);
            copy(r + 8 * (i - 1), b + 8, 8);
            xor_counter(a, n * j + i);
        }
    }
    rk_wipe(b, sizeof b);
}

/* W^-1: RFC 3394 2.2.2 step 2, the passes in reverse order (j = 5..0,
 * i = n..1). */
/*@ requires rk_aes_ready(aes);
    requires 1 <= n <= MAX_N;
    requires \valid(a + (0 .. 7));
    requires \valid(r + (0 .. 8 * n - 1));
    requires \separated(a + (0 .. 7), r + (0 .. 8 * n - 1), aes);
    assigns a[0 .. 7], r[0 .. 8 * n - 1]; */
static void kw_w_inv(const rk_aes_ctx *aes, uint8_t *a, uint8_t *r, size_t n)
{
    uint8_t b[16];
    /*@ loop invariant 0 <= jj <= 6;
        loop assigns jj, b[0 .. 15], a[0 .. 7], r[0 .. 8 * n - 1];
        loop variant 6 - jj; */
    for (size_t jj = 0; jj < 6; jj++) {
        size_t j = 5 - jj;
        /*@ loop invariant 0 <= ii <= n;
            loop assigns ii, b[0 .. 15], a[0 .. 7], r[0 .. 8 * n - 1];
            loop variant n - ii; */
        for (size_t ii = 0; ii < n; ii++) {
            size_t i = n - ii;
            xor_counter(a, n * j + i);
            copy(b, a, 8);
            copy(b + 8, r + 8 * (i - 1), 8);
            rk_aes_decrypt(aes, b, b, 1);
            copy(a, b, 8);
            copy(r + 8 * (i - 1), b + 8, 8);
        }
    }
    rk_wipe(b, sizeof b);
}

/* Release or suppress the result: out[0..used-1] is kept when ok == 1 and
 * zeroed when ok == 0 (a mask, no branch); out[used..cap-1] is zeroed. */
/*@ requires ok == 0 || ok == 1;
    requires used <= cap;
    requires \valid(out + (0 .. cap - 1));
    assigns out[0 .. cap - 1];
    ensures \forall integer k; used <= k < cap ==> out[k] == 0;
    ensures ok == 0 ==> \forall integer k; 0 <= k < cap ==> out[k] == 0;
    ensures ok == 1 ==> \forall integer k; 0 <= k < used ==> out[k] == \old(out[k]); */
static void finish(uint8_t *out, size_t used, size_t cap, uint64_t ok)
{
    uint64_t m = rk_ct_mask64(ok);
    /*@ loop invariant 0 <= i <= used;
        loop invariant ok == 0 ==> \forall integer k; 0 <= k < i ==> out[k] == 0;
        loop invariant ok == 1 ==> \forall integer k; 0 <= k < used ==> out[k] == \at(out[k], Pre);
        loop assigns i, out[0 .. used - 1];
        loop variant used - i; */
    for (size_t i = 0; i < used; i++) {
        uint64_t v = rk_ct_sel64(out[i], 0, m);
        /*@ assert v == out[i] || v == 0; */
        out[i] = (uint8_t)v;
    }
    zero_tail(out, used, cap);
}

/* Shared failure exit: nothing released. */
/*@ requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), out_len);
    assigns out[0 .. cap - 1], *out_len;
    ensures *out_len == 0;
    ensures \forall integer k; 0 <= k < cap ==> out[k] == 0; */
static void fail(uint8_t *out, size_t cap, size_t *out_len)
{
    zero(out, cap);
    *out_len = 0;
}

/* The public-length checks of KW wrap (SP 800-38F 5.3.1: at least two
 * semiblocks), then the key expansion. */
/*@ requires \valid(aes);
    requires \valid_read(kek + (0 .. keklen - 1));
    requires \separated(aes, kek + (0 .. keklen - 1));
    assigns *aes;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> rk_aes_ready(aes) && 16 <= inlen <= RK_KW_MAX_BYTES &&
        inlen % 8 == 0 && cap >= inlen + 8; */
static rk_status wrap_setup(rk_aes_ctx *aes, const uint8_t *kek, size_t keklen, size_t inlen, size_t cap)
{
    if (keklen != RK_AES128_KEY_BYTES && keklen != RK_AES256_KEY_BYTES)
        return RK_ERR_AES_KEYLEN;
    if (inlen < 16 || inlen % 8 != 0 || inlen > RK_KW_MAX_BYTES)
        return RK_ERR_KW_LENGTH;
    if (cap < inlen + 8)
        return RK_ERR_BUFFER;
    return rk_aes_init(aes, kek, keklen);
}

/* RFC 3394 2.2.1: A = IV, R = P, then W in place in out; the rest of out is
 * zeroed and the expanded key wiped. */
/*@ requires rk_aes_ready(aes);
    requires 16 <= inlen <= RK_KW_MAX_BYTES && inlen % 8 == 0 && cap >= inlen + 8;
    requires \valid(aes);
    requires \valid_read(iv + (0 .. 7));
    requires \valid_read(in + (0 .. inlen - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \separated(out + (0 .. cap - 1), aes);
    requires \separated(out + (0 .. cap - 1), iv + (0 .. 7));
    requires \separated(out + (0 .. cap - 1), in + (0 .. inlen - 1));
    assigns out[0 .. cap - 1], *aes;
    ensures \forall integer k; inlen + 8 <= k < cap ==> out[k] == 0; */
static void wrap_body(rk_aes_ctx *aes, const uint8_t *iv, const uint8_t *in, size_t inlen,
                      uint8_t *out, size_t cap)
{
    copy(out, iv, 8);
    copy(out + 8, in, inlen);
    kw_w(aes, out, out + 8, inlen / 8);
    rk_aes_ctx_wipe(aes);
    zero_tail(out, inlen + 8, cap);
}

rk_status rk_kw_wrap_iv(const uint8_t *kek, size_t keklen, const uint8_t *iv,
                        const uint8_t *in, size_t inlen,
                        uint8_t *out, size_t cap, size_t *out_len)
{
    rk_aes_ctx aes;
    rk_status st = wrap_setup(&aes, kek, keklen, inlen, cap);
    if (st != RK_OK) {
        fail(out, cap, out_len);
        return st;
    }
    wrap_body(&aes, iv, in, inlen, out, cap);
    *out_len = inlen + 8;
    return RK_OK;
}

rk_status rk_kw_wrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                     uint8_t *out, size_t cap, size_t *out_len)
{
    /* not a call of rk_kw_wrap_iv: no call here takes more than six
     * arguments (x86-64 would push the rest; -fstack-usage then reports a
     * dynamic frame) */
    rk_aes_ctx aes;
    rk_status st = wrap_setup(&aes, kek, keklen, inlen, cap);
    if (st != RK_OK) {
        fail(out, cap, out_len);
        return st;
    }
    wrap_body(&aes, kw_iv, in, inlen, out, cap);
    *out_len = inlen + 8;
    return RK_OK;
}

rk_status rk_kw_unwrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                       uint8_t *out, size_t cap, size_t *out_len)
{
    rk_aes_ctx aes;
    uint8_t a[8];
    rk_status st = RK_OK;
    if (keklen != RK_AES128_KEY_BYTES && keklen != RK_AES256_KEY_BYTES)
        st = RK_ERR_AES_KEYLEN;
    else if (inlen < 24 || inlen % 8 != 0 || inlen > RK_KW_MAX_BYTES + 8)
        st = RK_ERR_KW_LENGTH; /* SP 800-38F 6.2: three or more semiblocks */
    else if (cap < inlen - 8)
        st = RK_ERR_BUFFER;
    else
        st = rk_aes_init(&aes, kek, keklen);
    if (st != RK_OK) {
        fail(out, cap, out_len);
        return st;
    }
    size_t n = inlen / 8 - 1;
    /* RFC 3394 2.2.2 step 1: A = C[0], R = C[1..n]; W^-1 in place in out. */
    copy(a, in, 8);
    copy(out, in + 8, 8 * n);
    kw_w_inv(&aes, a, out, n);
    rk_aes_ctx_wipe(&aes);
    /* RFC 3394 2.2.3: the integrity check, in constant time; the key data
     * is released only if it passed. */
    uint64_t ok = rk_ct_memeq(a, kw_iv, 8);
    /*@ assert icv_compared: ok == 1 <==> (\forall integer k; 0 <= k < 8 ==> a[k] == kw_iv[k]); */
    finish(out, 8 * n, cap, ok);
    *out_len = (size_t)rk_ct_sel64(8 * n, 0, rk_ct_mask64(ok));
    rk_wipe(a, sizeof a);
    return RK_ERR_KW_ICV * (int)(1u - ok);
}

/* RFC 5649 section 3 and 4.1: AIV = A65959A6 || [inlen]32, P zero-padded to
 * padded octets, then one AES block (padded == 8) or W; the key is wiped. */
/*@ requires rk_aes_ready(aes);
    requires \valid(aes);
    requires 1 <= inlen <= RK_KW_MAX_BYTES;
    requires padded == ((inlen + 7) / 8) * 8;
    requires \valid_read(in + (0 .. inlen - 1));
    requires \valid(out + (0 .. padded + 7));
    requires \separated(out + (0 .. padded + 7), aes);
    requires \separated(out + (0 .. padded + 7), in + (0 .. inlen - 1));
    assigns out[0 .. padded + 7], *aes; */
static void kwp_wrap_body(rk_aes_ctx *aes, const uint8_t *in, size_t inlen, size_t padded, uint8_t *out)
{
    copy(out, kwp_aiv, 4);
    out[4] = (uint8_t)(inlen / 16777216u);
    out[5] = (uint8_t)(inlen / 65536u % 256u);
    out[6] = (uint8_t)(inlen / 256u % 256u);
    out[7] = (uint8_t)(inlen % 256u);
    copy(out + 8, in, inlen);
    zero(out + 8 + inlen, padded - inlen);
    if (padded == 8)
        rk_aes_encrypt(aes, out, out, 1); /* 4.1 step 1: a single block */
    else
        kw_w(aes, out, out + 8, padded / 8);
    rk_aes_ctx_wipe(aes);
}

/*@ requires \valid(aes);
    requires \valid_read(kek + (0 .. keklen - 1));
    requires \separated(aes, kek + (0 .. keklen - 1));
    assigns *aes;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> rk_aes_ready(aes) && 1 <= inlen <= RK_KW_MAX_BYTES &&
        cap >= ((inlen + 7) / 8) * 8 + 8; */
static rk_status kwp_wrap_setup(rk_aes_ctx *aes, const uint8_t *kek, size_t keklen, size_t inlen, size_t cap)
{
    if (keklen != RK_AES128_KEY_BYTES && keklen != RK_AES256_KEY_BYTES)
        return RK_ERR_AES_KEYLEN;
    if (inlen < 1 || inlen > RK_KW_MAX_BYTES)
        return RK_ERR_KW_LENGTH;
    if (cap < ((inlen + 7) / 8) * 8 + 8)
        return RK_ERR_BUFFER;
    return rk_aes_init(aes, kek, keklen);
}

rk_status rk_kwp_wrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                      uint8_t *out, size_t cap, size_t *out_len)
{
    rk_aes_ctx aes;
    rk_status st = kwp_wrap_setup(&aes, kek, keklen, inlen, cap);
    if (st != RK_OK) {
        fail(out, cap, out_len);
        return st;
    }
    size_t padded = ((inlen + 7) / 8) * 8;
    kwp_wrap_body(&aes, in, inlen, padded, out);
    zero_tail(out, padded + 8, cap);
    *out_len = padded + 8;
    return RK_OK;
}

/* 1 if out[from .. to-1] are all zero, else 0, reading every octet (the
 * index-based twin of rk_ct_is_zero, so that callers get the range they
 * state without pointer-offset reasoning). */
/*@ requires from <= to;
    requires \valid_read(out + (0 .. to - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer k; from <= k < to ==> out[k] == 0); */
static uint64_t range_is_zero(const uint8_t *out, size_t from, size_t to)
{
    uint64_t d = 0;
    /*@ loop invariant from <= i <= to;
        loop invariant d == 0 <==> (\forall integer k; from <= k < i ==> out[k] == 0);
        loop assigns i, d;
        loop variant to - i; */
    for (size_t i = from; i < to; i++)
        d = rk_ct_diff64(d, out[i], 0);
    return rk_ct_is_zero64(d);
}

/* RFC 5649 section 3 padding check, in constant time: for each pad length
 * p = 0..7, e = (MLI == 8n - p) and z = (the last p octets are zero); the
 * padding is good when e*z == 1 for some p.  0/1 values combined with
 * products, so no bit trick (and no admit) is needed. */
/*@ requires 1 <= n <= MAX_N;
    requires mli <= 0xffffffff;
    requires \valid_read(out + (0 .. 8 * n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 ==> 8 * n - 8 < mli <= 8 * n &&
        (\forall integer k; mli <= k < 8 * n ==> out[k] == 0); */
static uint64_t kwp_pad_ok(const uint8_t *out, size_t n, uint64_t mli)
{
    uint64_t nopad = 1;
    /*@ loop invariant 0 <= p <= 8;
        loop invariant nopad == 0 || nopad == 1;
        loop invariant nopad == 0 ==> 8 * n - p < mli <= 8 * n &&
            (\forall integer k; mli <= k < 8 * n ==> out[k] == 0);
        loop assigns p, nopad;
        loop variant 8 - p; */
    for (size_t p = 0; p < 8; p++) {
        uint64_t e = rk_ct_eq64(mli, 8 * n - p);
        uint64_t z = range_is_zero(out, 8 * n - p, 8 * n);
        uint64_t ez = e * z;
        /*@ assert ez == 0 || ez == 1; */
        /*@ assert ez == 1 ==> e == 1 && z == 1; */
        uint64_t nn = nopad * (1u - ez);
        /*@ assert nn == 0 || nn == 1; */
        /*@ assert nn == 0 ==> nopad == 0 || ez == 1; */
        nopad = nn;
    }
    return 1u - nopad;
}

/* RFC 5649 4.2 step 1: A and the padded plaintext (into out) by one AES
 * block decryption (n == 1) or W^-1; the key is wiped. */
/*@ requires rk_aes_ready(aes);
    requires \valid(aes);
    requires 1 <= n <= MAX_N;
    requires \valid_read(in + (0 .. 8 * n + 7));
    requires \valid(out + (0 .. 8 * n - 1));
    requires \valid(a + (0 .. 7));
    requires \separated(out + (0 .. 8 * n - 1), aes);
    requires \separated(out + (0 .. 8 * n - 1), in + (0 .. 8 * n + 7));
    requires \separated(out + (0 .. 8 * n - 1), a + (0 .. 7));
    requires \separated(a + (0 .. 7), aes);
    requires \separated(a + (0 .. 7), in + (0 .. 8 * n + 7));
    assigns out[0 .. 8 * n - 1], a[0 .. 7], *aes; */
static void kwp_unwrap_body(rk_aes_ctx *aes, const uint8_t *in, size_t n, uint8_t *out, uint8_t *a)
{
    if (n == 1) {
        uint8_t b[16];
        copy(b, in, 16);
        rk_aes_decrypt(aes, b, b, 1);
        copy(a, b, 8);
        copy(out, b + 8, 8);
        rk_wipe(b, sizeof b);
    } else {
        copy(a, in, 8);
        copy(out, in + 8, 8 * n);
        kw_w_inv(aes, a, out, n);
    }
    rk_aes_ctx_wipe(aes);
}

/*@ requires \valid(aes);
    requires \valid_read(kek + (0 .. keklen - 1));
    requires \separated(aes, kek + (0 .. keklen - 1));
    assigns *aes;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> rk_aes_ready(aes) && 16 <= inlen <= RK_KW_MAX_BYTES + 8 &&
        inlen % 8 == 0 && cap >= inlen - 8; */
static rk_status kwp_unwrap_setup(rk_aes_ctx *aes, const uint8_t *kek, size_t keklen, size_t inlen, size_t cap)
{
    if (keklen != RK_AES128_KEY_BYTES && keklen != RK_AES256_KEY_BYTES)
        return RK_ERR_AES_KEYLEN;
    if (inlen < 16 || inlen % 8 != 0 || inlen > RK_KW_MAX_BYTES + 8)
        return RK_ERR_KW_LENGTH;
    if (cap < inlen - 8)
        return RK_ERR_BUFFER;
    return rk_aes_init(aes, kek, keklen);
}

rk_status rk_kwp_unwrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                        uint8_t *out, size_t cap, size_t *out_len)
{
    rk_aes_ctx aes;
    uint8_t a[8];
    rk_status st = kwp_unwrap_setup(&aes, kek, keklen, inlen, cap);
    if (st != RK_OK) {
        fail(out, cap, out_len);
        return st;
    }
    size_t n = inlen / 8 - 1;
    kwp_unwrap_body(&aes, in, n, out, a);
    /* RFC 5649 section 3: the AIV prefix, then MLI and padding; all in
     * constant time and combined before anything is decided. */
    uint64_t aiv = rk_ct_memeq(a, kwp_aiv, 4);
    /*@ assert aiv_compared: aiv == 1 <==> (\forall integer k; 0 <= k < 4 ==> a[k] == kwp_aiv[k]); */
    uint64_t mli = (((uint64_t)a[4] * 256u + a[5]) * 256u + a[6]) * 256u + a[7];
    uint64_t padok = kwp_pad_ok(out, n, mli);
    uint64_t ok = aiv * padok;
    /*@ assert ok == 0 || ok == 1; */
    /*@ assert ok == 1 ==> aiv == 1 && padok == 1; */
    finish(out, 8 * n, cap, ok);
    /*@ assert ok == 1 ==> \forall integer k; mli <= k < cap ==> out[k] == 0; */
    *out_len = (size_t)rk_ct_sel64(mli, 0, rk_ct_mask64(ok));
    rk_wipe(a, sizeof a);
    /* ICV failure first; otherwise a length/padding failure. */
    return RK_ERR_KW_ICV * (int)(1u - aiv) + RK_ERR_KWP_PAD * (int)(aiv * (1u - padok));
}
