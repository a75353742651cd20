#include "json_io/point_line.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <numeric>

#include "json_io/value.hpp"

namespace etr2nn::json_io {

// --- ChunkReader -------------------------------------------------------------

ChunkReader::ChunkReader(std::istream& in, std::size_t block)
    : in_(in), block_(block), buf_(block) {}

std::size_t ChunkReader::refill(std::size_t n) {
  // Drop the bytes already read, remembering how many lines they held.
  const char* begin = buf_.data();
  const std::size_t newlines = std::count(begin, begin + pos_, '\n');
  if (newlines > 0) {
    lines_before_ += newlines;
    const char* last = begin + pos_;
    while (last[-1] != '\n') --last;
    column_before_ = static_cast<std::size_t>(begin + pos_ - last);
  } else {
    column_before_ += pos_;
  }
  std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
  end_ -= pos_;
  pos_ = 0;
  if (buf_.size() < std::max(n, block_)) buf_.resize(std::max(n, block_));
  while (end_ < n && in_) {
    in_.read(buf_.data() + end_, static_cast<std::streamsize>(buf_.size() - end_));
    end_ += static_cast<std::size_t>(in_.gcount());
  }
  return end_ - pos_;
}

std::size_t ChunkReader::line() const {
  return 1 + lines_before_ + std::count(buf_.data(), buf_.data() + pos_, '\n');
}

std::size_t ChunkReader::column() const {
  const char* begin = buf_.data();
  const char* at = begin + pos_;
  const char* last = at;
  while (last > begin && last[-1] != '\n') --last;
  return last > begin ? static_cast<std::size_t>(at - last) : column_before_ + pos_;
}

// --- one point line ------------------------------------------------------------

namespace {

// A cursor over one line; every step either matches or fails the line.
struct Cursor {
  const char* p;
  const char* end;

