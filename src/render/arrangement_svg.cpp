#include "render/detail/arrangement_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "numeric/rational.hpp"
#include "render/detail/clip.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/svg_writer.hpp"

namespace etr2nn::render {
namespace {

using layout::Arrangement;
using layout::Gadget;

// Canvas layout in pixels: a title line, a column of variable names left of
// the plot, the plot with a row of fresh gadget names under it, a legend on
// the right, a caption below.
constexpr double title_height = 34;
constexpr double names_width = 80;
constexpr double plot_max_width = 1000;
constexpr double plot_max_height = 640;
constexpr double legend_gap = 70;  // room for the labels of marks at the plot's right edge
constexpr double legend_width = 300;
constexpr double names_height = 20;  // the row of fresh gadget names under the plot
constexpr double caption_height = 48;
constexpr double legend_line = 17;

std::string label_text(const gadgets::Label& l) {
  return "(" + numeric::to_string(l.out1) + ", " + numeric::to_string(l.out2) + ")";
}

const gadgets::Label& label_of(const Arrangement& a, const layout::DataPoint& d) {
  return a.gadgets[d.gadget].kind->data_lines()[d.line].label;
}

// The labels of all points, sorted, each with its colour index: the legend
// and the marks agree because both look colours up here.
std::map<gadgets::Label, std::size_t> label_indices(const Arrangement& a) {
  std::map<gadgets::Label, std::size_t> indices;
  for (const auto& d : a.data_points) indices.emplace(label_of(a, d), 0);
  for (const auto& cp : a.constraint_points) indices.emplace(cp.kind->label, 0);
  std::size_t i = 0;
  for (auto& entry : indices) entry.second = i++;
  return indices;
}

const std::string& variable_name(const Arrangement& a, etrinv::VariableIndex v) {
  static const std::string unknown = "?";
  return v < a.instance.variables.size() ? a.instance.variables[v] : unknown;
}

// What a constraint point mark says: its kind and what it enforces.
std::string constraint_point_text(const Arrangement& a, const layout::ConstraintPoint& cp) {
  if (cp.constraint != layout::no_constraint && cp.constraint < a.instance.constraints.size())
    return cp.kind->name + ": " +
           etrinv::describe(a.instance, a.instance.constraints[cp.constraint]);
  // A copy link ties a fresh copy to its canonical gadget: both carry one variable.
  std::string text = cp.kind->name;
  if (!cp.gadgets.empty()) text += " " + variable_name(a, a.gadgets[cp.gadgets.front()].variable);
  return text;
}

std::string fresh_gadget_text(const Arrangement& a, const Gadget& g) {
  return g.kind->name() + " " + variable_name(a, g.variable);
}

// A gadget as the legend and tooltips name it: "gadget 4 (copy I x, column 1)".
std::string gadget_text(const Arrangement& a, std::size_t g) {
  const Gadget& gadget = a.gadgets[g];
  std::string text = "gadget " + std::to_string(g) + " (" + role_name(gadget.role) + " " +
                     gadget.kind->name() + " " + variable_name(a, gadget.variable);
  if (gadget.constraint != layout::no_constraint)
    text += ", column " + std::to_string(gadget.constraint);
  return text + ")";
}

// A weight as a rational to clip with: itself when rational, else its double
// (display only; see the header).
mpq_class clip_value(const check::Real& r) {
  return r.is_rational() ? r.rational() : mpq_class(r.to_double());
}

// How many gadgets with breaklines in view the legend lists by name.
constexpr std::size_t legend_gadgets = 10;

class Drawing {
 public:
  Drawing(const Arrangement& a, const ArrangementDrawingOptions& options)
      : a_(a),
        options_(options),
        labels_(label_indices(a)),
        viewport_(region_box(a, options.region), plot_max_width, plot_max_height,
                  {names_width, title_height}) {}

