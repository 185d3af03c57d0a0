#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the merged launcher and software-centre entry; prints TAP.

Usage: check-entries.py DESKTOP_FILE METAINFO_FILE APP_ID

desktop-file-validate and appstreamcli check the formats; this checks
what ties the files to the app (the IDs GNOME Shell and GNOME Software
match on) and that a Chinese desktop shows them in Chinese.
"""

import configparser
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import case, report  # noqa: E402

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def main(desktop_path, metainfo_path, app_id):
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(desktop_path, encoding="utf-8")
    de = entry["Desktop Entry"]

    problems = []
    # GNOME Shell matches a window to its launcher by the desktop file's
    # name, which must be the app ID the client registers.
    if os.path.basename(desktop_path) != app_id + ".desktop":
        problems.append(f"file name {os.path.basename(desktop_path)}")
    for key, expected in (("Exec", "civicdesk"), ("Icon", app_id),
                          ("StartupNotify", "true"), ("Terminal", "false")):
        if de.get(key) != expected:
            problems.append(f"{key}={de.get(key)}, expected {expected}")
    case("the launcher runs civicdesk with the app's icon", problems)

    problems = []
    for key, expected in (("Name[zh_CN]", "政务工作台"),):
        if de.get(key) != expected:
            problems.append(f"{key}={de.get(key)}, expected {expected}")
    for key in ("GenericName", "Comment", "Keywords"):
        translated = de.get(key + "[zh_CN]")
        if not translated or translated == de.get(key):
            problems.append(f"{key}[zh_CN] missing or untranslated")
    keywords = de.get("Keywords[zh_CN]", "")
    # A translator who drops the final ';' breaks the whole list.
    if not keywords.endswith(";") or "审批" not in keywords.split(";"):
        problems.append(f"Keywords[zh_CN]={keywords}")
    case("a Chinese desktop lists it as 政务工作台", problems)

    root = ET.parse(metainfo_path).getroot()
    problems = []
    if root.findtext("id") != app_id:
        problems.append(f"id {root.findtext('id')}")
    launchable = root.find("launchable[@type='desktop-id']")
    if launchable is None or launchable.text != app_id + ".desktop":
        problems.append("launchable is not the desktop file")
    if root.findtext("provides/binary") != "civicdesk":
        problems.append(f"provides binary {root.findtext('provides/binary')}")
    if root.findtext("translation[@type='gettext']") != "civicdesk":
        problems.append("translation domain is not civicdesk")
    versions = [r.get("version") for r in root.iter("release")]
    if not versions or versions[0] != "0.1.0":
        problems.append(f"releases {versions}")
    case("the software-centre entry points at the launcher and civicdesk", problems)

    problems = []

    def untranslated(parent, tag):
        english = [e for e in parent.findall(tag) if e.get(XML_LANG) is None]
        chinese = [e for e in parent.findall(tag) if e.get(XML_LANG) in ("zh_CN", "zh-CN")]
        if len(english) != len(chinese):
            problems.append(f"{len(english)} <{tag}>, {len(chinese)} in zh_CN")

    untranslated(root, "name")
    untranslated(root, "summary")
    description = root.find("description")
    untranslated(description, "p")
    untranslated(description.find("ul"), "li")
    for screenshot in root.iter("screenshot"):
        untranslated(screenshot, "caption")
    name = [e.text for e in root.findall("name") if e.get(XML_LANG) in ("zh_CN", "zh-CN")]
    if name != ["政务工作台"]:
        problems.append(f"zh_CN name {name}")
    case("GNOME Software shows the description and screenshots in Chinese", problems)

    return report()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
