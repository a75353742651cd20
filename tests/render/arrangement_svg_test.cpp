// The arrangement picture of a compiled sample: every point drawn once, the
// zooms show what they promise, the lanes pass through the home points, big
// regions fall back to segments.
#include "render/detail/arrangement_svg.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "dataset/dataset.hpp"
#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"
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

ArrangementDrawing drawing(const layout::Arrangement& a, const Region& region) {
  ArrangementDrawingOptions options;
  options.region = region;
  return draw_arrangement(a, options);
}

// Whether the canonical stack is no taller than the drop below it, the
// condition under which a column view reaches up to its copy links.
bool small_stack(const layout::Arrangement& a) {
  mpq_class low = a.gadgets.at(a.canonical.front()).strip.offset, high = low;
  for (std::size_t g : a.canonical) {
    low = std::min<mpq_class>(low, a.gadgets[g].strip.offset);
    high = std::max<mpq_class>(high, a.gadgets[g].strip.offset + a.gadgets[g].strip.width);
  }
  return high - low <= a.parameters.drop;
}

const layout::ConstraintPoint& point_of(const layout::Arrangement& a, std::size_t column) {
  for (const auto& cp : a.constraint_points)
    if (cp.constraint == column) return cp;
  throw std::logic_error("no point for column " + std::to_string(column));
}

// The copy links that tie column c's fresh gadgets to the stack.
std::vector<geometry::Point> links_of(const layout::Arrangement& a, std::size_t column) {
  std::vector<geometry::Point> links;
  for (const auto& cp : a.constraint_points) {
    if (cp.constraint != layout::no_constraint) continue;
    bool own = false;
    for (std::size_t g : cp.gadgets) own = own || a.gadgets[g].constraint == column;
    if (own) links.push_back(cp.where);
  }
  return links;
}

bool holds_zoom(const Box& box, const geometry::Point& p) {
  return box.left <= p.x - column_half_width && box.right >= p.x + column_half_width &&
         box.bottom <= p.y - column_half_height && box.top >= p.y + column_half_height;
}

std::multiset<std::string> gadget_names(const Document& doc) {
  std::multiset<std::string> names;
  for (const auto* t : doc.all("text"))
    if (doc.inside(*t, "gadget-names")) names.insert(t->text);
  return names;
}

