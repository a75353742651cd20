#!/usr/bin/python3
"""Read etr2nn datasets and network files into NumPy, keeping the exact values.

The contract (docs/python.md has an example):

    load_dataset(path) -> Dataset
        .X, .Y            float64 arrays, n x 2: inputs and labels (nearest doubles)
        .labels           the distinct labels, exact, as (Fraction, Fraction) pairs
        .label_index      int array, n: which label each point carries
        .hidden_neurons   m, the number of hidden ReLU neurons the dataset allows
        .meta             the file's "meta" object as a dict ({} when absent)
        .exact()          (X, Y): lists of (Fraction, Fraction) parsed from the file's
                          strings (never from floats); re-reads the file, so the
                          exact values never sit in memory unless asked for

    load_network(path) -> Network
        .c, .neurons      exact: Fractions, or Algebraic for irrational weights
        .A, .B, .V, .C    float64 arrays (m x 2, m, m x 2, 2)
        .hidden_neurons, .meta, .field

Files are read incrementally: the points (or neurons) array is decoded one
element at a time, so memory holds the float arrays, not the JSON text.  Any
valid JSON layout is read (the writer's one-point-per-line is just the common
case).  Files ending in .gz, or starting with gzip's magic bytes, and files
starting with zstd's magic bytes (whatever their name: .json.zst, say) are
decompressed on the fly.  Malformed files raise ValueError with
"FILE:LINE:COL: what was expected"; a truncated or corrupt compressed file
raises ValueError naming the file.  Only the Python standard library and
NumPy are needed, and the zstandard module (Debian's python3-zstandard) for
zstd files.
"""

import gzip
import io
import json
import math
import re
import zlib
from array import array
from fractions import Fraction

import numpy as np

__all__ = ["load_dataset", "load_network", "Dataset", "Network", "Neuron", "Algebraic"]

_CHUNK = 1 << 20  # characters read at a time
_WS = " \t\n\r"

# Dataset values: "p" or "p/q" in lowest terms (docs/dataset.schema.json).
_DATASET_RATIONAL = re.compile(r"-?(0|[1-9][0-9]*)(/[1-9][0-9]*)?\Z")
# Network values also accept a sign, leading zeros and exact decimals (network.schema.json).
_NETWORK_RATIONAL = re.compile(r"[-+]?([0-9]+(/[0-9]+)?|[0-9]*\.[0-9]+|[0-9]+\.[0-9]*)\Z")
_INTEGER = re.compile(r"[-+]?[0-9]+\Z")


