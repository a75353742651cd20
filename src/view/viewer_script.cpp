// The viewer's stylesheet and script (see viewer_page.hpp). Plain ES2020,
// no library: the page must work from a file:// URL with no network.
#include "view/detail/viewer_page.hpp"

namespace etr2nn::view {

const char* viewer_style() {
  return R"CSS(html, body { margin: 0; height: 100%; font: 13px/1.35 system-ui, sans-serif; color: #222; }
body { display: flex; }
#side { width: 300px; flex: none; overflow-y: auto; padding: 8px 10px; box-sizing: border-box;
        border-right: 1px solid #ccc; background: #fafafa; }
#side h1 { font-size: 15px; margin: 0 0 4px; word-break: break-all; }
#side h2 { font-size: 13px; margin: 10px 0 4px; }
#summary, #found { color: #555; margin: 4px 0; white-space: pre-line; }
#search-form { display: flex; gap: 4px; margin-top: 6px; }
#search { flex: 1; min-width: 0; }
#zoom { margin: 6px 0; display: flex; gap: 4px; align-items: center; }
#zoom button { min-width: 28px; }
.entry { display: flex; align-items: center; gap: 6px; cursor: pointer; padding: 1px 2px; user-select: none; }
.entry.off { opacity: 0.35; text-decoration: line-through; }
.swatch { width: 12px; height: 12px; border-radius: 6px; flex: none; border: 1px solid #0004; }
.count { margin-left: auto; color: #666; font-variant-numeric: tabular-nums; }
#missed { padding-left: 22px; margin: 0; font-family: ui-monospace, monospace; font-size: 11px; }
#missed li { cursor: pointer; }
#missed-title { color: #b00020; }
#missed-title.fits { color: #1b7a1b; }
#stage { position: relative; flex: 1; overflow: hidden; }
#canvas { display: block; width: 100%; height: 100%; cursor: grab; background: #fff; }
#tooltip { position: absolute; display: none; pointer-events: none; background: #fffffff0;
           border: 1px solid #888; padding: 4px 6px; font: 12px ui-monospace, monospace;
           white-space: pre; max-width: 70%; overflow: hidden; z-index: 2; }
#status { position: absolute; left: 6px; bottom: 4px; color: #666; font-size: 11px; pointer-events: none; }
)CSS";
}

const char* viewer_script() {
  return R"JS((function () {
"use strict";
const started = performance.now();
const D = JSON.parse(document.getElementById("etr2nn-data").textContent);

function bytes(b64) {
  const s = atob(b64), u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

// --- the data ----------------------------------------------------------------
const N = D.points;
// Coordinates are integers K over one denominator L (x = K / L), exact.
const X = new Float64Array(N), Y = new Float64Array(N);
const L = D.coordinates.denominator;
const K = (() => {
  const raw = bytes(D.coordinates.xy);
  if (D.coordinates.encoding === "float64") return new Float64Array(raw.buffer);
  // varint-delta: zigzag LEB128 differences from the previous point, per axis.
  const k = new Float64Array(2 * N);
  let pos = 0;
  const next = () => {
    let v = 0, m = 1, b;
    do { b = raw[pos++]; v += (b & 127) * m; m *= 128; } while (b & 128);
    return v % 2 ? -(v + 1) / 2 : v / 2;
  };
  for (let i = 0; i < 2 * N; i++) k[i] = (i >= 2 ? k[i - 2] : 0) + next();
  return k;
})();
for (let i = 0; i < N; i++) { X[i] = K[2 * i] / L; Y[i] = K[2 * i + 1] / L; }
const LABEL = bytes(D.label_bytes), LINE = bytes(D.line_bytes);
const labels = D.labels.values, colours = D.labels.colours;
const hidden = labels.map(() => false);
const G = D.gadgets, gadgetCount = G.kind.length;
const pointGadget = new Int32Array(N).fill(-1);
for (let g = 0; g < gadgetCount; g++) pointGadget.fill(g, G.first[g], G.end[g]);
const CP = D.constraint_points;
const cpOfPoint = new Map();
CP.point.forEach((p, k) => cpOfPoint.set(p, k));
const NET = D.network;
const missedOf = new Map();
if (NET) NET.missed.forEach((m, k) => missedOf.set(m.point, k));

function gcd(a, b) { while (b) [a, b] = [b, a % b]; return a; }
function fraction(k) {
  const g = gcd(Math.abs(k), L), p = k / g, q = L / g;
  return q === 1 ? String(p) : p + "/" + q;
}
// The file's exact text of point i's coordinates.
function exactOf(i) {
  const e = D.exact[i];
  return e ? e : [fraction(K[2 * i]), fraction(K[2 * i + 1])];
}
function labelText(l) { return "(" + labels[l][0] + ", " + labels[l][1] + ")"; }

// --- the spatial grid: points sorted by cell, rows of cells contiguous --------
let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
for (let i = 0; i < N; i++) {
  if (X[i] < minX) minX = X[i]; if (X[i] > maxX) maxX = X[i];
  if (Y[i] < minY) minY = Y[i]; if (Y[i] > maxY) maxY = Y[i];
}
if (N === 0) { minX = minY = -1; maxX = maxY = 1; }
const cell = Math.max(maxX - minX, maxY - minY, 1) / 1024;
const GX = Math.floor((maxX - minX) / cell) + 1, GY = Math.floor((maxY - minY) / cell) + 1;
const cellStart = new Uint32Array(GX * GY + 1);
const order = new Uint32Array(N);
{
  const key = new Uint32Array(N);
  for (let i = 0; i < N; i++) {
    key[i] = Math.floor((Y[i] - minY) / cell) * GX + Math.floor((X[i] - minX) / cell);
    cellStart[key[i] + 1]++;
  }
  for (let k = 0; k < GX * GY; k++) cellStart[k + 1] += cellStart[k];
  const fill = cellStart.slice(0, GX * GY);
  for (let i = 0; i < N; i++) order[fill[key[i]]++] = i;
}
// Calls f(i) for every point in the world rectangle (cells overlapping it).
function eachIn(x0, y0, x1, y1, f) {
  const cx0 = Math.max(0, Math.floor((x0 - minX) / cell)), cx1 = Math.min(GX - 1, Math.floor((x1 - minX) / cell));
  const cy0 = Math.max(0, Math.floor((y0 - minY) / cell)), cy1 = Math.min(GY - 1, Math.floor((y1 - minY) / cell));
  if (cx0 > cx1 || cy0 > cy1) return;
  for (let cy = cy0; cy <= cy1; cy++) {
    const end = cellStart[cy * GX + cx1 + 1];
    for (let k = cellStart[cy * GX + cx0]; k < end; k++) f(order[k]);
  }
}
function countIn(x0, y0, x1, y1) {
  const cx0 = Math.max(0, Math.floor((x0 - minX) / cell)), cx1 = Math.min(GX - 1, Math.floor((x1 - minX) / cell));
  const cy0 = Math.max(0, Math.floor((y0 - minY) / cell)), cy1 = Math.min(GY - 1, Math.floor((y1 - minY) / cell));
  let n = 0;
  for (let cy = cy0; cy <= cy1 && cx0 <= cx1; cy++) n += cellStart[cy * GX + cx1 + 1] - cellStart[cy * GX + cx0];
  return n;
}

// --- the view: world (x right, y up) to canvas pixels --------------------------
const canvas = document.getElementById("canvas"), ctx = canvas.getContext("2d");
const tooltip = document.getElementById("tooltip"), status = document.getElementById("status");
const view = { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, scale: 1 };
let W = 0, H = 0;
function toCanvas(x, y) { return [(x - view.cx) * view.scale + W / 2, (view.cy - y) * view.scale + H / 2]; }
function toWorld(px, py) { return [(px - W / 2) / view.scale + view.cx, view.cy - (py - H / 2) / view.scale]; }
function visibleWorld() {
  const a = toWorld(0, H), b = toWorld(W, 0);
  return [a[0], a[1], b[0], b[1]];
}
function fit(x0, y0, x1, y1, margin) {
  const w = Math.max(x1 - x0, 1e-9), h = Math.max(y1 - y0, 1e-9);
  view.cx = (x0 + x1) / 2; view.cy = (y0 + y1) / 2;
  view.scale = Math.min(W / (w * (1 + margin)), H / (h * (1 + margin)));
}
function resize() {
  const r = canvas.getBoundingClientRect();
  W = Math.max(1, Math.round(r.width)); H = Math.max(1, Math.round(r.height));
  canvas.width = W; canvas.height = H;
}

// --- drawing --------------------------------------------------------------------
let highlight = { points: [], gadgets: [] };
let showNetwork = true;
const rgba = colours.map(c => {
  const v = parseInt(c.slice(1), 16);
  return (255 << 24) | ((v & 255) << 16) | (((v >> 8) & 255) << 8) | (v >> 16);  // little-endian ABGR
});
// A strip {p : 0 <= n.p - offset <= width} as a band across the view.
function drawStrip(g, fill) {
  const [a, b] = G.normal[g], nn = a * a + b * b;
  const [x0, y0, x1, y1] = visibleWorld();
  const reach = Math.hypot(x1 - x0, y1 - y0);
  const mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
  const base = (G.offset[g] - (a * mx + b * my)) / nn;
  const dx = -b / Math.sqrt(nn), dy = a / Math.sqrt(nn);
  const corner = (t, s) => toCanvas(mx + a * (base + s) + dx * t, my + b * (base + s) + dy * t);
  const w = G.width[g] / nn;
  const p = [corner(-reach, 0), corner(reach, 0), corner(reach, w), corner(-reach, w)];
  ctx.beginPath(); ctx.moveTo(p[0][0], p[0][1]);
  for (let k = 1; k < 4; k++) ctx.lineTo(p[k][0], p[k][1]);
  ctx.closePath(); ctx.fillStyle = fill; ctx.fill();
}
// The line a.x + b = 0 clipped to the view, or null.
function clipLine(a0, a1, b) {
  const [x0, y0, x1, y1] = visibleWorld();
  const pts = [];
  if (a1 !== 0) for (const x of [x0, x1]) { const y = -(a0 * x + b) / a1; if (y >= y0 && y <= y1) pts.push([x, y]); }
  if (a0 !== 0) for (const y of [y0, y1]) { const x = -(a1 * y + b) / a0; if (x >= x0 && x <= x1) pts.push([x, y]); }
  return pts.length >= 2 ? [pts[0], pts[pts.length - 1]] : null;
}
let lastMode = "";
function draw() {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
  const [x0, y0, x1, y1] = visibleWorld();
  // Strips: all of them on small datasets, else those of the current find.
  const strips = gadgetCount <= 64 ? [...Array(gadgetCount).keys()] : highlight.gadgets;
  for (const g of strips) drawStrip(g, D.role_colours[G.role[g]] + (highlight.gadgets.includes(g) ? "40" : "1c"));
  const pad = 8 / view.scale;
  // Points in the grid cells the view overlaps: an upper bound, cheap.
  const visible = countIn(x0 - pad, y0 - pad, x1 + pad, y1 + pad);
  let drawn = 0;
  if (visible > 40000) {
    // Level of detail: one pixel per point, written straight into the image.
    lastMode = "density";
    const img = ctx.getImageData(0, 0, W, H), px = new Uint32Array(img.data.buffer);
    eachIn(x0, y0, x1, y1, i => {
      if (hidden[LABEL[i]]) return;
      const sx = Math.floor((X[i] - view.cx) * view.scale + W / 2), sy = Math.floor((view.cy - Y[i]) * view.scale + H / 2);
      if (sx >= 0 && sx < W && sy >= 0 && sy < H) {
        ++drawn;
        px[sy * W + sx] = rgba[LABEL[i]];
        if (LINE[i] === 255 && sx + 1 < W && sy + 1 < H) px[sy * W + sx + 1] = px[(sy + 1) * W + sx] = px[(sy + 1) * W + sx + 1] = rgba[LABEL[i]];
      }
    });
    ctx.putImageData(img, 0, 0);
  } else {
    lastMode = "points";
    const r = Math.max(1.5, Math.min(4, view.scale * 0.4));
    eachIn(x0 - pad, y0 - pad, x1 + pad, y1 + pad, i => {
      if (hidden[LABEL[i]] || X[i] < x0 - pad || X[i] > x1 + pad || Y[i] < y0 - pad || Y[i] > y1 + pad) return;
      ++drawn;
      const [sx, sy] = toCanvas(X[i], Y[i]);
      ctx.fillStyle = colours[LABEL[i]];
      ctx.beginPath();
      if (LINE[i] === 255) {
        const s = r + 3;
        ctx.moveTo(sx, sy - s); ctx.lineTo(sx + s, sy); ctx.lineTo(sx, sy + s); ctx.lineTo(sx - s, sy); ctx.closePath();
        ctx.fill(); ctx.strokeStyle = "#000"; ctx.lineWidth = 1; ctx.stroke();
      } else {
        ctx.arc(sx, sy, r, 0, 2 * Math.PI); ctx.fill();
      }
    });
  }
  if (NET && showNetwork) {
    ctx.strokeStyle = "#6a3d9a88"; ctx.lineWidth = 1;
    ctx.beginPath();
    for (const n of NET.neurons) {
      const seg = clipLine(n.af[0], n.af[1], n.bf);
      if (!seg) continue;
      const p = toCanvas(seg[0][0], seg[0][1]), q = toCanvas(seg[1][0], seg[1][1]);
      ctx.moveTo(p[0], p[1]); ctx.lineTo(q[0], q[1]);
    }
    ctx.stroke();
  }
  if (NET) {
    ctx.strokeStyle = "#e00000"; ctx.lineWidth = 2;
    for (const m of NET.missed) {
      const i = m.point;
      if (X[i] < x0 - pad || X[i] > x1 + pad || Y[i] < y0 - pad || Y[i] > y1 + pad) continue;
      const [sx, sy] = toCanvas(X[i], Y[i]);
      ctx.beginPath(); ctx.arc(sx, sy, 8, 0, 2 * Math.PI); ctx.stroke();
    }
  }
  ctx.strokeStyle = "#00b4ff"; ctx.lineWidth = 3;
  for (const i of highlight.points) {
    const [sx, sy] = toCanvas(X[i], Y[i]);
    ctx.beginPath(); ctx.arc(sx, sy, 12, 0, 2 * Math.PI); ctx.stroke();
  }
  status.textContent = drawn + " points drawn (" + lastMode + "), 1 unit = " + view.scale.toPrecision(3) + " px";
}
let pending = false;
function redraw() { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; draw(); }); } }

