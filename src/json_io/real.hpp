// Real <-> JSON: the one textual form of exact reals in etr2nn's files.
//
// A rational is a JSON string "p" or "p/q" (canonical on output; on input also
// "-p/q" with any sign placement parse_rational accepts, and exact decimals
// "0.25"). An irrational algebraic number is an object
//
//     {"root_of": ["-1", "0", "2"], "in": ["7/10", "71/100"]}
//
// meaning the unique root of -1 + 0·x + 2·x^2 (integer coefficients from degree
// 0 upwards, as strings) in the OPEN interval (7/10, 71/100). Readers accept
// that object for rationals too. JSON numbers are accepted on input only when
// they are integers; a JSON float such as 0.1 is rejected, because its binary
// value is not the decimal the author meant (write "0.1" as a string instead).
#pragma once

#include <nlohmann/json.hpp>

#include "json_io/value.hpp"
#include "numeric/real.hpp"

namespace etr2nn::json_io {

using numeric::AlgebraicForm;
using numeric::Real;

// Exact JSON form of value (a string for rationals, the root_of object otherwise).
// ordered_json: "root_of" before "in", as documented.
nlohmann::ordered_json real_to_json(const Real& value);

// The root_of object as it stands, checked to isolate exactly one root.
// Diagnostics: wrong-type, missing-key, bad-number ("not an isolated root"),
// limit (a degree above numeric::max_degree(), before any arithmetic).
AlgebraicForm algebraic_form_from_json(const Value& value);

// Parses the exact form; throws the Diagnostics above, naming value's path.
Real real_from_json(const Value& value);

}  // namespace etr2nn::json_io
