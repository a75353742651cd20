// What laying out an ETR-INV instance will cost, known before the layout runs,
// so that `compile` and `witness` can print it and refuse past --max-points
// (docs/limits.md).
//
// Every variable has one canonical I gadget and every constraint three fresh
// ones; each gadget has 13 data lines crossed by the three lanes (39 home
// points). Each constraint adds its constraint point and at
// most three copy points (fewer when a copy point is shared).
#pragma once

#include <cstddef>

#include "etrinv/etrinv.hpp"

namespace etr2nn::pipeline {

struct PointEstimate {
  std::size_t gadgets = 0;
  std::size_t data_points = 0;        // exact
  std::size_t constraint_points = 0;  // an upper bound: 4 per constraint
  std::size_t total() const { return data_points + constraint_points; }
};

PointEstimate estimate_points(const etrinv::Instance& instance);

// The default --max-points. The layout holds every point as exact rationals
// with its gadget bookkeeping; measured on this machine (docs/limits.md).
inline constexpr std::size_t default_max_points = 5000000;

// Throws a limit Diagnostic naming the estimate and the limit when it is over.
void check_points(const PointEstimate& estimate, std::size_t max_points);

}  // namespace etr2nn::pipeline
