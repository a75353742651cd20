// Directives that shape the .etr syntax tree while it is parsed.
//
//   level[a >> *tail]  parses one precedence level into an etr_ast::chain and
//                      yields it as an operand: the chain itself (tagged with
//                      its source range) when it has operators, else just its
//                      first operand. Most levels of most leaves have no
//                      operator; not materialising them keeps the tree (and
//                      the position cache) proportional to the input.
//   parens[p]          wraps the operand p yields in an operator-less chain
//                      tagged with the range of the whole match, "(...)".
#pragma once

#include "grammar/error_handler.hpp"
#include "grammar/etr_ast.hpp"

namespace etr2nn::grammar {

template <typename Subject, bool Wrap>
struct chain_directive : x3::unary_parser<Subject, chain_directive<Subject, Wrap>> {
  using base_type = x3::unary_parser<Subject, chain_directive<Subject, Wrap>>;
  using attribute_type = etr_ast::operand;
  static bool const has_attribute = true;
  static bool const handles_container = false;

  constexpr chain_directive(Subject const& subject) : base_type(subject) {}

  template <typename Iterator, typename Context, typename RContext>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             etr_ast::operand& attr) const {
    Iterator start = first;
    x3::skip_over(start, last, context);
    etr_ast::chain c;
    bool ok;
    if constexpr (Wrap)
      ok = this->subject.parse(first, last, context, rcontext, c.first);
    else
      ok = this->subject.parse(first, last, context, rcontext, c);
    if (!ok) return false;
    if (!Wrap && c.rest.empty()) {
      attr = std::move(c.first);
    } else {
      x3::get<parse_state_tag>(context).positions.annotate(c, start, first);
      attr = x3::forward_ast<etr_ast::chain>(std::move(c));
    }
    return true;
  }
};

template <bool Wrap>
struct chain_gen {
  template <typename Subject>
  constexpr chain_directive<typename x3::extension::as_parser<Subject>::value_type, Wrap>
  operator[](Subject const& subject) const {
    return {x3::as_parser(subject)};
  }
};

inline constexpr chain_gen<false> level{};
inline constexpr chain_gen<true> parens{};

}  // namespace etr2nn::grammar

namespace boost::spirit::x3 {
template <typename Subject, bool Wrap>
struct get_info<etr2nn::grammar::chain_directive<Subject, Wrap>> {
  using result_type = std::string;
  std::string operator()(etr2nn::grammar::chain_directive<Subject, Wrap> const& p) const {
    return what(p.subject);
  }
};
}  // namespace boost::spirit::x3
