/* SPDX-License-Identifier: Apache-2.0
 * rootkey/b64.h - strict base64 (RFC 4648 section 4, the standard alphabet
 * with '=' padding), for the profile element and KMS XML.
 *
 * Decoding is canonical: length a multiple of 4, padding only at the end and
 * exactly as needed, pad bits zero (RFC 4648 3.5).  Whitespace (SP, TAB, CR,
 * LF) is rejected unless the caller passes RK_B64_ALLOW_SPACE, which skips
 * it anywhere (XML text content may be wrapped).  URL-safe '-' and '_' are
 * outside the alphabet.
 * CT: the character classification and table are branch-free and
 * index-free, so base64 may carry secrets; only the lengths and the position
 * of whitespace (public layout) influence timing.
 * On error *out_len is 0 and out[0..cap-1] is zeroed.
 */
#ifndef ROOTKEY_B64_H
#define ROOTKEY_B64_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_B64_ALLOW_SPACE 1u

/* Encoded length of len octets (with padding): 4 * ceil(len / 3). */
#define RK_B64_ENCODED_LEN(len) ((((len) + 2u) / 3u) * 4u)

/*
 * rk_b64_encode - write RK_B64_ENCODED_LEN(len) characters (no terminator).
 * Errors: RK_ERR_BUFFER, RK_ERR_LENGTH (len too large to encode).
 */
/*@ requires \valid(out + (0 .. cap - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. len - 1), out_len);
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_BUFFER || \result == RK_ERR_LENGTH;
    ensures \result == RK_OK ==> *out_len == (len + 2) / 3 * 4;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_b64_encode(char *out, size_t cap, const uint8_t *in,
                                      size_t len, size_t *out_len) RK_API;

/*
 * rk_b64_decode - decode into out.  flags: 0 or RK_B64_ALLOW_SPACE.
 * len below 2^62 (any real buffer).
 * Errors: RK_ERR_B64_CHAR, RK_ERR_B64_LENGTH, RK_ERR_B64_PAD,
 * RK_ERR_B64_NONCANON, RK_ERR_B64_SPACE, RK_ERR_BUFFER.
 */
/*@ requires len < 0x4000000000000000;
    requires \valid(out + (0 .. cap - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. len - 1), out_len);
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_B64_CHAR || \result == RK_ERR_B64_LENGTH ||
            \result == RK_ERR_B64_PAD || \result == RK_ERR_B64_NONCANON ||
            \result == RK_ERR_B64_SPACE || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len <= cap && *out_len <= len;
    ensures \result != RK_OK ==> *out_len == 0 &&
            (\forall integer k; 0 <= k < cap ==> out[k] == 0); */
RK_MUST_CHECK rk_status rk_b64_decode(uint8_t *out, size_t cap, const char *in,
                                      size_t len, size_t *out_len, unsigned flags) RK_API;

#ifdef __cplusplus
}
#endif
#endif
