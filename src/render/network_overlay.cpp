#include "render/detail/network_overlay.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "check/check.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::render {
namespace {

using check::Real;

// The strips of each direction sorted by offset: a family's strips are
// disjoint, so the one that can hold a level is found by binary search
// (datasets have thousands of gadgets and several neurons per gadget).
class StripIndex {
 public:
  explicit StripIndex(const layout::Arrangement& a) : a_(a) {
    for (std::size_t g = 0; g < a.gadgets.size(); ++g)
      by_normal_[a.gadgets[g].strip.normal].emplace_back(a.gadgets[g].strip.offset, g);
    for (auto& [normal, strips] : by_normal_) std::sort(strips.begin(), strips.end());
  }

  std::size_t gadget_of(const check::Neuron& neuron) const {
    const Real& a0 = neuron.a[0];
    const Real& a1 = neuron.a[1];
    if (a0 == Real(0) && a1 == Real(0)) return unassigned;  // a constant: no breakline
    for (const auto& [n, strips] : by_normal_) {
      // Parallel: a = λ·n for some λ != 0.
      if (a0 * Real(n.b) != a1 * Real(n.a)) continue;
      const Real lambda = n.a != 0 ? a0 / Real(n.a) : a1 / Real(n.b);
      const Real level = -neuron.b / lambda;  // the breakline is n·x = level
      // The last strip starting at or below the level.
      auto it = std::upper_bound(strips.begin(), strips.end(), level,
                                 [](const Real& l, const std::pair<mpq_class, std::size_t>& s) {
                                   return l < Real(s.first);
                                 });
      if (it == strips.begin()) return unassigned;
      --it;
      const geometry::Strip& strip = a_.gadgets[it->second].strip;
      if (level <= Real(mpq_class(strip.offset + strip.width))) return it->second;
      return unassigned;
    }
    return unassigned;
  }

 private:
  const layout::Arrangement& a_;
  std::map<geometry::Normal, std::vector<std::pair<mpq_class, std::size_t>>> by_normal_;
};

check::Point checker_point(const geometry::Point& p) {
  return {p.x, p.y};
}

}  // namespace

std::string Miss::text() const {
  const Real e1 = output[0] - Real(label.out1), e2 = output[1] - Real(label.out2);
  return "f = (" + output[0].to_string() + ", " + output[1].to_string() + "), label (" +
         numeric::to_string(label.out1) + ", " + numeric::to_string(label.out2) + "), error (" +
         e1.to_string() + ", " + e2.to_string() + ")";
}

check::Label data_label(const layout::Arrangement& a, const layout::DataPoint& point) {
  const gadgets::Label& l = a.gadgets[point.gadget].kind->data_lines()[point.line].label;
  return {l.out1, l.out2};
}

check::Label constraint_label(const layout::ConstraintPoint& point) {
  return {point.kind->label.out1, point.kind->label.out2};
}

NetworkOverlay overlay_network(const layout::Arrangement& a, const check::Network& network) {
  NetworkOverlay overlay;
  const StripIndex index(a);
  overlay.gadget_of.reserve(network.neurons.size());
  for (const auto& neuron : network.neurons) overlay.gadget_of.push_back(index.gadget_of(neuron));

  const check::Evaluator evaluate(network);
  auto check_point = [&](const geometry::Point& where, const check::Label& label, bool constraint,
                         std::size_t i) {
    ++overlay.points_checked;
    const check::Point x = checker_point(where);
    if (evaluate.fits(x, label)) return;
    overlay.misses.push_back({where, label, evaluate(x), constraint, i});
  };
  // Data points by value: the arrangement may compute them on demand.
  for (std::size_t i = 0; i < a.data_points.size(); ++i) {
    const layout::DataPoint d = a.data_points[i];
    check_point(d.where, data_label(a, d), false, i);
  }
  for (std::size_t i = 0; i < a.constraint_points.size(); ++i)
    check_point(a.constraint_points[i].where, constraint_label(a.constraint_points[i]), true, i);
  return overlay;
}

}  // namespace etr2nn::render
