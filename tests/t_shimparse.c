/* SPDX-License-Identifier: Apache-2.0 */
/* The shims' parsers on their own (the same entry points as the fuzz
 * harnesses fuzz/kms_xml.c, fuzz/keystore_load.c, fuzz/inventory_line.c):
 * the TS 33.180 Annex D KMS XML loader (write -> parse round trip, the
 * encrypted EncKeyContentType form refused with its own code, leaf fields
 * only), the key-store file loader from memory, and the IWF inventory line. */
#include <sodium.h>
#include <stdlib.h>
#include <unistd.h>
#include "rk_test.h"
#include "client/keystore.h"
#include "common/atomic.h"
#include "common/kms.h"
#include "iwf/iwf.h"

#define U8(s) ((const uint8_t *)(s))

static void fill_keyset(rk_kms_keyset *k)
{
    memset(k, 0, sizeof *k);
    strcpy(k->kms_uri, "kms.rootkey.test");
    strcpy(k->user_uri, "sip:alice@rootkey.test");
    for (int i = 0; i < 32; i++) k->uid[i] = (uint8_t)(i + 1);
    k->period_no = 1531;
    for (int i = 0; i < 257; i++) k->rsk[i] = (uint8_t)(3 * i);
    k->rsk[0] = 4;
    for (int i = 0; i < 32; i++) k->ssk[i] = (uint8_t)(0xA0 + i);
    for (int i = 0; i < 65; i++) k->pvt[i] = (uint8_t)(5 * i);
    k->pvt[0] = 4;
}

/* the key set document with the UserDecryptKey element replaced by rep */
static size_t keyset_with(char *out, size_t cap, const char *rep)
{
    rk_kms_keyset k;
    uint8_t doc[4096];
    size_t n = 0;
    fill_keyset(&k);
    if (rk_kms_keyset_write(doc, sizeof doc, &n, &k) != RK_OK) return 0;
    doc[n] = 0;
    char *a = strstr((char *)doc, "<UserDecryptKey");
    char *b = strstr((char *)doc, "</UserDecryptKey>");
    if (!a || !b) return 0;
    b += strlen("</UserDecryptKey>");
    int len = snprintf(out, cap, "%.*s%s%s", (int)(a - (char *)doc), (char *)doc, rep, b);
    return len > 0 && (size_t)len < cap ? (size_t)len : 0;
}

static void kms_round_trip(void)
{
    rk_kms_keyset k, back;
    rk_kms_cert c, cb;
    uint8_t doc[4096];
    size_t n = 0;
    char err[200] = "";
    fill_keyset(&k);
    CHECK_EQ(rk_kms_keyset_write(doc, sizeof doc, &n, &k), RK_OK);
    CHECK_EQ(rk_kms_keyset_parse(&back, doc, n, err, sizeof err), RK_OK);
    CHECK(memcmp(&k, &back, sizeof k) == 0);
    memset(&c, 0, sizeof c);
    strcpy(c.kms_uri, "kms.rootkey.test");
    c.period_len = 2592000;
    c.period_offset = 7;
    memset(c.z_pub, 0x5A, sizeof c.z_pub);
    memset(c.kpak, 0x3C, sizeof c.kpak);
    CHECK_EQ(rk_kms_cert_write(doc, sizeof doc, &n, &c), RK_OK);
    CHECK_EQ(rk_kms_cert_parse(&cb, doc, n, err, sizeof err), RK_OK);
    CHECK(memcmp(&c, &cb, sizeof c) == 0);
}

/* The test KMS writes the real shape (KmsResponse with the header fields at
 * its top level, xsi:type on the key fields): a KmsKeyProv with two key
 * sets (current and next period) and a KmsCertCache with two certificates
 * read back field for field, through the shim and through the core. */
