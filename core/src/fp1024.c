/* see rootkey/fp1024.h */
#include "rootkey/fp1024.h"
#include "rootkey/ct.h"

/* RFC 6509 Appendix A parameter set 1; constants derived offline with Python
 * big integers (docs/sakke.md "constants") and checked by the fp1024 suite. */
const rk_fp_mod rk_fp_mod_p = {
    {{ 0x666d807afea85febULL, 0x80c5df10ac7ace87ULL, 0xfce3e82389857db0ULL, 0x9f94d6af56971f1fULL, 
       0xa7cf3c521c3c09aaULL, 0xb6aff4a831852a82ULL, 0x512ac5cd65681ce1ULL, 0xe26c6487326b4cd4ULL, 
       0x356d27f4a666a6d0ULL, 0xe791b39ff7c88a19ULL, 0x228730d531a59cb0ULL, 0xf40aab27e2fc0f1bULL, 
       0xbe9ae358b3e01a2eULL, 0x416c0ce19cb48261ULL, 0x65c61198dad0657aULL, 0x997abb1f0a563fdaULL }},
    {{ 0x99927f850157a015ULL, 0x7f3a20ef53853178ULL, 0x031c17dc767a824fULL, 0x606b2950a968e0e0ULL, 
       0x5830c3ade3c3f655ULL, 0x49500b57ce7ad57dULL, 0xaed53a329a97e31eULL, 0x1d939b78cd94b32bULL, 
       0xca92d80b5999592fULL, 0x186e4c60083775e6ULL, 0xdd78cf2ace5a634fULL, 0x0bf554d81d03f0e4ULL, 
       0x41651ca74c1fe5d1ULL, 0xbe93f31e634b7d9eULL, 0x9a39ee67252f9a85ULL, 0x668544e0f5a9c025ULL }},
    {{ 0xe199c8ceed17b0a1ULL, 0x7ffd8b4be3620f7fULL, 0xca865d5f4f76e245ULL, 0x623ff8dc27ecf5cbULL, 
       0x229900e1d19bb697ULL, 0xed6aef26ea40c71fULL, 0xa3aed42cc906365cULL, 0x17d461b69eab6451ULL, 
       0x2009367d7d666da9ULL, 0x8bcad1dcb63c1d56ULL, 0x5a126231c31a92dcULL, 0x5fb41b0eb8d94c5bULL, 
       0xc113d394843f623cULL, 0x5d8d8e74f159f1ebULL, 0xae4ba7edb5d48c14ULL, 0x191640b9698af16aULL }},
    0x290420077c8f2f3dULL
};

const rk_fp_mod rk_fp_mod_q = {
    {{ 0xd99b601ebfaa17fbULL, 0x203177c42b1eb3a1ULL, 0xff38fa08e2615f6cULL, 0xa7e535abd5a5c7c7ULL, 
       0xa9f3cf14870f026aULL, 0x6dabfd2a0c614aa0ULL, 0x144ab173595a0738ULL, 0x389b1921cc9ad335ULL, 
       0x4d5b49fd2999a9b4ULL, 0x39e46ce7fdf22286ULL, 0xc8a1cc354c69672cULL, 0xbd02aac9f8bf03c6ULL, 
       0x6fa6b8d62cf8068bULL, 0x905b0338672d2098ULL, 0x9971846636b4195eULL, 0x265eaec7c2958ff6ULL }},
    {{ 0xe65bbf478203701eULL, 0x3ed73166fd47ca34ULL, 0x04aa23cab1b7c377ULL, 0x10a0bdf8fe1d5150ULL, 
       0x04492584d5a5f180ULL, 0x6df81103b5b8403cULL, 0x863fd74be7e3d4adULL, 0xac5d6935345f0cc1ULL, 
       0x2fdc4411066605c6ULL, 0xa4a572900c5330daULL, 0x4c3536c0358794f6ULL, 0x91efff442b85e957ULL, 
       0x6217aafaf22fd8b9ULL, 0x9dddecad94f13c6dULL, 0x6756e59ab7c767c8ULL, 0x19c7e751707ea038ULL }},
    {{ 0xda18351aab65130dULL, 0x53d2a86ff2ea3168ULL, 0x9cf2730004b7e984ULL, 0x7df33bab26caacf6ULL, 
       0xbd9ffef9a4e7d523ULL, 0xe4baf1d588717ce0ULL, 0x24b1bbc4bc93533aULL, 0x9ad2dc261db57a34ULL, 
       0x422970b3838d8f48ULL, 0x890491f5401df1e3ULL, 0xf3d2a16bbcb013beULL, 0x9b9de76d5595e10bULL, 
       0x58d7c6f9f724bb45ULL, 0xb2074f8f97cac807ULL, 0x76271e07c569cadcULL, 0x14274810a10f335fULL }},
    0xb8a1d17d46eaa4cdULL
};

