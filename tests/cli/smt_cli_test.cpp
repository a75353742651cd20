// End to end: `etr2nn smt` writes a script z3 reads back, decides tiny
// datasets with --solve, and refuses bad arguments without leaving a file.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <z3++.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dataset/dataset.hpp"
#include "smtlib/smtlib.hpp"
#include "tool_test.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;
using testing::xor_dataset;

std::size_t count_lines_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) n += line.rfind(prefix, 0) == 0;
  return n;
}

class SmtCli : public testing::ToolTest {
 protected:
  fs::path data;
  void SetUp() override {
    ToolTest::SetUp();
    data = dir / "xor.json";
    std::ofstream(data) << xor_dataset;
  }
};
using Outcome = testing::ToolOutcome;
using testing::slurp;

z3::check_result decide_file(const fs::path& path) {
  z3::context context;
  z3::solver solver(context);
  solver.add(context.parse_file(path.string().c_str()));
  return solver.check();
}

TEST_F(SmtCli, WritesAScriptZ3ReadsBackWithTheDatasetsNeurons) {
  const fs::path out = dir / "xor.smt2";
  const Outcome r = run("smt '" + data.string() + "' -o '" + out.string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("4 points, 1 neurons, 11 variables, 12 assertions"), std::string::npos)
      << r.out;
  const std::string text = slurp(out);
  EXPECT_EQ(count_lines_starting(text, "(declare-fun "), 11u);  // 5 + 2 + 4
  EXPECT_EQ(count_lines_starting(text, "(assert "), 12u);       // 4 + 2 * 4
  EXPECT_NE(text.find("xor.json with m = 1"), std::string::npos);
  EXPECT_EQ(text.find(":status"), std::string::npos);
  EXPECT_EQ(decide_file(out), z3::unsat);

  const Outcome two =
      run("smt '" + data.string() + "' --output='" + out.string() + "' --neurons 2 --quiet");
  ASSERT_EQ(two.status, 0) << two.err;
  EXPECT_EQ(two.out, "");
  EXPECT_EQ(count_lines_starting(slurp(out), "(declare-fun "), 20u);  // 10 + 2 + 8
  EXPECT_EQ(decide_file(out), z3::sat);
}

TEST_F(SmtCli, StatusIsWrittenOnlyWhenGiven) {
  const fs::path out = dir / "xor.smt2";
  ASSERT_EQ(run("smt " + data.string() + " -o " + out.string() + " --status unsat --quiet").status,
            0);
  EXPECT_NE(slurp(out).find("(set-info :status unsat)\n"), std::string::npos);
}

TEST_F(SmtCli, SolveDecidesTinyDatasetsAndChecksAClaimedStatus) {
  Outcome r = run("smt " + data.string() + " --solve");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "unsat\n");
  r = run("smt " + data.string() + " --solve --neurons 2 --timeout-ms 30000");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "sat\n");
  r = run("smt " + data.string() + " --solve --status sat");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("z3 says unsat but --status is sat"), std::string::npos) << r.err;
}

TEST_F(SmtCli, UsageErrorsAndBadInputLeaveNoFile) {
  const fs::path out = dir / "out.smt2";
  EXPECT_EQ(run("smt " + data.string()).status, 2);  // neither -o nor --solve
  EXPECT_EQ(run("smt " + data.string() + " -o " + out.string() + " --status maybe").status, 2);
  EXPECT_EQ(run("smt " + data.string() + " -o " + out.string() + " --neurons -1").status, 2);
  EXPECT_EQ(run("smt " + data.string() + " -o " + out.string() + " --neurons x").status, 2);
  EXPECT_EQ(run("smt " + data.string() + " -o " + out.string() + " --timeout-ms 5").status, 2);
  EXPECT_EQ(run("smt -o " + out.string()).status, 2);
  std::ofstream(dir / "bad.json") << R"({"format": "etr2nn-dataset", "version": 1})";
  const Outcome bad = run("smt " + (dir / "bad.json").string() + " -o " + out.string());
  EXPECT_EQ(bad.status, 1);
  EXPECT_FALSE(bad.err.empty());
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(run("smt --help").status, 0);
}

// A compiled dataset: the sizes follow the formula of docs/smt-export.md.
TEST_F(SmtCli, CompiledSampleSizesFollowTheFormula) {
  const fs::path json = dir / "d.json", out = dir / "d.smt2";
  ASSERT_EQ(run("compile " + std::string(ETR2NN_SOURCE_DIR) + "/samples/inv_rational_sat.etr -o " +
                json.string() + " --quiet")
                .status,
            0);
  ASSERT_EQ(run("smt " + json.string() + " -o " + out.string() + " --status sat --quiet").status,
            0);
  const dataset::Dataset d = dataset::read_dataset(json.string());
  const auto size = smtlib::train_encoding_size(d.hidden_neurons, d.points.size());
  const std::string text = slurp(out);
  EXPECT_EQ(count_lines_starting(text, "(declare-fun "), size.variables);
  EXPECT_EQ(count_lines_starting(text, "(assert "), size.assertions);
  z3::context context;
  EXPECT_EQ(context.parse_string(text.c_str()).size(), size.assertions);
}

}  // namespace
}  // namespace etr2nn
