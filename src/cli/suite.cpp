// etr2nn suite --out DIR --families a,b --sizes 10,100 --seeds 3 [--quiet]:
// a directory of benchmark instances with a manifest (src/suite); and
// etr2nn suite --check DIR: re-verify one.

#include "suite/suite.hpp"

#include <cstdio>
#include <iostream>

#include "cli/subcommand.hpp"
#include "generate/generate.hpp"
#include "terminal/progress.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn suite --out DIR --families NAME,... --sizes N,... --seeds S [--max-points N]\n"
    "                   [--quiet]\n"
    "       etr2nn suite --check DIR [--quiet]\n"
    "\n"
    "Writes a benchmark suite into DIR: for every family, size and seed 1..S the\n"
    "formula (etr2nn generate), the dataset (etr2nn compile), and for true instances\n"
    "the planted solution and the witness network, verified exactly on every point\n"
    "and read back before it is listed; then DIR/manifest.json and manifest.csv with\n"
    "each instance's expected answer, how it is known, sizes, file names, SHA-256\n"
    "hashes and timings (docs/benchmarks.md). Running it again with the same\n"
    "arguments writes the same bytes, except the timings.\n"
    "\n"
    "options:\n"
    "  --out DIR           the suite's directory (created when absent)\n"
    "  --families A,B      families of etr2nn generate (etr2nn generate --help)\n"
    "  --sizes N,M         sizes (constraints) of every family\n"
    "  --seeds S           seeds 1..S of every family and size\n"
    "  --max-points N      refuse (and stop) at an instance whose dataset is estimated\n"
    "                      above N points (default 5000000, as compile; docs/limits.md)\n"
    "  --check DIR         re-hash every file the manifest lists, verify every witness\n"
    "                      exactly against its dataset and every solution against its\n"
    "                      formula; exit 1 naming every mismatch\n"
    "  --quiet             no progress bar and no per-instance lines\n";

std::vector<std::string> split(const std::string& list, const char* option) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto comma = list.find(',', start);
    out.push_back(list.substr(start, comma - start));
    if (out.back().empty())
      throw UsageError{std::string(option) + ": an empty item in '" + list + "'"};
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

std::string family_list() {
  std::string s;
  for (const auto& f : generate::families()) s += (s.empty() ? "" : ", ") + f;
  return s;
}

int check(const std::string& directory, bool quiet) {
  const terminal::Verbosity verbosity(quiet, false);
  terminal::Progress progress("checking", 0, verbosity);
  const auto mismatches =
      suite::check_suite(directory, [&](std::size_t done, std::size_t) { progress.update(done); });
  progress.finish();
  for (const auto& m : mismatches) std::cerr << "etr2nn suite: mismatch: " << m << "\n";
  if (!mismatches.empty()) {
    std::cerr << "etr2nn suite: " << directory << ": " << mismatches.size() << " mismatch"
              << (mismatches.size() == 1 ? "" : "es") << "\n";
    return 1;
  }
  if (!quiet) std::cout << directory << ": every file, witness and solution checks\n";
  return 0;
}

int run(const std::vector<std::string>& raw) {
  const Arguments args(
      raw, {"--out", "--families", "--sizes", "--seeds", "--check", "--max-points"}, {"--quiet"});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  if (!args.positionals().empty())
    throw UsageError{"unexpected argument '" + args.positionals().front() + "'"};
  const bool quiet = args.flag("--quiet");
  if (const std::string* directory = args.option("--check")) {
    if (args.option("--out") || args.option("--families") || args.option("--sizes") ||
        args.option("--seeds") || args.option("--max-points"))
      throw UsageError{"--check DIR takes no other option but --quiet"};
    return check(*directory, quiet);
  }
  const std::string* out = args.option("--out");
  if (!out) throw UsageError{"missing --out DIR (or --check DIR)"};
  if (out->empty()) throw UsageError{"--out: an empty directory name"};
  const std::string* families = args.option("--families");
  if (!families) throw UsageError{"missing --families NAME,... (of " + family_list() + ")"};
  const std::string* sizes = args.option("--sizes");
  if (!sizes) throw UsageError{"missing --sizes N,..."};
  if (!args.option("--seeds")) throw UsageError{"missing --seeds S"};

  suite::Request request;
  request.directory = *out;
  request.seeds = args.whole_number("--seeds", 1, 1, 1000000);
  request.max_points =
      args.whole_number("--max-points", pipeline::default_max_points, 1, 1000000000);
  for (const auto& family : split(*families, "--families")) {
    bool known = false;
    for (const auto& f : generate::families()) known = known || f == family;
    if (!known) throw UsageError{"unknown family '" + family + "' (one of " + family_list() + ")"};
    request.families.push_back(family);
  }
  for (const auto& size : split(*sizes, "--sizes")) {
    const Arguments one({"--size", size}, {"--size"}, {});
    request.sizes.push_back(one.whole_number("--size", 0, 1, 100000000));
  }
  for (const auto& family : request.families)
    for (auto size : request.sizes)
      if (size < generate::minimum_size(family))
        throw UsageError{"--sizes: family " + family + " needs sizes of at least " +
                         std::to_string(generate::minimum_size(family))};

  const terminal::Verbosity verbosity(quiet, false);
  terminal::Progress progress(
      "suite", request.families.size() * request.sizes.size() * request.seeds, verbosity);
  suite::make_suite(request, [&](const suite::Entry& e, std::size_t done, std::size_t) {
    progress.update(done);
    if (quiet) return;
    char line[256];
    std::snprintf(line, sizeof line,
                  "%-32s %-5s %8zu constraints %9zu points %7zu neurons  compile %.2f s",
                  e.id.c_str(), e.expected ? "true" : "false", e.constraints, e.points, e.neurons,
                  e.compile_seconds);
    std::cout << line;
    if (e.witness_seconds) {
      std::snprintf(line, sizeof line, "  witness %.2f s  verify %.2f s", *e.witness_seconds,
                    *e.verify_seconds);
      std::cout << line;
    }
    std::cout << std::endl;
  });
  progress.finish();
  if (!quiet) std::cout << "wrote " << *out << "/manifest.json and manifest.csv\n";
  return 0;
}

const bool registered = register_subcommand(
    {"suite", "write a benchmark suite with a manifest, or --check one", usage, run});

}  // namespace
}  // namespace etr2nn::cli
