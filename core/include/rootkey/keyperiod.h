/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rootkey/keyperiod.h - TS 33.180 key periods: NTP time, the key period
 * number and the MIKEY-SAKKE UID of a user for one key period.
 */
#ifndef ROOTKEY_KEYPERIOD_H
#define ROOTKEY_KEYPERIOD_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/export.h"
#include "rootkey/status.h"
#ifdef __cplusplus
extern "C" {
#endif

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
