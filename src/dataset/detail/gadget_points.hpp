// A gadget's 39 data points in machine integers, for the writer's fast path.
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
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dataset/detail/point_text.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {

struct SmallPoint {
  point_text::SmallFraction x, y;
};

using GadgetPointBatch = std::array<SmallPoint, layout::home_points_per_gadget>;

class GadgetPoints {
 public:
  // The arrangement must outlive this object.
  explicit GadgetPoints(const layout::Arrangement& arrangement);

  // Gadget g's data points in data point order (data line by data line, the
  // three lanes in each), the values of layout::home_point(a, g, l, j) at
  // index 3·l + j. False, with `out` unspecified, when some value (or an
  // intermediate) does not fit in 64 bits, or the gadget has no 13 data lines
  // or a strip parallel to the lanes (home_point says why).
  bool compute(std::size_t g, GadgetPointBatch& out) const;

 private:
  // The points of one (kind, normal) with o = 0, and the coefficients of o:
  // all numerators over `den`.
  struct Template {
    const gadgets::GadgetKind* kind;
    geometry::Normal normal;
    bool fits = false;
    std::uint64_t den = 1;
    std::int64_t slope_x = 0, slope_y = 0;
    std::array<std::int64_t, layout::home_points_per_gadget> x{}, y{};
  };
  const Template* template_of(const layout::Gadget& g) const;

  const layout::Arrangement& arrangement_;
  std::vector<Template> templates_;
};

}  // namespace etr2nn::dataset
