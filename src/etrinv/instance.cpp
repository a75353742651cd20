#include "etrinv/detail/instance.hpp"

#include <map>

namespace etr2nn::etrinv {
namespace {

using etr::Formula;
using etr::Term;

bool is_one(const etr::TermPtr& t) {
  return t->kind == Term::Kind::Constant && t->value == 1;
}
bool is_var(const etr::TermPtr& t) {
  return t->kind == Term::Kind::Variable;
}

void flatten_and(const etr::FormulaPtr& f, std::vector<etr::FormulaPtr>& out) {
  if (f->kind == Formula::Kind::And)
    for (const auto& g : f->operands) flatten_and(g, out);
  else
    out.push_back(f);
}

// x = 1, x + y = z, x * y = 1 (only in this orientation, as docs/syntax.md section 8 states).
std::optional<Constraint> constraint_of(const Formula& f,
                                        const std::map<std::string, VariableIndex>& index) {
  if (f.kind != Formula::Kind::Atom || f.relation != etr::Relation::Equal) return std::nullopt;
  auto idx = [&](const etr::TermPtr& t) { return index.at(t->name); };
  const auto& l = f.lhs;
  const auto& r = f.rhs;
  if (is_var(l) && is_one(r)) return Constraint{Constraint::Kind::One, {idx(l), 0, 0}};
  if (l->kind == Term::Kind::Add && l->operands.size() == 2 && is_var(l->operands[0]) &&
      is_var(l->operands[1]) && is_var(r))
    return Constraint{Constraint::Kind::Add, {idx(l->operands[0]), idx(l->operands[1]), idx(r)}};
  if (l->kind == Term::Kind::Multiply && l->operands.size() == 2 && is_var(l->operands[0]) &&
      is_var(l->operands[1]) && is_one(r))
    return Constraint{Constraint::Kind::Inv, {idx(l->operands[0]), idx(l->operands[1]), 0}};
  return std::nullopt;
}

}  // namespace

bool holds(const Constraint& c, const Assignment& v) {
  switch (c.kind) {
    case Constraint::Kind::One: return v[c.vars[0]] == 1;
    case Constraint::Kind::Add: return v[c.vars[0]] + v[c.vars[1]] == v[c.vars[2]];
    case Constraint::Kind::Inv: return v[c.vars[0]] * v[c.vars[1]] == 1;
  }
  return false;
}

std::optional<Violation> first_violation(const Instance& instance, const Assignment& values) {
  const numeric::Real lo(mpq_class(1, 2)), hi(2);
  for (VariableIndex i = 0; i < instance.variables.size(); ++i)
    if (values[i] < lo || values[i] > hi) return Violation{std::nullopt, i};
  for (std::size_t k = 0; k < instance.constraints.size(); ++k)
    if (!holds(instance.constraints[k], values)) return Violation{k, std::nullopt};
  return std::nullopt;
}

std::string describe(const Instance& instance, const Constraint& c) {
  const auto& n = instance.variables;
  switch (c.kind) {
    case Constraint::Kind::One: return n[c.vars[0]] + " = 1";
    case Constraint::Kind::Add: return n[c.vars[0]] + " + " + n[c.vars[1]] + " = " + n[c.vars[2]];
    case Constraint::Kind::Inv: return n[c.vars[0]] + " * " + n[c.vars[1]] + " = 1";
  }
  return "?";
}

std::optional<Instance> as_etr_inv(const etr::Sentence& sentence) {
  Instance instance;
  std::map<std::string, VariableIndex> index;
  for (const auto& b : sentence.variables) {
    if (!b.bound || b.bound->lower != mpq_class(1, 2) || b.bound->upper != 2) return std::nullopt;
    index[b.name] = instance.variables.size();
    instance.variables.push_back(b.name);
  }
  if (!sentence.matrix) return std::nullopt;
  std::vector<etr::FormulaPtr> atoms;
  flatten_and(sentence.matrix, atoms);
  for (const auto& a : atoms) {
    if (a->kind == Formula::Kind::True) continue;
    auto c = constraint_of(*a, index);
    if (!c) return std::nullopt;
    instance.constraints.push_back(*c);
  }
  return instance;
}

etr::Sentence to_sentence(const Instance& instance) {
  etr::Sentence s;
  for (const auto& name : instance.variables)
    s.variables.push_back({name, etr::Bound{mpq_class(1, 2), mpq_class(2)}, {}});
  std::vector<etr::FormulaPtr> atoms;
  auto v = [&](VariableIndex i) { return etr::variable(instance.variables[i]); };
  for (const auto& c : instance.constraints) {
    switch (c.kind) {
      case Constraint::Kind::One:
        atoms.push_back(etr::atom(v(c.vars[0]), etr::Relation::Equal, etr::constant(1)));
        break;
      case Constraint::Kind::Add:
        atoms.push_back(etr::atom(etr::make_term(Term::Kind::Add, {v(c.vars[0]), v(c.vars[1])}),
                                  etr::Relation::Equal, v(c.vars[2])));
        break;
      case Constraint::Kind::Inv:
        atoms.push_back(
            etr::atom(etr::make_term(Term::Kind::Multiply, {v(c.vars[0]), v(c.vars[1])}),
                      etr::Relation::Equal, etr::constant(1)));
        break;
    }
  }
  if (atoms.empty())
    s.matrix = etr::make_formula(Formula::Kind::True);
  else if (atoms.size() == 1)
    s.matrix = atoms.front();
  else
    s.matrix = etr::make_formula(Formula::Kind::And, std::move(atoms));
  return s;
}

}  // namespace etr2nn::etrinv
