#include "render/detail/focus.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <stdexcept>

namespace etr2nn::render {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string without_spaces(const std::string& text) {
  std::string out;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

std::invalid_argument unknown(const std::string& what, const std::string& wanted,
                              const std::vector<std::string>& candidates) {
  std::string message = "focus: no " + what + " '" + wanted + "'";
  const auto close = close_matches(wanted, candidates);
  message += close.empty() ? " (the instance has none)" : "; closest: " + quoted_list(close);
  return std::invalid_argument(message);
}

Region variable_region(const layout::Arrangement& a, const std::string& name) {
  const auto& names = a.instance.variables;
  for (std::size_t v = 0; v < names.size(); ++v)
    if (names[v] == name && v < a.canonical.size()) return {Region::Kind::Gadget, a.canonical[v]};
  throw unknown("variable", name, names);
}

Region constraint_region(const layout::Arrangement& a, const std::string& text) {
  const auto& constraints = a.instance.constraints;
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
    const std::size_t n = text.size() > 18 ? constraints.size() : std::stoull(text);
    if (n < constraints.size()) return {Region::Kind::Column, n};
    throw std::invalid_argument("focus: constraint " + text + " does not exist: the instance has " +
                                (constraints.empty()
                                     ? std::string("no constraints")
                                     : std::to_string(constraints.size()) + " constraints (0 to " +
                                           std::to_string(constraints.size() - 1) + ")"));
  }
  std::vector<std::string> texts;
  const std::string wanted = without_spaces(text);
  for (std::size_t c = 0; c < constraints.size(); ++c) {
    texts.push_back(etrinv::describe(a.instance, constraints[c]));
    if (without_spaces(texts.back()) == wanted) return {Region::Kind::Column, c};
  }
  throw unknown("constraint", text, texts);
}

}  // namespace

std::vector<std::string> close_matches(const std::string& wanted,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count) {
  std::vector<std::pair<std::size_t, std::size_t>> ranked;  // distance, position
  for (std::size_t i = 0; i < candidates.size(); ++i)
    ranked.emplace_back(edit_distance(without_spaces(wanted), without_spaces(candidates[i])), i);
  std::stable_sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && out.size() < count; ++i) {
    const std::string& c = candidates[ranked[i].second];
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

Region resolve_focus(const layout::Arrangement& a, const std::string& text) {
  if (text.rfind("variable:", 0) == 0) return variable_region(a, text.substr(9));
  if (text.rfind("constraint:", 0) == 0) return constraint_region(a, text.substr(11));
  throw std::invalid_argument("focus '" + text +
                              "': expected variable:NAME or constraint:TEXT or constraint:N");
}

}  // namespace etr2nn::render