// --- hover ------------------------------------------------------------------------
function nearestPoint(px, py, radius) {
  const [wx, wy] = toWorld(px, py), r = radius / view.scale;
  let best = -1, bestD = Infinity, budget = 200000;
  eachIn(wx - r, wy - r, wx + r, wy + r, i => {
    if (--budget < 0 || hidden[LABEL[i]]) return;
    const d = Math.hypot(X[i] - wx, Y[i] - wy);
    // Constraint points win ties: they sit on top of the picture.
    const dd = LINE[i] === 255 ? d * 0.5 : d;
    if (d <= r && dd < bestD) { bestD = dd; best = i; }
  });
  return best;
}
function nearestNeuron(px, py, radius) {
  if (!NET || !showNetwork) return -1;
  const [wx, wy] = toWorld(px, py);
  let best = -1, bestD = radius;
  NET.neurons.forEach((n, k) => {
    const len = Math.hypot(n.af[0], n.af[1]);
    if (len === 0) return;
    const d = Math.abs(n.af[0] * wx + n.af[1] * wy + n.bf) / len * view.scale;
    if (d < bestD) { bestD = d; best = k; }
  });
  return best;
}
function gadgetText(g) {
  let s = "gadget " + g + ": kind " + G.kind[g] + ", variable " + D.variables[G.variable[g]] + ", role " + G.role[g] +
      ", family " + G.family[g];
  if (G.constraint[g] >= 0) s += "\n  column of constraint " + G.constraint[g] + ": " + D.constraints[G.constraint[g]];
  return s;
}
function pointText(i) {
  const [ex, ey] = exactOf(i);
  const lines = ["point #" + i, "x = (" + ex + ", " + ey + ")", "label " + labelText(LABEL[i])];
  if (LINE[i] === 255) {
    const k = cpOfPoint.get(i), c = CP.constraint[k];
    lines.push("constraint point (" + CP.kind[k] + ")" +
               (c >= 0 ? " of constraint " + c + ": " + D.constraints[c] : ": copy link"));
    for (const g of CP.gadgets[k]) lines.push("  on " + gadgetText(g));
  } else {
    const g = pointGadget[i], line = LINE[i] >> 2, lane = LINE[i] & 3;
    lines.push("data point of " + gadgetText(g));
    const dl = D.gadget_kinds[G.kind[g]].data_lines[line];
    lines.push("data line " + line + " (t = " + dl.t + "), lane " + lane);
  }
  if (missedOf.has(i)) {
    const m = NET.missed[missedOf.get(i)];
    lines.push("MISSED: f(x) = (" + m.output[0] + ", " + m.output[1] + ")",
               "        error f(x) - y = (" + m.error[0] + ", " + m.error[1] + ")");
  }
  return lines.join("\n");
}
function neuronText(k) {
  const n = NET.neurons[k];
  return "breakline of neuron " + k + "\na = (" + n.a[0] + ", " + n.a[1] + ")\nb = " + n.b +
         "\nv = (" + n.v[0] + ", " + n.v[1] + ")";
}
function hover(px, py) {
  const i = nearestPoint(px, py, 8);
  let text = "";
  if (i >= 0) text = pointText(i);
  else { const k = nearestNeuron(px, py, 4); if (k >= 0) text = neuronText(k); }
  if (!text) { tooltip.style.display = "none"; return; }
  tooltip.textContent = text;
  tooltip.style.display = "block";
  const tx = px + 14 + tooltip.offsetWidth > W ? px - 14 - tooltip.offsetWidth : px + 14;
  const ty = py + 14 + tooltip.offsetHeight > H ? Math.max(0, py - 14 - tooltip.offsetHeight) : py + 14;
  tooltip.style.left = tx + "px"; tooltip.style.top = ty + "px";
}

