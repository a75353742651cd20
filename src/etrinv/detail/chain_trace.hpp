// What the forward and backward mappings need from normalize(): the ETR-AMI
// instance with its definitions and the gadget definitions. Separate from
// chain.hpp so that only the chain and its tests see the intermediate forms.
#pragma once

#include <vector>

#include "etrinv/detail/ami.hpp"
#include "etrinv/detail/chain.hpp"
#include "etrinv/detail/inv_gadgets.hpp"

namespace etr2nn::etrinv {

struct ChainResult::Trace {
  ami::Instance ami;
  std::vector<GadgetDefinition> definitions;  // one per ETR-INV variable
  VariableIndex epsilon = 0;                  // E = 1 + eps
};

}  // namespace etr2nn::etrinv
