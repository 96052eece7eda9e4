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

#define RK_T_STATUS_ROW_(name, value, message) { name, value, message },
static const struct { int code; int value; const char *msg; } listed[] = {
    RK_STATUS_LIST(RK_T_STATUS_ROW_)
};
#undef RK_T_STATUS_ROW_
#define N_LISTED (sizeof listed / sizeof listed[0])

/* RK_STATUS_LIST: every recorded code is listed, values and messages are
 * distinct, each listed code's message is rk_strerror's, and every other
 * value from RK_STATUS_LAST_ to 1 is "unknown status" */
static void list_is_the_table(void)
{
    CHECK(N_LISTED >= N_RECORDED);
    for (size_t i = 0; i < N_RECORDED; i++) {
        size_t hits = 0;
        for (size_t j = 0; j < N_LISTED; j++)
            hits += listed[j].value == recorded[i].value && strcmp(listed[j].msg, recorded[i].msg) == 0;
        CHECK_EQ(hits, 1);
    }
    for (size_t i = 0; i < N_LISTED; i++) {
        CASE_BEGIN("listed %d", listed[i].value);
        CHECK(listed[i].value <= 0 && listed[i].value > RK_STATUS_LAST_);
        CHECK(strcmp(rk_strerror(listed[i].value), listed[i].msg) == 0);
        CHECK(strcmp(listed[i].msg, "unknown status") != 0);
        for (size_t j = i + 1; j < N_LISTED; j++) {
            CHECK(listed[i].value != listed[j].value);
            CHECK(strcmp(listed[i].msg, listed[j].msg) != 0);
        }
        CASE_END();
    }
    size_t named = 0;
    for (int v = RK_STATUS_LAST_; v <= 1; v++)
        named += strcmp(rk_strerror(v), "unknown status") != 0;
    CHECK_EQ(named, N_LISTED);
}

void rk_suite_status(void)
{
    RUN(recorded_codes_unchanged);
    RUN(list_is_the_table);
}