static void kms_round_trip_many(void)
{
    static rk_kms_keyset k[2], back[RK_KMS_MAX_KEYSETS];
    static rk_kms_cert c[2], cb[RK_KMS_MAX_CERTS];
    static uint8_t doc[8192];
    static rk_kms_ctx ctx;
    static rk_kms_doc d;
    size_t n = 0, cnt = 0;
    char err[200] = "";
    fill_keyset(&k[0]);
    fill_keyset(&k[1]);
    k[1].period_no = 1532;
    k[1].uid[0] ^= 0xFF;
    k[1].ssk[5] ^= 0x11;
    CHECK_EQ(rk_kms_keysets_write(doc, sizeof doc, &n, k, 2), RK_OK);
    CHECK(strstr((const char *)doc, "xsi:type=\"KeyContentType\"") != NULL);
    CHECK_EQ(rk_kms_keysets_parse(back, RK_KMS_MAX_KEYSETS, &cnt, doc, n, 0, err, sizeof err), RK_OK);
    CHECK_EQ(cnt, 2);
    CHECK(memcmp(k, back, 2 * sizeof k[0]) == 0);
    /* the header at the top level, each key set its own fields */
    CHECK_EQ(rk_kms_read(&ctx, doc, n, 0, &d), RK_OK);
    CHECK_EQ(d.msg, RK_KMS_MSG_KEYPROV);
    CHECK(rk_xml_view_eq(doc, n, d.header.v[RK_KMS_F_USER_URI], U8(k[0].user_uri), strlen(k[0].user_uri)));
    CHECK(rk_xml_view_eq(doc, n, d.header.v[RK_KMS_F_KMS_URI], U8(k[0].kms_uri), strlen(k[0].kms_uri)));
    CHECK(d.header.present & (1u << RK_KMS_F_TIME));
    CHECK(d.header.present & (1u << RK_KMS_F_CLIENT_REQ_URL));
    CHECK_EQ(d.keyset[1].key_period_no, 1532);
    /* one key set more than the caller holds */
    CHECK_EQ(rk_kms_keysets_parse(back, 1, &cnt, doc, n, 0, err, sizeof err), RK_ERR_KMS_TOO_MANY);
    CHECK_EQ(cnt, 0);
    CHECK_ZERO(back, sizeof back[0]);

    memset(c, 0, sizeof c);
    strcpy(c[0].kms_uri, "kms.rootkey.test");
    strcpy(c[1].kms_uri, "kms.iwf.rootkey.test");
    c[0].period_len = 2592000;
    c[1].period_len = 86400;
    c[1].period_offset = 3600;
    memset(c[0].z_pub, 0x5A, sizeof c[0].z_pub);
    memset(c[1].z_pub, 0x6B, sizeof c[1].z_pub);
    memset(c[0].kpak, 0x3C, sizeof c[0].kpak);
    memset(c[1].kpak, 0x4D, sizeof c[1].kpak);
    CHECK_EQ(rk_kms_certs_write(doc, sizeof doc, &n, c, 2, "sip:alice@rootkey.test"), RK_OK);
    CHECK(strstr((const char *)doc, "<KmsCertCache>") != NULL);
    CHECK_EQ(rk_kms_certs_parse(cb, RK_KMS_MAX_CERTS, &cnt, doc, n, 0, err, sizeof err), RK_OK);
    CHECK_EQ(cnt, 2);
    CHECK(memcmp(c, cb, 2 * sizeof c[0]) == 0);
    /* a key set document is not a certificate document, and back */
    CHECK_EQ(rk_kms_keysets_parse(back, RK_KMS_MAX_KEYSETS, &cnt, doc, n, 0, err, sizeof err), RK_ERR_KMS_MISSING);
    CHECK_EQ(rk_kms_keysets_write(doc, sizeof doc, &n, k, 2), RK_OK);
    CHECK_EQ(rk_kms_certs_parse(cb, RK_KMS_MAX_CERTS, &cnt, doc, n, 0, err, sizeof err), RK_ERR_KMS_MISSING);
    CHECK(strstr(err, "KmsCertificate") != NULL);
}

