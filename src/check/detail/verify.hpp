// The checker's verdict: does a network fit a dataset with zero error?
//
// Every point is evaluated exactly (check/detail/evaluate.hpp) and compared with its
// label; there is no tolerance anywhere. The network must also have at most
// the dataset's hidden_neurons neurons. Nothing from layout, gadgets, dataset
// emission or network/ is used: this module (with numeric/) is all a reader
// has to trust for "this network fits this dataset" (docs/check.md).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "check/detail/evaluate.hpp"
#include "check/detail/model.hpp"

namespace etr2nn::terminal {
class Progress;
}

namespace etr2nn::check {

struct Options {
  std::size_t max_reported = 10;           // failing points reported in detail
  terminal::Progress* progress = nullptr;  // may be null; total unknown while streaming
  bool naive = false;                      // evaluate by the definition (evaluate_naive), O(P·m)
};

struct Failure {
  std::size_t index = 0;  // position in the dataset's "points"
  Point x;
  Label label;
  Output value;     // f(x)
  Output residual;  // f(x) - label, exact
};

struct Report {
  std::size_t points = 0;
  std::size_t failures = 0;             // all failing points
  std::vector<Failure> first_failures;  // the first max_reported, in dataset order
  std::size_t neurons = 0;
  std::size_t allowed_neurons = 0;  // the dataset's hidden_neurons
  std::size_t directions = 0;       // distinct neuron directions (Evaluator::directions)
  bool rational = true;             // every weight rational (else real algebraic arithmetic)

  bool within_budget() const { return neurons <= allowed_neurons; }
  bool ok() const { return failures == 0 && within_budget(); }
};

// A dataset already in memory.
Report verify(const Dataset& dataset, const Network& network, const Options& options = {});
// The dataset file streamed point by point against a network already read:
// memory does not grow with the number of points.
Report verify_file(const std::string& dataset_path, const Network& network,
                   const Options& options = {});
Report verify_file(const std::string& dataset_path, const RationalNetwork& network,
                   const Options& options = {});
Report verify_file(const std::string& dataset_path, const AnyNetwork& network,
                   const Options& options = {});
// Both files read here (check/detail/read_dataset.hpp; the network by
// read_network_lean, check/detail/read_network.hpp).
// Throws Diagnostic for a bad file.
Report verify_files(const std::string& dataset_path, const std::string& network_path,
                    const Options& options = {});

// The report as `etr2nn verify` prints it: "verified: N points, error 0" and
// the network line on success; otherwise "FAILED: ..." and each reported
// point with its exact residual.
void print_report(std::ostream& out, const Report& report);

// "p/q", or for an irrational value its exact root-obj form followed by a
// decimal approximation for the reader ("... ~ 1.41421356237").
std::string exact_text(const Real& value);

}  // namespace etr2nn::check
