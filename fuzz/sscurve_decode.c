/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: point decoding on the SAKKE curve (rk_ss_decode: prefix,
 * range, curve equation, order-q subgroup).  Properties: no crash or UB; a
 * decoded point re-encodes to the same octets and is on the curve; on error
 * the output is zero. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/sscurve.h"
#include <sodium.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t in[257], out[257];
    if (size < 257)
        return 0;
    memcpy(in, data, 257);
    rk_ss_aff a;
    rk_status st = rk_ss_decode(&a, in);
    if (st == RK_OK) {
        rk_ss_encode(out, &a);
        if (memcmp(in, out, 257) != 0 || rk_ss_on_curve(&a) != 1)
            abort();
    } else {
        if (rk_fp_is_zero(&a.x) != 1 || rk_fp_is_zero(&a.y) != 1)
            abort();
    }
    return 0;
}