class _JsonFloat:
    """A JSON number with a fraction or exponent, kept as its text so that the
    caller decides: datasets ignore them (xf, yf), networks reject them."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class _ZstdRaw(io.RawIOBase):
    """The decompressed bytes of a zstd file, frame after frame.  Unlike
    zstandard's stream_reader it notices a file that ends inside a frame
    (truncated) and bytes after the last frame that start no new one."""

    def __init__(self, path):
        import zstandard  # only zstd files need it

        self.zstandard = zstandard
        self.raw = open(path, "rb")
        self.obj = zstandard.ZstdDecompressor().decompressobj()
        self.pending = b""
        self.between = False  # the last frame ended; more bytes must start one

    def readable(self):
        return True

    def readinto(self, b):
        while not self.pending:
            data = self.raw.read(_CHUNK)
            if not data:
                if not self.between:
                    raise EOFError("the zstd stream ends before its last frame is complete")
                return 0
            while data:
                if self.between:
                    while len(data) < len(_ZSTD_MAGIC):  # the next frame's magic, whole
                        more = self.raw.read(len(_ZSTD_MAGIC) - len(data))
                        if not more:
                            break
                        data += more
                    if not data.startswith(_ZSTD_MAGIC):
                        raise EOFError("trailing data after the end of the zstd stream")
                    self.obj = self.zstandard.ZstdDecompressor().decompressobj()
                    self.between = False
                try:
                    self.pending += self.obj.decompress(data)
                except self.zstandard.ZstdError as e:
                    raise EOFError(f"corrupt zstd data: {e}") from None
                data = b""
                if self.obj.eof:
                    self.between = True
                    data = self.obj.unused_data
        n = min(len(b), len(self.pending))
        b[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n

    def close(self):
        self.raw.close()
        super().close()


def _open_text(path):
    with open(path, "rb") as raw:
        magic = raw.read(4)
    if magic == _ZSTD_MAGIC:
        return io.TextIOWrapper(io.BufferedReader(_ZstdRaw(path), 1 << 20), encoding="utf-8", newline="")
    if magic[:2] == b"\x1f\x8b" or str(path).endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "r", encoding="utf-8", newline="")


class _Reader:
    """An incremental JSON reader over a text stream: a buffer that grows only
    while one value is incomplete, and positions reported as line and column of
    the whole file."""

    def __init__(self, f, path, parse_float=float):
        self.f = f
        self.path = str(path)
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.line0 = 1  # line and column (1-based) of buf[0]
        self.col0 = 1
        self.start = 0  # where the last value() began, for callers' errors
        self.decoder = json.JSONDecoder(parse_float=parse_float, parse_constant=_no_constant)

    # -- positions and errors
    def where(self, pos):
        newlines = self.buf.count("\n", 0, pos)
        if newlines == 0:
            return self.line0, self.col0 + pos
        return self.line0 + newlines, pos - self.buf.rfind("\n", 0, pos)

    def error(self, pos, message):
        line, col = self.where(pos)
        return ValueError(f"{self.path}:{line}:{col}: {message}")

    # -- buffer
    def _more(self):
        """Drops what was consumed, reads at least as much again; False at EOF."""
        if self.eof:
            return False
        if self.pos:
            dropped = self.buf[: self.pos]
            newlines = dropped.count("\n")
            if newlines:
                self.line0 += newlines
                self.col0 = len(dropped) - dropped.rfind("\n")
            else:
                self.col0 += len(dropped)
            self.buf = self.buf[self.pos :]
            self.start -= self.pos
            self.pos = 0
        try:
            chunk = self.f.read(max(_CHUNK, len(self.buf)))
        except UnicodeDecodeError as e:
            raise self.error(len(self.buf), f"not UTF-8 text ({e.reason})") from None
        except (OSError, EOFError, zlib.error) as e:  # gzip, zstd: truncated or corrupt stream
            raise self.error(len(self.buf), f"cannot read: {e}") from None
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def peek(self, what):
        """The next non-blank character; an error naming `what` at EOF."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                raise self.error(self.pos, f"unexpected end of file, expected {what}")

    def at_eof(self):
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return False
            if not self._more():
                return True

    def expect(self, chars, what):
        c = self.peek(what)
        if c not in chars:
            raise self.error(self.pos, f"expected {what}, found {c!r}")
        self.pos += 1
        return c

    def value(self, what):
        """Decodes one JSON value starting at the next non-blank character."""
        self.peek(what)
        while True:
            try:
                v, end = self.decoder.raw_decode(self.buf, self.pos)
                # A number or literal touching the buffer's end may continue in the next chunk.
                if end < len(self.buf) or self.eof:
                    self.start, self.pos = self.pos, end
                    return v
            except json.JSONDecodeError as e:
                truncated = e.pos >= len(self.buf) - 8 or e.msg.startswith("Unterminated string")
                if self.eof or not truncated:
                    raise self.error(e.pos, f"expected {what}: {e.msg}") from None
            except ValueError as e:  # NaN / Infinity
                raise self.error(self.pos, f"expected {what}: {e}") from None
            if not self._more():
                continue  # at EOF now: the next pass reports or accepts


def _read_object(reader, header, stream_key, on_item, what_item, on_member=None):
    """Reads the top-level object: every member but `stream_key` into `header` (as it
    arrives, so on_item sees the members written before the array); the array under
    `stream_key` element by element through on_item(index, value).  Returns the number
    of elements streamed, or None when the key is absent."""
    count = None
    reader.expect("{", "'{' (a JSON object)")
    if reader.peek("a key or '}'") == "}":
        reader.pos += 1
    else:
        while True:
            key = reader.value("a key string")
            if not isinstance(key, str):
                raise reader.error(reader.start, "expected a key string")
            reader.expect(":", f"':' after key {key!r}")
            if key == stream_key:
                reader.expect("[", f"'[' to start {key!r}")
                count = 0
                if reader.peek(f"{what_item} or ']'") == "]":
                    reader.pos += 1
                else:
                    while True:
                        item = reader.value(f"{what_item} ({key}[{count}])")
                        on_item(count, item)
                        count += 1
                        if reader.expect(",]", f"',' or ']' after {key}[{count - 1}]") == "]":
                            break
            else:
                header[key] = reader.value(f"a value for {key!r}")
                if on_member:  # e.g. a wrong "format" is reported before the bulk is read
                    on_member(key, header[key])
            if reader.expect(",}", "',' or '}' after a member of the top-level object") == "}":
                break
    if not reader.at_eof():
        raise reader.error(reader.pos, "expected end of file after the top-level object")
    return count


