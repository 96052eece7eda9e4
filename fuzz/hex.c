/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: hex decode on attacker bytes into an output buffer of an
 * attacker-chosen exact size (heap, so ASan sees one octet too far), and the
 * round trips (a successful decode re-encodes to the lower-cased input; any
 * octets encode and decode back). */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/hex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char enc[4096];
    size_t ol = 1, el;
    if (size < 1 || size > 4096) return 0;
    size_t cap = data[0];
    const char *in = (const char *)data + 1;
    size_t len = size - 1;
    uint8_t *out = malloc(cap ? cap : 1);
    if (!out) return 0;
    if (rk_hex_decode(out, cap, in, len, &ol) == RK_OK) {
        if (ol != len / 2 || ol > cap) abort();
        if (rk_hex_encode(enc, sizeof enc, out, ol, &el) != RK_OK || el != len) abort();
        for (size_t i = 0; i < len; i++)
            if (enc[i] != tolower((unsigned char)in[i])) abort();
    } else {
        if (ol != 0) abort();
        for (size_t i = 0; i < cap; i++) if (out[i]) abort();
    }
    free(out);
    if (size <= 2048) {
        uint8_t back[2048];
        if (rk_hex_encode(enc, sizeof enc, data, size, &el) != RK_OK) abort();
        if (rk_hex_decode(back, sizeof back, enc, el, &ol) != RK_OK || ol != size) abort();
        if (memcmp(back, data, size) != 0) abort();
    }
    return 0;
}
