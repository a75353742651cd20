// Real: an exact real algebraic number.
//
// Most values etr2nn handles are rational and stay mpq_class inside a Real.
// Some formulas are true only at irrational points (x*x = 2), so witnesses,
// assignments and network weights may be real algebraic numbers. Those are
// held, in order of preference, as
//   - an element of a NumberField (number_field.hpp): every irrational that
//     enters through from_algebraic_form, from_z3 (z3_numeral.hpp) or
//     root(v, 2) is one, values
//     of one field stay in it, and unrelated fields meet in their compositum
//     (compositum.hpp): a witness is polynomial arithmetic and interval signs;
//   - a z3 algebraic numeral (a defining polynomial and a root index): the
//     fallback when a compositum would exceed NumberField::max_dimension,
//     or for k-th roots with k > 2 of field elements (z3_fallback.hpp; this
//     header names no z3 type, and z3_numeral.hpp is the bridge to z3).
// Every operation and comparison is exact; no floating point is involved. A
// result that is visibly rational is stored as mpq_class again, so rational
// work never pays for either.
//
// Not thread-safe: fields, composita and caches are process-wide (docs/number-layer.md).
#pragma once

#include <gmpxx.h>

#include <memory>
#include <string>
#include <vector>

namespace etr2nn::numeric {

class NumberField;
struct FieldValue;  // an element of a NumberField (real.cpp)
struct Z3Numeral;   // a z3 algebraic numeral (z3_numeral.cpp)

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
  // The k-th positive root of a non-negative value (k >= 1).
  static Real root(const Real& value, unsigned k);

  // True when the value is stored as a rational (always so for values
  // computed from rationals only).
  bool is_rational() const { return algebraic_ == nullptr && element_ == nullptr; }
  // Precondition: is_rational().
  const mpq_class& rational() const;

  // The NumberField holding this value and its coordinates there, for values
  // kept as field elements (nullptr and empty otherwise): what lets a file
  // state a shared field once (json_io/field.hpp).
  const NumberField* field() const;
  const std::vector<mpq_class>& coordinates() const;
  // This value as an element of the chain of `field` (number_field.hpp) when
  // it can be: it is there already, or its own chain has a quadratic base.
  // Otherwise (a rational, a z3 numeral, another cubic field) the value itself.
  Real in_chain_of(const NumberField& field) const;

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
  friend struct RealAccess;  // the arithmetic in real.cpp
  friend struct Z3Bridge;    // the z3 fallback and bridge in z3_numeral.cpp

  mpq_class rational_;                          // the value when both pointers are null
  std::shared_ptr<const FieldValue> element_;   // set for a NumberField element
  std::shared_ptr<const Z3Numeral> algebraic_;  // set for a z3 algebraic numeral
};

Real max(const Real& a, const Real& b);
Real min(const Real& a, const Real& b);

}  // namespace etr2nn::numeric
