#include "numeric/compositum.hpp"

#include <stdexcept>

#include "numeric/sturm.hpp"

namespace etr2nn::numeric {
namespace {

using Vector = std::vector<mpq_class>;

// A = Q[X, Y]/(m_a(X), m_b(Y)) with basis X^i·Y^j at index i + na·j.
struct Algebra {
  Polynomial ma, mb;  // monic
  std::size_t na, nb;

  std::size_t dimension() const { return na * nb; }

  Vector times_x(const Vector& u) const {
    Vector w(dimension());
    for (std::size_t j = 0; j < nb; ++j) {
      const mpq_class& top = u[na - 1 + na * j];  // X^(na-1) becomes X^na = −Σ ma[i]·X^i
      for (std::size_t i = na; i-- > 1;) w[i + na * j] = u[i - 1 + na * j];
      if (top != 0)
        for (std::size_t i = 0; i < na; ++i) w[i + na * j] -= ma[i] * top;
    }
    return w;
  }

  Vector times_y(const Vector& u) const {
    Vector w(dimension());
    for (std::size_t j = nb; j-- > 1;)
      for (std::size_t i = 0; i < na; ++i) w[i + na * j] = u[i + na * (j - 1)];
    for (std::size_t i = 0; i < na; ++i) {  // Y^nb = −Σ mb[j]·Y^j
      const mpq_class& top = u[i + na * (nb - 1)];
      if (top == 0) continue;
      for (std::size_t j = 0; j < nb; ++j) w[i + na * j] -= mb[j] * top;
    }
    return w;
  }

  // X (or Y) itself as a vector of A.
  Vector variable(bool y) const {
    Vector v(dimension());
    const std::size_t n = y ? nb : na;
    if (n > 1)
      v[y ? na : 1] = 1;
    else
      v[0] = -(y ? mb : ma)[0];  // degree 1: the variable is a rational
    return v;
  }
};

// Gaussian elimination on the powers of γ, remembering each row as a
// polynomial in γ (the same scheme as NumberField::minimal_polynomial).
struct Echelon {
  struct Row {
    Vector v;
    std::size_t pivot;
    Polynomial combination;  // v = Σ combination[i]·γ^i
  };
  std::vector<Row> rows;

  // Reduces v against the rows; returns Σ factor·combination of the rows used.
  Polynomial reduce(Vector& v) const {
    Polynomial used;
    for (const auto& row : rows) {
      if (v[row.pivot] == 0) continue;
      const mpq_class factor = v[row.pivot] / row.v[row.pivot];
      for (std::size_t i = 0; i < v.size(); ++i) v[i] -= factor * row.v[i];
      if (used.size() < row.combination.size()) used.resize(row.combination.size());
      for (std::size_t i = 0; i < row.combination.size(); ++i)
        used[i] += factor * row.combination[i];
    }
    return used;
  }
};

bool is_zero(const Vector& v) {
  for (const auto& c : v)
    if (c != 0) return false;
  return true;
}

struct Generated {
  Polynomial m, alpha, beta;
};

// γ = X + k·Y: its characteristic polynomial and X, Y in powers of γ, when
// the powers below the dimension are independent.
std::optional<Generated> generated(const Algebra& algebra, long k) {
  const std::size_t n = algebra.dimension();
  Echelon echelon;
  Vector power(n);
  power[0] = 1;
  for (std::size_t e = 0; e <= n; ++e) {
    if (e > 0) {
      Vector y = algebra.times_y(power);
      power = algebra.times_x(power);
      for (std::size_t i = 0; i < n; ++i) power[i] += k * y[i];
    }
    Vector v = power;
    Polynomial combination = echelon.reduce(v);
    combination.resize(e + 1);
    for (auto& c : combination) c = -c;
    combination[e] += 1;  // v = γ^e − Σ used = Σ combination[i]·γ^i
    if (is_zero(v)) {
      if (e < n) return std::nullopt;  // γ has a smaller polynomial: it does not generate A
      Generated g;
      g.m = combination;  // γ^n − (its expression in lower powers): monic, χ(γ) = 0
      for (bool y : {false, true}) {
        Vector target = algebra.variable(y);
        Polynomial p = echelon.reduce(target);
        if (!is_zero(target)) throw std::logic_error("the powers of γ do not span the algebra");
        trim(p);
        (y ? g.beta : g.alpha) = std::move(p);
      }
      return g;
    }
    std::size_t pivot = 0;
    while (v[pivot] == 0) ++pivot;
    echelon.rows.push_back({std::move(v), pivot, std::move(combination)});
  }
  throw std::logic_error("no relation among dimension + 1 powers");
}

}  // namespace

std::optional<Compositum> compositum(const AlgebraicRoot& a, const AlgebraicRoot& b) {
  Algebra algebra{monic(a.m), monic(b.m), 0, 0};
  if (degree(algebra.ma) < 1 || degree(algebra.mb) < 1)
    throw std::invalid_argument("compositum of a constant polynomial");
  algebra.na = static_cast<std::size_t>(degree(algebra.ma));
  algebra.nb = static_cast<std::size_t>(degree(algebra.mb));
  for (long k = 1; k <= 8; ++k) {
    auto g = generated(algebra, k);
    if (!g) continue;
    // γ's interval from α's and β's, widened by 2^-bits so that γ is inside
    // the open interval; narrowed until it isolates one root of χ.
    for (unsigned bits = 16; bits <= 4096; bits *= 2) {
      mpq_class margin(1);
      mpq_div_2exp(margin.get_mpq_t(), margin.get_mpq_t(), bits);
      const Interval ea = a.enclose(bits), eb = b.enclose(bits);
      const Interval gamma{ea.lo + k * eb.lo - margin, ea.hi + k * eb.hi + margin};
      if (evaluate(g->m, gamma.lo) != 0 && evaluate(g->m, gamma.hi) != 0 &&
          count_roots(g->m, gamma.lo, gamma.hi) == 1)
        return Compositum{k, std::move(g->m), gamma, std::move(g->alpha), std::move(g->beta)};
    }
    return std::nullopt;  // not reached for square-free χ: its roots are apart
  }
  return std::nullopt;
}

}  // namespace etr2nn::numeric
