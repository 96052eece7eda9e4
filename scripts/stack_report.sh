#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Per-function stack usage of the core (gcc -fstack-usage .su files next to
# the objects), largest first, and the maximum.  Measured frames exclude the
# x86-64 red zone of leaf functions (up to 128 octets more).  Any "dynamic"
# frame (VLA or alloca) is an error.
set -u
dir=${1:-build/core}
cat "$dir"/*.su 2>/dev/null | sort -t$'\t' -k2 -n -r > "$dir/stack.txt"
# "dynamic,bounded" (the compiler adjusts the stack pointer within a known
# bound, e.g. around an inlined call) is fine; plain "dynamic" is a VLA/alloca.
if grep -qP '\tdynamic$' "$dir/stack.txt"; then
  echo "stack: unbounded stack usage in:"; grep -P '\tdynamic$' "$dir/stack.txt"; exit 1
fi
n=$(wc -l < "$dir/stack.txt")
top=$(head -1 "$dir/stack.txt" | awk -F'\t' '{print $2" octets in "$1}')
echo "stack: $n core functions, all static frames; largest $top (full list: $dir/stack.txt)"
