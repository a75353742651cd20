// An ETR-INV instance as .etr text, written directly (one constraint a line),
// so that instances with 10^5 constraints print in linear time:
//
//   exists
//     C1, C2, CH in [1/2, 2]:
//     C1 = 1
//     and C1 + C1 = C2
//     and C2 * CH = 1
//
// It reads back as to_sentence(instance) (tests/cli checks it with the parser).
#pragma once

#include <ostream>
#include <string>

#include "etrinv/detail/instance.hpp"

namespace etr2nn::etrinv {

// header: comment lines written first (each prefixed with "# ").
void write_etr(std::ostream& out, const Instance& instance, const std::string& header = {});

}  // namespace etr2nn::etrinv
