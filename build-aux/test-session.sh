#!/bin/sh
# Runs a command in the desktop an official has: inside dbus-run-session,
# with an unlocked keyring (the Secret Service keeps the client's session
# token) whose password is thrown away with the session's folder.
#
#   dbus-run-session -- build-aux/test-session.sh COMMAND…
set -eu

session=$(mktemp -d)
trap 'rm -rf "$session"' EXIT

if command -v gnome-keyring-daemon >/dev/null; then
    # The keyring keeps its files in the data folder: a throwaway one, so
    # the login keyring is made anew, with this password, and unlocked.
    env_lines=$(printf '%s' "civicdesk-tests" |
        XDG_DATA_HOME="$session" G_DEBUG= gnome-keyring-daemon --unlock --components=secrets \
            --daemonize 2>/dev/null) || env_lines=
    eval "$env_lines"
    export GNOME_KEYRING_CONTROL 2>/dev/null || true

    # Owned on the bus before anything asks: else D-Bus starts a second,
    # locked keyring for the first caller.
    for _ in $(seq 1 50); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q 'boolean true' && break
        sleep 0.1
    done
fi

"$@"
