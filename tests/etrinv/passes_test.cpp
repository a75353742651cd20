// The passes of step A and B one by one: normalisation of atoms (A1), the
// residual lemma, term flattening (A3), the gate lemma (A2), and K (B).
#include <gtest/gtest.h>

#include <random>

#include "etr/etr.hpp"
#include "etrinv/detail/ami.hpp"
#include "etrinv/detail/bound_exponent.hpp"
#include "etrinv/detail/gates.hpp"
#include "etrinv/detail/residuals.hpp"
#include "etrinv/detail/terms.hpp"
#include "random_sentences.hpp"
#include "solve/solve.hpp"

namespace etr2nn::etrinv {
namespace {

using numeric::Real;
using Q = mpq_class;

const etr::Relation kRelations[] = {etr::Relation::Equal,   etr::Relation::NotEqual,
                                    etr::Relation::Less,    etr::Relation::LessEqual,
                                    etr::Relation::Greater, etr::Relation::GreaterEqual};

// The AMI instance as an ETR sentence (x = 1, x + y = z, x * y = z), for z3.
etr::Sentence ami_sentence(const ami::Instance& a, etr::FormulaPtr extra) {
  etr::Sentence s;
  for (const auto& n : a.names) s.variables.push_back({n, std::nullopt, {}});
  std::vector<etr::FormulaPtr> parts{extra};
  auto v = [&](ami::Var i) { return etr::variable(a.names[i]); };
  for (const auto& c : a.constraints) {
    using K = ami::Constraint::Kind;
    if (c.kind == K::One)
      parts.push_back(etr::atom(v(c.vars[0]), etr::Relation::Equal, etr::constant(1)));
    else
      parts.push_back(etr::atom(
          etr::make_term(c.kind == K::Add ? etr::Term::Kind::Add : etr::Term::Kind::Multiply,
                         {v(c.vars[0]), v(c.vars[1])}),
          etr::Relation::Equal, v(c.vars[2])));
  }
  s.matrix = etr::make_formula(etr::Formula::Kind::And, parts);
  return s;
}

TEST(Residuals, NormalisationPreservesTheMeaningOfEveryRelationAndNegation) {
  std::vector<Q> values{Q(-2), Q(-1, 3), Q(0), Q(1, 2), Q(3)};
  for (auto rel : kRelations)
    for (const Q& p : values)
      for (const Q& q : values) {
        auto atom = etr::atom(etr::constant(p), rel, etr::constant(q));
        bool truth = etr::evaluate(*atom, {});
        for (bool positive : {true, false}) {
          NormalisedAtom n = normalise(*atom, positive);
          Real t = etr::evaluate(*n.minuend, {}) - etr::evaluate(*n.subtrahend, {});
          EXPECT_EQ(has_sign(n.sign, t), positive ? truth : !truth)
              << etr::relation_symbol(rel) << " " << p << " " << q << " " << positive;
        }
      }
}

// Residual lemma: at the canonical slack r = 0 iff the atom holds, and (z3)
// no slack makes r = 0 when the atom fails.
TEST(Residuals, ResidualVanishesExactlyWhenTheAtomHolds) {
  for (Sign sign : {Sign::Zero, Sign::NonZero, Sign::NonNegative, Sign::Positive}) {
    ami::Builder b;
    ami::Var x = b.input("x");
    TermFlattener terms(b, {{"x", x}});
    NormalisedAtom atom{etr::variable("x"), etr::constant(0), sign};
    ami::Var r = emit_residual(b, terms, atom);
    for (const Q& value : {Q(-3), Q(-1, 2), Q(0), Q(1, 4), Q(2)}) {
      auto v = ami::evaluate(b.instance(), {{"x", Real(value)}});
      EXPECT_FALSE(ami::first_violation(b.instance(), v));  // the definitions are consistent
      EXPECT_EQ(v[r].sign() == 0, has_sign(sign, Real(value))) << to_string(sign) << " " << value;
    }
    // Soundness for every slack: r = 0 and not (x SIGN 0) is unsatisfiable.
    b.assert_zero(r);
    const etr::Relation negation[] = {etr::Relation::NotEqual, etr::Relation::Equal,
                                      etr::Relation::Less, etr::Relation::LessEqual};
    auto bad = etr::atom(etr::variable("x"), negation[static_cast<int>(sign)], etr::constant(0));
    auto verdict = solve::solve(ami_sentence(b.instance(), bad), std::chrono::seconds(10)).verdict;
    EXPECT_EQ(verdict, solve::Verdict::Unsat) << to_string(sign);
  }
}

TEST(Residuals, SlackOfTheSquareRootFormIsAlgebraic) {
  ami::Builder b;
  ami::Var x = b.input("x");
  TermFlattener terms(b, {{"x", x}});
  emit_residual(b, terms, {etr::variable("x"), etr::constant(0), Sign::NonNegative});
  auto v = ami::evaluate(b.instance(), {{"x", Real(2)}});
  EXPECT_FALSE(ami::first_violation(b.instance(), v));
  bool irrational = false;
  for (const auto& value : v) irrational |= !value.is_rational();
  EXPECT_TRUE(irrational);  // sqrt 2
}

TEST(Terms, FlatteningComputesTheTermsValue) {
  std::mt19937 rng(3);
  testing::RandomSentenceOptions o;
  for (int i = 0; i < 300; ++i) {
    auto term = testing::random_polynomial(rng, o);
    ami::Builder b;
    std::map<std::string, ami::Var> inputs{{"x", b.input("x")}, {"y", b.input("y")}};
    TermFlattener terms(b, inputs);
    ami::Var t = terms.flatten(*term);
    etr::Values at{{"x", Real(testing::random_small_rational(rng))},
                   {"y", Real(testing::random_small_rational(rng))}};
    auto v = ami::evaluate(b.instance(), at);
    EXPECT_FALSE(ami::first_violation(b.instance(), v));
    EXPECT_EQ(v[t], etr::evaluate(*term, at));
  }
}

TEST(Terms, ConstantsAndPowersStayWithinTheirSizeBounds) {
  for (const Q& c : {Q(5), Q(-7, 3), Q(1000, 999), Q(1, 1024), Q(-1)}) {
    ami::Builder b;
    ami::Var v = b.constant(c);
    auto values = ami::evaluate(b.instance(), {});
    EXPECT_EQ(values[v], Real(c));
    EXPECT_FALSE(ami::first_violation(b.instance(), values));
    // <= 2 bits per integer, +1 for p/q, +1 for the sign, plus ONE and ZERO.
    std::size_t bits =
        mpz_sizeinbase(c.get_num().get_mpz_t(), 2) + mpz_sizeinbase(c.get_den().get_mpz_t(), 2);
    EXPECT_LE(b.instance().constraints.size(), 2 * bits + 4) << c;
  }
  for (unsigned long k : {0ul, 1ul, 2ul, 3ul, 7ul, 8ul, 13ul}) {
    ami::Builder b;
    ami::Var x = b.input("x");
    TermFlattener terms(b, {{"x", x}});
    ami::Var p = terms.flatten(*etr::power(etr::variable("x"), k));
    auto v = ami::evaluate(b.instance(), {{"x", Real(Q(-3, 2))}});
    Q expected = 1;
    for (unsigned long i = 0; i < k; ++i) expected *= Q(-3, 2);
    EXPECT_EQ(v[p], Real(expected));
    std::size_t log2k = k ? 63 - __builtin_clzl(k) : 0;
    EXPECT_LE(b.instance().count(ami::Constraint::Kind::Mul), 2 * log2k) << k;
  }
}

TEST(Terms, UnboundVariableIsADiagnostic) {
  ami::Builder b;
  TermFlattener terms(b, {});
  EXPECT_THROW(terms.flatten(*etr::variable("z")), etr2nn::Diagnostic);
}

// Gate lemma (b): with the canonical slack g+ = 0 iff true, g- = 0 iff false.
TEST(Gates, GatesVanishExactlyWithTheFormulasTruthValue) {
  std::mt19937 rng(5);
  testing::RandomSentenceOptions o;
  o.max_degree = 2;
  o.equalities_only_univariate = false;  // rational points only: no z3 here
  int true_cases = 0, false_cases = 0;
  for (int i = 0; i < 300; ++i) {
    auto f = testing::random_formula(rng, o);
    ami::Builder b;
    std::map<std::string, ami::Var> inputs{{"x", b.input("x")}, {"y", b.input("y")}};
    TermFlattener terms(b, inputs);
    GateBuilder gates(b, terms);
    ami::Var gp = gates.positive(*f), gm = gates.negative(*f);
    etr::Values at{{"x", Real(testing::random_small_rational(rng))},
                   {"y", Real(testing::random_small_rational(rng))}};
    auto v = ami::evaluate(b.instance(), at);
    ASSERT_FALSE(ami::first_violation(b.instance(), v));
    bool truth = etr::evaluate(*f, at);
    EXPECT_EQ(v[gp].sign() == 0, truth);
    EXPECT_EQ(v[gm].sign() == 0, !truth);
    (truth ? true_cases : false_cases)++;
  }
  EXPECT_GT(true_cases, 30);
  EXPECT_GT(false_cases, 30);
}

TEST(BoundExponent, SafeValueFollowsSectionThree) {
  // L = max(5n, len); K = max(2, L + 5 + ceil(8 n log2 L)).
  EXPECT_EQ(safe_bound_exponent(2, 20), 20u + 5 + 70);  // 16 log2 20 = 69.15
  EXPECT_EQ(safe_bound_exponent(2, 3), 10u + 5 + 54);   // L = 10; 16 log2 10 = 53.15
  EXPECT_EQ(safe_bound_exponent(1, 16), 16u + 5 + 32);  // exact power: 8 log2 16 = 32
  EXPECT_EQ(safe_bound_exponent(0, 0), 5u);
}

TEST(BoundExponent, WitnessValueIsTheLeastSufficientK) {
  EXPECT_EQ(witness_bound_exponent({Real(0)}), 2u);
  EXPECT_EQ(witness_bound_exponent({Real(16), Real(-3)}), 2u);  // 16 = 2^(2^2)
  EXPECT_EQ(witness_bound_exponent({Real(17)}), 3u);
  EXPECT_EQ(witness_bound_exponent({Real(-256)}), 3u);
  EXPECT_EQ(witness_bound_exponent({Real(257)}), 4u);
  EXPECT_EQ(witness_bound_exponent({Real(mpq_class(mpz_class(1) << 64))}), 6u);
  EXPECT_EQ(witness_bound_exponent({Real::root(Real(300), 2)}), 3u);  // 17.3
}

}  // namespace
}  // namespace etr2nn::etrinv
