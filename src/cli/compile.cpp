// etr2nn compile FILE -o DATASET.json: sentence -> ETR-INV instance -> layout
// -> invariants -> dataset JSON, and with --witness the verified witness network.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/dataset.hpp"
#include "io/atomic_file.hpp"
#include "network/network.hpp"
#include "pipeline/pipeline.hpp"
#include "terminal/progress.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn compile FILE -o DATASET.json [--bound-exponent K] [--quiet | --verbose]\n"
    "                    [--witness NETWORK.json [--assign ASSIGN.json] [--timeout-ms N]\n"
    "                     [--floats]]\n"
    "\n"
    "Compiles a sentence (FILE: .etr, or .smt2 for SMT-LIB 2; '-' for standard\n"
    "input) into a Train-F2NN dataset: labelled points in Q^2 -> Q^2 and a number\n"
    "m of hidden neurons such that a 2-input, 1-hidden-ReLU-layer, 2-output network\n"
    "with m neurons fits every point exactly iff the sentence is true.\n"
    "\n"
    "A sentence in ETR-INV shape (every variable in [1/2, 2], a conjunction of\n"
    "x = 1, x + y = z, x * y = 1) is laid out as it is; any other sentence goes\n"
    "through the ETR -> ETR-INV chain first (docs/etr-inv.md).\n"
    "\n"
    "options:\n"
    "  -o, --output FILE       the dataset to write (JSON, docs/dataset-format.md;\n"
    "                          the name must end in .json); written atomically: on\n"
    "                          any error no file is left. '-' writes to standard\n"
    "                          output (the summary then goes to stderr)\n"
    "  --bound-exponent K      the chain's K (general sentences): complete only for\n"
    "                          solutions with every |x_i| <= 2^(2^K), sound always.\n"
    "                          Default: the safe K (complete for every solution), or\n"
    "                          with --witness the smallest K that keeps the witness\n"
    "  --witness FILE          also write the witness network, verified exactly on\n"
    "                          every point first (docs/network-format.md)\n"
    "  --assign FILE           a solution of the sentence for --witness: its variable\n"
    "                          names -> exact values (rational \"p/q\" or algebraic\n"
    "                          {\"root_of\": [...], \"in\": [lo, hi]}). Without it, z3\n"
    "                          looks for one (small sentences)\n"
    "  --timeout-ms N          z3's time limit for that search (default 10000)\n"
    "  --floats                float copies of the witness weights (never read back)\n"
    "  --quiet                 no progress, no timings and no summary\n"
    "  --verbose               timings on stderr even when it is not a terminal\n"
    "  --max-constraints N     refuse a chain of more than N ETR-INV constraints,\n"
    "                          predicted before it is built (default 2000000)\n"
    "  --max-points N          refuse a dataset estimated above N points before the\n"
    "                          layout starts (default 5000000). Limits: docs/limits.md\n"
    "\n"
    "Every compile checks the layout invariants exactly; a violation is a bug in\n"
    "etr2nn and stops the compile before anything is written. With --witness, a\n"
    "sentence that has no solution (or a wrong --assign) writes no file at all.\n";

