#!/usr/bin/python3
"""CTest driver for python/ (test `python_loader_trainer`): the streaming loader,
the trainer and bench/training, on datasets compiled by the etr2nn under test.

usage: test_python.py --etr2nn BIN --samples DIR --work DIR [unittest options]

Needs Debian's python3-numpy and python3-torch (scripts/setup); without them the
test fails (exit 1), it never skips.
"""

import argparse
import contextlib
import gzip
import importlib.util
import io
import json
import os
import subprocess
import sys
import unittest
from fractions import Fraction
from importlib.machinery import SourceFileLoader

try:
    import numpy as np
    import torch  # noqa: F401  (train.py needs it; fail here with a clear message)
except ImportError as e:
    print(f"test_python.py: FAIL: {e}; install python3-numpy and python3-torch (scripts/setup) "
          f"and run with Debian's /usr/bin/python3", file=sys.stderr)
    sys.exit(1)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "python"))
import etr2nn_data  # noqa: E402
import train as trainer  # noqa: E402

ARGS = None  # set in main: etr2nn, samples, work


def compile_sample(name, witness=True):
    """Compiles samples/NAME.etr once per run; returns (dataset path, network path)."""
    data = os.path.join(ARGS.work, name + ".json")
    net = os.path.join(ARGS.work, name + ".network.json")
    if not os.path.exists(data) or (witness and not os.path.exists(net)):
        cmd = [ARGS.etr2nn, "compile", os.path.join(ARGS.samples, name + ".etr"), "-o", data, "--quiet"]
        if witness:
            cmd += ["--witness", net]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{r.stdout}{r.stderr}")
    return data, net


def write(name, text, gz=False):
    path = os.path.join(ARGS.work, name)
    if gz:
        with gzip.open(path, "wt") as f:
            f.write(text)
    else:
        with open(path, "w") as f:
            f.write(text)
    return path


