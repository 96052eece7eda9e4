/* SPDX-License-Identifier: Apache-2.0 */
/* Client key store (shims/client/keystore.h): guarded memory, sealed files,
 * and every way a stored file can be wrong. */
#include <sodium.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "rk_test.h"
#include "client/keystore.h"
#include "common/atomic.h"

static void entry(rk_ks_entry *e, uint32_t id, uint8_t fill)
{
    memset(e, 0, sizeof *e);
    e->key_id = id;
    e->lmr_type = 1;
    e->key_len = 32;
    memset(e->key, fill, 32);
    e->wrap_time = 3968437672u;
    e->activation = 1700000000;
    e->expiry = 0;
    e->key_period = 236;
    e->meta_len = 7;
    memcpy(e->meta, "\x01\x02\x03\x04\x05\x06\x07", 7);
}

static const char *tmp_path(const char *name)
{
    static char p[256];
    const char *d = getenv("TMPDIR");
    snprintf(p, sizeof p, "%s/rk_ks_%d_%s", d ? d : "/tmp", (int)getpid(), name);
    return p;
}

static void memory_operations(void)
{
    rk_keystore *ks = rk_keystore_new(2);
    rk_ks_entry a, b, c, got;
    CHECK(ks != NULL);
    if (!ks) return;
    entry(&a, 0xF0000001, 0x11);
    entry(&b, 0xF0000002, 0x22);
    entry(&c, 0xF0000003, 0x33);
    CHECK_EQ(rk_keystore_put(ks, &a), RK_OK);
    CHECK_EQ(rk_keystore_put(ks, &b), RK_OK);
    CHECK_EQ(rk_keystore_put(ks, &c), RK_ERR_STORE_FULL);
    CHECK_EQ(rk_keystore_count(ks), 2);
    a.key[0] = 0x99;                                   /* replace by ID */
    CHECK_EQ(rk_keystore_put(ks, &a), RK_OK);
    CHECK_EQ(rk_keystore_count(ks), 2);
    CHECK_EQ(rk_keystore_get(ks, 0xF0000001, &got), RK_OK);
    CHECK_EQ(got.key[0], 0x99);
    memset(&got, 0x5A, sizeof got);
    CHECK_EQ(rk_keystore_get(ks, 0xF0000009, &got), RK_ERR_STORE_NOT_FOUND);
    CHECK_ZERO(&got, sizeof got);
    CHECK_EQ(rk_keystore_remove(ks, 0xF0000002), RK_OK);
    CHECK_EQ(rk_keystore_remove(ks, 0xF0000002), RK_ERR_STORE_NOT_FOUND);
    CHECK_EQ(rk_keystore_count(ks), 1);
    /* entries out of range are refused */
    entry(&c, 5, 1);
    c.key_len = 7;
    CHECK_EQ(rk_keystore_put(ks, &c), RK_ERR_STORE_ENTRY);
    c.key_len = 33;
    CHECK_EQ(rk_keystore_put(ks, &c), RK_ERR_STORE_ENTRY);
    entry(&c, 5, 1);
    c.meta_len = RK_KS_MAX_META + 1;
    CHECK_EQ(rk_keystore_put(ks, &c), RK_ERR_STORE_ENTRY);
    /* zeroise all: every key gone, store still usable */
    rk_keystore_zeroise(ks);
    CHECK_EQ(rk_keystore_count(ks), 0);
    CHECK_EQ(rk_keystore_get(ks, 0xF0000001, &got), RK_ERR_STORE_NOT_FOUND);
    CHECK_EQ(rk_keystore_put(ks, &b), RK_OK);
    rk_keystore_free(ks);
    rk_keystore_free(NULL);
}

static void seal_and_unseal(void)
{
    uint8_t skey[32], wrong[32];
    rk_keystore *ks = rk_keystore_new(8), *back = rk_keystore_new(8);
    rk_ks_entry a, b, got;
    const char *path = tmp_path("seal");
    struct stat sb;
    static uint8_t file[8192];
    size_t flen;
    CHECK(ks && back);
    if (!ks || !back) return;
    memset(skey, 0x42, 32);
    memset(wrong, 0x43, 32);
    entry(&a, 1, 0xA1);
    entry(&b, 2, 0xB2);
    CHECK_EQ(rk_keystore_put(ks, &a), RK_OK);
    CHECK_EQ(rk_keystore_put(ks, &b), RK_OK);
    CHECK_EQ(rk_keystore_save(ks, path, skey), RK_OK);
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    CHECK_EQ(rk_keystore_load(back, path, skey), RK_OK);
    CHECK_EQ(rk_keystore_count(back), 2);
    CHECK_EQ(rk_keystore_get(back, 2, &got), RK_OK);
    CHECK_MEM(&got, &b, sizeof b);
    /* the key octets never appear in the sealed file */
    CHECK_EQ(rk_file_read(path, file, sizeof file, &flen), RK_OK);
    for (size_t i = 0; i + 8 <= flen; i++)
        if (memcmp(file + i, a.key, 8) == 0 || memcmp(file + i, b.key, 8) == 0) { CHECK(!"key in file"); break; }
    /* wrong storage key */
    CHECK_EQ(rk_keystore_load(back, path, wrong), RK_ERR_STORE_TAMPERED);
    CHECK_EQ(rk_keystore_count(back), 2);               /* a failed load changes nothing */
    /* a missing file */
    CHECK_EQ(rk_keystore_load(back, tmp_path("nonexistent"), skey), RK_ERR_IO);
    unlink(path);
    rk_keystore_free(ks);
    rk_keystore_free(back);
}

