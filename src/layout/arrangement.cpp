#include "layout/arrangement.hpp"

namespace etr2nn::layout {

std::size_t Arrangement::hidden_neurons() const {
  std::size_t m = 0;
  for (const auto& g : gadgets) m += g.kind->breakpoint_budget();
  return m;
}

}  // namespace etr2nn::layout