// --- search ------------------------------------------------------------------------
const normalise = s => s.replace(/\s+/g, " ").trim();
const constraintByText = new Map();
D.constraints.forEach((t, c) => { if (!constraintByText.has(normalise(t))) constraintByText.set(normalise(t), c); });
const variableByName = new Map();
D.variables.forEach((v, k) => variableByName.set(v, k));
function zoomToPoints(points, minSize) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const i of points) { x0 = Math.min(x0, X[i]); x1 = Math.max(x1, X[i]); y0 = Math.min(y0, Y[i]); y1 = Math.max(y1, Y[i]); }
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const w = Math.max(x1 - x0, minSize), h = Math.max(y1 - y0, minSize);
  fit(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, 0.15);
}
function findConstraint(c) {
  const points = [], gadgets = new Set();
  CP.constraint.forEach((cc, k) => { if (cc === c) { points.push(CP.point[k]); CP.gadgets[k].forEach(g => gadgets.add(g)); } });
  return { points, gadgets: [...gadgets] };
}
function search(query) {
  const q = normalise(query);
  const found = document.getElementById("found");
  let m, result = null;
  if ((m = /^variable:\s*(.+)$/.exec(q)) || variableByName.has(q)) {
    const name = m ? m[1] : q;
    if (variableByName.has(name)) {
      const v = variableByName.get(name), g = D.canonical[v];
      const points = [];
      for (let i = G.first[g]; i < G.end[g]; i++) points.push(i);
      result = { what: "variable " + name + ": canonical gadget " + g + " (" + points.length + " home points)", points, gadgets: [g], minSize: 40 };
    }
  } else {
    let c = -1;
    if ((m = /^(?:constraint:\s*)?(\d+)$/.exec(q))) c = Number(m[1]);
    else { const t = normalise(q.replace(/^constraint:\s*/, "")); if (constraintByText.has(t)) c = constraintByText.get(t); }
    if (c >= 0 && c < D.constraints.length) {
      const f = findConstraint(c);
      result = { what: "constraint " + c + ": " + D.constraints[c] + " (" + f.points.length + " constraint point" + (f.points.length === 1 ? "" : "s") + ")",
                 points: f.points, gadgets: f.gadgets, minSize: 60 };
    }
  }
  if (!result || result.points.length === 0) {
    found.textContent = "not found: '" + q + "' (a variable name, a constraint index 0.." + (D.constraints.length - 1) + " or its text)";
    return false;
  }
  highlight = { points: result.points, gadgets: result.gadgets };
  zoomToPoints(result.points, result.minSize);
  found.textContent = result.what;
  redraw();
  return true;
}

