#include "pipeline/detail/witness.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string_view>
#include <system_error>

#include "check/check.hpp"
#include "dataset/dataset.hpp"
#include "diagnostic/diagnostic.hpp"
#include "etr/etr.hpp"
#include "io/atomic_file.hpp"
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

// The summary of a network written.
WitnessResult written(const network::Network& network, std::size_t points) {
  return {network.neurons.size(), network::is_rational(network), points};
}

// The independent checker's verdict on `network` against the dataset file's
// own points, streamed from disk; throws unless every point fits and the
// file holds the `claimed` number of points.
void check_on_file(const WitnessRequest& request, const check::AnyNetwork& network,
                   std::size_t claimed) {
  const check::Report report = check::verify_file(request.input, network, {3, request.progress});
  if (report.ok() && report.points == claimed) return;
  std::ostringstream why;
  if (report.points != claimed)
    why << "the file holds " << report.points << " points where its meta says " << claimed << "; ";
  check::print_report(why, report);
  throw Diagnostic(errors::inconsistent, SourceLocation{request.input},
                   "the witness built from the meta does not fit the file's own points, so " +
                       request.output + " was not written: " + why.str());
}

// A dataset file as compile writes it (meta before the points, points in the
// generated order) is never held: its header and meta are read, the network
// is built from the arrangement the meta describes and verified by the
// independent checker on the file's own points, streamed from disk. Memory
// grows with the gadgets, not the points. nullopt for any other file (a
// pipe, which can be read only once; a meta after the points or in another
// order): that is read whole.
std::optional<WitnessResult> from_dataset_streamed(const WitnessRequest& request) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(request.input, error)) return std::nullopt;
  std::optional<dataset::Dataset> head = dataset::read_dataset_head(request.input);
  if (!head) return std::nullopt;
  std::optional<layout::Arrangement> arrangement = dataset::generated_arrangement_of(*head->meta);
  if (!arrangement) return std::nullopt;
  const std::size_t claimed = head->meta->statistics.points;
  if (arrangement->data_points.size() + arrangement->constraint_points.size() != claimed)
    return std::nullopt;
  const std::size_t hidden_neurons = head->hidden_neurons;
  const etrinv::Assignment values = dataset_values(request, *head->meta);
  head.reset();  // its gadget records copy the arrangement's gadgets
  dataset::require_sound_layout(*arrangement, hidden_neurons, request.input);

  io::AtomicFile file(request.output);
  // Verified once, by the independent checker on the file's own points (a
  // first pass on the generated points, as compile makes, would only repeat
  // that at the cost of a second evaluator).
  const network::WitnessFileOptions options{request.float_copies, request.input};
  if (file.kind() == io::TargetKind::Replace) {
    // What is on disk is what is checked: the network read back from the
    // temporary before it replaces anything. The producer's copies go first:
    // the checker's own network and tables are the peak. A rational witness
    // is built in the checker's compact form (millions of neurons as Reals
    // were the producer's peak); the bytes written are the same.
    WitnessResult result;
    if (auto lean = network::build_witness_rational(*arrangement, values)) {
      result = {lean->size(), true, claimed};
      network::write_witness_network(file, *arrangement, *lean, values, claimed, options);
    } else {
      const network::Network network = network::build_witness(*arrangement, values);
      result = written(network, claimed);
      network::write_witness_network(file, *arrangement, network, values, claimed, options);
    }
    arrangement.reset();
    file.flush();
    check_on_file(request, check::read_network_lean(file.readable_path()), claimed);
    file.commit();
    return result;
  }
  // A stream cannot be read back or taken back: checked before it is written.
  const network::Network network = network::build_witness(*arrangement, values);
  const WitnessResult result = written(network, claimed);
  check_on_file(request,
                check::read_network_text(network::network_to_json(network).dump(), request.output),
                claimed);
  network::write_witness_network(file, *arrangement, network, values, claimed, options);
  file.commit();
  return result;
}

WitnessResult from_dataset(const WitnessRequest& request) {
  if (std::optional<WitnessResult> result = from_dataset_streamed(request)) return *result;
  const dataset::Dataset data = dataset::read_dataset(request.input);
  const layout::Arrangement arrangement = dataset::arrangement_of(data);
  const etrinv::Assignment values = dataset_values(request, *data.meta);
  return written(network::write_witness(request.output, arrangement, data, values,
                                        {request.float_copies, request.input}),
                 data.points.size());
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
  return written(
      network::write_witness(request.output, arrangement, emission, *reduction.assignment,
                             {request.float_copies, request.input}),
      emission.size());
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
