// Seeded ETR-INV instances with a planted rational solution: the `planted`
// family of `etr2nn generate`, and the instances tests and benchmarks lay out.
//
// Deterministic for a given (constraints, seed) on every platform
// (generate/detail/random.hpp: raw std::mt19937_64 output, no distributions).
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "etrinv/etrinv.hpp"

namespace etr2nn::generate {

struct Planted {
  etrinv::Instance instance;
  std::vector<mpq_class> solution;  // satisfies every constraint, all in [1/2, 2]
};

// An instance with exactly `constraints` constraints (about 40% X + Y = Z,
// 50% X * Y = 1, 10% X = 1) around values drawn as the constraints need
// them: every variable's value is 1, a sum, difference or half of earlier
// values, or an inverse, and stays in [1/2, 2]. Variables are created as the
// planted values need them (one per distinct value), so their number grows
// linearly with the constraints.
Planted planted_instance(std::size_t constraints, std::uint64_t seed);

// The instance as .etr text (ETR-INV shape, so compile takes it as is), with
// `header` as leading comment lines.
std::string etr_text(const etrinv::Instance& instance,
                     const std::string& header = "ETR-INV instance with a planted solution");

}  // namespace etr2nn::generate
