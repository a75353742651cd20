// The one public header of src/etrinv/: code outside the module includes only
// this file; the parts it gathers live in src/etrinv/detail/.
//
// The normalize arrow: etr::Sentence -> ETR-INV instance (x = 1, x + y = z,
// x * y = 1 over [1/2, 2]) and the maps of values both ways.
//   chain           the sequence of sound transformations, with the forward map of
//                   a satisfying assignment and the backward map of a solution
//   instance        the ETR-INV instance: variables and constraints
//   instance_text   its text form (.inv files)
//   bound_exponent  K with every |x_i| <= 2^(2^K) for some solution (completeness)
#pragma once

#include "etrinv/detail/bound_exponent.hpp"
#include "etrinv/detail/chain.hpp"
#include "etrinv/detail/instance.hpp"
#include "etrinv/detail/instance_text.hpp"