/* Annex D abstractKeyContentType: the plain form with xsi:type accepted;
 * the encrypted form (xsi:type EncKeyContentType and/or a child element)
 * refused with RK_ERR_KMS_ENCRYPTED, the key set zeroed. */
static void kms_encrypted_refused(void)
{
    static const struct { const char *what, *rep; rk_status want; } c[] = {
        { "xsi:type EncKeyContentType with xenc:EncryptedKey",
          "<UserDecryptKey xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\" xsi:type=\"EncKeyContentType\">"
          "<xenc:EncryptedKey><xenc:EncryptionMethod "
          "Algorithm=\"http://www.w3.org/2001/04/xmlenc#kw-aes256\"/><xenc:CipherData>"
          "<xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>"
          "</UserDecryptKey>", RK_ERR_KMS_ENCRYPTED },
        { "xsi:type with a prefix, empty content",
          "<UserDecryptKey xmlns:s=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "s:type=\"tns:EncKeyContentType\"/>", RK_ERR_KMS_ENCRYPTED },
        { "xenc:EncryptedKey child without xsi:type",
          "<UserDecryptKey><e:EncryptedKey xmlns:e=\"http://www.w3.org/2001/04/xmlenc#\"/>"
          "</UserDecryptKey>", RK_ERR_KMS_ENCRYPTED },
        { "xenc:EncryptedData child",
          "<UserDecryptKey><e:EncryptedData xmlns:e=\"http://www.w3.org/2001/04/xmlenc#\"/>"
          "</UserDecryptKey>", RK_ERR_KMS_ENCRYPTED },
        { "a child element of another namespace",
          "<UserDecryptKey><x:y xmlns:x=\"urn:x\"/></UserDecryptKey>", RK_ERR_KMS_ENCRYPTED },
        { "text split by a comment",
          "<UserDecryptKey>04<!-- c -->00</UserDecryptKey>", RK_ERR_KMS_CONTENT },
        { "the element missing", "", RK_ERR_KMS_MISSING },
        { "the element repeated", "<UserDecryptKey>00</UserDecryptKey><UserDecryptKey>00</UserDecryptKey>",
          RK_ERR_KMS_REPEATED },
        { "one octet short", "<UserDecryptKey>0400</UserDecryptKey>", RK_ERR_KMS_HEX },
        { "xsi:type KeyContentType (the plain form) is accepted",
          "<UserDecryptKey xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:type=\"KeyContentType\">%s</UserDecryptKey>", RK_OK },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        char doc[8192], err[256] = "";
        rk_kms_keyset k;
        CASE_BEGIN("KMS key set: %s", c[i].what);
        char rep[2048], hex[515];
        memset(hex, '0', 514);
        hex[1] = '4';                            /* 04 || x || y */
        hex[514] = 0;
        snprintf(rep, sizeof rep, c[i].rep, hex);
        size_t n = keyset_with(doc, sizeof doc, rep);
        CHECK(n > 0);
        memset(&k, 0x77, sizeof k);
        rk_status st = rk_kms_keyset_parse(&k, U8(doc), n, err, sizeof err);
        CHECK_EQ(st, c[i].want);
        if (st != RK_OK) CHECK_ZERO(&k, sizeof k);
        if (c[i].want == RK_ERR_KMS_ENCRYPTED)
            CHECK(strstr(err, "EncKeyContentType") != NULL);
        CASE_END();
    }
}

