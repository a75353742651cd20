// The sentences of samples/*.etr and *.smt2, built in code, so the chain and
// solver tests do not depend on the parser (tests/cli checks the files).
#pragma once

#include <string>
#include <vector>

#include "etr/etr.hpp"

namespace etr2nn::testing {

struct Sample {
  std::string file;
  bool sat;
  etr::Sentence sentence;
};

std::vector<Sample> sample_sentences();

}  // namespace etr2nn::testing