  ArrangementDrawing run() {
    if ((options_.network == nullptr) != (options_.overlay == nullptr))
      throw std::invalid_argument("draw_arrangement: a network needs its overlay");
    count_region();
    collect_breaklines();
    const double legend_height =
        legend_line *
        (labels_.size() + 13 +
         (options_.network ? 5 + std::min(gadgets_in_view_.size(), legend_gadgets) : 0));
    // At least wide enough for the title and caption when the region is narrow.
    const double width =
        std::max(names_width + viewport_.width() + legend_gap + legend_width, 900.0);
    const double height =
        title_height + std::max(viewport_.height() + names_height, legend_height) + caption_height;
    SvgWriter svg(width, height, "etr2nn arrangement: " + options_.title);
    svg.comment("region " + to_string(options_.region) + ", exact box x in [" +
                numeric::to_string(box().left) + ", " + numeric::to_string(box().right) +
                "], y in [" + numeric::to_string(box().bottom) + ", " +
                numeric::to_string(box().top) + "]");
    draw_title(svg);
    draw_frame(svg);
    draw_strips(svg);
    draw_lanes(svg);
    draw_measuring_lines(svg);
    draw_data_points(svg);
    draw_breaklines(svg);
    draw_fresh_gadget_names(svg);
    draw_constraint_points(svg);
    draw_misses(svg);
    draw_variable_names(svg);
    draw_legend(svg);
    draw_caption(svg, height);
    result_.box = box();
    result_.svg = svg.finish();
    return std::move(result_);
  }

 private:
  const Box& box() const { return viewport_.box(); }

  void count_region() {
    std::vector<std::size_t> counts(labels_.size(), 0);
    for (const auto& d : a_.data_points)
      if (box().contains(d.where)) {
        ++result_.data_points;
        ++counts[labels_.at(label_of(a_, d))];
      }
    for (const auto& cp : a_.constraint_points)
      if (box().contains(cp.where)) {
        ++result_.constraint_points;
        ++counts[labels_.at(cp.kind->label)];
      }
    label_counts_ = std::move(counts);
    result_.data_lines_as_segments = result_.data_points > options_.max_point_marks;
    result_.constraint_points_annotated =
        result_.constraint_points <= options_.max_annotated_constraint_points;
  }

  // Point marks grow with the zoom but stay between 1.2 and 4 pixels, so
  // that an overview is not a blot and a zoom is not specks.
  double point_radius() const { return std::clamp(viewport_.scale() * 0.6, 1.2, 4.0); }

  void draw_title(SvgWriter& svg) const {
    svg.text({names_width, 22},
             "etr2nn arrangement" + (options_.title.empty() ? "" : " — " + options_.title) +
                 " — region " + to_string(options_.region),
             {{"font-size", "15"}, {"font-weight", "bold"}});
  }

  void draw_frame(SvgWriter& svg) const {
    svg.rect(names_width, title_height, viewport_.width(), viewport_.height(),
             {{"fill", "#fcfcfc"}, {"stroke", "#999999"}, {"stroke-width", "0.8"}});
  }

  void draw_strips(SvgWriter& svg) {
    svg.begin_group({{"class", "strips"}});
    for (std::size_t g = 0; g < a_.gadgets.size(); ++g) {
      const Gadget& gadget = a_.gadgets[g];
      const std::vector<geometry::Point> band = clip_strip(gadget.strip, box());
      if (band.empty()) continue;
      ++result_.strips;
      std::vector<CanvasPoint> corners;
      for (const auto& p : band) corners.push_back(viewport_.map(p));
      const std::string& colour = role_colour(gadget.role);
      // A column zoom also crosses its neighbours' strips: fainter, so the
      // column's own three stand out.
      const bool faint = options_.region.kind == Region::Kind::Column &&
                         gadget.role != Gadget::Role::Canonical &&
                         gadget.constraint != options_.region.index;
      Attributes attributes{{"class", "strip " + role_name(gadget.role)},
                            {"data-gadget", std::to_string(g)},
                            {"fill", colour},
                            {"fill-opacity", faint ? "0.06" : "0.16"},
                            {"stroke", colour},
                            {"stroke-opacity", faint ? "0.25" : "0.55"},
                            {"stroke-width", "0.7"}};
      if (gadget.constraint != layout::no_constraint)
        attributes.emplace_back("data-constraint", std::to_string(gadget.constraint));
      svg.polygon(corners, attributes);
    }
    svg.end_group();
  }

