// Equality of two assignments by name, compared exactly.
#pragma once

#include <map>
#include <string>

#include "numeric/real.hpp"

namespace etr2nn::testing {

inline bool same_values(const std::map<std::string, numeric::Real>& a,
                        const std::map<std::string, numeric::Real>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [name, value] : a) {
    auto it = b.find(name);
    if (it == b.end() || !(value == it->second)) return false;
  }
  return true;
}

}  // namespace etr2nn::testing
