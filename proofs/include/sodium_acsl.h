/* SPDX-License-Identifier: Apache-2.0
 * ACSL contracts of the libsodium functions the core calls.  Trusted, not
 * proved: libsodium is not analysed (proofs/TRUST.md).  Frama-C merges these
 * contracts with the prototypes of <sodium.h>; this header is force-included
 * only in proof runs (proofs/run.sh), never in builds.
 */
#ifndef RK_SODIUM_ACSL_H
#define RK_SODIUM_ACSL_H
#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

/*@ requires \valid(out + (0 .. 31));
    requires \valid_read(in + (0 .. inlen - 1));
    assigns out[0 .. 31] \from in[0 .. inlen - 1], inlen;
    ensures \initialized(out + (0 .. 31));
    ensures \result == 0; */
int crypto_hash_sha256(unsigned char *out, const unsigned char *in,
                       unsigned long long inlen);

/*@ requires \valid(state);
    assigns *state;
    ensures \result == 0; */
int crypto_hash_sha256_init(crypto_hash_sha256_state *state);

/*@ requires \valid(state);
    requires \valid_read(in + (0 .. inlen - 1));
    assigns *state \from *state, in[0 .. inlen - 1], inlen;
    ensures \result == 0; */
int crypto_hash_sha256_update(crypto_hash_sha256_state *state,
                              const unsigned char *in,
                              unsigned long long inlen);

/*@ requires \valid(state) && \valid(out + (0 .. 31));
    requires \separated(state, out + (0 .. 31));
    assigns *state, out[0 .. 31] \from *state;
    ensures \initialized(out + (0 .. 31));
    ensures \result == 0; */
int crypto_hash_sha256_final(crypto_hash_sha256_state *state,
                             unsigned char *out);

/*@ requires \valid(state);
    requires \valid_read(key + (0 .. keylen - 1));
    assigns *state \from key[0 .. keylen - 1], keylen;
    ensures \result == 0; */
int crypto_auth_hmacsha256_init(crypto_auth_hmacsha256_state *state,
                                const unsigned char *key, size_t keylen);

/*@ requires \valid(state);
    requires \valid_read(in + (0 .. inlen - 1));
    assigns *state \from *state, in[0 .. inlen - 1], inlen;
    ensures \result == 0; */
int crypto_auth_hmacsha256_update(crypto_auth_hmacsha256_state *state,
                                  const unsigned char *in,
                                  unsigned long long inlen);

/*@ requires \valid(state) && \valid(out + (0 .. 31));
    requires \separated(state, out + (0 .. 31));
    assigns *state, out[0 .. 31] \from *state;
    ensures \initialized(out + (0 .. 31));
    ensures \result == 0; */
int crypto_auth_hmacsha256_final(crypto_auth_hmacsha256_state *state,
                                 unsigned char *out);
#endif
