// Views by meaning (--focus), the overview of all columns, float weights made
// exact, and PNG output.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "gadgets/registry.hpp"
#include "network_sample.hpp"
#include "numeric/rational.hpp"
#include "render/detail/float_weights.hpp"
#include "render/detail/focus.hpp"
#include "render/detail/network_overlay.hpp"
#include "render/detail/overview_svg.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/png.hpp"
#include "render/detail/profile_svg.hpp"
#include "svg_check.hpp"

namespace etr2nn::render {
namespace {

using testing::network_sample;

std::string error_of(const std::string& focus) {
  try {
    resolve_focus(network_sample().arrangement, focus);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(Focus, VariableIsItsCanonicalGadgetsHome) {
  const auto& a = network_sample().arrangement;
  for (std::size_t v = 0; v < a.instance.variables.size(); ++v) {
    const Region r = resolve_focus(a, "variable:" + a.instance.variables[v]);
    EXPECT_EQ(r.kind, Region::Kind::Gadget);
    EXPECT_EQ(r.index, a.canonical[v]);
    EXPECT_EQ(region_problem(a, r), "");
  }
}

TEST(Focus, ConstraintByTextOrNumberIsItsColumn) {
  const auto& a = network_sample().arrangement;
  for (std::size_t c = 0; c < a.instance.constraints.size(); ++c) {
    const std::string text = etrinv::describe(a.instance, a.instance.constraints[c]);
    EXPECT_EQ(resolve_focus(a, "constraint:" + text), (Region{Region::Kind::Column, c}));
    std::string squeezed;
    for (char ch : text)
      if (ch != ' ') squeezed += ch;
    EXPECT_EQ(resolve_focus(a, "constraint:" + squeezed), (Region{Region::Kind::Column, c}));
    EXPECT_EQ(resolve_focus(a, "constraint:" + std::to_string(c)),
              (Region{Region::Kind::Column, c}));
  }
}

TEST(Focus, UnknownNamesListTheClosest) {
  const auto& a = network_sample().arrangement;
  const std::string unknown_variable = error_of("variable:xx");
  EXPECT_NE(unknown_variable.find("no variable 'xx'"), std::string::npos) << unknown_variable;
  EXPECT_NE(unknown_variable.find("'x'"), std::string::npos) << unknown_variable;
  const std::string first = etrinv::describe(a.instance, a.instance.constraints[1]);
  const std::string unknown_constraint = error_of("constraint:" + first + "x");
  EXPECT_NE(unknown_constraint.find("closest: '" + first + "'"), std::string::npos)
      << unknown_constraint;
  EXPECT_NE(error_of("constraint:" + std::to_string(a.instance.constraints.size()))
                .find("does not exist"),
            std::string::npos);
  EXPECT_NE(error_of("column:1").find("expected variable:NAME"), std::string::npos);
}

TEST(Focus, CloseMatchesAreByEditDistance) {
  EXPECT_EQ(close_matches("alpha", {"beta", "alpah", "alpha2", "zzzzzz"}, 2),
            (std::vector<std::string>{"alpha2", "alpah"}));
  EXPECT_TRUE(close_matches("a", {}).empty());
}

TEST(Overview, OneCellPerColumnInOrder) {
  const auto& a = network_sample().arrangement;
  OverviewOptions options;
  options.title = "sample";
  options.cells_per_row = 2;
  const Overview overview = draw_overview(a, options);
  const auto doc = testing::parse_xml(overview.svg);
  const auto cells = doc.with_class("rect", "column-cell");
  ASSERT_EQ(cells.size(), a.instance.constraints.size());
  for (std::size_t c = 0; c < cells.size(); ++c)
    EXPECT_EQ(cells[c]->attribute("data-constraint"), std::to_string(c));
  EXPECT_EQ(overview.columns, cells.size());
  // The true spacing is noted, exactly.
  EXPECT_NE(overview.svg.find("y = " + numeric::to_string(-a.parameters.drop)), std::string::npos);
}

TEST(Overview, ColumnsWithMissesAreMarked) {
  const auto& a = network_sample().arrangement;
  const check::Network edited = testing::edited_witness();
  const NetworkOverlay overlay = overlay_network(a, edited);
  OverviewOptions options;
  options.overlay = &overlay;
  const Overview overview = draw_overview(a, options);
  // A column counts the misses in its column box.
  std::size_t expected = 0;
  for (const auto& cp : a.constraint_points) {
    if (cp.constraint == layout::no_constraint) continue;
    bool any = false;
    for (const auto& m : overlay.misses)
      any = any || (abs(m.where.x - cp.where.x) <= column_half_width &&
                    abs(m.where.y - cp.where.y) <= column_half_height);
    expected += any;
  }
  EXPECT_EQ(overview.columns_with_misses, expected);
  std::size_t red = 0;
  const auto document = testing::parse_xml(overview.svg);  // outlives the loop over its cells
  for (const auto* cell : document.with_class("rect", "column-cell"))
    red += cell->attribute("stroke") == miss_colour;
  EXPECT_EQ(red, expected);
}

TEST(FloatWeights, EachFloatBecomesItsDoublesExactValue) {
  std::size_t converted = 0;
  const nlohmann::json in = nlohmann::json::parse(
      R"({"format": "etr2nn-network", "c": [0.1, "1/3"],
          "neurons": [{"a": [1, -2.5], "b": 1e-3, "v": ["2", 0.75]}], "meta": {"loss": 0.5}})");
  const nlohmann::json out = exact_float_weights(in, converted);
  EXPECT_EQ(converted, 4u);
  const auto exact = [](const nlohmann::json& j) {
    return *numeric::parse_rational(j.get<std::string>());
  };
  EXPECT_EQ(exact(out["c"][0]), mpq_class(0.1));
  EXPECT_NE(exact(out["c"][0]), mpq_class(1, 10));  // the double, not the decimal
  EXPECT_EQ(out["c"][1], "1/3");
  EXPECT_EQ(out["neurons"][0]["a"][0], 1);  // integers stay
  EXPECT_EQ(exact(out["neurons"][0]["a"][1]), mpq_class(-5, 2));
  EXPECT_EQ(exact(out["neurons"][0]["b"]), mpq_class(1e-3));
  EXPECT_EQ(exact(out["neurons"][0]["v"][1]), mpq_class(3, 4));
  EXPECT_EQ(out["meta"]["loss"], 0.5);  // only weights are converted
}

// The big-endian number at `offset` of the PNG bytes.
unsigned be32(const std::string& png, std::size_t offset) {
  unsigned v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(png.at(offset + i));
  return v;
}

TEST(Png, HasTheSignatureAndTheRequestedWidth) {
  const std::string svg = profile_svg(profile_plot(gadgets::inversion_gadget(), 1));
  for (unsigned width : {120u, 731u}) {
    const std::string png = svg_to_png(svg, width);
    ASSERT_GT(png.size(), 33u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(png.substr(12, 4), "IHDR");
    EXPECT_EQ(be32(png, 16), width);
    // The SVG's aspect ratio is kept.
    const auto doc = testing::parse_xml(svg);
    const double ratio = std::stod(doc.elements[0].attribute("height")) /
                         std::stod(doc.elements[0].attribute("width"));
    EXPECT_NEAR(be32(png, 20), width * ratio, 1.0);
  }
  const auto doc = testing::parse_xml(svg);
  EXPECT_EQ(be32(svg_to_png(svg), 16),
            static_cast<unsigned>(std::ceil(std::stod(doc.elements[0].attribute("width")))));
}

TEST(Png, UnreadableSvgAndHugeWidthsAreRefused) {
  EXPECT_THROW(svg_to_png("<svg", 100), std::runtime_error);
  EXPECT_THROW(svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", max_png_width + 1),
               std::invalid_argument);
}

}  // namespace
}  // namespace etr2nn::render
