// Which part of an arrangement a drawing shows.
//
// Columns lie far apart and the canonical stack grows with the number of
// variables (docs/reduction.md, section 4 "Layout"), so the whole arrangement of anything
// but a tiny instance is mostly empty space. Besides `all` there are zooms on
// one constraint's column and on the left end of the canonical stack, where
// the canonical home points are.
#pragma once

#include <cstddef>
#include <string>

#include "layout/arrangement.hpp"
#include "render/viewport.hpp"

namespace etr2nn::render {

// How many canonical gadgets a stack region shows: enough to see the
// stacking, few enough that each strip stays many pixels tall.
inline constexpr std::size_t stack_window = 8;

struct Region {
  enum class Kind { All, Stack, Column } kind = Kind::All;
  // Column: the constraint. Stack: the first variable of the window.
  std::size_t index = 0;
  friend bool operator==(const Region&, const Region&) = default;
};

// "all", "stack", "stack:N" (N a variable index) or "column:N" (N a
// constraint index), decimal. Throws std::invalid_argument naming the text
// otherwise. "stack" is "stack:0".
Region parse_region(const std::string& text);
std::string to_string(const Region& region);

// Why the region does not exist in the arrangement ("region column:7: the
// instance has 3 constraints (column:0 to column:2)"), or "" when it does.
std::string region_problem(const layout::Arrangement& arrangement, const Region& region);

// The exact box the region shows, padded around the points it is made of:
//   all       every point of the arrangement;
//   stack:N   the home points of the canonical gadgets of variables N to
//             N + stack_window - 1 (and room on their left);
//   column:N  constraint N's point and its fresh gadgets' home points, and,
//             when the canonical stack is no taller than the drop D (small
//             instances), the copy points that link those gadgets to it.
// Throws std::invalid_argument with region_problem(), or when there is
// nothing to draw.
Box region_box(const layout::Arrangement& arrangement, const Region& region);

}  // namespace etr2nn::render
