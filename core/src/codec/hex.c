/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/hex.h
 * Digits are classified with comparisons combined by multiplication (0/1
 * values), never with a branch or a table index, so key material can pass
 * through.  Errors are accumulated and decided once, after the loop. */
#include "rootkey/hex.h"
#include "rootkey/ct.h"

/* Value of a hex digit, and *ok = 1 if c is one (else value 0, *ok = 0). */
/*@ requires 0 <= c <= 255;
    requires \valid(ok);
    assigns *ok;
    ensures *ok == 0 || *ok == 1;
    ensures 0 <= \result <= 15;
    ensures *ok == 1 <==> (('0' <= c <= '9') || ('a' <= c <= 'f') || ('A' <= c <= 'F')); */
static int hex_val(int c, int *ok)
{
    int d = rk_ct_in8(c, '0', '9');
    int l = rk_ct_in8(c, 'a', 'f');
    int u = rk_ct_in8(c, 'A', 'F');
    *ok = d + l + u;
    return d * (c - '0') + l * (c - 'a' + 10) + u * (c - 'A' + 10);
}

rk_status rk_hex_encode(char *out, size_t cap, const uint8_t *in, size_t len,
                        size_t *out_len)
{
    *out_len = 0;
    if (cap / 2 < len)
        return RK_ERR_BUFFER;
    /*@ loop invariant 0 <= i <= len;
        loop assigns i, out[0 .. cap - 1];
        loop variant len - i; */
    for (size_t i = 0; i < len; i++) {
        int hi = in[i] / 16, lo = in[i] % 16;
        /* 0..9 -> '0'..'9', 10..15 -> 'a'..'f' without a branch */
        out[2 * i] = (char)(hi + '0' + rk_ct_ge8(hi, 10) * ('a' - '0' - 10));
        out[2 * i + 1] = (char)(lo + '0' + rk_ct_ge8(lo, 10) * ('a' - '0' - 10));
    }
    *out_len = 2 * len;
    return RK_OK;
}

rk_status rk_hex_decode(uint8_t *out, size_t cap, const char *in, size_t len,
                        size_t *out_len)
{
    int bad = 0, ok_hi, ok_lo;
    rk_status st = RK_OK;

    *out_len = 0;
    if (len % 2 != 0)
        st = RK_ERR_HEX_ODD;
    else if (cap < len / 2)
        st = RK_ERR_BUFFER;
    if (st == RK_OK) {
        /*@ loop invariant 0 <= i <= len / 2;
            loop invariant bad == 0 || bad == 1;
            loop assigns i, bad, ok_hi, ok_lo, out[0 .. cap - 1];
            loop variant len / 2 - i; */
        for (size_t i = 0; i < len / 2; i++) {
            int hi = hex_val(rk_ct_octet(in[2 * i]), &ok_hi);
            int lo = hex_val(rk_ct_octet(in[2 * i + 1]), &ok_lo);
            out[i] = (uint8_t)(hi * 16 + lo);
            bad = bad + (1 - bad) * (1 - ok_hi * ok_lo); /* bad := bad or not both ok */
        }
        RK_CT_PUBLIC(&bad, sizeof bad);
        if (bad)
            st = RK_ERR_HEX_CHAR;
    }
    if (st != RK_OK) {
        rk_wipe(out, cap);
        return st;
    }
    *out_len = len / 2;
    return RK_OK;
}
