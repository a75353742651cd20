#!/usr/bin/env python3
"""CTest driver for tools/check_layout.py (test `independent_layout_check`).

Compiles four samples with etr2nn and expects the independent checker to accept them
(exit 0), with both ways of counting aligned triples agreeing; then breaks copies of one
dataset in one way each and expects exactly the matching check to fail (exit 1),
unreadable files to give exit 2 naming the file and the JSON path, and a too-low
--brute-force-limit to give exit 3.

usage: check_layout_test.py --etr2nn BIN --checker PY --samples DIR --work DIR
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys
from fractions import Fraction

SAMPLES = ("inv_rational_sat", "inv_unsat", "inv_unsat_am_gm", "inv_irrational_sat")
TAMPERED = "inv_rational_sat"  # three variables: three canonical gadgets to plant a progression

failures = []


def expect(condition, what, output=""):
    if condition:
        print(f"  pass: {what}")
    else:
        print(f"  FAIL: {what}")
        if output:
            print("    " + output.strip().replace("\n", "\n    "))
        failures.append(what)


def run(args, *extra):
    cmd = [sys.executable, args.checker, *extra]
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def verdict(stdout, number):
    """'ok' or 'FAILED' on check (number)'s line, or None if it is missing."""
    m = re.search(rf"^\({number}\) \w+: (ok|FAILED)", stdout, re.M)
    return m.group(1) if m else None


def aligned(stdout):
    m = re.search(r"^\(4\) triples: .*?(\d+) admit a line", stdout, re.M)
    return int(m.group(1)) if m else None


def write(args, name, data):
    path = os.path.join(args.work, name)
    with open(path, "w") as f:
        json.dump(data, f)
    return path


def q(value):
    return str(Fraction(value)) if Fraction(value).denominator != 1 else str(int(value))


def move(point, dx, dy):
    x, y = (Fraction(v) for v in point["x"])
    point["x"] = [q(x + dx), q(y + dy)]


def expect_only(args, path, failing, what):
    """Exit 1, check `failing` FAILED; and the checks in `clean` ok."""
    code, out, err = run(args, path)
    expect(code == 1, f"{what}: exit 1 (got {code})", out + err)
    expect(verdict(out, failing) == "FAILED", f"{what}: check ({failing}) fails", out)
    expect(out.rstrip().endswith("FAILED"), f"{what}: final line FAILED", out)
    return out


def shift_gadget_along_lanes(data, g, new_offset):
    """Moves gadget g's strip to new_offset and its home points along the lane direction,
    so that they stay on the lanes and on the same data lines of the moved strip."""
    gadget = data["meta"]["gadgets"][g]
    n = gadget["normal"]
    d = data["meta"]["layout"]["lanes"]["direction"]
    delta = Fraction(new_offset) - Fraction(gadget["offset"])
    step = delta / (n[0] * d[0] + n[1] * d[1])
    gadget["offset"] = q(new_offset)
    for i in range(*gadget["points"]):
        move(data["points"][i], step * d[0], step * d[1])


def canonical_by_offset(data):
    gs = [i for i, g in enumerate(data["meta"]["gadgets"]) if g["role"] == "canonical"]
    return sorted(gs, key=lambda i: Fraction(data["meta"]["gadgets"][i]["offset"]))


