// Each invariant broken on purpose must be caught, and by its own number.
#include "layout/invariants.hpp"

#include <gtest/gtest.h>

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
      if (a.gadgets[d.gadget].role != Gadget::Role::Canonical && a.gadgets[d.gadget].strip.normal == n) return d;
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
        if (a.gadgets[g].role == Gadget::Role::Canonical) g = g == a.canonical[0] ? a.canonical[1] : a.canonical[0];
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
