#!/usr/bin/env bash
# The core must be allocation-free and I/O-free: every undefined symbol of a
# core object must be on the allow-list (the few libc memory functions the
# compiler may emit, and the libsodium functions the core documents).
# Prints one line per object that fails, then "N passed, N failed".
# NM=<triple>-nm checks another architecture's objects (scripts/cross.sh).
# The ARM EABI names its memory functions __aeabi_mem*: the same four, so
# allowed.  Compiler helpers for 64-bit division (__aeabi_uldivmod,
# __udivdi3, __umoddi3, ...) are NOT: on 32-bit targets they are
# variable-time library calls, and the core has no business dividing.
set -u
NM=${NM:-nm}
ALLOW='^(memset|memcpy|memmove|memcmp|__aeabi_mem(cpy|move|set|clr)[48]?|__stack_chk_fail|__stack_chk_guard|crypto_hash_sha256|crypto_hash_sha256_init|crypto_hash_sha256_update|crypto_hash_sha256_final|crypto_auth_hmacsha256_init|crypto_auth_hmacsha256_update|crypto_auth_hmacsha256_final|rk_[a-z0-9_]+|_GLOBAL_OFFSET_TABLE_)$'
pass=0; fail=0
for o in "$@"; do
  bad=$("$NM" -u --format=just-symbols "$o" | sed 's/@.*//' | grep -vE "$ALLOW" | sort -u | tr '\n' ' ')
  if [ -n "$bad" ]; then echo "alloc-check FAIL $o references: $bad"; fail=$((fail+1)); else pass=$((pass+1)); fi
done
# mutable globals: no writable data or bss in any core object
for o in "$@"; do
  w=$("$NM" --format=posix "$o" | awk '$2 ~ /^[BbDd]$/ {print $1}' | tr '\n' ' ')
  if [ -n "$w" ]; then echo "globals FAIL $o has writable data: $w"; fail=$((fail+1)); else pass=$((pass+1)); fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
