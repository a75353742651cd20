// Where numeric meets z3: the one z3 context, and Reals to and from z3's
// numerals.
//
// Only the modules that talk to z3 (certify, solve) include this header;
// numeric's own header real.hpp names no z3 type. Inside numeric, z3 is also
// the last resort for arithmetic on values that share no number field
// (z3_fallback.hpp); that code lives in z3_numeral.cpp too, so this pair of
// files is the only place in numeric that knows z3.
//
// Not thread-safe, like the rest of the number layer: the context is
// process-wide, so that every solver's model values become Reals without
// translation between contexts.
#pragma once

#include <z3++.h>

#include "numeric/real.hpp"

namespace etr2nn::numeric {

// The z3 context that owns every algebraic numeral. Solvers whose models
// become Reals must be created in it.
z3::context& z3_context();

// A numeral (rational or algebraic) of z3_context(). An irrational model value
// becomes a number field element, so that what is computed from it is cheap.
// Throws std::invalid_argument when the expression is not a numeral.
Real from_z3(const z3::expr& numeral);

// A numeral of z3_context() with exactly this value.
z3::expr to_z3(const Real& value);

}  // namespace etr2nn::numeric
