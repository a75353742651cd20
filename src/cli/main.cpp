// etr2nn: thin dispatch over the subcommands registered in src/cli/.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <stdexcept>
#include <system_error>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "diagnostic/diagnostic.hpp"
#include "numeric/work_limit.hpp"

#ifndef ETR2NN_VERSION
#error "ETR2NN_VERSION (CMake's project version) must be defined"
#endif

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

// Every error in one shape (diagnostic/diagnostic.hpp): "WHERE: error:
// MESSAGE [id]", WHERE being the file (and position) or, for an error about
// no file, the command.
void print_error(const etr2nn::cli::Subcommand& s, const std::string& rendered) {
  std::cerr << (rendered.rfind("error: ", 0) == 0 ? "etr2nn " + s.name + ": " : "") << rendered
            << "\n";
}

int run_subcommand(const etr2nn::cli::Subcommand& s, const std::vector<std::string>& args) {
  using namespace etr2nn;
  try {
    return s.run(args);
  } catch (const cli::UsageError& e) {
    print_error(s, Diagnostic(errors::usage, e.message).render());
    std::cerr << "usage: " << s.usage.substr(0, s.usage.find('\n')) << "\n"
              << "(etr2nn " << s.name << " --help for details)\n";
    return 2;
  } catch (const Diagnostic& d) {
    print_error(s, d.render());
    // A limit is refused before the work: the fix is an option or a smaller
    // input, as with a usage error (exit 2).
    return &d.kind() == &errors::limit ? 2 : 1;
  } catch (const std::logic_error& e) {
    print_error(s,
                Diagnostic(errors::internal, std::string("internal error: ") + e.what()).render());
    std::cerr << "note: this is a bug in etr2nn; please report it with the command and its input\n";
    return 1;
  } catch (const std::system_error& e) {
    print_error(s, Diagnostic(errors::system, e.what()).render());
    return 1;
  } catch (const std::bad_alloc&) {
    print_error(s, Diagnostic(errors::system, "out of memory").render());
    return 1;
  } catch (const std::exception& e) {
    print_error(s,
                Diagnostic(errors::internal,
                           std::string("internal error (an unclassified exception): ") + e.what())
                    .render());
    return 1;
  }
}

int dispatch(const std::vector<std::string>& args) {
  using namespace etr2nn;
  if (args.empty()) {
    print_overview(std::cerr);
    return 2;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "etr2nn " << ETR2NN_VERSION << "\n";
    return 0;
  }
  const bool help = args[0] == "--help" || args[0] == "-h" || args[0] == "help";
  // `etr2nn help COMMAND` is `etr2nn COMMAND --help`.
  const std::string& name = help && args.size() > 1 ? args[1] : args[0];
  if (help && args.size() == 1) {
    print_overview(std::cout);
    return 0;
  }
  for (const auto& s : cli::subcommands()) {
    if (s.name != name) continue;
    if (help) return run_subcommand(s, {"--help"});
    return run_subcommand(s, std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::cerr << "etr2nn: unknown command '" << name << "'\n\n";
  print_overview(std::cerr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int status = dispatch(std::vector<std::string>(argv + 1, argv + argc));
  // Standard output is buffered: a full disk or a closed pipe shows only at
  // the flush, so flush and check here rather than exit 0 with output lost.
  errno = 0;
  std::cout.flush();  // with stdio sync this is fflush(stdout): errno tells why
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const int error = errno;
    std::cerr << "etr2nn: cannot write standard output"
              << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
    if (status == 0) status = 1;
  }
  return status;
}
