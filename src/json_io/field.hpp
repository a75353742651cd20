// A number field stated once in a file, and values given by coordinates in it.
//
// A witness network of an irrational formula has thousands of weights in one
// field (numeric/number_field.hpp). Written as independent root_of objects,
// they would be read back as unrelated algebraic numbers, whose sums need z3.
// So the file also states the field once,
//
//     "field": {"theta": {"root_of": [...], "in": [lo, hi]},
//               "square_roots": [[r_1 coordinates], [r_2 coordinates], ...]}
//
// meaning Q(θ)(s_1)…(s_k) with s_i = +√r_i, r_i given by its coordinates in
// the field below; and each irrational value keeps its self-contained root_of
// object and adds its coordinates in the top field:
//
//     {"root_of": [...], "in": [lo, hi], "field": ["c_0", "c_1", ...]}
//
// Coordinates are rationals "p/q": at height 0 those of c_0 + c_1·θ + …, at
// height k > 0 those of a + b·s_k, a's then b's (each half one step down).
// Readers check that the two forms agree, exactly, so a file cannot say two
// different things about one weight.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "json_io/value.hpp"
#include "numeric/real.hpp"

namespace etr2nn::json_io {

using numeric::NumberField;
using numeric::Real;

// A field holding every irrational value (each moved into one chain with
// Real::in_chain_of where needed); nullptr when there is none (a z3 numeral,
// or fields whose compositum is too large to build): then a file states no field.
const NumberField* common_field(const std::vector<const Real*>& values);

nlohmann::ordered_json field_to_json(const NumberField& field);
// value's coordinates in field (a field common_field returned for it), as strings.
nlohmann::ordered_json coordinates_to_json(const NumberField& field, const Real& value);

// Reads a "field" object; throws Diagnostics naming the value's path.
class FieldReader {
 public:
  explicit FieldReader(const Value& description);
  // The value with these coordinates (an array of rationals).
  Real value(const Value& coordinates) const;

 private:
  std::vector<Real> generators_;  // θ, s_1, …, s_k
};

// The value of an exact real written with real_to_json, or with its field
// coordinates as above (checked against its root_of form); reader may be null
// when the file states no field.
Real real_from_json(const Value& value, const FieldReader* reader);

}  // namespace etr2nn::json_io
