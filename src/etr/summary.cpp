#include "etr/detail/summary.hpp"

#include <algorithm>
#include <unordered_map>

namespace etr2nn::etr {
namespace {

class Counter {
 public:
  // Only shared nodes (use_count > 1) are memoised: a tree needs no memo,
  // and the hash map would cost more than the walk.
  mpz_class degree(const TermPtr& p) {
    if (p.use_count() <= 1) return compute(*p);
    if (auto it = degrees_.find(p.get()); it != degrees_.end()) return it->second;
    mpz_class d = compute(*p);
    degrees_.emplace(p.get(), d);
    return d;
  }

  std::pair<mpz_class, mpz_class> formula(const FormulaPtr& p) {
    if (p.use_count() <= 1) return compute(*p);
    if (auto it = formulas_.find(p.get()); it != formulas_.end()) return it->second;
    auto r = compute(*p);
    formulas_.emplace(p.get(), r);
    return r;
  }

  mpz_class compute(const Term& t) {
    mpz_class d = 0;
    switch (t.kind) {
      case Term::Kind::Constant: d = 0; break;
      case Term::Kind::Variable: d = 1; break;
      case Term::Kind::Power: d = degree(t.operands[0]) * t.exponent; break;
      case Term::Kind::Multiply:
        for (const auto& o : t.operands) d += degree(o);
        break;
      default:  // Negate, Add, Subtract
        for (const auto& o : t.operands) d = std::max(d, degree(o));
        break;
    }
    return d;
  }

  // (atom occurrences, max degree) of a formula.
  std::pair<mpz_class, mpz_class> compute(const Formula& f) {
    std::pair<mpz_class, mpz_class> r{0, 0};
    if (f.kind == Formula::Kind::Atom) {
      r = {1, std::max(degree(f.lhs), degree(f.rhs))};
    } else {
      for (const auto& o : f.operands) {
        auto [atoms, deg] = formula(o);
        r.first += atoms;
        r.second = std::max(r.second, deg);
      }
    }
    return r;
  }

 private:
  std::unordered_map<const Term*, mpz_class> degrees_;
  std::unordered_map<const Formula*, std::pair<mpz_class, mpz_class>> formulas_;
};

}  // namespace

mpz_class degree(const Term& term) {
  return Counter().compute(term);
}

Summary summarize(const Sentence& sentence) {
  Summary s;
  s.variables = sentence.variables.size();
  if (sentence.matrix) {
    auto [atoms, deg] = Counter().formula(sentence.matrix);
    s.atoms = atoms;
    s.max_degree = deg;
  }
  return s;
}

}  // namespace etr2nn::etr