def _stream(path, stream_key, on_item, what_item, parse_float=float, on_member=None):
    """Streams `path`; on_item(reader, header so far, index, value).  Returns (header, count)."""
    try:
        f = _open_text(path)
    except OSError as e:
        raise ValueError(f"{path}: cannot open: {e.strerror or e}") from None
    header = {}
    with f:
        reader = _Reader(f, path, parse_float)
        count = _read_object(reader, header, stream_key,
                             lambda i, v: on_item(reader, header, i, v), what_item, on_member)
    return header, count


# --------------------------------------------------------------------------- datasets


def _dataset_rational(text):
    """(exact Fraction, nearest double) of a dataset string, or None if malformed."""
    if not isinstance(text, str) or not _DATASET_RATIONAL.match(text):
        return None
    p, _, q = text.partition("/")
    p = int(p)
    if not q:
        try:
            return Fraction(p), float(p)
        except OverflowError:
            return Fraction(p), (math.inf if p > 0 else -math.inf)
    q = int(q)
    if q == 1 or math.gcd(p, q) != 1:
        return None  # not in lowest terms: the format says every writer normalises
    try:
        f = p / q  # int / int rounds correctly to the nearest double
    except OverflowError:
        f = (math.inf if p > 0 else -math.inf)
    return Fraction(p, q), f


def _pair(value):
    if not isinstance(value, list) or len(value) != 2:
        return None
    a, b = _dataset_rational(value[0]), _dataset_rational(value[1])
    return None if a is None or b is None else (a, b)


_PAIR_HINT = 'a pair of rational strings ["p", "p/q"] in lowest terms'


class Dataset:
    """A Train-F2NN instance: see the module docstring."""

    def __init__(self, path, header, X, Y, label_index, labels, label_strings):
        self.path = str(path)
        self.header = header  # every top-level member except "points"
        self.X = X
        self.Y = Y
        self.label_index = label_index
        self.labels = labels
        self.label_strings = label_strings
        self.hidden_neurons = header["hidden_neurons"]
        self.meta = header.get("meta") or {}
        self.version = header["version"]

    def __len__(self):
        return len(self.X)

    def __repr__(self):
        return (f"Dataset({self.path!r}: {len(self)} points, {len(self.labels)} labels, "
                f"{self.hidden_neurons} hidden neurons)")

    def exact(self):
        """(X, Y) as lists of (Fraction, Fraction), parsed again from the file's strings."""
        X, Y = [], []

        def point(reader, header, i, p):
            x = _pair(p.get("x")) if isinstance(p, dict) else None
            y = _pair(p.get("y")) if isinstance(p, dict) else None
            if x is None or y is None:  # the file changed since load_dataset read it
                raise reader.error(reader.start, f'points[{i}]: expected "x" and "y", {_PAIR_HINT}')
            X.append((x[0][0], x[1][0]))
            Y.append((y[0][0], y[1][0]))

        _stream(self.path, "points", point, "a point")
        if len(X) != len(self.X):
            raise ValueError(f"{self.path}: changed since it was loaded ({len(X)} points, was {len(self.X)})")
        return X, Y


