// etr2nn witness FILE --assign ASSIGN.json -o NETWORK.json: the witness network
// of a satisfying assignment, verified exactly before it is written.
#include <chrono>
#include <iostream>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "network/network.hpp"
#include "pipeline/pipeline.hpp"
#include "terminal/progress.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn witness FILE [--assign ASSIGN.json | --timeout-ms N] -o NETWORK.json\n"
    "                    [--bound-exponent K] [--floats] [--quiet]\n"
    "\n"
    "Builds the witness network of a satisfying assignment: every gadget's\n"
    "witness breakpoints become neurons (a = normal, b = -(offset + beta),\n"
    "v = slope change), c = 0. FILE is either\n"
    "  - a formula (.etr, .smt2, '-'), laid out exactly as `etr2nn compile` does,\n"
    "    or\n"
    "  - a dataset written by etr2nn compile (.json, .json.zst, .json.gz, with its\n"
    "    meta). Only its header and meta are held: the network is verified on the\n"
    "    file's own points as they stream past, so memory grows with the gadgets\n"
    "    and neurons, not with the points.\n"
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
    "  --floats               also write float copies of the weights (never read back)\n"
    "  --quiet                no progress on stderr (by default shown on a terminal\n"
    "                         only, while a dataset's points are verified)\n";

int run(const std::vector<std::string>& args) {
  Arguments arguments(
      args, {"--assign", "-o", "--output", "--points-per-line", "--timeout-ms", "--bound-exponent"},
      {"--floats", "--quiet"});
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
  const std::string* assign = arguments.option("--assign");
  if (assign && arguments.option("--timeout-ms"))
    throw UsageError{"--timeout-ms is for solving without --assign"};
  const bool dataset_input = pipeline::is_dataset_file(file);
  if (dataset_input && arguments.option("--bound-exponent"))
    throw UsageError{"--bound-exponent is for a formula: a dataset has its K already"};
  check_output("-o", *output, ".json", "a JSON network");
  std::vector<std::string> inputs{file};
  if (assign) inputs.push_back(*assign);
  check_distinct(inputs, {*output});
  for (std::size_t i = 1; i < inputs.size(); ++i) check_input(inputs[i]);
  if (dataset_input)
    check_dataset_input(file);
  else
    check_formula_input(file);

  pipeline::WitnessRequest request;
  request.input = file;
  request.output = *output;
  if (assign) request.values = network::read_named_values(*assign);
  request.solve_limit =
      std::chrono::milliseconds(arguments.whole_number("--timeout-ms", 10000, 1, 1000000000));
  if (arguments.option("--bound-exponent"))
    request.bound_exponent =
        static_cast<unsigned>(arguments.whole_number("--bound-exponent", 0, 0, 1000000));
  request.float_copies = arguments.flag("--floats");
  // For a dataset, the long part: its points streamed past the checker (the
  // total is not known ahead). A no-op unless stderr is a terminal.
  terminal::Progress progress("verify", 0, arguments.flag("--quiet"));
  request.progress = &progress;
  const pipeline::WitnessResult result = pipeline::witness(request);
  progress.finish();
  (*output == "-" ? std::cerr : std::cout)
      << "witness: " << result.neurons << " neurons, "
      << (result.rational ? "rational" : "real algebraic") << " weights, verified exactly on "
      << result.points << " points; wrote " << *output << "\n";
  return 0;
}

const bool registered = register_subcommand(
    {"witness", "build and verify the witness network of a satisfying assignment", usage, run});

}  // namespace
}  // namespace etr2nn::cli
