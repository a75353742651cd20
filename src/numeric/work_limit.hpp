// Refusal of runaway work: the documented ceilings (docs/limits.md) that keep
// every command within a few GB and a bounded time on small inputs.
//
// A command estimates what an input asks for (points, chain size, degree,
// output bytes) before doing the work and throws a Diagnostic of kind
// errors::limit past the ceiling; the CLI reports it with exit status 2, like
// a usage error, because the fix is an option (raise the limit) or a smaller
// input, not a different file.
#pragma once

#include <cstddef>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::numeric {

// The largest degree of a polynomial whose roots etr2nn isolates: `root_of`
// in network and assignment files, and the degree of a sentence for `solve`.
// Degree 2000 already took 20 s and 513 MB to verify; 512 takes seconds.
inline constexpr std::size_t default_max_degree = 512;

// The process-wide ceiling read by json_io::real_from_json (a reader deep below the
// command line; commands with --max-degree set it once, before reading).
std::size_t max_degree();
void set_max_degree(std::size_t degree);

}  // namespace etr2nn::numeric
