/* see rootkey/fp1024.h */
#include "rootkey/fp1024.h"
#include "rootkey/ct.h"

/* RFC 6509 Appendix A parameter set 1 as bn Montgomery contexts (n, m0inv,
 * m, R^2 mod m, R mod m); derived offline with Python big integers and
 * checked by the fp1024 suite against rk_bn_mont_init. */
const rk_fp_mod rk_fp_mod_p = {
    16, 0x290420077c8f2f3dULL,
      { 0x666d807afea85febULL, 0x80c5df10ac7ace87ULL, 0xfce3e82389857db0ULL, 0x9f94d6af56971f1fULL, 
        0xa7cf3c521c3c09aaULL, 0xb6aff4a831852a82ULL, 0x512ac5cd65681ce1ULL, 0xe26c6487326b4cd4ULL, 
        0x356d27f4a666a6d0ULL, 0xe791b39ff7c88a19ULL, 0x228730d531a59cb0ULL, 0xf40aab27e2fc0f1bULL, 
        0xbe9ae358b3e01a2eULL, 0x416c0ce19cb48261ULL, 0x65c61198dad0657aULL, 0x997abb1f0a563fdaULL },
      { 0xe199c8ceed17b0a1ULL, 0x7ffd8b4be3620f7fULL, 0xca865d5f4f76e245ULL, 0x623ff8dc27ecf5cbULL, 
        0x229900e1d19bb697ULL, 0xed6aef26ea40c71fULL, 0xa3aed42cc906365cULL, 0x17d461b69eab6451ULL, 
        0x2009367d7d666da9ULL, 0x8bcad1dcb63c1d56ULL, 0x5a126231c31a92dcULL, 0x5fb41b0eb8d94c5bULL, 
        0xc113d394843f623cULL, 0x5d8d8e74f159f1ebULL, 0xae4ba7edb5d48c14ULL, 0x191640b9698af16aULL },
      { 0x99927f850157a015ULL, 0x7f3a20ef53853178ULL, 0x031c17dc767a824fULL, 0x606b2950a968e0e0ULL, 
        0x5830c3ade3c3f655ULL, 0x49500b57ce7ad57dULL, 0xaed53a329a97e31eULL, 0x1d939b78cd94b32bULL, 
        0xca92d80b5999592fULL, 0x186e4c60083775e6ULL, 0xdd78cf2ace5a634fULL, 0x0bf554d81d03f0e4ULL, 
        0x41651ca74c1fe5d1ULL, 0xbe93f31e634b7d9eULL, 0x9a39ee67252f9a85ULL, 0x668544e0f5a9c025ULL }
};

const rk_fp_mod rk_fp_mod_q = {
    16, 0xb8a1d17d46eaa4cdULL,
      { 0xd99b601ebfaa17fbULL, 0x203177c42b1eb3a1ULL, 0xff38fa08e2615f6cULL, 0xa7e535abd5a5c7c7ULL, 
        0xa9f3cf14870f026aULL, 0x6dabfd2a0c614aa0ULL, 0x144ab173595a0738ULL, 0x389b1921cc9ad335ULL, 
        0x4d5b49fd2999a9b4ULL, 0x39e46ce7fdf22286ULL, 0xc8a1cc354c69672cULL, 0xbd02aac9f8bf03c6ULL, 
        0x6fa6b8d62cf8068bULL, 0x905b0338672d2098ULL, 0x9971846636b4195eULL, 0x265eaec7c2958ff6ULL },
      { 0xda18351aab65130dULL, 0x53d2a86ff2ea3168ULL, 0x9cf2730004b7e984ULL, 0x7df33bab26caacf6ULL, 
        0xbd9ffef9a4e7d523ULL, 0xe4baf1d588717ce0ULL, 0x24b1bbc4bc93533aULL, 0x9ad2dc261db57a34ULL, 
        0x422970b3838d8f48ULL, 0x890491f5401df1e3ULL, 0xf3d2a16bbcb013beULL, 0x9b9de76d5595e10bULL, 
        0x58d7c6f9f724bb45ULL, 0xb2074f8f97cac807ULL, 0x76271e07c569cadcULL, 0x14274810a10f335fULL },
      { 0xe65bbf478203701eULL, 0x3ed73166fd47ca34ULL, 0x04aa23cab1b7c377ULL, 0x10a0bdf8fe1d5150ULL, 
        0x04492584d5a5f180ULL, 0x6df81103b5b8403cULL, 0x863fd74be7e3d4adULL, 0xac5d6935345f0cc1ULL, 
        0x2fdc4411066605c6ULL, 0xa4a572900c5330daULL, 0x4c3536c0358794f6ULL, 0x91efff442b85e957ULL, 
        0x6217aafaf22fd8b9ULL, 0x9dddecad94f13c6dULL, 0x6756e59ab7c767c8ULL, 0x19c7e751707ea038ULL }
};

/* The Montgomery product is bn's (CIOS).  A copy specialised to 16 limbs
 * with constant loop bounds measured the same speed (0.46 us both, gcc -O2,
 * this machine), so there is no specialisation (docs/sakke.md "fp1024"). */
void rk_fp_mmul(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    rk_bn_mont_mul(r->v, a->v, b->v, md);
}

void rk_fp_madd(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    rk_bn_mod_add(r->v, a->v, b->v, md->m, 16);
}

void rk_fp_msub(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md)
{
    rk_bn_mod_sub(r->v, a->v, b->v, md->m, 16);
}

