// etr2nn certify: proves every local claim of the gadget library (docs/gadgets.md).
#include "certify/certify.hpp"

#include <filesystem>
#include <iostream>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "diagnostic/diagnostic.hpp"
#include "io/atomic_file.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn certify [--json FILE] [--timeout-ms N] [--dump-smt2 DIR]\n"
    "\n"
    "Proves with z3 every local claim the reduction relies on: that the breakpoint\n"
    "budgets are tight, that every fit of a gadget's data within its budget IS the\n"
    "gadget's profile (rigidity), that a slope change identifies its slot and\n"
    "parameter, that each profile vanishes outside (0, 19), what every fit reads on\n"
    "the measuring lines, that each constraint point's label holds iff its equation\n"
    "holds, and that the witness profiles fit for every X in [1/2, 2]. One line per\n"
    "claim: result, combinatorial types checked, solver queries, time.\n"
    "\n"
    "  --json FILE       also write the certificate as JSON (atomically)\n"
    "  --timeout-ms N    per nonlinear z3 query (default 30000); a timeout fails the claim\n"
    "  --dump-smt2 DIR   also write every query z3 answers unsat as DIR/<claim>-<n>.smt2\n"
    "                    (SMT-LIB 2), so that another solver can re-check the proofs;\n"
    "                    DIR is created if missing\n"
    "\n"
    "Exit status: 0 all proved, 1 some claim refuted or unknown, 2 usage error.\n";

int run(const std::vector<std::string>& args) {
  Arguments a(args, {"--json", "--timeout-ms", "--dump-smt2"}, {});
  if (const auto* file = a.option("--json")) check_output("--json", *file, ".json", "JSON");
  if (a.help()) {
    std::cout << usage;
    return 0;
  }
  if (!a.positionals().empty()) throw UsageError{"certify takes no positional arguments"};
  certify::CertifyOptions options;
  options.nonlinear_timeout_ms = static_cast<unsigned>(
      a.whole_number("--timeout-ms", options.nonlinear_timeout_ms, 1, 1000000000));
  if (const auto* dir = a.option("--dump-smt2")) {
    if (dir->empty()) throw UsageError{"--dump-smt2 needs a directory"};
    std::error_code error;
    std::filesystem::create_directories(*dir, error);
    if (!std::filesystem::is_directory(*dir))
      throw Diagnostic(errors::file_unwritable, SourceLocation{*dir},
                       "cannot create the directory for --dump-smt2" +
                           (error ? ": " + error.message() : std::string()));
    options.dump_smt2_directory = *dir;
  }
  auto results = certify::certify_all(options, [](const certify::ClaimResult& r) {
    std::cout << certify::format_result(r) << std::endl;
  });
  std::size_t proved = 0, types = 0, dumped = 0;
  double seconds = 0;
  for (const auto& r : results) {
    proved += r.proved();
    types += r.types;
    seconds += r.seconds;
    dumped += r.queries_dumped;
  }
  std::cout << proved << " of " << results.size() << " claims proved; " << types
            << " combinatorial types; " << seconds << " s\n";
  if (!options.dump_smt2_directory.empty())
    std::cout << "wrote " << dumped << " unsat queries to " << options.dump_smt2_directory
              << " (re-check: z3 FILE, expect unsat)\n";
  if (const auto* file = a.option("--json"))
    io::write_file_atomically(*file, certify::to_json(results).dump(2) + "\n");
  return proved == results.size() ? 0 : 1;
}

const bool registered =
    register_subcommand({"certify", "prove the gadget library's local claims with z3", usage, run});

}  // namespace
}  // namespace etr2nn::cli