def in_process(main, argv):
    """(exit code, stdout, stderr) of a script's main(argv), run in this process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


class Teacher:
    """What train() needs of a Dataset, for targets made up in a test."""

    def __init__(self, X, Y, hidden_neurons):
        self.path, self.X, self.Y, self.hidden_neurons = "teacher", X, Y, hidden_neurons

    def __len__(self):
        return len(self.X)


class DatasetLoader(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path, cls.net = compile_sample("inv_rational_sat")
        with open(cls.path) as f:
            cls.text = f.read()
        cls.plain = json.loads(cls.text)  # a small file: the plain reader is the reference

    def assert_same(self, d):
        pts = self.plain["points"]
        self.assertEqual(len(d), len(pts))
        self.assertEqual(d.hidden_neurons, self.plain["hidden_neurons"])
        self.assertEqual(d.meta, self.plain["meta"])
        X, Y = d.exact()
        for i, p in enumerate(pts):
            # Exact values equal the file's strings, and the floats are their nearest doubles.
            self.assertEqual([str(v) for v in X[i]], p["x"])
            self.assertEqual([str(v) for v in Y[i]], p["y"])
            self.assertEqual(list(d.X[i]), [float(Fraction(s)) for s in p["x"]])
            self.assertEqual(list(d.Y[i]), [float(Fraction(s)) for s in p["y"]])
        self.assertEqual([list(map(str, lab)) for lab in d.labels], self.plain["labels"])
        self.assertEqual(d.X.dtype, np.float64)
        self.assertEqual(d.X.shape, (len(pts), 2))

    def test_exact_values_equal_the_files_strings(self):
        self.assert_same(etr2nn_data.load_dataset(self.path))

    def test_any_json_layout_and_gzip(self):
        one_line = json.dumps(self.plain)
        indented = json.dumps(self.plain, indent=3)
        reordered = dict(reversed(list(self.plain.items())))  # points first, labels last
        for name, text, gz in (("one_line.json", one_line, False), ("indented.json", indented, False),
                               ("reordered.json", json.dumps(reordered, indent=1), False),
                               ("gzipped.json.gz", self.text, True)):
            with self.subTest(name):
                self.assert_same(etr2nn_data.load_dataset(write(name, text, gz)))

    def zstd_file(self, name, data):
        path = os.path.join(ARGS.work, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_zstd_detected_by_content(self):
        import zstandard

        c = zstandard.ZstdCompressor(level=3, write_checksum=True)
        data = c.compress(self.text.encode())
        self.assert_same(etr2nn_data.load_dataset(self.zstd_file("d.json.zst", data)))
        # The name does not matter: the magic bytes do.
        self.assert_same(etr2nn_data.load_dataset(self.zstd_file("renamed.json", data)))
        # Two frames read as their concatenation (what etr2nn writes after a flush).
        half = len(self.text) // 2
        two = c.compress(self.text[:half].encode()) + c.compress(self.text[half:].encode())
        self.assert_same(etr2nn_data.load_dataset(self.zstd_file("two.json.zst", two)))
        saved = etr2nn_data._CHUNK
        etr2nn_data._CHUNK = 3  # frame boundaries and magic numbers split across reads
        try:
            self.assert_same(etr2nn_data.load_dataset(os.path.join(ARGS.work, "two.json.zst")))
        finally:
            etr2nn_data._CHUNK = saved

    def test_files_etr2nn_writes_compressed(self):
        # compile -o D.json.zst / D.json.gz: the loader reads what the tool writes.
        for ext in (".json.zst", ".json.gz"):
            with self.subTest(ext):
                path = os.path.join(ARGS.work, "written" + ext)
                cmd = [ARGS.etr2nn, "compile", os.path.join(ARGS.samples, "inv_rational_sat.etr"), "-o", path,
                       "--quiet"]
                r = subprocess.run(cmd, capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assert_same(etr2nn_data.load_dataset(path))

    def test_broken_zstd(self):
        import zstandard

        data = zstandard.ZstdCompressor(level=3, write_checksum=True).compress(self.text.encode())
        corrupt = bytearray(data)
        corrupt[len(data) // 2] ^= 0x55
        for name, bytes_, pattern in (("cut.json.zst", data[: len(data) // 2], r"ends before its last frame"),
                                      ("bad.json.zst", bytes(corrupt), r"corrupt zstd data"),
                                      ("tail.json.zst", data + b"junk", r"trailing data")):
            with self.subTest(name):
                path = self.zstd_file(name, bytes_)
                with self.assertRaises(ValueError) as cm:
                    etr2nn_data.load_dataset(path)
                self.assertIn(path, str(cm.exception))
                self.assertRegex(str(cm.exception), pattern)

    def test_tiny_read_chunks(self):
        # Every value straddles a chunk boundary: the incremental reader must wait for the
        # rest of a number instead of taking "1" of "12" (the values here are up to 4 digits).
        saved = etr2nn_data._CHUNK
        etr2nn_data._CHUNK = 3
        try:
            self.assert_same(etr2nn_data.load_dataset(write("one_line_small.json", json.dumps(self.plain))))
            self.assert_same(etr2nn_data.load_dataset(self.path))
        finally:
            etr2nn_data._CHUNK = saved

    def assert_rejected(self, name, text, pattern, line=None):
        path = write(name, text)
        with self.assertRaises(ValueError) as cm:
            etr2nn_data.load_dataset(path)
        message = str(cm.exception)
        self.assertTrue(message.startswith(path + ":"), message)
        self.assertRegex(message, pattern)
        if line is not None:
            self.assertTrue(message.startswith(f"{path}:{line}:"), message)
        return message

    def test_truncated_file(self):
        cut = self.text[: len(self.text) * 2 // 3]
        self.assert_rejected("truncated.json", cut, r"end of file|expected", line=cut.count("\n") + 1)

    def test_truncated_gzip(self):
        data = gzip.compress(self.text.encode())
        path = os.path.join(ARGS.work, "truncated.json.gz")
        with open(path, "wb") as f:
            f.write(data[: len(data) // 2])
        with self.assertRaises(ValueError) as cm:
            etr2nn_data.load_dataset(path)
        self.assertIn(path, str(cm.exception))

    def test_bad_rational_names_point_and_line(self):
        first = self.plain["points"][5]
        original = json.dumps(first["x"], separators=(",", ":"))
        self.assertIn(original, self.text)
        for bad in ('["1.5","0"]', '["2/4","0"]', '[1,"0"]', '["0"]'):
            with self.subTest(bad):
                text = self.text.replace(original, bad, 1)
                self.assert_rejected("bad_x.json", text, r"points\[\d+\]\.x: expected a pair of rational strings",
                                     line=line_of(text, bad))

    def test_label_not_listed(self):
        needle = '"y":["6","3"]'
        self.assertIn(needle, self.text)
        text = self.text.replace(needle, '"y":["6","5"]', 1)
        self.assert_rejected("bad_label.json", text, r'is not one of "labels"', line=line_of(text, '"y":["6","5"]'))

    def test_malformed_header_and_syntax(self):
        cases = (
            ("no_neurons.json", self.text.replace('"hidden_neurons": 58,', "", 1), r'missing "hidden_neurons"'),
            ("wrong_format.json", self.text.replace('"etr2nn-dataset"', '"etr2nn-network"', 1),
             r"expected \"etr2nn-dataset\" \(this is a network file"),
            ("trailing.json", self.text + "\n{}", r"expected end of file"),
            ("missing_comma.json", self.points_edit(lambda body: body.replace("},\n", "}\n", 1)),
             r"expected ',' or '\]' after points\[0\]"),
            ("nan.json", self.text.replace('"xf":[-752,0]', '"xf":[NaN,0]', 1), r"NaN is not JSON"),
        )
        for name, text, pattern in cases:
            with self.subTest(name):
                self.assertNotEqual(text, self.text)
                self.assert_rejected(name, text, pattern)

    def points_edit(self, edit):
        cut = self.text.index('\n  "points"')
        return self.text[:cut] + edit(self.text[cut:])

    def test_values_beyond_double_range(self):
        huge = "9" * 400
        body = json.loads(self.text)
        body["points"][0]["x"] = [huge, "-" + huge]
        body["points"][1]["x"] = ["1/" + huge, "0"]
        d = etr2nn_data.load_dataset(write("huge.json", json.dumps(body)))
        self.assertEqual(list(d.X[0]), [float("inf"), float("-inf")])
        self.assertEqual(d.X[1][0], 0.0)
        X, _ = d.exact()
        self.assertEqual(str(X[0][0]), huge)  # the exact value is untouched by the rounding

    def test_missing_file(self):
        with self.assertRaisesRegex(ValueError, "cannot open"):
            etr2nn_data.load_dataset(os.path.join(ARGS.work, "does-not-exist.json"))


class NetworkLoader(unittest.TestCase):
    def test_rational_witness_exact(self):
        _, net = compile_sample("inv_rational_sat")
        with open(net) as f:
            plain = json.load(f)
        n = etr2nn_data.load_network(net)
        self.assertTrue(n.is_rational())
        self.assertEqual(n.hidden_neurons, len(plain["neurons"]))
        for mine, theirs in zip(n.neurons, plain["neurons"]):
            self.assertEqual([str(v) for v in mine.a], theirs["a"])
            self.assertEqual(str(mine.b), theirs["b"])
            self.assertEqual([str(v) for v in mine.v], theirs["v"])
        self.assertEqual(n.A.shape, (n.hidden_neurons, 2))

    def test_algebraic_weights(self):
        _, net = compile_sample("inv_irrational_sat")  # x = 1/sqrt(2), y = sqrt(2)
        n = etr2nn_data.load_network(net)
        self.assertFalse(n.is_rational())
        self.assertIsNotNone(n.field)
        algebraic = [v for ne in n.neurons for v in (*ne.a, ne.b, *ne.v) if isinstance(v, etr2nn_data.Algebraic)]
        self.assertTrue(algebraic)
        for v in algebraic:
            f = float(v)
            self.assertIs(float(v), f)  # computed once, then cached
            self.assertTrue(v.lo <= Fraction(f) <= v.hi or abs(f - float(v.lo)) <= abs(f) * 1e-15)
            # The weights lie in Q(sqrt 2): the field coordinates give the same double.
            c0, c1 = v.field
            self.assertAlmostEqual(f, float(c0) + float(c1) * 2**0.5, delta=1e-12 * max(1.0, abs(f)))

    def test_any_member_order_and_tiny_chunks(self):
        # "field" after the neurons: the coordinates are checked once the field is known.
        _, net = compile_sample("inv_irrational_sat")
        with open(net) as f:
            data = json.load(f)
        reference = etr2nn_data.load_network(net)
        reordered = dict(reversed(list(data.items())))
        self.assertLess(list(reordered).index("neurons"), list(reordered).index("field"))
        saved = etr2nn_data._CHUNK
        etr2nn_data._CHUNK = 5
        try:
            n = etr2nn_data.load_network(write("reordered_network.json", json.dumps(reordered)))
        finally:
            etr2nn_data._CHUNK = saved
        self.assertEqual(n.B.tolist(), reference.B.tolist())
        self.assertEqual(n.V.tolist(), reference.V.tolist())

        def edit(d):
            i, b = self.first_algebraic(d)
            b["field"][1] = str(Fraction(b["field"][1]) * 2)
            return dict(reversed(list(d.items())))
        self.assertRegex(self.tamper("bad_field_last.json", edit), r"neurons\[\d+\]\.b: its field coordinates")

    def test_neuron_count_must_match(self):
        def edit(data):
            data["hidden_neurons"] += 1
        self.assertRegex(self.tamper("count.json", edit), r'"hidden_neurons" is 40 but 39 neurons are listed')

    def tamper(self, name, edit):
        _, net = compile_sample("inv_irrational_sat")
        with open(net) as f:
            data = json.load(f)
        data = edit(data) or data
        path = write(name, json.dumps(data, indent=1))
        with self.assertRaises(ValueError) as cm:
            etr2nn_data.load_network(path)
        return str(cm.exception)

    def first_algebraic(self, data):
        for i, ne in enumerate(data["neurons"]):
            if isinstance(ne["b"], dict):
                return i, ne["b"]
        self.fail("no algebraic bias")

    def test_rejects_wrong_field_coordinates(self):
        def edit(data):
            i, b = self.first_algebraic(data)
            b["field"][0] = str(Fraction(b["field"][0]) + 1)
        self.assertRegex(self.tamper("bad_field.json", edit), r"neurons\[\d+\]\.b: its field coordinates")

    def test_rejects_interval_with_two_roots(self):
        def edit(data):
            i, b = self.first_algebraic(data)
            b["in"] = ["-1000", "1000"]  # a quadratic with both roots inside
            del b["field"]
        self.assertRegex(self.tamper("two_roots.json", edit), r"neurons\[\d+\]\.b: root_of has 2 roots")

    def test_rejects_json_float(self):
        _, net = compile_sample("inv_rational_sat")
        with open(net) as f:
            text = f.read()
        text = text.replace('"b":"-5/2"', '"b":-2.5', 1)
        path = write("float_weight.json", text)
        with self.assertRaisesRegex(ValueError, r"neurons\[0\]\.b: JSON float -2.5 is not exact"):
            etr2nn_data.load_network(path)

    def test_sqrt2_chain_witness_evaluates(self):
        data, net = compile_sample("sqrt2")  # a general sentence: the chain, thousands of neurons
        d = etr2nn_data.load_dataset(data)
        n = etr2nn_data.load_network(net)
        self.assertFalse(n.is_rational())
        result = trainer.evaluate(d, n)
        # Coordinates reach about 2e5, so float64 cancels a few digits; still far below any
        # loss gradient descent reaches (see docs/training.md).
        self.assertLess(result["relative_loss"], 1e-15)
        self.assertLess(result["max_abs_error"], 1e-6)


class Training(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path, cls.net = compile_sample("inv_rational_sat")
        cls.dataset = etr2nn_data.load_dataset(cls.path)

    def test_fifty_steps_decrease_the_loss(self):
        result = trainer.train(self.dataset, steps=50, restarts=2, seed=3, lr=1e-2)
        for run in result["runs"]:
            self.assertLess(run["final"], run["initial"])
        self.assertEqual(result["best_loss"], min(r["best"] for r in result["runs"]))
        # The constant baseline is the labels' variance: what c = mean label alone achieves.
        c = self.dataset.Y.mean(axis=0)
        self.assertAlmostEqual(result["constant_loss"], float(np.mean((self.dataset.Y - c) ** 2)), places=12)

    def test_fits_a_small_teacher_network(self):
        # The yardstick for docs/training.md: on a target that a few ReLUs make (at a dataset's
        # coordinate scale), the trainer must get far below the constant fit; so a loss that
        # stays near it on an etr2nn dataset is the dataset's doing, not a broken trainer.
        rng = np.random.default_rng(0)
        X = rng.uniform(-500, 500, (300, 2))
        A, B, V = rng.normal(size=(4, 2)) / 300, rng.normal(size=4), rng.normal(size=(4, 2)) * 3
        teacher = Teacher(X, np.maximum(X @ A.T + B, 0) @ V, hidden_neurons=10)
        result = trainer.train(teacher, steps=300, restarts=1, seed=0)
        self.assertLess(result["best_loss"], 0.05 * result["constant_loss"])

    def test_deterministic_for_a_seed(self):
        a = trainer.train(self.dataset, steps=20, restarts=1, seed=7)
        b = trainer.train(self.dataset, steps=20, restarts=1, seed=7)
        c = trainer.train(self.dataset, steps=20, restarts=1, seed=8)
        self.assertEqual(a["runs"], b["runs"])
        self.assertNotEqual(a["runs"], c["runs"])

    def test_witness_float64_loss(self):
        result = trainer.evaluate(self.dataset, etr2nn_data.load_network(self.net))
        self.assertLess(result["loss"] / result["label_scale"], 1e-20)
        # The same loss by NumPy directly from the loader's arrays: the model is the network.
        n = etr2nn_data.load_network(self.net)
        direct = float(np.mean((n(self.dataset.X) - self.dataset.Y) ** 2))
        self.assertAlmostEqual(result["loss"], direct, delta=1e-25)

    def test_command_lines(self):
        # One real process (the shebang-less call CI makes); the rest in-process, to spare
        # torch's start-up time.
        train_py = os.path.join(ROOT, "python", "train.py")
        r = subprocess.run([sys.executable, train_py, self.path, "--steps", "5", "--restarts", "1", "--json"],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["steps"], 5)
        code, out, err = in_process(trainer.main, [self.path, "--evaluate", self.net])
        self.assertEqual(code, 0, err)
        self.assertRegex(out, r"^loss \d")
        code, out, err = in_process(trainer.main, [self.net])
        self.assertEqual(code, 1)
        self.assertIn("this is a network file", err)

    def test_bench_training_reads_a_suite_manifest(self):
        suite = os.path.join(ARGS.work, "suite")
        os.makedirs(suite, exist_ok=True)
        for name in ("d.json", "n.json"):
            if os.path.exists(os.path.join(suite, name)):
                os.remove(os.path.join(suite, name))
        os.symlink(self.path, os.path.join(suite, "d.json"))
        os.symlink(self.net, os.path.join(suite, "n.json"))
        manifest = {"format": "etr2nn-suite", "version": 1, "arguments": {},
                    "instances": [{"id": "sample-rational", "expected": "true",
                                   "files": {"dataset": "d.json", "witness": "n.json"}},
                                  {"id": "sample-nowitness", "expected": "false",
                                   "files": {"dataset": "d.json", "witness": None}}]}
        with open(os.path.join(suite, "manifest.json"), "w") as f:
            json.dump(manifest, f)
        loader = SourceFileLoader("bench_training", os.path.join(ROOT, "bench", "training"))
        bench = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
        loader.exec_module(bench)
        plot = os.path.join(ARGS.work, "training.svg")
        code, out, err = in_process(bench.main, [suite, "--steps", "3", "--restarts", "1",
                                                 "--svg", plot])
        self.assertEqual(code, 0, err)
        # The plot: well-formed SVG, one mark per instance (a circle for the true one, a
        # square for the false one), the true one's witness on the axis, each titled.
        import xml.etree.ElementTree as ET
        svg = ET.parse(plot).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        titles = [t.text for t in svg.iter(ns + "title")]
        self.assertEqual(len(titles), 2, titles)
        self.assertTrue(titles[0].startswith("sample-rational: true"), titles)
        self.assertTrue(titles[1].startswith("sample-nowitness: false"), titles)
        self.assertEqual(len([c for c in svg.iter(ns + "circle") if c.find(ns + "title") is not None]), 1)
        code, _, err = in_process(bench.main, [suite, "--svg", plot + ".png"])
        self.assertEqual(code, 2)
        self.assertIn("must end in .svg", err)
        rows = [line for line in out.splitlines() if line.startswith("| sample-")]
        self.assertEqual(len(rows), 2, out)
        cells = [c.strip() for c in rows[0].strip("|").split("|")]
        self.assertEqual(cells[:4], ["sample-rational", "true", "478", "58"])
        self.assertLess(float(cells[-1]), 1e-20 * float(np.mean(self.dataset.Y ** 2)))
        self.assertEqual([c.strip() for c in rows[1].strip("|").split("|")][-1], "-")


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--etr2nn", required=True)
    p.add_argument("--samples", required=True)
    p.add_argument("--work", required=True)
    ARGS, rest = p.parse_known_args()
    os.makedirs(ARGS.work, exist_ok=True)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
