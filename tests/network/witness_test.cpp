#include "network/detail/witness.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include "fixtures.hpp"
#include "io/atomic_file.hpp"
#include "network/detail/network_json.hpp"
#include "network/detail/verify.hpp"

namespace etr2nn::network {
namespace {

using testing::copy_arrangement;
using testing::emit;
using testing::one_arrangement;

TEST(Witness, HandArrangementsSatisfyTheLayoutInvariants) {
  EXPECT_TRUE(testing::invariants_hold(copy_arrangement()));
  EXPECT_TRUE(testing::invariants_hold(one_arrangement()));
}

TEST(Witness, NeuronsAreTheGadgetBreakpoints) {
  auto a = copy_arrangement();
  Network n = build_witness(a, {Real(1)});
  ASSERT_EQ(n.neurons.size(), 10u);  // two I gadgets, 5 breakpoints each
  // The canonical gadget's first breakpoint: beta = 4 - 3/2, a = (0,1), b = -(0 + beta), v = (2,
  // 0).
  EXPECT_EQ(n.neurons[0].a, (std::array<Real, 2>{Real(0), Real(1)}));
  EXPECT_EQ(n.neurons[0].b, Real(mpq_class(-5, 2)));
  EXPECT_EQ(n.neurons[0].v, (std::array<Real, 2>{Real(2), Real(0)}));
  EXPECT_EQ(n.c, (std::array<Real, 2>{Real(0), Real(0)}));
}

TEST(Witness, FitsEveryPointForEveryValueInRange) {
  for (const auto& a : {copy_arrangement(), one_arrangement()}) {
    auto d = emit(a);
    for (mpq_class x : {mpq_class(1, 2), mpq_class(1), mpq_class(7, 5), mpq_class(2)}) {
      Network n = profile_network(a, {Real(x)});
      auto report = verify(d, n);
      bool satisfies = a.instance.constraints.empty() || x == 1;
      EXPECT_EQ(report.ok(), satisfies) << "x = " << x;
      // Only the constraint point of x = 1 may fail, and it fails when x != 1.
      EXPECT_EQ(report.failures, satisfies ? 0u : 1u);
      if (!satisfies) {
        EXPECT_EQ(report.first_failures[0].index, a.data_points.size());
      }
    }
  }
}

TEST(Witness, RejectsAViolatingAssignmentNamingTheConstraint) {
  auto a = one_arrangement();
  try {
    build_witness(a, {Real(2)});
    FAIL() << "x = 2 violates x = 1";
  } catch (const Diagnostic& e) {
    EXPECT_NE(std::string(e.what()).find("constraint 1 (x = 1) is violated: x = 2"),
              std::string::npos)
        << e.what();
  }
  try {
    build_witness(a, {Real(3)});
    FAIL() << "x = 3 is out of range";
  } catch (const Diagnostic& e) {
    EXPECT_NE(std::string(e.what()).find("variable x = 3 is outside [1/2, 2]"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(profile_network(a, {Real(mpq_class(1, 3))}), Diagnostic);
  EXPECT_THROW(build_witness(a, {}), Diagnostic);
  EXPECT_NO_THROW(build_and_verify_witness(a, emit(a), {Real(1)}));
}

TEST(Witness, ChangingOneLabelFailsExactlyThatPoint) {
  auto a = one_arrangement();
  auto d = emit(a);
  Network n = build_witness(a, {Real(1)});
  ASSERT_TRUE(verify(d, n).ok());
  // A data point, the constraint point, a copy point.
  for (std::size_t j : {std::size_t(5), a.data_points.size(), a.data_points.size() + 2}) {
    auto changed = d;
    changed.points[j].y.out2 += mpq_class(1, 1000);
    auto report = verify(changed, n);
    ASSERT_EQ(report.failures, 1u);
    EXPECT_EQ(report.first_failures[0].index, j);
    EXPECT_EQ(report.first_failures[0].residual[1], Real(mpq_class(-1, 1000)));
    EXPECT_EQ(report.first_failures[0].residual[0], Real(0));
  }
  auto smaller = d;
  smaller.hidden_neurons -= 1;
  auto report = verify(smaller, n);
  EXPECT_EQ(report.failures, 0u);
  EXPECT_FALSE(report.ok());
}

TEST(Witness, IrrationalValueGivesAnExactAlgebraicWitness) {
  auto a = copy_arrangement();
  Real x = Real(1) / Real::root(Real(2), 2);
  Network n = build_witness(a, {x});
  bool any_irrational = false;
  for (const auto& u : n.neurons) any_irrational |= !u.b.is_rational() || !u.v[0].is_rational();
  EXPECT_TRUE(any_irrational);
  auto report = verify(emit(a), n);
  EXPECT_TRUE(report.ok()) << report.failures << " failures";
}

std::string written_bytes(const std::function<void(io::AtomicFile&)>& write) {
  const std::string path = ::testing::TempDir() + "witness_rational_form.json";
  {
    io::AtomicFile file(path);
    write(file);
    file.commit();
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::remove(path.c_str());
  return text.str();
}

// `etr2nn witness` builds a rational witness in the checker's compact form
// (check::RationalNetwork) and writes it from there: the same neurons as
// build_witness, the same bytes with and without float copies, the same
// errors, and no compact form for an irrational witness.
TEST(Witness, TheRationalFormHoldsTheSameNetworkAndWritesTheSameBytes) {
  for (const auto& a : {copy_arrangement(), one_arrangement()}) {
    const Real x = a.instance.constraints.empty() ? Real(mpq_class(7, 5)) : Real(1);
    const Network n = build_witness(a, {x});
    const auto lean = build_witness_rational(a, {x});
    ASSERT_TRUE(lean.has_value());
    const check::Network back = lean->expanded();
    ASSERT_EQ(back.neurons.size(), n.neurons.size());
    EXPECT_EQ(back.c, n.c);
    for (std::size_t i = 0; i < n.neurons.size(); ++i) {
      EXPECT_EQ(back.neurons[i].a, n.neurons[i].a) << i;
      EXPECT_EQ(back.neurons[i].b, n.neurons[i].b) << i;
      EXPECT_EQ(back.neurons[i].v, n.neurons[i].v) << i;
    }
    for (bool floats : {false, true}) {
      const NetworkFileOptions how{floats, nlohmann::ordered_json{{"kind", "witness"}}};
      const std::string expected =
          written_bytes([&](io::AtomicFile& f) { write_network(f, n, how); });
      EXPECT_EQ(written_bytes([&](io::AtomicFile& f) { write_network(f, *lean, how); }), expected);
      EXPECT_NE(expected.find("\"exact\": \"rational\""), std::string::npos);
    }
  }
  const auto a = one_arrangement();
  for (const Real& bad : {Real(2), Real(3)}) {
    std::string expected, got;
    try {
      build_witness(a, {bad});
    } catch (const Diagnostic& e) {
      expected = e.what();
    }
    try {
      build_witness_rational(a, {bad});
    } catch (const Diagnostic& e) {
      got = e.what();
    }
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(got, expected);
  }
  EXPECT_FALSE(build_witness_rational(copy_arrangement(), {Real(1) / Real::root(Real(2), 2)}));
}

}  // namespace
}  // namespace etr2nn::network
