// The D gadget (diagonal), 4 breakpoints.
//
// Both outputs carry one slope s = X + 1 on [3, 5]; the measuring lines t = 3, 5
// read 3 - s and 3 + s on both outputs. Used by the X * Y = 1 constraint point,
// which ties s to 1/X + 1 and to Y + 1.
//
// The data force s in [3/2, 3] by themselves (as the I gadget does for its
// slopes): out1 peaks at the shared breakpoint b where out2 turns down through
// (7, 3) to 0 at a breakpoint e = 7 + 3X/(2(X + 1)); the data line t = 8
// (out2 = 0) forces e <= 8, i.e. s <= 3. An earlier table (the same as I on
// out1 for both outputs) let s exceed 3, and then t = 3 read 0 instead of
// 3 - s: see docs/gadgets.md, "Why D changed".
#pragma once

#include "gadgets/gadget_kind.hpp"

namespace etr2nn::gadgets {

class DiagonalGadget final : public GadgetKind {
 public:
  DiagonalGadget();
  std::string name() const override { return "D"; }
  std::string description() const override;
  const std::vector<DataLine>& data_lines() const override { return data_lines_; }
  unsigned breakpoint_budget() const override { return 4; }
  const std::vector<MeasuringLine>& measuring_lines() const override { return measuring_; }
  std::vector<std::string> parameters() const override { return {"s"}; }
  // Slope s = x + 1.
  std::vector<Breakpoint> witness(const Real& x) const override;
  std::pair<mpq_class, mpq_class> admitted_range() const override;
  std::vector<SymbolicBreakpoint> symbolic_witness(const z3::expr& x) const override;

 private:
  std::vector<DataLine> data_lines_;
  std::vector<MeasuringLine> measuring_;
};

}  // namespace etr2nn::gadgets
