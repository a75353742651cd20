// Step B (docs/etr-inv.md, "Step B"): the bound exponent K such that a solvable
// ETR-AMI instance has a solution with every |x_i| <= 2^(2^K).
//
// Soundness of the chain never depends on K; only completeness does.
#pragma once

#include <cstddef>
#include <vector>

#include "numeric/real.hpp"

namespace etr2nn::etrinv {

// The safe K of section 3, covering both recalled forms of the bounded
// solution lemma (2^(2^(L+5)) and 2^(L^(8n))):
//   L_A = max(5 n_A, text_length),  K = max(2, L_A + 5 + ceil(8 n_A log2 L_A)).
// The logarithm is computed exactly (bit length of L_A^(8 n_A) - 1).
// Throws std::overflow_error if K does not fit an unsigned.
unsigned safe_bound_exponent(std::size_t ami_variables, std::size_t ami_text_length);

// Witness mode: the least K >= 2 with max_i |x_i| <= 2^(2^K), so that this
// particular solution survives the scaling (K_w of section 3, computed by exact
// comparison instead of logarithms).
unsigned witness_bound_exponent(const std::vector<numeric::Real>& ami_values);

// The exact size of the ETR-INV instance steps C and D will build, known as
// soon as K and the ETR-AMI counts are: 6 constants, 13 per squaring of the
// eps chain (K of them), one carrier per AMI variable, and per AMI constraint
// an EQ (1 variable, 2 constraints), ADD1 (3, 4) or MUL (79, 80) gadget
// (etrinv/inv_gadgets.cpp). Lets the chain refuse before it allocates
// (docs/limits.md). Saturates at SIZE_MAX.
struct ChainSize {
  std::size_t variables = 0, constraints = 0;
};
ChainSize predicted_chain_size(unsigned K, std::size_t ami_variables, std::size_t one,
                               std::size_t add, std::size_t mul);

// The default ceiling on the chain's ETR-INV constraints (`--max-constraints`):
// about 170 bytes each while the chain is built (12.3M took 2 GB).
inline constexpr std::size_t default_max_chain_constraints = 2000000;

}  // namespace etr2nn::etrinv
