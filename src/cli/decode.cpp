// etr2nn decode DATASET.json NETWORK.json: read the ETR-INV assignment off a
// network and evaluate the instance exactly.
#include <iostream>
#include <optional>
#include <stdexcept>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/dataset.hpp"
#include "diagnostic/diagnostic.hpp"
#include "etr/etr.hpp"
#include "io/atomic_file.hpp"
#include "network/network.hpp"
#include "pipeline/pipeline.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn decode DATASET.json NETWORK.json [--assign-out ASSIGN.json] [--all] [--quiet]\n"
    "\n"
    "Reads each ETR-INV variable X off its canonical gadget's home region:\n"
    "s = (f(t=5) - f(t=3)) / 2 on out1 and X = s - 1, exactly, for any network\n"
    "(not only etr2nn's witnesses). Then evaluates every range and constraint of\n"
    "the instance exactly and reports which hold. Also checks whether the\n"
    "network fits the dataset: the reading is meaningful for a fitting network.\n"
    "Exit status 0 when every value is in [1/2, 2] and every constraint holds, 1\n"
    "otherwise. For a dataset compiled from a general sentence, also reports\n"
    "that sentence's own variables, x = (X - 1)/(E - 1) from their carriers X\n"
    "(meta.reduction), and whether the sentence holds there.\n"
    "\n"
    "  --assign-out FILE  write the decoded values as an assignment file\n"
    "  --all              list every variable and constraint even when there are\n"
    "                     more than 100 (by default large instances list only the\n"
    "                     values out of range and the failing constraints)\n"
    "  --quiet            no progress display on stderr\n"
    "\n"
    "The dataset must carry its meta (datasets written by etr2nn compile do).\n";

// For a dataset compiled from a general sentence: the sentence's own
// variables by the backward map, and whether the sentence holds there (when
// the meta records it). Both exact.
void report_sentence_values(std::ostream& report, const dataset::Meta& meta,
                            const network::Decoded& decoded) {
  if (!pipeline::from_general_sentence(meta)) return;
  std::optional<pipeline::Solution> values;
  try {
    values = pipeline::sentence_values(meta, decoded.values);
  } catch (const std::domain_error& e) {
    report << "the sentence's variables: not defined (" << e.what() << ")\n";
    return;
  }
  if (!values) {
    report << "the sentence's variables: the meta does not name E (a file from an older "
              "etr2nn), so x = (X - 1)/(E - 1) cannot be formed\n";
    return;
  }
  report << "the sentence's variables (backward map x = (X - 1)/(E - 1), exactly):\n";
  for (const auto& [name, value] : *values)
    report << "  " << name << " = " << network::exact_text(value) << "\n";
  if (!meta.origin->sentence) return;
  try {
    const etr::Sentence sentence = pipeline::recorded_sentence(meta);
    report << "the sentence " << (etr::satisfies(sentence, *values) ? "holds" : "does NOT hold")
           << " at these values (evaluated exactly)\n";
  } catch (const std::exception& e) {
    report << "the sentence could not be evaluated: " << e.what() << "\n";
  }
}

int run(const std::vector<std::string>& args) {
  Arguments arguments(args, {"--assign-out"}, {"--quiet", "--all"});
  if (arguments.help()) {
    std::cout << usage;
    return 0;
  }
  if (arguments.positionals().size() != 2)
    throw UsageError{"expected DATASET.json and NETWORK.json"};
  const std::string& dataset_path = arguments.positionals()[0];
  const std::string& network_path = arguments.positionals()[1];
  const std::string* out = arguments.option("--assign-out");
  if (out) {
    check_output("--assign-out", *out, ".json", "a JSON assignment");
    check_distinct({dataset_path, network_path}, {*out});
  }
  check_dataset_and_network(dataset_path, network_path);
  // Standard output carries the assignment: the report moves aside.
  std::ostream& report = out && *out == "-" ? std::cerr : std::cout;
  dataset::Dataset data = dataset::read_dataset(dataset_path);
  network::Network net = network::read_network(network_path);
  if (!data.meta)
    throw Diagnostic(errors::missing_meta, SourceLocation{arguments.positionals()[0]},
                     "the dataset has no meta, so its canonical gadgets are unknown");
  layout::Arrangement arrangement = dataset::arrangement_of(data);
  network::Decoded decoded = network::decode(network::decode_input(arrangement), net);
  const auto& instance = arrangement.instance;

  const std::size_t list_limit = 100;
  const bool list_variables = arguments.flag("--all") || instance.variables.size() <= list_limit;
  const bool list_constraints = arguments.flag("--all") || decoded.constraints.size() <= list_limit;
  report << "decoded " << instance.variables.size()
         << " variables from their canonical gadgets (X = s - 1, s = (f(t=5) - f(t=3))/2 on out1)"
         << (list_variables ? "" : "; listing those out of range (--all lists every one)") << ":\n";
  for (std::size_t i = 0; i < instance.variables.size(); ++i)
    if (list_variables || !decoded.in_range[i])
      report << "  " << instance.variables[i] << " = " << network::exact_text(decoded.values[i])
             << (decoded.in_range[i] ? "" : "   OUT OF RANGE [1/2, 2]") << "\n";
  std::size_t failing = 0;
  report << "constraints (evaluated exactly)"
         << (list_constraints ? "" : "; listing the failing ones (--all lists every one)") << ":\n";
  for (const auto& c : decoded.constraints) {
    failing += !c.holds;
    if (list_constraints || !c.holds)
      report << "  " << c.index + 1 << ". " << c.text << (c.holds ? "   holds" : "   FAILS")
             << "\n";
  }
  report_sentence_values(report, *data.meta, decoded);
  terminal::Progress progress("verify", data.points.size(), arguments.flag("--quiet"));
  network::VerifyReport fit = network::verify(data, net, 0, &progress);
  if (fit.ok())
    report << "fit: the network fits all " << fit.points << " points exactly\n";
  else
    report << "fit: the network does NOT fit the dataset (" << fit.failures << " of " << fit.points
           << " points missed" << (fit.within_budget() ? "" : ", too many neurons")
           << "); see etr2nn verify\n";

  std::size_t out_of_range = 0;
  for (bool b : decoded.in_range) out_of_range += !b;
  if (decoded.satisfied())
    report << "result: every value is in [1/2, 2] and all " << decoded.constraints.size()
           << " constraints hold: the decoded assignment satisfies the instance\n";
  else
    report << "result: " << failing << " of " << decoded.constraints.size() << " constraints fail"
           << (out_of_range ? ", " + std::to_string(out_of_range) + " values out of range" : "")
           << ": the decoded assignment does not satisfy the instance\n";
  if (out)
    io::write_file_atomically(*out,
                              network::assignment_to_json(instance, decoded.values).dump(1) + "\n");
  return decoded.satisfied() ? 0 : 1;
}

const bool registered = register_subcommand(
    {"decode", "read the variables off a network and evaluate the instance exactly", usage, run});

}  // namespace
}  // namespace etr2nn::cli
