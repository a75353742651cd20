// The types every grammar of etr2nn is compiled with.
//
// Spirit X3 rules are declared in headers and defined once, in their own .cpp
// (BOOST_SPIRIT_INSTANTIATE). That works only when the iterator and context
// types used to call a rule are exactly the ones it was instantiated with, so
// they live here, in one place, next to the skippers they depend on.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <vector>

namespace etr2nn::grammar {

namespace x3 = boost::spirit::x3;

// The parsers read the text in place: no copy, no stream.
using iterator_type = char const*;

// Whitespace, spelled out: the char classes of x3::ascii/x3::standard call
// isspace() on raw bytes, which asserts (or is undefined) for UTF-8 bytes.
inline auto const blank = x3::char_(" \t\r\n\f\v");

// .etr: blanks and '#' comments to the end of the line.
inline auto const etr_skipper = blank | (x3::lit('#') >> *(x3::char_ - x3::eol));
// SMT-LIB: blanks and ';' comments to the end of the line.
inline auto const smt_skipper = blank | (x3::lit(';') >> *(x3::char_ - x3::eol));

// Mutable state one parse threads through the context: where each AST node
// came from, and how deeply the input is nested right now (see nesting.hpp).
struct parse_state {
  parse_state(iterator_type first, iterator_type last, unsigned max_depth)
      : positions(first, last), max_depth(max_depth) {}
  x3::position_cache<std::vector<iterator_type>> positions;
  unsigned depth = 0;
  unsigned max_depth;
};
struct parse_state_tag;

using etr_phrase_context =
    x3::phrase_parse_context<std::remove_const_t<decltype(etr_skipper)>>::type;
using smt_phrase_context =
    x3::phrase_parse_context<std::remove_const_t<decltype(smt_skipper)>>::type;

// x3::with<parse_state_tag>(state)[rule] holds the state by reference.
using etr_context_type = x3::context<parse_state_tag, parse_state, etr_phrase_context>;
using smt_context_type = x3::context<parse_state_tag, parse_state, smt_phrase_context>;

}  // namespace etr2nn::grammar
