// What a network does on an arrangement, computed exactly before anything is
// drawn: which gadget each hidden neuron serves, and which points the network
// misses.
//
// A neuron ReLU(a·x + b) bends the network along its breakline a·x + b = 0.
// It is assigned to gadget g when the breakline is parallel to g's strip and
// lies inside it (0 <= t_g <= 19 on the line): that is where a witness network
// puts every neuron of g (src/network/detail/witness.hpp), and it is a meaning any
// network can be read with, trained or hand-made, whatever its neuron order.
// A neuron whose breakline is parallel to no strip, or lies in none, is
// unassigned.
//
// Misses are decided by check::Evaluator (f(x) == y exactly), the checker's
// own kernel, at every data point and constraint point of the arrangement.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "layout/layout.hpp"

namespace etr2nn::render {

inline constexpr std::size_t unassigned = std::numeric_limits<std::size_t>::max();

// A point the network does not fit, with the exact values involved.
struct Miss {
  geometry::Point where;
  check::Label label;                 // what the dataset demands
  std::array<check::Real, 2> output;  // what the network computes
  bool constraint_point = false;      // else a data point
  std::size_t index = 0;              // into constraint_points or data_points
  // "f = (o1, o2), label (y1, y2), error (o1 - y1, o2 - y2)", exact.
  std::string text() const;
};

struct NetworkOverlay {
  std::vector<std::size_t> gadget_of;  // per neuron: a gadget index, or unassigned
  std::vector<Miss> misses;            // in arrangement order: data points, then constraint points
  std::size_t points_checked = 0;
};

NetworkOverlay overlay_network(const layout::Arrangement& arrangement,
                               const check::Network& network);

// The label a point of the arrangement must take, as the checker sees it.
check::Label data_label(const layout::Arrangement& arrangement, const layout::DataPoint& point);
check::Label constraint_label(const layout::ConstraintPoint& point);

}  // namespace etr2nn::render
