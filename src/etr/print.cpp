// The canonical .etr text of a Sentence (docs/syntax.md, "Canonical form").
//
// Each operator form has a binding strength; an operand is parenthesised
// exactly when printing it bare would re-parse differently: weaker than its
// position allows, or the same n-ary operator (which would merge into one
// chain: Add[Add[a, b], c] prints as "(a + b) + c"). Constants follow the
// literal rule of the parser: Constant -3 prints "-3", Negate[Constant 3]
// prints "-(3)".
#include "etr/detail/print.hpp"

namespace etr2nn::etr {
namespace {

// Binding strengths, loosest first.
enum Strength { Sum = 1, Product, Unary, Power, Primary };
enum FormulaStrength { OrLevel = 1, AndLevel, NotLevel, AtomLevel, Literal };

Strength strength(const Term& t) {
  switch (t.kind) {
    case Term::Kind::Constant: return t.value < 0 ? Unary : Primary;
    case Term::Kind::Variable: return Primary;
    case Term::Kind::Negate: return Unary;
    case Term::Kind::Add:
    case Term::Kind::Subtract: return Sum;
    case Term::Kind::Multiply: return Product;
    case Term::Kind::Power: return Power;
  }
  return Primary;
}

FormulaStrength strength(const Formula& f) {
  switch (f.kind) {
    case Formula::Kind::True:
    case Formula::Kind::False: return Literal;
    case Formula::Kind::Atom: return AtomLevel;
    case Formula::Kind::Not: return NotLevel;
    case Formula::Kind::And: return AndLevel;
    case Formula::Kind::Or: return OrLevel;
  }
  return Literal;
}

class Printer {
 public:
  std::string out;

  void term(const Term& t) {
    switch (t.kind) {
      case Term::Kind::Constant: out += t.value.get_str(); return;
      case Term::Kind::Variable: out += t.name; return;
      case Term::Kind::Negate: {
        const Term& x = *t.operands[0];
        out += '-';
        // A non-negative constant right after '-' would become part of the
        // literal. Other unary operands stay bare ("--x", "--3"): parentheses
        // would add a nesting level per '-', and a chain just inside the
        // parser's limit would print to text past it.
        const bool fuses = x.kind == Term::Kind::Constant && x.value >= 0;
        operand(x, fuses || strength(x) < Unary);
        return;
      }
      case Term::Kind::Power: {
        const Term& x = *t.operands[0];
        bool bare = x.kind == Term::Kind::Variable ||
                    (x.kind == Term::Kind::Constant && x.value >= 0 && x.value.get_den() == 1);
        operand(x, !bare);
        out += '^';
        out += std::to_string(t.exponent);
        return;
      }
      case Term::Kind::Add:
      case Term::Kind::Subtract:
      case Term::Kind::Multiply: {
        const char* symbol = t.kind == Term::Kind::Add        ? " + "
                             : t.kind == Term::Kind::Subtract ? " - "
                                                              : " * ";
        for (std::size_t i = 0; i < t.operands.size(); ++i) {
          const Term& x = *t.operands[i];
          if (i > 0) out += symbol;
          bool parens;
          if (t.kind == Term::Kind::Multiply) {
            parens = strength(x) <= Product;
          } else if (i == 0) {
            parens = x.kind == t.kind;  // the rest of a sum folds left
          } else {
            parens = strength(x) <= Sum;
          }
          operand(x, parens);
        }
        return;
      }
    }
  }

  void formula(const Formula& f) {
    switch (f.kind) {
      case Formula::Kind::True: out += "true"; return;
      case Formula::Kind::False: out += "false"; return;
      case Formula::Kind::Atom:
        term(*f.lhs);
        out += ' ';
        out += relation_symbol(f.relation);
        out += ' ';
        term(*f.rhs);
        return;
      case Formula::Kind::Not: {
        const Formula& x = *f.operands[0];
        out += "not ";
        operand(x, x.kind != Formula::Kind::Not && strength(x) < Literal);
        return;
      }
      case Formula::Kind::And:
      case Formula::Kind::Or: {
        const char* symbol = f.kind == Formula::Kind::And ? " and " : " or ";
        FormulaStrength self = strength(f);
        for (std::size_t i = 0; i < f.operands.size(); ++i) {
          if (i > 0) out += symbol;
          operand(*f.operands[i], strength(*f.operands[i]) <= self);
        }
        return;
      }
    }
  }

 private:
  template <class Node>
  void operand(const Node& x, bool parens) {
    if (parens) out += '(';
    if constexpr (std::is_same_v<Node, Term>)
      term(x);
    else
      formula(x);
    if (parens) out += ')';
  }
};

std::string bound_text(const Bound& b) {
  return "[" + b.lower.get_str() + ", " + b.upper.get_str() + "]";
}

}  // namespace

std::string print(const Term& term) {
  Printer p;
  p.term(term);
  return p.out;
}

std::string print(const Formula& formula) {
  Printer p;
  p.formula(formula);
  return p.out;
}

// "exists x, y in [1/2, 2]; z: ..." — neighbours with the same bound share a
// group; a sentence without variables prints as "exists: ...".
std::string print(const Sentence& sentence) {
  std::string out = "exists";
  const auto& vars = sentence.variables;
  for (std::size_t i = 0; i < vars.size();) {
    std::size_t j = i;
    out += i == 0 ? " " : "; ";
    while (j < vars.size() && vars[j].bound == vars[i].bound) {
      if (j > i) out += ", ";
      out += vars[j].name;
      ++j;
    }
    if (vars[i].bound) out += " in " + bound_text(*vars[i].bound);
    i = j;
  }
  out += ": ";
  Printer p;
  if (sentence.matrix)
    p.formula(*sentence.matrix);
  else
    p.out = "true";
  return out + p.out;
}

}  // namespace etr2nn::etr
