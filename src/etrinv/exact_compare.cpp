#include "etrinv/exact_compare.hpp"

#include <stdexcept>

namespace etr2nn::etrinv {

using numeric::Real;

std::optional<Violation> first_violation_exact(const Instance& instance, const Assignment& v) {
  if (v.size() != instance.variables.size())
    throw std::invalid_argument("assignment has the wrong number of values");
  const Real lo(mpq_class(1, 2)), hi(2);
  for (VariableIndex i = 0; i < v.size(); ++i)
    if (compare_exact(v[i], lo) < 0 || compare_exact(v[i], hi) > 0)
      return Violation{std::nullopt, i};
  for (std::size_t k = 0; k < instance.constraints.size(); ++k) {
    const auto& c = instance.constraints[k];
    const auto& x = c.vars;
    bool ok = false;
    switch (c.kind) {
      case Constraint::Kind::One: ok = equal_exact(v[x[0]], Real(1)); break;
      case Constraint::Kind::Add: ok = equal_exact(v[x[0]] + v[x[1]], v[x[2]]); break;
      case Constraint::Kind::Inv: ok = equal_exact(v[x[0]] * v[x[1]], Real(1)); break;
    }
    if (!ok) return Violation{k, std::nullopt};
  }
  return std::nullopt;
}

}  // namespace etr2nn::etrinv
