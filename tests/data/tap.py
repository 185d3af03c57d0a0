# tap.py — the test cases of the data checks, reported in TAP
#
# SPDX-License-Identifier: GPL-3.0-or-later

_results = []


def case(name, problems):
    """One test case: @problems lists what is wrong (empty: it passes)."""
    _results.append((name, problems, None))


def skip(name, why):
    _results.append((name, [], why))


def report():
    """Prints the cases; returns the exit status."""
    print(f"1..{len(_results)}")
    failed = 0
    for number, (name, problems, skipped) in enumerate(_results, 1):
        if skipped:
            print(f"ok {number} - {name} # SKIP {skipped}")
        elif problems:
            failed += 1
            print(f"not ok {number} - {name}")
            for problem in problems:
                print(f"# {problem}")
        else:
            print(f"ok {number} - {name}")
    return 1 if failed else 0