std::multiset<std::string> fresh_names(const layout::Arrangement& a, std::size_t column) {
  std::multiset<std::string> names;
  for (const auto& g : a.gadgets)
    if (g.constraint == column)
      names.insert(g.kind->name() + " " + a.instance.variables[g.variable]);
  return names;
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

TEST(ArrangementSvg, ColumnRegionZoomsOnItsPointAndReachesItsLinks) {
  const auto& a = sample().arrangement;
  // The sample's stack (139) is lower than its drop (235): links are shown.
  ASSERT_TRUE(small_stack(a));
  for (std::size_t c = 0; c < a.instance.constraints.size(); ++c) {
    const ArrangementDrawing d = drawing(a, {Region::Kind::Column, c});
    const Document doc = parse_xml(d.svg);
    // c's own mark is drawn once; its zoom and all its links are in the box.
    std::size_t own = 0;
    for (const auto* m : doc.with_class("circle", "constraint-point"))
      own += m->attribute("data-constraint") == std::to_string(c);
    EXPECT_EQ(own, 1u) << "column " << c;
    EXPECT_TRUE(holds_zoom(d.box, point_of(a, c).where)) << "column " << c;
    const auto links = links_of(a, c);
    EXPECT_FALSE(links.empty());
    for (const auto& p : links) EXPECT_TRUE(d.box.contains(p)) << "column " << c;
    // Its three fresh strips cross the view, and it names exactly them.
    std::size_t strips = 0;
    for (const auto* st : doc.with_class("polygon", "strip"))
      strips += st->attribute("data-constraint") == std::to_string(c);
    EXPECT_EQ(strips, 3u) << "column " << c;
    EXPECT_EQ(gadget_names(doc), fresh_names(a, c)) << "column " << c;
  }
}

TEST(ArrangementSvg, ColumnNamesItsFreshGadgets) {
  // Constraint 2 is z * y = 1: a diagonal D carrying y, copies of y and z.
  const Document doc = draw({Region::Kind::Column, 2});
  EXPECT_EQ(gadget_names(doc), (std::multiset<std::string>{"D y", "I y", "I z"}));
  // The view also crosses other columns' strips: only c's are named.
  std::size_t others = 0;
  for (const auto* st : doc.with_class("polygon", "strip"))
    others += !st->attribute("data-constraint").empty() && st->attribute("data-constraint") != "2";
  EXPECT_GT(others, 0u);
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

// 20 variables, v_0 = 1 and v_i + v_i = v_{i+1} for i < 5: a stack
// (40·S(19) + 19 = 3419 tall) much taller than the drop (45·S(5) + 100 = 550).
const layout::Arrangement& tall_stack() {
  static const layout::Arrangement a = [] {
    etrinv::Instance instance;
    for (int v = 0; v < 20; ++v) instance.variables.push_back("v" + std::to_string(v));
    instance.constraints.push_back({etrinv::Constraint::Kind::One, {0, 0, 0}});
    for (std::size_t v = 0; v < 5; ++v)
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

TEST(ArrangementSvg, ColumnOfATallStackIsTheZoomAlone) {
  // Links would stretch the view up the whole stack and shrink the crossing
  // to a speck; with a tall stack the view is the fixed zoom around the point.
  const auto& a = tall_stack();
  ASSERT_FALSE(small_stack(a));
  const ArrangementDrawing d = drawing(a, parse_region("column:5"));
  const Document doc = parse_xml(d.svg);
  const geometry::Point& p = point_of(a, 5).where;
  EXPECT_EQ(d.box.left, p.x - column_half_width);
  EXPECT_EQ(d.box.right, p.x + column_half_width);
  EXPECT_EQ(d.box.bottom, p.y - column_half_height);
  EXPECT_EQ(d.box.top, p.y + column_half_height);
  // Neighbouring points are a column pitch away: only column 5's is in view.
  const auto marks = doc.with_class("circle", "constraint-point");
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks.front()->attribute("data-constraint"), "5");
  EXPECT_TRUE(doc.with_class("circle", "data-point").empty());  // they are on the lanes
  EXPECT_EQ(gadget_names(doc), fresh_names(a, 5));
  // Its own three strips are drawn normally, the neighbours' ones fainter.
  std::size_t own = 0, neighbours = 0;
  for (const auto* st : doc.with_class("polygon", "strip")) {
    if (st->attribute("data-constraint") == "5") {
      ++own;
      EXPECT_EQ(st->attribute("fill-opacity"), "0.16");
    } else {
      ++neighbours;
      EXPECT_EQ(st->attribute("fill-opacity"), "0.06");
    }
  }
  EXPECT_EQ(own, 3u);
  EXPECT_GT(neighbours, 0u);
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
  // The marks are exactly the constraint points inside the reported box,
  // which holds column 1's zoom.
  const auto& a = sample().arrangement;
  std::multiset<std::string> inside, marked;
  for (const auto& cp : a.constraint_points)
    if (d.box.contains(cp.where))
      inside.insert(cp.constraint == layout::no_constraint ? "link"
                                                           : std::to_string(cp.constraint));
  for (const auto* m : doc.with_class("circle", "constraint-point"))
    marked.insert(m->attribute("data-constraint"));
  EXPECT_EQ(marked, inside);
  EXPECT_TRUE(holds_zoom(d.box, point_of(a, 1).where));
}

// The frame rectangle of a drawing: [0] is the white background.
struct Frame {
  double left, top, right, bottom;
};
Frame frame_of(const Document& doc) {
  const auto* f = doc.all("rect").at(1);
  const double left = std::stod(f->attribute("x")), top = std::stod(f->attribute("y"));
  return {left, top, left + std::stod(f->attribute("width")),
          top + std::stod(f->attribute("height"))};
}

// Canvas coordinates are printed with two decimals.
constexpr double printed = 0.02;

TEST(ArrangementSvg, LanesAreThreeLinesThroughEveryHomePoint) {
  for (const Region& region :
       {Region{Region::Kind::All, 0}, parse_region("stack"), parse_region("lanes"),
        parse_region("lanes:V"), parse_region("lanes:M")}) {
    const Document doc = draw(region);
    const auto lanes = doc.with_class("line", "lane");
    ASSERT_EQ(lanes.size(), 3u) << to_string(region);
    // Each ends on the frame: clipped to the view, not drawn past it.
    const Frame f = frame_of(doc);
    const auto on_frame = [&](double x, double y) {
      const bool in = x >= f.left - printed && x <= f.right + printed && y >= f.top - printed &&
                      y <= f.bottom + printed;
      const bool edge = std::abs(x - f.left) <= printed || std::abs(x - f.right) <= printed ||
                        std::abs(y - f.top) <= printed || std::abs(y - f.bottom) <= printed;
      return in && edge;
    };
    std::set<std::string> numbers;
    for (const auto* l : lanes) {
      numbers.insert(l->attribute("data-lane"));
      EXPECT_TRUE(on_frame(std::stod(l->attribute("x1")), std::stod(l->attribute("y1"))))
          << to_string(region);
      EXPECT_TRUE(on_frame(std::stod(l->attribute("x2")), std::stod(l->attribute("y2"))))
          << to_string(region);
    }
    EXPECT_EQ(numbers, (std::set<std::string>{"0", "1", "2"}));
    // Every home point in view lies on one of them (to display precision).
    const auto points = doc.with_class("circle", "data-point");
    EXPECT_FALSE(points.empty()) << to_string(region);
    for (const auto* c : points) {
      const double x = std::stod(c->attribute("cx")), y = std::stod(c->attribute("cy"));
      double nearest = 1e300;
      for (const auto* l : lanes) {
        const double x1 = std::stod(l->attribute("x1")), y1 = std::stod(l->attribute("y1"));
        const double x2 = std::stod(l->attribute("x2")), y2 = std::stod(l->attribute("y2"));
        const double cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
        nearest = std::min(nearest, std::abs(cross) / std::hypot(x2 - x1, y2 - y1));
      }
      EXPECT_LT(nearest, 0.05) << to_string(region) << " " << x << "," << y;
    }
  }
}

TEST(ArrangementSvg, LanesRegionShowsOneFamilysHomePoints) {
  const auto& a = sample().arrangement;
  for (const auto& family : a.families) {
    const ArrangementDrawing d = drawing(a, parse_region("lanes:" + family.name));
    // Exactly the home points of the family's gadgets: the family regions
    // along the lanes are far apart, so no other gadget's window is in view.
    std::size_t own = 0, others = 0;
    for (const auto& p : a.data_points) {
      const bool mine = a.families[a.gadgets[p.gadget].family].name == family.name;
      own += mine;
      others += !mine && d.box.contains(p.where);
    }
    EXPECT_GT(own, 0u) << family.name;
    EXPECT_EQ(d.data_points, own) << family.name;
    EXPECT_EQ(others, 0u) << family.name;
    EXPECT_EQ(d.constraint_points, 0u) << family.name;
  }
}

TEST(ArrangementSvg, LanesOfAFamilyWithoutGadgetsAreRefused) {
  layout::Arrangement a = sample().arrangement;
  for (auto& f : a.families)
    if (f.name == "M") f.name = "Q";
  EXPECT_NE(region_problem(a, parse_region("lanes:M")), "");
  EXPECT_THROW(drawing(a, parse_region("lanes:M")), std::invalid_argument);
  EXPECT_EQ(region_problem(a, parse_region("lanes:C")), "");
}

}  // namespace
}  // namespace etr2nn::render
