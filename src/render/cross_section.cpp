#include "render/detail/cross_section.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "check/check.hpp"
#include "numeric/rational.hpp"
#include "render/detail/network_overlay.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/svg_writer.hpp"

namespace etr2nn::render {
namespace {

using check::Real;

// p_j(t) = start + t·step: where lane j meets the line t_g = t.
struct LaneLine {
  geometry::Point start, step;
};

LaneLine lane_line(const layout::Arrangement& a, unsigned lane, const geometry::Strip& strip) {
  const geometry::Point p0 = a.lanes.at(lane, layout::lane_crossing(a.lanes, lane, strip, 0));
  const geometry::Point p1 = a.lanes.at(lane, layout::lane_crossing(a.lanes, lane, strip, 1));
  return {p0, {p1.x - p0.x, p1.y - p0.y}};
}

// f at p(t): the checker's kernel where the point is rational, the
// definition in Real arithmetic where t (a breakpoint of irrational weights)
// is not.
Output value_at(const check::Evaluator& evaluate, const check::Network& network,
                const LaneLine& line, const Real& t) {
  if (t.is_rational()) {
    const mpq_class& q = t.rational();
    return evaluate(check::Point{line.start.x + q * line.step.x, line.start.y + q * line.step.y});
  }
  return evaluate_at(network, Real(line.start.x) + t * Real(line.step.x),
                     Real(line.start.y) + t * Real(line.step.y));
}

LaneSection lane_section(const check::Evaluator& evaluate, const check::Network& network,
                         const LaneLine& line, unsigned lane) {
  // Neuron value along the lane: (a·start + b) + t·(a·step); it bends at its zero.
  std::vector<Real> ts{Real(section_t_min), Real(section_t_max)};
  for (const auto& u : network.neurons) {
    const Real slope = u.a[0] * Real(line.step.x) + u.a[1] * Real(line.step.y);
    if (slope == Real(0)) continue;  // parallel to the lane: no vertex on it
    const Real t = -(u.a[0] * Real(line.start.x) + u.a[1] * Real(line.start.y) + u.b) / slope;
    if (t > Real(section_t_min) && t < Real(section_t_max)) ts.push_back(t);
  }
  std::sort(ts.begin(), ts.end());
  ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
  LaneSection section;
  section.lane = lane;
  for (const auto& t : ts) section.vertices.push_back({t, value_at(evaluate, network, line, t)});
  return section;
}

SectionPoint point_at(const check::Evaluator& evaluate, const geometry::Point& where,
                      const mpq_class& t, unsigned lane, const check::Label& label) {
  SectionPoint p;
  p.t = t;
  p.lane = lane;
  p.label = label;
  p.out = evaluate(check::Point{where.x, where.y});
  p.fits = p.out[0] == Real(label.out1) && p.out[1] == Real(label.out2);
  return p;
}

}  // namespace

Output evaluate_at(const check::Network& network, const Real& x, const Real& y) {
  Output out = network.c;
  for (const auto& u : network.neurons) {
    const Real z = u.a[0] * x + u.a[1] * y + u.b;
    if (z <= Real(0)) continue;
    out[0] += u.v[0] * z;
    out[1] += u.v[1] * z;
  }
  return out;
}

CrossSection cross_section(const layout::Arrangement& a, const check::Network& network,
                           std::size_t gadget) {
  if (gadget >= a.gadgets.size())
    throw std::invalid_argument("gadget " + std::to_string(gadget) + ": the arrangement has " +
                                std::to_string(a.gadgets.size()) + " gadgets (0 to " +
                                std::to_string(a.gadgets.size() - 1) + ")");
  const layout::Gadget& g = a.gadgets[gadget];
  if (geometry::dot(g.strip.normal, a.lanes.direction) == 0)
    throw std::invalid_argument("gadget " + std::to_string(gadget) +
                                ": its strip is parallel to the lanes");
  const check::Evaluator evaluate(network);
  CrossSection section;
  section.gadget = gadget;
  std::vector<LaneLine> lines;
  for (unsigned j = 0; j < layout::lane_count; ++j) {
    lines.push_back(lane_line(a, j, g.strip));
    section.lanes.push_back(lane_section(evaluate, network, lines.back(), j));
  }
  for (std::size_t i = 0; i < a.data_points.size(); ++i) {
    const layout::DataPoint d = a.data_points[i];
    if (d.gadget != gadget) continue;
    section.data.push_back(
        point_at(evaluate, d.where, g.strip.coordinate(d.where), d.lane, data_label(a, d)));
  }
  const auto& measuring = g.kind->measuring_lines();
  for (std::size_t c = 0; c < a.constraint_points.size(); ++c) {
    const layout::ConstraintPoint& cp = a.constraint_points[c];
    for (std::size_t i = 0; i < cp.gadgets.size(); ++i) {
      if (cp.gadgets[i] != gadget) continue;
      SectionPoint p = point_at(evaluate, cp.where, g.strip.coordinate(cp.where),
                                layout::lane_count, constraint_label(cp));
      p.constraint_point = c;
      for (const auto& m : measuring)
        if (m.position == p.t) p.reads = m.reads;
      section.readings.push_back(std::move(p));
    }
  }
  // Each measuring line's reading along L1, solved for its slope parameter.
  const std::vector<std::string> names = g.kind->parameters();
  for (const auto& m : measuring) {
    const Output f = value_at(evaluate, network, lines[1], Real(m.position));
    for (unsigned out = 0; out < 2; ++out) {
      const gadgets::Reading& r = out == 0 ? m.out1 : m.out2;
      if (r.coefficient == 0) continue;
      const Real s = (f[out] - Real(r.constant)) / Real(r.coefficient);
      section.slopes.push_back({m.position, out,
                                r.parameter < names.size() ? names[r.parameter] : "s?",
                                r.parameter == 0, s});
    }
  }
  return section;
}

// ---------------------------------------------------------------- drawing

namespace {

constexpr double plot_left = 64;
constexpr double plot_top = 110;
constexpr double plot_width = 640;
constexpr double plot_height = 360;
constexpr double panel_left = plot_left + plot_width + 40;
constexpr double panel_width = 560;
constexpr double row = 15;

std::string pair_text(const Real& a, const Real& b) {
  return "(" + a.to_string() + ", " + b.to_string() + ")";
}
std::string label_text(const check::Label& l) {
  return "(" + numeric::to_string(l.out1) + ", " + numeric::to_string(l.out2) + ")";
}

class Canvas {
 public:
  explicit Canvas(const CrossSection& s) {
    double lo = 0, hi = 0;
    auto widen = [&](double v) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    };
    for (const auto& lane : s.lanes)
      for (const auto& v : lane.vertices) widen(v.out[0].to_double()), widen(v.out[1].to_double());
    for (const auto* points : {&s.data, &s.readings})
      for (const auto& p : *points)
        widen(numeric::to_double(p.label.out1)), widen(numeric::to_double(p.label.out2));
    min_ = std::floor(lo) - 1;
    max_ = std::ceil(hi) + 1;
  }
  CanvasPoint map(double t, double value) const {
    const double t0 = numeric::to_double(section_t_min), t1 = numeric::to_double(section_t_max);
    return {plot_left + (t - t0) / (t1 - t0) * plot_width,
            plot_top + (max_ - value) / (max_ - min_) * plot_height};
  }
  double min() const { return min_; }
  double max() const { return max_; }