#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__)
__extension__ typedef unsigned __int128 u128;
#endif

/* 64x64 -> 128: one MUL where the compiler has a 128-bit type; Frama-C
 * cannot parse __int128 and analyses the portable 32-bit split. */
/*@ requires \valid(hi) && \valid(lo) && \separated(hi, lo);
    assigns *hi, *lo; */
static inline void mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__)
    u128 t = (u128)a * b;
    *lo = (uint64_t)t;
    *hi = (uint64_t)(t >> 64);
#else
    const uint64_t w = 4294967296u;
    uint64_t a0 = a % w, a1 = a / w, b0 = b % w, b1 = b / w;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = p00 / w + p01 % w + p10 % w;
    *lo = (mid % w) * w + p00 % w;
    *hi = p11 + p01 / w + p10 / w + mid / w;
#endif
}

/* *lo = low word of a*b + c + d, returns the high word (never overflows). */
/*@ requires \valid(lo);
    assigns *lo; */
static inline uint64_t mac64(uint64_t *lo, uint64_t a, uint64_t b, uint64_t c,
                             uint64_t d)
{
#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__)
    u128 t = (u128)a * b + c + d;
    *lo = (uint64_t)t;
    return (uint64_t)(t >> 64);
#else
    uint64_t h, l;
    mul64(a, b, &h, &l);
    uint64_t s = l + c;
    h += (uint64_t)(s < c);
    uint64_t t = s + d;
    h += (uint64_t)(t < d);
    *lo = t;
    return h;
#endif
}

/* r = a + b + cin, carry out in {0,1}. */
/*@ requires \valid(r) && cin <= 1;
    assigns *r;
    ensures \result <= 1; */
static inline uint64_t adc64(uint64_t *r, uint64_t a, uint64_t b, uint64_t cin)
{
    uint64_t s = a + cin;
    uint64_t c1 = (uint64_t)(s < cin);
    uint64_t t = s + b;
    uint64_t c2 = (uint64_t)(t < s);
    *r = t;
    return c1 | c2;
}

/* r = a - b - bin, borrow out in {0,1}. */
/*@ requires \valid(r) && bin <= 1;
    assigns *r;
    ensures \result <= 1; */
static inline uint64_t sbb64(uint64_t *r, uint64_t a, uint64_t b, uint64_t bin)
{
    uint64_t t = a - b;
    uint64_t b1 = (uint64_t)(a < b);
    uint64_t u = t - bin;
    uint64_t b2 = (uint64_t)(t < bin);
    *r = u;
    return b1 | b2;
}

/* r = sel ? x : y over 16 limbs, sel a mask (r may alias x or y). */
/*@ requires rk_is_mask(m);
    requires \valid(r + (0 .. 15));
    requires \valid_read(x + (0 .. 15)) && \valid_read(y + (0 .. 15));
    assigns r[0 .. 15]; */
