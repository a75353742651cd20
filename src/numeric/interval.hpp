// Closed rational intervals [lo, hi]: enclosures of real numbers, used to
// decide signs of algebraic numbers without a solver (a sign is known once an
// enclosure excludes 0).
#pragma once

#include <gmpxx.h>

#include "numeric/polynomial.hpp"

namespace etr2nn::numeric {

struct Interval {
  mpq_class lo, hi;

  // +1 or -1 when every point has that sign, 0 when the interval meets 0.
  int certain_sign() const { return lo > 0 ? 1 : hi < 0 ? -1 : 0; }
  mpq_class width() const { return hi - lo; }
};

Interval operator+(const Interval& a, const Interval& b);
Interval operator*(const Interval& a, const Interval& b);
Interval operator*(const mpq_class& k, const Interval& a);

// The range of p over x (Horner's scheme; an enclosure, not always the tightest).
Interval evaluate(const Polynomial& p, const Interval& x);

// The smallest interval with ends in 2^-bits·Z that contains x: the same
// enclosure written with short numbers.
Interval outward_dyadic(const Interval& x, unsigned bits);

// An enclosure of √a within 2^-bits of the true bounds. Precondition: a.lo >= 0.
Interval sqrt(const Interval& a, unsigned bits);

}  // namespace etr2nn::numeric
