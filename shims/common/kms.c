/* SPDX-License-Identifier: Apache-2.0 */
/* see kms.h */
#include "kms.h"
#include "atomic.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/eccsi.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/hex.h"
#include "rootkey/sakke.h"
#include "rootkey/kms.h"
#include "rootkey/xml.h"
#include <time.h>

static void seterr(char *err, size_t n, const char *fmt, const char *a)
{
    if (err && n) snprintf(err, n, fmt, a);
}

/* ------------------------------------------------------------ reading
 * Through the core's KMS document reader (rootkey/kms.h, docs/kms.md): the
 * real Annex D nesting, each field to its parent, every check with its own
 * RK_ERR_KMS_* code.  The views it returns are copied into the shim's
 * structures here (strings terminated, hexBinary decoded). */

static rk_status read_doc(rk_kms_doc *d, const uint8_t *doc, size_t len, int64_t now,
                          char *err, size_t errlen)
{
    rk_kms_ctx *ctx = malloc(sizeof *ctx);
    rk_status st;
    if (!ctx) { seterr(err, errlen, "%s", "out of memory"); return RK_ERR_ALLOC; }
    st = rk_kms_read(ctx, doc, len, now, d);
    free(ctx);
    seterr(err, errlen, "%s", st == RK_OK ? "" : rk_strerror(st));
    return st;
}

static void copy_str(char *dst, const uint8_t *doc, rk_xml_view v)
{
    /* UserUri and KmsUri: 1..255 printable octets, checked by the reader */
    memcpy(dst, doc + v.off, v.len);
    dst[v.len] = 0;
}

static rk_status unhex(uint8_t *dst, size_t n, const uint8_t *doc, rk_xml_view v)
{
    size_t ol = 0;
    return rk_hex_decode(dst, n, (const char *)doc + v.off, v.len, &ol);
}

static rk_status to_cert(rk_kms_cert *c, const uint8_t *doc, const rk_kms_record *r)
{
    rk_status st;
    memset(c, 0, sizeof *c);
    copy_str(c->kms_uri, doc, r->v[RK_KMS_F_KMS_URI]);
    c->period_len = r->user_key_period;
    c->period_offset = r->user_key_offset;
    st = unhex(c->z_pub, sizeof c->z_pub, doc, r->v[RK_KMS_F_PUB_ENC_KEY]);
    if (st == RK_OK) st = unhex(c->kpak, sizeof c->kpak, doc, r->v[RK_KMS_F_PUB_AUTH_KEY]);
    if (st != RK_OK) memset(c, 0, sizeof *c);
    return st;
}

static rk_status to_keyset(rk_kms_keyset *k, const uint8_t *doc, const rk_kms_record *r)
{
    rk_status st;
    sodium_memzero(k, sizeof *k);
    copy_str(k->kms_uri, doc, r->v[RK_KMS_F_KMS_URI]);
    copy_str(k->user_uri, doc, r->v[RK_KMS_F_USER_URI]);
    k->period_no = r->key_period_no;
    st = unhex(k->uid, sizeof k->uid, doc, r->v[RK_KMS_F_USER_ID]);
    if (st == RK_OK) st = unhex(k->rsk, sizeof k->rsk, doc, r->v[RK_KMS_F_USER_DECRYPT_KEY]);
    if (st == RK_OK) st = unhex(k->ssk, sizeof k->ssk, doc, r->v[RK_KMS_F_USER_SIGNING_KEY]);
    if (st == RK_OK) st = unhex(k->pvt, sizeof k->pvt, doc, r->v[RK_KMS_F_USER_PUB_TOKEN]);
    if (st != RK_OK) sodium_memzero(k, sizeof *k);
    return st;
}

