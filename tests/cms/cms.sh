#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# tests/cms/cms.sh - the test CMS: Apache httpd 2.4 (Debian apache2) with
# mod_dav, mod_dav_fs and mod_ssl on a loopback port chosen here, its own
# configuration (httpd.conf.in), a throw-away CA and server certificate made
# by openssl now, a bearer token, and every file in DIR (docs/delivery.md).
#
#   cms.sh start DIR            start; DIR/xcap-root holds the XCAP root URL,
#                               DIR/ca.pem the CA, DIR/token the bearer token
#   cms.sh provision DIR ID...  each user's folder (a real CMS holds each
#                               user's profile before the IWF writes into it)
#   cms.sh stop DIR             stop (waits until the server is gone)
#
# Exit 0 on success; on failure the reason on stderr and exit 1.  The system
# service and /etc/apache2 are never touched.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
APACHE=${APACHE:-/usr/sbin/apache2}
MODS=${APACHE_MODS:-/usr/lib/apache2/modules}
AUID=org.3gpp.mcptt.user-profile

die() { echo "cms.sh: $*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: cms.sh start|stop|provision DIR [ID...]"
cmd=$1; dir=$2; shift 2

owner() { if [ "$(id -u)" = 0 ]; then echo www-data; else id -un; fi; }

case $cmd in
start)
    [ -x "$APACHE" ] || die "$APACHE not found (Debian package apache2)"
    [ -f "$MODS/mod_dav_fs.so" ] && [ -f "$MODS/mod_ssl.so" ] || die "apache2 modules not found in $MODS"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # one server per DIR: one still running there is stopped first
    if [ -s "$dir/httpd.pid" ] && kill -0 "$(cat "$dir/httpd.pid")" 2>/dev/null; then "$0" stop "$dir"; fi
    chmod 755 "$dir"
    mkdir -p "$dir/htdocs/xcap-root/$AUID/users" "$dir/lock" \
             "$dir/htdocs/hostile-slow" "$dir/htdocs/hostile-503"
    # a throw-away CA and a server certificate for 127.0.0.1 and localhost
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
        -subj "/CN=rootkey test CMS CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null ||
        die "openssl: CA"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
        -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null || die "openssl: server key"
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' > "$dir/ext.cnf"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
        -CAcreateserial -days 2 -extfile "$dir/ext.cnf" -out "$dir/server.pem" 2>/dev/null ||
        die "openssl: server certificate"
    chmod 600 "$dir/ca.key" "$dir/server.key"
    [ -s "$dir/token" ] || { openssl rand -hex 24 > "$dir/token"; chmod 600 "$dir/token"; }
    token=$(cat "$dir/token")
    if [ "$(id -u)" = 0 ]; then user="User www-data
Group www-data"; else user=""; fi
    chown -R "$(owner)" "$dir/htdocs" "$dir/lock"
    # a loopback port chosen now; a port taken meanwhile is tried again
    tries=0
    while :; do
        port=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000 ))
        tries=$((tries + 1))
        if command -v ss >/dev/null && ss -ltnH "sport = :$port" | grep -q .; then continue; fi
        sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@TOKEN@|$token|g" \
            -e "s|@MODS@|$MODS|g" "$HERE/httpd.conf.in" | awk -v u="$user" '{ if ($0 == "@USER@") print u; else print }' \
            > "$dir/httpd.conf"
        rm -f "$dir/httpd.pid"
        if "$APACHE" -f "$dir/httpd.conf" -k start 2>"$dir/start.err"; then
            i=0
            while [ ! -s "$dir/httpd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
            [ -s "$dir/httpd.pid" ] && break
        fi
        grep -q "in use" "$dir/start.err" "$dir/error.log" 2>/dev/null && [ $tries -lt 10 ] && continue
        cat "$dir/start.err" "$dir/error.log" >&2 2>/dev/null || true
        die "apache2 did not start"
    done
    echo "https://127.0.0.1:$port/xcap-root" > "$dir/xcap-root"
    echo "$port" > "$dir/port"
    # ready when it answers TLS
    i=0
    until curl -s -o /dev/null --cacert "$dir/ca.pem" "https://127.0.0.1:$port/" || [ $i -ge 50 ]; do
        sleep 0.1; i=$((i + 1)); done
    ;;
provision)
    [ -d "$dir/htdocs/xcap-root/$AUID/users" ] || die "$dir: no CMS started there"
    for id in "$@"; do
        case $id in */*|.*|"") die "refused MC ID for a folder: '$id'";; esac
    done
    # one mkdir and one chown for all of them (a thousand users: two
    # processes, not two thousand)
    [ $# -gt 0 ] || exit 0
    cd "$dir/htdocs/xcap-root/$AUID/users"
    mkdir -p -- "$@"
    chown -- "$(owner)" "$@"
    ;;
stop)
    [ -s "$dir/httpd.pid" ] || exit 0
    pid=$(cat "$dir/httpd.pid")
    kill "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    kill -0 "$pid" 2>/dev/null && { kill -9 "$pid" 2>/dev/null || true; }
    rm -f "$dir/httpd.pid"
    ;;
*) die "unknown command $cmd";;
esac
