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

/* The same in two steps, so that threads can write and sync the data
 * while one thread renames in order: rk_file_write_tmp writes data to a new
 * temporary file next to path (its name into tmp, tmpcap >= strlen(path) +
 * 16), fsync'd; rk_file_commit renames tmp over path and, with sync_dir,
 * fsyncs the directory (without: a later rk_file_write_atomic in the same
 * directory makes the rename durable).  Errors: RK_ERR_IO (errno); on error
 * the temporary file is removed.  Regular files only. */
RK_MUST_CHECK rk_status rk_file_write_tmp(const char *path, const uint8_t *data, size_t len,
                                          unsigned mode, char *tmp, size_t tmpcap);
RK_MUST_CHECK rk_status rk_file_commit(const char *tmp, const char *path, int sync_dir);

/* Read a whole file of at most cap octets into buf ("-": standard input to
 * its end; a file named - is ./-).  Errors: RK_ERR_IO,
 * RK_ERR_IWF_TOO_LARGE ("input too large": larger than cap). */
RK_MUST_CHECK rk_status rk_file_read(const char *path, uint8_t *buf, size_t cap,
                                     size_t *len);
#endif
