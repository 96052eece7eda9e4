/* SPDX-License-Identifier: Apache-2.0 */
/* The LMR root-key block (rootkey/lmr.h): hand-written vectors, round trips
 * for every LMR type and key length, and each rejection with its code. */
#include "rk_test.h"
#include "rootkey/lmr.h"

static void hand_vectors(void)
{
    rk_vec v;
    int n = 0;
    if (!rk_vec_open(&v, "lmr/blocks.txt")) return;
    while (rk_vec_next(&v)) {
        uint8_t blk[RK_LMR_MAX_BYTES], key[32], enc[RK_LMR_MAX_BYTES];
        rk_lmr_block b;
        size_t el;
        CASE_BEGIN("LMR block vector: %s", rk_vec_str(&v, "name"));
        long bl = rk_vec_hex(&v, "block", blk, sizeof blk);
        long kl = rk_vec_hex(&v, "key", key, sizeof key);
        CHECK_EQ(rk_lmr_decode(&b, blk, (size_t)bl), RK_OK);
        CHECK_EQ(b.lmr_type, rk_vec_int(&v, "type", 0));
        CHECK_EQ(b.key_len, kl);
        CHECK_MEM(b.key, key, (size_t)kl);
        if (b.lmr_type == RK_LMR_P25) {
            CHECK_EQ(b.wacn, rk_vec_int(&v, "wacn", -1));
            CHECK_EQ(b.system_id, rk_vec_int(&v, "system", -1));
            CHECK_EQ(b.unit_id, rk_vec_int(&v, "unit", -1));
            CHECK_EQ(b.algid, rk_vec_int(&v, "algid", -1));
            CHECK_EQ(b.key_id, rk_vec_int(&v, "keyid", -1));
            CHECK_EQ(b.keyset_id, rk_vec_int(&v, "keyset", -1));
        } else if (b.lmr_type == RK_LMR_TETRA) {
            CHECK_EQ(b.mcc, rk_vec_int(&v, "mcc", -1));
            CHECK_EQ(b.mnc, rk_vec_int(&v, "mnc", -1));
            CHECK_EQ(b.issi, rk_vec_int(&v, "issi", -1));
            CHECK(b.has_key_number && b.key_number == rk_vec_int(&v, "keynum", -1));
            CHECK(b.has_key_version && b.key_version == rk_vec_int(&v, "keyver", -1));
        } else {
            uint8_t sys[64], ref[32];
            long sl = rk_vec_hex(&v, "sys", sys, sizeof sys), rl = rk_vec_hex(&v, "ref", ref, sizeof ref);
            CHECK_EQ(b.sys_len, sl);
            CHECK_MEM(b.sys, sys, (size_t)sl);
            CHECK_EQ(b.ref_len, rl);
            CHECK_MEM(b.ref, ref, (size_t)rl);
        }
        /* and the encoder writes exactly these octets back */
        CHECK_EQ(rk_lmr_encode(enc, sizeof enc, &el, &b), RK_OK);
        CHECK_EQ(el, bl);
        CHECK_MEM(enc, blk, (size_t)bl);
        CASE_END();
        n++;
    }
    rk_vec_close(&v);
    CHECK(n == 3);
}

static void sample(rk_lmr_block *b, uint8_t type, uint8_t key_len)
{
    memset(b, 0, sizeof *b);
    b->lmr_type = type;
    b->wacn = 0xFFFFF; b->system_id = 0xFFF; b->unit_id = 0xFFFFFF;
    b->algid = 0x85; b->key_id = 0xFFFF; b->keyset_id = 0xFF;
    b->mcc = 0x3FF; b->mnc = 0x3FFF; b->issi = 0xFFFFFF;
    b->sys_len = 64; memset(b->sys, 'S', 64);
    b->ref_len = 32; memset(b->ref, 'R', 32);
    b->key_len = key_len; /* may be out of range (33): the octets stop at the array's end */
    for (int i = 0; i < key_len && i < (int)sizeof b->key; i++) b->key[i] = (uint8_t)(0xA0 + i);
}

