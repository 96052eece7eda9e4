/* SPDX-License-Identifier: Apache-2.0 */
/* see iwf.h (LMR key messages after the root key, issue 8; docs/p25.md) */
#include "iwf.h"
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "client/lmrkey.h"
#include "common/atomic.h"
#include "rootkey/hex.h"
#include "rootkey/kw.h"

static void say(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (!err || !errlen) return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* hex:<digits> or file:/path (hex digits, trailing newline allowed) -> out.
 * The key material is never put into err. */
rk_status rk_iwf_hex_spec(const char *spec, size_t speclen, uint8_t *out, size_t cap, size_t *olen,
                          char *err, size_t errlen)
{
    char *buf = sodium_malloc(2 * RK_LMRKEY_TETRA_MAX + 2), path[1024];
    size_t n = 0;
    rk_status st = RK_OK;
    *olen = 0;
    if (!buf) return RK_ERR_ALLOC;
    if (speclen > 4 && !strncmp(spec, "hex:", 4)) {
        n = speclen - 4;
        if (n > 2 * RK_LMRKEY_TETRA_MAX) { say(err, errlen, "key: too long"); st = RK_ERR_STORE_TEK_LIST; }
        else memcpy(buf, spec + 4, n);
    } else if (speclen > 5 && speclen - 5 < sizeof path && !strncmp(spec, "file:", 5)) {
        memcpy(path, spec + 5, speclen - 5);
        path[speclen - 5] = 0;
        if (rk_file_read(path, (uint8_t *)buf, 2 * RK_LMRKEY_TETRA_MAX + 1, &n) != RK_OK) {
            say(err, errlen, "key file %s: cannot read", path); st = RK_ERR_STORE_TEK_LIST;
        }
        while (n && (buf[n-1] == '\n' || buf[n-1] == '\r' || buf[n-1] == ' ')) n--;
    } else {
        say(err, errlen, "key: neither hex:... nor file:/path"); st = RK_ERR_STORE_TEK_LIST;
    }
    if (st == RK_OK && (n % 2 || n / 2 > cap || rk_hex_decode(out, cap, buf, n, olen) != RK_OK)) {
        say(err, errlen, "key: not hex, or longer than %zu octets", cap);
        st = RK_ERR_STORE_TEK_LIST;
        sodium_memzero(out, cap);
        *olen = 0;
    }
    sodium_free(buf);
    return st;
}

rk_status rk_iwf_tek_line(const char *line, uint8_t keyset_id, rk_p25_tek *t, char *err, size_t errlen)
{
    const char *f[4];
    size_t fl[4], nf = 0, kl = 0;
    unsigned long v[3];
    rk_status st;
    memset(t, 0, sizeof *t);
    for (const char *p = line; nf < 4; nf++) {
        const char *c = nf < 3 ? strchr(p, ',') : NULL;
        f[nf] = p;
        fl[nf] = c ? (size_t)(c - p) : strlen(p);
        if (nf < 3 && !c) { say(err, errlen, "expected 4 fields: key_id,sln,algid,key"); return RK_ERR_STORE_TEK_LIST; }
        if (c) p = c + 1;
    }
    for (int i = 0; i < 3; i++) {
        char num[16], *end;
        if (fl[i] == 0 || fl[i] >= sizeof num) { say(err, errlen, "field %d: not a hex number", i + 1); return RK_ERR_STORE_TEK_LIST; }
        memcpy(num, f[i], fl[i]); num[fl[i]] = 0;
        v[i] = strtoul(num, &end, 16);
        if (*end || v[i] > (i == 2 ? 0xffUL : 0xffffUL)) {
            say(err, errlen, "%s: not a %d-bit hex number", i == 0 ? "key_id" : i == 1 ? "sln" : "algid", i == 2 ? 8 : 16);
            return RK_ERR_STORE_TEK_LIST;
        }
    }
    if (v[2] != RK_P25_ALGID_AES256 && v[2] != RK_P25_ALGID_AES128) {
        say(err, errlen, "algid: only 84 (AES-256) and 85 (AES-128) TEKs can be wrapped (AES-KW)");
        return RK_ERR_STORE_TEK_LIST;
    }
    st = rk_iwf_hex_spec(f[3], fl[3], t->key, sizeof t->key, &kl, err, errlen);
    if (st == RK_OK && kl != (v[2] == RK_P25_ALGID_AES256 ? 32u : 16u)) {
        say(err, errlen, "key: %s needs %d octets", v[2] == RK_P25_ALGID_AES256 ? "AES-256" : "AES-128",
            v[2] == RK_P25_ALGID_AES256 ? 32 : 16);
        st = RK_ERR_STORE_TEK_LIST;
    }
    if (st != RK_OK) { sodium_memzero(t, sizeof *t); return st; }
    t->key_id = (uint16_t)v[0];
    t->sln = (uint16_t)v[1];
    t->algid = (uint8_t)v[2];
    t->key_len = (uint8_t)kl;
    t->keyset_id = keyset_id;
    t->key_format = RK_P25_KEY_FORMAT_TEK;
    return RK_OK;
}

rk_status rk_iwf_tek_list(const char *path, uint8_t keyset_id, rk_p25_tek *teks, size_t cap,
                          size_t *n, char *err, size_t errlen)
{
    enum { MAX = 65536 };
    char *buf = sodium_malloc(MAX + 1), line[2048];
    size_t len = 0, lineno = 0;
    rk_status st;
    *n = 0;
    if (!buf) return RK_ERR_ALLOC;
    st = rk_file_read(path, (uint8_t *)buf, MAX, &len);
    if (st != RK_OK) { say(err, errlen, "%s: cannot read", path); sodium_free(buf); return st; }
    buf[len] = 0;
    for (char *p = buf; st == RK_OK && *p; ) {
        char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        if (l && p[l - 1] == '\r') l--;
        if (l >= sizeof line) { say(err, errlen, "%s:%zu: line too long", path, lineno); st = RK_ERR_STORE_TEK_LIST; break; }
        memcpy(line, p, l); line[l] = 0;
        p = nl ? nl + 1 : p + strlen(p);
        if (l == 0 || line[0] == '#' || (lineno == 1 && !strncmp(line, "key_id,", 7))) continue;
        if (*n == cap) { say(err, errlen, "%s:%zu: more than %zu TEKs", path, lineno, cap); st = RK_ERR_STORE_TEK_LIST; break; }
        char e2[256] = "";
        st = rk_iwf_tek_line(line, keyset_id, &teks[*n], e2, sizeof e2);
        if (st != RK_OK) say(err, errlen, "%s:%zu: %s", path, lineno, e2);
        else (*n)++;
    }
    sodium_memzero(line, sizeof line);
    sodium_free(buf);
    if (st == RK_OK && *n == 0) { say(err, errlen, "%s: no TEK", path); st = RK_ERR_STORE_TEK_LIST; }
    if (st != RK_OK) { sodium_memzero(teks, cap * sizeof *teks); *n = 0; }
    return st;
}

rk_status rk_iwf_p25_message(const rk_lmr_block *b, const rk_p25_tek *teks, size_t n,
                             uint32_t src_rsi, uint16_t mn, uint8_t mac_format, uint8_t *out,
                             size_t cap, size_t *olen)
{
    rk_p25_mk_params p;
    size_t fl = 0;
    rk_status st;
    *olen = 0;
    if (b->lmr_type != RK_LMR_P25 || n == 0 || cap < 2) return RK_ERR_P25_PARAM;
    for (size_t i = 1; i < n; i++)
        if (teks[i].algid != teks[0].algid || teks[i].keyset_id != teks[0].keyset_id)
            return RK_ERR_P25_PARAM;      /* one keyset, one ALGID per Modify Key Command */
    memset(&p, 0, sizeof p);
    p.dst_rsi = b->unit_id;
    p.src_rsi = src_rsi;
    p.mn = mn;
    p.has_mn = 1;
    p.response_kind = 0;
    p.mac_format = mac_format;
    p.kek_algid = b->algid;
    p.kek_key_id = b->key_id;
    p.keyset_id = teks[0].keyset_id;
    p.keyset_algid = teks[0].algid;
    p.key_len = (uint8_t)(teks[0].key_len + 8);
    st = rk_p25_build(b->key, b->key_len, &p, teks, n, out + 1, cap - 1, &fl);
    if (st != RK_OK) return st;
    out[0] = RK_LMR_P25;
    *olen = fl + 1;
    return RK_OK;
}

rk_status rk_iwf_tetra_message(const rk_lmr_block *b, int padded, const uint8_t *blob, size_t blen,
                               uint8_t *out, size_t cap, size_t *olen)
{
    size_t wl = 0;
    rk_status st;
    *olen = 0;
    if (b->lmr_type != RK_LMR_TETRA || (padded != 0 && padded != 1) || cap < 2) return RK_ERR_P25_PARAM;
    out[0] = RK_LMR_TETRA;
    out[1] = padded ? RK_LMRKEY_KWP : RK_LMRKEY_KW;
    st = padded ? rk_kwp_wrap(b->key, b->key_len, blob, blen, out + 2, cap - 2, &wl)
                : rk_kw_wrap(b->key, b->key_len, blob, blen, out + 2, cap - 2, &wl);
    if (st != RK_OK) { memset(out, 0, cap); return st; }
    *olen = wl + 2;
    return RK_OK;
}
