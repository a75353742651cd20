#include "numeric/real.hpp"

#include <z3++.h>

#include <algorithm>
#include <stdexcept>

#include "numeric/rational.hpp"
#include "numeric/sturm.hpp"

namespace etr2nn::numeric {
namespace {

mpq_class rational_of_numeral(Z3_context c, Z3_ast numeral) {
  // z3 prints rationals as "p/q", "p" or (for some reals) "p.0".
  std::string text = Z3_get_numeral_string(c, numeral);
  auto q = parse_rational(text);
  if (!q) throw std::runtime_error("unexpected z3 numeral " + text);
  return *q;
}

Polynomial rational_polynomial(const std::vector<mpz_class>& coefficients) {
  return Polynomial(coefficients.begin(), coefficients.end());
}

// The roots of the polynomial as z3 numerals (rational or algebraic), ascending.
z3::expr_vector real_roots(const std::vector<mpz_class>& coefficients) {
  z3::context& c = z3_context();
  // Z3_algebraic_roots takes the polynomial in the bound variable 0.
  z3::expr x(c, Z3_mk_bound(c, 0, Z3_mk_real_sort(c)));
  z3::expr p = c.real_val(0);
  z3::expr power = c.real_val(1);
  for (const auto& a : coefficients) {
    p = p + c.real_val(a.get_str().c_str()) * power;
    power = power * x;
  }
  return z3::expr_vector(c, Z3_algebraic_roots(c, p, 0, nullptr));
}

}  // namespace

z3::context& z3_context() {
  static z3::context context;
  return context;
}

Real Real::from_z3_ast(void* ast) {
  Z3_context c = z3_context();
  auto a = static_cast<Z3_ast>(ast);
  if (Z3_is_algebraic_number(c, a)) {
    Real r;
    r.algebraic_ = std::make_shared<const z3::expr>(z3_context(), a);
    return r;
  }
  if (Z3_is_numeral_ast(c, a)) return Real(rational_of_numeral(c, a));
  throw std::invalid_argument("not a numeral: " + std::string(Z3_ast_to_string(c, a)));
}

Real Real::from_z3(const z3::expr& numeral) {
  return from_z3_ast(static_cast<Z3_ast>(numeral));
}

Real Real::from_algebraic_form(const AlgebraicForm& form) {
  if (form.lower >= form.upper) throw std::invalid_argument("empty isolating interval");
  const Polynomial p = rational_polynomial(form.coefficients);
  if (std::all_of(p.begin(), p.end(), [](const mpq_class& a) { return a == 0; }))
    throw std::invalid_argument("the zero polynomial defines no number");
  const unsigned n = count_roots(p, form.lower, form.upper);
  if (n != 1)
    throw std::invalid_argument(n == 0 ? "the polynomial has no root in the interval"
                                       : "the interval holds more than one root");
  for (const z3::expr& root : real_roots(form.coefficients)) {
    Real r = from_z3(root);
    if (r > Real(form.lower) && r < Real(form.upper)) return r;
  }
  throw std::logic_error("z3 lost the root that Sturm's theorem counted");
}

Real Real::root(const Real& value, unsigned k) {
  if (value.sign() < 0) throw std::domain_error("root of a negative number");
  return from_z3_ast(Z3_algebraic_root(z3_context(), static_cast<Z3_ast>(value.to_z3()), k));
}

const mpq_class& Real::rational() const {
  if (!is_rational()) throw std::logic_error("Real::rational() on an irrational value");
  return rational_;
}

z3::expr Real::to_z3() const {
  if (algebraic_) return *algebraic_;
  return z3_context().real_val(rational_.get_str().c_str());
}

AlgebraicForm Real::algebraic_form(unsigned precision_bits) const {
  if (is_rational())
    return {{-rational_.get_num(), rational_.get_den()}, rational_ - 1, rational_ + 1};
  Z3_context c = z3_context();
  z3::expr_vector poly(z3_context(), Z3_algebraic_get_poly(c, *algebraic_));
  AlgebraicForm form;
  mpz_class common = 1;
  std::vector<mpq_class> q;
  for (unsigned i = 0; i < poly.size(); ++i) {
    q.push_back(rational_of_numeral(c, poly[i]));
    mpz_lcm(common.get_mpz_t(), common.get_mpz_t(), q.back().get_den_mpz_t());
  }
  for (const auto& a : q) form.coefficients.push_back(mpz_class(a * common));
  // z3's precision counts decimal digits; refine until the interval isolates.
  for (unsigned digits = precision_bits * 3 / 10 + 1;; digits *= 2) {
    form.lower = rational_of_numeral(c, Z3_get_algebraic_number_lower(c, *algebraic_, digits));
    form.upper = rational_of_numeral(c, Z3_get_algebraic_number_upper(c, *algebraic_, digits));
    if (form.lower == form.upper) {  // z3 may return the value itself as a bound
      form.lower -= mpq_class(1, mpz_class(1) << (precision_bits + 1));
      form.upper += mpq_class(1, mpz_class(1) << (precision_bits + 1));
    }
    if (count_roots(rational_polynomial(form.coefficients), form.lower, form.upper) == 1)
      return form;
  }
}

int Real::sign() const {
  if (is_rational()) return sgn(rational_);
  return Z3_algebraic_sign(z3_context(), *algebraic_);
}

double Real::to_double() const {
  if (is_rational()) return numeric::to_double(rational_);
  Z3_context c = z3_context();
  mpq_class lo = rational_of_numeral(c, Z3_get_algebraic_number_lower(c, *algebraic_, 20));
  return lo.get_d();
}

std::string Real::to_string() const {
  if (is_rational()) return numeric::to_string(rational_);
  auto form = algebraic_form(32);
  std::string s = "root-obj([";
  for (std::size_t i = 0; i < form.coefficients.size(); ++i)
    s += (i ? ", " : "") + form.coefficients[i].get_str();
  return s + "], (" + numeric::to_string(form.lower) + ", " + numeric::to_string(form.upper) +
         "))";
}

namespace {
using AlgebraicOp = Z3_ast (*)(Z3_context, Z3_ast, Z3_ast);
Real algebraic(AlgebraicOp op, const Real& a, const Real& b) {
  return Real::from_z3(z3::expr(z3_context(), op(z3_context(), a.to_z3(), b.to_z3())));
}
}  // namespace

Real operator+(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ + b.rational_);
  return algebraic(Z3_algebraic_add, a, b);
}
Real operator-(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ - b.rational_);
  return algebraic(Z3_algebraic_sub, a, b);
}
Real operator*(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ * b.rational_);
  if ((a.is_rational() && a.rational_ == 0) || (b.is_rational() && b.rational_ == 0)) return Real(0);
  return algebraic(Z3_algebraic_mul, a, b);
}
Real operator/(const Real& a, const Real& b) {
  if (b.sign() == 0) throw std::domain_error("division by zero");
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ / b.rational_);
  return algebraic(Z3_algebraic_div, a, b);
}
Real operator-(const Real& a) {
  if (a.is_rational()) return Real(-a.rational_);
  return Real(0) - a;
}

int compare(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return cmp(a.rational_, b.rational_);
  // Through the sign of the difference, not Z3_algebraic_lt: for two equal
  // values with different representations (e.g. -(x^3/3) and x - 6 - x^2 at a
  // root of x^3 - 3x^2 + 3x - 18) z3's comparison ran for minutes, while the
  // difference comes out as exactly 0 at once.
  return (a - b).sign();
}

Real max(const Real& a, const Real& b) { return a < b ? b : a; }
Real min(const Real& a, const Real& b) { return b < a ? b : a; }

}  // namespace etr2nn::numeric
