// Univariate polynomials over Q: the arithmetic the number fields and Sturm's
// theorem are built on.
//
// A Polynomial lists its coefficients from degree 0 upwards. Results are
// trimmed (no trailing zero coefficients), so the zero polynomial is empty and
// degree() is size() - 1.
#pragma once

#include <gmpxx.h>

#include <utility>
#include <vector>

namespace etr2nn::numeric {

using Polynomial = std::vector<mpq_class>;

void trim(Polynomial& p);
// -1 for the zero polynomial.
int degree(const Polynomial& p);

mpq_class evaluate(const Polynomial& p, const mpq_class& x);
Polynomial derivative(const Polynomial& p);
Polynomial multiply(const Polynomial& a, const Polynomial& b);
// Quotient and remainder of a by b. Precondition: b is not zero.
std::pair<Polynomial, Polynomial> divide(Polynomial a, const Polynomial& b);
Polynomial remainder(Polynomial a, const Polynomial& b);
// p divided by its leading coefficient (zero stays zero).
Polynomial monic(Polynomial p);
// The monic greatest common divisor (zero when both are zero).
Polynomial gcd(Polynomial a, Polynomial b);

// g = gcd(a, b) (monic) and s with s·a ≡ g (mod b). Precondition: b is not zero.
struct Bezout {
  Polynomial gcd;
  Polynomial s;
};
Bezout bezout(const Polynomial& a, const Polynomial& b);

// p / gcd(p, p'): the same roots, each simple.
Polynomial square_free_part(const Polynomial& p);

// The same polynomial scaled to coprime integer coefficients with a positive
// leading coefficient (the form files and z3 take). Precondition: p not zero.
std::vector<mpz_class> primitive_integer_form(const Polynomial& p);

}  // namespace etr2nn::numeric
