#!/usr/bin/python3
"""CTest driver for `etr2nn view` in a real browser (test `viewer_browser`).

Headless Chromium from Debian, driven through chromedriver by python3-selenium
(scripts/setup installs chromium, chromium-driver and python3-selenium). Without
any of them the test fails (exit 1); it never skips.

usage: test_viewer_browser.py --etr2nn BIN --samples DIR --work DIR [unittest options]
       test_viewer_browser.py --etr2nn BIN --work DIR --measure DATASET.json CONSTRAINT
         (no test: writes the viewer of DATASET.json (or takes a page .html written
          already), opens it, finds CONSTRAINT and
          prints the page's size and the times taken; how the 10^4-constraint
          numbers in docs/viewer.md were measured)

Everything the assertions compare against is computed here from the files
themselves (exact coordinates and labels from the dataset, misses by evaluating
the network exactly with fractions), never copied from the page.
"""

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import time
import unittest
import zlib
from fractions import Fraction

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as e:
    print(f"test_viewer_browser.py: FAIL: {e}; install python3-selenium (scripts/setup) and run "
          f"with Debian's /usr/bin/python3", file=sys.stderr)
    sys.exit(1)

ARGS = None


def find_program(*names):
    for name in names:
        path = shutil.which(name) or (name if os.path.exists(name) else None)
        if path:
            return path
    print(f"test_viewer_browser.py: FAIL: none of {names} found; install chromium and "
          f"chromium-driver (scripts/setup)", file=sys.stderr)
    sys.exit(1)


