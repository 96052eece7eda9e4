/* SPDX-License-Identifier: Apache-2.0 */
/* Status codes (core/include/rootkey/status.h, core/src/base/status.c):
 * every code keeps the value and message it was released with. */
#include "rk_test.h"
#include "rootkey/status.h"

static const struct { int code; int value; const char *msg; } recorded[] = {
#include "golden/status_codes.inc"
};
#define N_RECORDED (sizeof recorded / sizeof recorded[0])

/* the name still denotes its value, and rk_strerror gives the same bytes */
static void recorded_codes_unchanged(void)
{
    CHECK_EQ(N_RECORDED, 309);
    for (size_t i = 0; i < N_RECORDED; i++) {
        CASE_BEGIN("code %d", recorded[i].value);
        CHECK_EQ(recorded[i].code, recorded[i].value);
        CHECK(strcmp(rk_strerror(recorded[i].value), recorded[i].msg) == 0);
        CASE_END();
    }
}

void rk_suite_status(void)
{
    RUN(recorded_codes_unchanged);
}
