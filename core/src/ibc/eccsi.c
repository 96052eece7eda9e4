/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/eccsi.h */
#include "rootkey/eccsi.h"
#include "rootkey/bn.h"
#include "rootkey/ct.h"
#include "rootkey/hash.h"

/* the P-256 generator, uncompressed: hashed first into HS (RFC 6507 5.1.1) */
static const uint8_t G_ENC[65] = {
    0x04,
    0x6B, 0x17, 0xD1, 0xF2, 0xE1, 0x2C, 0x42, 0x47, 0xF8, 0xBC, 0xE6, 0xE5, 0x63, 0xA4, 0x40, 0xF2,
    0x77, 0x03, 0x7D, 0x81, 0x2D, 0xEB, 0x33, 0xA0, 0xF4, 0xA1, 0x39, 0x45, 0xD8, 0x98, 0xC2, 0x96,
    0x4F, 0xE3, 0x42, 0xE2, 0xFE, 0x1A, 0x7F, 0x9B, 0x8E, 0xE7, 0xEB, 0x4A, 0x7C, 0x0F, 0x9E, 0x16,
    0x2B, 0xCE, 0x33, 0x57, 0x6B, 0x31, 0x5E, 0xCE, 0xCB, 0xB6, 0x40, 0x68, 0x37, 0xBF, 0x51, 0xF5
};
/* p, big-endian limbs as bn wants them (r must be below p: 5.2.2) */
static const uint64_t P256_P[4] = { 0xffffffffffffffffULL, 0x00000000ffffffffULL,
                                    0x0000000000000000ULL, 0xffffffff00000001ULL };
/* domain separation of the hedged nonce derivation */
static const uint8_t J_LABEL[18] = { 'r', 'o', 'o', 't', 'k', 'e', 'y', ' ', 'e', 'c', 'c',
                                     's', 'i', ' ', 'j', ' ', 'v', '1' };

/* RK_OK when ok, else a (alt == 1) or b (alt == 0), without a branch: the
 * outcome of a secret-dependent check is turned into a status only here */
/*@ requires ok <= 1 && alt <= 1;
    requires -1000 <= a <= 0 && -1000 <= b <= 0;
    assigns \nothing;
    ensures ok == 1 ==> \result == RK_OK;
    ensures ok == 0 && alt == 1 ==> \result == a;
    ensures ok == 0 && alt == 0 ==> \result == b; */
static rk_status pick_status(uint64_t ok, uint64_t alt, rk_status a, rk_status b)
{
    int64_t r = (int64_t)alt * a + (int64_t)(1u - alt) * b;
    r = r * (int64_t)(1u - ok);
    return (rk_status)r;
}

size_t rk_eccsi_sig_bytes(void)
{
    return RK_ECCSI_SIG_BYTES;
}

/* HS = SHA-256(G || KPAK || ID || PVT) (RFC 6507 5.1.1 step 3, 5.1.2 step 2) */
/*@ requires \valid(hs + (0 .. 31));
    requires \valid_read(kpak + (0 .. 64)) && \valid_read(pvt + (0 .. 64));
    requires \valid_read(id + (0 .. id_len - 1));
    assigns hs[0 .. 31]; */
static void hash_hs(uint8_t hs[32], const uint8_t kpak[65], const uint8_t *id, size_t id_len,
                    const uint8_t pvt[65])
{
    rk_sha256_ctx h;
    rk_sha256_init(&h);
    rk_sha256_update(&h, G_ENC, 65);
    rk_sha256_update(&h, kpak, 65);
    rk_sha256_update(&h, id, id_len);
    rk_sha256_update(&h, pvt, 65);
    rk_sha256_final(&h, hs);
}

/* HE = SHA-256(HS || r || M) (5.2.1 step 3, 5.2.2 step 3) */
/*@ requires \valid(he + (0 .. 31));
    requires \valid_read(hs + (0 .. 31)) && \valid_read(r + (0 .. 31));
    requires \valid_read(msg + (0 .. msg_len - 1));
    assigns he[0 .. 31]; */
