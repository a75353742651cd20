// Each check N1–N7 broken on purpose must be caught, and by its own number;
// N3–N6 agree with brute force on small arrangements.
#include "layout/detail/invariants.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "generate/generate.hpp"
#include "layout/detail/layout.hpp"
#include "layout/detail/soundness_checks.hpp"
#include "tests/layout/brute_force.hpp"
#include "tests/layout/mutations.hpp"
#include "tests/layout/test_instances.hpp"

namespace etr2nn::layout {
namespace {

using testing::brute_force_foreign_points;
using testing::brute_force_shear_triples;
using testing::brute_force_window_overlaps;

bool caught(const Arrangement& a, std::size_t m, int check) {
  for (const auto& v : find_violations(a, m, 0))
    if (v.check == check) return true;
  return false;
}
bool caught(const Arrangement& a, int check) {
  return caught(a, a.hidden_neurons(), check);
}

class Checks : public ::testing::Test {
 protected:
  Arrangement a = layout(testing::inv_rational_sat());
  std::size_t m = a.hidden_neurons();

  ConstraintPoint& column_point() {
    for (auto& c : a.constraint_points)
      if (c.constraint != no_constraint) return c;
    throw std::logic_error("no column point");
  }
};

TEST_F(Checks, HoldForTheLayout) {
  EXPECT_TRUE(find_violations(a, m).empty());
  EXPECT_NO_THROW(check_invariants(a, m));
  EXPECT_EQ(brute_force_window_overlaps(a), 0u);
  EXPECT_EQ(brute_force_shear_triples(a), 0u);
  EXPECT_EQ(brute_force_foreign_points(a), 0u);
}

TEST_F(Checks, N1CatchesAFamilyParallelToTheLanes) {
  a.lanes.direction = {0, 1};  // the V family's normal (1, 0) is orthogonal to it
  EXPECT_TRUE(caught(a, 1));
}

TEST_F(Checks, N1CatchesAGadgetWithAnotherFamilysNormal) {
  a.gadgets.back().strip.normal = {1, 2};
  EXPECT_TRUE(caught(a, 1));
}

TEST_F(Checks, N2CatchesAHomePointMovedAlongItsDataLineOffItsLane) {
  // Along the data line of a canonical gadget (normal (0,1)): x changes, t does not.
  for (auto& d : a.data_points.edit())
    if (a.gadgets[d.gadget].role == Gadget::Role::Canonical) {
      d.where.x += mpq_class(1, 7);
      break;
    }
  EXPECT_TRUE(caught(a, 2));
  try {
    check_invariants(a, m);
    ADD_FAILURE() << "no exception";
  } catch (const InvariantViolation& e) {
    EXPECT_EQ(e.check(), 2);
    EXPECT_NE(std::string(e.what()).find("is not on lane"), std::string::npos) << e.what();
  }
}

TEST_F(Checks, N2CatchesAPointOffItsDataLineAMissingOneAndADuplicate) {
  Arrangement off = a, missing = a, twice = a;
  off.data_points.edit()[5].where.y += 1;
  EXPECT_TRUE(caught(off, 2));
  missing.data_points.edit().erase(missing.data_points.edit().begin() + 7);
  EXPECT_TRUE(caught(missing, 2));
  auto& doubled = twice.data_points.edit();
  doubled[8].lane = doubled[7].lane;
  doubled[8].where = doubled[7].where;
  EXPECT_TRUE(caught(twice, 2));
}

// Generated points that GadgetPoints gives are checked once per template:
// every template of the layout passes, and each way of breaking one (a point
// off its data line, a point moved along its line off its lane, a slope that
// leaves the line or the lane as the offset grows) is caught.
TEST_F(Checks, N2ProvesEachTemplateAndCatchesABrokenOne) {
  const GadgetPoints points(a);
  ASSERT_FALSE(points.templates().empty());
  const auto reports = [&](const GadgetPoints::Template& t) {
    Violations out;
    check_home_point_template(a, t, out);
    for (const auto& v : out.found()) EXPECT_EQ(v.check, 2);
    return out.found();
  };
  for (const auto& t : points.templates()) {
    ASSERT_TRUE(t.fits);
    EXPECT_TRUE(reports(t).empty()) << reports(t).front().message;
  }
  const auto mentions = [](const std::vector<Violation>& found, const std::string& text) {
    for (const auto& v : found)
      if (v.message.find(text) != std::string::npos) return true;
    return false;
  };
  auto off_line = points.templates().front();
  off_line.x[4] += off_line.normal.a != 0 ? 1 : 0;
  off_line.y[4] += off_line.normal.a != 0 ? 0 : 1;
  EXPECT_TRUE(mentions(reports(off_line), "not its data line t ="));
  auto along = points.templates().front();  // (n.b, -n.a) keeps n·p, not the lane
  along.x[7] += along.normal.b;
  along.y[7] -= along.normal.a;
  const auto along_found = reports(along);
  EXPECT_TRUE(mentions(along_found, "is not on lane 1"));
  EXPECT_FALSE(mentions(along_found, "not its data line"));
  auto slope = points.templates().front();
  slope.slope_x += 1;
  EXPECT_TRUE(mentions(reports(slope), "move off"));
}

// Gadgets whose points do not fit machine integers are checked point by point
// (exactly, with GMP), next to those checked through their template.
TEST_F(Checks, N2ChecksGadgetsOutsideMachineIntegersPointByPoint) {
  const mpz_class huge = mpz_class(1) << 100;
  for (std::size_t g = 0; g < a.gadgets.size(); g += 2)
    a.gadgets[g].strip.offset = mpq_class(huge + 1, 3);
  const GadgetPoints points(a);
  GadgetPointBatch batch;
  std::size_t declined = 0;
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) declined += points.compute(g, batch) ? 0 : 1;
  ASSERT_GT(declined, 0u);
  ASSERT_LT(declined, a.gadgets.size());
  Violations out;
  check_home_points(a, out);
  EXPECT_TRUE(out.found().empty()) << out.found().front().message;
}

// lane_windows computes lane_crossing's τ per normal, not per gadget, and
// sorts through a double key: each window must still be exactly
// [lane_crossing(0), lane_crossing(19)] (ordered), and the list sorted by the
// exact low end, also with offsets whose doubles tie or are far from int64.
TEST_F(Checks, LaneWindowsAreTheLaneCrossingsSortedExactly) {
  const mpz_class huge = mpz_class(1) << 90;
  const mpq_class offsets[] = {mpq_class(7, 3),        mpq_class(-5, 2),   mpq_class(huge + 1, 3),
                               mpq_class(huge + 2, 3), mpq_class(1, huge), mpq_class(2, huge)};
  for (std::size_t g = 0; g < a.gadgets.size(); g += 3)
    a.gadgets[g].strip.offset = offsets[(g / 3) % std::size(offsets)];
  for (unsigned j = 0; j < lane_count; ++j) {
    const std::vector<Window> w = lane_windows(a, j);
    ASSERT_EQ(w.size(), a.gadgets.size());
    std::vector<bool> seen(a.gadgets.size(), false);
    for (std::size_t i = 0; i < w.size(); ++i) {
      const auto& s = a.gadgets[w[i].gadget].strip;
      mpq_class low = lane_crossing(a.lanes, j, s, 0), high = lane_crossing(a.lanes, j, s, s.width);
      if (high < low) std::swap(low, high);
      EXPECT_EQ(w[i].low, low) << "lane " << j << " window " << i;
      EXPECT_EQ(w[i].high, high) << "lane " << j << " window " << i;
      EXPECT_FALSE(seen[w[i].gadget]);
      seen[w[i].gadget] = true;
      if (i > 0) {
        EXPECT_LE(w[i - 1].low, w[i].low) << "lane " << j << " window " << i;
      }
    }
  }
}

TEST_F(Checks, N3AndN4CatchAPitchTooSmall) {
  testing::stack_canonical_gadgets(a, 10);  // canonical strips 10 apart: they overlap
  EXPECT_TRUE(caught(a, 3));
  EXPECT_TRUE(caught(a, 4));
  EXPECT_GT(brute_force_window_overlaps(a), 0u);
}

TEST_F(Checks, N4CatchesAConstraintPointOffItsLines) {
  column_point().where.x += mpq_class(1, 7);
  EXPECT_TRUE(caught(a, 4));
  EXPECT_FALSE(caught(a, 2));
}

TEST_F(Checks, N4CatchesAConstraintPointInAnUnintendedStrip) {
  // Claim a copy link uses a different canonical gadget: the point is off
  // that gadget's line and inside the strip of the one it really lies on.
  for (auto& c : a.constraint_points)
    if (c.constraint == no_constraint) {
      for (auto& g : c.gadgets)
        if (a.gadgets[g].role == Gadget::Role::Canonical)
          g = g == a.canonical[0] ? a.canonical[1] : a.canonical[0];
      break;
    }
  int inside = 0;
  for (const auto& v : find_violations(a, m, 0))
    if (v.check == 4 && v.message.find("lies in the strip") != std::string::npos) ++inside;
  EXPECT_EQ(inside, 1);
}

TEST_F(Checks, N4CatchesTwoLinesOfOneGadget) {
  auto& c = column_point();
  c.gadgets[1] = c.gadgets[2];  // both I lines of one gadget (same kind, so structure holds)
  EXPECT_TRUE(caught(a, 4));
}

// The meta's instance must be the one the points enforce: a constraint whose
// kind changed (inv -> add), a constraint without its point, a fresh copy
// without its link.
TEST_F(Checks, N4CatchesPointsThatDoNotEnforceTheInstance) {
  Arrangement changed = a;
  for (auto& c : changed.instance.constraints)
    if (c.kind == etrinv::Constraint::Kind::Inv) {
      c.kind = etrinv::Constraint::Kind::Add;
      c.vars[2] = c.vars[0];
    }
  EXPECT_TRUE(caught(changed, 4));
  Arrangement more = a;
  more.instance.constraints.push_back(more.instance.constraints.front());
  EXPECT_TRUE(caught(more, 4));
  Arrangement unlinked = a;
  for (std::size_t i = 0; i < unlinked.constraint_points.size(); ++i)
    if (unlinked.constraint_points[i].constraint == no_constraint) {
      unlinked.constraint_points.erase(unlinked.constraint_points.begin() + static_cast<long>(i));
      break;
    }
  EXPECT_TRUE(caught(unlinked, 4));
}

// The stacked offsets 40·v of the old layout: 0, 40, 80 is a 3-term
// progression, so a line can cross the lanes in windows of three canonical
// gadgets. N5 refuses the index set; brute force finds the triples.
TEST_F(Checks, N5CatchesTheOldStackAndBruteForceFindsShearTriples) {
  testing::stack_canonical_gadgets(a, 40);
  EXPECT_TRUE(caught(a, 5));
  EXPECT_GT(brute_force_shear_triples(a), 0u);
}

TEST_F(Checks, N5CatchesRepeatedIndicesAndAPitchBelowTheSpread) {
  Arrangement same = a;
  same.gadgets[same.canonical[1]].index = same.gadgets[same.canonical[0]].index;
  EXPECT_TRUE(caught(same, 5));
  Arrangement tight = a;
  tight.families[0].pitch = 38;  // 2·19 + 2·0: not strictly more
  EXPECT_TRUE(caught(tight, 5));
}

// Lane direction (1, 3): windows stay disjoint and points stay clear, but the
// families' regions along the lanes no longer rule out mixed progressions.
TEST(ChecksOnPlanted, N6CatchesLaneDirectionOneThree) {
  Arrangement a = layout(generate::planted_instance(10, 1).instance);
  a.lanes.direction = {1, 3};
  testing::rehome(a);
  EXPECT_FALSE(caught(a, 3));
  EXPECT_FALSE(caught(a, 4));
  EXPECT_TRUE(caught(a, 6));
  EXPECT_GT(brute_force_shear_triples(a), 0u);
}

TEST_F(Checks, N7CatchesTooManyLabelsAndAWrongNeuronCount) {
  EXPECT_TRUE(caught(a, m + 1, 7));
  EXPECT_TRUE(caught(a, m - 1, 7));
  EXPECT_FALSE(caught(a, m, 7));
  static std::vector<gadgets::ConstraintPointKind> extra;
  for (int i = 0; i < 4; ++i)
    extra.push_back({"extra", "-", gadgets::copy_point().lines, {100 + i, 0}});
  Arrangement b = a;
  for (const auto& k : extra)
    for (const auto& c : a.constraint_points)
      if (c.constraint == no_constraint) {
        b.constraint_points.push_back(c);
        b.constraint_points.back().kind = &k;
        break;
      }
  EXPECT_TRUE(caught(b, m, 7));
  b.constraint_points.pop_back();  // 13 labels: allowed
  EXPECT_FALSE(caught(b, m, 7));
}

TEST_F(Checks, StructuralNonsenseIsReportedNotDereferenced) {
  Arrangement b = a;
  b.data_points.edit().front().gadget = b.gadgets.size();
  EXPECT_TRUE(caught(b, 2));
  Arrangement c = a;
  c.gadgets.front().family = 9;
  EXPECT_TRUE(caught(c, 1));
}

// find_violations builds the windows lane by lane (one lane's in memory at
// a time) and keeps only the family hulls for N6: that must report exactly
// what the three lanes' windows at once report, on arrangements that break
// N3 (a strip moved onto its neighbour) and N6 (lane direction (1, 3)).
TEST(ChecksLaneByLane, ReportWhatAllLanesAtOnceReport) {
  const Arrangement original = layout(generate::planted_instance(10, 1).instance);
  std::mt19937_64 rng(2026);
  const auto messages = [](const Violations& v) {
    std::vector<std::string> out;
    for (const auto& x : v.found()) out.push_back(to_string(x));
    return out;
  };
  int with_n3 = 0, with_n6 = 0;
  for (int trial = 0; trial < 40; ++trial) {
    Arrangement a = original;
    if (trial % 2 == 0) a.lanes.direction = {1, 3};
    // A gadget moved to within 10 of another of its family: their windows overlap.
    const std::size_t g = rng() % a.gadgets.size();
    std::size_t h = rng() % a.gadgets.size();
    while (h == g || a.gadgets[h].family != a.gadgets[g].family) h = (h + 1) % a.gadgets.size();
    a.gadgets[g].strip.offset =
        a.gadgets[h].strip.offset +
        mpq_class(static_cast<long>(rng() % 21) - 10, 1 + static_cast<long>(rng() % 3));
    const LaneWindows all = lane_windows(a);
    Violations n3_all, n6_all, n3_each, n6_each;
    check_lane_windows(a, all, n3_all);
    check_family_hulls(a, all, n6_all);
    FamilyHulls hulls(a.families.size());
    for (unsigned j = 0; j < lane_count; ++j) {
      const std::vector<Window> windows = lane_windows(a, j);
      ASSERT_EQ(windows.size(), all[j].size());
      for (std::size_t i = 0; i < windows.size(); ++i) {
        EXPECT_EQ(windows[i].low, all[j][i].low);
        EXPECT_EQ(windows[i].high, all[j][i].high);
        EXPECT_EQ(windows[i].gadget, all[j][i].gadget);
      }
      check_lane_windows(a, j, windows, n3_each);
      add_to_hulls(a, j, windows, hulls);
    }
    check_family_hulls(a, hulls, n6_each);
    EXPECT_EQ(messages(n3_each), messages(n3_all)) << "trial " << trial;
    EXPECT_EQ(messages(n6_each), messages(n6_all)) << "trial " << trial;
    with_n3 += !n3_all.found().empty();
    with_n6 += !n6_all.found().empty();
    // find_violations (lane by lane) reports N3 and N6 exactly when they fail.
    EXPECT_EQ(caught(a, 3), !n3_all.found().empty()) << "trial " << trial;
    EXPECT_EQ(caught(a, 6), !n6_all.found().empty()) << "trial " << trial;
  }
  EXPECT_GT(with_n3, 0);
  EXPECT_GT(with_n6, 0);
}

// Random changes to strips, lanes and points: whenever N3 passes, brute force
// finds no overlapping windows (and conversely); whenever N5 and N6 pass,
// brute force finds no shear triple; whenever N2, N3 and N4 pass, no point
// lies in a foreign strip. Both outcomes must occur.
TEST(ChecksCrossCheck, FastChecksAgreeWithBruteForceUnderRandomChanges) {
  const Arrangement original = layout(generate::planted_instance(6, 3).instance);
  std::mt19937_64 rng(12345);
  int passed = 0, failed = 0;
  for (int trial = 0; trial < 120; ++trial) {
    Arrangement a = original;
    const mpq_class step(static_cast<long>(rng() % 41) - 20, 1 + static_cast<long>(rng() % 4));
    switch (rng() % 5) {
      case 0: a.gadgets[rng() % a.gadgets.size()].strip.offset += step * 3; break;
      case 1: a.lanes.spacing.x += step; break;
      case 2: a.lanes.direction = {1, static_cast<long>(rng() % 5) - 2}; break;
      case 3: a.gadgets[rng() % a.gadgets.size()].index = rng() % 40; break;
      default: a.lanes.base.y += step * 20; break;
    }
    if (a.lanes.direction.b == -1 || a.lanes.direction.b == 0 || a.lanes.direction.b == 1)
      a.lanes.direction = {1, 2};  // keep every family crossing the lanes (N1)
    testing::rehome(a);
    Violations out;
    check_structure(a, out);
    check_lane_directions(a, out);
    ASSERT_TRUE(out.found().empty()) << "trial " << trial;
    const LaneWindows windows = lane_windows(a);
    Violations n2, n3, n4, n5, n6;
    check_home_points(a, n2);
    check_lane_windows(a, windows, n3);
    check_point_strips(a, n4);
    check_family_indices(a, n5);
    check_family_hulls(a, windows, n6);
    EXPECT_EQ(n3.found().empty(), brute_force_window_overlaps(a) == 0) << "trial " << trial;
    if (n5.found().empty() && n6.found().empty()) {
      EXPECT_EQ(brute_force_shear_triples(a), 0u) << "trial " << trial;
    }
    if (n2.found().empty() && n3.found().empty() && n4.found().empty()) {
      EXPECT_EQ(brute_force_foreign_points(a), 0u) << "trial " << trial;
    }
    const bool all =
        n3.found().empty() && n4.found().empty() && n5.found().empty() && n6.found().empty();
    (all ? passed : failed)++;
  }
  EXPECT_GT(failed, 20);
  EXPECT_GT(passed, 10);
}

}  // namespace
}  // namespace etr2nn::layout
