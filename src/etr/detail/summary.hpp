// Facts about a Sentence that `etr2nn check` reports.
#pragma once

#include <gmpxx.h>

#include <cstddef>

#include "etr/detail/sentence.hpp"

namespace etr2nn::etr {

struct Summary {
  std::size_t variables = 0;
  mpz_class atoms;       // occurrences in the formula written out as a tree
  mpz_class max_degree;  // largest total degree of a polynomial in an atom
};

// Shared subterms (SMT-LIB let) are visited once; counts are as if expanded.
Summary summarize(const Sentence& sentence);

// Total degree of a polynomial term: x*y^2 has degree 3, constants 0.
mpz_class degree(const Term& term);

}  // namespace etr2nn::etr
