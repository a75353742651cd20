// The syntax tree of the .etr grammar: what the text says, before any meaning.
//
// One generic shape serves every precedence level: a chain is an operand
// followed by (operator, operand) pairs, as in Spirit's calc example. A level
// without operators adds no node (grammar/collapse.hpp), so "x" is just an
// identifier, not eight nested chains; parentheses do add a chain without
// operators, which tells "-(3)" from "-3" and quotes "(x > 1)" whole. Whether
// an operand is a polynomial or a formula, whether a name is bound, whether a
// number is well formed: all that is checked afterwards, on this tree
// (src/etr/etr_lower.cpp), where every node knows its source range. Keeping
// the grammar ignorant of types keeps it free of backtracking: "(x + 1) > 0"
// and "(x > 0)" start alike.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <string>
#include <vector>

namespace etr2nn::grammar::etr_ast {

namespace x3 = boost::spirit::x3;

enum class op {
  Or,
  And,
  Not,  // formulas
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,  // relations
  Plus,
  Minus,
  Times,
  Divide,
  Caret  // polynomials ('/' only to report it)
};

// A numeric literal "12", "0.5" or a fraction "1/2", verbatim (blanks or
// comments around the '/' included) so that malformed numbers ("1.2.3") are
// reported, not guessed.
struct rational : x3::position_tagged {
  std::string text;
};

// A name, or one of the literals true/false.
struct identifier : x3::position_tagged {
  std::string name;
};

struct chain;
struct unary;

struct operand : x3::variant<rational, identifier, x3::forward_ast<chain>, x3::forward_ast<unary>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct operation : x3::position_tagged {  // position: the operator
  op oper;
  operand right;
};

// first op1 right1 op2 right2 ... (left to right; operators of one level),
// or a parenthesised operand: first alone, rest empty.
struct chain : x3::position_tagged {
  operand first;
  std::vector<operation> rest;
};

// Prefix operator: 'not' or unary '-'.
struct unary : x3::position_tagged {
  op oper;
  operand right;
};

struct interval : x3::position_tagged {  // position: the '['
  operand lower, upper;
};

// "x, y in [1/2, 2]"
struct group : x3::position_tagged {
  std::vector<identifier> names;
  boost::optional<interval> bounds;
};

struct sentence : x3::position_tagged {
  std::vector<group> groups;
  operand matrix;
};

}  // namespace etr2nn::grammar::etr_ast
