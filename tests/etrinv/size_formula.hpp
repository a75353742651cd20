// docs/etr-inv.md, D7: the exact size of the ETR-INV instance,
//   6 + 13K + 2 m1 + 4 m+ + 80 mx constraints,
//   6 + 13K + n_A + m1 + 3 m+ + 79 mx variables,
// checked against what the chain produced.
#pragma once

#include <gtest/gtest.h>

#include "etrinv/detail/chain.hpp"

namespace etr2nn::testing {

inline void expect_size_formula(const etrinv::ChainResult& r) {
  ASSERT_FALSE(r.passed_through);
  const auto& a = r.ami;
  std::size_t K = r.bound_exponent;
  EXPECT_EQ(r.instance.constraints.size(), 6 + 13 * K + 2 * a.one + 4 * a.add + 80 * a.mul);
  EXPECT_EQ(r.instance.variables.size(), 6 + 13 * K + a.variables + a.one + 3 * a.add + 79 * a.mul);
  EXPECT_EQ(r.provenance.size(), r.instance.constraints.size());
  EXPECT_EQ(r.variable_provenance.size(), r.instance.variables.size());
}

}  // namespace etr2nn::testing
