// A gadget's 39 data points in machine integers: the writer's fast path, and
// the form in which check N2 proves them on their lines and lanes.
//
// Data point (line l, lane j) of a gadget with strip offset o is where the
// lane P_j + τ·d meets n·p − o = t_l (layout::home_point):
//
//   p = P_j + d·(o + t_l − n·P_j) / (n·d)  =  A_lj + (d / (n·d))·o,
//
// affine in o with coefficients that depend only on the gadget's kind and
// normal. GadgetPoints computes those coefficients once per (kind, normal),
// exactly with GMP, as integers over one common denominator; each gadget's
// points are then two integer multiply-adds and a gcd per coordinate. The
// results are the same rationals as home_point's, in lowest terms, so they
// print the same. Whenever a value does not fit (a huge offset or
// denominator), compute() says so and the caller uses the exact mpq path.
//
// Because every point compute() gives is A + s·o with the template's exact
// A and s, check N2 checks the template once (n·A = t_l and n·s = 1: on the
// data line for every o; A on lane j and s parallel to it: on the lane for
// every o) instead of each of the millions of points.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "layout/detail/arrangement.hpp"

namespace etr2nn::layout {

// num/den in lowest terms with den >= 1 (what GMP keeps an mpq in), so the
// canonical string is num/den, or num alone when den == 1.
struct SmallFraction {
  std::int64_t num = 0;
  std::uint64_t den = 1;
  friend bool operator==(const SmallFraction&, const SmallFraction&) = default;
};

struct SmallPoint {
  SmallFraction x, y;
};

using GadgetPointBatch = std::array<SmallPoint, home_points_per_gadget>;

class GadgetPoints {
 public:
  // The arrangement must outlive this object.
  explicit GadgetPoints(const Arrangement& arrangement);

  // Gadget g's data points in data point order (data line by data line, the
  // three lanes in each), the values of home_point(a, g, l, j) at
  // index 3·l + j. False, with `out` unspecified, when some value (or an
  // intermediate) does not fit in 64 bits, or the gadget has no 13 data lines
  // or a strip parallel to the lanes (home_point says why).
  bool compute(std::size_t g, GadgetPointBatch& out) const;

  // The points of one (kind, normal) with o = 0, and the coefficients of o:
  // all numerators over `den`. Only a template that `fits` is used.
  struct Template {
    const gadgets::GadgetKind* kind;
    geometry::Normal normal;
    bool fits = false;
    std::uint64_t den = 1;
    std::int64_t slope_x = 0, slope_y = 0;
    std::array<std::int64_t, home_points_per_gadget> x{}, y{};
  };
  // One per (kind, normal) among the gadgets, in order of first use.
  const std::vector<Template>& templates() const { return templates_; }

 private:
  // Gadget g's template (nullptr only for a gadget not in the arrangement).
  const Template* template_of(const Gadget& g) const;

  const Arrangement& arrangement_;
  std::vector<Template> templates_;
};

}  // namespace etr2nn::layout