def _check_header(path, h, only_format=False):
    def fail(message):
        raise ValueError(f"{path}: {message}")

    if "format" not in h:
        fail('missing "format" (expected "etr2nn-dataset")')
    if h["format"] != "etr2nn-dataset":
        hint = " (this is a network file: use load_network)" if h["format"] == "etr2nn-network" else ""
        fail(f'"format" is {h["format"]!r}, expected "etr2nn-dataset"{hint}')
    if only_format:
        return
    for key in ("version", "inputs", "outputs", "hidden_neurons", "target_error", "labels"):
        if key not in h:
            fail(f'missing "{key}"')
    if h["version"] not in (1, 2) or isinstance(h["version"], bool):
        fail(f'"version" is {h["version"]!r}, expected 2')
    if h["version"] == 1 and h.get("meta"):
        fail("version 1 with a meta (the stacked layout) is no longer read; recompile it")
    for key in ("inputs", "outputs"):
        if h[key] != 2 or isinstance(h[key], bool):
            fail(f'"{key}" is {h[key]!r}, expected 2')
    m = h["hidden_neurons"]
    if not isinstance(m, int) or isinstance(m, bool) or m < 0:
        fail(f'"hidden_neurons" is {m!r}, expected a non-negative integer')
    if h["target_error"] != "0":
        fail(f'"target_error" is {h["target_error"]!r}, expected "0"')
    if not isinstance(h["labels"], list):
        fail('"labels" is not an array')
    if "meta" in h and h["meta"] is not None and not isinstance(h["meta"], dict):
        fail('"meta" is not an object')


def load_dataset(path):
    """Reads an etr2nn dataset (docs/dataset-format.md) incrementally."""
    xs = array("d")
    label_of = array("l")
    keys = {}  # label strings -> index, from "labels"
    pending = []  # (point index, label strings, line, col) whose label was not known yet

    def point(reader, header, i, p):
        if i == 0 and "labels" in header:  # the writer's order: labels before points
            _index_labels(path, header["labels"], keys)
        if not isinstance(p, dict) or "x" not in p or "y" not in p:
            raise reader.error(reader.start, f'points[{i}]: expected an object with "x" and "y"')
        x = _pair(p["x"])
        if x is None:
            got = json.dumps(p["x"], default=repr)
            raise reader.error(reader.start, f"points[{i}].x: expected {_PAIR_HINT}, got {got}")
        y = p["y"]
        if _pair(y) is None:
            got = json.dumps(y, default=repr)
            raise reader.error(reader.start, f"points[{i}].y: expected {_PAIR_HINT}, got {got}")
        xs.append(x[0][1])
        xs.append(x[1][1])
        k = keys.get(tuple(y))
        if k is None:  # "labels" comes later in this file, or y is not a label: decided below
            line, col = reader.where(reader.start)
            pending.append((i, tuple(y), line, col))
            k = -1
        label_of.append(k)

    def member(key, value):
        if key == "format":
            _check_header(path, {"format": value}, only_format=True)

    header, count = _stream(path, "points", point, "a point", on_member=member)
    _check_header(path, header)
    if count is None:
        raise ValueError(f'{path}: missing "points"')
    if not keys:
        _index_labels(path, header["labels"], keys)
    for i, y, line, col in pending:
        k = keys.get(y)
        if k is None:
            raise ValueError(f'{path}:{line}:{col}: points[{i}].y = {list(y)} is not one of "labels"')
        label_of[i] = k
    label_strings = [None] * len(keys)
    for strings, k in keys.items():
        label_strings[k] = strings
    labels = [tuple(_dataset_rational(s)[0] for s in strings) for strings in label_strings]
    label_floats = np.array([[_dataset_rational(s)[1] for s in strings] for strings in label_strings],
                            dtype=np.float64).reshape(len(labels), 2)
    index = np.frombuffer(label_of, dtype=np.dtype("l")).astype(np.int64) if count else np.zeros(0, np.int64)
    X = np.frombuffer(xs, dtype=np.float64).reshape(-1, 2).copy() if count else np.zeros((0, 2))
    Y = label_floats[index] if count else np.zeros((0, 2))
    return Dataset(path, header, X, Y, index, labels, label_strings)


def _index_labels(path, labels, keys):
    if not isinstance(labels, list):
        raise ValueError(f'{path}: "labels" is not an array')
    for j, lab in enumerate(labels):
        if _pair(lab) is None:
            raise ValueError(f"{path}: labels[{j}]: expected {_PAIR_HINT}, got {json.dumps(lab, default=repr)}")
        if tuple(lab) in keys:
            raise ValueError(f"{path}: labels[{j}] = {lab} is listed twice")
        keys[tuple(lab)] = len(keys)


