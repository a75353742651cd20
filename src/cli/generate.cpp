// etr2nn generate --family NAME --size N --seed S -o FILE.etr [--assign-out A.json]:
// one benchmark formula whose answer is known by construction (src/generate).

#include "generate/generate.hpp"

#include <iostream>
#include <optional>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "io/atomic_file.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn generate --family NAME --size N --seed S -o FILE.etr [--assign-out A.json]\n"
    "\n"
    "Writes a formula whose answer is known by construction. The same family, size\n"
    "and seed give the same bytes on every platform. The file starts with a comment\n"
    "block: family, size, seed, the expected answer and why it is known (the planted\n"
    "solution, or the proof that there is none). docs/benchmarks.md has the details.\n"
    "\n"
    "families:\n"
    "  planted            true: ETR-INV around a random rational point in [1/2, 2]\n"
    "  planted-algebraic  true: ETR-INV whose solutions are all irrational (sqrt(2)\n"
    "                     or sqrt(3)); size >= 3\n"
    "  unsat-hidden       false: a planted instance plus x*y = 1, x+y = z, z = 1 with\n"
    "                     each variable reached through ceil(N/10) copy steps\n"
    "  general-true       true: polynomial constraints of degree 2-4 in 2-4 variables\n"
    "                     around a planted rational point\n"
    "  general-false      false: the same plus (sum of squares + c = 0), expanded\n"
    "\n"
    "options:\n"
    "  --family NAME       one of the families above\n"
    "  --size N            the number of constraints (for unsat-hidden: of the planted\n"
    "                      part; the contradiction adds 3 + 6*ceil(N/10))\n"
    "  --seed S            any whole number in [0, 2^64)\n"
    "  -o, --output FILE   the formula (.etr); '-' for standard output\n"
    "  --assign-out FILE   the planted solution as an assignment file (JSON, the\n"
    "                      format of compile --assign); true families only\n"
    "\n"
    "Both files are written atomically: on any error no file is left.\n";

std::string family_list() {
  std::string s;
  for (const auto& f : generate::families()) s += (s.empty() ? "" : ", ") + f;
  return s;
}

int run(const std::vector<std::string>& raw) {
  const Arguments args(raw, {"--family", "--size", "--seed", "-o", "--output", "--assign-out"}, {});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  if (!args.positionals().empty())
    throw UsageError{"unexpected argument '" + args.positionals().front() + "'"};
  const std::string* family = args.option("--family");
  if (!family) throw UsageError{"missing --family NAME (one of " + family_list() + ")"};
  bool known = false;
  for (const auto& f : generate::families()) known = known || f == *family;
  if (!known) throw UsageError{"unknown family '" + *family + "' (one of " + family_list() + ")"};
  if (!args.option("--size")) throw UsageError{"missing --size N"};
  if (!args.option("--seed")) throw UsageError{"missing --seed S"};
  const auto size = args.whole_number("--size", 0, generate::minimum_size(*family), 100000000);
  const auto seed = args.whole_number("--seed", 0, 0, ~0ul);
  const std::string* output = output_option(args);
  if (!output) throw UsageError{"missing -o FILE.etr"};
  check_output("-o", *output, ".etr", "an .etr formula");
  const std::string* assign = args.option("--assign-out");
  std::vector<std::string> outputs{*output};
  if (assign) {
    check_output("--assign-out", *assign, ".json", "a JSON assignment");
    outputs.push_back(*assign);
  }
  check_distinct({}, outputs);

  const generate::Generated g = generate::generate(*family, size, seed);
  if (assign && !g.expected)
    throw UsageError{"--assign-out: family " + *family + " is false, it has no solution"};
  // Both written, then both committed: an error leaves neither.
  io::AtomicFile formula(*output);
  formula.stream() << g.text;
  std::optional<io::AtomicFile> assignment;
  if (assign) {
    assignment.emplace(*assign);
    assignment->stream() << generate::solution_json(g).dump(2) << "\n";
    assignment->flush();
  }
  formula.flush();
  formula.commit();
  if (assignment) assignment->commit();
  return 0;
}

const bool registered = register_subcommand(
    {"generate", "write a benchmark formula whose answer is known (planted, unsat-hidden, ...)",
     usage, run});

}  // namespace
}  // namespace etr2nn::cli
