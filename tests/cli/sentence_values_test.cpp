// End to end: a dataset compiled from a general sentence speaks that
// sentence's language. `witness D.json --assign` takes the sentence's own
// variables (the forward map re-run from meta.reduction), and `decode`
// reports them (the backward map x = (X - 1)/(E - 1)) and evaluates the
// recorded sentence there. Both from the file alone: the formula is not read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "tool_test.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::sample;
using testing::slurp;

// x = sqrt(2), exactly, as the assignment files write it.
const char* const sqrt2 = R"({"x": {"root_of": ["-2", "0", "1"], "in": ["1", "2"]}})";

class SentenceValues : public testing::ToolTest {
 protected:
  std::string path(const std::string& name) const { return (dir / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return path(name);
  }

  // samples/sqrt2.etr (exists x: x^2 = 2) compiled with K = 2 and no witness,
  // so the network below comes from the dataset alone.
  std::string compiled_sqrt2() const {
    const testing::ToolOutcome c =
        run("compile " + sample("sqrt2.etr") + " --bound-exponent 2 -o " + path("d.json"));
    EXPECT_EQ(c.status, 0) << c.err;
    return path("d.json");
  }

  // The dataset with meta.reduction edited by `change`.
  std::string edited(const std::string& data, const std::function<void(json&)>& change) const {
    json d = json::parse(std::ifstream(data));
    change(d["meta"]["reduction"]);
    std::ofstream(path("edited.json")) << d.dump();
    return path("edited.json");
  }
};

TEST_F(SentenceValues, MetaRecordsTheSentenceAndE) {
  const json r = json::parse(std::ifstream(compiled_sqrt2()))["meta"]["reduction"];
  EXPECT_EQ(r["sentence"], "exists x: x^2 = 2");
  EXPECT_EQ(r["epsilon"], "E");
  EXPECT_EQ(r["carrier"], json({{"x", "X_x"}}));
}

TEST_F(SentenceValues, WitnessTakesTheSentencesVariablesAndDecodeGivesThemBack) {
  const std::string data = compiled_sqrt2();
  const testing::ToolOutcome w =
      run("witness " + data + " --assign " + write("a.json", sqrt2) + " -o " + path("n.json"));
  ASSERT_EQ(w.status, 0) << w.err;
  const testing::ToolOutcome v = run("verify " + data + " " + path("n.json") + " --quiet");
  EXPECT_EQ(v.status, 0) << v.out << v.err;

  const testing::ToolOutcome d = run("decode " + data + " " + path("n.json") + " --quiet");
  EXPECT_EQ(d.status, 0) << d.out << d.err;
  EXPECT_NE(d.out.find("the sentence's variables (backward map x = (X - 1)/(E - 1), exactly):\n"
                       "  x = root-obj([-2, 0, 1], "),
            std::string::npos)
      << d.out;
  EXPECT_NE(d.out.find("~ 1.41421356237\nthe sentence holds at these values"), std::string::npos)
      << d.out;
}

// Without --assign, z3 solves the recorded sentence (one variable) rather
// than the scaled instance (126 variables), and the result maps forward.
TEST_F(SentenceValues, WitnessWithoutAssignmentSolvesTheRecordedSentence) {
  const std::string data = compiled_sqrt2();
  const testing::ToolOutcome w = run("witness " + data + " -o " + path("n.json"));
  ASSERT_EQ(w.status, 0) << w.err;
  const testing::ToolOutcome d = run("decode " + data + " " + path("n.json") + " --quiet");
  EXPECT_EQ(d.status, 0) << d.out << d.err;
  EXPECT_NE(d.out.find("the sentence holds at these values"), std::string::npos) << d.out;
}

TEST_F(SentenceValues, WrongValuesAreExplainedAndNothingIsWritten) {
  const std::string data = compiled_sqrt2();
  const testing::ToolOutcome missing =
      run("witness " + data + " --assign " + write("y.json", R"({"y": "1"})") + " -o " +
          path("n.json"));
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("the values do not name all 126 variables of meta.instance, so they "
                             "are read as a solution of the sentence the dataset was compiled "
                             "from (variables x): no value is given for x"),
            std::string::npos)
      << missing.err;
  const testing::ToolOutcome wrong =
      run("witness " + data + " --assign " + write("one.json", R"({"x": "1"})") + " -o " +
          path("n.json"));
  EXPECT_EQ(wrong.status, 1);
  EXPECT_NE(wrong.err.find("the given values do not satisfy the sentence"), std::string::npos)
      << wrong.err;
  EXPECT_FALSE(fs::exists(path("n.json")));
}

