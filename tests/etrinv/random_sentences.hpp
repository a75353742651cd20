// Random small ETR sentences for the chain tests (fixed seeds): mixed
// relations, and/or/not, degrees up to 3, small rational constants.
#pragma once

#include <random>

#include "etr/etr.hpp"

namespace etr2nn::testing {

struct RandomSentenceOptions {
  int variables = 2;  // x, y, ...
  int max_degree = 3;
  int max_atoms = 3;
  bool allow_not = true;
  // = and != (and so, through not, every relation) only when there is one
  // variable. Why: z3's models of coupled equations in two variables are
  // algebraic numbers whose product has degree d_x * d_y (27 and more), and
  // exact arithmetic on them - the model check, the slack square roots - can
  // take minutes per sentence. Inequalities in two variables mostly get
  // rational models (open cells); one-variable sentences keep all relations.
  bool equalities_only_univariate = true;
};

etr::TermPtr random_polynomial(std::mt19937& rng, const RandomSentenceOptions& o);
etr::FormulaPtr random_formula(std::mt19937& rng, const RandomSentenceOptions& o);
etr::Sentence random_sentence(std::mt19937& rng, const RandomSentenceOptions& o);
mpq_class random_small_rational(std::mt19937& rng);

}  // namespace etr2nn::testing
