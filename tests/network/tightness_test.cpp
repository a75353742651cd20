// The reduction has no slack: one neuron more than m is enough to fit an
// unsatisfiable instance. For x + x = x (no solution in [1/2, 2]; m = 20)
// the canonical gadget and two of the add constraint's copies take the
// witness for x = 1/2, and the copy read at t = 3 takes a 6-breakpoint profile
// that reads (1, 0) at t = 3 (so 9/2 + 9/2 + 1 = 10 at the add point) and
// (9/2, 0) at t = 5 (so 9/2 + 3/2 = 6 at its copy point). This is why the
// checks N1–N7 must rule out any neuron serving two gadgets: a single shared
// neuron would free the one that this example spends (docs/soundness.md,
// "Tightness").
#include <gtest/gtest.h>

#include "dataset/dataset.hpp"
#include "layout/layout.hpp"
#include "network/detail/verify.hpp"
#include "network/detail/witness.hpp"

namespace etr2nn::network {
namespace {

// The 6-breakpoint fit of the I gadget's data: (β, Δ) pairs.
const std::vector<std::tuple<mpq_class, mpq_class, mpq_class>> spare_profile = {
    {mpq_class(5, 2), 2, 0},
    {4, mpq_class(-1, 2), 0},
    {6, mpq_class(-3, 2), 3},
    {8, 0, -3},
    {11, -1, -1},
    {17, 1, 1}};

TEST(Tightness, SpareNeuronFitsUnsatInstance) {
  using K = etrinv::Constraint::Kind;
  const etrinv::Instance x_plus_x_is_x{{"x"}, {{K::Add, {0, 0, 0}}}};
  const layout::Arrangement a = layout::layout(x_plus_x_is_x);
  const std::size_t m = a.hidden_neurons();
  ASSERT_EQ(m, 20u);
  ASSERT_TRUE(layout::find_violations(a, m).empty());
  const dataset::Dataset d = dataset::emit(a);

  // The witness for x = 1/2 on every gadget (it violates x + x = x only at
  // the add point)...
  const Network witness = profile_network(a, {Real(mpq_class(1, 2))});
  EXPECT_FALSE(verify(d, witness).ok());
  EXPECT_EQ(verify(d, witness).failures, 1u);

  // ...then the copy that meets the add point on t = 3 (Z) gets the spare profile.
  const auto& add = a.constraint_points.front();
  ASSERT_EQ(add.kind->name, "add");
  const std::size_t z = add.gadgets[2];
  ASSERT_EQ(add.kind->lines[2].position, 3);
  Network spare;
  std::size_t neuron = 0;
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const auto& s = a.gadgets[g].strip;
    const std::size_t k = a.gadgets[g].kind->breakpoint_budget();
    if (g != z) {
      for (std::size_t i = 0; i < k; ++i) spare.neurons.push_back(witness.neurons[neuron + i]);
    } else {
      for (const auto& [beta, d1, d2] : spare_profile)
        spare.neurons.push_back({{Real(s.normal.a), Real(s.normal.b)},
                                 Real(mpq_class(-(s.offset + beta))),
                                 {Real(d1), Real(d2)}});
    }
    neuron += k;
  }
  ASSERT_EQ(spare.neurons.size(), m + 1);
  const VerifyReport report = verify(d, spare);
  EXPECT_EQ(report.failures, 0u) << "the spare profile should fit every point";
  EXPECT_FALSE(report.within_budget());  // 21 neurons where the dataset allows 20
  dataset::Dataset more = d;
  more.hidden_neurons = m + 1;
  EXPECT_TRUE(verify(more, spare).ok());
}

}  // namespace
}  // namespace etr2nn::network
