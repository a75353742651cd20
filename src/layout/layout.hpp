// The one public header of src/layout/: code outside the module includes only
// this file; the parts it gathers live in src/layout/detail/.
//
// The layout arrow: ETR-INV instance -> Arrangement, the exact plane geometry
// of gadgets, lanes and constraint points, and the checks that make the hardness
// proof apply to it (N1–N7 in docs/soundness.md).
//   layout        lay_out: place every gadget and constraint point
//   arrangement   what was placed; data points are a lazy view over
//                 (gadget, data line, lane), so memory does not grow with them
//   gadget_points a gadget's data points in machine integers, from one exact
//                 template per (kind, normal): the writer's fast path and
//                 what check N2 proves
//   invariants    check_invariants: every layout rule checked exactly, by code
#pragma once

#include "layout/detail/arrangement.hpp"
#include "layout/detail/gadget_points.hpp"
#include "layout/detail/invariants.hpp"
#include "layout/detail/layout.hpp"
