// Subcommands of the etr2nn tool register themselves here; main() dispatches.
//
// A subcommand is a page of argument handling over the libraries: it parses
// its arguments, calls library code, prints, and returns the exit status
// (0 success, 1 failure of the input or the claim, 2 usage error).
// Library Diagnostics are caught and printed by main(), exit 1.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace etr2nn::cli {

struct Subcommand {
  std::string name;
  std::string summary;  // one line, for `etr2nn --help`
  std::string usage;    // full help text, for `etr2nn NAME --help`
  std::function<int(const std::vector<std::string>& args)> run;
};

// Registers at static-initialisation time; returns true so it can initialise a
// namespace-scope bool:  static const bool registered = register_subcommand({...});
bool register_subcommand(Subcommand subcommand);
const std::vector<Subcommand>& subcommands();

// Thrown by argument handling for a usage error (exit 2, message + usage hint).
struct UsageError {
  std::string message;
};

// Simple argument scanner shared by all subcommands:
// flags "--name", options "--name VALUE" or "--name=VALUE", positionals.
// An unknown option is a UsageError that suggests the nearest known one
// ("unknown option --witnes (did you mean --witness?)").
class Arguments {
 public:
  // value_options: names (with "--") that take a value; flags: names that don't.
  Arguments(const std::vector<std::string>& args, const std::vector<std::string>& value_options,
            const std::vector<std::string>& flags);
  bool flag(const std::string& name) const;
  const std::string* option(const std::string& name) const;  // nullptr if absent
  // A whole-number option in [min, max]: `fallback` when absent, a UsageError
  // naming the option and the range when malformed or out of range.
  unsigned long whole_number(const std::string& name, unsigned long fallback, unsigned long min,
                             unsigned long max) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  // Every (name, value) given, in order.
  const std::vector<std::pair<std::string, std::string>>& options() const { return options_; }
  bool help() const { return help_; }

 private:
  std::vector<std::pair<std::string, std::string>> options_;
  std::vector<std::string> flags_;
  std::vector<std::string> positionals_;
  bool help_ = false;
};

}  // namespace etr2nn::cli
