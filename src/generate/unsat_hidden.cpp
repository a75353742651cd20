#include "generate/detail/unsat_hidden.hpp"

#include <numeric>
#include <stdexcept>
#include <utility>

#include "generate/detail/planted.hpp"
#include "generate/detail/random.hpp"

namespace etr2nn::generate {

HiddenContradiction unsat_hidden_instance(std::size_t planted, std::uint64_t seed) {
  if (planted < 1) throw std::invalid_argument("unsat-hidden needs a size of at least 1");
  using etrinv::Constraint;
  using etrinv::VariableIndex;
  HiddenContradiction out;
  etrinv::Instance instance = planted_instance(planted, seed).instance;
  // A second stream for the contradiction, so that the planted part is the
  // planted family's instance of the same seed.
  Random rng(seed ^ 0x9e3779b97f4a7c15ull);
  const std::size_t k = out.copies = (planted + 9) / 10;

  auto fresh = [&] {
    instance.variables.push_back("");  // named below
    return instance.variables.size() - 1;
  };
  // Tags: which constraints are the core, in the order x*y=1, x'+y'=z', z=1.
  std::vector<int> tag(instance.constraints.size(), -1);
  auto add = [&](Constraint c, int t = -1) {
    instance.constraints.push_back(c);
    tag.push_back(t);
  };
  for (auto& chain : out.chains) {
    chain.push_back(fresh());
    for (std::size_t i = 0; i < k; ++i) {
      const VariableIndex t = fresh(), w = fresh();
      add({Constraint::Kind::Inv, {chain.back(), t, 0}});
      add({Constraint::Kind::Inv, {t, w, 0}});
      chain.push_back(w);
    }
  }
  add({Constraint::Kind::Inv, {out.chains[0].front(), out.chains[1].front(), 0}}, 0);
  add({Constraint::Kind::Add, {out.chains[0].back(), out.chains[1].back(), out.chains[2].back()}},
      1);
  add({Constraint::Kind::One, {out.chains[2].front(), 0, 0}}, 2);

  // Shuffle the constraints (with their tags) and their operands.
  std::vector<std::size_t> order(instance.constraints.size());
  std::iota(order.begin(), order.end(), 0);
  rng.shuffle(order);
  std::vector<Constraint> constraints;
  for (std::size_t i = 0; i < order.size(); ++i) {
    Constraint c = instance.constraints[order[i]];
    if (c.kind != Constraint::Kind::One && rng.below(2)) std::swap(c.vars[0], c.vars[1]);
    constraints.push_back(c);
    if (tag[order[i]] >= 0) out.core[static_cast<std::size_t>(tag[order[i]])] = i;
  }
  // Random names: variable i becomes variable rename[i], named v<rename[i]>.
  std::vector<VariableIndex> rename(instance.variables.size());
  std::iota(rename.begin(), rename.end(), 0);
  rng.shuffle(rename);
  for (auto& c : constraints)
    for (std::size_t j = 0; j < c.arity(); ++j) c.vars[j] = rename[c.vars[j]];
  for (auto& chain : out.chains)
    for (auto& v : chain) v = rename[v];
  out.instance.constraints = std::move(constraints);
  for (std::size_t i = 0; i < rename.size(); ++i)
    out.instance.variables.push_back("v" + std::to_string(i));
  return out;
}

}  // namespace etr2nn::generate
