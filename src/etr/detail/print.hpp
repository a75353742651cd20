// Writing sentences back as .etr text (canonical form).
//
// The output re-parses to an equal Sentence: parse(print(s)) == s. Operators are
// parenthesised exactly where the grammar's precedence needs it.
#pragma once

#include <string>

#include "etr/detail/sentence.hpp"

namespace etr2nn::etr {

std::string print(const Sentence& sentence);
std::string print(const Formula& formula);
std::string print(const Term& term);

}  // namespace etr2nn::etr
