/* SPDX-License-Identifier: Apache-2.0 */
/* hex and base64: RFC 4648 vectors, round trips, and every rejection
 * category of docs/design.md §11.2 with its own code and a zeroed output. */
#include "rk_test.h"
#include "rootkey/b64.h"
#include "rootkey/hex.h"

static void rfc4648_vectors(void)
{
    rk_vec v;
    int n = 0;
    if (!rk_vec_open(&v, "b64/rfc4648.txt")) return;
    while (rk_vec_next(&v)) {
        const char *in = rk_vec_str(&v, "in"), *b64 = rk_vec_str(&v, "b64");
        char enc[64];
        uint8_t dec[64];
        size_t el, dl;
        CASE_BEGIN("RFC 4648 section 10 vector \"%s\"", in);
        CHECK_EQ(rk_b64_encode(enc, sizeof enc, (const uint8_t *)in, strlen(in), &el), RK_OK);
        CHECK_EQ(el, strlen(b64));
        CHECK_MEM(enc, b64, el);
        CHECK_EQ(rk_b64_decode(dec, sizeof dec, b64, strlen(b64), &dl, 0), RK_OK);
        CHECK_EQ(dl, strlen(in));
        CHECK_MEM(dec, in, dl);
        /* exactly sized output buffer works, one octet less does not */
        if (dl > 0) {
            CHECK_EQ(rk_b64_decode(dec, dl, b64, strlen(b64), &el, 0), RK_OK);
            CHECK_EQ(rk_b64_decode(dec, dl - 1, b64, strlen(b64), &el, 0), RK_ERR_BUFFER);
            CHECK_EQ(el, 0);
            CHECK_ZERO(dec, dl - 1);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&v);
    CHECK(n == 7);
}

static rk_status dec(const char *s, unsigned flags, uint8_t *out, size_t cap)
{
    size_t ol = 99;
    memset(out, 0xCC, cap);
    rk_status st = rk_b64_decode(out, cap, s, strlen(s), &ol, flags);
    if (st != RK_OK) {
        CHECK_EQ(ol, 0);
        CHECK_ZERO(out, cap);
    }
    return st;
}

/* every octet outside [A-Za-z0-9+/=] at the first, middle and last place */
static void b64_alphabet(void)
{
    uint8_t out[16];
    int tested = 0;
    for (int c = 0; c < 256; c++) {
        int in_alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
        int space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (in_alpha || c == '=') continue;
        for (int pos = 0; pos < 3; pos++) {
            char s[9] = "QUJDREVG"; /* "ABCDEF" */
            int at = pos == 0 ? 0 : pos == 1 ? 4 : 7;
            s[at] = (char)c;
            size_t ol;
            memset(out, 0xCC, sizeof out);
            rk_status st = rk_b64_decode(out, sizeof out, s, 8, &ol, 0);
            CHECK_EQ(st, space ? RK_ERR_B64_SPACE : RK_ERR_B64_CHAR);
            CHECK_ZERO(out, sizeof out);
            tested++;
        }
    }
    CHECK_EQ(tested, 191 * 3);
}

static void b64_padding(void)
{
    uint8_t out[16];
    CHECK_EQ(dec("Zg", 0, out, 16), RK_ERR_B64_LENGTH);        /* missing padding */
    CHECK_EQ(dec("Zg===", 0, out, 16), RK_ERR_B64_LENGTH);     /* extra '=' */
    CHECK_EQ(dec("Zg=====", 0, out, 16), RK_ERR_B64_LENGTH);
    CHECK_EQ(dec("Z===", 0, out, 16), RK_ERR_B64_PAD);         /* "===" */
    CHECK_EQ(dec("====", 0, out, 16), RK_ERR_B64_PAD);
    CHECK_EQ(dec("Zg==Zg==", 0, out, 16), RK_ERR_B64_PAD);     /* '=' in the middle */
    CHECK_EQ(dec("Z=g=", 0, out, 16), RK_ERR_B64_PAD);
    CHECK_EQ(dec("Zm9=Zm9v", 0, out, 16), RK_ERR_B64_PAD);
    CHECK_EQ(dec("Zm9vY", 0, out, 16), RK_ERR_B64_LENGTH);     /* length mod 4 = 1 */
    CHECK_EQ(dec("Zh==", 0, out, 16), RK_ERR_B64_NONCANON);    /* pad bits not zero (3.5) */
    CHECK_EQ(dec("Zm9=", 0, out, 16), RK_ERR_B64_NONCANON);
    CHECK_EQ(dec("Zm8=", 0, out, 16), RK_OK);
    CHECK_EQ(dec("Zg-_", 0, out, 16), RK_ERR_B64_CHAR);        /* URL-safe alphabet */
    CHECK_EQ(dec("", 0, out, 16), RK_OK);                      /* empty is empty */
}

/* RFC 4648 3.5: every non-canonical final group is refused.  For each of
 * the 64 characters in the last significant place, before "==" (4 pad
 * bits) and before "=" (2 pad bits), alone and after a full group, strict
 * and with whitespace allowed: RK_ERR_B64_NONCANON exactly when a pad bit
 * is set, else the octets those bits do not cover. */
static void b64_noncanonical(void)
{
    static const char *A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint8_t out[16];
    int refused = 0, accepted = 0;
    for (int v = 0; v < 64; v++)
        for (int pads = 1; pads <= 2; pads++)
            for (int form = 0; form < 4; form++) {
                const char grp[5] = { 'Z', pads == 2 ? A[v] : 'm', pads == 2 ? '=' : A[v], '=', 0 };
                char s[32];
                size_t k = 0;
                unsigned flags = (form & 2) ? RK_B64_ALLOW_SPACE : 0;
                if (form & 1) { memcpy(s, "Zm9v", 4); k = 4; }
                for (int g = 0; g < 4; g++) {          /* spaced mode: "\n" before each */
                    if (form & 2) s[k++] = '\n';
                    s[k++] = grp[g];
                }
                s[k] = 0;
                int pad_bits = pads == 2 ? v % 16 : v % 4;
                rk_status st = dec(s, flags, out, sizeof out);
                if (pad_bits) {
                    CHECK_EQ(st, RK_ERR_B64_NONCANON);
                    refused++;
                } else {
                    size_t at = (form & 1) ? 3 : 0;
                    CHECK_EQ(st, RK_OK);
                    if (pads == 2) CHECK_EQ(out[at], (uint8_t)(25 * 4 + v / 16));
                    else CHECK(out[at] == 'f' && out[at + 1] == (uint8_t)(38 * 16 % 256 + v / 4));
                    accepted++;
                }
            }
    CHECK_EQ(refused, (60 + 48) * 4);
    CHECK_EQ(accepted, (4 + 16) * 4);
}

static void b64_whitespace(void)
{
    uint8_t out[16];
    size_t ol;
    const char *cases[] = { "Zm9v\nYmFy", "Zm9v\r\nYmFy", " Zm9vYmFy", "Zm9vYmFy\t" };
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(dec(cases[i], 0, out, 16), RK_ERR_B64_SPACE);
        CHECK_EQ(rk_b64_decode(out, 16, cases[i], strlen(cases[i]), &ol, RK_B64_ALLOW_SPACE), RK_OK);
        CHECK_EQ(ol, 6);
        CHECK_MEM(out, "foobar", 6);
    }
    CHECK_EQ(dec("Zg\n=\n=\n", RK_B64_ALLOW_SPACE, out, 16), RK_OK);
    CHECK_EQ(dec(" \n ", RK_B64_ALLOW_SPACE, out, 16), RK_OK);
    CHECK_EQ(dec("Zg =", RK_B64_ALLOW_SPACE, out, 16), RK_ERR_B64_LENGTH);
}