 private:
  double min_ = 0, max_ = 1;
};

void draw_grid(SvgWriter& svg, const Canvas& c) {
  svg.rect(plot_left, plot_top, plot_width, plot_height,
           {{"fill", "#fcfcfc"}, {"stroke", "#999999"}});
  svg.begin_group({{"class", "grid"}, {"font-size", "11"}, {"fill", "#444444"}});
  // At most about 12 value grid lines, on whole numbers.
  const double step = std::max(1.0, std::ceil((c.max() - c.min()) / 12));
  for (double v = c.min(); v <= c.max(); v += step) {
    const CanvasPoint a = c.map(-1, v), b = c.map(20, v);
    svg.line(a, b, {{"stroke", v == 0 ? "#777777" : "#e4e4e4"}});
    svg.text({a.x - 8, a.y + 4}, svg_number(v), {{"text-anchor", "end"}});
  }
  for (int t = 0; t < 20; ++t) {
    const CanvasPoint at = c.map(t, c.min());
    svg.text({at.x, at.y + 15}, std::to_string(t), {{"text-anchor", "middle"}});
  }
  const CanvasPoint axis = c.map(20, c.min());
  svg.text({axis.x, axis.y + 32}, "t (the gadget's strip coordinate)", {{"text-anchor", "end"}});
  svg.end_group();
}

}  // namespace