uint64_t rk_fp_mfrom_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md)
{
    rk_fp x, z;
    rk_bn_from_bytes(x.v, 16, in, 128);
    uint64_t ok = rk_bn_lt(x.v, md->m, 16);
    rk_bn_zero(z.v, 16);
    rk_bn_cmov(x.v, z.v, 16, 1u - ok);     /* out of range: 0 */
    rk_bn_to_mont(r->v, x.v, md);
    rk_wipe_u64(x.v, 16);
    return ok;
}

void rk_fp_mreduce_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md)
{
    rk_fp x;
    rk_bn_reduce_bytes(x.v, in, 128, md);
    rk_bn_to_mont(r->v, x.v, md);
    rk_wipe_u64(x.v, 16);
}

void rk_fp_mto_bytes(uint8_t out[128], const rk_fp *a, const rk_fp_mod *md)
{
    rk_fp x;
    rk_bn_from_mont(x.v, a->v, md);
    rk_bn_to_bytes(out, 128, x.v, 16);
    rk_wipe_u64(x.v, 16);
}

void rk_fp_mfrom_mont(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
    rk_bn_from_mont(r->v, a->v, md);
}

void rk_fp_mpow_public(rk_fp *r, const rk_fp *a, const uint64_t *e, size_t elen,
                       const rk_fp_mod *md)
{
    rk_bn_mont_pow_public(r->v, a->v, e, elen, md);
}

void rk_fp_minv(rk_fp *r, const rk_fp *a, const rk_fp_mod *md)
{
    rk_bn_mont_inv(r->v, a->v, md);
}

void rk_fp_mul(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_mmul(r, a, b, &rk_fp_mod_p); }
void rk_fp_sqr(rk_fp *r, const rk_fp *a) { rk_fp_mmul(r, a, a, &rk_fp_mod_p); }
void rk_fp_add(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_madd(r, a, b, &rk_fp_mod_p); }
void rk_fp_sub(rk_fp *r, const rk_fp *a, const rk_fp *b) { rk_fp_msub(r, a, b, &rk_fp_mod_p); }
void rk_fp_inv(rk_fp *r, const rk_fp *a) { rk_fp_minv(r, a, &rk_fp_mod_p); }

void rk_fp_neg(rk_fp *r, const rk_fp *a)
{
    rk_fp z;
    rk_bn_zero(z.v, 16);
    rk_fp_msub(r, &z, a, &rk_fp_mod_p);
}

void rk_fp_zero(rk_fp *r) { rk_bn_zero(r->v, 16); }

void rk_fp_one(rk_fp *r) { rk_bn_copy(r->v, rk_fp_mod_p.one, 16); }

void rk_fp_set_u64(rk_fp *r, uint64_t x)
{
    rk_fp t;
    rk_bn_set_u64(t.v, 16, x);             /* x < 2^64 < p */
    rk_bn_to_mont(r->v, t.v, &rk_fp_mod_p);
}

void rk_fp_copy(rk_fp *r, const rk_fp *a) { rk_bn_copy(r->v, a->v, 16); }

uint64_t rk_fp_is_zero(const rk_fp *a) { return rk_bn_is_zero(a->v, 16); }

uint64_t rk_fp_eq(const rk_fp *a, const rk_fp *b) { return rk_bn_eq(a->v, b->v, 16); }

void rk_fp_cmov(rk_fp *r, const rk_fp *a, uint64_t bit) { rk_bn_cmov(r->v, a->v, 16, bit); }

uint64_t rk_fp_from_bytes(rk_fp *r, const uint8_t in[128])
{
    return rk_fp_mfrom_bytes(r, in, &rk_fp_mod_p);
}

void rk_fp_to_bytes(uint8_t out[128], const rk_fp *a)
{
    rk_fp_mto_bytes(out, a, &rk_fp_mod_p);
}

void rk_fp_q_reduce(rk_fp *r, const uint8_t *in, size_t len)
{
    rk_bn_reduce_bytes(r->v, in, len, &rk_fp_mod_q);
}

/* to_mont(a) * b / 2^1024 = a b mod q */
void rk_fp_q_mul(rk_fp *r, const rk_fp *a, const rk_fp *b)
{
    rk_fp am;
    rk_bn_to_mont(am.v, a->v, &rk_fp_mod_q);
    rk_bn_mont_mul(r->v, am.v, b->v, &rk_fp_mod_q);
    rk_wipe_u64(am.v, 16);
}

void rk_fp_q_inv(rk_fp *r, const rk_fp *a)
{
    rk_fp am, im;
    rk_bn_to_mont(am.v, a->v, &rk_fp_mod_q);
    rk_bn_mont_inv(im.v, am.v, &rk_fp_mod_q);
    rk_bn_from_mont(r->v, im.v, &rk_fp_mod_q);
    rk_wipe_u64(am.v, 16);
    rk_wipe_u64(im.v, 16);
}

void rk_fp_q_add(rk_fp *r, const rk_fp *a, const rk_fp *b)
{
    rk_bn_mod_add(r->v, a->v, b->v, rk_fp_mod_q.m, 16);
}

uint64_t rk_fp_q_in_range(const rk_fp *a)
{
    return rk_bn_lt(a->v, rk_fp_mod_q.m, 16) & (1u - rk_bn_is_zero(a->v, 16));
}

void rk_fp_pow_public(rk_fp *r, const rk_fp *a, const uint64_t *e, size_t elen)
{
    rk_bn_mont_pow_public(r->v, a->v, e, elen, &rk_fp_mod_p);
}
