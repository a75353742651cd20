#include "numeric/number_field.hpp"

#include <map>
#include <stdexcept>

#include "numeric/sturm.hpp"

namespace etr2nn::numeric {

struct NumberField::Base {
  Polynomial m;    // monic, square-free; replaced by a factor when θ is found to be a root of one
  std::size_t n;   // the degree m had at first: coordinates per base block, never changes
  Interval theta;  // lo == hi == θ, or lo < θ < hi with no other root of m in [lo, hi]
  std::vector<std::unique_ptr<NumberField>> chain;  // the base field, then one per √ adjoined
  std::size_t levels_with_root_below = 0;           // normal() has work only when > 0

  void settle_rational(const mpq_class& root) {
    m = {-root, 1};
    theta = {root, root};
  }

  // Bisect until θ's interval is at most 2^-bits wide.
  void refine(unsigned bits) {
    if (theta.lo == theta.hi) return;
    mpq_class target(1);
    mpq_div_2exp(target.get_mpq_t(), target.get_mpq_t(), bits);
    const int sign_lo = sgn(evaluate(m, theta.lo));
    while (theta.width() > target) {
      mpq_class mid = (theta.lo + theta.hi) / 2;
      const int s = sgn(evaluate(m, mid));
      if (s == 0) return settle_rational(mid);  // the only root of m in the interval
      (s == sign_lo ? theta.lo : theta.hi) = mid;
    }
  }

  Interval enclose(const Polynomial& p, unsigned bits) {
    refine(bits);
    return evaluate(p, theta);
  }

  // m = g·h: keep the factor that vanishes at θ (exactly one does: m is square-free).
  void split(const Polynomial& g) {
    Polynomial h = divide(m, g).first;
    for (unsigned bits = 32;; bits *= 2) {
      const int sg = enclose(g, bits).certain_sign();
      if (theta.lo == theta.hi) return;  // refining found θ rational; m is X - θ now
      if (sg != 0) {
        m = monic(h);
        return;
      }
      if (enclose(h, bits).certain_sign() != 0) {
        m = g;
        return;
      }
    }
  }

  Polynomial reduce(const Polynomial& p) const { return remainder(p, m); }

  int sign(Polynomial p) {
    p = reduce(p);
    if (p.empty()) return 0;
    bool split_checked = false;
    for (unsigned bits = 32;; bits *= 2) {
      if (const int s = enclose(p, bits).certain_sign(); s != 0) return s;
      if (!split_checked && bits >= 128) {
        // Still undecided: p may vanish at θ without m dividing it.
        split_checked = true;
        Polynomial g = gcd(p, m);
        if (degree(g) > 0) {
          split(g);
          p = reduce(p);
          if (p.empty()) return 0;
        }
      }
    }
  }

  Polynomial inverse(Polynomial p) {
    for (p = reduce(p); !p.empty(); p = reduce(p)) {
      Bezout b = bezout(p, m);
      if (degree(b.gcd) == 0) return b.s;
      split(b.gcd);  // then either p reduces to 0 or gcd(p, m) = 1
    }
    throw std::domain_error("division by zero");
  }

