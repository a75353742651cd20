// D bounds its rising slope only from below; a steeper fit reads as s = 3.
// This is why the certified claim D.readings is about the measuring lines'
// values (3 - s, 3 + s with s in [3/2, 3]), not about the rising slope.
#include <gtest/gtest.h>

#include "gadgets/cpwl.hpp"
#include "gadgets/registry.hpp"

namespace etr2nn::gadgets {
namespace {

TEST(DiagonalReading, ASteeperFitReadsAsSlopeThree) {
  // Slope 4 on both outputs: breakpoints 4 - 3/4 and 4 + 3/4, then as the witness.
  Cpwl steep({{Real(mpq_class(13, 4)), 4, 4},
              {Real(mpq_class(19, 4)), -4, -4},
              {Real(11), -1, -1},
              {Real(17), 1, 1}});
  ASSERT_TRUE(steep.fits(diagonal_gadget().data_lines()));
  EXPECT_LE(steep.kink_count(), diagonal_gadget().breakpoint_budget());
  EXPECT_EQ(steep(Real(3)), (Output2{0, 0}));  // 3 - s with s = 3
  EXPECT_EQ(steep(Real(5)), (Output2{6, 6}));  // 3 + s with s = 3
  EXPECT_EQ(steep(Real(3)), Cpwl(diagonal_gadget().witness(Real(2)))(Real(3)));
  EXPECT_EQ(steep(Real(5)), Cpwl(diagonal_gadget().witness(Real(2)))(Real(5)));
}

TEST(DiagonalReading, AShallowerFitThanThreeHalvesDoesNotFit) {
  // Slope 1: it would have to start at t = 1, but t = 2 is labelled 0.
  Cpwl shallow({{Real(1), 1, 1}, {Real(7), -1, -1}, {Real(11), -1, -1}, {Real(17), 1, 1}});
  EXPECT_FALSE(shallow.fits(diagonal_gadget().data_lines()));
}

}  // namespace
}  // namespace etr2nn::gadgets
