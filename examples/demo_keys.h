/* SPDX-License-Identifier: Apache-2.0
 * examples/demo_keys.h - what both example programs share: the names, the key
 * period, and a stand-in KMS.  In a deployment the KMS issues the key sets
 * (TS 33.180 Annex D documents, read with rootkey/kms.h); here both sides
 * derive them from two fixed master secrets, which only a demonstration may do.
 */
#include <stdint.h>
#define DEMO_KMS  "kms.example.org"
#define DEMO_IWF  "sip:iwf@lmr.example.org"
#define DEMO_USER "sip:alice@mcptt.example.org"
#define DEMO_PERIOD_LEN 2592000u                    /* 30 days, offset 0 */
#define U(x) ((const uint8_t *)(x))                 /* a string literal as bytes */
#define L(x) (sizeof(x) - 1)                        /* and its length */
#define S(x) U(x), L(x)                             /* both, as two arguments */
static const uint8_t demo_ksak[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };  /* ECCSI master */
static const uint8_t demo_z[16] = { 11, 12, 13, 14, 15, 16, 17, 18, 19 }; /* SAKKE master */
#define CHECK(call) do { rk_status st_ = (call); if (st_ != RK_OK) { \
    fprintf(stderr, "%s: %s\n", #call, rk_strerror(st_)); return 1; } } while (0)
