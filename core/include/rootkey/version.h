/* SPDX-License-Identifier: Apache-2.0
 * rootkey/version.h - the library's version.
 *
 * RK_VERSION_MAJOR/MINOR/PATCH are the version of the headers a program was
 * compiled with; rk_version() is the version of the library it runs with
 * ("MAJOR.MINOR.PATCH").  The Makefile reads the version from this file
 * (the shared library's name, rootkey.pc, `rootkey --version`).  The soname
 * is librootkey.so.MAJOR.
 */
#ifndef ROOTKEY_VERSION_H
#define ROOTKEY_VERSION_H
#include "rootkey/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_VERSION_MAJOR 0
#define RK_VERSION_MINOR 1
#define RK_VERSION_PATCH 0

/*
 * rk_version - the library's version as "MAJOR.MINOR.PATCH", a constant
 * string.  Never NULL.
 */
/*@ assigns \nothing;
    ensures \result != \null; */
const char *rk_version(void) RK_API;

#ifdef __cplusplus
}
#endif
#endif
