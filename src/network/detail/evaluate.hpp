// Exact evaluation of a network at many points (docs/reduction.md, section 6
// "Exact verification").
//
// Evaluating every neuron at every point costs O(P·m). Instead the neurons are
// grouped by direction: ReLU(a·x + b) with a = λ·d, λ > 0, d normalised so that
// its first non-zero coordinate is ±1, equals λ·ReLU(d·x − β) with β = −b/λ.
// Within a group (same d) the sum at t = d·x is
//     Σ_{β_i < t} w_i (t − β_i) = t·Σ w_i − Σ β_i w_i     (w_i = λ_i v_i),
// so after sorting by β and keeping prefix sums of w and β·w, one binary search
// and two prefix sums give the group's exact contribution. Only a POSITIVE
// factor may be divided out: a = −λd flips the ReLU to the other side and
// lands in the group of −d. Neurons with a = 0 are the constant ReLU(b)·v.
// Cost: O(m log m) to build, O(G log m) per point for G distinct directions
// (G = 4 for witness networks).
//
// When every weight is rational the evaluator works in mpq_class directly;
// otherwise in Real (exact algebraic arithmetic, numeric/number_field.hpp).
#pragma once

#include <array>
#include <memory>

#include "geometry/plane.hpp"
#include "network/detail/network.hpp"

namespace etr2nn::network {

using Output = std::array<Real, 2>;

// The reference: every neuron at the point, O(m). Used to cross-check.
Output evaluate_naive(const Network& network, const geometry::Point& x);

class Evaluator {
 public:
  explicit Evaluator(const Network& network);
  ~Evaluator();
  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;

  Output operator()(const geometry::Point& x) const;
  // f(x) == (out1, out2), exactly; cheaper than comparing operator()'s result
  // because no Real is made on the way.
  bool fits(const geometry::Point& x, const mpq_class& out1, const mpq_class& out2) const;

  std::size_t directions() const;  // G: distinct directions up to a positive factor
  bool rational() const;           // true when the mpq_class path is used

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace etr2nn::network
