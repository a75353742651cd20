#include "random_sentences.hpp"

#include <string>

namespace etr2nn::testing {
namespace {

using etr::Formula;
using etr::Term;

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string name(int i) {
  return std::string(1, static_cast<char>('x' + i % 3)) + (i >= 3 ? std::to_string(i) : "");
}

}  // namespace

mpq_class random_small_rational(std::mt19937& rng) {
  mpq_class q(uniform(rng, -6, 6), uniform(rng, 1, 3));
  q.canonicalize();
  return q;
}

// A sum of 1-3 monomials c * x^i * y^j with total degree <= max_degree, in
// varied shapes (Add, Subtract, Negate, Power, nested products).
etr::TermPtr random_polynomial(std::mt19937& rng, const RandomSentenceOptions& o) {
  std::vector<etr::TermPtr> monomials;
  int n = uniform(rng, 1, 3);
  for (int k = 0; k < n; ++k) {
    std::vector<etr::TermPtr> factors;
    mpq_class c = random_small_rational(rng);
    if (c == 0) c = 1;
    if (c != 1 || uniform(rng, 0, 3) == 0) factors.push_back(etr::constant(c));
    int degree = uniform(rng, 0, o.max_degree);
    for (int d = 0; d < degree;) {
      auto x = etr::variable(name(uniform(rng, 0, o.variables - 1)));
      int e = uniform(rng, 1, degree - d);
      factors.push_back(e == 1 ? x : etr::power(x, static_cast<unsigned long>(e)));
      d += e;
    }
    if (factors.empty()) factors.push_back(etr::constant(c));
    auto m = factors.size() == 1 ? factors[0] : etr::make_term(Term::Kind::Multiply, factors);
    if (uniform(rng, 0, 5) == 0) m = etr::make_term(Term::Kind::Negate, {m});
    monomials.push_back(m);
  }
  if (monomials.size() == 1) return monomials[0];
  return etr::make_term(uniform(rng, 0, 1) ? Term::Kind::Add : Term::Kind::Subtract, monomials);
}

etr::FormulaPtr random_formula(std::mt19937& rng, const RandomSentenceOptions& o) {
  bool order_only = o.equalities_only_univariate && o.variables > 1;
  auto random_atom = [&] {
    // Relation order: Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual.
    auto rel = static_cast<etr::Relation>(uniform(rng, order_only ? 2 : 0, 5));
    auto rhs = uniform(rng, 0, 2) == 0 ? random_polynomial(rng, o)
                                       : etr::constant(random_small_rational(rng));
    return etr::atom(random_polynomial(rng, o), rel, rhs);
  };
  int atoms = uniform(rng, 1, o.max_atoms);
  std::vector<etr::FormulaPtr> parts;
  for (int i = 0; i < atoms; ++i) {
    auto a = random_atom();
    if (o.allow_not && uniform(rng, 0, 4) == 0) a = etr::make_formula(Formula::Kind::Not, {a});
    parts.push_back(a);
  }
  // Combine left to right with random connectives, sometimes negating a group.
  auto f = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) {
    auto kind = uniform(rng, 0, 1) ? Formula::Kind::And : Formula::Kind::Or;
    f = etr::make_formula(kind, {f, parts[i]});
    if (o.allow_not && uniform(rng, 0, 5) == 0) f = etr::make_formula(Formula::Kind::Not, {f});
  }
  return f;
}

etr::Sentence random_sentence(std::mt19937& rng, const RandomSentenceOptions& options) {
  RandomSentenceOptions o = options;
  o.variables = uniform(rng, 1, options.variables);  // a mix of one- and two-variable sentences
  etr::Sentence s;
  for (int i = 0; i < o.variables; ++i) {
    etr::Binding b{name(i), std::nullopt, {}};
    if (uniform(rng, 0, 4) == 0) {  // sometimes a bound
      mpq_class lo = random_small_rational(rng), hi = lo + uniform(rng, 0, 3);
      b.bound = etr::Bound{lo, hi};
    }
    s.variables.push_back(b);
  }
  s.matrix = random_formula(rng, o);
  return s;
}

}  // namespace etr2nn::testing
