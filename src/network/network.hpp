// A fully connected network R^2 -> R^2 with one hidden ReLU layer:
//   f(x) = c + sum_i ReLU(a_i · x + b_i) v_i
// with exact real (rational or algebraic) weights.
#pragma once

#include <array>
#include <vector>

#include "numeric/real.hpp"

namespace etr2nn::network {

using numeric::Real;

struct Neuron {
  std::array<Real, 2> a;
  Real b;
  std::array<Real, 2> v;
};

struct Network {
  std::vector<Neuron> neurons;
  std::array<Real, 2> c{Real(0), Real(0)};
};

}  // namespace etr2nn::network