def main():
    ap = argparse.ArgumentParser()
    for a in ("--etr2nn", "--checker", "--samples", "--work"):
        ap.add_argument(a, required=True)
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)

    print("compiled samples pass, and both triple counts agree")
    datasets = {}
    for s in SAMPLES:
        path = os.path.join(args.work, s + ".json")
        r = subprocess.run([args.etr2nn, "compile", os.path.join(args.samples, s + ".etr"),
                            "-o", path, "--quiet"], capture_output=True, text=True)
        if r.returncode != 0:
            expect(False, f"etr2nn compile {s}", r.stdout + r.stderr)
            continue
        datasets[s] = path
        code, out, err = run(args, path)
        expect(code == 0 and out.rstrip().endswith("\nok"), f"{s}: exit 0, ok", out + err)
        expect(all(verdict(out, k) == "ok" for k in range(1, 6)), f"{s}: five checks ok", out)
        _, pairs, _ = run(args, path, "--triples", "pairs")
        expect(aligned(out) == 0 and aligned(pairs) == 0,
               f"{s}: 0 aligned triples counted both ways", out + pairs)
    if TAMPERED not in datasets:
        print("cannot tamper: the dataset did not compile")
        return 1
    with open(datasets[TAMPERED]) as f:
        base = json.load(f)

    print("a home point moved off its lane, along its data line")
    data = copy.deepcopy(base)
    g = data["meta"]["gadgets"][0]
    n = g["normal"]
    move(data["points"][g["points"][0] + 4], Fraction(-n[1], 7), Fraction(n[0], 7))
    expect_only(args, write(args, "off_lane.json", data), 1, "home point off its lane")

    print("a constraint point moved by 1/7")
    data = copy.deepcopy(base)
    cp = data["meta"]["constraint_points"][0]
    move(data["points"][cp["point"]], Fraction(1, 7), 0)
    out = expect_only(args, write(args, "constraint_moved.json", data), 3,
                      "constraint point moved")
    expect("measuring line" in out, "constraint point moved: reported off its measuring line",
           out)

    print("a canonical gadget shifted along the lanes onto its neighbour")
    data = copy.deepcopy(base)
    a, b = canonical_by_offset(data)[:2]
    shift_gadget_along_lanes(data, b, Fraction(data["meta"]["gadgets"][a]["offset"]) + 10)
    out = expect_only(args, write(args, "window_overlap.json", data), 2, "windows overlap")
    expect(verdict(out, 1) == "ok", "windows overlap: the moved home points are still on "
           "the lanes", out)

    print("three canonical offsets in arithmetic progression")
    data = copy.deepcopy(base)
    a, b, c = canonical_by_offset(data)[:3]
    o = [Fraction(data["meta"]["gadgets"][i]["offset"]) for i in (a, b)]
    shift_gadget_along_lanes(data, c, 2 * o[1] - o[0])
    path = write(args, "progression.json", data)
    out = expect_only(args, path, 4, "progression")
    expect(verdict(out, 1) == "ok" and verdict(out, 2) == "ok",
           "progression: lanes and windows still fine", out)
    _, pairs, _ = run(args, path, "--triples", "pairs")
    expect(aligned(out) and aligned(out) == aligned(pairs),
           f"progression: both methods count the same aligned triples "
           f"({aligned(out)}, {aligned(pairs)})", out + pairs)

    print("hidden_neurons one more than the budgets")
    data = copy.deepcopy(base)
    data["hidden_neurons"] += 1
    expect_only(args, write(args, "budget.json", data), 5, "budgets")

    print("unreadable input")
    with open(datasets[TAMPERED]) as f:
        text = f.read()
    path = os.path.join(args.work, "truncated.json")
    with open(path, "w") as f:
        f.write(text[: len(text) // 2])
    code, out, err = run(args, path)
    expect(code == 2 and path in err and "line" in err and not out,
           f"truncated file: exit 2 (got {code}), message names the file and line", err + out)
    data = copy.deepcopy(base)
    del data["meta"]["gadgets"][3]["offset"]
    path = write(args, "no_offset.json", data)
    code, out, err = run(args, path)
    expect(code == 2 and path in err and "meta.gadgets[3]" in err and "offset" in err,
           f"missing offset: exit 2 (got {code}), message names meta.gadgets[3] offset", err)
    data = copy.deepcopy(base)
    data["points"][7]["x"][1] = "1/0"
    code, out, err = run(args, write(args, "zero_denominator.json", data))
    expect(code == 2 and "points[7].x[1]" in err, f"1/0: exit 2 naming points[7].x[1]", err)

    print("too large for brute force")
    code, out, err = run(args, datasets[TAMPERED], "--brute-force-limit", "5")
    expect(code == 3 and "too large for brute force" in out, f"limit 5: exit 3 (got {code})",
           out + err)

    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
