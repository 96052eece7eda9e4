/* SPDX-License-Identifier: Apache-2.0 */
/* see atomic.h */
#include "atomic.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

rk_status rk_file_write_atomic(const char *path, const uint8_t *data, size_t len,
                               unsigned mode)
{
    char tmp[4096];
    int fd, saved;
    struct stat st;
    /* a device or a pipe (/dev/stdout, /dev/null, a FIFO) is written in
     * place: renaming a temporary file over it would replace the node
     * itself, which as root turns /dev/null into a regular file */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0) return RK_ERR_IO;
        if (write_all(fd, data, len) != 0) {
            saved = errno;
            close(fd);
            errno = saved;
            return RK_ERR_IO;
        }
        return close(fd) == 0 ? RK_OK : RK_ERR_IO;
    }
    if (rk_file_write_tmp(path, data, len, mode, tmp, sizeof tmp) != RK_OK) return RK_ERR_IO;
    return rk_file_commit(tmp, path, 1);
}

rk_status rk_file_write_tmp(const char *path, const uint8_t *data, size_t len, unsigned mode,
                            char *tmp, size_t tmpcap)
{
    int fd, saved;
    if (strlen(path) + 16 > tmpcap) {
        errno = ENAMETOOLONG;
        return RK_ERR_IO;
    }
    snprintf(tmp, tmpcap, "%s.tmpXXXXXX", path);
    fd = mkstemp(tmp);
    if (fd < 0) return RK_ERR_IO;
    if (fchmod(fd, (mode_t)mode) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        saved = errno;
        close(fd);
        unlink(tmp);
        errno = saved;
        return RK_ERR_IO;
    }
    if (close(fd) != 0) {
        saved = errno;
        unlink(tmp);
        errno = saved;
        return RK_ERR_IO;
    }
    return RK_OK;
}

rk_status rk_file_commit(const char *tmp, const char *path, int sync_dir)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    int dfd, saved;
    if (rename(tmp, path) != 0) {
        saved = errno;
        unlink(tmp);
        errno = saved;
        return RK_ERR_IO;
    }
    if (!sync_dir) return RK_OK;
    /* make the rename itself durable */
    if (slash) {
        size_t dl = (size_t)(slash - path);
        if (dl == 0) dl = 1;
        if (dl >= sizeof dir) { errno = ENAMETOOLONG; return RK_ERR_IO; }
        memcpy(dir, path, dl);
        dir[dl] = 0;
    } else {
        strcpy(dir, ".");
    }
    /* the rename is durable only once the directory is synced: a failure
     * here is a failed write (errno says why) */
    dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd < 0) return RK_ERR_IO;
    if (fsync(dfd) != 0) {
        saved = errno;
        close(dfd);
        errno = saved;
        return RK_ERR_IO;
    }
    close(dfd);
    return RK_OK;
}

rk_status rk_file_read(const char *path, uint8_t *buf, size_t cap, size_t *len)
{
    int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY);   /* "-": stdin */
    size_t n = 0;
    *len = 0;
    if (fd < 0) return RK_ERR_IO;
    for (;;) {
        uint8_t extra;
        ssize_t r = n < cap ? read(fd, buf + n, cap - n) : read(fd, &extra, 1);
        if (r < 0) {
            if (errno == EINTR) continue;
            close(fd);
            return RK_ERR_IO;
        }
        if (r == 0) break;
        if (n >= cap) {
            close(fd);
            return RK_ERR_IWF_TOO_LARGE;
        }
        n += (size_t)r;
    }
    close(fd);
    *len = n;
    return RK_OK;
}
