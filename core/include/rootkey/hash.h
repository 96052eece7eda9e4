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
 * rk_uid - TS 33.180 F.2.1 MIKEY-SAKKE UID: SHA-256 over the KDF-shaped
 * string S = 0x00 || "MIKEY-SAKKE-UID" || L || uri || L || kms_uri || L ||
 * period_len || L || period_offset || L || period_no || L, the three integers
 * big-endian in the fewest octets (0 is one octet 00).  The result is the
 * ECCSI identity and the SAKKE identifier.  Errors: RK_ERR_KDF_PARAM (a URI
 * longer than 65535 octets), RK_ERR_KEYPERIOD (period_len 0); out zeroed on
 * error.  (The offset may exceed the period length: one published vector
 * does.)
 */
/*@ requires \valid(out + (0 .. 31));
    requires \valid_read(uri + (0 .. uri_len - 1));
    requires \valid_read(kms_uri + (0 .. kms_len - 1));
    assigns out[0 .. 31];
    ensures \result == RK_OK || \result == RK_ERR_KDF_PARAM || \result == RK_ERR_KEYPERIOD;
    ensures \result != RK_OK ==> \forall integer k; 0 <= k < 32 ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_uid(uint8_t out[32], const uint8_t *uri, size_t uri_len,
                               const uint8_t *kms_uri, size_t kms_len,
                               uint64_t period_len, uint64_t period_offset,
                               uint64_t period_no) RK_API;

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

/* --- time --------------------------------------------------------------- */

#define RK_NTP_UNIX_OFFSET 2208988800u  /* seconds from 1900-01-01 to 1970-01-01 */

/*
 * rk_ntp_from_unix - the 32-bit NTP seconds field for a Unix time.  NTP
 * seconds wrap on 2036-02-07T06:28:16Z (era 1 starts); RFC 4330 section 3
 * reads a field with the top bit clear as era 1, so representable Unix times
 * are 1968-01-20T03:14:08Z .. 2104-02-26T09:42:23Z.  Error:
 * RK_ERR_NTP_RANGE (*ntp_sec zeroed).
 */
/*@ requires \valid(ntp_sec);
    assigns *ntp_sec;
    ensures \result == RK_OK || \result == RK_ERR_NTP_RANGE;
    ensures \result != RK_OK ==> *ntp_sec == 0; */
RK_MUST_CHECK rk_status rk_ntp_from_unix(uint32_t *ntp_sec, int64_t unix_sec) RK_API;

/* rk_ntp_to_unix - inverse of rk_ntp_from_unix (total: every field maps). */
/*@ assigns \nothing;
    ensures ntp_sec >= 0x80000000 ==> \result == (integer)ntp_sec - 2208988800;
    ensures ntp_sec < 0x80000000 ==> \result == (integer)ntp_sec + 4294967296 - 2208988800; */
int64_t rk_ntp_to_unix(uint32_t ntp_sec) RK_API;

/*
 * rk_key_period_no - TS 33.180 F.2.1: floor((t - offset) / period_len) where
 * t is seconds since 1900-01-01 (era-extended: rk_ntp_to_unix + offset 1900).
 * Errors: RK_ERR_KEYPERIOD if period_len is 0 or t < offset (*no zeroed).
 */
/*@ requires \valid(no);
    assigns *no;
    ensures \result == RK_OK || \result == RK_ERR_KEYPERIOD;
    ensures \result == RK_OK ==> *no == (t - offset) / period_len;
    ensures \result != RK_OK ==> *no == 0; */
RK_MUST_CHECK rk_status rk_key_period_no(uint64_t *no, uint64_t t,
                                         uint64_t period_len, uint64_t offset) RK_API;

/* rk_ntp_seconds_since_1900 - era-extended seconds since 1900 for a 32-bit
 * NTP seconds field (the RFC 4330 rule above). */
/*@ assigns \nothing;
    ensures ntp_sec >= 0x80000000 ==> \result == ntp_sec;
    ensures ntp_sec < 0x80000000 ==> \result == (integer)ntp_sec + 4294967296; */
uint64_t rk_ntp_seconds_since_1900(uint32_t ntp_sec) RK_API;

#ifdef __cplusplus
}
#endif
#endif
