// etr2nn check FILE: parse a sentence, print it in canonical form and a summary.
#include <iostream>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"

namespace etr2nn::cli {
namespace {

const char* const usage =
    "etr2nn check FILE\n"
    "\n"
    "Parses FILE (an .etr sentence, or SMT-LIB 2 if the name ends in .smt2; '-'\n"
    "reads standard input, as SMT-LIB if it starts with '(') and prints the\n"
    "sentence in canonical .etr form, followed by a summary: the number of\n"
    "variables and atoms, the largest degree of a polynomial, and whether the\n"
    "sentence is already an ETR-INV instance.\n"
    "\n"
    "Exit status: 0 when the input is a valid sentence; 1 on a syntax or\n"
    "semantic error (printed as file:line:column with the source line and a\n"
    "caret); 2 on a usage error.\n"
    "\n"
    "Options:\n"
    "  -h, --help   show this help\n";

int run(const std::vector<std::string>& args) {
  Arguments arguments(args, {}, {});
  if (arguments.help()) {
    std::cout << usage;
    return 0;
  }
  if (arguments.positionals().size() != 1)
    throw UsageError{arguments.positionals().empty() ? "missing FILE"
                                                     : "expected exactly one FILE"};
  check_formula_input(arguments.positionals()[0]);
  etr::Sentence sentence = etr::parse_file(arguments.positionals()[0]);
  etr::Summary summary = etr::summarize(sentence);
  auto inv = etrinv::as_etr_inv(sentence);
  std::cout << etr::print(sentence) << "\n"
            << "variables:  " << summary.variables << "\n"
            << "atoms:      " << summary.atoms << "\n"
            << "max degree: " << summary.max_degree << "\n"
            << "ETR-INV:    "
            << (inv ? "yes (" + std::to_string(inv->constraints.size()) + " constraints)" : "no")
            << "\n";
  return 0;
}

const bool registered =
    register_subcommand({"check", "parse a sentence and print it in canonical form", usage, run});

}  // namespace
}  // namespace etr2nn::cli
