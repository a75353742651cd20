// The network side on the arrangements the real layout makes for the sample
// instances (samples/inv_*.etr, built here as instances so that these tests
// need no parser): witness, exact verification, decode.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>

#include "dataset/dataset.hpp"
#include "fixtures.hpp"
#include "layout/layout.hpp"
#include "network/detail/decode.hpp"
#include "network/detail/network_json.hpp"
#include "network/detail/verify.hpp"
#include "network/detail/witness.hpp"
#include "network/detail/witness_file.hpp"

namespace etr2nn::network {
namespace {

using etrinv::Constraint;
using etrinv::Instance;
using K = Constraint::Kind;
using testing::disguise;

Instance inv_rational_sat() {  // x = 1 and x + x = z and z * y = 1
  return {{"x", "y", "z"}, {{K::One, {0, 0, 0}}, {K::Add, {0, 0, 2}}, {K::Inv, {2, 1, 0}}}};
}
Instance inv_irrational_sat() {  // x * y = 1 and x + x = y
  return {{"x", "y"}, {{K::Inv, {0, 1, 0}}, {K::Add, {0, 0, 1}}}};
}
Instance inv_unsat() {  // x + x = x
  return {{"x"}, {{K::Add, {0, 0, 0}}}};
}
Instance inv_unsat_am_gm() {  // x * y = 1 and x + y = z and z = 1
  return {{"x", "y", "z"}, {{K::Inv, {0, 1, 0}}, {K::Add, {0, 1, 2}}, {K::One, {2, 0, 0}}}};
}

Real q(long p, long d = 1) {
  return Real(mpq_class(p, d));
}

struct Compiled {
  layout::Arrangement arrangement;
  dataset::Dataset data;
};

Compiled compile(const Instance& instance) {
  Compiled c{layout::layout(instance), {}};
  c.data = dataset::emit(c.arrangement);
  return c;
}

// The dataset positions of the constraint points: copy links and those of
// constraint k.
std::vector<std::size_t> constraint_point_indices(const dataset::Dataset& d,
                                                  std::size_t constraint) {
  std::vector<std::size_t> out;
  for (const auto& r : d.meta->constraint_points)
    if (r.point.constraint == constraint) out.push_back(r.index);
  return out;
}

TEST(Samples, RationalSatWitnessFitsExactly) {
  auto c = compile(inv_rational_sat());
  etrinv::Assignment solution = {q(1), q(1, 2), q(2)};
  Network n = build_and_verify_witness(c.arrangement, c.data, solution);
  auto report = verify(c.data, n);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.neurons, c.data.hidden_neurons);
  EXPECT_EQ(report.directions, 4u);
  EXPECT_EQ(report.points, c.data.points.size());
}

TEST(Samples, WriteWitnessVerifiesThenWritesAtomically) {
  auto c = compile(inv_rational_sat());
  dataset::Emission emission(c.arrangement);
  const std::string path =
      (std::filesystem::temp_directory_path() / "etr2nn_samples_write_witness.json").string();
  std::remove(path.c_str());
  EXPECT_THROW(write_witness(path, c.arrangement, emission, {q(1), q(1), q(2)}), Diagnostic);
  EXPECT_FALSE(std::filesystem::exists(path));
  Network written = write_witness(path, c.arrangement, emission, {q(1), q(1, 2), q(2)});
  Network back = read_network(path);
  EXPECT_EQ(back.neurons.size(), written.neurons.size());
  EXPECT_TRUE(verify(c.data, back).ok());
  std::remove(path.c_str());
}

TEST(Samples, RationalSatWrongValueMissesOnlyTheInversionPoint) {
  auto c = compile(inv_rational_sat());
  // y = 1: z * y = 1 (constraint 3) fails; every data and copy point still fits.
  auto report = verify(c.data, profile_network(c.arrangement, {q(1), q(1), q(2)}));
  ASSERT_EQ(report.failures, 1u);
  EXPECT_EQ(std::vector<std::size_t>{report.first_failures[0].index},
            constraint_point_indices(c.data, 2));
}

TEST(Samples, EmissionAndDatasetVerifyAlike) {
  auto c = compile(inv_rational_sat());
  dataset::Emission emission(c.arrangement);
  for (const etrinv::Assignment& values :
       {etrinv::Assignment{q(1), q(1, 2), q(2)}, etrinv::Assignment{q(1), q(1), q(2)},
        etrinv::Assignment{q(2), q(1, 2), q(1)}}) {
    Network n = profile_network(c.arrangement, values);
    auto a = verify(c.data, n), b = verify(emission, n);
    EXPECT_EQ(a.points, b.points);
    EXPECT_EQ(a.failures, b.failures);
    ASSERT_EQ(a.first_failures.size(), b.first_failures.size());
    for (std::size_t i = 0; i < a.first_failures.size(); ++i)
      EXPECT_EQ(a.first_failures[i].index, b.first_failures[i].index);
  }
  EXPECT_NO_THROW(build_and_verify_witness(c.arrangement, emission, {q(1), q(1, 2), q(2)}));
  // A dataset the witness cannot fit (one label changed) is reported, not trusted.
  auto changed = c.data;
  changed.points[3].y.out1 += 1;
  try {
    build_and_verify_witness(c.arrangement, changed, {q(1), q(1, 2), q(2)});
    FAIL();
  } catch (const Diagnostic& e) {
    EXPECT_NE(std::string(e.what()).find("point 3 residual (-1, 0)"), std::string::npos)
        << e.what();
  }
}

TEST(Samples, RationalSatChangedLabelFailsExactlyThatPoint) {
  auto c = compile(inv_rational_sat());
  Network n = build_witness(c.arrangement, {q(1), q(1, 2), q(2)});
  std::vector<std::size_t> probes = {0, c.data.meta->gadgets.back().first_point + 4};
  for (std::size_t k : {std::size_t(0), std::size_t(1), std::size_t(2), layout::no_constraint}) {
    auto at = constraint_point_indices(c.data, k);
    ASSERT_FALSE(at.empty());
    probes.push_back(at.front());
  }
  for (std::size_t j : probes) {
    for (int output : {0, 1}) {
      auto changed = c.data;
      (output == 0 ? changed.points[j].y.out1 : changed.points[j].y.out2) += 1;
      auto report = verify(changed, n);
      ASSERT_EQ(report.failures, 1u) << "point " << j;
      EXPECT_EQ(report.first_failures[0].index, j);
      EXPECT_EQ(report.first_failures[0].residual[output], q(-1));
      EXPECT_EQ(report.first_failures[0].residual[1 - output], q(0));
    }
  }
}

TEST(Samples, RationalSatDecodesAnyFittingNetwork) {
  auto c = compile(inv_rational_sat());
  Network n = disguise(build_witness(c.arrangement, {q(1), q(1, 2), q(2)}), 5);
  ASSERT_TRUE(verify(c.data, n).ok());
  // Probes from the dataset's meta, as `etr2nn decode` finds them.
  auto decoded = decode(decode_input(dataset::arrangement_of(c.data)), n);
  EXPECT_EQ(decoded.values, (etrinv::Assignment{q(1), q(1, 2), q(2)}));
  EXPECT_TRUE(decoded.satisfied());
}

// The probes must lie in the home region: inside their own canonical strip
// and outside every other gadget's closed strip (brute force, small instances).
TEST(Samples, DecodeProbesLieInTheHomeRegionOnly) {
  for (const auto& instance : {inv_rational_sat(), inv_irrational_sat(), inv_unsat_am_gm()}) {
    auto c = compile(instance);
    auto input = decode_input(dataset::arrangement_of(c.data));
    ASSERT_EQ(input.probes.size(), instance.variables.size());
    for (std::size_t v = 0; v < input.probes.size(); ++v) {
      std::size_t own = c.arrangement.canonical.at(v);
      for (const auto& [point, t] :
           {std::pair{input.probes[v].at3, 3}, std::pair{input.probes[v].at5, 5}}) {
        EXPECT_EQ(c.arrangement.gadgets[own].strip.coordinate(point), t);
        for (std::size_t g = 0; g < c.arrangement.gadgets.size(); ++g)
          if (g != own) {
            EXPECT_FALSE(c.arrangement.gadgets[g].strip.contains(point)) << "gadget " << g;
          }
      }
    }
  }
}

TEST(Samples, IrrationalSatHasAnExactAlgebraicWitness) {
  auto c = compile(inv_irrational_sat());
  Real r2 = Real::root(Real(2), 2);
  etrinv::Assignment solution = {Real(1) / r2, r2};
  Network n = build_and_verify_witness(c.arrangement, c.data, solution);
  EXPECT_FALSE(is_rational(n));
  EXPECT_TRUE(verify(c.data, n).ok());
  auto decoded = decode(decode_input(c.arrangement), n);
  EXPECT_EQ(decoded.values, solution);
  EXPECT_TRUE(decoded.satisfied());
  // No rational value is a solution: x = 7/10 fails x * y = 1 with y = 7/5.
  EXPECT_THROW(build_witness(c.arrangement, {q(7, 10), q(7, 5)}), Diagnostic);
}

TEST(Samples, UnsatRejectsEveryCandidateNamingTheConstraint) {
  auto c = compile(inv_unsat());
  std::vector<Real> candidates = {q(1, 2), q(2, 3), q(1), q(3, 2), q(2), Real::root(Real(2), 2)};
  for (const auto& x : candidates) {
    try {
      build_witness(c.arrangement, {x});
      FAIL() << "x = " << x.to_string() << " accepted";
    } catch (const Diagnostic& e) {
      EXPECT_NE(std::string(e.what()).find("(x + x = x) is violated"), std::string::npos)
          << e.what();
    }
  }
  // x = 1 on the full arrangement fits everything but the point of x + x = x,
  // and decode names that constraint.
  Network n = profile_network(c.arrangement, {q(1)});
  auto report = verify(c.data, n);
  ASSERT_EQ(report.failures, 1u);
  EXPECT_EQ(std::vector<std::size_t>{report.first_failures[0].index},
            constraint_point_indices(c.data, 0));
  auto decoded = decode(decode_input(dataset::arrangement_of(c.data)), n);
  EXPECT_EQ(decoded.values, (etrinv::Assignment{q(1)}));
  ASSERT_EQ(decoded.constraints.size(), 1u);
  EXPECT_FALSE(decoded.constraints[0].holds);
  EXPECT_EQ(decoded.constraints[0].text, "x + x = x");
  // x = 0 satisfies x + x = x but lies outside [1/2, 2].
  try {
    build_witness(c.arrangement, {q(0)});
    FAIL();
  } catch (const Diagnostic& e) {
    EXPECT_NE(std::string(e.what()).find("outside [1/2, 2]"), std::string::npos) << e.what();
  }
}

TEST(Samples, AmGmRejectsCandidatesAndDecodeNamesTheFailingConstraint) {
  auto c = compile(inv_unsat_am_gm());
  const std::vector<Real> grid = {q(1, 2), q(1), q(3, 2), q(2), Real::root(Real(2), 2)};
  for (const auto& x : grid)
    for (const auto& y : grid)
      for (const auto& z : grid) {
        try {
          build_witness(c.arrangement, {x, y, z});
          ADD_FAILURE() << "accepted x = " << x.to_string() << ", y = " << y.to_string()
                        << ", z = " << z.to_string();
        } catch (const Diagnostic& e) {
          EXPECT_NE(std::string(e.what()).find(") is violated: "), std::string::npos) << e.what();
        }
      }
  // x = y = 1, z = 2 satisfies all but z = 1: with the profiles of that
  // assignment on the FULL arrangement, only the point of z = 1 is missed.
  Network n = disguise(profile_network(c.arrangement, {q(1), q(1), q(2)}), 9);
  auto report = verify(c.data, n);
  ASSERT_EQ(report.failures, 1u);
  EXPECT_EQ(std::vector<std::size_t>{report.first_failures[0].index},
            constraint_point_indices(c.data, 2));
  auto decoded = decode(decode_input(dataset::arrangement_of(c.data)), n);
  EXPECT_EQ(decoded.values, (etrinv::Assignment{q(1), q(1), q(2)}));
  ASSERT_EQ(decoded.constraints.size(), 3u);
  EXPECT_TRUE(decoded.constraints[0].holds);
  EXPECT_TRUE(decoded.constraints[1].holds);
  EXPECT_FALSE(decoded.constraints[2].holds);
  EXPECT_EQ(decoded.constraints[2].text, "z = 1");
}

}  // namespace
}  // namespace etr2nn::network
