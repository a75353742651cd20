// Real: an exact real algebraic number.
//
// Most values etr2nn handles are rational and stay mpq_class inside a Real.
// Some formulas are true only at irrational points (x*x = 2), so witnesses,
// assignments and network weights may be real algebraic numbers. Those are held
// as z3 algebraic numerals (a defining polynomial and a root index, refined on
// demand), and every operation and comparison on them is exact: z3's algebraic
// number arithmetic, never floating point. A result that happens to be rational
// is stored as mpq_class again, so rational work never pays for z3.
//
// Not thread-safe: all algebraic values live in one process-wide z3 context.
#pragma once

#include <gmpxx.h>

#include <memory>
#include <string>
#include <vector>

namespace z3 {
class context;
class expr;
}  // namespace z3

namespace etr2nn::numeric {

// The z3 context that owns every algebraic Real. Solvers whose models become
// Reals should be created in it, so that no translation is needed.
z3::context& z3_context();

// A self-contained description of a real algebraic number: the unique root of
// polynomial (coefficients from degree 0 upwards, integers, square-free) in the
// open interval (lower, upper). lower and upper are rational and the interval
// contains no other root of the polynomial.
struct AlgebraicForm {
  std::vector<mpz_class> coefficients;
  mpq_class lower;
  mpq_class upper;
};

class Real {
 public:
  Real() = default;
  Real(const mpq_class& value) : rational_(value) {}  // NOLINT: implicit by design
  Real(long value) : rational_(value) {}              // NOLINT
  Real(int value) : rational_(value) {}               // NOLINT

  // The unique root of form.coefficients in (form.lower, form.upper).
  // Throws std::invalid_argument when there is not exactly one such root.
  static Real from_algebraic_form(const AlgebraicForm& form);
  // A numeral (rational or algebraic) of numeric::z3_context().
  static Real from_z3(const z3::expr& numeral);
  // The k-th positive root of a non-negative value (k >= 1).
  static Real root(const Real& value, unsigned k);

  bool is_rational() const { return algebraic_ == nullptr; }
  // Precondition: is_rational().
  const mpq_class& rational() const;

  // A numeral of numeric::z3_context() with this exact value.
  z3::expr to_z3() const;
  // For an irrational value: an isolating interval narrower than 2^-precision_bits.
  // For a rational value r: coefficients {-num, den} and (r - 1, r + 1).
  AlgebraicForm algebraic_form(unsigned precision_bits = 64) const;

  int sign() const;
  double to_double() const;
  // Exact text: "p/q" for rationals, "root-obj(<poly>, <i>)" otherwise.
  std::string to_string() const;

  Real& operator+=(const Real& o) { return *this = *this + o; }
  Real& operator-=(const Real& o) { return *this = *this - o; }
  Real& operator*=(const Real& o) { return *this = *this * o; }
  Real& operator/=(const Real& o) { return *this = *this / o; }

  friend Real operator+(const Real& a, const Real& b);
  friend Real operator-(const Real& a, const Real& b);
  friend Real operator*(const Real& a, const Real& b);
  // Throws std::domain_error on division by zero.
  friend Real operator/(const Real& a, const Real& b);
  friend Real operator-(const Real& a);

  // Exact three-way comparison: negative, zero or positive.
  friend int compare(const Real& a, const Real& b);
  friend bool operator==(const Real& a, const Real& b) { return compare(a, b) == 0; }
  friend bool operator!=(const Real& a, const Real& b) { return compare(a, b) != 0; }
  friend bool operator<(const Real& a, const Real& b) { return compare(a, b) < 0; }
  friend bool operator<=(const Real& a, const Real& b) { return compare(a, b) <= 0; }
  friend bool operator>(const Real& a, const Real& b) { return compare(a, b) > 0; }
  friend bool operator>=(const Real& a, const Real& b) { return compare(a, b) >= 0; }

 private:
  static Real from_z3_ast(void* ast);  // Z3_ast, kept out of this header

  mpq_class rational_;
  std::shared_ptr<const z3::expr> algebraic_;  // set iff the value is irrational
};

Real max(const Real& a, const Real& b);
Real min(const Real& a, const Real& b);

}  // namespace etr2nn::numeric
