// The per-dataset checks N1–N7 (docs/soundness.md, "The per-dataset checks"),
// exact, no tolerance. They are what makes the hardness proof apply to one
// particular arrangement:
//
//   N1  every family's normal crosses the lanes (n_F·d != 0), every gadget has
//       its family's normal and width 19, and the lanes are three distinct
//       parallel lines;
//   N2  the home points of gadget g are exactly the crossings of the three
//       lanes with g's 13 data lines, one each, with the data line's label;
//   N3  on each lane the closed windows (where the lane lies in a strip) are
//       pairwise disjoint;
//   N4  each constraint and copy point lies on its listed measuring lines and
//       in no other closed strip (parallel strips being disjoint); each
//       constraint has one point of its kind on gadgets carrying its variables,
//       and each fresh I copy one copy point to its canonical gadget;
//   N5  inside each family the indices s_g are distinct with base-3 digits in
//       {0, 1}, and pitch > 2·19 + 2·(max ε − min ε), ε_g = o_g − origin − pitch·s_g;
//   N6  for every triple of families (F0, F1, F2), not all equal, the hulls of
//       their windows satisfy (h_{F0,0} + h_{F2,2}) ∩ 2·h_{F1,1} = ∅;
//   N7  m equals the sum of the gadgets' breakpoint budgets, each budget is the
//       size of its kind's witness profile, and at most 13 labels are used.
//
// N2 and N3 also give what the witness direction needs of home points (each
// lies in no strip but its own), so with N4 the witness network fits every
// point. A violation is a bug in the layout (or a tampered file), never a
// property of the input: compile treats it as fatal, readers reject the file.
//
// Cost O(G log G + P): windows are sorted per lane, strips per family, and
// each point is tested with a constant number of exact operations.
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "layout/detail/arrangement.hpp"

namespace etr2nn::layout {

inline constexpr std::size_t max_labels = 13;

struct Violation {
  int check = 0;  // 1..7: N1..N7
  std::string message;
};

class InvariantViolation : public std::logic_error {
 public:
  explicit InvariantViolation(const Violation& v);
  int check() const { return check_; }

 private:
  int check_;
};

// "N4: constraint point 3 (add) at (0, -100) lies in the strip of gadget 7".
std::string to_string(const Violation& v);

// Up to `limit` violations (all of them when limit == 0), ordered by check.
// `hidden_neurons` is the m that goes into the dataset. Checks that rely on
// an earlier one (N4 on disjoint parallel strips, N3/N6 on N1) are skipped
// when it fails. `progress`, when set, is called now and then with
// (points checked, points).
using CheckProgress = std::function<void(std::size_t, std::size_t)>;
std::vector<Violation> find_violations(const Arrangement& arrangement, std::size_t hidden_neurons,
                                       std::size_t limit = 20, const CheckProgress& progress = {});

// Throws InvariantViolation for the first violation found.
void check_invariants(const Arrangement& arrangement, std::size_t hidden_neurons,
                      const CheckProgress& progress = {});

}  // namespace etr2nn::layout
