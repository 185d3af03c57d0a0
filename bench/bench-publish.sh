#!/bin/sh
# From publication to the organ's Atom feed, by hand and at a scheduled
# minute, beside a comment's round trip and a GET (bench-publish.c).
# A demo service of its own; prints BENCH lines; about a minute.
#
#   bench/bench-publish.sh BUILDDIR [PUBLISHES [SCHEDULED]]
set -eu

build=$1
data=$(mktemp -d /tmp/civicdesk-bench-publish-XXXXXX)
trap 'rm -rf "$data"' EXIT

CIVICDESK_NOW=2026-11-20T10:00:00+08:00 \
    "$build/src/server/civicdesk-server" demo --data-dir "$data" --cases 10 --messages 0 \
    --password bench-password > /dev/null 2>&1
"$build/bench/bench-publish" "$build/src/server/civicdesk-server" "$data" bench-password \
    "${2:-20}" "${3:-8}"