// --- the side panel -------------------------------------------------------------------
document.getElementById("title").textContent = D.title;
document.getElementById("summary").textContent =
    N + " points, " + labels.length + " labels, " + gadgetCount + " gadgets, " + D.constraints.length +
    " constraints, m = " + D.hidden_neurons + (NET ? "\nnetwork: " + NET.neurons.length + " neurons, " + NET.missed_total + " missed points" : "");
const legend = document.getElementById("legend");
labels.forEach((l, k) => {
  const e = document.createElement("div");
  e.className = "entry"; e.dataset.label = k;
  const sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = colours[k];
  const name = document.createElement("span"); name.className = "name"; name.textContent = labelText(k);
  const count = document.createElement("span"); count.className = "count"; count.textContent = D.labels.counts[k];
  e.append(sw, name, count);
  e.addEventListener("click", () => { hidden[k] = !hidden[k]; e.classList.toggle("off", hidden[k]); redraw(); });
  legend.append(e);
});
if (NET) {
  document.getElementById("missed-title").classList.toggle("fits", NET.missed_total === 0);
  document.getElementById("missed-title").textContent = NET.missed_total === 0 ? "The network fits every point"
      : NET.missed_total + " missed point" + (NET.missed_total === 1 ? "" : "s") +
        (NET.missed_total > NET.missed.length ? " (first " + NET.missed.length + " listed)" : "");
  const list = document.getElementById("missed");
  NET.missed.slice(0, 500).forEach(m => {
    const li = document.createElement("li");
    const [ex, ey] = exactOf(m.point);
    li.textContent = "#" + m.point + " (" + ex + ", " + ey + ") error (" + m.error[0] + ", " + m.error[1] + ")";
    li.addEventListener("click", () => { highlight = { points: [m.point], gadgets: pointGadget[m.point] >= 0 ? [pointGadget[m.point]] : [] }; zoomToPoints([m.point], 40); redraw(); });
    list.append(li);
  });
} else {
  document.getElementById("missed-box").style.display = "none";
}

