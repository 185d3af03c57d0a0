#!/bin/sh
# Installs what Civic Desk needs to build, test and run on Debian 12.
# Idempotent: when everything is there it does nothing and needs no network.
set -eu

packages="
  meson ninja-build pkg-config gcc clang llvm gettext python3
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libsqlite3-dev sqlite3
  libsoup-3.0-dev glib-networking libsodium-dev libsecret-1-dev
  libpq-dev postgresql-15 postgresql-contrib haproxy
  libgtk-4-dev libadwaita-1-dev
  libpango1.0-dev libcairo2-dev libqrencode-dev libical-dev libpoppler-glib-dev poppler-utils fonts-arphic-ukai
  libmd4c-dev libmd4c-html0-dev libgtksourceview-5-dev libgmime-3.0-dev libxlsxwriter-dev chromium nodejs
  desktop-file-utils appstream python3-jsonschema flatpak-builder
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi
  gnome-keyring libsecret-tools
  adwaita-icon-theme fonts-noto-cjk imagemagick
  wrk curl procps bc openssl locales
"

# The languages the client is tested and shown in.
locales="en_US.UTF-8 zh_CN.UTF-8"

have_locales () {
    for l in $locales; do
        locale -a 2>/dev/null | grep -qix "$(echo "$l" | sed 's/UTF-8/utf8/')" || return 1
    done
}

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && have_locales && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "Run this as root to install:$missing" >&2
        exit 1
    fi
else
    SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
if [ -n "$missing" ]; then
    echo "Installing:$missing"
    $SUDO apt-get update -q
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -q --no-install-recommends $missing
fi

if ! have_locales; then
    for l in $locales; do
        $SUDO sed -i "s/^# *\($l UTF-8\)/\1/" /etc/locale.gen
        grep -q "^$l UTF-8" /etc/locale.gen || echo "$l UTF-8" | $SUDO tee -a /etc/locale.gen >/dev/null
    done
    $SUDO locale-gen
fi
