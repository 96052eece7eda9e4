/* SPDX-License-Identifier: Apache-2.0 */
/* see keystore.h */
#include "keystore.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include "common/atomic.h"

#define ENTRY_V1_BYTES (4 + 1 + 1 + RK_KS_MAX_KEY + 4 * 8 + 1 + RK_KS_MAX_META)
#define SLOT_BYTES (3 + 2 + 1 + 8)
#define ENTRY_BYTES (ENTRY_V1_BYTES + RK_KS_REPLAY_SLOTS * SLOT_BYTES)
#define VERSION 2
#define HDR_BYTES 12
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES

struct rk_keystore {
    size_t cap, count;
    rk_ks_entry e[];
};

/* Every call opens the guarded block for the duration of the call only. */
static void open_rw(rk_keystore *ks) { (void)sodium_mprotect_readwrite(ks); }
static void close_na(rk_keystore *ks) { (void)sodium_mprotect_noaccess(ks); }

rk_keystore *rk_keystore_new(size_t max_entries)
{
    rk_keystore *ks;
    if (max_entries == 0 || max_entries > 65536) return NULL;
    ks = sodium_malloc(sizeof *ks + max_entries * sizeof(rk_ks_entry));
    if (!ks) return NULL;
    sodium_memzero(ks, sizeof *ks + max_entries * sizeof(rk_ks_entry));
    ks->cap = max_entries;
    ks->count = 0;
    close_na(ks);
    return ks;
}

void rk_keystore_free(rk_keystore *ks)
{
    if (!ks) return;
    open_rw(ks);
    sodium_free(ks); /* sodium_free wipes the block before unmapping it */
}

static int entry_ok(const rk_ks_entry *e)
{
    for (size_t i = 0; i < RK_KS_REPLAY_SLOTS; i++)
        if (e->replay[i].used > 1 || e->replay[i].src_rsi > 0xffffffu) return 0;
    return e->key_len >= 8 && e->key_len <= RK_KS_MAX_KEY && e->meta_len <= RK_KS_MAX_META &&
           e->lmr_type >= 1 && e->lmr_type <= 3;
}

static long find(const rk_keystore *ks, uint32_t id)
{
    for (size_t i = 0; i < ks->count; i++)
        if (ks->e[i].key_id == id) return (long)i;
    return -1;
}

rk_status rk_keystore_put(rk_keystore *ks, const rk_ks_entry *e)
{
    rk_status st = RK_OK;
    if (!ks || !e) return RK_ERR_NULL;
    if (!entry_ok(e)) return RK_ERR_STORE_ENTRY;
    open_rw(ks);
    long i = find(ks, e->key_id);
    if (i < 0) {
        if (ks->count == ks->cap) st = RK_ERR_STORE_FULL;
        else i = (long)ks->count++;
    }
    if (st == RK_OK) ks->e[i] = *e;
    close_na(ks);
    return st;
}

rk_status rk_keystore_get(rk_keystore *ks, uint32_t key_id, rk_ks_entry *out)
{
    rk_status st = RK_OK;
    if (!ks || !out) return RK_ERR_NULL;
    (void)sodium_mprotect_readonly(ks);
    long i = find(ks, key_id);
    if (i < 0) {
        sodium_memzero(out, sizeof *out);
        st = RK_ERR_STORE_NOT_FOUND;
    } else {
        *out = ks->e[i];
    }
    close_na(ks);
    return st;
}

rk_status rk_keystore_get_at(rk_keystore *ks, size_t i, rk_ks_entry *out)
{
    rk_status st = RK_OK;
    if (!ks || !out) return RK_ERR_NULL;
    (void)sodium_mprotect_readonly(ks);
    if (i < ks->count) *out = ks->e[i];
    else { sodium_memzero(out, sizeof *out); st = RK_ERR_STORE_NOT_FOUND; }
    close_na(ks);
    return st;
}

rk_status rk_keystore_remove(rk_keystore *ks, uint32_t key_id)
{
    rk_status st = RK_OK;
    if (!ks) return RK_ERR_NULL;
    open_rw(ks);
    long i = find(ks, key_id);
    if (i < 0) {
        st = RK_ERR_STORE_NOT_FOUND;
    } else {
        ks->e[i] = ks->e[ks->count - 1];
        sodium_memzero(&ks->e[ks->count - 1], sizeof(rk_ks_entry));
        ks->count--;
    }
    close_na(ks);
    return st;
}

