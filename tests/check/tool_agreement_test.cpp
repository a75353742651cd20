// The checker on what the built etr2nn writes: compile --witness on the shipped
// samples, then check::verify_files on the files, as they are and with one
// label changed. Only the tool's files are shared with the producer.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "check/detail/evaluate.hpp"
#include "check/detail/read_dataset.hpp"
#include "check/detail/read_network.hpp"
#include "check/detail/verify.hpp"
#include "tests/cli/tool_test.hpp"

namespace etr2nn::check {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The shared tool runner of the CLI tests (tests/cli/tool_test.hpp): it needs
// nothing from the producer, so this binary still links the checker alone.
class ToolAgreement : public testing::ToolTest {
 protected:
  std::string path(const std::string& name) const { return (dir / name).string(); }
};

using testing::sample;

// The dataset with out1 of point j raised by 1/3 and "labels" recomputed
// (the checker insists that they list exactly the labels the points carry).
void change_label(const std::string& from, const std::string& to, std::size_t j, bool drop_meta) {
  json d = json::parse(std::ifstream(from));
  if (drop_meta) d.erase("meta");
  auto& label = d["points"][j]["y"];
  label[0] = mpq_class(mpq_class(label[0].get<std::string>()) + mpq_class(1, 3)).get_str();
  std::set<std::pair<mpq_class, mpq_class>> labels;
  for (const auto& p : d["points"])
    labels.emplace(mpq_class(p["y"][0].get<std::string>()),
                   mpq_class(p["y"][1].get<std::string>()));
  d["labels"] = json::array();
  for (const auto& [a, b] : labels) d["labels"].push_back({a.get_str(), b.get_str()});
  std::ofstream(to) << d.dump();
}

TEST_F(ToolAgreement, CompiledWitnessesVerifyAndAChangedLabelIsTheOneFailure) {
  for (const char* name : {"inv_rational_sat.etr", "inv_irrational_sat.etr"}) {
    SCOPED_TRACE(name);
    const testing::ToolOutcome compiled = run("compile " + sample(name) + " -o " + path("d.json") +
                                              " --witness " + path("n.json") + " --quiet");
    ASSERT_EQ(compiled.status, 0) << compiled.err;
    const std::size_t points = json::parse(std::ifstream(path("d.json")))["points"].size();
    ASSERT_GT(points, 0u);

    const Report r = verify_files(path("d.json"), path("n.json"));
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.points, points);
    EXPECT_EQ(r.rational, std::string(name) == "inv_rational_sat.etr");

    // With the meta and without it: the checker never reads it.
    for (bool drop_meta : {false, true}) {
      const std::size_t j = points / 2;
      change_label(path("d.json"), path("changed.json"), j, drop_meta);
      const Report c = verify_files(path("changed.json"), path("n.json"));
      EXPECT_EQ(c.points, points);
      EXPECT_EQ(c.failures, 1u);
      ASSERT_EQ(c.first_failures.size(), 1u);
      EXPECT_EQ(c.first_failures[0].index, j);
      EXPECT_EQ(c.first_failures[0].residual[0], Real(mpq_class(-1, 3)));
      EXPECT_EQ(c.first_failures[0].residual[1], Real(0));
    }

    // The tool's verify runs on the checker: the meta, now inconsistent with
    // the changed label, is not read, and the point is reported.
    change_label(path("d.json"), path("withmeta.json"), 0, false);
    const testing::ToolOutcome v =
        run("verify " + path("withmeta.json") + " " + path("n.json") + " --quiet");
    EXPECT_EQ(v.status, 1);
    const std::string log = v.out + v.err;
    EXPECT_NE(log.find("FAILED: 1 of " + std::to_string(points) + " points"), std::string::npos)
        << log;
    EXPECT_NE(log.find("  point 0 at "), std::string::npos) << log;
  }
}

// Every point of a compiled sample against its witness: the grouped evaluator
// (integer path for the rational witness) says "fits" exactly where the
// definition does, and a label moved by 1/3 never fits.
TEST_F(ToolAgreement, FastEvaluationAgreesWithTheDefinitionOnEveryWitnessPoint) {
  for (const char* name : {"inv_rational_sat.etr", "inv_irrational_sat.etr"}) {
    SCOPED_TRACE(name);
    const testing::ToolOutcome compiled = run("compile " + sample(name) + " -o " + path("d.json") +
                                              " --witness " + path("n.json") + " --quiet");
    ASSERT_EQ(compiled.status, 0) << compiled.err;
    const Dataset d = read_dataset(path("d.json"));
    const Network n = read_network(path("n.json"));
    const Evaluator f(n);
    EXPECT_EQ(f.integer_path(), std::string(name) == "inv_rational_sat.etr");
    ASSERT_FALSE(d.points.empty());
    for (std::size_t j = 0; j < d.points.size(); ++j) {
      const auto& p = d.points[j];
      const Output naive = evaluate_naive(n, p.x);
      const Output label = {Real(p.y.out1), Real(p.y.out2)};
      EXPECT_EQ(f.fits(p.x, p.y), naive == label) << j;
      EXPECT_TRUE(f.fits(p.x, p.y)) << j;
      EXPECT_FALSE(f.fits(p.x, {p.y.out1 + mpq_class(1, 3), p.y.out2})) << j;
    }
  }
}

}  // namespace
}  // namespace etr2nn::check
