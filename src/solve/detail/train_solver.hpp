// Deciding tiny Train-F2NN instances with z3 through the SMT-LIB encoding.
//
// The very script `etr2nn smt` writes (smtlib/smtlib.hpp) is parsed by
// z3 and solved, so what is decided is what is exported. A Sat answer comes
// with the network read from z3's model (exact: rational or real algebraic
// weights), and that network is checked exactly against every point before it
// is returned: a model that does not fit is a solver fault and is reported as
// Unknown, never as Sat. Compiled datasets are far beyond z3; expect Unknown.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "network/network.hpp"
#include "solve/detail/solve.hpp"

namespace etr2nn::solve {

struct TrainSolveResult {
  Verdict verdict = Verdict::Unknown;
  std::optional<network::Network> network;  // when Sat: a network that fits exactly
  std::string reason;                       // why Unknown (z3's reason), empty otherwise
};

TrainSolveResult solve_train(const std::vector<dataset::LabelledPoint>& points, std::size_t neurons,
                             std::chrono::milliseconds time_limit);

// Exact: f(x_j) == y_j for every point.
bool fits_exactly(const network::Network& network,
                  const std::vector<dataset::LabelledPoint>& points);

}  // namespace etr2nn::solve
