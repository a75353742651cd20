// `etr2nn generate`: benchmark formulas whose answer is known by construction.
//
// Each family maps (size, seed) to one .etr file, the same bytes on every
// platform (generate/detail/random.hpp). The file starts with a comment block: the
// command that makes it, family, size, seed, the expected answer and why it is
// known, and for true ones the planted solution. The families:
//   planted            true   ETR-INV around a rational point (planted.hpp)
//   planted-algebraic  true   ETR-INV true only at irrational points (planted_algebraic.hpp)
//   unsat-hidden       false  planted + a contradiction through copy chains (unsat_hidden.hpp)
//   general-true       true   polynomial system with a planted rational point (general.hpp)
//   general-false      false  the same plus sum of squares + c = 0 (general.hpp)
// `size` counts constraints: all of them, except for unsat-hidden, where it is
// the planted part's and the contradiction adds 3 + 6 * ceil(size / 10).
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "numeric/real.hpp"

namespace etr2nn::generate {

struct Generated {
  std::string family;
  std::size_t size = 0;
  std::uint64_t seed = 0;
  bool expected = true;  // the sentence is true
  std::string known_by;  // one line, for the suite manifest
  std::string text;      // the .etr file
  // True ones: a solution of the sentence, every variable in declaration order.
  std::vector<std::pair<std::string, numeric::Real>> solution;
  // The chain's K to compile with, when the default would not do: general-false
  // sets 3. The safe K of an unbounded sentence gives tens of millions of
  // points already at size 4; the chain is sound for every K, so a false
  // sentence's dataset has no zero-error network whatever K is, and K = 3 is
  // what general-true's planted points need (sizes stay comparable).
  std::optional<unsigned> bound_exponent;
};

// The family names, in the order above.
const std::vector<std::string>& families();
// The smallest size each family accepts.
std::size_t minimum_size(const std::string& family);

// Throws std::invalid_argument for an unknown family or a size below its minimum.
Generated generate(const std::string& family, std::size_t size, std::uint64_t seed);

// The solution as an assignment file (network/detail/assignment_json.hpp's format:
// names -> exact values), the variables in declaration order.
nlohmann::ordered_json solution_json(const Generated& generated);

}  // namespace etr2nn::generate
