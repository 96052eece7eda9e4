/* SPDX-License-Identifier: Apache-2.0 */
/* Differential fuzz harness: rootkey against OpenSSL's libcrypto for AES-GCM
 * seal/open, AES-KW and AES-KWP wrap/unwrap (RFC 3394, RFC 5649) and
 * AES-CMAC (RFC 4493) on the same bytes.  Any disagreement aborts: accept
 * against reject, a different plaintext, ciphertext or tag.
 *
 * Input: byte 0 = mode: bits 0-1 the operation (0 GCM, 1 KW, 2 KWP, 3 CMAC),
 * bit 2 a 32-octet key (else 16), bit 3 "make it valid first": OpenSSL seals
 * or wraps the rest and the harness flips the bit that bytes 1-2 name (no
 * flip when the number is past the end), so the accept paths and one-bit
 * forgeries are reached as well as random bytes; byte 3 = GCM IV length
 * (1..64) or CMAC tag length (0..31, 8..16 valid); byte 4 = GCM AAD length;
 * then the key, the IV, the AAD, for GCM the 16-octet tag (when not made
 * valid first), and the rest (the message).
 *
 * Where rootkey refuses by design what OpenSSL accepts, the lengths are kept
 * inside rootkey's domain rather than compared: a GCM IV of 0 octets (both
 * refuse), KW input under 24 octets (one semiblock of key data; docs/aes.md)
 * and over RK_KW_MAX_BYTES. */
#define OPENSSL_SUPPRESS_DEPRECATED /* CMAC_CTX: the one CMAC API of 1.1.1 and 3 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/cmac.h>
#include <openssl/evp.h>
#include "rootkey/cmac.h"
#include "rootkey/gcm.h"
#include "rootkey/kw.h"

#define MAXM (RK_KW_MAX_BYTES + 8)

static uint8_t msg[MAXM + 16], a[MAXM + 16], b[MAXM + 16];

static void check(int ok) { if (!ok) abort(); }

static const EVP_CIPHER *gcm_cipher(size_t kl) { return kl == 32 ? EVP_aes_256_gcm() : EVP_aes_128_gcm(); }

static const EVP_CIPHER *kw_cipher(size_t kl, int pad)
{
    if (pad) return kl == 32 ? EVP_aes_256_wrap_pad() : EVP_aes_128_wrap_pad();
    return kl == 32 ? EVP_aes_256_wrap() : EVP_aes_128_wrap();
}

/* OpenSSL AES-GCM; enc: seal into out and tag; else open, 1 if the tag verifies */
static int ossl_gcm(int enc, const uint8_t *key, size_t kl, const uint8_t *iv, size_t il,
                    const uint8_t *aad, size_t al, const uint8_t *in, size_t n, uint8_t *out,
                    uint8_t *tag)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int l = 0, ok;
    check(c != NULL);
    ok = EVP_CipherInit_ex(c, gcm_cipher(kl), NULL, NULL, NULL, enc) == 1
         && EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, (int)il, NULL) == 1
         && EVP_CipherInit_ex(c, NULL, NULL, key, iv, enc) == 1
         && (al == 0 || EVP_CipherUpdate(c, NULL, &l, aad, (int)al) == 1)
         && (n == 0 || EVP_CipherUpdate(c, out, &l, in, (int)n) == 1)
         && (enc || EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, 16, tag) == 1)
         && EVP_CipherFinal_ex(c, out + (n ? (size_t)l : 0), &l) == 1
         && (!enc || EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1);
    EVP_CIPHER_CTX_free(c);
    return ok;
}

/* OpenSSL AES-KW / KWP; returns the output length, or -1 when refused */
static long ossl_kw(int enc, int pad, const uint8_t *key, size_t kl, const uint8_t *in, size_t n,
                    uint8_t *out)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int l = 0, f = 0, ok;
    check(c != NULL);
    EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    ok = EVP_CipherInit_ex(c, kw_cipher(kl, pad), NULL, key, NULL, enc) == 1
         && EVP_CipherUpdate(c, out, &l, in, (int)n) == 1 && l >= 0
         && EVP_CipherFinal_ex(c, out + l, &f) == 1;
    EVP_CIPHER_CTX_free(c);
    return ok ? (long)l + f : -1;
}

static void flip_bit(uint8_t *p, size_t n, size_t bit)
{
    if (bit < 8 * n) p[bit / 8] ^= (uint8_t)(1u << (bit % 8));
}

static void diff_gcm(int valid, size_t flip, const uint8_t *key, size_t kl, const uint8_t *iv,
                     size_t il, const uint8_t *aad, size_t al, const uint8_t *tagin,
                     const uint8_t *rest, size_t n)
{
    uint8_t tag[16], tag2[16];
    int ok_o;
    rk_status st;
    if (valid) {
        /* both seal the same: ciphertext and tag */
        check(ossl_gcm(1, key, kl, iv, il, aad, al, rest, n, msg, tag));
        check(rk_gcm_seal(key, kl, iv, il, aad, al, rest, n, a, tag2) == RK_OK);
        check(memcmp(msg, a, n) == 0 && memcmp(tag, tag2, 16) == 0);
        if (flip < 8 * n) flip_bit(msg, n, flip);
        else flip_bit(tag, 16, flip - 8 * n);
    } else {
        memcpy(msg, rest, n);
        memcpy(tag, tagin, 16);
    }
    memset(a, 0xa5, n);
    st = rk_gcm_open(key, kl, iv, il, aad, al, msg, n, a, tag);
    ok_o = ossl_gcm(0, key, kl, iv, il, aad, al, msg, n, b, tag);
    check((st == RK_OK) == ok_o);
    if (ok_o) check(memcmp(a, b, n) == 0);
}

