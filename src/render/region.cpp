#include "render/region.hpp"

#include <stdexcept>

namespace etr2nn::render {
namespace {

std::invalid_argument bad_region(const std::string& text) {
  return std::invalid_argument("region '" + text + "': expected all, stack or column:N");
}

// Points on the border of a box would be drawn half outside the canvas: a
// margin (at least 10 plane units, half a strip) keeps them in.
Box with_margin(const std::vector<geometry::Point>& points, const mpq_class& fraction) {
  return padded(bounding_box(points), fraction, mpq_class(10));
}

std::vector<geometry::Point> column_points(const layout::Arrangement& a, std::size_t column) {
  std::vector<geometry::Point> points;
  std::vector<bool> fresh(a.gadgets.size(), false);
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) fresh[g] = a.gadgets[g].constraint == column;
  for (const auto& cp : a.constraint_points) {
    bool belongs = cp.constraint == column;
    // A copy link belongs to the column whose fresh gadget it ties.
    if (cp.constraint == layout::no_constraint)
      for (std::size_t g : cp.gadgets) belongs = belongs || fresh.at(g);
    if (belongs) points.push_back(cp.where);
  }
  for (const auto& d : a.data_points)
    if (fresh[d.gadget]) points.push_back(d.where);
  return points;
}

std::vector<geometry::Point> stack_points(const layout::Arrangement& a) {
  std::vector<geometry::Point> points;
  for (const auto& d : a.data_points)
    if (a.gadgets[d.gadget].role == layout::Gadget::Role::Canonical) points.push_back(d.where);
  return points;
}

}  // namespace

Region parse_region(const std::string& text) {
  if (text == "all") return {Region::Kind::All, 0};
  if (text == "stack") return {Region::Kind::Stack, 0};
  const std::string prefix = "column:";
  if (text.rfind(prefix, 0) != 0) throw bad_region(text);
  const std::string digits = text.substr(prefix.size());
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    throw bad_region(text);
  return {Region::Kind::Column, static_cast<std::size_t>(std::stoull(digits))};
}

std::string to_string(const Region& region) {
  switch (region.kind) {
    case Region::Kind::All: return "all";
    case Region::Kind::Stack: return "stack";
    case Region::Kind::Column: return "column:" + std::to_string(region.column);
  }
  return "all";
}

Box region_box(const layout::Arrangement& a, const Region& region) {
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
      const std::vector<geometry::Point> points = stack_points(a);
      if (points.empty())
        throw std::invalid_argument("region stack: the instance has no variables");
      // Only 10 units on the right: column 0 reaches to within 20 of the
      // home points (layout.hpp), and its strips would crowd the picture.
      // The left is empty, so room there shows the bands arriving.
      Box box = with_margin(points, 0);
      box.left -= 3 * gadgets::strip_width;
      return box;
    }
    case Region::Kind::Column: {
      const std::size_t n = a.instance.constraints.size();
      if (region.column >= n)
        throw std::invalid_argument(
            "region " + to_string(region) + ": the instance has " + std::to_string(n) +
            (n == 1   ? " constraint (column:0)"
             : n == 0 ? " constraints"
                      : " constraints (column:0 to column:" + std::to_string(n - 1) + ")"));
      // A fixed margin of 10: columns are laid out so that nothing of another
      // column comes within 20 of this column's points (layout.hpp), so the
      // zoom shows this column alone.
      return with_margin(column_points(a, region.column), 0);
    }
  }
  throw std::logic_error("region: unknown kind");
}

}  // namespace etr2nn::render
