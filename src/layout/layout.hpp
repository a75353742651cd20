// Layout: places the gadgets and constraint points of an ETR-INV instance in
// the plane, exactly (REDUCTION.md section 4).
//
//   - one canonical I gadget per variable, normal (0,1), stacked `period` apart
//     from height 0 upwards;
//   - one column per constraint at x = c * Q with its constraint point at
//     (x_c, -drop); its fresh gadgets have the normals (1,0), (1,1), (1,-1)
//     (in the order of the point kind's lines) and pass through that point on
//     the measuring lines the kind asks for;
//   - every fresh I copy is tied to its canonical gadget by a copy point in the
//     stack, on a measuring line other than the one it uses at the column's
//     point;
//   - data points: canonical ones far left of every column, fresh ones
//     `home_depth` and more below their column's point.
//
// The result satisfies the invariants of layout/invariants.hpp (checked
// separately, so that a bug here is caught rather than trusted).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "etrinv/instance.hpp"
#include "gadgets/registry.hpp"
#include "layout/arrangement.hpp"

namespace etr2nn::layout {

struct Options {
  unsigned points_per_line = 3;  // >= 1
  Parameters parameters;         // column_spacing is computed, its value ignored
  // Called now and then with (columns placed, constraints).
  std::function<void(std::size_t, std::size_t)> progress;
};

// The constraint point kind that enforces constraint c (one, add, inv)...
const gadgets::ConstraintPointKind& constraint_point_kind(const etrinv::Constraint& c);
// ...and, for each of its lines, the variable whose slope that line's gadget
// carries: X = 1 -> (X, X, X); X + Y = Z -> (X, Y, Z); X * Y = 1 -> (Y, Y, X).
std::vector<etrinv::VariableIndex> line_variables(const etrinv::Constraint& c);

// Throws std::invalid_argument for unusable options (no points per line,
// spacings too small for the scheme), or for constraints naming unknown variables.
Arrangement layout(const etrinv::Instance& instance, const Options& options = {});

}  // namespace etr2nn::layout
