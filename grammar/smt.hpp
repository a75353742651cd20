// The SMT-LIB 2 grammar (S-expressions): declarations.
//
// Defined in smt_def.hpp, compiled once in smt.cpp for the iterator and
// context of config.hpp. Call through parse() (src/etr/parse.cpp).
#pragma once

#include "grammar/config.hpp"
#include "grammar/smt_ast.hpp"

namespace etr2nn::grammar {

namespace smt_rules {
struct script_class;
using script_type = x3::rule<script_class, std::vector<smt_ast::sexpr>>;
BOOST_SPIRIT_DECLARE(script_type)
}  // namespace smt_rules

// The whole input: a sequence of S-expressions and nothing after them.
smt_rules::script_type const& smt_script();

}  // namespace etr2nn::grammar
