// A network over the arrangement: every witness neuron assigned to the gadget
// it was built for, misses found exactly where the checker's definition
// finds them, and the drawing showing one breakline per neuron in view and
// one mark per miss in view.
#include "render/detail/network_overlay.hpp"

#include <gtest/gtest.h>

#include <set>

#include "check/check.hpp"
#include "network_sample.hpp"
#include "numeric/rational.hpp"
#include "render/detail/arrangement_svg.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/region.hpp"
#include "svg_check.hpp"

namespace etr2nn::render {
namespace {

using check::Real;
using testing::edited_witness;
using testing::network_sample;

// Every labelled point of the arrangement, as the checker sees it.
std::vector<std::pair<geometry::Point, check::Label>> all_points(const layout::Arrangement& a) {
  std::vector<std::pair<geometry::Point, check::Label>> points;
  for (std::size_t i = 0; i < a.data_points.size(); ++i) {
    const layout::DataPoint d = a.data_points[i];
    const auto& l = a.gadgets[d.gadget].kind->data_lines()[d.line].label;
    points.push_back({d.where, {l.out1, l.out2}});
  }
  for (const auto& cp : a.constraint_points)
    points.push_back({cp.where, {cp.kind->label.out1, cp.kind->label.out2}});
  return points;
}

// The missed points by the definition (evaluate_naive), not the Evaluator.
std::vector<std::pair<geometry::Point, check::Output>> naive_misses(const check::Network& n) {
  std::vector<std::pair<geometry::Point, check::Output>> out;
  for (const auto& [where, label] : all_points(network_sample().arrangement)) {
    const check::Output f = check::evaluate_naive(n, {where.x, where.y});
    if (f[0] != Real(label.out1) || f[1] != Real(label.out2)) out.push_back({where, f});
  }
  return out;
}

TEST(NetworkOverlay, WitnessNeuronsBelongToTheGadgetTheyWereBuiltFor) {
  const auto& s = network_sample();
  const NetworkOverlay overlay = overlay_network(s.arrangement, s.witness);
  // The witness lists each gadget's breakpoints in arrangement order.
  std::vector<std::size_t> expected;
  for (std::size_t g = 0; g < s.arrangement.gadgets.size(); ++g) {
    const auto& gadget = s.arrangement.gadgets[g];
    for (std::size_t k = 0; k < gadget.kind->witness(s.values.at(gadget.variable)).size(); ++k)
      expected.push_back(g);
  }
  EXPECT_EQ(overlay.gadget_of, expected);
}

TEST(NetworkOverlay, WitnessMissesNothing) {
  const auto& s = network_sample();
  const NetworkOverlay overlay = overlay_network(s.arrangement, s.witness);
  EXPECT_TRUE(overlay.misses.empty());
  EXPECT_EQ(overlay.points_checked, all_points(s.arrangement).size());
}

TEST(NetworkOverlay, AssignmentIsByGeometryNotByOrderOrScale) {
  const auto& s = network_sample();
  const NetworkOverlay witness = overlay_network(s.arrangement, s.witness);
  check::Network n = s.witness;
  // Scaling a neuron by -3 flips and stretches it: the same breakline.
  n.neurons[1].a = {n.neurons[1].a[0] * Real(-3), n.neurons[1].a[1] * Real(-3)};
  n.neurons[1].b = n.neurons[1].b * Real(-3);
  // Turned off every strip's direction: unassigned.
  n.neurons[2].a = {Real(1), Real(2)};
  // Parallel to gadget 0 but far outside every strip: unassigned.
  n.neurons[3].b = n.neurons[3].b + Real(100000);
  // A constant neuron has no breakline.
  n.neurons[4].a = {Real(0), Real(0)};
  // Reversed order changes nothing but the order.
  std::reverse(n.neurons.begin(), n.neurons.end());
  const NetworkOverlay overlay = overlay_network(s.arrangement, n);
  const std::size_t m = n.neurons.size();
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t original = m - 1 - i;
    if (original >= 2 && original <= 4)
      EXPECT_EQ(overlay.gadget_of[i], unassigned) << original;
    else
      EXPECT_EQ(overlay.gadget_of[i], witness.gadget_of[original]) << original;
  }
}

TEST(NetworkOverlay, MissesAreExactlyWhereTheDefinitionSaysWithExactValues) {
  const check::Network n = edited_witness();
  const NetworkOverlay overlay = overlay_network(network_sample().arrangement, n);
  const auto expected = naive_misses(n);
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(overlay.misses.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(overlay.misses[i].where, expected[i].first);
    EXPECT_EQ(overlay.misses[i].output[0], expected[i].second[0]);
    EXPECT_EQ(overlay.misses[i].output[1], expected[i].second[1]);
    const Miss& m = overlay.misses[i];
    const std::string error = "error (" + (m.output[0] - Real(m.label.out1)).to_string() + ", " +
                              (m.output[1] - Real(m.label.out2)).to_string() + ")";
    EXPECT_NE(m.text().find(error), std::string::npos) << m.text();
  }
}

// Does a·x + b = 0 meet the box? Exactly: the four corners are not all on
// one strict side.
bool meets(const check::Neuron& u, const Box& box) {
  int below = 0, above = 0;
  for (const auto& x : {box.left, box.right})
    for (const auto& y : {box.bottom, box.top}) {
      const Real value = u.a[0] * Real(x) + u.a[1] * Real(y) + u.b;
      below += value < Real(0);
      above += value > Real(0);
    }
  return !(below == 4 || above == 4);
}

ArrangementDrawing draw_with(const check::Network& n, const NetworkOverlay& overlay,
                             const Region& region) {
  ArrangementDrawingOptions options;
  options.region = region;
  options.network = &n;
  options.overlay = &overlay;
  return draw_arrangement(network_sample().arrangement, options);
}

std::vector<Region> regions() {
  const auto& a = network_sample().arrangement;
  std::vector<Region> out{{Region::Kind::All, 0}, {Region::Kind::Stack, 0}};
  for (std::size_t c = 0; c < a.instance.constraints.size(); ++c)
    out.push_back({Region::Kind::Column, c});
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) out.push_back({Region::Kind::Gadget, g});
  return out;
}

