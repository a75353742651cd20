// Witness networks (docs/reduction.md, "The witness network"): from a satisfying ETR-INV
// assignment, the network that fits the arrangement's dataset exactly.
//
// Each gadget g with normal n, offset o and variable X contributes its witness
// profile's breakpoints β with slope changes Δ (gadgets/*: I and D kinds) as
// neurons ReLU(n·x − o − β)·Δ, i.e. a = n, b = −(o + β), v = Δ; c = 0. Neuron
// order: gadgets in arrangement order, each gadget's breakpoints in profile
// order. Algebraic assignments give algebraic weights, exactly.
#pragma once

#include <optional>
#include <stdexcept>

#include "check/check.hpp"
#include "dataset/dataset.hpp"
#include "etrinv/etrinv.hpp"
#include "layout/layout.hpp"
#include "network/detail/network.hpp"

namespace etr2nn::network {

// Errors are Diagnostics: not-a-solution (naming the violated constraint or
// the out-of-range variable), assignment-mismatch (a wrong number of
// values), internal (the built network does not fit: a layout bug).
// Checks the assignment against the instance: its size, every range [1/2, 2],
// every constraint, exactly. Throws Diagnostic naming the first violation,
// e.g. "constraint 3 (z = 1) is violated: z = 2" or "variable y = 3 is outside [1/2, 2]".
void check_assignment(const etrinv::Instance& instance, const etrinv::Assignment& values);

// The sum of the gadgets' witness profiles, WITHOUT checking the constraints:
// only the ranges (the profiles exist only there). Useful on its own to build a
// network that fits every data and copy point but not a violated constraint
// point. Throws Diagnostic for a wrong size or a value out of range.
Network profile_network(const layout::Arrangement& arrangement, const etrinv::Assignment& values);

// check_assignment, then profile_network.
Network build_witness(const layout::Arrangement& arrangement, const etrinv::Assignment& values);
// The same network held as the checker holds a large rational one (about 80
// bytes per neuron against about 640 as Reals), or nullopt when a weight is
// irrational (then build_witness). Same checks, same errors.
std::optional<check::RationalNetwork> build_witness_rational(const layout::Arrangement& arrangement,
                                                             const etrinv::Assignment& values);

// build_witness, then exact verification on the dataset (emitted from this
// arrangement); throws Diagnostic listing the first failing points when the
// network does not fit (which would be a layout bug, not a user error).
// This is what `etr2nn compile --witness` and `etr2nn witness` call.
Network build_and_verify_witness(const layout::Arrangement& arrangement,
                                 const dataset::Dataset& dataset, const etrinv::Assignment& values);
// The same, verified point by point on the arrangement's emission (no second
// copy of the dataset in memory). The emission must be of this arrangement.
Network build_and_verify_witness(const layout::Arrangement& arrangement,
                                 const dataset::Emission& emission,
                                 const etrinv::Assignment& values);

}  // namespace etr2nn::network
