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
#include <cstdint>
#include <variant>
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

// A rational network as the checker holds a large one: each weight an int64
// fraction where it fits (nearly every weight of a witness), else an
// mpq_class in a side table. About 80 bytes per neuron, against about 640
// for five Reals and their limbs: what lets `verify` and `witness` hold a
// witness of 10^7 neurons. Read from files in the network writer's own form
// (read_network.hpp, read_network_lean); it means the same as the Network
// that expanded() gives.
class RationalNetwork {
 public:
  // The weights of one neuron in the order a[0], a[1], b, v[0], v[1].
  using Weights = std::array<mpq_class, 5>;

  std::array<mpq_class, 2> c;

  std::size_t size() const { return size_; }
  void push_back(const Weights& weights);
  // Neuron i's weights into `out` (assigned, so its limbs are reused).
  void get(std::size_t i, Weights& out) const;
  Network expanded() const;

 private:
  struct Weight {
    std::int64_t num = 0, den = 0;  // den 0: num indexes big_
  };
  // In chunks of a fixed size: growing one vector of 10^7 neurons would
  // hold its old and new copy at once, while the count is not known ahead.
  static constexpr std::size_t chunk = std::size_t(1) << 16;
  std::vector<std::vector<std::array<Weight, 5>>> neurons_;
  std::size_t size_ = 0;
  std::vector<mpq_class> big_;
};

// What the checker reads from a network file (read_network_lean).
using AnyNetwork = std::variant<Network, RationalNetwork>;

}  // namespace etr2nn::check
