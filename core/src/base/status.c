/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/status.h */
#include "rootkey/status.h"

/* one case per line of RK_STATUS_LIST: the message of the code */
#define RK_STATUS_CASE_(name, value, message) case name: return message;

const char *rk_strerror(rk_status s)
{
    switch (s) {
    RK_STATUS_LIST(RK_STATUS_CASE_)
    default: return "unknown status";
    }
}
