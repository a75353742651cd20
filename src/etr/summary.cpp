#include "etr/summary.hpp"

#include <algorithm>
#include <map>

namespace etr2nn::etr {
namespace {

class Counter {
 public:
  mpz_class degree(const Term& t) {
    if (auto it = degrees_.find(&t); it != degrees_.end()) return it->second;
    mpz_class d = 0;
    switch (t.kind) {
      case Term::Kind::Constant: d = 0; break;
      case Term::Kind::Variable: d = 1; break;
      case Term::Kind::Power: d = degree(*t.operands[0]) * t.exponent; break;
      case Term::Kind::Multiply:
        for (const auto& o : t.operands) d += degree(*o);
        break;
      default:  // Negate, Add, Subtract
        for (const auto& o : t.operands) d = std::max(d, degree(*o));
        break;
    }
    degrees_.emplace(&t, d);
    return d;
  }

  // (atom occurrences, max degree) of a formula, memoised per shared node.
  std::pair<mpz_class, mpz_class> formula(const Formula& f) {
    if (auto it = formulas_.find(&f); it != formulas_.end()) return it->second;
    std::pair<mpz_class, mpz_class> r{0, 0};
    if (f.kind == Formula::Kind::Atom) {
      r = {1, std::max(degree(*f.lhs), degree(*f.rhs))};
    } else {
      for (const auto& o : f.operands) {
        auto [atoms, deg] = formula(*o);
        r.first += atoms;
        r.second = std::max(r.second, deg);
      }
    }
    formulas_.emplace(&f, r);
    return r;
  }

 private:
  std::map<const Term*, mpz_class> degrees_;
  std::map<const Formula*, std::pair<mpz_class, mpz_class>> formulas_;
};

}  // namespace

mpz_class degree(const Term& term) { return Counter().degree(term); }

Summary summarize(const Sentence& sentence) {
  Summary s;
  s.variables = sentence.variables.size();
  if (sentence.matrix) {
    auto [atoms, deg] = Counter().formula(*sentence.matrix);
    s.atoms = atoms;
    s.max_degree = deg;
  }
  return s;
}

}  // namespace etr2nn::etr
