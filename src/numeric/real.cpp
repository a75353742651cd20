#include "numeric/real.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>

#include "numeric/compositum.hpp"
#include "numeric/number_field.hpp"
#include "numeric/rational.hpp"
#include "numeric/sturm.hpp"
#include "numeric/z3_fallback.hpp"

namespace etr2nn::numeric {

struct FieldValue {
  const NumberField* field;  // fields live for the whole process
  NumberField::Coordinates x;
  // An enclosure of the value, made on the first comparison with a rational:
  // a witness compares each breakpoint with thousands of rational points,
  // and most comparisons are then decided without field arithmetic.
  mutable std::optional<Interval> near;

  const Interval& enclosure() const {
    if (!near) near = field->enclosure(x, 64);
    return *near;
  }
};

namespace {

Polynomial rational_polynomial(const std::vector<mpz_class>& coefficients) {
  return Polynomial(coefficients.begin(), coefficients.end());
}

}  // namespace

namespace {
// √q = factor·√d, with the square factors of small primes of q's numerator
// and denominator moved into factor: enough to make √8, 1/√2 and √2 meet in
// one field Q(√2) in practice. d == 1 when √q is rational. Precondition: q > 0.
struct SquareRoot {
  mpq_class factor;
  mpz_class d;
};
SquareRoot square_root_parts(const mpq_class& q) {
  // √(n/m) = √(n·m)/m
  mpz_class d = q.get_num() * q.get_den(), k = 1;
  for (unsigned long p = 2; p < 1000 && p * p <= d; ++p) {
    const unsigned long square = p * p;
    while (mpz_divisible_ui_p(d.get_mpz_t(), square)) {
      d /= square;
      k *= p;
    }
  }
  mpq_class factor(k, q.get_den());
  factor.canonicalize();
  return {factor, d};
}

// The root of a·x² + b·x + c in the open interval (lower, upper), which holds
// exactly one, given s = √(b² − 4ac) in whatever field s lives.
Real quadratic_root(const mpq_class& a, const mpq_class& b, const Real& s, const Interval& in) {
  for (int sign : {1, -1}) {
    const Real x = (Real(mpq_class(-b)) + Real(sign) * s) / Real(mpq_class(2 * a));
    if (x > Real(in.lo) && x < Real(in.hi)) return x;
  }
  throw std::logic_error("neither root of the quadratic lies in its isolating interval");
}

}  // namespace

struct RealAccess {
  using Coordinates = NumberField::Coordinates;

  static Real of(const NumberField& field, Coordinates x) {
    x = field.normal(std::move(x));
    if (auto q = field.as_rational(x)) return Real(*q);
    Real r;
    r.element_ = std::make_shared<const FieldValue>(FieldValue{&field, std::move(x), std::nullopt});
    return r;
  }

  static Coordinates lift(const Real& r, const NumberField& field) {
    if (!r.element_) return field.constant(r.rational_);
    return field.embed(*r.element_->field, r.element_->x);
  }

  // Both operands as elements of one field, unless one of them is a z3 numeral,
  // both are rational, or their fields are unrelated.
  struct Operands {
    const NumberField* field;
    Coordinates x, y;
  };
  static std::optional<Operands> in_one_field(const Real& a, const Real& b) {
    if (a.algebraic_ || b.algebraic_ || (!a.element_ && !b.element_)) return std::nullopt;
    const NumberField* field = nullptr;
    if (!b.element_ || (a.element_ && a.element_->field->contains(*b.element_->field)))
      field = a.element_->field;
    else if (!a.element_ || b.element_->field->contains(*a.element_->field))
      field = b.element_->field;
    else
      return moved_to_one_chain(a, b);
    return Operands{field, lift(a, *field), lift(b, *field)};
  }

  // Elements of unrelated chains. When one chain's base is quadratic, each of
  // its generators is a nested square root of rationals, which the other
  // chain can adjoin; so √2 and √3 from two model values, or ρ and √2, meet
  // in one field. A base whose generator already has an image in the other
  // chain (it went into a compositum there) moves the same way. Two bases of
  // degree >= 3 with no such relation get their compositum (compositum.hpp)
  // as a new chain, and both values move into it; z3 only when that would
  // exceed NumberField::max_dimension.
  static std::optional<Operands> moved_to_one_chain(const Real& a, const Real& b) {
    const NumberField &fa = *a.element_->field, &fb = *b.element_->field;
    const bool a_movable = movable(fa, fb), b_movable = movable(fb, fa);
    // Move the smaller one when both can move.
    if (b_movable && (!a_movable || fb.dimension() <= fa.dimension()))
      if (auto moved = value_in(fb, b.element_->x, fa); moved && moved->element_)
        return in_one_field(a, *moved);
    if (a_movable)
      if (auto moved = value_in(fa, a.element_->x, fb); moved && moved->element_)
        return in_one_field(*moved, b);
    if (a_movable || b_movable) return std::nullopt;
    if (const NumberField* c = compositum_of(fa.base_field(), fb.base_field())) {
      auto ma = value_in(fa, a.element_->x, *c), mb = value_in(fb, b.element_->x, *c);
      if (ma && mb && (ma->element_ || mb->element_)) return in_one_field(*ma, *mb);
    }
    return std::nullopt;
  }

