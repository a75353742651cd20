#include "render/detail/profile_svg.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "numeric/rational.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/svg_writer.hpp"

namespace etr2nn::render {
namespace {

using gadgets::Real;

ProfileVertex vertex_at(const std::vector<gadgets::Breakpoint>& witness, const Real& t) {
  auto [out1, out2] = gadgets::evaluate(witness, t);
  return {t, std::move(out1), std::move(out2)};
}

std::string pair_text(const Real& a, const Real& b) {
  return "(" + a.to_string() + ", " + b.to_string() + ")";
}

// Canvas layout in pixels.
constexpr double plot_left = 64;
constexpr double plot_top = 104;  // room for the data labels above the plot
constexpr double plot_width = 620;
constexpr double plot_height = 330;
constexpr double panel_left = plot_left + plot_width + 36;
constexpr double canvas_width = panel_left + 330;
constexpr double canvas_height = plot_top + plot_height + 64;

class ProfileCanvas {
 public:
  explicit ProfileCanvas(const ProfilePlot& plot) : plot_(plot) {
    // The value range: every vertex, label and reading, widened to whole
    // numbers with one unit to spare, so that grid lines fall on integers.
    double lo = 0, hi = 0;
    auto widen = [&](double v) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    };
    for (const auto& v : plot.vertices) widen(v.out1.to_double()), widen(v.out2.to_double());
    for (const auto& line : plot.kind->data_lines())
      widen(numeric::to_double(line.label.out1)), widen(numeric::to_double(line.label.out2));
    value_min_ = std::floor(lo) - 1;
    value_max_ = std::ceil(hi) + 1;
    t_min_ = numeric::to_double(profile_t_min);
    t_max_ = numeric::to_double(profile_t_max);
  }

  CanvasPoint map(double t, double value) const {
    return {plot_left + (t - t_min_) / (t_max_ - t_min_) * plot_width,
            plot_top + (value_max_ - value) / (value_max_ - value_min_) * plot_height};
  }
  CanvasPoint map(const Real& t, const Real& value) const {
    return map(t.to_double(), value.to_double());
  }
  double value_min() const { return value_min_; }
  double value_max() const { return value_max_; }
  double t_min() const { return t_min_; }
  double t_max() const { return t_max_; }

 private:
  const ProfilePlot& plot_;
  double value_min_ = 0, value_max_ = 1, t_min_ = -1, t_max_ = 20;
};

void draw_grid(SvgWriter& svg, const ProfileCanvas& c) {
  svg.rect(plot_left, plot_top, plot_width, plot_height,
           {{"fill", "#fcfcfc"}, {"stroke", "#999999"}});
  svg.begin_group({{"class", "grid"}, {"font-size", "11"}, {"fill", "#444444"}});
  for (double v = c.value_min(); v <= c.value_max(); v += 1) {
    const CanvasPoint a = c.map(c.t_min(), v), b = c.map(c.t_max(), v);
    svg.line(a, b, {{"stroke", v == 0 ? "#777777" : "#e4e4e4"}});
    svg.text({a.x - 8, a.y + 4}, svg_number(v), {{"text-anchor", "end"}});
  }
  for (double t = c.t_min() + 1; t < c.t_max(); t += 1) {
    const CanvasPoint at = c.map(t, c.value_min());
    svg.text({at.x, at.y + 15}, svg_number(t), {{"text-anchor", "middle"}});
  }
  const CanvasPoint axis = c.map(c.t_max(), c.value_min());
  svg.text({axis.x, axis.y + 32}, "t (strip coordinate)", {{"text-anchor", "end"}});
  svg.end_group();
}

// Data lines: where the data points of the strip sit and what they demand.
void draw_data_lines(SvgWriter& svg, const ProfileCanvas& c, const gadgets::GadgetKind& kind) {
  svg.begin_group({{"class", "data-lines"}});
  for (const auto& line : kind.data_lines()) {
    const double t = numeric::to_double(line.position);
    const CanvasPoint top = c.map(t, c.value_max()), bottom = c.map(t, c.value_min());
    svg.line(top, bottom, {{"stroke", "#cfcfcf"}});
    const std::string text = "(" + numeric::to_string(line.label.out1) + ", " +
                             numeric::to_string(line.label.out2) + ")";
    svg.text(
        {top.x + 3, top.y - 6}, text,
        {{"class", "data-label"},
         {"font-size", "11"},
         {"transform", "rotate(-55 " + svg_number(top.x + 3) + " " + svg_number(top.y - 6) + ")"}});
  }
  svg.end_group();
}

void draw_measuring_lines(SvgWriter& svg, const ProfileCanvas& c, const ProfilePlot& plot) {
  svg.begin_group({{"class", "measuring-lines"}});
  const auto& lines = plot.kind->measuring_lines();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const double t = numeric::to_double(lines[i].position);
    const CanvasPoint top = c.map(t, c.value_max()), bottom = c.map(t, c.value_min());
    svg.line(top, bottom, {{"stroke", "#555555"}, {"stroke-dasharray", "2 3"}});
    svg.text({bottom.x, bottom.y - 5}, "m" + numeric::to_string(lines[i].position),
             {{"font-size", "10"}, {"text-anchor", "middle"}, {"fill", "#555555"}});
    const ProfileVertex& r = plot.readings[i];
    auto square = [&](const Real& value, const std::string& colour) {
      const CanvasPoint at = c.map(r.t, value);
      svg.rect(at.x - 4, at.y - 4, 8, 8,
               {{"fill", "none"}, {"stroke", colour}, {"stroke-width", "1.5"}});
    };
    square(r.out1, out1_colour);
    square(r.out2, out2_colour);
  }
  svg.end_group();
}

