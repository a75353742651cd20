// The SVG builder: well-formed output whatever the text, short numbers.
#include "render/detail/svg_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "svg_check.hpp"

namespace etr2nn::render {
namespace {

using testing::parse_xml;

TEST(SvgCheck, RejectsWhatIsNotWellFormed) {
  // The checker the other tests rely on must be able to say no.
  EXPECT_NO_THROW(parse_xml("<svg><g><circle r=\"1\"/></g></svg>"));
  EXPECT_THROW(parse_xml("<svg><g></svg>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<svg></svg><svg></svg>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<svg a=\"1\" a=\"2\"></svg>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<svg><text>a & b</text></svg>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<svg a=1></svg>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<svg><!-- a -- b --></svg>"), std::runtime_error);
}

TEST(SvgWriter, EscapesTextAttributesAndComments) {
  SvgWriter svg(100, 50, "a <title> & \"more\"");
  svg.comment("x -- y --- z");
  svg.begin_group({{"class", "q\"uote's"}});
  svg.text({1, 2}, "x < y & y > z", {{"font-size", "12"}});
  svg.end_group();
  const auto doc = parse_xml(svg.finish());
  EXPECT_EQ(doc.elements.front().name, "svg");
  EXPECT_EQ(doc.all("title").at(0)->text, "a <title> & \"more\"");
  EXPECT_EQ(doc.all("g").at(0)->attribute("class"), "q\"uote's");
  EXPECT_EQ(doc.all("text").at(0)->text, "x < y & y > z");
}

TEST(SvgWriter, FinishClosesOpenGroups) {
  SvgWriter svg(10, 10, "t");
  svg.begin_group({});
  svg.begin_group({});
  svg.circle({5, 5}, 1, {});
  const auto doc = parse_xml(svg.finish());
  ASSERT_EQ(doc.all("circle").size(), 1u);
  // circle inside two groups inside the root
  const auto& circle = *doc.all("circle").front();
  EXPECT_EQ(doc.elements.at(circle.parent).name, "g");
  EXPECT_EQ(doc.elements.at(doc.elements.at(circle.parent).parent).name, "g");
}

TEST(SvgWriter, EndGroupWithoutBeginIsABug) {
  SvgWriter svg(10, 10, "t");
  EXPECT_THROW(svg.end_group(), std::logic_error);
}

TEST(SvgWriter, CallerAttributesReplaceDefaults) {
  SvgWriter svg(10, 10, "t");
  svg.polyline({{0, 0}, {1, 1}}, {{"fill", "red"}});
  svg.polyline({{0, 0}, {1, 1}}, {});
  const auto doc = parse_xml(svg.finish());  // a repeated attribute would throw
  const auto lines = doc.all("polyline");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]->attribute("fill"), "red");
  EXPECT_EQ(lines[1]->attribute("fill"), "none");  // polylines are not filled by default
  EXPECT_EQ(lines[1]->attribute("points"), "0,0 1,1");
}

TEST(SvgWriter, NumbersAreShortAndFinite) {
  EXPECT_EQ(svg_number(3), "3");
  EXPECT_EQ(svg_number(2.5), "2.5");
  EXPECT_EQ(svg_number(-1.25), "-1.25");
  EXPECT_EQ(svg_number(1.0 / 3), "0.33");
  EXPECT_EQ(svg_number(-0.001), "0");
  EXPECT_EQ(svg_number(1e9), "1000000000");
  EXPECT_THROW(svg_number(std::nan("")), std::logic_error);
  EXPECT_THROW(svg_number(std::numeric_limits<double>::infinity()), std::logic_error);
}

}  // namespace
}  // namespace etr2nn::render
