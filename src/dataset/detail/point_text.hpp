// The text of one point line of a dataset file, in two ways that give the
// same bytes:
//
//   {"x":["X","Y"],"y":["L1","L2"],"xf":[x,y],"yf":[l1,l2]}
//
// exact values as canonical rational strings (GMP's mpq_get_str: "-7/2",
// "3"), display copies as the shortest round-trip decimal of GMP's
// mpq_get_d (which truncates toward zero), "null" when that is not finite.
//
// The general form takes mpq values. The fast form takes a fraction held in
// machine integers (SmallFraction) and computes the same strings without
// GMP: std::to_chars for the digits and an exact integer division for the
// truncated double. The writer uses the fast form for the bulk of the file,
// the data points, whose coordinates fit in 64 bits on any instance this
// machine can hold; the rest goes through the general form.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>

#include "dataset/detail/dataset.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset::point_text {

// Appends "\"q\"" (quotes included). Rational strings contain only digits,
// '-' and '/', so they need no escaping.
void append_rational(std::string& out, const mpq_class& q);
// Appends q's display copy: mpq_get_d's double, shortest round trip.
void append_double(std::string& out, const mpq_class& q);
// Appends the whole line of p (no separator, no newline).
void append_point(std::string& out, const LabelledPoint& p);

using layout::SmallFraction;  // num/den in lowest terms, den >= 1

// Longest text of a SmallFraction, quotes included: 20 + 1 + 20 + 2.
inline constexpr std::size_t max_fraction_chars = 43;
// Longest shortest-round-trip double: 24 characters.
inline constexpr std::size_t max_double_chars = 32;

// Writes "\"num/den\"" at `at` (room for max_fraction_chars); returns the end.
char* put_fraction(char* at, const SmallFraction& f);
// mpq_get_d(num/den) computed exactly without GMP: the value truncated
// toward zero to 53 significant bits.
double truncated_double(const SmallFraction& f);
// Writes the shortest round-trip text of d at `at` (room for
// max_double_chars), "null" if d is not finite; returns the end.
char* put_double(char* at, double d);

// The label part of the lines of one label, formatted once and pasted into
// every line that carries it.
struct LabelText {
  explicit LabelText(const gadgets::Label& label);
  std::string exact;    // "\"L1\",\"L2\""
  std::string display;  // "l1,l2"
};

// Longest point line of the fast form with labels of at most `label_chars`
// characters (LabelText::exact + display).
inline constexpr std::size_t max_fast_line_chars(std::size_t label_chars) {
  return 40 + 2 * max_fraction_chars + 2 * max_double_chars + label_chars;
}

// Writes the line of the point (x, y) with label text `label` at `at`, which
// has room for max_fast_line_chars(label's size); returns the end. Same bytes
// as append_point on the same values.
char* put_point(char* at, const SmallFraction& x, const SmallFraction& y, const LabelText& label);

}  // namespace etr2nn::dataset::point_text
