// From a parsed sentence to the ETR-INV instance that gets laid out, and, when
// a witness network is wanted, to an exact solution of that instance.
//
// This is the front half that `compile` and `witness` share:
//   sentence --(etrinv::normalize)--> instance       (ETR-INV input passes through)
//   solution of the sentence (--assign, or z3) --(etrinv::forward)--> assignment
// The solution is always one of the *input* sentence: for ETR-INV input its
// variables are the instance's; for general ETR they are the user's x, y, ...
// and the forward mapping produces the values of every gadget variable.
// With a witness, K defaults to witness mode (K_w of the solution), so that
// the witness stays representable; the dataset meta records which K was used.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"
#include "numeric/real.hpp"

namespace etr2nn::pipeline {

using Solution = std::map<std::string, numeric::Real>;

struct ReductionOptions {
  std::optional<unsigned> bound_exponent;  // --bound-exponent K
  bool want_witness = false;
  std::optional<Solution> solution;              // --assign: a solution of the input sentence
  std::chrono::milliseconds solve_limit{10000};  // z3's time when no solution is given
  // --max-constraints: the chain refuses a larger ETR-INV instance (docs/limits.md).
  std::size_t max_constraints = etrinv::default_max_chain_constraints;
};

struct Reduction {
  etrinv::ChainResult chain;
  std::optional<Solution> solution;              // of the input sentence, when want_witness
  std::optional<etrinv::Assignment> assignment;  // of the instance, when want_witness
  std::string solution_source;                   // "--assign" or "z3"
};

// Throws a Diagnostic when a witness is wanted but none can exist
// (the given values violate the sentence, naming what fails; or z3 proves the
// sentence false) or z3 cannot decide within the limit.
Reduction reduce(const etr::Sentence& sentence, const ReductionOptions& options);

// z3's solution of the sentence. Throws a Diagnostic when z3 proves
// it unsatisfiable (no witness exists) or does not decide it within the limit.
Solution find_solution(const etr::Sentence& sentence, std::chrono::milliseconds limit);

// The same for an ETR-INV instance (e.g. read from a dataset's meta), as an
// assignment checked exactly against the instance.
etrinv::Assignment find_assignment(const etrinv::Instance& instance,
                                   std::chrono::milliseconds limit);

// The completeness of the chain's result in words: the one wording that
// compile, normalize and the dataset meta use.
std::string completeness(const etrinv::ChainResult& chain);

// Throws a Diagnostic unless the solution names exactly the
// sentence's bound variables and satisfies the sentence (exactly); the message
// names the first bound or top-level conjunct that fails.
void check_solution(const etr::Sentence& sentence, const Solution& solution);

// What the dataset meta records about the reduction (meta.reduction):
// input file, whether it passed through, K, completeness, sizes per pass, the
// carriers and E (for the backward map) and the sentence itself, printed, when
// it takes at most max_recorded_sentence_bytes (for the forward map).
inline constexpr std::size_t max_recorded_sentence_bytes = std::size_t{1} << 20;
nlohmann::json describe(const Reduction& reduction, const etr::Sentence& sentence,
                        const std::string& input_file);

}  // namespace etr2nn::pipeline
