// A one-dimensional continuous piecewise linear map R -> R^2.
//
//   f(t) = c0 + c1·t + Σ_i δ_i · max(0, t − β_i)        (c0, c1, δ_i ∈ R²)
//
// This is exactly what one gadget strip of a one-hidden-layer ReLU network
// computes along its coordinate t: each breakpoint β_i is one hidden neuron
// whose two output weights are δ_i; both outputs share the breakpoints. The
// certifier's claims are about all such maps; witnesses are instances.
// Everything is exact (Real: rational or real algebraic).
#pragma once

#include <utility>
#include <vector>

#include "gadgets/gadget_kind.hpp"

namespace etr2nn::gadgets {

struct Output2 {
  Real out1, out2;
  friend bool operator==(const Output2&, const Output2&) = default;
};

class Cpwl {
 public:
  Cpwl() = default;
  // A profile that is 0 left of every breakpoint (a gadget witness).
  explicit Cpwl(std::vector<Breakpoint> breakpoints);
  Cpwl(Output2 constant, Output2 slope, std::vector<Breakpoint> breakpoints);

  Output2 operator()(const Real& t) const;
  // The slope on the piece just right of t (what a neuron's ReLU adds at t).
  Output2 slope_right_of(const Real& t) const;

  // Breakpoints with a nonzero slope change on some output, counted once per
  // distinct position (two neurons at one position are one kink).
  std::size_t kink_count() const;
  const std::vector<Breakpoint>& breakpoints() const { return breakpoints_; }

  // True when f(t_k) equals the label on every data line, exactly.
  bool fits(const std::vector<DataLine>& data) const;
  // The first data line f misses, or nullptr.
  const DataLine* first_miss(const std::vector<DataLine>& data) const;

 private:
  Output2 constant_{0, 0};
  Output2 slope_{0, 0};
  std::vector<Breakpoint> breakpoints_;
};

}  // namespace etr2nn::gadgets
