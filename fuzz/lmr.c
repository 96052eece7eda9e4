/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the LMR root-key block decoder on attacker bytes; a block
 * that decodes re-encodes to exactly the same octets (the format has one
 * encoding per block). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/lmr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rk_lmr_block b;
    uint8_t out[RK_LMR_MAX_BYTES];
    size_t n;
    if (rk_lmr_decode(&b, data, size) != RK_OK) {
        if (b.key_len != 0 || b.lmr_type != 0) abort();
        return 0;
    }
    if (rk_lmr_encode(out, sizeof out, &n, &b) != RK_OK) abort();
    if (n != size || memcmp(out, data, size) != 0) abort();
    return 0;
}
