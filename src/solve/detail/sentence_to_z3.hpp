// Sentences as z3 formulas over real constants of numeric::z3_context(), so
// that model values convert to Real without translation.
#pragma once

#include <z3++.h>

#include <map>
#include <string>

#include "etr/etr.hpp"

namespace etr2nn::solve {

struct Z3Sentence {
  std::map<std::string, z3::expr> variables;  // one real constant per binding
  z3::expr formula;                           // the matrix and every bound
};

Z3Sentence to_z3(const etr::Sentence& sentence);

}  // namespace etr2nn::solve
