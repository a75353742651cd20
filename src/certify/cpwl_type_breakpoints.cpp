#include "certify/detail/cpwl_type_breakpoints.hpp"

#include <string>

namespace etr2nn::certify {
namespace {

z3::expr numeral(z3::context& c, const mpq_class& q) {
  return c.real_val(q.get_str().c_str());
}

}  // namespace

BreakpointUnknowns encode_breakpoints(z3::context& c, const PositionTable& table,
                                      const CpwlType& type) {
  const auto& p = table.positions;
  const std::size_t n = p.size();
  BreakpointUnknowns u{
      c.real_const("c0_1"), c.real_const("c0_2"), c.real_const("c1_1"), c.real_const("c1_2"), {},
      z3::expr_vector(c)};
  // left_of[j]: how many breakpoints lie strictly left of p_j.
  std::vector<std::size_t> left_of(n, 0);
  auto add = [&](z3::expr beta) {
    std::string i = std::to_string(u.breakpoints.size() + 1);
    u.breakpoints.push_back(
        {beta, c.real_const(("d1_" + i).c_str()), c.real_const(("d2_" + i).c_str())});
  };
  for (std::size_t j = 0; j < n; ++j) {
    left_of[j] = u.breakpoints.size();
    if (type.at_position[j]) add(numeral(c, p[j]));
    if (j + 1 == n) break;
    for (unsigned k = 0; k < type.in_gap[j]; ++k) {
      z3::expr beta = c.real_const(("b_" + std::to_string(u.breakpoints.size() + 1)).c_str());
      z3::expr lower = k == 0 ? numeral(c, p[j]) : u.breakpoints.back().beta;
      u.constraints.push_back(lower < beta);
      u.constraints.push_back(beta < numeral(c, p[j + 1]));
      add(beta);
    }
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (!table.label[j]) continue;
    z3::expr t = numeral(c, p[j]);
    z3::expr v1 = u.constant1 + u.slope1 * t, v2 = u.constant2 + u.slope2 * t;
    for (std::size_t i = 0; i < left_of[j]; ++i) {
      const auto& b = u.breakpoints[i];
      v1 = v1 + b.delta1 * (t - b.beta);
      v2 = v2 + b.delta2 * (t - b.beta);
    }
    u.constraints.push_back(v1 == numeral(c, table.label[j]->out1));
    u.constraints.push_back(v2 == numeral(c, table.label[j]->out2));
  }
  return u;
}

}  // namespace etr2nn::certify
