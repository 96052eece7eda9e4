/* SPDX-License-Identifier: Apache-2.0 */
/* Corpus replay driver: the main() that a harness is linked with when no
 * fuzzer runtime is (make check, make asan, make fuzz-coverage).  It runs
 * every file named on the command line, and every regular file of every
 * directory named, through LLVMFuzzerTestOneInput once, in name order, in
 * one process, as libFuzzer would replay them.  Each input is copied into a
 * heap buffer of its exact size, so an ASan build reports a read one octet
 * past the input.
 *
 *   replay_NAME [-q] PATH...
 *
 * Before each input it writes "replay: PATH" to stderr (unless -q), so that
 * the last such line before a harness's abort() or a sanitizer report names
 * the input that failed.  An absent directory counts zero inputs (a harness
 * with no past crash has no fuzz/regress/NAME/).  On success the last line
 * on stdout is "replay: N inputs" and the exit status 0; a failed harness
 * property aborts, a sanitizer ends the process with its own status, and an
 * unreadable file exits 2. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional in a harness: a weak reference is null when the harness has none. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int quiet;
static unsigned long count;

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    uint8_t *buf;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(2);
    }
    /* malloc(0) may return NULL: keep one octet, pass size 0 */
    buf = malloc(n > 0 ? (size_t)n : 1);
    if (!buf || (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n)) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    if (!quiet) {
        fprintf(stderr, "replay: %s\n", path);
        fflush(stderr);
    }
    LLVMFuzzerTestOneInput(buf, (size_t)n);
    free(buf);
    count++;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void run_path(const char *path)
{
    struct stat st;
    struct dirent **ents;
    int n;
    if (stat(path, &st) != 0)
        return; /* absent: nothing to replay */
    if (!S_ISDIR(st.st_mode)) {
        run_file(path);
        return;
    }
    n = scandir(path, &ents, NULL, by_name);
    if (n < 0) {
        fprintf(stderr, "replay: cannot list %s\n", path);
        exit(2);
    }
    for (int i = 0; i < n; i++) {
        char sub[4096];
        struct stat sst;
        if (ents[i]->d_name[0] != '.'
            && (size_t)snprintf(sub, sizeof sub, "%s/%s", path, ents[i]->d_name) < sizeof sub
            && stat(sub, &sst) == 0 && S_ISREG(sst.st_mode))
            run_file(sub);
        free(ents[i]);
    }
    free(ents);
}

int main(int argc, char **argv)
{
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "-q") == 0) {
        quiet = 1;
        first = 2;
    }
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (int i = first; i < argc; i++)
        run_path(argv[i]);
    printf("replay: %lu inputs\n", count);
    return 0;
}
