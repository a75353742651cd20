#include "certify/detail/counterexample.hpp"

#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::certify {
namespace {

using gadgets::Breakpoint;
using numeric::Real;

struct Pair {
  Real a, b;  // out1, out2
};

}  // namespace

gadgets::Cpwl realise(const PositionTable& table, const CpwlType& type, const TypeEncoding& enc,
                      const z3::model& model) {
  z3::context& c = enc.linear.ctx();
  auto value = [&](const z3::expr& e) { return numeric::from_z3(model.eval(e, true)); };
  const auto& p = table.positions;
  const std::size_t n = p.size();
  std::vector<Pair> y;
  for (std::size_t j = 0; j < n; ++j) y.push_back({value(enc.out1[j]), value(enc.out2[j])});
  // Slopes at the left (L) and right (R) end of each gap.
  std::vector<Pair> left, right, secant;
  for (std::size_t g = 0; g + 1 < n; ++g) {
    Real w(p[g + 1] - p[g]);
    Pair s{(y[g + 1].a - y[g].a) / w, (y[g + 1].b - y[g].b) / w};
    secant.push_back(s);
    if (type.in_gap[g] == 0) {
      left.push_back(s);
      right.push_back(s);
    } else {
      left.push_back({value(c.real_const(slope_name(true, 1, g).c_str())),
                      value(c.real_const(slope_name(true, 2, g).c_str()))});
      right.push_back({value(c.real_const(slope_name(false, 1, g).c_str())),
                       value(c.real_const(slope_name(false, 2, g).c_str()))});
    }
  }
  std::vector<Breakpoint> bps;
  for (std::size_t g = 0; g + 1 < n; ++g) {
    Real pg(p[g]), w(p[g + 1] - p[g]);
    if (g > 0 && type.at_position[g])
      bps.push_back({pg, left[g].a - right[g - 1].a, left[g].b - right[g - 1].b});
    const Pair &l = left[g], &r = right[g], &s = secant[g];
    if (type.in_gap[g] == 1) {
      // s = θ l + (1 - θ) r: θ from an output whose slope changes.
      if (l.a != r.a || l.b != r.b) {
        Real theta = l.a != r.a ? (r.a - s.a) / (r.a - l.a) : (r.b - s.b) / (r.b - l.b);
        bps.push_back({pg + theta * w, r.a - l.a, r.b - l.b});
      }
    } else if (type.in_gap[g] >= 2) {  // more act as two on the positions
      Real third = w / Real(3);
      Pair from{y[g].a + l.a * third, y[g].b + l.b * third};
      Pair to{y[g + 1].a - r.a * third, y[g + 1].b - r.b * third};
      Pair middle{(to.a - from.a) / third, (to.b - from.b) / third};
      bps.push_back({pg + third, middle.a - l.a, middle.b - l.b});
      bps.push_back({pg + third + third, r.a - middle.a, r.b - middle.b});
    }
  }
  Real p0(p[0]);
  gadgets::Output2 slope{left[0].a, left[0].b};
  gadgets::Output2 constant{y[0].a - slope.out1 * p0, y[0].b - slope.out2 * p0};
  return gadgets::Cpwl(constant, slope, bps);
}

gadgets::Cpwl realise(const BreakpointUnknowns& u, const z3::model& model) {
  auto value = [&](const z3::expr& e) { return numeric::from_z3(model.eval(e, true)); };
  std::vector<Breakpoint> bps;
  for (const auto& b : u.breakpoints)
    bps.push_back({value(b.beta), value(b.delta1), value(b.delta2)});
  return gadgets::Cpwl({value(u.constant1), value(u.constant2)}, {value(u.slope1), value(u.slope2)},
                       bps);
}

}  // namespace etr2nn::certify
