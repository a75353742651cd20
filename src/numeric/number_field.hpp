// NumberField: exact arithmetic in real algebraic number fields, no solver.
//
// Witnesses of formulas like x^3 = x + 1 have irrational values, and checking
// a witness network means tens of thousands of exact sums of them. z3's
// algebraic numbers pay a resultant and a factorisation per addition; here an
// addition is a vector addition and a product a polynomial product, because
// all values of one witness live in one field.
//
// A field is a tower Q(θ)(s_1)…(s_k): θ the unique root of a square-free
// polynomial m ∈ Q[X] in a rational isolating interval, and each
// s_i = +√r_i for some r_i > 0 of the field below. An element of a tower of
// height k is a vector of deg(m)·2^k rationals (its Coordinates): at height 0
// the coefficients of a polynomial in θ, at height k > 0 the element a + b·s_k
// as a's coordinates followed by b's.
//
// Signs are exact. At the base, θ's interval is refined until the enclosure of
// p(θ) excludes 0; if p vanishes at θ without being a multiple of m (m need
// not be irreducible), m is replaced by its factor that vanishes at θ, after
// which p reduces to 0. Above the base, the sign of a + b·s follows from the
// signs of a, b and a² − b²·r. Nothing assumes that a tower is a field: every
// operation is exact on values, so a reducible extension is harmless. When a
// sign or an inverse shows that s_k is in fact in the field below (r_k was a
// square there, as ρ − 1 = (1/ρ²)² for the plastic number ρ), the level
// remembers s_k's value there and normal() rewrites elements without s_k,
// which keeps equal values equal coordinate by coordinate.
//
// Fields that share a base form one chain: a new square root is adjoined on
// top of the highest field of the chain, so any two of its fields are nested
// and their elements combine directly. Fields live for the whole process
// (a registry keeps them, so a generator given by the same polynomial is found
// again), which is what
// lets callers key caches by NumberField address. Not thread-safe: refining
// θ and splitting m update the shared base.
#pragma once

#include <gmpxx.h>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "numeric/interval.hpp"
#include "numeric/polynomial.hpp"

namespace etr2nn::numeric {

class NumberField {
 public:
  using Coordinates = std::vector<mpq_class>;

  // Q(θ), θ the unique root of m in the open interval (lower, upper); the
  // field of an earlier call when θ is the same number. Throws
  // std::invalid_argument unless the interval holds exactly one root of m.
  static const NumberField& generated_by(const Polynomial& m, const mpq_class& lower,
                                         const mpq_class& upper);

  // A field of this chain containing √r, and √r's coordinates in it, for r an
  // element of this field with r > 0. nullopt when adjoining it would make a
  // tower of more than max_dimension coordinates.
  static constexpr std::size_t max_dimension = 64;
  struct Root {
    const NumberField* field;
    Coordinates value;
  };
  std::optional<Root> sqrt(const Coordinates& r) const;

  std::size_t dimension() const { return dimension_; }
  // The field one step down (nullptr at the base) and the radicand r_k there.
  const NumberField* below() const { return below_; }
  const Coordinates& radicand() const { return radicand_; }
  // θ's polynomial and an interval isolating θ (as refined so far).
  Polynomial base_polynomial() const;
  Interval base_interval() const;

  // The fields from the base up to this one: tower()[k] adjoins s_k (k > 0).
  std::vector<const NumberField*> tower() const;
  // The chain's base field Q(θ) (this one at height 0).
  const NumberField& base_field() const;
  // True when other is this field or a field below it in the chain.
  bool contains(const NumberField& other) const;
  // x, an element of `from` (a field this one contains), as an element of this field.
  Coordinates embed(const NumberField& from, const Coordinates& x) const;
  Coordinates constant(const mpq_class& q) const;
  // θ at the base, s_k at height k.
  Coordinates generator() const;
  // The value when x is written as a constant (a rational value written
  // otherwise, possible in a reducible tower, gives nullopt).
  std::optional<mpq_class> as_rational(const Coordinates& x) const;

  Coordinates add(const Coordinates& x, const Coordinates& y) const;
  Coordinates subtract(const Coordinates& x, const Coordinates& y) const;
  Coordinates scale(const mpq_class& q, const Coordinates& x) const;
  Coordinates multiply(const Coordinates& x, const Coordinates& y) const;
  // Throws std::domain_error when x is 0.
  Coordinates inverse(const Coordinates& x) const;

  // The same value with every s_k known to lie below replaced by its value
  // there (x itself when there is none).
  Coordinates normal(Coordinates x) const;

  int sign(const Coordinates& x) const;
  // An interval holding x; it shrinks to x's value as bits grows.
  Interval enclosure(const Coordinates& x, unsigned bits) const;
  // A monic square-free polynomial with x's value among its roots: the
  // minimal polynomial of x over Q when the tower is a field.
  Polynomial minimal_polynomial(const Coordinates& x) const;

  struct Base;  // θ, m and the chain; shared by every field of the chain

 private:
  NumberField(Base* base, const NumberField* below, Coordinates radicand);

  // a² − b²·r_k in the field below: a + b·s_k times its conjugate.
  Coordinates norm(const Coordinates& a, const Coordinates& b) const;
  // Records s_k = −a/b (or ±a/b) once a + b·s_k = 0 (or a² = b²·r_k) with b ≠ 0 is seen.
  void learn_root_below(const Coordinates& a, const Coordinates& b, bool from_norm) const;

  Base* base_;  // owns this field (and the registry owns the base): no cycle
  const NumberField* below_;
  Coordinates radicand_;
  std::size_t dimension_;
  mutable std::optional<Coordinates> root_below_;  // s_k as an element of below_, once known
};

namespace detail {
template <class T>
T value_of(const NumberField::Coordinates& x, std::size_t begin, std::size_t size,
           const std::vector<T>& generators, std::size_t height) {
  if (height == 0) {  // c_0 + c_1·θ + …, by Horner's scheme
    T v(x[begin + size - 1]);
    for (std::size_t i = size - 1; i-- > 0;) v = v * generators[0] + T(x[begin + i]);
    return v;
  }
  const std::size_t half = size / 2;  // a + b·s_height
  return value_of(x, begin, half, generators, height - 1) +
         value_of(x, begin + half, half, generators, height - 1) * generators[height];
}
}  // namespace detail

// The value of coordinates x of a field of height k = generators.size() − 1
// in another arithmetic T (z3 numerals, Reals of another chain, a file's
// field): generators[0] is θ there and generators[i] is s_i. T needs + and *
// and a constructor from mpq_class. Precondition: x.size() is a positive
// multiple of 2^k.
template <class T>
T value_of(const NumberField::Coordinates& x, const std::vector<T>& generators) {
  return detail::value_of(x, 0, x.size(), generators, generators.size() - 1);
}

}  // namespace etr2nn::numeric
