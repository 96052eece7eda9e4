/* SPDX-License-Identifier: Apache-2.0 */
/* Shared helpers of the SAKKE-layer suites (fp1024, fp2, sscurve, pairing,
 * sakke): the RFC 6508 Appendix A record and point conversions. */
#ifndef SK_COMMON_H
#define SK_COMMON_H
#include <stdint.h>
#include "rootkey/fp1024.h"
#include "rootkey/sscurve.h"

typedef struct {
    uint8_t p[128], q[128], px[128], py[128], g[128];
    uint8_t z[128];            /* z left-padded to 128 octets */
    uint8_t zx[128], zy[128], b[26], kx[128], ky[128], ssv[16], r[128];
    uint8_t bpzx[128], bpzy[128], rx[128], ry[128], gr[128], mask[16], h[16];
    uint8_t data[273];
    uint8_t Z[257], K[257];    /* 04 || x || y */
    int ok;
} sk_rfc;

/* Load vectors/sakke/rfc6508.txt; ok = 1 when every field was found. */
void sk_rfc_load(sk_rfc *v);
/* affine point from two 128-octet coordinates (no checks); 1 if both < p */
int sk_aff(rk_ss_aff *a, const uint8_t x[128], const uint8_t y[128]);
/* plain-integer rk_fp from 128 big-endian octets (no reduction) */
void sk_int(rk_fp *k, const uint8_t in[128]);
#endif
