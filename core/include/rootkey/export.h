/* SPDX-License-Identifier: Apache-2.0
 * rootkey/export.h - RK_API, the mark of a function librootkey.so exports.
 *
 * The shared library is built with -fvisibility=hidden and the linker
 * version script core/rootkey.map (node ROOTKEY_1): a function is part of
 * the ABI only if its declaration in an installed header carries RK_API
 * after its parameter list and its name is listed in the map.  (After the
 * parameter list, not before the return type: the position of a function's
 * name is part of the WP goals of its callers, so marking a declaration
 * leaves the proof cache valid.)  Everything else (internal layers,
 * test-only entry points such as rk_eccsi_sign_with_j) stays in the static
 * archive librootkey.a, which the tests and the rootkey command link.
 * `make check` compares the exports of librootkey.so with the RK_API
 * declarations of the installed headers (scripts/install_check.sh; docs/api.md
 * "ABI").
 */
#ifndef ROOTKEY_EXPORT_H
#define ROOTKEY_EXPORT_H

#if defined(__GNUC__) && !defined(__FRAMAC__)
#define RK_API __attribute__((visibility("default")))
#else
#define RK_API
#endif

#endif
