/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/hash.h - TS 33.220 Annex B KDF, TS 33.180 F.2.1 UID, F.1.5 DPCK */
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/ct.h"

/* The 2-octet big-endian length field Li of TS 33.220 B.2.0. */
/*@ requires n <= 65535;
    requires \valid(l + (0 .. 1));
    assigns l[0 .. 1];
    ensures l[0] * 256 + l[1] == n; */
static void put_len16(uint8_t l[2], size_t n)
{
    l[0] = (uint8_t)(n / 256u);
    l[1] = (uint8_t)(n % 256u);
}

/* A non-negative integer in the fewest big-endian octets, 0 as one octet 00
 * (TS 33.220 B.2.1.3, as TS 33.180 F.2.1 uses for P3..P5).  Returns the
 * length, 1..8; the octets are b[8-len .. 7]. */
/*@ requires \valid(b + (0 .. 7));
    assigns b[0 .. 7];
    ensures 1 <= \result <= 8; */
static size_t put_uint_min(uint8_t b[8], uint64_t v)
{
    size_t len = 1;
    uint64_t x = v;
    /*@ loop invariant 0 <= i <= 8;
        loop invariant 1 <= len <= 8;
        loop assigns i, b[0 .. 7], x, len;
        loop variant 8 - i; */
    for (size_t i = 0; i < 8; i++) {
        b[7 - i] = (uint8_t)(x % 256u);
        if (b[7 - i] != 0) len = i + 1;
        x /= 256u;
    }
    return len;
}

rk_status rk_kdf(uint8_t out[32], const uint8_t *key, size_t keylen,
                 uint8_t fc, const uint8_t *const *p, const size_t *plen,
                 size_t count)
{
    rk_hmac_ctx c;
    uint8_t l[2];

    /*@ loop invariant 0 <= i <= count;
        loop invariant \forall integer k; 0 <= k < i ==> plen[k] <= 65535;
        loop assigns i, out[0 .. 31];
        loop variant count - i; */
    for (size_t i = 0; i < count; i++) {
        if (plen[i] > 65535u) {
            rk_wipe(out, 32);
            return RK_ERR_KDF_PARAM;
        }
    }
    rk_hmac_init(&c, key, keylen);
    rk_hmac_update(&c, &fc, 1);
    /*@ loop invariant 0 <= i <= count;
        loop assigns i, c, l[0 .. 1];
        loop variant count - i; */
    for (size_t i = 0; i < count; i++) {
        rk_hmac_update(&c, p[i], plen[i]);
        put_len16(l, plen[i]);
        rk_hmac_update(&c, l, 2);
    }
    rk_hmac_final(&c, out);
    return RK_OK;
}

/* "MIKEY-SAKKE-UID", the P0 of TS 33.180 F.2.1 */
static const uint8_t uid_label[15] = { 'M', 'I', 'K', 'E', 'Y', '-', 'S', 'A',
                                       'K', 'K', 'E', '-', 'U', 'I', 'D' };

/* Hash one integer parameter and its length field into c. */
/*@ requires \valid(c);
    assigns *c; */
static void uid_put_int(rk_sha256_ctx *c, uint64_t v)
{
    uint8_t b[8], l[2];
    size_t n = put_uint_min(b, v);
    rk_sha256_update(c, b + (8 - n), n);
    put_len16(l, n);
    rk_sha256_update(c, l, 2);
}

rk_status rk_uid(uint8_t out[32], const uint8_t *uri, size_t uri_len,
                 const uint8_t *kms_uri, size_t kms_len, uint64_t period_len,
                 uint64_t period_offset, uint64_t period_no)
{
    rk_sha256_ctx c;
    uint8_t l[2];
    const uint8_t fc = 0x00; /* F.2.1: FC is a fixed dummy octet, hashed not HMAC'd */

    if (uri_len > 65535u || kms_len > 65535u) {
        rk_wipe(out, 32);
        return RK_ERR_KDF_PARAM;
    }
    if (period_len == 0) {
        rk_wipe(out, 32);
        return RK_ERR_KEYPERIOD;
    }
    rk_sha256_init(&c);
    rk_sha256_update(&c, &fc, 1);
    rk_sha256_update(&c, uid_label, sizeof uid_label);
    put_len16(l, sizeof uid_label);
    rk_sha256_update(&c, l, 2);
    rk_sha256_update(&c, uri, uri_len);
    put_len16(l, uri_len);
    rk_sha256_update(&c, l, 2);
    rk_sha256_update(&c, kms_uri, kms_len);
    put_len16(l, kms_len);
    rk_sha256_update(&c, l, 2);
    uid_put_int(&c, period_len);
    uid_put_int(&c, period_offset);
    uid_put_int(&c, period_no);
    rk_sha256_final(&c, out);
    return RK_OK;
}

void rk_dpck(uint8_t out[16], const uint8_t *key, size_t keylen,
             const uint8_t dppk_id[4])
{
    uint8_t full[32];
    const uint8_t *p[1];
    size_t pl[1];
    p[0] = dppk_id;
    pl[0] = 4;
    /* cannot fail: one 4-octet parameter */
    if (rk_kdf(full, key, keylen, 0x53, p, pl, 1) != RK_OK)
        rk_wipe(full, 32);
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, out[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        out[i] = full[16 + i]; /* F.1.5: the 128 least significant bits */
    rk_wipe(full, 32);
}
