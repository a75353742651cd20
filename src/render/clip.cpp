#include "render/detail/clip.hpp"

namespace etr2nn::render {
namespace {

using geometry::Point;

// One Sutherland-Hodgman step: the part of a convex polygon where
// sign * (n·p - level) >= 0.
std::vector<Point> keep_side(const std::vector<Point>& polygon, const geometry::Normal& n,
                             const mpq_class& level, int sign) {
  std::vector<Point> out;
  const std::size_t k = polygon.size();
  for (std::size_t i = 0; i < k; ++i) {
    const Point& p = polygon[i];
    const Point& q = polygon[(i + 1) % k];
    const mpq_class dp = sign * (geometry::level(n, p) - level);
    const mpq_class dq = sign * (geometry::level(n, q) - level);
    if (dp >= 0) out.push_back(p);
    if ((dp > 0 && dq < 0) || (dp < 0 && dq > 0)) {
      const mpq_class r = dp / (dp - dq);  // where the edge p -> q crosses the line
      out.push_back(Point{p.x + r * (q.x - p.x), p.y + r * (q.y - p.y)});
    }
  }
  return out;
}

// Drops consecutive repeats (a vertex on the clipping line can appear twice).
std::vector<Point> without_repeats(std::vector<Point> polygon) {
  std::vector<Point> out;
  for (auto& p : polygon)
    if (out.empty() || !(out.back() == p)) out.push_back(std::move(p));
  while (out.size() > 1 && out.front() == out.back()) out.pop_back();
  return out;
}

std::vector<Point> corners(const Box& b) {
  return {{b.left, b.bottom}, {b.right, b.bottom}, {b.right, b.top}, {b.left, b.top}};
}

}  // namespace

std::vector<Point> clip_strip(const geometry::Strip& strip, const Box& box) {
  std::vector<Point> polygon = corners(box);
  polygon = keep_side(polygon, strip.normal, strip.offset, +1);
  polygon = keep_side(polygon, strip.normal, strip.offset + strip.width, -1);
  polygon = without_repeats(std::move(polygon));
  if (polygon.size() < 3) return {};
  return polygon;
}

std::optional<std::pair<Point, Point>> clip_line(const geometry::Normal& n, const mpq_class& level,
                                                 const Box& box) {
  return clip_line(mpq_class(n.a), mpq_class(n.b), level, box);
}

std::optional<std::pair<Point, Point>> clip_line(const mpq_class& a, const mpq_class& b,
                                                 const mpq_class& level, const Box& box) {
  if (a == 0 && b == 0) return std::nullopt;  // no line
  // The points of the box's boundary on the line: corners on it, and crossings
  // inside edges. The extreme two (in box order) are the segment's ends.
  std::vector<Point> on_line;
  const std::vector<Point> c = corners(box);
  for (std::size_t i = 0; i < 4; ++i) {
    const Point& p = c[i];
    const Point& q = c[(i + 1) % 4];
    const mpq_class dp = a * p.x + b * p.y - level;
    const mpq_class dq = a * q.x + b * q.y - level;
    if (dp == 0) on_line.push_back(p);
    if ((dp > 0 && dq < 0) || (dp < 0 && dq > 0)) {
      const mpq_class r = dp / (dp - dq);
      on_line.push_back(Point{p.x + r * (q.x - p.x), p.y + r * (q.y - p.y)});
    }
  }
  if (on_line.empty()) return std::nullopt;
  // All found points are on one line; the pair farthest apart spans the rest.
  std::pair<Point, Point> best{on_line.front(), on_line.front()};
  mpq_class best_length = -1;
  for (const auto& p : on_line)
    for (const auto& q : on_line) {
      const mpq_class dx = p.x - q.x, dy = p.y - q.y;
      const mpq_class length = dx * dx + dy * dy;
      if (length > best_length) {
        best_length = length;
        best = {p, q};
      }
    }
  return best;
}

}  // namespace etr2nn::render