  // Whether elements of `from` can be written in the chain of `to`.
  static bool movable(const NumberField& from, const NumberField& to) {
    return degree(from.base_field().base_polynomial()) <= 2 ||
           images().count({&from.base_field(), &to.base_field()}) > 0;
  }

  // The generator of a level (θ or s_k) as a Real of another chain, by
  // (level, target chain's base): filled by generator_in and compositum_of.
  using ImageKey = std::pair<const NumberField*, const NumberField*>;
  static std::map<ImageKey, Real>& images() {
    static std::map<ImageKey, Real> known;
    return known;
  }

  // The base Q(γ) of the compositum of two bases (nullptr when it would be
  // too large), made once per pair; θ_a and θ_b's images in it are recorded.
  static const NumberField* compositum_of(const NumberField& a, const NumberField& b) {
    static std::map<ImageKey, const NumberField*> known;
    if (auto it = known.find({&a, &b}); it != known.end()) return it->second;
    const NumberField* result = nullptr;
    const Polynomial ma = a.base_polynomial(), mb = b.base_polynomial();
    if (static_cast<std::size_t>(degree(ma) * degree(mb)) <= NumberField::max_dimension) {
      auto enclose = [](const NumberField& f) {
        return [&f](unsigned bits) { return f.enclosure(f.generator(), bits); };
      };
      if (auto c = compositum({ma, enclose(a)}, {mb, enclose(b)})) {
        const NumberField& field = NumberField::generated_by(c->m, c->gamma.lo, c->gamma.hi);
        auto image = [&field](Coordinates p) {
          p.resize(field.dimension());
          return of(field, std::move(p));
        };
        images().insert_or_assign({&a, &field.base_field()}, image(c->alpha));
        images().insert_or_assign({&b, &field.base_field()}, image(c->beta));
        result = &field.base_field();
      }
    }
    known[{&a, &b}] = known[{&b, &a}] = result;
    return result;
  }

  // √r in the chain of `member` (r rational or an element of that chain).
  static std::optional<Real> sqrt_in_chain(const NumberField& member, const Real& r) {
    if (r.is_rational()) {
      const auto [factor, d] = square_root_parts(r.rational_);
      if (d == 1) return Real(factor);
      auto root = member.sqrt(member.constant(mpq_class(d)));
      if (!root) return std::nullopt;
      return Real(factor) * of(*root->field, root->value);
    }
    auto root = r.element_->field->sqrt(r.element_->x);
    if (!root) return std::nullopt;
    return of(*root->field, root->value);
  }

  // The generator of `level` (θ or s_k) in the chain of `target`, when the
  // level's base is quadratic or went into a compositum with target's base;
  // cached per (level, target chain).
  static std::optional<Real> generator_in(const NumberField& level, const NumberField& target) {
    auto& cache = images();
    const ImageKey key{&level, &target.base_field()};
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    std::optional<Real> image;
    if (level.below()) {
      if (auto r = value_in(*level.below(), level.radicand(), target))
        image = sqrt_in_chain(target, *r);
    } else {
      const Polynomial m = level.base_polynomial();  // monic
      if (degree(m) == 1) image = Real(mpq_class(-m[0]));
      if (degree(m) == 2)
        if (auto s = sqrt_in_chain(target, Real(mpq_class(m[1] * m[1] - 4 * m[0]))))
          image = quadratic_root(1, m[1], *s, level.base_interval());
    }
    if (image) cache.emplace(key, *image);
    return image;
  }

  // The element with coordinates x in `level`, as a Real of target's chain.
  static std::optional<Real> value_in(const NumberField& level, const Coordinates& x,
                                      const NumberField& target) {
    std::vector<Real> generators;
    for (const NumberField* f : level.tower()) {
      auto g = generator_in(*f, target);
      if (!g) return std::nullopt;
      generators.push_back(*g);
    }
    return value_of(x, generators);
  }

