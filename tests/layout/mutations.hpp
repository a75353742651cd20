// Deliberately broken layouts for the check tests: each function changes one
// rule of the scheme and re-derives the points that depend on it, so that
// exactly the intended check has something to catch.
#pragma once

#include <gmpxx.h>

#include <algorithm>

#include "geometry/plane.hpp"
#include "layout/detail/arrangement.hpp"

namespace etr2nn::testing {

// Every gadget's home points again from the (possibly changed) lanes and
// strips: lane j meets data line t at τ = (o + t − n·P_j) / (n·d).
inline void rehome(layout::Arrangement& a) {
  auto& points = a.data_points.edit();
  points.clear();
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const auto& s = a.gadgets[g].strip;
    const auto& lines = a.gadgets[g].kind->data_lines();
    for (std::size_t l = 0; l < lines.size(); ++l)
      for (unsigned j = 0; j < layout::lane_count; ++j) {
        const geometry::Point start = a.lanes.start(j);
        const mpq_class nd(s.normal.a * a.lanes.direction.a + s.normal.b * a.lanes.direction.b);
        const mpq_class tau =
            (s.offset + lines[l].position - s.normal.a * start.x - s.normal.b * start.y) / nd;
        points.push_back(
            {{start.x + tau * a.lanes.direction.a, start.y + tau * a.lanes.direction.b}, g, l, j});
      }
  }
}

// Copy points again where their two measuring lines meet.
inline void relink(layout::Arrangement& a) {
  for (auto& c : a.constraint_points)
    if (c.constraint == layout::no_constraint) {
      const auto& s0 = a.gadgets[c.gadgets[0]].strip;
      const auto& s1 = a.gadgets[c.gadgets[1]].strip;
      c.where = geometry::intersection(s0.normal, s0.offset + c.kind->lines[0].position, s1.normal,
                                       s1.offset + c.kind->lines[1].position);
    }
}

// The old stack: canonical offsets pitch·v with index v (not progression-free).
inline void stack_canonical_gadgets(layout::Arrangement& a, long pitch = 40) {
  for (std::size_t v = 0; v < a.canonical.size(); ++v) {
    auto& g = a.gadgets[a.canonical[v]];
    g.strip.offset = pitch * static_cast<long>(v);
    g.index = v;
  }
  relink(a);
  rehome(a);
}

}  // namespace etr2nn::testing
