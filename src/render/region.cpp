#include "render/region.hpp"

#include <algorithm>
#include <stdexcept>

namespace etr2nn::render {
namespace {

using layout::Arrangement;
using layout::Gadget;

std::invalid_argument bad_region(const std::string& text) {
  return std::invalid_argument("region '" + text + "': expected all, stack, stack:N or column:N");
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

std::vector<geometry::Point> column_points(const Arrangement& a, std::size_t column) {
  std::vector<geometry::Point> points;
  std::vector<bool> fresh(a.gadgets.size(), false);
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) fresh[g] = a.gadgets[g].constraint == column;
  const bool links = stack_height(a) <= a.parameters.drop;
  // The fresh gadgets' home points lie on the lanes, far from the column:
  // the column view shows the point and, when near, its copy links.
  for (const auto& cp : a.constraint_points) {
    bool belongs = cp.constraint == column;
    // A copy link belongs to the column whose fresh gadget it ties.
    if (links && cp.constraint == layout::no_constraint)
      for (std::size_t g : cp.gadgets) belongs = belongs || fresh.at(g);
    if (belongs) points.push_back(cp.where);
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
  throw bad_region(text);
}

std::string to_string(const Region& region) {
  switch (region.kind) {
    case Region::Kind::All: return "all";
    case Region::Kind::Stack:
      return region.index == 0 ? "stack" : "stack:" + std::to_string(region.index);
    case Region::Kind::Column: return "column:" + std::to_string(region.index);
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
      // Only 10 units on the right: column 0 reaches to within 20 of the
      // home points (layout.hpp), and its strips would crowd the picture.
      // The left is empty, so room there shows the bands arriving.
      Box box = with_margin(stack_points(a, region.index), 0);
      box.left -= 3 * gadgets::strip_width;
      return box;
    }
    case Region::Kind::Column: {
      // A fixed margin of 10: columns are laid out so that nothing of another
      // column comes within 20 of this column's points (layout.hpp), so the
      // zoom shows this column alone.
      return with_margin(column_points(a, region.index), 0);
    }
  }
  throw std::logic_error("region: unknown kind");
}

}  // namespace etr2nn::render
