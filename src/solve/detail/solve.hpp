// Deciding small sentences with z3 (nlsat), and reading exact models.
//
// Used by `etr2nn solve` and by `compile --witness` to find a satisfying
// assignment. Models are exact: rational or real algebraic numbers (Real).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

#include "etr/etr.hpp"
#include "numeric/real.hpp"
#include "solve/detail/bounded_check.hpp"

namespace etr2nn::solve {

struct SolveResult {
  Verdict verdict = Verdict::Unknown;
  std::map<std::string, numeric::Real> model;  // every bound variable, when Sat
  std::string reason;  // why Unknown ("limit", z3's reason), empty otherwise
};

// Decides the sentence (bounds included) within the time limit, through
// check_bounded (solve/detail/bounded_check.hpp): it returns within the limit plus the
// time to read the model back. The model, when Sat, is the one z3 found, checked
// exactly against the sentence (inside the bounded child) before it is returned.
SolveResult solve(const etr::Sentence& sentence, std::chrono::milliseconds time_limit);

// The same with z3's resource limit ("rlimit", counted in z3's own steps) as
// well: a query that exceeds it is Unknown on every machine alike, which a
// time limit is not. Tests use it so that what they decide does not depend on
// the machine's speed; the time limit stays as the hard stop.
SolveResult solve(const etr::Sentence& sentence, std::chrono::milliseconds time_limit,
                  unsigned resource_limit);

// An upper bound on the total degree of every polynomial in the sentence, read
// off the term DAG without expanding it (a product adds degrees, a power
// multiplies them; saturates at SIZE_MAX). `solve` refuses past --max-degree
// before z3 starts: x^1000 = 2 is degree 1000.
std::size_t sentence_degree(const etr::Sentence& sentence);

}  // namespace etr2nn::solve
