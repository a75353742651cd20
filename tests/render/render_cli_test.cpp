// End to end: etr2nn render on a compiled sample and on gadget profiles;
// exit codes 0 (drawn), 1 (bad input), 2 (bad usage), and no file on error.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../cli/tool_test.hpp"
#include "svg_check.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;

using Outcome = testing::ToolOutcome;
using testing::slurp;

class RenderCli : public testing::ToolTest {
 protected:
  // The sample compiled by the binary, as a user would.
  std::string compiled_sample() const {
    const std::string path = (dir / "sample.json").string();
    const std::string command = std::string("'") + ETR2NN_BINARY + "' compile '" +
                                ETR2NN_SOURCE_DIR + "/samples/inv_rational_sat.etr' -o '" + path +
                                "' --quiet";
    EXPECT_EQ(std::system(command.c_str()), 0);
    return path;
  }
  std::string q(const fs::path& p) const { return "'" + p.string() + "'"; }
  // The sample's witness network, made by the binary from its one solution.
  std::string witness(const std::string& data) const {
    const fs::path assign = dir / "assign.json";
    std::ofstream(assign) << R"({"x": "1", "y": "1/2", "z": "2"})";
    const std::string path = (dir / "witness.json").string();
    const std::string command = std::string("'") + ETR2NN_BINARY + "' witness '" + data +
                                "' --assign " + q(assign) + " -o '" + path + "' >/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0);
    return path;
  }
};

// The big-endian number at `offset` of a file's bytes.
unsigned be32(const std::string& bytes, std::size_t offset) {
  unsigned v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes.at(offset + i));
  return v;
}

TEST_F(RenderCli, DrawsANetworkOverTheArrangement) {
  const std::string data = compiled_sample();
  const std::string network = witness(data);
  const Outcome r =
      run("render " + q(data) + " --network " + q(network) + " -o " + q(dir / "n.svg"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("58 neurons (58 assigned to gadgets, 0 unassigned); misses 0 of 478 points"),
            std::string::npos)
      << r.out;
  const auto doc = render::testing::parse_xml(slurp(dir / "n.svg"));
  EXPECT_EQ(doc.with_class("line", "breakline").size(), 58u);  // region all: every neuron
  EXPECT_TRUE(doc.with_class("g", "miss").empty());
}

TEST_F(RenderCli, FloatWeightsAreRefusedUnlessAskedForThenExact) {
  const std::string data = compiled_sample();
  std::string text = slurp(witness(data));
  // A trained network's style: the first weight as a JSON float.
  const std::string first = R"("b":"-5/2")";
  ASSERT_NE(text.find(first), std::string::npos);
  text.replace(text.find(first), first.size(), R"("b":-2.5)");
  std::ofstream(dir / "float.json") << text;
  const fs::path svg = dir / "f.svg";
  const Outcome refused =
      run("render " + q(data) + " --network " + q(dir / "float.json") + " -o " + q(svg));
  EXPECT_EQ(refused.status, 1) << refused.err;
  EXPECT_NE(refused.err.find("float.json"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(svg));
  const Outcome read = run("render " + q(data) + " --network " + q(dir / "float.json") +
                           " --float-weights -o " + q(svg));
  ASSERT_EQ(read.status, 0) << read.err;
  EXPECT_NE(read.out.find("misses 0 of 478"), std::string::npos) << read.out;  // -2.5 is exact
}

TEST_F(RenderCli, CrossSectionFocusOverviewAndPng) {
  const std::string data = compiled_sample();
  const std::string network = witness(data);
  const Outcome section =
      run("render " + q(data) + " --network " + q(network) + " --gadget z -o " + q(dir / "g.svg"));
  ASSERT_EQ(section.status, 0) << section.err;
  EXPECT_NE(section.out.find("0 missed"), std::string::npos) << section.out;
  const auto doc = render::testing::parse_xml(slurp(dir / "g.svg"));
  EXPECT_EQ(doc.with_class("polyline", "section").size(), 6u);
  bool decoded = false;
  for (const auto* t : doc.with_class("text", "slope"))
    decoded = decoded || t->text.find("z = 2") != std::string::npos;
  EXPECT_TRUE(decoded);

  const Outcome focus =
      run("render " + q(data) + " --focus 'constraint:x+x=z' -o " + q(dir / "f.svg"));
  ASSERT_EQ(focus.status, 0) << focus.err;
  EXPECT_NE(focus.out.find("region column:1"), std::string::npos) << focus.out;

  const Outcome overview = run("render " + q(data) + " --region overview -o " + q(dir / "o.svg"));
  ASSERT_EQ(overview.status, 0) << overview.err;
  EXPECT_EQ(
      render::testing::parse_xml(slurp(dir / "o.svg")).with_class("rect", "column-cell").size(),
      3u);

  const Outcome png = run("render " + q(data) + " --region column:0 --network " + q(network) +
                          " -o " + q(dir / "c.png") + " --width 640");
  ASSERT_EQ(png.status, 0) << png.err;
  const std::string bytes = slurp(dir / "c.png");
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(be32(bytes, 16), 640u);
}

TEST_F(RenderCli, NetworkAndFocusUsageErrors) {
  const std::string data = compiled_sample();
  const std::string network = witness(data);
  const std::size_t before = entries();
  const fs::path svg = dir / "out.svg";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"render " + q(data) + " --gadget 0 -o " + q(svg), "needs --network"},
      {"render " + q(data) + " --network " + q(network) + " --gadget 99 -o " + q(svg),
       "the arrangement has 12 gadgets"},
      {"render " + q(data) + " --network " + q(network) + " --gadget w -o " + q(svg),
       "no variable 'w'"},
      {"render " + q(data) + " --focus variable:zz -o " + q(svg), "closest: 'z'"},
      {"render " + q(data) + " --focus 'constraint:x+x=y' -o " + q(svg), "closest: 'x + x = z'"},
      {"render " + q(data) + " --focus constraint:3 -o " + q(svg), "does not exist"},
      {"render " + q(data) + " --focus all -o " + q(svg), "expected variable:NAME"},
      {"render " + q(data) + " --focus constraint:0 --region all -o " + q(svg), "give one"},
      {"render " + q(data) + " --width 100 -o " + q(svg), "--width sets a PNG's size"},
      {"render " + q(data) + " --width 0 -o " + q(dir / "x.png"), "--width needs"},
      {"render " + q(data) + " --float-weights -o " + q(svg), "goes with --network"},
      {"render " + q(data) + " --network " + q(network) + " -o " + q(network), "output"},
  };
  for (const auto& [args, message] : cases) {
    const Outcome r = run(args);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(entries(), before) << args;
  }
}

