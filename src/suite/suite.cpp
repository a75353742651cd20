#include "suite/detail/suite.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "check/check.hpp"
#include "diagnostic/diagnostic.hpp"
#include "etr/etr.hpp"
#include "generate/generate.hpp"
#include "io/atomic_file.hpp"
#include "json_io/value.hpp"
#include "network/network.hpp"
#include "pipeline/pipeline.hpp"
#include "suite/detail/sha256.hpp"
#include "terminal/stopwatch.hpp"

namespace etr2nn::suite {
namespace {

namespace fs = std::filesystem;

std::string in(const std::string& directory, const std::string& name) {
  return (fs::path(directory) / name).string();
}

Entry make_instance(const std::string& directory, const std::string& family, std::size_t size,
                    std::uint64_t seed, std::size_t max_points) {
  const generate::Generated g = generate::generate(family, size, seed);
  Entry e;
  e.id = instance_id(family, size, seed);
  e.family = family;
  e.size = size;
  e.seed = seed;
  e.expected = g.expected;
  e.known_by = g.known_by;
  e.files.formula = e.id + ".etr";
  e.files.dataset = e.id + ".json";
  io::write_file_atomically(in(directory, e.files.formula), g.text);

  pipeline::CompileRequest request;
  request.input = in(directory, e.files.formula);
  request.recorded_input = e.files.formula;
  request.output = in(directory, e.files.dataset);
  request.reduction.bound_exponent = g.bound_exponent;
  request.max_points = max_points;
  if (g.expected) {
    e.files.witness = e.id + ".network.json";
    e.files.assignment = e.id + ".assign.json";
    io::write_file_atomically(in(directory, *e.files.assignment),
                              generate::solution_json(g).dump(2) + "\n");
    request.witness = in(directory, *e.files.witness);
    pipeline::Solution solution(g.solution.begin(), g.solution.end());
    request.reduction.solution = std::move(solution);
  }
  const auto start = std::chrono::steady_clock::now();
  const pipeline::CompileResult result = pipeline::compile(request);
  const double total = terminal::seconds_since(start);
  if (g.expected && !result.read_back)
    throw std::logic_error(e.id + ": the witness was not read back");

  const auto& instance = result.reduction.chain.instance;
  const auto& statistics = result.report.statistics;
  e.constraints = instance.constraints.size();
  e.variables = instance.variables.size();
  e.points = statistics.points;
  e.neurons = statistics.neurons;
  e.labels = statistics.labels;
  e.K = result.reduction.chain.bound_exponent;
  e.completeness = pipeline::completeness(result.reduction.chain);
  // compile: parse, reduce, lay out, check, write the dataset; witness: the
  // rest but the read-back (the network built, verified, written); verify:
  // both files read back and re-verified by src/check.
  e.compile_seconds = result.front_seconds + result.report.total_seconds();
  if (g.expected) {
    e.verify_seconds = result.verify_seconds;
    e.witness_seconds = std::max(0.0, total - e.compile_seconds - result.verify_seconds);
  }
  e.sha256.formula = sha256_file(in(directory, e.files.formula));
  e.sha256.dataset = sha256_file(in(directory, e.files.dataset));
  if (e.files.witness) e.sha256.witness = sha256_file(in(directory, *e.files.witness));
  if (e.files.assignment) e.sha256.assignment = sha256_file(in(directory, *e.files.assignment));
  return e;
}

// Mismatches of one listed file: missing, or another hash.
void check_hash(const std::string& directory, const Entry& e, const char* what,
                const std::string& name, const std::string& hash,
                std::vector<std::string>& mismatches) {
  const std::string path = in(directory, name);
  if (!fs::is_regular_file(path)) {
    mismatches.push_back(e.id + ": " + what + " " + path + " is missing");
    return;
  }
  const std::string actual = sha256_file(path);
  if (actual != hash)
    mismatches.push_back(e.id + ": " + what + " " + path + ": sha256 " + actual +
                         " differs from the manifest's " + hash);
}

void check_entry(const std::string& directory, const Entry& e,
                 std::vector<std::string>& mismatches) {
  check_hash(directory, e, "formula", e.files.formula, e.sha256.formula, mismatches);
  check_hash(directory, e, "dataset", e.files.dataset, e.sha256.dataset, mismatches);
  if (e.expected != (e.files.witness.has_value()))
    mismatches.push_back(e.id + (e.expected ? ": a true instance without a witness"
                                            : ": a false instance with a witness"));
  if (e.files.witness.has_value() != e.sha256.witness.has_value() ||
      e.files.assignment.has_value() != e.sha256.assignment.has_value())
    mismatches.push_back(e.id + ": a file without its sha256, or the reverse");
  if (e.files.witness && e.sha256.witness) {
    check_hash(directory, e, "witness", *e.files.witness, *e.sha256.witness, mismatches);
    try {
      const check::Report report =
          check::verify_files(in(directory, e.files.dataset), in(directory, *e.files.witness));
      if (!report.ok())
        mismatches.push_back(e.id + ": the witness does not fit the dataset (" +
                             std::to_string(report.failures) + " of " +
                             std::to_string(report.points) + " points wrong, " +
                             std::to_string(report.neurons) + " neurons of " +
                             std::to_string(report.allowed_neurons) + " allowed)");
    } catch (const Diagnostic& d) {
      mismatches.push_back(e.id + ": the witness cannot be verified: " + d.render());
    } catch (const std::exception& error) {
      mismatches.push_back(e.id + ": the witness cannot be verified: " + error.what());
    }
  }
  if (e.files.assignment && e.sha256.assignment) {
    check_hash(directory, e, "assignment", *e.files.assignment, *e.sha256.assignment, mismatches);
    try {
      const etr::Sentence sentence = etr::parse_file(in(directory, e.files.formula));
      const auto values = network::read_named_values(in(directory, *e.files.assignment));
      if (!etr::satisfies(sentence, etr::Values(values.begin(), values.end())))
        mismatches.push_back(e.id + ": the assignment does not satisfy the formula");
    } catch (const Diagnostic& d) {
      mismatches.push_back(e.id + ": the assignment cannot be checked: " + d.render());
    } catch (const std::exception& error) {
      mismatches.push_back(e.id + ": the assignment cannot be checked: " + error.what());
    }
  }
}

}  // namespace

Manifest make_suite(const Request& request, const Observer& observer) {
  // Every argument checked before the first file.
  for (const auto& family : request.families)
    for (auto size : request.sizes) (void)generate::generate(family, size, 1).expected;
  fs::create_directories(request.directory);
  Manifest m;
  m.families = request.families;
  m.sizes = request.sizes;
  m.seeds = request.seeds;
  const std::size_t total = request.families.size() * request.sizes.size() * request.seeds;
  for (const auto& family : request.families)
    for (auto size : request.sizes)
      for (std::uint64_t seed = 1; seed <= request.seeds; ++seed) {
        m.instances.push_back(
            make_instance(request.directory, family, size, seed, request.max_points));
        if (observer) observer(m.instances.back(), m.instances.size(), total);
      }
  io::write_file_atomically(in(request.directory, "manifest.json"), to_json(m).dump(2) + "\n");
  io::write_file_atomically(in(request.directory, "manifest.csv"), to_csv(m));
  return m;
}

std::vector<std::string> check_suite(
    const std::string& directory, const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<std::string> mismatches;
  const std::string path = in(directory, "manifest.json");
  Manifest m;
  try {
    m = manifest_from_json(json_io::parse_file(path, "the manifest"), path);
  } catch (const Diagnostic& error) {
    return {error.render()};
  }
  for (std::size_t i = 0; i < m.instances.size(); ++i) {
    check_entry(directory, m.instances[i], mismatches);
    if (progress) progress(i + 1, m.instances.size());
  }
  return mismatches;
}

}  // namespace etr2nn::suite
