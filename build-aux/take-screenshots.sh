#!/bin/sh
# Takes the screenshots under docs/screenshots/ in English and Chinese,
# from the real client in demo mode under a virtual 1280×800 display.
#
#   build-aux/take-screenshots.sh [BUILDDIR [SCREEN...]]
#
# With SCREEN names (welcome, examiner, unsent, filters, reveal, refused,
# approver, documents, conflict, dark, narrow, kinds, widgets, disclosures,
# messages, ratings, catalogue, supervision),
# only those are taken again; kinds renders the first page of every kind
# of formal document, in both languages, with pdftoppm; widgets shows the
# disclosure editor's preview and history, which no screen of the client
# holds yet, from their widget tests; disclosures the Disclosures section's
# drafts, a draft with personal data in its editor, the requests for
# information, a request's page and its reply composer, from theirs,
# signed in to a demo service as the organ's disclosure editor; messages
# the Messages section's queue, a message's page and its composer, from
# its widget test, signed in as the department's complaint handler;
# ratings the Ratings section with its indicators and a bad rating's
# page, from its widget test, signed in the same; catalogue the Catalogue
# section, an item's page with its change and the editor refusing a
# promised limit longer than the law's, signed in as the catalogue editor;
# supervision the Supervision section's overview with its charts, a
# department's red and yellow records and a card's page, signed in as the
# hall's supervisor.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$top/_build}" && pwd)
[ $# -gt 0 ] && shift

meson compile -C "$builddir" >/dev/null

# Every kind of document as the service renders it, read back by poppler
if [ $# -eq 0 ] || echo " $* " | grep -q ' kinds '; then
    pdfs=$(mktemp -d)
    CIVICDESK_DOCUMENT_OUT="$pdfs" CIVICDESK_TEMPLATE_DIR="$top/data/templates" \
    CIVICDESK_CALENDAR_DIR="$top/data/calendars" \
        "$builddir/tests/render/test-document-render" -p /render/every-kind >/dev/null
    for pdf in "$pdfs"/*.pdf; do
        pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" \
            "$top/docs/screenshots/$(basename "$pdf" .pdf)"
    done
    rm -rf "$pdfs"
    echo "saved the document kinds in $top/docs/screenshots"
    if [ $# -gt 0 ]; then
        # shellcheck disable=SC2046
        set -- $(echo " $* " | sed 's/ kinds / /')
        [ $# -eq 0 ] && exit 0
    fi
fi

# The disclosure editor's widgets, each by itself in a window
if [ $# -eq 0 ] || echo " $* " | grep -q ' widgets '; then
    for lang in en_US.UTF-8 zh_CN.UTF-8; do
        for widget in markdown-preview diff-view; do
            LC_ALL=$lang LANGUAGE='' GSETTINGS_BACKEND=memory \
            CIVICDESK_SCREENSHOTS_DIR="$top/docs/screenshots" \
            CIVICDESK_LOCALEDIR="$builddir/po" \
            GDK_BACKEND=x11 GSK_RENDERER=cairo \
                xvfb-run -a -s "-screen 0 1280x800x24" \
                "$builddir/tests/ui/test-$widget" -p "/ui/$widget/screenshot" >/dev/null
        done
    done
    echo "saved the disclosure widgets in $top/docs/screenshots"
    if [ $# -gt 0 ]; then
        # shellcheck disable=SC2046
        set -- $(echo " $* " | sed 's/ widgets / /')
        [ $# -eq 0 ] && exit 0
    fi
fi

# The Disclosures section, from its widget tests against a demo service
if [ $# -eq 0 ] || echo " $* " | grep -q ' disclosures '; then
    for lang in en_US.UTF-8 zh_CN.UTF-8; do
        # request-page runs whole: its requests are registered by its
        # first case, then listed, opened and answered
        for test in disclosures-view:/disclosures-view/lists \
                    disclosures-view:/disclosures-view/annual-report \
                    disclosure-editor:/disclosure-editor/screenshot \
                    disclosure-editor:/disclosure-editor/stale-save-in-conflicts \
                    request-page:/request-page; do
            LC_ALL=$lang LANGUAGE='' GSETTINGS_BACKEND=memory \
            GSETTINGS_SCHEMA_DIR="$builddir/data" \
            CIVICDESK_SCREENSHOTS_DIR="$top/docs/screenshots" \
            CIVICDESK_LOCALEDIR="$builddir/po" \
            CIVICDESK_CALENDAR_DIR="$top/data/calendars" \
            CIVICDESK_DEMO_DIR="$top/data/demo" \
            CIVICDESK_TEMPLATE_DIR="$top/data/templates" \
            CIVICDESK_SERVER_BIN="$builddir/src/server/civicdesk-server" \
            CIVICDESK_NOW=2026-03-20T10:00:00+08:00 \
            GDK_BACKEND=x11 GSK_RENDERER=cairo \
                xvfb-run -a -s "-screen 0 1280x800x24" \
                "$builddir/tests/ui/test-${test%%:*}" -p "${test#*:}" >/dev/null
        done
    done
    echo "saved the Disclosures section in $top/docs/screenshots"
    if [ $# -gt 0 ]; then
        # shellcheck disable=SC2046
        set -- $(echo " $* " | sed 's/ disclosures / /')
        [ $# -eq 0 ] && exit 0
    fi
fi

# The Messages, Ratings and Catalogue sections, each from its widget test
# against a demo service
for pair in messages:messages-view ratings:evaluations-view catalogue:item-editor \
            supervision:supervision-view; do
  if [ $# -eq 0 ] || echo " $* " | grep -q " ${pair%%:*} "; then
    for lang in en_US.UTF-8 zh_CN.UTF-8; do
        LC_ALL=$lang LANGUAGE='' GSETTINGS_BACKEND=memory \
        GSETTINGS_SCHEMA_DIR="$builddir/data" \
        CIVICDESK_SCREENSHOTS_DIR="$top/docs/screenshots" \
        CIVICDESK_LOCALEDIR="$builddir/po" \
        CIVICDESK_CALENDAR_DIR="$top/data/calendars" \
        CIVICDESK_MESSAGE_CLOCKS_DIR="$top/data/message-clocks" \
        CIVICDESK_DEMO_DIR="$top/data/demo" \
        CIVICDESK_TEMPLATE_DIR="$top/data/templates" \
        CIVICDESK_SERVER_BIN="$builddir/src/server/civicdesk-server" \
        CIVICDESK_NOW=2026-03-20T10:00:00+08:00 \
        GDK_BACKEND=x11 GSK_RENDERER=cairo \
            xvfb-run -a -s "-screen 0 1280x800x24" \
            "$builddir/tests/ui/test-${pair#*:}" >/dev/null
    done
    echo "saved the ${pair%%:*} screens in $top/docs/screenshots"
    if [ $# -gt 0 ]; then
        # shellcheck disable=SC2046
        set -- $(echo " $* " | sed "s/ ${pair%%:*} / /")
        [ $# -eq 0 ] && exit 0
    fi
  fi
done

for lang in en_US.UTF-8 zh_CN.UTF-8; do
    CIVICDESK_E2E_LANG=$lang \
    CIVICDESK_SCREENSHOTS_DIR="$top/docs/screenshots" \
    CIVICDESK_CLIENT="$builddir/src/app/civicdesk" \
    CIVICDESK_NOW=2026-03-20T10:00:00+08:00 \
    GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=0 \
        xvfb-run -a -s "-screen 0 1280x800x24" \
        dbus-run-session -- "$top/build-aux/test-session.sh" \
        meson devenv -C "$builddir" /usr/bin/python3 "$top/build-aux/take-screenshots.py" "$@"
done
