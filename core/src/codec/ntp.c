/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/hash.h - NTP/Unix time and the TS 33.180 key period number */
#include "rootkey/keyperiod.h"

#define ERA 4294967296LL            /* 2^32 seconds: one NTP era */

int64_t rk_ntp_to_unix(uint32_t ntp_sec)
{
    /* RFC 4330 3: a field with the top bit clear is in era 1 (after 2036) */
    if (ntp_sec >= 0x80000000u)
        return (int64_t)ntp_sec - (int64_t)RK_NTP_UNIX_OFFSET;
    return (int64_t)ntp_sec + ERA - (int64_t)RK_NTP_UNIX_OFFSET;
}

uint64_t rk_ntp_seconds_since_1900(uint32_t ntp_sec)
{
    if (ntp_sec >= 0x80000000u)
        return ntp_sec;
    return (uint64_t)ntp_sec + (uint64_t)ERA;
}

rk_status rk_ntp_from_unix(uint32_t *ntp_sec, int64_t unix_sec)
{
    /* seconds since 1900 must fall in [2^31, 2^32 + 2^31) */
    const int64_t lo = 0x80000000LL - (int64_t)RK_NTP_UNIX_OFFSET;
    const int64_t hi = ERA + 0x80000000LL - (int64_t)RK_NTP_UNIX_OFFSET;
    if (unix_sec < lo || unix_sec >= hi) {
        *ntp_sec = 0;
        return RK_ERR_NTP_RANGE;
    }
    int64_t t = unix_sec + (int64_t)RK_NTP_UNIX_OFFSET;
    *ntp_sec = (uint32_t)(t >= ERA ? t - ERA : t);
    return RK_OK;
}

rk_status rk_key_period_no(uint64_t *no, uint64_t t, uint64_t period_len,
                           uint64_t offset)
{
    if (period_len == 0 || t < offset) {
        *no = 0;
        return RK_ERR_KEYPERIOD;
    }
    *no = (t - offset) / period_len;
    return RK_OK;
}
