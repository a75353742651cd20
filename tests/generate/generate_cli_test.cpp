// etr2nn generate: the files it writes, and what it refuses.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/tool_test.hpp"

namespace etr2nn::testing {
namespace {

using GenerateCli = ToolTest;

TEST_F(GenerateCli, SameArgumentsSameBytesAndTheAssignment) {
  const std::string a = (dir / "a.etr").string(), b = (dir / "b.etr").string();
  const auto first = run("generate --family planted --size 15 --seed 3 -o " + a + " --assign-out " +
                         (dir / "a.assign.json").string());
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_EQ(run("generate --family planted --size 15 --seed 3 -o " + b).status, 0);
  EXPECT_EQ(slurp(a), slurp(b));
  EXPECT_EQ(slurp(a).rfind("# etr2nn generate --family planted --size 15 --seed 3\n", 0), 0u);
  const auto assignment = nlohmann::json::parse(slurp(dir / "a.assign.json"));
  EXPECT_TRUE(assignment.is_object());
  EXPECT_FALSE(assignment.empty());
  // The formula and its solution are what compile --witness --assign takes.
  const auto compiled = run("compile " + a + " -o " + (dir / "a.json").string() + " --witness " +
                            (dir / "a.network.json").string() + " --assign " +
                            (dir / "a.assign.json").string() + " --quiet");
  EXPECT_EQ(compiled.status, 0) << compiled.err;
  // Standard output carries the same text.
  const auto out = run("generate --family planted --size 15 --seed 3 -o -");
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(out.out, slurp(a));
}

TEST_F(GenerateCli, BadArgumentsAreUsageErrorsAndLeaveNoFile) {
  auto unknown = run("generate --family nope --size 5 --seed 1 -o " + (dir / "x.etr").string());
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("planted, planted-algebraic, unsat-hidden"), std::string::npos)
      << unknown.err;
  EXPECT_EQ(
      run("generate --family planted --size 5 --seed 1 -o " + (dir / "x.json").string()).status, 2);
  EXPECT_EQ(
      run("generate --family planted --size 0 --seed 1 -o " + (dir / "x.etr").string()).status, 2);
  EXPECT_EQ(run("generate --family planted --seed 1 -o " + (dir / "x.etr").string()).status, 2);
  EXPECT_EQ(
      run("generate --family planted --size 5 --seed -1 -o " + (dir / "x.etr").string()).status, 2);
  const auto false_assign =
      run("generate --family unsat-hidden --size 5 --seed 1 -o " + (dir / "x.etr").string() +
          " --assign-out " + (dir / "x.assign.json").string());
  EXPECT_EQ(false_assign.status, 2);
  EXPECT_NE(false_assign.err.find("no solution"), std::string::npos) << false_assign.err;
  EXPECT_EQ(entries(), 0u);
}

}  // namespace
}  // namespace etr2nn::testing
