// A Train-F2NN instance: labelled points in Q^2 -> Q^2, a number m of hidden
// neurons, target error 0. This is what `compile` writes and `verify` reads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "gadgets/gadget_kind.hpp"
#include "geometry/plane.hpp"

namespace etr2nn::dataset {

struct LabelledPoint {
  geometry::Point x;
  gadgets::Label y;
};

struct Dataset {
  std::vector<LabelledPoint> points;
  std::size_t hidden_neurons = 0;
  std::vector<gadgets::Label> labels;  // the distinct labels, sorted
};

}  // namespace etr2nn::dataset
