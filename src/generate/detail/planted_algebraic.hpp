// The `planted-algebraic` family: ETR-INV instances that are true but only at
// irrational points.
//
// A core of two or three constraints forces a square root:
//   d = 2:  a * b = 1,  a + a = b            (so 2a^2 = 1: a = 1/sqrt(2))
//   d = 3:  a * b = 1,  a + a = t,  t + a = b (so 3a^2 = 1: a = 1/sqrt(3))
// (a > 0 because every variable lies in [1/2, 2]). Around it the planted
// process of generate/detail/planted.hpp runs over values p + q*sqrt(d), so the
// irrationality spreads through sums, differences, halves and inverses. Only
// rationals and pure multiples q*sqrt(d) are ever inverted, which keeps the
// numbers short; the whole solution lies in the one field Q(sqrt(d)), so a
// witness network needs a single quadratic extension.
#pragma once

#include <gmpxx.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "etrinv/etrinv.hpp"
#include "numeric/real.hpp"

namespace etr2nn::generate {

// p + q * sqrt(d), d fixed per instance.
struct Quadratic {
  mpq_class p, q;
  friend bool operator==(const Quadratic&, const Quadratic&) = default;
};

struct PlantedAlgebraic {
  etrinv::Instance instance;
  unsigned d = 2;                   // the square root every solution needs
  std::vector<Quadratic> solution;  // satisfies every constraint, all in [1/2, 2]
  std::vector<std::size_t> core;    // indices of the constraints that force sqrt(d)
  etrinv::VariableIndex a = 0;      // the variable forced to 1/sqrt(d)
};

// Exactly `constraints` constraints (at least 3).
PlantedAlgebraic planted_algebraic_instance(std::size_t constraints, std::uint64_t seed);

// Exact value, and the text "1/2 + 1/4*sqrt(2)".
numeric::Real to_real(const Quadratic& value, unsigned d);
std::string to_text(const Quadratic& value, unsigned d);
// A decimal approximation, for the reader of a header only.
double approximate(const Quadratic& value, unsigned d);

}  // namespace etr2nn::generate
