#!/bin/sh
# E-supervision at a province's size (issue 18): what keeping the figures
# costs a case's save, and how long the supervisor's overview takes to
# load — its six requests at once, as the client sends them — and each
# endpoint alone, with the reference data's cases, then with 3 000 000
# watched records, on SQLite and on PostgreSQL. The 3 000 000 are the
# reference data's records and rows made up beside them in `supervised`,
# with the counts and weekly figures they add: the endpoints read only
# those tables, so what they cost depends on those rows alone (a demo of
# three million real cases would be 40 GB). Prints BENCH lines.
#
#   bench/bench-supervision.sh BUILDDIR DATA_DIR [RECORDS]
set -eu

build=$1
source_data=$2
records=${3:-3000000}
top=$(cd "$(dirname "$0")/.." && pwd)
server="$build/src/server/civicdesk-server"
work=$(mktemp -d /tmp/civicdesk-bench-supervision-XXXXXX)
chmod 711 "$work"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; "$top/build-aux/pg-cluster.sh" stop "$work/pg" \
      2>/dev/null; rm -rf "$work"' EXIT

export CIVICDESK_NOW=${CIVICDESK_NOW:-2026-11-20T10:00:00+08:00}
export CIVICDESK_CALENDAR_DIR="$top/data/calendars" CIVICDESK_TEMPLATE_DIR="$top/data/templates"

mkdir -p "$work/lite"
cp -a "$source_data/civicdesk.db" "$source_data/keys" "$work/lite/"

# What the figures cost a save
"$build/bench/bench-supervision" "$work/lite" 20000

serve () {
    rm -f "$1/port"
    "$server" serve --data-dir "$1" --listen 127.0.0.1:0 --port-file "$1/port" --quiet \
        2>"$1/serve.log" &
    pid=$!
    for _ in $(seq 1 3000); do [ -s "$1/port" ] && break; sleep 0.1; done
    base="http://127.0.0.1:$(cat "$1/port")"
    token=$(curl -sf -d '{"username":"supervisor","password":"bench-password"}' \
                 "$base/api/v1/session" |
            python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
}

stop () {
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
}

# The median and 95th percentile, in ms, of 40 requests of one kind
endpoint () {
    label=$1
    path=$2
    for _ in $(seq 1 40); do
        curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base$path"
    done | sort -n | awk -v label="$label" '
        { t[NR] = $1 * 1000 }
        END { printf "BENCH %s %.1f ms median, %.1f ms p95\n", label, t[int(NR / 2) + 1],
                     t[int(NR * 0.95)] }'
}

# The overview as the client loads it: its six requests at once, 20 times
overview () {
    label=$1
    for _ in $(seq 1 20); do
        start=$(date +%s%N)
        printf '%s\n' overview trend 'rates?by=department' 'rates?type=case&by=subject' \
                      'trend?type=case' 'trend?type=evaluation' |
            xargs -P 6 -I{} curl -sf -o /dev/null -H "Authorization: Bearer $token" \
                "$base/api/v1/supervision/{}"
        echo $(( ($(date +%s%N) - start) / 1000 ))
    done | sort -n | awk -v label="$label" '
        { t[NR] = $1 / 1000 }
        END { printf "BENCH %s %.1f ms median, %.1f ms p95\n", label, t[int(NR / 2) + 1],
                     t[int(NR * 0.95)] }'
}

measure () {
    suffix=$1
    overview "supervision_overview_load_$suffix"
    endpoint "supervision_overview_$suffix" /api/v1/supervision/overview
    endpoint "supervision_trend_$suffix" /api/v1/supervision/trend
    endpoint "supervision_rates_by_department_$suffix" '/api/v1/supervision/rates?by=department'
    endpoint "supervision_rates_by_item_$suffix" '/api/v1/supervision/rates?type=case&by=subject'
    endpoint "supervision_red_list_$suffix" '/api/v1/supervision/items?status=red&limit=50'
    endpoint "supervision_deemed_list_$suffix" \
        '/api/v1/supervision/items?metric=deemed&from=2025-11-20&limit=50'
}

n=$(sqlite3 "$work/lite/civicdesk.db" "SELECT COUNT (*) FROM supervised")
echo "BENCH supervision_records_real $n"
serve "$work/lite"
measure sqlite_real
stop

# Made-up records beside the real ones: 58 departments' service items, five
# years of them, three in a hundred still running (a fifth of those yellow,
# a fifth red), the rest done, a tenth late; then their counts and weekly
# figures, as the service would have kept them
sqlite3 "$work/lite/civicdesk.db" <<EOF
BEGIN;
CREATE TEMP TABLE item_pool AS
  SELECT ROW_NUMBER () OVER () - 1 AS k, id AS code,
         json_extract (data, '$.department') AS department_id
  FROM entity WHERE type = 'item' AND deleted = 0;
INSERT INTO supervised (type, id, department_id, subject, title, status, due, next_change,
                        opened_on, done_on, overdue_on, deemed_on, days, late, extended)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $records - $n),