  // The three lanes L_j = P_j + τ·d, clipped exactly to the box: every home
  // point lies on one of them. Named at their upper end when they are drawn
  // far enough apart for the names not to overprint.
  void draw_lanes(SvgWriter& svg) const {
    const layout::Lanes& lanes = a_.lanes;
    const geometry::Normal across{lanes.direction.b, -lanes.direction.a};
    if (across.a == 0 && across.b == 0) return;  // no direction: nothing to draw
    const double apart = numeric::to_double(abs(geometry::level(across, lanes.spacing))) /
                         std::hypot(double(across.a), double(across.b)) * viewport_.scale();
    svg.begin_group({{"class", "lanes"}});
    for (unsigned j = 0; j < layout::lane_count; ++j) {
      const auto segment = clip_line(across, geometry::level(across, lanes.start(j)), box());
      if (!segment) continue;
      const CanvasPoint from = viewport_.map(segment->first), to = viewport_.map(segment->second);
      svg.line(from, to,
               {{"class", "lane"},
                {"data-lane", std::to_string(j)},
                {"stroke", "#333333"},
                {"stroke-width", "0.6"}});
      if (apart < 14) continue;
      const CanvasPoint& top = from.y <= to.y ? from : to;
      // Just right of the lane, below its upper end: the lane runs away from
      // the text to the lower left.
      svg.text({top.x + 3, top.y + 14}, "L" + std::to_string(j),
               {{"class", "lane-name"}, {"font-size", "11"}, {"fill", "#333333"}});
    }
    svg.end_group();
  }

  // The measuring line of each gadget through each constraint point in view:
  // the point lies exactly on these lines, which is how it reads the gadgets.
  void draw_measuring_lines(SvgWriter& svg) const {
    if (!result_.constraint_points_annotated) return;
    svg.begin_group(
        {{"class", "measuring-lines"}, {"stroke-width", "0.9"}, {"stroke-dasharray", "5 3"}});
    for (const auto& cp : a_.constraint_points) {
      if (!box().contains(cp.where)) continue;
      for (std::size_t i = 0; i < cp.gadgets.size() && i < cp.kind->lines.size(); ++i) {
        const Gadget& g = a_.gadgets.at(cp.gadgets[i]);
        const auto segment =
            clip_line(g.strip.normal, g.strip.offset + cp.kind->lines[i].position, box());
        if (!segment) continue;
        svg.line(viewport_.map(segment->first), viewport_.map(segment->second),
                 {{"stroke", role_colour(g.role)}});
      }
    }
    svg.end_group();
  }

  void draw_data_points(SvgWriter& svg) const {
    svg.begin_group({{"class", "data-points"}});
    if (result_.data_lines_as_segments) {
      draw_data_lines(svg);
    } else {
      for (const auto& d : a_.data_points) {
        if (!box().contains(d.where)) continue;
        const std::size_t label = labels_.at(label_of(a_, d));
        svg.circle(viewport_.map(d.where), point_radius(),
                   {{"class", "data-point"}, {"fill", label_colour(label)}});
      }
    }
    svg.end_group();
  }

  // The points of one data line are collinear and consecutive in the
  // arrangement: one segment from the first to the last of them in view.
  void draw_data_lines(SvgWriter& svg) const {
    const auto& points = a_.data_points;
    for (std::size_t i = 0; i < points.size();) {
      std::size_t end = i;
      std::optional<geometry::Point> first, last;
      while (end < points.size() && points[end].gadget == points[i].gadget &&
             points[end].line == points[i].line) {
        if (box().contains(points[end].where)) {
          if (!first) first = points[end].where;
          last = points[end].where;
        }
        ++end;
      }
      if (first) {
        const std::string& colour = label_colour(labels_.at(label_of(a_, points[i])));
        svg.line(viewport_.map(*first), viewport_.map(*last),
                 {{"class", "data-line"},
                  {"stroke", colour},
                  {"stroke-width", "2"},
                  {"stroke-linecap", "round"}});
      }
      i = end;
    }
  }

  // Which neurons' breaklines meet the box, clipped once: the legend's height
  // depends on how many gadgets they serve, and the canvas is sized first.
  void collect_breaklines() {
    if (!options_.network) return;
    const auto& neurons = options_.network->neurons;
    for (std::size_t i = 0; i < neurons.size(); ++i) {
      const check::Neuron& u = neurons[i];
      // a·x + b = 0, i.e. a0·x + a1·y = -b.
      auto segment = clip_line(clip_value(u.a[0]), clip_value(u.a[1]), -clip_value(u.b), box());
      if (!segment) continue;
      breaklines_.push_back({i, std::move(*segment)});
      const std::size_t g = options_.overlay->gadget_of.at(i);
      if (g != unassigned) ++gadgets_in_view_[g];
    }
    result_.breaklines = breaklines_.size();
    for (const auto& miss : options_.overlay->misses) result_.misses += box().contains(miss.where);
  }

