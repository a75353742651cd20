// The `unsat-hidden` family: a planted instance (generate/detail/planted.hpp) plus a
// contradiction that no small part of the instance shows.
//
// The contradiction is  x * y = 1,  x' + y' = z',  z = 1  where x', y', z'
// are copies of x, y, z made through chains of k = ceil(N/10) copy steps
// each. A copy step from u to w is two inversions through a fresh t:
//   u * t = 1,  t * w = 1     (so w = 1/t = u).
// Hence x' = x, y' = y, z' = z, and the sentence implies x + 1/x = 1 with
// x in [1/2, 2]; but x + 1/x >= 2 for every x > 0, since
// x + 1/x - 2 = (x - 1)^2 / x >= 0. So the sentence is false. Any constraint
// added to a false conjunction keeps it false, which is why the planted part
// needs no argument.
//
// Hiding: every constraint (planted, chain, core) is put in a random order,
// each inversion and addition is written with its operands in random order,
// and the variables get random names v0, v1, ..., so the chain is not
// contiguous in the file. The three core constraints are at least 2k + 1
// constraint-to-constraint steps apart (two constraints are adjacent when
// they share a variable), because the chains' inner variables are used
// nowhere else.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "etrinv/etrinv.hpp"

namespace etr2nn::generate {

struct HiddenContradiction {
  etrinv::Instance instance;
  std::size_t copies = 0;  // k, copy steps per chain
  // Indices in instance.constraints of x * y = 1, x' + y' = z' and z = 1.
  std::array<std::size_t, 3> core{};
  // The variables of each chain, from the original to its far copy (x .. x',
  // y .. y', z .. z'); the fresh inversion partners are not listed.
  std::array<std::vector<etrinv::VariableIndex>, 3> chains;
};

// `planted` planted constraints (at least 1) plus 3 + 6 * ceil(planted / 10).
HiddenContradiction unsat_hidden_instance(std::size_t planted, std::uint64_t seed);

}  // namespace etr2nn::generate
