#include "generate/detail/general.hpp"

#include <algorithm>
#include <stdexcept>

#include "generate/detail/random.hpp"

namespace etr2nn::generate {
namespace {

unsigned degree(const std::vector<unsigned>& exponents) {
  unsigned d = 0;
  for (unsigned e : exponents) d += e;
  return d;
}

void add_term(Polynomial& p, const std::vector<unsigned>& exponents, const mpq_class& c) {
  auto [it, fresh] = p.try_emplace(exponents, c);
  if (!fresh) it->second += c;
  if (it->second == 0) p.erase(it);
}

Polynomial multiply(const Polynomial& a, const Polynomial& b) {
  Polynomial out;
  for (const auto& [ea, ca] : a)
    for (const auto& [eb, cb] : b) {
      std::vector<unsigned> e(ea.size());
      for (std::size_t i = 0; i < e.size(); ++i) e[i] = ea[i] + eb[i];
      add_term(out, e, ca * cb);
    }
  return out;
}

mpq_class evaluate(const Polynomial& p, const std::vector<mpq_class>& point) {
  mpq_class sum = 0;
  for (const auto& [e, c] : p) {
    mpq_class term = c;
    for (std::size_t i = 0; i < e.size(); ++i)
      for (unsigned k = 0; k < e[i]; ++k) term *= point[i];
    sum += term;
  }
  return sum;
}

// A monomial of total degree exactly d over n variables.
std::vector<unsigned> monomial(Random& rng, std::size_t n, unsigned d) {
  std::vector<unsigned> e(n, 0);
  for (unsigned k = 0; k < d; ++k) ++e[rng.below(n)];
  return e;
}

long nonzero_coefficient(Random& rng) {
  const long c = rng.between(-3, 2);
  return c >= 0 ? c + 1 : c;  // -3..-1, 1..3
}

// Two to four monomials; the first of degree `top`, the others of degree
// 0..top; never the zero polynomial, never constant.
Polynomial random_polynomial(Random& rng, std::size_t n, unsigned top) {
  Polynomial p;
  while (p.empty() ||
         std::none_of(p.begin(), p.end(), [&](const auto& t) { return degree(t.first) == top; })) {
    p.clear();
    add_term(p, monomial(rng, n, top), nonzero_coefficient(rng));
    const auto extra = rng.between(1, 3);
    for (long i = 0; i < extra; ++i)
      add_term(p, monomial(rng, n, static_cast<unsigned>(rng.below(top + 1))),
               nonzero_coefficient(rng));
  }
  return p;
}

std::string constant_text(const mpq_class& c) {
  return c.get_str();
}

std::string relation_atom(Random& rng, const Polynomial& f, const std::vector<std::string>& names,
                          const std::vector<mpq_class>& point) {
  const mpq_class at = evaluate(f, point);
  // Mostly inequalities with room (s > 0): the system keeps a full-dimensional
  // solution set near P, and an equality now and then keeps it from being only
  // that; a system of many random equalities would be hard for every solver
  // for the wrong reason (its solutions are points of high algebraic degree).
  mpq_class slack(static_cast<long>(1 + rng.below(2)), 2);
  slack.canonicalize();
  const std::string lhs = polynomial_text(f, names);
  switch (rng.below(4)) {
    case 0: return lhs + " = " + constant_text(at);
    case 1:
    case 2: return lhs + " <= " + constant_text(at + slack);
    default: return lhs + " >= " + constant_text(at - slack);
  }
}

}  // namespace

std::string polynomial_text(const Polynomial& p, const std::vector<std::string>& variables) {
  std::vector<std::pair<std::vector<unsigned>, mpq_class>> terms(p.begin(), p.end());
  // Decreasing degree, then the map's (lexicographic) order: stable text.
  std::stable_sort(terms.begin(), terms.end(),
                   [](const auto& a, const auto& b) { return degree(a.first) > degree(b.first); });
  std::string s;
  for (const auto& [e, c] : terms) {
    std::string factors;
    for (std::size_t i = 0; i < e.size(); ++i) {
      if (e[i] == 0) continue;
      if (!factors.empty()) factors += "*";
      factors += variables[i];
      if (e[i] > 1) factors += "^" + std::to_string(e[i]);
    }
    const mpq_class magnitude = abs(c);
    std::string term;
    if (factors.empty())
      term = magnitude.get_str();
    else
      term = (magnitude == 1 ? "" : magnitude.get_str() + "*") + factors;
    if (s.empty())
      s = (c < 0 ? "-" : "") + term;
    else
      s += (c < 0 ? " - " : " + ") + term;
  }
  return s.empty() ? "0" : s;
}

GeneralSentence general_sentence(std::size_t size, std::uint64_t seed, bool truth) {
  if (size < 1) throw std::invalid_argument("general families need a size of at least 1");
  GeneralSentence out;
  out.truth = truth;
  Random rng(seed);
  const std::size_t n = 2 + rng.below(3);
  const char* names[] = {"x", "y", "z", "w"};
  out.variables.assign(names, names + n);
  for (std::size_t i = 0; i < n; ++i) {
    out.point.push_back(mpq_class(rng.between(-4, 4), 2));
    out.point.back().canonicalize();
  }
  const std::size_t planted = truth ? size : size - 1;
  for (std::size_t i = 0; i < planted; ++i) {
    const auto f = random_polynomial(rng, n, static_cast<unsigned>(rng.between(2, 4)));
    out.constraints.push_back(relation_atom(rng, f, out.variables, out.point));
  }
  if (!truth) {
    // S = g1^2 + g2^2 + c with c in {1/4, 1/2, ..., 2}: degree at most 4.
    const auto g1 = random_polynomial(rng, n, static_cast<unsigned>(rng.between(1, 2)));
    const auto g2 = random_polynomial(rng, n, static_cast<unsigned>(rng.between(1, 2)));
    mpq_class c(rng.between(1, 8), 4);
    c.canonicalize();
    Polynomial s = multiply(g1, g1);
    for (const auto& [e, k] : multiply(g2, g2)) add_term(s, e, k);
    add_term(s, std::vector<unsigned>(n, 0), c);
    out.impossible = rng.below(out.constraints.size() + 1);
    out.constraints.insert(out.constraints.begin() + static_cast<long>(out.impossible),
                           polynomial_text(s, out.variables) + " = 0");
    out.impossible_as_squares = "(" + polynomial_text(g1, out.variables) + ")^2 + (" +
                                polynomial_text(g2, out.variables) + ")^2 + " + c.get_str();
  }
  return out;
}

}  // namespace etr2nn::generate