static void diff_kw(int pad, int valid, size_t flip, const uint8_t *key, size_t kl,
                    const uint8_t *rest, size_t n)
{
    size_t ol = 1;
    long ool;
    rk_status st;
    if (valid) {
        /* wrap the rest (a key) with both: same output */
        size_t wl = 1;
        if (n > RK_KW_MAX_BYTES || n == 0 || (!pad && (n % 8 != 0 || n < 16))) return;
        ool = ossl_kw(1, pad, key, kl, rest, n, msg);
        check(ool > 0);
        check((pad ? rk_kwp_wrap(key, kl, rest, n, a, sizeof a, &wl)
                   : rk_kw_wrap(key, kl, rest, n, a, sizeof a, &wl)) == RK_OK);
        check(wl == (size_t)ool && memcmp(a, msg, wl) == 0);
        n = wl;
        flip_bit(msg, n, flip);
    } else {
        memcpy(msg, rest, n);
    }
    /* rootkey's domain: 8-octet multiples, KW at least 24, KWP at least 16 */
    if (n % 8 != 0 || n < (pad ? 16u : 24u) || n > RK_KW_MAX_BYTES + 8) return;
    memset(a, 0xa5, sizeof a);
    st = pad ? rk_kwp_unwrap(key, kl, msg, n, a, n - 8, &ol)
             : rk_kw_unwrap(key, kl, msg, n, a, n - 8, &ol);
    ool = ossl_kw(0, pad, key, kl, msg, n, b);
    check((st == RK_OK) == (ool >= 0));
    if (st == RK_OK) check(ol == (size_t)ool && memcmp(a, b, ol) == 0);
    else {
        check(ol == 0);
        for (size_t i = 0; i < n - 8; i++) check(a[i] == 0);
    }
}

static void diff_cmac(int valid, size_t flip, size_t tl, const uint8_t *key, size_t kl,
                      const uint8_t *rest, size_t n)
{
    uint8_t t_rk[16], t_os[16];
    size_t ml = 0;
    CMAC_CTX *c = CMAC_CTX_new();
    rk_status st;
    check(c != NULL);
    check(CMAC_Init(c, key, kl, kl == 32 ? EVP_aes_256_cbc() : EVP_aes_128_cbc(), NULL) == 1
          && CMAC_Update(c, rest, n) == 1 && CMAC_Final(c, t_os, &ml) == 1 && ml == 16);
    CMAC_CTX_free(c);
    check(rk_cmac(key, kl, rest, n, t_rk) == RK_OK && memcmp(t_rk, t_os, 16) == 0);
    /* verify: a tag of tl octets, OpenSSL's own (one bit flipped, if named)
     * or the input's first octets; valid iff 8 <= tl <= 16 and the prefix
     * matches */
    if (tl > 16 || !valid) {
        size_t k = tl <= n ? tl : n;
        memset(msg, 0, 32);
        memcpy(msg, rest, k);
    } else {
        memcpy(msg, t_os, 16);
        flip_bit(msg, tl, flip);
    }
    st = rk_cmac_verify(key, kl, rest, n, msg, tl);
    if (tl < 8 || tl > 16) check(st == RK_ERR_CMAC_TAGLEN);
    else check((st == RK_OK) == (memcmp(msg, t_os, tl) == 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5) return 0;
    unsigned op = data[0] & 3;
    size_t kl = (data[0] & 4) ? 32 : 16;
    int valid = (data[0] >> 3) & 1;
    size_t flip = (size_t)data[1] * 256u + data[2];
    size_t il = op == 0 ? (size_t)(data[3] % 64) + 1 : 0, al = op == 0 ? data[4] : 0;
    size_t tl = (size_t)(data[3] % 32);
    size_t need = 5 + kl + il + al + (op == 0 && !valid ? 16 : 0);
    if (size < need || size - need > MAXM) return 0;
    const uint8_t *key = data + 5, *iv = key + kl, *aad = iv + il, *tagin = aad + al;
    const uint8_t *rest = tagin + (op == 0 && !valid ? 16 : 0);
    size_t n = size - need;
    switch (op) {
    case 0: diff_gcm(valid, flip, key, kl, iv, il, aad, al, tagin, rest, n); break;
    case 1: diff_kw(0, valid, flip, key, kl, rest, n); break;
    case 2: diff_kw(1, valid, flip, key, kl, rest, n); break;
    default: diff_cmac(valid, flip, tl, key, kl, rest, n); break;
    }
    return 0;
}
