// The arrangement: gadgets and constraint points placed in the plane, exactly.
//
// Produced by layout (src/layout/layout.hpp) from an ETR-INV instance; consumed
// by the dataset emitter, the witness builder and the SVG renderer.
// REDUCTION.md section 4 describes the scheme.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "etrinv/instance.hpp"
#include "gadgets/registry.hpp"
#include "geometry/plane.hpp"

namespace etr2nn::layout {

inline constexpr std::size_t no_constraint = std::numeric_limits<std::size_t>::max();

struct Gadget {
  const gadgets::GadgetKind* kind = nullptr;
  geometry::Strip strip;  // width = gadgets::strip_width
  // The ETR-INV variable whose value X sets the slope s = X + 1 of the witness
  // profile. For the D gadget of X * Y = 1 this is Y (s_D = Y + 1); for the D
  // gadget of X = 1 it is X.
  etrinv::VariableIndex variable = 0;
  enum class Role { Canonical, Copy, Diagonal } role = Role::Canonical;
  std::size_t constraint = no_constraint;  // the column's constraint, or none for canonical
};

struct ConstraintPoint {
  const gadgets::ConstraintPointKind* kind = nullptr;
  geometry::Point where;
  // gadgets[i] is the gadget of kind->lines[i]; the point lies on its measuring
  // line t = kind->lines[i].position.
  std::vector<std::size_t> gadgets;
  // The ETR-INV constraint it enforces, or no_constraint for a copy link.
  std::size_t constraint = no_constraint;
};

// A data point of gadget `gadget` on its data line number `line`
// (kind->data_lines()[line]); its label is that line's label.
struct DataPoint {
  geometry::Point where;
  std::size_t gadget = 0;
  std::size_t line = 0;
};

// The spacings the layout used (REDUCTION.md section 4). Recorded with the
// arrangement so that the dataset's meta says how it was made.
struct Parameters {
  mpq_class period{40};         // vertical distance between canonical strips
  mpq_class drop{200};          // D: constraint points sit at height -drop
  mpq_class home_depth{100};    // fresh home points start this far below p_c
  mpq_class home_spacing{10};   // distance between the points of one data line
  mpq_class column_spacing{0};  // Q: distance between columns (set by layout)
};

struct Arrangement {
  etrinv::Instance instance;
  Parameters parameters;
  // canonical[v]: index of variable v's canonical I gadget.
  std::vector<std::size_t> canonical;
  std::vector<Gadget> gadgets;
  std::vector<ConstraintPoint> constraint_points;
  std::vector<DataPoint> data_points;
  unsigned points_per_line = 3;

  // Sum of the gadgets' breakpoint budgets: the number of hidden neurons m.
  std::size_t hidden_neurons() const;
};

}  // namespace etr2nn::layout
