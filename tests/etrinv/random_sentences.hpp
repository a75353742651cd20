// Random small ETR sentences for the chain tests (fixed seeds): mixed
// relations, and/or/not, degrees up to 3, small rational constants.
#pragma once

#include <random>

#include "etr/sentence.hpp"

namespace etr2nn::testing {

struct RandomSentenceOptions {
  int variables = 2;       // x, y, ...
  int max_degree = 3;
  int max_atoms = 3;
  bool allow_not = true;
};

etr::TermPtr random_polynomial(std::mt19937& rng, const RandomSentenceOptions& o);
etr::FormulaPtr random_formula(std::mt19937& rng, const RandomSentenceOptions& o);
etr::Sentence random_sentence(std::mt19937& rng, const RandomSentenceOptions& o);
mpq_class random_small_rational(std::mt19937& rng);

}  // namespace etr2nn::testing
