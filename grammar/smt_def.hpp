// The SMT-LIB 2 grammar: rule definitions (compiled once, in smt.cpp).
//
// Tokens follow SMT-LIB 2.6 §3.1 loosely: a string literal ("" escapes a
// quote), a quoted symbol |...|, or a run of any other characters up to a
// blank, parenthesis, quote, bar or ';'. The semantic pass classifies runs
// (numeral, decimal, symbol, keyword) and rejects malformed ones by name.
#pragma once

#include "grammar/config.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/nesting.hpp"
#include "grammar/smt.hpp"
#include "grammar/smt_ast.hpp"
#include "grammar/smt_ast_adapted.hpp"

namespace etr2nn::grammar::smt_rules {

struct script_class : annotate_position {};
struct sexpr_class : annotate_position {};
struct list_class : annotate_position {};
struct atom_class : annotate_position {};

x3::rule<script_class, std::vector<smt_ast::sexpr>> const script = "SMT-LIB commands";
x3::rule<sexpr_class, smt_ast::sexpr> const sexpr = "an S-expression";
x3::rule<list_class, smt_ast::list> const list = "'('";
x3::rule<atom_class, smt_ast::atom> const atom = "a token";
x3::rule<struct token_class, std::string> const token = "a token";
x3::rule<struct close_class, x3::unused_type> const close = "')'";
x3::rule<struct end_class, x3::unused_type> const end = "end of input";

auto const string_literal =
    x3::lexeme[x3::char_('"') > *(x3::string("\"\"") | ~x3::char_('"')) > x3::char_('"')];
auto const quoted_symbol = x3::lexeme[x3::char_('|') > *~x3::char_('|') > x3::char_('|')];
auto const plain_token = x3::lexeme[+~x3::char_(" \t\r\n\f\v()\";|")];

auto const script_def = *sexpr > end;
auto const sexpr_def = list | atom;
// nested[...] refuses to recurse past the depth limit (nesting.hpp).
auto const list_def = x3::lit('(') > nested[*sexpr] > close;
auto const close_def = x3::lit(')');
auto const token_def = x3::raw[string_literal | quoted_symbol | plain_token];
// eps >> ...: a one-member struct needs a sequence to be filled member-wise.
auto const atom_def = x3::eps >> token;
auto const end_def = x3::eoi;

BOOST_SPIRIT_DEFINE(script, sexpr, list, atom, token, close, end)

}  // namespace etr2nn::grammar::smt_rules
