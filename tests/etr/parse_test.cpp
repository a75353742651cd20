// The .etr front-end: what each construct of docs/syntax.md parses to.
#include "etr/detail/parse.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "etr/detail/print.hpp"
#include "helpers.hpp"

namespace etr2nn::etr {
namespace {

using namespace test;

TEST(EtrParse, EverySampleParses) {
  namespace fs = std::filesystem;
  int count = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ETR2NN_SOURCE_DIR) / "samples")) {
    auto ext = entry.path().extension();
    if (ext != ".etr" && ext != ".smt2") continue;
    SCOPED_TRACE(entry.path().string());
    Sentence s = parse_file(entry.path().string());
    EXPECT_FALSE(s.variables.empty());
    EXPECT_TRUE(s.matrix);
    EXPECT_EQ(s.file, entry.path().string());
    ++count;
  }
  EXPECT_GE(count, 12);
}

TEST(EtrParse, SampleSqrt2HasTheExpectedTree) {
  Sentence s = parse_file(std::string(ETR2NN_SOURCE_DIR) + "/samples/sqrt2.etr");
  EXPECT_EQ(s, sentence({"x"}, atom(power(var("x"), 2), Relation::Equal, num(2))));
}

TEST(EtrParse, BoundsApplyToTheirWholeGroup) {
  Sentence s = etr("exists x, y in [1/2, 2]; z; w in [-3, 0.25]: x = 1");
  ASSERT_EQ(s.variables.size(), 4u);
  EXPECT_EQ(s.variables[0].bound, (Bound{mpq_class(1, 2), 2}));
  EXPECT_EQ(s.variables[1].bound, (Bound{mpq_class(1, 2), 2}));
  EXPECT_FALSE(s.variables[2].bound);
  EXPECT_EQ(s.variables[3].bound, (Bound{-3, mpq_class(1, 4)}));
  EXPECT_EQ(s.variables[2].where.line, 1u);
  EXPECT_EQ(s.variables[2].where.column, 26u);
}

TEST(EtrParse, DecimalsAreExact) {
  Sentence s = etr("exists x: x = 0.1");
  EXPECT_EQ(*s.matrix->rhs, *num(1, 10));
  EXPECT_EQ(etr("exists x: x = 12.500").matrix->rhs->value, mpq_class(25, 2));
  EXPECT_EQ(etr("exists x: x = 6/4").matrix->rhs->value, mpq_class(3, 2));
}

TEST(EtrParse, ChainsOfOneOperatorAreNary) {
  auto x = var("x"), y = var("y"), z = var("z");
  EXPECT_EQ(*etr("exists x, y, z: x + y + z = 0").matrix->lhs, *add({x, y, z}));
  EXPECT_EQ(*etr("exists x, y, z: x - y - z = 0").matrix->lhs, *sub({x, y, z}));
  EXPECT_EQ(*etr("exists x, y, z: x * y * z = 0").matrix->lhs, *mul({x, y, z}));
  // Runs of one operator fold to the left.
  EXPECT_EQ(*etr("exists x, y, z: x + y - z + x = 0").matrix->lhs,
            *add({sub({add({x, y}), z}), x}));
  // Parentheses group but add no node; they do stop the flattening.
  EXPECT_EQ(*etr("exists x, y, z: (x + y) + z = 0").matrix->lhs, *add({add({x, y}), z}));
  EXPECT_EQ(*etr("exists x, y, z: x + (y + z) = 0").matrix->lhs, *add({x, add({y, z})}));
  EXPECT_EQ(*etr("exists x: ((x)) = 0").matrix->lhs, *x);
}

TEST(EtrParse, PrecedenceOfArithmetic) {
  auto x = var("x"), y = var("y");
  EXPECT_EQ(*etr("exists x, y: x + 2 * y^3 = 0").matrix->lhs,
            *add({x, mul({num(2), power(y, 3)})}));
  EXPECT_EQ(*etr("exists x, y: -x * y = 0").matrix->lhs, *mul({neg(x), y}));
  EXPECT_EQ(*etr("exists x: -x^2 = 0").matrix->lhs, *neg(power(x, 2)));
  EXPECT_EQ(*etr("exists x: (-x)^2 = 0").matrix->lhs, *power(neg(x), 2));
  EXPECT_EQ(*etr("exists x, y: x * -y = 0").matrix->lhs, *mul({x, neg(y)}));
  EXPECT_EQ(*etr("exists x: 1/2^2 = x").matrix->lhs, *power(num(1, 2), 2));  // 1/2 is one literal
}

TEST(EtrParse, MinusBeforeALiteralIsPartOfTheConstant) {
  EXPECT_EQ(*etr("exists x: x = -3").matrix->rhs, *num(-3));
  EXPECT_EQ(*etr("exists x: x = - 3/4").matrix->rhs, *num(-3, 4));
  EXPECT_EQ(*etr("exists x: x = -(3)").matrix->rhs, *neg(num(3)));
  EXPECT_EQ(*etr("exists x: x = --3").matrix->rhs, *neg(num(-3)));
  EXPECT_EQ(*etr("exists x: x = -3^2").matrix->rhs, *neg(power(num(3), 2)));
  EXPECT_EQ(*etr("exists x: x - 3 = 0").matrix->lhs, *sub({var("x"), num(3)}));
  EXPECT_EQ(*etr("exists x: x + -3 = 0").matrix->lhs, *add({var("x"), num(-3)}));
}

