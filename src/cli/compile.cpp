// etr2nn compile FILE -o DATASET.json: sentence -> ETR-INV instance -> layout
// -> invariants -> dataset JSON.
#include "dataset/compile.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/subcommand.hpp"
#include "dataset/emit.hpp"
#include "dataset/statistics.hpp"
#include "etr/diagnostic.hpp"
#include "etr/parse.hpp"
#include "etr/print.hpp"
#include "etrinv/instance.hpp"
#include "io/progress.hpp"
#include "network/assignment_json.hpp"
#include "network/find_assignment.hpp"
#include "network/witness.hpp"
#include "network/witness_file.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn compile FILE -o DATASET.json [--points-per-line N] [--quiet]\n"
    "                    [--witness NETWORK.json [--assign ASSIGN.json] [--floats]]\n"
    "\n"
    "Compiles a sentence (FILE: .etr, or .smt2 for SMT-LIB 2; '-' for standard\n"
    "input) into a Train-F2NN dataset: labelled points in Q^2 -> Q^2 and a number\n"
    "m of hidden neurons such that a 2-input, 1-hidden-ReLU-layer, 2-output network\n"
    "with m neurons fits every point exactly iff the sentence is true.\n"
    "\n"
    "The sentence must currently be in ETR-INV shape: every variable bounded by\n"
    "[1/2, 2], a conjunction of x = 1, x + y = z and x * y = 1. Otherwise the\n"
    "error points at the first variable or atom that is not.\n"
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
    "                          exact value); checked before anything is written.\n"
    "                          Without it z3 looks for one (10 s limit)\n"
    "  --floats                float copies of the weights in the network file\n"
    "\n"
    "Every compile checks the layout invariants exactly; a violation is a bug in\n"
    "etr2nn and stops the compile before anything is written.\n";

// The line `where` points at, for the caret under a diagnostic; empty when
// the text cannot be read again (standard input).
std::string source_line(const etr::SourceLocation& where) {
  if (where.line == 0 || where.file.empty() || where.file == "-" || where.file == "<stdin>")
    return {};
  std::ifstream in(where.file);
  std::string line;
  for (unsigned n = 0; n < where.line && std::getline(in, line);) ++n;
  return in ? line : std::string();
}

etr::Diagnostic not_etr_inv(etr::SourceLocation where, const std::string& file,
                            const std::string& what) {
  if (where.file.empty()) where.file = file;
  const std::string line = source_line(where);
  return etr::Diagnostic(where,
                         what +
                             " (compile takes ETR-INV sentences for now: every variable in "
                             "[1/2, 2], a conjunction of x = 1, x + y = z, x * y = 1)",
                         line);
}

void flatten_and(const etr::FormulaPtr& f, std::vector<etr::FormulaPtr>& out) {
  if (f->kind == etr::Formula::Kind::And)
    for (const auto& g : f->operands) flatten_and(g, out);
  else
    out.push_back(f);
}

// Why a sentence is not ETR-INV, at the first offending binding or atom. Each
// atom is judged by as_etr_inv itself (on a sentence of that atom alone), so
// the explanation cannot disagree with the check.
etr::Diagnostic explain_not_etr_inv(const etr::Sentence& sentence, const std::string& file) {
  etr::Sentence bounded;
  for (const auto& b : sentence.variables) {
    if (!b.bound || b.bound->lower != mpq_class(1, 2) || b.bound->upper != 2)
      return not_etr_inv(b.where, file,
                         "variable '" + b.name + "' is " +
                             (b.bound ? "bounded by [" + b.bound->lower.get_str() + ", " +
                                            b.bound->upper.get_str() + "], not [1/2, 2]"
                                      : "unbounded"));
    bounded.variables.push_back(b);
  }
  std::vector<etr::FormulaPtr> parts;
  if (sentence.matrix) flatten_and(sentence.matrix, parts);
  for (const auto& part : parts) {
    bounded.matrix = part;
    if (etrinv::as_etr_inv(bounded)) continue;
    const bool connective =
        part->kind == etr::Formula::Kind::Or || part->kind == etr::Formula::Kind::Not;
    return not_etr_inv(part->where, file,
                       (connective ? "'" + etr::print(*part) + "' is not a conjunction of atoms"
                                   : "'" + etr::print(*part) + "' is not an ETR-INV atom"));
  }
  return not_etr_inv({}, file, "the sentence is not in ETR-INV shape");
}

// The sentence -> instance step, in one place: today ETR-INV-shaped
// sentences only; the general ETR -> ETR-INV chain replaces this function.
etrinv::Instance to_instance(const etr::Sentence& sentence, const std::string& file) {
  if (auto instance = etrinv::as_etr_inv(sentence)) return *instance;
  throw explain_not_etr_inv(sentence, file);
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
  // A wrong assignment fails before anything is written. Without --assign,
  // z3 looks for one (exact; small instances).
  etrinv::Assignment values;
  if (witness && assign) {
    values = network::assignment_for(instance, network::read_named_values(*assign));
    network::check_assignment(instance, values);
  } else if (witness) {
    values = network::find_assignment(instance, std::chrono::milliseconds(10000));
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
    witness_network = network::write_witness(*witness, arrangement, dataset::Emission(arrangement),
                                             values, {args.flag("--floats"), file});
  }

  if (!quiet) {
    const auto& s = report.statistics;
    auto count = [](std::size_t n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    std::cout << "compiled " << (file == "-" ? "standard input" : file) << " ("
              << count(instance.variables.size(), "variable") << ", "
              << count(instance.constraints.size(), "constraint") << ") -> " << *output << " ("
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
