// Wall-clock time of a piece of work, for the timings commands print and the
// suite's manifest records. Timings are reports, never inputs: nothing
// decides anything by them (speed is measured by the benchmarks, bench/).
#pragma once

#include <chrono>

namespace etr2nn::terminal {

// Seconds since `start` on the steady clock.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace etr2nn::terminal
