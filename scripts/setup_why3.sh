#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Write a project-local Why3 configuration (z3, cvc4 detected; cvc5 added by
# hand because Why3 1.5.1 predates it) and print the export line for it.
#   eval "$(scripts/setup_why3.sh build/why3)"
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
rm -f "$out/why3.conf"     # detect keeps manual sections: a rerun would duplicate cvc5
why3 config detect -C "$out/why3.conf" >/dev/null 2>&1
# Z3 needs more than why3's default 1000 MB on the largest goals (profile's
# on_start ensures, mikeysakke's check_public): at the limit it stops with an
# error that WP reports as "Failed Unknown error", and the goal is left to
# CVC4 alone.  Two modules at a time, each with its provers, fit in 4 GB each.
sed -i 's/^memlimit = .*/memlimit = 4000/' "$out/why3.conf"
if command -v cvc5 >/dev/null; then
  v=$(cvc5 --version | sed -n 's/^This is cvc5 version \([^ ]*\).*/\1/p')
  cat >> "$out/why3.conf" <<CONF

[prover]
name = "CVC5"
version = "$v"
alternative = ""
command = "$(command -v cvc5) --stats --tlimit-per=%t000 --lang=smt2 %f"
command_steps = "$(command -v cvc5) --stats --rlimit=%S --lang=smt2 %f"
driver = "$here/proofs/why3/cvc5.drv"
in_place = false
interactive = false
shortcut = "cvc5"
CONF
fi
echo "export WHY3CONFIG=$out/why3.conf"
