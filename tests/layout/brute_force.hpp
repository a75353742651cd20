// Brute-force versions of the layout checks, quadratic or worse, written from
// the definitions and sharing no code with src/layout/soundness_checks.cpp:
// the tests compare the near-linear checks N3–N6 against them on small
// arrangements.
#pragma once

#include <gmpxx.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "layout/detail/arrangement.hpp"

namespace etr2nn::testing {

struct BruteWindow {
  mpq_class low, high;
  std::size_t gadget;
};

// The closed τ-interval of lane j inside strip g: solve 0 <= n·(P_j + τ d) - o <= w.
inline std::vector<std::vector<BruteWindow>> brute_force_windows(const layout::Arrangement& a) {
  std::vector<std::vector<BruteWindow>> lanes(layout::lane_count);
  for (unsigned j = 0; j < layout::lane_count; ++j) {
    const mpq_class px = a.lanes.base.x + j * a.lanes.spacing.x;
    const mpq_class py = a.lanes.base.y + j * a.lanes.spacing.y;
    for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
      const auto& s = a.gadgets[g].strip;
      const mpq_class na(s.normal.a), nb(s.normal.b);
      const mpq_class nd = na * a.lanes.direction.a + nb * a.lanes.direction.b;
      const mpq_class start = na * px + nb * py - s.offset;  // t at τ = 0
      mpq_class lo = (0 - start) / nd, hi = (s.width - start) / nd;
      if (hi < lo) std::swap(lo, hi);
      lanes[j].push_back({lo, hi, g});
    }
  }
  return lanes;
}

// Pairs of windows on one lane that meet (closed intervals), over all pairs.
inline std::size_t brute_force_window_overlaps(const layout::Arrangement& a) {
  std::size_t n = 0;
  for (const auto& lane : brute_force_windows(a))
    for (std::size_t i = 0; i < lane.size(); ++i)
      for (std::size_t k = i + 1; k < lane.size(); ++k)
        if (lane[i].low <= lane[k].high && lane[k].low <= lane[i].high) ++n;
  return n;
}

// Triples of windows (W0 on lane 0, W1 on lane 1, W2 on lane 2) of gadgets not
// all equal that a line can cross: a line meets the lanes at τ_0, τ_1, τ_2
// with 2τ_1 = τ_0 + τ_2, so the triple is crossable iff (W0 + W2) meets 2·W1.
// All triples, cubic.
inline std::size_t brute_force_shear_triples(const layout::Arrangement& a) {
  const auto w = brute_force_windows(a);
  std::size_t n = 0;
  for (const auto& w0 : w[0])
    for (const auto& w2 : w[2])
      for (const auto& w1 : w[1]) {
        if (w0.gadget == w1.gadget && w1.gadget == w2.gadget) continue;
        if (w0.low + w2.low <= 2 * w1.high && 2 * w1.low <= w0.high + w2.high) ++n;
      }
  return n;
}

// (point, strip) incidences that should not be: a data point inside a closed
// strip other than its gadget's, a constraint point inside a closed strip not
// listed for it or off a listed measuring line.
inline std::size_t brute_force_foreign_points(const layout::Arrangement& a) {
  std::size_t n = 0;
  const auto inside = [](const geometry::Strip& s, const geometry::Point& p) {
    const mpq_class t = s.normal.a * p.x + s.normal.b * p.y - s.offset;
    return 0 <= t && t <= s.width;
  };
  for (const auto& d : a.data_points)
    for (std::size_t g = 0; g < a.gadgets.size(); ++g)
      if (g != d.gadget && inside(a.gadgets[g].strip, d.where)) ++n;
  for (const auto& c : a.constraint_points)
    for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
      const auto it = std::find(c.gadgets.begin(), c.gadgets.end(), g);
      const auto& s = a.gadgets[g].strip;
      if (it == c.gadgets.end()) {
        if (inside(s, c.where)) ++n;
      } else if (s.normal.a * c.where.x + s.normal.b * c.where.y - s.offset !=
                 c.kind->lines[static_cast<std::size_t>(it - c.gadgets.begin())].position) {
        ++n;
      }
    }
  return n;
}

}  // namespace etr2nn::testing
