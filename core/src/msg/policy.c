/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/policy.h */
#include "rootkey/policy.h"

rk_status rk_policy_key_period(uint64_t msg_no, uint64_t cur_no)
{
    if (msg_no > cur_no)
        return RK_ERR_POLICY_FUTURE_PERIOD;
    if (cur_no - msg_no > 1)
        return RK_ERR_POLICY_OLD_PERIOD;
    return RK_OK;
}

rk_status rk_policy_newer(uint64_t t_new, int have_stored, uint64_t t_stored)
{
    if (!have_stored || t_new > t_stored)
        return RK_OK;
    return t_new == t_stored ? RK_ERR_POLICY_REPLAY : RK_ERR_POLICY_ROLLBACK;
}

rk_status rk_policy_window(uint64_t now, uint64_t activation, uint64_t expiry)
{
    if (now < activation)
        return RK_ERR_POLICY_NOT_ACTIVE;
    if (expiry != 0 && now >= expiry)
        return RK_ERR_POLICY_EXPIRED;
    return RK_OK;
}
