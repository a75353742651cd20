#include "cli/subcommand.hpp"

#include <algorithm>

namespace etr2nn::cli {
namespace {

std::vector<Subcommand>& registry() {
  static std::vector<Subcommand> all;
  return all;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Edit distance (insertions, deletions, substitutions), for suggestions.
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_option(const std::string& given, const std::vector<std::string>& value_options,
                           const std::vector<std::string>& flags) {
  const std::string name = given.substr(0, given.find('='));
  std::string best;
  std::size_t best_distance = 3;  // at most two edits: a typo, not another word
  for (const auto* list : {&value_options, &flags})
    for (const std::string& known : *list)
      if (const std::size_t d = distance(name, known); d < best_distance && known.size() > 2) {
        best = known;
        best_distance = d;
      }
  return "unknown option " + name + (best.empty() ? "" : " (did you mean " + best + "?)");
}

}  // namespace

bool register_subcommand(Subcommand subcommand) {
  auto& all = registry();
  all.push_back(std::move(subcommand));
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return true;
}

const std::vector<Subcommand>& subcommands() {
  return registry();
}

Arguments::Arguments(const std::vector<std::string>& args,
                     const std::vector<std::string>& value_options,
                     const std::vector<std::string>& flags) {
  bool only_positionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positionals || a == "-" || a.rfind("-", 0) != 0) {
      positionals_.push_back(a);
    } else if (a == "--") {
      only_positionals = true;
    } else if (a == "--help" || a == "-h") {
      help_ = true;
    } else if (auto eq = a.find('=');
               eq != std::string::npos && contains(value_options, a.substr(0, eq))) {
      options_.emplace_back(a.substr(0, eq), a.substr(eq + 1));
    } else if (contains(value_options, a)) {
      if (i + 1 >= args.size()) throw UsageError{"option " + a + " needs a value"};
      options_.emplace_back(a, args[++i]);
    } else if (contains(flags, a)) {
      flags_.push_back(a);
    } else {
      throw UsageError{unknown_option(a, value_options, flags)};
    }
  }
}

bool Arguments::flag(const std::string& name) const {
  return contains(flags_, name);
}

const std::string* Arguments::option(const std::string& name) const {
  const std::string* found = nullptr;
  for (const auto& [k, v] : options_)
    if (k == name) found = &v;  // the last one wins, as in most tools
  return found;
}

unsigned long Arguments::whole_number(const std::string& name, unsigned long fallback,
                                      unsigned long min, unsigned long max) const {
  const std::string* text = option(name);
  if (!text) return fallback;
  const bool digits = !text->empty() && text->find_first_not_of("0123456789") == std::string::npos;
  if (digits && text->size() <= 18) {
    const unsigned long n = std::stoul(*text);
    if (n >= min && n <= max) return n;
  }
  throw UsageError{name + " needs a whole number from " + std::to_string(min) + " to " +
                   std::to_string(max) + ", not '" + *text + "'"};
}

}  // namespace etr2nn::cli
