/* SPDX-License-Identifier: Apache-2.0
 * Constant-time checks with valgrind memcheck (the ctgrind technique).
 * A check marks every secret input undefined with CT_SECRET; memcheck then
 * reports any branch or memory address computed from it.  Only public results
 * are declassified with CT_PUBLIC before they are looked at.
 *
 * A file tests/ct/c_<module>.c defines
 *     RK_CT_CHECKS(<module>) = { { "name", fn }, ..., { 0, 0 } };
 * and scripts/ct.sh runs every check of every module, one valgrind run each.
 */
#ifndef RK_CT_HARNESS_H
#define RK_CT_HARNESS_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef RK_CT_VALGRIND
#include <valgrind/memcheck.h>
#define CT_SECRET(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define CT_PUBLIC(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))
#else
#define CT_SECRET(p, n) ((void)(p), (void)(n))
#define CT_PUBLIC(p, n) ((void)(p), (void)(n))
#endif

typedef struct { const char *name; void (*fn)(void); } rk_ct_check;
#define RK_CT_CHECKS(mod) const rk_ct_check rk_ct_checks_##mod[]

/* Deterministic filler for inputs (checks must not depend on a clock). */
static inline void ct_fill(uint8_t *p, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        p[i] = (uint8_t)(seed >> 16);
    }
}
/* Keep a result alive and make it public (it is then allowed to be read). */
#define CT_USE(x) do { CT_PUBLIC(&(x), sizeof(x)); __asm__ __volatile__("" : : "r"(&(x)) : "memory"); } while (0)
#define CT_USE_BUF(p, n) do { CT_PUBLIC((p), (n)); __asm__ __volatile__("" : : "r"(p) : "memory"); } while (0)
#endif
