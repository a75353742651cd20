#include "etrinv/detail/terms.hpp"

#include <optional>
#include <stdexcept>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::etrinv {

using etr::Term;

TermFlattener::TermFlattener(ami::Builder& builder, std::map<std::string, ami::Var> inputs)
    : builder_(builder), inputs_(std::move(inputs)) {}

ami::Var TermFlattener::flatten(const Term& term) {
  if (auto it = done_.find(&term); it != done_.end()) return it->second;
  ami::Pass saved = builder_.pass();
  builder_.set_pass(ami::Pass::Terms);
  ami::Var v = compute(term);
  builder_.set_pass(saved);
  done_.emplace(&term, v);
  return v;
}

ami::Var TermFlattener::power(ami::Var base, unsigned long exponent) {
  if (exponent == 0) return builder_.one();
  std::optional<ami::Var> result;
  for (unsigned long e = exponent;; e >>= 1) {
    if (e & 1) result = result ? builder_.product(*result, base) : base;
    if (e <= 1) break;
    base = builder_.product(base, base);
  }
  return *result;
}

ami::Var TermFlattener::compute(const Term& t) {
  switch (t.kind) {
    case Term::Kind::Constant: return builder_.constant(t.value);
    case Term::Kind::Variable: {
      auto it = inputs_.find(t.name);
      if (it == inputs_.end())
        throw Diagnostic(errors::unbound_variable, t.where,
                         "variable '" + t.name + "' is not bound by the quantifier");
      return it->second;
    }
    case Term::Kind::Negate: {
      const Term& a = *t.operands.at(0);
      if (a.kind == Term::Kind::Constant) return builder_.constant(-a.value);
      return builder_.negation(flatten(a));
    }
    case Term::Kind::Add:
    case Term::Kind::Subtract:
    case Term::Kind::Multiply: {
      ami::Var acc = flatten(*t.operands.at(0));
      for (std::size_t i = 1; i < t.operands.size(); ++i) {
        ami::Var b = flatten(*t.operands[i]);
        acc = t.kind == Term::Kind::Add        ? builder_.sum(acc, b)
              : t.kind == Term::Kind::Subtract ? builder_.difference(acc, b)
                                               : builder_.product(acc, b);
      }
      return acc;
    }
    case Term::Kind::Power: return power(flatten(*t.operands.at(0)), t.exponent);
  }
  throw std::logic_error("unknown term kind");
}

}  // namespace etr2nn::etrinv
