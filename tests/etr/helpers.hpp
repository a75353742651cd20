// Shorthands for the front-end tests: parse a string, build expected ASTs.
#pragma once

#include <string>

#include "etr/detail/parse.hpp"
#include "etr/detail/sentence.hpp"

namespace etr2nn::etr::test {

inline Sentence etr(const std::string& text) {
  return parse(text, Language::Etr, "t.etr");
}
inline Sentence smt(const std::string& text) {
  return parse(text, Language::SmtLib, "t.smt2");
}

// The Diagnostic's first line ("t.etr:1:5: error: ..."), or "no error".
inline std::string error_of(const std::string& text, Language language) {
  try {
    parse(text, language, language == Language::Etr ? "t.etr" : "t.smt2");
  } catch (const Diagnostic& d) {
    return d.what();
  }
  return "no error";
}

inline TermPtr var(const std::string& name) {
  return variable(name);
}
inline TermPtr num(long n, long d = 1) {
  return constant(mpq_class(n, d));
}
inline TermPtr add(std::vector<TermPtr> v) {
  return make_term(Term::Kind::Add, std::move(v));
}
inline TermPtr sub(std::vector<TermPtr> v) {
  return make_term(Term::Kind::Subtract, std::move(v));
}
inline TermPtr mul(std::vector<TermPtr> v) {
  return make_term(Term::Kind::Multiply, std::move(v));
}
inline TermPtr neg(TermPtr t) {
  return make_term(Term::Kind::Negate, {std::move(t)});
}
inline FormulaPtr conj(std::vector<FormulaPtr> v) {
  return make_formula(Formula::Kind::And, std::move(v));
}
inline FormulaPtr disj(std::vector<FormulaPtr> v) {
  return make_formula(Formula::Kind::Or, std::move(v));
}
inline FormulaPtr negation(FormulaPtr f) {
  return make_formula(Formula::Kind::Not, {std::move(f)});
}

// "exists x, y: matrix" without bounds.
inline Sentence sentence(std::vector<std::string> names, FormulaPtr matrix) {
  Sentence s;
  for (auto& n : names) s.variables.push_back({n, std::nullopt, {}});
  s.matrix = std::move(matrix);
  return s;
}

}  // namespace etr2nn::etr::test
