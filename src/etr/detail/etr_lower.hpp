// The meaning of an .etr syntax tree: checks it and builds the Sentence.
//
// Checks, each reported at its position: unbound and twice-bound variables,
// empty intervals, malformed numbers, zero denominators, exponents that are
// not natural numbers, '/' outside a fraction, chained relations or powers,
// polynomials where a formula belongs ("expected a relation ... after 'x + y'")
// and formulas where a polynomial belongs, and nesting deeper than max_nesting.
// Normalisations (docs/syntax.md): a chain a + b + c is one n-ary Add (likewise
// -, *, and, or), parentheses add no node, and '-' directly before a numeric
// literal is part of the constant.
#pragma once

#include "etr/detail/sentence.hpp"
#include "etr/detail/source.hpp"
#include "grammar/config.hpp"
#include "grammar/etr_ast.hpp"

namespace etr2nn::etr {

Sentence lower_etr(const grammar::etr_ast::sentence& tree, const grammar::parse_state& state,
                   const SourceText& source);

}  // namespace etr2nn::etr
