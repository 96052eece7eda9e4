#!/usr/bin/env bash
# make deps: install, with apt-get, whatever is missing of what rootkey needs
# to build, test, prove, fuzz and check constant time.
#   scripts/deps.sh          install what is missing (root), then `why3 config detect`
#   scripts/deps.sh check    exit 0 if nothing is missing, 1 otherwise (no changes)
set -u
PKGS="libsodium-dev libgmp-dev libssl-dev libwolfssl-dev valgrind clang libclang-rt-14-dev afl++ frama-c-base why3 z3 cvc4 cvc5 llvm python3 make gcc binutils"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
missing=${missing# }
if [ "${1:-}" = check ]; then
  [ -z "$missing" ] && exit 0
  echo "deps: missing: $missing"; exit 1
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deps: these Debian packages are missing: $missing"
    echo "deps: not root, so nothing was installed. As root, run:"
    echo "    apt-get update && apt-get install -y $missing"
    exit 1
  fi
  echo "deps: installing $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || { echo "deps: apt-get update failed"; exit 1; }
  apt-get install -y -qq $missing >/dev/null || { echo "deps: apt-get install failed"; exit 1; }
fi
# WP needs a Why3 configuration: the proofs use a project-local one
# (scripts/setup_why3.sh, run by proofs/run.sh); this user-level one is for
# people running frama-c by hand.
why3 config detect >/dev/null 2>&1 || true
echo "deps: all present"
