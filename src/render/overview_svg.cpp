#include "render/detail/overview_svg.hpp"

#include <algorithm>
#include <map>

#include "numeric/rational.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/region.hpp"
#include "render/detail/svg_writer.hpp"

namespace etr2nn::render {
namespace {

constexpr double margin = 20;
constexpr double header_height = 120;
constexpr double cell_width = 150;
constexpr double cell_height = 40;
constexpr double gap = 6;

const std::string& kind_colour(const std::string& kind) {
  static const std::map<std::string, std::string> colours{
      {"add", "#dbe8f6"}, {"inv", "#fbe3cf"}, {"one", "#e3f1dc"}};
  static const std::string other = "#eeeeee";
  const auto it = colours.find(kind);
  return it == colours.end() ? other : it->second;
}

// Texts longer than a cell are cut with an ellipsis: the full text is in the
// cell's <title>.
std::string fit(const std::string& text, std::size_t characters) {
  if (text.size() <= characters) return text;
  std::size_t cut = characters - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + "…";
}

}  // namespace

Overview draw_overview(const layout::Arrangement& a, const OverviewOptions& options) {
  Overview result;
  const auto& constraints = a.instance.constraints;
  result.columns = constraints.size();
  // Each column's constraint point, and the misses in its box.
  std::vector<const layout::ConstraintPoint*> point_of(constraints.size(), nullptr);
  for (const auto& cp : a.constraint_points)
    if (cp.constraint < constraints.size()) point_of[cp.constraint] = &cp;
  std::vector<std::size_t> misses(constraints.size(), 0);
  if (options.overlay) {
    // Columns by x, so that each miss finds the boxes around it by binary
    // search: a bad network may miss millions of points.
    std::vector<std::pair<mpq_class, std::size_t>> by_x;
    for (std::size_t c = 0; c < constraints.size(); ++c)
      if (point_of[c]) by_x.emplace_back(point_of[c]->where.x, c);
    std::sort(by_x.begin(), by_x.end());
    for (const auto& m : options.overlay->misses) {
      auto it = std::lower_bound(
          by_x.begin(), by_x.end(),
          std::make_pair(mpq_class(m.where.x - column_half_width), std::size_t{0}));
      for (; it != by_x.end() && it->first <= m.where.x + column_half_width; ++it)
        if (abs(m.where.y - point_of[it->second]->where.y) <= column_half_height)
          ++misses[it->second];
    }
    for (std::size_t n : misses) result.columns_with_misses += n > 0;
  }

  // A short instance gets a short row, but room for the notes above it.
  const std::size_t per_row = std::clamp<std::size_t>(
      constraints.size(), 1, std::max<std::size_t>(1, options.cells_per_row));
  const std::size_t rows = (constraints.size() + per_row - 1) / per_row;
  const double width = std::max(2 * margin + per_row * (cell_width + gap), 1000.0);
  const double height = header_height + rows * (cell_height + gap) + margin;
  SvgWriter svg(width, height, "etr2nn overview: " + options.title);
  svg.text({margin, 26}, "etr2nn overview — " + options.title,
           {{"font-size", "15"}, {"font-weight", "bold"}});

  // The true spacing, exactly: where the columns really are.
  std::string spacing =
      "not to scale: " + std::to_string(constraints.size()) + " columns drawn side by side";
  mpq_class least_gap = -1, x_first, x_last;
  std::vector<mpq_class> xs;
  for (const auto* cp : point_of)
    if (cp) xs.push_back(cp->where.x);
  std::sort(xs.begin(), xs.end());
  for (std::size_t i = 1; i < xs.size(); ++i)
    if (least_gap < 0 || xs[i] - xs[i - 1] < least_gap) least_gap = xs[i] - xs[i - 1];
  if (!xs.empty())
    spacing += "; in the plane their constraint points lie on y = " +
               numeric::to_string(-a.parameters.drop) + " at x from " +
               numeric::to_string(xs.front()) + " to " + numeric::to_string(xs.back()) +
               (least_gap >= 0 ? " (at least " + numeric::to_string(least_gap) + " apart)" : "");
  svg.text({margin, 48}, spacing, {{"font-size", "12"}, {"fill", "#444444"}});
  svg.text(
      {margin, 66},
      "the canonical stack of " + std::to_string(a.canonical.size()) +
          " variables lies above them, up to y = " + numeric::to_string(a.parameters.stack_height) +
          "; every gadget's home points lie on the three lanes, far to the left (x < " +
          numeric::to_string(-a.parameters.drop) + ")",
      {{"font-size", "12"}, {"fill", "#444444"}});
  svg.text({margin, 84},
           "each cell: column N, its constraint point's kind and constraint; draw one with "
           "--region column:N or --focus constraint:N" +
               std::string(options.overlay ? "; red: the network misses points there" : ""),
           {{"font-size", "12"}, {"fill", "#444444"}});
  double lx = margin;
  for (const char* kind : {"add", "inv", "one"}) {
    svg.rect(lx, 94, 11, 11, {{"fill", kind_colour(kind)}, {"stroke", "#888888"}});
    svg.text({lx + 15, 104}, kind, {{"font-size", "12"}});
    lx += 60;
  }

  svg.begin_group({{"class", "columns"}});
  for (std::size_t c = 0; c < constraints.size(); ++c) {
    const double x = margin + (c % per_row) * (cell_width + gap);
    const double y = header_height + (c / per_row) * (cell_height + gap);
    const std::string kind = point_of[c] ? point_of[c]->kind->name : "?";
    const std::string text = etrinv::describe(a.instance, constraints[c]);
    svg.begin_group({{"class", "column"}, {"data-constraint", std::to_string(c)}});
    std::string tip = "column " + std::to_string(c) + ": " + kind + ", " + text;
    if (point_of[c])
      tip += "; constraint point (" + numeric::to_string(point_of[c]->where.x) + ", " +
             numeric::to_string(point_of[c]->where.y) + ")";
    if (options.overlay) tip += "; " + std::to_string(misses[c]) + " missed points in its box";
    svg.title(tip);
    svg.rect(x, y, cell_width, cell_height,
             {{"class", "column-cell"},
              {"data-constraint", std::to_string(c)},
              {"fill", kind_colour(kind)},
              {"stroke", misses[c] ? miss_colour : "#999999"},
              {"stroke-width", misses[c] ? "2.5" : "0.8"}});
    svg.text({x + 5, y + 15},
             "#" + std::to_string(c) + " " + kind +
                 (misses[c] ? "  ✗" + std::to_string(misses[c]) : std::string()),
             {{"font-size", "11"}, {"font-weight", "bold"}});
    svg.text({x + 5, y + 31}, fit(text, 24), {{"font-size", "11"}});
    svg.end_group();
  }
  svg.end_group();
  result.svg = svg.finish();
  return result;
}

}  // namespace etr2nn::render