  static AlgebraicForm form(const FieldValue& v, unsigned precision_bits) {
    const NumberField& field = *v.field;
    auto rational_form = [](const mpq_class& q) {
      return AlgebraicForm{{-q.get_num(), q.get_den()}, q - 1, q + 1};
    };
    const Polynomial mu = field.minimal_polynomial(v.x);
    if (degree(mu) == 1) return rational_form(-mu[0]);
    mpq_class width(1);
    mpq_div_2exp(width.get_mpq_t(), width.get_mpq_t(), precision_bits);
    for (unsigned bits = std::max(precision_bits, 16u);; bits *= 2) {
      const Interval e = field.enclosure(v.x, bits);
      if (e.lo == e.hi) return rational_form(e.lo);
      for (const mpq_class& end : {e.lo, e.hi})
        if (evaluate(mu, end) == 0 && field.sign(field.subtract(v.x, field.constant(end))) == 0)
          return rational_form(end);
      if (e.width() < width && count_roots(mu, e.lo, e.hi) == 1) {
        // θ's interval may be refined far beyond what was asked; widen to
        // short dyadic ends when that still isolates, for readable output.
        Interval out = e;
        const Interval dyadic = outward_dyadic(e, precision_bits + 2);
        if (dyadic.width() < width && count_roots(mu, dyadic.lo, dyadic.hi) == 1) out = dyadic;
        return {primitive_integer_form(mu), out.lo, out.hi};
      }
    }
  }
};

Real Real::from_algebraic_form(const AlgebraicForm& form) {
  if (form.lower >= form.upper) throw std::invalid_argument("empty isolating interval");
  const Polynomial p = rational_polynomial(form.coefficients);
  if (std::all_of(p.begin(), p.end(), [](const mpq_class& a) { return a == 0; }))
    throw std::invalid_argument("the zero polynomial defines no number");
  const unsigned n = count_roots(p, form.lower, form.upper);
  if (n != 1)
    throw std::invalid_argument(n == 0 ? "the polynomial has no root in the interval"
                                       : "the interval holds more than one root");
  const Polynomial m = square_free_part(p);
  if (degree(m) == 1) return Real(mpq_class(-m[0] / m[1]));
  if (degree(m) == 2)  // over Q(√d), so that quadratic irrationals share fields
    return quadratic_root(m[2], m[1], root(Real(mpq_class(m[1] * m[1] - 4 * m[2] * m[0])), 2),
                          Interval{form.lower, form.upper});
  const NumberField& field = NumberField::generated_by(m, form.lower, form.upper);
  return RealAccess::of(field, field.generator());
}

namespace {
// The exact k-th root of q >= 0 when it is rational.
std::optional<mpq_class> rational_root(const mpq_class& q, unsigned k) {
  mpz_class num, den;
  if (mpz_root(num.get_mpz_t(), q.get_num_mpz_t(), k) == 0) return std::nullopt;
  if (mpz_root(den.get_mpz_t(), q.get_den_mpz_t(), k) == 0) return std::nullopt;
  return mpq_class(num, den);
}
}  // namespace

Real Real::root(const Real& value, unsigned k) {
  if (k == 0) throw std::domain_error("0-th root");
  const int s = value.sign();
  if (s < 0) throw std::domain_error("root of a negative number");
  if (s == 0 || k == 1) return s == 0 ? Real(0) : value;
  if (value.is_rational() && k == 2) {
    // factor·√d, with the base Q(√d) shared by every rational of that d.
    const auto [factor, d] = square_root_parts(value.rational_);
    if (d == 1) return Real(factor);
    const NumberField& field =
        NumberField::generated_by({mpq_class(-d), 0, 1}, 0, mpq_class(d + 1));
    return Real(factor) * RealAccess::of(field, field.generator());
  }
  if (value.is_rational()) {
    if (auto r = rational_root(value.rational_, k)) return Real(*r);
    // The positive root of X^k - q lies in (0, q + 1), and no other root does.
    Polynomial p(k + 1);
    p[0] = -value.rational_;
    p[k] = 1;
    const NumberField& field = NumberField::generated_by(p, 0, value.rational_ + 1);
    return RealAccess::of(field, field.generator());
  }
  if (value.element_ && k == 2)
    if (auto r = value.element_->field->sqrt(value.element_->x))
      return RealAccess::of(*r->field, std::move(r->value));
  return z3_fallback::root(value, k);
}

const NumberField* Real::field() const {
  return element_ ? element_->field : nullptr;
}

const std::vector<mpq_class>& Real::coordinates() const {
  static const std::vector<mpq_class> none;
  return element_ ? element_->x : none;
}

Real Real::in_chain_of(const NumberField& field) const {
  if (!element_ || &element_->field->base_field() == &field.base_field()) return *this;
  auto moved = RealAccess::value_in(*element_->field, element_->x, field);
  return moved ? *moved : *this;
}

const mpq_class& Real::rational() const {
  if (!is_rational()) throw std::logic_error("Real::rational() on an irrational value");
  return rational_;
}

AlgebraicForm Real::algebraic_form(unsigned precision_bits) const {
  if (is_rational())
    return {{-rational_.get_num(), rational_.get_den()}, rational_ - 1, rational_ + 1};
  if (element_) return RealAccess::form(*element_, precision_bits);
  return z3_fallback::form(*algebraic_, precision_bits);
}

int Real::sign() const {
  if (element_) return element_->field->sign(element_->x);
  if (algebraic_) return z3_fallback::sign(*algebraic_);
  return sgn(rational_);
}

double Real::to_double() const {
  if (element_) {
    const Interval e = element_->field->enclosure(element_->x, 64);
    return numeric::to_double((e.lo + e.hi) / 2);
  }
  if (algebraic_) return z3_fallback::to_double(*algebraic_);
  return numeric::to_double(rational_);
}

std::string Real::to_string() const {
  if (is_rational()) return numeric::to_string(rational_);
  auto form = algebraic_form(32);
  std::string s = "root-obj([";
  for (std::size_t i = 0; i < form.coefficients.size(); ++i)
    s += (i ? ", " : "") + form.coefficients[i].get_str();
  return s + "], (" + numeric::to_string(form.lower) + ", " + numeric::to_string(form.upper) + "))";
}

Real operator+(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ + b.rational_);
  if (auto o = RealAccess::in_one_field(a, b))
    return RealAccess::of(*o->field, o->field->add(o->x, o->y));
  return z3_fallback::combine(z3_fallback::Op::add, a, b);
}
Real operator-(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ - b.rational_);
  if (auto o = RealAccess::in_one_field(a, b))
    return RealAccess::of(*o->field, o->field->subtract(o->x, o->y));
  return z3_fallback::combine(z3_fallback::Op::subtract, a, b);
}
Real operator*(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ * b.rational_);
  if ((a.is_rational() && a.rational_ == 0) || (b.is_rational() && b.rational_ == 0))
    return Real(0);
  if (a.is_rational() && b.element_)
    return RealAccess::of(*b.element_->field, b.element_->field->scale(a.rational_, b.element_->x));
  if (b.is_rational() && a.element_)
    return RealAccess::of(*a.element_->field, a.element_->field->scale(b.rational_, a.element_->x));
  if (auto o = RealAccess::in_one_field(a, b))
    return RealAccess::of(*o->field, o->field->multiply(o->x, o->y));
  return z3_fallback::combine(z3_fallback::Op::multiply, a, b);
}
Real operator/(const Real& a, const Real& b) {
  if (b.sign() == 0) throw std::domain_error("division by zero");
  if (a.is_rational() && b.is_rational()) return Real(a.rational_ / b.rational_);
  if (b.is_rational()) return a * Real(1 / b.rational_);
  if (auto o = RealAccess::in_one_field(a, b))
    return RealAccess::of(*o->field, o->field->multiply(o->x, o->field->inverse(o->y)));
  return z3_fallback::combine(z3_fallback::Op::divide, a, b);
}
Real operator-(const Real& a) {
  if (a.is_rational()) return Real(-a.rational_);
  return Real(-1) * a;
}

