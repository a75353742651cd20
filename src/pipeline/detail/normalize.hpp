// The flow of `etr2nn normalize`: the ETR -> ETR-INV chain of a sentence,
// written atomically as .etr with a header that says how to map values back.
// In witness mode K is chosen from z3's solution (as compile --witness does),
// and the solution mapped forward is checked against every constraint.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "pipeline/detail/reduction.hpp"

namespace etr2nn::pipeline {

struct NormalizeRequest {
  std::string input;   // the formula file, "-" for standard input
  std::string output;  // the .etr target
  std::optional<unsigned> bound_exponent;
  bool witness_mode = false;
  std::chrono::milliseconds solve_limit{10000};
};

// Throws Diagnostic for bad input, a Diagnostic in witness mode
// when there is no solution (or z3 finds none in time); nothing is written then.
Reduction normalize(const NormalizeRequest& request);

}  // namespace etr2nn::pipeline
