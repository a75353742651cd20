// The D gadget (diagonal), 4 breakpoints.
//
// Both outputs carry one slope s (>= 3/2 by the data); the measuring lines
// t = 3, 5 read 3 - s and 3 + s on both outputs. Used by the X * Y = 1
// constraint point, which ties s to 1/X + 1 and to Y + 1.
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
  // Slope s = x + 1.
  std::vector<Breakpoint> witness(const Real& x) const override;
  std::pair<mpq_class, mpq_class> admitted_range() const override;

 private:
  std::vector<DataLine> data_lines_;
  std::vector<MeasuringLine> measuring_;
};

}  // namespace etr2nn::gadgets
