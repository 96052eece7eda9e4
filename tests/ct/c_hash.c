/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks: hashing, KDF, HashToIntegerRange and the codecs
 * with their secret inputs marked undefined. */
#include "ct_harness.h"
#include "rootkey/b64.h"
#include "rootkey/hash.h"
#include "rootkey/hex.h"

static void hmac_kdf_dpck(void)
{
    uint8_t key[16], id[4] = { 1, 2, 3, 4 }, mac[32], dpck[16], msg[100];
    ct_fill(key, 16, 11);
    ct_fill(msg, 100, 12);
    CT_SECRET(key, 16);
    CT_SECRET(msg, 100);
    rk_hmac_sha256(mac, key, 16, msg, 100);
    rk_dpck(dpck, key, 16, id);
    CT_USE_BUF(mac, 32);
    CT_USE_BUF(dpck, 16);
}

static void h2i_secret_input(void)
{
    uint8_t s[48], v[128], m[16];   /* SSV || identifier: the SSV is secret */
    ct_fill(s, 48, 13);
    CT_SECRET(s, 16);
    rk_h2i_blocks(v, 4, s, 48);
    rk_h2i_mask(m, s, 48);
    CT_USE_BUF(v, 128);
    CT_USE_BUF(m, 16);
}

static void codecs_secret(void)
{
    uint8_t key[32], back[32];
    char b64[44], hex[64];
    size_t n;
    ct_fill(key, 32, 14);
    CT_SECRET(key, 32);
    rk_status s1 = rk_b64_encode(b64, sizeof b64, key, 32, &n);
    rk_status s2 = rk_hex_encode(hex, sizeof hex, key, 32, &n);
    /* the encodings are secret too: decode them back */
    rk_status s3 = rk_b64_decode(back, sizeof back, b64, sizeof b64, &n, 0);
    CT_USE_BUF(back, 32);
    rk_status s4 = rk_hex_decode(back, sizeof back, hex, sizeof hex, &n);
    CT_USE_BUF(back, 32);
    CT_USE(s1);
    CT_USE(s2);
    CT_USE(s3);
    CT_USE(s4);
}

RK_CT_CHECKS(hash) = {
    { "hash_hmac_kdf_dpck", hmac_kdf_dpck },
    { "hash_h2i_secret", h2i_secret_input },
    { "codec_secret", codecs_secret },
    { 0, 0 }
};
