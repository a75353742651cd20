// etr2nn witness FILE --assign ASSIGN.json -o NETWORK.json: the witness network
// of a satisfying assignment, verified exactly before it is written.
#include <iostream>

#include "cli/subcommand.hpp"
#include "dataset/emit.hpp"
#include "dataset/meta.hpp"
#include "dataset/read.hpp"
#include "layout/layout.hpp"
#include "network/assignment_json.hpp"
#include "network/network_json.hpp"
#include "network/witness_file.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn witness FILE --assign ASSIGN.json -o NETWORK.json [--floats]\n"
    "\n"
    "Builds the witness network of a satisfying assignment: every gadget's\n"
    "witness breakpoints become neurons (a = normal, b = -(offset + beta),\n"
    "v = slope change). FILE is a formula (.etr, .smt2), compiled as `etr2nn\n"
    "compile` does, or a dataset written by etr2nn compile (.json, with meta).\n"
    "The assignment is checked exactly first: a violated constraint or a value\n"
    "outside [1/2, 2] is reported by name and nothing is written. The network is\n"
    "then verified exactly on the dataset before it is written (atomically).\n"
    "Algebraic values give algebraic weights, exactly.\n"
    "\n"
    "  --assign FILE  the assignment: {\"x\": \"1\", \"y\": {\"root_of\": [...], \"in\": [...]}}\n"
    "                 (ETR-INV variable names; docs/network-format.md)\n"
    "  -o, --output FILE  the network file to write\n"
    "  --floats       also write float copies of the weights (never read back)\n";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int run(const std::vector<std::string>& args) {
  Arguments arguments(args, {"--assign", "-o", "--output"}, {"--floats"});
  if (arguments.help()) {
    std::cout << usage;
    return 0;
  }
  if (arguments.positionals().size() != 1) throw UsageError{"expected one FILE (formula or dataset)"};
  const auto* assign = arguments.option("--assign");
  if (!assign) throw UsageError{"--assign ASSIGN.json is required"};
  const auto* output = arguments.option("--output") ? arguments.option("--output") : arguments.option("-o");
  if (!output) throw UsageError{"-o NETWORK.json is required"};
  const std::string& file = arguments.positionals()[0];

  if (!ends_with(file, ".json"))
    throw UsageError{"FILE must be a dataset (.json) written by etr2nn compile"};
  dataset::Dataset data = dataset::read_dataset(file);
  layout::Arrangement arrangement = dataset::arrangement_of(data);
  etrinv::Assignment values =
      network::assignment_for(arrangement.instance, network::read_named_values(*assign));
  network::Network net =
      network::write_witness(*output, arrangement, data, values, {arguments.flag("--floats"), file});
  std::cout << "witness: " << net.neurons.size() << " neurons, "
            << (network::is_rational(net) ? "rational" : "real algebraic")
            << " weights, verified exactly on " << data.points.size() << " points; wrote " << *output
            << "\n";
  return 0;
}

const bool registered = register_subcommand(
    {"witness", "build and verify the witness network of a satisfying assignment", usage, run});

}  // namespace
}  // namespace etr2nn::cli
