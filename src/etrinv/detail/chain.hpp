// The ETR -> ETR-INV chain (docs/etr-inv.md): one call over the passes in
// src/etrinv/, with the forward and backward mapping of assignments.
//
//   atoms -> residuals (slack) -> gates -> ETR-AMI -> bound exponent K
//   -> scaling by eps = 2^(-2^(K+1)) -> ETR-INV gadgets
//
// A sentence that is already ETR-INV-shaped (as_etr_inv) passes through
// unchanged, with the identity mapping.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "etr/etr.hpp"
#include "etrinv/detail/bound_exponent.hpp"
#include "etrinv/detail/instance.hpp"
#include "numeric/real.hpp"

namespace etr2nn::etrinv {

struct ChainOptions {
  // The bound exponent K; nullopt: the safe default of docs/etr-inv.md, "Step B".
  std::optional<unsigned> bound_exponent;
  // A known solution of the input (witness mode): K_w is chosen from it when
  // bound_exponent is not given.
  const std::map<std::string, numeric::Real>* witness = nullptr;
  // false: run the whole chain even on ETR-INV-shaped input (tests use it to
  // exercise the chain on the ETR-INV samples).
  bool allow_pass_through = true;
  // Refuse (a limit Diagnostic) before steps C and D when the ETR-INV instance
  // would have more constraints than this (docs/limits.md).
  std::size_t max_constraints = default_max_chain_constraints;
};

// Sizes after each pass, for the report of `normalize` and the dataset meta.
struct PassSize {
  std::string pass;
  std::size_t variables = 0;
  std::size_t constraints = 0;
};

struct ChainResult {
  Instance instance;
  bool passed_through = false;             // the input was ETR-INV already
  unsigned bound_exponent = 0;             // K used (0 when passed through)
  bool complete_for_all_solutions = true;  // false when K was chosen smaller than the safe K
  unsigned safe_bound_exponent = 0;  // the safe K of docs/etr-inv.md Step B (0 when passed through)
  // The ETR-AMI instance (step A): n_A variables, m1 + m+ + mx constraints.
  struct AmiSize {
    std::size_t variables = 0, one = 0, add = 0, mul = 0;
  } ami;
  std::vector<PassSize> sizes;
  // For each input variable, the ETR-INV variable X_i with x_i = (X_i - 1)/eps
  // (or x_i = X_i when passed through).
  std::map<std::string, VariableIndex> carrier;
  // Provenance: for each ETR-INV constraint, a short description of the input
  // atom or node it came from ("atom 2: x^2 + y^2 < 1", "constants", "eps chain").
  std::vector<std::string> provenance;
  // The same for each ETR-INV variable.
  std::vector<std::string> variable_provenance;

  // Opaque data the forward mapping needs (defined by the passes).
  struct Trace;
  std::shared_ptr<const Trace> trace;
};

// Throws Diagnostic on unsupported input (none expected for parsed sentences).
ChainResult normalize(const etr::Sentence& sentence, const ChainOptions& options);

// Forward mapping: a solution of the input sentence (every bound variable)
// -> an exact ETR-INV solution, every constraint and range checked. Throws
// std::invalid_argument if the input values do not satisfy the sentence, or
// std::logic_error if a range check fails (a bug, or K too small for them).
// Every witness holds eps = 2^(-2^(K+1)), a number of 2^(K+1) bits, so K above
// max_witness_bound_exponent is refused (std::length_error, a logic_error).
inline constexpr unsigned max_witness_bound_exponent = 20;
Assignment forward(const ChainResult& chain, const etr::Sentence& sentence,
                   const std::map<std::string, numeric::Real>& input_solution);

// Backward mapping: an ETR-INV solution -> values of the input variables.
std::map<std::string, numeric::Real> backward(const ChainResult& chain, const Assignment& solution);

// The same from what a dataset's meta records (meta.reduction): x = (X - 1) /
// (E - 1) for each input variable x with carrier X, E = 1 + eps being forced by
// the constraints; x = X when `epsilon` is nullopt (the input passed through).
// Throws std::domain_error when E = 1 (then the values solve no scaled instance).
std::map<std::string, numeric::Real> backward(const std::map<std::string, VariableIndex>& carrier,
                                              std::optional<VariableIndex> epsilon,
                                              const Assignment& solution);

// The variable E = 1 + eps of a chain's instance (not of a passed-through one).
VariableIndex epsilon_variable(const ChainResult& chain);

}  // namespace etr2nn::etrinv
