/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/ct.h
 *
 * Kept in its own translation unit so that, without LTO, callers see an
 * opaque call the optimiser cannot drop.  With LTO the volatile stores still
 * have to happen (volatile accesses are observable behaviour) and the asm
 * barrier makes the compiler assume the zeroed memory is read afterwards.
 * The prover sees the plain loop (volatile is defined away under __FRAMAC__);
 * that the compiler keeps the stores is checked by the disassembly test in
 * tests/check_wipe.sh and listed in proofs/TRUST.md. */
#include "rootkey/ct.h"

#ifdef __FRAMAC__
#define RK_VOLATILE
#else
#define RK_VOLATILE volatile
#endif

void rk_wipe(uint8_t *p, size_t n)
{
    RK_VOLATILE uint8_t *q = p;
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> p[k] == 0;
        loop assigns i, p[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        q[i] = 0;
#if defined(__GNUC__) && !defined(__FRAMAC__)
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

void rk_wipe_u64(uint64_t *p, size_t n)
{
    RK_VOLATILE uint64_t *q = p;
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> p[k] == 0;
        loop assigns i, p[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        q[i] = 0;
#if defined(__GNUC__) && !defined(__FRAMAC__)
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

void rk_wipe_u32(uint32_t *p, size_t n)
{
    RK_VOLATILE uint32_t *q = p;
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> p[k] == 0;
        loop assigns i, p[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        q[i] = 0;
#if defined(__GNUC__) && !defined(__FRAMAC__)
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}
