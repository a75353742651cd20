// The one public header of src/certify/: code outside the module includes only
// this file; the parts it gathers live in src/certify/detail/.
//
// Gadget certification: the claims the hardness proof needs of each gadget
// kind (budgets, readings, rigidity, constraint points), proved with z3 under a
// hard limit, with counterexamples when a claim fails.
#pragma once

#include "certify/detail/certify.hpp"
