/* TEMPORARY: weak definitions of rk_h2i_blocks / rk_h2i_mask (RFC 6508 5.1)
 * until core/src/hash.c lands on main; the strong definitions in librootkey
 * override these as soon as they exist.  Delete this file after `git merge
 * main` brings hash.c. */
#include <sodium.h>
#include <string.h>
#include "rootkey/hash.h"

__attribute__((weak)) void rk_h2i_blocks(uint8_t *out, size_t l, const uint8_t *s, size_t slen)
{
    uint8_t a[32], h[32] = { 0 }, t[64];
    crypto_hash_sha256(a, s, slen);
    for (size_t i = 0; i < l; i++) {
        crypto_hash_sha256(h, h, 32);
        memcpy(t, h, 32);
        memcpy(t + 32, a, 32);
        crypto_hash_sha256(out + 32 * i, t, 64);
    }
    sodium_memzero(a, 32);
    sodium_memzero(t, 64);
}

__attribute__((weak)) void rk_h2i_mask(uint8_t out[16], const uint8_t *s, size_t slen)
{
    uint8_t v[32];
    rk_h2i_blocks(v, 1, s, slen);
    memcpy(out, v + 16, 16);
    sodium_memzero(v, 32);
}
