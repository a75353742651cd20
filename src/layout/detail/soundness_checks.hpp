// The checks N1–N7 one by one (layout/detail/invariants.hpp states them and runs them
// in order; docs/soundness.md says which step of the hardness proof each one
// carries). Exposed separately so that tests can break one rule on purpose and
// see exactly its check fail, and compare N3–N6 against brute force.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "layout/detail/arrangement.hpp"
#include "layout/detail/gadget_points.hpp"
#include "layout/detail/invariants.hpp"

namespace etr2nn::layout {

// Collects violations up to a limit (0: no limit).
class Violations {
 public:
  explicit Violations(std::size_t limit = 0) : limit_(limit) {}
  void report(int check, std::string message);
  bool full() const { return limit_ > 0 && found_.size() >= limit_; }
  std::size_t limit() const { return limit_; }  // 0: none
  bool any(int check) const;
  const std::vector<Violation>& found() const { return found_; }

 private:
  std::size_t limit_;
  std::vector<Violation> found_;
};

// The closed τ-interval where a lane lies in the strip of `gadget`.
struct Window {
  mpq_class low, high;
  std::size_t gadget = 0;
};
// Per lane, every gadget's window, sorted by `low`.
using LaneWindows = std::array<std::vector<Window>, lane_count>;
// Precondition: check_lane_directions found nothing.
LaneWindows lane_windows(const Arrangement& a);
// One lane's windows only: find_violations goes lane by lane, so that one
// lane's windows (two rationals per gadget) are held at a time, not three.
std::vector<Window> lane_windows(const Arrangement& a, unsigned lane);

// The hull of each family's windows on each lane (N6 needs nothing more of
// the windows), gathered lane by lane.
struct Hull {
  bool empty = true;
  mpq_class low, high;
  void add(const Window& w);
};
using FamilyHulls = std::vector<std::array<Hull, lane_count>>;  // [family][lane]
void add_to_hulls(const Arrangement& a, unsigned lane, const std::vector<Window>& windows,
                  FamilyHulls& hulls);

// References in range (kinds, families, data lines, lanes, constraint point
// gadgets); the other checks index by them. Reported under N1, N2 and N4.
void check_structure(const Arrangement& a, Violations& out);

void check_lane_directions(const Arrangement& a, Violations& out);  // N1
void check_home_points(const Arrangement& a, Violations& out,
                       const CheckProgress& progress = {});  // N2
// Also N2, for generated points: the data points that GadgetPoints gives from
// template t lie on their data lines and lanes for every strip offset
// (check_home_points runs it for every template that fits, and checks the
// gadgets that GadgetPoints declines point by point).
void check_home_point_template(const Arrangement& a, const GadgetPoints::Template& t,
                               Violations& out);
void check_lane_windows(const Arrangement& a, const LaneWindows& w, Violations& out);  // N3
// N3 on one lane, given that lane's windows.
void check_lane_windows(const Arrangement& a, unsigned lane, const std::vector<Window>& w,
                        Violations& out);
void check_point_strips(const Arrangement& a, Violations& out);  // N4
// Also N4: every constraint has exactly one point, of the kind that enforces
// it, on fresh gadgets carrying its variables; every fresh I copy has exactly
// one copy point to its variable's canonical gadget (decoding reads there).
void check_point_roles(const Arrangement& a, Violations& out);                         // N4
void check_family_indices(const Arrangement& a, Violations& out);                      // N5
void check_family_hulls(const Arrangement& a, const LaneWindows& w, Violations& out);  // N6
// N6 from the hulls (hulls.size() == a.families.size()).
void check_family_hulls(const Arrangement& a, const FamilyHulls& hulls, Violations& out);
void check_budgets_and_labels(const Arrangement& a, std::size_t hidden_neurons,
                              Violations& out);  // N7

}  // namespace etr2nn::layout
