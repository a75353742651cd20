// nested[p]: parses p one nesting level deeper, or refuses.
//
// A recursive-descent parser recurses once per '(' (or 'not', unary '-'), so
// deeply nested input would overflow the stack. Each recursion point of a
// grammar is wrapped in nested[...]; the directive counts the levels in the
// parse_state and throws nesting_too_deep *before* recursing past the limit.
#pragma once

#include "grammar/error_handler.hpp"

namespace etr2nn::grammar {

template <typename Subject>
struct nesting_directive : x3::unary_parser<Subject, nesting_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, nesting_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;

  constexpr nesting_directive(Subject const& subject) : base_type(subject) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    parse_state& state = x3::get<parse_state_tag>(context);
    if (state.depth >= state.max_depth) {
      Iterator where = first;
      x3::skip_over(where, last, context);
      throw nesting_too_deep{where};
    }
    ++state.depth;
    struct leave {
      unsigned& depth;
      ~leave() { --depth; }
    } guard{state.depth};
    return this->subject.parse(first, last, context, rcontext, attr);
  }
};

struct nesting_gen {
  template <typename Subject>
  constexpr nesting_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject)};
  }
};

inline constexpr nesting_gen nested{};

}  // namespace etr2nn::grammar

namespace boost::spirit::x3 {
// Expectation failures name the nested parser, not the directive.
template <typename Subject>
struct get_info<etr2nn::grammar::nesting_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(etr2nn::grammar::nesting_directive<Subject> const& p) const {
    return what(p.subject);
  }
};
}  // namespace boost::spirit::x3
