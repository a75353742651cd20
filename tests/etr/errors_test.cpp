// Bad inputs: each must be rejected with its exact message and position.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace etr2nn::etr {
namespace {

using test::error_of;

struct Bad {
  Language language;
  const char* text;
  const char* error;  // Diagnostic::what(): "file:line:col: error: message"
};

constexpr Language E = Language::Etr;
constexpr Language S = Language::SmtLib;

const Bad bad_inputs[] = {
    // --- truncated input and unbalanced parentheses
    {E, "", "t.etr:1:1: error: expected 'exists' at end of input [syntax]"},
    {E, "exists x", "t.etr:1:9: error: expected ':' after the variables at end of input [syntax]"},
    {E, "exists x:", "t.etr:1:10: error: expected a formula at end of input [syntax]"},
    {E, "exists x: x >", "t.etr:1:14: error: expected a term at end of input [syntax]"},
    {E, "exists x: x > 1 and", "t.etr:1:20: error: expected a formula at end of input [syntax]"},
    {E, "exists x: (x > 1", "t.etr:1:17: error: expected ')' at end of input [syntax]"},
    {E, "exists x: x > 1)", "t.etr:1:16: error: unbalanced ')': there is no '(' to close [syntax]"},
    {E, "exists x in [1, 2: x > 1", "t.etr:1:18: error: expected ']', found ':' [syntax]"},
    {E, "exists x y: x > 1",
     "t.etr:1:10: error: expected ':' after the variables, found 'y' [syntax]"},
    {E, "forall x: x > 1", "t.etr:1:1: error: expected 'exists', found 'forall' [syntax]"},
    {S, "(declare-const x Real)\n(assert (> x 1)",
     "t.smt2:2:16: error: expected ')' at end of input [syntax]"},
    {S, "(declare-const x Real))",
     "t.smt2:1:23: error: unbalanced ')': there is no '(' to close [syntax]"},
    // --- numbers
    {E, "exists x: x > 1/0", "t.etr:1:16: error: division by zero in '1/0' [invalid-formula]"},
    {E, "exists x: 1.2.3 > x", "t.etr:1:11: error: malformed number '1.2.3' [invalid-formula]"},
    {E, "exists x: x > 1.", "t.etr:1:15: error: malformed number '1.' [invalid-formula]"},
    {E, "exists x: 1.5/2 > x",
     "t.etr:1:11: error: a fraction needs integer numerator and denominator, found '1.5/2' "
     "[invalid-formula]"},
    {S, "(declare-const x Real)(assert (> x 1.2.3))",
     "t.smt2:1:36: error: malformed number '1.2.3' [invalid-formula]"},
    // --- relations and operators
    {E, "exists x: x ~ 1",
     "t.etr:1:12: error: expected a relation (=, <, <=, >, >=, !=) after 'x' [syntax]"},
    {E, "exists x, y:\n  x * y = 1 and x + y\n",
     "t.etr:2:22: error: expected a relation (=, <, <=, >, >=, !=) after 'x + y' [syntax]"},
    {E, "exists x: x =< 1", "t.etr:1:14: error: expected a term, found '<' [syntax]"},
    {E, "exists x: not x",
     "t.etr:1:16: error: expected a relation (=, <, <=, >, >=, !=) after 'x' [syntax]"},
    {E, "exists x: x < 1 < 2",
     "t.etr:1:17: error: relations do not chain: write 'a < b and b < c' [invalid-formula]"},
    {E, "exists x: x + (x > 1) = 2",
     "t.etr:1:15: error: expected a term, found the formula '(x > 1)' [syntax]"},
    {E, "exists x: x > 1 \xC3\xA9",
     "t.etr:1:17: error: expected an operator or end of input, found '\xC3\xA9' [syntax]"},
    // --- division
    {E, "exists x: x / 2 > 1",
     "t.etr:1:13: error: '/' is only allowed in a fraction of two integer literals, like 1/2 "
     "[invalid-formula]"},
    {E, "exists x: 1 / x > 1",
     "t.etr:1:13: error: '/' is only allowed in a fraction of two integer literals, like 1/2 "
     "[invalid-formula]"},
    {S, "(declare-const x Real)(assert (> (/ 1 x) 1))",
     "t.smt2:1:39: error: division by a non-constant term 'x' is not supported [invalid-formula]"},
    {S, "(declare-const x Real)(assert (> (/ x 0) 1))",
     "t.smt2:1:39: error: division by zero [invalid-formula]"},
    // --- binding
    {E, "exists x: y > 1", "t.etr:1:11: error: unbound variable 'y' [unbound-variable]"},
    {E, "exists x, x: x > 1", "t.etr:1:11: error: variable 'x' is bound twice [bound-twice]"},
    {E, "exists x;\n y, x: x > 1", "t.etr:2:5: error: variable 'x' is bound twice [bound-twice]"},
    {E, "exists x in [2, 1]: x > 1",
     "t.etr:1:13: error: empty interval [2, 1]: the lower bound is greater than the upper bound "
     "[invalid-formula]"},
    {E, "exists x in [a, 2]: x > 1", "t.etr:1:14: error: expected a number, found 'a' [syntax]"},
    {E, "exists true: x > 1",
     "t.etr:1:8: error: expected ':' after the variables, found 'true' [syntax]"},
    {S, "(assert (> x 1))",
     "t.smt2:1:12: error: unbound variable 'x' (not declared) [unbound-variable]"},
    {S, "(declare-const x Real)(declare-const x Real)",
     "t.smt2:1:38: error: variable 'x' is declared twice [bound-twice]"},
    // --- exponents
    {E, "exists x: x^-1 > 1",
     "t.etr:1:13: error: exponent must be a natural number (0, 1, 2, ...), found '-1' "
     "[invalid-formula]"},
    {E, "exists x: x^1.5 > 1",
     "t.etr:1:13: error: exponent must be a natural number (0, 1, 2, ...), found '1.5' "
     "[invalid-formula]"},
    {E, "exists x: x^y > 1",
     "t.etr:1:13: error: exponent must be a natural number (0, 1, 2, ...), found 'y' "
     "[invalid-formula]"},
    {E, "exists x: x^2^3 > 1",
     "t.etr:1:14: error: '^' does not chain: write (a^m)^n [invalid-formula]"},
    {E, "exists x: x^99999999999999999999999 > 1",
     "t.etr:1:13: error: exponent 99999999999999999999999 is too large [invalid-formula]"},
    // --- encoding
    {E, "exists x:\n  x > 1 and\n  x \xff 2",
     "t.etr:3:5: error: invalid UTF-8: byte 0xFF does not start a valid character [invalid-utf8]"},
    {E, "exists x: x > \xC0\xAF",
     "t.etr:1:15: error: invalid UTF-8: byte 0xC0 does not start a valid character [invalid-utf8]"},
    {S, "(assert \xED\xA0\x80)",
     "t.smt2:1:9: error: invalid UTF-8: byte 0xED does not start a valid character [invalid-utf8]"},
    // --- unsupported SMT-LIB
    {S, "(push 1)", "t.smt2:1:2: error: unsupported SMT-LIB command 'push' [invalid-formula]"},
    {S, "(check-sat)\n(get-model)",
     "t.smt2:2:2: error: unsupported SMT-LIB command 'get-model' [invalid-formula]"},
    {S, "(declare-fun f (Real) Real)",
     "t.smt2:1:16: error: uninterpreted functions are not supported: 'f' takes arguments "
     "[invalid-formula]"},
    {S, "(declare-const x Int)",
     "t.smt2:1:18: error: unsupported sort 'Int': only Real [invalid-formula]"},
    {S, "(set-logic QF_BV)",
     "t.smt2:1:12: error: unsupported logic 'QF_BV': only QF_NRA and QF_LRA [invalid-formula]"},
    {S, "(assert (forall ((x Real)) (> x 0)))",
     "t.smt2:1:10: error: quantifiers are not supported ('forall'): QF_NRA is quantifier-free "
     "[invalid-formula]"},
    {S, "(declare-const x Real)(assert (> (f x) 1))",
     "t.smt2:1:35: error: unsupported function 'f' [invalid-formula]"},
    {S, "(declare-const x Real)(assert (> (x 1) 1))",
     "t.smt2:1:35: error: 'x' is a constant, not a function: uninterpreted functions are not "
     "supported [invalid-formula]"},
    {S, "(declare-const x Real)(assert (> (ite true x 1) 0))",
     "t.smt2:1:44: error: 'ite' over Real terms is not supported, only over formulas "
     "[invalid-formula]"},
    {S, "(declare-const x Real)(assert (> x #x1F))",
     "t.smt2:1:36: error: hexadecimal and binary literals are not supported: '#x1F' "
     "[invalid-formula]"},
    {S, "(assert (! true :named a))",
     "t.smt2:1:10: error: annotations ('!') are not supported [invalid-formula]"},
    {S, "(check-sat)(assert true)",
     "t.smt2:1:13: error: 'assert' after 'check-sat' is not supported: one query per file "
     "[invalid-formula]"},
    // --- sorts in SMT-LIB
    {S, "(declare-const x Real)(assert (+ x 1))",
     "t.smt2:1:31: error: expected a Boolean formula, found the Real term '(+ x 1)' "
     "[invalid-formula]"},
    {S, "(declare-const x Real)(assert (> (and true) 1))",
     "t.smt2:1:34: error: expected a Real term, found the Boolean formula '(and true)' "
     "[invalid-formula]"},
    {S, "(assert (not true false))",
     "t.smt2:1:10: error: 'not' takes exactly one argument [invalid-formula]"},
    {S, "x",
     "t.smt2:1:1: error: expected a command such as (assert ...), found 'x' [invalid-formula]"},
};

TEST(BadInput, ExactMessageAndPosition) {
  for (const Bad& b : bad_inputs) {
    SCOPED_TRACE(b.text);
    EXPECT_EQ(error_of(b.text, b.language), b.error);
  }
}

TEST(BadInput, ThereAreEnoughOfThem) {
  EXPECT_GE(std::size(bad_inputs), 25u);
}

TEST(BadInput, RenderShowsTheLineAndACaret) {
  try {
    test::etr("exists x, y:\n  x * y = 1 and x + y\n");
    FAIL() << "no error";
  } catch (const Diagnostic& d) {
    EXPECT_EQ(
        d.render(),
        "t.etr:2:22: error: expected a relation (=, <, <=, >, >=, !=) after 'x + y' [syntax]\n"
        "    x * y = 1 and x + y\n"
        "                       ^");
  }
}

// A second binding points back at the first, as Clang's redefinition errors do.
TEST(BadInput, ARepeatedNameHasANoteAtItsFirstDefinition) {
  try {
    test::etr("exists x;\n  y, x: x > 1");
    FAIL() << "no error";
  } catch (const Diagnostic& d) {
    EXPECT_EQ(d.render(),
              "t.etr:2:6: error: variable 'x' is bound twice [bound-twice]\n"
              "    y, x: x > 1\n"
              "       ^\n"
              "t.etr:1:8: note: first bound here\n"
              "  exists x;\n"
              "         ^");
  }
  try {
    test::smt("(declare-const x Real)\n(declare-const x Real)");
    FAIL() << "no error";
  } catch (const Diagnostic& d) {
    ASSERT_EQ(d.notes().size(), 1u);
    EXPECT_EQ(d.notes()[0].message, "first declared here");
    EXPECT_EQ(d.notes()[0].where.line, 1u);
    EXPECT_EQ(d.notes()[0].where.column, 16u);
    EXPECT_NE(d.render().find("t.smt2:1:16: note: first declared here\n"
                              "  (declare-const x Real)\n"
                              "                 ^"),
              std::string::npos)
        << d.render();
  }
}

TEST(BadInput, LongQuotesAreShortened) {
  std::string sum = "x";
  for (int i = 0; i < 30; ++i) sum += " + x";
  std::string error = error_of("exists x: " + sum, Language::Etr);
  EXPECT_EQ(error, "t.etr:1:" + std::to_string(11 + sum.size()) +
                       ": error: expected a relation (=, <, <=, >, >=, !=) after '" +
                       sum.substr(0, 40) + "...' [syntax]");
}

}  // namespace
}  // namespace etr2nn::etr
