// Internal to numeric (real.cpp): arithmetic on real algebraic numbers that
// share no number field, through z3's algebraic numerals.
//
// Real prefers number fields (number_field.hpp, compositum.hpp); it gets here
// only when a compositum would exceed NumberField::max_dimension, or for a
// k-th root (k > 2) of a field element. The results are Reals that hold a
// Z3Numeral. Implemented in z3_numeral.cpp, the one file of numeric that
// includes z3.
#pragma once

#include "numeric/real.hpp"

namespace etr2nn::numeric::z3_fallback {

enum class Op { add, subtract, multiply, divide };

// a op b, exactly. Precondition for divide: b != 0.
Real combine(Op op, const Real& a, const Real& b);
// The positive k-th root of value > 0.
Real root(const Real& value, unsigned k);

int sign(const Z3Numeral& v);
double to_double(const Z3Numeral& v);
// Its defining polynomial and an isolating interval narrower than 2^-precision_bits.
AlgebraicForm form(const Z3Numeral& v, unsigned precision_bits);

}  // namespace etr2nn::numeric::z3_fallback
