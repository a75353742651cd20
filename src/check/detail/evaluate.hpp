// Exact evaluation of a network at rational points: the checker's kernel.
//
// The definition is evaluate_naive: every neuron at the point, O(m) exact
// operations. Checking P points that way costs O(P·m), too much for compiled
// datasets with thousands of neurons and points each, so Evaluator computes
// the same sums grouped by neuron direction:
//
//   ReLU(a·x + b) = λ·ReLU(d·x − β)   with λ = |first non-zero coordinate of a|,
//                                      d = a/λ, β = −b/λ   (λ > 0 only!)
//
// so for one direction d and t = d·x, with w_i = λ_i·v_i,
//
//   Σ_i v_i ReLU(a_i·x + b_i) = Σ_{β_i < t} w_i (t − β_i) = t·W(t) − B(t),
//
// W and B being prefix sums of w_i and β_i·w_i over the terms sorted by β
// (a binary search finds the prefix). Neurons with a = 0 add the constant
// ReLU(b)·v. Nothing is approximated: both forms are exact and the tests
// compare them point by point.
//
// All-rational networks are evaluated in mpq_class only; otherwise in
// numeric::Real (exact real algebraic arithmetic). For rational networks
// the prefix sums are kept scaled to machine integers where they fit and in
// mpq_class beside them where they do not (see evaluate.cpp): fits() first
// tries __int128 arithmetic with overflow checks, which answers exactly or
// declines, never rounds; a declined point is evaluated in mpq_class from
// the same tables. That keeps about 64 bytes per neuron instead of five
// rationals.
#pragma once

#include <array>
#include <cstddef>
#include <memory>

#include "check/detail/model.hpp"

namespace etr2nn::check {

using Output = std::array<Real, 2>;

// The reference: f(x) straight from the definition.
Output evaluate_naive(const Network& network, const Point& x);
Output evaluate_naive(const RationalNetwork& network, const Point& x);

class Evaluator {
 public:
  explicit Evaluator(const Network& network);
  explicit Evaluator(const RationalNetwork& network);
  ~Evaluator();
  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;

  Output operator()(const Point& x) const;
  // f(x) == y exactly (cheaper than operator(): no Real is made on the mpq path).
  bool fits(const Point& x, const Label& y) const;

  std::size_t directions() const;  // distinct directions d (neurons with a = 0 not counted)
  bool rational() const;           // true when evaluation is in mpq_class
  // True when the rational kernel is the scaled one (the constant and every
  // direction scale to int64); points the integers cannot decide exactly
  // (huge coordinates, a breakpoint or prefix sum beyond int64, overflow)
  // still go to mpq_class. False: a plain mpq_class (or Real) kernel.
  bool integer_path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace etr2nn::check
