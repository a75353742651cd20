// Hand-built arrangements for the network tests, in the earlier stacked layout
// (docs/reduction.md, section 4, "Why the earlier stacked layout was not
// enough"), so that the network module is tested
// independently of src/layout (and cross-checks it).
#pragma once

#include <algorithm>
#include <random>

#include "dataset/dataset.hpp"
#include "gadgets/registry.hpp"
#include "layout/layout.hpp"
#include "network/detail/network.hpp"

namespace etr2nn::network::testing {

using geometry::Point;
using layout::Arrangement;
using layout::Gadget;

inline Gadget gadget(const gadgets::GadgetKind& kind, long na, long nb, mpq_class offset,
                     etrinv::VariableIndex variable, Gadget::Role role, std::size_t constraint) {
  return Gadget{&kind, geometry::Strip{{na, nb}, offset, gadgets::strip_width}, variable, role,
                constraint};
}

// Three points on every data line of gadget g: the line t = t_k meets the
// perpendicular through `base` (a point with t = 0) at base + t_k n/|n|^2;
// the points are spread along the line direction (-n_b, n_a) by `spread`.
inline void add_data_points(Arrangement& a, std::size_t g, const Point& base,
                            const mpq_class& spread) {
  const auto& s = a.gadgets[g].strip;
  const mpq_class na(s.normal.a), nb(s.normal.b), norm2 = na * na + nb * nb;
  const auto& lines = a.gadgets[g].kind->data_lines();
  // Hand-placed points, not the lanes' (these arrangements have no lanes).
  if (a.data_points.generated()) a.data_points.assign({});
  for (std::size_t k = 0; k < lines.size(); ++k)
    for (int j = 0; j < 3; ++j) {
      mpq_class step = lines[k].position / norm2;
      Point p{base.x + step * na - j * spread * nb, base.y + step * nb + j * spread * na};
      a.data_points.edit().push_back({p, g, k});
    }
}

// x = A, one variable, no constraint: a canonical I (normal (0,1), y in [0,19])
// and a copy (normal (1,0), x in [0,19]) tied by the copy point (3, 5)
// (canonical t = 5, copy t = 3).
inline Arrangement copy_arrangement() {
  Arrangement a;
  a.instance.variables = {"x"};
  a.gadgets.push_back(gadget(gadgets::inversion_gadget(), 0, 1, 0, 0, Gadget::Role::Canonical,
                             layout::no_constraint));
  a.gadgets.push_back(
      gadget(gadgets::inversion_gadget(), 1, 0, 0, 0, Gadget::Role::Copy, layout::no_constraint));
  a.constraint_points.push_back(
      {&gadgets::copy_point(), Point{3, 5}, {0, 1}, layout::no_constraint});
  add_data_points(a, 0, Point{-100, 0}, 10);   // x = -100, -110, -120
  add_data_points(a, 1, Point{0, -100}, -10);  // y = -100, -110, -120
  return a;
}

// The one-constraint instance x = 1, laid out as section 4: canonical I_x
// (y in [0,19]), a column at p = (0, -200) with a fresh D (normal (1,0), t=3
// at p), a fresh I copy "Y" (normal (1,1), t=5 at p) and a fresh I copy "X"
// (normal (1,-1), t=8 at p), both copies tied to the canonical gadget by copy
// points on the canonical line t = 5 (y = 5) and their own line t = 3.
inline Arrangement one_arrangement() {
  Arrangement a;
  a.instance.variables = {"x"};
  a.instance.constraints = {{etrinv::Constraint::Kind::One, {0, 0, 0}}};
  const auto canonical = Gadget::Role::Canonical, copy = Gadget::Role::Copy,
             diagonal = Gadget::Role::Diagonal;
  a.gadgets.push_back(
      gadget(gadgets::inversion_gadget(), 0, 1, 0, 0, canonical, layout::no_constraint));
  a.gadgets.push_back(
      gadget(gadgets::diagonal_gadget(), 1, 0, -3, 0, diagonal, 0));  // x in [-3, 16]
  a.gadgets.push_back(
      gadget(gadgets::inversion_gadget(), 1, 1, -205, 0, copy, 0));  // x+y in [-205,-186]
  a.gadgets.push_back(
      gadget(gadgets::inversion_gadget(), 1, -1, 192, 0, copy, 0));  // x-y in [192, 211]
  a.constraint_points.push_back({&gadgets::one_point(), Point{0, -200}, {1, 2, 3}, 0});
  // Copy links: canonical t = 5 (y = 5) meets copy Y's t = 3 (x + y = -202) and copy X's t = 3 (x -
  // y = 195).
  a.constraint_points.push_back(
      {&gadgets::copy_point(), Point{-207, 5}, {0, 2}, layout::no_constraint});
  a.constraint_points.push_back(
      {&gadgets::copy_point(), Point{200, 5}, {0, 3}, layout::no_constraint});
  add_data_points(a, 0, Point{-1000, 0}, 10);
  // Fresh gadgets' home points 100-120 below p: base points with t = 0 at y = -300.
  add_data_points(a, 1, Point{-3, -300}, -10);
  add_data_points(a, 2, Point{-205 + 300, -300}, 5);
  add_data_points(a, 3, Point{192 - 300, -300}, -5);
  return a;
}

// The dataset of an arrangement: data points labelled by their data line,
// constraint points by their kind; m = the sum of the breakpoint budgets.
inline dataset::Dataset emit(const Arrangement& a) {
  dataset::Dataset d;
  for (const auto& p : a.data_points)
    d.points.push_back({p.where, a.gadgets[p.gadget].kind->data_lines()[p.line].label});
  for (const auto& c : a.constraint_points) d.points.push_back({c.where, c.kind->label});
  for (const auto& g : a.gadgets) d.hidden_neurons += g.kind->breakpoint_budget();
  return d;
}

// The point conditions of the layout (docs/soundness.md, N4), by brute force: every
// point lies on its lines and outside the closed strip of every other gadget.
inline bool invariants_hold(const Arrangement& a) {
  for (const auto& p : a.data_points) {
    const auto& g = a.gadgets[p.gadget];
    if (g.strip.coordinate(p.where) != g.kind->data_lines()[p.line].position) return false;
    for (std::size_t h = 0; h < a.gadgets.size(); ++h)
      if (h != p.gadget && a.gadgets[h].strip.contains(p.where)) return false;
  }
  for (const auto& c : a.constraint_points) {
    for (std::size_t h = 0; h < a.gadgets.size(); ++h) {
      auto it = std::find(c.gadgets.begin(), c.gadgets.end(), h);
      if (it == c.gadgets.end()) {
        if (a.gadgets[h].strip.contains(c.where)) return false;
      } else if (a.gadgets[h].strip.coordinate(c.where) !=
                 c.kind->lines[it - c.gadgets.begin()].position) {
        return false;
      }
    }
  }
  return true;
}

// The same function with neurons permuted and each scaled by a positive factor
// with compensating output weights: ReLU(λa·x + λb)·v/λ = ReLU(a·x + b)·v.
inline Network disguise(Network n, unsigned seed) {
  std::mt19937 rng(seed);
  std::shuffle(n.neurons.begin(), n.neurons.end(), rng);
  std::uniform_int_distribution<int> num(1, 9), den(1, 7);
  for (auto& u : n.neurons) {
    Real lambda(mpq_class(num(rng), den(rng)));
    u.a = {u.a[0] * lambda, u.a[1] * lambda};
    u.b = u.b * lambda;
    u.v = {u.v[0] / lambda, u.v[1] / lambda};
  }
  return n;
}

}  // namespace etr2nn::network::testing
