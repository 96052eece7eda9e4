/* see kms.h */
#include "kms.h"
#include "atomic.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/eccsi.h"
#include "rootkey/hash.h"
#include "rootkey/hex.h"
#include "rootkey/sakke.h"
#include "rootkey/xml.h"

static void seterr(char *err, size_t n, const char *fmt, const char *a)
{
    if (err && n) snprintf(err, n, fmt, a);
}

/* ------------------------------------------------------------ reading
 * Fields are leaf elements in the KMS namespace found anywhere in the
 * document (so a bare KmsCertificate/KmsKeySet and one inside a KmsResponse
 * both load); each must appear exactly once. */
#define MAXF 8
typedef struct {
    const char *name;
    int kind;          /* 0 text -> str, 1 uint -> u64, 2 hex fixed -> bin */
    char *str; size_t strcap;
    uint64_t *u64;
    uint8_t *bin; size_t binlen;
    int seen;
    int texts;         /* text runs seen inside: one allowed */
} field;

#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"
#define XENC_NS "http://www.w3.org/2001/04/xmlenc#"

static int view_is(const uint8_t *doc, size_t len, rk_xml_view v, const char *s)
{
    return rk_xml_view_eq(doc, len, v, (const uint8_t *)s, strlen(s));
}

/* Annex D key elements are abstractKeyContentType: plain hexBinary
 * (KeyContentType) or EncKeyContentType, an xenc:EncryptedKey under the
 * transport key TrK.  The latter is refused with its own code: the XML
 * Encryption algorithm and the TrK provisioning are not pinned down by any
 * source we hold (../shared/docs/standards.md 4.7), so it cannot be
 * implemented and tested against a known answer.  Detected by the xsi:type
 * attribute (any prefix) or an EncryptedKey/EncryptedData child. */
static int declares_encrypted(const uint8_t *doc, size_t len, const rk_xml_event *ev)
{
    for (size_t i = 0; i < ev->nattrs; i++) {
        const rk_xml_attr *a = &ev->attr[i];
        if (!view_is(doc, len, a->ns, XSI_NS) || !view_is(doc, len, a->local, "type")) continue;
        /* the value is a QName: compare its local part (raw view: the
         * characters of this name need no entity expansion) */
        size_t o = a->value.off, n = a->value.len;
        for (size_t k = 0; k < a->value.len; k++)
            if (doc[a->value.off + k] == ':') { o = a->value.off + k + 1; n = a->value.len - k - 1; }
        if (n == strlen("EncKeyContentType") && memcmp(doc + o, "EncKeyContentType", n) == 0)
            return 1;
    }
    return 0;
}

