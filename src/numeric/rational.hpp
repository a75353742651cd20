// Exact rational constants: reading and writing the textual forms etr2nn uses.
//
// Every exact value crossing a file boundary is a string "p/q" or "p" (canonical:
// lowest terms, positive denominator). Decimal literals of the input languages
// ("0.1", "-2.50") are exact too: 0.1 is 1/10, never a binary approximation.
#pragma once

#include <gmpxx.h>

#include <optional>
#include <string>
#include <string_view>

namespace etr2nn::numeric {

// "p", "p/q", "-p/q" (q != 0) or a decimal "d.ddd"; nullopt when malformed or q == 0.
std::optional<mpq_class> parse_rational(std::string_view text);

// Canonical "p" or "p/q".
std::string to_string(const mpq_class& value);

// The double GMP gives (mpq_get_d: truncated toward zero, not rounded), for
// display and for the float copies in output files only.
double to_double(const mpq_class& value);

}  // namespace etr2nn::numeric
