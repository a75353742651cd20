// Compositum: one primitive element for two unrelated algebraic numbers.
//
// Values of Q(α) and Q(β) for unrelated α, β of degree >= 3 (x³ = 2 and
// y³ = 3 in one formula) meet in sums and products. Without a common field
// every such operation went to z3's algebraic numerals, which pay a resultant
// and a factorisation per addition (about two minutes for that witness). Here
// the pair gets one field Q(γ) with γ = α + k·β, found once: then α = P(γ)
// and β = Q(γ) for rational polynomials P, Q, and every later operation is
// polynomial arithmetic modulo γ's polynomial.
//
// The construction is linear algebra in A = Q[X, Y]/(m_α(X), m_β(Y)), of
// dimension deg m_α · deg m_β: γ = X + k·Y generates A when its powers
// 1, γ, …, γ^(n−1) are independent, and then its characteristic polynomial χ
// is square-free, χ(γ) = 0, and X and Y are combinations of those powers.
// Evaluating at (α, β) is a ring map from A to R, so each identity holds for
// the real numbers too; nothing needs m_α or m_β to be irreducible (a
// NumberField's base polynomial need not be).
#pragma once

#include <functional>
#include <optional>

#include "numeric/interval.hpp"
#include "numeric/polynomial.hpp"

namespace etr2nn::numeric {

// An algebraic number given as a square-free polynomial and enclosures of its
// root, as tight as asked (2^-bits); the root is the one the enclosures shrink to.
struct AlgebraicRoot {
  Polynomial m;  // square-free, degree >= 1
  std::function<Interval(unsigned bits)> enclose;
};

struct Compositum {
  long k;            // γ = α + k·β
  Polynomial m;      // monic, square-free, degree deg m_α · deg m_β; m(γ) = 0
  Interval gamma;    // lo < γ < hi, and no other root of m in [lo, hi]
  Polynomial alpha;  // α = alpha(γ), degree < deg m
  Polynomial beta;   // β = beta(γ), degree < deg m
};

// γ = α + k·β for the first k in 1..8 that generates A; nullopt when none does
// (then the caller keeps its fallback).
std::optional<Compositum> compositum(const AlgebraicRoot& a, const AlgebraicRoot& b);

}  // namespace etr2nn::numeric