  // θ ∈ (lower, upper), when refining to 256 bits decides it.
  bool inside(const mpq_class& lower, const mpq_class& upper) {
    for (unsigned bits = 16; bits <= 256; bits *= 2) {
      refine(bits);
      if (theta.lo > lower && theta.hi < upper) return true;
      if (theta.hi <= lower || theta.lo >= upper) return false;
    }
    return false;
  }
};

namespace {

using Coordinates = NumberField::Coordinates;

// Every base so far, by the monic polynomial it was made from. Only equal
// polynomials are compared (a network file names thousands of numbers, each
// with its own polynomial; comparing all pairs would be quadratic).
std::map<Polynomial, std::vector<std::unique_ptr<NumberField::Base>>>& registry() {
  static std::map<Polynomial, std::vector<std::unique_ptr<NumberField::Base>>> bases;
  return bases;
}

Polynomial as_polynomial(const Coordinates& x) {
  Polynomial p = x;
  trim(p);
  return p;
}

Coordinates padded(Polynomial p, std::size_t n) {
  p.resize(n);
  return p;
}

std::pair<Coordinates, Coordinates> halves(const Coordinates& x) {
  const auto mid = x.begin() + static_cast<std::ptrdiff_t>(x.size() / 2);
  return {Coordinates(x.begin(), mid), Coordinates(mid, x.end())};
}

Coordinates joined(Coordinates a, const Coordinates& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

bool is_zero(const Coordinates& x) {
  for (const auto& c : x)
    if (c != 0) return false;
  return true;
}

}  // namespace

NumberField::NumberField(Base* base, const NumberField* below, Coordinates radicand)
    : base_(base),
      below_(below),
      radicand_(std::move(radicand)),
      dimension_(below ? 2 * below->dimension_ : base_->n) {}

const NumberField& NumberField::generated_by(const Polynomial& polynomial, const mpq_class& lower,
                                             const mpq_class& upper) {
  Polynomial m = square_free_part(polynomial);
  if (degree(m) < 1) throw std::invalid_argument("a constant polynomial defines no number");
  if (!(lower < upper)) throw std::invalid_argument("empty isolating interval");
  const unsigned roots = count_roots(m, lower, upper);
  if (roots != 1)
    throw std::invalid_argument(roots == 0 ? "the polynomial has no root in the interval"
                                           : "the interval holds more than one root");
  m = monic(m);
  auto& same = registry()[m];
  for (const auto& base : same)
    if (base->inside(lower, upper) && base->sign(m) == 0) return *base->chain.front();

  auto base = std::make_unique<Base>();
  base->m = m;
  base->n = static_cast<std::size_t>(degree(m));
  base->theta = {lower, upper};
  // Move the ends off roots of m (they may be other roots), so that m changes
  // sign across the interval and bisection works.
  while (base->theta.lo != base->theta.hi &&
         (evaluate(m, base->theta.lo) == 0 || evaluate(m, base->theta.hi) == 0)) {
    mpq_class mid = (base->theta.lo + base->theta.hi) / 2;
    if (evaluate(m, mid) == 0 && count_roots(m, base->theta.lo, mid) == 0 &&
        count_roots(m, mid, base->theta.hi) == 0)
      base->settle_rational(mid);
    else if (count_roots(m, base->theta.lo, mid) == 1)
      base->theta.hi = mid;
    else
      base->theta.lo = mid;
  }
  if (base->n == 1) base->settle_rational(-base->m[0]);
  base->chain.emplace_back(new NumberField(base.get(), nullptr, {}));
  same.push_back(std::move(base));
  return *same.back()->chain.front();
}

std::optional<NumberField::Root> NumberField::sqrt(const Coordinates& r) const {
  const NumberField& top = *base_->chain.back();
  const Coordinates radicand = top.embed(*this, r);
  for (const auto& level : base_->chain) {
    if (!level->below_) continue;
    if (top.embed(*level->below_, level->radicand_) == radicand)
      return Root{level.get(), level->generator()};
  }
  if (2 * top.dimension_ > max_dimension) return std::nullopt;
  base_->chain.emplace_back(new NumberField(base_, &top, radicand));
  const NumberField& field = *base_->chain.back();
  return Root{&field, field.generator()};
}

NumberField::Coordinates NumberField::generator() const {
  if (!below_ && dimension_ == 1) return constant(base_->theta.lo);  // θ is rational
  Coordinates x(dimension_);
  x[below_ ? below_->dimension_ : 1] = 1;
  return x;
}

Polynomial NumberField::base_polynomial() const {
  return base_->m;
}

Interval NumberField::base_interval() const {
  return base_->theta;
}

std::vector<const NumberField*> NumberField::tower() const {
  std::vector<const NumberField*> fields;
  for (const NumberField* f = this; f; f = f->below_) fields.insert(fields.begin(), f);
  return fields;
}

const NumberField& NumberField::base_field() const {
  return *base_->chain.front();
}

bool NumberField::contains(const NumberField& other) const {
  for (const NumberField* f = this; f; f = f->below_)
    if (f == &other) return true;
  return false;
}

Coordinates NumberField::embed(const NumberField& from, const Coordinates& x) const {
  if (!contains(from)) throw std::logic_error("embedding into a field that does not contain it");
  return padded(x, dimension_);  // (a) below becomes (a, 0) here, at every step
}

Coordinates NumberField::constant(const mpq_class& q) const {
  Coordinates x(dimension_);
  x[0] = q;
  return x;
}

std::optional<mpq_class> NumberField::as_rational(const Coordinates& x) const {
  for (std::size_t i = 1; i < x.size(); ++i)
    if (x[i] != 0) return std::nullopt;
  return x[0];
}

Coordinates NumberField::add(const Coordinates& x, const Coordinates& y) const {
  Coordinates z = x;
  for (std::size_t i = 0; i < z.size(); ++i) z[i] += y[i];
  return z;
}

Coordinates NumberField::subtract(const Coordinates& x, const Coordinates& y) const {
  Coordinates z = x;
  for (std::size_t i = 0; i < z.size(); ++i) z[i] -= y[i];
  return z;
}

Coordinates NumberField::scale(const mpq_class& q, const Coordinates& x) const {
  Coordinates z = x;
  for (auto& c : z) c *= q;
  return z;
}

Coordinates NumberField::multiply(const Coordinates& x, const Coordinates& y) const {
  if (!below_)
    return padded(base_->reduce(numeric::multiply(as_polynomial(x), as_polynomial(y))), dimension_);
  // (a + b·s)(c + d·s) = (ac + bd·r) + (ad + bc)·s
  const auto [a, b] = halves(x);
  const auto [c, d] = halves(y);
  const NumberField& f = *below_;
  Coordinates bd = f.multiply(b, d);
  return joined(f.add(f.multiply(a, c), is_zero(bd) ? bd : f.multiply(bd, radicand_)),
                f.add(f.multiply(a, d), f.multiply(b, c)));
}

Coordinates NumberField::inverse(const Coordinates& x) const {
  if (!below_) return padded(base_->inverse(as_polynomial(x)), dimension_);
  const auto [a, b] = halves(x);
  const NumberField& f = *below_;
  // 1/(a + b·s) = (a − b·s)/(a² − b²·r) when the norm is not 0.
  const Coordinates n = norm(a, b);
  if (f.sign(n) != 0) {
    const Coordinates inv = f.inverse(n);
    return joined(f.multiply(a, inv), f.scale(-1, f.multiply(b, inv)));
  }
  // |a| = |b|·s: the value is 2a when a and b have one sign, else 0.
  const int sa = f.sign(a), sb = f.sign(b);
  if (sb != 0 && !root_below_) learn_root_below(a, b, true);
  if (sa == 0 || sa != sb) throw std::domain_error("division by zero");
  return embed(f, f.inverse(f.scale(2, a)));
}

int NumberField::sign(const Coordinates& x) const {
  if (!below_) return base_->sign(as_polynomial(x));
  const NumberField& f = *below_;
  if (root_below_) return f.sign(halves(normal(x)).first);
  const auto [a, b] = halves(x);
  const int sa = f.sign(a), sb = f.sign(b);
  if (sb == 0) return sa;
  if (sa == 0 || sa == sb) return sb;
  // Opposite signs: a + b·s has a's sign iff a² > b²·r.
  const int s = sa * f.sign(norm(a, b));
  if (s == 0) learn_root_below(a, b, false);
  return s;
}

NumberField::Coordinates NumberField::norm(const Coordinates& a, const Coordinates& b) const {
  const NumberField& f = *below_;
  return f.subtract(f.multiply(a, a), f.multiply(f.multiply(b, b), radicand_));
}

void NumberField::learn_root_below(const Coordinates& a, const Coordinates& b,
                                   bool from_norm) const {
  const NumberField& f = *below_;
  Coordinates ratio = f.multiply(a, f.inverse(b));  // a/b
  // a + b·s = 0 gives s = −a/b; a² = b²·r gives s = |a/b|.
  if (!from_norm || f.sign(ratio) < 0) ratio = f.scale(-1, ratio);
  root_below_ = std::move(ratio);
  ++base_->levels_with_root_below;
}

NumberField::Coordinates NumberField::normal(Coordinates x) const {
  if (!below_ || base_->levels_with_root_below == 0) return x;
  auto [a, b] = halves(x);
  a = below_->normal(std::move(a));
  b = below_->normal(std::move(b));
  if (root_below_) {
    a = below_->normal(below_->add(a, below_->multiply(b, *root_below_)));
    b.assign(b.size(), 0);
  }
  return joined(std::move(a), b);
}

Interval NumberField::enclosure(const Coordinates& x, unsigned bits) const {
  if (!below_) return base_->enclose(base_->reduce(as_polynomial(x)), bits);
  const auto [a, b] = halves(x);
  const NumberField& f = *below_;
  Interval r = f.enclosure(radicand_, bits);
  if (r.lo < 0) r.lo = 0;  // r > 0; the enclosure may still reach below
  return f.enclosure(a, bits) + f.enclosure(b, bits) * numeric::sqrt(r, bits);
}

Polynomial NumberField::minimal_polynomial(const Coordinates& x) const {
  // The first power of x that is a rational combination of the lower ones
  // (Gaussian elimination on the coordinate vectors 1, x, x², …).
  struct Row {
    Coordinates v;  // echelon form: zero before pivot
    std::size_t pivot;
    Polynomial combination;  // v = Σ combination[i]·x^i
  };
  std::vector<Row> rows;
  Coordinates power = constant(1);
  for (std::size_t k = 0; k <= dimension_; ++k) {
    if (k > 0) power = multiply(power, x);
    Coordinates v = power;
    Polynomial combination(k + 1);
    combination[k] = 1;
    for (const auto& row : rows) {
      if (v[row.pivot] == 0) continue;
      const mpq_class factor = v[row.pivot] / row.v[row.pivot];
      for (std::size_t i = 0; i < v.size(); ++i) v[i] -= factor * row.v[i];
      for (std::size_t i = 0; i < row.combination.size(); ++i)
        combination[i] -= factor * row.combination[i];
    }
    std::size_t pivot = 0;
    while (pivot < v.size() && v[pivot] == 0) ++pivot;
    if (pivot == v.size()) return square_free_part(combination);  // monic: x^k has coefficient 1
    rows.push_back({std::move(v), pivot, std::move(combination)});
  }
  throw std::logic_error("no polynomial relation among dimension + 1 powers");
}

}  // namespace etr2nn::numeric