def etr2nn(*args):
    r = subprocess.run([ARGS.etr2nn, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"etr2nn {' '.join(args)} failed ({r.returncode}):\n{r.stderr}")
    return r.stdout


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = find_program("chromium", "/usr/bin/chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,860",
              "--force-device-scale-factor=1", "--disable-dev-shm-usage"):
        options.add_argument(a)
    service = Service(executable_path=find_program("chromedriver", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def open_page(driver, path):
    """Loads the page; returns seconds from navigation to the viewer being ready."""
    start = time.monotonic()
    driver.get("file://" + os.path.abspath(path))
    WebDriverWait(driver, 120).until(
        lambda d: d.execute_script("return !!(window.etr2nnView && window.etr2nnView.ready)"))
    return time.monotonic() - start


def png_colours(png):
    """Distinct RGB(A) colours of a PNG (8-bit, colour types 2 or 6), decoded with zlib."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), (depth, ctype)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours = set()
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            colours.add(bytes(line[x:x + bpp]))
        prev = line
    return colours


def misses(dataset, network):
    """The points the network does not fit, with f(x) - y, exactly (rational weights only)."""
    F = Fraction
    c = [F(v) for v in network["c"]]
    neurons = [([F(v) for v in n["a"]], F(n["b"]), [F(v) for v in n["v"]])
               for n in network["neurons"]]
    out = {}
    for i, p in enumerate(dataset["points"]):
        x = [F(v) for v in p["x"]]
        f = list(c)
        for a, b, v in neurons:
            z = a[0] * x[0] + a[1] * x[1] + b
            if z > 0:
                f[0] += z * v[0]
                f[1] += z * v[1]
        err = (f[0] - F(p["y"][0]), f[1] - F(p["y"][1]))
        if err != (0, 0):
            out[i] = err
    return out


class Viewer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        w = ARGS.work
        os.makedirs(w, exist_ok=True)
        cls.data_path = os.path.join(w, "data.json")
        etr2nn("compile", os.path.join(ARGS.samples, "inv_rational_sat.etr"), "-o", cls.data_path,
               "--quiet")
        assign = os.path.join(w, "assign.json")
        with open(assign, "w") as f:
            json.dump({"x": "1", "y": "1/2", "z": "2"}, f)
        cls.net_path = os.path.join(w, "witness.json")
        etr2nn("witness", cls.data_path, "--assign", assign, "-o", cls.net_path)
        with open(cls.data_path) as f:
            cls.data = json.load(f)
        with open(cls.net_path) as f:
            cls.net = json.load(f)
        # A wrong network: one neuron's output weight changed, so the points
        # its breakline's side holds are missed.
        broken = json.loads(json.dumps(cls.net))
        broken["neurons"][3]["v"][0] = str(Fraction(broken["neurons"][3]["v"][0]) + 1)
        cls.broken = broken
        cls.broken_path = os.path.join(w, "broken.json")
        with open(cls.broken_path, "w") as f:
            json.dump(broken, f)
        cls.page = os.path.join(w, "view.html")
        etr2nn("view", cls.data_path, "--network", cls.net_path, "-o", cls.page)
        cls.broken_page = os.path.join(w, "broken.html")
        cls.broken_summary = etr2nn("view", cls.data_path, "--network", cls.broken_path, "-o",
                                    cls.broken_page)
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def hover(self, x, y):
        """Moves the mouse onto world point (x, y) using the page's own transform."""
        d = self.driver
        sx, sy = d.execute_script("return window.etr2nnView.toScreen(arguments[0], arguments[1])",
                                  x, y)
        canvas = d.find_element(By.ID, "canvas")
        r = d.execute_script("const r = arguments[0].getBoundingClientRect();"
                             "return [r.left, r.top, r.width, r.height]", canvas)
        ActionChains(d).move_to_element_with_offset(
            canvas, int(round(sx - (r[0] + r[2] / 2))), int(round(sy - (r[1] + r[3] / 2)))).perform()
        return d.find_element(By.ID, "tooltip").text

    def search(self, text):
        d = self.driver
        box = d.find_element(By.ID, "search")
        box.clear()
        box.send_keys(text)
        d.find_element(By.ID, "go").click()
        return d.find_element(By.ID, "found").text

    def constraint_point(self, c):
        for cp in self.data["meta"]["constraint_points"]:
            if cp["constraint"] == c:
                return cp["point"]
        raise AssertionError(f"no constraint point for constraint {c}")

    def test_find_hover_screenshot_legend(self):
        d = self.driver
        open_page(d, self.page)
        text = self.data["meta"]["instance"]["constraints"][2]["text"]
        found = self.search(text)
        self.assertIn("constraint 2", found)
        i = self.constraint_point(2)
        p = self.data["points"][i]
        tip = self.hover(float(Fraction(p["x"][0])), float(Fraction(p["x"][1])))
        self.assertIn(f"x = ({p['x'][0]}, {p['x'][1]})", tip)
        self.assertIn(f"label ({p['y'][0]}, {p['y'][1]})", tip)
        self.assertIn(f"constraint 2: {text}", tip)
        self.assertNotIn("MISSED", tip)  # the witness fits every point
        # By index too, and a variable goes to its canonical gadget's home points.
        self.assertIn("constraint 0", self.search("0"))
        self.assertIn("canonical gadget", self.search("y"))
        home = next(g for g in self.data["meta"]["gadgets"]
                    if g["role"] == "canonical" and g["variable"] == 1)
        # A point with a fractional coordinate when there is one: the page
        # rebuilds its exact text from an integer over a common denominator.
        j = next((k for k in range(*home["points"]) if "/" in "".join(self.data["points"][k]["x"])),
                 home["points"][0])
        q = self.data["points"][j]
        tip = self.hover(float(Fraction(q["x"][0])), float(Fraction(q["x"][1])))
        self.assertIn(f"x = ({q['x'][0]}, {q['x'][1]})", tip)
        self.assertIn("variable y, role canonical", tip)
        self.assertIn("data line", tip)

        colours = png_colours(d.get_screenshot_as_png())
        self.assertGreater(len(colours), 20, "the screenshot looks blank")
        if ARGS.screenshot:
            d.save_screenshot(ARGS.screenshot)

        # The legend toggles the label: its colour leaves the canvas and comes back.
        labels = [tuple(v) for v in self.data["labels"]]
        label = labels.index(tuple(q["y"]))
        count = ("const c = document.getElementById('canvas'), g = c.getContext('2d');"
                 "const px = g.getImageData(0, 0, c.width, c.height).data;"
                 "const v = parseInt(arguments[0].slice(1), 16);"
                 "let n = 0; for (let k = 0; k < px.length; k += 4)"
                 "  n += px[k] === (v >> 16) && px[k + 1] === ((v >> 8) & 255) && px[k + 2] === (v & 255);"
                 "return n;")
        entry = d.find_elements(By.CSS_SELECTOR, "#legend .entry")[label]
        colour = d.execute_script("return arguments[0].querySelector('.swatch').style.background",
                                  entry)
        colour = d.execute_script(
            "const m = arguments[0].match(/\\d+/g); return '#' + m.slice(0, 3).map("
            "v => Number(v).toString(16).padStart(2, '0')).join('')", colour)
        before = d.execute_script(count, colour)
        self.assertGreater(before, 0)
        entry.click()
        d.execute_script("return new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
        self.assertIn("off", entry.get_attribute("class"))
        self.assertEqual(d.execute_script(count, colour), 0)
        entry.click()
        d.execute_script("return new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
        self.assertEqual(d.execute_script(count, colour), before)

    def test_missed_points_listed_and_hovered(self):
        d = self.driver
        expected = misses(self.data, self.broken)
        self.assertTrue(expected, "the broken network should miss some points")
        self.assertEqual(misses(self.data, self.net), {})
        self.assertIn(f"{len(expected)} missed point", self.broken_summary)
        open_page(d, self.broken_page)
        self.assertIn(f"{len(expected)} missed point", d.find_element(By.ID, "missed-title").text)
        items = d.find_elements(By.CSS_SELECTOR, "#missed li")
        self.assertEqual(len(items), min(len(expected), 500))
        i, err = sorted(expected.items())[0]
        self.assertTrue(items[0].text.startswith(f"#{i} "), items[0].text)
        items[0].click()  # zooms there
        p = self.data["points"][i]
        tip = self.hover(float(Fraction(p["x"][0])), float(Fraction(p["x"][1])))
        self.assertIn(f"x = ({p['x'][0]}, {p['x'][1]})", tip)
        self.assertIn(f"error f(x) - y = ({err[0]}, {err[1]})", tip)

    def test_breakline_hover(self):
        d = self.driver
        open_page(d, self.page)
        self.search("x")
        # A point on neuron k's breakline a.x + b = 0 inside the view.
        k = 0
        n = self.net["neurons"][k]
        a = [Fraction(v) for v in n["a"]]
        b = Fraction(n["b"])
        cx, cy = d.execute_script("return [window.etr2nnView.view.cx, window.etr2nnView.view.cy]")
        if a[1] != 0:
            x = Fraction(cx)
            y = -(a[0] * x + b) / a[1]
        else:
            y = Fraction(cy)
            x = -b / a[0]
        # Centred there and zoomed in far enough that no data point is within
        # the hover radius unless it lies on the breakline itself.
        d.execute_script("const v = window.etr2nnView; v.view.cx = arguments[0]; "
                         "v.view.cy = arguments[1]; v.view.scale = 200; v.redraw();",
                         float(x), float(y))
        tip = self.hover(float(x), float(y))
        self.assertIn(f"breakline of neuron {k}", tip)
        self.assertIn(f"a = ({n['a'][0]}, {n['a'][1]})", tip)
        self.assertIn(f"b = {n['b']}", tip)
        self.assertIn(f"v = ({n['v'][0]}, {n['v'][1]})", tip)


def measure(dataset, constraint):
    os.makedirs(ARGS.work, exist_ok=True)
    start = time.monotonic()
    if dataset.endswith(".html"):  # a page written already
        page, summary = dataset, "page " + dataset
    else:
        page = os.path.join(ARGS.work, "measure.html")
        summary = etr2nn("view", dataset, "-o", page)
    written = time.monotonic() - start
    driver = browser()
    try:
        opened = open_page(driver, page)
        init = driver.execute_script("return window.etr2nnView.initMs")
        start = time.monotonic()
        box = driver.find_element(By.ID, "search")
        box.send_keys(constraint)
        driver.find_element(By.ID, "go").click()
        found = driver.find_element(By.ID, "found").text
        driver.execute_script("return new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
        searched = time.monotonic() - start
        if ARGS.screenshot:
            driver.save_screenshot(ARGS.screenshot)
    finally:
        driver.quit()
    print(summary.strip())
    print(f"html {os.path.getsize(page)} bytes; etr2nn view {written:.1f} s; open to ready "
          f"{opened:.2f} s (script {init / 1000:.2f} s); find '{constraint}' and redraw "
          f"{searched:.2f} s: {found}")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--etr2nn", required=True)
    parser.add_argument("--samples")
    parser.add_argument("--work", required=True)
    parser.add_argument("--screenshot", help="also save the viewer's screenshot here")
    parser.add_argument("--measure", nargs=2, metavar=("DATASET", "CONSTRAINT"))
    ARGS, rest = parser.parse_known_args()
    if ARGS.measure:
        measure(*ARGS.measure)
        return
    if not ARGS.samples:
        parser.error("--samples is needed for the tests")
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
