#!/usr/bin/env python3
"""Independent check of an etr2nn dataset's counting-lines layout (format version 2).

usage: tools/check_layout.py DATASET.json [--brute-force-limit N] [--triples {auto,all,pairs}]

What it checks, from the dataset file alone, exactly (fractions.Fraction and Python
integers; no floats anywhere in a verdict):

  (1) lanes    every gadget has 39 home points, 3 on each of its 13 data lines
               t = n.p - offset in {0, 1, 2, 4, 7, 9, 10, 11, 13, 15, 17, 18, 19}, each
               carrying its kind's profile label (I and D tables below); all home points
               of all gadgets lie on exactly three common lines L_0, L_1, L_2, one point per
               lane on each data line; the three lines are parallel and equally spaced.
               The lanes are RECOVERED from the home points (the lines through the most
               home points of the first gadget that has some), then every home point is
               tested against them; only afterwards are they compared with
               meta.layout.lanes, which must describe the same three lines in order
               (base on L_0, base + spacing on L_1, base + 2 spacing on L_2).
  (2) windows  every strip crosses the lanes (n.d != 0 for the lane direction d); on each
               lane the closed windows (the tau-intervals where the lane lies in a closed
               strip 0 <= n.p - offset <= width) are pairwise disjoint.
  (3) strips   no point lies in a closed strip other than its own gadget's (a constraint
               point: other than its listed gadgets'); each constraint point lies on its
               listed measuring lines ("lines"), which with its gadgets' kinds and its
               label are those of its kind (copy, add, inv, one); every point is a home
               point or a constraint point, exactly once. Brute force: every point
               against every strip.
  (4) triples  no line crosses L_0, L_1, L_2 in windows W_0, W_1, W_2 of gadgets that are
               not all the same: (W_0 + W_2) and 2 W_1 are disjoint for every triple. tau
               is measured from P_j = P_0 + j w with w from L_0 to L_1, so a line meets
               the lanes at tau_0, tau_1, tau_2 with tau_0 + tau_2 = 2 tau_1. "all" tries
               every triple; "pairs" counts, for every (W_0, W_2), the W_1 meeting
               (W_0 + W_2)/2 by two binary searches (exact for any intervals, overlapping
               or not); "auto" uses all up to 50 gadgets.
  (5) budgets  hidden_neurons is the sum of the budgets (I: 5, D: 4); at most 13 distinct
               labels, and the top-level "labels" are exactly the points' labels.

Why these: with (1)-(5) a zero-error network with hidden_neurons neurons must put, on
each lane, exactly a gadget's budget of breakpoints inside its window (each neuron adds
at most one breakpoint per lane), and (4) stops one neuron from serving windows of two
gadgets, so the network decomposes into one profile per gadget and the point labels
decode to a solution (docs/gadgets.md gives the per-gadget claims).

Why it is independent: it is written from the format description (docs/dataset-format.md)
and the gadget tables (docs/gadgets.md), copied below. It shares no code with etr2nn and
none of its derived data: it does not use meta.layout's lanes or family certificates (index
digits, pitches) to decide anything -- it recovers the lanes from the points, and it
checks the no-aligned-triple property (4) directly by brute force instead of through the
producer's sufficient conditions (progression-free indices and family hulls). Its
arithmetic is Python's own exact rationals, not GMP.

Exit status: 0 every check holds; 1 some check fails; 2 unreadable input (the message
names the file and the JSON path); 3 more than --brute-force-limit gadgets (default 400),
where checks (3) and (4) would take too long by brute force.
"""

import argparse
import bisect
import json
import math
import sys
from collections import Counter
from fractions import Fraction

