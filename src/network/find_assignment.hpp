// A satisfying assignment when the user gives none: z3 decides the instance
// (as the sentence etrinv::to_sentence makes of it, via smt/solve.hpp) and its
// exact model (rational or real algebraic) is the assignment. Used by
// `witness` and `compile --witness` without --assign. Practical for small
// instances only: nlsat's cost grows fast with the number of variables.
#pragma once

#include <chrono>
#include <stdexcept>

#include "etrinv/instance.hpp"

namespace etr2nn::network {

// Throws WitnessError (witness.hpp) when z3 proves the sentence false (no
// witness exists) or cannot decide it within the time limit (then the user
// must pass an assignment).
etrinv::Assignment find_assignment(const etrinv::Instance& instance,
                                   std::chrono::milliseconds time_limit);

}  // namespace etr2nn::network
