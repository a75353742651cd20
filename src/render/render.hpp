// The one public header of src/render/: code outside the module includes only
// this file; the parts it gathers live in src/render/detail/.
//
// Drawings of layouts: Arrangement (+ Network) -> SVG or PNG.
//   arrangement_svg  a region of the arrangement, points coloured by label
//   overview_svg     one cell per constraint column, for big datasets
//   focus            views chosen by meaning (a variable, a constraint)
//   network_overlay  a network's breaklines by gadget, and its exact misses
//   cross_section    one gadget's outputs along its lanes, with the decoded value
//   profile_svg      a gadget kind's profile
//   float_weights    trained networks' float weights read as exact rationals
//   png              SVG to PNG through librsvg
//   palette          the label colours shared by every drawing
#pragma once

#include "render/detail/arrangement_svg.hpp"
#include "render/detail/cross_section.hpp"
#include "render/detail/float_weights.hpp"
#include "render/detail/focus.hpp"
#include "render/detail/network_overlay.hpp"
#include "render/detail/overview_svg.hpp"
#include "render/detail/palette.hpp"
#include "render/detail/png.hpp"
#include "render/detail/profile_svg.hpp"