# The 13 data lines and the profile labels (docs/gadgets.md, section 1).
DATA_LINES = (0, 1, 2, 4, 7, 9, 10, 11, 13, 15, 17, 18, 19)
PROFILE = {
    "I": ((0, 0), (0, 0), (0, 0), (3, 0), (6, 3), (6, 6), (6, 6), (6, 6), (4, 4), (2, 2),
          (0, 0), (0, 0), (0, 0)),
    "D": ((0, 0), (0, 0), (0, 0), (3, 3), (6, 6), (6, 6), (6, 6), (6, 6), (4, 4), (2, 2),
          (0, 0), (0, 0), (0, 0)),
}
BUDGET = {"I": 5, "D": 4}
LANES = 3
POINTS_PER_LINE = 3  # one per lane
MAX_LABELS = 13
# Constraint point kinds: (gadget kind, measuring line t) per line, and the label.
CONSTRAINT_KINDS = {
    "copy": ((("I", 5), ("I", 3)), (6, 0)),
    "add": ((("I", 5), ("I", 5), ("I", 3)), (10, 0)),
    "inv": ((("D", 3), ("I", 5), ("I", 8)), (12, 6)),
    "one": ((("D", 3), ("I", 5), ("I", 8)), (12, 6)),
}
NAIVE_TRIPLES_UP_TO = 50
SHOWN_PROBLEMS = 5

EXIT_OK, EXIT_FAILED, EXIT_UNREADABLE, EXIT_TOO_LARGE = 0, 1, 2, 3


class Unreadable(Exception):
    """The file cannot be read as a version-2 dataset; the message names the JSON path."""


# --- reading ----------------------------------------------------------------------------

def member(obj, key, path):
    if not isinstance(obj, dict):
        raise Unreadable(f"{path}: expected an object")
    if key not in obj:
        raise Unreadable(f"{path}: missing key \"{key}\"")
    return obj[key]


def rational(value, path):
    # Exact values are strings "p" or "p/q"; small integers may be JSON integers.
    if isinstance(value, bool):
        raise Unreadable(f"{path}: expected a rational, got {json.dumps(value)}")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            if "/" in text:
                p, q = text.split("/", 1)
                result = Fraction(int(p), int(q))
            else:
                result = Fraction(int(text))
            return result
        except (ValueError, ZeroDivisionError):
            pass
    raise Unreadable(f"{path}: expected a rational \"p\" or \"p/q\", got {json.dumps(value)}")


def integer(value, path):
    if isinstance(value, bool) or not isinstance(value, int):
        raise Unreadable(f"{path}: expected an integer, got {json.dumps(value)}")
    return value


def array(value, path, length=None):
    if not isinstance(value, list):
        raise Unreadable(f"{path}: expected an array")
    if length is not None and len(value) != length:
        raise Unreadable(f"{path}: expected {length} elements, got {len(value)}")
    return value


def pair(value, path):
    a = array(value, path, 2)
    return (rational(a[0], f"{path}[0]"), rational(a[1], f"{path}[1]"))


