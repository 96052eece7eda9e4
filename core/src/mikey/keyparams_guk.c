/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/keyparams.h
 *
 * GUK-ID (TS 33.180 7.3 with the F.1.3 User Salt).  Kept apart from the
 * codec: it is the only keyparams function that touches a key.
 */
#include "rootkey/keyparams.h"
#include "rootkey/hash.h"
#include "rootkey/ct.h"

#define KDF_FC_USER_SALT 0x50   /* TS 33.180 F.1.3 */

rk_status rk_keyparams_guk_id(uint32_t *guk_id, const uint8_t *gmk, size_t gmk_len,
                              uint32_t gmk_id, const uint8_t *user_id, size_t user_len)
{
    uint8_t out[RK_SHA256_BYTES];
    const uint8_t *p[1];
    size_t pl[1];
    uint32_t salt;
    rk_status st;
    if (guk_id == NULL)
        return RK_ERR_NULL;
    *guk_id = 0;
    if (gmk == NULL || (user_id == NULL && user_len != 0))
        return RK_ERR_NULL;
    if (gmk_len != RK_KP_GMK_BYTES)
        return RK_ERR_KP_GMK_LENGTH;
    /* F.1.3: Key = GMK, FC = 0x50, P0 = the receiving user's MC service ID */
    p[0] = user_id;
    pl[0] = user_len;
    st = rk_kdf(out, gmk, gmk_len, KDF_FC_USER_SALT, p, pl, 1);
    if (st != RK_OK) {
        rk_wipe(out, sizeof out);
        return st;
    }
    /* User Salt = the 28 least significant bits of the 256-bit output */
    salt = (((uint32_t)out[28] * 256u + (uint32_t)out[29]) * 256u + (uint32_t)out[30]) * 256u
           + (uint32_t)out[31];
    rk_wipe(out, sizeof out);
    /* 7.3: keep the 4-bit purpose tag, XOR the salt into the other 28 bits */
    *guk_id = (gmk_id & 0xF0000000u) | ((gmk_id ^ salt) & 0x0FFFFFFFu);
    salt = 0;
    return RK_OK;
}
