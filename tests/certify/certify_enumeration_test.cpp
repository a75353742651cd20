// The case split behind claims 1-2 is complete: every CPWL map with at most k
// breakpoints through a table's data has a type that enumerate_types()
// produces, and its actual values and slopes satisfy that type's encoding.
// (If either failed, a counterexample could hide in a type never checked.)
#include <gtest/gtest.h>

#include <random>

#include "certify/detail/cpwl_type_encoding.hpp"
#include "certify/detail/cpwl_type_enumeration.hpp"
#include "gadgets/cpwl.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::certify {
namespace {

using gadgets::Breakpoint;
using gadgets::Cpwl;
using numeric::Real;

mpq_class q(const Real& r) {
  return r.rational();
}

// The type of f relative to the table (as docs/gadgets.md defines it).
CpwlType type_of(const Cpwl& f, const PositionTable& table) {
  const auto& p = table.positions;
  CpwlType t;
  t.at_position.assign(p.size(), 0);
  t.in_gap.assign(p.size() - 1, 0);
  for (const auto& b : f.breakpoints()) {
    mpq_class beta = q(b.beta);
    if (beta <= p.front() || beta >= p.back() || (b.delta1.sign() == 0 && b.delta2.sign() == 0))
      continue;
    for (std::size_t j = 0; j < p.size(); ++j) {
      if (beta == p[j]) t.at_position[j] = 1;
      if (j + 1 < p.size() && p[j] < beta && beta < p[j + 1])
        t.in_gap[j] = std::min(2u, t.in_gap[j] + 1);
    }
  }
  return t;
}

bool same(const CpwlType& a, const CpwlType& b) {
  return a.at_position == b.at_position && a.in_gap == b.in_gap;
}

struct Random {
  std::mt19937 gen{20261125};
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(gen); }
};

TEST(CertifyEnumeration, EveryFitHasAnEnumeratedTypeWhoseEncodingItSatisfies) {
  Random rnd;
  z3::context& c = numeric::z3_context();
  for (int trial = 0; trial < 400; ++trial) {
    // A random CPWL map with k breakpoints, some on positions, some between.
    unsigned k = static_cast<unsigned>(rnd.between(1, 4));
    std::vector<Breakpoint> bps;
    for (unsigned i = 0; i < k; ++i) {
      mpq_class beta(rnd.between(1, 38), 2);  // halves in (0, 19): on and between integer positions
      beta.canonicalize();
      bps.push_back({Real(beta), Real(rnd.between(-3, 3)), Real(rnd.between(-3, 3))});
    }
    Cpwl f({rnd.between(-2, 2), rnd.between(-2, 2)}, {rnd.between(-1, 1), 0}, bps);
    // Data lines on some integers, measuring lines on others.
    std::vector<gadgets::DataLine> data;
    std::vector<gadgets::MeasuringLine> measuring;
    for (int t = 0; t <= 19; ++t) {
      int kind = rnd.between(0, 3);
      if (kind == 0) continue;
      auto v = f(Real(t));
      if (kind == 1)
        measuring.push_back({t, "", {}, {}});
      else
        data.push_back({t, {q(v.out1), q(v.out2)}});
    }
    if (data.size() + measuring.size() < 2) continue;
    PositionTable table = position_table(data, measuring);
    CpwlType expected = type_of(f, table);
    ASSERT_LE(expected.total(), k);

    bool found = false;
    enumerate_types(table, k, [&](const CpwlType& t) { found = found || same(t, expected); });
    ASSERT_TRUE(found) << "trial " << trial << ": type [" << expected.describe(table.positions)
                       << "] of a fitting map was not enumerated";

    // The map's own values and end-of-gap slopes satisfy the type's encoding.
    TypeEncoding enc = encode_type(c, table, expected);
    z3::solver s(c, "QF_NRA");
    for (unsigned i = 0; i < enc.linear.size(); ++i) s.add(enc.linear[i]);
    for (unsigned i = 0; i < enc.sharing.size(); ++i) s.add(enc.sharing[i]);
    const auto& p = table.positions;
    auto num = [&](const Real& r) { return c.real_val(q(r).get_str().c_str()); };
    for (std::size_t j = 0; j < p.size(); ++j) {
      auto v = f(Real(p[j]));
      if (!table.label[j]) {
        s.add(c.real_const(value_name(1, p[j]).c_str()) == num(v.out1));
        s.add(c.real_const(value_name(2, p[j]).c_str()) == num(v.out2));
      }
      if (j + 1 < p.size() && expected.in_gap[j] > 0) {
        // Slope just right of p_j, and just left of p_{j+1}.
        mpq_class last = p[j];
        for (const auto& b : bps)
          if (q(b.beta) < p[j + 1] && q(b.beta) > last) last = q(b.beta);
        auto left = f.slope_right_of(Real(p[j]));
        auto right = f.slope_right_of(Real((last + p[j + 1]) / 2));
        s.add(c.real_const(slope_name(true, 1, j).c_str()) == num(left.out1));
        s.add(c.real_const(slope_name(true, 2, j).c_str()) == num(left.out2));
        s.add(c.real_const(slope_name(false, 1, j).c_str()) == num(right.out1));
        s.add(c.real_const(slope_name(false, 2, j).c_str()) == num(right.out2));
      }
    }
    ASSERT_EQ(s.check(), z3::sat) << "trial " << trial << ": the map violates its type's encoding ["
                                  << expected.describe(p) << "]";
  }
}

TEST(CertifyEnumeration, PrunesTypesThatCannotFit) {
  // Data 0, 0, 1 at t = 0, 1, 2 and a measuring line at 3: one breakpoint must
  // sit in (0, 2); the affine type is never produced.
  PositionTable table = position_table({{0, {0, 0}}, {1, {0, 0}}, {2, {1, 0}}}, {{3, "", {}, {}}});
  std::size_t affine = 0, all = 0;
  enumerate_types(table, 1, [&](const CpwlType& t) {
    ++all;
    affine += t.total() == 0;
    EXPECT_TRUE(t.in_gap[0] || t.at_position[1] || t.in_gap[1]) << t.describe(table.positions);
  });
  EXPECT_EQ(affine, 0u);
  EXPECT_EQ(all, 3u);  // gap(0,1), at 1, gap(1,2)
  EXPECT_THROW(position_table({{1, {0, 0}}}, {{1, "", {}, {}}}), std::invalid_argument);
}

}  // namespace
}  // namespace etr2nn::certify
