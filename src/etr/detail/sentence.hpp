// The ETR AST: what both front-ends (.etr and SMT-LIB 2) produce.
//
// A Sentence is  ∃ x1 ∈ B1, ..., xn ∈ Bn : φ  where each bound Bi is optional
// and φ is a quantifier-free formula over polynomial atoms. Constants are exact
// rationals. Nodes are immutable and shared (a DAG): SMT-LIB `let` and `ite`
// desugar to shared subtrees rather than copies.
//
// Equality (==) is structural and ignores source locations, so that
// parse(print(s)) == s and an .etr file equals its SMT-LIB twin.
#pragma once

#include <gmpxx.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::etr {

struct Term;
using TermPtr = std::shared_ptr<const Term>;

// A polynomial expression.
//   Constant  value
//   Variable  name
//   Negate    operands[0]               (-a)
//   Add       operands[0] + operands[1] + ...   (n >= 2)
//   Subtract  operands[0] - operands[1] - ...   (n >= 2, left to right)
//   Multiply  operands[0] * operands[1] * ...   (n >= 2)
//   Power     operands[0] ^ exponent    (exponent a natural number)
struct Term {
  enum class Kind { Constant, Variable, Negate, Add, Subtract, Multiply, Power };
  Kind kind = Kind::Constant;
  mpq_class value;
  std::string name;
  unsigned long exponent = 0;
  std::vector<TermPtr> operands;
  SourceLocation where;
};

enum class Relation { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };

struct Formula;
using FormulaPtr = std::shared_ptr<const Formula>;

// A quantifier-free formula.
//   True, False
//   Atom  lhs relation rhs
//   Not   operands[0]
//   And   operands[0] and operands[1] and ...   (n >= 2)
//   Or    operands[0] or operands[1] or ...     (n >= 2)
// SMT-LIB's =>, ite over formulas, distinct and Boolean = are desugared into
// these by the SMT-LIB front-end.
struct Formula {
  enum class Kind { True, False, Atom, Not, And, Or };
  Kind kind = Kind::True;
  TermPtr lhs, rhs;
  Relation relation = Relation::Equal;
  std::vector<FormulaPtr> operands;
  SourceLocation where;
};

struct Bound {
  mpq_class lower, upper;  // closed interval [lower, upper], lower <= upper
};

struct Binding {
  std::string name;
  std::optional<Bound> bound;
  SourceLocation where;
};

struct Sentence {
  std::vector<Binding> variables;  // in order of declaration
  FormulaPtr matrix;
  std::string file;  // where it was read from ("<stdin>" for standard input)
};

bool operator==(const Term& a, const Term& b);
bool operator==(const Formula& a, const Formula& b);
bool operator==(const Bound& a, const Bound& b);
bool operator==(const Binding& a, const Binding& b);
bool operator==(const Sentence& a, const Sentence& b);  // ignores file

// Convenience constructors (location-free), for code that builds sentences.
TermPtr constant(const mpq_class& value);
TermPtr variable(std::string name);
TermPtr make_term(Term::Kind kind, std::vector<TermPtr> operands);
TermPtr power(TermPtr base, unsigned long exponent);
FormulaPtr atom(TermPtr lhs, Relation relation, TermPtr rhs);
FormulaPtr make_formula(Formula::Kind kind, std::vector<FormulaPtr> operands = {});

const char* relation_symbol(Relation relation);  // "=", "!=", "<", "<=", ">", ">="

}  // namespace etr2nn::etr
