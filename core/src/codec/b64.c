/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/b64.h
 * RFC 4648 section 4 alphabet.  Characters are classified with comparisons
 * combined by multiplication (0/1 values): no branch and no table index
 * depends on a character, so secrets may pass through.  Every error is
 * accumulated as a flag and decided once after the loop (RK_CT_PUBLIC marks
 * that decision).  With RK_B64_ALLOW_SPACE the positions of whitespace steer
 * the loop: layout, not content. */
#include "rootkey/b64.h"
#include "rootkey/ct.h"

/* One sextet to its character, without a branch. */
/*@ requires 0 <= v <= 63;
    assigns \nothing; */
static char enc_char(int v)
{
    return (char)(v + 'A' + rk_ct_ge8(v, 26) * 6 - rk_ct_ge8(v, 52) * 75 -
                  rk_ct_ge8(v, 62) * 15 + rk_ct_ge8(v, 63) * 3);
}

/* Value of an alphabet character (0..63) and *ok = 1, else 0 and *ok = 0. */
/*@ requires 0 <= c <= 255;
    requires \valid(ok);
    assigns *ok;
    ensures *ok == 0 || *ok == 1;
    ensures 0 <= \result <= 63; */
static int dec_val(int c, int *ok)
{
    int up = rk_ct_in8(c, 'A', 'Z');
    int lo = rk_ct_in8(c, 'a', 'z');
    int di = rk_ct_in8(c, '0', '9');
    int pl = rk_ct_in8(c, '+', '+');
    int sl = rk_ct_in8(c, '/', '/');
    *ok = up + lo + di + pl + sl;
    return up * (c - 'A') + lo * (c - 'a' + 26) + di * (c - '0' + 52) + pl * 62 + sl * 63;
}

/*@ requires 0 <= c <= 255;
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int is_space(int c)
{
    return rk_ct_in8(c, ' ', ' ') + rk_ct_in8(c, '\t', '\n') + rk_ct_in8(c, '\r', '\r');
}

rk_status rk_b64_encode(char *out, size_t cap, const uint8_t *in, size_t len,
                        size_t *out_len)
{
    size_t need, full = len / 3, o = 0;
    *out_len = 0;
    if (len > ((size_t)-1) / 2)
        return RK_ERR_LENGTH;
    need = (len + 2) / 3 * 4;
    if (cap < need)
        return RK_ERR_BUFFER;
    /*@ loop invariant 0 <= i <= full;
        loop invariant o == 4 * i;
        loop assigns i, o, out[0 .. cap - 1];
        loop variant full - i; */
    for (size_t i = 0; i < full; i++) {
        int a = in[3 * i], b = in[3 * i + 1], c = in[3 * i + 2];
        out[o] = enc_char(a / 4);
        out[o + 1] = enc_char((a % 4) * 16 + b / 16);
        out[o + 2] = enc_char((b % 16) * 4 + c / 64);
        out[o + 3] = enc_char(c % 64);
        o += 4;
    }
    if (len % 3 != 0) {
        int a = in[3 * full];
        int b = (len % 3 == 2) ? in[3 * full + 1] : 0;
        out[o] = enc_char(a / 4);
        out[o + 1] = enc_char((a % 4) * 16 + b / 16);
        out[o + 2] = (len % 3 == 2) ? enc_char((b % 16) * 4) : '=';
        out[o + 3] = '=';
    }
    *out_len = need;
    return RK_OK;
}

/* Pass 1: the number of significant characters (all of them in strict mode,
 * where *bad_space records any whitespace; whitespace skipped otherwise). */
/*@ requires \valid_read(in + (0 .. len - 1));
    requires \valid(bad_space);
    assigns *bad_space;
    ensures 0 <= \result <= len;
    ensures *bad_space == 0 || *bad_space == 1; */
static size_t count_significant(const char *in, size_t len, int allow, int *bad_space)
{
    size_t n = 0;
    int bad = 0;
    /*@ loop invariant 0 <= i <= len;
        loop invariant 0 <= n <= i;
        loop invariant bad == 0 || bad == 1;
        loop assigns i, n, bad;
        loop variant len - i; */
    for (size_t i = 0; i < len; i++) {
        int sp = is_space(rk_ct_octet(in[i]));
        if (allow) {
            if (!sp) n++;
        } else {
            n++;
            bad = bad + (1 - bad) * sp;
        }
    }
    *bad_space = bad;
    return n;
}

/* The number of '=' among the last two significant characters when they end
 * the input (0, 1 or 2), computed without a branch on the characters. */
/*@ requires \valid_read(in + (0 .. len - 1));
    assigns \nothing;
    ensures 0 <= \result <= 2; */
static int count_pad(const char *in, size_t len, int allow)
{
    int e1 = 0, e2 = 0, seen = 0;
    /*@ loop invariant 0 <= k <= len;
        loop invariant 0 <= seen <= 2;
        loop invariant 0 <= e1 <= 1 && 0 <= e2 <= 1;
        loop assigns k, seen, e1, e2;
        loop variant k; */
    for (size_t k = len; k > 0 && seen < 2; k--) {
        int c = rk_ct_octet(in[k - 1]);
        if (allow && is_space(c)) continue;
        if (seen == 0) e1 = rk_ct_in8(c, '=', '=');
        else e2 = rk_ct_in8(c, '=', '=');
        seen++;
    }
    return e1 + e1 * e2;
}

