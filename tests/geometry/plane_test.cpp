#include "geometry/plane.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace etr2nn::geometry {
namespace {

TEST(Strip, ClosedOnBothSidesAndExact) {
  const Strip s{{1, -1}, mpq_class(1, 3), 19};
  const Point on_low{mpq_class(1, 3), 0};    // t = 0
  const Point on_high{mpq_class(58, 3), 0};  // t = 19
  const Point just_out{mpq_class(58, 3) + mpq_class(1, 1000000), 0};
  EXPECT_EQ(s.coordinate(on_low), 0);
  EXPECT_TRUE(s.contains(on_low));
  EXPECT_TRUE(s.contains(on_high));
  EXPECT_FALSE(s.contains(just_out));
  EXPECT_EQ(s.coordinate(Point{2, 5}), mpq_class(2 - 5) - mpq_class(1, 3));
}

TEST(Intersection, SolvesBothEquationsExactly) {
  const Normal n{1, 1}, m{0, 1};
  const Point p = intersection(n, mpq_class(7, 2), m, mpq_class(-1, 3));
  EXPECT_EQ(level(n, p), mpq_class(7, 2));
  EXPECT_EQ(level(m, p), mpq_class(-1, 3));
  const Point q = intersection(Normal{1, -1}, 5, Normal{1, 0}, 2);
  EXPECT_EQ(q, (Point{2, -3}));
}

TEST(Intersection, RejectsParallelLines) {
  EXPECT_THROW(intersection(Normal{1, 1}, 0, Normal{2, 2}, 1), std::logic_error);
}

TEST(Normal, OrderGroupsEqualNormals) {
  const Normal h{0, 1}, v{1, 0}, d{1, -1};
  EXPECT_FALSE(v < v);
  EXPECT_TRUE((h < d) != (d < h));
}

}  // namespace
}  // namespace etr2nn::geometry
