/* SPDX-License-Identifier: Apache-2.0
 * shims/common/atomic.h - files written so that a crash never leaves a
 * half-written one: a temporary file in the same directory, written in full,
 * fsync'd, renamed over the target, and the directory fsync'd.
 */
#ifndef RK_SHIM_ATOMIC_H
#define RK_SHIM_ATOMIC_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

/* Write data[0..len-1] to path atomically with the given mode (e.g. 0600).
 * An existing path that is neither a regular file nor a directory (a
 * device, a FIFO) is written in place, not replaced.
 * Errors: RK_ERR_IO (errno describes it); the target is untouched on error. */
RK_MUST_CHECK rk_status rk_file_write_atomic(const char *path, const uint8_t *data,
                                             size_t len, unsigned mode);

/* Read a whole file of at most cap octets into buf ("-": standard input to
 * its end; a file named - is ./-).  Errors: RK_ERR_IO,
 * RK_ERR_IWF_TOO_LARGE ("input too large": larger than cap). */
RK_MUST_CHECK rk_status rk_file_read(const char *path, uint8_t *buf, size_t cap,
                                     size_t *len);
#endif
