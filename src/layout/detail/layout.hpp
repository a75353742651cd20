// Layout: places the gadgets and constraint points of an ETR-INV instance in
// the plane, exactly, in the counting-lines scheme (docs/reduction.md,
// "Layout"; docs/soundness.md proves what it buys).
//
//   - S(i) = the binary digits of i read in base 3 (a set with no 3-term
//     arithmetic progression);
//   - family C: variable v's canonical I gadget, normal (0,1), offset 40·S(v);
//   - constraint c: a constraint point p_c = (45·S(c), -D) and three fresh
//     gadgets through it, one per fresh family V (1,0), P (1,1), M (1,-1), each
//     with offset n·p_c - τ where τ is the measuring line it meets p_c on. The
//     roles are assigned so that each family uses few measuring lines (V: t = 5,
//     P: t = 3, M: t in {5, 8}):
//         X + Y = Z:  V = I_X at 5,  P = I_Z at 3,  M = I_Y at 5
//         X · Y = 1:  V = I_Y at 5,  P = D   at 3,  M = I_X at 8
//         X = 1:      as X · X = 1;
//   - every fresh I copy is tied to its canonical gadget by a copy point where
//     its other measuring line (3 if it uses 5 at p_c, else 5) meets the
//     canonical gadget's line 5 or 3;
//   - every gadget's 39 home points are the crossings of its 13 data lines with
//     the three lanes L_j = (-D - a, 0) + j·(-10, 0) + τ·(1, 2).
// With H = 40·S(n_v - 1) + 19, B = 45·S(n_c - 1), D = B + 100 and
// a = max(3H, ⌈3H/2⌉ + B) + 100 the family regions along the lanes come in the
// order M < C < P < V, far enough apart that no 3-term progression mixes them.
//
// The result satisfies the checks of layout/detail/invariants.hpp (run separately, so
// that a bug here is caught rather than trusted).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "etrinv/etrinv.hpp"
#include "gadgets/registry.hpp"
#include "layout/detail/arrangement.hpp"

namespace etr2nn::layout {

struct Options {
  // The four choices; the computed fields are ignored.
  Parameters parameters;
  // Called now and then with (columns placed, constraints).
  std::function<void(std::size_t, std::size_t)> progress;
};

// S(i): the binary digits of i read in base 3 (0, 1, 3, 4, 9, 10, 12, 13, ...).
// Throws std::overflow_error when the result does not fit in 64 bits.
std::uint64_t progression_free_index(std::uint64_t i);
// Whether every base-3 digit of s is 0 or 1.
bool is_progression_free_index(std::uint64_t s);

// The four families and the lanes for the given parameters (the computed
// fields must be set).
std::vector<Family> families(const Parameters& p);
Lanes lanes(const Parameters& p);

// The constraint point kind that enforces constraint c (one, add, inv)...
const gadgets::ConstraintPointKind& constraint_point_kind(const etrinv::Constraint& c);
// ...and, for each of its lines, the variable whose slope that line's gadget
// carries: X = 1 -> (X, X, X); X + Y = Z -> (X, Y, Z); X * Y = 1 -> (Y, Y, X).
std::vector<etrinv::VariableIndex> line_variables(const etrinv::Constraint& c);

// Throws std::invalid_argument for unusable options (pitches too small for the
// scheme, non-positive spacing or margin), or for constraints naming unknown
// variables.
Arrangement layout(const etrinv::Instance& instance, const Options& options = {});

}  // namespace etr2nn::layout
