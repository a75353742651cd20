// The arrangement: gadgets and constraint points placed in the plane, exactly.
//
// Produced by layout (src/layout/layout.hpp) from an ETR-INV instance; consumed
// by the dataset emitter, the witness builder and the SVG renderer, and checked
// by src/layout/invariants.hpp. docs/reduction.md describes the scheme and
// docs/soundness.md why it makes the hardness direction a proof.
//
// The counting-lines layout in one paragraph: every gadget's home (data)
// points lie on three common parallel, equally spaced lanes
// L_j = base + j·spacing + τ·direction, 13 per lane (one per data line). Strips
// come in four families of one normal each; inside a family the offsets are
// origin + pitch·index + ε with indices from a set free of 3-term arithmetic
// progressions, so no line can cross the three lanes in windows of different
// gadgets, and counting breakpoints per lane pins every neuron to one gadget.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "etrinv/instance.hpp"
#include "gadgets/registry.hpp"
#include "geometry/plane.hpp"

namespace etr2nn::layout {

inline constexpr std::size_t no_constraint = std::numeric_limits<std::size_t>::max();

// The proof needs exactly three equally spaced lanes: two fix no direction, and
// more would need an index set free of longer progressions.
inline constexpr unsigned lane_count = 3;

// A family of parallel strips: offset(g) = origin + pitch·index(g) + ε(g),
// where ε(g) is small (minus the measuring line the gadget is placed by).
struct Family {
  std::string name;  // "C" canonical, "V", "P", "M" fresh
  geometry::Normal normal;
  mpq_class origin;  // A_F
  mpq_class pitch;   // Q_F
  friend bool operator==(const Family&, const Family&) = default;
};

// The lanes L_j = base + j·spacing + τ·direction, j = 0, 1, 2. τ is measured in
// units of `direction` from each lane's own start, so a line crossing the
// three lanes does so at τ_0, τ_1, τ_2 with τ_1 = (τ_0 + τ_2) / 2.
struct Lanes {
  geometry::Point base;        // P_0
  geometry::Point spacing;     // w, a vector (not parallel to direction)
  geometry::Normal direction;  // d, an integer vector
  friend bool operator==(const Lanes&, const Lanes&) = default;

  geometry::Point start(unsigned lane) const;                     // P_j
  geometry::Point at(unsigned lane, const mpq_class& tau) const;  // P_j + τ·d
  // The lane j that p lies on ((p − P_0) × d = j·(w × d)), or lane_count when
  // p lies on none of the three.
  unsigned lane_of(const geometry::Point& p) const;
};

struct Gadget {
  const gadgets::GadgetKind* kind = nullptr;
  geometry::Strip strip;  // width = gadgets::strip_width
  // The ETR-INV variable whose value X sets the slope s = X + 1 of the witness
  // profile. For the D gadget of X * Y = 1 this is Y (s_D = Y + 1); for the D
  // gadget of X = 1 it is X.
  etrinv::VariableIndex variable = 0;
  enum class Role { Canonical, Copy, Diagonal } role = Role::Canonical;
  std::size_t constraint = no_constraint;  // the column's constraint, or none for canonical
  std::size_t family = 0;                  // index into Arrangement::families
  std::uint64_t index = 0;                 // s_g: base-3 digits all 0 or 1
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
// (kind->data_lines()[line]) and on lane `lane`; its label is that line's label.
struct DataPoint {
  geometry::Point where;
  std::size_t gadget = 0;
  std::size_t line = 0;
  unsigned lane = 0;
};

// The spacings the layout used, recorded with the arrangement so that the
// dataset's meta says how it was made. The first four are choices; the last
// four are computed from the instance's size by layout().
struct Parameters {
  mpq_class canonical_pitch{40};  // Q_C: canonical offsets are 40·S(v)
  mpq_class column_pitch{45};     // Q_V = Q_P = Q_M: column c sits at x = 45·S(c)
  mpq_class lane_spacing{10};     // |w|: distance between neighbouring lanes
  mpq_class margin{100};          // room between the regions of the lanes
  mpq_class stack_height{0};      // H: canonical strips lie in 0 <= y <= H
  mpq_class column_span{0};       // B: columns lie in 0 <= x <= B
  mpq_class drop{0};              // D = B + margin: constraint points at y = -D
  mpq_class lane_shift{0};        // a: lane 0 starts at (-D - a, 0)
  friend bool operator==(const Parameters&, const Parameters&) = default;
};

struct Arrangement {
  etrinv::Instance instance;
  Parameters parameters;
  Lanes lanes;
  std::vector<Family> families;
  // canonical[v]: index of variable v's canonical I gadget.
  std::vector<std::size_t> canonical;
  std::vector<Gadget> gadgets;
  std::vector<ConstraintPoint> constraint_points;
  std::vector<DataPoint> data_points;

  // Sum of the gadgets' breakpoint budgets: the number of hidden neurons m.
  std::size_t hidden_neurons() const;
};

// The lane parameter τ where lane `lane` meets the line t_g = t of strip s.
// Precondition: the strip's normal is not orthogonal to the lanes' direction.
mpq_class lane_crossing(const Lanes& lanes, unsigned lane, const geometry::Strip& s,
                        const mpq_class& t);

}  // namespace etr2nn::layout
