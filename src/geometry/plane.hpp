// Exact plane geometry for the layout: points, integer normals, gadget strips.
//
// A strip is {p : 0 <= n·p - offset <= width}; its coordinate t(p) = n·p - offset
// is the gadget's 1-D coordinate. Normals are integer vectors, so for rational
// points t is rational and every membership test is exact.
#pragma once

#include <gmpxx.h>

namespace etr2nn::geometry {

struct Point {
  mpq_class x, y;
  friend bool operator==(const Point&, const Point&) = default;
};

struct Normal {
  long a = 0, b = 0;  // (a, b) != (0, 0); the layout uses (0,1), (1,0), (1,1), (1,-1)
  friend bool operator==(const Normal&, const Normal&) = default;
};

struct Strip {
  Normal normal;
  mpq_class offset;
  mpq_class width;

  // t(p) = n·p - offset.
  mpq_class coordinate(const Point& p) const { return normal.a * p.x + normal.b * p.y - offset; }
  // Closed strip: 0 <= t <= width.
  bool contains(const Point& p) const {
    mpq_class t = coordinate(p);
    return t >= 0 && t <= width;
  }
};

}  // namespace etr2nn::geometry
