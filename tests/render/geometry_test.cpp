// Exact clipping of strips and lines, the box-to-canvas mapping, regions.
#include <gtest/gtest.h>

#include <algorithm>

#include "render/detail/clip.hpp"
#include "render/detail/region.hpp"
#include "render/detail/viewport.hpp"

namespace etr2nn::render {
namespace {

using geometry::Point;

bool same_vertex_set(std::vector<Point> a, std::vector<Point> b) {
  auto less = [](const Point& p, const Point& q) { return p.x != q.x ? p.x < q.x : p.y < q.y; };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  return a == b;
}

TEST(ClipStrip, HorizontalStripIsARectangle) {
  const geometry::Strip strip{{0, 1}, 0, 19};
  const Box box{-10, -5, 10, 30};
  EXPECT_TRUE(same_vertex_set(clip_strip(strip, box), {{-10, 0}, {10, 0}, {10, 19}, {-10, 19}}));
}

TEST(ClipStrip, DiagonalStripCutsACorner) {
  // 0 <= x + y <= 19 in [0, 10]^2: the square minus the corner beyond x + y = 19.
  const geometry::Strip strip{{1, 1}, 0, 19};
  const Box box{0, 0, 10, 10};
  const auto polygon = clip_strip(strip, box);
  EXPECT_TRUE(same_vertex_set(polygon, {{0, 0}, {10, 0}, {10, 9}, {9, 10}, {0, 10}}));
  for (const auto& p : polygon) {
    EXPECT_TRUE(strip.contains(p));
    EXPECT_TRUE(box.contains(p));
  }
}

TEST(ClipStrip, RationalCrossingsAreExact) {
  // 1/3 <= x - y <= 1/3 + 19 in a box with rational corners.
  const geometry::Strip strip{{1, -1}, mpq_class(1, 3), 19};
  const Box box{0, 0, mpq_class(7, 2), mpq_class(5, 2)};
  const auto polygon = clip_strip(strip, box);
  ASSERT_FALSE(polygon.empty());
  for (const auto& p : polygon) EXPECT_TRUE(strip.contains(p) && box.contains(p));
  EXPECT_NE(std::find(polygon.begin(), polygon.end(), Point{mpq_class(1, 3), 0}), polygon.end());
  EXPECT_NE(std::find(polygon.begin(), polygon.end(), Point{mpq_class(17, 6), mpq_class(5, 2)}),
            polygon.end());
}

TEST(ClipStrip, MissingOrTouchingGivesNothing) {
  const Box box{0, 0, 10, 10};
  EXPECT_TRUE(clip_strip({{0, 1}, 11, 19}, box).empty());   // above
  EXPECT_TRUE(clip_strip({{0, 1}, -29, 19}, box).empty());  // below
  EXPECT_TRUE(clip_strip({{0, 1}, 10, 19}, box).empty());   // touches the top edge only
  EXPECT_TRUE(clip_strip({{1, 1}, 20, 19}, box).empty());   // touches the corner (10, 10) only
}

TEST(ClipLine, SegmentsEndOnTheBoxBoundary) {
  const Box box{0, 0, 10, 10};
  auto s = clip_line({1, 1}, 5, box);
  ASSERT_TRUE(s);
  EXPECT_TRUE(same_vertex_set({s->first, s->second}, {{5, 0}, {0, 5}}));
  s = clip_line({0, 1}, 10, box);  // along the top edge
  ASSERT_TRUE(s);
  EXPECT_TRUE(same_vertex_set({s->first, s->second}, {{0, 10}, {10, 10}}));
  s = clip_line({1, 1}, 20, box);  // through a corner only
  ASSERT_TRUE(s);
  EXPECT_EQ(s->first, (Point{10, 10}));
  EXPECT_EQ(s->second, (Point{10, 10}));
  EXPECT_FALSE(clip_line({1, -1}, 11, box));
}

TEST(Viewport, UniformScaleAndFlippedY) {
  const Viewport v(Box{-100, 0, 100, 50}, 400, 400, {10, 20});
  EXPECT_DOUBLE_EQ(v.scale(), 2);  // width-bound: 400 / 200
  EXPECT_DOUBLE_EQ(v.width(), 400);
  EXPECT_DOUBLE_EQ(v.height(), 100);
  const CanvasPoint top_left = v.map({-100, 50}), bottom_right = v.map({100, 0});
  EXPECT_DOUBLE_EQ(top_left.x, 10);
  EXPECT_DOUBLE_EQ(top_left.y, 20);
  EXPECT_DOUBLE_EQ(bottom_right.x, 410);
  EXPECT_DOUBLE_EQ(bottom_right.y, 120);
}

TEST(Viewport, FarFromTheOriginKeepsPrecision) {
  // A box at 10^30 (columns of a huge instance): offsets are taken exactly
  // before conversion, so a unit step is still a unit step on the canvas.
  const mpq_class far("1000000000000000000000000000000");
  const Viewport v(Box{far, far, far + 10, far + 10}, 100, 100, {0, 0});
  EXPECT_DOUBLE_EQ(v.map({far + 1, far + 9}).x, 10);
  EXPECT_DOUBLE_EQ(v.map({far + 1, far + 9}).y, 10);
  EXPECT_THROW((Viewport(Box{0, 0, 0, 1}, 10, 10, {0, 0})), std::logic_error);
}

TEST(Viewport, BoundingBoxAndPadding) {
  const Box b = bounding_box({{1, 2}, {-3, 7}, {mpq_class(1, 2), -1}});
  EXPECT_EQ(b.left, -3);
  EXPECT_EQ(b.right, 1);
  EXPECT_EQ(b.bottom, -1);
  EXPECT_EQ(b.top, 7);
  const Box p = padded(b, mpq_class(1, 8), 0);  // 1/8 of each side: 4/8 and 8/8, rounded up
  EXPECT_EQ(p.left, -4);
  EXPECT_EQ(p.right, 2);
  EXPECT_EQ(p.bottom, -2);
  EXPECT_EQ(p.top, 8);
  const Box r = padded(b, mpq_class(1, 3), 0);  // 4/3 and 8/3, rounded up to 2 and 3
  EXPECT_EQ(r.left, -5);
  EXPECT_EQ(r.bottom, -4);
  const Box q = padded(Box{0, 0, 0, 0}, mpq_class(1, 8), 10);  // a single point
  EXPECT_EQ(q.width(), 20);
  EXPECT_EQ(q.height(), 20);
}

TEST(Region, ParsesTheFourForms) {
  EXPECT_EQ(parse_region("all"), (Region{Region::Kind::All, 0}));
  EXPECT_EQ(parse_region("stack"), (Region{Region::Kind::Stack, 0}));
  EXPECT_EQ(parse_region("stack:0"), (Region{Region::Kind::Stack, 0}));
  EXPECT_EQ(parse_region("stack:16"), (Region{Region::Kind::Stack, 16}));
  EXPECT_EQ(parse_region("column:12"), (Region{Region::Kind::Column, 12}));
  EXPECT_EQ(parse_region("lanes"), (Region{Region::Kind::Lanes, 0}));
  EXPECT_EQ(parse_region("lanes:C"), (Region{Region::Kind::Lanes, 0}));
  EXPECT_EQ(parse_region("lanes:M"), (Region{Region::Kind::Lanes, 3}));
  for (const char* text :
       {"all", "stack", "stack:16", "column:0", "column:12", "lanes", "lanes:V", "lanes:P"})
    EXPECT_EQ(to_string(parse_region(text)), text);
  for (const char* bad : {"", "All", "column", "column:", "column:-1", "column:1x", "column: 1",
                          "column:99999999999999999999", "stack:", "stack:x", "columns:1",
                          "lanes:", "lanes:c", "lanes:X", "lanes:CV", "lanes:0", "lane"})
    EXPECT_THROW(parse_region(bad), std::invalid_argument) << bad;
}

}  // namespace
}  // namespace etr2nn::render