rk_status rk_kms_certs_parse(rk_kms_cert *c, size_t max, size_t *n, const uint8_t *doc,
                             size_t len, int64_t now, char *err, size_t errlen)
{
    rk_kms_doc *d = malloc(sizeof *d);
    rk_status st = RK_OK;
    *n = 0;
    memset(c, 0, max * sizeof *c);
    if (!d) { seterr(err, errlen, "%s", "out of memory"); return RK_ERR_ALLOC; }
    st = read_doc(d, doc, len, now, err, errlen);
    if (st == RK_OK && d->ncerts == 0) {
        seterr(err, errlen, "%s", "not a KmsInit or KmsCertCache response (no KmsCertificate)");
        st = RK_ERR_KMS_MISSING;
    }
    if (st == RK_OK && d->ncerts > max) { seterr(err, errlen, "%s", rk_strerror(RK_ERR_KMS_TOO_MANY));
                                          st = RK_ERR_KMS_TOO_MANY; }
    for (size_t i = 0; st == RK_OK && i < d->ncerts; i++)
        st = to_cert(&c[i], doc, &d->cert[i]);
    if (st == RK_OK) *n = d->ncerts;
    else memset(c, 0, max * sizeof *c);
    free(d);
    return st;
}

rk_status rk_kms_cert_parse(rk_kms_cert *c, const uint8_t *doc, size_t len, char *err, size_t errlen)
{
    rk_kms_cert all[RK_KMS_MAX_CERTS];
    size_t n = 0;
    rk_status st = rk_kms_certs_parse(all, RK_KMS_MAX_CERTS, &n, doc, len, (int64_t)time(NULL),
                                      err, errlen);
    *c = all[0];
    return st;
}

/* The certificate as a record for rk_kms_keyset_check: the fields it reads
 * (KmsUri, UserKeyPeriod, UserKeyOffset), the KmsUri's view into c->kms_uri
 * (the octets the reader copied out of the certificate's document). */
static void cert_record(rk_kms_record *r, const rk_kms_cert *c)
{
    memset(r, 0, sizeof *r);
    r->v[RK_KMS_F_KMS_URI].len = strlen(c->kms_uri);
    r->present = ((uint64_t)1u << RK_KMS_F_KMS_URI) | ((uint64_t)1u << RK_KMS_F_USER_KEY_PERIOD) |
                 ((uint64_t)1u << RK_KMS_F_USER_KEY_OFFSET);
    r->user_key_period = c->period_len;
    r->user_key_offset = c->period_offset;
}

/* rk_kms_keysets_parse, and with cert each key set checked against it. */
static rk_status keysets_read(rk_kms_keyset *k, size_t max, size_t *n, const rk_kms_cert *cert,
                              const uint8_t *doc, size_t len, int64_t now, char *err, size_t errlen)
{
    rk_kms_doc *d = malloc(sizeof *d);
    rk_kms_record cr;
    rk_status st;
    *n = 0;
    sodium_memzero(k, max * sizeof *k);
    if (!d) { seterr(err, errlen, "%s", "out of memory"); return RK_ERR_ALLOC; }
    st = read_doc(d, doc, len, now, err, errlen);
    if (st == RK_OK && d->nkeysets == 0) {
        seterr(err, errlen, "%s", "not a KmsKeyProv response (no KmsKeySet)");
        st = RK_ERR_KMS_MISSING;
    }
    if (st == RK_OK && d->nkeysets > max) { seterr(err, errlen, "%s", rk_strerror(RK_ERR_KMS_TOO_MANY));
                                            st = RK_ERR_KMS_TOO_MANY; }
    if (cert) cert_record(&cr, cert);
    for (size_t i = 0; st == RK_OK && cert && i < d->nkeysets; i++) {
        st = rk_kms_keyset_check(doc, len, &d->keyset[i], (const uint8_t *)cert->kms_uri,
                                 strlen(cert->kms_uri), &cr);
        if (st != RK_OK && err && errlen)
            snprintf(err, errlen, "key set %zu against the certificate of %.255s: %s", i + 1,
                     cert->kms_uri, rk_strerror(st));
    }
    for (size_t i = 0; st == RK_OK && i < d->nkeysets; i++)
        st = to_keyset(&k[i], doc, &d->keyset[i]);
    if (st == RK_OK) *n = d->nkeysets;
    else sodium_memzero(k, max * sizeof *k);
    free(d);
    return st;
}

rk_status rk_kms_keysets_parse(rk_kms_keyset *k, size_t max, size_t *n, const uint8_t *doc,
                               size_t len, int64_t now, char *err, size_t errlen)
{
    return keysets_read(k, max, n, NULL, doc, len, now, err, errlen);
}

