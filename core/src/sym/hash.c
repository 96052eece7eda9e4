/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/hash.h - SHA-256 and HMAC-SHA-256 through libsodium.
 * libsodium's functions return 0 unconditionally for these calls; the
 * results are ignored on purpose (their contracts say so). */
#include "rootkey/hash.h"
#include "rootkey/ct.h"

/* Wipe one libsodium SHA-256 state field by field (typed, so WP can follow). */
/*@ requires \valid(st);
    assigns *st; */
static void wipe_state(crypto_hash_sha256_state *st)
{
    rk_wipe_u32(st->state, 8);
    rk_wipe_u64(&st->count, 1);
    rk_wipe(st->buf, 64);
}

void rk_sha256(uint8_t out[32], const uint8_t *in, size_t len)
{
    (void)crypto_hash_sha256(out, in, (unsigned long long)len);
}

void rk_sha256_init(rk_sha256_ctx *c)
{
    (void)crypto_hash_sha256_init(&c->s);
}

void rk_sha256_update(rk_sha256_ctx *c, const uint8_t *in, size_t len)
{
    (void)crypto_hash_sha256_update(&c->s, in, (unsigned long long)len);
}

void rk_sha256_final(rk_sha256_ctx *c, uint8_t out[32])
{
    (void)crypto_hash_sha256_final(&c->s, out);
    wipe_state(&c->s);
}

void rk_hmac_init(rk_hmac_ctx *c, const uint8_t *key, size_t keylen)
{
    (void)crypto_auth_hmacsha256_init(&c->s, key, keylen);
}

void rk_hmac_update(rk_hmac_ctx *c, const uint8_t *in, size_t len)
{
    (void)crypto_auth_hmacsha256_update(&c->s, in, (unsigned long long)len);
}

void rk_hmac_final(rk_hmac_ctx *c, uint8_t out[32])
{
    (void)crypto_auth_hmacsha256_final(&c->s, out);
    wipe_state(&c->s.ictx);
    wipe_state(&c->s.octx);
}

void rk_hmac_sha256(uint8_t out[32], const uint8_t *key, size_t keylen,
                    const uint8_t *msg, size_t len)
{
    rk_hmac_ctx c;
    rk_hmac_init(&c, key, keylen);
    rk_hmac_update(&c, msg, len);
    rk_hmac_final(&c, out);
}
