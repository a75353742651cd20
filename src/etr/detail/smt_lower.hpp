// The meaning of an SMT-LIB 2 script (QF_NRA subset): checks it and builds
// the Sentence.
//
// Supported (docs/syntax.md): set-logic QF_NRA / QF_LRA, set-info, declare-fun
// NAME () Real, declare-const NAME Real, assert, check-sat, exit; terms with
// + - * /, = distinct < <= > >=, and or not => ite (over formulas), let,
// true/false, numerals and decimals. Anything else is rejected, naming the
// construct, at its position.
// Desugaring shares subtrees instead of copying them: let-bound names, the
// middle terms of chained comparisons, the condition of ite.
// Variables are the declared constants, in order, without bounds; several
// asserts are one And, a single assert is its formula, none is True.
#pragma once

#include <vector>

#include "etr/detail/sentence.hpp"
#include "etr/detail/source.hpp"
#include "grammar/config.hpp"
#include "grammar/smt_ast.hpp"

namespace etr2nn::etr {

Sentence lower_smt(const std::vector<grammar::smt_ast::sexpr>& script,
                   const grammar::parse_state& state, const SourceText& source);

// Whether `name` can name a variable in both languages: an .etr identifier
// ([A-Za-z_][A-Za-z0-9_']*) that is not an .etr keyword.
bool is_etr_identifier(const std::string& name);

}  // namespace etr2nn::etr