  // Each breakline, coloured by its gadget (unassigned: black, dashed), with
  // the neuron's exact weights as its tooltip.
  void draw_breaklines(SvgWriter& svg) const {
    if (!options_.network) return;
    svg.begin_group({{"class", "breaklines"}, {"stroke-width", "1.6"}});
    for (const auto& [i, segment] : breaklines_) {
      const check::Neuron& u = options_.network->neurons[i];
      const std::size_t g = options_.overlay->gadget_of.at(i);
      const bool assigned = g != unassigned;
      svg.begin_group({{"class", "neuron"}, {"data-neuron", std::to_string(i)}});
      svg.title("neuron " + std::to_string(i) + ": ReLU(" + u.a[0].to_string() + "·x + " +
                u.a[1].to_string() + "·y + " + u.b.to_string() + ") · (" + u.v[0].to_string() +
                ", " + u.v[1].to_string() + "); " +
                (assigned ? gadget_text(a_, g) : std::string("unassigned")));
      Attributes attributes{{"class", "breakline"},
                            {"data-neuron", std::to_string(i)},
                            {"data-gadget", assigned ? std::to_string(g) : "none"},
                            {"stroke", assigned ? gadget_colour(g) : unassigned_colour}};
      if (!assigned) attributes.emplace_back("stroke-dasharray", "6 3");
      svg.line(viewport_.map(segment.first), viewport_.map(segment.second), attributes);
      svg.end_group();
    }
    svg.end_group();
  }

  // A missed point: a red cross over its mark, big enough to find at any zoom,
  // with the exact error as its tooltip.
  void draw_misses(SvgWriter& svg) const {
    if (!options_.network) return;
    svg.begin_group({{"class", "misses"}, {"stroke", miss_colour}, {"stroke-width", "2.2"}});
    for (const auto& miss : options_.overlay->misses) {
      if (!box().contains(miss.where)) continue;
      const CanvasPoint at = viewport_.map(miss.where);
      svg.begin_group({{"class", "miss"},
                       {"data-x", numeric::to_string(miss.where.x)},
                       {"data-y", numeric::to_string(miss.where.y)},
                       {"data-kind", miss.constraint_point ? "constraint-point" : "data-point"}});
      svg.title(std::string(miss.constraint_point ? "constraint point" : "data point") + " (" +
                numeric::to_string(miss.where.x) + ", " + numeric::to_string(miss.where.y) +
                ") missed: " + miss.text());
      const double r = 7;
      svg.line({at.x - r, at.y - r}, {at.x + r, at.y + r}, {{"class", "miss-mark"}});
      svg.line({at.x - r, at.y + r}, {at.x + r, at.y - r}, {{"class", "miss-mark"}});
      svg.end_group();
    }
    svg.end_group();
  }

  // Fresh gadgets are named below the plot, where their strips leave it at
  // the bottom: under their home points, which are the lowest points of a
  // column. A name that would overlap its left neighbour is left out.
  void draw_fresh_gadget_names(SvgWriter& svg) const {
    std::vector<std::pair<double, std::size_t>> exits;  // canvas x, gadget
    for (std::size_t g = 0; g < a_.gadgets.size(); ++g) {
      const layout::Gadget& gadget = a_.gadgets[g];
      if (gadget.role == Gadget::Role::Canonical) continue;
      // A column zoom names its own gadgets only; its neighbours' strips are
      // context.
      if (options_.region.kind == Region::Kind::Column &&
          gadget.constraint != options_.region.index)
        continue;
      const auto midline =
          clip_line(gadget.strip.normal, gadget.strip.offset + gadget.strip.width / 2, box());
      if (!midline) continue;
      for (const auto* end : {&midline->first, &midline->second})
        if (end->y == box().bottom) {
          exits.emplace_back(viewport_.map(*end).x, g);
          break;
        }
    }
    std::sort(exits.begin(), exits.end());
    const double y = title_height + viewport_.height() + 15;
    double last = -1e300;
    svg.begin_group({{"class", "gadget-names"},
                     {"font-size", "11"},
                     {"text-anchor", "middle"},
                     {"font-weight", "bold"}});
    for (const auto& [x, g] : exits) {
      if (x - last < 30) continue;
      last = x;
      svg.text({x, y}, fresh_gadget_text(a_, a_.gadgets[g]),
               {{"fill", role_colour(a_.gadgets[g].role)}});
    }
    svg.end_group();
  }

