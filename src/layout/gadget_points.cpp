#include "layout/detail/gadget_points.hpp"

#include <bit>
#include <limits>
#include <utility>

namespace etr2nn::layout {
namespace {

// __extension__: __int128 is GCC's and Clang's, outside ISO C++ (-Wpedantic).
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

bool to_int64(mpz_srcptr z, std::int64_t& out) {
  static_assert(sizeof(long) == sizeof(std::int64_t));
  if (!mpz_fits_slong_p(z)) return false;
  out = mpz_get_si(z);
  return true;
}

u128 gcd(u128 a, u128 b) {
  if (a <= UINT64_MAX && b <= UINT64_MAX) {  // the usual case: one machine word
    std::uint64_t p = static_cast<std::uint64_t>(a), q = static_cast<std::uint64_t>(b);
    while (q != 0) p = std::exchange(q, p % q);
    return p;
  }
  while (b != 0) a = std::exchange(b, a % b);
  return a;
}

// num/den (den > 0) in lowest terms, if that fits a SmallFraction.
bool reduce(i128 num, u128 den, SmallFraction& out) {
  const u128 magnitude = num < 0 ? -static_cast<u128>(num) : static_cast<u128>(num);
  if (den != 1) {
    const u128 g = gcd(magnitude, den);  // >= 1: den > 0
    num /= static_cast<i128>(g);
    den /= g;
  }
  if (num > int64_max || num < -int64_max || den > UINT64_MAX) return false;
  out = {static_cast<std::int64_t>(num), static_cast<std::uint64_t>(den)};
  return true;
}

}  // namespace

GadgetPoints::GadgetPoints(const Arrangement& arrangement) : arrangement_(arrangement) {
  const Lanes& lanes = arrangement.lanes;
  for (const auto& g : arrangement.gadgets) {
    if (template_of(g) != nullptr) continue;
    Template& t = templates_.emplace_back(Template{g.kind, g.strip.normal});
    const auto& lines = g.kind->data_lines();
    const long nd = geometry::dot(t.normal, lanes.direction);
    if (lines.size() != data_lines_per_gadget || nd == 0) continue;  // home_point throws

    // The values with o = 0, then o's coefficients, exactly.
    std::vector<mpq_class> values;
    for (std::size_t l = 0; l < lines.size(); ++l)
      for (unsigned j = 0; j < lane_count; ++j) {
        const geometry::Point start = lanes.start(j);
        mpq_class tau = lines[l].position - geometry::level(t.normal, start);
        tau /= nd;
        values.push_back(start.x + lanes.direction.a * tau);
        values.push_back(start.y + lanes.direction.b * tau);
      }
    values.push_back(mpq_class(mpz_class(lanes.direction.a), mpz_class(nd)));
    values.push_back(mpq_class(mpz_class(lanes.direction.b), mpz_class(nd)));
    for (auto& v : values) v.canonicalize();

    // Their common denominator and numerators over it, if all fit.
    mpz_class den = 1;
    for (const auto& v : values) mpz_lcm(den.get_mpz_t(), den.get_mpz_t(), v.get_den_mpz_t());
    if (!mpz_fits_slong_p(den.get_mpz_t())) continue;
    std::vector<std::int64_t> numerators(values.size());
    bool fits = true;
    for (std::size_t k = 0; k < values.size() && fits; ++k)
      fits = to_int64(mpz_class(values[k].get_num() * (den / values[k].get_den())).get_mpz_t(),
                      numerators[k]);
    if (!fits) continue;
    for (std::size_t k = 0; k < home_points_per_gadget; ++k) {
      t.x[k] = numerators[2 * k];
      t.y[k] = numerators[2 * k + 1];
    }
    t.slope_x = numerators[2 * home_points_per_gadget];
    t.slope_y = numerators[2 * home_points_per_gadget + 1];
    t.den = static_cast<std::uint64_t>(den.get_si());
    t.fits = true;
  }
}

const GadgetPoints::Template* GadgetPoints::template_of(const Gadget& g) const {
  // A handful of templates (kinds × families): a scan beats a map.
  for (const auto& t : templates_)
    if (t.kind == g.kind && t.normal == g.strip.normal) return &t;
  return nullptr;
}

bool GadgetPoints::compute(std::size_t g, GadgetPointBatch& out) const {
  const Gadget& gadget = arrangement_.gadgets.at(g);
  const Template* t = template_of(gadget);
  if (t == nullptr || !t->fits) return false;
  // o = p/q: value = (numerator·q + slope·p) / (den·q), every product of two
  // int64 values, so nothing overflows 128 bits.
  std::int64_t p = 0, q = 0;
  if (!to_int64(gadget.strip.offset.get_num_mpz_t(), p) ||
      !to_int64(gadget.strip.offset.get_den_mpz_t(), q) || q <= 0)
    return false;
  const u128 den = static_cast<u128>(t->den) * static_cast<u128>(q);
  const i128 px = static_cast<i128>(t->slope_x) * p, py = static_cast<i128>(t->slope_y) * p;
  for (std::size_t k = 0; k < home_points_per_gadget; ++k) {
    if (!reduce(static_cast<i128>(t->x[k]) * q + px, den, out[k].x) ||
        !reduce(static_cast<i128>(t->y[k]) * q + py, den, out[k].y))
      return false;
  }
  return true;
}

}  // namespace etr2nn::layout