static void b64_sizes_and_round_trip(void)
{
    static uint8_t in[3000], back[3000];
    static char enc[4100];
    size_t el, dl;
    for (size_t i = 0; i < sizeof in; i++) in[i] = (uint8_t)(i * 131 + 7);
    for (size_t len = 0; len < 300; len++) {
        CHECK_EQ(rk_b64_encode(enc, sizeof enc, in, len, &el), RK_OK);
        CHECK_EQ(el, RK_B64_ENCODED_LEN(len));
        CHECK_EQ(rk_b64_decode(back, len, enc, el, &dl, 0), RK_OK);
        CHECK_EQ(dl, len);
        CHECK_MEM(back, in, len);
        if (rk_t_case_failed()) break;
    }
    CHECK_EQ(rk_b64_encode(enc, sizeof enc, in, sizeof in, &el), RK_OK);
    CHECK_EQ(rk_b64_decode(back, sizeof back, enc, el, &dl, 0), RK_OK);
    CHECK_MEM(back, in, sizeof in);
    /* encode into a buffer one short */
    CHECK_EQ(rk_b64_encode(enc, RK_B64_ENCODED_LEN(10) - 1, in, 10, &el), RK_ERR_BUFFER);
    CHECK_EQ(el, 0);
    /* claimed length beyond what can be encoded */
    CHECK_EQ(rk_b64_encode(enc, sizeof enc, in, ((size_t)-1) / 2 + 1, &el), RK_ERR_LENGTH);
}