// --- interaction ------------------------------------------------------------------------
function zoomAt(px, py, factor) {
  const [wx, wy] = toWorld(px, py);
  view.scale *= factor;
  const [nx, ny] = toWorld(px, py);
  view.cx += wx - nx; view.cy += wy - ny;
  redraw();
}
canvas.addEventListener("wheel", e => { e.preventDefault(); zoomAt(e.offsetX, e.offsetY, Math.exp(-e.deltaY * 0.002)); }, { passive: false });
let drag = null;
canvas.addEventListener("mousedown", e => { drag = { x: e.clientX, y: e.clientY, cx: view.cx, cy: view.cy }; canvas.style.cursor = "grabbing"; });
window.addEventListener("mouseup", () => { drag = null; canvas.style.cursor = "grab"; });
canvas.addEventListener("mousemove", e => {
  if (drag) {
    view.cx = drag.cx - (e.clientX - drag.x) / view.scale;
    view.cy = drag.cy + (e.clientY - drag.y) / view.scale;
    tooltip.style.display = "none";
    redraw();
  } else {
    hover(e.offsetX, e.offsetY);
  }
});
canvas.addEventListener("mouseleave", () => { tooltip.style.display = "none"; });
document.getElementById("zoom-in").addEventListener("click", () => zoomAt(W / 2, H / 2, 1.5));
document.getElementById("zoom-out").addEventListener("click", () => zoomAt(W / 2, H / 2, 1 / 1.5));
document.getElementById("fit").addEventListener("click", () => { fit(minX, minY, maxX, maxY, 0.05); redraw(); });
document.getElementById("show-network").addEventListener("change", e => { showNetwork = e.target.checked; redraw(); });
if (!NET) document.getElementById("show-network").parentElement.style.display = "none";
document.getElementById("search-form").addEventListener("submit", e => { e.preventDefault(); search(document.getElementById("search").value); });
window.addEventListener("resize", () => { resize(); redraw(); });

resize();
fit(minX, minY, maxX, maxY, 0.05);
draw();
// For tests and for scripting from the console: where a world point is on
// the page, and what the page has drawn.
window.etr2nnView = {
  toScreen(x, y) { const r = canvas.getBoundingClientRect(), [sx, sy] = toCanvas(x, y); return [r.left + sx, r.top + sy]; },
  toCanvas, search, view, hidden, redraw: draw,
  point(i) { return { x: X[i], y: Y[i], exact: exactOf(i), label: LABEL[i] }; },
  mode() { return lastMode; },
  readyMs: performance.now(),
  initMs: performance.now() - started,
  ready: true,
};
})();
)JS";
}

}  // namespace etr2nn::view