TEST(NetworkDrawing, OneBreaklinePerNeuronWhoseLineMeetsTheView) {
  const auto& s = network_sample();
  const NetworkOverlay overlay = overlay_network(s.arrangement, s.witness);
  for (const Region& region : regions()) {
    const ArrangementDrawing drawing = draw_with(s.witness, overlay, region);
    const auto doc = testing::parse_xml(drawing.svg);
    std::set<std::size_t> expected, drawn;
    for (std::size_t i = 0; i < s.witness.neurons.size(); ++i)
      if (meets(s.witness.neurons[i], drawing.box)) expected.insert(i);
    for (const auto* line : doc.with_class("line", "breakline")) {
      const std::size_t i = std::stoul(line->attribute("data-neuron"));
      EXPECT_TRUE(drawn.insert(i).second) << "neuron " << i << " drawn twice";
      const std::size_t g = overlay.gadget_of[i];
      EXPECT_EQ(line->attribute("data-gadget"), std::to_string(g));
      EXPECT_EQ(line->attribute("stroke"), gadget_colour(g));
    }
    EXPECT_EQ(drawn, expected) << to_string(region);
    EXPECT_EQ(drawing.breaklines, expected.size());
    EXPECT_TRUE(doc.with_class("g", "miss").empty());  // the witness misses nothing
  }
}

TEST(NetworkDrawing, LegendNamesEveryGadgetWithABreaklineInView) {
  const auto& s = network_sample();
  const NetworkOverlay overlay = overlay_network(s.arrangement, s.witness);
  for (const Region& region : regions()) {
    const auto doc = testing::parse_xml(draw_with(s.witness, overlay, region).svg);
    std::set<std::string> in_view, listed;
    for (const auto* line : doc.with_class("line", "breakline"))
      in_view.insert(line->attribute("data-gadget"));
    for (const auto* entry : doc.with_class("g", "legend-gadget"))
      listed.insert(entry->attribute("data-gadget"));
    if (in_view.size() <= 10) {
      EXPECT_EQ(listed, in_view) << to_string(region);
    }
    EXPECT_EQ(doc.with_class("g", "legend-unassigned").size(), 1u);
    EXPECT_EQ(doc.with_class("g", "legend-miss").size(), 1u);
  }
}

TEST(NetworkDrawing, MissesAreMarkedExactlyAtTheMissedPointsInView) {
  const auto& s = network_sample();
  const check::Network n = edited_witness();
  const NetworkOverlay overlay = overlay_network(s.arrangement, n);
  const auto expected_all = naive_misses(n);
  std::size_t marked_somewhere = 0;
  for (const Region& region : regions()) {
    const ArrangementDrawing drawing = draw_with(n, overlay, region);
    const auto doc = testing::parse_xml(drawing.svg);
    std::set<std::pair<std::string, std::string>> expected, marked;
    for (const auto& [where, f] : expected_all)
      if (drawing.box.contains(where))
        expected.insert({numeric::to_string(where.x), numeric::to_string(where.y)});
    for (const auto* g : doc.with_class("g", "miss")) {
      marked.insert({g->attribute("data-x"), g->attribute("data-y")});
      // Its tooltip is the first child: the exact values.
      bool titled = false;
      for (const auto& e : doc.elements)
        if (e.name == "title" && &doc.elements[e.parent] == g)
          titled = e.text.find("missed: f = (") != std::string::npos;
      EXPECT_TRUE(titled);
    }
    EXPECT_EQ(marked, expected) << to_string(region);
    EXPECT_EQ(drawing.misses, expected.size());
    marked_somewhere += marked.size();
  }
  EXPECT_GT(marked_somewhere, 0u);
}

TEST(NetworkDrawing, ANetworkWithoutItsOverlayIsABug) {
  const auto& s = network_sample();
  ArrangementDrawingOptions options;
  options.network = &s.witness;
  EXPECT_THROW(draw_arrangement(s.arrangement, options), std::invalid_argument);
}

}  // namespace
}  // namespace etr2nn::render
