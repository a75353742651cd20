#include "etrinv/detail/bound_exponent.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::etrinv {

using numeric::Real;

unsigned safe_bound_exponent(std::size_t n, std::size_t text_length) {
  mpz_class L = static_cast<unsigned long>(std::max<std::size_t>(5 * n, text_length));
  // ceil(8 n log2 L) = ceil(log2(L^(8n))) = bit length of L^(8n) - 1 (for L^(8n) >= 2).
  mpz_class log_term = 0;
  if (n > 0 && L > 1) {
    mpz_class power;
    mpz_pow_ui(power.get_mpz_t(), L.get_mpz_t(), 8 * static_cast<unsigned long>(n));
    power -= 1;
    log_term = static_cast<unsigned long>(mpz_sizeinbase(power.get_mpz_t(), 2));
  }
  mpz_class K = L + 5 + log_term;
  if (K < 2) K = 2;
  if (K > std::numeric_limits<unsigned>::max())
    throw Diagnostic(errors::limit, "bound exponent K = " + K.get_str() + " does not fit");
  return static_cast<unsigned>(K.get_ui());
}

ChainSize predicted_chain_size(unsigned K, std::size_t n, std::size_t one, std::size_t add,
                               std::size_t mul) {
  // Exact in mpz_class (no overflow to reason about), clamped on the way out.
  const mpz_class k = K;
  const mpz_class v = 6 + 13 * k + mpz_class(static_cast<unsigned long>(n)) +
                      mpz_class(static_cast<unsigned long>(one)) +
                      3 * mpz_class(static_cast<unsigned long>(add)) +
                      79 * mpz_class(static_cast<unsigned long>(mul));
  const mpz_class c = 6 + 13 * k + 2 * mpz_class(static_cast<unsigned long>(one)) +
                      4 * mpz_class(static_cast<unsigned long>(add)) +
                      80 * mpz_class(static_cast<unsigned long>(mul));
  auto clamp = [](const mpz_class& x) {
    return x.fits_ulong_p() && x.get_ui() <= std::numeric_limits<std::size_t>::max()
               ? static_cast<std::size_t>(x.get_ui())
               : std::numeric_limits<std::size_t>::max();
  };
  return {clamp(v), clamp(c)};
}

unsigned witness_bound_exponent(const std::vector<Real>& values) {
  Real largest(0);
  for (const auto& v : values) {
    Real a = v.sign() < 0 ? -v : v;
    if (compare(a, largest) > 0) largest = a;
  }
  unsigned K = 2;
  mpz_class bound = mpz_class(1) << 4;  // 2^(2^2)
  while (compare(largest, Real(mpq_class(bound))) > 0) {
    ++K;
    bound = bound * bound;  // 2^(2^(K+1)) = (2^(2^K))^2
  }
  return K;
}

}  // namespace etr2nn::etrinv
