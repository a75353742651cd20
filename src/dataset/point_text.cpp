#include "dataset/detail/point_text.hpp"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

#include "numeric/rational.hpp"

namespace etr2nn::dataset::point_text {
namespace {

// __extension__: __int128 is GCC's and Clang's, outside ISO C++ (-Wpedantic).
__extension__ typedef unsigned __int128 u128;

char* put_text(char* at, const char* text, std::size_t n) {
  std::memcpy(at, text, n);
  return at + n;
}

template <std::size_t N>
char* put_text(char* at, const char (&text)[N]) {
  return put_text(at, text, N - 1);
}

char* put_text(char* at, const std::string& text) {
  return put_text(at, text.data(), text.size());
}

// |v| for any int64 (also the smallest, whose negation does not fit).
std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

}  // namespace

void append_rational(std::string& out, const mpq_class& q) {
  const std::size_t size =
      mpz_sizeinbase(q.get_num_mpz_t(), 10) + mpz_sizeinbase(q.get_den_mpz_t(), 10) + 3;
  const std::size_t at = out.size();
  out.resize(at + size + 2);
  out[at] = '"';
  mpq_get_str(out.data() + at + 1, 10, q.get_mpq_t());
  const std::size_t length = std::char_traits<char>::length(out.data() + at + 1);
  out[at + 1 + length] = '"';
  out.resize(at + length + 2);
}

void append_double(std::string& out, const mpq_class& q) {
  char buffer[max_double_chars];
  out.append(buffer, put_double(buffer, numeric::to_double(q)));
}

void append_point(std::string& out, const LabelledPoint& p) {
  out += "{\"x\":[";
  append_rational(out, p.x.x);
  out += ',';
  append_rational(out, p.x.y);
  out += "],\"y\":[";
  append_rational(out, p.y.out1);
  out += ',';
  append_rational(out, p.y.out2);
  out += "],\"xf\":[";
  append_double(out, p.x.x);
  out += ',';
  append_double(out, p.x.y);
  out += "],\"yf\":[";
  append_double(out, p.y.out1);
  out += ',';
  append_double(out, p.y.out2);
  out += "]}";
}

char* put_fraction(char* at, const SmallFraction& f) {
  char* const end = at + max_fraction_chars;
  *at++ = '"';
  at = std::to_chars(at, end, f.num).ptr;
  if (f.den != 1) {
    *at++ = '/';
    at = std::to_chars(at, end, f.den).ptr;
  }
  *at++ = '"';
  return at;
}

// mpq_get_d truncates toward zero, where a C++ conversion or division would
// round to nearest; the two differ in the last bit of about half of all
// values, so the significand m is found by integer division: the largest m
// with m·2^-s <= |num|/den, m < 2^53.
double truncated_double(const SmallFraction& f) {
  if (f.num == 0) return 0.0;
  const std::uint64_t u = magnitude(f.num), den = f.den;
  const std::uint64_t whole = u / den, rest = u % den;
  double d;
  if (whole != 0) {
    const int bits = std::bit_width(whole);
    if (bits > 53) {
      // Dropping the low bits (and the fraction) truncates.
      d = std::ldexp(static_cast<double>(whole >> (bits - 53)), bits - 53);
    } else {
      // 53 - bits more bits from the fraction: rest·2^k / den < 2^k.
      const int k = 53 - bits;
      const auto low = static_cast<std::uint64_t>((static_cast<u128>(rest) << k) / den);
      d = std::ldexp(static_cast<double>((whole << k) | low), -k);
    }
  } else {
    // 0 < |num|/den < 1: scale rest by 2^s0 to within a factor 2 of den
    // (rest·2^s0 < 2^65), then by 2^52 or 2^53 more for 53 bits (< 2^118).
    const int s0 = std::bit_width(den) - std::bit_width(rest);
    const u128 scaled = static_cast<u128>(rest) << s0;
    const int s = s0 + (scaled >= den ? 52 : 53);
    const auto m = static_cast<std::uint64_t>((scaled << (s - s0)) / den);
    d = std::ldexp(static_cast<double>(m), -s);
  }
  return f.num < 0 ? -d : d;
}

// JSON has no infinities, so a value too large for a double (never read
// back anyway) becomes null.
char* put_double(char* at, double d) {
  if (!std::isfinite(d)) return put_text(at, "null");
  return std::to_chars(at, at + max_double_chars, d).ptr;
}

LabelText::LabelText(const gadgets::Label& label) {
  append_rational(exact, label.out1);
  exact += ',';
  append_rational(exact, label.out2);
  append_double(display, label.out1);
  display += ',';
  append_double(display, label.out2);
}

char* put_point(char* at, const SmallFraction& x, const SmallFraction& y, const LabelText& label) {
  at = put_text(at, "{\"x\":[");
  at = put_fraction(at, x);
  *at++ = ',';
  at = put_fraction(at, y);
  at = put_text(at, "],\"y\":[");
  at = put_text(at, label.exact);
  at = put_text(at, "],\"xf\":[");
  at = put_double(at, truncated_double(x));
  *at++ = ',';
  at = put_double(at, truncated_double(y));
  at = put_text(at, "],\"yf\":[");
  at = put_text(at, label.display);
  return put_text(at, "]}");
}

}  // namespace etr2nn::dataset::point_text
