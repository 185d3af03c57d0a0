#!/bin/sh
# Benchmarks of the client's offline side (src/store, src/net) against
# civicdesk-server on the reference data: the initial sync into an empty
# cache, end to end over loopback, beside bench-sync-naive reading the
# same feed; a sync with nothing new; search, beside bench-search-bare on
# the same cache; the cache's size; the sync's peak memory. Prints BENCH
# lines.
#
# The account is the examiner of the demo department, which has half of
# the province's cases (a supervisor's feed no longer carries the
# province: issue 18): the largest cache an official keeps.
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
naive="$build/bench/bench-sync-naive"
bare_search="$build/bench/bench-search-bare"
user=examiner
work=$(mktemp -d /tmp/civicdesk-bench-sync-XXXXXX)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; rm -rf "$work"' EXIT

export CIVICDESK_NOW=2026-11-20T10:00:00+08:00
export XDG_DATA_HOME="${client_home:-$work/client}"
mkdir -p "$XDG_DATA_HOME"
# No keyring here: the probe signs in with the password every time.
unset DBUS_SESSION_BUS_ADDRESS

# The service checks every clock as it starts: ten minutes at most
start=$(date +%s.%N)
"$server" serve --data-dir "$data" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    2> "$work/serve.log" &
pid=$!
for _ in $(seq 1 6000); do [ -s "$work/port" ] && break; sleep 0.1; done
echo "BENCH server_start_time $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s"
base="http://127.0.0.1:$(cat "$work/port")"
echo "$base" > "$XDG_DATA_HOME/url"

json () {
    python3 -c "import json, sys; print(json.loads(sys.stdin.readline())$1)"
}

# The initial sync, with the peak memory of the process that did it.
/usr/bin/time -f '%M' -o "$work/rss" "$probe" "$base" "$user" sync bench-password \
    > "$work/initial.json" 2> "$work/initial.log"
cases=$(json '["cases"]' < "$work/initial.json")
seconds=$(json '["seconds"]' < "$work/initial.json")
echo "BENCH client_initial_sync_cases $cases cases"
echo "BENCH client_initial_sync_time $seconds s"
echo "BENCH client_initial_sync_rate $(echo "$cases / $seconds" | bc) cases/s"
echo "BENCH client_initial_sync_peak_rss $(( $(cat "$work/rss") / 1024 )) MiB"

# The same feed, parsed whole with json-glib into an FTS5-indexed table
"$naive" "$base" "$user" bench-password "$work/naive.db" > "$work/naive.json"
naive_seconds=$(json '["seconds"]' < "$work/naive.json")
changes=$(json '["changes"]' < "$work/naive.json")
bytes=$(json '["bytes"]' < "$work/naive.json")
echo "BENCH client_initial_sync_changes $changes records"
echo "BENCH client_initial_sync_change_rate $(echo "$changes / $seconds" | bc) records/s"
echo "BENCH client_initial_sync_bytes $(( bytes / 1048576 )) MiB"
echo "BENCH naive_sync_time $naive_seconds s"
echo "BENCH client_initial_sync_vs_naive $(echo "scale=2; $naive_seconds / $seconds" | bc) x"
rm -f "$work"/naive.db*

dir=$(ls -d "$XDG_DATA_HOME"/civicdesk/accounts/*)
echo "BENCH client_cache_size $(( $(du -sk "$dir" | cut -f1) / 1024 )) MiB"

# Nothing new: one request; the median of eleven.
for _ in $(seq 1 11); do
    "$probe" "$base" "$user" sync bench-password 2>/dev/null | json '["seconds"] * 1000'
done | sort -n | sed -n 6p | xargs printf 'BENCH client_noop_sync %.1f ms\n'
"$probe" "$base" "$user" sync bench-password 2>/dev/null > "$work/noop.json"
echo "BENCH client_noop_sync_requests $(( $(json '["requests"]' < "$work/noop.json") - 1 )) requests"

# Search as the inbox does it (a count and the first 50 rows), 200 times
# each: an item's name, a phrase of officials' notes, a department's code
# in case numbers, a part of a date in them; each beside the same query
# written plainly on the same cache. Three characters or more go through
# the trigram index; one or two are looked for row by row.
cache=$(ls "$dir"/cache.db)
for text in 食品经营 许可证 SCJG 0312; do
    "$probe" "$base" "$user" search "$text" 200 2>/dev/null >> "$work/search.json"
    "$bare_search" "$cache" "$text" 200 >> "$work/search-bare.json"
done
for text in 长沙 张; do
    "$probe" "$base" "$user" search "$text" 50 2>/dev/null
done > "$work/search-short.json"
python3 - "$work/search.json" "$work/search-bare.json" "$work/search-short.json" <<'PY'
import json, sys
rows, bare, short = ([json.loads(line) for line in open(path)] for path in sys.argv[1:])
p95 = max(r["p95_ms"] for r in rows)
bare_p95 = max(r["p95_ms"] for r in bare)
print("BENCH client_search_p95 %.1f ms" % p95)
print("BENCH client_search_p50 %.1f ms" % max(r["p50_ms"] for r in rows))
print("BENCH bare_search_p95 %.1f ms" % bare_p95)
print("BENCH client_search_vs_bare %.2f x" % (p95 / bare_p95))
print("BENCH client_search_short_p95 %.1f ms" % max(r["p95_ms"] for r in short))
PY
