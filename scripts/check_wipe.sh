#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The wipe must survive optimisation: build wipe.c at -O3 with LTO into a
# program that wipes a buffer and returns, and check in the disassembly that
# the zeroing stores (or a memset/rep stos) are still there.  Also check the
# -O2 object keeps its stores.
set -u
o=$1
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/m.c" <<'C'
#include <stdint.h>
#include "rootkey/ct.h"
int main(void) { uint8_t k[64]; for (int i = 0; i < 64; i++) k[i] = (uint8_t)i; rk_wipe(k, sizeof k); return 0; }
C
if gcc -O3 -flto -Icore/include -Icore/src/include "$tmp/m.c" core/src/base/wipe.c -o "$tmp/m" 2>/dev/null &&
   objdump -d "$tmp/m" | awk '/<main>:/,/ret/' | grep -qE 'mov[bq]? +\$0x0,|movb +%[a-z0-9]+,|rep stos|call.*(memset|rk_wipe)|movb +\$0x0'; then
  pass=$((pass+1))
else echo "wipe: stores removed at -O3 -flto"; fail=$((fail+1)); fi
if objdump -d "$o" | awk '/<rk_wipe>:/,/ret/' | grep -qE 'movb|rep stos|call'; then pass=$((pass+1));
else echo "wipe: rk_wipe in $o has no stores"; fail=$((fail+1)); fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
