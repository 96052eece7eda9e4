/* SPDX-License-Identifier: Apache-2.0 */
/* hash module: SHA-256, HMAC-SHA-256, the TS 33.220 KDF, the TS 33.180 UID
 * and DPCK, RFC 6508 HashToIntegerRange, NTP time and key periods. */
#include <sodium.h>
#include "rk_test.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"

static size_t str_or_hex(const rk_vec *v, const char *name, uint8_t *out, size_t cap)
{
    /* vectors give messages as "text" (the reader strips the quotes) */
    const char *s = rk_vec_str(v, name);
    size_t n = s ? strlen(s) : 0;
    if (n > cap) n = cap;
    if (s) memcpy(out, s, n);
    return n;
}

static void sha256_and_hmac_vectors(void)
{
    rk_vec v;
    int n = 0;
    if (!rk_vec_open(&v, "hash/sha256.txt")) return;
    while (rk_vec_next(&v)) {
        uint8_t msg[256], key[256], exp[32], got[32];
        size_t ml = str_or_hex(&v, "msg", msg, sizeof msg);
        if (rk_vec_str(&v, "sha256")) {
            CASE_BEGIN("sha256 vector %d", n);
            rk_vec_hex(&v, "sha256", exp, 32);
            rk_sha256(got, msg, ml);
            CHECK_MEM(got, exp, 32);
            /* incremental, one octet at a time, gives the same digest */
            rk_sha256_ctx c;
            rk_sha256_init(&c);
            for (size_t i = 0; i < ml; i++) rk_sha256_update(&c, msg + i, 1);
            rk_sha256_final(&c, got);
            CHECK_MEM(got, exp, 32);
            CHECK_ZERO(&c, sizeof c); /* final wipes the state */
            CASE_END();
        } else {
            CASE_BEGIN("hmac-sha256 vector %d", n);
            long kl = rk_vec_hex(&v, "key", key, sizeof key);
            rk_vec_hex(&v, "hmac", exp, 32);
            rk_hmac_sha256(got, key, (size_t)kl, msg, ml);
            CHECK_MEM(got, exp, 32);
            CASE_END();
        }
        n++;
    }
    rk_vec_close(&v);
    CHECK(n == 6);
}

/* Wycheproof hmac_sha256_test.json: each tcId a case; "valid" must match,
 * "invalid" (modified tags) must not. */
