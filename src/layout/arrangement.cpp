#include "layout/arrangement.hpp"

#include <stdexcept>

namespace etr2nn::layout {

std::size_t Arrangement::hidden_neurons() const {
  std::size_t m = 0;
  for (const auto& g : gadgets) m += g.kind->breakpoint_budget();
  return m;
}

geometry::Point Lanes::start(unsigned lane) const {
  return {base.x + spacing.x * lane, base.y + spacing.y * lane};
}

geometry::Point Lanes::at(unsigned lane, const mpq_class& tau) const {
  geometry::Point p = start(lane);
  geometry::add_multiple(p.x, direction.a, tau);
  geometry::add_multiple(p.y, direction.b, tau);
  return p;
}

unsigned Lanes::lane_of(const geometry::Point& p) const {
  const auto cross = [&](const mpq_class& x, const mpq_class& y) -> mpq_class {
    return x * direction.b - y * direction.a;
  };
  const mpq_class step = cross(spacing.x, spacing.y);
  const mpq_class here = cross(p.x - base.x, p.y - base.y);
  for (unsigned j = 0; j < lane_count; ++j)
    if (here == step * j) return j;
  return lane_count;
}

mpq_class lane_crossing(const Lanes& lanes, unsigned lane, const geometry::Strip& s,
                        const mpq_class& t) {
  // n·(P_j + τ d) - o = t  <=>  τ = (o + t - n·P_j) / (n·d).
  const long nd = geometry::dot(s.normal, lanes.direction);
  if (nd == 0) throw std::logic_error("lane_crossing: strip parallel to the lanes");
  mpq_class tau = s.offset + t - geometry::level(s.normal, lanes.start(lane));
  tau /= nd;
  return tau;
}

}  // namespace etr2nn::layout