# --------------------------------------------------------------------------- exact reals


def _sign_nd(coeffs, n, d):
    """Sign of sum coeffs[k] x^k at x = n/d (d > 0), in integer arithmetic."""
    deg = len(coeffs) - 1
    acc = 0
    dpow = 1
    # Horner from the top: acc = sum_k c_k n^k d^(deg-k) = d^deg p(n/d), whose sign is p's.
    for k in range(deg, -1, -1):
        acc = acc * n + coeffs[k] * dpow
        dpow *= d
    return (acc > 0) - (acc < 0)


def _sign(coeffs, x):
    return _sign_nd(coeffs, x.numerator, x.denominator)


def _trim(p):
    while p and p[-1] == 0:
        p.pop()
    return p


def _divmod_poly(a, b):
    a = list(a)
    q = [Fraction(0)] * max(len(a) - len(b) + 1, 1)
    while len(a) >= len(b) and a:
        f = Fraction(a[-1]) / b[-1]
        shift = len(a) - len(b)
        q[shift] = f
        for i, c in enumerate(b):
            a[shift + i] -= f * c
        a.pop()
        _trim(a)
    return q, a


def _eval(p, x):
    acc = Fraction(0)
    for c in reversed(p):
        acc = acc * x + c
    return acc


def _roots_in_open(coeffs, lo, hi):
    """The number of distinct real roots of the polynomial in (lo, hi), by Sturm's theorem."""
    p = _trim([Fraction(c) for c in coeffs])
    for end in (lo, hi):  # divide out a root at an end so that the count is of the open interval
        while len(p) > 1 and _eval(p, end) == 0:
            p, _ = _divmod_poly(p, [-end, Fraction(1)])
    if len(p) <= 1:
        return 0
    seq = [p, _trim([k * c for k, c in enumerate(p)][1:])]
    while len(seq[-1]) > 1:
        _, r = _divmod_poly(seq[-2], seq[-1])
        if not r:
            break
        seq.append([-c for c in r])

    def variations(x):
        signs = [s for s in ((v > 0) - (v < 0) for v in (_eval(q, x) for q in seq)) if s]
        return sum(1 for a, b in zip(signs, signs[1:]) if a != b)

    return variations(lo) - variations(hi)


class Algebraic:
    """The unique root of sum coeffs[k] x^k in the open interval (lo, hi): an exact
    real algebraic number as etr2nn writes it (docs/network-format.md).  `field`
    holds its coordinates in the file's number field, when given.  float() is the
    double found by bisection on exact rationals (within one ulp of the root)."""

    __slots__ = ("coeffs", "lo", "hi", "field", "_float")

    def __init__(self, coeffs, lo, hi, field=None, check=True):
        self.coeffs = tuple(int(c) for c in coeffs)
        self.lo, self.hi = Fraction(lo), Fraction(hi)
        self.field = tuple(field) if field is not None else None
        self._float = None
        if check:
            if not any(self.coeffs[1:]):
                raise ValueError("root_of is a constant polynomial")
            if not self.lo < self.hi:
                raise ValueError(f"the interval ({self.lo}, {self.hi}) is empty")
            n = _roots_in_open(self.coeffs, self.lo, self.hi)
            if n != 1:
                raise ValueError(f"root_of has {n} roots in ({self.lo}, {self.hi}), expected exactly 1")

    def refine(self, width):
        """An interval (lo, hi) around the root with hi - lo <= width, or a point (r, r)."""
        # Bisection on integer numerators over one power-of-two-scaled denominator: the
        # same midpoints as Fraction arithmetic without a gcd per step.
        den = self.lo.denominator * self.hi.denominator
        a = self.lo.numerator * self.hi.denominator
        b = self.hi.numerator * self.lo.denominator
        s_lo = _sign_nd(self.coeffs, a, den)
        while Fraction(b - a, den) > width:
            a, b, den = 2 * a, 2 * b, 2 * den
            mid = (a + b) // 2
            s = _sign_nd(self.coeffs, mid, den)
            if s == 0:
                return Fraction(mid, den), Fraction(mid, den)
            if s == s_lo:
                a = mid
            else:
                b = mid
        return Fraction(a, den), Fraction(b, den)

    def __float__(self):
        if self._float is None:
            # Bisect (as in refine) until both ends round to the same double; the root, strictly
            # between them, then rounds to it too, or to a neighbour when it sits on a rounding
            # boundary: within one ulp.
            den = self.lo.denominator * self.hi.denominator
            a = self.lo.numerator * self.hi.denominator
            b = self.hi.numerator * self.lo.denominator
            s_lo = _sign_nd(self.coeffs, a, den)
            for _ in range(4000):  # enough to reach below the smallest subnormal
                try:
                    if a / den == b / den:
                        break
                except OverflowError:  # beyond double range: the sign says which infinity
                    a = b = (1 if a > 0 else -1) * (1 << 1100)
                    den = 1
                    break
                a, b, den = 2 * a, 2 * b, 2 * den
                mid = (a + b) // 2
                s = _sign_nd(self.coeffs, mid, den)
                if s == 0:
                    a = b = mid
                    break
                if s == s_lo:
                    a = mid
                else:
                    b = mid
            try:
                self._float = (a + b) / (2 * den)
            except OverflowError:
                self._float = math.inf if a > 0 else -math.inf
        return self._float

    def __repr__(self):
        return f"Algebraic(root_of={list(self.coeffs)}, in=({self.lo}, {self.hi}), ~{float(self):.17g})"