static void hash_he(uint8_t he[32], const uint8_t hs[32], const uint8_t r[32],
                    const uint8_t *msg, size_t msg_len)
{
    rk_sha256_ctx h;
    rk_sha256_init(&h);
    rk_sha256_update(&h, hs, 32);
    rk_sha256_update(&h, r, 32);
    rk_sha256_update(&h, msg, msg_len);
    rk_sha256_final(&h, he);
}

/* ------------------------------------------------------------------ verify */

rk_status rk_eccsi_verifier_init(rk_eccsi_verifier_ctx *v, const uint8_t *kpak, size_t kpak_len)
{
    rk_p256_affine a;
    rk_wipe(v->kpak_enc, 65);
    rk_wipe(v->pad_, 7);
    v->ready = 0;
    rk_status st = rk_p256_decode(&a, kpak, kpak_len);
    if (st != RK_OK) {
        rk_wipe_u64(v->kpak.x, 4);
        rk_wipe_u64(v->kpak.y, 4);
        rk_wipe_u64(v->tab.t, RK_P256_TAB_ROWS * RK_P256_TAB_ROW_WORDS);
        return RK_ERR_ECCSI_KPAK;
    }
    v->kpak = a;
    /*@ loop invariant 0 <= i <= 65;
        loop assigns i, v->kpak_enc[0 .. 64];
        loop variant 65 - i; */
    for (size_t i = 0; i < 65; i++)
        v->kpak_enc[i] = kpak[i];
    rk_p256_table_init(&v->tab, &a);
    v->ready = 1;
    return RK_OK;
}

/* what the front checks of 5.2.2 leave for the rest: PVT decoded, s, HS */
typedef struct {
    rk_p256_affine pvt;
    uint64_t s[4];
    uint8_t hs[32];
} vstate;

/* an input octet string (keeps internal calls at six arguments or fewer,
 * so that no frame pushes arguments: the stack report stays static) */
typedef struct {
    const uint8_t *p;
    size_t n;
} span;

/* Step 6's comparison, stated: RK_OK exactly when all 32 octets of x(J)
 * equal those of r (a comparison of part of r would not prove). */
/*@ requires \valid_read(jx + (0 .. 31)) && \valid_read(rb + (0 .. 31));
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_ECCSI_VERIFY;
    ensures \result == RK_OK <==> (\forall integer k; 0 <= k < 32 ==> jx[k] == rb[k]); */
static rk_status x_is_r(const uint8_t jx[32], const uint8_t rb[32])
{
    return rk_ct_memeq(jx, rb, 32) == 1 ? RK_OK : RK_ERR_ECCSI_VERIFY;
}

/* 5.2.2 steps 4-6 from HE on: J = [s]([HE]G + [r]Y), Y = [HS]PVT + KPAK,
 * computed as [s HE]G + [s r]KPAK + [s r HS]PVT (the same point) so that
 * only PVT needs doublings.  r, s already range-checked, PVT decoded. */
/*@ requires \valid_read(v) && \valid_read(vs);
    requires \valid_read(he + (0 .. 31)) && \valid_read(rb + (0 .. 31));
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_ECCSI_J_INFINITY ||
            \result == RK_ERR_ECCSI_VERIFY; */
static rk_status verify_core(const rk_eccsi_verifier_ctx *v, const vstate *vs,
                             const uint8_t he[32], const uint8_t rb[32])
{
    uint64_t e[4], r[4], h[4], u1[4], u2[4], u3[4];
    rk_p256_point J;
    rk_p256_affine Ja;
    uint8_t jx[32];
    rk_p256_sc_reduce(e, he, 32);
    rk_p256_sc_reduce(r, rb, 32);
    rk_p256_sc_reduce(h, vs->hs, 32);
    rk_p256_sc_mul(u1, vs->s, e);
    rk_p256_sc_mul(u2, vs->s, r);
    rk_p256_sc_mul(u3, u2, h);
    rk_p256_mul3_vartime(&J, u1, &v->tab, u2, &vs->pvt, u3);
    if (rk_p256_to_affine(&Ja, &J) == 0)
        return RK_ERR_ECCSI_J_INFINITY;
    rk_p256_fe_to_bytes(jx, Ja.x);
    /* Jx == r as integers; both below p, so this is also Jx = r mod p, and
     * r >= 1 makes Jx mod p != 0 (step 6) */
    return x_is_r(jx, rb);
}