std::string cross_section_svg(const layout::Arrangement& a, const CrossSection& s,
                              const std::string& title) {
  const layout::Gadget& g = a.gadgets.at(s.gadget);
  const Canvas c(s);
  // The panel lists every data point and reading: the canvas grows with it.
  const std::size_t panel_rows = 8 + s.data.size() + 2 * s.readings.size() + s.slopes.size();
  const double height = std::max(plot_top + plot_height + 70, plot_top + row * panel_rows + 20);
  SvgWriter svg(panel_left + panel_width, height, title);
  const std::string variable =
      g.variable < a.instance.variables.size() ? a.instance.variables[g.variable] : "?";
  std::string heading = "gadget " + std::to_string(s.gadget) + ": " + role_name(g.role) + " " +
                        g.kind->name() + " of " + variable;
  if (g.constraint != layout::no_constraint) heading += ", column " + std::to_string(g.constraint);
  svg.text({plot_left, 24}, "cross-section of " + heading,
           {{"font-size", "16"}, {"font-weight", "bold"}});
  svg.text({plot_left, 43},
           "both outputs of the network along t through the home lanes L0, L1, L2 (exact "
           "vertices); " +
               title,
           {{"font-size", "12"}, {"fill", "#444444"}});
  draw_grid(svg, c);

  // Measuring lines of the kind, and the value read at each constraint point.
  svg.begin_group({{"class", "measuring-lines"}});
  for (const auto& m : g.kind->measuring_lines()) {
    const double t = numeric::to_double(m.position);
    svg.line(c.map(t, c.max()), c.map(t, c.min()),
             {{"stroke", "#555555"}, {"stroke-dasharray", "2 3"}});
    const CanvasPoint bottom = c.map(t, c.min());
    svg.text({bottom.x, bottom.y - 5}, "m" + numeric::to_string(m.position),
             {{"font-size", "10"}, {"text-anchor", "middle"}, {"fill", "#555555"}});
  }
  svg.end_group();

  // Lanes: L1 (the middle one, where the slopes are decoded) drawn widest.
  svg.begin_group({{"class", "sections"}});
  for (const auto& lane : s.lanes) {
    std::vector<CanvasPoint> out1, out2;
    for (const auto& v : lane.vertices) {
      out1.push_back(c.map(v.t.to_double(), v.out[0].to_double()));
      out2.push_back(c.map(v.t.to_double(), v.out[1].to_double()));
    }
    const std::string width = lane.lane == 1 ? "2.6" : "1.2";
    const std::string j = std::to_string(lane.lane);
    svg.polyline(out1, {{"class", "section out1"},
                        {"data-lane", j},
                        {"stroke", out1_colour},
                        {"stroke-width", width},
                        {"stroke-opacity", lane.lane == 1 ? "1" : "0.55"}});
    svg.polyline(out2, {{"class", "section out2"},
                        {"data-lane", j},
                        {"stroke", out2_colour},
                        {"stroke-width", width},
                        {"stroke-opacity", lane.lane == 1 ? "1" : "0.55"},
                        {"stroke-dasharray", "8 6"}});
  }
  svg.end_group();

  // The labels demanded: a dot for out1, a ring for out2; a missed point red.
  svg.begin_group({{"class", "data-marks"}});
  for (const auto& p : s.data) {
    const double t = numeric::to_double(p.t);
    svg.begin_group({{"class", p.fits ? "data-mark" : "data-mark miss"},
                     {"data-t", numeric::to_string(p.t)},
                     {"data-lane", std::to_string(p.lane)}});
    svg.title("data point on L" + std::to_string(p.lane) + " at t = " + numeric::to_string(p.t) +
              ": label " + label_text(p.label) + ", f = " + pair_text(p.out[0], p.out[1]));
    svg.circle(c.map(t, numeric::to_double(p.label.out2)), 5.5,
               {{"fill", "none"},
                {"stroke", p.fits ? out2_colour : miss_colour},
                {"stroke-width", "1.6"}});
    svg.circle(c.map(t, numeric::to_double(p.label.out1)), 3,
               {{"fill", p.fits ? out1_colour : miss_colour}});
    svg.end_group();
  }
  svg.end_group();

  svg.begin_group({{"class", "readings"}});
  for (const auto& p : s.readings) {
    const double t = numeric::to_double(p.t);
    svg.begin_group({{"class", p.fits ? "reading" : "reading miss"},
                     {"data-t", numeric::to_string(p.t)},
                     {"data-constraint-point", std::to_string(p.constraint_point)}});
    svg.title("constraint point " + std::to_string(p.constraint_point) +
              " on t = " + numeric::to_string(p.t) + ": f = " + pair_text(p.out[0], p.out[1]) +
              ", label " + label_text(p.label));
    for (unsigned o = 0; o < 2; ++o) {
      const CanvasPoint at = c.map(t, p.out[o].to_double());
      svg.rect(at.x - 4, at.y - 4, 8, 8,
               {{"fill", "none"},
                {"stroke", p.fits ? (o == 0 ? out1_colour : out2_colour) : miss_colour},
                {"stroke-width", "1.5"}});
    }
    svg.end_group();
  }
  svg.end_group();

  // The exact values.
  double y = plot_top + 4;
  const Attributes body{{"font-size", "11"}};
  const Attributes bold{{"font-size", "12"}, {"font-weight", "bold"}};
  auto line = [&](const std::string& text, const Attributes& attributes) {
    svg.text({panel_left, y}, text, attributes);
    y += row;
  };
  svg.begin_group({{"class", "panel"}});
  line("out1 solid, out2 dashed; L1 wide, L0 and L2 thin", body);
  line("dot / ring: label out1 / out2; square: f at a constraint point", body);
  line("red: the network misses that point", body);
  line("slopes decoded along L1 (value = constant + coefficient · s):", bold);
  for (const auto& d : s.slopes) {
    std::string text = d.parameter + " = " + d.value.to_string() + "   (out" +
                       std::to_string(d.output + 1) + " at t = " + numeric::to_string(d.t) + ")";
    if (d.is_variable) text += ";  " + variable + " = " + (d.value - Real(1)).to_string();
    svg.text({panel_left, y}, text, {{"font-size", "11"}, {"class", "slope"}});
    y += row;
  }
  line("constraint points on the measuring lines:", bold);
  for (const auto& p : s.readings) {
    const auto& cp = a.constraint_points[p.constraint_point];
    std::string what = cp.kind->name;
    if (cp.constraint < a.instance.constraints.size())
      what += " " + etrinv::describe(a.instance, a.instance.constraints[cp.constraint]);
    line("#" + std::to_string(p.constraint_point) + " " + what +
             " at t = " + numeric::to_string(p.t) + ": f = " + pair_text(p.out[0], p.out[1]) +
             ", label " + label_text(p.label) + (p.fits ? "  ✓" : "  MISSED"),
         {{"font-size", "11"}, {"fill", p.fits ? "#000000" : miss_colour}});
    line("      this gadget contributes " + p.reads, {{"font-size", "10"}, {"fill", "#555555"}});
  }
  line("data points (lane, t): f, label:", bold);
  for (const auto& p : s.data)
    line("L" + std::to_string(p.lane) + ", t = " + numeric::to_string(p.t) +
             ": f = " + pair_text(p.out[0], p.out[1]) +
             (p.fits ? "" : ", label " + label_text(p.label)) + (p.fits ? "  ✓" : "  MISSED"),
         {{"font-size", "11"}, {"fill", p.fits ? "#000000" : miss_colour}});
  svg.end_group();
  return svg.finish();
}

}  // namespace etr2nn::render
