// Size and depth limits: long lines work, deep nesting is refused with a
// position instead of overflowing the stack.
#include <gtest/gtest.h>

#include "etr/detail/parse.hpp"
#include "etr/detail/print.hpp"
#include "helpers.hpp"

namespace etr2nn::etr {
namespace {

using test::error_of;

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Limits, OneMegabyteLine) {
  // 100,000 atoms on one line of more than 1 MB.
  std::string text = "exists x, y: x*y = 1" + repeat(" and x + y <= 12345/7", 100000);
  ASSERT_GT(text.size(), 1'000'000u);
  ASSERT_EQ(text.find('\n'), std::string::npos);
  Sentence s = test::etr(text);
  ASSERT_EQ(s.matrix->kind, Formula::Kind::And);
  EXPECT_EQ(s.matrix->operands.size(), 100001u);
  EXPECT_EQ(s.matrix->operands.back()->rhs->value, mpq_class(12345, 7));
  EXPECT_EQ(s.matrix->operands.back()->where.column, text.size() - 16 + 1);
}

TEST(Limits, OneMegabyteLineWithAnErrorAtItsEnd) {
  std::string text = "exists x: x = 1" + repeat(" and x = 1", 100000) + " and y = 1";
  EXPECT_EQ(error_of(text, Language::Etr), "t.etr:1:" + std::to_string(text.size() - 4) +
                                               ": error: unbound variable 'y' [unbound-variable]");
}

TEST(Limits, HundredThousandParenthesesAreRefusedAtTheLimit) {
  const std::size_t n = 100000;
  std::string text = "exists x: " + repeat("(", n) + "x > 0" + repeat(")", n);
  // Level max_nesting + 1 starts after "exists x: " and max_nesting + 1 '('.
  EXPECT_EQ(error_of(text, Language::Etr), "t.etr:1:" + std::to_string(10 + max_nesting + 2) +
                                               ": error: nested too deeply: more than " +
                                               std::to_string(max_nesting) +
                                               " levels [nesting-too-deep]");
}

TEST(Limits, NestingUpToTheLimitParses) {
  const std::size_t n = max_nesting - 1;
  std::string text = "exists x: " + repeat("(", n) + "x > 0" + repeat(")", n);
  EXPECT_EQ(test::etr(text), test::etr("exists x: x > 0"));
  // The tree is deeper than the text by the atom's own levels.
  std::string nots = "exists x: " + repeat("not ", n - 2) + "x > 0";
  EXPECT_EQ(test::etr(nots).matrix->kind, Formula::Kind::Not);
}

// Found by the fuzzer: "-(-(...))" took two levels per '-', so a chain the
// parser accepted printed to text it refused.
TEST(Limits, ChainsJustInsideTheLimitPrintToTextThatParses) {
  const std::size_t n = max_nesting - 3;
  for (const std::string& text :
       {"exists x: " + repeat("-", n) + "x = 1",
        "exists x: " + repeat("-", n / 3) + "3" + repeat("-", n) + "x = 1",
        "exists x: " + repeat("-", n) + "3 = x", "exists x: " + repeat("not ", n - 2) + "x > 0"}) {
    const Sentence sentence = test::etr(text);
    EXPECT_EQ(test::etr(print(sentence)), sentence) << text.substr(0, 40);
  }
}

TEST(Limits, DeepNotAndMinusAreRefused) {
  const std::size_t n = 100000;
  EXPECT_NE(error_of("exists x: " + repeat("not ", n) + "x > 0", Language::Etr)
                .find("error: nested too deeply: more than 1000 levels"),
            std::string::npos);
  EXPECT_NE(error_of("exists x: " + repeat("-", n) + "x > 0", Language::Etr)
                .find("error: nested too deeply: more than 1000 levels"),
            std::string::npos);
}

TEST(Limits, HundredThousandSmtListsAreRefusedAtTheLimit) {
  const std::size_t n = 100000;
  std::string text = "(assert " + repeat("(not ", n) + "true" + repeat(")", n) + ")";
  // Level max_nesting + 1 is the (max_nesting)th "(not " after "(assert ".
  EXPECT_EQ(error_of(text, Language::SmtLib),
            "t.smt2:1:" + std::to_string(8 + 5 * (max_nesting - 1) + 2) +
                ": error: nested too deeply: more than " + std::to_string(max_nesting) +
                " levels [nesting-too-deep]");
}

TEST(Limits, AlternatingSignsCountAsDepth) {
  // x + x - x + x - ...: each change of operator nests the left-folded tree.
  std::string ok = "exists x: x" + repeat(" + x - x", 400) + " = 0";
  EXPECT_NO_THROW(test::etr(ok));
  std::string deep = "exists x: x" + repeat(" + x - x", 600) + " = 0";
  EXPECT_EQ(
      error_of(deep, Language::Etr),
      "t.etr:1:11: error: expression nested too deeply: more than 1000 levels [nesting-too-deep]");
}

TEST(Limits, LongFlatChainsHaveNoDepth) {
  std::string text = "exists x: x" + repeat(" + x", 200000) + " = 0";
  Sentence s = test::etr(text);
  EXPECT_EQ(s.matrix->lhs->operands.size(), 200001u);
}

}  // namespace
}  // namespace etr2nn::etr
