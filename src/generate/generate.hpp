// The one public header of src/generate/: code outside the module includes only
// this file; the parts it gathers live in src/generate/detail/.
//
// Benchmark inputs whose answer is known by construction.
//   families  `etr2nn generate`: formula families, (size, seed) -> one .etr file
//   planted   ETR-INV instances with a planted solution (the scale benchmarks)
#pragma once

#include "generate/detail/families.hpp"
#include "generate/detail/planted.hpp"
