// The .etr grammar (see grammar/ETR.ebnf and docs/syntax.md): declarations.
//
// The rules are defined in etr_def.hpp and compiled once, in etr.cpp, for the
// iterator and context of config.hpp. Call through parse_etr (src/etr/parse.cpp)
// rather than directly.
#pragma once

#include "grammar/config.hpp"
#include "grammar/etr_ast.hpp"

namespace etr2nn::grammar {

namespace etr_rules {
struct sentence_class;
using sentence_type = x3::rule<sentence_class, etr_ast::sentence>;
BOOST_SPIRIT_DECLARE(sentence_type)
}  // namespace etr_rules

// The name of the rule that expects the end of the input after the formula.
inline constexpr const char* etr_end_name = "an operator or end of input";

// The whole input: "exists groups : formula" and nothing after it.
etr_rules::sentence_type const& etr_sentence();

}  // namespace etr2nn::grammar