static void wycheproof_hmac(void)
{
    rk_vec v;
    int n = 0;
    if (!rk_vec_open(&v, "wycheproof/hmac_sha256.txt")) return;
    while (rk_vec_next(&v)) {
        uint8_t key[128], msg[512], tag[64], got[32];
        long tc = rk_vec_int(&v, "tcId", -1);
        CASE_BEGIN("wycheproof hmac tcId %ld", tc);
        long kl = rk_vec_hex(&v, "key", key, sizeof key);
        long ml = rk_vec_hex(&v, "msg", msg, sizeof msg);
        long tl = rk_vec_hex(&v, "tag", tag, sizeof tag);
        long tbits = rk_vec_int(&v, "tagSize", 0);
        const char *res = rk_vec_str(&v, "result");
        CHECK(kl >= 0 && ml >= 0 && tl >= 0 && res);
        if (kl >= 0 && ml >= 0 && tl >= 0 && res) {
            rk_hmac_sha256(got, key, (size_t)kl, msg, (size_t)ml);
            int match = tl == tbits / 8 && tl <= 32 && memcmp(got, tag, (size_t)tl) == 0;
            if (strcmp(res, "valid") == 0) CHECK(match);
            else CHECK(!match);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&v);
    CHECK(n == 174);
}

static void dpck_vector(void)
{
    rk_vec v;
    uint8_t key[16], id[4], hmac[32], dpck[16], got[32];
    if (!rk_vec_open(&v, "hash/kdf.txt")) return;
    CHECK(rk_vec_next(&v));
    rk_vec_hex(&v, "key", key, 16);
    rk_vec_hex(&v, "dppk_id", id, 4);
    rk_vec_hex(&v, "hmac", hmac, 32);
    rk_vec_hex(&v, "dpck", dpck, 16);
    rk_vec_close(&v);
    const uint8_t *p[1] = { id };
    size_t pl[1] = { 4 };
    CHECK_EQ(rk_kdf(got, key, 16, 0x53, p, pl, 1), RK_OK);
    CHECK_MEM(got, hmac, 32);
    rk_dpck(got, key, 16, id);
    CHECK_MEM(got, dpck, 16);
}

static void kdf_rejects_long_parameter(void)
{
    static uint8_t big[65536];
    uint8_t out[32];
    const uint8_t *p[2] = { big, big };
    size_t pl[2] = { 65535, 65536 };
    memset(out, 0xEE, 32);
    CHECK_EQ(rk_kdf(out, big, 16, 0x50, p, pl, 2), RK_ERR_KDF_PARAM);
    CHECK_ZERO(out, 32);
    CHECK_EQ(rk_kdf(out, big, 16, 0x50, p, pl, 1), RK_OK); /* 65535 is the maximum */
    /* the KDF string for one parameter is FC || P0 || L0: check against a manual HMAC */
    uint8_t s[1 + 3 + 2] = { 0x51, 'a', 'b', 'c', 0x00, 0x03 }, exp[32];
    const uint8_t *p1[1] = { s + 1 };
    size_t l1[1] = { 3 };
    rk_hmac_sha256(exp, big, 16, s, sizeof s);
    CHECK_EQ(rk_kdf(out, big, 16, 0x51, p1, l1, 1), RK_OK);
    CHECK_MEM(out, exp, 32);
}

static void uid_vectors(void)
{
    rk_vec v;
    int n = 0;
    if (!rk_vec_open(&v, "hash/uid.txt")) return;
    while (rk_vec_next(&v)) {
        const char *uri = rk_vec_str(&v, "uri"), *kms = rk_vec_str(&v, "kms");
        uint8_t exp[32], got[32], s[256];
        CASE_BEGIN("TS 33.180 F.2.1 UID vector %d", n);
        uint64_t per = (uint64_t)rk_vec_int(&v, "period", 0);
        uint64_t off = (uint64_t)rk_vec_int(&v, "offset", 0);
        uint64_t no = (uint64_t)rk_vec_int(&v, "no", 0);
        rk_vec_hex(&v, "uid", exp, 32);
        CHECK_EQ(rk_uid(got, (const uint8_t *)uri, strlen(uri), (const uint8_t *)kms,
                        strlen(kms), per, off, no), RK_OK);
        CHECK_MEM(got, exp, 32);
        if (rk_vec_str(&v, "s")) {      /* the string S itself hashes to the UID */
            long sl = rk_vec_hex(&v, "s", s, sizeof s);
            rk_sha256(got, s, (size_t)sl);
            CHECK_MEM(got, exp, 32);
        }
        if (rk_vec_str(&v, "time")) {   /* and the key period follows from T */
            uint64_t k;
            CHECK_EQ(rk_key_period_no(&k, (uint64_t)rk_vec_int(&v, "time", 0), per, off), RK_OK);
            CHECK_EQ(k, no);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&v);
    CHECK(n == 6);
}

static void uid_rejects(void)
{
    uint8_t out[32];
    static uint8_t longuri[65536];
    memset(out, 0x55, 32);
    CHECK_EQ(rk_uid(out, (const uint8_t *)"a", 1, (const uint8_t *)"k", 1, 0, 0, 1), RK_ERR_KEYPERIOD);
    CHECK_ZERO(out, 32);
    memset(out, 0x55, 32);
    CHECK_EQ(rk_uid(out, longuri, sizeof longuri, (const uint8_t *)"k", 1, 10, 0, 1), RK_ERR_KDF_PARAM);
    CHECK_ZERO(out, 32);
    memset(out, 0x55, 32);
    CHECK_EQ(rk_uid(out, (const uint8_t *)"k", 1, longuri, sizeof longuri, 10, 0, 1), RK_ERR_KDF_PARAM);
    CHECK_ZERO(out, 32);
    /* integers use the fewest octets: 255 and 256 give different strings */
    uint8_t a[32], b[32];
    CHECK_EQ(rk_uid(a, (const uint8_t *)"u", 1, (const uint8_t *)"k", 1, 10, 0, 255), RK_OK);
    CHECK_EQ(rk_uid(b, (const uint8_t *)"u", 1, (const uint8_t *)"k", 1, 10, 0, 256), RK_OK);
    CHECK(memcmp(a, b, 32) != 0);
}

static void h2i_rfc6508_mask(void)
{
    rk_vec v;
    uint8_t gr[128], mask[16], ssv[16], h[16], got[16];
    if (!rk_vec_open(&v, "hash/h2i.txt")) return;
    CHECK(rk_vec_next(&v));
    CHECK_EQ(rk_vec_hex(&v, "gr", gr, sizeof gr), 128);
    rk_vec_hex(&v, "mask", mask, 16);
    rk_vec_hex(&v, "ssv", ssv, 16);
    rk_vec_hex(&v, "h", h, 16);
    rk_vec_close(&v);
    rk_h2i_mask(got, gr, 128);
    CHECK_MEM(got, mask, 16);
    for (int i = 0; i < 16; i++) got[i] ^= ssv[i];
    CHECK_MEM(got, h, 16);
}

static void h2i_blocks_structure(void)
{
    /* v_1 does not depend on l, v_2 = hash(hash(h_1) || A), per RFC 6508 5.1 */
    uint8_t s[20] = "identifier and ssv", b1[32], b4[128], a[32], h[32], hv[64], v2[32];
    rk_h2i_blocks(b1, 1, s, sizeof s);
    rk_h2i_blocks(b4, 4, s, sizeof s);
    CHECK_MEM(b1, b4, 32);
    rk_sha256(a, s, sizeof s);
    memset(h, 0, 32);
    rk_sha256(h, h, 32);
    rk_sha256(h, h, 32);
    memcpy(hv, h, 32);
    memcpy(hv + 32, a, 32);
    rk_sha256(v2, hv, 64);
    CHECK_MEM(b4 + 32, v2, 32);
}

static void ntp_and_key_periods(void)
{
    uint32_t ntp;
    /* 2014-01-26T10:07:14Z, the TS 33.180 F.2.1.2 example */
    CHECK_EQ(rk_ntp_from_unix(&ntp, 1390730834), RK_OK);
    CHECK_EQ(ntp, 3599719634u);
    CHECK_EQ(rk_ntp_to_unix(3599719634u), 1390730834);
    /* the Streamwide T payload 0xEC898DA8: key period 236 of 16777215 s */
    uint64_t k;
    CHECK_EQ(rk_key_period_no(&k, rk_ntp_seconds_since_1900(0xEC898DA8u), 16777215, 0), RK_OK);
    CHECK_EQ(k, 236);
    /* era boundary: 2036-02-07T06:28:16Z is NTP 0 of era 1 */
    CHECK_EQ(rk_ntp_from_unix(&ntp, 2085978496), RK_OK);
    CHECK_EQ(ntp, 0);
    CHECK_EQ(rk_ntp_to_unix(0), 2085978496);
    CHECK_EQ(rk_ntp_from_unix(&ntp, 2085978495), RK_OK);
    CHECK_EQ(ntp, 0xFFFFFFFFu);
    CHECK_EQ(rk_ntp_seconds_since_1900(0), 4294967296ULL);
    CHECK_EQ(rk_ntp_seconds_since_1900(0xFFFFFFFFu), 4294967295ULL);
    /* periods keep counting across the boundary */
    uint64_t k1, k2;
    CHECK_EQ(rk_key_period_no(&k1, rk_ntp_seconds_since_1900(0xFFFFFFFFu), 2592000, 0), RK_OK);
    CHECK_EQ(rk_key_period_no(&k2, rk_ntp_seconds_since_1900(0x00000000u), 2592000, 0), RK_OK);
    CHECK(k2 == k1 || k2 == k1 + 1);
    CHECK_EQ(k1, 4294967295ULL / 2592000);
    /* round trip over the representable range, sampled */
    for (int64_t u = -61505152LL; u < 4233462144LL; u += 86400 * 97 + 13) {
        if (rk_ntp_from_unix(&ntp, u) != RK_OK) { CHECK(0); break; }
        if (rk_ntp_to_unix(ntp) != u) { CHECK(0); break; }
    }
    /* outside the two eras: rejected, output zeroed */
    ntp = 77;
    CHECK_EQ(rk_ntp_from_unix(&ntp, -61505153LL), RK_ERR_NTP_RANGE);
    CHECK_EQ(ntp, 0);
    ntp = 77;
    CHECK_EQ(rk_ntp_from_unix(&ntp, 4233462144LL), RK_ERR_NTP_RANGE);
    CHECK_EQ(rk_ntp_from_unix(&ntp, 4233462143LL), RK_OK);
    CHECK_EQ(ntp, 0x7FFFFFFFu);
    CHECK_EQ(rk_ntp_from_unix(&ntp, -61505152LL), RK_OK);
    CHECK_EQ(ntp, 0x80000000u);
    ntp = 77;
    CHECK_EQ(rk_ntp_from_unix(&ntp, 4233462144LL), RK_ERR_NTP_RANGE);
    CHECK_EQ(ntp, 0);
    /* key period errors */
    k = 9;
    CHECK_EQ(rk_key_period_no(&k, 100, 0, 0), RK_ERR_KEYPERIOD);
    CHECK_EQ(k, 0);
    k = 9;
    CHECK_EQ(rk_key_period_no(&k, 100, 10, 101), RK_ERR_KEYPERIOD);
    CHECK_EQ(k, 0);
    CHECK_EQ(rk_key_period_no(&k, 100, 10, 100), RK_OK);
    CHECK_EQ(k, 0);
}

static void sodium_state_sizes(void)
{
    CHECK_EQ(sizeof(rk_sha256_ctx), crypto_hash_sha256_statebytes());
    CHECK_EQ(sizeof(rk_hmac_ctx), crypto_auth_hmacsha256_statebytes());
}

void rk_suite_hash(void)
{
    sha256_and_hmac_vectors();
    wycheproof_hmac();
    RUN(dpck_vector);
    RUN(kdf_rejects_long_parameter);
    uid_vectors();
    RUN(uid_rejects);
    RUN(h2i_rfc6508_mask);
    RUN(h2i_blocks_structure);
    RUN(ntp_and_key_periods);
    RUN(sodium_state_sizes);
}
