#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make check: the installed library as a vendor sees it.
#   scripts/install_check.sh DESTDIR PREFIX LIBDIR
# DESTDIR holds a fresh `make install` (the Makefile's check target makes it).
#  abi       the dynamic exports of librootkey.so (nm -D --defined-only), the
#            RK_API declarations of the installed headers and the global list
#            of core/rootkey.map are the same set, every export in ROOTKEY_1;
#            no header outside the installed set carries RK_API
#  headers   each installed header compiles alone against the installed
#            include directory only
#  examples  examples/ built through pkg-config (PKG_CONFIG_SYSROOT_DIR) and
#            run against the installed shared library: iwf_wrap puts a root
#            key into a profile document, client_unwrap gets it back; a
#            client_unwrap of the document without the element fails
# Last line: "N passed, N failed".
set -u
dest=$1 prefix=$2 libdir=$3
top=$(pwd)
inc=$dest$prefix/include lib=$dest$libdir
pass=0 fail=0
ok()  { echo "install check: $1: ok"; pass=$((pass+1)); }
bad() { echo "install check: $1: FAILED${2:+ ($2)}"; fail=$((fail+1)); }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

# abi
# the names of the declarations that end in RK_API (after the parameter list)
rk_api() { cat "$@" | tr '\n' ' ' | tr ';' '\n' | grep ' RK_API *$' | sed 's|.*\*/||; s/(.*//; s/.*[ *]//' | sort -u; }
nm -D --defined-only "$lib/librootkey.so" | awk '$2 != "A" {print $3}' > "$tmp/nm.raw"
sed 's/@.*//' "$tmp/nm.raw" | sort -u > "$tmp/exports"
rk_api "$inc"/rootkey/*.h > "$tmp/declared"
sed -n '/global:/,/local:/p' core/rootkey.map | grep -o '^ *[a-z_0-9]*;' | tr -d ' ;' | sort -u > "$tmp/map"
d1=$(comm -3 "$tmp/exports" "$tmp/declared" | tr -s ' \t\n' ' ')
d2=$(comm -3 "$tmp/map" "$tmp/declared" | tr -s ' \t\n' ' ')
unver=$(grep -v '@@ROOTKEY_1$' "$tmp/nm.raw" | tr '\n' ' ')
hidden=$(for h in core/include/rootkey/*.h core/src/include/rootkey/*.h; do [ -f "$inc/rootkey/$(basename "$h")" ] || rk_api "$h"; done | tr '\n' ' ')
if [ ! -s "$tmp/exports" ]; then bad abi "no exports read from $lib/librootkey.so"
elif [ -n "$d1$d2$unver$hidden" ]; then
  bad abi "exports vs RK_API: ${d1:-same}; map vs RK_API: ${d2:-same}; not in ROOTKEY_1: ${unver:-none}; RK_API in uninstalled headers: ${hidden:-none}"
else ok "abi ($(wc -l < "$tmp/exports") exports, ROOTKEY_1)"; fi

# headers
hf=0
for h in "$inc"/rootkey/*.h; do
  printf '#include <rootkey/%s>\nint rk_header_check_;\n' "$(basename "$h")" > "$tmp/h.c"
  ${CC:-cc} -std=c11 -Wall -Wextra -Werror -pedantic -I"$inc" -c "$tmp/h.c" -o "$tmp/h.o" 2> "$tmp/h.err" \
    || { hf=1; bad "header $(basename "$h")" "$(head -1 "$tmp/h.err")"; }
done
[ $hf -eq 0 ] && ok "headers ($(ls "$inc"/rootkey/*.h | wc -l) compile alone against $prefix/include)"

# examples
cp -r "$dest$prefix/share/doc/rootkey/examples" "$tmp/ex"
export PKG_CONFIG_PATH="$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
if ! make -s -C "$tmp/ex" > "$tmp/ex.log" 2>&1; then bad "examples build" "$(head -3 "$tmp/ex.log")"
else
  export LD_LIBRARY_PATH="$lib"
  if ! ldd "$tmp/ex/client_unwrap" | grep -q "$lib/librootkey.so.0"; then
    bad "examples link" "client_unwrap does not load $lib/librootkey.so.0"
  elif "$tmp/ex/iwf_wrap" < "$top/vectors/profile/user-profile-1.xml" > "$tmp/doc.xml" 2> "$tmp/iwf.err" &&
       "$tmp/ex/client_unwrap" < "$tmp/doc.xml" > "$tmp/client.out" 2>&1 &&
       grep -q "^client_unwrap: root key $(sed -n 's/^iwf_wrap: root key \([0-9A-F]*\) .*/\1/p' "$tmp/iwf.err")," "$tmp/client.out"; then
    ok "examples (iwf_wrap | client_unwrap: $(cat "$tmp/client.out"))"
  else bad "examples run" "$(cat "$tmp/iwf.err" "$tmp/client.out" 2>/dev/null | head -3)"; fi
  if "$tmp/ex/client_unwrap" < "$top/vectors/profile/user-profile-1.xml" > /dev/null 2>&1; then
    bad "examples negative" "client_unwrap accepted a document without its element"
  else ok "examples negative (no element for the user: exit 1)"; fi
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
