// The one public header of src/solve/: code outside the module includes only
// this file; the parts it gathers live in src/solve/detail/.
//
// Deciding with z3, every call bounded: small sentences' truth values with exact models
// (solve), and tiny Train-F2NN instances through the very SMT-LIB script
// `etr2nn smt` writes (train_solver).
#pragma once

#include "solve/detail/solve.hpp"
#include "solve/detail/train_solver.hpp"
