#include "solve/detail/sentence_to_z3.hpp"

#include <stdexcept>
#include <unordered_map>

#include "diagnostic/diagnostic.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::solve {
namespace {

using etr::Formula;
using etr::Term;

z3::expr rational(z3::context& c, const mpq_class& q) {
  return c.real_val(q.get_str().c_str());
}

// Memoised by node address, so shared subterms of a DAG are translated once
// (z3 hash-conses the results as well).
class Translator {
 public:
  Translator(z3::context& c, const std::map<std::string, z3::expr>& vars) : c_(c), vars_(vars) {}

  z3::expr term(const Term& t) {
    if (auto it = terms_.find(&t); it != terms_.end()) return it->second;
    z3::expr e = compute(t);
    terms_.emplace(&t, e);
    return e;
  }

  z3::expr formula(const Formula& f) {
    if (auto it = formulas_.find(&f); it != formulas_.end()) return it->second;
    z3::expr e = compute(f);
    formulas_.emplace(&f, e);
    return e;
  }

 private:
  z3::expr compute(const Term& t) {
    switch (t.kind) {
      case Term::Kind::Constant: return rational(c_, t.value);
      case Term::Kind::Variable: {
        auto it = vars_.find(t.name);
        if (it == vars_.end())
          throw Diagnostic(errors::unbound_variable, t.where,
                           "variable '" + t.name + "' is not bound by the quantifier");
        return it->second;
      }
      case Term::Kind::Negate: return -term(*t.operands.at(0));
      case Term::Kind::Add:
      case Term::Kind::Subtract:
      case Term::Kind::Multiply: {
        z3::expr acc = term(*t.operands.at(0));
        for (std::size_t i = 1; i < t.operands.size(); ++i) {
          z3::expr b = term(*t.operands[i]);
          acc = t.kind == Term::Kind::Add        ? acc + b
                : t.kind == Term::Kind::Subtract ? acc - b
                                                 : acc * b;
        }
        return acc;
      }
      case Term::Kind::Power: {
        // Repeated multiplication (shared by hash-consing) rather than z3's
        // power operator, which nlsat handles less uniformly.
        z3::expr base = term(*t.operands.at(0)), result = c_.real_val(1);
        bool first = true;
        for (unsigned long e = t.exponent; e; e >>= 1) {
          if (e & 1) {
            result = first ? base : result * base;
            first = false;
          }
          if (e > 1) base = base * base;
        }
        return result;
      }
    }
    throw std::logic_error("unknown term kind");
  }

  z3::expr compute(const Formula& f) {
    switch (f.kind) {
      case Formula::Kind::True: return c_.bool_val(true);
      case Formula::Kind::False: return c_.bool_val(false);
      case Formula::Kind::Not: return !formula(*f.operands.at(0));
      case Formula::Kind::And:
      case Formula::Kind::Or: {
        z3::expr_vector parts(c_);
        for (const auto& g : f.operands) parts.push_back(formula(*g));
        return f.kind == Formula::Kind::And ? z3::mk_and(parts) : z3::mk_or(parts);
      }
      case Formula::Kind::Atom: {
        z3::expr l = term(*f.lhs), r = term(*f.rhs);
        switch (f.relation) {
          case etr::Relation::Equal: return l == r;
          case etr::Relation::NotEqual: return l != r;
          case etr::Relation::Less: return l < r;
          case etr::Relation::LessEqual: return l <= r;
          case etr::Relation::Greater: return l > r;
          case etr::Relation::GreaterEqual: return l >= r;
        }
      }
    }
    throw std::logic_error("unknown formula kind");
  }

  z3::context& c_;
  const std::map<std::string, z3::expr>& vars_;
  std::unordered_map<const Term*, z3::expr> terms_;
  std::unordered_map<const Formula*, z3::expr> formulas_;
};

}  // namespace

Z3Sentence to_z3(const etr::Sentence& sentence) {
  z3::context& c = numeric::z3_context();
  std::map<std::string, z3::expr> vars;
  z3::expr_vector parts(c);
  for (const auto& b : sentence.variables) {
    z3::expr x = c.real_const(b.name.c_str());
    vars.emplace(b.name, x);
    if (b.bound) {
      parts.push_back(rational(c, b.bound->lower) <= x);
      parts.push_back(x <= rational(c, b.bound->upper));
    }
  }
  Translator translate(c, vars);
  if (sentence.matrix) parts.push_back(translate.formula(*sentence.matrix));
  return {std::move(vars), z3::mk_and(parts)};
}

}  // namespace etr2nn::solve
