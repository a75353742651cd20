// The .etr grammar: rule definitions (compiled once, in etr.cpp).
//
// Precedence, loosest first (grammar/ETR.ebnf has the same in EBNF):
//   or  <  and  <  not  <  relation  <  + -  <  * /  <  unary -  <  ^  <  primary
// Every level parses as a chain (etr_ast.hpp), kept only when it has
// operators (level[], collapse.hpp); the semantic pass decides which
// operands must be formulas and which polynomials. '/' is accepted here only
// so that "x / 2" gets a precise error there; fractions "1/2" are literals.
// '>' marks expectation points: once an operator is seen, its operand must
// follow, and a missing one is reported by its rule name ("expected a term").
#pragma once

#include "grammar/collapse.hpp"
#include "grammar/config.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/etr.hpp"
#include "grammar/etr_ast.hpp"
#include "grammar/etr_ast_adapted.hpp"
#include "grammar/nesting.hpp"

namespace etr2nn::grammar::etr_rules {

using etr_ast::op;

// ---- tokens -----------------------------------------------------------------

inline auto const ident_char = x3::char_("a-zA-Z0-9_'");

// A keyword is a word, not the prefix of a longer name ("order", "nothing").
inline auto keyword(char const* word) {
  return x3::lexeme[x3::lit(word) >> !ident_char];
}

inline auto const reserved = keyword("exists") | keyword("in") | keyword("and") | keyword("or") |
                             keyword("not") | keyword("true") | keyword("false");

struct relations_table : x3::symbols<op> {
  relations_table() {
    add("=", op::Equal)("!=", op::NotEqual)("\xE2\x89\xA0", op::NotEqual)              // ≠
        ("<", op::Less)("<=", op::LessEqual)("\xE2\x89\xA4", op::LessEqual)            // ≤
        (">", op::Greater)(">=", op::GreaterEqual)("\xE2\x89\xA5", op::GreaterEqual);  // ≥
  }
};
inline relations_table const relations;

inline auto const or_op = (keyword("or") | "||" | "\xE2\x88\xA8") >> x3::attr(op::Or);     // ∨
inline auto const and_op = (keyword("and") | "&&" | "\xE2\x88\xA7") >> x3::attr(op::And);  // ∧
inline auto const not_op = (keyword("not") | "\xC2\xAC" | (x3::lit('!') >> !x3::lit('='))) >>
                           x3::attr(op::Not);  // ¬
inline auto const add_op =
    (x3::lit('+') >> x3::attr(op::Plus)) | (x3::lit('-') >> x3::attr(op::Minus));
inline auto const mul_op =
    (x3::lit('*') >> x3::attr(op::Times)) | (x3::lit('/') >> x3::attr(op::Divide));
inline auto const minus_op = x3::lit('-') >> x3::attr(op::Minus);
inline auto const caret_op = x3::lit('^') >> x3::attr(op::Caret);

// ---- rule IDs: all tag their AST node with its source range ----------------

struct sentence_class : annotate_position {};
struct groups_class : annotate_position {};
struct group_class : annotate_position {};
struct names_class : annotate_position {};
struct interval_class : annotate_position {};
struct bound_class : annotate_position {};
struct negative_bound_class : annotate_position {};
struct formula_class : annotate_position {};
struct expr_class : annotate_position {};
struct or_tail_class : annotate_position {};
struct and_level_class : annotate_position {};
struct and_tail_class : annotate_position {};
struct not_level_class : annotate_position {};
struct negation_class : annotate_position {};
struct relation_class : annotate_position {};
struct relation_tail_class : annotate_position {};
struct relop_class : annotate_position {};
struct sum_class : annotate_position {};
struct sum_tail_class : annotate_position {};
struct product_class : annotate_position {};
struct product_tail_class : annotate_position {};
struct signed_class : annotate_position {};
struct negative_class : annotate_position {};
struct power_class : annotate_position {};
struct power_tail_class : annotate_position {};
struct exponent_class : annotate_position {};
struct negative_exponent_class : annotate_position {};
struct primary_class : annotate_position {};
struct paren_class : annotate_position {};
struct rational_class : annotate_position {};
struct number_class : annotate_position {};
struct identifier_class : annotate_position {};
struct variable_class : annotate_position {};
struct boolean_class : annotate_position {};

// ---- rules (their names are what "expected ..." messages say) --------------

x3::rule<sentence_class, etr_ast::sentence> const sentence = "a sentence";
x3::rule<groups_class, std::vector<etr_ast::group>> const groups = "the quantified variables";
x3::rule<group_class, etr_ast::group> const group = "a variable name";
x3::rule<names_class, std::vector<etr_ast::identifier>> const names = "a variable name";
x3::rule<interval_class, etr_ast::interval> const interval = "'[' starting an interval";
x3::rule<bound_class, etr_ast::operand> const bound = "a number";
x3::rule<negative_bound_class, etr_ast::unary> const negative_bound = "a number";
x3::rule<formula_class, etr_ast::operand> const formula = "a formula";
x3::rule<expr_class, etr_ast::operand> const expr = "an expression";
x3::rule<or_tail_class, etr_ast::operation> const or_tail = "'or'";
x3::rule<and_level_class, etr_ast::operand> const and_level = "a formula";
x3::rule<and_tail_class, etr_ast::operation> const and_tail = "'and'";
x3::rule<not_level_class, etr_ast::operand> const not_level = "a formula";
x3::rule<negation_class, etr_ast::unary> const negation = "'not'";
x3::rule<relation_class, etr_ast::operand> const relation = "a formula";
x3::rule<relation_tail_class, etr_ast::operation> const relation_tail = "a relation";
x3::rule<relop_class, op> const relop = "a relation (=, <, <=, >, >=, !=)";
x3::rule<sum_class, etr_ast::operand> const sum = "a term";
x3::rule<sum_tail_class, etr_ast::operation> const sum_tail = "'+' or '-'";
x3::rule<product_class, etr_ast::operand> const product = "a term";
x3::rule<product_tail_class, etr_ast::operation> const product_tail = "'*'";
x3::rule<signed_class, etr_ast::operand> const signed_ = "a term";
x3::rule<negative_class, etr_ast::unary> const negative = "'-'";
x3::rule<power_class, etr_ast::operand> const power = "a term";
x3::rule<power_tail_class, etr_ast::operation> const power_tail = "'^'";
x3::rule<exponent_class, etr_ast::operand> const exponent = "a natural-number exponent";
x3::rule<negative_exponent_class, etr_ast::unary> const negative_exponent = "'-'";
x3::rule<primary_class, etr_ast::operand> const primary = "a term";
x3::rule<paren_class, etr_ast::operand> const paren = "'('";
x3::rule<rational_class, etr_ast::rational> const rational = "a number";
x3::rule<number_class> const number = "a number";
x3::rule<struct word_class, std::string> const word = "a name";
x3::rule<identifier_class, etr_ast::identifier> const identifier = "a name";
x3::rule<variable_class, etr_ast::identifier> const variable = "a variable name";
x3::rule<boolean_class, etr_ast::identifier> const boolean = "true or false";

x3::rule<struct colon_class, x3::unused_type> const colon = "':' after the variables";
x3::rule<struct exists_class, x3::unused_type> const exists = "'exists'";
x3::rule<struct end_class, x3::unused_type> const end = etr_end_name;

// ---- definitions ------------------------------------------------------------

auto const sentence_def = exists > groups > colon > formula > end;
auto const exists_def = keyword("exists") | "\xE2\x88\x83";  // ∃
auto const colon_def = x3::lit(':');
auto const end_def = x3::eoi;

auto const groups_def = -(group >> *(';' > group));
auto const group_def = names >> -(keyword("in") > interval);
auto const names_def = variable >> *(',' > variable);
auto const interval_def = x3::lit('[') > bound > ',' > bound > ']';
auto const bound_def = negative_bound | rational;
auto const negative_bound_def = minus_op > rational;

auto const formula_def = expr;
auto const expr_def = level[and_level >> *or_tail];
auto const or_tail_def = or_op > and_level;
auto const and_level_def = level[not_level >> *and_tail];
auto const and_tail_def = and_op > not_level;
auto const not_level_def = negation | relation;
auto const negation_def = not_op > nested[not_level];
auto const relation_def = level[sum >> *relation_tail];
auto const relation_tail_def = relop > sum;
auto const relop_def = relations;
auto const sum_def = level[product >> *sum_tail];
auto const sum_tail_def = add_op > product;
auto const product_def = level[signed_ >> *product_tail];
auto const product_tail_def = mul_op > signed_;
auto const signed__def = negative | power;
auto const negative_def = minus_op > nested[signed_];
auto const power_def = level[primary >> *power_tail];
auto const power_tail_def = caret_op > exponent;
auto const exponent_def = negative_exponent | primary;
auto const negative_exponent_def = minus_op > nested[exponent];
auto const primary_def = rational | boolean | identifier | paren;
auto const paren_def = parens[x3::lit('(') > nested[expr] > ')'];
// Greedy over digits and dots, so "1.2.3" is one (malformed) number.
auto const number_def = x3::lexeme[+x3::char_("0-9.")];
// eps >> ...: a one-member struct needs a sequence to be filled member-wise.
auto const rational_def = x3::eps >> x3::raw[number >> -('/' >> number)];
// eps >> ...: a one-member struct needs a sequence to be filled member-wise.
auto const word_def = x3::lexeme[x3::char_("a-zA-Z_") >> *ident_char];
auto const identifier_def = x3::eps >> (word - reserved);
auto const variable_def = identifier;
auto const boolean_def =
    x3::eps >> x3::lexeme[(x3::string("true") | x3::string("false")) >> !ident_char];

BOOST_SPIRIT_DEFINE(sentence, groups, group, names, interval, bound, negative_bound, formula, expr,
                    or_tail, and_level, and_tail, not_level, negation, relation, relation_tail,
                    relop, sum, sum_tail, product, product_tail, signed_, negative, power,
                    power_tail, exponent, negative_exponent, primary, paren, rational, number, word,
                    identifier, variable, boolean, colon, exists, end)

}  // namespace etr2nn::grammar::etr_rules
