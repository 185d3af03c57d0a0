#!/usr/bin/env python3
"""Counts individual test cases in meson testlog.json files.

GLib test programs speak TAP, one "ok"/"not ok" line per test case; meson's
log has one row per program. A program that crashed or leaked after its
cases passed still counts as one failure. Prints the failures, then the
line CI reads: "N passed, N failed".
"""

import json
import re
import sys

TAP = re.compile(r"^(not ok|ok)\b(.*)$")
BAD_RESULTS = {"FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS", "INTERRUPT"}


def count(path):
    passed = failed = skipped = 0
    failures = []
    try:
        with open(path, encoding="utf-8") as log:
            rows = [json.loads(line) for line in log if line.strip()]
    except FileNotFoundError:
        return 0, 1, 0, [f"{path}: no test log (the build failed?)"]

    for row in rows:
        name = row.get("name", "?")
        result = row.get("result", "?")
        ok = bad = skip = 0
        for line in (row.get("stdout") or "").splitlines():
            m = TAP.match(line.strip())
            if not m:
                continue
            if "# SKIP" in m.group(2) or "# skip" in m.group(2):
                skip += 1
            elif m.group(1) == "ok":
                ok += 1
            else:
                bad += 1
                failures.append(f"{name}: not ok{m.group(2)}")
        if ok + bad + skip == 0:
            if result == "SKIP":
                skip = 1
            elif result in BAD_RESULTS:
                bad = 1
                failures.append(f"{name}: {result}")
            else:
                ok = 1
        elif result in BAD_RESULTS and bad == 0:
            bad = 1
            failures.append(f"{name}: {result} (exit status {row.get('returncode')})")
        passed += ok
        failed += bad
        skipped += skip
    return passed, failed, skipped, failures


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        p, f, s, failures = count(path)
        passed += p
        failed += f
        skipped += s
        for failure in failures:
            print(f"FAILED {failure}")
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