std::string count(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

void print_reduction(std::ostream& out, const pipeline::Reduction& r) {
  const auto& c = r.chain;
  if (c.passed_through) {
    out << "reduction   none: the sentence is ETR-INV already\n";
    return;
  }
  out << "reduction   ETR -> ETR-INV chain, K = " << c.bound_exponent
      << ", safe K = " << c.safe_bound_exponent << ": " << pipeline::completeness(c) << "\n";
  char line[128];
  for (const auto& p : c.sizes) {
    std::snprintf(line, sizeof line, "  %-28s %8zu variables %8zu constraints\n", p.pass.c_str(),
                  p.variables, p.constraints);
    out << line;
  }
}

int run(const std::vector<std::string>& raw) {
  const Arguments args(raw,
                       {"-o", "--output", "--points-per-line", "--witness", "--assign",
                        "--bound-exponent", "--timeout-ms", "--max-constraints", "--max-points"},
                       {"--quiet", "--verbose", "--floats"});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  if (args.positionals().size() != 1) throw UsageError{"expected exactly one input FILE"};
  const std::string* output = output_option(args);
  if (!output) throw UsageError{"missing -o DATASET.json"};
  const bool quiet = args.flag("--quiet");
  if (quiet && args.flag("--verbose")) throw UsageError{"--quiet and --verbose contradict"};
  const terminal::Verbosity verbosity(quiet, args.flag("--verbose"));
  const std::string& file = args.positionals().front();
  const std::string* witness = args.option("--witness");
  const std::string* assign = args.option("--assign");
  if (assign && !witness) throw UsageError{"--assign is for --witness NETWORK.json"};
  if (args.option("--timeout-ms") && (!witness || assign))
    throw UsageError{"--timeout-ms is for --witness without --assign"};
  // Before any work: every name is right, no output is an input.
  check_output("-o", *output, ".json", "a JSON dataset");
  if (witness) check_output("--witness", *witness, ".json", "a JSON network");
  std::vector<std::string> inputs{file};
  if (assign) inputs.push_back(*assign);
  std::vector<std::string> outputs{*output};
  if (witness) outputs.push_back(*witness);
  check_distinct(inputs, outputs);
  check_formula_input(file);
  if (assign) check_input(*assign);
  // Standard output carries the dataset or the witness: the summary moves aside.
  std::ostream& summary = (*output == "-" || (witness && *witness == "-")) ? std::cerr : std::cout;

  // The option is gone: kept only to explain why another value cannot be had.
  if (args.option("--points-per-line") && args.whole_number("--points-per-line", 3, 0, ~0ul) != 3)
    throw UsageError{"--points-per-line: the hardness proof needs exactly three lanes per gadget"};
  pipeline::CompileRequest request;
  request.input = file;
  request.output = *output;
  if (witness) request.witness = *witness;
  if (args.option("--bound-exponent"))
    request.reduction.bound_exponent =
        static_cast<unsigned>(args.whole_number("--bound-exponent", 0, 0, 1000000));
  request.reduction.max_constraints =
      args.whole_number("--max-constraints", etrinv::default_max_chain_constraints, 1, 1000000000);
  request.max_points =
      args.whole_number("--max-points", pipeline::default_max_points, 1, 1000000000);
  if (assign) request.reduction.solution = network::read_named_values(*assign);
  request.reduction.solve_limit =
      std::chrono::milliseconds(args.whole_number("--timeout-ms", 10000, 1, 1000000000));
  request.float_copies = args.flag("--floats");

  pipeline::CompileObserver observer;
  observer.estimated = [&](const pipeline::PointEstimate& estimate) {
    if (!quiet)
      summary << "estimate    " << estimate.total() << " points at most (" << estimate.gadgets
              << " gadgets)\n";
  };
  // One progress line per stage, made at its first report, when its total is known.
  std::optional<terminal::Progress> progress;
  std::string current;
  observer.progress = [&](const char* stage, std::size_t done, std::size_t total) {
    if (!progress || current != stage) {
      if (progress) progress->finish();
      current = stage;
      progress.emplace(current, total, verbosity);
    }
    progress->update(done);
  };
  const pipeline::CompileResult result = pipeline::compile(request, observer);
  if (progress) progress->finish();
  const pipeline::Reduction& reduction = result.reduction;
  const etrinv::Instance& instance = reduction.chain.instance;
  const dataset::CompileReport& report = result.report;
  const io::TargetKind output_kind = result.output_kind;

  if (!quiet) {
    summary << "compiled " << (file == "-" ? "standard input" : file) << " ("
            << count(instance.variables.size(), "variable") << ", "
            << count(instance.constraints.size(), "constraint") << ") -> "
            << (*output == "-" ? "standard output" : *output)
            << (output_kind == io::TargetKind::Replace ? " (" + human_bytes(report.file_bytes) + ")"
                                                       : "")
            << "\n";
    print_reduction(summary, reduction);
    dataset::print_statistics(summary, report.statistics);
    // compile_instance ran the checks before writing (it throws on a failure).
    summary << "layout      checks N1-N7 pass: a network with " << report.statistics.neurons
            << " hidden neurons fits every point exactly iff the instance is true "
               "(docs/soundness.md)\n";
    if (result.witness)
      summary << "witness     " << result.witness->neurons.size() << " neurons, "
              << (network::is_rational(*result.witness) ? "rational" : "real algebraic")
              << " weights (solution from " << reduction.solution_source
              << "), verified exactly on every point"
              << (result.read_back ? ", and again on both files as written" : "") << " -> "
              << *witness << "\n";
  }
  if (verbosity.timings())
    std::fprintf(stderr,
                 "time: %.3f s (parse+reduce %.3f, layout %.3f, check %.3f, write %.3f, "
                 "read back %.3f)\n",
                 result.front_seconds + report.total_seconds() + result.verify_seconds,
                 result.front_seconds, report.layout_seconds, report.check_seconds,
                 report.write_seconds, result.verify_seconds);
  return 0;
}

const bool registered = register_subcommand(
    {"compile", "compile a sentence into a Train-F2NN dataset (JSON)", usage, run});

}  // namespace
}  // namespace etr2nn::cli
