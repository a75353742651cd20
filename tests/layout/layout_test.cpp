#include "layout/detail/layout.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>

#include "gadgets/registry.hpp"
#include "generate/generate.hpp"
#include "layout/detail/invariants.hpp"
#include "tests/layout/test_instances.hpp"

namespace etr2nn::layout {
namespace {

using numeric::Real;

const gadgets::ConstraintPointKind& kind_of(const etrinv::Constraint& c) {
  switch (c.kind) {
    case etrinv::Constraint::Kind::One: return gadgets::one_point();
    case etrinv::Constraint::Kind::Add: return gadgets::add_point();
    case etrinv::Constraint::Kind::Inv: return gadgets::inv_point();
  }
  throw std::logic_error("kind");
}

// The witness network (docs/reduction.md), evaluated directly from the gadget
// profiles (quadratic; small instances only): the sum of every gadget's
// ridge at p.
gadgets::Label fit(const Arrangement& a, const std::vector<mpq_class>& values,
                   const geometry::Point& p) {
  Real o1 = 0, o2 = 0;
  for (const auto& g : a.gadgets) {
    auto [v1, v2] =
        gadgets::evaluate(g.kind->witness(Real(values[g.variable])), Real(g.strip.coordinate(p)));
    o1 = o1 + v1;
    o2 = o2 + v2;
  }
  return {o1.rational(), o2.rational()};
}

// Points of the arrangement whose label the witness for `values` misses.
std::size_t misses(const Arrangement& a, const std::vector<mpq_class>& values) {
  std::size_t n = 0;
  for (const auto& d : a.data_points)
    if (fit(a, values, d.where) != a.gadgets[d.gadget].kind->data_lines()[d.line].label) ++n;
  for (const auto& c : a.constraint_points)
    if (fit(a, values, c.where) != c.kind->label) ++n;
  return n;
}

TEST(Layout, InvRationalSatHasTheSchemesCounts) {
  const auto instance = testing::inv_rational_sat();
  const Arrangement a = layout(instance);
  // Expected from the scheme, kind by kind: one canonical I per variable, one
  // fresh gadget per line of each constraint's point kind, one copy link per
  // fresh I gadget.
  std::size_t gadgets = instance.variables.size(), copies = 0, data = 0, neurons = 0;
  std::set<gadgets::Label> labels{gadgets::copy_point().label};
  for (const auto& c : instance.constraints) {
    const auto& kind = kind_of(c);
    labels.insert(kind.label);
    for (const auto& line : kind.lines) {
      ++gadgets;
      if (line.kind == &gadgets::inversion_gadget()) ++copies;
    }
  }
  for (const auto& g : a.gadgets) {
    data += g.kind->data_lines().size() * lane_count;
    neurons += g.kind->witness(Real(1)).size();
    for (const auto& l : g.kind->data_lines()) labels.insert(l.label);
  }
  EXPECT_EQ(a.gadgets.size(), gadgets);
  EXPECT_EQ(a.data_points.size(), data);
  EXPECT_EQ(a.constraint_points.size(), instance.constraints.size() + copies);
  EXPECT_EQ(a.hidden_neurons(), neurons);
  EXPECT_TRUE(find_violations(a, a.hidden_neurons()).empty());
  std::cout << "inv_rational_sat: " << a.data_points.size() + a.constraint_points.size()
            << " points, " << a.hidden_neurons() << " neurons, " << labels.size() << " labels\n";
  EXPECT_LE(labels.size(), max_labels);
}

TEST(Layout, WitnessOfThePlantedSolutionFitsEveryPointExactly) {
  const Arrangement a = layout(testing::inv_rational_sat());
  EXPECT_EQ(misses(a, {1, mpq_class(1, 2), 2}), 0u);
  // y = 1 breaks only z * y = 1: the one inversion point is missed.
  EXPECT_EQ(misses(a, {1, 1, 2}), 1u);
}

TEST(Layout, WitnessFitsPlantedInstances) {
  for (std::uint64_t seed : {8u, 9u, 12u}) {
    const auto p = generate::planted_instance(12, seed);
    const Arrangement a = layout(p.instance);
    EXPECT_TRUE(find_violations(a, a.hidden_neurons()).empty()) << "seed " << seed;
    EXPECT_EQ(misses(a, p.solution), 0u) << "seed " << seed;
  }
}

TEST(Layout, RationalParametersKeepTheChecksAndTheFit) {
  const auto p = generate::planted_instance(15, 99);
  Options o;
  o.parameters.canonical_pitch = mpq_class(81, 2);
  o.parameters.column_pitch = mpq_class(367, 8);
  o.parameters.lane_spacing = mpq_class(1, 7);
  o.parameters.margin = mpq_class(155, 4);
  const Arrangement a = layout(p.instance, o);
  EXPECT_TRUE(find_violations(a, a.hidden_neurons()).empty());
  EXPECT_EQ(misses(a, p.solution), 0u);
}

// S(i): binary digits of i read in base 3.
TEST(Layout, ProgressionFreeIndices) {
  const std::vector<std::uint64_t> first = {0, 1, 3, 4, 9, 10, 12, 13, 27, 28};
  for (std::uint64_t i = 0; i < first.size(); ++i) EXPECT_EQ(progression_free_index(i), first[i]);
  std::set<std::uint64_t> seen;
  for (std::uint64_t i = 0; i < 300; ++i) {
    const std::uint64_t s = progression_free_index(i);
    EXPECT_TRUE(is_progression_free_index(s));
    seen.insert(s);
  }
  EXPECT_FALSE(is_progression_free_index(2));
  EXPECT_FALSE(is_progression_free_index(15));  // 120 in base 3
  // No 3-term progression a < b < c with a + c = 2b among the first 300.
  for (auto a = seen.begin(); a != seen.end(); ++a)
    for (auto c = std::next(a); c != seen.end(); ++c)
      if ((*a + *c) % 2 == 0) {
        EXPECT_FALSE(seen.count((*a + *c) / 2)) << *a << " " << *c;
      }
  EXPECT_EQ(progression_free_index(std::uint64_t{1} << 40), 12157665459056928801ull);  // 3^40
  EXPECT_THROW(progression_free_index(std::uint64_t{1} << 41), std::overflow_error);
}

// Every gadget: family, index and offset as layout.hpp states them; every
// home point on its lane where the lane crosses its data line.
TEST(Layout, FamiliesIndicesOffsetsAndLanesFollowTheScheme) {
  const auto p = generate::planted_instance(30, 4);
  const Arrangement a = layout(p.instance);
  const auto& q = a.parameters;
  EXPECT_EQ(q.stack_height,
            40 * mpq_class(progression_free_index(a.instance.variables.size() - 1)) + 19);
  EXPECT_EQ(q.column_span, 45 * mpq_class(progression_free_index(29)));
  EXPECT_EQ(q.drop, q.column_span + 100);
  EXPECT_EQ(a.lanes.base, (geometry::Point{-q.drop - q.lane_shift, 0}));
  EXPECT_EQ(a.lanes.spacing, (geometry::Point{-10, 0}));
  EXPECT_EQ(a.lanes.direction, (geometry::Normal{1, 2}));
  for (std::size_t v = 0; v < a.canonical.size(); ++v) {
    const auto& g = a.gadgets[a.canonical[v]];
    EXPECT_EQ(a.families[g.family].name, "C");
    EXPECT_EQ(g.index, progression_free_index(v));
    EXPECT_EQ(g.strip.offset, 40 * mpq_class(g.index));
  }
  const std::map<std::string, std::set<mpq_class>> lines = {{"V", {5}}, {"P", {3}}, {"M", {5, 8}}};
  for (const auto& c : a.constraint_points) {
    if (c.constraint == no_constraint) continue;
    EXPECT_EQ(c.where,
              (geometry::Point{45 * mpq_class(progression_free_index(c.constraint)), -q.drop}));
    for (std::size_t k = 0; k < c.gadgets.size(); ++k) {
      const auto& g = a.gadgets[c.gadgets[k]];
      const auto& family = a.families[g.family];
      EXPECT_EQ(g.index, progression_free_index(c.constraint));
      EXPECT_TRUE(lines.at(family.name).count(c.kind->lines[k].position)) << family.name;
      EXPECT_EQ(g.strip.offset,
                family.origin + family.pitch * mpq_class(g.index) - c.kind->lines[k].position);
    }
  }
  for (const auto& d : a.data_points) {
    const auto& g = a.gadgets[d.gadget];
    EXPECT_EQ(g.strip.coordinate(d.where), g.kind->data_lines()[d.line].position);
    const geometry::Point s = a.lanes.start(d.lane);
    // On lane j: (p - P_j) parallel to d = (1, 2).
    EXPECT_EQ(d.where.y - s.y, 2 * (d.where.x - s.x));
  }
}

TEST(Layout, ConstraintPointsSitOnTheirColumnsBelowTheStack) {
  const auto instance = testing::inv_unsat_am_gm();
  const Arrangement a = layout(instance);
  std::set<mpq_class> columns;
  for (const auto& c : a.constraint_points) {
    if (c.constraint == no_constraint) continue;
    EXPECT_EQ(c.kind, &kind_of(instance.constraints[c.constraint]));
    EXPECT_EQ(c.where.y, -a.parameters.drop);
    columns.insert(c.where.x);
    for (std::size_t k = 0; k < c.gadgets.size(); ++k) {
      const auto& g = a.gadgets[c.gadgets[k]];
      EXPECT_EQ(g.constraint, c.constraint);
      EXPECT_EQ(g.strip.coordinate(c.where), c.kind->lines[k].position);
    }
  }
  EXPECT_EQ(columns.size(), instance.constraints.size());
}

TEST(Layout, EveryFreshCopyIsLinkedOnceOnAnotherLineToItsCanonicalGadget) {
  const auto p = generate::planted_instance(40, 3);
  const Arrangement a = layout(p.instance);
  std::map<std::size_t, mpq_class> column_line;  // fresh copy -> its line at the column's point
  for (const auto& c : a.constraint_points)
    if (c.constraint != no_constraint)
      for (std::size_t k = 0; k < c.gadgets.size(); ++k)
        column_line[c.gadgets[k]] = c.kind->lines[k].position;
  std::map<std::size_t, int> links;
  for (const auto& c : a.constraint_points) {
    if (c.constraint != no_constraint) continue;
    ASSERT_EQ(c.kind, &gadgets::copy_point());
    const auto& ga = a.gadgets[c.gadgets[0]];
    const auto& gb = a.gadgets[c.gadgets[1]];
    ASSERT_EQ(ga.variable, gb.variable);
    const bool a_is_copy = ga.role == Gadget::Role::Copy;
    const std::size_t copy = c.gadgets[a_is_copy ? 0 : 1];
    const std::size_t canonical = c.gadgets[a_is_copy ? 1 : 0];
    EXPECT_EQ(a.gadgets[copy].role, Gadget::Role::Copy);
    EXPECT_EQ(canonical, a.canonical.at(a.gadgets[copy].variable));
    EXPECT_NE(c.kind->lines[a_is_copy ? 0 : 1].position, column_line.at(copy));
    ++links[copy];
  }
  for (std::size_t g = 0; g < a.gadgets.size(); ++g)
    EXPECT_EQ(links[g], a.gadgets[g].role == Gadget::Role::Copy ? 1 : 0) << "gadget " << g;
}

TEST(Layout, CanonicalGadgetsAreHorizontalStripsAtProgressionFreeHeights) {
  const Arrangement a = layout(testing::inv_rational_sat());
  ASSERT_EQ(a.canonical.size(), 3u);
  for (std::size_t v = 0; v < 3; ++v) {
    const auto& g = a.gadgets[a.canonical[v]];
    EXPECT_EQ(g.role, Gadget::Role::Canonical);
    EXPECT_EQ(g.variable, v);
    EXPECT_EQ(g.strip.normal, (geometry::Normal{0, 1}));
    EXPECT_EQ(g.strip.offset, a.parameters.canonical_pitch * mpq_class(progression_free_index(v)));
  }
}

TEST(Layout, EmptyInstanceAndUnusedVariables) {
  EXPECT_TRUE(layout(etrinv::Instance{}).gadgets.empty());
  const Arrangement a = layout(etrinv::Instance{{"a", "b"}, {}});
  EXPECT_EQ(a.gadgets.size(), 2u);
  EXPECT_TRUE(find_violations(a, a.hidden_neurons()).empty());
}

TEST(Layout, RejectsUnusableOptions) {
  Options o;
  o.parameters.canonical_pitch = 38;
  EXPECT_THROW(layout(testing::inv_rational_sat(), o), std::invalid_argument);
  o = {};
  o.parameters.column_pitch = 44;
  EXPECT_THROW(layout(testing::inv_rational_sat(), o), std::invalid_argument);
  o = {};
  o.parameters.lane_spacing = 0;
  EXPECT_THROW(layout(testing::inv_rational_sat(), o), std::invalid_argument);
  etrinv::Instance bad{{"x"}, {{etrinv::Constraint::Kind::Add, {0, 1, 0}}}};
  EXPECT_THROW(layout(bad), std::invalid_argument);
}

TEST(Layout, ThousandConstraintPlantedInstanceSatisfiesTheInvariants) {
  const auto p = generate::planted_instance(1000, 2026);
  const Arrangement a = layout(p.instance);
  EXPECT_EQ(a.instance.constraints.size(), 1000u);
  EXPECT_EQ(find_violations(a, a.hidden_neurons()).size(), 0u);
}

}  // namespace
}  // namespace etr2nn::layout
