// The arrangement picture of a compiled sample: every point drawn once, the
// zooms show exactly what they promise, big regions fall back to segments.
#include "render/arrangement_svg.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "dataset/compile.hpp"
#include "dataset/meta.hpp"
#include "dataset/read.hpp"
#include "etr/parse.hpp"
#include "etrinv/instance.hpp"
#include "layout/layout.hpp"
#include "svg_check.hpp"

namespace etr2nn::render {
namespace {

namespace fs = std::filesystem;
using testing::Document;
using testing::parse_xml;

// inv_rational_sat.etr (x = 1, x + x = z, z * y = 1) compiled through the
// library and read back, as `etr2nn render` sees it.
struct Sample {
  dataset::Dataset data;
  layout::Arrangement arrangement;
};

const Sample& sample() {
  static const Sample s = [] {
    // One directory per process: ctest runs these tests as parallel processes.
    const fs::path dir = fs::temp_directory_path() /
                         ("etr2nn_render_arrangement_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "inv_rational_sat.json").string();
    const auto instance = etrinv::as_etr_inv(
        etr::parse_file(std::string(ETR2NN_SOURCE_DIR) + "/samples/inv_rational_sat.etr"));
    dataset::compile_instance(*instance, path);
    Sample r{dataset::read_dataset(path), {}};
    r.arrangement = dataset::arrangement_of(r.data);
    fs::remove_all(dir);
    return r;
  }();
  return s;
}

Document draw(const Region& region, std::size_t max_point_marks = 10000) {
  ArrangementDrawingOptions options;
  options.region = region;
  options.max_point_marks = max_point_marks;
  options.title = "inv_rational_sat";
  return parse_xml(draw_arrangement(sample().arrangement, options).svg);
}

TEST(ArrangementSvg, AllDrawsEveryPointOnceAsACircle) {
  const Document doc = draw({Region::Kind::All, 0});
  EXPECT_EQ(doc.elements.front().name, "svg");
  const std::size_t points = sample().data.points.size();
  ASSERT_EQ(points, 478u);  // docs/reduction.md, section 4 (sizes)
  EXPECT_EQ(doc.all("circle").size(), points);
  EXPECT_EQ(doc.with_class("circle", "data-point").size(), sample().arrangement.data_points.size());
  EXPECT_EQ(doc.with_class("circle", "constraint-point").size(),
            sample().arrangement.constraint_points.size());
  // Coloured by label: as many colours as the dataset has labels.
  std::set<std::string> colours;
  for (const auto* c : doc.all("circle")) colours.insert(c->attribute("fill"));
  EXPECT_EQ(colours.size(), sample().data.labels.size());
  // Every gadget's strip crosses the box of all points, each drawn once.
  EXPECT_EQ(doc.with_class("polygon", "strip").size(), sample().arrangement.gadgets.size());
  EXPECT_EQ(doc.with_class("polygon", "canonical").size(), 3u);
  EXPECT_EQ(doc.with_class("polygon", "diagonal").size(), 2u);
  EXPECT_EQ(doc.with_class("polygon", "copy").size(), 7u);
}

TEST(ArrangementSvg, MarksAreInsideThePlotFrame) {
  const Document doc = draw({Region::Kind::All, 0});
  const auto* frame = doc.all("rect").at(1);  // [0] is the white background
  const double left = std::stod(frame->attribute("x")), top = std::stod(frame->attribute("y"));
  const double right = left + std::stod(frame->attribute("width"));
  const double bottom = top + std::stod(frame->attribute("height"));
  for (const auto* c : doc.all("circle")) {
    const double x = std::stod(c->attribute("cx")), y = std::stod(c->attribute("cy"));
    EXPECT_TRUE(x >= left && x <= right && y >= top && y <= bottom) << x << "," << y;
  }
}

TEST(ArrangementSvg, ConstraintPointsSayWhatTheyEnforce) {
  const Document doc = draw({Region::Kind::All, 0});
  std::multiset<std::string> texts;
  for (const auto* t : doc.all("text"))
    if (doc.inside(*t, "constraint-points")) texts.insert(t->text);
  EXPECT_EQ(texts.count("one: x = 1"), 1u);
  EXPECT_EQ(texts.count("add: x + x = z"), 1u);
  EXPECT_EQ(texts.count("inv: z * y = 1"), 1u);
  EXPECT_EQ(texts.count("copy x"), 4u);  // x's copies: two in the one column, two in add
  EXPECT_EQ(texts.count("copy z"), 2u);
  EXPECT_EQ(texts.count("copy y"), 1u);
  // One measuring line per (constraint point, gadget) pair: 3 + 3 + 3 + 7 * 2.
  std::size_t lines = 0;
  for (const auto* l : doc.all("line")) lines += doc.inside(*l, "measuring-lines");
  EXPECT_EQ(lines, 23u);
}

TEST(ArrangementSvg, ColumnRegionShowsExactlyThatColumn) {
  const auto& a = sample().arrangement;
  for (std::size_t c = 0; c < a.instance.constraints.size(); ++c) {
    const Document doc = draw({Region::Kind::Column, c});
    // Exactly one constraint (not copy-link) marker, and it is c's.
    std::vector<const testing::Element*> own;
    std::size_t links = 0;
    for (const auto* m : doc.with_class("circle", "constraint-point")) {
      if (m->attribute("data-constraint") == "link")
        ++links;
      else
        own.push_back(m);
    }
    ASSERT_EQ(own.size(), 1u) << "column " << c;
    EXPECT_EQ(own.front()->attribute("data-constraint"), std::to_string(c));
    // Its data points are exactly the home points of c's fresh gadgets, and
    // its links those of c's fresh I copies.
    std::size_t home = 0, copies = 0;
    for (const auto& d : a.data_points) home += a.gadgets[d.gadget].constraint == c;
    for (const auto& g : a.gadgets)
      copies += g.constraint == c && g.role == layout::Gadget::Role::Copy;
    EXPECT_EQ(doc.with_class("circle", "data-point").size(), home) << "column " << c;
    EXPECT_EQ(links, copies) << "column " << c;
  }
}

TEST(ArrangementSvg, ColumnNamesItsFreshGadgets) {
  // Constraint 2 is z * y = 1: a diagonal D carrying y, copies of y and z.
  const Document doc = draw({Region::Kind::Column, 2});
  std::multiset<std::string> names;
  for (const auto* t : doc.all("text"))
    if (doc.inside(*t, "gadget-names")) names.insert(t->text);
  EXPECT_EQ(names, (std::multiset<std::string>{"D y", "I y", "I z"}));
}

TEST(ArrangementSvg, StackRegionShowsTheCanonicalHomePointsAndNames) {
  const Document doc = draw({Region::Kind::Stack, 0});
  std::size_t canonical = 0;
  for (const auto& d : sample().arrangement.data_points)
    canonical += sample().arrangement.gadgets[d.gadget].role == layout::Gadget::Role::Canonical;
  EXPECT_EQ(doc.with_class("circle", "data-point").size(), canonical);
  EXPECT_TRUE(doc.with_class("circle", "constraint-point").empty());
  std::set<std::string> names;
  for (const auto* t : doc.all("text"))
    if (doc.inside(*t, "variable-names")) names.insert(t->text);
  EXPECT_EQ(names, (std::set<std::string>{"x", "y", "z"}));
}

TEST(ArrangementSvg, ManyPointsBecomeOneSegmentPerDataLine) {
  const Document doc = draw({Region::Kind::All, 0}, 100);
  EXPECT_TRUE(doc.with_class("circle", "data-point").empty());
  // 12 gadgets with 13 data lines each; constraint points stay marks.
  EXPECT_EQ(doc.with_class("line", "data-line").size(), 12u * 13u);
  EXPECT_EQ(doc.with_class("circle", "constraint-point").size(), 10u);
}

TEST(ArrangementSvg, UnknownColumnOrVariableIsRefused) {
  ArrangementDrawingOptions options;
  options.region = {Region::Kind::Column, 3};
  EXPECT_THROW(draw_arrangement(sample().arrangement, options), std::invalid_argument);
  options.region = {Region::Kind::Stack, 3};
  EXPECT_THROW(draw_arrangement(sample().arrangement, options), std::invalid_argument);
  EXPECT_EQ(region_problem(sample().arrangement, options.region),
            "region stack:3: the instance has 3 variables (stack:0 to stack:2)");
  EXPECT_EQ(region_problem(sample().arrangement, {Region::Kind::Stack, 2}), "");
}

// 20 variables, v_i + v_i = v_{i+1} and v_0 = 1: a stack (779 tall) much
// taller than the drop (200).
const layout::Arrangement& tall_stack() {
  static const layout::Arrangement a = [] {
    etrinv::Instance instance;
    for (int v = 0; v < 20; ++v) instance.variables.push_back("v" + std::to_string(v));
    instance.constraints.push_back({etrinv::Constraint::Kind::One, {0, 0, 0}});
    for (std::size_t v = 0; v + 1 < 20; ++v)
      instance.constraints.push_back({etrinv::Constraint::Kind::Add, {v, v, v + 1}});
    return layout::layout(instance);
  }();
  return a;
}

TEST(ArrangementSvg, StackRegionIsAWindowOfEightVariables) {
  ArrangementDrawingOptions options;
  options.region = parse_region("stack:4");
  const Document doc = parse_xml(draw_arrangement(tall_stack(), options).svg);
  std::set<std::string> names;
  for (const auto* t : doc.all("text"))
    if (doc.inside(*t, "variable-names")) names.insert(t->text);
  EXPECT_EQ(names, (std::set<std::string>{"v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11"}));
  EXPECT_EQ(doc.with_class("circle", "data-point").size(), 8u * 39u);
  // The last window is cut short by the end of the stack.
  options.region = parse_region("stack:17");
  EXPECT_EQ(parse_xml(draw_arrangement(tall_stack(), options).svg)
                .with_class("circle", "data-point")
                .size(),
            3u * 39u);
}

TEST(ArrangementSvg, ColumnOfATallStackLeavesTheLinksOut) {
  // Links would stretch the view up the whole stack and shrink the column
  // to a speck at its bottom; with a tall stack the view is the column alone.
  ArrangementDrawingOptions options;
  options.region = parse_region("column:5");
  const Document doc = parse_xml(draw_arrangement(tall_stack(), options).svg);
  const auto marks = doc.with_class("circle", "constraint-point");
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks.front()->attribute("data-constraint"), "5");
  EXPECT_EQ(doc.with_class("circle", "data-point").size(), 3u * 39u);
}

TEST(ArrangementSvg, CrowdedViewsLeaveConstraintTextsOut) {
  ArrangementDrawingOptions options;
  options.max_annotated_constraint_points = 5;
  const ArrangementDrawing d = draw_arrangement(sample().arrangement, options);
  EXPECT_FALSE(d.constraint_points_annotated);
  const Document doc = parse_xml(d.svg);
  EXPECT_EQ(doc.with_class("circle", "constraint-point").size(), 10u);  // still drawn
  for (const auto* t : doc.all("text")) EXPECT_FALSE(doc.inside(*t, "constraint-points"));
  for (const auto* l : doc.all("line")) EXPECT_FALSE(doc.inside(*l, "measuring-lines"));
}

TEST(ArrangementSvg, ReportCountsWhatIsDrawn) {
  ArrangementDrawingOptions options;
  options.region = {Region::Kind::Column, 1};
  const ArrangementDrawing d = draw_arrangement(sample().arrangement, options);
  const Document doc = parse_xml(d.svg);
  EXPECT_EQ(d.data_points, doc.with_class("circle", "data-point").size());
  EXPECT_EQ(d.constraint_points, doc.with_class("circle", "constraint-point").size());
  EXPECT_EQ(d.strips, doc.with_class("polygon", "strip").size());
  EXPECT_FALSE(d.data_lines_as_segments);
  // The box holds the column's point exactly.
  const auto& a = sample().arrangement;
  for (const auto& cp : a.constraint_points)
    EXPECT_EQ(d.box.contains(cp.where),
              cp.constraint == 1 || (cp.constraint == layout::no_constraint &&
                                     (a.gadgets[cp.gadgets[0]].constraint == 1 ||
                                      a.gadgets[cp.gadgets[1]].constraint == 1)));
}

}  // namespace
}  // namespace etr2nn::render
