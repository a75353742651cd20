// The syntax tree of SMT-LIB 2 text: S-expressions, nothing more.
//
// SMT-LIB's concrete syntax is uniform, so the grammar only reads atoms and
// lists; which commands, functions and sorts are supported is decided by the
// semantic pass (src/etr/smt_lower.cpp), which can then name the unsupported
// construct and point at it.
#pragma once

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <string>
#include <vector>

namespace etr2nn::grammar::smt_ast {

namespace x3 = boost::spirit::x3;

// A token, verbatim: numeral, decimal, symbol, |quoted symbol|, :keyword,
// "string", or anything else that is not a parenthesis or blank (#x1F ...).
struct atom : x3::position_tagged {
  std::string text;
};

struct list;

struct sexpr : x3::variant<atom, x3::forward_ast<list>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct list : x3::position_tagged {  // position: from '(' to ')'
  std::vector<sexpr> items;
};

}  // namespace etr2nn::grammar::smt_ast