static rk_status read_fields(const uint8_t *doc, size_t len, const char *root_a,
                             const char *root_b, field *f, size_t nf, char *err, size_t errlen)
{
    rk_xml_reader *rd = malloc(sizeof *rd);
    rk_xml_event *ev = malloc(sizeof *ev);
    uint8_t *tmp = malloc(1024);
    rk_status st = RK_OK;
    int found_root = 0;
    long cur = -1;               /* field whose element is open */
    size_t cur_depth = 0;
    seterr(err, errlen, "%s", "");
    if (!rd || !ev || !tmp) { seterr(err, errlen, "%s", "out of memory"); st = RK_ERR_ALLOC; goto out; }
    st = rk_xml_reader_init(rd, doc, len, 0);
    if (st != RK_OK) seterr(err, errlen, "%s", "not UTF-8 XML of an acceptable size (strict reader)");
    while (st == RK_OK) {
        st = rk_xml_next(rd, ev);
        if (st != RK_OK) { seterr(err, errlen, "%s", "not well-formed XML (strict reader)"); break; }
        if (ev->type == RK_XML_EV_EOF) break;
        int in_ns = rk_xml_view_eq(doc, len, ev->ns, (const uint8_t *)RK_KMS_NS, strlen(RK_KMS_NS));
        if (ev->type == RK_XML_EV_START) {
            /* a field is a leaf: any child element, whatever its namespace */
            if (cur >= 0) {
                if (f[cur].kind == 2 && view_is(doc, len, ev->ns, XENC_NS) &&
                    (view_is(doc, len, ev->local, "EncryptedKey") ||
                     view_is(doc, len, ev->local, "EncryptedData"))) {
                    seterr(err, errlen, "field %s is encrypted (EncKeyContentType): not supported",
                           f[cur].name);
                    st = RK_ERR_STORE_KMS_ENCRYPTED; break;
                }
                seterr(err, errlen, "field %s has child elements", f[cur].name);
                st = RK_ERR_STORE_KMS_XML; break;
            }
            if (!in_ns) continue;
            if (rk_xml_view_eq(doc, len, ev->local, (const uint8_t *)root_a, strlen(root_a)) ||
                (root_b && rk_xml_view_eq(doc, len, ev->local, (const uint8_t *)root_b, strlen(root_b))))
                found_root = 1;
            for (size_t i = 0; i < nf; i++)
                if (rk_xml_view_eq(doc, len, ev->local, (const uint8_t *)f[i].name, strlen(f[i].name))) {
                    if (f[i].seen) { seterr(err, errlen, "field %s repeated", f[i].name);
                                     st = RK_ERR_STORE_KMS_XML; break; }
                    if (f[i].kind == 2 && declares_encrypted(doc, len, ev)) {
                        seterr(err, errlen, "field %s is encrypted (EncKeyContentType): not supported",
                               f[i].name);
                        st = RK_ERR_STORE_KMS_ENCRYPTED; break;
                    }
                    f[i].seen = 1; cur = (long)i; cur_depth = ev->depth;
                }
            if (st != RK_OK) break;
        } else if (ev->type == RK_XML_EV_END) {
            if (cur >= 0 && ev->depth == cur_depth) cur = -1;
        } else if (ev->type == RK_XML_EV_TEXT && cur >= 0 && ev->depth == cur_depth) {
            field *x = &f[cur];
            size_t n = 0;
            if (x->texts++) { seterr(err, errlen, "field %s: text split by a comment", x->name);
                              st = RK_ERR_STORE_KMS_XML; break; }
            st = rk_xml_decode(tmp, 1023, &n, doc + ev->text.off, ev->text.len, RK_XML_DECODE_TEXT);
            if (st != RK_OK) { seterr(err, errlen, "field %s: bad text", x->name); break; }
            /* trim XML whitespace */
            size_t a = 0, b = n;
            while (a < b && (tmp[a] == ' ' || tmp[a] == '\n' || tmp[a] == '\t' || tmp[a] == '\r')) a++;
            while (b > a && (tmp[b-1] == ' ' || tmp[b-1] == '\n' || tmp[b-1] == '\t' || tmp[b-1] == '\r')) b--;
            if (x->kind == 0) {
                if (b - a == 0 || b - a >= x->strcap) { seterr(err, errlen, "field %s: bad length", x->name);
                                                        st = RK_ERR_STORE_KMS_XML; break; }
                memcpy(x->str, tmp + a, b - a); x->str[b - a] = 0;
            } else if (x->kind == 1) {
                uint64_t v = 0;
                if (b - a == 0 || b - a > 19) { seterr(err, errlen, "field %s: not a number", x->name);
                                                st = RK_ERR_STORE_KMS_XML; break; }
                for (size_t i = a; i < b; i++) {
                    if (tmp[i] < '0' || tmp[i] > '9') { st = RK_ERR_STORE_KMS_XML; break; }
                    v = v * 10 + (uint64_t)(tmp[i] - '0');
                }
                if (st != RK_OK) { seterr(err, errlen, "field %s: not a number", x->name); break; }
                *x->u64 = v;
            } else {
                size_t ol = 0;
                if (b - a != 2 * x->binlen ||
                    rk_hex_decode(x->bin, x->binlen, (const char *)tmp + a, b - a, &ol) != RK_OK) {
                    seterr(err, errlen, "field %s: not hexBinary of the expected length", x->name);
                    st = RK_ERR_STORE_KMS_XML; break;
                }
            }
            sodium_memzero(tmp, 1024);
        }
    }
    if (st == RK_OK && !found_root) {
        seterr(err, errlen, "no %s element in " RK_KMS_NS, root_a); st = RK_ERR_STORE_KMS_XML;
    }
    for (size_t i = 0; st == RK_OK && i < nf; i++)
        if (!f[i].seen) { seterr(err, errlen, "field %s missing", f[i].name); st = RK_ERR_STORE_KMS_XML; }
out:
    if (tmp) sodium_memzero(tmp, 1024);
    free(tmp); free(rd); free(ev);
    return st;
}

rk_status rk_kms_cert_parse(rk_kms_cert *c, const uint8_t *doc, size_t len, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    field f[] = {
        {"KmsUri", 0, c->kms_uri, sizeof c->kms_uri, 0, 0, 0, 0, 0},
        {"UserKeyPeriod", 1, 0, 0, &c->period_len, 0, 0, 0, 0},
        {"UserKeyOffset", 1, 0, 0, &c->period_offset, 0, 0, 0, 0},
        {"PubEncKey", 2, 0, 0, 0, c->z_pub, 257, 0, 0},
        {"PubAuthKey", 2, 0, 0, 0, c->kpak, 65, 0, 0},
    };
    rk_status st = read_fields(doc, len, "KmsCertificate", NULL, f, 5, err, errlen);
    if (st == RK_OK && c->period_len == 0) { seterr(err, errlen, "%s", "UserKeyPeriod is 0"); st = RK_ERR_STORE_KMS_XML; }
    if (st != RK_OK) memset(c, 0, sizeof *c);
    return st;
}

