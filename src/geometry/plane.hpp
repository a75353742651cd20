// Exact plane geometry for the layout: points, integer normals, gadget strips.
//
// A strip is {p : 0 <= n·p - offset <= width}; its coordinate t(p) = n·p - offset
// is the gadget's 1-D coordinate. Normals are integer vectors, so for rational
// points t is rational and every membership test is exact.
#pragma once

#include <gmpxx.h>

#include <tuple>

namespace etr2nn::geometry {

struct Point {
  mpq_class x, y;
  friend bool operator==(const Point&, const Point&) = default;
};

struct Normal {
  long a = 0, b = 0;  // (a, b) != (0, 0); the layout uses (0,1), (1,0), (1,1), (1,-1)
  friend bool operator==(const Normal&, const Normal&) = default;
  // Any strict order, so that strips can be grouped by direction in a map.
  friend bool operator<(const Normal& p, const Normal& q) {
    return std::tie(p.a, p.b) < std::tie(q.a, q.b);
  }
};

// n·p: the level of p along n. Parallel strips with the same normal are
// intervals of this one number, which is what makes the layout checks fast.
// The layout's normals have entries in {-1, 0, 1}; sparing the rational
// multiplications (each a gcd) makes the invariant check about twice as fast.
inline void add_multiple(mpq_class& sum, long c, const mpq_class& v) {
  if (c == 1)
    sum += v;
  else if (c == -1)
    sum -= v;
  else if (c != 0)
    sum += c * v;
}
inline mpq_class level(const Normal& n, const Point& p) {
  mpq_class sum;
  add_multiple(sum, n.a, p.x);
  add_multiple(sum, n.b, p.y);
  return sum;
}

// n·d for an integer direction d (stored as a Normal: any integer vector).
inline long dot(const Normal& n, const Normal& d) {
  return n.a * d.a + n.b * d.b;
}

struct Strip {
  Normal normal;
  mpq_class offset;
  mpq_class width;

  // t(p) = n·p - offset.
  mpq_class coordinate(const Point& p) const { return level(normal, p) - offset; }
  // Closed strip: 0 <= t <= width.
  bool contains(const Point& p) const {
    mpq_class t = coordinate(p);
    return t >= 0 && t <= width;
  }
};

// The point where the lines n·p = c and m·p = d meet (Cramer's rule, exact).
// Precondition: n and m are not parallel.
Point intersection(const Normal& n, const mpq_class& c, const Normal& m, const mpq_class& d);

}  // namespace etr2nn::geometry
