// etr2nn verify DATASET.json NETWORK.json: exact zero-error check.
//
// Runs on src/check, the independent checker: nothing from layout, gadgets,
// dataset emission or network/ decides the verdict, and the dataset's meta is
// not read at all (docs/check.md).
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>

#include "check/check.hpp"
#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "numeric/work_limit.hpp"
#include "terminal/progress.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn verify DATASET.json NETWORK.json [--max-reported N] [--quiet | --verbose]\n"
    "\n"
    "Evaluates the network exactly (rational or real algebraic arithmetic, no\n"
    "floating point, no tolerance) at every point of the dataset and compares\n"
    "with the labels. Prints \"verified: N points, error 0\" and exits 0 when\n"
    "every point is fitted and the network has at most the dataset's\n"
    "hidden_neurons neurons; otherwise prints the first failing points (up to\n"
    "N, default 10) with their exact residuals f(x) - y and exits 1.\n"
    "\n"
    "  --max-reported N  how many failing points to print (default 10)\n"
    "  --quiet           no progress and no timings on stderr\n"
    "  --verbose         the timing line on stderr even when it is not a terminal\n"
    "                    (by default progress and timings show on a terminal only)\n"
    "  --max-degree D    refuse a root_of polynomial of degree above D (default 512;\n"
    "                    docs/limits.md): exit 2\n"
    "\n"
    "Formats: docs/dataset-format.md, docs/network-format.md.\n";

int run(const std::vector<std::string>& args) {
  Arguments arguments(args, {"--max-reported", "--max-degree"}, {"--quiet", "--verbose"});
  if (arguments.help()) {
    std::cout << usage;
    return 0;
  }
  if (arguments.positionals().size() != 2)
    throw UsageError{"expected DATASET.json and NETWORK.json"};
  const std::size_t max_reported = arguments.whole_number("--max-reported", 10, 0, 1000000000);
  const bool quiet = arguments.flag("--quiet");
  if (quiet && arguments.flag("--verbose")) throw UsageError{"--quiet and --verbose contradict"};
  const terminal::Verbosity verbosity(quiet, arguments.flag("--verbose"));
  const std::string& dataset_path = arguments.positionals()[0];
  const std::string& network_path = arguments.positionals()[1];
  check_dataset_and_network(dataset_path, network_path);
  numeric::set_max_degree(
      arguments.whole_number("--max-degree", numeric::default_max_degree, 1, 1000000));
  // Wall and CPU time: on a shared machine the CPU time is the honest figure.
  const auto started = std::chrono::steady_clock::now();
  const std::clock_t cpu_started = std::clock();
  const check::AnyNetwork net = check::read_network_lean(network_path);
  const auto loaded = std::chrono::steady_clock::now();
  const std::clock_t cpu_loaded = std::clock();
  // The dataset is streamed: its points are checked as they are read, so the
  // second figure covers reading them too, and the total is not known ahead.
  terminal::Progress progress("verify", 0, verbosity);
  const check::Report report =
      check::verify_file(dataset_path, net, check::Options{max_reported, &progress});
  const auto done = std::chrono::steady_clock::now();
  const std::clock_t cpu_done = std::clock();
  check::print_report(std::cout, report);
  if (verbosity.timings()) {
    using seconds = std::chrono::duration<double>;
    auto cpu = [](std::clock_t a, std::clock_t b) { return double(b - a) / CLOCKS_PER_SEC; };
    std::cerr << std::fixed << std::setprecision(3) << "time: read network "
              << seconds(loaded - started).count() << " s (cpu " << cpu(cpu_started, cpu_loaded)
              << " s), read and evaluate points " << seconds(done - loaded).count() << " s (cpu "
              << cpu(cpu_loaded, cpu_done) << " s)\n";
  }
  return report.ok() ? 0 : 1;
}

const bool registered = register_subcommand(
    {"verify", "check exactly that a network fits a dataset with zero error", usage, run});

}  // namespace
}  // namespace etr2nn::cli
