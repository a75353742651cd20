#include "geometry/plane.hpp"

#include <stdexcept>

namespace etr2nn::geometry {

Point intersection(const Normal& n, const mpq_class& c, const Normal& m, const mpq_class& d) {
  const long det = n.a * m.b - n.b * m.a;
  if (det == 0) throw std::logic_error("geometry::intersection: parallel lines");
  mpq_class x = (c * m.b - d * n.b) / det;
  mpq_class y = (d * n.a - c * m.a) / det;
  return {x, y};
}

}  // namespace etr2nn::geometry
