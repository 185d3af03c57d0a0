#!/bin/sh
# A throwaway PostgreSQL 15 cluster in a folder of its own, from Debian's
# packages, run by an unprivileged user (nobody, when this runs as root:
# PostgreSQL refuses to run as root). The tests, build-aux/run-cluster.sh
# and the benchmarks start theirs with it.
#
#   pg-cluster.sh start DIR [--port N] [--fast] [--watch PID]
#       Makes the cluster in DIR (an empty or missing folder) and starts
#       it, listening on DIR's socket, and on 127.0.0.1:N with --port.
#       --fast turns durability off (fsync, synchronous_commit): for
#       tests, never for figures. --watch stops the cluster when process
#       PID ends, however it ends, and removes DIR.
#   pg-cluster.sh standby DIR --of PRIMARY_DIR [--port N] [--watch PID]
#       Makes DIR a streaming standby of the cluster in PRIMARY_DIR
#       (pg_basebackup) and starts it, read-only (hot standby), as start
#       does.
#   pg-cluster.sh stop DIR
#   pg-cluster.sh restart DIR         every connection is dropped
#   pg-cluster.sh createdb DIR NAME
#   pg-cluster.sh uri DIR NAME        the libpq URI of database NAME
#   pg-cluster.sh psql DIR NAME [psql arguments…]
set -eu

bindir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || pg_config --bindir)
user=civicdesk

usage () {
    sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

# Runs a PostgreSQL program as the cluster's owner
as_owner () {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

[ $# -ge 2 ] || usage
command=$1
dir=$2
shift 2

# Detached from the caller: stops the cluster in DIR and removes DIR
# when process PID ends, however it ends (see start)
watch_for () {
    setsid sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec "$2" forget "$3"' \
        sh "$1" "$0" "$2" </dev/null >/dev/null 2>&1 &
}

# The folder made, given to the cluster's owner, as an absolute path
own_folder () {
    mkdir -p "$1"
    folder=$(cd "$1" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
        chown nobody "$folder"
        runuser -u nobody -- test -x "$folder" ||
            { echo "pg-cluster.sh: nobody cannot reach $folder: let it through the folders above (chmod o+x)" >&2; exit 1; }
    fi
    echo "$folder"
}

# Where the cluster listens: its own socket folder, and TCP with --port
listen_conf () {
    echo "unix_socket_directories = '$1'"
    echo "port = $2"
    if [ -n "$3" ]; then
        echo "listen_addresses = '127.0.0.1'"
    else
        echo "listen_addresses = ''"
    fi
}

case "$command" in
start)
    port=5432
    tcp=
    fast=
    watch=
    while [ $# -gt 0 ]; do
        case "$1" in
        --port) port=$2; tcp=1; shift 2 ;;
        --fast) fast=1; shift ;;
        --watch) watch=$2; shift 2 ;;
        *) usage ;;
        esac
    done

    dir=$(own_folder "$dir")
    as_owner "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 \
        --locale=C -N >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    {
        listen_conf "$dir" "$port" "$tcp"
        echo "max_connections = 200"
        echo "shared_buffers = 128MB"
        # Streaming standbys (pg_basebackup) and WAL archiving need these
        echo "wal_level = replica"
        echo "max_wal_senders = 4"
        if [ -n "$fast" ]; then
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } >>"$dir/data/postgresql.conf"
    echo "host replication $user 127.0.0.1/32 trust" >>"$dir/data/pg_hba.conf"
    echo "$port" >"$dir/port"

    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }

    # In a session of its own, so that a test harness that kills the
    # test's process group does not take the watcher with it, and
    # detached from the caller's output, so that one reading it sees its
    # end
    [ -z "$watch" ] || watch_for "$watch" "$dir"
    ;;
standby)
    primary=
    port=5433
    tcp=
    watch=
    while [ $# -gt 0 ]; do
        case "$1" in
        --of) [ $# -ge 2 ] || usage; primary=$(cd "$2" && pwd); shift 2 ;;
        --port) [ $# -ge 2 ] || usage; port=$2; tcp=1; shift 2 ;;
        --watch) [ $# -ge 2 ] || usage; watch=$2; shift 2 ;;
        *) usage ;;
        esac
    done
    [ -n "$primary" ] || usage

    dir=$(own_folder "$dir")
    # -R writes the standby's configuration: primary_conninfo, and the
    # standby.signal that keeps it replaying
    as_owner "$bindir/pg_basebackup" -h "$primary" -p "$(cat "$primary/port")" -U "$user" \
        -D "$dir/data" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 ||
        { cat "$dir/basebackup.log" >&2; exit 1; }
    # The primary's settings came with the copy; these come after them
    listen_conf "$dir" "$port" "$tcp" >>"$dir/data/postgresql.conf"
    echo "hot_standby = on" >>"$dir/data/postgresql.conf"
    echo "$port" >"$dir/port"

    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    [ -z "$watch" ] || watch_for "$watch" "$dir"
    ;;
forget)
    # The watcher's end: the cluster stopped at once and removed
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
stop)
    [ -f "$dir/data/postmaster.pid" ] &&
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
restart)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null
    ;;
createdb)
    [ $# -eq 1 ] || usage
    "$bindir/createdb" -h "$dir" -p "$(cat "$dir/port")" -U "$user" -T template0 "$1"
    ;;
uri)
    [ $# -eq 1 ] || usage
    echo "postgresql://$user@/$1?host=$dir&port=$(cat "$dir/port")"
    ;;
psql)
    [ $# -ge 1 ] || usage
    name=$1
    shift
    exec "$bindir/psql" -h "$dir" -p "$(cat "$dir/port")" -U "$user" -X -q "$@" "$name"
    ;;
*)
    usage
    ;;
esac