size_t rk_keystore_count(rk_keystore *ks)
{
    size_t n;
    (void)sodium_mprotect_readonly(ks);
    n = ks->count;
    close_na(ks);
    return n;
}

uint32_t rk_keystore_id_at(rk_keystore *ks, size_t i)
{
    uint32_t id = 0;
    (void)sodium_mprotect_readonly(ks);
    if (i < ks->count) id = ks->e[i].key_id;
    close_na(ks);
    return id;
}

void rk_keystore_zeroise(rk_keystore *ks)
{
    if (!ks) return;
    open_rw(ks);
    sodium_memzero(ks->e, ks->cap * sizeof(rk_ks_entry));
    ks->count = 0;
    close_na(ks);
}

static void put_be(uint8_t *p, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; i--) { p[i] = (uint8_t)v; v >>= 8; }
}

static uint64_t get_be(const uint8_t *p, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++) v = (v << 8) | p[i];
    return v;
}

static void ser(uint8_t *p, const rk_ks_entry *e)
{
    memset(p, 0, ENTRY_BYTES);
    put_be(p, e->key_id, 4);
    p[4] = e->lmr_type;
    p[5] = e->key_len;
    memcpy(p + 6, e->key, RK_KS_MAX_KEY);
    put_be(p + 38, e->wrap_time, 8);
    put_be(p + 46, e->activation, 8);
    put_be(p + 54, e->expiry, 8);
    put_be(p + 62, e->key_period, 8);
    p[70] = e->meta_len;
    memcpy(p + 71, e->meta, RK_KS_MAX_META);
    for (size_t i = 0; i < RK_KS_REPLAY_SLOTS; i++) {
        uint8_t *q = p + ENTRY_V1_BYTES + i * SLOT_BYTES;
        put_be(q, e->replay[i].src_rsi, 3);
        put_be(q + 3, e->replay[i].last_mn, 2);
        q[5] = e->replay[i].used;
        put_be(q + 6, e->replay[i].last_time, 8);
    }
}

static void deser(rk_ks_entry *e, const uint8_t *p, int version)
{
    memset(e, 0, sizeof *e);
    e->key_id = (uint32_t)get_be(p, 4);
    e->lmr_type = p[4];
    e->key_len = p[5];
    memcpy(e->key, p + 6, RK_KS_MAX_KEY);
    e->wrap_time = get_be(p + 38, 8);
    e->activation = get_be(p + 46, 8);
    e->expiry = get_be(p + 54, 8);
    e->key_period = get_be(p + 62, 8);
    e->meta_len = p[70];
    memcpy(e->meta, p + 71, RK_KS_MAX_META);
    for (size_t i = 0; version >= 2 && i < RK_KS_REPLAY_SLOTS; i++) {
        const uint8_t *q = p + ENTRY_V1_BYTES + i * SLOT_BYTES;
        e->replay[i].src_rsi = (uint32_t)get_be(q, 3);
        e->replay[i].last_mn = (uint16_t)get_be(q + 3, 2);
        e->replay[i].used = q[5];
        e->replay[i].last_time = get_be(q + 6, 8);
    }
}

rk_status rk_keystore_save(rk_keystore *ks, const char *path,
                           const uint8_t storage_key[RK_KS_STORAGE_KEY_BYTES])
{
    rk_status st;
    if (!ks || !path || !storage_key) return RK_ERR_NULL;
    open_rw(ks);
    size_t n = ks->count, ptlen = n * ENTRY_BYTES;
    size_t flen = HDR_BYTES + NONCE_BYTES + ptlen + TAG_BYTES;
    uint8_t *pt = sodium_malloc(ptlen ? ptlen : 1);
    uint8_t *file = malloc(flen);
    if (!pt || !file) {
        if (pt) sodium_free(pt);
        free(file);
        close_na(ks);
        return RK_ERR_ALLOC;
    }
    for (size_t i = 0; i < n; i++) ser(pt + i * ENTRY_BYTES, &ks->e[i]);
    close_na(ks);
    memcpy(file, "RKKS\x02\0\0\0", 8);
    put_be(file + 8, n, 4);
    randombytes_buf(file + HDR_BYTES, NONCE_BYTES);
    unsigned long long clen;
    crypto_aead_xchacha20poly1305_ietf_encrypt(file + HDR_BYTES + NONCE_BYTES, &clen, pt, ptlen,
                                               file, HDR_BYTES, NULL, file + HDR_BYTES, storage_key);
    sodium_free(pt); /* wipes the plaintext */
    st = rk_file_write_atomic(path, file, flen, 0600);
    free(file);
    return st;
}

