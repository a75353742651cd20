// Decoding (docs/reduction.md, "Decoding"): read an ETR-INV assignment off ANY network
// that fits the dataset, then evaluate the instance exactly.
//
// Variable X is carried by its canonical I gadget. In that gadget's home region
// (where its data points lie and no other strip reaches) a fitting network's
// out1 runs with slope s1 = X + 1 between the measuring lines t = 3 and t = 5:
//     s = (f_out1(t=5) − f_out1(t=3)) / 2,   X = s − 1.
// Nothing here assumes the network is a witness network: neurons may be in any
// order, scaled, or placed differently; only the values at the probes matter.
#pragma once

#include <string>
#include <vector>

#include "etrinv/etrinv.hpp"
#include "layout/layout.hpp"
#include "network/detail/network.hpp"

namespace etr2nn::network {

// Two points on the canonical gadget's measuring lines t = 3 and t = 5, both in
// its home region.
struct VariableProbe {
  geometry::Point at3, at5;
};

struct DecodeInput {
  etrinv::Instance instance;
  std::vector<VariableProbe> probes;  // probes[i] reads instance.variables[i]
};

// The probes of an arrangement: for each variable, the points where the middle
// lane crosses its canonical gadget's lines t = 3 and t = 5 (inside the
// gadget's window, which no other strip meets). A hand-made arrangement
// without lanes is probed beside the canonical gadget's middle data point on
// its first data line, moved along the gadget normal onto t = 3 and t = 5.
// Throws std::invalid_argument if a variable has no canonical gadget with data points.
DecodeInput decode_input(const layout::Arrangement& arrangement);

// The probe point on line t = position of the gadget whose data point p lies
// on the data line t = line_position (exact: n is an integer vector).
geometry::Point along_normal(const geometry::Strip& strip, const geometry::Point& p,
                             const mpq_class& line_position, const mpq_class& position);

struct ConstraintCheck {
  std::size_t index = 0;  // into instance.constraints
  std::string text;       // describe(): "x * y = 1"
  bool holds = false;
};

struct Decoded {
  etrinv::Assignment values;   // X_i, exact (rational or algebraic)
  std::vector<bool> in_range;  // X_i in [1/2, 2]
  std::vector<ConstraintCheck> constraints;
  bool satisfied() const;  // all in range and every constraint holds
};

Decoded decode(const DecodeInput& input, const Network& network);

}  // namespace etr2nn::network