TEST_F(RenderCli, DrawsADatasetWithEveryPoint) {
  const std::string data = compiled_sample();
  const fs::path svg = dir / "all.svg";
  const Outcome r = run("render " + q(data) + " -o " + q(svg));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("468 data points, 10 constraint points, 12 strips"), std::string::npos)
      << r.out;
  const auto doc = render::testing::parse_xml(slurp(svg));
  EXPECT_EQ(doc.all("circle").size(), 478u);
}

TEST_F(RenderCli, ColumnStackAndLanesRegions) {
  const std::string data = compiled_sample();
  const Outcome column = run("render " + q(data) + " --region column:2 -o " + q(dir / "c.svg"));
  ASSERT_EQ(column.status, 0) << column.err;
  const auto doc = render::testing::parse_xml(slurp(dir / "c.svg"));
  std::size_t own = 0;
  for (const auto* m : doc.with_class("circle", "constraint-point"))
    own += m->attribute("data-constraint") == "2";
  EXPECT_EQ(own, 1u);
  const Outcome stack = run("render " + q(data) + " --region=stack --quiet -o " + q(dir / "s.svg"));
  ASSERT_EQ(stack.status, 0) << stack.err;
  EXPECT_EQ(stack.out, "");  // --quiet
  EXPECT_EQ(
      render::testing::parse_xml(slurp(dir / "s.svg")).with_class("circle", "data-point").size(),
      3u * 39u);
  const Outcome lanes = run("render " + q(data) + " --region lanes:V -o " + q(dir / "l.svg"));
  ASSERT_EQ(lanes.status, 0) << lanes.err;
  EXPECT_NE(lanes.out.find("region lanes:V"), std::string::npos) << lanes.out;
  EXPECT_EQ(render::testing::parse_xml(slurp(dir / "l.svg")).with_class("line", "lane").size(), 3u);
}

