#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The core must be allocation-free and I/O-free: every undefined symbol of a
# core object must be on the allow-list (the few libc memory functions the
# compiler may emit, and the libsodium functions the core documents).
# Prints one line per object that fails, then "N passed, N failed".
# NM=<triple>-nm checks another architecture's objects (scripts/cross.sh).
# The ARM EABI names its memory functions __aeabi_mem*: the same four, so
# allowed.  Compiler runtime (libgcc / compiler-rt, not libc) integer helpers
# such as __aeabi_uidivmod or __udivdi3 appear on 32-bit targets for a `/` or
# `%` by a non-constant: allowed, but printed as a note, because they are
# variable-time and so acceptable only on public values (docs/portability.md).
# __cpu_model / __cpu_features2 are libgcc's CPU-feature words, read (never
# written) by gcc's __builtin_cpu_supports, which picks the MULX/ADX kernel
# of fp1024 per call (core/src/arith/fp1024_internal.h) and AES-NI / PCLMULQDQ per
# key (core/src/sym/aes_internal.h); libgcc (compiler-rt with clang) fills them
# once in its own constructor: no global of ours, no I/O, no allocation.
set -u
NM=${NM:-nm}
RUNTIME='^__(aeabi_(u?idiv|u?idivmod|u?ldivmod|llsl|llsr|lasr|lmul|u?lcmp)|(u?div|u?mod|udivmod|divmod|ashl|ashr|lshr|mul|clz|ctz|popcount|cmp|ucmp)[dt]i[0-9])$'
ALLOW='^(memset|memcpy|memmove|memcmp|__aeabi_mem(cpy|move|set|clr)[48]?|__stack_chk_fail|__stack_chk_guard|crypto_hash_sha256|crypto_hash_sha256_init|crypto_hash_sha256_update|crypto_hash_sha256_final|crypto_auth_hmacsha256_init|crypto_auth_hmacsha256_update|crypto_auth_hmacsha256_final|rk_[a-z0-9_]+|_GLOBAL_OFFSET_TABLE_|__cpu_model|__cpu_features2)$'
pass=0; fail=0
for o in "$@"; do
  und=$("$NM" -u --format=just-symbols "$o" | sed 's/@.*//' | grep -vE "$ALLOW" | sort -u)
  rt=$(printf '%s\n' "$und" | grep -E "$RUNTIME" | tr '\n' ' ')
  [ -n "$rt" ] && echo "alloc-check note: $o uses compiler runtime helpers (public operands only): $rt"
  bad=$(printf '%s\n' "$und" | grep -vE "$RUNTIME" | grep -v '^$' | tr '\n' ' ')
  if [ -n "$bad" ]; then echo "alloc-check FAIL $o references: $bad"; fail=$((fail+1)); else pass=$((pass+1)); fi
done
# mutable globals: no writable data or bss in any core object
for o in "$@"; do
  w=$("$NM" --format=posix "$o" | awk '$2 ~ /^[BbDd]$/ {print $1}' | tr '\n' ' ')
  if [ -n "$w" ]; then echo "globals FAIL $o has writable data: $w"; fail=$((fail+1)); else pass=$((pass+1)); fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
