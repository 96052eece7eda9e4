/* TEMPORARY (eccsi branch only): libsodium-backed SHA-256/HMAC for the
 * tests until main's core/src/hash.c is merged.  Weak, so the real ones win
 * when both are linked.  Delete on `git merge main`. */
#include <sodium.h>
#include "rootkey/hash.h"
#define W __attribute__((weak))
W void rk_sha256(uint8_t out[32], const uint8_t *in, size_t len) { crypto_hash_sha256(out, in, len); }
W void rk_sha256_init(rk_sha256_ctx *c) { crypto_hash_sha256_init((crypto_hash_sha256_state *)c); }
W void rk_sha256_update(rk_sha256_ctx *c, const uint8_t *in, size_t len) { crypto_hash_sha256_update((crypto_hash_sha256_state *)c, in, len); }
W void rk_sha256_final(rk_sha256_ctx *c, uint8_t out[32]) { crypto_hash_sha256_final((crypto_hash_sha256_state *)c, out); sodium_memzero(c, sizeof *c); }
W void rk_hmac_init(rk_hmac_ctx *c, const uint8_t *key, size_t keylen) { crypto_auth_hmacsha256_init((crypto_auth_hmacsha256_state *)c, key, keylen); }
W void rk_hmac_update(rk_hmac_ctx *c, const uint8_t *in, size_t len) { crypto_auth_hmacsha256_update((crypto_auth_hmacsha256_state *)c, in, len); }
W void rk_hmac_final(rk_hmac_ctx *c, uint8_t out[32]) { crypto_auth_hmacsha256_final((crypto_auth_hmacsha256_state *)c, out); sodium_memzero(c, sizeof *c); }
W void rk_hmac_sha256(uint8_t out[32], const uint8_t *key, size_t keylen, const uint8_t *msg, size_t len)
{ rk_hmac_ctx c; rk_hmac_init(&c, key, keylen); rk_hmac_update(&c, msg, len); rk_hmac_final(&c, out); }