  void draw_constraint_points(SvgWriter& svg) const {
    svg.begin_group({{"class", "constraint-points"}});
    for (std::size_t i = 0; i < a_.constraint_points.size(); ++i) {
      const auto& cp = a_.constraint_points[i];
      if (!box().contains(cp.where)) continue;
      const CanvasPoint at = viewport_.map(cp.where);
      const std::string constraint = cp.constraint == layout::no_constraint
                                         ? std::string("link")
                                         : std::to_string(cp.constraint);
      svg.circle(at, 5.5,
                 {{"class", "constraint-point"},
                  {"data-kind", cp.kind->name},
                  {"data-constraint", constraint},
                  {"fill", label_colour(labels_.at(cp.kind->label))},
                  {"stroke", "black"},
                  {"stroke-width", "1.6"}});
      if (!result_.constraint_points_annotated) continue;
      // A white halo under the text keeps it readable over bands and points.
      svg.text({at.x + 8, at.y - 7}, constraint_point_text(a_, cp),
               {{"font-size", "12"},
                {"stroke", "white"},
                {"stroke-width", "3"},
                {"paint-order", "stroke"},
                {"stroke-linejoin", "round"}});
    }
    svg.end_group();
  }

  // Names at the left end of each canonical strip in view, outside the plot,
  // unless the strips are drawn too close together for names to be read.
  void draw_variable_names(SvgWriter& svg) const {
    if (numeric::to_double(a_.parameters.canonical_pitch) * viewport_.scale() < 12) return;
    svg.begin_group({{"class", "variable-names"},
                     {"font-size", "13"},
                     {"text-anchor", "end"},
                     {"font-weight", "bold"},
                     {"fill", role_colour(Gadget::Role::Canonical)}});
    for (std::size_t v = 0; v < a_.canonical.size(); ++v) {
      const Gadget& g = a_.gadgets.at(a_.canonical[v]);
      const auto midline = clip_line(g.strip.normal, g.strip.offset + g.strip.width / 2, box());
      if (!midline) continue;
      const geometry::Point& left =
          midline->first.x <= midline->second.x ? midline->first : midline->second;
      CanvasPoint at = viewport_.map(left);
      svg.text({names_width - 8, at.y + 4}, variable_name(a_, v), {});
    }
    svg.end_group();
  }

  void draw_legend(SvgWriter& svg) const {
    const double x = names_width + viewport_.width() + legend_gap;
    double y = title_height + 12;
    auto heading = [&](const std::string& text) {
      svg.text({x, y}, text, {{"font-size", "12"}, {"font-weight", "bold"}});
      y += legend_line;
    };
    auto entry = [&](const Attributes& swatch, const std::string& text) {
      svg.rect(x, y - 10, 11, 11, swatch);
      svg.text({x + 18, y}, text, {{"font-size", "12"}});
      y += legend_line;
    };
    svg.begin_group({{"class", "legend"}});
    heading("labels (out1, out2): points in view");
    for (const auto& [label, index] : labels_)
      entry({{"rx", "5.5"}, {"fill", label_colour(index)}},
            label_text(label) + "   " + std::to_string(label_counts_[index]));
    y += legend_line / 2;
    heading("strips (gadgets)");
    for (const auto role : {Gadget::Role::Canonical, Gadget::Role::Copy, Gadget::Role::Diagonal})
      entry({{"fill", role_colour(role)}, {"fill-opacity", "0.35"}, {"stroke", role_colour(role)}},
            role == Gadget::Role::Canonical ? "canonical I (one per variable)"
            : role == Gadget::Role::Copy    ? "copy I (fresh, in a column)"
                                            : "diagonal D (fresh, inv and one)");
    y += legend_line / 2;
    heading("marks");
    entry({{"rx", "5.5"}, {"fill", "white"}, {"stroke", "black"}, {"stroke-width", "1.6"}},
          "constraint point: kind, constraint");
    svg.line({x, y - 5}, {x + 11, y - 5}, {{"stroke", "#555555"}, {"stroke-dasharray", "5 3"}});
    svg.text({x + 18, y}, "measuring line through it", {{"font-size", "12"}});
    y += legend_line;
    svg.line({x, y - 5}, {x + 11, y - 5}, {{"stroke", "#333333"}, {"stroke-width", "0.6"}});
    svg.text({x + 18, y}, "lane L0, L1, L2 (home points)", {{"font-size", "12"}});
    y += legend_line;
    if (options_.network) draw_network_legend(svg, x, y);
    svg.end_group();
  }

