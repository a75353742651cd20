// Step A1 (docs/etr-inv.md, "Step A1"): an atom occurrence with a polarity becomes a
// residual polynomial r over x and fresh slack s, with (exists s: r = 0) <=> atom.
//
//   normalised atom   residual r        canonical slack
//   t = 0             t                 -
//   t != 0            t*s - 1           1/t
//   t >= 0            t - s^2           sqrt t
//   t > 0             t*s^2 - 1         1/sqrt t
//
// Normalisation turns p REL q (or its negation) into t = a - b with one of the
// four signs; negation flips the relation instead of negating t, so no extra
// constraint is spent on -t.
#pragma once

#include "etr/etr.hpp"
#include "etrinv/detail/ami.hpp"
#include "etrinv/detail/terms.hpp"
#include "numeric/real.hpp"

namespace etr2nn::etrinv {

enum class Sign { Zero, NonZero, NonNegative, Positive };  // t = 0, t != 0, t >= 0, t > 0
const char* to_string(Sign sign);

struct NormalisedAtom {
  etr::TermPtr minuend, subtrahend;  // t = minuend - subtrahend
  Sign sign = Sign::Zero;
};

// positive = false normalises the negation of the atom.
NormalisedAtom normalise(const etr::Formula& atom, bool positive);

// Whether t has the sign (the meaning of a normalised atom).
bool has_sign(Sign sign, const numeric::Real& t);

// Emits t, the slack and the residual; returns the residual's AMI variable.
ami::Var emit_residual(ami::Builder& builder, TermFlattener& terms, const NormalisedAtom& atom);

}  // namespace etr2nn::etrinv
