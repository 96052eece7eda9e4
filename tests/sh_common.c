/* SPDX-License-Identifier: Apache-2.0 */
/* see sh_common.h */
#include "sh_common.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int rk_t_vsh(const char *dir, const char *fmt, va_list ap)
{
    static char cmd[16384], full[16384 + 4200];
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    snprintf(full, sizeof full, "cd '%s' && { %s ; } >>log.out 2>>log.err", dir, cmd);
    int r = system(full);
    if (r == -1 || !WIFEXITED(r)) return -1;
    return WEXITSTATUS(r);
}
