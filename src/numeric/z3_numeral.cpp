// The bridge between Reals and z3's numerals, and the z3 fallback of Real's
// arithmetic (z3_numeral.hpp, z3_fallback.hpp): the one file of numeric that
// includes z3.
#include "numeric/z3_numeral.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "numeric/number_field.hpp"
#include "numeric/polynomial.hpp"
#include "numeric/rational.hpp"
#include "numeric/sturm.hpp"
#include "numeric/z3_fallback.hpp"

namespace etr2nn::numeric {

struct Z3Numeral {
  z3::expr e;
};

z3::context& z3_context() {
  static z3::context context;
  return context;
}

namespace {

mpq_class rational_of_numeral(Z3_context c, Z3_ast numeral) {
  // z3 prints rationals as "p/q", "p" or (for some reals) "p.0".
  std::string text = Z3_get_numeral_string(c, numeral);
  auto q = parse_rational(text);
  if (!q) throw std::runtime_error("unexpected z3 numeral " + text);
  return *q;
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

// Arithmetic on z3 numerals for value_of: a field element seen from z3.
struct Z3Number {
  z3::expr e;
  explicit Z3Number(z3::expr value) : e(std::move(value)) {}
  explicit Z3Number(const mpq_class& q) : e(z3_context().real_val(q.get_str().c_str())) {}
  friend Z3Number operator+(const Z3Number& p, const Z3Number& q) {
    return Z3Number(z3::expr(z3_context(), Z3_algebraic_add(z3_context(), p.e, q.e)));
  }
  friend Z3Number operator*(const Z3Number& p, const Z3Number& q) {
    return Z3Number(z3::expr(z3_context(), Z3_algebraic_mul(z3_context(), p.e, q.e)));
  }
};

z3::expr value_to_z3(const NumberField& field, const NumberField::Coordinates& x);

// θ or s_k of a field as a z3 numeral, cached per field.
z3::expr generator_to_z3(const NumberField& field) {
  z3::context& c = z3_context();  // made first, so it outlives the cache's exprs
  static std::map<const NumberField*, z3::expr> cache;
  if (auto it = cache.find(&field); it != cache.end()) return it->second;
  z3::expr value(c);
  if (field.below()) {
    value = z3::expr(c, Z3_algebraic_root(c, value_to_z3(*field.below(), field.radicand()), 2));
  } else {
    const Interval theta = field.base_interval();
    const z3::expr lo = c.real_val(theta.lo.get_str().c_str());
    const z3::expr hi = c.real_val(theta.hi.get_str().c_str());
    bool found = theta.lo == theta.hi;
    if (found) value = lo;
    for (const z3::expr& root : real_roots(primitive_integer_form(field.base_polynomial())))
      if (!found && Z3_algebraic_lt(c, lo, root) && Z3_algebraic_lt(c, root, hi)) {
        value = root;
        found = true;
      }
    if (!found) throw std::logic_error("z3 lost the root that Sturm's theorem counted");
  }
  cache.emplace(&field, value);
  return value;
}

z3::expr value_to_z3(const NumberField& field, const NumberField::Coordinates& x) {
  std::vector<Z3Number> generators;
  for (const NumberField* f : field.tower()) generators.emplace_back(generator_to_z3(*f));
  return value_of(x, generators).e;
}

}  // namespace

// The friend of Real that makes and opens z3-held values.
struct Z3Bridge {
  static Real from_ast(Z3_ast a) {
    Z3_context c = z3_context();
    if (Z3_is_algebraic_number(c, a)) {
      Real r;
      r.algebraic_ = std::make_shared<const Z3Numeral>(Z3Numeral{z3::expr(z3_context(), a)});
      return r;
    }
    if (Z3_is_numeral_ast(c, a)) return Real(rational_of_numeral(c, a));
    throw std::invalid_argument("not a numeral: " + std::string(Z3_ast_to_string(c, a)));
  }
  static z3::expr to_expr(const Real& r) {
    if (r.algebraic_) return r.algebraic_->e;
    if (r.field()) return value_to_z3(*r.field(), r.coordinates());
    return z3_context().real_val(r.rational_.get_str().c_str());
  }
};

Real from_z3(const z3::expr& numeral) {
  Real r = Z3Bridge::from_ast(static_cast<Z3_ast>(numeral));
  return r.is_rational() ? r : Real::from_algebraic_form(r.algebraic_form(64));
}

z3::expr to_z3(const Real& value) {
  return Z3Bridge::to_expr(value);
}

namespace z3_fallback {

Real combine(Op op, const Real& a, const Real& b) {
  z3::context& c = z3_context();
  const z3::expr x = to_z3(a), y = to_z3(b);
  switch (op) {
    case Op::add: return Z3Bridge::from_ast(Z3_algebraic_add(c, x, y));
    case Op::subtract: return Z3Bridge::from_ast(Z3_algebraic_sub(c, x, y));
    case Op::multiply: return Z3Bridge::from_ast(Z3_algebraic_mul(c, x, y));
    case Op::divide: return Z3Bridge::from_ast(Z3_algebraic_div(c, x, y));
  }
  throw std::logic_error("unknown z3_fallback::Op");
}

Real root(const Real& value, unsigned k) {
  return Z3Bridge::from_ast(Z3_algebraic_root(z3_context(), to_z3(value), k));
}

int sign(const Z3Numeral& v) {
  return Z3_algebraic_sign(z3_context(), v.e);
}

double to_double(const Z3Numeral& v) {
  Z3_context c = z3_context();
  return rational_of_numeral(c, Z3_get_algebraic_number_lower(c, v.e, 20)).get_d();
}

AlgebraicForm form(const Z3Numeral& v, unsigned precision_bits) {
  Z3_context c = z3_context();
  z3::expr_vector poly(z3_context(), Z3_algebraic_get_poly(c, v.e));
  AlgebraicForm form;
  Polynomial q;
  for (unsigned i = 0; i < poly.size(); ++i) q.push_back(rational_of_numeral(c, poly[i]));
  form.coefficients = primitive_integer_form(q);
  const Polynomial p(form.coefficients.begin(), form.coefficients.end());
  // z3's precision counts decimal digits; refine until the interval isolates.
  for (unsigned digits = precision_bits * 3 / 10 + 1;; digits *= 2) {
    form.lower = rational_of_numeral(c, Z3_get_algebraic_number_lower(c, v.e, digits));
    form.upper = rational_of_numeral(c, Z3_get_algebraic_number_upper(c, v.e, digits));
    if (form.lower == form.upper) {  // z3 may return the value itself as a bound
      form.lower -= mpq_class(1, mpz_class(1) << (precision_bits + 1));
      form.upper += mpq_class(1, mpz_class(1) << (precision_bits + 1));
    }
    if (count_roots(p, form.lower, form.upper) == 1) return form;
  }
}

}  // namespace z3_fallback
}  // namespace etr2nn::numeric
