// The D gadget (diagonal), 4 breakpoints.
//
// Both outputs carry one slope s = X + 1; the measuring lines t = 3, 5 read
// 3 - s and 3 + s on both outputs. Used by the X * Y = 1 constraint point,
// which ties s to 1/X + 1 and to Y + 1.
//
// For ANY fit within budget (etr2nn certify, claim D.readings) both outputs
// read 3 - s and 3 + s with one s in [3/2, 3]. The data bound the rising slope
// only from below: a fit may rise more steeply than 3, but then its first
// breakpoint lies right of t = 3 and the lines read 0 and 6, exactly as for
// s = 3. What constraint points use is the reading, so D needs no upper bound
// of its own (docs/gadgets.md, "D: slope versus reading").
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
