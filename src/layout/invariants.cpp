#include "layout/detail/invariants.hpp"

#include <algorithm>
#include <future>

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
    // N3 and N6 on a second thread while this one does N4, N5 and N7: they
    // read the arrangement only, each reports into its own list, and the
    // lists are joined in the sequential order (N3, N6, then the rest), so
    // the result, limit included, is that of one pass.
    const bool crossing = !out.any(1);  // windows need every normal to cross the lanes
    auto windows_part = std::async(std::launch::async, [&a, crossing, limit] {
      Violations found(limit);
      if (!crossing) return found;
      // Lane by lane: one lane's windows at a time (they are two rationals
      // per gadget), the hulls kept for N6.
      FamilyHulls hulls(a.families.size());
      for (unsigned j = 0; j < lane_count; ++j) {
        const std::vector<Window> windows = lane_windows(a, j);
        check_lane_windows(a, j, windows, found);
        add_to_hulls(a, j, windows, hulls);
      }
      check_family_hulls(a, hulls, found);
      return found;
    });
    Violations rest(limit);
    check_point_strips(a, rest);
    check_point_roles(a, rest);
    check_family_indices(a, rest);
    check_budgets_and_labels(a, hidden_neurons, rest);
    const Violations windows_found = windows_part.get();
    for (const Violations* part : std::initializer_list<const Violations*>{&windows_found, &rest})
      for (const auto& v : part->found()) out.report(v.check, v.message);
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
