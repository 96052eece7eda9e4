/* SPDX-License-Identifier: Apache-2.0
 * shims/common/clock.h - the shims' one monotonic clock, for durations
 * (phase times, bench figures, retry deadlines); never for wall time.
 */
#ifndef RK_SHIM_CLOCK_H
#define RK_SHIM_CLOCK_H

/* Seconds of CLOCK_MONOTONIC, as a double (nanosecond resolution). */
double rk_clock_mono(void);
#endif
