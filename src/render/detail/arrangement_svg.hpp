// The picture of an arrangement: gadget strips as bands coloured by role,
// data points coloured by label, constraint points as larger marks with their
// kind and constraint, variable names at the canonical strips.
//
// What is inside the drawn region is decided exactly (rationals); only the
// mapping onto the canvas uses doubles. Each point inside the region is one
// <circle> (data points class "data-point", constraint points class
// "constraint-point"); legend swatches are <rect>s, so the circles of a
// drawing are exactly its points. Only when the region holds more than
// max_point_marks data points does a drawing draw each data line's points as
// one segment instead (class "data-line"), to keep the file small; and with
// more than max_annotated_constraint_points constraint points in view, their
// texts and measuring lines are left out (they would only overprint).
//
// Irrational weights (a witness of a formula true only at irrational points)
// are rounded to doubles to clip their breaklines: a line within 1e-15 of the
// box's border may be drawn or not. Rational weights are clipped exactly.
#pragma once

#include <cstddef>
#include <string>

#include "check/check.hpp"
#include "layout/layout.hpp"
#include "render/detail/network_overlay.hpp"
#include "render/detail/region.hpp"
#include "render/detail/viewport.hpp"

namespace etr2nn::render {

struct ArrangementDrawingOptions {
  Region region;
  std::size_t max_point_marks = 10000;
  std::size_t max_annotated_constraint_points = 200;
  std::string title;  // shown at the top, e.g. the dataset's file name
  // A network drawn over the arrangement, with overlay_network(arrangement,
  // *network): both or neither. Each neuron whose breakline meets the box is
  // one <line class="breakline"> (data-neuron, data-gadget: the assigned
  // gadget or "none"), coloured by gadget, inside a <g class="neuron"> whose
  // <title> gives its exact weights; each missed point in the box is a
  // <g class="miss"> (data-x, data-y exact) whose <title> is Miss::text().
  const check::Network* network = nullptr;
  const NetworkOverlay* overlay = nullptr;
};

struct ArrangementDrawing {
  std::string svg;
  Box box;                            // the exact region drawn
  std::size_t data_points = 0;        // inside the box
  std::size_t constraint_points = 0;  // inside the box
  std::size_t strips = 0;             // gadget strips meeting the box
  bool data_lines_as_segments = false;
  bool constraint_points_annotated = true;
  std::size_t breaklines = 0;  // neurons whose breakline meets the box
  std::size_t misses = 0;      // missed points inside the box
};

// Throws std::invalid_argument when the region does not exist in the
// arrangement (region_box), or when only one of network and overlay is given.
ArrangementDrawing draw_arrangement(const layout::Arrangement& arrangement,
                                    const ArrangementDrawingOptions& options);

}  // namespace etr2nn::render