def _network_rational(text):
    if not _NETWORK_RATIONAL.match(text):
        return None
    try:
        return Fraction(text)  # Fraction reads "p", "p/q" and exact decimals exactly
    except (ValueError, ZeroDivisionError):
        return None


def _real(value, where):
    """A network value: Fraction or Algebraic; ValueError naming `where` otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"{where}: expected an exact real, got {json.dumps(value)}")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, _JsonFloat):
        raise ValueError(f'{where}: JSON float {value.text} is not exact; write it as a string ("{value.text}")')
    if isinstance(value, str):
        r = _network_rational(value)
        if r is None:
            raise ValueError(f'{where}: expected a rational "p", "p/q" or an exact decimal, got {value!r}')
        return r
    if isinstance(value, dict):
        return _algebraic(value, where)
    raise ValueError(f"{where}: expected an exact real (string or root_of object), got {json.dumps(value, default=repr)}")


def _integer(value, where):
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INTEGER.match(value):
        return int(value)
    raise ValueError(f"{where}: expected an integer, got {json.dumps(value, default=repr)}")


def _algebraic(obj, where):
    unknown = set(obj) - {"root_of", "in", "field"}
    if unknown or "root_of" not in obj or "in" not in obj:
        raise ValueError(f'{where}: expected {{"root_of": [...], "in": [lo, hi]}} (optionally "field"), '
                         f"got keys {sorted(obj)}")
    coeffs = obj["root_of"]
    if not isinstance(coeffs, list) or len(coeffs) < 2:
        raise ValueError(f"{where}.root_of: expected at least two integer coefficients")
    coeffs = [_integer(c, f"{where}.root_of[{k}]") for k, c in enumerate(coeffs)]
    ends = obj["in"]
    if not isinstance(ends, list) or len(ends) != 2:
        raise ValueError(f"{where}.in: expected a pair [lo, hi]")
    lo, hi = (_real(e, f"{where}.in[{k}]") for k, e in enumerate(ends))
    if not isinstance(lo, Fraction) or not isinstance(hi, Fraction):
        raise ValueError(f"{where}.in: the ends must be rational")
    field = None
    if "field" in obj:
        f = obj["field"]
        if not isinstance(f, list) or not f:
            raise ValueError(f"{where}.field: expected a non-empty array of rationals")
        field = []
        for k, c in enumerate(f):
            r = _real(c, f"{where}.field[{k}]")
            if not isinstance(r, Fraction):
                raise ValueError(f"{where}.field[{k}]: expected a rational")
            field.append(r)
    try:
        return Algebraic(coeffs, lo, hi, field)
    except ValueError as e:
        raise ValueError(f"{where}: {e}") from None


class Field:
    """The network's number field Q(theta)(sqrt r_1)...(sqrt r_k) (docs/network-format.md)."""

    def __init__(self, theta, square_roots):
        self.theta = theta
        self.square_roots = square_roots  # coordinates of r_i, one level down each
        self.degree = len(theta.coeffs) - 1
        self._generators = None

    def size(self, height):
        return self.degree << height

    def approximate(self, coords, precision=300):
        """A rational within about 2^-precision * (size of coords) of the field element."""
        if self._generators is None or self._generators[0] != precision:
            # theta and the square roots to 2^-precision, once per field (each weight reuses them).
            eps = Fraction(1, 1 << precision)
            t = sum(self.theta.refine(eps)) / 2
            roots = []
            for i, r in enumerate(self.square_roots):
                v = self._value(r, i, t, roots)
                if v < 0:
                    raise ValueError(f"field.square_roots[{i}] is negative")
                scale = 1 << precision
                roots.append(Fraction(math.isqrt(int(v * scale * scale)), scale))
            self._generators = (precision, t, roots)
        _, t, roots = self._generators
        return self._value(coords, len(self.square_roots), t, roots)

    def _value(self, coords, height, t, roots):
        if height == 0:
            acc = Fraction(0)
            for c in reversed(coords):
                acc = acc * t + c
            return acc
        half = len(coords) // 2
        return (self._value(coords[:half], height - 1, t, roots)
                + self._value(coords[half:], height - 1, t, roots) * roots[height - 1])