// With K = 21 a witness would hold numbers of 2^22 bits: refused (the safe K
// of x^2 = 2, 368, the default of compile, is refused the same way).
TEST_F(SentenceValues, AScaleTooFineToWriteIsRefusedWithTheReason) {
  ASSERT_EQ(
      run("compile " + sample("sqrt2.etr") + " --bound-exponent 21 -o " + path("d.json")).status,
      0);
  const testing::ToolOutcome w = run("witness " + path("d.json") + " --assign " +
                                     write("a.json", sqrt2) + " -o " + path("n.json"));
  EXPECT_EQ(w.status, 2) << "a limit, like a usage error";
  EXPECT_NE(w.err.find("the values cannot be mapped onto this dataset: K = 21"), std::string::npos)
      << w.err;
  EXPECT_FALSE(fs::exists(path("n.json")));
}

TEST_F(SentenceValues, OlderMetaWithoutTheRecordsSaysWhatIsMissing) {
  const std::string data = compiled_sqrt2();
  ASSERT_EQ(run("witness " + data + " --assign " + write("a.json", sqrt2) + " -o " + path("n.json"))
                .status,
            0);
  const std::string older = edited(data, [](json& r) {
    r.erase("sentence");
    r.erase("epsilon");
  });
  const testing::ToolOutcome w =
      run("witness " + older + " --assign " + path("a.json") + " -o " + path("m.json"));
  EXPECT_EQ(w.status, 1);
  EXPECT_NE(w.err.find("does not record the sentence it was compiled from"), std::string::npos)
      << w.err;
  EXPECT_NE(w.err.find("give the formula instead"), std::string::npos) << w.err;
  const testing::ToolOutcome d = run("decode " + older + " " + path("n.json") + " --quiet");
  EXPECT_EQ(d.status, 0) << d.err;
  EXPECT_NE(d.out.find("the meta does not name E"), std::string::npos) << d.out;
}

TEST_F(SentenceValues, ARecordNamingAMissingVariableIsAMalformedFile) {
  const std::string bad =
      edited(compiled_sqrt2(), [](json& r) { r["carrier"]["x"] = "no_such_variable"; });
  const testing::ToolOutcome i = run("inspect " + bad);
  EXPECT_EQ(i.status, 1);
  EXPECT_NE(i.err.find("meta.reduction.carrier.x: no variable \"no_such_variable\" in "
                       "meta.instance"),
            std::string::npos)
      << i.err;
}

// A sentence recorded in the file but edited so that the chain no longer
// gives the file's instance: the forward map refuses instead of building a
// network for another instance.
TEST_F(SentenceValues, ASentenceThatDoesNotGiveTheInstanceIsRefused) {
  const std::string bad =
      edited(compiled_sqrt2(), [](json& r) { r["sentence"] = "exists x: x^2 = 3"; });
  const testing::ToolOutcome w =
      run("witness " + bad + " --assign " +
          write("a.json", R"({"x": {"root_of": ["-3", "0", "1"], "in": ["1", "2"]}})") + " -o " +
          path("n.json"));
  EXPECT_EQ(w.status, 1);
  EXPECT_NE(w.err.find("does not give meta.instance"), std::string::npos) << w.err;
  EXPECT_FALSE(fs::exists(path("n.json")));
}

}  // namespace
}  // namespace etr2nn
