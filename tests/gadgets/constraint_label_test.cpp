// Constraint points with witness profiles: the sum of the gadgets' witness
// values on the point's measuring lines equals the point's label exactly when
// the point's equation holds — both directions, on a grid of rationals.
#include <gtest/gtest.h>

#include <set>

#include "gadgets/cpwl.hpp"
#include "gadgets/registry.hpp"

namespace etr2nn::gadgets {
namespace {

// Rationals in [1/2, 2] with small denominators, closed under X -> 1/X, so
// that every kind of point has many satisfied and many violated instances.
std::vector<mpq_class> grid() {
  std::set<mpq_class> xs;
  for (int q = 1; q <= 6; ++q)
    for (int k = q / 2; k <= 2 * q; ++k) {
      mpq_class x(k, q);
      x.canonicalize();
      if (x >= mpq_class(1, 2) && x <= 2) {
        xs.insert(x);
        xs.insert(1 / x);
      }
    }
  return {xs.begin(), xs.end()};
}

// The point's value when role r's gadget carries the witness for value[r].
Output2 point_value(const ConstraintPointKind& point,
                    const std::map<std::string, mpq_class>& value) {
  Output2 sum{0, 0};
  for (const auto& line : point.lines) {
    Output2 v = Cpwl(line.kind->witness(Real(value.at(line.role))))(Real(line.position));
    sum.out1 += v.out1;
    sum.out2 += v.out2;
  }
  return sum;
}

bool is_label(const ConstraintPointKind& point, const Output2& v) {
  return v == Output2{point.label.out1, point.label.out2};
}

TEST(ConstraintLabels, CopyHoldsIffEqual) {
  std::size_t hits = 0;
  for (const auto& a : grid())
    for (const auto& b : grid()) {
      bool label = is_label(copy_point(), point_value(copy_point(), {{"A", a}, {"B", b}}));
      EXPECT_EQ(label, a == b) << "A=" << a << " B=" << b;
      hits += label;
    }
  EXPECT_EQ(hits, grid().size());
}

TEST(ConstraintLabels, AdditionHoldsIffSum) {
  std::size_t hits = 0, total = 0;
  for (const auto& x : grid())
    for (const auto& y : grid())
      for (const auto& z : grid()) {
        bool label =
            is_label(add_point(), point_value(add_point(), {{"X", x}, {"Y", y}, {"Z", z}}));
        EXPECT_EQ(label, x + y == z) << "X=" << x << " Y=" << y << " Z=" << z;
        hits += label;
        ++total;
      }
  EXPECT_GT(hits, 10u);
  EXPECT_LT(hits, total);
}

TEST(ConstraintLabels, InversionHoldsIffProductIsOne) {
  // The D gadget is auxiliary: the layout gives it the slope of Y (s_D = Y + 1).
  std::size_t hits = 0;
  for (const auto& x : grid())
    for (const auto& y : grid()) {
      bool label = is_label(inv_point(), point_value(inv_point(), {{"X", x}, {"Y", y}, {"D", y}}));
      EXPECT_EQ(label, x * y == 1) << "X=" << x << " Y=" << y;
      hits += label;
      // Another slope on D misses the label even when X * Y = 1.
      if (x * y == 1 && x != y) {
        EXPECT_FALSE(
            is_label(inv_point(), point_value(inv_point(), {{"X", x}, {"Y", y}, {"D", x}})));
      }
    }
  EXPECT_EQ(hits, grid().size());
}

TEST(ConstraintLabels, OneHoldsIffXIsOne) {
  // Both I roles carry copies of X; D carries X too.
  for (const auto& x : grid()) {
    bool label = is_label(one_point(), point_value(one_point(), {{"X", x}, {"Y", x}, {"D", x}}));
    EXPECT_EQ(label, x == 1) << "X=" << x;
  }
}

TEST(ConstraintLabels, RegistryNamesTheVariablesEachLineCarries) {
  for (const auto* point : all_constraint_point_kinds())
    for (const auto& line : point->lines)
      EXPECT_EQ(line.variable.empty(), line.kind->name() == "D");
  EXPECT_EQ(one_point().lines[1].variable, one_point().lines[2].variable);
}

TEST(ConstraintLabels, AtMostThirteenDistinctLabels) {
  std::set<Label> labels;
  for (const auto* kind : all_gadget_kinds())
    for (const auto& d : kind->data_lines()) labels.insert(d.label);
  for (const auto* point : all_constraint_point_kinds()) labels.insert(point->label);
  EXPECT_LE(labels.size(), 13u);
  EXPECT_EQ(labels.size(), 10u);  // docs/reduction.md section 3
}

}  // namespace
}  // namespace etr2nn::gadgets