def _parse_field(obj, where="field"):
    if not isinstance(obj, dict) or "theta" not in obj or "square_roots" not in obj:
        raise ValueError(f'{where}: expected {{"theta": ..., "square_roots": [...]}}')
    theta = _real(obj["theta"], f"{where}.theta")
    if not isinstance(theta, Algebraic):
        raise ValueError(f"{where}.theta: expected a root_of object")
    field = Field(theta, [])
    if not isinstance(obj["square_roots"], list):
        raise ValueError(f"{where}.square_roots: expected an array")
    for i, r in enumerate(obj["square_roots"]):
        w = f"{where}.square_roots[{i}]"
        if not isinstance(r, list) or len(r) != field.size(i):
            raise ValueError(f"{w}: expected {field.size(i)} rational coordinates")
        field.square_roots.append([_real(c, f"{w}[{k}]") for k, c in enumerate(r)])
    return field


def _check_coordinates(field, value, where):
    """Rejects a weight whose field coordinates do not name its root_of/in root.
    Checked numerically to about 2^-200 (etr2nn itself checks it exactly)."""
    height = len(field.square_roots)
    if len(value.field) != field.size(height):
        raise ValueError(f"{where}.field: expected {field.size(height)} coordinates, got {len(value.field)}")
    approx = field.approximate(value.field)
    lo, hi = value.refine(Fraction(1, 1 << 300))
    tolerance = Fraction(1, 1 << 200) * (1 + sum(abs(c) for c in value.field))
    if not (lo - tolerance <= approx <= hi + tolerance):
        raise ValueError(f"{where}: its field coordinates give {float(approx):.17g}, "
                         f"but root_of/in isolates {float(value):.17g}")


# --------------------------------------------------------------------------- networks


class Neuron:
    """One hidden neuron: ReLU(a . x + b) * v, exact."""

    __slots__ = ("a", "b", "v")

    def __init__(self, a, b, v):
        self.a, self.b, self.v = a, b, v

    def __repr__(self):
        return f"Neuron(a={self.a}, b={self.b}, v={self.v})"


class Network:
    """f(x) = c + sum_i ReLU(a_i . x + b_i) v_i: exact (.c, .neurons) and float64 arrays
    .A (m x 2), .B (m), .V (m x 2), .C (2)."""

    def __init__(self, path, header, c, neurons, field):
        self.path = str(path)
        self.header = header
        self.c = c
        self.neurons = neurons
        self.field = field
        self.meta = header.get("meta") or {}
        self.hidden_neurons = len(neurons)
        self.A = np.array([[float(v) for v in n.a] for n in neurons], dtype=np.float64).reshape(-1, 2)
        self.B = np.array([float(n.b) for n in neurons], dtype=np.float64)
        self.V = np.array([[float(v) for v in n.v] for n in neurons], dtype=np.float64).reshape(-1, 2)
        self.C = np.array([float(v) for v in c], dtype=np.float64)

    def exact(self):
        """(c, neurons): the exact values (Fraction or Algebraic)."""
        return self.c, self.neurons

    def is_rational(self):
        return all(isinstance(v, Fraction) for n in self.neurons for v in (*n.a, n.b, *n.v))

    def __call__(self, X):
        """float64 outputs at the rows of X (n x 2)."""
        return self.C + np.maximum(np.asarray(X, dtype=np.float64) @ self.A.T + self.B, 0.0) @ self.V

    def __repr__(self):
        return f"Network({self.path!r}: {self.hidden_neurons} neurons)"


