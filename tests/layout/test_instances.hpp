// ETR-INV instances for the layout and dataset tests, built directly (no parser).
#pragma once

#include "etrinv/etrinv.hpp"

namespace etr2nn::testing {

// samples/inv_rational_sat.etr: x = 1 and x + x = z and z * y = 1.
inline etrinv::Instance inv_rational_sat() {
  using K = etrinv::Constraint::Kind;
  return {{"x", "y", "z"}, {{K::One, {0, 0, 0}}, {K::Add, {0, 0, 2}}, {K::Inv, {2, 1, 0}}}};
}

// samples/inv_unsat_am_gm.etr: x * y = 1 and x + y = z and z = 1.
inline etrinv::Instance inv_unsat_am_gm() {
  using K = etrinv::Constraint::Kind;
  return {{"x", "y", "z"}, {{K::Inv, {0, 1, 0}}, {K::Add, {0, 1, 2}}, {K::One, {2, 0, 0}}}};
}

}  // namespace etr2nn::testing
