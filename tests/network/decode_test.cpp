#include "network/detail/decode.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fixtures.hpp"
#include "network/detail/verify.hpp"
#include "network/detail/witness.hpp"

namespace etr2nn::network {
namespace {

using testing::disguise;
using testing::emit;
using testing::one_arrangement;

TEST(Decode, ReadsTheWitnessValue) {
  auto a = one_arrangement();
  auto decoded = decode(decode_input(a), build_witness(a, {Real(1)}));
  EXPECT_EQ(decoded.values, (etrinv::Assignment{Real(1)}));
  EXPECT_TRUE(decoded.satisfied());
}

TEST(Decode, WorksForPermutedAndRescaledNetworks) {
  auto a = testing::copy_arrangement();
  auto d = emit(a);
  for (mpq_class x : {mpq_class(1, 2), mpq_class(5, 4), mpq_class(2)}) {
    Network n = disguise(build_witness(a, {Real(x)}), static_cast<unsigned>(x.get_num().get_ui()));
    ASSERT_TRUE(verify(d, n).ok());
    auto decoded = decode(decode_input(a), n);
    EXPECT_EQ(decoded.values, (etrinv::Assignment{Real(x)}));
  }
}

TEST(Decode, ReportsTheFailingConstraintOfANetworkThatMissesOnlyItsPoint) {
  // x = 2 satisfies everything but x = 1: the network fits all data and copy
  // points and misses the constraint point; decode finds x = 2 and the failure.
  auto a = one_arrangement();
  Network n = disguise(profile_network(a, {Real(2)}), 3);
  auto report = verify(emit(a), n);
  EXPECT_EQ(report.failures, 1u);
  auto decoded = decode(decode_input(a), n);
  EXPECT_EQ(decoded.values, (etrinv::Assignment{Real(2)}));
  EXPECT_TRUE(decoded.in_range[0]);
  ASSERT_EQ(decoded.constraints.size(), 1u);
  EXPECT_FALSE(decoded.constraints[0].holds);
  EXPECT_EQ(decoded.constraints[0].text, "x = 1");
  EXPECT_FALSE(decoded.satisfied());
}

TEST(Decode, IrrationalValuesAreReadExactly) {
  auto a = testing::copy_arrangement();
  Real x = Real::root(Real(2), 2);  // sqrt 2 in [1/2, 2]
  auto decoded = decode(decode_input(a), disguise(build_witness(a, {x}), 11));
  EXPECT_EQ(decoded.values[0], x);
}

}  // namespace
}  // namespace etr2nn::network
