// Turning a z3 model of a type's encoding back into a CPWL map, exactly.
//
// A sat answer refutes a claim only if the model is a genuine fit. This builds
// the map the model describes (breakpoints placed as cpwl_type_encoding.hpp
// explains: θ of a single-breakpoint gap from the slopes, a middle piece for a
// double one), so the certifier can check it with exact evaluation instead of
// trusting the encoding's converse.
#pragma once

#include <z3++.h>

#include "certify/detail/cpwl_type_breakpoints.hpp"
#include "certify/detail/cpwl_type_encoding.hpp"
#include "gadgets/cpwl.hpp"

namespace etr2nn::certify {

// The map with the model's values at every position of the table and the
// model's end-of-gap slopes. Values may be real algebraic (numeric::Real).
gadgets::Cpwl realise(const PositionTable& table, const CpwlType& type,
                      const TypeEncoding& encoding, const z3::model& model);

// The map a model of encode_breakpoints() describes: its affine part and
// breakpoints, exactly (zero slope changes kept; Cpwl::kink_count skips them).
gadgets::Cpwl realise(const BreakpointUnknowns& unknowns, const z3::model& model);

}  // namespace etr2nn::certify