  bool literal(std::string_view text) {
    if (static_cast<std::size_t>(end - p) < text.size() ||
        std::memcmp(p, text.data(), text.size()) != 0)
      return false;
    p += text.size();
    return true;
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // digits+; [from, to) is the run.
  bool digits(const char*& from, const char*& to) {
    from = p;
    while (p < end && digit(*p)) ++p;
    to = p;
    return to > from;
  }

  // "-?D+(/D+)?" into q, in lowest terms.
  bool rational(mpq_class& q) {
    if (!literal("\"")) return false;
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    const char *num_from, *num_to, *den_from = nullptr, *den_to = nullptr;
    if (!digits(num_from, num_to)) return false;
    if (p < end && *p == '/') {
      ++p;
      if (!digits(den_from, den_to)) return false;
    }
    if (!literal("\"")) return false;
    // Up to 18 digits fit in int64; longer numbers go through GMP's parser.
    std::int64_t num = 0, den = 1;
    const bool small_num = num_to - num_from <= 18;
    const bool small_den = !den_from || den_to - den_from <= 18;
    if (small_num) std::from_chars(num_from, num_to, num);
    if (den_from && small_den) std::from_chars(den_from, den_to, den);
    if (small_num && small_den) {
      if (den == 0) return false;
      const std::int64_t g = den == 1 ? 1 : std::gcd(num, den);
      mpq_set_si(q.get_mpq_t(), negative ? -(num / g) : num / g,
                 static_cast<unsigned long>(den / g));
      return true;
    }
    mpz_class big_den = 1;
    if (den_from) set_big(big_den, den_from, den_to);
    if (big_den == 0) return false;
    set_big(q.get_num(), num_from, num_to);
    q.get_den() = big_den;
    q.canonicalize();
    if (negative) mpq_neg(q.get_mpq_t(), q.get_mpq_t());
    return true;
  }

  static void set_big(mpz_class& z, const char* from, const char* to) {
    const std::string text(from, to);  // mpz_set_str wants a NUL-terminated string
    mpz_set_str(z.get_mpz_t(), text.c_str(), 10);
  }

  // A plain JSON number: -?(0|[1-9]D*)(.D+)?([eE][+-]?D+)?, exponent of at
  // most two digits (so nlohmann reads it without trouble either way).
  bool number() {
    if (p < end && *p == '-') ++p;
    const char *from, *to;
    if (!digits(from, to) || (*from == '0' && to - from > 1)) return false;
    if (p < end && *p == '.') {
      ++p;
      if (!digits(from, to)) return false;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
      ++p;
      if (p < end && (*p == '+' || *p == '-')) ++p;
      if (!digits(from, to) || to - from > 2) return false;
    }
    return true;
  }

  bool rational_pair(mpq_class& a, mpq_class& b) {
    return literal("[") && rational(a) && literal(",") && rational(b) && literal("]");
  }
  bool number_pair() {
    return literal("[") && number() && literal(",") && number() && literal("]");
  }
};

}  // namespace

bool parse_neuron_line(std::string_view line, std::array<mpq_class, 5>& w) {
  Cursor c{line.data(), line.data() + line.size()};
  while (c.p < c.end && *c.p == ' ') ++c.p;
  return c.literal("{\"a\":") && c.rational_pair(w[0], w[1]) && c.literal(",\"b\":") &&
         c.rational(w[2]) && c.literal(",\"v\":") && c.rational_pair(w[3], w[4]) &&
         c.literal("}") && c.p == c.end;
}

bool parse_point_line(std::string_view line, mpq_class& x0, mpq_class& x1, mpq_class& y0,
                      mpq_class& y1) {
  Cursor c{line.data(), line.data() + line.size()};
  while (c.p < c.end && *c.p == ' ') ++c.p;
  if (!c.literal("{\"x\":") || !c.rational_pair(x0, x1) || !c.literal(",\"y\":") ||
      !c.rational_pair(y0, y1))
    return false;
  if (c.literal(",\"xf\":") && !(c.number_pair() && c.literal(",\"yf\":") && c.number_pair()))
    return false;
  return c.literal("},") && c.p == c.end;
}

bool read_point_lines(ChunkReader& in, std::array<mpq_class, 4>& q,
                      const std::function<void()>& on_point) {
  constexpr std::size_t longest_line = std::size_t(1) << 20;
  bool any = false;
  for (;;) {
    const std::size_t skip = any ? 1 : 0;  // the comma ending the previous line
    std::size_t want = skip + 256;
    const char* newline = nullptr;
    std::size_t have = 0;
    for (;;) {
      have = in.fill(want);
      if (have < skip + 1 || in.data()[skip] != '\n') return any;
      newline = static_cast<const char*>(std::memchr(in.data() + skip + 1, '\n', have - skip - 1));
      if (newline || have < want || want >= longest_line) break;
      want *= 4;
    }
    if (!newline) return any;
    const char* line = in.data() + skip + 1;
    if (!parse_point_line({line, static_cast<std::size_t>(newline - line)}, q[0], q[1], q[2], q[3]))
      return any;
    on_point();
    in.skip(static_cast<std::size_t>(newline - 1 - in.data()));  // onto the comma
    any = true;
  }
}

// --- errors of a resumed parse ----------------------------------------------------

Diagnostic resumed_syntax_error(const std::string& file, const nlohmann::json::exception& e,
                                std::size_t line, std::size_t column, std::size_t prefix) {
  // nlohmann's message: "[json.exception.parse_error.101] parse error at line
  // L, column C: REST" (as in syntax_error()).
  const std::string message = e.what();
  const std::string line_word = "parse error at line ", column_word = ", column ";
  const std::size_t line_at = message.find(line_word);
  if (line_at == std::string::npos) return syntax_error(file, e);
  char* after = nullptr;
  const unsigned long l = std::strtoul(message.c_str() + line_at + line_word.size(), &after, 10);
  if (std::string_view(after).substr(0, column_word.size()) != column_word)
    return syntax_error(file, e);
  const unsigned long c = std::strtoul(after + column_word.size(), &after, 10);
  if (std::string_view(after).substr(0, 2) != ": " || l == 0) return syntax_error(file, e);
  nlohmann::detail::position_t at;
  if (l == 1) {  // the prefix's line: shift the column
    at.lines_read = line - 1;
    at.chars_read_current_line = column + (c >= prefix ? c - prefix : 0);
  } else {
    at.lines_read = line - 1 + (l - 1);
    at.chars_read_current_line = c;
  }
  const auto moved = nlohmann::detail::parse_error::create(e.id, at, after + 2, nullptr);
  return syntax_error(file, moved);
}

}  // namespace etr2nn::json_io
