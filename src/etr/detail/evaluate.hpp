// Exact evaluation of ETR terms, formulas and sentences at an assignment.
//
// The single source of truth for "does this assignment satisfy the sentence":
// the forward mapping checks its input with it and solve::solve checks z3's
// models with it. Values are exact Reals (rational or algebraic); shared
// subterms of the DAG are evaluated once.
#pragma once

#include <map>
#include <string>

#include "etr/detail/sentence.hpp"
#include "numeric/real.hpp"

namespace etr2nn::etr {

using Values = std::map<std::string, numeric::Real>;

// Throws std::invalid_argument when a variable has no value.
numeric::Real evaluate(const Term& term, const Values& values);
bool evaluate(const Formula& formula, const Values& values);

// The bounds of every binding and the matrix. Throws std::invalid_argument
// when a bound variable has no value.
bool satisfies(const Sentence& sentence, const Values& values);

}  // namespace etr2nn::etr
