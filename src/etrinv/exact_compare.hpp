// Exact comparison of Reals through the sign of their difference.
//
// Why not numeric::compare: for two *equal* irrational values with different
// representations (e.g. -(x^3/3) and x - 6 - x^2 at a root of
// x^3 - 3x^2 + 3x - 18), z3's Z3_algebraic_lt did not return within minutes,
// while z3 computes the difference as exactly 0 in microseconds. Every model
// check of an equation at an algebraic point compares equal values, so the
// chain and the model checks compare this way.
#pragma once

#include <optional>

#include "etrinv/instance.hpp"
#include "numeric/real.hpp"

namespace etr2nn::etrinv {

inline int compare_exact(const numeric::Real& a, const numeric::Real& b) {
  if (a.is_rational() && b.is_rational()) return cmp(a.rational(), b.rational());
  return (a - b).sign();
}

inline bool equal_exact(const numeric::Real& a, const numeric::Real& b) {
  return compare_exact(a, b) == 0;
}

// etrinv::first_violation (ranges first, then constraints) with compare_exact.
std::optional<Violation> first_violation_exact(const Instance& instance, const Assignment& values);

}  // namespace etr2nn::etrinv
