// The layout invariants (REDUCTION.md section 4), checked exactly, no tolerance:
//
//   1. every data point of gadget g lies on its data line and outside the
//      closed strip of every other gadget (and every data line of every
//      gadget carries points);
//   2. every constraint point lies on exactly its intended measuring lines
//      (one per line of its kind, each of a distinct gadget of the right kind)
//      and outside the closed strip of every other gadget;
//   3. parallel strips are disjoint;
//   4. there are at most 13 distinct labels;
//   5. the number of hidden neurons m equals the sum of the gadgets'
//      breakpoint budgets, and each budget is the size of its kind's witness
//      profile.
//
// With them, the witness network (one ridge per gadget) fits every point, so
// a violation is a bug in the layout, never a property of the input: compile
// treats it as fatal.
//
// Cost O(P log G): strips are grouped by normal and sorted by offset, and each
// point finds the strips containing it by binary search in each group.
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "layout/arrangement.hpp"

namespace etr2nn::layout {

inline constexpr std::size_t max_labels = 13;

struct Violation {
  int invariant = 0;  // 1..5, as numbered above
  std::string message;
};

class InvariantViolation : public std::logic_error {
 public:
  explicit InvariantViolation(const Violation& v);
  int invariant() const { return invariant_; }

 private:
  int invariant_;
};

// Up to `limit` violations (all of them when limit == 0), by invariant number.
// `hidden_neurons` is the m that goes into the dataset. When invariant 3 fails,
// invariants 1 and 2 are not examined (their fast check relies on it).
// `progress`, when set, is called now and then with (points checked, points).
using CheckProgress = std::function<void(std::size_t, std::size_t)>;
std::vector<Violation> find_violations(const Arrangement& arrangement, std::size_t hidden_neurons,
                                       std::size_t limit = 20, const CheckProgress& progress = {});

// Throws InvariantViolation for the first violation found.
void check_invariants(const Arrangement& arrangement, std::size_t hidden_neurons,
                      const CheckProgress& progress = {});

}  // namespace etr2nn::layout
