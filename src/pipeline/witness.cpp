#include "pipeline/detail/witness.hpp"

#include <algorithm>
#include <string_view>

#include "dataset/dataset.hpp"
#include "etr/etr.hpp"
#include "layout/layout.hpp"
#include "network/network.hpp"
#include "pipeline/detail/origin.hpp"
#include "pipeline/detail/size_estimate.hpp"

namespace etr2nn::pipeline {
namespace {

// The instance's values: given (checked exactly), or z3's. For a dataset of
// a general sentence the given values may be the sentence's own: every
// instance variable not named.
etrinv::Assignment dataset_values(const WitnessRequest& request, const dataset::Meta& meta) {
  if (!request.values) return solve_instance(meta, request.solve_limit);
  const Solution& named = *request.values;
  const auto& variables = meta.instance.variables;
  const bool names_instance = std::all_of(variables.begin(), variables.end(),
                                          [&](const auto& v) { return named.count(v) > 0; });
  if (from_general_sentence(meta) && !names_instance) return instance_values(meta, named);
  etrinv::Assignment values = network::assignment_for(meta.instance, named);
  network::check_assignment(meta.instance, values);
  return values;
}

WitnessResult from_dataset(const WitnessRequest& request) {
  const dataset::Dataset data = dataset::read_dataset(request.input);
  const layout::Arrangement arrangement = dataset::arrangement_of(data);
  const etrinv::Assignment values = dataset_values(request, *data.meta);
  return {network::write_witness(request.output, arrangement, data, values,
                                 {request.float_copies, request.input}),
          data.points.size()};
}

WitnessResult from_formula(const WitnessRequest& request) {
  ReductionOptions options;
  options.want_witness = true;
  options.solution = request.values;
  options.solve_limit = request.solve_limit;
  options.bound_exponent = request.bound_exponent;
  // The assignment before the layout: a wrong one fails fast.
  const Reduction reduction = reduce(etr::parse_file(request.input), options);
  // The same ceiling as compile's default --max-points (docs/limits.md).
  check_points(estimate_points(reduction.chain.instance), default_max_points);
  const layout::Arrangement arrangement = layout::layout(reduction.chain.instance);
  const dataset::Emission emission(arrangement);
  // The network is for the dataset compile would write: the same checks.
  layout::check_invariants(arrangement, emission.hidden_neurons());
  return {network::write_witness(request.output, arrangement, emission, *reduction.assignment,
                                 {request.float_copies, request.input}),
          emission.size()};
}

}  // namespace

bool is_dataset_file(const std::string& path) {
  const auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // Compressed datasets too: the reader decompresses them.
  return ends_with(".json") || ends_with(".json.gz") || ends_with(".json.zst");
}

WitnessResult witness(const WitnessRequest& request) {
  return is_dataset_file(request.input) ? from_dataset(request) : from_formula(request);
}

}  // namespace etr2nn::pipeline
