#!/bin/sh
# Benchmarks of the client's offline side (src/store, src/net) against
# civicdesk-server on the reference data: the initial sync of everything a
# supervisor sees into an empty cache, end to end over loopback; a sync
# with nothing new; search; the cache's size; the sync's peak memory.
# Prints BENCH lines.
#
#   bench/bench-sync.sh BUILDDIR DATADIR [CLIENT_HOME]
#
# With CLIENT_HOME, the synced account is left there (and the service's
# address in CLIENT_HOME/url) for bench-client.sh.
set -eu

build=$1
data=$2
client_home=${3:-}
server="$build/src/server/civicdesk-server"
probe="$build/tests/net/civic-sync-probe"
work=$(mktemp -d /tmp/civicdesk-bench-sync-XXXXXX)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00
export XDG_DATA_HOME="${client_home:-$work/client}"
mkdir -p "$XDG_DATA_HOME"
# No keyring here: the probe signs in with the password every time.
unset DBUS_SESSION_BUS_ADDRESS

"$server" serve --data-dir "$data" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    2> "$work/serve.log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"
echo "$base" > "$XDG_DATA_HOME/url"

json () {
    python3 -c "import json, sys; print(json.loads(sys.stdin.readline())$1)"
}

# The initial sync, with the peak memory of the process that did it.
/usr/bin/time -f '%M' -o "$work/rss" "$probe" "$base" supervisor sync bench-password \
    > "$work/initial.json" 2> "$work/initial.log"
cases=$(json '["cases"]' < "$work/initial.json")
seconds=$(json '["seconds"]' < "$work/initial.json")
echo "BENCH client_initial_sync_cases $cases cases"
echo "BENCH client_initial_sync_time $seconds s"
echo "BENCH client_initial_sync_rate $(echo "$cases / $seconds" | bc) cases/s"
echo "BENCH client_initial_sync_peak_rss $(( $(cat "$work/rss") / 1024 )) MiB"

dir=$(ls -d "$XDG_DATA_HOME"/civicdesk/accounts/*)
echo "BENCH client_cache_size $(( $(du -sk "$dir" | cut -f1) / 1024 )) MiB"

# Nothing new: one request; the median of eleven.
for _ in $(seq 1 11); do
    "$probe" "$base" supervisor sync bench-password 2>/dev/null | json '["seconds"] * 1000'
done | sort -n | sed -n 6p | xargs printf 'BENCH client_noop_sync %.1f ms\n'
"$probe" "$base" supervisor sync bench-password 2>/dev/null > "$work/noop.json"
echo "BENCH client_noop_sync_requests $(( $(json '["requests"]' < "$work/noop.json") - 1 )) requests"

# Search as the inbox does it (a count and the first 50 rows), 200 times
# each: an item's name, a phrase of officials' notes, a department's code
# in case numbers, a part of a date in them. Three characters or more go
# through the trigram index; one or two are looked for row by row.
for text in 食品经营 许可证 SCJG 0312; do
    "$probe" "$base" supervisor search "$text" 200 2>/dev/null
done > "$work/search.json"
for text in 长沙 张; do
    "$probe" "$base" supervisor search "$text" 50 2>/dev/null
done > "$work/search-short.json"
python3 - "$work/search.json" "$work/search-short.json" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
short = [json.loads(line) for line in open(sys.argv[2])]
print("BENCH client_search_p95 %.1f ms" % max(r["p95_ms"] for r in rows))
print("BENCH client_search_p50 %.1f ms" % max(r["p50_ms"] for r in rows))
print("BENCH client_search_short_p95 %.1f ms" % max(r["p95_ms"] for r in short))
PY