int compare(const Real& a, const Real& b) {
  if (a.is_rational() && b.is_rational()) return cmp(a.rational_, b.rational_);
  // Through the sign of the difference, not Z3_algebraic_lt: for two equal
  // values with different representations (e.g. -(x^3/3) and x - 6 - x^2 at a
  // root of x^3 - 3x^2 + 3x - 18) z3's comparison ran for minutes, while the
  // difference comes out as exactly 0 at once.
  const Real difference = a - b;
  if (difference.is_rational() || difference.algebraic_) return difference.sign();
  // Field elements: equal values were caught above (their difference is
  // written as a constant); unequal ones are mostly told apart by cached
  // enclosures, before any exact sign computation.
  auto enclosure = [](const Real& r) -> std::optional<Interval> {
    if (r.element_) return r.element_->enclosure();
    if (r.is_rational()) return Interval{r.rational_, r.rational_};
    return std::nullopt;
  };
  const auto ea = enclosure(a), eb = enclosure(b);
  if (ea && eb) {
    if (ea->hi < eb->lo) return -1;
    if (ea->lo > eb->hi) return 1;
  }
  return difference.sign();
}

Real max(const Real& a, const Real& b) {
  return a < b ? b : a;
}
Real min(const Real& a, const Real& b) {
  return b < a ? b : a;
}

}  // namespace etr2nn::numeric
