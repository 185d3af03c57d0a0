#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the in-repository Flatpak manifest; prints TAP.

Usage: check-flatpak.py MANIFEST APP_ID SOURCE_ROOT

flatpak-builder cannot run here (it needs the GNOME runtime from
Flathub), so this asserts what a review would: the sandbox asks for no
more than a networked GTK app needs, and the app module builds this
checkout with meson. When flatpak-builder is installed, it also parses
the manifest.
"""

import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import case, report, skip  # noqa: E402

# What Civic Desk needs: the service (network), X11 shared memory (ipc,
# which fallback-x11 wants), a display and the GPU. A file the official
# picks (the CA certificate) has to come through the file chooser portal
# and the token goes through the Secret portal, so no --filesystem and no
# --talk-name: Flathub's linter would ask to justify either.
FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]


def main(manifest_path, app_id, source_root):
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)

    problems = []
    # "app-id" is the deprecated spelling of "id"; accept either, not both.
    ids = [manifest[k] for k in ("id", "app-id") if k in manifest]
    if ids != [app_id]:
        problems.append(f"id {ids!r}, expected [{app_id!r}]")
    if os.path.basename(manifest_path) != app_id + ".json":
        # Flathub's linter: appid-filename-mismatch.
        problems.append(f"file name {os.path.basename(manifest_path)}")
    case("the app ID is the one meson builds", problems)

    problems = []
    if manifest.get("command") != "civicdesk":
        problems.append(f"command {manifest.get('command')!r}")
    case("the command is civicdesk", problems)

    problems = []
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append(f"runtime {manifest.get('runtime')!r}")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"sdk {manifest.get('sdk')!r}")
    version = manifest.get("runtime-version")
    # A number as a string: an unquoted 50 in YAML or a branch name like
    # "master" would build against a runtime nobody tested.
    if not isinstance(version, str) or not re.fullmatch(r"\d+", version):
        problems.append(f"runtime-version {version!r}")
    case("GNOME Platform and SDK of a numbered release", problems)

    problems = []
    finish_args = manifest.get("finish-args", [])
    if sorted(finish_args) != sorted(FINISH_ARGS):
        extra = sorted(set(finish_args) - set(FINISH_ARGS))
        missing = sorted(set(FINISH_ARGS) - set(finish_args))
        problems.append(f"finish-args extra {extra}, missing {missing}, got {finish_args}")
    case("the sandbox permissions are exactly network, ipc, wayland, fallback-x11, dri",
         problems)

    modules = manifest.get("modules", [])
    # What the runtime lacks: libsodium (the service), libqrencode (the
    # documents' QR codes), poppler (showing and printing them) and libical
    # (the hearings' calendars) and md4c (the disclosures' Markdown)
    for name in ("libsodium", "libqrencode", "poppler", "libical", "md4c"):
        problems = []
        found = [m for m in modules if isinstance(m, dict) and m.get("name") == name]
        if len(found) != 1:
            problems.append(f"{len(found)} {name} modules")
        else:
            sources = found[0].get("sources", [])
            archives = [s for s in sources if s.get("type") == "archive"]
            if not archives:
                problems.append(f"{name} has no archive source")
            for s in archives:
                if not str(s.get("url", "")).startswith("https://"):
                    problems.append(f"{name} url {s.get('url')!r}")
                if not re.fullmatch(r"[0-9a-f]{64}", str(s.get("sha256", ""))):
                    problems.append(f"{name} sha256 {s.get('sha256')!r}")
            if modules and modules[-1] is found[0]:
                problems.append(f"{name} must be built before civicdesk")
        case(f"{name} comes from a release tarball checked by sha256", problems)

    problems = []
    app = modules[-1] if modules else {}
    if not isinstance(app, dict):
        problems.append(f"last module is {app!r}")
        app = {}
    if app.get("name") != "civicdesk":
        problems.append(f"last module is {app.get('name')!r}")
    if app.get("buildsystem") != "meson":
        problems.append(f"buildsystem {app.get('buildsystem')!r}")
    dirs = [s for s in app.get("sources", []) if s.get("type") == "dir"]
    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    if len(dirs) != 1:
        problems.append(f"{len(dirs)} dir sources")
    else:
        path = os.path.realpath(os.path.join(manifest_dir, dirs[0].get("path", "")))
        if path != os.path.realpath(source_root):
            problems.append(f"dir source {path}, expected {source_root}")
        if not os.path.exists(os.path.join(path, "meson.build")):
            problems.append(f"no meson.build in {path}")
    case("the last module builds this checkout with meson", problems)

    builder = shutil.which("flatpak-builder")
    if builder is None:
        skip("flatpak-builder parses the manifest", "flatpak-builder is not installed")
    else:
        run = subprocess.run([builder, "--show-manifest", manifest_path],
                             capture_output=True, text=True, check=False)
        problems = []
        if run.returncode != 0:
            problems.append(f"exit status {run.returncode}: {run.stderr.strip()}")
        case("flatpak-builder parses the manifest", problems)

    return report()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
