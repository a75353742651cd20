// Each invariant broken on purpose must be caught, and by its own number.
#include "layout/invariants.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "layout/layout.hpp"
#include "tests/layout/test_instances.hpp"

namespace etr2nn::layout {
namespace {

bool caught(const Arrangement& a, std::size_t m, int invariant) {
  for (const auto& v : find_violations(a, m, 0))
    if (v.invariant == invariant) return true;
  return false;
}

class Invariants : public ::testing::Test {
 protected:
  Arrangement a = layout(testing::inv_rational_sat());
  std::size_t m = a.hidden_neurons();

  // The first data point of the first fresh gadget with normal n.
  DataPoint& fresh_point(geometry::Normal n) {
    for (auto& d : a.data_points)
      if (a.gadgets[d.gadget].role != Gadget::Role::Canonical &&
          a.gadgets[d.gadget].strip.normal == n)
        return d;
    throw std::logic_error("no such point");
  }
  ConstraintPoint& column_point() {
    for (auto& c : a.constraint_points)
      if (c.constraint != no_constraint) return c;
    throw std::logic_error("no column point");
  }
};

TEST_F(Invariants, HoldForTheLayout) {
  EXPECT_TRUE(find_violations(a, m).empty());
  EXPECT_NO_THROW(check_invariants(a, m));
}

TEST_F(Invariants, OneCatchesADataPointOffItsLine) {
  a.data_points.front().where.y += mpq_class(1, 7);
  EXPECT_TRUE(caught(a, m, 1));
  try {
    check_invariants(a, m);
    ADD_FAILURE() << "no exception";
  } catch (const InvariantViolation& e) {
    EXPECT_EQ(e.invariant(), 1);
    EXPECT_NE(std::string(e.what()).find("data point 0"), std::string::npos) << e.what();
  }
}

TEST_F(Invariants, OneCatchesADataPointInsideAnotherStrip) {
  // Slide a vertical fresh gadget's point along its own data line up into the
  // canonical stack: still on its line, now inside a canonical strip.
  auto& d = fresh_point({1, 0});
  d.where.y = a.gadgets[a.canonical[0]].strip.offset + 1;
  EXPECT_TRUE(caught(a, m, 1));
  EXPECT_FALSE(caught(a, m, 2));
}

TEST_F(Invariants, OneCatchesADataLineWithoutPoints) {
  std::erase_if(a.data_points, [](const DataPoint& d) { return d.gadget == 0 && d.line == 4; });
  EXPECT_TRUE(caught(a, m, 1));
}

TEST_F(Invariants, TwoCatchesAConstraintPointOffItsLines) {
  column_point().where.x += 1;
  EXPECT_TRUE(caught(a, m, 2));
}

TEST_F(Invariants, TwoCatchesAConstraintPointInAnUnintendedStrip) {
  // Claim a copy link uses a different canonical gadget: the point is off
  // that gadget's line and inside the strip of the one it really lies on.
  for (auto& c : a.constraint_points)
    if (c.constraint == no_constraint) {
      for (auto& g : c.gadgets)
        if (a.gadgets[g].role == Gadget::Role::Canonical)
          g = g == a.canonical[0] ? a.canonical[1] : a.canonical[0];
      break;
    }
  const auto violations = find_violations(a, m, 0);
  int inside = 0;
  for (const auto& v : violations)
    if (v.invariant == 2 && v.message.find("lies in the strip") != std::string::npos) ++inside;
  EXPECT_EQ(inside, 1);
}

TEST_F(Invariants, TwoCatchesTwoLinesOfOneGadget) {
  auto& c = column_point();
  c.gadgets[1] = c.gadgets[2];  // both I lines of one gadget (same kind, so structure holds)
  EXPECT_TRUE(caught(a, m, 2));
}

TEST_F(Invariants, ThreeCatchesOverlappingParallelStrips) {
  a.gadgets[a.canonical[1]].strip.offset = a.gadgets[a.canonical[0]].strip.offset + 19;  // touching
  EXPECT_TRUE(caught(a, m, 3));
}

TEST_F(Invariants, FourCatchesTooManyLabels) {
  static std::vector<gadgets::ConstraintPointKind> extra;
  for (int i = 0; i < 4; ++i)
    extra.push_back({"extra", "-", gadgets::copy_point().lines, {100 + i, 0}});
  const auto copy_link = [&] {
    for (const auto& c : a.constraint_points)
      if (c.constraint == no_constraint) return c;
    throw std::logic_error("no link");
  }();
  for (const auto& k : extra) {
    auto c = copy_link;
    c.kind = &k;
    a.constraint_points.push_back(c);
  }
  EXPECT_TRUE(caught(a, m, 4));
  a.constraint_points.resize(a.constraint_points.size() - 1);  // 13 labels: allowed
  EXPECT_FALSE(caught(a, m, 4));
}

TEST_F(Invariants, FiveCatchesAWrongNeuronCount) {
  EXPECT_TRUE(caught(a, m + 1, 5));
  EXPECT_TRUE(caught(a, m - 1, 5));
  EXPECT_FALSE(caught(a, m, 5));
}

TEST_F(Invariants, StructuralNonsenseIsReportedNotDereferenced) {
  a.data_points.front().gadget = a.gadgets.size();
  EXPECT_TRUE(caught(a, m, 1));
}

}  // namespace
}  // namespace etr2nn::layout

