/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: base64 decode on attacker bytes (both flag settings) into an
 * output buffer of an attacker-chosen exact size (heap, so ASan sees one
 * octet too far), and the round trips: canonical decoding means a successful
 * strict decode re-encodes to exactly the input; any octets encode and decode
 * back.  Builds for libFuzzer and AFL++ from this one entry point. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/b64.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char enc[8192];
    size_t ol = 1, el;
    if (size < 1 || size > 5000) return 0;
    size_t cap = data[0] * 16u + (data[0] % 7u);
    const char *in = (const char *)data + 1;
    size_t len = size - 1;
    uint8_t *out = malloc(cap ? cap : 1);
    if (!out) return 0;
    if (rk_b64_decode(out, cap, in, len, &ol, 0) == RK_OK) {
        if (ol > cap) abort();
        if (rk_b64_encode(enc, sizeof enc, out, ol, &el) != RK_OK) abort();
        if (el != len || memcmp(enc, in, len) != 0) abort();
    } else {
        if (ol != 0) abort();
        for (size_t i = 0; i < cap; i++) if (out[i]) abort();
    }
    if (rk_b64_decode(out, cap, in, len, &ol, RK_B64_ALLOW_SPACE) == RK_OK && ol > cap) abort();
    free(out);
    if (size <= 3000) {
        static uint8_t back[3000];
        if (rk_b64_encode(enc, sizeof enc, data, size, &el) != RK_OK) abort();
        if (rk_b64_decode(back, sizeof back, enc, el, &ol, 0) != RK_OK) abort();
        if (ol != size || memcmp(back, data, size) != 0) abort();
    }
    return 0;
}