def load_network(path):
    """Reads an etr2nn network file (docs/network-format.md), neurons incrementally."""
    neurons = []
    field_state = {}

    def neuron(reader, header, i, obj):
        if "field" in header and "field" not in field_state:
            field_state["field"] = _located(reader, lambda: _parse_field(header["field"]))
        where = f"neurons[{i}]"

        def parse():
            if not isinstance(obj, dict) or not {"a", "b", "v"} <= set(obj):
                raise ValueError(f'{where}: expected an object with "a", "b" and "v"')
            a = _real_pair(obj["a"], f"{where}.a")
            b = _real(obj["b"], f"{where}.b")
            v = _real_pair(obj["v"], f"{where}.v")
            return Neuron(a, b, v)

        n = _located(reader, parse)
        field = field_state.get("field")
        if field is not None:
            for name, value in (("a[0]", n.a[0]), ("a[1]", n.a[1]), ("b", n.b), ("v[0]", n.v[0]), ("v[1]", n.v[1])):
                if isinstance(value, Algebraic) and value.field is not None:
                    _located(reader, lambda: _check_coordinates(field, value, f"{where}.{name}"))
        neurons.append(n)

    # JSON floats are kept as text so that a float weight is rejected, not rounded.
    def member(key, value):
        if key == "format" and value != "etr2nn-network":
            hint = " (this is a dataset: use load_dataset)" if value == "etr2nn-dataset" else ""
            raise ValueError(f'{path}: "format" is {_plain(value)!r}, expected "etr2nn-network"{hint}')

    header, count = _stream(path, "neurons", neuron, "a neuron", parse_float=_JsonFloat, on_member=member)
    if "meta" in header:
        header["meta"] = _plain(header["meta"])

    def fail(message):
        raise ValueError(f"{path}: {message}")

    if header.get("format") != "etr2nn-network":
        hint = " (this is a dataset: use load_dataset)" if header.get("format") == "etr2nn-dataset" else ""
        fail(f'"format" is {header.get("format")!r}, expected "etr2nn-network"{hint}')
    if "version" in header and header["version"] != 1:
        fail(f'"version" is {header["version"]!r}, expected 1')
    if count is None:
        fail('missing "neurons"')
    if "c" not in header:
        fail('missing "c"')
    try:
        c = _real_pair(header["c"], "c")
    except ValueError as e:
        fail(str(e))
    if "hidden_neurons" in header and header["hidden_neurons"] != count:
        fail(f'"hidden_neurons" is {header["hidden_neurons"]!r} but {count} neurons are listed')
    field = field_state.get("field")
    if field is None and "field" in header:  # "field" came after the neurons: check now
        try:
            field = _parse_field(header["field"])
            for i, n in enumerate(neurons):
                for name, value in (("a[0]", n.a[0]), ("a[1]", n.a[1]), ("b", n.b), ("v[0]", n.v[0]), ("v[1]", n.v[1])):
                    if isinstance(value, Algebraic) and value.field is not None:
                        _check_coordinates(field, value, f"neurons[{i}].{name}")
        except ValueError as e:
            fail(str(e))
    return Network(path, header, c, neurons, field)


def _plain(value):
    """`value` with every _JsonFloat turned into a float (the free-form meta)."""
    if isinstance(value, _JsonFloat):
        return float(value.text)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _real_pair(value, where):
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"{where}: expected a pair of exact reals")
    return (_real(value[0], f"{where}[0]"), _real(value[1], f"{where}[1]"))


def _located(reader, parse):
    """Runs parse(); a ValueError gets the file, line and column of the current element."""
    try:
        return parse()
    except ValueError as e:
        raise reader.error(reader.start, str(e)) from None
