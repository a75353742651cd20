#include "etrinv/text.hpp"

namespace etr2nn::etrinv {
namespace {

using etr::Term;

// Precedence: sums 1, products 2, unary minus 3, powers 4, atoms 5.
int level(const Term& t) {
  switch (t.kind) {
    case Term::Kind::Add:
    case Term::Kind::Subtract: return 1;
    case Term::Kind::Multiply: return 2;
    case Term::Kind::Negate: return 3;
    case Term::Kind::Power: return 4;
    case Term::Kind::Constant: return t.value < 0 || t.value.get_den() != 1 ? 3 : 5;
    case Term::Kind::Variable: return 5;
  }
  return 0;
}

std::string at(const Term& t, int needed) {
  std::string s = text(t);
  return level(t) < needed ? "(" + s + ")" : s;
}

}  // namespace

std::string text(const Term& t) {
  switch (t.kind) {
    case Term::Kind::Constant: return t.value.get_str();
    case Term::Kind::Variable: return t.name;
    case Term::Kind::Negate: return "-" + at(*t.operands[0], 4);
    case Term::Kind::Power: return at(*t.operands[0], 5) + "^" + std::to_string(t.exponent);
    case Term::Kind::Add:
    case Term::Kind::Subtract:
    case Term::Kind::Multiply: {
      const char* op = t.kind == Term::Kind::Add ? " + " : t.kind == Term::Kind::Subtract ? " - " : " * ";
      int lv = level(t);
      std::string s = at(*t.operands[0], lv);
      for (std::size_t i = 1; i < t.operands.size(); ++i)
        s += op + at(*t.operands[i], t.kind == Term::Kind::Add ? lv : lv + 1);
      return s;
    }
  }
  return "?";
}

std::string text(const etr::Formula& f) {
  switch (f.kind) {
    case etr::Formula::Kind::Atom:
      return text(*f.lhs) + " " + etr::relation_symbol(f.relation) + " " + text(*f.rhs);
    case etr::Formula::Kind::True: return "true";
    case etr::Formula::Kind::False: return "false";
    case etr::Formula::Kind::Not: return "not (" + text(*f.operands[0]) + ")";
    case etr::Formula::Kind::And:
    case etr::Formula::Kind::Or: {
      std::string s;
      for (const auto& g : f.operands)
        s += (s.empty() ? "(" : f.kind == etr::Formula::Kind::And ? " and " : " or ") + text(*g);
      return s + ")";
    }
  }
  return "?";
}

}  // namespace etr2nn::etrinv
