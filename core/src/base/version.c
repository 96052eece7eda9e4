/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/version.h */
#include "rootkey/version.h"

#define RK_STR_(x) #x
#define RK_STR(x) RK_STR_(x)

const char *rk_version(void)
{
    return RK_STR(RK_VERSION_MAJOR) "." RK_STR(RK_VERSION_MINOR) "." RK_STR(RK_VERSION_PATCH);
}
