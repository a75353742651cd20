#include "gadgets/gadget_kind.hpp"

namespace etr2nn::gadgets {

std::pair<Real, Real> evaluate(const std::vector<Breakpoint>& profile, const Real& t) {
  Real out1 = 0, out2 = 0;
  for (const auto& b : profile) {
    if (t <= b.beta) continue;
    Real run = t - b.beta;
    out1 += b.delta1 * run;
    out2 += b.delta2 * run;
  }
  return {out1, out2};
}

}  // namespace etr2nn::gadgets
