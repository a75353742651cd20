// The I gadget (inversion and variable carrier), 5 breakpoints.
//
// Out1 rises with slope s1 = X + 1, out2 with slope s2 = 1/X + 1; the data force
// s1 * s2 = s1 + s2 and s1, s2 in [3/2, 3], so the gadget carries X and 1/X and
// enforces X in [1/2, 2] by itself. Measuring lines t = 3, 5 read s1 on out1,
// t = 6, 8 read s2 on out2.
#pragma once

#include "gadgets/gadget_kind.hpp"

namespace etr2nn::gadgets {

class InversionGadget final : public GadgetKind {
 public:
  InversionGadget();
  std::string name() const override { return "I"; }
  std::string description() const override;
  const std::vector<DataLine>& data_lines() const override { return data_lines_; }
  unsigned breakpoint_budget() const override { return 5; }
  const std::vector<MeasuringLine>& measuring_lines() const override { return measuring_; }
  std::vector<std::string> parameters() const override { return {"s1", "s2"}; }
  std::vector<Breakpoint> witness(const Real& x) const override;
  std::pair<mpq_class, mpq_class> admitted_range() const override;
  std::vector<SymbolicBreakpoint> symbolic_witness(const z3::expr& x) const override;

 private:
  std::vector<DataLine> data_lines_;
  std::vector<MeasuringLine> measuring_;
};

}  // namespace etr2nn::gadgets
