#include "render/detail/region.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace etr2nn::render {
namespace {

using layout::Arrangement;
using layout::Gadget;

std::invalid_argument bad_region(const std::string& text) {
  return std::invalid_argument("region '" + text +
                               "': expected all, stack, stack:N, column:N, gadget:N, lanes or "
                               "lanes:F (F one of C, V, P, M)");
}

// Points on the border of a box would be drawn half outside the canvas: a
// margin of `fraction` of each side (at least 10 plane units, half a strip)
// keeps them in.
Box with_margin(const std::vector<geometry::Point>& points, const mpq_class& fraction) {
  return padded(bounding_box(points), fraction, 10);
}

// The canonical stack's height: its links are worth showing in a column
// view only when this is small against the drop below it.
mpq_class stack_height(const Arrangement& a) {
  if (a.canonical.empty()) return 0;
  mpq_class low = a.gadgets.at(a.canonical.front()).strip.offset, high = low;
  for (std::size_t g : a.canonical) {
    low = std::min<mpq_class>(low, a.gadgets.at(g).strip.offset);
    high = std::max<mpq_class>(high, a.gadgets.at(g).strip.offset + a.gadgets.at(g).strip.width);
  }
  return high - low;
}

// The copy points that tie column `column`'s fresh gadgets to the stack.
std::vector<geometry::Point> link_points(const Arrangement& a, std::size_t column) {
  std::vector<geometry::Point> points;
  for (const auto& cp : a.constraint_points) {
    if (cp.constraint != layout::no_constraint) continue;
    bool belongs = false;
    for (std::size_t g : cp.gadgets) belongs = belongs || a.gadgets.at(g).constraint == column;
    if (belongs) points.push_back(cp.where);
  }
  return points;
}

const layout::ConstraintPoint& constraint_point_of(const Arrangement& a, std::size_t column) {
  for (const auto& cp : a.constraint_points)
    if (cp.constraint == column) return cp;
  throw std::invalid_argument("region column:" + std::to_string(column) +
                              ": the arrangement has no constraint point for it");
}

Box column_box(const Arrangement& a, std::size_t column) {
  const geometry::Point& p = constraint_point_of(a, column).where;
  Box box{p.x - column_half_width, p.y - column_half_height, p.x + column_half_width,
          p.y + column_half_height};
  // The links lie up in the stack, D + H away at most: worth the smaller
  // scale only while the stack is no taller than the drop.
  if (stack_height(a) > a.parameters.drop) return box;
  std::vector<geometry::Point> points = link_points(a, column);
  if (points.empty()) return box;
  Box links = with_margin(points, 0);
  box.left = std::min(box.left, links.left);
  box.bottom = std::min(box.bottom, links.bottom);
  box.right = std::max(box.right, links.right);
  box.top = std::max(box.top, links.top);
  return box;
}

std::vector<geometry::Point> family_points(const Arrangement& a, const std::string& family) {
  std::vector<geometry::Point> points;
  for (const auto& d : a.data_points) {
    const std::size_t f = a.gadgets.at(d.gadget).family;
    if (f < a.families.size() && a.families[f].name == family) points.push_back(d.where);
  }
  return points;
}

std::vector<geometry::Point> stack_points(const Arrangement& a, std::size_t first) {
  std::vector<bool> shown(a.gadgets.size(), false);
  for (std::size_t v = first; v < a.canonical.size() && v < first + stack_window; ++v)
    shown.at(a.canonical[v]) = true;
  std::vector<geometry::Point> points;
  for (const auto& d : a.data_points)
    if (shown[d.gadget]) points.push_back(d.where);
  return points;
}

std::vector<geometry::Point> gadget_points(const Arrangement& a, std::size_t gadget) {
  std::vector<geometry::Point> points;
  for (std::size_t i = 0; i < a.data_points.size(); ++i) {
    const layout::DataPoint d = a.data_points[i];
    if (d.gadget == gadget) points.push_back(d.where);
  }
  return points;
}

std::size_t parse_index(const std::string& text, std::size_t prefix) {
  const std::string digits = text.substr(prefix);
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    throw bad_region(text);
  return static_cast<std::size_t>(std::stoull(digits));
}

std::string range_text(std::size_t n, const std::string& prefix, const char* noun) {
  if (n == 0) return "no " + std::string(noun) + "s";
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s") + " (" + prefix + "0" +
         (n == 1 ? "" : " to " + prefix + std::to_string(n - 1)) + ")";
}

}  // namespace

Region parse_region(const std::string& text) {
  if (text == "all") return {Region::Kind::All, 0};
  if (text == "stack") return {Region::Kind::Stack, 0};
  if (text.rfind("stack:", 0) == 0) return {Region::Kind::Stack, parse_index(text, 6)};
  if (text.rfind("column:", 0) == 0) return {Region::Kind::Column, parse_index(text, 7)};
  if (text.rfind("gadget:", 0) == 0) return {Region::Kind::Gadget, parse_index(text, 7)};
  if (text == "lanes") return {Region::Kind::Lanes, 0};
  if (text.rfind("lanes:", 0) == 0)
    for (std::size_t f = 0; f < std::size(lane_families); ++f)
      if (text.substr(6) == lane_families[f]) return {Region::Kind::Lanes, f};
  throw bad_region(text);
}

std::string to_string(const Region& region) {
  switch (region.kind) {
    case Region::Kind::All: return "all";
    case Region::Kind::Stack:
      return region.index == 0 ? "stack" : "stack:" + std::to_string(region.index);
    case Region::Kind::Column: return "column:" + std::to_string(region.index);
    case Region::Kind::Gadget: return "gadget:" + std::to_string(region.index);
    case Region::Kind::Lanes:
      if (region.index == 0) return "lanes";
      return "lanes:" + (region.index < std::size(lane_families)
                             ? std::string(lane_families[region.index])
                             : std::to_string(region.index));
  }
  return "all";
}

std::string region_problem(const Arrangement& a, const Region& region) {
  switch (region.kind) {
    case Region::Kind::All: return "";
    case Region::Kind::Stack: {
      const std::size_t n = a.canonical.size();
      if (region.index < n) return "";
      return "region " + to_string(region) + ": the instance has " +
             range_text(n, "stack:", "variable");
    }
    case Region::Kind::Column: {
      const std::size_t n = a.instance.constraints.size();
      if (region.index < n) return "";
      return "region " + to_string(region) + ": the instance has " +
             range_text(n, "column:", "constraint");
    }
    case Region::Kind::Gadget: {
      const std::size_t n = a.gadgets.size();
      if (region.index >= n)
        return "region " + to_string(region) + ": the arrangement has " +
               range_text(n, "gadget:", "gadget");
      if (gadget_points(a, region.index).empty())
        return "region " + to_string(region) + ": that gadget has no data points";
      return "";
    }
    case Region::Kind::Lanes: {
      if (region.index < std::size(lane_families) &&
          !family_points(a, lane_families[region.index]).empty())
        return "";
      return "region " + to_string(region) + ": the arrangement has no gadget in that family";
    }
  }
  return "region: unknown kind";
}

Box region_box(const Arrangement& a, const Region& region) {
  if (const std::string problem = region_problem(a, region); !problem.empty())
    throw std::invalid_argument(problem);
  switch (region.kind) {
    case Region::Kind::All: {
      std::vector<geometry::Point> points;
      points.reserve(a.data_points.size() + a.constraint_points.size());
      for (const auto& d : a.data_points) points.push_back(d.where);
      for (const auto& cp : a.constraint_points) points.push_back(cp.where);
      if (points.empty()) throw std::invalid_argument("the arrangement has no points to draw");
      return with_margin(points, mpq_class(1, 25));
    }
    case Region::Kind::Stack: {
      // The home points lie on the lanes; the canonical bands run on across
      // the whole picture, so room on the left shows them arriving before
      // their first window.
      Box box = with_margin(stack_points(a, region.index), 0);
      box.left -= 3 * gadgets::strip_width;
      return box;
    }
    case Region::Kind::Column: return column_box(a, region.index);
    case Region::Kind::Gadget: return with_margin(gadget_points(a, region.index), 0);
    case Region::Kind::Lanes:
      return with_margin(family_points(a, lane_families[region.index]), mpq_class(1, 25));
  }
  throw std::logic_error("region: unknown kind");
}

}  // namespace etr2nn::render
