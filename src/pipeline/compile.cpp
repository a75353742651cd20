#include "pipeline/detail/compile.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "etr/etr.hpp"
#include "network/network.hpp"
#include "pipeline/detail/read_back.hpp"
#include "terminal/stopwatch.hpp"

namespace etr2nn::pipeline {
namespace {

// What the chain keeps for `normalize`'s report and the forward map (a line
// of provenance per constraint and variable, the passes' trace) is not needed
// once the reduction is described and the assignment made; at 10^5
// constraints it is tens of megabytes that would otherwise stay through the
// layout, the checks and the writing.
void release_chain_details(etrinv::ChainResult& chain) {
  std::vector<std::string>().swap(chain.provenance);
  std::vector<std::string>().swap(chain.variable_provenance);
  chain.carrier.clear();
  chain.trace.reset();
}

}  // namespace

CompileResult compile(const CompileRequest& request, const CompileObserver& observer) {
  CompileResult result;
  // Parse, reduce and (with a witness) find and check the solution before
  // anything is written: a wrong assignment leaves no file behind.
  auto start = std::chrono::steady_clock::now();
  // Held only until the meta's description is made: the parsed sentence
  // (a tree of terms with source locations) is larger than the instance.
  std::optional<etr::Sentence> sentence = etr::parse_file(request.input);
  ReductionOptions reduction_options = request.reduction;
  reduction_options.want_witness = request.witness.has_value();
  result.reduction = reduce(*sentence, reduction_options);
  const etrinv::Instance& instance = result.reduction.chain.instance;
  result.front_seconds = terminal::seconds_since(start);

  // Before the layout: its size is known from the instance alone.
  result.estimate = estimate_points(instance);
  if (observer.estimated) observer.estimated(result.estimate);
  check_points(result.estimate, request.max_points);

  dataset::CompileOptions options;
  const std::string& recorded = request.recorded_input ? *request.recorded_input : request.input;
  options.reduction = describe(result.reduction, *sentence, recorded);
  sentence.reset();
  release_chain_details(result.reduction.chain);
  options.progress = observer.progress;
  io::AtomicFile dataset_file(request.output);
  result.output_kind = dataset_file.kind();
  result.report = dataset::compile_instance(instance, dataset_file, options);
  std::optional<io::AtomicFile> witness_file;
  if (request.witness) {
    witness_file.emplace(*request.witness);
    result.witness = network::write_witness(
        *witness_file, result.report.arrangement, dataset::Emission(result.report.arrangement),
        *result.reduction.assignment, {request.float_copies, recorded});
  }

  // What is on disk is what was verified: read both back (independently of
  // the code that wrote them) before either target is replaced.
  start = std::chrono::steady_clock::now();
  if (witness_file && !dataset_file.readable_path().empty() &&
      !witness_file->readable_path().empty()) {
    check_read_back(dataset_file.readable_path(), witness_file->readable_path(), request.output,
                    *request.witness);
    result.read_back = true;
  }
  result.verify_seconds = terminal::seconds_since(start);
  dataset_file.commit();
  if (witness_file) witness_file->commit();
  return result;
}

}  // namespace etr2nn::pipeline
