/* SPDX-License-Identifier: Apache-2.0
 * rootkey/hash.h - SHA-256 and HMAC-SHA-256 (through libsodium), the
 * TS 33.220 Annex B KDF, the TS 33.180 F.2.1 MIKEY-SAKKE UID, the DPCK of
 * TS 33.180 F.1.5 (used for the E.6 protected payload), RFC 6508 5.1
 * HashToIntegerRange, and the clocks of MIKEY: NTP <-> Unix time and the key
 * period number.
 *
 * The only libsodium functions the core calls are the SHA-256 and
 * HMAC-SHA-256 ones used here (proofs/include/sodium_acsl.h gives their
 * contracts; proofs/TRUST.md says what that trusts).  Call sodium_init()
 * once before using the core (the shims do).
 *
 * CT: hashing is constant time in the data (libsodium's SHA-256 has no
 * data-dependent branches or indices); lengths are public.
 */
#ifndef ROOTKEY_HASH_H
#define ROOTKEY_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_SHA256_BYTES 32
#define RK_UID_BYTES 32
#define RK_DPCK_BYTES 16
#define RK_KDF_MAX_PARAMS 8

/* Multi-part states: libsodium's, wrapped so the core's names stay rk_. */
typedef struct { crypto_hash_sha256_state s; } rk_sha256_ctx;
typedef struct { crypto_auth_hmacsha256_state s; } rk_hmac_ctx;

/* --- SHA-256 ----------------------------------------------------------- */

/*@ requires \valid(out + (0 .. 31));
    requires \valid_read(in + (0 .. len - 1));
    assigns out[0 .. 31] \from in[0 .. len - 1], len; */
void rk_sha256(uint8_t out[32], const uint8_t *in, size_t len);

/*@ requires \valid(c);
    assigns *c; */
void rk_sha256_init(rk_sha256_ctx *c);

/*@ requires \valid(c);
    requires \valid_read(in + (0 .. len - 1));
    assigns *c \from *c, in[0 .. len - 1], len; */
void rk_sha256_update(rk_sha256_ctx *c, const uint8_t *in, size_t len);

/* Writes the digest and wipes the state. */
/*@ requires \valid(c);
    requires \valid(out + (0 .. 31));
    requires \separated(c, out + (0 .. 31));
    assigns *c, out[0 .. 31] \from *c; */
void rk_sha256_final(rk_sha256_ctx *c, uint8_t out[32]);

/* --- HMAC-SHA-256 (any key length, RFC 2104) ---------------------------- */

/*@ requires \valid(out + (0 .. 31));
    requires \valid_read(key + (0 .. keylen - 1));
    requires \valid_read(msg + (0 .. len - 1));
    assigns out[0 .. 31] \from key[0 .. keylen - 1], keylen, msg[0 .. len - 1], len; */
void rk_hmac_sha256(uint8_t out[32], const uint8_t *key, size_t keylen,
                    const uint8_t *msg, size_t len);

/*@ requires \valid(c);
    requires \valid_read(key + (0 .. keylen - 1));
    assigns *c \from key[0 .. keylen - 1], keylen; */
void rk_hmac_init(rk_hmac_ctx *c, const uint8_t *key, size_t keylen);

/*@ requires \valid(c);
    requires \valid_read(in + (0 .. len - 1));
    assigns *c \from *c, in[0 .. len - 1], len; */
void rk_hmac_update(rk_hmac_ctx *c, const uint8_t *in, size_t len);

/* Writes the MAC and wipes the state. */
/*@ requires \valid(c);
    requires \valid(out + (0 .. 31));
    requires \separated(c, out + (0 .. 31));
    assigns *c, out[0 .. 31] \from *c; */
void rk_hmac_final(rk_hmac_ctx *c, uint8_t out[32]);

/* --- TS 33.220 Annex B KDF ---------------------------------------------- */

/*
 * rk_kdf - out = HMAC-SHA-256(key, FC || P0 || L0 || ... || Pn-1 || Ln-1),
 * Li the 2-octet big-endian length of Pi (TS 33.220 B.2.0).  count <= 8
 * parameters, each at most 65535 octets.  Errors: RK_ERR_KDF_PARAM (out
 * zeroed).
 */
/*@ requires count <= 8;
    requires \valid(out + (0 .. 31));
    requires \valid_read(key + (0 .. keylen - 1));
    requires \valid_read(p + (0 .. count - 1));
    requires \valid_read(plen + (0 .. count - 1));
    requires \forall integer i; 0 <= i < count ==> \valid_read(p[i] + (0 .. plen[i] - 1));
    assigns out[0 .. 31];
    ensures \result == RK_OK || \result == RK_ERR_KDF_PARAM;
    ensures \result != RK_OK ==> \forall integer k; 0 <= k < 32 ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_kdf(uint8_t out[32], const uint8_t *key, size_t keylen,
                               uint8_t fc, const uint8_t *const *p,
                               const size_t *plen, size_t count);

/*
 * rk_dpck - the last 16 octets of rk_kdf(key, FC 0x53, P0 = dppk_id (4
 * octets)): the payload cipher key of TS 33.180 F.1.5, keyed by the MIKEY
 * SSV (GMK, PCK, or rootkey's K_T).
 */
/*@ requires \valid(out + (0 .. 15));
    requires \valid_read(key + (0 .. keylen - 1));
    requires \valid_read(dppk_id + (0 .. 3));
    assigns out[0 .. 15]; */
void rk_dpck(uint8_t out[16], const uint8_t *key, size_t keylen,
             const uint8_t dppk_id[4]);

/* --- RFC 6508 5.1 HashToIntegerRange ------------------------------------ */

/*
 * rk_h2i_blocks - the integer v' = v_1 || ... || v_l of HashToIntegerRange
 * before the final reduction, as 32*l big-endian octets (1 <= l <= 4).
 * The caller reduces modulo n: for n = 2^128 that is the last 16 octets
 * (rk_h2i_mask); for n = q (l = 4) the SAKKE module reduces with bn.
 */
/*@ requires 1 <= l <= 4;
    requires \valid(out + (0 .. 32 * l - 1));
    requires \valid_read(s + (0 .. slen - 1));
    requires \separated(out + (0 .. 32 * l - 1), s + (0 .. slen - 1));
    assigns out[0 .. 32 * l - 1]; */
void rk_h2i_blocks(uint8_t *out, size_t l, const uint8_t *s, size_t slen);

/* rk_h2i_mask - HashToIntegerRange(s, 2^128, SHA-256) as 16 octets. */
/*@ requires \valid(out + (0 .. 15));
    requires \valid_read(s + (0 .. slen - 1));
    requires \separated(out + (0 .. 15), s + (0 .. slen - 1));
    assigns out[0 .. 15]; */
void rk_h2i_mask(uint8_t out[16], const uint8_t *s, size_t slen);

#ifdef __cplusplus
}
#endif
#endif
