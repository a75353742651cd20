#include "gadgets/gadget_kind.hpp"

#include <stdexcept>

#include "gadgets/symbolic_witness.hpp"

namespace etr2nn::gadgets {

std::vector<std::string> GadgetKind::parameters() const {
  throw std::logic_error("gadget " + name() + " does not name its slope parameters");
}

std::vector<SymbolicBreakpoint> GadgetKind::symbolic_witness(const z3::expr&) const {
  throw std::logic_error("gadget " + name() + " has no symbolic witness");
}

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
