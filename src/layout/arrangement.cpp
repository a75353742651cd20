#include "layout/detail/arrangement.hpp"

#include <stdexcept>

namespace etr2nn::layout {

std::size_t DataPoints::size() const {
  return explicit_ ? explicit_->size() : owner_->gadgets.size() * home_points_per_gadget;
}

DataPoint DataPoints::operator[](std::size_t i) const {
  if (explicit_) return (*explicit_)[i];
  const std::size_t g = i / home_points_per_gadget, r = i % home_points_per_gadget;
  return home_point(*owner_, g, r / lane_count, static_cast<unsigned>(r % lane_count));
}

std::vector<DataPoint>& DataPoints::edit() {
  if (!explicit_) {
    std::vector<DataPoint> points(begin(), end());
    explicit_ = std::move(points);
  }
  return *explicit_;
}

Arrangement::Arrangement(const Arrangement& o)
    : instance(o.instance),
      parameters(o.parameters),
      lanes(o.lanes),
      families(o.families),
      canonical(o.canonical),
      gadgets(o.gadgets),
      constraint_points(o.constraint_points),
      data_points(*this, o.data_points) {}

Arrangement::Arrangement(Arrangement&& o) noexcept
    : instance(std::move(o.instance)),
      parameters(std::move(o.parameters)),
      lanes(std::move(o.lanes)),
      families(std::move(o.families)),
      canonical(std::move(o.canonical)),
      gadgets(std::move(o.gadgets)),
      constraint_points(std::move(o.constraint_points)),
      data_points(*this, std::move(o.data_points)) {}

Arrangement& Arrangement::operator=(const Arrangement& o) {
  if (this != &o) *this = Arrangement(o);
  return *this;
}

Arrangement& Arrangement::operator=(Arrangement&& o) noexcept {
  instance = std::move(o.instance);
  parameters = std::move(o.parameters);
  lanes = std::move(o.lanes);
  families = std::move(o.families);
  canonical = std::move(o.canonical);
  gadgets = std::move(o.gadgets);
  constraint_points = std::move(o.constraint_points);
  data_points = std::move(o.data_points);
  return *this;
}

DataPoint home_point(const Arrangement& a, std::size_t g, std::size_t line, unsigned lane) {
  const Gadget& gadget = a.gadgets.at(g);
  const auto& lines = gadget.kind->data_lines();
  if (lines.size() != data_lines_per_gadget)
    throw std::logic_error("home_point: gadget kind " + gadget.kind->name() + " has " +
                           std::to_string(lines.size()) + " data lines, not 13");
  return {a.lanes.at(lane, lane_crossing(a.lanes, lane, gadget.strip, lines[line].position)), g,
          line, lane};
}

std::set<gadgets::Label> data_point_labels(const Arrangement& a) {
  std::set<gadgets::Label> labels;
  if (a.data_points.generated()) {
    std::set<const gadgets::GadgetKind*> kinds;
    for (const auto& g : a.gadgets) kinds.insert(g.kind);
    for (const auto* k : kinds)
      for (const auto& line : k->data_lines()) labels.insert(line.label);
  } else {
    for (const auto& d : a.data_points)
      labels.insert(a.gadgets[d.gadget].kind->data_lines()[d.line].label);
  }
  return labels;
}

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
