// From exact plane coordinates to canvas pixels.
//
// The region to draw is an exact box (rationals: layout coordinates grow with
// the instance and columns lie far apart). Only the offset of a point from the
// box's corner is converted to double, so even a box far from the origin
// keeps full display precision. Doubles never flow back into exact code.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "geometry/plane.hpp"
#include "render/detail/svg_writer.hpp"

namespace etr2nn::render {

// A closed axis-parallel box of the plane, y pointing up.
struct Box {
  mpq_class left, bottom, right, top;

  bool contains(const geometry::Point& p) const {
    return p.x >= left && p.x <= right && p.y >= bottom && p.y <= top;
  }
  mpq_class width() const { return right - left; }
  mpq_class height() const { return top - bottom; }
};

// The smallest box holding every point. Precondition: points is not empty.
Box bounding_box(const std::vector<geometry::Point>& points);
// The box grown on its left and right by `fraction` of its width, on its top
// and bottom by `fraction` of its height, each at least `minimum` and
// rounded up to a whole number (so a box around integer points has integer
// corners, printed in captions). Per axis, so a long thin box is not padded
// by its length; with a minimum, a single point still gets an area.
Box padded(const Box& box, const mpq_class& fraction, const mpq_class& minimum);

// Maps a box onto a canvas rectangle with one scale for both axes (so the
// 45-degree strips look like 45 degrees), y flipped (SVG's y points down).
class Viewport {
 public:
  // The largest uniform scale at which box fits max_width x max_height pixels;
  // the drawing starts at canvas position `origin` (its top-left corner).
  // Precondition: box has positive width and height.
  Viewport(Box box, double max_width, double max_height, CanvasPoint origin);

  CanvasPoint map(const geometry::Point& p) const;
  const Box& box() const { return box_; }
  double width() const { return width_; }    // pixels actually used
  double height() const { return height_; }  // pixels actually used
  double scale() const { return scale_; }    // pixels per plane unit
  CanvasPoint origin() const { return origin_; }

 private:
  Box box_;
  double scale_ = 1, width_ = 0, height_ = 0;
  CanvasPoint origin_;
};

}  // namespace etr2nn::render
