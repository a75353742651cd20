// Exact verification: does a network fit a dataset with zero error?
//
// Every point is evaluated exactly (evaluate.hpp, grouped by direction) and
// compared with its label; no tolerance exists anywhere. The network must also
// respect the dataset's neuron budget m.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "network/detail/evaluate.hpp"
#include "terminal/progress.hpp"

namespace etr2nn::network {

struct PointFailure {
  std::size_t index = 0;  // position in dataset.points
  geometry::Point x;
  gadgets::Label label;
  Output value;     // f(x)
  Output residual;  // f(x) - label, exact
};

struct VerifyReport {
  std::size_t points = 0;
  std::size_t failures = 0;                  // all failing points
  std::vector<PointFailure> first_failures;  // the first few, in dataset order
  std::size_t neurons = 0;
  std::size_t allowed_neurons = 0;  // dataset.hidden_neurons
  std::size_t directions = 0;       // distinct neuron directions used by the evaluator
  bool rational = true;             // all weights rational (else real algebraic arithmetic)

  bool within_budget() const { return neurons <= allowed_neurons; }
  bool ok() const { return failures == 0 && within_budget(); }
};

// progress may be null. Reports up to max_reported failures in detail.
VerifyReport verify(const dataset::Dataset& dataset, const Network& network,
                    std::size_t max_reported = 10, terminal::Progress* progress = nullptr);
// The same on an arrangement's emission, point by point, without holding the
// whole dataset in memory (compile --witness on large instances).
VerifyReport verify(const dataset::Emission& emission, const Network& network,
                    std::size_t max_reported = 10, terminal::Progress* progress = nullptr);

// The report as `etr2nn verify` prints it: "verified: N points, error 0" on
// success; otherwise what failed, each reported point with its exact residual.
void print_report(std::ostream& out, const VerifyReport& report);

// Exact text of a value: "p/q", or for an irrational value its root-obj form
// followed by a decimal approximation for the reader ("... ~ 1.41421").
std::string exact_text(const Real& value);

}  // namespace etr2nn::network