rk_status rk_kms_keysets_load(rk_kms_keyset *k, size_t max, size_t *n, const rk_kms_cert *cert,
                              const uint8_t *doc, size_t len, int64_t now, char *err, size_t errlen)
{
    return keysets_read(k, max, n, cert, doc, len, now, err, errlen);
}

rk_status rk_kms_cert_find(rk_kms_cert *c, const char *kms_uri, const uint8_t *doc, size_t len,
                           int64_t now, char *err, size_t errlen)
{
    rk_kms_cert all[RK_KMS_MAX_CERTS];
    size_t n = 0;
    rk_status st = rk_kms_certs_parse(all, RK_KMS_MAX_CERTS, &n, doc, len, now, err, errlen);
    memset(c, 0, sizeof *c);
    for (size_t i = 0; st == RK_OK && i < n; i++)
        if (strcmp(all[i].kms_uri, kms_uri) == 0) { *c = all[i]; return RK_OK; }
    if (st == RK_OK) {
        st = RK_ERR_KMS_NO_CERT;
        if (err && errlen) snprintf(err, errlen, "no certificate of %.255s among the %zu of the document", kms_uri, n);
    }
    return st;
}

rk_status rk_kms_keyset_parse(rk_kms_keyset *k, const uint8_t *doc, size_t len, char *err, size_t errlen)
{
    size_t n = 0;
    rk_kms_keyset *all = sodium_malloc(RK_KMS_MAX_KEYSETS * sizeof *all);
    rk_status st;
    sodium_memzero(k, sizeof *k);
    if (!all) { seterr(err, errlen, "%s", "out of memory"); return RK_ERR_ALLOC; }
    st = rk_kms_keysets_parse(all, RK_KMS_MAX_KEYSETS, &n, doc, len, (int64_t)time(NULL), err, errlen);
    if (st == RK_OK) *k = all[0];
    sodium_free(all);
    return st;
}

/* ------------------------------------------------------------ writing */
#define W(x) do { rk_status s_ = (x); if (s_ != RK_OK) { st = s_; goto fail; } } while (0)

static rk_status leaf(rk_xml_writer *w, const char *name, const char *val, size_t vlen)
{
    rk_status st;
    if ((st = rk_xml_write_raw(w, (const uint8_t *)"\n    ", 5)) != RK_OK) return st;
    if ((st = rk_xml_write_start(w, (const uint8_t *)name, strlen(name), NULL, 0, 0)) != RK_OK) return st;
    if ((st = rk_xml_write_text(w, (const uint8_t *)val, vlen)) != RK_OK) return st;
    return rk_xml_write_end(w, (const uint8_t *)name, strlen(name));
}

static rk_status leaf_u64(rk_xml_writer *w, const char *name, uint64_t v)
{
    char b[24];
    int n = snprintf(b, sizeof b, "%llu", (unsigned long long)v);
    return leaf(w, name, b, (size_t)n);
}

static rk_status leaf_hex(rk_xml_writer *w, const char *name, const uint8_t *v, size_t n)
{
    char h[2 * 257 + 1];
    size_t hl = 0;
    rk_status st = rk_hex_encode(h, sizeof h, v, n, &hl);
    if (st == RK_OK) st = leaf(w, name, h, hl);
    sodium_memzero(h, sizeof h);
    return st;
}

