/* SPDX-License-Identifier: Apache-2.0
 * rootkey/hex.h - strict hexadecimal codec (key files, KMS XML hexBinary).
 *
 * Decoding accepts 0-9, a-f, A-F only, an even number of digits, nothing
 * else (no spaces, no 0x prefix).  Encoding writes lower case.
 * CT: both directions run in time independent of the octet values (the
 * digit classification is branch-free), so they may carry keys.
 * On error *out_len is 0 and out[0..cap-1] is zeroed.
 */
#ifndef ROOTKEY_HEX_H
#define ROOTKEY_HEX_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * rk_hex_encode - write 2*len lower-case digits to out (no terminator).
 * Errors: RK_ERR_BUFFER if cap < 2*len.
 */
/*@ requires len <= 0x3fffffffffffffff;
    requires \valid(out + (0 .. cap - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. len - 1), out_len);
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len == 2 * len;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_hex_encode(char *out, size_t cap, const uint8_t *in,
                                      size_t len, size_t *out_len);

/*
 * rk_hex_decode - decode len digits into len/2 octets.
 * Errors: RK_ERR_HEX_ODD, RK_ERR_HEX_CHAR, RK_ERR_BUFFER (cap < len/2).
 */
/*@ requires \valid(out + (0 .. cap - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. len - 1), out_len);
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_HEX_ODD ||
            \result == RK_ERR_HEX_CHAR || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len == len / 2;
    ensures \result != RK_OK ==> *out_len == 0 &&
            (\forall integer k; 0 <= k < cap ==> out[k] == 0); */
RK_MUST_CHECK rk_status rk_hex_decode(uint8_t *out, size_t cap, const char *in,
                                      size_t len, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif
