// etr2nn inspect DATASET.json: what is in a dataset (counts, labels, instance).
#include <iostream>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/dataset.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn inspect DATASET.json [--labels] [--instance]\n"
    "\n"
    "Reads a dataset (checking it as verify and decode do) and prints its\n"
    "statistics: points, hidden neurons, distinct labels, gadgets by kind,\n"
    "constraint points by kind, points per neuron.\n"
    "\n"
    "options:\n"
    "  --labels     also list the distinct labels\n"
    "  --instance   also list the ETR-INV instance the dataset encodes\n";

int run(const std::vector<std::string>& raw) {
  const Arguments args(raw, {}, {"--labels", "--instance"});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  if (args.positionals().size() != 1) throw UsageError{"expected exactly one DATASET.json"};
  const std::string& path = args.positionals().front();
  check_dataset_input(path);
  const dataset::Dataset d = dataset::read_dataset(path);
  std::cout << path << ": etr2nn dataset, version " << dataset::format_version
            << (d.meta ? "" : " (no meta)") << "\n";
  if (d.meta) {
    std::cout << "instance    " << d.meta->instance.variables.size() << " variables, "
              << d.meta->instance.constraints.size() << " constraints\n";
    // read_dataset rejects a file whose meta fails a check, so reaching here
    // means all of them passed.
    std::cout << "layout      counting lines, 3 lanes; checks N1-N7 pass (docs/soundness.md)\n";
  }
  dataset::print_statistics(std::cout, dataset::statistics_of(d));
  if (args.flag("--labels"))
    for (const auto& l : d.labels)
      std::cout << "  label (" << numeric::to_string(l.out1) << ", " << numeric::to_string(l.out2)
                << ")\n";
  if (args.flag("--instance") && d.meta)
    for (const auto& c : d.meta->instance.constraints)
      std::cout << "  " << etrinv::describe(d.meta->instance, c) << "\n";
  return 0;
}

const bool registered =
    register_subcommand({"inspect", "print the statistics of a dataset", usage, run});

}  // namespace
}  // namespace etr2nn::cli
