#!/bin/sh
# The client with the reference data: from process start to the first
# inbox rows drawn, next to a bare libadwaita window started the same way
# (the median of five each); memory with 100 000 cached cases; frame times
# while the inbox scrolls through them. Prints BENCH lines.
#
#   bench/bench-client.sh BUILDDIR CLIENT_HOME
#
# CLIENT_HOME is the XDG data folder bench-sync.sh synced an examiner's
# cases into (half of the reference data's); the client opens that account
# offline, as at every start of an official's day.
set -eu

build=$1
home=$2
bench="$build/bench/bench-client"
work=$(mktemp -d /tmp/civicdesk-bench-client-XXXXXX)
trap 'rm -rf "$work"' EXIT

# The settings name the account, as after a sign-in.
mkdir -p "$work/config/glib-2.0/settings"
cat > "$work/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/civicdesk/CivicDesk]
service-url='$(cat "$home/url")'
username='examiner'
sync-interval=uint32 0
last-queue='all'
KEYFILE

export XDG_DATA_HOME="$home" XDG_CONFIG_HOME="$work/config" GSETTINGS_BACKEND=keyfile
export GSETTINGS_SCHEMA_DIR="$build/data" GDK_BACKEND=x11 GSK_RENDERER=cairo
export CIVICDESK_NOW=2026-11-20T10:00:00+08:00

run () {
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$bench" "$@" 2>/dev/null
}

median () {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

for _ in 1 2 3 4 5; do run bare; done > "$work/bare"
for _ in 1 2 3 4 5; do run client; done > "$work/client"

bare=$(awk '$2 == "bare_window_first_frame" { print $3 }' "$work/bare" | median)
first=$(awk '$2 == "client_first_rows" { print $3 }' "$work/client" | median)
echo "BENCH bare_window_first_frame $bare ms"
echo "BENCH client_first_rows $first ms"
echo "BENCH client_first_rows_vs_bare_window $(echo "scale=2; $first / $bare" | bc) x"
echo "BENCH bare_window_rss $(awk '$2 == "bare_window_rss" { print $3 }' "$work/bare" | median) MiB"
for name in client_rss_first_rows client_rss_after_scrolling client_rss_after_sections \
            client_scroll_frame_p50 client_scroll_frame_p95 client_scroll_frame_max; do
    value=$(awk -v n="$name" '$2 == n { print $3 }' "$work/client" | median)
    unit=$(awk -v n="$name" '$2 == n { print $4; exit }' "$work/client")
    echo "BENCH $name $value $unit"
done

# Under Xvfb, with the cairo renderer, GDK still opens Mesa's software GL
# (llvmpipe) to choose its visual: about 58 MiB of both processes' memory
# that neither draws with. Once more without it, for what the windows
# themselves take.
GDK_DEBUG=gl-disable run bare > "$work/bare-nogl"
GDK_DEBUG=gl-disable run client > "$work/client-nogl"
for name in bare_window_rss client_rss_first_rows client_rss_after_sections; do
    file="$work/client-nogl"
    [ "$name" = bare_window_rss ] && file="$work/bare-nogl"
    echo "BENCH ${name}_without_gl $(awk -v n="$name" '$2 == n { print $3 }' "$file") MiB"
done