static void keystore_from_memory(void)
{
    uint8_t key[32], file[1024];
    size_t n = 0;
    char path[256];
    rk_ks_entry e, got;
    rk_keystore *ks = rk_keystore_new(4), *ks2 = rk_keystore_new(4);
    CHECK(ks && ks2);
    if (!ks || !ks2) return;
    memset(key, 0x42, sizeof key);
    memset(&e, 0, sizeof e);
    e.key_id = 0xF0111213; e.lmr_type = 1; e.key_len = 32;
    memset(e.key, 0x19, 32);
    e.wrap_time = 3968437672u;
    CHECK_EQ(rk_keystore_put(ks, &e), RK_OK);
    snprintf(path, sizeof path, "%s/rk_shimparse_%d.ks", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (int)getpid());
    CHECK_EQ(rk_keystore_save(ks, path, key), RK_OK);
    CHECK_EQ(rk_file_read(path, file, sizeof file, &n), RK_OK);
    unlink(path);
    CHECK_EQ(rk_keystore_load_mem(ks2, file, n, key), RK_OK);
    CHECK_EQ(rk_keystore_get(ks2, 0xF0111213, &got), RK_OK);
    CHECK_MEM(got.key, e.key, 32);
    CHECK_EQ(rk_keystore_load_mem(ks2, file, n - 1, key), RK_ERR_STORE_TRUNCATED);
    CHECK_EQ(rk_keystore_load_mem(ks2, file, 7, key), RK_ERR_STORE_TRUNCATED);
    file[n - 1] ^= 1;
    CHECK_EQ(rk_keystore_load_mem(ks2, file, n, key), RK_ERR_STORE_TAMPERED);
    file[n - 1] ^= 1;
    file[0] = 'X';
    CHECK_EQ(rk_keystore_load_mem(ks2, file, n, key), RK_ERR_STORE_FORMAT);
    CHECK_EQ(rk_keystore_load_mem(ks2, NULL, 0, key), RK_ERR_STORE_TRUNCATED);
    CHECK_EQ(rk_keystore_count(ks2), 1);     /* refused loads changed nothing */
    rk_keystore_free(ks);
    rk_keystore_free(ks2);
}