TEST_F(RenderCli, DrawsAProfile) {
  const Outcome r = run("render --profile I --x 1/2 -o " + q(dir / "i.svg"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("X = 1/2"), std::string::npos) << r.out;
  const auto doc = render::testing::parse_xml(slurp(dir / "i.svg"));
  EXPECT_EQ(doc.all("polyline").size(), 2u);
  EXPECT_EQ(run("render --profile D --x=0.75 --quiet -o " + q(dir / "d.svg")).status, 0);
  EXPECT_TRUE(fs::exists(dir / "d.svg"));
}

TEST_F(RenderCli, UsageErrorsExitTwoAndWriteNothing) {
  const std::string data = compiled_sample();
  const std::size_t before = entries();
  const fs::path svg = dir / "out.svg";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"render " + q(data), "missing -o"},
      {"render -o " + q(svg), "expected exactly one DATASET.json"},
      {"render " + q(data) + " --region diagonal -o " + q(svg),
       "expected all, stack, stack:N, column:N, gadget:N, lanes or lanes:F"},
      {"render " + q(data) + " --region lanes:Q -o " + q(svg), "F one of C, V, P, M"},
      {"render " + q(data) + " --region column:3 -o " + q(svg),
       "column:3: the instance has 3 constraints (column:0 to column:2)"},
      {"render " + q(data) + " --region stack:3 -o " + q(svg), "has 3 variables"},
      {"render " + q(data) + " --bogus -o " + q(svg), "unknown option --bogus"},
      {"render " + q(data) + " --x 1 -o " + q(svg), "--x goes with --profile"},
      {"render --profile Q --x 1 -o " + q(svg), "unknown gadget kind 'Q'"},
      {"render --profile I -o " + q(svg), "needs --x"},
      {"render --profile I --x one -o " + q(svg), "exact rational"},
      {"render --profile I --x 3 -o " + q(svg), "outside the I gadget's range [1/2, 2]"},
      {"render --profile I --x 1/0 -o " + q(svg), "exact rational"},
      {"render --profile I --x 1 " + q(data) + " -o " + q(svg), "not a dataset"},
      {"render --profile I --x 1 --region all -o " + q(svg), "--region is for datasets"},
  };
  for (const auto& [args, message] : cases) {
    const Outcome r = run(args);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(entries(), before) << args;
  }
}

TEST_F(RenderCli, BadInputExitsOneAndWritesNothing) {
  const fs::path svg = dir / "out.svg";
  // A missing file, a broken file, datasets without meta (a hand-made
  // Train-F2NN instance: readable in format versions 1 and 2, but there is no
  // arrangement to draw), an unwritable output.
  std::ofstream(dir / "broken.json") << "{\"format\": \"etr2nn-dataset\", \"version\": 1,";
  for (const char* version : {"1", "2"})
    std::ofstream(dir / ("plain" + std::string(version) + ".json"))
        << "{\"format\": \"etr2nn-dataset\", \"version\": " << version
        << ", \"inputs\": 2, \"outputs\": 2,"
           " \"hidden_neurons\": 1, \"target_error\": \"0\", \"labels\": [[\"0\", \"0\"]],"
           " \"points\": [{\"x\": [\"0\", \"0\"], \"y\": [\"0\", \"0\"]}]}";
  const std::size_t before = entries();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"render " + q(dir / "missing.json") + " -o " + q(svg), "missing.json"},
      {"render " + q(dir / "broken.json") + " -o " + q(svg), "broken.json"},
      {"render " + q(dir / "plain1.json") + " -o " + q(svg), "no meta"},
      {"render " + q(dir / "plain2.json") + " -o " + q(svg), "no meta"},
      {"render --profile D --x 1 -o " + q(dir / "no" / "such" / "dir.svg"), "dir.svg"},
  };
  for (const auto& [args, message] : cases) {
    const Outcome r = run(args);
    EXPECT_EQ(r.status, 1) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(entries(), before) << args;
    EXPECT_FALSE(fs::exists(svg));
  }
}

TEST_F(RenderCli, HelpExitsZero) {
  const Outcome r = run("render --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("--region column:N"), std::string::npos);
  EXPECT_NE(r.out.find("--region lanes:F"), std::string::npos);
  EXPECT_NE(r.out.find("--profile"), std::string::npos);
}

}  // namespace
}  // namespace etr2nn
