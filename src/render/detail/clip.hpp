// Exact clipping of strips and lines to a box.
//
// Gadget strips and measuring lines are unbounded; a drawing shows the part
// inside its box. Clipping is done with rationals, so a band drawn for a
// strip is exactly the strip's part of the box before it is converted.
#pragma once

#include <gmpxx.h>

#include <optional>
#include <utility>
#include <vector>

#include "geometry/plane.hpp"
#include "render/detail/viewport.hpp"

namespace etr2nn::render {

// The convex polygon strip ∩ box (counter-clockwise, no repeated vertex), or
// empty when they do not meet in an area (touching along an edge or a corner
// gives fewer than 3 vertices and counts as not meeting).
std::vector<geometry::Point> clip_strip(const geometry::Strip& strip, const Box& box);

// The segment {p : n·p = level} ∩ box, or nullopt when the line misses the
// box. A line through one corner only gives a segment of length 0.
std::optional<std::pair<geometry::Point, geometry::Point>> clip_line(const geometry::Normal& n,
                                                                     const mpq_class& level,
                                                                     const Box& box);
// The same for any line a·x + b·y = level with rational coefficients (a
// network's breakline); nullopt also when a = b = 0.
std::optional<std::pair<geometry::Point, geometry::Point>> clip_line(const mpq_class& a,
                                                                     const mpq_class& b,
                                                                     const mpq_class& level,
                                                                     const Box& box);

}  // namespace etr2nn::render