class Dataset:
    """The parts of the file the checks use, as exact numbers."""

    def __init__(self, root):
        if member(root, "format", "top level") != "etr2nn-dataset":
            raise Unreadable("format: expected \"etr2nn-dataset\"")
        version = member(root, "version", "top level")
        if version != 2:
            raise Unreadable(f"version: expected 2 (the counting-lines layout), got "
                             f"{json.dumps(version)}")
        self.hidden_neurons = integer(member(root, "hidden_neurons", "top level"),
                                      "hidden_neurons")
        self.labels = [pair(l, f"labels[{i}]")
                       for i, l in enumerate(array(member(root, "labels", "top level"),
                                                   "labels"))]
        points = array(member(root, "points", "top level"), "points")
        self.x, self.y = [], []
        for i, p in enumerate(points):
            self.x.append(pair(member(p, "x", f"points[{i}]"), f"points[{i}].x"))
            self.y.append(pair(member(p, "y", f"points[{i}]"), f"points[{i}].y"))
        meta = member(root, "meta", "top level")
        self.gadgets = [self.gadget(g, f"meta.gadgets[{i}]")
                        for i, g in enumerate(array(member(meta, "gadgets", "meta"),
                                                    "meta.gadgets"))]
        self.constraint_points = [
            self.constraint_point(c, f"meta.constraint_points[{i}]")
            for i, c in enumerate(array(member(meta, "constraint_points", "meta"),
                                        "meta.constraint_points"))]
        lay = member(meta, "layout", "meta")
        lanes = member(lay, "lanes", "meta.layout")
        self.meta_lane_count = integer(member(lanes, "count", "meta.layout.lanes"),
                                       "meta.layout.lanes.count")
        self.meta_base = pair(member(lanes, "base", "meta.layout.lanes"),
                              "meta.layout.lanes.base")
        self.meta_spacing = pair(member(lanes, "spacing", "meta.layout.lanes"),
                                 "meta.layout.lanes.spacing")
        self.meta_direction = pair(member(lanes, "direction", "meta.layout.lanes"),
                                   "meta.layout.lanes.direction")
        self.families = {}
        for i, f in enumerate(array(member(lay, "families", "meta.layout"),
                                    "meta.layout.families")):
            path = f"meta.layout.families[{i}]"
            name = member(f, "name", path)
            if not isinstance(name, str):
                raise Unreadable(f"{path}.name: expected a string")
            self.families[name] = pair(member(f, "normal", path), f"{path}.normal")

    def gadget(self, g, path):
        kind = member(g, "kind", path)
        if kind not in PROFILE:
            raise Unreadable(f"{path}.kind: expected one of {sorted(PROFILE)}, got "
                             f"{json.dumps(kind)}")
        normal = pair(member(g, "normal", path), f"{path}.normal")
        if normal == (0, 0):
            raise Unreadable(f"{path}.normal: must not be (0, 0)")
        first, end = (integer(v, f"{path}.points[{k}]")
                      for k, v in enumerate(array(member(g, "points", path),
                                                  f"{path}.points", 2)))
        if not 0 <= first <= end <= len(self.x):
            raise Unreadable(f"{path}.points: [{first}, {end}) is not a range of the "
                             f"{len(self.x)} points")
        family = g.get("family")
        return {"kind": kind, "normal": normal,
                "offset": rational(member(g, "offset", path), f"{path}.offset"),
                "width": rational(member(g, "width", path), f"{path}.width"),
                "first": first, "end": end, "family": family, "path": path}

    def constraint_point(self, c, path):
        kind = member(c, "kind", path)
        if kind not in CONSTRAINT_KINDS:
            raise Unreadable(f"{path}.kind: expected one of {sorted(CONSTRAINT_KINDS)}, got "
                             f"{json.dumps(kind)}")
        gadgets = [integer(v, f"{path}.gadgets[{k}]")
                   for k, v in enumerate(array(member(c, "gadgets", path), f"{path}.gadgets"))]
        lines = [rational(v, f"{path}.lines[{k}]")
                 for k, v in enumerate(array(member(c, "lines", path), f"{path}.lines"))]
        if len(lines) != len(gadgets):
            raise Unreadable(f"{path}.lines: {len(lines)} lines for {len(gadgets)} gadgets")
        for k, g in enumerate(gadgets):
            if not 0 <= g < len(self.gadgets):
                raise Unreadable(f"{path}.gadgets[{k}]: no gadget {g}")
        point = integer(member(c, "point", path), f"{path}.point")
        if not 0 <= point < len(self.x):
            raise Unreadable(f"{path}.point: no point {point}")
        return {"kind": kind, "gadgets": gadgets, "lines": lines, "point": point,
                "path": path}


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            root = json.load(f)
    except OSError as e:
        raise Unreadable(f"cannot open: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise Unreadable(f"not UTF-8 text: {e.reason} at byte {e.start}") from None
    except json.JSONDecodeError as e:
        raise Unreadable(f"line {e.lineno}, column {e.colno}: invalid JSON: {e.msg}") from None
    return Dataset(root)


# --- exact plane geometry ---------------------------------------------------------------

def dot(u, v):
    return u[0] * v[0] + u[1] * v[1]


def line_through(p, q):
    """The line a x + b y = c through p != q, scaled so that its first nonzero of (a, b)
    is 1: two lines are equal iff their triples are, parallel iff their (a, b) are."""
    a, b = q[1] - p[1], p[0] - q[0]
    s = a if a != 0 else b
    a, b = a / s, b / s
    return (a, b, a * p[0] + b * p[1])


def on_line(line, p):
    return line[0] * p[0] + line[1] * p[1] == line[2]


def point_on(line):
    a, b, c = line
    return (c / a, Fraction(0)) if a != 0 else (Fraction(0), c / b)


# --- the checks ---------------------------------------------------------------------------

class Check:
    def __init__(self, number, name):
        self.number, self.name = number, name
        self.problems, self.summary = [], ""
        self.unlisted = 0  # failures counted but not spelled out

    def fail(self, message):
        self.problems.append(message)

    @property
    def ok(self):
        return not self.problems and not self.unlisted

    def report(self):
        lines = [f"({self.number}) {self.name}: {'ok' if self.ok else 'FAILED'} -- "
                 f"{self.summary}"]
        for p in self.problems[:SHOWN_PROBLEMS]:
            lines.append(f"    {p}")
        more = len(self.problems) + self.unlisted - min(len(self.problems), SHOWN_PROBLEMS)
        if more:
            lines.append(f"    ... and {more} more")
        return "\n".join(lines)


def t_of(d, g, p):
    return dot(g["normal"], p) - g["offset"]


def recover_lanes(d):
    """The three lines through most home points of one gadget: for the first gadget with
    home points, every line through two of its points on different data lines, kept if
    it holds a majority (7) of the gadget's 13 data lines. A hypothesis only: the caller
    tests every home point against it."""
    need = len(DATA_LINES) // 2 + 1
    for g in d.gadgets:
        idx = range(g["first"], g["end"])
        holders = {}
        for i in idx:
            for j in idx:
                if j > i and t_of(d, g, d.x[i]) != t_of(d, g, d.x[j]):
                    line = line_through(d.x[i], d.x[j])
                    holders.setdefault(line, set()).update((i, j))
        best = sorted((l for l, s in holders.items() if len(s) >= need),
                      key=lambda l: -len(holders[l]))
        if best:
            return best
    return []


def check_lanes(d, c):
    """(1); returns the lane frame (lines in order L_0, L_1, L_2, P_0, w, d) or None."""
    home = 0
    for gi, g in enumerate(d.gadgets):
        count = g["end"] - g["first"]
        home += count
        if count != len(DATA_LINES) * POINTS_PER_LINE:
            c.fail(f"gadget {gi} has {count} home points, not "
                   f"{len(DATA_LINES) * POINTS_PER_LINE}")
        if g["width"] != DATA_LINES[-1]:
            c.fail(f"gadget {gi}: width {g['width']}, not {DATA_LINES[-1]} (the span of the "
                   f"data lines)")
        per_line = {}
        for i in range(g["first"], g["end"]):
            t = t_of(d, g, d.x[i])
            if t not in DATA_LINES:
                c.fail(f"point {i} (gadget {gi}) is at t = {t}, on no data line")
                continue
            per_line.setdefault(t, []).append(i)
            label = PROFILE[g["kind"]][DATA_LINES.index(t)]
            if d.y[i] != label:
                c.fail(f"point {i} (gadget {gi}, t = {t}) has label {fmt(d.y[i])}, not "
                       f"{fmt(label)}")
        for t in DATA_LINES:
            n = len(per_line.get(t, []))
            if n != POINTS_PER_LINE:
                c.fail(f"gadget {gi}: {n} points on data line t = {t}, not {POINTS_PER_LINE}")

    lines = recover_lanes(d)
    if len(lines) < LANES:
        c.summary = f"{home} home points; no three lines hold a majority of a gadget's points"
        c.fail(f"found {len(lines)} candidate lanes, not {LANES}")
        return None
    if len(lines) > LANES:
        c.fail(f"{len(lines)} lines each hold a majority of a gadget's home points, not "
               f"{LANES}")
    lines = lines[:LANES]
    if len({l[:2] for l in lines}) != 1:
        c.fail("the lanes are not parallel: " + ", ".join(fmt_line(l) for l in lines))
        c.summary = f"{home} home points; lanes not parallel"
        return None
    lines.sort(key=lambda l: l[2])
    if lines[1][2] - lines[0][2] != lines[2][2] - lines[1][2]:
        c.fail("the lanes are not equally spaced: " + ", ".join(fmt_line(l) for l in lines))

    # Every home point on exactly one lane, one point per lane on each data line.
    off_lane = 0
    for gi, g in enumerate(d.gadgets):
        seen = {}
        for i in range(g["first"], g["end"]):
            lane = [k for k, l in enumerate(lines) if on_line(l, d.x[i])]
            if not lane:
                off_lane += 1
                c.fail(f"point {i} (gadget {gi}) {fmt(d.x[i])} is on no lane")
                continue
            key = (t_of(d, g, d.x[i]), lane[0])
            if key in seen:
                c.fail(f"points {seen[key]} and {i} (gadget {gi}) are both on data line "
                       f"t = {key[0]} and the same lane")
            seen[key] = i

    # Only now look at what the meta says: the same three lines, base on an outer one.
    direction = (lines[0][1], -lines[0][0])
    order = meta_lane_order(d, lines, c)
    lines = [lines[k] for k in order]
    p0 = point_on(lines[0])
    p1 = point_on(lines[1])
    w = (p1[0] - p0[0], p1[1] - p0[1])
    frame = {"lines": lines, "starts": [(p0[0] + j * w[0], p0[1] + j * w[1])
                                         for j in range(LANES)], "d": direction}
    c.summary = (f"{home} home points of {len(d.gadgets)} gadgets; {LANES} parallel lanes "
                 f"{fmt_line(lines[0])}, {fmt_line(lines[1])}, {fmt_line(lines[2])}; "
                 f"{off_lane} points off them")
    return frame


def meta_lane_order(d, lines, c):
    """Indices into `lines` (sorted by c) for L_0, L_1, L_2 as the meta names them; the
    meta must describe the recovered lines. Falls back to the sorted order."""
    dir_ = d.meta_direction
    problems = []
    if d.meta_lane_count != LANES:
        problems.append(f"meta.layout.lanes.count is {d.meta_lane_count}, not {LANES}")
    if dir_ == (0, 0) or dot((lines[0][0], lines[0][1]), dir_) != 0:
        problems.append(f"meta.layout.lanes.direction {fmt(dir_)} is not the lanes' direction")
    order = []
    for j in range(LANES):
        p = (d.meta_base[0] + j * d.meta_spacing[0], d.meta_base[1] + j * d.meta_spacing[1])
        hit = [k for k, l in enumerate(lines) if on_line(l, p)]
        if not hit:
            problems.append(f"meta lane {j} start {fmt(p)} is on no recovered lane")
        else:
            order.append(hit[0])
    if not problems and order not in ([0, 1, 2], [2, 1, 0]):
        problems.append(f"meta lanes are the recovered lanes in order {order}, not outer, "
                        f"middle, outer")
    for p in problems:
        c.fail(p)
    return order if not problems else [0, 1, 2]


def windows(d, frame, c):
    """Per lane, per gadget, the closed tau-interval where the lane is in the strip."""
    result = [[None] * len(d.gadgets) for _ in range(LANES)]
    dd = frame["d"]
    for gi, g in enumerate(d.gadgets):
        nd = dot(g["normal"], dd)
        if nd == 0:
            c.fail(f"gadget {gi}: normal {fmt(g['normal'])} is perpendicular to the lanes, "
                   f"so its strip never crosses them")
            return None
        for j in range(LANES):
            base = dot(g["normal"], frame["starts"][j])
            a = (g["offset"] - base) / nd
            b = (g["offset"] + g["width"] - base) / nd
            result[j][gi] = (min(a, b), max(a, b))
    return result


def check_families(d, frame, c):
    """The meta's families, used only for a cross-check: each gadget names a family whose
    normal is its own, and no family's strips run parallel to the lanes."""
    for name, normal in d.families.items():
        if dot(normal, frame["d"]) == 0:
            c.fail(f"family {name}: normal {fmt(normal)} is perpendicular to the lanes")
    for gi, g in enumerate(d.gadgets):
        if g["family"] not in d.families:
            c.fail(f"gadget {gi}: family {json.dumps(g['family'])} is not in "
                   f"meta.layout.families")
        elif d.families[g["family"]] != g["normal"]:
            c.fail(f"gadget {gi}: normal {fmt(g['normal'])}, its family {g['family']} has "
                   f"{fmt(d.families[g['family']])}")


def check_windows(d, frame, c):
    check_families(d, frame, c)
    win = windows(d, frame, c)
    if win is None:
        c.summary = "a strip is parallel to the lanes"
        return None
    overlaps = 0
    for j in range(LANES):
        # Pairwise disjoint closed intervals iff, sorted by left end, each starts after
        # every earlier one ends.
        order = sorted(range(len(d.gadgets)), key=lambda g: win[j][g][0])
        reach, reacher = None, None
        for g in order:
            low, high = win[j][g]
            if reach is not None and low <= reach:
                overlaps += 1
                c.fail(f"lane {j}: windows of gadgets {reacher} {fmt(win[j][reacher])} and "
                       f"{g} {fmt(win[j][g])} meet")
            if reach is None or high > reach:
                reach, reacher = high, g
    c.summary = (f"{len(d.families)} families cross the lanes; {LANES * len(d.gadgets)} "
                 f"windows on {LANES} lanes, {overlaps} meeting an earlier one")
    return win


def common_scale(values):
    return math.lcm(*(v.denominator for v in values)) if values else 1


def check_strips(d, c):
    """(3), brute force: every point against every strip, in integers (everything scaled
    by one common denominator, so the comparisons are exact and fast)."""
    n_scale = common_scale([v for g in d.gadgets for v in g["normal"]])
    p_scale = common_scale([v for p in d.x for v in p] +
                           [v for g in d.gadgets for v in (g["offset"], g["width"])])
    scale = n_scale * p_scale
    X = [(int(p[0] * p_scale), int(p[1] * p_scale)) for p in d.x]
    by_normal = {}
    for gi, g in enumerate(d.gadgets):
        n = (int(g["normal"][0] * n_scale), int(g["normal"][1] * n_scale))
        lo = int(g["offset"] * scale)
        by_normal.setdefault(n, []).append((gi, lo, lo + int(g["width"] * scale)))

    allowed = [None] * len(d.x)
    for gi, g in enumerate(d.gadgets):
        for i in range(g["first"], g["end"]):
            if allowed[i] is not None:
                c.fail(f"point {i} is a home point of gadgets {sorted(allowed[i])[0]} and {gi}")
            allowed[i] = {gi}
    for cp in d.constraint_points:
        i = cp["point"]
        if allowed[i] is not None:
            c.fail(f"{cp['path']}: point {i} is already a home or constraint point")
        allowed[i] = set(cp["gadgets"])
    unowned = [i for i, a in enumerate(allowed) if a is None]
    for i in unowned:
        c.fail(f"point {i} is neither a home point nor a constraint point")

    foreign = 0
    for i, (x, y) in enumerate(X):
        for (a, b), strips in by_normal.items():
            v = a * x + b * y
            for gi, lo, hi in strips:
                if lo <= v <= hi and (allowed[i] is None or gi not in allowed[i]):
                    foreign += 1
                    c.fail(f"point {i} {fmt(d.x[i])} lies in the closed strip of gadget {gi}")

    measured = 0
    for cp in d.constraint_points:
        lines, label = CONSTRAINT_KINDS[cp["kind"]]
        i = cp["point"]
        if len(cp["gadgets"]) != len(lines):
            c.fail(f"{cp['path']}: {len(cp['gadgets'])} gadgets, a {cp['kind']} point has "
                   f"{len(lines)}")
            continue
        if d.y[i] != label:
            c.fail(f"{cp['path']}: point {i} has label {fmt(d.y[i])}, a {cp['kind']} point "
                   f"{fmt(label)}")
        for k, (gi, t) in enumerate(zip(cp["gadgets"], cp["lines"])):
            g = d.gadgets[gi]
            if (g["kind"], t) != lines[k]:
                c.fail(f"{cp['path']}: line {k} is {g['kind']}@{t}, a {cp['kind']} point "
                       f"needs {lines[k][0]}@{lines[k][1]}")
            actual = t_of(d, g, d.x[i])
            if actual != t:
                c.fail(f"{cp['path']}: point {i} is at t = {actual} of gadget {gi}, not on "
                       f"its measuring line t = {t}")
            else:
                measured += 1
    c.summary = (f"{len(d.x)} points x {len(d.gadgets)} strips, {foreign} in a foreign strip; "
                 f"{measured} of {sum(len(cp['gadgets']) for cp in d.constraint_points)} "
                 f"measuring lines of {len(d.constraint_points)} constraint points hit")


def aligned_all(win, G):
    """Every triple (g0, g1, g2), not all equal, whose windows admit a line."""
    found = []
    for g0 in range(G):
        l0, h0 = win[0][g0]
        for g2 in range(G):
            l2, h2 = win[2][g2]
            for g1 in range(G):
                if g0 == g1 == g2:
                    continue
                l1, h1 = win[1][g1]
                if l0 + l2 <= 2 * h1 and 2 * l1 <= h0 + h2:
                    found.append((g0, g1, g2))
    return len(found), found


def aligned_pairs(win, G):
    """The same count, O(G^2 log G): for each (W_0, W_2) the W_1 = [l, h] with
    2l <= h0 + h2 and 2h >= l0 + l2 number #(2l <= h0 + h2) - #(2h < l0 + l2), since an
    interval ending before l0 + l2 also starts before h0 + h2. Integers for speed."""
    scale = common_scale([e for lane in win for w in lane for e in w])
    W = [[(int(l * scale), int(h * scale)) for l, h in lane] for lane in win]
    lows = sorted(2 * l for l, _ in W[1])
    highs = sorted(2 * h for _, h in W[1])
    count, found = 0, []
    for g0 in range(G):
        l0, h0 = W[0][g0]
        for g2 in range(G):
            l2, h2 = W[2][g2]
            a, b = l0 + l2, h0 + h2
            n = bisect.bisect_right(lows, b) - bisect.bisect_left(highs, a)
            if g0 == g2:
                l1, h1 = W[1][g0]
                if 2 * l1 <= b and 2 * h1 >= a:
                    n -= 1  # the gadget with itself on all three lanes is allowed
            if n and len(found) < SHOWN_PROBLEMS:
                found += [(g0, g1, g2) for g1 in range(G)
                          if not g0 == g1 == g2 and 2 * W[1][g1][0] <= b
                          and 2 * W[1][g1][1] >= a]
            count += n
    return count, found


def check_triples(d, win, method, c):
    G = len(d.gadgets)
    if method == "auto":
        method = "all" if G <= NAIVE_TRIPLES_UP_TO else "pairs"
    count, found = (aligned_all if method == "all" else aligned_pairs)(win, G)
    for g0, g1, g2 in found:
        c.fail(f"a line crosses L_0, L_1, L_2 in the windows of gadgets {g0}, {g1}, {g2}")
    c.unlisted = count - len(found)
    c.summary = f"{G ** 3 - G} triples of windows ({method}), {count} admit a line"


def check_budgets(d, c):
    kinds = Counter(g["kind"] for g in d.gadgets)
    m = sum(BUDGET[k] * n for k, n in kinds.items())
    if d.hidden_neurons != m:
        c.fail(f"hidden_neurons is {d.hidden_neurons}, the budgets sum to {m}")
    distinct = set(d.y)
    if len(distinct) > MAX_LABELS:
        c.fail(f"{len(distinct)} distinct labels, more than {MAX_LABELS}")
    if set(d.labels) != distinct or len(d.labels) != len(distinct):
        c.fail("the top-level \"labels\" are not exactly the points' distinct labels")
    c.summary = (f"m = {d.hidden_neurons}, budgets " +
                 " + ".join(f"{n} {k} x {BUDGET[k]}" for k, n in sorted(kinds.items())) +
                 f" = {m}; {len(distinct)} labels")


# --- output ---------------------------------------------------------------------------

def fmt(v):
    if isinstance(v, tuple):
        return "(" + ", ".join(fmt(e) for e in v) + ")"
    return str(v)


def fmt_line(l):
    """a x + b y = c with integer coefficients, e.g. "2x - y = -1504"."""
    s = common_scale(list(l))
    a, b, c = (int(v * s) for v in l)
    terms = [(a, "x"), (b, "y")]
    text = ""
    for k, (v, var) in enumerate(t for t in terms if t[0] != 0):
        sign = ("-" if v < 0 else "") if k == 0 else (" - " if v < 0 else " + ")
        text += sign + ("" if abs(v) == 1 else str(abs(v))) + var
    return f"{text} = {c}"


def main(argv):
    ap = argparse.ArgumentParser(description="Independent exact check of an etr2nn "
                                 "dataset's counting-lines layout (see the module docstring).")
    ap.add_argument("dataset")
    ap.add_argument("--brute-force-limit", type=int, default=400, metavar="N",
                    help="refuse (exit 3) above N gadgets (default 400)")
    ap.add_argument("--triples", choices=("auto", "all", "pairs"), default="auto",
                    help="how check (4) enumerates triples (default: all up to "
                         f"{NAIVE_TRIPLES_UP_TO} gadgets, else pairs)")
    args = ap.parse_args(argv)
    name = "check_layout.py"
    try:
        d = load(args.dataset)
    except Unreadable as e:
        print(f"{name}: {args.dataset}: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    except RecursionError:
        print(f"{name}: {args.dataset}: JSON nested too deeply", file=sys.stderr)
        return EXIT_UNREADABLE

    G = len(d.gadgets)
    print(f"{args.dataset}: {G} gadgets, {len(d.x)} points, "
          f"{len(d.constraint_points)} constraint points, m = {d.hidden_neurons}")
    checks = [Check(1, "lanes"), Check(2, "windows"), Check(3, "strips"),
              Check(4, "triples"), Check(5, "budgets")]
    frame = check_lanes(d, checks[0])
    print(checks[0].report())
    win = check_windows(d, frame, checks[1]) if frame else None
    if frame is None:
        checks[1].fail("no lanes to measure windows on")
        checks[1].summary = "not run"
    print(checks[1].report())
    check_budgets(d, checks[4])
    if G > args.brute_force_limit:
        print(checks[4].report())
        print(f"{name}: too large for brute force: {G} gadgets > {args.brute_force_limit} "
              f"(checks (3) and (4) are O(points x gadgets) and O(gadgets^2); raise "
              f"--brute-force-limit to run them anyway)")
        failed = any(not ch.ok for ch in (checks[0], checks[1], checks[4]))
        print("FAILED" if failed else "not checked")
        return EXIT_FAILED if failed else EXIT_TOO_LARGE
    check_strips(d, checks[2])
    print(checks[2].report())
    if win is None:
        checks[3].fail("no windows to test")
        checks[3].summary = "not run"
    else:
        check_triples(d, win, args.triples, checks[3])
    print(checks[3].report())
    print(checks[4].report())
    ok = all(ch.ok for ch in checks)
    print("ok" if ok else "FAILED")
    return EXIT_OK if ok else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
