// etr2nn witness FILE --assign ASSIGN.json -o NETWORK.json: the witness network
// of a satisfying assignment, verified exactly before it is written.
#include "network/witness.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/emit.hpp"
#include "dataset/meta.hpp"
#include "dataset/read.hpp"
#include "etr/diagnostic.hpp"
#include "etr/parse.hpp"
#include "layout/layout.hpp"
#include "network/assignment_json.hpp"
#include "network/network_json.hpp"
#include "network/witness_file.hpp"
#include "pipeline/origin.hpp"
#include "pipeline/reduction.hpp"
#include "pipeline/size_estimate.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn witness FILE [--assign ASSIGN.json | --timeout-ms N] -o NETWORK.json\n"
    "                    [--bound-exponent K] [--floats]\n"
    "\n"
    "Builds the witness network of a satisfying assignment: every gadget's\n"
    "witness breakpoints become neurons (a = normal, b = -(offset + beta),\n"
    "v = slope change), c = 0. FILE is either\n"
    "  - a formula (.etr, .smt2, '-'), laid out exactly as `etr2nn compile` does,\n"
    "    or\n"
    "  - a dataset written by etr2nn compile (.json, with its meta).\n"
    "The assignment is checked exactly first: a violated constraint or a value\n"
    "outside [1/2, 2] is reported by name and nothing is written. The network is\n"
    "then verified exactly on every point before it is written (atomically).\n"
    "Algebraic values give algebraic weights, exactly.\n"
    "\n"
    "  --assign FILE          exact values by name: for a formula, a solution of the\n"
    "                         sentence (its own variables; a general sentence is\n"
    "                         mapped forward through the ETR -> ETR-INV chain); for a\n"
    "                         dataset, its ETR-INV variables, or, when it was compiled\n"
    "                         from a general sentence, that sentence's variables\n"
    "                         (mapped forward with what its meta records):\n"
    "                         {\"x\": \"1\", \"y\": {\"root_of\": [\"-2\",\"0\",\"1\"], \"in\": "
    "[\"1\",\"2\"]}}\n"
    "                         (docs/network-format.md). Without it, z3 looks for a\n"
    "                         solution (exact, possibly algebraic); small inputs only\n"
    "  --timeout-ms N         time limit for that search (default 10000)\n"
    "  -o, --output FILE      the network file to write (.json; '-' for standard\n"
    "                         output, the summary then goes to stderr)\n"
    "  --bound-exponent K     as for compile (default: witness mode); formulas only\n"
    "  --floats               also write float copies of the weights (never read back)\n";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::chrono::milliseconds timeout(const Arguments& args) {
  return std::chrono::milliseconds(args.whole_number("--timeout-ms", 10000, 1, 1000000000));
}

// The user's assignment, checked exactly; or, without --assign, z3's. For a
// dataset compiled from a general sentence, the values may be the sentence's
// own (every instance variable not named): they are mapped forward with what
// meta.reduction records.
etrinv::Assignment assignment(const Arguments& args, const dataset::Meta& meta) {
  const etrinv::Instance& instance = meta.instance;
  if (const std::string* assign = args.option("--assign")) {
    if (args.option("--timeout-ms"))
      throw UsageError{"--timeout-ms is for solving without --assign"};
    const pipeline::Solution named = network::read_named_values(*assign);
    const bool names_instance = std::all_of(instance.variables.begin(), instance.variables.end(),
                                            [&](const auto& v) { return named.count(v) > 0; });
    if (pipeline::from_general_sentence(meta) && !names_instance)
      return pipeline::instance_values(meta, named);
    etrinv::Assignment values = network::assignment_for(instance, named);
    network::check_assignment(instance, values);
    return values;
  }
  return pipeline::solve_instance(meta, timeout(args));
}

int run(const std::vector<std::string>& args) {
  Arguments arguments(
      args, {"--assign", "-o", "--output", "--points-per-line", "--timeout-ms", "--bound-exponent"},
      {"--floats"});
  if (arguments.help()) {
    std::cout << usage;
    return 0;
  }
  if (arguments.positionals().size() != 1)
    throw UsageError{"expected one FILE (formula or dataset)"};
  const std::string* output = output_option(arguments);
  if (!output) throw UsageError{"-o NETWORK.json is required"};
  const std::string& file = arguments.positionals()[0];
  // The option is gone: kept only to explain why another value cannot be had.
  if (arguments.option("--points-per-line") &&
      arguments.whole_number("--points-per-line", 3, 0, ~0ul) != 3)
    throw UsageError{"--points-per-line: the hardness proof needs exactly three lanes per gadget"};
  check_output("-o", *output, ".json", "a JSON network");
  std::vector<std::string> inputs{file};
  if (const std::string* assign = arguments.option("--assign")) inputs.push_back(*assign);
  check_distinct(inputs, {*output});
  for (std::size_t i = 1; i < inputs.size(); ++i) check_input(inputs[i]);
  const network::WitnessFileOptions options{arguments.flag("--floats"), file};

  network::Network net;
  std::size_t points = 0;
  if (ends_with(file, ".json")) {
    check_dataset_input(file);
    dataset::Dataset data = dataset::read_dataset(file);
    layout::Arrangement arrangement = dataset::arrangement_of(data);
    etrinv::Assignment values = assignment(arguments, *data.meta);
    net = network::write_witness(*output, arrangement, data, values, options);
    points = data.points.size();
  } else {
    check_formula_input(file);
    // The assignment before the layout: a wrong one fails fast.
    if (arguments.option("--assign") && arguments.option("--timeout-ms"))
      throw UsageError{"--timeout-ms is for solving without --assign"};
    pipeline::ReductionOptions reduction_options;
    reduction_options.want_witness = true;
    if (const std::string* assign = arguments.option("--assign"))
      reduction_options.solution = network::read_named_values(*assign);
    reduction_options.solve_limit = timeout(arguments);
    if (arguments.option("--bound-exponent"))
      reduction_options.bound_exponent =
          static_cast<unsigned>(arguments.whole_number("--bound-exponent", 0, 0, 1000000));
    const pipeline::Reduction reduction =
        pipeline::reduce(etr::parse_file(file), reduction_options);
    layout::Options layout_options;
    // The same ceiling as compile's default --max-points (docs/limits.md).
    pipeline::check_points(pipeline::estimate_points(reduction.chain.instance),
                           pipeline::default_max_points);
    layout::Arrangement arrangement = layout::layout(reduction.chain.instance, layout_options);
    dataset::Emission emission(arrangement);
    net = network::write_witness(*output, arrangement, emission, *reduction.assignment, options);
    points = emission.size();
  }
  (*output == "-" ? std::cerr : std::cout)
      << "witness: " << net.neurons.size() << " neurons, "
      << (network::is_rational(net) ? "rational" : "real algebraic")
      << " weights, verified exactly on " << points << " points; wrote " << *output << "\n";
  return 0;
}

const bool registered = register_subcommand(
    {"witness", "build and verify the witness network of a satisfying assignment", usage, run});

}  // namespace
}  // namespace etr2nn::cli