/* Three octets of a 4-sextet group, the first `take` of them, written where
 * they fit (the caller checked the total against cap already). */
/*@ requires \valid(out + (0 .. cap - 1));
    requires \valid_read(q + (0 .. 3));
    requires \forall integer k; 0 <= k < 4 ==> 0 <= q[k] <= 63;
    requires take <= 3;
    assigns out[0 .. cap - 1]; */
static void put_group(uint8_t *out, size_t cap, size_t o, const int *q, size_t take)
{
    int w = q[0] * 262144 + q[1] * 4096 + q[2] * 64 + q[3];
    if (take >= 1 && o < cap) out[o] = (uint8_t)(w / 65536);
    if (take >= 2 && cap >= 1 && o < cap - 1) out[o + 1] = (uint8_t)((w / 256) % 256);
    if (take >= 3 && cap >= 2 && o < cap - 2) out[o + 2] = (uint8_t)(w % 256);
}

/* Pass 2: decode the n significant characters into outn octets.  '=' outside
 * the npad final positions is a padding error; inside them it must be '='
 * and stands for zero bits.  Returns the error flags, bad_char * 4 +
 * bad_pad * 2 + noncanon, computed without a branch on the characters. */
/*@ requires \valid_read(in + (0 .. len - 1));
    requires \valid(out + (0 .. cap - 1));
    requires 0 <= npad <= 2;
    requires n <= len < 0x4000000000000000;
    requires npad == 0 || n >= 4;
    assigns out[0 .. cap - 1];
    ensures 0 <= \result <= 7; */
static int decode_all(uint8_t *out, size_t cap, const char *in, size_t len,
                      size_t n, int npad, int allow)
{
    size_t j = 0, o = 0;
    int bad_char = 0, bad_pad = 0, ok = 0, noncanon = 0;
    int q[4] = { 0, 0, 0, 0 };
    size_t pad_from;
    /*@ assert npad <= n; */
    pad_from = n - (size_t)npad;          /* the first position that must be '=' */
    /*@ loop invariant 0 <= i <= len;
        loop invariant 0 <= j <= n;
        loop invariant o <= 3 * (j / 4);
        loop invariant \forall integer k; 0 <= k < 4 ==> 0 <= q[k] <= 63;
        loop invariant bad_char == 0 || bad_char == 1;
        loop invariant bad_pad == 0 || bad_pad == 1;
        loop assigns i, j, o, q[0 .. 3], ok, bad_char, bad_pad, out[0 .. cap - 1];
        loop variant len - i; */
    for (size_t i = 0; i < len; i++) {
        int c = rk_ct_octet(in[i]);
        if (allow && is_space(c)) continue;
        if (j >= n) break;
        int is_tail = (j >= pad_from);
        int eq = rk_ct_in8(c, '=', '=');
        int v = dec_val(c, &ok);
        bad_pad = bad_pad + (1 - bad_pad) * ((1 - is_tail) * eq + is_tail * (1 - eq));
        bad_char = bad_char + (1 - bad_char) * (1 - ok) * (1 - eq);
        q[j % 4] = v;
        j++;
        if (j % 4 == 0) {
            size_t take = (j == n) ? 3u - (size_t)npad : 3u;
            /*@ assert j / 4 == (j - 1) / 4 + 1; */
            put_group(out, cap, o, q, take);
            o += take;
        }
    }
    /*@ assert 0 <= q[1] <= 63 && 0 <= q[2] <= 63; */
    /* RFC 4648 3.5: the bits under the padding must be zero */
    if (npad == 1)
        noncanon = rk_ct_ge8(q[2] % 4, 1);
    else if (npad == 2)
        noncanon = rk_ct_ge8(q[1] % 16, 1);
    return bad_char * 4 + bad_pad * 2 + noncanon;
}

rk_status rk_b64_decode(uint8_t *out, size_t cap, const char *in, size_t len,
                        size_t *out_len, unsigned flags)
{
    const int allow = (flags & RK_B64_ALLOW_SPACE) != 0;
    size_t n, outn = 0;
    int bad_space = 0, npad = 0, err;
    rk_status st = RK_OK;

    *out_len = 0;
    n = count_significant(in, len, allow, &bad_space);
    RK_CT_PUBLIC(&bad_space, sizeof bad_space);   /* an error decision */
    if (n % 4 == 0 && n > 0) {
        /* the '=' count fixes the decoded length, which is public */
        npad = count_pad(in, len, allow);
        RK_CT_PUBLIC(&npad, sizeof npad);
    }
    if (bad_space)
        st = RK_ERR_B64_SPACE;
    else if (n % 4 != 0)
        st = RK_ERR_B64_LENGTH;
    else {
        outn = n / 4 * 3 - (size_t)npad;
        if (outn > cap)
            st = RK_ERR_BUFFER;
    }
    if (st == RK_OK) {
        err = decode_all(out, cap, in, len, n, npad, allow);
        RK_CT_PUBLIC(&err, sizeof err);               /* the validity decision */
        if (err >= 4)
            st = RK_ERR_B64_CHAR;
        else if (err >= 2)
            st = RK_ERR_B64_PAD;
        else if (err == 1)
            st = RK_ERR_B64_NONCANON;
    }
    if (st != RK_OK) {
        rk_wipe(out, cap);
        return st;
    }
    *out_len = outn;
    return RK_OK;
}
