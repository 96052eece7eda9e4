/* SPDX-License-Identifier: Apache-2.0 */
/* see iwf.h: the inventory as RFC 4180 CSV (docs/inventory.md) */
#include "iwf.h"
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/atomic.h"
#include "rootkey/hex.h"

#define NF 5   /* mcptt_id,kms_uri,lmr_type,lmr_ids,key */

static rk_status say(rk_status st, char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (!err || !errlen) return st;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return st;
}

/* The fields of one record, copied NUL-terminated into one buffer (a line is
 * at most RK_IWF_LINE_MAX octets, so the fields fit). */
typedef struct {
    char buf[2 * RK_IWF_LINE_MAX + 2];   /* fields and their terminators */
    size_t used, off[NF], len[NF], nf;
} record;

static int blank(char c) { return c == ' ' || c == '\t'; }

/* One physical line -> the fields, as RFC 4180 2 reads a record: a field is
 * quoted ("...", with "" for a quote) or not (no quote in it); spaces around
 * a field are dropped, as spreadsheets export them; a line break inside a
 * quoted field is not accepted (one user, one line).  Own code rather than
 * a library: the shims are built for the cross targets too, and this is the
 * one format used. */
static rk_status split(record *r, const char *line, size_t len, char *err, size_t errlen)
{
    size_t i = 0;
    memset(r, 0, sizeof *r);
    if (len > RK_IWF_LINE_MAX)
        return say(RK_ERR_IWF_LINE_TOO_LONG, err, errlen, "line longer than %d octets", RK_IWF_LINE_MAX);
    if (memchr(line, 0, len)) return say(RK_ERR_IWF_LINE_NUL, err, errlen, "NUL byte in the line");
    for (;;) {
        size_t o = r->used;
        while (i < len && blank(line[i])) i++;
        if (i < len && line[i] == '"') {
            for (i++;; i++) {
                if (i == len) return say(RK_ERR_IWF_CSV, err, errlen, "not CSV: a quoted field is not closed");
                if (line[i] == '"' && (i + 1 == len || line[i + 1] != '"')) break;
                if (line[i] == '"') i++;
                r->buf[r->used++] = line[i];
            }
            for (i++; i < len && blank(line[i]); i++)
                ;
            if (i < len && line[i] != ',') return say(RK_ERR_IWF_CSV, err, errlen, "not CSV: text after a closing quote");
        } else {
            size_t s0 = i, e;
            for (; i < len && line[i] != ','; i++)
                if (line[i] == '"') return say(RK_ERR_IWF_CSV, err, errlen, "not CSV: a quote inside an unquoted field");
            for (e = i; e > s0 && blank(line[e - 1]); e--)
                ;
            memcpy(r->buf + r->used, line + s0, e - s0);
            r->used += e - s0;
        }
        if (r->nf < NF) { r->off[r->nf] = o; r->len[r->nf] = r->used - o; }
        r->buf[r->used++] = 0;
        r->nf++;
        if (i == len) break;
        i++;
    }
    if (r->nf != NF)
        return say(RK_ERR_STORE_INVENTORY, err, errlen, "expected 5 fields: mcptt_id,kms_uri,lmr_type,lmr_ids,key");
    return RK_OK;
}

/* UTF-8 (RFC 3629: shortest form, no surrogates, at most U+10FFFF) without
 * control characters and without U+FEFF (a byte-order mark): an identity a
 * client can hold. */
static int good_text(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint8_t c = s[i];
        size_t k;
        uint32_t v;
        if (c < 0x20 || c == 0x7f) return 0;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xc2 && c <= 0xdf) { k = 1; v = c & 0x1fu; }
        else if (c >= 0xe0 && c <= 0xef) { k = 2; v = c & 0x0fu; }
        else if (c >= 0xf0 && c <= 0xf4) { k = 3; v = c & 0x07u; }
        else return 0;
        if (n - i <= k) return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80) return 0;
            v = (v << 6) | (s[i + j] & 0x3fu);
        }
        if ((k == 2 && v < 0x800) || (k == 3 && (v < 0x10000 || v > 0x10ffff)) ||
            (v >= 0xd800 && v <= 0xdfff) || v == 0xfeff || (v >= 0x80 && v < 0xa0))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* A key field in the wrong column must not be echoed into a message. */
static int looks_like_key(const char *s)
{
    return !strncmp(s, "hex:", 4) || !strncmp(s, "file:", 5);
}

