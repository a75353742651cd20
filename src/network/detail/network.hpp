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

// True when every weight is rational (then exact work needs no z3 at all).
inline bool is_rational(const Network& n) {
  auto r = [](const Real& x) { return x.is_rational(); };
  if (!r(n.c[0]) || !r(n.c[1])) return false;
  for (const auto& u : n.neurons)
    if (!r(u.a[0]) || !r(u.a[1]) || !r(u.b) || !r(u.v[0]) || !r(u.v[1])) return false;
  return true;
}

}  // namespace etr2nn::network