/* steps before HE: length, r and s ranges, PVT (step 1), HS (step 2) */
/*@ requires \valid_read(v) && \valid_read(id) && \valid(vs);
    requires \valid_read(id->p + (0 .. id->n - 1));
    requires \valid_read(sig + (0 .. sig_len - 1));
    requires \separated(vs, id) && \separated(vs, v);
    requires \separated(vs, sig + (0 .. sig_len - 1));
    assigns *vs;
    ensures \result == RK_OK ==> sig_len == 129; */
static rk_status verify_front(const rk_eccsi_verifier_ctx *v, const span *id,
                              const uint8_t *sig, size_t sig_len, vstate *vs)
{
    uint64_t r[4];
    rk_bn_zero(vs->s, 4);
    rk_bn_zero(vs->pvt.x, 4);
    rk_bn_zero(vs->pvt.y, 4);
    if (v->ready != 1)
        return RK_ERR_NULL;
    if (id->n > RK_ECCSI_ID_MAX_BYTES)
        return RK_ERR_LENGTH;
    if (sig_len != RK_ECCSI_SIG_BYTES)
        return RK_ERR_ECCSI_SIG_LENGTH;
    rk_bn_from_bytes(r, 4, sig, 32);
    if (rk_bn_is_zero(r, 4) == 1 || rk_bn_lt(r, P256_P, 4) == 0)
        return RK_ERR_ECCSI_R_RANGE;
    if (rk_p256_sc_from_bytes(vs->s, sig + 32) == 0)
        return RK_ERR_ECCSI_S_RANGE;
    if (rk_p256_decode(&vs->pvt, sig + 64, 65) != RK_OK)
        return RK_ERR_ECCSI_PVT;
    hash_hs(vs->hs, v->kpak_enc, id->p, id->n, sig + 64);
    return RK_OK;
}

/* 5.2.2 in full; he == NULL: HE = hash(HS || r || M), else the test hook's HE */
/*@ requires \valid_read(v) && \valid_read(id) && \valid_read(msg);
    requires \valid_read(id->p + (0 .. id->n - 1));
    requires \valid_read(msg->p + (0 .. msg->n - 1));
    requires \valid_read(sig + (0 .. sig_len - 1));
    requires he == \null || \valid_read(he + (0 .. 31));
    assigns \nothing; */
static rk_status verify_impl(const rk_eccsi_verifier_ctx *v, const span *id, const span *msg,
                             const uint8_t *sig, size_t sig_len, const uint8_t *he)
{
    vstate vs;
    uint8_t h[32];
    rk_status st = verify_front(v, id, sig, sig_len, &vs);
    if (st != RK_OK)
        return st;
    if (he == 0) {
        hash_he(h, vs.hs, sig, msg->p, msg->n);
        return verify_core(v, &vs, h, sig);
    }
    return verify_core(v, &vs, he, sig);
}

rk_status rk_eccsi_verify(const rk_eccsi_verifier_ctx *v,
                          const uint8_t *id, size_t id_len,
                          const uint8_t *msg, size_t msg_len,
                          const uint8_t *sig, size_t sig_len)
{
    span i = { id, id_len }, m = { msg, msg_len };
    return verify_impl(v, &i, &m, sig, sig_len, 0);
}

rk_status rk_eccsi_verify_with_he(const rk_eccsi_verifier_ctx *v,
                                  const uint8_t *id, size_t id_len,
                                  const uint8_t he[32],
                                  const uint8_t *sig, size_t sig_len)
{
    span i = { id, id_len }, m = { he, 0 };
    return verify_impl(v, &i, &m, sig, sig_len, he);
}