/* Digits only: no sign, no 0x, no spaces (strtoul accepts all three). */
static int strict_num(const char *s, unsigned base, uint64_t max, uint64_t *v)
{
    uint64_t x = 0;
    if (!*s || strlen(s) > 16) return -1;
    for (; *s; s++) {
        unsigned d;
        if (*s >= '0' && *s <= '9') d = (unsigned)(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f') d = (unsigned)(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F') d = (unsigned)(*s - 'A' + 10);
        else return -1;
        x = x * base + d;
        if (x > max) return -1;
    }
    *v = x;
    return 0;
}

#define FAIL(...) do { st = say(RK_ERR_STORE_INVENTORY, err, errlen, __VA_ARGS__); goto out; } while (0)

static const struct {
    uint8_t type;
    const char *name;
    unsigned base;
    uint64_t max;
} IDS[] = {
    {RK_LMR_P25, "wacn", 16, 0xFFFFF}, {RK_LMR_P25, "sys", 16, 0xFFF}, {RK_LMR_P25, "rsi", 10, 0xFFFFFF},
    {RK_LMR_P25, "algid", 16, 0xFF}, {RK_LMR_P25, "kid", 16, 0xFFFF}, {RK_LMR_P25, "keyset", 10, 0xFF},
    {RK_LMR_TETRA, "mcc", 10, 0x3FF}, {RK_LMR_TETRA, "mnc", 10, 0x3FFF}, {RK_LMR_TETRA, "issi", 10, 0xFFFFFF},
    {RK_LMR_TETRA, "kn", 10, 0xFF}, {RK_LMR_TETRA, "kv", 10, 0xFFFF},
    {RK_LMR_OTHER, "sys", 16, 0}, {RK_LMR_OTHER, "ref", 16, 0},
};

static void set_id(rk_lmr_block *b, size_t i, uint64_t v)
{
    switch (i) {
    case 0: b->wacn = (uint32_t)v; break;
    case 1: b->system_id = (uint16_t)v; break;
    case 2: b->unit_id = (uint32_t)v; break;
    case 3: b->algid = (uint8_t)v; break;
    case 4: b->key_id = (uint16_t)v; break;
    case 5: b->keyset_id = (uint8_t)v; break;
    case 6: b->mcc = (uint16_t)v; break;
    case 7: b->mnc = (uint16_t)v; break;
    case 8: b->issi = (uint32_t)v; break;
    case 9: b->has_key_number = 1; b->key_number = (uint8_t)v; break;
    default: b->has_key_version = 1; b->key_version = (uint16_t)v; break;
    }
}

/* name=value;... -> the block.  Messages name the identifier, never a value
 * (with the columns swapped this field holds the key). */
static rk_status parse_ids(rk_lmr_block *b, char *ids, char *err, size_t errlen)
{
    rk_status st = RK_OK;
    unsigned have = 0;
    for (char *save = NULL, *kv = strtok_r(ids, ";", &save); kv; kv = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(kv, '=');
        size_t i, n = sizeof IDS / sizeof *IDS;
        if (!eq) FAIL("an LMR identifier is not name=value");
        *eq = 0;
        for (i = 0; i < n && !(IDS[i].type == b->lmr_type && !strcmp(IDS[i].name, kv)); i++)
            ;
        if (i == n) FAIL("unknown LMR identifier name for this lmr_type");
        if (have & (1u << i)) FAIL("LMR identifier %s given twice", IDS[i].name);
        have |= 1u << i;
        const char *val = eq + 1;
        if (b->lmr_type != RK_LMR_OTHER) {
            uint64_t v = 0;
            if (strict_num(val, IDS[i].base, IDS[i].max, &v) != 0)
                FAIL("LMR identifier %s: not a %s number in range", IDS[i].name, IDS[i].base == 16 ? "hex" : "decimal");
            set_id(b, i, v);
        } else {
            int sys = !strcmp(kv, "sys");
            size_t vl = strlen(val), cap = sys ? RK_LMR_SYS_MAX : RK_LMR_REF_MAX, ol = 0;
            if (vl == 0 || vl > 2 * cap || rk_hex_decode(sys ? b->sys : b->ref, cap, val, vl, &ol) != RK_OK)
                FAIL("LMR identifier %s: not 1..%zu octets of hex", kv, cap);
            if (sys) b->sys_len = (uint8_t)ol; else b->ref_len = (uint8_t)ol;
        }
    }
    if (b->lmr_type == RK_LMR_P25 && (have & 0x3f) != 0x3f) FAIL("P25 needs wacn, sys, rsi, algid, kid, keyset");
    if (b->lmr_type == RK_LMR_TETRA && (have & 0x1c0) != 0x1c0) FAIL("TETRA needs mcc, mnc, issi");
    if (b->lmr_type == RK_LMR_OTHER && !(have & (1u << 11))) FAIL("OTHER needs sys");
out:
    return st;
}

