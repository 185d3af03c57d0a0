#!/bin/sh
# Open311 GeoReport v2 under load: wrk with 64 connections filing
# requests (POST requests.json, each a new message written and synced to
# disk: no reference answers that without doing the work, so the figure
# stands alone), then reading the list (GET requests.json, the last 90
# days' first 1 000) and one request (GET requests/{id}.json), each beside
# bench-public-bare, a bare SoupServer answering the same path with the
# same bytes captured from the service. A demo service of its own. Prints
# BENCH lines; about a minute.
#
#   bench/bench-open311.sh BUILDDIR [SECONDS]
set -eu

build=$1
seconds=${2:-8}
server="$build/src/server/civicdesk-server"
bare="$build/bench/bench-public-bare"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/civicdesk-bench-open311-XXXXXX)
pid=
bare_pid=
trap 'for p in $pid $bare_pid; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00

"$server" demo --data-dir "$work/data" --cases 10 --disclosures 0 --requests 0 --messages 0 \
    --password bench-password > /dev/null 2>&1
key=$("$server" open311 --data-dir "$work/data" key add bench | sed -n 2p)

# No limit on the public doors: wrk comes from one address, and opens a
# connection again when a long answer keeps one busy
"$server" serve --data-dir "$work/data" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    --public-read-rate=0 --public-write-rate=0 --open311-key-rate=0 --max-connections-per-address=256 \
    2> "$work/serve.log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"

rps () {
    wrk -t2 -c64 -d"${seconds}s" "$@" > "$work/wrk.log"
    if grep -q 'Non-2xx' "$work/wrk.log"; then
        echo "bench-open311: $* answered errors" >&2
        cat "$work/wrk.log" >&2
        exit 1
    fi
    awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.log"
}

# Filing: every request a message registered, its receipt given
body="api_key=$key&service_code=scjg-price&address_string=x&description=bench"
curl -sf -o "$work/post-body" -d "$body" "$base/open311/v2/requests.json"
post_rps=$(CIVIC_KEY=$key rps -s "$here/open311-post.lua" "$base/open311/v2/requests.json")
receipt=$(sed 's/.*"service_request_id":"\([A-Z0-9]*\)".*/\1/' "$work/post-body")

# Reading: the list, as many as were filed (at most 1 000), and one
curl -sf -o "$work/list-body" "$base/open311/v2/requests.json"
curl -sf -o "$work/one-body" "$base/open311/v2/requests/$receipt.json"
"$bare" "$work/bare-port" \
    /open311/v2/requests.json "$work/list-body" "application/json;charset=utf-8" \
    "/open311/v2/requests/$receipt.json" "$work/one-body" "application/json;charset=utf-8" &
bare_pid=$!
for _ in $(seq 1 100); do [ -s "$work/bare-port" ] && break; sleep 0.1; done
bare_base="http://127.0.0.1:$(cat "$work/bare-port")"

list_rps=$(rps "$base/open311/v2/requests.json")
list_bare=$(rps "$bare_base/open311/v2/requests.json")
one_rps=$(rps "$base/open311/v2/requests/$receipt.json")
one_bare=$(rps "$bare_base/open311/v2/requests/$receipt.json")

ratio () { echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; }
filed=$(grep -o '"service_request_id"' "$work/list-body" | wc -l)
echo "BENCH open311_post $post_rps req/s"
echo "BENCH open311_list_of_${filed} $list_rps req/s"
echo "BENCH open311_list_reference $list_bare req/s"
echo "BENCH open311_list_ratio $(ratio "$list_rps" "$list_bare") x"
echo "BENCH open311_one $one_rps req/s"
echo "BENCH open311_one_reference $one_bare req/s"
echo "BENCH open311_one_ratio $(ratio "$one_rps" "$one_bare") x"
