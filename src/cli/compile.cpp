// etr2nn compile FILE -o DATASET.json: sentence -> ETR-INV instance -> layout
// -> invariants -> dataset JSON.
#include <chrono>
#include <cstdio>
#include <optional>
#include <iostream>
#include <sstream>

#include "cli/subcommand.hpp"
#include "dataset/compile.hpp"
#include "dataset/emit.hpp"
#include "dataset/statistics.hpp"
#include "etr/diagnostic.hpp"
#include "etr/parse.hpp"
#include "etrinv/instance.hpp"
#include "io/progress.hpp"
#include "network/assignment_json.hpp"
#include "network/witness.hpp"
#include "network/witness_file.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn compile FILE -o DATASET.json [--points-per-line N] [--quiet]\n"
    "                    [--witness NETWORK.json --assign ASSIGN.json [--floats]]\n"
    "\n"
    "Compiles a sentence (FILE: .etr, or .smt2 for SMT-LIB 2; '-' for standard\n"
    "input) into a Train-F2NN dataset: labelled points in Q^2 -> Q^2 and a number\n"
    "m of hidden neurons such that a 2-input, 1-hidden-ReLU-layer, 2-output network\n"
    "with m neurons fits every point exactly iff the sentence is true.\n"
    "\n"
    "The sentence must currently be in ETR-INV shape: every variable bounded by\n"
    "[1/2, 2], a conjunction of x = 1, x + y = z and x * y = 1.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE       the dataset to write (JSON, docs/dataset-format.md);\n"
    "                          written atomically: on any error no file is left\n"
    "  --points-per-line N     data points per data line of each gadget (default 3)\n"
    "  --quiet                 no progress and no summary\n"
    "  --witness FILE          also write the witness network of the assignment given\n"
    "                          by --assign, verified exactly on every point first\n"
    "                          (docs/network-format.md); as `etr2nn witness`\n"
    "  --assign FILE           the satisfying assignment for --witness (variable ->\n"
    "                          exact value); checked before anything is written\n"
    "  --floats                float copies of the weights in the network file\n"
    "\n"
    "Every compile checks the layout invariants exactly; a violation is a bug in\n"
    "etr2nn and stops the compile before anything is written.\n";

// The sentence -> instance step, in one place: today ETR-INV-shaped
// sentences only; the general ETR -> ETR-INV chain replaces this function.
etrinv::Instance to_instance(const etr::Sentence& sentence, const std::string& file) {
  if (auto instance = etrinv::as_etr_inv(sentence)) return *instance;
  throw etr::Diagnostic(
      etr::SourceLocation{file, 0, 0},
      "not in ETR-INV shape: compile needs every variable bounded by [1/2, 2] and a "
      "conjunction of atoms x = 1, x + y = z, x * y = 1 (general ETR sentences are not "
      "supported yet)");
}

unsigned points_per_line(const Arguments& args) {
  const std::string* text = args.option("--points-per-line");
  if (!text) return 3;
  try {
    std::size_t used = 0;
    const unsigned long n = std::stoul(*text, &used);
    if (used == text->size() && n >= 1 && n <= 1000000) return static_cast<unsigned>(n);
  } catch (const std::exception&) {
  }
  throw UsageError{"--points-per-line needs a whole number from 1 to 1000000, not '" + *text + "'"};
}

std::string human_bytes(std::uintmax_t bytes) {
  char buffer[32];
  if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
  if (bytes < 10 * 1024 * 1024) {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024.0);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
  return buffer;
}

int run(const std::vector<std::string>& raw) {
  const Arguments args(raw, {"-o", "--output", "--points-per-line", "--witness", "--assign"},
                       {"--quiet", "--floats"});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  if (args.positionals().size() != 1) throw UsageError{"expected exactly one input FILE"};
  const std::string* output = args.option("--output");
  if (const std::string* o = args.option("-o")) output = o;
  if (!output) throw UsageError{"missing -o DATASET.json"};
  const bool quiet = args.flag("--quiet");
  const std::string& file = args.positionals().front();

  dataset::CompileOptions options;
  options.layout.points_per_line = points_per_line(args);
  const auto start = std::chrono::steady_clock::now();
  const etrinv::Instance instance = to_instance(etr::parse_file(file), file);
  const std::string* witness = args.option("--witness");
  const std::string* assign = args.option("--assign");
  if (assign && !witness) throw UsageError{"--assign is for --witness NETWORK.json"};
  if (witness && !assign) throw UsageError{"--witness needs --assign ASSIGN.json (a satisfying assignment)"};
  // A wrong assignment fails before anything is written.
  etrinv::Assignment values;
  if (witness) {
    values = network::assignment_for(instance, network::read_named_values(*assign));
    network::check_assignment(instance, values);
  }
  const double front_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // One progress line per stage, made at its first report, when its total is known.
  std::optional<io::Progress> progress;
  std::string current;
  options.progress = [&](const char* stage, std::size_t done, std::size_t total) {
    if (!progress || current != stage) {
      if (progress) progress->finish();
      current = stage;
      progress.emplace(current, total, quiet);
    }
    progress->update(done);
  };
  const dataset::CompileReport report = dataset::compile_instance(instance, *output, options);
  if (progress) progress->finish();
  std::optional<network::Network> witness_network;
  if (witness) {
    // The layout is deterministic: laid out again, it is the arrangement just written.
    const layout::Arrangement arrangement = layout::layout(instance, options.layout);
    witness_network = network::write_witness(*witness, arrangement, dataset::Emission(arrangement), values,
                                             {args.flag("--floats"), file});
  }

  if (!quiet) {
    const auto& s = report.statistics;
    std::cout << "compiled " << file << " (" << instance.variables.size() << " variables, "
              << instance.constraints.size() << " constraints) -> " << *output << " ("
              << human_bytes(report.file_bytes) << ")\n";
    dataset::print_statistics(std::cout, s);
    char buffer[160];
    std::snprintf(buffer, sizeof buffer,
                  "time        %.3f s (parse %.3f, layout %.3f, check %.3f, write %.3f)\n",
                  front_seconds + report.total_seconds(), front_seconds, report.layout_seconds,
                  report.check_seconds, report.write_seconds);
    std::cout << buffer;
    if (witness_network)
      std::cout << "witness     " << witness_network->neurons.size() << " neurons, "
                << (network::is_rational(*witness_network) ? "rational" : "real algebraic")
                << " weights, verified exactly on every point -> " << *witness << "\n";
  }
  return 0;
}

const bool registered = register_subcommand(
    {"compile", "compile an ETR-INV sentence into a Train-F2NN dataset (JSON)", usage, run});

}  // namespace
}  // namespace etr2nn::cli
