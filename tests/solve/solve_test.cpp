// The z3 bridge: verdicts on the samples, exact (algebraic) models checked by
// etr::satisfies(), and etr::satisfies() itself.
#include "solve/detail/solve.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "../etrinv/sample_sentences.hpp"
#include "etr/etr.hpp"

namespace etr2nn::solve {
namespace {

using numeric::Real;
using Q = mpq_class;

// The truth of each sample comes from samples/expected.tsv (written by hand,
// with the reason), not from the code-built copies: z3 must agree with it on
// every row, and every row must have its sentence.
std::map<std::string, bool> expected_truth() {
  std::ifstream tsv(std::string(ETR2NN_SOURCE_DIR) + "/samples/expected.tsv");
  std::map<std::string, bool> truth;
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    std::istringstream fields(line);
    std::string file, expected;
    std::getline(fields, file, '\t');
    std::getline(fields, expected, '\t');
    if (expected != "sat" && expected != "unsat") ADD_FAILURE() << "expected.tsv: " << line;
    truth[file] = expected == "sat";
  }
  return truth;
}

TEST(Solve, AgreesWithExpectedOnEverySample) {
  const std::map<std::string, bool> truth = expected_truth();
  ASSERT_FALSE(truth.empty()) << "samples/expected.tsv not found or empty";
  std::set<std::string> solved;
  for (const auto& s : testing::sample_sentences()) {
    const auto row = truth.find(s.file);
    ASSERT_NE(row, truth.end()) << s.file << " is not in samples/expected.tsv";
    EXPECT_EQ(s.sat, row->second) << s.file << ": the code-built copy disagrees with expected.tsv";
    auto r = solve(s.sentence, std::chrono::seconds(10));
    EXPECT_EQ(r.verdict, row->second ? Verdict::Sat : Verdict::Unsat) << s.file << ": " << r.reason;
    if (r.verdict == Verdict::Sat) {
      EXPECT_EQ(r.model.size(), s.sentence.variables.size());
      EXPECT_TRUE(etr::satisfies(s.sentence, r.model)) << s.file;
    }
    solved.insert(s.file);
  }
  for (const auto& [file, sat] : truth)
    EXPECT_TRUE(solved.count(file)) << file << " (expected.tsv) has no sentence to solve";
}

TEST(Solve, Sqrt2ModelIsExactAlgebraic) {
  etr::Sentence s;
  s.variables.push_back({"x", std::nullopt, {}});
  s.matrix = etr::make_formula(
      etr::Formula::Kind::And,
      {etr::atom(etr::power(etr::variable("x"), 2), etr::Relation::Equal, etr::constant(2)),
       etr::atom(etr::variable("x"), etr::Relation::Greater, etr::constant(0))});
  auto r = solve(s, std::chrono::seconds(10));
  ASSERT_EQ(r.verdict, Verdict::Sat);
  const Real& x = r.model.at("x");
  EXPECT_FALSE(x.is_rational());
  EXPECT_EQ(x * x, Real(2));
  auto form = x.algebraic_form();
  // x^2 - 2 up to a constant factor, with an interval around 1.41421356.
  ASSERT_EQ(form.coefficients.size(), 3u);
  EXPECT_EQ(form.coefficients[0], -2 * form.coefficients[2]);
  EXPECT_EQ(form.coefficients[1], 0);
  EXPECT_LT(form.lower, Q(1415, 1000));
  EXPECT_GT(form.upper, Q(1414, 1000));
  EXPECT_EQ(Real::from_algebraic_form(form), x);
}

TEST(Solve, BoundsArePartOfTheSentence) {
  etr::Sentence s;
  s.variables.push_back({"x", etr::Bound{Q(3), Q(4)}, {}});
  s.matrix = etr::atom(etr::power(etr::variable("x"), 2), etr::Relation::Less, etr::constant(4));
  EXPECT_EQ(solve(s, std::chrono::seconds(10)).verdict, Verdict::Unsat);
  EXPECT_FALSE(etr::satisfies(s, {{"x", Real(1)}}));  // the matrix holds, the bound does not
  s.variables[0].bound = etr::Bound{Q(-1), Q(1, 2)};
  auto r = solve(s, std::chrono::seconds(10));
  ASSERT_EQ(r.verdict, Verdict::Sat);
  EXPECT_GE(r.model.at("x"), Real(-1));
  EXPECT_LE(r.model.at("x"), Real(Q(1, 2)));
}

TEST(Satisfies, EvaluatesExactlyAndNeedsEveryVariable) {
  etr::Sentence s;
  s.variables = {{"x", std::nullopt, {}}, {"y", std::nullopt, {}}};
  // x*y = 1 or not (x >= y)
  s.matrix = etr::make_formula(
      etr::Formula::Kind::Or,
      {etr::atom(
           etr::make_term(etr::Term::Kind::Multiply, {etr::variable("x"), etr::variable("y")}),
           etr::Relation::Equal, etr::constant(1)),
       etr::make_formula(
           etr::Formula::Kind::Not,
           {etr::atom(etr::variable("x"), etr::Relation::GreaterEqual, etr::variable("y"))})});
  EXPECT_TRUE(etr::satisfies(s, {{"x", Real(Q(1, 3))}, {"y", Real(3)}}));
  EXPECT_TRUE(etr::satisfies(s, {{"x", Real(5)}, {"y", Real(Q(1, 5))}}));
  EXPECT_FALSE(etr::satisfies(s, {{"x", Real(5)}, {"y", Real(Q(1, 6))}}));
  Real r2 = Real::root(Real(2), 2);
  EXPECT_TRUE(etr::satisfies(s, {{"x", r2}, {"y", r2 / Real(2)}}));  // exact algebraic product
  EXPECT_THROW(etr::satisfies(s, {{"x", Real(1)}}), etr2nn::Diagnostic);
}

TEST(Solve, SharedSubtermsAreTranslatedOnce) {
  // ((x + 1)^2)^2 ... nested 40 deep as a DAG: 2^40 leaves if expanded as a tree.
  etr::TermPtr t = etr::variable("x");
  for (int i = 0; i < 40; ++i) t = etr::make_term(etr::Term::Kind::Add, {t, t});
  etr::Sentence s;
  s.variables.push_back({"x", std::nullopt, {}});
  s.matrix = etr::atom(t, etr::Relation::Equal, etr::constant(mpq_class(mpz_class(1) << 40)));
  auto r = solve(s, std::chrono::seconds(10));
  ASSERT_EQ(r.verdict, Verdict::Sat);
  EXPECT_EQ(r.model.at("x"), Real(1));
}

}  // namespace
}  // namespace etr2nn::solve