namespace etr2nn::layout {
namespace {

// Invariants 1-3 by brute force: every point against every strip, every pair
// of parallel strips. Quadratic, for cross-checking the fast checker.
bool brute_force_ok(const Arrangement& a) {
  for (std::size_t g = 0; g < a.gadgets.size(); ++g)
    for (std::size_t h = g + 1; h < a.gadgets.size(); ++h) {
      const auto& s = a.gadgets[g].strip;
      const auto& t = a.gadgets[h].strip;
      if (s.normal == t.normal && s.offset <= t.offset + t.width && t.offset <= s.offset + s.width)
        return false;
    }
  for (const auto& d : a.data_points) {
    if (a.gadgets[d.gadget].strip.coordinate(d.where) !=
        a.gadgets[d.gadget].kind->data_lines()[d.line].position)
      return false;
    for (std::size_t g = 0; g < a.gadgets.size(); ++g)
      if (g != d.gadget && a.gadgets[g].strip.contains(d.where)) return false;
  }
  for (const auto& c : a.constraint_points) {
    for (std::size_t k = 0; k < c.gadgets.size(); ++k)
      if (a.gadgets[c.gadgets[k]].strip.coordinate(c.where) != c.kind->lines[k].position)
        return false;
    for (std::size_t g = 0; g < a.gadgets.size(); ++g)
      if (std::find(c.gadgets.begin(), c.gadgets.end(), g) == c.gadgets.end() &&
          a.gadgets[g].strip.contains(c.where))
        return false;
  }
  return true;
}

bool geometric_violation(const Arrangement& a) {
  for (const auto& v : find_violations(a, a.hidden_neurons(), 0))
    if (v.invariant <= 3) return true;
  return false;
}

// Random small moves of points and strips: the fast checker must agree with
// brute force every time, on both outcomes.
TEST(InvariantsCrossCheck, FastCheckAgreesWithBruteForceUnderRandomMoves) {
  const Arrangement original = layout(testing::inv_unsat_am_gm());
  ASSERT_TRUE(brute_force_ok(original));
  std::mt19937_64 rng(12345);
  int broken = 0, intact = 0;
  for (int trial = 0; trial < 300; ++trial) {
    Arrangement a = original;
    const auto r = rng() % 4;
    const mpq_class step(static_cast<long>(rng() % 41) - 20, 1 + static_cast<long>(rng() % 4));
    if (r == 0) {
      a.data_points[rng() % a.data_points.size()].where.x += step * 30;
    } else if (r == 1) {
      a.constraint_points[rng() % a.constraint_points.size()].where.y += step;
    } else if (r == 2) {
      a.gadgets[rng() % a.gadgets.size()].strip.offset += step * 10;
    } else {  // move a point onto another point's place
      a.data_points[rng() % a.data_points.size()].where =
          a.constraint_points[rng() % a.constraint_points.size()].where;
    }
    const bool ok = brute_force_ok(a);
    EXPECT_EQ(!geometric_violation(a), ok) << "trial " << trial;
    (ok ? intact : broken)++;
  }
  EXPECT_GT(broken, 50);  // the moves do exercise both outcomes
  EXPECT_GT(intact, 10);
}

}  // namespace
}  // namespace etr2nn::layout
