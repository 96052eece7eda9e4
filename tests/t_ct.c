/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time helpers and the wipe (core/src/include/rootkey/ct.h). */
#include "rk_test.h"
#include "rootkey/ct.h"
#include "rootkey/status.h"

static void masks_and_selects(void)
{
    static const uint64_t v[] = { 0, 1, 2, 0x7fffffffffffffffULL, 0x8000000000000000ULL, RK_ALL1 };
    CHECK(rk_ct_mask64(0) == 0);
    CHECK(rk_ct_mask64(1) == RK_ALL1);
    for (size_t i = 0; i < 6; i++) {
        CHECK(rk_ct_is_zero64(v[i]) == (v[i] == 0));
        for (size_t j = 0; j < 6; j++) {
            CHECK(rk_ct_eq64(v[i], v[j]) == (v[i] == v[j]));
            CHECK(rk_ct_sel64(v[i], v[j], 0) == v[j]);
            CHECK(rk_ct_sel64(v[i], v[j], RK_ALL1) == v[i]);
            CHECK((rk_ct_diff64(0, v[i], v[j]) == 0) == (v[i] == v[j]));
        }
    }
}

static void memeq_every_position(void)
{
    uint8_t a[33], b[33];
    for (size_t i = 0; i < sizeof a; i++) a[i] = b[i] = (uint8_t)(i * 7 + 1);
    CHECK(rk_ct_memeq(a, b, sizeof a) == 1);
    CHECK(rk_ct_memeq(a, b, 0) == 1);
    for (size_t i = 0; i < sizeof a; i++)
        for (int bit = 0; bit < 8; bit++) {
            b[i] ^= (uint8_t)(1u << bit);
            CHECK(rk_ct_memeq(a, b, sizeof a) == 0);
            b[i] ^= (uint8_t)(1u << bit);
        }
    uint8_t z[16] = { 0 };
    CHECK(rk_ct_is_zero(z, sizeof z) == 1);
    for (size_t i = 0; i < sizeof z; i++) {
        z[i] = 0x80;
        CHECK(rk_ct_is_zero(z, sizeof z) == 0);
        z[i] = 0;
    }
}

static void cmov_select_lookup(void)
{
    uint8_t r[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, a[8] = { 9, 9, 9, 9, 9, 9, 9, 9 }, keep[8];
    memcpy(keep, r, 8);
    rk_ct_cmov8(r, a, 8, 0);
    CHECK_MEM(r, keep, 8);
    rk_ct_cmov8(r, a, 8, 1);
    CHECK_MEM(r, a, 8);

    uint64_t x[3] = { 1, 2, 3 }, y[3] = { 4, 5, 6 }, o[3];
    rk_ct_select64(o, x, y, 3, RK_ALL1);
    CHECK(o[0] == 1 && o[2] == 3);
    rk_ct_select64(o, x, y, 3, 0);
    CHECK(o[0] == 4 && o[2] == 6);
    rk_ct_select64(x, x, y, 3, 0); /* aliasing allowed */
    CHECK(x[1] == 5);

    uint64_t table[5 * 2], out[2];
    for (size_t i = 0; i < 10; i++) table[i] = 100 + i;
    for (size_t idx = 0; idx < 5; idx++) {
        rk_ct_lookup64(out, table, 5, 2, idx);
        CHECK(out[0] == 100 + 2 * idx && out[1] == 101 + 2 * idx);
    }
    rk_ct_lookup64(out, table, 5, 2, 5);
    CHECK(out[0] == 0 && out[1] == 0);
}

static void wipe_zeroes(void)
{
    uint8_t k[37];
    uint64_t w[5];
    memset(k, 0xA5, sizeof k);
    memset(w, 0xA5, sizeof w);
    rk_wipe(k, sizeof k);
    rk_wipe_u64(w, 5);
    CHECK_ZERO(k, sizeof k);
    CHECK_ZERO(w, sizeof w);
}

static void strerror_total(void)
{
    CHECK(strcmp(rk_strerror(RK_OK), "ok") == 0);
    CHECK(strcmp(rk_strerror(12345), "unknown status") == 0);
    /* every named code has its own text */
    static const int codes[] = { RK_ERR_NULL, RK_ERR_LENGTH, RK_ERR_BUFFER, RK_ERR_HEX_ODD,
        RK_ERR_B64_CHAR, RK_ERR_ECCSI_R_RANGE, RK_ERR_SAKKE_TEST, RK_ERR_GCM_TAG };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        CHECK(strcmp(rk_strerror(codes[i]), "unknown status") != 0);
}

void rk_suite_ct(void)
{
    RUN(masks_and_selects);
    RUN(memeq_every_position);
    RUN(cmov_select_lookup);
    RUN(wipe_zeroes);
    RUN(strerror_total);
}
