// Which part of an arrangement a drawing shows.
//
// In the counting-lines layout (docs/reduction.md, section 4 "Layout") the
// pieces lie far apart: the constraint points in a row at y = -D, 45 apart;
// the canonical strips (the stack) above them; and every gadget's home points
// on three lanes far to the left, where the lanes cross the family regions
// M, C, P, V in turn. The whole arrangement of anything but a tiny instance
// is mostly empty space, so besides `all` there are zooms on one constraint
// point, on a window of canonical home points and on one family's stretch of
// the lanes.
#pragma once

#include <cstddef>
#include <string>

#include "layout/layout.hpp"
#include "render/detail/viewport.hpp"

namespace etr2nn::render {

// How many canonical gadgets a stack region shows: enough to see the
// stacking, few enough that each strip stays many pixels tall.
inline constexpr std::size_t stack_window = 8;

// The half-width and half-height of a column zoom around its constraint
// point. Neighbouring constraint points lie on the same row, at least one
// column pitch (> 44, check N5) away, so 40 keeps them out; and the box is
// wider than tall so that the P strip through the point leaves it at the
// bottom, where the fresh gadgets are named, not at the side.
inline constexpr long column_half_width = 40;
inline constexpr long column_half_height = 25;

// The families a lanes region can name, by the layout's names: C canonical,
// V, P, M fresh.
inline constexpr const char* lane_families[] = {"C", "V", "P", "M"};

struct Region {
  enum class Kind { All, Stack, Column, Lanes, Gadget } kind = Kind::All;
  // Column: the constraint. Stack: the first variable of the window.
  // Lanes: the family, a position in lane_families. Gadget: the gadget.
  std::size_t index = 0;
  friend bool operator==(const Region&, const Region&) = default;
};

// "all", "stack", "stack:N" (N a variable index), "column:N" (N a constraint
// index), "gadget:N" (N a gadget index), decimal, or "lanes", "lanes:F" (F
// one of C, V, P, M). Throws
// std::invalid_argument naming the text otherwise. "stack" is "stack:0",
// "lanes" is "lanes:C".
Region parse_region(const std::string& text);
std::string to_string(const Region& region);

// Why the region does not exist in the arrangement ("region column:7: the
// instance has 3 constraints (column:0 to column:2)"), or "" when it does.
std::string region_problem(const layout::Arrangement& arrangement, const Region& region);

// The exact box the region shows:
//   all       every point of the arrangement, padded by 1/25 of each side;
//   stack:N   the home points (on the lanes) of the canonical gadgets of
//             variables N to N + stack_window - 1, padded by 10, and room
//             on their left for the bands arriving;
//   column:N  constraint N's point p with column_half_width and
//             column_half_height around it: the crossing of its three fresh
//             strips. Other columns' strips may cross the view; no other
//             constraint point is in it. When the canonical stack is no
//             taller than the drop D (small instances) the box also holds the
//             copy points that link N's fresh gadgets to the stack (padded by
//             10), and then other columns' points and links may be in view;
//   lanes:F   the home points of every gadget of family F: the stretch of the
//             three lanes where F's windows are, padded by 1/25 (at least 10);
//   gadget:N  gadget N's home points (its window on the three lanes), padded
//             by 10: where its data lie and its breaklines cross the lanes.
// Throws std::invalid_argument with region_problem(), or when there is
// nothing to draw.
Box region_box(const layout::Arrangement& arrangement, const Region& region);

}  // namespace etr2nn::render
