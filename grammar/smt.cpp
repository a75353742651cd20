// Compiles the SMT-LIB grammar once, for the iterator and context of config.hpp.
#include "grammar/smt_def.hpp"

namespace etr2nn::grammar {

namespace smt_rules {
BOOST_SPIRIT_INSTANTIATE(script_type, iterator_type, smt_context_type)
}  // namespace smt_rules

smt_rules::script_type const& smt_script() {
  return smt_rules::script;
}

}  // namespace etr2nn::grammar