static rk_status parse_key(rk_lmr_block *b, const char *spec, char *err, size_t errlen)
{
    rk_status st = RK_OK;
    char *buf = sodium_malloc(256);
    size_t n = 0, ol = 0;
    if (!buf) return RK_ERR_ALLOC;
    if (!strncmp(spec, "hex:", 4)) {
        n = strlen(spec + 4);
        if (n >= 256) FAIL("key: too long");
        memcpy(buf, spec + 4, n);
    } else if (!strncmp(spec, "file:", 5)) {
        st = rk_file_read(spec + 5, (uint8_t *)buf, 255, &n);
        if (st != RK_OK) FAIL("key file %.200s: %s", spec + 5, st == RK_ERR_IWF_TOO_LARGE ? "input too large" : strerror(errno));
        while (n && (buf[n-1] == '\n' || buf[n-1] == '\r' || buf[n-1] == ' ')) n--;
    } else FAIL("key: neither hex:... nor file:/path");
    if (n % 2 || n / 2 < RK_LMR_KEY_MIN || n / 2 > RK_LMR_KEY_MAX ||
        rk_hex_decode(b->key, RK_LMR_KEY_MAX, buf, n, &ol) != RK_OK)
        FAIL("key: not %d..%d octets of hex", RK_LMR_KEY_MIN, RK_LMR_KEY_MAX);
    b->key_len = (uint8_t)ol;
out:
    sodium_memzero(buf, 256);
    sodium_free(buf);
    return st;
}

rk_status rk_iwf_parse_record(const char *line, size_t len, char *id, size_t idcap, char *kms,
                              size_t kmscap, rk_lmr_block *b, char *err, size_t errlen)
{
    rk_status st;
    record *r = sodium_malloc(sizeof *r);
    memset(b, 0, sizeof *b);
    if (idcap) id[0] = 0;
    if (kmscap) kms[0] = 0;
    if (!r) return RK_ERR_ALLOC;
    st = split(r, line, len, err, errlen);
    if (st != RK_OK) goto out;
    char *f[NF];
    for (size_t i = 0; i < NF; i++) f[i] = r->buf + r->off[i];
    if (looks_like_key(f[0]) || looks_like_key(f[1]) || looks_like_key(f[2]) || looks_like_key(f[3]))
        FAIL("a key field (hex:, file:) in a column other than the fifth");
    if (!r->len[0] || r->len[0] >= idcap || r->len[0] > 255) FAIL("mcptt_id empty or longer than 255 octets");
    if (!good_text((const uint8_t *)f[0], r->len[0])) {
        st = say(RK_ERR_IWF_UTF8, err, errlen, "mcptt_id is not UTF-8 text (or holds a control character or U+FEFF)");
        goto out;
    }
    if (!r->len[1] || r->len[1] >= kmscap || !good_text((const uint8_t *)f[1], r->len[1]))
        FAIL("kms_uri empty, too long or not text");
    memcpy(id, f[0], r->len[0] + 1);
    memcpy(kms, f[1], r->len[1] + 1);
    if (!strcmp(f[2], "P25")) b->lmr_type = RK_LMR_P25;
    else if (!strcmp(f[2], "TETRA")) b->lmr_type = RK_LMR_TETRA;
    else if (!strcmp(f[2], "OTHER")) b->lmr_type = RK_LMR_OTHER;
    else FAIL("lmr_type is not P25, TETRA or OTHER");
    st = parse_ids(b, f[3], err, errlen);
    if (st == RK_OK) st = parse_key(b, f[4], err, errlen);
    if (st == RK_OK) {   /* the core codec is the judge of the block */
        uint8_t tmp[RK_LMR_MAX_BYTES];
        size_t tl = 0;
        rk_status s2 = rk_lmr_encode(tmp, sizeof tmp, &tl, b);
        sodium_memzero(tmp, sizeof tmp);
        if (s2 != RK_OK) FAIL("LMR block refused: %s", rk_strerror(s2));
    }
out:
    sodium_memzero(r, sizeof *r);
    sodium_free(r);
    if (st != RK_OK) {
        rk_lmr_wipe(b);
        if (idcap) id[0] = 0;
        if (kmscap) kms[0] = 0;
    }
    return st;
}

