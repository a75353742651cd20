// The flow of `etr2nn witness`: the witness network of a solution, for a
// formula (laid out exactly as compile lays it out, checks N1-N7 included) or
// for a dataset file (its meta gives the arrangement), verified exactly on
// every point before it is written atomically.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "network/network.hpp"
#include "pipeline/detail/reduction.hpp"

namespace etr2nn::terminal {
class Progress;
}

namespace etr2nn::pipeline {

struct WitnessRequest {
  std::string input;   // a formula (.etr, .smt2, "-") or a dataset (.json)
  std::string output;  // the network target
  // Named values (--assign): for a formula, a solution of the sentence; for a
  // dataset, values of its instance, or of the sentence it was compiled from
  // (pipeline/detail/origin.hpp). nullopt: z3 looks for a solution.
  std::optional<Solution> values;
  std::chrono::milliseconds solve_limit{10000};
  std::optional<unsigned> bound_exponent;  // formulas only
  bool float_copies = false;
  // Shown while a dataset file's points stream past the checker (may be null).
  terminal::Progress* progress = nullptr;
};

// What was written (the network itself is not kept: at 10^6 constraints it
// is millions of neurons of exact numbers).
struct WitnessResult {
  std::size_t neurons = 0;
  bool rational = true;    // every weight rational, else real algebraic
  std::size_t points = 0;  // verified on
};

bool is_dataset_file(const std::string& path);  // named *.json, *.json.gz or *.json.zst

// Throws a Diagnostic when no witness can be had (naming the
// violated constraint or bound), Diagnostic for bad input,
// a limit Diagnostic past a limit; nothing is written then.
WitnessResult witness(const WitnessRequest& request);

}  // namespace etr2nn::pipeline
