// Position tagging and the failures a grammar can report.
//
// Every rule ID of the grammars derives from annotate_position: when the rule
// succeeds, its AST node (if it is x3::position_tagged) gets the range of text
// it came from, so the semantic passes can point at it. Syntax errors leave the
// grammar as exceptions and are turned into Diagnostics by the parser driver
// (src/etr/detail/syntax_error.hpp), which knows the file name and the lines:
//   - x3::expectation_failure<iterator_type>: a '>' sequence found something
//     else than its next element; which() is that element's name;
//   - nesting_too_deep: the input nests deeper than parse_state::max_depth.
#pragma once

#include "grammar/config.hpp"

namespace etr2nn::grammar {

struct annotate_position {
  template <typename T, typename Iterator, typename Context>
  void on_success(Iterator const& first, Iterator const& last, T& ast, Context const& context) {
    x3::get<parse_state_tag>(context).positions.annotate(ast, first, last);
  }
};

struct nesting_too_deep {
  iterator_type where;  // the first token past the allowed depth
};

}  // namespace etr2nn::grammar
