// etr2nn solve FILE [--timeout-ms N]: decides a small sentence with z3 and
// prints sat / unsat / unknown, and for sat an exact model, checked exactly
// against the sentence before it is printed.
#include "solve/solve.hpp"

#include <chrono>
#include <iostream>

#include "cli/subcommand.hpp"
#include "etr/etr.hpp"
#include "numeric/rational.hpp"
#include "numeric/real.hpp"
#include "numeric/work_limit.hpp"

namespace etr2nn::cli {
namespace {

const char* kUsage =
    "etr2nn solve FILE [--timeout-ms N] [--max-degree D]\n"
    "\n"
    "Decides the sentence in FILE (.etr or .smt2; - for standard input) with z3's\n"
    "nlsat procedure and prints sat, unsat or unknown on the first line. For sat,\n"
    "one line per variable follows with its exact value: a rational p/q, or a real\n"
    "algebraic number given by an integer polynomial and an isolating interval\n"
    "with rational ends (the only root of the polynomial inside it). The model is\n"
    "checked exactly against the sentence before it is printed.\n"
    "\n"
    "  --timeout-ms N   give up after N milliseconds (default 10000): unknown. z3 runs\n"
    "                   in a child process that is killed at the limit, so the\n"
    "                   answer comes within N ms plus reading the model back\n"
    "  --max-degree D   refuse a sentence of total degree above D before z3 starts\n"
    "                   (default 512; also the largest root_of degree read back)\n"
    "\n"
    "Limits: docs/limits.md.\n"
    "Exit status: 0 sat or unsat, 1 unknown or an error in the input, 2 usage or a\n"
    "refused limit.\n";

std::string polynomial(const std::vector<mpz_class>& c) {
  std::string s;
  for (std::size_t i = c.size(); i-- > 0;) {
    if (c[i] == 0) continue;
    mpz_class a = abs(c[i]);
    s += s.empty() ? (c[i] < 0 ? "-" : "") : (c[i] < 0 ? " - " : " + ");
    if (a != 1 || i == 0) s += a.get_str() + (i ? "*" : "");
    if (i) s += i == 1 ? "x" : "x^" + std::to_string(i);
  }
  return s.empty() ? "0" : s;
}

std::string value_text(const numeric::Real& v) {
  if (v.is_rational()) return numeric::to_string(v.rational());
  auto form = v.algebraic_form(64);
  return "root of " + polynomial(form.coefficients) + " in (" + numeric::to_string(form.lower) +
         ", " + numeric::to_string(form.upper) + ")  ~ " + std::to_string(v.to_double());
}

int run(const std::vector<std::string>& args) {
  Arguments a(args, {"--timeout-ms", "--max-degree"}, {});
  if (a.help()) {
    std::cout << kUsage;
    return 0;
  }
  if (a.positionals().size() != 1) throw UsageError{"expected exactly one FILE"};
  const unsigned long timeout = a.whole_number("--timeout-ms", 10000, 1, 1000000000);
  const std::size_t max_degree =
      a.whole_number("--max-degree", numeric::default_max_degree, 1, 1000000);
  numeric::set_max_degree(max_degree);
  etr::Sentence sentence = etr::parse_file(a.positionals()[0]);
  if (const std::size_t degree = solve::sentence_degree(sentence); degree > max_degree)
    throw Diagnostic(errors::limit, "the sentence has degree up to " + std::to_string(degree) +
                                        ", above the limit " + std::to_string(max_degree) +
                                        " (--max-degree; docs/limits.md)");
  auto result = solve::solve(sentence, std::chrono::milliseconds(timeout));
  std::cout << solve::to_string(result.verdict) << "\n";
  if (result.verdict == solve::Verdict::Unknown) {
    if (result.reason == "limit")
      std::cerr << "etr2nn solve: stopped at the time limit of " << timeout
                << " ms (--timeout-ms)\n";
    else
      std::cerr << "etr2nn solve: z3 gave up: "
                << (result.reason.empty() ? "no reason given" : result.reason) << "\n";
    return 1;
  }
  if (result.verdict == solve::Verdict::Unsat) return 0;
  for (const auto& b : sentence.variables)  // declaration order
    std::cout << b.name << " = " << value_text(result.model.at(b.name)) << "\n";
  return 0;
}

const bool registered = register_subcommand(
    {"solve", "decide a small sentence with z3 and print an exact model", kUsage, run});

}  // namespace
}  // namespace etr2nn::cli
