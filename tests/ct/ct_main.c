/* SPDX-License-Identifier: Apache-2.0 */
/* Driver of the constant-time checks: `ct_x list` prints every check name,
 * `ct_x NAME` runs one (under valgrind, from scripts/ct.sh). */
#include <sodium.h>
#include <stdio.h>
#include "ct_harness.h"

#define RK_CT_MODULE(m) extern const rk_ct_check rk_ct_checks_##m[];
#include "ct.inc"
#undef RK_CT_MODULE
static const rk_ct_check *const modules[] = {
#define RK_CT_MODULE(m) rk_ct_checks_##m,
#include "ct.inc"
#undef RK_CT_MODULE
    NULL
};

int main(int argc, char **argv)
{
    if (sodium_init() < 0) return 2;
    if (argc < 2) { fprintf(stderr, "usage: %s list|NAME\n", argv[0]); return 2; }
    for (size_t m = 0; modules[m]; m++)
        for (const rk_ct_check *c = modules[m]; c->name; c++) {
            if (strcmp(argv[1], "list") == 0) printf("%s\n", c->name);
            else if (strcmp(argv[1], c->name) == 0) { c->fn(); return 0; }
        }
    if (strcmp(argv[1], "list") == 0) return 0;
    fprintf(stderr, "no check %s\n", argv[1]);
    return 2;
}
