// etr2nn: thin dispatch over the subcommands registered in src/cli/.
#include <iostream>

#include "cli/subcommand.hpp"
#include "etr/diagnostic.hpp"
#include "numeric/work_limit.hpp"

namespace {

void print_overview(std::ostream& out) {
  out << "etr2nn: compiles sentences of the existential theory of the reals into\n"
         "training datasets for 2-input, 2-output one-hidden-layer ReLU networks that\n"
         "have a zero-error network exactly when the sentence is true.\n\n"
         "usage: etr2nn COMMAND [ARGS...]     (etr2nn COMMAND --help for details)\n\n"
         "commands:\n";
  for (const auto& s : etr2nn::cli::subcommands())
    out << "  " << s.name << std::string(s.name.size() < 12 ? 12 - s.name.size() : 1, ' ')
        << s.summary << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace etr2nn;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_overview(std::cerr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_overview(std::cout);
    return 0;
  }
  for (const auto& s : cli::subcommands()) {
    if (s.name != args[0]) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
      return s.run(rest);
    } catch (const cli::UsageError& e) {
      std::cerr << "etr2nn " << s.name << ": " << e.message << "\n"
                << "usage: " << s.usage.substr(0, s.usage.find('\n')) << "\n"
                << "(etr2nn " << s.name << " --help for details)\n";
      return 2;
    } catch (const numeric::LimitError& e) {
      // Refused before the work: a documented limit (exit 2, like usage).
      std::cerr << "etr2nn " << s.name << ": refused: " << e.what() << "\n";
      return 2;
    } catch (const etr::Diagnostic& d) {
      std::cerr << d.render() << "\n";
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "etr2nn " << s.name << ": error: " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "etr2nn: unknown command '" << args[0] << "'\n\n";
  print_overview(std::cerr);
  return 2;
}