/* every type, every key length 8..32, extreme field values */
static void round_trips(void)
{
    uint8_t buf[RK_LMR_MAX_BYTES];
    for (uint8_t t = 1; t <= 3; t++)
        for (uint8_t kl = 8; kl <= 32; kl++) {
            rk_lmr_block a, b;
            size_t n;
            sample(&a, t, kl);
            if (t != RK_LMR_TETRA) { a.mcc = a.mnc = 0; a.issi = 0; }
            CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_OK);
            CHECK(n <= RK_LMR_MAX_BYTES);
            CHECK_EQ(rk_lmr_decode(&b, buf, n), RK_OK);
            CHECK_EQ(b.key_len, kl);
            CHECK_MEM(b.key, a.key, kl);
            if (t == RK_LMR_P25) CHECK(b.wacn == a.wacn && b.unit_id == a.unit_id && b.key_id == a.key_id);
            if (t == RK_LMR_TETRA) CHECK(b.mcc == a.mcc && b.mnc == a.mnc && b.issi == a.issi && !b.has_key_number);
            if (t == RK_LMR_OTHER) CHECK(b.sys_len == 64 && b.ref_len == 32);
            /* one octet short of the buffer: refused, nothing left behind */
            uint8_t small[RK_LMR_MAX_BYTES];
            size_t m = 99;
            memset(small, 0xEE, sizeof small);
            CHECK_EQ(rk_lmr_encode(small, n - 1, &m, &a), RK_ERR_BUFFER);
            CHECK_EQ(m, 0);
            CHECK_ZERO(small, n - 1);
        }
}

static void encode_rejects(void)
{
    uint8_t buf[RK_LMR_MAX_BYTES];
    size_t n;
    rk_lmr_block a;
    sample(&a, 1, 7);  CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_KEY_LENGTH);
    sample(&a, 1, 33); CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_KEY_LENGTH);
    sample(&a, 4, 16); CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_TYPE);
    sample(&a, 0, 16); CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_TYPE);
    sample(&a, 1, 16); a.wacn = 0x100000; CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_RANGE);
    sample(&a, 1, 16); a.system_id = 0x1000; CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_RANGE);
    sample(&a, 1, 16); a.unit_id = 0x1000000; CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_RANGE);
    sample(&a, 2, 16); a.mcc = 0x400; CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_RANGE);
    sample(&a, 2, 16); a.mnc = 0x4000; CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_RANGE);
    sample(&a, 3, 16); a.sys_len = 0; CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_RANGE);
    sample(&a, 3, 16); a.sys_len = 65; CHECK_EQ(rk_lmr_encode(buf, sizeof buf, &n, &a), RK_ERR_LMR_RANGE);
}

/* every field zero (struct padding is not data, so compare field by field) */
static int block_zero(const rk_lmr_block *b)
{
    uint8_t z[64] = { 0 };
    return b->lmr_type == 0 && b->wacn == 0 && b->system_id == 0 && b->unit_id == 0 &&
           b->algid == 0 && b->key_id == 0 && b->keyset_id == 0 && b->mcc == 0 && b->mnc == 0 &&
           b->issi == 0 && b->has_key_number == 0 && b->key_number == 0 &&
           b->has_key_version == 0 && b->key_version == 0 && b->sys_len == 0 &&
           b->ref_len == 0 && b->key_len == 0 && memcmp(b->sys, z, 64) == 0 &&
           memcmp(b->ref, z, 32) == 0 && memcmp(b->key, z, 32) == 0;
}

static rk_status dec_hex(const char *hex)
{
    uint8_t in[200];
    rk_lmr_block b;
    long n = rk_t_unhex(hex, in, sizeof in);
    memset(&b, 0x77, sizeof b);
    rk_status st = rk_lmr_decode(&b, in, (size_t)n);
    if (st != RK_OK) CHECK(block_zero(&b));
    return st;
}

