/* SPDX-License-Identifier: Apache-2.0 */
/* Shell commands of the suites that drive build/rootkey (cli, xcap). */
#ifndef SH_COMMON_H
#define SH_COMMON_H
#include <stdarg.h>

/* Run the command (printf format) in dir with stdout and stderr appended
 * to dir/log.out and dir/log.err; its exit status, -1 on a signal. */
int rk_t_vsh(const char *dir, const char *fmt, va_list ap);
#endif
