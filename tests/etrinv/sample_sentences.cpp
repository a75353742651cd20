#include "sample_sentences.hpp"

namespace etr2nn::testing {
namespace {

using etr::Formula;
using etr::Relation;
using etr::Term;
using K = Term::Kind;

etr::TermPtr v(const char* n) {
  return etr::variable(n);
}
etr::TermPtr c(long p, long q = 1) {
  mpq_class value(p, q);
  value.canonicalize();
  return etr::constant(value);
}
etr::TermPtr add(etr::TermPtr a, etr::TermPtr b) {
  return etr::make_term(K::Add, {a, b});
}
etr::TermPtr mul(etr::TermPtr a, etr::TermPtr b) {
  return etr::make_term(K::Multiply, {a, b});
}
etr::FormulaPtr at(etr::TermPtr a, Relation r, etr::TermPtr b) {
  return etr::atom(a, r, b);
}
etr::FormulaPtr all(std::vector<etr::FormulaPtr> f) {
  return etr::make_formula(Formula::Kind::And, f);
}
etr::FormulaPtr any(std::vector<etr::FormulaPtr> f) {
  return etr::make_formula(Formula::Kind::Or, f);
}
etr::FormulaPtr no(etr::FormulaPtr f) {
  return etr::make_formula(Formula::Kind::Not, {f});
}

etr::Sentence sentence(std::vector<std::string> names, bool inv_bounds, etr::FormulaPtr matrix) {
  etr::Sentence s;
  for (auto& n : names) {
    etr::Binding b{n, std::nullopt, {}};
    if (inv_bounds) b.bound = etr::Bound{mpq_class(1, 2), mpq_class(2)};
    s.variables.push_back(b);
  }
  s.matrix = matrix;
  return s;
}

}  // namespace

std::vector<Sample> sample_sentences() {
  const auto E = Relation::Equal;
  std::vector<Sample> s;
  s.push_back({"inv_rational_sat.etr", true,
               sentence({"x", "y", "z"}, true,
                        all({at(v("x"), E, c(1)), at(add(v("x"), v("x")), E, v("z")),
                             at(mul(v("z"), v("y")), E, c(1))}))});
  s.push_back(
      {"inv_irrational_sat.etr", true,
       sentence({"x", "y"}, true,
                all({at(mul(v("x"), v("y")), E, c(1)), at(add(v("x"), v("x")), E, v("y"))}))});
  s.push_back({"inv_unsat.etr", false, sentence({"x"}, true, at(add(v("x"), v("x")), E, v("x")))});
  s.push_back({"inv_unsat_am_gm.etr", false,
               sentence({"x", "y", "z"}, true,
                        all({at(mul(v("x"), v("y")), E, c(1)), at(add(v("x"), v("y")), E, v("z")),
                             at(v("z"), E, c(1))}))});
  s.push_back({"sqrt2.etr", true, sentence({"x"}, false, at(etr::power(v("x"), 2), E, c(2)))});
  s.push_back({"no_real_root.etr", false,
               sentence({"x"}, false, at(add(etr::power(v("x"), 2), c(1)), E, c(0)))});
  s.push_back(
      {"disk_and_halfplane.etr", true,
       sentence({"x", "y"}, false,
                all({at(add(etr::power(v("x"), 2), etr::power(v("y"), 2)), Relation::Less, c(1)),
                     at(add(v("x"), v("y")), Relation::Greater, c(1))}))});
  s.push_back({"empty_interval.etr", false,
               sentence({"x"}, false,
                        all({at(v("x"), Relation::Greater, c(0)),
                             no(at(v("x"), Relation::GreaterEqual, c(0)))}))});
  s.push_back({"plastic.etr", true,
               sentence({"x"}, false,
                        all({at(etr::make_term(K::Subtract, {etr::power(v("x"), 3), v("x"), c(1)}),
                                E, c(0)),
                             at(v("x"), Relation::Greater, c(1))}))});
  s.push_back(
      {"boolean_mix.etr", true,
       sentence({"x", "y"}, false,
                any({all({at(mul(v("x"), v("y")), E, c(1)), at(v("x"), E, c(0))}),
                     all({at(add(v("x"), v("y")), E, c(1)), at(v("x"), Relation::NotEqual, v("y")),
                          at(v("y"), Relation::Less, c(0))})}))});
  s.push_back(
      {"sqrt2.smt2", true,
       sentence({"x"}, false,
                all({at(mul(v("x"), v("x")), E, c(2)), at(v("x"), Relation::Greater, c(0))}))});
  s.push_back({"circle_line_unsat.smt2", false,
               sentence({"x", "y"}, false,
                        all({at(add(mul(v("x"), v("x")), mul(v("y"), v("y"))), E, c(1)),
                             at(add(v("x"), v("y")), E, c(3))}))});
  return s;
}

}  // namespace etr2nn::testing
