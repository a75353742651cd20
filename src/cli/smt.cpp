// etr2nn smt DATASET.json -o OUT.smt2: a dataset as an SMT-LIB 2 (QF_NRA)
// benchmark (docs/smt-export.md); with --solve, z3 decides it (tiny ones only).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/dataset.hpp"
#include "io/atomic_file.hpp"
#include "numeric/work_limit.hpp"
#include "smtlib/smtlib.hpp"
#include "solve/solve.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn smt DATASET.json -o OUT.smt2 [--neurons M] [--status sat|unsat] [--quiet]\n"
    "                        [--max-output-mb N]\n"
    "etr2nn smt DATASET.json --solve [--timeout-ms N] [--neurons M] [--status sat|unsat]\n"
    "\n"
    "Writes the dataset's Train-F2NN question (is there a network with M hidden\n"
    "ReLU neurons that fits every point exactly?) as an SMT-LIB 2 QF_NRA script,\n"
    "satisfiable iff such a network exists. Every constant is exact. The encoding\n"
    "and its size: docs/smt-export.md.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE     the script to write (atomically)\n"
    "  --neurons M           hidden neurons (default: the dataset's hidden_neurons; a\n"
    "                        warning says when M differs from it)\n"
    "  --status sat|unsat    record the known answer as (set-info :status ...); only\n"
    "                        when it IS known (e.g. compiled from a sentence of known\n"
    "                        truth); without it no status is written\n"
    "  --solve               decide the script with z3 and print sat, unsat or unknown;\n"
    "                        only tiny datasets are decided, compiled ones give unknown\n"
    "  --timeout-ms N        time limit for --solve (default 10000); z3 runs in a\n"
    "                        child process killed at the limit: unknown (limit)\n"
    "  --max-output-mb N     refuse a script estimated above N MiB before writing\n"
    "                        (default 1024; --solve holds it in memory, same limit)\n"
    "  --quiet               print nothing when writing\n"
    "\n"
    "Limits: docs/limits.md.\n"
    "Exit status: 0 written / decided, 1 bad input or a verdict that contradicts\n"
    "--status, 2 usage error or a refused limit.\n";

std::optional<smtlib::KnownStatus> known_status(const Arguments& args) {
  const std::string* text = args.option("--status");
  if (!text) return std::nullopt;
  if (*text == "sat") return smtlib::KnownStatus::Sat;
  if (*text == "unsat") return smtlib::KnownStatus::Unsat;
  throw UsageError{"--status is sat or unsat, not '" + *text + "'"};
}

int solve(const dataset::Dataset& d, std::size_t neurons, const Arguments& args,
          const std::optional<smtlib::KnownStatus>& status) {
  const std::size_t timeout_ms = args.whole_number("--timeout-ms", 10000, 1, 1000000000);
  const solve::TrainSolveResult r =
      solve::solve_train(d.points, neurons, std::chrono::milliseconds(timeout_ms));
  std::cout << solve::to_string(r.verdict);
  if (!r.reason.empty()) std::cout << " (" << r.reason << ")";
  std::cout << "\n";
  const bool contradicts =
      status && ((r.verdict == solve::Verdict::Sat && *status == smtlib::KnownStatus::Unsat) ||
                 (r.verdict == solve::Verdict::Unsat && *status == smtlib::KnownStatus::Sat));
  if (contradicts)
    std::cerr << "etr2nn smt: z3 says " << solve::to_string(r.verdict) << " but --status is "
              << smtlib::to_string(*status) << "\n";
  return contradicts ? 1 : 0;
}

int run(const std::vector<std::string>& raw) {
  const Arguments args(
      raw, {"-o", "--output", "--neurons", "--status", "--timeout-ms", "--max-output-mb"},
      {"--solve", "--quiet"});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  if (args.positionals().size() != 1) throw UsageError{"expected exactly one DATASET.json"};
  const std::string* output = args.option("--output");
  if (const std::string* o = args.option("-o")) output = o;
  const bool solving = args.flag("--solve");
  if (!output && !solving) throw UsageError{"expected -o OUT.smt2 (or --solve)"};
  if (args.option("--timeout-ms") && !solving) throw UsageError{"--timeout-ms goes with --solve"};
  const auto status = known_status(args);

  const std::string& path = args.positionals().front();
  if (output) {
    check_output("-o", *output, ".smt2", "SMT-LIB 2");
    check_distinct({path}, {*output});
  }
  const dataset::Dataset d = dataset::read_dataset(path);
  const std::size_t neurons = args.whole_number("--neurons", d.hidden_neurons, 0, 1000000000);
  if (neurons != d.hidden_neurons)
    std::cerr << "etr2nn smt: warning: --neurons " << neurons << " differs from the dataset's "
              << d.hidden_neurons
              << " hidden neurons: the script asks about a different question than the dataset "
                 "(its known answer, if any, need not carry over)\n";

  // Before a byte is written: the output grows with points x neurons.
  const std::uintmax_t max_mb = args.whole_number("--max-output-mb", 1024, 1, 1000000);
  const std::uintmax_t estimate = smtlib::estimated_smtlib_bytes(d.points, neurons);
  if (estimate > max_mb * 1024 * 1024)
    throw Diagnostic(errors::limit,
                     "the script for " + std::to_string(d.points.size()) + " points and " +
                         std::to_string(neurons) + " neurons is estimated at " +
                         std::to_string(estimate >> 20) + " MiB, above the limit of " +
                         std::to_string(max_mb) + " MiB (--max-output-mb; docs/limits.md)");
  if (output && !args.flag("--quiet"))
    (*output == "-" ? std::cerr : std::cout)
        << "estimate: about " << (estimate + 1023) / 1024 << " KiB for " << d.points.size()
        << " points and " << neurons << " neurons\n";

  if (output) {
    io::AtomicFile file(*output);
    const smtlib::TrainSmtlibOptions options{
        neurons, std::filesystem::path(path).filename().string(), status};
    const smtlib::TrainEncodingSize size =
        smtlib::write_train_smtlib(file.stream(), d.points, options);
    file.commit();
    std::error_code no_size;  // standard output, a FIFO, a device
    const bool sized = std::filesystem::is_regular_file(*output, no_size);
    if (!args.flag("--quiet"))
      (*output == "-" ? std::cerr : std::cout)
          << *output << ": QF_NRA, " << d.points.size() << " points, " << neurons << " neurons, "
          << size.variables << " variables, " << size.assertions << " assertions"
          << (sized ? ", " + std::to_string(std::filesystem::file_size(*output)) + " bytes" : "")
          << "\n";
  }
  return solving ? solve(d, neurons, args, status) : 0;
}

const bool registered = register_subcommand(
    {"smt", "write a dataset as an SMT-LIB 2 (QF_NRA) benchmark, or decide it with z3", usage,
     run});

}  // namespace
}  // namespace etr2nn::cli
