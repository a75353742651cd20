#include "render/detail/viewport.hpp"

#include <algorithm>
#include <stdexcept>

#include "numeric/rational.hpp"

namespace etr2nn::render {

Box bounding_box(const std::vector<geometry::Point>& points) {
  if (points.empty()) throw std::logic_error("bounding_box: no points");
  Box b{points.front().x, points.front().y, points.front().x, points.front().y};
  for (const auto& p : points) {
    if (p.x < b.left) b.left = p.x;
    if (p.x > b.right) b.right = p.x;
    if (p.y < b.bottom) b.bottom = p.y;
    if (p.y > b.top) b.top = p.y;
  }
  return b;
}

namespace {

// fraction * length, at least minimum, rounded up to a whole number.
mpq_class pad_for(const mpq_class& length, const mpq_class& fraction, const mpq_class& minimum) {
  const mpq_class pad = std::max<mpq_class>(fraction * length, minimum);
  mpz_class whole;
  mpz_cdiv_q(whole.get_mpz_t(), pad.get_num_mpz_t(), pad.get_den_mpz_t());
  return mpq_class(whole);
}

}  // namespace

Box padded(const Box& box, const mpq_class& fraction, const mpq_class& minimum) {
  const mpq_class x = pad_for(box.width(), fraction, minimum);
  const mpq_class y = pad_for(box.height(), fraction, minimum);
  return {box.left - x, box.bottom - y, box.right + x, box.top + y};
}

Viewport::Viewport(Box box, double max_width, double max_height, CanvasPoint origin)
    : box_(std::move(box)), origin_(origin) {
  if (box_.width() <= 0 || box_.height() <= 0)
    throw std::logic_error("viewport: the box must have an area");
  const double w = numeric::to_double(box_.width());
  const double h = numeric::to_double(box_.height());
  scale_ = std::min(max_width / w, max_height / h);
  width_ = w * scale_;
  height_ = h * scale_;
}

CanvasPoint Viewport::map(const geometry::Point& p) const {
  return {origin_.x + numeric::to_double(p.x - box_.left) * scale_,
          origin_.y + numeric::to_double(box_.top - p.y) * scale_};
}

}  // namespace etr2nn::render
