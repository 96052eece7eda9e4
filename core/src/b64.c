/* see rootkey/b64.h
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

rk_status rk_b64_decode(uint8_t *out, size_t cap, const char *in, size_t len,
                        size_t *out_len, unsigned flags)
{
    const int allow = (flags & RK_B64_ALLOW_SPACE) != 0;
    size_t n = 0, j = 0, o = 0, outn;
    int bad_space = 0, bad_char = 0, bad_pad = 0, noncanon = 0, ok = 0;
    int q[4] = { 0, 0, 0, 0 }, pads = 0, npad, err;
    rk_status st = RK_OK;

    *out_len = 0;
    /* pass 1: count significant characters (whitespace is layout) */
    /*@ loop invariant 0 <= i <= len;
        loop invariant 0 <= n <= i;
        loop invariant bad_space == 0 || bad_space == 1;
        loop assigns i, n, bad_space;
        loop variant len - i; */
    for (size_t i = 0; i < len; i++) {
        int sp = is_space(rk_ct_octet(in[i]));
        if (allow) {
            if (!sp) n++;
        } else {
            n++;
            bad_space = bad_space + (1 - bad_space) * sp;
        }
    }
    /* The trailing '=' count fixes the decoded length, which is public:
     * computed without a branch on the characters, then declassified. */
    npad = 0;
    if (n % 4 == 0 && n > 0) {
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
        npad = e1 + e1 * e2;
        RK_CT_PUBLIC(&npad, sizeof npad);
    }
    RK_CT_PUBLIC(&bad_space, sizeof bad_space);   /* an error decision */
    outn = n / 4 * 3 - (size_t)npad;
    if (bad_space)
        st = RK_ERR_B64_SPACE;
    else if (n % 4 != 0)
        st = RK_ERR_B64_LENGTH;
    else if (outn > cap)
        st = RK_ERR_BUFFER;
    if (st == RK_OK) {
        /* pass 2: decode; '=' is counted as a character error except in
         * the npad trailing positions, where it stands for zero bits */
        /*@ loop invariant 0 <= i <= len;
            loop invariant 0 <= j <= n;
            loop invariant j % 4 == 0 ==> o == j / 4 * 3;
            loop invariant o <= j / 4 * 3;
            loop invariant 0 <= pads <= 2;
            loop invariant bad_char == 0 || bad_char == 1;
            loop invariant bad_pad == 0 || bad_pad == 1;
            loop assigns i, j, o, q[0 .. 3], ok, pads, bad_char, bad_pad, out[0 .. cap - 1];
            loop variant len - i; */
        for (size_t i = 0; i < len; i++) {
            int c = rk_ct_octet(in[i]);
            if (allow && is_space(c)) continue;
            if (j >= n) break;
            int is_tail = (j + (size_t)npad >= n);     /* one of the npad last positions */
            int eq = rk_ct_in8(c, '=', '=');
            int v = dec_val(c, &ok);
            /* outside the tail, '=' is a padding error; inside, it must be '=' */
            bad_pad = bad_pad + (1 - bad_pad) * ((1 - is_tail) * eq + is_tail * (1 - eq));
            bad_char = bad_char + (1 - bad_char) * (1 - ok) * (1 - eq);
            q[j % 4] = v;
            j++;
            if (j % 4 == 0) {
                int w = q[0] * 262144 + q[1] * 4096 + q[2] * 64 + q[3];
                size_t take = (j == n) ? 3u - (size_t)npad : 3u;
                if (take >= 1 && o < cap) out[o] = (uint8_t)(w / 65536);
                if (take >= 2 && o + 1 < cap) out[o + 1] = (uint8_t)((w / 256) % 256);
                if (take >= 3 && o + 2 < cap) out[o + 2] = (uint8_t)(w % 256);
                o += take;
                if (j == n) pads = npad;
            }
        }
        /* RFC 4648 3.5: the bits under the padding must be zero */
        if (pads == 1)
            noncanon = 1 - rk_ct_in8(q[2] % 4, 0, 0);
        else if (pads == 2)
            noncanon = 1 - rk_ct_in8(q[1] % 16, 0, 0);
        err = bad_char * 4 + bad_pad * 2 + noncanon;
        RK_CT_PUBLIC(&err, sizeof err);
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
