#include "etr/detail/evaluate.hpp"

#include <stdexcept>
#include <unordered_map>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::etr {
namespace {

using numeric::Real;

// Memoised by node address: a DAG from `let` may share a subterm many times,
// and evaluating it once per use could be exponential.
class Evaluator {
 public:
  explicit Evaluator(const Values& values) : values_(values) {}

  Real term(const Term& t) {
    if (auto it = terms_.find(&t); it != terms_.end()) return it->second;
    Real v = compute(t);
    terms_.emplace(&t, v);
    return v;
  }

  bool formula(const Formula& f) {
    if (auto it = formulas_.find(&f); it != formulas_.end()) return it->second;
    bool v = compute(f);
    formulas_.emplace(&f, v);
    return v;
  }

 private:
  Real compute(const Term& t) {
    switch (t.kind) {
      case Term::Kind::Constant: return Real(t.value);
      case Term::Kind::Variable: {
        auto it = values_.find(t.name);
        if (it == values_.end())
          throw Diagnostic(errors::assignment_mismatch, "no value for variable " + t.name);
        return it->second;
      }
      case Term::Kind::Negate: return -term(*t.operands.at(0));
      case Term::Kind::Add: {
        Real s = term(*t.operands.at(0));
        for (std::size_t i = 1; i < t.operands.size(); ++i) s += term(*t.operands[i]);
        return s;
      }
      case Term::Kind::Subtract: {
        Real s = term(*t.operands.at(0));
        for (std::size_t i = 1; i < t.operands.size(); ++i) s -= term(*t.operands[i]);
        return s;
      }
      case Term::Kind::Multiply: {
        Real s = term(*t.operands.at(0));
        for (std::size_t i = 1; i < t.operands.size(); ++i) s *= term(*t.operands[i]);
        return s;
      }
      case Term::Kind::Power: {
        Real base = term(*t.operands.at(0)), result(1);
        for (unsigned long e = t.exponent; e; e >>= 1) {  // square and multiply
          if (e & 1) result *= base;
          if (e > 1) base *= base;
        }
        return result;
      }
    }
    throw std::logic_error("unknown term kind");
  }

  bool compute(const Formula& f) {
    switch (f.kind) {
      case Formula::Kind::True: return true;
      case Formula::Kind::False: return false;
      case Formula::Kind::Not: return !formula(*f.operands.at(0));
      case Formula::Kind::And:
        for (const auto& g : f.operands)
          if (!formula(*g)) return false;
        return true;
      case Formula::Kind::Or:
        for (const auto& g : f.operands)
          if (formula(*g)) return true;
        return false;
      case Formula::Kind::Atom: {
        int c = compare(term(*f.lhs), term(*f.rhs));
        switch (f.relation) {
          case etr::Relation::Equal: return c == 0;
          case etr::Relation::NotEqual: return c != 0;
          case etr::Relation::Less: return c < 0;
          case etr::Relation::LessEqual: return c <= 0;
          case etr::Relation::Greater: return c > 0;
          case etr::Relation::GreaterEqual: return c >= 0;
        }
      }
    }
    throw std::logic_error("unknown formula kind");
  }

  const Values& values_;
  std::unordered_map<const Term*, Real> terms_;
  std::unordered_map<const Formula*, bool> formulas_;
};

}  // namespace

Real evaluate(const Term& term, const Values& values) {
  return Evaluator(values).term(term);
}

bool evaluate(const Formula& formula, const Values& values) {
  return Evaluator(values).formula(formula);
}

bool satisfies(const Sentence& sentence, const Values& values) {
  for (const auto& b : sentence.variables) {
    auto it = values.find(b.name);
    if (it == values.end())
      throw Diagnostic(errors::assignment_mismatch, "no value for variable " + b.name);
    if (b.bound && (compare(it->second, Real(b.bound->lower)) < 0 ||
                    compare(it->second, Real(b.bound->upper)) > 0))
      return false;
  }
  return !sentence.matrix || evaluate(*sentence.matrix, values);
}

}  // namespace etr2nn::etr