/* -------------------------------------------------------------------- sign */

void rk_eccsi_signer_wipe(rk_eccsi_signer_ctx *s)
{
    rk_wipe_u64(s->ssk, 4);
    rk_wipe(s->hs, 32);
    rk_wipe(s->pvt, 65);
    rk_wipe(s->kpak_enc, 65);
    rk_wipe(s->pad_, 6);
    s->ready = 0;
}

rk_status rk_eccsi_signer_init(rk_eccsi_signer_ctx *s,
                               const uint8_t *kpak, size_t kpak_len,
                               const uint8_t *id, size_t id_len,
                               const uint8_t *ssk, size_t ssk_len,
                               const uint8_t *pvt, size_t pvt_len)
{
    rk_p256_affine P, K;
    rk_p256_point L, R;
    uint64_t h[4], z[4] = { 0, 0, 0, 0 };
    uint8_t z65[65] = { 0 };
    rk_eccsi_signer_wipe(s);
    /* public checks first (they may return early): lengths, PVT and KPAK
     * valid points (5.1.2 step 1) */
    if (ssk_len != RK_ECCSI_SCALAR_BYTES)
        return RK_ERR_ECCSI_SSK_RANGE;
    if (rk_p256_decode(&P, pvt, pvt_len) != RK_OK)
        return RK_ERR_ECCSI_PVT;
    if (rk_p256_decode(&K, kpak, kpak_len) != RK_OK)
        return RK_ERR_ECCSI_KPAK;
    if (id_len > RK_ECCSI_ID_MAX_BYTES)
        return RK_ERR_LENGTH;
    /* secret part, branch-free and decided once: SSK in [1, q-1]
     * (hardening), HS (step 2), [SSK]G == [HS]PVT + KPAK (step 3).  The left
     * side is secret (constant time); the right side is public (vartime). */
    uint64_t in_range = rk_p256_sc_from_bytes(s->ssk, ssk);
    /*@ assert in_range <= 1; */
    hash_hs(s->hs, kpak, id, id_len, pvt);
    rk_p256_sc_reduce(h, s->hs, 32);
    rk_p256_mul_base(&L, s->ssk);
    rk_p256_mul3_vartime(&R, z, 0, z, &P, h);
    rk_p256_add_affine(&R, &R, &K);
    uint64_t same = rk_p256_eq(&L, &R);
    uint64_t good = in_range * same;
    /*@ assert good <= 1; */
    /*@ loop invariant 0 <= i <= 65;
        loop assigns i, s->pvt[0 .. 64], s->kpak_enc[0 .. 64];
        loop variant 65 - i; */
    for (size_t i = 0; i < 65; i++) {
        s->pvt[i] = pvt[i];
        s->kpak_enc[i] = kpak[i];
    }
    /* keep everything on success; on failure zero the context, without a
     * branch on the secret outcome */
    rk_bn_cmov(s->ssk, z, 4, 1u - good);
    rk_ct_cmov8(s->hs, z65, 32, 1u - good);
    rk_ct_cmov8(s->pvt, z65, 65, 1u - good);
    rk_ct_cmov8(s->kpak_enc, z65, 65, 1u - good);
    s->ready = good;
    rk_wipe_u64(L.x, 4); rk_wipe_u64(L.y, 4); rk_wipe_u64(L.z, 4);
    /* RK_OK, or SSK_RANGE when out of range, else SSK_INVALID */
    /*@ assert in_range <= 1 && good <= 1; */
    return pick_status(good, 1u - in_range, RK_ERR_ECCSI_SSK_RANGE, RK_ERR_ECCSI_SSK_INVALID);
}

/* 5.2.1 steps 2-7 for a secret j (limbs).  jbad == 1 says j is unusable
 * (0 or out of range).  sig[0..128] must be zero on entry; it receives the
 * signature only on success.  Every decision is computed branch-free and
 * turned into the status at the end. */
