// End to end: the flows of src/pipeline as the commands run them. Outputs
// are committed only when everything that must hold has held; the
// completeness of a reduction is worded once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tool_test.hpp"

namespace etr2nn {
namespace {

using nlohmann::json;
using testing::sample;
using testing::slurp;

class Flows : public testing::ToolTest {
 protected:
  std::string path(const std::string& name) const { return (dir / name).string(); }
};

// The witness cannot be written (/dev/full: no space left) after the dataset
// was: the dataset that was at the target before is still there. (Before the
// flow moved into src/pipeline, compile committed the dataset and then
// removed it, losing the previous file.)
TEST_F(Flows, AFailedWitnessLeavesThePreviousDatasetInPlace) {
  std::ofstream(path("d.json")) << "previous";
  const testing::ToolOutcome c = run("compile " + sample("inv_rational_sat.etr") + " -o " +
                                     path("d.json") + " --witness /dev/full");
  EXPECT_EQ(c.status, 1) << c.err;
  EXPECT_NE(c.err.find("/dev/full: error: cannot write: No space left on device [file-unwritable]"),
            std::string::npos)
      << c.err;
  EXPECT_EQ(slurp(path("d.json")), "previous");
  EXPECT_EQ(entries(), 1u);  // no temporary left either
}

TEST_F(Flows, CompileReadsBothFilesBackBeforeCommittingThem) {
  const testing::ToolOutcome c = run("compile " + sample("inv_irrational_sat.etr") + " -o " +
                                     path("d.json") + " --witness " + path("n.json"));
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(c.out.find("verified exactly on every point, and again on both files as written"),
            std::string::npos)
      << c.out;
  // To standard output the dataset cannot be read back, and the summary says so
  // by not claiming it.
  const testing::ToolOutcome s =
      run("compile " + sample("inv_rational_sat.etr") + " -o - --witness " + path("m.json"));
  ASSERT_EQ(s.status, 0) << s.err;
  EXPECT_EQ(s.err.find("and again on both files"), std::string::npos) << s.err;
  EXPECT_NE(s.err.find("verified exactly on every point"), std::string::npos) << s.err;
}

// compile's summary, the dataset meta and normalize's header say the same.
TEST_F(Flows, CompletenessIsWordedOnce) {
  const std::string words =
      "complete only for solutions with every |x_i| <= 2^(2^K); sound for all";
  const testing::ToolOutcome c =
      run("compile " + sample("sqrt2.etr") + " --bound-exponent 2 -o " + path("d.json"));
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(c.out.find("K = 2, safe K = 368: " + words), std::string::npos) << c.out;
  EXPECT_EQ(json::parse(std::ifstream(path("d.json")))["meta"]["reduction"]["completeness"], words);
  const testing::ToolOutcome n =
      run("normalize " + sample("sqrt2.etr") + " --bound-exponent 2 -o " + path("x.etr"));
  ASSERT_EQ(n.status, 0) << n.err;
  EXPECT_NE(slurp(path("x.etr")).find("K = 2: " + words), std::string::npos);
  EXPECT_NE(n.out.find("K = 2 (safe K = 368): " + words), std::string::npos) << n.out;
}

TEST_F(Flows, WitnessOfADatasetRefusesABoundExponent) {
  ASSERT_EQ(run("compile " + sample("inv_rational_sat.etr") + " -o " + path("d.json")).status, 0);
  const testing::ToolOutcome w =
      run("witness " + path("d.json") + " --bound-exponent 3 -o " + path("n.json"));
  EXPECT_EQ(w.status, 2);
  EXPECT_NE(w.err.find("--bound-exponent is for a formula"), std::string::npos) << w.err;
}

}  // namespace
}  // namespace etr2nn
