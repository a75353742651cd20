// A gadget kind: the one-dimensional profile a gadget strip must carry.
//
// A gadget is a strip {x : 0 <= n·x - o <= 19} in the plane; along its
// coordinate t = n·x - o the network must follow a CPWL profile R -> R^2 that
// passes through the kind's data-line labels. See docs/gadgets.md and
// docs/reduction.md sections 2-3. Everything is exact.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "numeric/real.hpp"

namespace z3 {
class expr;
}  // namespace z3

namespace etr2nn::gadgets {

using numeric::Real;

// A label: the two network outputs a data point must take.
struct Label {
  mpq_class out1, out2;
  friend bool operator==(const Label&, const Label&) = default;
  friend bool operator<(const Label& a, const Label& b) {
    return a.out1 != b.out1 ? a.out1 < b.out1 : a.out2 < b.out2;
  }
};

// A data line t = position carrying points labelled `label`.
struct DataLine {
  mpq_class position;
  Label label;
};

// What a measuring line reads on one output: constant + coefficient · s_p,
// where s_p = parameters()[parameter] is one of the gadget's slope parameters
// (coefficient 0: a constant reading). The certifier proves that EVERY fit of
// the gadget's data within its budget reads this way (not only the witness).
struct Reading {
  mpq_class constant;
  mpq_class coefficient;
  unsigned parameter = 0;
  friend bool operator==(const Reading&, const Reading&) = default;
};

// A measuring line t = position: not a data line; constraint points sit on it.
// Its value is out1/out2 below, in terms of the gadget's slope parameters
// (s1 = X + 1 for out1, s2 = 1/X + 1 for out2 of the I gadget; the one slope
// s = X + 1 for both outputs of D).
struct MeasuringLine {
  mpq_class position;
  std::string reads;  // e.g. "3 - s1 on out1, 0 on out2"
  Reading out1{};
  Reading out2{};
};

// A witness breakpoint as z3 terms in a symbolic X (gadgets/symbolic_witness.hpp
// defines it; it needs <z3++.h>, which this header keeps out).
struct SymbolicBreakpoint;

// One breakpoint of a witness profile: slope change delta at beta, per output.
// It becomes one hidden neuron ReLU(t - beta) with output weights delta.
struct Breakpoint {
  Real beta;
  Real delta1, delta2;
};

// The profile's support: it is 0 for t <= 0 and for t >= strip_width.
inline const mpq_class strip_width{19};

class GadgetKind {
 public:
  virtual ~GadgetKind() = default;

  virtual std::string name() const = 0;         // "I", "D"
  virtual std::string description() const = 0;  // one line
  virtual const std::vector<DataLine>& data_lines() const = 0;
  virtual unsigned breakpoint_budget() const = 0;  // neurons per gadget
  virtual const std::vector<MeasuringLine>& measuring_lines() const = 0;
  // Names of the slope parameters that Reading::parameter indexes; the first
  // one is always X + 1 (so a decoder reads X = s_0 - 1). The default throws
  // std::logic_error (kept non-pure so other implementations still compile).
  virtual std::vector<std::string> parameters() const;

  // The witness profile for variable value X in [1/2, 2] (the slope parameter
  // is s = X + 1). Throws std::domain_error outside admitted_range().
  virtual std::vector<Breakpoint> witness(const Real& x) const = 0;
  // The closed range of X for which witness() fits every data line.
  virtual std::pair<mpq_class, mpq_class> admitted_range() const = 0;
  // The same witness as z3 terms in a symbolic real x of numeric::z3_context(),
  // so that "the witness fits for every X in range" can be proved with X
  // symbolic. witness(v) equals symbolic_witness(x) evaluated at x = v.
  // The default throws std::logic_error.
  virtual std::vector<SymbolicBreakpoint> symbolic_witness(const z3::expr& x) const;
};

// Exact evaluation of the CPWL profile given by breakpoints (0 left of all of
// them): {out1, out2} at t.
std::pair<Real, Real> evaluate(const std::vector<Breakpoint>& profile, const Real& t);

}  // namespace etr2nn::gadgets
