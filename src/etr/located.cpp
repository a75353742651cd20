#include "etr/detail/located.hpp"

namespace etr2nn::etr {

TermPtr located_constant(const mpq_class& value, SourceLocation where) {
  auto t = std::make_shared<Term>();
  t->kind = Term::Kind::Constant;
  t->value = value;
  t->where = std::move(where);
  return t;
}

TermPtr located_variable(std::string name, SourceLocation where) {
  auto t = std::make_shared<Term>();
  t->kind = Term::Kind::Variable;
  t->name = std::move(name);
  t->where = std::move(where);
  return t;
}

TermPtr located_term(Term::Kind kind, std::vector<TermPtr> operands, SourceLocation where) {
  auto t = std::make_shared<Term>();
  t->kind = kind;
  t->operands = std::move(operands);
  t->where = std::move(where);
  return t;
}

TermPtr located_power(TermPtr base, unsigned long exponent, SourceLocation where) {
  auto t = std::make_shared<Term>();
  t->kind = Term::Kind::Power;
  t->exponent = exponent;
  t->operands = {std::move(base)};
  t->where = std::move(where);
  return t;
}

FormulaPtr located_atom(TermPtr lhs, Relation relation, TermPtr rhs, SourceLocation where) {
  auto f = std::make_shared<Formula>();
  f->kind = Formula::Kind::Atom;
  f->lhs = std::move(lhs);
  f->relation = relation;
  f->rhs = std::move(rhs);
  f->where = std::move(where);
  return f;
}

FormulaPtr located_formula(Formula::Kind kind, std::vector<FormulaPtr> operands,
                           SourceLocation where) {
  auto f = std::make_shared<Formula>();
  f->kind = kind;
  f->operands = std::move(operands);
  f->where = std::move(where);
  return f;
}

std::optional<mpq_class> decimal_value(const std::string& text) {
  std::size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  auto digits = [](const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!digits(whole) || (dot != std::string::npos && !digits(fraction))) return std::nullopt;
  mpz_class numerator(whole + fraction, 10);
  mpz_class denominator;
  mpz_ui_pow_ui(denominator.get_mpz_t(), 10, fraction.size());
  mpq_class value(numerator, denominator);
  value.canonicalize();
  return value;
}

}  // namespace etr2nn::etr
