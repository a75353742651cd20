// The printer: canonical text, and parse(print(s)) == s on random sentences.
#include <gtest/gtest.h>

#include <random>

#include "etr/detail/parse.hpp"
#include "etr/detail/print.hpp"
#include "helpers.hpp"

namespace etr2nn::etr {
namespace {

using namespace test;

TEST(Print, CanonicalText) {
  EXPECT_EQ(print(etr("exists x,y in [0.5,2];z:x*y=1 and (x+y>=z or not x<0)")),
            "exists x, y in [1/2, 2]; z: x * y = 1 and (x + y >= z or not (x < 0))");
  EXPECT_EQ(print(etr("∃ x: x ≠ 0.25 ∧ ¬ x ≤ -1")), "exists x: x != 1/4 and not (x <= -1)");
  EXPECT_EQ(print(smt("(assert (< 1 2))")), "exists: 1 < 2");
}

TEST(Print, ParenthesesExactlyWhereNeeded) {
  auto x = var("x"), y = var("y"), z = var("z");
  EXPECT_EQ(print(*add({add({x, y}), z})), "(x + y) + z");
  EXPECT_EQ(print(*add({x, add({y, z})})), "x + (y + z)");
  EXPECT_EQ(print(*add({sub({x, y}), z})), "x - y + z");
  EXPECT_EQ(print(*sub({x, add({y, z})})), "x - (y + z)");
  EXPECT_EQ(print(*mul({add({x, y}), z})), "(x + y) * z");
  EXPECT_EQ(print(*mul({x, neg(y)})), "x * -y");
  EXPECT_EQ(print(*neg(neg(x))), "--x");
  EXPECT_EQ(print(*neg(num(-3))), "--3");
  EXPECT_EQ(print(*neg(neg(num(3)))), "--(3)");
  EXPECT_EQ(print(*neg(power(x, 2))), "-x^2");
  EXPECT_EQ(print(*power(neg(x), 2)), "(-x)^2");
  EXPECT_EQ(print(*power(power(x, 2), 3)), "(x^2)^3");
  EXPECT_EQ(print(*neg(num(3))), "-(3)");
  EXPECT_EQ(print(*num(-3)), "-3");
  EXPECT_EQ(print(*power(num(-3), 2)), "(-3)^2");
  EXPECT_EQ(print(*power(num(1, 2), 2)), "(1/2)^2");
  EXPECT_EQ(print(*power(num(2), 2)), "2^2");
  auto a = atom(x, Relation::Less, y);
  EXPECT_EQ(print(*conj({disj({a, a}), a})), "(x < y or x < y) and x < y");
  EXPECT_EQ(print(*disj({conj({a, a}), a})), "x < y and x < y or x < y");
  EXPECT_EQ(print(*conj({conj({a, a}), a})), "(x < y and x < y) and x < y");
  EXPECT_EQ(print(*negation(negation(a))), "not not (x < y)");
}

// Random sentences over the variables v0..v3 with random bounds.
class RandomSentences {
 public:
  explicit RandomSentences(unsigned seed) : rng_(seed) {}

  Sentence sentence() {
    Sentence s;
    int n = pick(1, 4);
    for (int i = 0; i < n; ++i) {
      std::optional<Bound> bound;
      if (pick(0, 2) > 0) {
        mpq_class a = rational(), b = rational();
        if (a > b) std::swap(a, b);
        bound = Bound{a, b};
      }
      s.variables.push_back({"v" + std::to_string(i), bound, {}});
    }
    variables_ = n;
    s.matrix = formula(4);
    return s;
  }

 private:
  std::mt19937 rng_;
  int variables_ = 1;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  mpq_class rational() {
    mpq_class q(pick(-50, 50), pick(1, 12));
    q.canonicalize();
    return q;
  }

  std::vector<TermPtr> terms(int depth) {
    std::vector<TermPtr> v;
    for (int i = pick(2, 4); i > 0; --i) v.push_back(term(depth - 1));
    return v;
  }

  TermPtr term(int depth) {
    int choice = depth <= 0 ? pick(0, 1) : pick(0, 6);
    switch (choice) {
      case 0: return constant(rational());
      case 1: return variable("v" + std::to_string(pick(0, variables_ - 1)));
      case 2: return make_term(Term::Kind::Negate, {term(depth - 1)});
      case 3: return make_term(Term::Kind::Add, terms(depth));
      case 4: return make_term(Term::Kind::Subtract, terms(depth));
      case 5: return make_term(Term::Kind::Multiply, terms(depth));
      default: return power(term(depth - 1), static_cast<unsigned long>(pick(0, 5)));
    }
  }

  FormulaPtr formula(int depth) {
    int choice = depth <= 0 ? pick(0, 2) : pick(0, 5);
    switch (choice) {
      case 0: return make_formula(pick(0, 1) ? Formula::Kind::True : Formula::Kind::False);
      case 1:
      case 2: return atom(term(3), static_cast<Relation>(pick(0, 5)), term(3));
      case 3: return make_formula(Formula::Kind::Not, {formula(depth - 1)});
      default: {
        std::vector<FormulaPtr> v;
        for (int i = pick(2, 3); i > 0; --i) v.push_back(formula(depth - 1));
        return make_formula(choice == 4 ? Formula::Kind::And : Formula::Kind::Or, std::move(v));
      }
    }
  }
};

TEST(Print, ParseOfPrintIsIdentityOnRandomSentences) {
  RandomSentences random(20261125);
  int negative_constants = 0, powers = 0;
  for (int i = 0; i < 2000; ++i) {
    Sentence s = random.sentence();
    std::string text = print(s);
    negative_constants += text.find("-") != std::string::npos;
    powers += text.find("^") != std::string::npos;
    Sentence back;
    try {
      back = etr(text);
    } catch (const Diagnostic& d) {
      FAIL() << d.render() << "\nfor " << text;
    }
    ASSERT_EQ(back, s) << text << "\nre-printed: " << print(back);
    ASSERT_EQ(print(back), text);
  }
  // The generator exercised what it should.
  EXPECT_GT(negative_constants, 500);
  EXPECT_GT(powers, 500);
}

TEST(Print, EqualityDetectsADifferentTree) {
  // The property above would be vacuous if == ignored structure.
  Sentence s = etr("exists x: x + (x + x) = 1");
  EXPECT_NE(etr("exists x: (x + x) + x = 1"), s);
  EXPECT_NE(etr("exists x: x + x + x = 1"), s);
}

TEST(Print, SamplesRoundTrip) {
  for (const char* name : {"boolean_mix.etr", "plastic.etr", "inv_rational_sat.etr", "sqrt2.smt2",
                           "circle_line_unsat.smt2"}) {
    SCOPED_TRACE(name);
    Sentence s = parse_file(std::string(ETR2NN_SOURCE_DIR) + "/samples/" + name);
    EXPECT_EQ(etr(print(s)), s);
  }
}

}  // namespace
}  // namespace etr2nn::etr