void draw_profile(SvgWriter& svg, const ProfileCanvas& c, const ProfilePlot& plot) {
  std::vector<CanvasPoint> out1, out2;
  for (const auto& v : plot.vertices) {
    out1.push_back(c.map(v.t, v.out1));
    out2.push_back(c.map(v.t, v.out2));
  }
  // out2 dashed on top: where the outputs coincide (all of D) its dashes
  // alternate with the solid out1 beneath, so both are seen.
  svg.polyline(out1, {{"class", "profile out1"}, {"stroke", out1_colour}, {"stroke-width", "2.4"}});
  svg.polyline(out2, {{"class", "profile out2"},
                      {"stroke", out2_colour},
                      {"stroke-width", "2.4"},
                      {"stroke-dasharray", "8 6"}});
}

// The labels the profile must take: filled for out1, a ring for out2 (a
// ring round a dot where the two agree).
void draw_label_marks(SvgWriter& svg, const ProfileCanvas& c, const gadgets::GadgetKind& kind) {
  svg.begin_group({{"class", "label-marks"}});
  for (const auto& line : kind.data_lines()) {
    const Real t(line.position);
    svg.circle(c.map(t, Real(line.label.out2)), 5.5,
               {{"fill", "none"}, {"stroke", out2_colour}, {"stroke-width", "1.6"}});
    svg.circle(c.map(t, Real(line.label.out1)), 3, {{"fill", out1_colour}});
  }
  svg.end_group();
}

void draw_breakpoints(SvgWriter& svg, const ProfileCanvas& c, const ProfilePlot& plot) {
  svg.begin_group({{"class", "breakpoints"}, {"fill", "#333333"}});
  for (const auto& b : plot.witness) {
    const CanvasPoint at = c.map(b.beta.to_double(), c.value_min());
    svg.polygon({{at.x, at.y - 7}, {at.x - 4, at.y}, {at.x + 4, at.y}}, {});
  }
  svg.end_group();
}

void draw_panel(SvgWriter& svg, const ProfilePlot& plot) {
  double y = plot_top + 4;
  const double x = panel_left;
  const Attributes body{{"font-size", "12"}};
  auto row = [&](const std::string& text, const Attributes& attributes) {
    svg.text({x, y}, text, attributes);
    y += 17;
  };
  svg.begin_group({{"class", "legend"}});
  svg.line({x, y - 4}, {x + 30, y - 4}, {{"stroke", out1_colour}, {"stroke-width", "2.4"}});
  svg.text({x + 38, y}, "out1", body);
  y += 17;
  svg.line({x, y - 4}, {x + 30, y - 4},
           {{"stroke", out2_colour}, {"stroke-width", "2.4"}, {"stroke-dasharray", "8 6"}});
  svg.text({x + 38, y}, "out2", body);
  y += 17;
  row("dot / ring: label out1 / out2 on a data line", body);
  row("square: value read on a measuring line m", body);
  row("triangle: breakpoint (one hidden neuron)", body);
  y += 8;
  row("breakpoints β: Δ (out1, out2)", {{"font-size", "12"}, {"font-weight", "bold"}});
  for (const auto& b : plot.witness)
    row("β = " + b.beta.to_string() + ": " + pair_text(b.delta1, b.delta2), body);
  y += 8;
  row("measuring lines: value read", {{"font-size", "12"}, {"font-weight", "bold"}});
  const auto& lines = plot.kind->measuring_lines();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    row("t = " + numeric::to_string(lines[i].position) + ": " +
            pair_text(plot.readings[i].out1, plot.readings[i].out2),
        body);
    row("     " + lines[i].reads, {{"font-size", "11"}, {"fill", "#555555"}});
  }
  svg.end_group();
}

}  // namespace

ProfilePlot profile_plot(const gadgets::GadgetKind& kind, const mpq_class& x) {
  ProfilePlot plot;
  plot.kind = &kind;
  plot.x = x;
  plot.witness = kind.witness(Real(x));  // throws std::domain_error outside the range
  std::vector<Real> positions{Real(profile_t_min), Real(profile_t_max)};
  for (const auto& b : plot.witness)
    if (b.beta > Real(profile_t_min) && b.beta < Real(profile_t_max)) positions.push_back(b.beta);
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  for (const auto& t : positions) plot.vertices.push_back(vertex_at(plot.witness, t));
  for (const auto& line : kind.measuring_lines())
    plot.readings.push_back(vertex_at(plot.witness, Real(line.position)));
  return plot;
}

std::string profile_svg(const ProfilePlot& plot) {
  if (!plot.kind) throw std::logic_error("profile_svg: no gadget kind");
  const ProfileCanvas canvas(plot);
  const std::string x = numeric::to_string(plot.x);
  const std::string s = numeric::to_string(plot.x + 1);
  SvgWriter svg(canvas_width, canvas_height,
                plot.kind->name() + " gadget witness profile, X = " + x);
  svg.text({plot_left, 24},
           plot.kind->name() + " gadget: witness profile for X = " + x + " (s = X + 1 = " + s + ")",
           {{"font-size", "16"}, {"font-weight", "bold"}});
  svg.text({plot_left, 43}, plot.kind->description(), {{"font-size", "12"}, {"fill", "#444444"}});
  draw_grid(svg, canvas);
  draw_data_lines(svg, canvas, *plot.kind);
  draw_measuring_lines(svg, canvas, plot);
  draw_breakpoints(svg, canvas, plot);
  draw_profile(svg, canvas, plot);
  draw_label_marks(svg, canvas, *plot.kind);
  draw_panel(svg, plot);
  return svg.finish();
}

}  // namespace etr2nn::render