r AS (SELECT i, abs (random ()) % 1000 AS roll, date ('2026-11-20', '-' || (i % 1800) || ' days') AS opened
      FROM n)
SELECT 'case', 'made-up-' || i, p.department_id, p.code, 'made-up ' || i,
       CASE WHEN roll < 6 THEN 'red' WHEN roll < 12 THEN 'yellow' WHEN roll < 30 THEN 'green'
            ELSE 'none' END,
       CASE WHEN roll < 30 THEN date (opened, '+20 days') END,
       CASE WHEN roll >= 6 AND roll < 30 THEN date ('2026-11-20', '+3 days') END,
       opened,
       CASE WHEN roll >= 30 THEN date (opened, '+' || (5 + roll % 20) || ' days') END,
       CASE WHEN roll < 6 OR (roll >= 30 AND roll % 10 = 0) THEN date (opened, '+21 days') END,
       CASE WHEN roll % 97 = 0 THEN opened END,
       CASE WHEN roll >= 30 THEN 4 + roll % 15 ELSE 0 END,
       CASE WHEN roll >= 30 AND roll % 10 = 0 THEN 1 ELSE 0 END,
       CASE WHEN roll % 53 = 0 THEN 1 ELSE 0 END
FROM r JOIN item_pool p ON p.k = r.i % (SELECT COUNT (*) FROM item_pool);
DELETE FROM supervision_count;
INSERT INTO supervision_count (department_id, type, status, n)
  SELECT department_id, type, status, COUNT (*) FROM supervised WHERE status != 'none'
  GROUP BY department_id, type, status;
DELETE FROM supervision_tally WHERE type = 'case';
INSERT INTO supervision_tally (department_id, type, subject, metric, week, n)
  SELECT department_id, type, subject, metric, week, SUM (v) FROM (
    SELECT department_id, type, subject, 'opened' AS metric,
           date (opened_on, '-6 days', 'weekday 1') AS week, 1 AS v
      FROM supervised WHERE type = 'case' AND opened_on IS NOT NULL
    UNION ALL SELECT department_id, type, subject, 'done', date (done_on, '-6 days', 'weekday 1'), 1
      FROM supervised WHERE type = 'case' AND done_on IS NOT NULL
    UNION ALL SELECT department_id, type, subject, 'late', date (done_on, '-6 days', 'weekday 1'), 1
      FROM supervised WHERE type = 'case' AND done_on IS NOT NULL AND late = 1
    UNION ALL SELECT department_id, type, subject, 'days', date (done_on, '-6 days', 'weekday 1'), days
      FROM supervised WHERE type = 'case' AND done_on IS NOT NULL AND days > 0
    UNION ALL SELECT department_id, type, subject, 'overdue', date (overdue_on, '-6 days', 'weekday 1'), 1
      FROM supervised WHERE type = 'case' AND overdue_on IS NOT NULL
    UNION ALL SELECT department_id, type, subject, 'deemed', date (deemed_on, '-6 days', 'weekday 1'), 1
      FROM supervised WHERE type = 'case' AND deemed_on IS NOT NULL
    UNION ALL SELECT department_id, type, subject, 'extended', date (opened_on, '-6 days', 'weekday 1'), 1
      FROM supervised WHERE type = 'case' AND opened_on IS NOT NULL AND extended = 1)
  GROUP BY department_id, type, subject, metric, week;
COMMIT;
ANALYZE;
EOF
echo "BENCH supervision_records_made_up $(sqlite3 "$work/lite/civicdesk.db" "SELECT COUNT (*) FROM supervised")"
echo "BENCH supervision_tally_rows $(sqlite3 "$work/lite/civicdesk.db" "SELECT COUNT (*) FROM supervision_tally")"
serve "$work/lite"
measure sqlite_made_up
stop

# The same on PostgreSQL, moved there by the service's own migrate
"$top/build-aux/pg-cluster.sh" start "$work/pg" --port 25433 >/dev/null
"$top/build-aux/pg-cluster.sh" createdb "$work/pg" civicdesk >/dev/null
mkdir -p "$work/pgdata"
cp -a "$work/lite/civicdesk.db" "$work/lite/keys" "$work/pgdata/"
"$server" migrate --data-dir "$work/pgdata" \
    --to "postgresql://civicdesk@/civicdesk?host=$work/pg&port=25433" >/dev/null
rm "$work/pgdata/civicdesk.db"
serve "$work/pgdata"
measure postgresql_made_up
stop
