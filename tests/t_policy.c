/* SPDX-License-Identifier: Apache-2.0 */
/* Client policy decisions (docs/design.md §5): key periods, no rollback, window. */
#include "rk_test.h"
#include "rootkey/policy.h"

static void key_periods(void)
{
    CHECK_EQ(rk_policy_key_period(1388, 1388), RK_OK);          /* current */
    CHECK_EQ(rk_policy_key_period(1387, 1388), RK_OK);          /* previous */
    CHECK_EQ(rk_policy_key_period(1389, 1388), RK_ERR_POLICY_FUTURE_PERIOD);
    CHECK_EQ(rk_policy_key_period(1386, 1388), RK_ERR_POLICY_OLD_PERIOD);
    CHECK_EQ(rk_policy_key_period(0, 0), RK_OK);
    CHECK_EQ(rk_policy_key_period(0, 1), RK_OK);
    CHECK_EQ(rk_policy_key_period(UINT64_MAX, 0), RK_ERR_POLICY_FUTURE_PERIOD);
    CHECK_EQ(rk_policy_key_period(0, UINT64_MAX), RK_ERR_POLICY_OLD_PERIOD);
}

static void no_rollback(void)
{
    CHECK_EQ(rk_policy_newer(100, 0, 0), RK_OK);                 /* nothing stored */
    CHECK_EQ(rk_policy_newer(0, 0, 500), RK_OK);
    CHECK_EQ(rk_policy_newer(101, 1, 100), RK_OK);
    CHECK_EQ(rk_policy_newer(100, 1, 100), RK_ERR_POLICY_REPLAY);
    CHECK_EQ(rk_policy_newer(99, 1, 100), RK_ERR_POLICY_ROLLBACK);
    /* across the 2036 NTP wrap the era-extended seconds keep increasing */
    CHECK_EQ(rk_policy_newer(4294967296ULL, 1, 4294967295ULL), RK_OK);
}

static void window(void)
{
    CHECK_EQ(rk_policy_window(1000, 0, 0), RK_OK);               /* at once, no expiry */
    CHECK_EQ(rk_policy_window(1000, 1000, 2000), RK_OK);         /* from activation on */
    CHECK_EQ(rk_policy_window(999, 1000, 2000), RK_ERR_POLICY_NOT_ACTIVE);
    CHECK_EQ(rk_policy_window(1999, 1000, 2000), RK_OK);
    CHECK_EQ(rk_policy_window(2000, 1000, 2000), RK_ERR_POLICY_EXPIRED);
    CHECK_EQ(rk_policy_window(5000, 1000, 0), RK_OK);
}

void rk_suite_policy(void)
{
    RUN(key_periods);
    RUN(no_rollback);
    RUN(window);
}
