#include "generate/detail/families.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "etrinv/etrinv.hpp"
#include "generate/detail/general.hpp"
#include "generate/detail/planted.hpp"
#include "generate/detail/planted_algebraic.hpp"
#include "generate/detail/unsat_hidden.hpp"
#include "json_io/real.hpp"

namespace etr2nn::generate {
namespace {

std::string heading(const Generated& g, const std::string& size_meaning) {
  return "etr2nn generate --family " + g.family + " --size " + std::to_string(g.size) + " --seed " +
         std::to_string(g.seed) + "\nfamily:   " + g.family +
         "\nsize:     " + std::to_string(g.size) + " (" + size_meaning +
         ")\nseed:     " + std::to_string(g.seed) +
         "\nexpected: " + (g.expected ? "true" : "false") + "\n";
}

std::string decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

std::string name_list(const etrinv::Instance& instance,
                      const std::vector<etrinv::VariableIndex>& chain) {
  std::string s;
  for (auto v : chain) s += (s.empty() ? "" : " -> ") + instance.variables[v];
  return s;
}

// "# " + line for each line: the .etr comment block.
std::string commented(const std::string& text) {
  std::istringstream lines(text);
  std::string out;
  for (std::string line; std::getline(lines, line);) out += "# " + line + "\n";
  return out;
}

Generated planted(Generated g) {
  const Planted p = planted_instance(g.size, g.seed);
  g.known_by = "planted solution, verified witness";
  std::string header = heading(g, "constraints") +
                       "why:      the solution below satisfies every constraint (it was drawn\n"
                       "          first and each constraint built around it), every value in "
                       "[1/2, 2]\n"
                       "solution:\n";
  for (std::size_t i = 0; i < p.solution.size(); ++i) {
    header += "  " + p.instance.variables[i] + " = " + p.solution[i].get_str() + "\n";
    g.solution.emplace_back(p.instance.variables[i], p.solution[i]);
  }
  g.text = etr_text(p.instance, header);
  return g;
}

Generated planted_algebraic(Generated g) {
  const PlantedAlgebraic p = planted_algebraic_instance(g.size, g.seed);
  const std::string d = std::to_string(p.d);
  const auto& names = p.instance.variables;
  g.known_by = "planted algebraic solution in Q(sqrt(" + d + ")), verified witness";
  std::string header = heading(g, "constraints") + "why:      the solution below (in Q(sqrt(" + d +
                       "))) satisfies every constraint,\n"
                       "          every value in [1/2, 2]. Every solution is irrational: the "
                       "constraints\n          ";
  for (std::size_t i = 0; i < p.core.size(); ++i)
    header += (i ? ", " : "") + etrinv::describe(p.instance, p.instance.constraints[p.core[i]]);
  header += "\n          force " + d + " * " + names[p.a] + "^2 = 1 with " + names[p.a] +
            " > 0, so " + names[p.a] + " = 1/sqrt(" + d + ").\nsolution:\n";
  for (std::size_t i = 0; i < p.solution.size(); ++i) {
    header += "  " + names[i] + " = " + to_text(p.solution[i], p.d);
    if (p.solution[i].q != 0) header += "  (~ " + decimal(approximate(p.solution[i], p.d)) + ")";
    header += "\n";
    g.solution.emplace_back(names[i], to_real(p.solution[i], p.d));
  }
  g.text = etr_text(p.instance, header);
  return g;
}

Generated unsat_hidden(Generated g) {
  const HiddenContradiction h = unsat_hidden_instance(g.size, g.seed);
  const auto& inst = h.instance;
  const auto& names = inst.variables;
  g.expected = false;
  g.known_by = "proof in the formula header";
  const auto& x = h.chains[0];
  const auto& y = h.chains[1];
  const auto& z = h.chains[2];
  const std::string X = names[x.front()], Y = names[y.front()], Z = names[z.front()];
  std::string header =
      heading(g, "planted constraints; the contradiction adds " +
                     std::to_string(inst.constraints.size() - g.size)) +
      "why:      false. The constraints\n"
      "            " +
      etrinv::describe(inst, inst.constraints[h.core[0]]) + "   (x * y = 1)\n" + "            " +
      etrinv::describe(inst, inst.constraints[h.core[1]]) + "   (x' + y' = z')\n" + "            " +
      etrinv::describe(inst, inst.constraints[h.core[2]]) + "   (z = 1)\n" +
      "          hold with x' = x, y' = y, z' = z: each arrow below is a copy step\n"
      "          u -> w written as u * t = 1 and t * w = 1 (so w = 1/t = u) through a\n"
      "          variable t used nowhere else (" +
      std::to_string(h.copies) + (h.copies == 1 ? " step" : " steps") +
      " per chain):\n"
      "            x: " +
      name_list(inst, x) + "\n" + "            y: " + name_list(inst, y) + "\n" +
      "            z: " + name_list(inst, z) + "\n" + "          So " + X + " * " + Y +
      " = 1 and " + X + " + " + Y + " = 1, i.e. x + 1/x = 1 " + "with x = " + X +
      " in [1/2, 2].\n"
      "          But x + 1/x - 2 = (x - 1)^2 / x >= 0 for x > 0, so x + 1/x >= 2 > 1.\n"
      "          The other constraints only add conditions to a false conjunction.\n";
  g.text = etr_text(inst, header);
  return g;
}

Generated general(Generated g, bool truth) {
  const GeneralSentence s = general_sentence(g.size, g.seed, truth);
  g.expected = truth;
  std::string header = heading(g, "polynomial constraints");
  if (truth) {
    g.known_by = "planted rational point, verified witness";
    header +=
        "why:      the point below satisfies every constraint (each is f = f(P),\n"
        "          f <= f(P) + s or f >= f(P) - s with s > 0, built around it)\n"
        "solution:\n";
  } else {
    g.known_by = "proof in the formula header";
    g.bound_exponent = 3;
    header += "why:      false. Constraint " + std::to_string(s.impossible + 1) +
              " (counting from 1) is S = 0 with\n          S = " + s.impossible_as_squares +
              "\n          expanded; S >= its constant > 0 for every real point, so S = 0 has "
              "no\n          solution and neither has the conjunction.\n"
              "          (The other constraints hold at the point below.)\n"
              "point:\n";
  }
  for (std::size_t i = 0; i < s.variables.size(); ++i) {
    header += "  " + s.variables[i] + " = " + s.point[i].get_str() + "\n";
    if (truth) g.solution.emplace_back(s.variables[i], s.point[i]);
  }
  std::string text = commented(header) + "exists ";
  for (std::size_t i = 0; i < s.variables.size(); ++i) text += (i ? ", " : "") + s.variables[i];
  text += ":\n";
  for (std::size_t i = 0; i < s.constraints.size(); ++i)
    text += (i ? "  and " : "  ") + s.constraints[i] + "\n";
  g.text = text;
  return g;
}

}  // namespace

const std::vector<std::string>& families() {
  static const std::vector<std::string> names{"planted", "planted-algebraic", "unsat-hidden",
                                              "general-true", "general-false"};
  return names;
}

std::size_t minimum_size(const std::string& family) {
  return family == "planted-algebraic" ? 3 : 1;
}

Generated generate(const std::string& family, std::size_t size, std::uint64_t seed) {
  Generated g;
  g.family = family;
  g.size = size;
  g.seed = seed;
  bool known = false;
  for (const auto& f : families()) known = known || f == family;
  if (!known) throw std::invalid_argument("unknown family '" + family + "'");
  if (size < minimum_size(family))
    throw std::invalid_argument("family " + family + " needs --size of at least " +
                                std::to_string(minimum_size(family)));
  if (family == "planted") return planted(std::move(g));
  if (family == "planted-algebraic") return planted_algebraic(std::move(g));
  if (family == "unsat-hidden") return unsat_hidden(std::move(g));
  return general(std::move(g), family == "general-true");
}

nlohmann::ordered_json solution_json(const Generated& generated) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [name, value] : generated.solution) out[name] = json_io::real_to_json(value);
  return out;
}

}  // namespace etr2nn::generate