static void hex_codec(void)
{
    uint8_t out[8], in[4] = { 0x00, 0x9F, 0xA0, 0xFF };
    char enc[16];
    size_t ol;
    CHECK_EQ(rk_hex_encode(enc, sizeof enc, in, 4, &ol), RK_OK);
    CHECK_EQ(ol, 8);
    CHECK_MEM(enc, "009fa0ff", 8);
    CHECK_EQ(rk_hex_encode(enc, 7, in, 4, &ol), RK_ERR_BUFFER);
    CHECK_EQ(ol, 0);
    CHECK_EQ(rk_hex_decode(out, 8, "009FA0ff", 8, &ol), RK_OK);
    CHECK_EQ(ol, 4);
    CHECK_MEM(out, in, 4);
    memset(out, 0xCC, 8);
    CHECK_EQ(rk_hex_decode(out, 8, "009", 3, &ol), RK_ERR_HEX_ODD);
    CHECK_ZERO(out, 8);
    CHECK_EQ(rk_hex_decode(out, 1, "0099", 4, &ol), RK_ERR_BUFFER);
    CHECK_EQ(ol, 0);
    /* every octet that is not a hex digit, at each end */
    for (int c = 0; c < 256; c++) {
        int digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (digit) continue;
        char s[4] = { 'a', 'b', 'c', 'd' };
        for (int at = 0; at < 4; at += 3) {
            s[0] = 'a'; s[3] = 'd';
            s[at] = (char)c;
            memset(out, 0xCC, 8);
            CHECK_EQ(rk_hex_decode(out, 8, s, 4, &ol), RK_ERR_HEX_CHAR);
            CHECK_ZERO(out, 8);
            CHECK_EQ(ol, 0);
        }
    }
    /* all 256 octet values round trip */
    uint8_t all[256], back[256];
    char h[512];
    for (int i = 0; i < 256; i++) all[i] = (uint8_t)i;
    CHECK_EQ(rk_hex_encode(h, sizeof h, all, 256, &ol), RK_OK);
    CHECK_EQ(rk_hex_decode(back, 256, h, ol, &ol), RK_OK);
    CHECK_MEM(back, all, 256);
}

void rk_suite_codec(void)
{
    rfc4648_vectors();
    RUN(b64_alphabet);
    RUN(b64_padding);
    RUN(b64_noncanonical);
    RUN(b64_whitespace);
    RUN(b64_sizes_and_round_trip);
    RUN(hex_codec);
}
