#include "layout/detail/invariants.hpp"

#include <algorithm>

#include "layout/detail/soundness_checks.hpp"

namespace etr2nn::layout {

InvariantViolation::InvariantViolation(const Violation& v)
    : std::logic_error("layout check " + to_string(v) +
                       " (a bug in etr2nn's layout, or a modified file)"),
      check_(v.check) {}

std::string to_string(const Violation& v) {
  return "N" + std::to_string(v.check) + ": " + v.message;
}

std::vector<Violation> find_violations(const Arrangement& a, std::size_t hidden_neurons,
                                       std::size_t limit, const CheckProgress& progress) {
  Violations out(limit);
  check_structure(a, out);
  if (out.found().empty()) {  // the checks below index by the references
    check_lane_directions(a, out);
    check_home_points(a, out, progress);
    if (!out.any(1)) {  // windows need every normal to cross the lanes
      // Lane by lane: one lane's windows at a time (they are two rationals
      // per gadget), the hulls kept for N6. The order of the reports is
      // that of N3 on all lanes, then N6.
      FamilyHulls hulls(a.families.size());
      for (unsigned j = 0; j < lane_count; ++j) {
        const std::vector<Window> windows = lane_windows(a, j);
        check_lane_windows(a, j, windows, out);
        add_to_hulls(a, j, windows, hulls);
      }
      check_family_hulls(a, hulls, out);
    }
    check_point_strips(a, out);
    check_point_roles(a, out);
    check_family_indices(a, out);
    check_budgets_and_labels(a, hidden_neurons, out);
  }
  const std::size_t points = a.data_points.size() + a.constraint_points.size();
  if (progress) progress(points, points);
  std::vector<Violation> found = out.found();
  std::stable_sort(found.begin(), found.end(),
                   [](const Violation& p, const Violation& q) { return p.check < q.check; });
  return found;
}

void check_invariants(const Arrangement& a, std::size_t hidden_neurons,
                      const CheckProgress& progress) {
  auto violations = find_violations(a, hidden_neurons, 1, progress);
  if (!violations.empty()) throw InvariantViolation(violations.front());
}

}  // namespace etr2nn::layout
