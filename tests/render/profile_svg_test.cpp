// The profile plot: its polyline is the exact witness profile, so it passes
// through every data label; the SVG draws that polyline vertex for vertex.
#include "render/detail/profile_svg.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "gadgets/registry.hpp"
#include "svg_check.hpp"

namespace etr2nn::render {
namespace {

using gadgets::Real;

// The value of the drawn polyline at t, by linear interpolation between its
// vertices: what the picture shows there. Exact.
std::pair<Real, Real> polyline_at(const std::vector<ProfileVertex>& v, const Real& t) {
  for (std::size_t i = 0; i + 1 < v.size(); ++i) {
    if (t < v[i].t || t > v[i + 1].t) continue;
    const Real r = (t - v[i].t) / (v[i + 1].t - v[i].t);
    return {v[i].out1 + r * (v[i + 1].out1 - v[i].out1),
            v[i].out2 + r * (v[i + 1].out2 - v[i].out2)};
  }
  throw std::out_of_range("t outside the polyline");
}

const std::vector<mpq_class> values{mpq_class(1, 2), mpq_class(3, 4), mpq_class(1), mpq_class(7, 5),
                                    mpq_class(2)};

TEST(ProfilePlot, PolylinePassesThroughEveryDataLabel) {
  for (const auto* kind : gadgets::all_gadget_kinds())
    for (const auto& x : values) {
      const ProfilePlot plot = profile_plot(*kind, x);
      for (const auto& line : kind->data_lines()) {
        const auto [out1, out2] = polyline_at(plot.vertices, Real(line.position));
        EXPECT_EQ(out1, Real(line.label.out1))
            << kind->name() << " X=" << x << " t=" << line.position;
        EXPECT_EQ(out2, Real(line.label.out2))
            << kind->name() << " X=" << x << " t=" << line.position;
      }
    }
}

TEST(ProfilePlot, VerticesAreTheWitnessBreakpointsEvaluatedExactly) {
  for (const auto* kind : gadgets::all_gadget_kinds())
    for (const auto& x : values) {
      const ProfilePlot plot = profile_plot(*kind, x);
      ASSERT_GE(plot.vertices.size(), 2u);
      EXPECT_EQ(plot.vertices.front().t, Real(profile_t_min));
      EXPECT_EQ(plot.vertices.back().t, Real(profile_t_max));
      std::vector<Real> inner;
      for (std::size_t i = 0; i < plot.vertices.size(); ++i) {
        const auto& v = plot.vertices[i];
        if (i > 0) {
          EXPECT_LT(plot.vertices[i - 1].t, v.t);
        }
        const auto [out1, out2] = gadgets::evaluate(plot.witness, v.t);
        EXPECT_EQ(v.out1, out1);
        EXPECT_EQ(v.out2, out2);
        if (i > 0 && i + 1 < plot.vertices.size()) inner.push_back(v.t);
      }
      // Every breakpoint is a vertex (the profile bends nowhere else).
      std::vector<Real> betas;
      for (const auto& b : plot.witness) betas.push_back(b.beta);
      EXPECT_EQ(inner, betas) << kind->name() << " X=" << x;
      // Outside the strip the profile is 0.
      EXPECT_EQ(plot.vertices.front().out1, Real(0));
      EXPECT_EQ(plot.vertices.back().out2, Real(0));
    }
}

TEST(ProfilePlot, ReadingsAreTheMeasuringLinesFormulas) {
  // I at X: t=3 (3 - s1, 0), t=5 (3 + s1, 0), t=6 (6, 3 - s2), t=8 (6, 3 + s2)
  // with s1 = X + 1, s2 = 1/X + 1 (docs/reduction.md section 2).
  for (const auto& x : values) {
    const ProfilePlot plot = profile_plot(gadgets::inversion_gadget(), x);
    const mpq_class s1 = x + 1, s2 = 1 / x + 1;
    ASSERT_EQ(plot.readings.size(), 4u);
    EXPECT_EQ(plot.readings[0].out1, Real(3 - s1));
    EXPECT_EQ(plot.readings[0].out2, Real(0));
    EXPECT_EQ(plot.readings[1].out1, Real(3 + s1));
    EXPECT_EQ(plot.readings[2].out1, Real(6));
    EXPECT_EQ(plot.readings[2].out2, Real(3 - s2));
    EXPECT_EQ(plot.readings[3].out2, Real(3 + s2));
  }
}

TEST(ProfilePlot, OutsideTheAdmittedRangeIsRefused) {
  EXPECT_THROW(profile_plot(gadgets::inversion_gadget(), mpq_class(3)), std::domain_error);
  EXPECT_THROW(profile_plot(gadgets::diagonal_gadget(), mpq_class(1, 3)), std::domain_error);
}

TEST(ProfileSvg, DrawsBothOutputsVertexForVertex) {
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    const ProfilePlot plot = profile_plot(*kind, mpq_class(1, 2));
    const auto doc = testing::parse_xml(profile_svg(plot));
    for (const char* output : {"out1", "out2"}) {
      const auto lines = doc.with_class("polyline", output);
      ASSERT_EQ(lines.size(), 1u) << output;
      std::istringstream points(lines.front()->attribute("points"));
      std::vector<std::pair<double, double>> xy;
      for (std::string pair; points >> pair;) {
        const auto comma = pair.find(',');
        xy.emplace_back(std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1)));
      }
      ASSERT_EQ(xy.size(), plot.vertices.size()) << output;
      for (std::size_t i = 1; i < xy.size(); ++i) EXPECT_LT(xy[i - 1].first, xy[i].first);
      // One value, one height: the vertices at value 0 share a canvas y.
      for (std::size_t i = 0; i < xy.size(); ++i) {
        const Real& v =
            std::string(output) == "out1" ? plot.vertices[i].out1 : plot.vertices[i].out2;
        if (v == Real(0)) {
          EXPECT_DOUBLE_EQ(xy[i].second, xy.front().second);
        }
      }
    }
    EXPECT_EQ(doc.with_class("polyline", "out2").front()->attribute("stroke-dasharray").empty(),
              false);  // out2 dashed
    EXPECT_TRUE(doc.with_class("polyline", "out1").front()->attribute("stroke-dasharray").empty());
    // Each data line's label is written at it.
    std::size_t labels = 0;
    for (const auto* t : doc.with_class("text", "data-label")) labels += !t->text.empty();
    EXPECT_EQ(labels, kind->data_lines().size());
  }
}

}  // namespace
}  // namespace etr2nn::render