/*@ requires \valid_read(s) && \valid_read(j + (0 .. 3));
    requires jbad <= 1;
    requires \valid(sig + (0 .. 128));
    requires \valid_read(msg + (0 .. msg_len - 1));
    assigns sig[0 .. 128]; */
static rk_status sign_core(const rk_eccsi_signer_ctx *s, const uint64_t j[4], uint64_t jbad,
                           uint8_t *sig, const uint8_t *msg, size_t msg_len)
{
    rk_p256_point J;
    rk_p256_affine Ja;
    uint8_t rb[32], he[32], out[129];
    uint64_t r[4], e[4], k[4], ki[4], sv[4], chk[4];
    /* step 2: J = [j]G, r = Jx as 32 octets */
    rk_p256_mul_base(&J, j);
    uint64_t fin = rk_p256_to_affine(&Ja, &J);
    rk_p256_fe_to_bytes(rb, Ja.x);
    /* step 3: HE; step 4: HE + r SSK != 0 mod q */
    hash_he(he, s->hs, rb, msg, msg_len);
    rk_p256_sc_reduce(e, he, 32);
    rk_p256_sc_reduce(r, rb, 32);
    rk_p256_sc_mul(k, r, s->ssk);
    rk_p256_sc_add(k, k, e);
    uint64_t kz = rk_bn_is_zero(k, 4);
    /* step 5: s = (HE + r SSK)^-1 j mod q (constant-time Fermat inversion) */
    rk_p256_sc_inv(ki, k);
    rk_p256_sc_mul(sv, ki, j);
    /* fault checks: J finite and on the curve, and s (HE + r SSK) == j
     * recomputed by a second multiplication */
    rk_p256_sc_mul(chk, sv, k);
    uint64_t ok = fin * rk_p256_on_curve(&Ja);
    ok = ok * rk_bn_eq(chk, j, 4);
    /*@ assert ok <= 1; */
    uint64_t retry = kz + jbad - kz * jbad;      /* kz OR jbad */
    /*@ assert retry <= 1; */
    uint64_t good = ok * (1u - retry);
    /*@ assert good <= 1; */
    /* step 6: s < q < 2^256 always fits N octets; step 7: r || s || PVT */
    /*@ loop invariant 0 <= i <= 32;
        loop assigns i, out[0 .. 31];
        loop variant 32 - i; */
    for (size_t i = 0; i < 32; i++)
        out[i] = rb[i];
    rk_bn_to_bytes(out + 32, 32, sv, 4);
    /*@ loop invariant 0 <= i <= 65;
        loop assigns i, out[64 .. 128];
        loop variant 65 - i; */
    for (size_t i = 0; i < 65; i++)
        out[64 + i] = s->pvt[i];
    rk_ct_cmov8(sig, out, 129, good);
    rk_wipe(out, 129);
    rk_wipe_u64(J.x, 4); rk_wipe_u64(J.y, 4); rk_wipe_u64(J.z, 4);
    rk_wipe_u64(Ja.x, 4); rk_wipe_u64(Ja.y, 4);
    rk_wipe_u64(k, 4); rk_wipe_u64(ki, 4); rk_wipe_u64(chk, 4);
    rk_wipe_u64(sv, 4); rk_wipe_u64(r, 4); rk_wipe_u64(e, 4);
    rk_wipe(rb, 32); rk_wipe(he, 32);
    /* RK_OK; RETRY for a degenerate j or HE + r SSK; else FAULT */
    return pick_status(good, retry, RK_ERR_ECCSI_RETRY, RK_ERR_ECCSI_FAULT);
}