static const char XMLDECL[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* A key field with the plain abstractKeyContentType label real KMSs write. */
static rk_status leaf_key(rk_xml_writer *w, const char *name, const uint8_t *v, size_t n)
{
    char h[2 * 257 + 1];
    size_t hl = 0;
    rk_xml_wattr a = {(const uint8_t *)"xsi:type", 8, (const uint8_t *)"KeyContentType", 14};
    rk_status st = rk_hex_encode(h, sizeof h, v, n, &hl);
    if (st == RK_OK) st = rk_xml_write_raw(w, (const uint8_t *)"\n    ", 5);
    if (st == RK_OK) st = rk_xml_write_start(w, (const uint8_t *)name, strlen(name), &a, 1, 0);
    if (st == RK_OK) st = rk_xml_write_text(w, (const uint8_t *)h, hl);
    if (st == RK_OK) st = rk_xml_write_end(w, (const uint8_t *)name, strlen(name));
    sodium_memzero(h, sizeof h);
    return st;
}

static rk_status open_el(rk_xml_writer *w, const char *indent, const char *name,
                         const rk_xml_wattr *a, size_t na)
{
    rk_status st = rk_xml_write_raw(w, (const uint8_t *)indent, strlen(indent));
    if (st == RK_OK) st = rk_xml_write_start(w, (const uint8_t *)name, strlen(name), a, na, 0);
    return st;
}

static rk_status close_el(rk_xml_writer *w, const char *indent, const char *name)
{
    rk_status st = rk_xml_write_raw(w, (const uint8_t *)indent, strlen(indent));
    if (st == RK_OK) st = rk_xml_write_end(w, (const uint8_t *)name, strlen(name));
    return st;
}

/* KmsResponse (Annex D.3) with the header fields at its top level, then
 * KmsMessage and the message element opened (closed by close_response). */
static rk_status open_response(rk_xml_writer *w, const char *user_uri, const char *kms_uri,
                               const char *msg, const char *req)
{
    rk_xml_wattr a[4] = {
        {(const uint8_t *)"xmlns", 5, (const uint8_t *)RK_KMS_NS, strlen(RK_KMS_NS)},
        {(const uint8_t *)"xmlns:xsi", 9, (const uint8_t *)XSI_NS, strlen(XSI_NS)},
        {(const uint8_t *)"Id", 2, (const uint8_t *)"rootkey-test-kms", 16},
        {(const uint8_t *)"Version", 7, (const uint8_t *)"1.0.0", 5},
    };
    char t[32], url[RK_KMS_URI_MAX + 64];
    time_t now = time(NULL);
    struct tm tm;
    rk_status st;
    gmtime_r(&now, &tm);
    strftime(t, sizeof t, "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(url, sizeof url, "https://%s/keymanagement/identity/v1/%s", kms_uri, req);
    st = rk_xml_write_raw(w, (const uint8_t *)XMLDECL, strlen(XMLDECL));
    if (st == RK_OK) st = rk_xml_write_start(w, (const uint8_t *)"KmsResponse", 11, a, 4, 0);
    if (st == RK_OK) st = leaf(w, "UserUri", user_uri, strlen(user_uri));
    if (st == RK_OK) st = leaf(w, "KmsUri", kms_uri, strlen(kms_uri));
    if (st == RK_OK) st = leaf(w, "Time", t, strlen(t));
    if (st == RK_OK) st = leaf(w, "ClientReqUrl", url, strlen(url));
    if (st == RK_OK) st = open_el(w, "\n  ", "KmsMessage", NULL, 0);
    if (st == RK_OK) st = open_el(w, "\n  ", msg, NULL, 0);
    return st;
}

static rk_status close_response(rk_xml_writer *w, const char *msg)
{
    rk_status st = close_el(w, "\n  ", msg);
    if (st == RK_OK) st = close_el(w, "\n  ", "KmsMessage");
    if (st == RK_OK) st = close_el(w, "\n", "KmsResponse");
    if (st == RK_OK) st = rk_xml_write_raw(w, (const uint8_t *)"\n", 1);
    return st;
}

static rk_status cert_el(rk_xml_writer *w, const rk_kms_cert *c)
{
    rk_xml_wattr a[2] = {
        {(const uint8_t *)"Version", 7, (const uint8_t *)"1.1.0", 5},
        {(const uint8_t *)"Role", 4, (const uint8_t *)"Root", 4},
    };
    rk_status st = open_el(w, "\n  ", "KmsCertificate", a, 2);
    if (st == RK_OK) st = leaf(w, "KmsUri", c->kms_uri, strlen(c->kms_uri));
    if (st == RK_OK) st = leaf(w, "UserIdFormat", "2", 1);
    if (st == RK_OK) st = leaf_u64(w, "UserKeyPeriod", c->period_len);
    if (st == RK_OK) st = leaf_u64(w, "UserKeyOffset", c->period_offset);
    if (st == RK_OK) st = leaf_hex(w, "PubEncKey", c->z_pub, 257);
    if (st == RK_OK) st = leaf_hex(w, "PubAuthKey", c->kpak, 65);
    if (st == RK_OK) st = leaf(w, "ParameterSet", "1", 1);
    if (st == RK_OK) st = close_el(w, "\n  ", "KmsCertificate");
    return st;
}

static rk_status keyset_el(rk_xml_writer *w, const rk_kms_keyset *k)
{
    rk_xml_wattr a = {(const uint8_t *)"Version", 7, (const uint8_t *)"1.1.0", 5};
    rk_status st = open_el(w, "\n  ", "KmsKeySet", &a, 1);
    if (st == RK_OK) st = leaf(w, "KmsUri", k->kms_uri, strlen(k->kms_uri));
    if (st == RK_OK) st = leaf(w, "UserUri", k->user_uri, strlen(k->user_uri));
    if (st == RK_OK) st = leaf_hex(w, "UserID", k->uid, 32);
    if (st == RK_OK) st = leaf_u64(w, "KeyPeriodNo", k->period_no);
    if (st == RK_OK) st = leaf(w, "Revoked", "false", 5);
    if (st == RK_OK) st = leaf_key(w, "UserDecryptKey", k->rsk, 257);
    if (st == RK_OK) st = leaf_key(w, "UserSigningKeySSK", k->ssk, 32);
    if (st == RK_OK) st = leaf_key(w, "UserPubTokenPVT", k->pvt, 65);
    if (st == RK_OK) st = close_el(w, "\n  ", "KmsKeySet");
    return st;
}

rk_status rk_kms_certs_write(uint8_t *out, size_t cap, size_t *len, const rk_kms_cert *c,
                             size_t n, const char *user_uri)
{
    rk_xml_writer w;
    rk_status st;
    const char *msg = n == 1 ? "KmsInit" : "KmsCertCache";
    *len = 0;
    if (n == 0 || n > RK_KMS_MAX_CERTS) return RK_ERR_LENGTH;
    rk_xml_writer_init(&w, out, cap);
    W(open_response(&w, user_uri, c[0].kms_uri, msg, n == 1 ? "init" : "certcache"));
    for (size_t i = 0; i < n; i++)
        W(cert_el(&w, &c[i]));
    W(close_response(&w, msg));
    *len = w.pos;
    return RK_OK;
fail:
    sodium_memzero(out, cap);
    return st;
}

rk_status rk_kms_cert_write(uint8_t *out, size_t cap, size_t *len, const rk_kms_cert *c)
{
    return rk_kms_certs_write(out, cap, len, c, 1, c->kms_uri);
}

rk_status rk_kms_keysets_write(uint8_t *out, size_t cap, size_t *len, const rk_kms_keyset *k,
                               size_t n)
{
    rk_xml_writer w;
    rk_status st;
    *len = 0;
    if (n == 0 || n > RK_KMS_MAX_KEYSETS) return RK_ERR_LENGTH;
    rk_xml_writer_init(&w, out, cap);
    W(open_response(&w, k[0].user_uri, k[0].kms_uri, "KmsKeyProv", "keyprov"));
    for (size_t i = 0; i < n; i++)
        W(keyset_el(&w, &k[i]));
    W(close_response(&w, "KmsKeyProv"));
    *len = w.pos;
    return RK_OK;
fail:
    sodium_memzero(out, cap);
    return st;
}

rk_status rk_kms_keyset_write(uint8_t *out, size_t cap, size_t *len, const rk_kms_keyset *k)
{
    return rk_kms_keysets_write(out, cap, len, k, 1);
}

/* ------------------------------------------------------------ test KMS */
rk_status rk_kms_master_create(rk_kms_master *m, const char *kms_uri,
                               uint64_t period_len, uint64_t period_offset)
{
    rk_status st;
    memset(m, 0, sizeof *m);
    if (strlen(kms_uri) == 0 || strlen(kms_uri) > RK_KMS_URI_MAX || period_len == 0) return RK_ERR_LENGTH;
    strcpy(m->cert.kms_uri, kms_uri);
    m->cert.period_len = period_len;
    m->cert.period_offset = period_offset;
    do {   /* KSAK uniform in [1, q-1] by rejection */
        randombytes_buf(m->ksak, 32);
        st = rk_eccsi_kms_kpak(m->cert.kpak, m->ksak);
    } while (st == RK_ERR_SCALAR_RANGE);
    if (st != RK_OK) goto fail;
    do {   /* z in [1, q-1], q of 1022 bits: top 2 bits cleared, then rejection */
        randombytes_buf(m->z, 128);
        m->z[0] &= 0x3F;
        st = rk_sakke_kms_public(m->cert.z_pub, m->z, 128);
    } while (st == RK_ERR_SAKKE_KMS_SECRET);
    if (st != RK_OK) goto fail;
    return RK_OK;
fail:
    sodium_memzero(m, sizeof *m);
    return st;
}

rk_status rk_kms_issue(rk_kms_keyset *k, const rk_kms_master *m, const char *user_uri,
                       uint64_t period_no)
{
    rk_status st;
    uint8_t v[32];
    memset(k, 0, sizeof *k);
    if (strlen(user_uri) == 0 || strlen(user_uri) > RK_KMS_URI_MAX) return RK_ERR_LENGTH;
    strcpy(k->kms_uri, m->cert.kms_uri);
    strcpy(k->user_uri, user_uri);
    k->period_no = period_no;
    st = rk_uid(k->uid, (const uint8_t *)user_uri, strlen(user_uri),
                (const uint8_t *)m->cert.kms_uri, strlen(m->cert.kms_uri),
                m->cert.period_len, m->cert.period_offset, period_no);
    if (st != RK_OK) goto fail;
    st = rk_sakke_kms_rsk(k->rsk, m->z, 128, k->uid, 32);
    if (st != RK_OK) goto fail;
    do {
        randombytes_buf(v, 32);
        st = rk_eccsi_kms_make_ssk(k->ssk, k->pvt, m->ksak, m->cert.kpak, k->uid, 32, v);
    } while (st == RK_ERR_SCALAR_RANGE || st == RK_ERR_ECCSI_RETRY);
    sodium_memzero(v, sizeof v);
    if (st != RK_OK) goto fail;
    return RK_OK;
fail:
    sodium_memzero(k, sizeof *k);
    return st;
}

#define MAGIC "RKKMS1"
rk_status rk_kms_master_save(const rk_kms_master *m, const char *path)
{
    size_t cap = 8 + 32 + 128 + 4096, n = 0;
    uint8_t *buf = sodium_malloc(cap);
    rk_status st;
    if (!buf) return RK_ERR_ALLOC;
    memcpy(buf, MAGIC, 6);
    memcpy(buf + 6, m->ksak, 32);
    memcpy(buf + 38, m->z, 128);
    st = rk_kms_cert_write(buf + 166, cap - 166, &n, &m->cert);
    if (st == RK_OK) st = rk_file_write_atomic(path, buf, 166 + n, 0600);
    sodium_free(buf);
    return st;
}

rk_status rk_kms_master_load(rk_kms_master *m, const char *path)
{
    size_t cap = 8 + 32 + 128 + 8192, n = 0;
    uint8_t *buf = sodium_malloc(cap);
    rk_status st;
    memset(m, 0, sizeof *m);
    if (!buf) return RK_ERR_ALLOC;
    st = rk_file_read(path, buf, cap, &n);
    if (st == RK_OK && (n < 166 || memcmp(buf, MAGIC, 6) != 0)) st = RK_ERR_STORE_FORMAT;
    if (st == RK_OK) {
        memcpy(m->ksak, buf + 6, 32);
        memcpy(m->z, buf + 38, 128);
        st = rk_kms_cert_parse(&m->cert, buf + 166, n - 166, NULL, 0);
    }
    sodium_free(buf);
    if (st != RK_OK) sodium_memzero(m, sizeof *m);
    return st;
}

rk_status rk_kms_period_now(uint64_t *no, const rk_kms_cert *c, int64_t now_unix)
{
    uint32_t ntp = 0;
    *no = 0;
    rk_status st = rk_ntp_from_unix(&ntp, now_unix);
    if (st != RK_OK) return st;
    return rk_key_period_no(no, rk_ntp_seconds_since_1900(ntp), c->period_len, c->period_offset);
}
