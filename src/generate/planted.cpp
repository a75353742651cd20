#include "generate/detail/planted.hpp"

#include <map>
#include <sstream>

#include "etrinv/etrinv.hpp"
#include "generate/detail/random.hpp"

namespace etr2nn::generate {

Planted planted_instance(std::size_t constraints, std::uint64_t seed) {
  using etrinv::Constraint;
  Planted p;
  Random rng(seed);
  std::map<mpq_class, etrinv::VariableIndex> by_value;
  auto var_with = [&](const mpq_class& value) {
    auto [it, fresh] = by_value.try_emplace(value, p.solution.size());
    if (fresh) {
      p.instance.variables.push_back("v" + std::to_string(p.solution.size()));
      p.solution.push_back(value);
    }
    return it->second;
  };
  auto any_var = [&] { return static_cast<etrinv::VariableIndex>(rng.below(p.solution.size())); };
  const mpq_class half(1, 2), two(2);

  var_with(1);
  while (p.instance.constraints.size() < constraints) {
    const auto r = rng.below(10);
    if (r == 0 || p.instance.constraints.empty()) {
      p.instance.constraints.push_back({Constraint::Kind::One, {var_with(1), 0, 0}});
    } else if (r < 5) {
      const auto x = any_var(), y = any_var();
      const mpq_class sum = p.solution[x] + p.solution[y];
      if (sum <= two) {
        p.instance.constraints.push_back({Constraint::Kind::Add, {x, y, var_with(sum)}});
      } else if (p.solution[x] - p.solution[y] >= half) {  // (x - y) + y = x
        p.instance.constraints.push_back(
            {Constraint::Kind::Add, {var_with(p.solution[x] - p.solution[y]), y, x}});
      } else {  // halve: h + h = x
        const auto h = var_with(p.solution[x] / 2 >= half ? p.solution[x] / 2 : mpq_class(1, 2));
        if (p.solution[h] + p.solution[h] <= two)
          p.instance.constraints.push_back(
              {Constraint::Kind::Add, {h, h, var_with(p.solution[h] * 2)}});
      }
    } else {
      const auto x = any_var();
      p.instance.constraints.push_back(
          {Constraint::Kind::Inv, {x, var_with(1 / p.solution[x]), 0}});
    }
  }
  return p;
}

std::string etr_text(const etrinv::Instance& instance, const std::string& header) {
  std::ostringstream out;
  etrinv::write_etr(out, instance, header);
  return out.str();
}

}  // namespace etr2nn::generate
