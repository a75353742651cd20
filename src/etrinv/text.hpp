// Short infix text of terms and atoms, for provenance strings and messages
// ("x^2 + y^2 < 1"). Fully bracketed where precedence needs it; not a
// re-readable printer (that is etr::print).
#pragma once

#include <string>

#include "etr/sentence.hpp"

namespace etr2nn::etrinv {

std::string text(const etr::Term& term);
std::string text(const etr::Formula& formula);

}  // namespace etr2nn::etrinv
