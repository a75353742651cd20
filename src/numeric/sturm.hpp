// Exact real-root counting for univariate polynomials (Sturm's theorem).
//
// Used to prove that an interval isolates one root of a defining polynomial,
// in rational arithmetic and without a solver call.
#pragma once

#include "numeric/polynomial.hpp"

namespace etr2nn::numeric {

// The number of distinct real roots of p in the open interval (lower, upper).
// Preconditions: p is not the zero polynomial, lower < upper.
unsigned count_roots(const Polynomial& p, const mpq_class& lower, const mpq_class& upper);

}  // namespace etr2nn::numeric