/* Every single-octet change and every truncation of a sealed file is refused
 * with its own code, and the store is left as it was. */
static void tamper_and_truncate(void)
{
    uint8_t skey[32];
    static uint8_t file[8192], bad[8192];
    size_t flen;
    rk_keystore *ks = rk_keystore_new(4), *back = rk_keystore_new(4);
    rk_ks_entry a, keep;
    const char *path = tmp_path("tamper"), *p2 = tmp_path("tampered");
    CHECK(ks && back);
    if (!ks || !back) return;
    memset(skey, 7, 32);
    entry(&a, 77, 0xC3);
    CHECK_EQ(rk_keystore_put(ks, &a), RK_OK);
    CHECK_EQ(rk_keystore_save(ks, path, skey), RK_OK);
    CHECK_EQ(rk_file_read(path, file, sizeof file, &flen), RK_OK);
    entry(&keep, 5, 0x55);
    CHECK_EQ(rk_keystore_put(back, &keep), RK_OK);
    int tampered = 0, format = 0, other = 0;
    for (size_t i = 0; i < flen; i++) {
        memcpy(bad, file, flen);
        bad[i] ^= 0x01;
        CHECK_EQ(rk_file_write_atomic(p2, bad, flen, 0600), RK_OK);
        rk_status st = rk_keystore_load(back, p2, skey);
        if (st == RK_ERR_STORE_TAMPERED) tampered++;
        else if (st == RK_ERR_STORE_FORMAT || st == RK_ERR_STORE_TRUNCATED) format++;
        else other++;
    }
    CHECK_EQ(other, 0);
    CHECK(tampered >= (int)flen - 12);     /* every octet after the magic/version is authenticated */
    CHECK(format >= 1);
    for (size_t n = 0; n < flen; n++) {
        CHECK_EQ(rk_file_write_atomic(p2, file, n, 0600), RK_OK);
        rk_status st = rk_keystore_load(back, p2, skey);
        if (n >= 4) CHECK(st == RK_ERR_STORE_TRUNCATED || st == RK_ERR_STORE_TAMPERED);
        else CHECK_EQ(st, RK_ERR_STORE_TRUNCATED);
        if (rk_t_case_failed()) { printf("    at length %zu: %d\n", n, st); break; }
    }
    memcpy(bad, file, flen);
    bad[flen] = 0;
    CHECK_EQ(rk_file_write_atomic(p2, bad, flen + 1, 0600), RK_OK);
    CHECK_EQ(rk_keystore_load(back, p2, skey), RK_ERR_STORE_FORMAT);
    /* through all of that the store kept its one entry */
    CHECK_EQ(rk_keystore_count(back), 1);
    rk_ks_entry got;
    CHECK_EQ(rk_keystore_get(back, 5, &got), RK_OK);
    CHECK_MEM(&got, &keep, sizeof keep);
    unlink(path);
    unlink(p2);
    rk_keystore_free(ks);
    rk_keystore_free(back);
}

/* A FIFO (like /dev/null or /dev/stdout) given as an output is written in
 * place: the atomic rename would replace the node with a regular file,
 * which a test run as root once did to /dev/null. */
static void atomic_write_keeps_fifo(void)
{
    const char *p = tmp_path("fifo");
    struct stat st;
    char got[8] = {0};
    unlink(p);
    CHECK_EQ(mkfifo(p, 0600), 0);
    int rd = open(p, O_RDONLY | O_NONBLOCK);
    CHECK(rd >= 0);
    if (rd < 0) return;
    CHECK_EQ(rk_file_write_atomic(p, (const uint8_t *)"data", 4, 0600), RK_OK);
    CHECK_EQ(read(rd, got, sizeof got), 4);
    CHECK(memcmp(got, "data", 4) == 0);
    CHECK_EQ(stat(p, &st), 0);
    CHECK(S_ISFIFO(st.st_mode));
    close(rd);
    unlink(p);
}

void rk_suite_keystore(void)
{
    if (sodium_init() < 0) { CHECK(0); return; }
    RUN(memory_operations);
    RUN(seal_and_unseal);
    RUN(tamper_and_truncate);
    RUN(atomic_write_keeps_fifo);
}
