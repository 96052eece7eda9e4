/* SPDX-License-Identifier: Apache-2.0 */
/* One-off generator of vectors/p25/modify_key.txt (our own KMM known-answer
 * vectors).  Run once with the rootkey encoder; t_p25.c re-derives every MAC
 * and wrapped key with OpenSSL (KBKDF, CMAC, AES-KW, AES-CBC) so the file is
 * not only checked against the code that wrote it.
 *   cc -Icore/include tests/tools/p25_gen.c build/librootkey.a -lsodium -o build/p25_gen
 *   build/p25_gen > vectors/p25/modify_key.txt */
#include <stdio.h>
#include <string.h>
#include "rootkey/p25.h"

static void hex(const char *name, const uint8_t *p, size_t n)
{
    printf("%s = ", name);
    for (size_t i = 0; i < n; i++) {
        if (i && i % 32 == 0) printf("\n%s = ", name);
        printf("%02x", p[i]);
    }
    printf("\n");
}

static void one(const char *name, size_t ukek_len, uint16_t ukid, uint8_t mac_format, uint8_t ks_alg,
                size_t n, uint16_t mn, uint8_t rkind)
{
    uint8_t ukek[32], frame[512], mk[32];
    rk_p25_tek teks[4];
    size_t tl = ks_alg == 0x84 ? 32 : 16, len = 0;
    for (size_t i = 0; i < ukek_len; i++) ukek[i] = (uint8_t)((ukek_len == 32 ? 0x40 : 0x60) + i);
    memset(teks, 0, sizeof teks);
    for (size_t t = 0; t < n; t++) {
        for (size_t i = 0; i < tl; i++) teks[t].key[i] = (uint8_t)(0x80 + 0x20 * t + i);
        teks[t].key_len = (uint8_t)tl;
        teks[t].key_id = (uint16_t)(0x1001 + t);
        teks[t].sln = (uint16_t)(0x0011 + t);
        teks[t].algid = ks_alg;
        teks[t].keyset_id = 1;
    }
    rk_p25_mk_params p = { NULL, 0x00abcd, 0x98967f, mn, ukid, 1, rkind, mac_format,
                           (uint8_t)(ukek_len == 32 ? 0x84 : 0x85), 1, ks_alg, (uint8_t)(tl + 8) };
    if (rk_p25_build(ukek, ukek_len, &p, teks, n, frame, sizeof frame, &len) != RK_OK) {
        fprintf(stderr, "build failed\n");
        return;
    }
    printf("name = \"%s\"\n", name);
    hex("ukek", ukek, ukek_len);
    printf("ukek_key_id = 0x%04x\ndst = 0x00abcd\nsrc = 0x98967f\nmn = 0x%04x\nresponse_kind = %u\n", ukid, mn, rkind);
    printf("mac_format = 0x%02x\nkeyset_id = 1\nkeyset_algid = 0x%02x\nn = %zu\n", mac_format, ks_alg, n);
    uint8_t all[128], ids[8], slns[8];
    for (size_t t = 0; t < n; t++) {
        memcpy(all + t * tl, teks[t].key, tl);
        ids[2 * t] = (uint8_t)(teks[t].key_id >> 8); ids[2 * t + 1] = (uint8_t)teks[t].key_id;
        slns[2 * t] = (uint8_t)(teks[t].sln >> 8); slns[2 * t + 1] = (uint8_t)teks[t].sln;
    }
    hex("teks", all, n * tl);
    hex("key_ids", ids, 2 * n);
    hex("slns", slns, 2 * n);
    if (mac_format == 0x41 && rk_p25_mac_key_cmac(ukek, ukek_len, frame, 12, mk) == RK_OK)
        hex("mac_key", mk, 32);
    hex("frame", frame, len);
    hex("mac", frame + len - 13, 8);
    printf("\n");
}

int main(void)
{
    printf("# rootkey's own P25 Modify Key Command known-answer vectors (generated once by\n"
           "# tests/tools/p25_gen.c with the rootkey encoder; t_p25.c recomputes every MAC\n"
           "# key, MAC and wrapped TEK with OpenSSL inside #ifndef RK_NO_ORACLES).\n"
           "# Fixed keys: UKEK-256 = 40..5f, UKEK-128 = 60..6f, TEK t = (80 + 20t)..\n"
           "# dst RSI 0x00abcd, src RSI 0x98967f (9999999, the conventional KMF RSI),\n"
           "# keyset 1, key IDs 0x1001.., SLNs 0x0011..; teks/key_ids/slns concatenated.\n\n");
    one("CMAC, AES-256 UKEK, two AES-256 TEKs", 32, 0x2f62, 0x41, 0x84, 2, 0x0001, 2);
    one("CBC-MAC, AES-256 UKEK, one AES-128 TEK", 32, 0x2f62, 0x40, 0x85, 1, 0x0102, 0);
    one("CMAC, AES-128 UKEK, one AES-256 TEK", 16, 0x0128, 0x41, 0x84, 1, 0x7fff, 1);
    one("CMAC, AES-256 UKEK, three AES-128 TEKs", 32, 0x2f62, 0x41, 0x85, 3, 0xfffe, 2);
    return 0;
}
