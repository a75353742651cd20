// Fast reading of a dataset's "points" in the writer's own form, one point per
// line:
//
//     {"x":["-752","0"],"y":["0","0"],"xf":[-752,0],"yf":[0,0]},
//
// The general SAX parsers (check/read_dataset, dataset/points_sax) spend most
// of their time in nlohmann's tokenizer; a line of exactly this form can be
// read with a few comparisons and integer conversions instead. Anything else
// (other key order, whitespace, escapes, a malformed line, the last point
// without its comma) is left to the general parser, which resumes at the start
// of that line and so produces exactly the points and the errors it always
// did. The pieces:
//
//   ChunkReader          a std::istream read in large blocks, knowing the line
//                        and column of its position (as nlohmann counts them);
//   ChunkReader::Iterator the same bytes as an input iterator for
//                        nlohmann::json::sax_parse, optionally preceded by a
//                        short synthetic prefix (see resume_prefix);
//   parse_point_line     one line of the fast form -> four exact rationals;
//   resumed_syntax_error a parse error of the resumed parse, moved back to the
//                        line and column of the real file;
//   parse_with_point_lines the driver both readers share: when to hand off to
//                        the fast path and how to resume the general parser.
//
// Nothing here knows about layouts or the checker's types: src/check and
// src/dataset may both use it.
#pragma once

#include <gmpxx.h>

#include <array>
#include <cstddef>
#include <functional>
#include <istream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "json_io/value.hpp"

namespace etr2nn::json_io {

class ChunkReader {
 public:
  explicit ChunkReader(std::istream& in, std::size_t block = std::size_t(1) << 20);

  // Makes at least n bytes from the current position available in memory
  // (fewer only at the end of the stream); returns how many are.
  std::size_t fill(std::size_t n) {
    if (end_ - pos_ >= n) return end_ - pos_;
    return refill(n);
  }
  const char* data() const { return buf_.data() + pos_; }
  std::size_t available() const { return end_ - pos_; }
  void skip(std::size_t n) { pos_ += n; }  // n <= available()

  // Where the current position is, as nlohmann reports positions: the line
  // (1-based, counting '\n') and the bytes before it on that line.
  std::size_t line() const;
  std::size_t column() const;

  // The reader's bytes for nlohmann::json::sax_parse(Iterator(&r, prefix),
  // Iterator(), sax): first `prefix`, then the stream from the current
  // position. A default-constructed Iterator is the end.
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    Iterator() = default;
    explicit Iterator(ChunkReader* reader, std::string_view prefix = {})
        : reader_(reader), prefix_(prefix) {}

    reference operator*() const { return prefix_.empty() ? *reader_->data() : prefix_.front(); }
    Iterator& operator++() {
      if (prefix_.empty())
        reader_->skip(1);
      else
        prefix_.remove_prefix(1);
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.done() == b.done(); }

   private:
    bool done() const { return prefix_.empty() && (!reader_ || reader_->fill(1) == 0); }
    ChunkReader* reader_ = nullptr;
    std::string_view prefix_;
  };

 private:
  std::size_t refill(std::size_t n);

  std::istream& in_;
  std::size_t block_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::size_t lines_before_ = 0;   // '\n' in the bytes dropped before buf_[0]
  std::size_t column_before_ = 0;  // bytes after the last of them
};

// One line of the fast form, without its '\n': optional leading spaces, then
// {"x":[R,R],"y":[R,R]}, or the same with ,"xf":[N,N],"yf":[N,N] before the
// brace, then a comma (so that another point follows). R is a JSON string
// -?digits or -?digits/digits (denominator not zero), N a plain JSON number.
// On success the four rationals (x0, x1, y0, y1) are set, in lowest terms, to
// exactly what numeric::parse_rational gives; on false nothing is promised and
// the caller hands the line to the general parser.
bool parse_point_line(std::string_view line, mpq_class& x0, mpq_class& x1, mpq_class& y0,
                      mpq_class& y1);

// Reads the points that follow in the fast form, from just behind a
// "points" array's '[', calling on_point() after setting q to each point's
// (x0, x1, y0, y1); stops at the first line that is not exactly that form (or
// at the last point, which has no comma) and says whether it read any: then
// the reader stands on that line's comma, else still behind the '['. The
// resume prefix to hand the general parser follows from that answer.
bool read_point_lines(ChunkReader& in, std::array<mpq_class, 4>& q,
                      const std::function<void()>& on_point);

// One neuron line of the network writer's form, without its '\n' and without
// the comma that separates it from the next: optional leading spaces, then
// {"a":[R,R],"b":R,"v":[R,R]} exactly (R as above). On success w holds
// a0, a1, b, v0, v1 as numeric::parse_rational reads them; on false nothing
// is promised and the caller reads the file with the general parser.
bool parse_neuron_line(std::string_view line, std::array<mpq_class, 5>& w);

// How a general parse resumes inside a document's top-level "points" array:
// this text, then the file from the resume position. After '[' the position
// is right behind it; after a fast point it is that line's final comma, and
// the "null" stands for the points already read (the handler ignores the
// prefix's events: start_object, key, start_array, and null after a point).
inline constexpr std::string_view resume_prefix_after_bracket = "{\"points\":[";
inline constexpr std::string_view resume_prefix_after_point = "{\"points\":[null";

// syntax_error() for an error of a resumed parse: the position nlohmann
// reports (in the prefixed text) is moved back to the file's, given the line
// and column of the resume position and the prefix's length.
Diagnostic resumed_syntax_error(const std::string& file, const nlohmann::json::exception& e,
                                std::size_t line, std::size_t column, std::size_t prefix);

// Reads a dataset document from `in` with the general parser and `sax`, and,
// when `fast`, the "points" array's lines in the writer's form with
// read_point_lines in between: the general parser up to the array's '[' (the
// header and meta may come first; the armed handler throws PointsStart
// there), the fast path, then the general parser again from where the fast
// path stopped, through the end. Every error is therefore the general
// parser's, at the file's position. Sax needs arm() (throw PointsStart at
// the points' '[') and ignore(n) (skip the resume prefix's n events);
// on_point receives each fast point's (x0, x1, y0, y1) and may swap them out.
template <class PointsStart, class Sax>
void parse_with_point_lines(std::istream& in, const std::string& name, Sax& sax, bool fast,
                            const std::function<void(std::array<mpq_class, 4>&)>& on_point) {
  ChunkReader reader(in);
  using Bytes = ChunkReader::Iterator;
  if (fast) sax.arm();
  try {
    nlohmann::json::sax_parse(Bytes(&reader), Bytes(), &sax);
    return;
  } catch (const PointsStart&) {
  } catch (const nlohmann::json::exception& e) {
    throw syntax_error(name, e);
  }
  std::array<mpq_class, 4> q;
  const bool after_point = read_point_lines(reader, q, [&] { on_point(q); });
  const std::string_view prefix =
      after_point ? resume_prefix_after_point : resume_prefix_after_bracket;
  const std::size_t line = reader.line(), column = reader.column();
  sax.ignore(after_point ? 4 : 3);
  try {
    nlohmann::json::sax_parse(Bytes(&reader, prefix), Bytes(), &sax);
  } catch (const nlohmann::json::exception& e) {
    throw resumed_syntax_error(name, e, line, column, prefix.size());
  }
}

}  // namespace etr2nn::json_io