rk_status rk_kms_keyset_parse(rk_kms_keyset *k, const uint8_t *doc, size_t len, char *err, size_t errlen)
{
    memset(k, 0, sizeof *k);
    field f[] = {
        {"KmsUri", 0, k->kms_uri, sizeof k->kms_uri, 0, 0, 0, 0, 0},
        {"UserUri", 0, k->user_uri, sizeof k->user_uri, 0, 0, 0, 0, 0},
        {"UserID", 2, 0, 0, 0, k->uid, 32, 0, 0},
        {"KeyPeriodNo", 1, 0, 0, &k->period_no, 0, 0, 0, 0},
        {"UserDecryptKey", 2, 0, 0, 0, k->rsk, 257, 0, 0},
        {"UserSigningKeySSK", 2, 0, 0, 0, k->ssk, 32, 0, 0},
        {"UserPubTokenPVT", 2, 0, 0, 0, k->pvt, 65, 0, 0},
    };
    rk_status st = read_fields(doc, len, "KmsKeySet", NULL, f, 7, err, errlen);
    if (st != RK_OK) sodium_memzero(k, sizeof *k);
    return st;
}

/* ------------------------------------------------------------ writing */
#define W(x) do { rk_status s_ = (x); if (s_ != RK_OK) { st = s_; goto fail; } } while (0)

static rk_status leaf(rk_xml_writer *w, const char *name, const char *val, size_t vlen)
{
    rk_status st;
    if ((st = rk_xml_write_raw(w, (const uint8_t *)"\n  ", 3)) != RK_OK) return st;
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

static rk_status open_root(rk_xml_writer *w, const char *root)
{
    rk_xml_wattr a[2] = {
        {(const uint8_t *)"xmlns", 5, (const uint8_t *)RK_KMS_NS, strlen(RK_KMS_NS)},
        {(const uint8_t *)"Version", 7, (const uint8_t *)"1.1.0", 5},
    };
    rk_status st = rk_xml_write_raw(w, (const uint8_t *)XMLDECL, strlen(XMLDECL));
    if (st == RK_OK) st = rk_xml_write_start(w, (const uint8_t *)root, strlen(root), a, 2, 0);
    return st;
}

static rk_status close_root(rk_xml_writer *w, const char *root)
{
    rk_status st = rk_xml_write_raw(w, (const uint8_t *)"\n", 1);
    if (st == RK_OK) st = rk_xml_write_end(w, (const uint8_t *)root, strlen(root));
    if (st == RK_OK) st = rk_xml_write_raw(w, (const uint8_t *)"\n", 1);
    return st;
}

rk_status rk_kms_cert_write(uint8_t *out, size_t cap, size_t *len, const rk_kms_cert *c)
{
    rk_xml_writer w;
    rk_status st;
    *len = 0;
    rk_xml_writer_init(&w, out, cap);
    W(open_root(&w, "KmsCertificate"));
    W(leaf(&w, "KmsUri", c->kms_uri, strlen(c->kms_uri)));
    W(leaf(&w, "UserIdFormat", "2", 1));
    W(leaf_u64(&w, "UserKeyPeriod", c->period_len));
    W(leaf_u64(&w, "UserKeyOffset", c->period_offset));
    W(leaf_hex(&w, "PubEncKey", c->z_pub, 257));
    W(leaf_hex(&w, "PubAuthKey", c->kpak, 65));
    W(leaf(&w, "ParameterSet", "1", 1));
    W(close_root(&w, "KmsCertificate"));
    *len = w.pos;
    return RK_OK;
fail:
    sodium_memzero(out, cap);
    return st;
}

rk_status rk_kms_keyset_write(uint8_t *out, size_t cap, size_t *len, const rk_kms_keyset *k)
{
    rk_xml_writer w;
    rk_status st;
    *len = 0;
    rk_xml_writer_init(&w, out, cap);
    W(open_root(&w, "KmsKeySet"));
    W(leaf(&w, "KmsUri", k->kms_uri, strlen(k->kms_uri)));
    W(leaf(&w, "UserUri", k->user_uri, strlen(k->user_uri)));
    W(leaf_hex(&w, "UserID", k->uid, 32));
    W(leaf_u64(&w, "KeyPeriodNo", k->period_no));
    W(leaf_hex(&w, "UserDecryptKey", k->rsk, 257));
    W(leaf_hex(&w, "UserSigningKeySSK", k->ssk, 32));
    W(leaf_hex(&w, "UserPubTokenPVT", k->pvt, 65));
    W(close_root(&w, "KmsKeySet"));
    *len = w.pos;
    return RK_OK;
fail:
    sodium_memzero(out, cap);
    return st;
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
