/* SPDX-License-Identifier: Apache-2.0 */ /* see common/clock.h */
#include "common/clock.h"
#include <time.h>

double rk_clock_mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
