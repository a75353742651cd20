// etr2nn normalize FILE -o OUT.etr [--bound-exponent K] [--witness-mode]:
// the ETR -> ETR-INV chain, written atomically as .etr, with a size report
// per pass (docs/etr-inv.md, "Sizes").
#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "etrinv/etrinv.hpp"
#include "pipeline/pipeline.hpp"

namespace etr2nn::cli {
namespace {

const char* kUsage =
    "etr2nn normalize FILE -o OUT.etr [--bound-exponent K] [--witness-mode] [--timeout-ms N]\n"
    "\n"
    "Reduces the sentence in FILE (.etr or .smt2) to an ETR-INV instance: variables\n"
    "in [1/2, 2] and constraints x = 1, x + y = z, x * y = 1 (docs/etr-inv.md),\n"
    "and writes it to OUT.etr ('-': standard output). A size report per pass goes\n"
    "to standard output (to stderr when the instance does).\n"
    "Input that is ETR-INV already is passed through unchanged.\n"
    "\n"
    "  --bound-exponent K  the scale eps = 2^(-2^(K+1)); default: the safe K of\n"
    "                      docs/etr-inv.md, Step B, complete for every input. A smaller\n"
    "                      K is still sound, but complete only for solutions with\n"
    "                      every |x_i| <= 2^(2^K) (the report says so).\n"
    "  --witness-mode      find a solution with z3 first and use the smallest K that\n"
    "                      keeps it (K_w); the solution is mapped forward and the\n"
    "                      ETR-INV witness verified exactly. Fails when z3 finds none.\n"
    "  --timeout-ms N      z3's time limit in witness mode (default 10000)\n"
    "\n"
    "Exit status: 0 written, 1 error (input, witness mode without a solution), 2 usage.\n";

void report(std::ostream& out, const etrinv::ChainResult& r) {
  out << std::left << std::setw(34) << "pass" << std::right << std::setw(12) << "variables"
      << std::setw(13) << "constraints"
      << "\n";
  for (const auto& s : r.sizes)
    out << std::left << std::setw(34) << s.pass << std::right << std::setw(12) << s.variables
        << std::setw(13) << s.constraints << "\n";
  if (r.passed_through) {
    out << "input is ETR-INV already: passed through unchanged\n";
    return;
  }
  const auto& a = r.ami;
  std::size_t K = r.bound_exponent;
  std::size_t m = 6 + 13 * K + 2 * a.one + 4 * a.add + 80 * a.mul;
  std::size_t n = 6 + 13 * K + a.variables + a.one + 3 * a.add + 79 * a.mul;
  out << "ETR-AMI: n_A = " << a.variables << ", m1 = " << a.one << ", m+ = " << a.add
      << ", mx = " << a.mul << "\n"
      << "size formula: 6 + 13*" << K << " + 2*" << a.one << " + 4*" << a.add << " + 80*" << a.mul
      << " = " << m << " constraints, 6 + 13*" << K << " + " << a.variables << " + " << a.one
      << " + 3*" << a.add << " + 79*" << a.mul << " = " << n << " variables"
      << (m == r.instance.constraints.size() && n == r.instance.variables.size() ? " (match)"
                                                                                 : " (MISMATCH)")
      << "\n"
      << "K = " << K << " (safe K = " << r.safe_bound_exponent << "): " << pipeline::completeness(r)
      << "\n";
}

int run(const std::vector<std::string>& args) {
  Arguments a(args, {"-o", "--output", "--bound-exponent", "--timeout-ms"}, {"--witness-mode"});
  if (a.help()) {
    std::cout << kUsage;
    return 0;
  }
  if (a.positionals().size() != 1) throw UsageError{"expected exactly one FILE"};
  const std::string* output = output_option(a);
  if (!output) throw UsageError{"missing -o OUT.etr"};
  check_output("-o", *output, ".etr", "an ETR-INV instance in .etr form");
  check_distinct({a.positionals()[0]}, {*output});
  check_formula_input(a.positionals()[0]);
  pipeline::NormalizeRequest request;
  request.input = a.positionals()[0];
  request.output = *output;
  if (a.option("--bound-exponent"))
    request.bound_exponent =
        static_cast<unsigned>(a.whole_number("--bound-exponent", 0, 0, 1000000));
  request.witness_mode = a.flag("--witness-mode");
  request.solve_limit =
      std::chrono::milliseconds(a.whole_number("--timeout-ms", 10000, 1, 1000000000));
  if (a.option("--timeout-ms") && !request.witness_mode)
    throw UsageError{"--timeout-ms is for --witness-mode"};
  const pipeline::Reduction reduction = pipeline::normalize(request);
  const etrinv::ChainResult& r = reduction.chain;
  // Standard output carries the instance: the report moves aside.
  std::ostream& summary = *output == "-" ? std::cerr : std::cout;
  report(summary, r);
  if (reduction.assignment)
    summary << "witness: z3's model mapped forward; all " << r.instance.constraints.size()
            << " constraints and " << reduction.assignment->size() << " ranges hold exactly\n";
  summary << "wrote " << (*output == "-" ? "standard output" : *output) << "\n";
  return 0;
}

const bool registered = register_subcommand(
    {"normalize", "reduce a sentence to an ETR-INV instance (.etr)", kUsage, run});

}  // namespace
}  // namespace etr2nn::cli
