// The `general-true` and `general-false` families: general ETR sentences,
// polynomial constraints of degree 2 to 4 in two to four unbounded variables
// (x, y, z, w), which go through the ETR -> ETR-INV chain when compiled.
//
// True ones: a random rational point P (coordinates in {-2, -3/2, ..., 2}) and
// `size` random polynomials f (two to four monomials, integer coefficients in
// [-3, 3], the leading monomial of degree 2..4); each becomes f = f(P)
// (a quarter of them), f <= f(P) + s or f >= f(P) - s with s in {1/2, 1}.
// P satisfies every constraint by construction.
//
// False ones: the same with size - 1 such constraints, plus at a random place
// one constraint  S = 0  where S = g1^2 + g2^2 + c, g1 and g2 random
// polynomials of degree 1 or 2 and c a positive rational, written expanded
// (so the squares do not show). S >= c > 0 everywhere, so no point satisfies
// S = 0 and the sentence is false whatever the other constraints say.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace etr2nn::generate {

// A polynomial: exponent vector (one entry per variable) -> coefficient.
using Polynomial = std::map<std::vector<unsigned>, mpq_class>;

struct GeneralSentence {
  std::vector<std::string> variables;
  std::vector<std::string> constraints;  // each an atom, as .etr text
  bool truth = true;
  // True: the planted point. False: the planted point of the other constraints.
  std::vector<mpq_class> point;
  // False only: the index of S = 0 and S written as squares plus a constant.
  std::size_t impossible = 0;
  std::string impossible_as_squares;
};

// size >= 1 constraints; truth false needs size >= 1 as well (S = 0 alone).
GeneralSentence general_sentence(std::size_t size, std::uint64_t seed, bool truth);

// "3*x^2*y - z + 1/2" (terms by decreasing degree, "0" for the zero polynomial).
std::string polynomial_text(const Polynomial& p, const std::vector<std::string>& variables);

}  // namespace etr2nn::generate
