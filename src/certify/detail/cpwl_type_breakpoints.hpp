// One combinatorial type with its breakpoints as explicit unknowns.
//
// cpwl_type_encoding.hpp describes a type by values and end-of-gap slopes,
// which is all a claim about values needs. A claim about the breakpoints
// themselves (rigidity: "the fit IS this profile") needs them as unknowns:
//   f(t) = c0 + c1·t + Σ_i δ_i·max(0, t − β_i),  i = 1..total in slot order,
// with β_i = p_j for a breakpoint on position p_j and
// p_g < β_i < β_{i+1} < … < p_{g+1} for the breakpoints in gap g (the type
// must come from enumerate_types with max_per_gap = budget, so that a type is
// the exact distribution of the breakpoints over the slots), and, per data
// line p_j, c0 + c1·p_j + Σ_{β_i left of p_j} δ_i·(p_j − β_i) = label
// (bilinear in δ, β). Every CPWL map whose breakpoints in (p_0, p_{n−1}) are
// distributed as the type, restricted to [p_0, p_{n−1}], is a solution, and
// every solution is such a map (δ_i may be 0: no breakpoint is assumed
// genuine, which only makes the claims stronger).
#pragma once

#include <z3++.h>

#include <vector>

#include "certify/detail/cpwl_type_enumeration.hpp"
#include "gadgets/symbolic_witness.hpp"

namespace etr2nn::certify {

struct BreakpointUnknowns {
  z3::expr constant1, constant2;                         // c0
  z3::expr slope1, slope2;                               // c1: the slope left of every breakpoint
  std::vector<gadgets::SymbolicBreakpoint> breakpoints;  // left to right
  z3::expr_vector constraints;                           // placement and data lines
};

BreakpointUnknowns encode_breakpoints(z3::context& context, const PositionTable& table,
                                      const CpwlType& type);

}  // namespace etr2nn::certify