  // The network's part of the legend: each gadget served by a breakline in
  // view (the first legend_gadgets by index, then a count of the rest), the
  // unassigned neurons and the missed points.
  void draw_network_legend(SvgWriter& svg, double x, double& y) const {
    y += legend_line / 2;
    svg.text({x, y}, "network: breaklines (neurons) in view",
             {{"font-size", "12"}, {"font-weight", "bold"}});
    y += legend_line;
    auto swatch = [&](const Attributes& attributes, const std::string& text) {
      svg.line({x, y - 5}, {x + 11, y - 5}, attributes);
      svg.text({x + 18, y}, text, {{"font-size", "12"}});
      y += legend_line;
    };
    std::size_t listed = 0, unassigned_in_view = result_.breaklines;
    for (const auto& [g, n] : gadgets_in_view_) unassigned_in_view -= n;
    for (const auto& [g, n] : gadgets_in_view_) {
      if (listed++ == legend_gadgets) break;
      svg.begin_group({{"class", "legend-gadget"}, {"data-gadget", std::to_string(g)}});
      swatch({{"stroke", gadget_colour(g)}, {"stroke-width", "2"}},
             gadget_text(a_, g) + ": " + std::to_string(n));
      svg.end_group();
    }
    if (gadgets_in_view_.size() > legend_gadgets)
      swatch({{"stroke", "none"}},
             "… and " + std::to_string(gadgets_in_view_.size() - legend_gadgets) + " more gadgets");
    svg.begin_group({{"class", "legend-unassigned"}});
    swatch({{"stroke", unassigned_colour}, {"stroke-width", "2"}, {"stroke-dasharray", "6 3"}},
           "unassigned: " + std::to_string(unassigned_in_view));
    svg.end_group();
    svg.begin_group({{"class", "legend-miss"}});
    svg.line({x, y - 10}, {x + 10, y}, {{"stroke", miss_colour}, {"stroke-width", "2"}});
    svg.line({x, y}, {x + 10, y - 10}, {{"stroke", miss_colour}, {"stroke-width", "2"}});
    svg.text({x + 18, y},
             "missed point (hover: exact error): " + std::to_string(result_.misses) + " in view, " +
                 std::to_string(options_.overlay->misses.size()) + " in all",
             {{"font-size", "12"}});
    y += legend_line;
    svg.end_group();
  }

  // Three significant digits: an overview of a large instance is at far
  // less than 0.01 px per unit, which two decimals would show as 0.
  std::string scale_text() const {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", viewport_.scale());
    return buffer;
  }

  void draw_caption(SvgWriter& svg, double height) const {
    const auto count = [](std::size_t n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    std::string points = count(result_.data_points, "data point");
    if (result_.data_lines_as_segments) points += " (drawn as one segment per data line)";
    svg.text({names_width, height - 28},
             "box x ∈ [" + numeric::to_string(box().left) + ", " + numeric::to_string(box().right) +
                 "], y ∈ [" + numeric::to_string(box().bottom) + ", " +
                 numeric::to_string(box().top) + "]; 1 unit = " + scale_text() + " px",
             {{"font-size", "12"}, {"fill", "#444444"}});
    std::string marks = count(result_.constraint_points, "constraint point");
    if (!result_.constraint_points_annotated)
      marks += " (too many to label: zoom with --region column:N)";
    svg.text({names_width, height - 11},
             points + ", " + marks + ", " + count(result_.strips, "strip") + " in view",
             {{"font-size", "12"}, {"fill", "#444444"}});
  }

  const Arrangement& a_;
  const ArrangementDrawingOptions& options_;
  std::map<gadgets::Label, std::size_t> labels_;
  std::vector<std::size_t> label_counts_;
  Viewport viewport_;
  ArrangementDrawing result_;
  // The neurons whose breaklines meet the box, with the clipped segment.
  std::vector<std::pair<std::size_t, std::pair<geometry::Point, geometry::Point>>> breaklines_;
  std::map<std::size_t, std::size_t> gadgets_in_view_;  // gadget -> its breaklines in view
};

}  // namespace

ArrangementDrawing draw_arrangement(const Arrangement& arrangement,
                                    const ArrangementDrawingOptions& options) {
  return Drawing(arrangement, options).run();
}

}  // namespace etr2nn::render
