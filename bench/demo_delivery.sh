#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# bench/demo_delivery.sh - `rootkey demo` files only against through the test
# CMS (Apache over HTTPS), alternating (files, https, files, https, ...) so
# that a shared machine's load falls on both modes alike; per run the
# demo's phases, its wall and CPU time, then the medians and the ratio
# https / files (docs/delivery.md "Figures").  Not a test: never in make check.
#
#   bench/demo_delivery.sh [USERS (1000)] [ROUNDS (2)] [JOBS (cores)]
#
# Needs build/rootkey (make build/rootkey) and, for the CMS runs, apache2.
set -eu
N=${1:-1000}
ROUNDS=${2:-2}
JOBS=${3:-$(nproc)}
HERE=$(cd "$(dirname "$0")/.." && pwd)
BIN=${ROOTKEY:-$HERE/build/rootkey}
[ -x "$BIN" ] || { echo "demo_delivery.sh: $BIN missing (make build/rootkey)" >&2; exit 1; }
OUT=$(mktemp -d /tmp/rk-demo-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

# one run: the demo's own phase lines into $OUT/<mode>.<round>.txt, plus
# "wall" (the whole command, CMS start and stop included) and "cpu" (user +
# sys of the rootkey process; Apache's own CPU is not in it)
one() {
    mode=$1 r=$2 f="$OUT/$1.$2.txt"
    flags="--users $N --jobs $JOBS"
    # through the CMS the server's files are kept for its access log
    if [ "$mode" = files ]; then flags="$flags --files-only"; else flags="$flags --keep"; fi
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    if ! ( TIMEFORMAT='cpu %U %S'; time "$BIN" demo $flags ) > "$f" 2> "$f.err"; then
        echo "demo_delivery.sh: $mode run $r failed:" >&2; tail -5 "$f" "$f.err" >&2; exit 1
    fi
    t1=$(date +%s.%N)
    echo "wall $(echo "$t1 - $t0" | bc)" >> "$f"
    grep '^cpu ' "$f.err" >> "$f"
    grep -q '^demo PASSED' "$f" || { echo "demo_delivery.sh: $mode run $r did not pass" >&2; exit 1; }
    [ "$mode" = https ] || return 0
    # Apache's own time per request (%D, the last field of tests/cms/httpd.conf.in's log format)
    cmsd=$(sed -n 's/^  test CMS files kept in //p' "$f") demod=$(sed -n 's/^  files kept in //p' "$f")
    [ -n "$cmsd" ] && [ -f "$cmsd/access.log" ] &&
        awk '{ m = substr($2, 2); d = $NF / 1000; n[m]++; s[m] += d; if (d > x[m]) x[m] = d; if (d > 100) l[m]++ }
             END { for (m in n) printf "  apache %s: %d requests, mean %.1f ms, max %.1f ms, %d over 100 ms\n", m, n[m], s[m] / n[m], x[m], l[m] }' \
            "$cmsd/access.log" > "$f.apache"
    case $cmsd in /tmp/rootkey-cms.*) rm -rf "$cmsd";; esac
    case $demod in /tmp/rootkey-demo.*) rm -rf "$demod";; esac
}

# the phases of one run's file, "kms iwf xcap validate unwrap store lmr total wall cpu
# setup": setup is the demo's total less its phases (the inventory, and through
# the CMS the server's start and the provisioning of every user's folder)
phases() {
    awk '
    /test KMS:/            { n = split($0, a, ": "); kms = a[n] + 0 }
    /IWF batch:/           { match($0, /: [0-9.]+ s/); iwf = substr($0, RSTART + 2, RLENGTH - 4) + 0 }
    /XCAP \(files only\):/ { n = split($0, a, ": "); xcap = a[n] + 0 }
    /clients: /            { match($0, /SSK\): [0-9.]+ s/); val = substr($0, RSTART + 6, RLENGTH - 8) + 0
                             match($0, /unwrapped: [0-9.]+ s/); unw = substr($0, RSTART + 11, RLENGTH - 13) + 0 }
    /key store:/           { n = split($0, a, ": "); st = a[n] + 0 }
    /replays refused:/     { match($0, /refused: [0-9.]+ s/); lmr = substr($0, RSTART + 9, RLENGTH - 11) + 0 }
    /^demo PASSED/         { total = $(NF - 1) + 0 }
    /^wall /               { wall = $2 + 0 }
    /^cpu /                { cpu = $2 + $3 }
    END { printf "%.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f\n", kms, iwf, xcap, val, unw, st, lmr,
                 total, wall, cpu, total - kms - iwf - xcap - val - unw - st - lmr }
    ' "$1"
}

echo "rootkey demo, $N users, --jobs $JOBS, $ROUNDS rounds (files, https alternating); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-5s %7s %7s %7s %8s %8s %7s %7s %7s %7s %7s %7s %7s\n' mode round kms iwf xcap delivery validate unwrap store lmr setup total wall cpu
r=1
while [ $r -le "$ROUNDS" ]; do
    for mode in files https; do
        one $mode $r
        set -- $(phases "$OUT/$mode.$r.txt")
        printf '%-6s %-5s %7s %7s %7s %8.2f %8s %7s %7s %7s %7s %7s %7s %7s\n' $mode $r "$1" "$2" "$3" \
            "$(echo "$2 + $3" | bc)" "$4" "$5" "$6" "$7" "${11}" "$8" "$9" "${10}"
        echo "$mode $*" >> "$OUT/all"
        [ ! -f "$OUT/$mode.$r.txt.apache" ] || cat "$OUT/$mode.$r.txt.apache"
    done
    r=$((r + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# medians per mode, and the median of the per-round ratios https / files
awk '
function median(v, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
{ m = $1; k = ++cnt[m]; for (f = 2; f <= NF; f++) val[m, k, f] = $f }
END {
    split("kms iwf xcap delivery validate unwrap store lmr setup total wall cpu", name, " ")
    # field of each name in the stored rows (delivery = iwf + xcap)
    split("2 3 4 0 5 6 7 8 12 9 10 11", fld, " ")
    printf "%-30s %9s %9s %9s\n", "median (s)", "files", "https", "ratio"
    for (i = 1; i <= 12; i++) {
        for (mo = 1; mo <= 2; mo++) {
            m = mo == 1 ? "files" : "https"
            for (k = 1; k <= cnt[m]; k++) v[k] = fld[i] ? val[m, k, fld[i]] : val[m, k, 3] + val[m, k, 4]
            med[mo] = median(v, cnt[m])
        }
        printf "%-30s %9.2f %9.2f %9s\n", name[i], med[1], med[2], (med[1] > 0 ? sprintf("%.2f", med[2] / med[1]) : "-")
    }
    for (k = 1; k <= cnt["https"] && k <= cnt["files"]; k++) {
        rt[k] = val["https", k, 10] / val["files", k, 10]
        rd[k] = (val["https", k, 3] + val["https", k, 4]) / (val["files", k, 3] + val["files", k, 4])
        rc[k] = val["https", k, 11] / val["files", k, 11]
        printf "round %d: wall ratio %.2f, delivery ratio %.2f, cpu ratio %.2f\n", k, rt[k], rd[k], rc[k]
    }
    printf "median ratio https/files: wall %.2f, delivery (IWF batch + XCAP step) %.2f, cpu of rootkey %.2f\n",
           median(rt, k - 1), median(rd, k - 1), median(rc, k - 1)
}' "$OUT/all"
