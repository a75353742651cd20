// The cross-section of a gadget under a network: the polyline is f along each
// lane, exactly (vertex values from the definition, linear in between), the
// data points and readings carry the exact values, and the decoded slope is
// the variable's value.
#include "render/detail/cross_section.hpp"

#include <gtest/gtest.h>

#include "check/check.hpp"
#include "network_sample.hpp"
#include "numeric/rational.hpp"
#include "svg_check.hpp"

namespace etr2nn::render {
namespace {

using check::Real;
using testing::edited_witness;
using testing::network_sample;

// The point of lane j with t_g = t, by the lane's own formula.
geometry::Point on_lane(const layout::Arrangement& a, unsigned j, std::size_t g,
                        const mpq_class& t) {
  return a.lanes.at(j, layout::lane_crossing(a.lanes, j, a.gadgets[g].strip, t));
}

TEST(CrossSection, PolylineIsTheNetworkAlongEachLane) {
  const auto& s = network_sample();
  const auto& a = s.arrangement;
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const CrossSection section = cross_section(a, s.witness, g);
    ASSERT_EQ(section.lanes.size(), 3u);
    for (const auto& lane : section.lanes) {
      ASSERT_GE(lane.vertices.size(), 2u);
      EXPECT_EQ(lane.vertices.front().t, Real(section_t_min));
      EXPECT_EQ(lane.vertices.back().t, Real(section_t_max));
      for (std::size_t k = 0; k < lane.vertices.size(); ++k) {
        const auto& v = lane.vertices[k];
        ASSERT_TRUE(v.t.is_rational());  // rational weights
        const geometry::Point p = on_lane(a, lane.lane, g, v.t.rational());
        EXPECT_EQ(v.out, check::evaluate_naive(s.witness, {p.x, p.y}));
        if (k == 0) continue;
        // Linear in between: the midpoint's value is the vertices' mean, so
        // no breakpoint was left out.
        const mpq_class mid = (lane.vertices[k - 1].t.rational() + v.t.rational()) / 2;
        const geometry::Point q = on_lane(a, lane.lane, g, mid);
        const check::Output f = check::evaluate_naive(s.witness, {q.x, q.y});
        for (unsigned o = 0; o < 2; ++o)
          EXPECT_EQ(f[o], (lane.vertices[k - 1].out[o] + v.out[o]) / Real(2));
      }
    }
  }
}

TEST(CrossSection, DataPointsAndReadingsCarryTheExactValues) {
  const auto& s = network_sample();
  const auto& a = s.arrangement;
  std::size_t readings = 0;
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const CrossSection section = cross_section(a, s.witness, g);
    std::size_t own = 0;
    for (std::size_t i = 0; i < a.data_points.size(); ++i) own += a.data_points[i].gadget == g;
    EXPECT_EQ(section.data.size(), own);
    for (const auto& p : section.data) EXPECT_TRUE(p.fits);
    std::size_t on_lines = 0;
    for (const auto& cp : a.constraint_points)
      for (std::size_t k : cp.gadgets) on_lines += k == g;
    ASSERT_EQ(section.readings.size(), on_lines);
    for (const auto& r : section.readings) {
      const auto& cp = a.constraint_points.at(r.constraint_point);
      EXPECT_EQ(r.out, check::evaluate_naive(s.witness, {cp.where.x, cp.where.y}));
      EXPECT_EQ(r.t, a.gadgets[g].strip.coordinate(cp.where));
      EXPECT_TRUE(r.fits);
      EXPECT_FALSE(r.reads.empty());
    }
    readings += on_lines;
  }
  EXPECT_EQ(readings, [&] {
    std::size_t n = 0;
    for (const auto& cp : a.constraint_points) n += cp.gadgets.size();
    return n;
  }());
}

TEST(CrossSection, DecodedSlopeIsTheVariablesValue) {
  const auto& s = network_sample();
  const auto& a = s.arrangement;
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const CrossSection section = cross_section(a, s.witness, g);
    std::size_t variable_readings = 0;
    for (const auto& d : section.slopes) {
      if (!d.is_variable) continue;
      ++variable_readings;
      EXPECT_EQ(d.value - Real(1), s.values.at(a.gadgets[g].variable)) << "gadget " << g;
    }
    EXPECT_GT(variable_readings, 0u) << "gadget " << g;
  }
}

TEST(CrossSection, AMissedDataPointIsMarked) {
  const auto& s = network_sample();
  const check::Network n = edited_witness();
  std::size_t missed = 0;
  for (std::size_t g = 0; g < s.arrangement.gadgets.size(); ++g) {
    const CrossSection section = cross_section(s.arrangement, n, g);
    const auto doc = testing::parse_xml(cross_section_svg(s.arrangement, section, "edited"));
    std::size_t expected = 0;
    for (const auto& p : section.data) expected += !p.fits;
    EXPECT_EQ(
        doc.with_class("g", "miss").size(), expected + [&] {
          std::size_t r = 0;
          for (const auto& p : section.readings) r += !p.fits;
          return r;
        }());
    missed += expected;
  }
  EXPECT_GT(missed, 0u);
}

TEST(CrossSectionSvg, DrawsEveryLaneVertexForVertex) {
  const auto& s = network_sample();
  for (std::size_t g = 0; g < s.arrangement.gadgets.size(); ++g) {
    const CrossSection section = cross_section(s.arrangement, s.witness, g);
    const auto doc = testing::parse_xml(cross_section_svg(s.arrangement, section, "witness"));
    const auto lines = doc.with_class("polyline", "section");
    ASSERT_EQ(lines.size(), 6u);
    for (const auto* line : lines) {
      const unsigned lane = std::stoul(line->attribute("data-lane"));
      std::size_t pairs = 0;
      for (char c : line->attribute("points")) pairs += c == ',';
      EXPECT_EQ(pairs, section.lanes.at(lane).vertices.size());
    }
    EXPECT_EQ(doc.with_class("g", "data-mark").size(), section.data.size());
    EXPECT_EQ(doc.with_class("g", "reading").size(), section.readings.size());
    // The decoded variable value is printed exactly.
    std::size_t slopes = 0;
    for (const auto* t : doc.with_class("text", "slope")) {
      ++slopes;
      (void)t;
    }
    EXPECT_EQ(slopes, section.slopes.size());
  }
}

TEST(CrossSection, UnknownGadgetIsRefused) {
  const auto& s = network_sample();
  EXPECT_THROW(cross_section(s.arrangement, s.witness, s.arrangement.gadgets.size()),
               std::invalid_argument);
}

TEST(CrossSection, IrrationalPointsAreEvaluatedByTheDefinition) {
  // One neuron ReLU(x + y - √2): f at (1, 1) is 2 - √2.
  check::Network n;
  const Real root2 = Real::root(Real(2), 2);
  n.neurons.push_back({{Real(1), Real(1)}, -root2, {Real(1), Real(0)}});
  const Output f = evaluate_at(n, Real(1), Real(1));
  EXPECT_EQ(f[0], Real(2) - root2);
  EXPECT_EQ(f[1], Real(0));
  EXPECT_EQ(evaluate_at(n, Real(0), Real(1))[0], Real(0));
}

}  // namespace
}  // namespace etr2nn::render
