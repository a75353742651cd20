// Combinatorial types of a 1-D CPWL map, relative to finitely many positions.
//
// Only the values at the positions p_0 < ... < p_{n-1} (data and measuring
// lines) matter to the gadget claims. For those values, a breakpoint of
// f(t) = c0 + c1 t + Σ δ_i max(0, t - β_i) is in one of these slots:
//   - outside the open interval (p_0, p_{n-1}): it adds an affine function on
//     [p_0, p_{n-1}], absorbed by c0 + c1 t — wasted;
//   - at an interior position p_j: several there act as one (sum their δ);
//   - strictly inside a gap (p_j, p_{j+1}): one there couples the slopes on both
//     sides of the gap (cpwl_type_encoding.hpp); two or more make the slopes on
//     both sides independent, so more than two act as two.
// A type gives each interior position 0 or 1 breakpoints and each gap 0, 1 or
// 2; every CPWL map with at most k breakpoints matches (on the positions) some
// type with total at most k. Types in which some breakpoint-free run of slots
// holds three data points that are not collinear on some output cannot fit the
// data and are never produced.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gadgets/gadget_kind.hpp"

namespace etr2nn::certify {

struct CpwlType {
  std::vector<unsigned> at_position;  // size n; the two end positions are always 0
  std::vector<unsigned> in_gap;       // size n - 1; 0 .. max_per_gap (normally 2)
  unsigned total() const;
  // e.g. "gap(2,3):1 at 11 at 17" (positions printed exactly).
  std::string describe(const std::vector<mpq_class>& positions) const;
};

// The positions a gadget claim is about: the sorted union of its data-line and
// measuring-line positions, with the label where there is a data line.
struct PositionTable {
  std::vector<mpq_class> positions;
  std::vector<std::optional<gadgets::Label>> label;  // per position
};
// Throws std::invalid_argument when a measuring line sits on a data line or
// two data lines share a position.
PositionTable position_table(const std::vector<gadgets::DataLine>& data,
                             const std::vector<gadgets::MeasuringLine>& measuring);

struct EnumerationStats {
  std::size_t types = 0;   // types visited
  std::size_t pruned = 0;  // partial types cut by collinearity or budget
};

// Calls visit for every type with total <= budget that passes the collinearity
// test. Deterministic order. Gaps hold at most `max_per_gap` breakpoints: 2
// suffices for claims about the values at the positions (see above); claims
// about the breakpoints themselves (rigidity) pass the budget, so that a type
// is the exact distribution of the breakpoints over the slots.
EnumerationStats enumerate_types(const PositionTable& table, unsigned budget,
                                 const std::function<void(const CpwlType&)>& visit,
                                 unsigned max_per_gap = 2);

}  // namespace etr2nn::certify