rk_status rk_iwf_parse_line(const char *line, char *id, size_t idcap, char *kms, size_t kmscap,
                            rk_lmr_block *b, char *err, size_t errlen)
{
    return rk_iwf_parse_record(line, strlen(line), id, idcap, kms, kmscap, b, err, errlen);
}

int rk_iwf_skip_line(const char *line, size_t len, size_t lineno)
{
    return len == 0 || line[0] == '#' || (lineno == 1 && len >= 9 && !memcmp(line, "mcptt_id,", 9));
}

/* Unbuffered reads into a buffer that is wiped on every grow and by the
 * caller (rk_iwf_input_free): stdio would leave the keys in its own. */
rk_status rk_iwf_input_read(const char *path, size_t max, uint8_t **out, size_t *olen,
                            char *err, size_t errlen)
{
    int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
    size_t cap = 0, n = 0;
    uint8_t *b = NULL;
    struct stat sb;
    rk_status st = RK_OK;
    *out = NULL;
    *olen = 0;
    if (fd < 0) return say(RK_ERR_IO, err, errlen, "%s: %s", path, strerror(errno));
    if (fstat(fd, &sb) != 0) st = say(RK_ERR_IO, err, errlen, "%s: %s", path, strerror(errno));
    else if (S_ISDIR(sb.st_mode)) st = say(RK_ERR_IO, err, errlen, "%s: %s", path, strerror(EISDIR));
    while (st == RK_OK) {
        if (n == cap) {
            size_t nc = cap ? 2 * cap : 65536;
            if (cap > max) { st = say(RK_ERR_IWF_TOO_LARGE, err, errlen, "%s: input too large (over %zu octets)", path, max); break; }
            uint8_t *nb = malloc(nc + 1);
            if (!nb) { st = RK_ERR_ALLOC; break; }
            if (b) { memcpy(nb, b, n); sodium_memzero(b, cap + 1); free(b); }
            b = nb;
            cap = nc;
        }
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) st = say(RK_ERR_IO, err, errlen, "%s: %s", path, strerror(errno));
        else if (r == 0) break;
        else if ((n += (size_t)r) > max) st = say(RK_ERR_IWF_TOO_LARGE, err, errlen, "%s: input too large (over %zu octets)", path, max);
    }
    if (fd != 0) close(fd);
    if (st != RK_OK) { if (b) { sodium_memzero(b, cap + 1); free(b); } return st; }
    if (!b && !(b = calloc(1, 1))) return RK_ERR_ALLOC;
    b[n] = 0;
    *out = b;
    *olen = n;
    return RK_OK;
}

void rk_iwf_input_free(uint8_t *b, size_t len)
{
    if (!b) return;
    sodium_memzero(b, len);
    free(b);
}

int rk_iwf_argv_key(const char *arg)
{
    return strstr(arg, "hex:") != NULL;
}

rk_status rk_iwf_find_line(const char *path, const char *id, char *line, size_t cap, size_t *len,
                           char *err, size_t errlen)
{
    uint8_t *in = NULL;
    size_t n = 0;
    record *r = sodium_malloc(sizeof *r);
    rk_status st = r ? rk_iwf_input_read(path, RK_IWF_INVENTORY_MAX, &in, &n, err, errlen) : RK_ERR_ALLOC;
    *len = 0;
    if (st == RK_OK) st = say(RK_ERR_STORE_INVENTORY, err, errlen, "%s: no line for %s", path, id ? id : "a user");
    for (size_t p = n >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3) ? 3 : 0, lineno = 1; in && p < n; lineno++) {
        const uint8_t *q = memchr(in + p, '\n', n - p);
        size_t l = q ? (size_t)(q - (in + p)) : n - p, next = p + l + (q ? 1 : 0);
        const char *s = (const char *)in + p;
        if (l && s[l - 1] == '\r') l--;
        p = next;
        if (rk_iwf_skip_line(s, l, lineno)) continue;
        if (id && (split(r, s, l, NULL, 0) != RK_OK || r->len[0] != strlen(id) || memcmp(r->buf, id, r->len[0])))
            continue;
        if (l >= cap) { st = say(RK_ERR_IWF_LINE_TOO_LONG, err, errlen, "%s:%zu: line too long", path, lineno); break; }
        memcpy(line, s, l);
        line[l] = 0;
        *len = l;
        st = RK_OK;
        break;
    }
    if (r) { sodium_memzero(r, sizeof *r); sodium_free(r); }
    rk_iwf_input_free(in, n);
    return st;
}
