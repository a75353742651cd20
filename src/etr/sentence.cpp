#include "etr/detail/sentence.hpp"

namespace etr2nn::etr {
namespace {

template <class Ptr>
bool same_operands(const std::vector<Ptr>& a, const std::vector<Ptr>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] && !(*a[i] == *b[i])) return false;
  return true;
}

bool same(const TermPtr& a, const TermPtr& b) {
  if (!a || !b) return a == b;
  return a == b || *a == *b;
}

}  // namespace

bool operator==(const Term& a, const Term& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Term::Kind::Constant: return a.value == b.value;
    case Term::Kind::Variable: return a.name == b.name;
    case Term::Kind::Power:
      return a.exponent == b.exponent && same_operands(a.operands, b.operands);
    default: return same_operands(a.operands, b.operands);
  }
}

bool operator==(const Formula& a, const Formula& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == Formula::Kind::Atom)
    return a.relation == b.relation && same(a.lhs, b.lhs) && same(a.rhs, b.rhs);
  return same_operands(a.operands, b.operands);
}

bool operator==(const Bound& a, const Bound& b) {
  return a.lower == b.lower && a.upper == b.upper;
}

bool operator==(const Binding& a, const Binding& b) {
  return a.name == b.name && a.bound == b.bound;
}

bool operator==(const Sentence& a, const Sentence& b) {
  if (a.variables != b.variables) return false;
  if (!a.matrix || !b.matrix) return a.matrix == b.matrix;
  return *a.matrix == *b.matrix;
}

TermPtr constant(const mpq_class& value) {
  auto t = std::make_shared<Term>();
  t->kind = Term::Kind::Constant;
  t->value = value;
  return t;
}

TermPtr variable(std::string name) {
  auto t = std::make_shared<Term>();
  t->kind = Term::Kind::Variable;
  t->name = std::move(name);
  return t;
}

TermPtr make_term(Term::Kind kind, std::vector<TermPtr> operands) {
  auto t = std::make_shared<Term>();
  t->kind = kind;
  t->operands = std::move(operands);
  return t;
}

TermPtr power(TermPtr base, unsigned long exponent) {
  auto t = std::make_shared<Term>();
  t->kind = Term::Kind::Power;
  t->exponent = exponent;
  t->operands = {std::move(base)};
  return t;
}

FormulaPtr atom(TermPtr lhs, Relation relation, TermPtr rhs) {
  auto f = std::make_shared<Formula>();
  f->kind = Formula::Kind::Atom;
  f->lhs = std::move(lhs);
  f->relation = relation;
  f->rhs = std::move(rhs);
  return f;
}

FormulaPtr make_formula(Formula::Kind kind, std::vector<FormulaPtr> operands) {
  auto f = std::make_shared<Formula>();
  f->kind = kind;
  f->operands = std::move(operands);
  return f;
}

const char* relation_symbol(Relation relation) {
  switch (relation) {
    case Relation::Equal: return "=";
    case Relation::NotEqual: return "!=";
    case Relation::Less: return "<";
    case Relation::LessEqual: return "<=";
    case Relation::Greater: return ">";
    case Relation::GreaterEqual: return ">=";
  }
  return "?";
}

}  // namespace etr2nn::etr
