// Which part of an arrangement a drawing shows.
//
// Columns lie far apart (REDUCTION.md section 4), so the whole arrangement of
// anything but a tiny instance is mostly empty space: besides `all` there are
// zooms on one constraint's column and on the left end of the canonical stack,
// where the canonical home points are.
#pragma once

#include <cstddef>
#include <string>

#include "layout/arrangement.hpp"
#include "render/viewport.hpp"

namespace etr2nn::render {

struct Region {
  enum class Kind { All, Stack, Column } kind = Kind::All;
  std::size_t column = 0;  // the constraint, for Kind::Column
  friend bool operator==(const Region&, const Region&) = default;
};

// "all", "stack" or "column:N" (N a constraint index, decimal). Throws
// std::invalid_argument naming the text otherwise.
Region parse_region(const std::string& text);
std::string to_string(const Region& region);

// The exact box the region shows, padded around the points it is made of:
//   all       every point of the arrangement;
//   stack     the canonical gadgets' home points (and room on their left);
//   column:N  constraint N's point, its fresh gadgets' home points and the
//             copy points that link those gadgets to the stack.
// Throws std::invalid_argument when the region names a constraint the
// instance does not have, or has no points to show (stack with no variables).
Box region_box(const layout::Arrangement& arrangement, const Region& region);

}  // namespace etr2nn::render
