/* SPDX-License-Identifier: Apache-2.0 */
/* AES key wrap (core/src/include/rootkey/kw.h): RFC 3394 section 4 (all six),
 * RFC 5649 section 6, Wycheproof aes_wrap and aes_kwp (every tcId), the
 * docs/design.md §11.1 W1/W2 negatives with zeroed outputs, and differential tests
 * against OpenSSL 3 EVP (id-aes*-wrap / -wrap-pad). */
#include "rk_test.h"
#include "rootkey/kw.h"
#include "rootkey/aes.h"
#include "rootkey/ct.h"
#ifndef RK_NO_ORACLES
#include <openssl/evp.h>
#endif

#define BIG (RK_KW_MAX_BYTES + 64)
static rk_vec vec;

#ifndef RK_NO_ORACLES
/* OpenSSL's KW (pad = 0) or KWP (pad = 1); returns the output length or -1. */
static int ossl_wrap(int pad, int enc, const uint8_t *kek, size_t kl, const uint8_t *in, size_t n, uint8_t *out)
{
    const EVP_CIPHER *c = pad ? (kl == 16 ? EVP_aes_128_wrap_pad() : kl == 24 ? EVP_aes_192_wrap_pad() : EVP_aes_256_wrap_pad())
                              : (kl == 16 ? EVP_aes_128_wrap() : kl == 24 ? EVP_aes_192_wrap() : EVP_aes_256_wrap());
    EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
    int l = -1, l2 = 0;
    if (EVP_CipherInit_ex(e, c, NULL, kek, NULL, enc) == 1 && EVP_CipherUpdate(e, out, &l, in, (int)n) == 1 &&
        EVP_CipherFinal_ex(e, out + l, &l2) == 1)
        l += l2;
    else
        l = -1;
    EVP_CIPHER_CTX_free(e);
    return l;
}
#endif

typedef rk_status (*kwfn)(const uint8_t *, size_t, const uint8_t *, size_t, uint8_t *, size_t, size_t *);

/* RFC 3394 4.1-4.6 and RFC 5649 6: KEKs of 16/32 octets run through rootkey
 * (wrap, unwrap, and a tampered unwrap); 24-octet KEKs must be rejected. */
