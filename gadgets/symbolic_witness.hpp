// Witness profiles as z3 terms, and the one formula both witness forms share.
//
// Each gadget writes its witness once, as a template over the number type
// (numeric::Real for exact values, z3::expr for a symbolic X); the certifier
// proves the symbolic form fits the data for every X in range, and the exact
// form is that same formula evaluated, so the proof covers what the compiler
// emits.
#pragma once

#include <z3++.h>

#include <vector>

#include "gadgets/gadget_kind.hpp"

namespace etr2nn::gadgets {

struct SymbolicBreakpoint {
  z3::expr beta;
  z3::expr delta1, delta2;
};

// A breakpoint over any number type.
template <class Number>
struct BreakpointOf {
  Number beta, delta1, delta2;
};

// Integer constants in the number type of `like` (z3 constants need a context).
inline Real constant_like(const Real&, int value) {
  return Real(value);
}
inline z3::expr constant_like(const z3::expr& like, int value) {
  return like.ctx().real_val(value);
}

inline std::vector<Breakpoint> to_breakpoints(const std::vector<BreakpointOf<Real>>& formula) {
  std::vector<Breakpoint> out;
  for (const auto& b : formula) out.push_back({b.beta, b.delta1, b.delta2});
  return out;
}

inline std::vector<SymbolicBreakpoint> to_symbolic(
    const std::vector<BreakpointOf<z3::expr>>& formula) {
  std::vector<SymbolicBreakpoint> out;
  for (const auto& b : formula) out.push_back({b.beta, b.delta1, b.delta2});
  return out;
}

}  // namespace etr2nn::gadgets