rk_status rk_eccsi_sign_with_j(const rk_eccsi_signer_ctx *s,
                               uint8_t *sig, size_t sig_cap,
                               const uint8_t *msg, size_t msg_len,
                               const uint8_t j[32])
{
    uint64_t jj[4];
    rk_status st;
    rk_wipe(sig, sig_cap);
    if (s->ready != 1)
        return RK_ERR_NULL;
    if (sig_cap < RK_ECCSI_SIG_BYTES)
        return RK_ERR_BUFFER;
    /* test entry: j is a known constant, so branching on its range is fine */
    if (rk_p256_sc_from_bytes(jj, j) == 0)
        st = RK_ERR_SCALAR_RANGE;
    else
        st = sign_core(s, jj, 0, sig, msg, msg_len);
    rk_wipe_u64(jj, 4);
    return st;
}

/* rk_eccsi_sign with the inputs as spans */
/*@ requires \valid_read(s) && \valid_read(msg) && \valid_read(rnd);
    requires \valid(sig + (0 .. sig_cap - 1));
    requires \valid_read(msg->p + (0 .. msg->n - 1));
    requires \valid_read(rnd->p + (0 .. rnd->n - 1));
    assigns sig[0 .. sig_cap - 1];
    ensures \result == RK_OK ==> sig_cap >= 129; */
static rk_status sign_impl(const rk_eccsi_signer_ctx *s, uint8_t *sig, size_t sig_cap,
                           const span *msg, const span *rnd)
{
    uint8_t key[32], seed[32], wide[64], ctr[2];
    uint64_t jj[4];
    rk_hmac_ctx h, h2;
    rk_status st;
    rk_wipe(sig, sig_cap);
    if (s->ready != 1)
        return RK_ERR_NULL;
    if (sig_cap < RK_ECCSI_SIG_BYTES)
        return RK_ERR_BUFFER;
    if (rnd->n < RK_ECCSI_RAND_MIN_BYTES)
        return RK_ERR_LENGTH;
    /* 5.2.1 step 1, hedged: seed = HMAC(SSK, label || HS || rnd || M);
     * j = (HMAC(seed, 1) || HMAC(seed, 2)) mod q.  Even with rnd constant, j
     * is a secret PRF of (SSK, M), so equal j never signs different messages;
     * with rnd good, j is as random as rnd. */
    rk_bn_to_bytes(key, 32, s->ssk, 4);
    rk_hmac_init(&h, key, 32);
    rk_hmac_update(&h, J_LABEL, sizeof J_LABEL);
    rk_hmac_update(&h, s->hs, 32);
    rk_hmac_update(&h, rnd->p, rnd->n);
    rk_hmac_update(&h, msg->p, msg->n);
    rk_hmac_final(&h, seed);
    /* both halves are keyed by seed: key it once and copy the state
     * (saves the second pair of key-block compressions) */
    rk_hmac_init(&h, seed, 32);
    h2 = h;
    ctr[0] = 0;
    ctr[1] = 1;
    rk_hmac_update(&h2, ctr, 2);
    rk_hmac_final(&h2, wide);
    ctr[1] = 2;
    rk_hmac_update(&h, ctr, 2);
    rk_hmac_final(&h, wide + 32);
    rk_p256_sc_reduce(jj, wide, 64);   /* bias below 2^-256 */
    st = sign_core(s, jj, rk_bn_is_zero(jj, 4), sig, msg->p, msg->n);
    rk_wipe(key, 32);
    rk_wipe(seed, 32);
    rk_wipe(wide, 64);
    rk_wipe_u64(jj, 4);
    return st;
}

rk_status rk_eccsi_sign(const rk_eccsi_signer_ctx *s,
                        uint8_t *sig, size_t sig_cap,
                        const uint8_t *msg, size_t msg_len,
                        const uint8_t *rnd, size_t rnd_len)
{
    span m = { msg, msg_len }, r = { rnd, rnd_len };
    return sign_impl(s, sig, sig_cap, &m, &r);
}