static void rfc_file(const char *file, int pad, int expect_n)
{
    static uint8_t kek[32], key[64], wr[80], out[80];
    int n = 0;
    if (!rk_vec_open(&vec, file)) return;
    while (rk_vec_next(&vec)) {
        const char *name = rk_vec_str(&vec, "name");
        CASE_BEGIN("%s %s", file, name ? name : "?");
        long kl = rk_vec_hex(&vec, "kek", kek, sizeof kek);
        long ml = rk_vec_hex(&vec, "key", key, sizeof key);
        long wl = rk_vec_hex(&vec, "wrapped", wr, sizeof wr);
        kwfn wrap = pad ? rk_kwp_wrap : rk_kw_wrap, unwrap = pad ? rk_kwp_unwrap : rk_kw_unwrap;
        size_t ol = 99;
        if (kl == 24) {
            memset(out, 0xaa, sizeof out);
            CHECK_EQ(wrap(kek, 24, key, (size_t)ml, out, sizeof out, &ol), RK_ERR_AES_KEYLEN);
            CHECK_EQ(ol, 0);
            CHECK_ZERO(out, sizeof out);
            CHECK_EQ(unwrap(kek, 24, wr, (size_t)wl, out, sizeof out, &ol), RK_ERR_AES_KEYLEN);
#ifndef RK_NO_ORACLES
            int l = ossl_wrap(pad, 1, kek, 24, key, (size_t)ml, out);
            CHECK_EQ(l, wl);
            CHECK_MEM(out, wr, (size_t)wl);
#endif
        } else {
            CHECK_EQ(wrap(kek, (size_t)kl, key, (size_t)ml, out, sizeof out, &ol), RK_OK);
            CHECK_EQ(ol, wl);
            CHECK_MEM(out, wr, (size_t)wl);
            CHECK_ZERO(out + wl, sizeof out - (size_t)wl);
            CHECK_EQ(unwrap(kek, (size_t)kl, wr, (size_t)wl, out, sizeof out, &ol), RK_OK);
            CHECK_EQ(ol, ml);
            CHECK_MEM(out, key, (size_t)ml);
            wr[wl - 1] ^= 1;
            CHECK_EQ(unwrap(kek, (size_t)kl, wr, (size_t)wl, out, sizeof out, &ol), RK_ERR_KW_ICV);
            CHECK_EQ(ol, 0);
            CHECK_ZERO(out, sizeof out);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&vec);
    CASE_BEGIN("%s: %d records", file, expect_n);
    CHECK_EQ(n, expect_n);
    CASE_END();
}

static void rfc3394(void) { rfc_file("aes/rfc3394.txt", 0, 6); }
static void rfc5649(void) { rfc_file("aes/rfc5649.txt", 1, 2); }

/* Wycheproof aes_wrap / aes_kwp.  Per tcId:
 *  - 24-octet KEKs: rootkey has no AES-192; wrap and unwrap must return
 *    RK_ERR_AES_KEYLEN with zeroed outputs.
 *  - valid: wrap(msg) == ct and unwrap(ct) == msg.
 *  - invalid: unwrap(ct) fails with zeroed output and out_len 0; wrap(msg),
 *    if it succeeds, must not produce ct.
 *  - acceptable (aes_wrap: 8-octet keys wrapped as one AES block): either an
 *    exact success or a rejection with zeroed outputs; rootkey rejects them
 *    (RK_ERR_KW_LENGTH), which the test pins down. */
static void wycheproof_file(const char *file, int pad, int expect_n)
{
    static uint8_t kek[64], msg[512], ct[520], out[600];
    int n = 0;
    kwfn wrap = pad ? rk_kwp_wrap : rk_kw_wrap, unwrap = pad ? rk_kwp_unwrap : rk_kw_unwrap;
    if (!rk_vec_open(&vec, file)) return;
    while (rk_vec_next(&vec)) {
        long id = (long)rk_vec_int(&vec, "tcid", -1);
        const char *res = rk_vec_str(&vec, "result");
        CASE_BEGIN("wycheproof %s tcId %ld (%s)", file, id, res ? res : "?");
        long kl = rk_vec_hex(&vec, "key", kek, sizeof kek);
        long ml = rk_vec_hex(&vec, "msg", msg, sizeof msg);
        long cl = rk_vec_hex(&vec, "ct", ct, sizeof ct);
        if (kl < 0 || ml < 0 || cl < 0 || !res) {
            CHECK(!"malformed record");
            CASE_END();
            continue;
        }
        int valid = strcmp(res, "valid") == 0, acceptable = strcmp(res, "acceptable") == 0;
        size_t wl = 99, ul = 99;
        memset(out, 0xaa, sizeof out);
        rk_status sw = wrap(kek, (size_t)kl, msg, (size_t)ml, out, sizeof out, &wl);
        if (sw == RK_OK) {
            CHECK(wl <= sizeof out);
            CHECK_ZERO(out + wl, sizeof out - wl);
        } else {
            CHECK_EQ(wl, 0);
            CHECK_ZERO(out, sizeof out);
        }
        int wrap_match = sw == RK_OK && wl == (size_t)cl && memcmp(out, ct, (size_t)cl) == 0;
        memset(out, 0xaa, sizeof out);
        rk_status su = unwrap(kek, (size_t)kl, ct, (size_t)cl, out, sizeof out, &ul);
        int unwrap_match = su == RK_OK && ul == (size_t)ml && memcmp(out, msg, (size_t)ml) == 0;
        if (su != RK_OK) {
            CHECK_EQ(ul, 0);
            CHECK_ZERO(out, sizeof out);
        } else {
            CHECK_ZERO(out + ul, sizeof out - ul);
        }
        if (kl != 16 && kl != 32) {
            CHECK_EQ(sw, RK_ERR_AES_KEYLEN);
            CHECK_EQ(su, RK_ERR_AES_KEYLEN);
        } else if (valid) {
            CHECK(wrap_match);
            CHECK(unwrap_match);
            CHECK_EQ(su, RK_OK);
        } else if (acceptable) {
            CHECK(sw == RK_OK ? wrap_match : 1);
            CHECK(su == RK_OK ? unwrap_match : 1);
            CHECK_EQ(sw, RK_ERR_KW_LENGTH); /* rootkey's choice, see above */
            CHECK_EQ(su, RK_ERR_KW_LENGTH);
        } else {
            CHECK(su != RK_OK);
            CHECK(su == RK_ERR_KW_LENGTH || su == RK_ERR_KW_ICV || su == RK_ERR_KWP_PAD);
            CHECK(!wrap_match);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&vec);
    CASE_BEGIN("wycheproof %s: all %d tcIds read", file, expect_n);
    CHECK_EQ(n, expect_n);
    CASE_END();
}

static void wycheproof(void)
{
    wycheproof_file("wycheproof/aes_wrap.txt", 0, 165);
    wycheproof_file("wycheproof/aes_kwp.txt", 1, 254);
}

static const uint8_t K16[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

/* expect status st, out_len 0 and the whole output zero */
static void expect_fail(rk_status got, rk_status st, const uint8_t *out, size_t cap, const size_t *ol)
{
    CHECK_EQ(got, st);
    CHECK_EQ(*ol, 0);
    CHECK_ZERO(out, cap);
}

/* W1: KW unwrap ICV mismatch (every bit of a wrapped 256-bit key), length
 * < 24, not a multiple of 8, too long, output buffer too small, bad KEK
 * lengths; and the wrap-side length checks. */
static void w1_kw_negatives(void)
{
    static uint8_t key[32], wr[40], out[BIG], in[BIG];
    size_t ol;
    for (size_t i = 0; i < 32; i++) key[i] = (uint8_t)(0xc0 + i);
    CHECK_EQ(rk_kw_wrap(K16, 16, key, 32, wr, sizeof wr, &ol), RK_OK);
    CHECK_EQ(ol, 40);
    int bad = 0;
    for (size_t bit = 0; bit < 8 * 40; bit++) {
        wr[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        memset(out, 0xaa, 64);
        ol = 7;
        bad += rk_kw_unwrap(K16, 16, wr, 40, out, 64, &ol) != RK_ERR_KW_ICV;
        bad += ol != 0 || rk_ct_is_zero(out, 64) != 1;
        wr[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
    CHECK_EQ(bad, 0);
    /* wrong KEK */
    uint8_t k2[16];
    memcpy(k2, K16, 16);
    k2[15] ^= 0x80;
    memset(out, 0xaa, 64);
    expect_fail(rk_kw_unwrap(k2, 16, wr, 40, out, 64, &ol), RK_ERR_KW_ICV, out, 64, &ol);
    /* lengths < 24 and not multiples of 8 */
    static const size_t badlen[] = { 0, 1, 7, 8, 15, 16, 17, 23, 25, 31, 33, 39 };
    for (size_t i = 0; i < sizeof badlen / sizeof badlen[0]; i++) {
        memset(out, 0xaa, 64);
        expect_fail(rk_kw_unwrap(K16, 16, wr, badlen[i], out, 64, &ol), RK_ERR_KW_LENGTH, out, 64, &ol);
    }
    memset(in, 0x11, sizeof in);
    memset(out, 0xaa, sizeof out);
    expect_fail(rk_kw_unwrap(K16, 16, in, RK_KW_MAX_BYTES + 16, out, sizeof out, &ol), RK_ERR_KW_LENGTH, out,
                sizeof out, &ol);
    /* output buffer too small: cap = 31 for 32 octets of key data */
    memset(out, 0xaa, 64);
    expect_fail(rk_kw_unwrap(K16, 16, wr, 40, out, 31, &ol), RK_ERR_BUFFER, out, 31, &ol);
    CHECK_EQ(out[31], 0xaa); /* nothing beyond cap is touched */
    /* KEK lengths */
    static const size_t badk[] = { 0, 8, 15, 17, 24, 31, 33 };
    for (size_t i = 0; i < sizeof badk / sizeof badk[0]; i++) {
        memset(out, 0xaa, 64);
        expect_fail(rk_kw_unwrap(key, badk[i], wr, 40, out, 64, &ol), RK_ERR_AES_KEYLEN, out, 64, &ol);
        memset(out, 0xaa, 64);
        expect_fail(rk_kw_wrap(key, badk[i], key, 16, out, 64, &ol), RK_ERR_AES_KEYLEN, out, 64, &ol);
    }
    /* wrap: < 16, not a multiple of 8, too long, cap too small */
    static const size_t badw[] = { 0, 8, 15, 17, 20, 31 };
    for (size_t i = 0; i < sizeof badw / sizeof badw[0]; i++) {
        memset(out, 0xaa, 64);
        expect_fail(rk_kw_wrap(K16, 16, key, badw[i], out, 64, &ol), RK_ERR_KW_LENGTH, out, 64, &ol);
    }
    memset(out, 0xaa, sizeof out);
    expect_fail(rk_kw_wrap(K16, 16, in, RK_KW_MAX_BYTES + 8, out, sizeof out, &ol), RK_ERR_KW_LENGTH, out,
                sizeof out, &ol);
    memset(out, 0xaa, 64);
    expect_fail(rk_kw_wrap(K16, 16, key, 32, out, 39, &ol), RK_ERR_BUFFER, out, 39, &ol);
    /* the largest accepted size round-trips */
    CHECK_EQ(rk_kw_wrap(K16, 16, in, RK_KW_MAX_BYTES, out, sizeof out, &ol), RK_OK);
    CHECK_EQ(ol, RK_KW_MAX_BYTES + 8);
    static uint8_t back[BIG];
    CHECK_EQ(rk_kw_unwrap(K16, 16, out, ol, back, RK_KW_MAX_BYTES, &ol), RK_OK);
    CHECK_EQ(ol, RK_KW_MAX_BYTES);
    CHECK_MEM(back, in, RK_KW_MAX_BYTES);
}

/* W2: KWP padding and length tampering.  Crafted with rk_kw_wrap_iv (for two
 * or more semiblocks) and a raw AES block (for one): a valid ICV prefix with
 * a wrong MLI or non-zero padding must give RK_ERR_KWP_PAD; a wrong prefix
 * RK_ERR_KW_ICV; outputs zeroed every time. */
static void w2_kwp_negatives(void)
{
    uint8_t data[24], iv[8] = { 0xa6, 0x59, 0x59, 0xa6, 0, 0, 0, 0 }, wr[40], out[64];
    size_t ol;
    for (size_t i = 0; i < 24; i++) data[i] = (uint8_t)(i + 1);
    /* 16 octets of data (n = 2): MLI must be in 9..16 with zero padding. */
    static const struct { uint32_t mli; int zero_tail; rk_status st; } c2[] = {
        { 16, 0, RK_OK }, { 9, 1, RK_OK }, { 12, 1, RK_OK },
        { 0, 0, RK_ERR_KWP_PAD }, { 8, 0, RK_ERR_KWP_PAD }, { 17, 0, RK_ERR_KWP_PAD },
        { 24, 0, RK_ERR_KWP_PAD }, { 0x10000010u, 0, RK_ERR_KWP_PAD }, { 0xffffffffu, 0, RK_ERR_KWP_PAD },
        { 12, 0, RK_ERR_KWP_PAD }, /* MLI 12 but octets 12..15 non-zero */
        { 15, 0, RK_ERR_KWP_PAD }, /* MLI 15 but octet 15 non-zero */
    };
    for (size_t i = 0; i < sizeof c2 / sizeof c2[0]; i++) {
        uint8_t d[16];
        memcpy(d, data, 16);
        if (c2[i].zero_tail)
            for (size_t k = c2[i].mli; k < 16; k++) d[k] = 0;
        iv[4] = (uint8_t)(c2[i].mli >> 24); iv[5] = (uint8_t)(c2[i].mli >> 16);
        iv[6] = (uint8_t)(c2[i].mli >> 8); iv[7] = (uint8_t)c2[i].mli;
        CHECK_EQ(rk_kw_wrap_iv(K16, 16, iv, d, 16, wr, sizeof wr, &ol), RK_OK);
        memset(out, 0xaa, sizeof out);
        rk_status s = rk_kwp_unwrap(K16, 16, wr, 24, out, sizeof out, &ol);
        CHECK_EQ(s, c2[i].st);
        if (s == RK_OK) {
            CHECK_EQ(ol, c2[i].mli);
            CHECK_MEM(out, d, c2[i].mli);
            CHECK_ZERO(out + ol, sizeof out - ol);
        } else {
            CHECK_EQ(ol, 0);
            CHECK_ZERO(out, sizeof out);
        }
    }
    /* wrong AIV prefix, each octet */
    for (size_t k = 0; k < 4; k++) {
        iv[4] = 0; iv[5] = 0; iv[6] = 0; iv[7] = 16;
        iv[k] ^= 0x01;
        CHECK_EQ(rk_kw_wrap_iv(K16, 16, iv, data, 16, wr, sizeof wr, &ol), RK_OK);
        memset(out, 0xaa, sizeof out);
        expect_fail(rk_kwp_unwrap(K16, 16, wr, 24, out, sizeof out, &ol), RK_ERR_KW_ICV, out, sizeof out, &ol);
        iv[k] ^= 0x01;
    }
    /* the KW default IV is not a KWP AIV */
    CHECK_EQ(rk_kw_wrap(K16, 16, data, 16, wr, sizeof wr, &ol), RK_OK);
    expect_fail(rk_kwp_unwrap(K16, 16, wr, 24, out, sizeof out, &ol), RK_ERR_KW_ICV, out, sizeof out, &ol);
    /* one semiblock (16-octet ciphertext, a single AES block) */
    rk_aes_ctx a;
    CHECK_EQ(rk_aes_init(&a, K16, 16), RK_OK);
    static const struct { uint32_t mli; uint8_t last; rk_status st; } c1[] = {
        { 5, 0, RK_OK }, { 8, 0x77, RK_OK }, { 1, 0, RK_OK },
        { 0, 0, RK_ERR_KWP_PAD }, { 9, 0, RK_ERR_KWP_PAD }, { 5, 0x01, RK_ERR_KWP_PAD },
    };
    for (size_t i = 0; i < sizeof c1 / sizeof c1[0]; i++) {
        uint8_t blk[16] = { 0xa6, 0x59, 0x59, 0xa6, 0, 0, 0, 0, 1, 2, 3, 4, 5, 0, 0, 0 };
        blk[7] = (uint8_t)c1[i].mli;
        blk[15] = c1[i].last;
        if (c1[i].mli == 8) { blk[13] = 6; blk[14] = 7; }
        if (c1[i].mli == 1) { blk[9] = 0; blk[10] = 0; blk[11] = 0; blk[12] = 0; }
        uint8_t ct[16];
        rk_aes_encrypt(&a, blk, ct, 1);
        memset(out, 0xaa, sizeof out);
        rk_status s = rk_kwp_unwrap(K16, 16, ct, 16, out, sizeof out, &ol);
        CHECK_EQ(s, c1[i].st);
        if (s == RK_OK) {
            CHECK_EQ(ol, c1[i].mli);
            CHECK_MEM(out, blk + 8, ol);
        } else {
            CHECK_EQ(ol, 0);
            CHECK_ZERO(out, sizeof out);
        }
    }
    rk_aes_ctx_wipe(&a);
    /* lengths: < 16, not a multiple of 8, too long; cap too small; wrap of 0 */
    static const size_t badlen[] = { 0, 8, 15, 17, 23, 33 };
    for (size_t i = 0; i < sizeof badlen / sizeof badlen[0]; i++) {
        memset(out, 0xaa, sizeof out);
        expect_fail(rk_kwp_unwrap(K16, 16, wr, badlen[i], out, sizeof out, &ol), RK_ERR_KW_LENGTH, out,
                    sizeof out, &ol);
    }
    memset(out, 0xaa, sizeof out);
    expect_fail(rk_kwp_unwrap(K16, 16, wr, 24, out, 15, &ol), RK_ERR_BUFFER, out, 15, &ol);
    memset(out, 0xaa, sizeof out);
    expect_fail(rk_kwp_wrap(K16, 16, data, 0, out, sizeof out, &ol), RK_ERR_KW_LENGTH, out, sizeof out, &ol);
    memset(out, 0xaa, sizeof out);
    expect_fail(rk_kwp_wrap(K16, 16, data, 17, out, 31, &ol), RK_ERR_BUFFER, out, 31, &ol);
    memset(out, 0xaa, sizeof out);
    expect_fail(rk_kwp_wrap(K16, 24, data, 17, out, sizeof out, &ol), RK_ERR_AES_KEYLEN, out, sizeof out, &ol);
    /* every length 1..40 round-trips and tampering any bit is caught */
    int bad = 0;
    for (size_t len = 1; len <= 24; len++) {
        uint8_t w[40], o[40];
        CHECK_EQ(rk_kwp_wrap(K16, 16, data, len, w, sizeof w, &ol), RK_OK);
        size_t wl = ol;
        bad += wl != ((len + 7) / 8) * 8 + 8;
        bad += rk_kwp_unwrap(K16, 16, w, wl, o, sizeof o, &ol) != RK_OK || ol != len || memcmp(o, data, len) != 0;
        for (size_t bit = 0; bit < 8 * wl; bit += 5) {
            w[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            rk_status s = rk_kwp_unwrap(K16, 16, w, wl, o, sizeof o, &ol);
            bad += (s != RK_ERR_KW_ICV && s != RK_ERR_KWP_PAD) || ol != 0 || rk_ct_is_zero(o, sizeof o) != 1;
            w[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
    }
    CHECK_EQ(bad, 0);
}

#ifndef RK_NO_ORACLES
static uint64_t st = 0x13198a2e03707344ULL;
static void prng(uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        p[i] = (uint8_t)(st >> 40);
    }
}

static void openssl_differential(void)
{
    static uint8_t kek[32], in[600], a[700], b[700], c[700];
    int bad = 0;
    for (int iter = 0; iter < 200; iter++) {
        size_t kl = (iter & 1) ? 32 : 16, ol;
        size_t n = 1 + (size_t)(iter * 37 % 300);
        prng(kek, kl);
        prng(in, n);
        int pad = (iter >> 1) & 1;
        if (!pad) n = n < 16 ? 16 : n & ~(size_t)7;
        int l = ossl_wrap(pad, 1, kek, kl, in, n, a);
        rk_status s = (pad ? rk_kwp_wrap : rk_kw_wrap)(kek, kl, in, n, b, sizeof b, &ol);
        bad += l < 0 || s != RK_OK || ol != (size_t)l || memcmp(a, b, ol) != 0;
        s = (pad ? rk_kwp_unwrap : rk_kw_unwrap)(kek, kl, a, (size_t)l, c, sizeof c, &ol);
        bad += s != RK_OK || ol != n || memcmp(c, in, n) != 0;
    }
    CHECK_EQ(bad, 0);
}
#endif

void rk_suite_kw(void)
{
    rfc3394();
    rfc5649();
    wycheproof();
    RUN(w1_kw_negatives);
    RUN(w2_kwp_negatives);
#ifndef RK_NO_ORACLES
    RUN(openssl_differential);
#endif
}