TEST(EtrParse, AllSixRelations) {
  const std::pair<const char*, Relation> cases[] = {
      {"=", Relation::Equal},      {"!=", Relation::NotEqual}, {"<", Relation::Less},
      {"<=", Relation::LessEqual}, {">", Relation::Greater},   {">=", Relation::GreaterEqual},
      {"≠", Relation::NotEqual},   {"≤", Relation::LessEqual}, {"≥", Relation::GreaterEqual}};
  for (auto [symbol, relation] : cases) {
    SCOPED_TRACE(symbol);
    EXPECT_EQ(*etr(std::string("exists x: x ") + symbol + " 1").matrix,
              *atom(var("x"), relation, num(1)));
  }
}

TEST(EtrParse, ConnectivesAndTheirPrecedence) {
  auto a = atom(var("x"), Relation::Greater, num(0));
  auto b = atom(var("x"), Relation::Less, num(1));
  auto c = atom(var("x"), Relation::Equal, num(2));
  EXPECT_EQ(*etr("exists x: x > 0 or x < 1 and x = 2").matrix, *disj({a, conj({b, c})}));
  EXPECT_EQ(*etr("exists x: (x > 0 or x < 1) and x = 2").matrix, *conj({disj({a, b}), c}));
  EXPECT_EQ(*etr("exists x: not x > 0 and x < 1").matrix, *conj({negation(a), b}));
  EXPECT_EQ(*etr("exists x: not not (x > 0)").matrix, *negation(negation(a)));
  EXPECT_EQ(*etr("exists x: x > 0 and x < 1 and x = 2").matrix, *conj({a, b, c}));
  EXPECT_EQ(*etr("exists x: true and false").matrix,
            *conj({make_formula(Formula::Kind::True), make_formula(Formula::Kind::False)}));
}

TEST(EtrParse, UnicodeAndSymbolicKeywords) {
  Sentence words = etr("exists x, y: not x > 0 and y < 1 or x = y");
  EXPECT_EQ(etr("∃ x, y: ¬ x > 0 ∧ y < 1 ∨ x = y"), words);
  EXPECT_EQ(etr("∃x,y:¬x>0∧y<1∨x=y"), words);
  EXPECT_EQ(etr("exists x, y: !x > 0 && y < 1 || x = y"), words);
  // "not" only as a word: "nothing" is a name.
  EXPECT_EQ(etr("exists nothing: nothing > 0").variables[0].name, "nothing");
  EXPECT_EQ(etr("exists x': x' > 0").variables[0].name, "x'");
}

TEST(EtrParse, CommentsAndBlanks) {
  Sentence s = etr("# header\nexists x: # the variable\n\tx^2 = 2 # the equation\n# trailing");
  EXPECT_EQ(s, etr("exists x: x^2 = 2"));
  EXPECT_EQ(s.matrix->where.line, 3u);
  EXPECT_EQ(s.matrix->where.column, 2u);
}

TEST(EtrParse, NodesRememberTheirPositions) {
  Sentence s = etr("exists x, y:\n  x * y = 1 and\n  x + y = 3");
  ASSERT_EQ(s.matrix->operands.size(), 2u);
  const Formula& second = *s.matrix->operands[1];
  EXPECT_EQ(second.where.line, 3u);
  EXPECT_EQ(second.where.column, 3u);
  EXPECT_EQ(second.lhs->operands[1]->where.column, 7u);  // the y of x + y
  EXPECT_EQ(second.lhs->operands[1]->where.file, "t.etr");
}

TEST(EtrParse, SentenceWithoutVariables) {
  Sentence s = etr("exists: 1 + 1 = 2");
  EXPECT_TRUE(s.variables.empty());
  EXPECT_EQ(*s.matrix, *atom(add({num(1), num(1)}), Relation::Equal, num(2)));
}

TEST(EtrParse, ParseFileReportsMissingFiles) {
  try {
    parse_file("/nonexistent/dir/f.etr");
    FAIL() << "no error";
  } catch (const Diagnostic& d) {
    EXPECT_EQ(d.where().line, 0u);
    EXPECT_EQ(std::string(d.what()),
              "/nonexistent/dir/f.etr: error: cannot open file: No such file or directory "
              "[file-unreadable]");
  }
}

TEST(EtrParse, ParseFileRefusesDirectories) {
  try {
    parse_file(ETR2NN_SOURCE_DIR);
    FAIL() << "no error";
  } catch (const Diagnostic& d) {
    EXPECT_EQ(std::string(d.what()),
              std::string(ETR2NN_SOURCE_DIR) +
                  ": error: cannot read file: it is a directory [file-unreadable]");
  }
}

TEST(EtrParse, LanguageFollowsTheFileName) {
  EXPECT_EQ(language_of("a.smt2", "exists"), Language::SmtLib);
  EXPECT_EQ(language_of("a.etr", "(assert true)"), Language::Etr);
  EXPECT_EQ(language_of("-", "; comment\n  (assert true)"), Language::SmtLib);
  EXPECT_EQ(language_of("-", "# comment\nexists x: x = 1"), Language::Etr);
}

}  // namespace
}  // namespace etr2nn::etr
