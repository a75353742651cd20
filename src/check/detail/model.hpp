// The checker's own picture of a dataset and a network: nothing but numbers.
//
// src/check answers one question, "does this network fit these points with
// zero error within the neuron budget?", and must not share code with the
// producer it checks (layout, gadgets, dataset emission, network/). So it has
// its own small types here; only the number layer (numeric/) is shared.
//
//   f(x) = c + sum_j v_j * ReLU(a_j . x + b_j),   x in Q^2, f(x) in R^2.
#pragma once

#include <gmpxx.h>

#include <array>
#include <cstddef>
#include <vector>

#include "numeric/real.hpp"

namespace etr2nn::check {

using numeric::Real;

// Data points are rational: the dataset format allows nothing else.
struct Point {
  mpq_class x, y;
};

struct Label {
  mpq_class out1, out2;
  friend bool operator<(const Label& a, const Label& b) {
    return a.out1 != b.out1 ? a.out1 < b.out1 : a.out2 < b.out2;
  }
  friend bool operator==(const Label& a, const Label& b) {
    return a.out1 == b.out1 && a.out2 == b.out2;
  }
};

struct LabelledPoint {
  Point x;
  Label y;
};

// What verification needs of a dataset file: its points, its label list and
// its neuron budget m. The "meta" of a compiled dataset is never read.
struct Dataset {
  std::size_t hidden_neurons = 0;
  std::vector<Label> labels;  // distinct, sorted
  std::vector<LabelledPoint> points;
};

// Weights are exact reals: rational, or real algebraic (witnesses of formulas
// true only at irrational points).
struct Neuron {
  std::array<Real, 2> a;
  Real b;
  std::array<Real, 2> v;
};

struct Network {
  std::vector<Neuron> neurons;
  std::array<Real, 2> c{Real(0), Real(0)};
};

// True when every weight is rational: then evaluation is pure mpq_class.
bool is_rational(const Network& network);

}  // namespace etr2nn::check
