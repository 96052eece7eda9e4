/* SPDX-License-Identifier: Apache-2.0 */
/* The test runner: every suite tests/t_<name>.c, in file-name order, then
 * the closing line "N passed, N failed" (skipped cases, counted in neither,
 * on a line "N skipped" before it).  `rk_tests NAME...` runs only the
 * named suites.  Exit status 1 when anything failed. */
#include <sodium.h>
#include <stdlib.h>
#include "rk_test.h"

void rk_t_set_suite(const char *s);
void rk_t_counts(int *pass, int *fail);
int rk_t_skips(void);

#define RK_SUITE(name) void rk_suite_##name(void);
#include "suites.inc"
#undef RK_SUITE

static const struct { const char *name; void (*fn)(void); } suites[] = {
#define RK_SUITE(name) { #name, rk_suite_##name },
#include "suites.inc"
#undef RK_SUITE
};

int main(int argc, char **argv)
{
    int pass, fail, ran = 0;
    if (sodium_init() < 0) {
        printf("sodium_init failed\n0 passed, 1 failed\n");
        return 1;
    }
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        int want = argc < 2;
        for (int a = 1; a < argc; a++)
            if (strcmp(argv[a], suites[i].name) == 0) want = 1;
        if (!want) continue;
        int p0, f0;
        rk_t_counts(&p0, &f0);
        rk_t_set_suite(suites[i].name);
        suites[i].fn();
        rk_t_counts(&pass, &fail);
        printf("suite %-12s %6d ok %4d bad\n", suites[i].name, pass - p0, fail - f0);
        fflush(stdout);
        ran++;
    }
    rk_t_counts(&pass, &fail);
    if (ran == 0) fail++;
    if (rk_t_skips() > 0) printf("%d skipped\n", rk_t_skips());   /* never counted as passed */
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
