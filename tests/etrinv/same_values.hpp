// Equality of two assignments by name, compared exactly through compare_exact
// (see src/etrinv/exact_compare.hpp for why not operator==).
#pragma once

#include <map>
#include <string>

#include "etrinv/exact_compare.hpp"

namespace etr2nn::testing {

inline bool same_values(const std::map<std::string, numeric::Real>& a,
                        const std::map<std::string, numeric::Real>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [name, value] : a) {
    auto it = b.find(name);
    if (it == b.end() || !etrinv::equal_exact(value, it->second)) return false;
  }
  return true;
}

}  // namespace etr2nn::testing
