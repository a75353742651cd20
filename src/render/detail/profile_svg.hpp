// The picture of a gadget kind's witness profile: both outputs along the
// strip coordinate t for one variable value X, with the data lines (and their
// labels) the profile must pass through and the measuring lines constraint
// points read. The teaching picture of docs/gadgets.md, drawn from the code.
//
// Everything the plot shows is computed exactly first (ProfilePlot), so a
// test can check the picture's geometry without parsing pixels; only
// profile_svg converts to doubles.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "gadgets/gadget_kind.hpp"

namespace etr2nn::render {

// The t range drawn: one unit beyond the strip [0, 19] on each side, so the
// zero run-in and run-out of the profile are seen.
inline const mpq_class profile_t_min{-1};
inline const mpq_class profile_t_max{20};

struct ProfileVertex {
  gadgets::Real t, out1, out2;
};

struct ProfilePlot {
  const gadgets::GadgetKind* kind = nullptr;
  mpq_class x;                               // the variable value X
  std::vector<gadgets::Breakpoint> witness;  // kind->witness(X)
  // The polyline of both outputs: t = -1, each distinct breakpoint in
  // between in increasing order, t = 20, with the profile's exact values
  // (gadgets::evaluate). Between vertices the profile is linear.
  std::vector<ProfileVertex> vertices;
  // The profile at each measuring line, in the kind's order: what a
  // constraint point on that line reads.
  std::vector<ProfileVertex> readings;
};

// Throws std::domain_error when X is outside kind.admitted_range().
ProfilePlot profile_plot(const gadgets::GadgetKind& kind, const mpq_class& x);

// The SVG: out1 solid, out2 dashed (one <polyline> each, class "profile
// out1" / "profile out2", one vertex per ProfilePlot vertex), data lines with
// their labels, measuring lines with their readings, breakpoints marked.
std::string profile_svg(const ProfilePlot& plot);

}  // namespace etr2nn::render
