// Deciding small sentences with z3 (nlsat), and reading exact models.
//
// Used by `etr2nn solve` and by `compile --witness` to find a satisfying
// assignment. Models are exact: rational or real algebraic numbers (Real).
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "etr/sentence.hpp"
#include "numeric/real.hpp"

namespace etr2nn::smt {

enum class Verdict { Sat, Unsat, Unknown };
const char* to_string(Verdict verdict);  // "sat", "unsat", "unknown"

struct SolveResult {
  Verdict verdict = Verdict::Unknown;
  std::map<std::string, numeric::Real> model;  // every bound variable, when Sat
  std::string reason;  // why Unknown (timeout, incomplete), empty otherwise
};

// Decides the sentence (bounds included) within the time limit. The model,
// when Sat, is checked exactly against the sentence before it is returned.
SolveResult solve(const etr::Sentence& sentence, std::chrono::milliseconds time_limit);

// Exact evaluation of the matrix and the bounds at a full assignment.
bool satisfies(const etr::Sentence& sentence, const std::map<std::string, numeric::Real>& values);

}  // namespace etr2nn::smt