rk_status rk_eccsi_sign_verified(const rk_eccsi_signer_ctx *s,
                                 const rk_eccsi_verifier_ctx *v,
                                 const uint8_t *id, size_t id_len,
                                 uint8_t *sig, size_t sig_cap,
                                 const uint8_t *msg, size_t msg_len,
                                 const uint8_t *rnd, size_t rnd_len)
{
    span i = { id, id_len }, m = { msg, msg_len }, r = { rnd, rnd_len };
    rk_status st = sign_impl(s, sig, sig_cap, &m, &r);
    RK_CT_PUBLIC(&st, sizeof st);      /* whether a signature is released: public */
    if (st != RK_OK)
        return st;
    /* CT: what is published - the signature and the signed message - is
     * checked below as any verifier would (variable time in them) */
    RK_CT_PUBLIC(sig, RK_ECCSI_SIG_BYTES);
    RK_CT_PUBLIC(msg, msg_len);
    if (verify_impl(v, &i, &m, sig, RK_ECCSI_SIG_BYTES, 0) != RK_OK) {
        rk_wipe(sig, sig_cap);
        return RK_ERR_ECCSI_FAULT;
    }
    return RK_OK;
}

/* --------------------------------------------------------------------- KMS */

rk_status rk_eccsi_kms_kpak(uint8_t kpak[65], const uint8_t ksak[32])
{
    uint64_t k[4];
    rk_p256_point P;
    rk_status st = RK_OK;
    rk_wipe(kpak, 65);
    if (rk_p256_sc_from_bytes(k, ksak) == 0)
        st = RK_ERR_SCALAR_RANGE;
    else {
        rk_p256_mul_base(&P, k);
        if (rk_p256_encode(kpak, &P) != RK_OK)   /* unreachable for k in range */
            st = RK_ERR_INTERNAL;
    }
    rk_wipe_u64(k, 4);
    rk_wipe_u64(P.x, 4); rk_wipe_u64(P.y, 4); rk_wipe_u64(P.z, 4);
    return st;
}

rk_status rk_eccsi_kms_make_ssk(uint8_t ssk[32], uint8_t pvt[65],
                                const uint8_t ksak[32], const uint8_t kpak[65],
                                const uint8_t *id, size_t id_len,
                                const uint8_t v[32])
{
    uint64_t k[4], vv[4], h[4], t[4];
    uint8_t hs[32], check[65];
    rk_p256_point P;
    rk_status st = RK_OK;
    rk_wipe(ssk, 32);
    rk_wipe(pvt, 65);
    rk_bn_zero(t, 4);
    rk_bn_zero(vv, 4);
    if (rk_p256_sc_from_bytes(k, ksak) == 0 || rk_p256_sc_from_bytes(vv, v) == 0) {
        st = RK_ERR_SCALAR_RANGE;
        goto out;
    }
    /* the KPAK given must be [KSAK]G (it is hashed into HS) */
    if (rk_eccsi_kms_kpak(check, ksak) != RK_OK || rk_ct_memeq(check, kpak, 65) != 1) {
        st = RK_ERR_ECCSI_KPAK;
        goto out;
    }
    /* 5.1.1: PVT = [v]G, HS, SSK = KSAK + HS v mod q; retry on 0 */
    rk_p256_mul_base(&P, vv);
    if (rk_p256_encode(pvt, &P) != RK_OK) {
        st = RK_ERR_INTERNAL;
        goto out;
    }
    hash_hs(hs, kpak, id, id_len, pvt);
    rk_p256_sc_reduce(h, hs, 32);
    rk_p256_sc_mul(t, h, vv);
    rk_p256_sc_add(t, t, k);
    if (rk_bn_is_zero(h, 4) == 1 || rk_bn_is_zero(t, 4) == 1) {
        st = RK_ERR_ECCSI_RETRY;
        goto out;
    }
    rk_bn_to_bytes(ssk, 32, t, 4);
out:
    if (st != RK_OK) {
        rk_wipe(ssk, 32);
        rk_wipe(pvt, 65);
    }
    rk_wipe_u64(k, 4); rk_wipe_u64(vv, 4); rk_wipe_u64(t, 4);
    rk_wipe_u64(P.x, 4); rk_wipe_u64(P.y, 4); rk_wipe_u64(P.z, 4);
    return st;
}
