// The generated data points (layout::DataPoints) are the points the layout
// used to store: same values, same order. The reference below is the
// layout's former materialising loop, kept here so that a change to either
// shows up as a difference.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "dataset/dataset.hpp"
#include "generate/generate.hpp"
#include "layout/detail/layout.hpp"
#include "tests/layout/test_instances.hpp"

namespace etr2nn::layout {
namespace {

// Every gadget's 39 home points, in the order data line, then lane, gadget by
// gadget: what Builder::place_home pushed into the stored vector.
std::vector<DataPoint> materialised(const Arrangement& a) {
  std::vector<DataPoint> points;
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const geometry::Strip& s = a.gadgets[g].strip;
    const auto& lines = a.gadgets[g].kind->data_lines();
    for (std::size_t l = 0; l < lines.size(); ++l)
      for (unsigned j = 0; j < lane_count; ++j)
        points.push_back({a.lanes.at(j, lane_crossing(a.lanes, j, s, lines[l].position)), g, l, j});
  }
  return points;
}

void expect_same(const DataPoints& view, const std::vector<DataPoint>& reference) {
  ASSERT_EQ(view.size(), reference.size());
  std::size_t i = 0;
  for (const DataPoint& d : view) {  // the iterator and operator[] both
    const DataPoint& r = reference[i];
    EXPECT_EQ(d.where, r.where) << i;
    EXPECT_EQ(d.gadget, r.gadget) << i;
    EXPECT_EQ(d.line, r.line) << i;
    EXPECT_EQ(d.lane, r.lane) << i;
    EXPECT_EQ(view[i].where, r.where) << i;
    ++i;
  }
  EXPECT_EQ(i, reference.size());
}

std::vector<etrinv::Instance> instances() {
  return {testing::inv_rational_sat(), testing::inv_unsat_am_gm(),
          generate::planted_instance(40, 1).instance, generate::planted_instance(25, 7).instance};
}

TEST(DataPoints, AreTheFormerlyStoredPointsInTheSameOrder) {
  for (const auto& instance : instances()) {
    const Arrangement a = layout(instance);
    EXPECT_TRUE(a.data_points.generated());
    EXPECT_EQ(a.data_points.size(), a.gadgets.size() * home_points_per_gadget);
    expect_same(a.data_points, materialised(a));
  }
}

TEST(DataPoints, IteratorIsRandomAccess) {
  const Arrangement a = layout(testing::inv_rational_sat());
  const auto reference = materialised(a);
  auto it = a.data_points.begin();
  it += 40;
  EXPECT_EQ((*it).where, reference[40].where);
  EXPECT_EQ(it[2].where, reference[42].where);
  EXPECT_EQ((*(it - 3)).lane, reference[37].lane);
  EXPECT_EQ(a.data_points.end() - a.data_points.begin(),
            static_cast<std::ptrdiff_t>(reference.size()));
  EXPECT_EQ(a.data_points.back().where, reference.back().where);
}

TEST(DataPoints, FollowACopyAndAMoveOfTheArrangement) {
  std::vector<DataPoint> reference;
  Arrangement copy, moved;
  {
    Arrangement a = layout(testing::inv_unsat_am_gm());
    reference = materialised(a);
    copy = a;
    moved = std::move(a);
  }  // a is gone: the views must not refer to it
  expect_same(copy.data_points, reference);
  expect_same(moved.data_points, reference);
  const Arrangement constructed(copy);
  expect_same(constructed.data_points, reference);
}

TEST(DataPoints, EditMakesAnExplicitListOfTheSamePoints) {
  Arrangement a = layout(testing::inv_rational_sat());
  const auto reference = materialised(a);
  auto& list = a.data_points.edit();
  EXPECT_FALSE(a.data_points.generated());
  expect_same(a.data_points, reference);
  list.pop_back();
  EXPECT_EQ(a.data_points.size(), reference.size() - 1);
  // A copy keeps the explicit list.
  const Arrangement b = a;
  EXPECT_FALSE(b.data_points.generated());
  EXPECT_EQ(b.data_points.size(), reference.size() - 1);
}

std::string dataset_text(const Arrangement& a) {
  std::ostringstream out;
  dataset::write_dataset(out, dataset::Emission(a));
  return out.str();
}

// The writer over generated points writes what it wrote over the stored
// list: the whole file, byte for byte.
TEST(DataPoints, DatasetBytesMatchThoseOfTheExplicitList) {
  for (const auto& instance : instances()) {
    const Arrangement a = layout(instance);
    Arrangement b = a;
    b.data_points.edit();
    EXPECT_EQ(dataset_text(a), dataset_text(b));
  }
}

// An explicit list out of gadget order is still emitted grouped by gadget.
TEST(DataPoints, EmissionGroupsAnExplicitListByGadget) {
  const Arrangement a = layout(testing::inv_rational_sat());
  Arrangement b = a;
  auto& list = b.data_points.edit();
  std::reverse(list.begin(), list.end());
  const dataset::Emission e(b);
  ASSERT_EQ(e.size(), dataset::Emission(a).size());
  std::size_t last = 0;
  for (std::size_t i = 0; i < a.data_points.size(); ++i) {
    const auto where = e.point(i).x;
    std::size_t g = a.gadgets.size();
    for (const auto& d : a.data_points)
      if (d.where == where) g = d.gadget;
    ASSERT_LT(g, a.gadgets.size()) << i;
    EXPECT_GE(g, last) << i;
    last = g;
  }
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    EXPECT_EQ(e.meta().gadgets[g].first_point, g * home_points_per_gadget);
    EXPECT_EQ(e.meta().gadgets[g].end_point, (g + 1) * home_points_per_gadget);
  }
}

}  // namespace
}  // namespace etr2nn::layout