static void sel16(uint64_t *r, const uint64_t *x, const uint64_t *y, uint64_t m)
{
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, r[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        r[i] = rk_ct_sel64(x[i], y[i], m);
}

/* r = t - m if (hi != 0 or t >= m) else t, for t + hi*2^1024 < 2m. */
/*@ requires hi <= 1;
    requires \valid(r + (0 .. 15));
    requires \valid_read(t + (0 .. 15)) && \valid_read(m + (0 .. 15));
    requires \separated(r + (0 .. 15), m + (0 .. 15));
    assigns r[0 .. 15]; */
static void cond_sub(uint64_t *r, const uint64_t *t, uint64_t hi, const uint64_t *m)
{
    uint64_t u[16];
    uint64_t bw = 0;
    /*@ loop invariant 0 <= i <= 16 && bw <= 1;
        loop assigns i, bw, u[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        bw = sbb64(&u[i], t[i], m[i], bw);
    /* use u when there was a carry out (hi) or no borrow */
    uint64_t use_u = hi | (1u - bw);
    /*@ assert use_u == 0 || use_u == 1; */
    sel16(r, u, t, rk_ct_mask64(use_u));
}

/* Montgomery product, CIOS (Koc, Acar, Kaliski 1996): interleave one row of
 * a*b[i] with one reduction step; t stays below 2m so one final conditional
 * subtraction suffices. */
void rk_fp_mmul(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    uint64_t t[18];
    uint64_t c, mq, junk;
    /*@ loop invariant 0 <= k <= 18;
        loop assigns k, t[0 .. 17];
        loop variant 18 - k; */
    for (size_t k = 0; k < 18; k++)
        t[k] = 0;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, c, mq, junk, t[0 .. 17];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++) {
        uint64_t bi = b->v[i];
        c = 0;
        /*@ loop invariant 0 <= j <= 16;
            loop assigns j, c, t[0 .. 15];
            loop variant 16 - j; */
        for (size_t j = 0; j < 16; j++)
            c = mac64(&t[j], a->v[j], bi, t[j], c);
        t[17] = adc64(&t[16], t[16], c, 0);
        mq = t[0] * md->m0inv;
        c = mac64(&junk, mq, md->m.v[0], t[0], 0);
        /*@ loop invariant 1 <= j <= 16;
            loop assigns j, c, t[0 .. 15];
            loop variant 16 - j; */
        for (size_t j = 1; j < 16; j++)
            c = mac64(&t[j - 1], mq, md->m.v[j], t[j], c);
        c = adc64(&t[15], t[16], c, 0);
        t[16] = t[17] + c;
    }
    /* t < 2m, t[16] in {0,1} */
    uint64_t hi = t[16] & 1u;
    cond_sub(r->v, t, hi, md->m.v);
}

void rk_fp_madd(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    uint64_t s[16];
    uint64_t c = 0;
    /*@ loop invariant 0 <= i <= 16 && c <= 1;
        loop assigns i, c, s[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        c = adc64(&s[i], a->v[i], b->v[i], c);
    cond_sub(r->v, s, c, md->m.v);
}

void rk_fp_msub(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    uint64_t d[16], e[16];
    uint64_t bw = 0, c = 0;
    /*@ loop invariant 0 <= i <= 16 && bw <= 1;
        loop assigns i, bw, d[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        bw = sbb64(&d[i], a->v[i], b->v[i], bw);
    /* add m back when a < b */
    uint64_t mk = rk_ct_mask64(bw);
    /*@ loop invariant 0 <= i <= 16 && c <= 1;
        loop assigns i, c, e[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        c = adc64(&e[i], d[i], md->m.v[i] & mk, c);
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, r->v[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        r->v[i] = e[i];
}

/* big-endian octets -> limbs */
/*@ requires \valid(x + (0 .. 15)) && \valid_read(in + (0 .. 127));
    assigns x[0 .. 15]; */
static void load_be(uint64_t *x, const uint8_t *in)
{
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, x[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++) {
        uint64_t w = 0;
        /*@ loop invariant 0 <= j <= 8;
            loop assigns j, w;
            loop variant 8 - j; */
        for (size_t j = 0; j < 8; j++)
            w = w * 256u + in[(15 - i) * 8 + j];
        x[i] = w;
    }
}

/*@ requires \valid(out + (0 .. 127)) && \valid_read(x + (0 .. 15));
    assigns out[0 .. 127]; */
static void store_be(uint8_t *out, const uint64_t *x)
{
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, out[0 .. 127];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++) {
        uint64_t w = x[i];
        /*@ loop invariant 0 <= j <= 8;
            loop assigns j, w, out[0 .. 127];
            loop variant 8 - j; */
        for (size_t j = 0; j < 8; j++) {
            out[(15 - i) * 8 + 7 - j] = (uint8_t)(w % 256u);
            w = w / 256u;
        }
    }
}

