#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the GSettings schema the client starts with; prints TAP.

Usage: check-settings.py GSETTINGS SCHEMAS_DIR SCHEMA_XML APP_ID

Reads the schema compiled into the build tree through the gsettings tool,
as the uninstalled client does with GSETTINGS_SCHEMA_DIR, with the memory
backend so the user's own settings play no part.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import case, report  # noqa: E402

# key: (default as gsettings prints it, range as gsettings prints it)
KEYS = {
    "service-url": ("''", "type s"),
    "username": ("''", "type s"),
    "ca-file": ("''", "type s"),
    "window-width": ("1200", "type i"),
    "window-height": ("760", "type i"),
    "window-maximized": ("false", "type b"),
    "sync-interval": ("uint32 300", "range u 0 86400"),
    "notify-assigned": ("true", "type b"),
    "notify-deadlines": ("true", "type b"),
    "notify-ratings": ("true", "type b"),
    "notify-supervision": ("true", "type b"),
    "inbox-sort": ("'due'", "enum 'due' 'received' 'updated'"),
    "last-queue": ("'mine'", "enum 'mine' 'department' 'watching' 'done' 'all'"),
    "demo-role": ("'examiner'", "enum 'clerk' 'examiner' 'approver' 'officer' 'editor' 'reviewer' 'head' 'handler' 'reply-reviewer' 'dispatcher' 'supervisor'"),
    "recent-services": ("@as []", "type as"),
}

# Values the schema must refuse: a day is the longest sync interval, and
# the lists are closed so a typo cannot leave the inbox without an order.
REFUSED = [
    ("sync-interval", "86401"),
    ("inbox-sort", "'priority'"),
    ("last-queue", "'everything'"),
    ("demo-role", "'admin'"),
]


def main(gsettings, schemas_dir, schema_xml, app_id):
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=schemas_dir, GSETTINGS_BACKEND="memory")

    def run(*args):
        return subprocess.run([gsettings, *args], env=env, capture_output=True,
                              text=True, check=False)

    listed = run("list-keys", app_id)
    problems = []
    if listed.returncode != 0:
        problems.append(f"gsettings list-keys: {listed.stderr.strip()}")
    elif sorted(listed.stdout.split()) != sorted(KEYS):
        problems.append(f"keys {sorted(listed.stdout.split())}")
    case(f"{app_id} is in {schemas_dir} with exactly the expected keys", problems)

    problems = []
    for key, (default, _) in KEYS.items():
        got = run("get", app_id, key)
        if got.returncode != 0 or got.stdout.strip() != default:
            problems.append(f"{key}: {got.stdout.strip() or got.stderr.strip()}, expected {default}")
    case("defaults: 1200×760 window, sync every 300 s, inbox by due date, "
         "My tasks, examiner demo", problems)

    problems = []
    for key, (_, expected) in KEYS.items():
        got = run("range", app_id, key)
        if " ".join(got.stdout.split()) != expected:
            problems.append(f"{key}: {' '.join(got.stdout.split())!r}, expected {expected!r}")
    case("types, the 0..86400 s sync range and the closed lists of choices", problems)

    problems = []
    for key, value in REFUSED:
        got = run("set", app_id, key, value)
        if got.returncode == 0:
            problems.append(f"{key} accepted {value}")
    if run("set", app_id, "sync-interval", "0").returncode != 0:
        problems.append("sync-interval refused 0 (sync only on request)")
    case("out-of-range and unknown values are refused; 0 s is allowed", problems)

    problems = []
    root = ET.parse(schema_xml).getroot()
    if root.get("gettext-domain") != "civicdesk":
        problems.append(f"gettext-domain {root.get('gettext-domain')!r}")
    schema = root.find("schema")
    if schema is None or schema.get("path") != "/" + app_id.replace(".", "/") + "/":
        problems.append("schema path does not follow the app ID")
    for key in root.iter("key"):
        for tag in ("summary", "description"):
            text = key.findtext(tag)
            if not text or not text.strip():
                problems.append(f"{key.get('name')} has no {tag}")
    case("every key has a summary and a description in the civicdesk domain", problems)

    return report()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
