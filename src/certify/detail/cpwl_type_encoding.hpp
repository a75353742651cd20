// The constraints a CPWL map of one combinatorial type puts on its values.
//
// Variables: the two outputs' values y_o(p_j) at every position (numerals at
// data lines, free reals at measuring lines) and, per gap with breakpoints,
// the slopes l_o just right of p_j and r_o just left of p_{j+1}. With the
// secant s_o = (y_o(p_{j+1}) - y_o(p_j)) / (p_{j+1} - p_j) of each gap:
//   gap without breakpoint:    l_o = r_o = s_o                       (linear)
//   gap with one breakpoint β = p_j + θ (p_{j+1} - p_j), θ in [0, 1]:
//       s_o = θ l_o + (1 - θ) r_o, i.e. s_o between l_o and r_o      (linear, two cases)
//       and θ the same for both outputs:
//       (r_1 - s_1)(r_2 - l_2) = (r_2 - s_2)(r_1 - l_1)               (bilinear: `sharing`)
//   gap with two breakpoints:  nothing (a middle piece joins any l, r)
//   interior position without breakpoint: r_o of the gap before = l_o of the gap after
//   interior position with one: nothing (both pieces pass through (p_j, y_o)).
// A CPWL map of the type gives values satisfying all of it, so unsatisfiability
// of these constraints plus a claim's negation proves the claim for the type.
// (Conversely every solution is realised by a CPWL map with the type's
// breakpoints, so a model is a genuine counterexample.)
#pragma once

#include <z3++.h>

#include <vector>

#include "certify/detail/cpwl_type_enumeration.hpp"

namespace etr2nn::certify {

struct TypeEncoding {
  std::vector<z3::expr> out1, out2;  // value at each position of the table
  z3::expr_vector linear;            // linear equalities and the sign cases
  z3::expr_vector sharing;           // one bilinear equation per coupled gap
};

TypeEncoding encode_type(z3::context& context, const PositionTable& table, const CpwlType& type);

// Variable names, for reading models: "y1@<position>" (values at measuring
// lines), "l1@gap<g>" / "r1@gap<g>" (slopes at the ends of gap g).
std::string value_name(unsigned output, const mpq_class& position);
std::string slope_name(bool left_end, unsigned output, std::size_t gap);

}  // namespace etr2nn::certify