/* 1 if x < m (constant time) */
/*@ requires \valid_read(x + (0 .. 15)) && \valid_read(m + (0 .. 15));
    assigns \nothing;
    ensures \result <= 1; */
static uint64_t lt16(const uint64_t *x, const uint64_t *m)
{
    uint64_t bw = 0, junk;
    /*@ loop invariant 0 <= i <= 16 && bw <= 1;
        loop assigns i, bw, junk;
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        bw = sbb64(&junk, x[i], m[i], bw);
    return bw;
}

uint64_t rk_fp_mfrom_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md)
{
    rk_fp x, z;
    load_be(x.v, in);
    uint64_t ok = lt16(x.v, md->m.v);
    rk_fp_zero(&z);
    sel16(x.v, x.v, z.v, rk_ct_mask64(ok));
    rk_fp_mmul(r, &x, &md->r2, md);
    rk_wipe_u64(x.v, 16);
    return ok;
}

/* x < 2^1024 and m > 2^1021 (p and q both), so x < 8m: subtract 4m, 2m, m
 * conditionally.  Each step keeps the value below 2^1024 plus a carry word. */
void rk_fp_mreduce_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md)
{
    uint64_t x[16], u[16], mk[17];
    load_be(x, in);
    /*@ loop invariant 0 <= s <= 3;
        loop assigns s, x[0 .. 15], u[0 .. 15], mk[0 .. 16];
        loop variant 3 - s; */
    for (unsigned s = 0; s < 3; s++) {
        unsigned sh = 2u - s;              /* multiply m by 2^sh */
        uint64_t prev = 0;
        /*@ loop invariant 0 <= i <= 16;
            loop assigns i, prev, mk[0 .. 15];
            loop variant 16 - i; */
        for (size_t i = 0; i < 16; i++) {
            uint64_t w = md->m.v[i];
            mk[i] = sh == 0 ? w : ((w << sh) | (prev >> (64u - sh)));
            prev = w;
        }
        mk[16] = sh == 0 ? 0 : (prev >> (64u - sh));
        uint64_t bw = 0;
        /*@ loop invariant 0 <= i <= 16 && bw <= 1;
            loop assigns i, bw, u[0 .. 15];
            loop variant 16 - i; */
        for (size_t i = 0; i < 16; i++)
            bw = sbb64(&u[i], x[i], mk[i], bw);
        /* x - mk >= 0 iff no borrow and the top word of mk is 0 */
        uint64_t junk;
        bw = sbb64(&junk, 0, mk[16], bw);
        sel16(x, u, x, rk_ct_mask64(1u - bw));
    }
    rk_fp t;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, t.v[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        t.v[i] = x[i];
    rk_fp_mmul(r, &t, &md->r2, md);
    rk_wipe_u64(x, 16);
    rk_wipe_u64(u, 16);
    rk_wipe_u64(t.v, 16);
}

void rk_fp_mto_bytes(uint8_t out[128], const rk_fp *a, const rk_fp_mod *md)
{
    rk_fp one, x;
    rk_fp_zero(&one);
    one.v[0] = 1;
    rk_fp_mmul(&x, a, &one, md);
    store_be(out, x.v);
    rk_wipe_u64(x.v, 16);
}

/* Fixed 4-bit windows over a public exponent; the table index comes from the
 * exponent only, so the time does not depend on a. */
void rk_fp_mpow_public(rk_fp *r, const rk_fp *a, const uint64_t *e, size_t elen,
                       const rk_fp_mod *md)
{
    rk_fp tab[16];
    rk_fp acc;
    tab[0] = md->one;
    tab[1] = *a;
    /*@ loop invariant 2 <= k <= 16;
        loop assigns k, tab[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 2; k < 16; k++)
        rk_fp_mmul(&tab[k], &tab[k - 1], &tab[1], md);
    acc = md->one;
    /*@ loop invariant 0 <= i <= elen;
        loop assigns i, acc;
        loop variant elen - i; */
    for (size_t i = 0; i < elen; i++) {
        uint64_t w = e[elen - 1 - i];
        /*@ loop invariant 0 <= j <= 16;
            loop assigns j, acc;
            loop variant 16 - j; */
        for (size_t j = 0; j < 16; j++) {
            unsigned nib = (unsigned)((w >> (60u - 4u * (unsigned)j)) & 15u);
            rk_fp_mmul(&acc, &acc, &acc, md);
            rk_fp_mmul(&acc, &acc, &acc, md);
            rk_fp_mmul(&acc, &acc, &acc, md);
            rk_fp_mmul(&acc, &acc, &acc, md);
            rk_fp_mmul(&acc, &acc, &tab[nib], md);
        }
    }
    *r = acc;
    rk_wipe_u64(&tab[0].v[0], 16);
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, tab[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        rk_wipe_u64(tab[k].v, 16);
    rk_wipe_u64(acc.v, 16);
}

void rk_fp_minv(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
    uint64_t e[16];
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, e[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        e[i] = md->m.v[i];
    e[0] -= 2;   /* m odd and > 2: no borrow */
    rk_fp_mpow_public(r, a, e, 16, md);
}

void rk_fp_mul(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_mmul(r, a, b, &rk_fp_mod_p); }
void rk_fp_sqr(rk_fp *r, const rk_fp *a) { rk_fp_mmul(r, a, a, &rk_fp_mod_p); }
void rk_fp_add(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_madd(r, a, b, &rk_fp_mod_p); }
void rk_fp_sub(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_msub(r, a, b, &rk_fp_mod_p); }
void rk_fp_inv(rk_fp *r, const rk_fp *a) { rk_fp_minv(r, a, &rk_fp_mod_p); }

void rk_fp_neg(rk_fp *r, const rk_fp *a)
{
    rk_fp z;
    rk_fp_zero(&z);
    rk_fp_msub(r, &z, a, &rk_fp_mod_p);
}

void rk_fp_zero(rk_fp *r)
{
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, r->v[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        r->v[i] = 0;
}

void rk_fp_one(rk_fp *r) { *r = rk_fp_mod_p.one; }

void rk_fp_set_u64(rk_fp *r, uint64_t x)
{
    rk_fp t;
    rk_fp_zero(&t);
    t.v[0] = x;
    /* x < p always (p > 2^1023) */
    rk_fp_mmul(r, &t, &rk_fp_mod_p.r2, &rk_fp_mod_p);
}

void rk_fp_copy(rk_fp *r, const rk_fp *a) { *r = *a; }

uint64_t rk_fp_is_zero(const rk_fp *a)
{
    uint64_t d = 0;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, d;
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        d = rk_ct_diff64(d, a->v[i], 0);
    return rk_ct_is_zero64(d);
}

uint64_t rk_fp_eq(const rk_fp *a, const rk_fp *b)
{
    uint64_t d = 0;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, d;
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        d = rk_ct_diff64(d, a->v[i], b->v[i]);
    return rk_ct_is_zero64(d);
}

void rk_fp_cmov(rk_fp *r, const rk_fp *a, uint64_t bit)
{
    sel16(r->v, a->v, r->v, rk_ct_mask64(bit));
}

uint64_t rk_fp_from_bytes(rk_fp *r, const uint8_t in[128])
{
    return rk_fp_mfrom_bytes(r, in, &rk_fp_mod_p);
}

void rk_fp_to_bytes(uint8_t out[128], const rk_fp *a)
{
    rk_fp_mto_bytes(out, a, &rk_fp_mod_p);
}