rk_status rk_keystore_load(rk_keystore *ks, const char *path,
                           const uint8_t storage_key[RK_KS_STORAGE_KEY_BYTES])
{
    rk_status st = RK_OK;
    size_t len, cap;
    uint8_t *file;
    if (!ks || !path || !storage_key) return RK_ERR_NULL;
    (void)sodium_mprotect_readonly(ks);
    cap = HDR_BYTES + NONCE_BYTES + ks->cap * ENTRY_BYTES + TAG_BYTES + 1;
    close_na(ks);
    file = malloc(cap);
    if (!file) return RK_ERR_ALLOC;
    st = rk_file_read(path, file, cap, &len);
    if (st == RK_ERR_IWF_TOO_LARGE) st = RK_ERR_STORE_FULL;     /* more entries than this store holds */
    if (st == RK_OK) st = rk_keystore_load_mem(ks, file, len, storage_key);
    free(file);
    return st;
}

rk_status rk_keystore_load_mem(rk_keystore *ks, const uint8_t *file, size_t len,
                               const uint8_t storage_key[RK_KS_STORAGE_KEY_BYTES])
{
    rk_status st = RK_OK;
    uint8_t *pt = NULL;
    if (!ks || (!file && len) || !storage_key) return RK_ERR_NULL;
    if (len >= 4 && memcmp(file, "RKKS", 4) != 0) { st = RK_ERR_STORE_FORMAT; goto out; }
    if (len < 8) { st = RK_ERR_STORE_TRUNCATED; goto out; }
    if ((file[4] != 1 && file[4] != VERSION) || file[5] || file[6] || file[7]) { st = RK_ERR_STORE_FORMAT; goto out; }
    if (len < HDR_BYTES + NONCE_BYTES + TAG_BYTES) { st = RK_ERR_STORE_TRUNCATED; goto out; }
    int version = file[4];
    size_t esz = version == 1 ? ENTRY_V1_BYTES : ENTRY_BYTES;
    size_t n = (size_t)get_be(file + 8, 4);
    size_t ptlen = n * esz;
    if (n > 65536) { st = RK_ERR_STORE_FORMAT; goto out; }
    if (len < HDR_BYTES + NONCE_BYTES + ptlen + TAG_BYTES) { st = RK_ERR_STORE_TRUNCATED; goto out; }
    if (len > HDR_BYTES + NONCE_BYTES + ptlen + TAG_BYTES) { st = RK_ERR_STORE_FORMAT; goto out; }
    pt = sodium_malloc(ptlen ? ptlen : 1);
    if (!pt) { st = RK_ERR_ALLOC; goto out; }
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(pt, NULL, NULL, file + HDR_BYTES + NONCE_BYTES,
                                                   ptlen + TAG_BYTES, file, HDR_BYTES,
                                                   file + HDR_BYTES, storage_key) != 0) {
        st = RK_ERR_STORE_TAMPERED;
        goto out;
    }
    open_rw(ks);
    if (n > ks->cap) {
        st = RK_ERR_STORE_FULL;
    } else {
        /* check every entry before replacing anything */
        rk_ks_entry tmp;
        for (size_t i = 0; i < n && st == RK_OK; i++) {
            deser(&tmp, pt + i * esz, version);
            if (!entry_ok(&tmp)) st = RK_ERR_STORE_ENTRY;
        }
        if (st == RK_OK) {
            sodium_memzero(ks->e, ks->cap * sizeof(rk_ks_entry));
            for (size_t i = 0; i < n; i++) deser(&ks->e[i], pt + i * esz, version);
            ks->count = n;
        }
        sodium_memzero(&tmp, sizeof tmp);
    }
    close_na(ks);
out:
    if (pt) sodium_free(pt);
    return st;
}

int rk_keystore_lock(const char *path)
{
    char lp[4096];
    if (snprintf(lp, sizeof lp, "%s.lock", path) >= (int)sizeof lp) { errno = ENAMETOOLONG; return -1; }
    int fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    while (flock(fd, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

void rk_keystore_unlock(int fd)
{
    if (fd >= 0) close(fd);   /* closing drops the flock */
}