#define K16 "4010 00112233445566778899AABBCCDDEEFF"
#define P25 "010101 1003000001 11020001 1203000001 130184 14020001 150101"
static void decode_rejects(void)
{
    CHECK_EQ(dec_hex("01" P25 K16), RK_OK);
    CHECK_EQ(dec_hex(""), RK_ERR_LMR_TRUNCATED);
    CHECK_EQ(dec_hex("02" P25 K16), RK_ERR_LMR_VERSION);
    CHECK_EQ(dec_hex("01" P25 K16 "00"), RK_ERR_LMR_TRAILING);
    CHECK_EQ(dec_hex("01" P25 K16 "5001AA"), RK_ERR_LMR_TRAILING);
    CHECK_EQ(dec_hex("01" P25 "4010 0011"), RK_ERR_LMR_TRUNCATED);
    CHECK_EQ(dec_hex("01" P25 "40"), RK_ERR_LMR_TRUNCATED);
    CHECK_EQ(dec_hex("01" P25 "1601AA" K16), RK_ERR_LMR_TAG);          /* unknown tag */
    CHECK_EQ(dec_hex("01" P25 "2002000A" K16), RK_ERR_LMR_TAG);        /* a TETRA field in P25 */
    CHECK_EQ(dec_hex("01 010101 1003000001 1003000001" K16), RK_ERR_LMR_ORDER); /* duplicate */
    CHECK_EQ(dec_hex("01 010101 11020001 1003000001" K16), RK_ERR_LMR_ORDER);   /* reordered */
    CHECK_EQ(dec_hex("01 010101 100400000001" K16), RK_ERR_LMR_LENGTH);
    CHECK_EQ(dec_hex("01 010101 1003100000" K16), RK_ERR_LMR_RANGE);   /* WACN > 20 bits */
    CHECK_EQ(dec_hex("01 010101 1003000001 11021000" K16), RK_ERR_LMR_RANGE);
    CHECK_EQ(dec_hex("01 010104" K16), RK_ERR_LMR_TYPE);
    CHECK_EQ(dec_hex("01 010100" K16), RK_ERR_LMR_TYPE);
    CHECK_EQ(dec_hex("01" K16), RK_ERR_LMR_MISSING);                   /* no type */
    CHECK_EQ(dec_hex("01" P25), RK_ERR_LMR_MISSING);                   /* no key */
    CHECK_EQ(dec_hex("01 010101 1003000001 11020001" K16), RK_ERR_LMR_MISSING); /* P25 fields missing */
    CHECK_EQ(dec_hex("01 010102 200200F2 21020001" K16), RK_ERR_LMR_MISSING);   /* no ISSI */
    CHECK_EQ(dec_hex("01 010103" K16), RK_ERR_LMR_MISSING);            /* other without system */
    CHECK_EQ(dec_hex("01 010103 3000" K16), RK_ERR_LMR_LENGTH);
    CHECK_EQ(dec_hex("01 010102 200204F2 21020001 22030F4240" K16), RK_ERR_LMR_RANGE); /* MCC > 10 bits */
    CHECK_EQ(dec_hex("01" P25 "4007 00112233445566"), RK_ERR_LMR_KEY_LENGTH);
    CHECK_EQ(dec_hex("01" P25 "4021 000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20"),
             RK_ERR_LMR_KEY_LENGTH);
}

/* every prefix of a valid block fails, and every single-octet change either
 * fails or decodes to a different block - never to the same one */
static void truncations_and_changes(void)
{
    uint8_t in[200];
    rk_lmr_block ref, b;
    long n = rk_t_unhex("01" P25 K16, in, sizeof in);
    memset(&ref, 0, sizeof ref);     /* padding stays zero: decode writes fields only */
    memset(&b, 0, sizeof b);
    CHECK_EQ(rk_lmr_decode(&ref, in, (size_t)n), RK_OK);
    for (long k = 0; k < n; k++) CHECK(rk_lmr_decode(&b, in, (size_t)k) != RK_OK);
    for (long i = 0; i < n; i++)
        for (int bit = 0; bit < 8; bit++) {
            in[i] ^= (uint8_t)(1u << bit);
            if (rk_lmr_decode(&b, in, (size_t)n) == RK_OK) CHECK(memcmp(&b, &ref, sizeof b) != 0);
            in[i] ^= (uint8_t)(1u << bit);
        }
}

void rk_suite_lmr(void)
{
    hand_vectors();
    RUN(round_trips);
    RUN(encode_rejects);
    RUN(decode_rejects);
    RUN(truncations_and_changes);
}
