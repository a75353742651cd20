// Compiles the .etr grammar once, for the iterator and context of config.hpp.
#include "grammar/etr_def.hpp"

namespace etr2nn::grammar {

namespace etr_rules {
BOOST_SPIRIT_INSTANTIATE(sentence_type, iterator_type, etr_context_type)
}  // namespace etr_rules

etr_rules::sentence_type const& etr_sentence() {
  return etr_rules::sentence;
}

}  // namespace etr2nn::grammar
