// The SMT-LIB front-end: it produces the same trees as the .etr one, and
// desugars what .etr does not have.
#include <gtest/gtest.h>

#include "etr/detail/parse.hpp"
#include "helpers.hpp"

namespace etr2nn::etr {
namespace {

using namespace test;

// The same sentences in both languages.
struct Pair {
  const char* etr;
  const char* smt;
};

const Pair pairs[] = {
    {"exists x: x*x = 2 and x > 0",
     "(set-logic QF_NRA)(declare-const x Real)(assert (= (* x x) 2.0))(assert (> x "
     "0.0))(check-sat)"},
    {"exists x, y: x*x + y*y = 1 and x + y = 3",
     "(declare-fun x () Real)(declare-fun y () Real)"
     "(assert (= (+ (* x x) (* y y)) 1))(assert (= (+ x y) 3))"},
    {"exists x, y: x - y - 1 < -2",
     "(declare-const x Real)(declare-const y Real)(assert (< (- x y 1) (- 2)))"},
    {"exists x: -x >= 1/2", "(declare-const x Real)(assert (>= (- x) (/ 1 2)))"},
    {"exists x: x * 1/2 <= 0.75", "(declare-const x Real)(assert (<= (/ x 2) 0.75))"},
    {"exists x, y: x != y or not x = 1",
     "(declare-const x Real)(declare-const y Real)(assert (or (distinct x y) (not (= x 1))))"},
    {"exists x: x > 0 and x < 1 and x != 1/2",
     "(declare-const x Real)(assert (and (> x 0) (< x 1) (distinct x 0.5))) (exit)"},
    {"exists x: true", "(declare-const x Real)"},
    {"exists x: x = 1",
     "; comment\n(set-info :status sat)\n(declare-const |x| Real)\n(assert (= x 1))\n"},
    {"exists: 1 < 2", "(assert (< 1 2))"},
};

TEST(SmtLib, PairsGiveEqualTrees) {
  for (const Pair& p : pairs) {
    SCOPED_TRACE(p.smt);
    Sentence a = etr(p.etr), b = smt(p.smt);
    EXPECT_EQ(a, b);
  }
}

TEST(SmtLib, PairsDifferWhenTheSentencesDo) {
  // The comparison is not vacuous: a changed constant, relation, order or
  // variable list breaks the equality.
  EXPECT_NE(etr("exists x: x*x = 2 and x > 0"),
            smt("(declare-const x Real)(assert (= (* x x) 3))(assert (> x 0))"));
  EXPECT_NE(etr("exists x: x*x = 2 and x > 0"),
            smt("(declare-const x Real)(assert (> x 0))(assert (= (* x x) 2))"));
  EXPECT_NE(etr("exists x: x*x = 2"),
            smt("(declare-const x Real)(declare-const y Real)(assert (= (* x x) 2))"));
  EXPECT_NE(etr("exists x: x > 0"), smt("(declare-const x Real)(assert (>= x 0))"));
}

TEST(SmtLib, UnaryMinusIsNegateOrANegativeConstant) {
  EXPECT_EQ(*smt("(declare-const x Real)(assert (= (- x) 1))").matrix->lhs, *neg(var("x")));
  EXPECT_EQ(*smt("(assert (= (- 3) 1))").matrix->lhs, *num(-3));
  EXPECT_EQ(*smt("(assert (= (- 2.5) 1))").matrix->lhs, *num(-5, 2));
}

TEST(SmtLib, DivisionByConstantsOnly) {
  EXPECT_EQ(*smt("(assert (= (/ 1 2) 1))").matrix->lhs, *num(1, 2));
  EXPECT_EQ(*smt("(assert (= (/ 3 4 5) 1))").matrix->lhs, *num(3, 20));
  EXPECT_EQ(*smt("(declare-const x Real)(assert (= (/ x 2) 1))").matrix->lhs,
            *mul({var("x"), num(1, 2)}));
  // A variable-free divisor is evaluated exactly.
  EXPECT_EQ(*smt("(declare-const x Real)(assert (= (/ x (- 3 1) 3) 1))").matrix->lhs,
            *mul({var("x"), num(1, 6)}));
  EXPECT_EQ(*smt("(declare-const x Real)(assert (= (/ x (- 2)) 1))").matrix->lhs,
            *mul({var("x"), num(-1, 2)}));
}

TEST(SmtLib, ImplicationIsNotOr) {
  auto p = atom(var("x"), Relation::Greater, num(0));
  auto q = atom(var("x"), Relation::Less, num(1));
  auto r = atom(var("x"), Relation::Equal, num(2));
  EXPECT_EQ(*smt("(declare-const x Real)(assert (=> (> x 0) (< x 1)))").matrix,
            *disj({negation(p), q}));
  // Right associative.
  EXPECT_EQ(*smt("(declare-const x Real)(assert (=> (> x 0) (< x 1) (= x 2)))").matrix,
            *disj({negation(p), disj({negation(q), r})}));
}

TEST(SmtLib, IteOverFormulasSharesTheCondition) {
  Sentence s = smt("(declare-const x Real)(assert (ite (> x 0) (< x 1) (= x 2)))");
  auto c = atom(var("x"), Relation::Greater, num(0));
  auto a = atom(var("x"), Relation::Less, num(1));
  auto b = atom(var("x"), Relation::Equal, num(2));
  EXPECT_EQ(*s.matrix, *disj({conj({c, a}), conj({negation(c), b})}));
  // The condition is one node, referenced twice.
  EXPECT_EQ(s.matrix->operands[0]->operands[0], s.matrix->operands[1]->operands[0]->operands[0]);
}

TEST(SmtLib, ChainedComparisonsShareTheMiddleTerm) {
  Sentence s = smt("(declare-const x Real)(assert (< 0 (* x x) 1))");
  auto xx = mul({var("x"), var("x")});
  EXPECT_EQ(*s.matrix, *conj({atom(num(0), Relation::Less, xx), atom(xx, Relation::Less, num(1))}));
  EXPECT_EQ(s.matrix->operands[0]->rhs, s.matrix->operands[1]->lhs);
  Sentence e = smt("(declare-const x Real)(declare-const y Real)(assert (= x y 1))");
  EXPECT_EQ(*e.matrix, *conj({atom(var("x"), Relation::Equal, var("y")),
                              atom(var("y"), Relation::Equal, num(1))}));
}

TEST(SmtLib, DistinctIsPairwise) {
  Sentence s = smt("(declare-const x Real)(declare-const y Real)(assert (distinct x y 0))");
  auto x = var("x"), y = var("y");
  EXPECT_EQ(*s.matrix, *conj({atom(x, Relation::NotEqual, y), atom(x, Relation::NotEqual, num(0)),
                              atom(y, Relation::NotEqual, num(0))}));
}

TEST(SmtLib, BooleanEqualityIsIff) {
  Sentence s = smt("(declare-const x Real)(assert (= (> x 0) (< x 1)))");
  auto p = atom(var("x"), Relation::Greater, num(0));
  auto q = atom(var("x"), Relation::Less, num(1));
  EXPECT_EQ(*s.matrix, *disj({conj({p, q}), conj({negation(p), negation(q)})}));
  Sentence d = smt("(declare-const x Real)(assert (distinct (> x 0) (< x 1)))");
  EXPECT_EQ(*d.matrix, *negation(disj({conj({p, q}), conj({negation(p), negation(q)})})));
}

TEST(SmtLib, LetBindsSharedSubtrees) {
  Sentence s =
      smt("(declare-const x Real)"
          "(assert (let ((s (+ x 1)) (b (> x 0))) (and b (> (* s s) 2))))");
  auto sx = add({var("x"), num(1)});
  EXPECT_EQ(*s.matrix, *conj({atom(var("x"), Relation::Greater, num(0)),
                              atom(mul({sx, sx}), Relation::Greater, num(2))}));
  const Term& product = *s.matrix->operands[1]->lhs;
  EXPECT_EQ(product.operands[0], product.operands[1]);  // one node, not a copy
  // Bindings are parallel, and inner lets shadow outer ones.
  Sentence t = smt("(declare-const x Real)(assert (let ((x 1)) (let ((x 2) (y x)) (= x y))))");
  EXPECT_EQ(*t.matrix, *atom(num(2), Relation::Equal, num(1)));
}

TEST(SmtLib, AssertCountsGiveTheMatrixShape) {
  EXPECT_EQ(smt("(declare-const x Real)").matrix->kind, Formula::Kind::True);
  EXPECT_EQ(smt("(declare-const x Real)(assert (> x 0))").matrix->kind, Formula::Kind::Atom);
  EXPECT_EQ(smt("(declare-const x Real)(assert (> x 0))(assert (and (> x 1) (< x 2)))")
                .matrix->operands.size(),
            2u);
}

TEST(SmtLib, ExitStopsReading) {
  EXPECT_EQ(smt("(declare-const x Real)(exit)(push 1)").variables.size(), 1u);
}

TEST(SmtLib, LetBombIsRejectedNotExpanded) {
  // Each let doubles the size of the formula written out as a tree; 40 of
  // them would print as 2^40 nodes.
  std::string text = "(declare-const x Real)(assert (> ";
  std::string close;
  for (int i = 0; i < 40; ++i) {
    text += "(let ((x (+ x x))) ";
    close += ")";
  }
  text += "x" + close + " 0))";
  std::string error = error_of(text, Language::SmtLib);
  EXPECT_EQ(error.substr(0, 9), "t.smt2:1:");
  EXPECT_NE(
      error.find(": error: formula too large: more than 10000000 nodes once 'let' is expanded"),
      std::string::npos)
      << error;
}

}  // namespace
}  // namespace etr2nn::etr