static void inventory_lines(void)
{
    static const struct { const char *line; rk_status want; } c[] = {
        { "sip:a@x,kms.x,P25,wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A2;keyset=1,hex:"
          "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", RK_OK },
        { "sip:b@x,kms.x,TETRA,mcc=242;mnc=1;issi=1000000;kn=3,hex:00112233445566778899", RK_OK },
        { "sip:c@x,kms.x,OTHER,sys=0A0B;ref=01,hex:0011223344556677", RK_OK },
        { "sip:d@x,kms.x,P25,wacn=BEE00;sys=3A1;rsi=1;algid=84;kid=1,hex:0011223344556677",
          RK_ERR_STORE_INVENTORY },                       /* keyset missing */
        { "sip:e@x,kms.x,P25,wacn=100000;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,hex:0011223344556677",
          RK_ERR_STORE_INVENTORY },                       /* WACN over 20 bits */
        { "sip:f@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:00112233445566", RK_ERR_STORE_INVENTORY },
        { "sip:g@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677,extra", RK_ERR_STORE_INVENTORY },
        { "sip:h@x,kms.x,DMR,sys=01,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { ",kms.x,OTHER,sys=01,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "sip:i@x,kms.x,OTHER,sys=01,key:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "", RK_ERR_STORE_INVENTORY },
        /* issue 18: the strict values today's strtoul accepted */
        { "sip:j@x,kms.x,P25,wacn=0xBEE00;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "sip:j@x,kms.x,P25,wacn=BEE00;sys=3A1;rsi=+1234;algid=84;kid=1;keyset=1,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "sip:j@x,kms.x,P25,wacn= BEE00;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "sip:j@x,kms.x,P25,wacn=BEE00;sys=3A1;rsi=1;algid=84;kid=1;keyset=-0,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "sip:j@x,kms.x,P25,wacn=1;wacn=2;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "sip:j@x,kms.x,TETRA,mcc=1;mnc=1;issi=1;kn=1;kn=1,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        { "sip:j@x,kms.x,OTHER,sys=01;sys=02,hex:0011223344556677", RK_ERR_STORE_INVENTORY },
        /* RFC 4180: quoted fields, "" inside, spaces after commas; bad quoting */
        { "\"sip:k@x\", kms.x , \"TETRA\",\"mcc=1;mnc=1;issi=1\" , hex:0011223344556677", RK_OK },
        { "\"sip:\"\"k\"\"@x\",kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_OK },
        { "\"sip:k@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_CSV },
        { "\"sip:k@x\"y,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_CSV },
        { "sip:k\"@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_CSV },
        { "sip:k@x,kms.x,TETRA,\"mcc=1;mnc=1;issi=1,hex:0011223344556677\"", RK_ERR_STORE_INVENTORY },
        /* the MC ID: UTF-8 text, no control character, no BOM; never a key */
        { "sip:m\xc3\xbcller@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_OK },
        { "sip:m\xfcller@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_UTF8 },
        { "sip:m\xc0\xafller@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_UTF8 },
        { "sip:m\xed\xa0\x80@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_UTF8 },
        { "\xef\xbb\xbfsip:m@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_UTF8 },
        { "sip:m\t@x,kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677", RK_ERR_IWF_UTF8 },
        { "sip:m@x,kms.x,TETRA,hex:0011223344556677,mcc=1;mnc=1;issi=1", RK_ERR_STORE_INVENTORY },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        char id[256], kms[256], err[256] = "";
        rk_lmr_block b;
        CASE_BEGIN("inventory line %zu", i);
        memset(&b, 0x55, sizeof b);
        rk_status st = rk_iwf_parse_line(c[i].line, id, sizeof id, kms, sizeof kms, &b, err, sizeof err);
        CHECK_EQ(st, c[i].want);
        if (st != RK_OK) {
            CHECK_ZERO(&b.key, sizeof b.key);
            CHECK(b.key_len == 0 && err[0] != 0);
            CHECK(id[0] == 0 && kms[0] == 0);
            CHECK(strstr(err, "0011223344556677") == NULL);   /* never a key in a message */
        }
        CASE_END();
    }
    /* a NUL inside the line (the key cut to half by strlen before) and a
     * line over the bound, through the length-taking entry point */
    char line[RK_IWF_LINE_MAX + 2], id[256], kms[256], err[256];
    rk_lmr_block b;
    static const char nul[] = "sip:a@x,kms.x,P25,wacn=BEE00;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,"
                              "hex:00112233445566778899AABBCCDDEEFF\0" "00112233445566778899AABBCCDDEEFF";
    CHECK_EQ(rk_iwf_parse_record(nul, sizeof nul - 1, id, sizeof id, kms, sizeof kms, &b, err, sizeof err),
             RK_ERR_IWF_LINE_NUL);
    CHECK_EQ(b.key_len, 0);
    int n = snprintf(line, sizeof line, "sip:a@x,kms.x,OTHER,sys=01,hex:0011223344556677,");
    memset(line + n, 'x', sizeof line - (size_t)n);
    CHECK_EQ(rk_iwf_parse_record(line, RK_IWF_LINE_MAX + 1, id, sizeof id, kms, sizeof kms, &b, err, sizeof err),
             RK_ERR_IWF_LINE_TOO_LONG);
    CHECK_EQ(rk_iwf_parse_record(line, RK_IWF_LINE_MAX, id, sizeof id, kms, sizeof kms, &b, err, sizeof err),
             RK_ERR_STORE_INVENTORY);   /* at the bound: read, six fields */
    /* the MC ID is kept octet for octet (no case folding, no mapping) */
    CHECK_EQ(rk_iwf_parse_line("\"sip:\"\"K\"\"@x\",kms.x,TETRA,mcc=1;mnc=1;issi=1,hex:0011223344556677",
                               id, sizeof id, kms, sizeof kms, &b, err, sizeof err), RK_OK);
    CHECK(strcmp(id, "sip:\"K\"@x") == 0);
    rk_lmr_wipe(&b);
}

void rk_suite_shimparse(void)
{
    if (sodium_init() < 0) { CHECK(0); return; }
    RUN(kms_round_trip);
    RUN(kms_round_trip_many);
    kms_encrypted_refused();
    RUN(keystore_from_memory);
    inventory_lines();
}
