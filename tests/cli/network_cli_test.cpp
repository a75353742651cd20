// End to end: etr2nn witness / verify / decode on dataset files written by the
// library (so these tests do not depend on the formula parser).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>

#include "dataset/dataset.hpp"
#include "etr/etr.hpp"
#include "generate/generate.hpp"
#include "layout/layout.hpp"
#include "network/network.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;
using etrinv::Constraint;
using nlohmann::json;
using K = Constraint::Kind;

struct Outcome {
  int status;
  std::string out;
};

Outcome run_tool(const std::string& arguments) {
  std::string command = std::string(ETR2NN_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string sample(const std::string& name) {
  return std::string(ETR2NN_SOURCE_DIR) + "/samples/" + name;
}

class NetworkCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("etr2nn_network_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // samples/inv_rational_sat.etr as an instance, compiled to a dataset file.
  std::string rational_sat_dataset() {
    etrinv::Instance instance{{"x", "y", "z"},
                              {{K::One, {0, 0, 0}}, {K::Add, {0, 0, 2}}, {K::Inv, {2, 1, 0}}}};
    return write(instance, "rational.json");
  }
  std::string write(const etrinv::Instance& instance, const std::string& name) {
    auto arrangement = layout::layout(instance);
    dataset::write_dataset(path(name), dataset::Emission(arrangement));
    return path(name);
  }
  std::string write_text(const std::string& name, const std::string& text) {
    std::ofstream(path(name)) << text;
    return path(name);
  }

  fs::path dir_;
};

TEST_F(NetworkCli, WitnessVerifyDecodeRoundTrip) {
  std::string data = rational_sat_dataset();
  std::string assign = write_text("a.json", R"({"x": "1", "y": "1/2", "z": "2"})");
  Outcome w = run_tool("witness " + data + " --assign " + assign + " -o " + path("net.json"));
  ASSERT_EQ(w.status, 0) << w.out;
  EXPECT_NE(w.out.find("verified exactly"), std::string::npos) << w.out;
  json net = json::parse(std::ifstream(path("net.json")));
  EXPECT_EQ(net["format"], "etr2nn-network");
  EXPECT_EQ(net["exact"], "rational");

  Outcome v = run_tool("verify " + data + " " + path("net.json") + " --quiet");
  EXPECT_EQ(v.status, 0) << v.out;
  json d = json::parse(std::ifstream(data));
  std::size_t points = d["points"].size();
  EXPECT_NE(v.out.find("verified: " + std::to_string(points) + " points, error 0"),
            std::string::npos)
      << v.out;

  Outcome dec = run_tool("decode " + data + " " + path("net.json") + " --quiet --assign-out " +
                         path("decoded.json"));
  EXPECT_EQ(dec.status, 0) << dec.out;
  EXPECT_NE(dec.out.find("y = 1/2"), std::string::npos) << dec.out;
  EXPECT_NE(dec.out.find("z * y = 1   holds"), std::string::npos) << dec.out;
  EXPECT_EQ(json::parse(std::ifstream(path("decoded.json"))), json::parse(std::ifstream(assign)));
}

TEST_F(NetworkCli, VerifyReportsTheChangedPointWithItsResidual) {
  std::string data = rational_sat_dataset();
  std::string assign = write_text("a.json", R"({"x": "1", "y": "1/2", "z": "2"})");
  ASSERT_EQ(run_tool("witness " + data + " --assign " + assign + " -o " + path("net.json")).status,
            0);
  json d = json::parse(std::ifstream(data));
  // Add 1/3 to point 7's out1. The reader insists that the meta and the label
  // list agree with the points, so drop the meta (verify needs none) and
  // recompute the list: a plain Train-F2NN dataset, as anyone could write it.
  d.erase("meta");
  auto& label = d["points"][7]["y"];
  ASSERT_TRUE(label.is_array()) << "dataset point layout changed: " << d["points"][7].dump();
  label[0] = mpq_class(mpq_class(label[0].get<std::string>()) + mpq_class(1, 3)).get_str();
  std::set<std::pair<mpq_class, mpq_class>> labels;
  for (const auto& p : d["points"])
    labels.emplace(mpq_class(p["y"][0].get<std::string>()),
                   mpq_class(p["y"][1].get<std::string>()));
  d["labels"] = json::array();
  for (const auto& [a, b] : labels) d["labels"].push_back({a.get_str(), b.get_str()});
  const std::string expected = "residual (-1/3, 0)";
  std::ofstream(path("changed.json")) << d.dump();
  Outcome v = run_tool("verify " + path("changed.json") + " " + path("net.json") + " --quiet");
  EXPECT_EQ(v.status, 1) << v.out;
  EXPECT_NE(v.out.find("1 of " + std::to_string(d["points"].size()) + " points"), std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find("point 7 at"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find(expected), std::string::npos) << v.out;
}

TEST_F(NetworkCli, WitnessRejectsAViolatingAssignmentAndWritesNothing) {
  std::string data = rational_sat_dataset();
  std::string assign = write_text("a.json", R"({"x": "1", "y": "1", "z": "2"})");
  Outcome w = run_tool("witness " + data + " --assign " + assign + " -o " + path("net.json"));
  EXPECT_EQ(w.status, 1) << w.out;
  EXPECT_NE(w.out.find("constraint 3 (z * y = 1) is violated"), std::string::npos) << w.out;
  EXPECT_FALSE(fs::exists(path("net.json")));
  Outcome bad = run_tool("witness " + data + " --assign " +
                         write_text("b.json", R"({"x": "1", "y": 0.5, "z": "2"})") + " -o " +
                         path("net.json"));
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.out.find("not exact"), std::string::npos) << bad.out;
  Outcome usage = run_tool("witness " + data + " --assign " + assign + " --timeout-ms 5 -o " +
                           path("net.json"));
  EXPECT_EQ(usage.status, 2) << usage.out;
  EXPECT_EQ(run_tool("witness " + data + " --assign " + assign).status, 2);  // no -o
}

// Without --assign, z3 finds the assignment (exact, algebraic if need be), or
// proves there is none.
TEST_F(NetworkCli, WitnessWithoutAnAssignmentAsksZ3) {
  for (const char* f : {"inv_rational_sat.etr", "inv_irrational_sat.etr"}) {
    Outcome w = run_tool("witness " + sample(f) + " -o " + path("n.json"));
    ASSERT_EQ(w.status, 0) << f << ": " << w.out;
    auto instance = etrinv::as_etr_inv(etr::parse_file(sample(f)));
    dataset::compile_instance(*instance, path("d.json"));
    Outcome v = run_tool("verify " + path("d.json") + " " + path("n.json") + " --quiet");
    EXPECT_EQ(v.status, 0) << f << ": " << v.out;
    Outcome d = run_tool("decode " + path("d.json") + " " + path("n.json") + " --quiet");
    EXPECT_EQ(d.status, 0) << f << ": " << d.out;
  }
  for (const char* f : {"inv_unsat.etr", "inv_unsat_am_gm.etr"}) {
    Outcome w = run_tool("witness " + sample(f) + " -o " + path("u.json"));
    EXPECT_EQ(w.status, 1) << f;
    EXPECT_NE(w.out.find("unsatisfiable"), std::string::npos) << w.out;
    EXPECT_FALSE(fs::exists(path("u.json")));
  }
}

TEST_F(NetworkCli, IrrationalWitnessIsAlgebraicAndVerifies) {
  etrinv::Instance instance{{"x", "y"}, {{K::Inv, {0, 1, 0}}, {K::Add, {0, 0, 1}}}};
  std::string data = write(instance, "irrational.json");
  std::string assign =
      write_text("a.json", R"({"x": {"root_of": ["-1", "0", "2"], "in": ["7/10", "71/100"]},
                                               "y": {"root_of": ["-2", "0", "1"], "in": ["1", "2"]}})");
  Outcome w = run_tool("witness " + data + " --assign " + assign + " -o " + path("net.json"));
  ASSERT_EQ(w.status, 0) << w.out;
  EXPECT_EQ(json::parse(std::ifstream(path("net.json")))["exact"], "algebraic");
  Outcome v = run_tool("verify " + data + " " + path("net.json") + " --quiet");
  EXPECT_EQ(v.status, 0) << v.out;
  EXPECT_NE(v.out.find("exact real algebraic arithmetic"), std::string::npos) << v.out;
  Outcome dec = run_tool("decode " + data + " " + path("net.json") + " --quiet");
  EXPECT_EQ(dec.status, 0) << dec.out;
}

TEST_F(NetworkCli, DecodeOfANetworkMissingTheConstraintPointNamesIt) {
  // samples/inv_unsat_am_gm.etr; the network is the witness of x = y = 1, z = 2
  // for the instance without z = 1, laid out like the full instance, so its
  // neurons are exactly those of the full arrangement's profiles.
  etrinv::Instance full{{"x", "y", "z"},
                        {{K::Inv, {0, 1, 0}}, {K::Add, {0, 1, 2}}, {K::One, {2, 0, 0}}}};
  std::string data = write(full, "amgm.json");
  // witness refuses: z = 2 violates z = 1.
  std::string assign = write_text("a.json", R"({"x": "1", "y": "1", "z": "2"})");
  Outcome w = run_tool("witness " + data + " --assign " + assign + " -o " + path("net.json"));
  EXPECT_EQ(w.status, 1);
  EXPECT_NE(w.out.find("(z = 1) is violated"), std::string::npos) << w.out;
  // The profiles of that assignment on the FULL arrangement fit every point
  // but the one of z = 1; decode must read x = y = 1, z = 2 and name z = 1.
  auto arrangement = layout::layout(full);
  network::write_network(path("net.json"), network::profile_network(arrangement, {1, 1, 2}));
  Outcome v = run_tool("verify " + data + " " + path("net.json") + " --quiet");
  EXPECT_EQ(v.status, 1);
  EXPECT_NE(v.out.find("1 of "), std::string::npos) << v.out;
  Outcome dec = run_tool("decode " + data + " " + path("net.json") + " --quiet");
  EXPECT_EQ(dec.status, 1) << dec.out;
  EXPECT_NE(dec.out.find("x * y = 1   holds"), std::string::npos) << dec.out;
  EXPECT_NE(dec.out.find("x + y = z   holds"), std::string::npos) << dec.out;
  EXPECT_NE(dec.out.find("z = 1   FAILS"), std::string::npos) << dec.out;
  EXPECT_NE(dec.out.find("1 of 3 constraints fail"), std::string::npos) << dec.out;
}

// witness FILE.etr lays the formula out exactly as compile does: its network
// verifies on the dataset compile_instance (compile's back half) writes.
TEST_F(NetworkCli, WitnessOfAFormulaFitsTheCompiledDataset) {
  struct Case {
    std::string file, assignment;
  };
  const std::vector<Case> cases = {
      {"inv_rational_sat.etr", R"({"x": "1", "y": "1/2", "z": "2"})"},
      {"inv_irrational_sat.etr", R"({"x": {"root_of": ["-1", "0", "2"], "in": ["7/10", "71/100"]},
                                      "y": {"root_of": ["-2", "0", "1"], "in": ["1", "2"]}})"}};
  for (const auto& c : cases) {
    auto instance = etrinv::as_etr_inv(etr::parse_file(sample(c.file)));
    ASSERT_TRUE(instance) << c.file;
    dataset::compile_instance(*instance, path("d.json"), dataset::CompileOptions{});
    Outcome w = run_tool("witness " + sample(c.file) + " --assign " +
                         write_text("a.json", c.assignment) + " -o " + path("n.json"));
    ASSERT_EQ(w.status, 0) << c.file << ": " << w.out;
    Outcome v = run_tool("verify " + path("d.json") + " " + path("n.json") + " --quiet");
    EXPECT_EQ(v.status, 0) << c.file << ": " << v.out;
    EXPECT_NE(v.out.find(", error 0"), std::string::npos) << v.out;
  }
}

TEST_F(NetworkCli, WitnessOfAnUnsatisfiableFormulaNamesTheConstraint) {
  Outcome a = run_tool("witness " + sample("inv_unsat.etr") + " --assign " +
                       write_text("a.json", R"({"x": "1"})") + " -o " + path("n.json"));
  EXPECT_EQ(a.status, 1);
  EXPECT_NE(a.out.find("constraint 1 (x + x = x) is violated: x = 1"), std::string::npos) << a.out;
  Outcome b =
      run_tool("witness " + sample("inv_unsat_am_gm.etr") + " --assign " +
               write_text("b.json", R"({"x": "1", "y": "1", "z": "2"})") + " -o " + path("n.json"));
  EXPECT_EQ(b.status, 1);
  EXPECT_NE(b.out.find("(z = 1) is violated: z = 2"), std::string::npos) << b.out;
  Outcome c = run_tool("witness " + sample("inv_unsat_am_gm.etr") + " --assign " +
                       write_text("c.json", R"({"x": "1", "y": "1"})") + " -o " + path("n.json"));
  EXPECT_EQ(c.status, 1);
  EXPECT_NE(c.out.find("no value for variable z"), std::string::npos) << c.out;
  EXPECT_FALSE(fs::exists(path("n.json")));
}

// A planted instance of 150 constraints plus one that its solution violates:
// the solution's profiles miss exactly that constraint's point, and decode
// (listing only failures on an instance this large) names it.
TEST_F(NetworkCli, DecodeOfALargerInstanceListsOnlyTheFailingConstraint) {
  auto planted = generate::planted_instance(150, 7);
  etrinv::VariableIndex not_one = 0;
  while (planted.solution.at(not_one) == 1) ++not_one;
  planted.instance.constraints.push_back({K::One, {not_one, 0, 0}});
  const std::string name = planted.instance.variables[not_one];
  std::string data = write(planted.instance, "planted.json");
  etrinv::Assignment values(planted.solution.begin(), planted.solution.end());
  network::write_network(path("net.json"),
                         network::profile_network(layout::layout(planted.instance), values));
  Outcome v = run_tool("verify " + data + " " + path("net.json") + " --quiet");
  EXPECT_EQ(v.status, 1);
  EXPECT_NE(v.out.find("FAILED: 1 of "), std::string::npos) << v.out;
  Outcome dec = run_tool("decode " + data + " " + path("net.json") + " --quiet");
  EXPECT_EQ(dec.status, 1) << dec.out;
  EXPECT_NE(dec.out.find("  151. " + name + " = 1   FAILS\n"), std::string::npos) << dec.out;
  EXPECT_EQ(dec.out.find("holds"), std::string::npos) << "only failures are listed:\n" << dec.out;
  EXPECT_NE(dec.out.find("1 of 151 constraints fail"), std::string::npos) << dec.out;
  Outcome all = run_tool("decode " + data + " " + path("net.json") + " --quiet --all");
  EXPECT_NE(all.out.find("  1. "), std::string::npos);
  EXPECT_NE(all.out.find("holds"), std::string::npos);
}

TEST_F(NetworkCli, FilesInTheWrongPlaceAreNamed) {
  std::string data = rational_sat_dataset();
  std::string assign = write_text("a.json", R"({"x": "1", "y": "1/2", "z": "2"})");
  ASSERT_EQ(run_tool("witness " + data + " --assign " + assign + " -o " + path("n.json")).status,
            0);
  Outcome swapped = run_tool("verify " + data + " " + data + " --quiet");
  EXPECT_EQ(swapped.status, 1);
  EXPECT_NE(swapped.out.find("not an etr2nn network"), std::string::npos) << swapped.out;
  Outcome missing = run_tool("decode " + data + " " + path("absent.json") + " --quiet");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("absent.json: error: cannot open file: No such file or directory"),
            std::string::npos)
      << missing.out;
  EXPECT_EQ(run_tool("verify " + data).status, 2);
  EXPECT_EQ(run_tool("verify " + data + " " + path("n.json") + " --max-reported many").status, 2);
}

TEST_F(NetworkCli, CompileWithWitnessWritesAVerifiedNetwork) {
  const std::string a = write_text("a.json", R"({"x": "1", "y": "1/2", "z": "2"})");
  Outcome c = run_tool("compile " + sample("inv_rational_sat.etr") + " -o " + path("d.json") +
                       " --witness " + path("n.json") + " --assign " + a);
  ASSERT_EQ(c.status, 0) << c.out;
  EXPECT_NE(c.out.find("witness     58 neurons, rational weights"), std::string::npos) << c.out;
  Outcome v = run_tool("verify " + path("d.json") + " " + path("n.json") + " --quiet");
  EXPECT_EQ(v.status, 0) << v.out;
  EXPECT_NE(v.out.find("verified: 478 points, error 0"), std::string::npos)
      << v.out;  // docs/reduction.md, section 4

  // A wrong assignment: nothing is written, the constraint is named.
  Outcome wrong = run_tool("compile " + sample("inv_rational_sat.etr") + " -o " + path("d2.json") +
                           " --witness " + path("n2.json") + " --assign " +
                           write_text("b.json", R"({"x": "1", "y": "1", "z": "2"})"));
  EXPECT_EQ(wrong.status, 1);
  EXPECT_NE(wrong.out.find("constraint 3 (z * y = 1) is violated"), std::string::npos) << wrong.out;
  EXPECT_FALSE(fs::exists(path("d2.json")));
  EXPECT_FALSE(fs::exists(path("n2.json")));
  // Without --assign compile asks z3: a network for a true formula, nothing
  // at all for a false one.
  Outcome solved = run_tool("compile " + sample("inv_rational_sat.etr") + " -o " + path("d3.json") +
                            " --witness " + path("n3.json") + " --quiet");
  EXPECT_EQ(solved.status, 0) << solved.out;
  EXPECT_EQ(run_tool("verify " + path("d3.json") + " " + path("n3.json") + " --quiet").status, 0);
  Outcome unsat = run_tool("compile " + sample("inv_unsat_am_gm.etr") + " -o " + path("d4.json") +
                           " --witness " + path("n4.json"));
  EXPECT_EQ(unsat.status, 1) << unsat.out;
  EXPECT_FALSE(fs::exists(path("d4.json")));
  EXPECT_FALSE(fs::exists(path("n4.json")));
  EXPECT_EQ(run_tool("compile " + sample("inv_rational_sat.etr") + " -o " + path("d3.json") +
                     " --assign " + a)
                .status,
            2);
}

// `witness D.json` holds only the file's header and meta (the points can be
// billions of bytes): the network is built from the meta and then checked on
// the file's own points, streamed. A file in another order is read whole;
// both ways give the same network, and a file whose points disagree with its
// meta gets no network.
nlohmann::ordered_json read_ordered(const std::string& file) {
  return nlohmann::ordered_json::parse(std::ifstream(file));
}

TEST_F(NetworkCli, WitnessFromTheMetaAloneEqualsWitnessFromTheWholeFile) {
  const std::string data = rational_sat_dataset();
  ASSERT_TRUE(dataset::read_dataset_head(data).has_value());  // the streamed way applies
  const nlohmann::ordered_json written = read_ordered(data);
  nlohmann::ordered_json late;  // the meta after the points: read whole
  for (const auto& [key, value] : written.items())
    if (key != "meta") late[key] = value;
  late["meta"] = written["meta"];
  std::ofstream(path("late.json")) << late.dump();
  ASSERT_FALSE(dataset::read_dataset_head(path("late.json")).has_value());
  const std::string assign = write_text("a.json", R"({"x": "1", "y": "1/2", "z": "2"})");
  for (const std::string& input : {data, path("late.json")}) {
    const Outcome w = run_tool("witness " + input + " --assign " + assign + " -o " +
                               path(input == data ? "n1.json" : "n2.json"));
    ASSERT_EQ(w.status, 0) << w.out;
    EXPECT_NE(w.out.find("verified exactly on 478 points"), std::string::npos) << w.out;
  }
  EXPECT_EQ(read_ordered(path("n1.json"))["neurons"], read_ordered(path("n2.json"))["neurons"]);
  EXPECT_EQ(read_ordered(path("n1.json"))["meta"]["verified_points"], 478);
  const Outcome v = run_tool("verify " + data + " " + path("n1.json"));
  EXPECT_EQ(v.status, 0) << v.out;
}

TEST_F(NetworkCli, WitnessRefusesAFileWhosePointsDisagreeWithItsMeta) {
  const std::string data = rational_sat_dataset();
  const std::string assign = write_text("a.json", R"({"x": "1", "y": "1/2", "z": "2"})");
  nlohmann::ordered_json relabelled = read_ordered(data);
  auto& points = relabelled["points"];
  std::size_t other = 1;
  while (points[other]["y"] == points[0]["y"]) ++other;
  points[0]["y"] = points[other]["y"];  // a label the file declares, on the wrong line
  std::ofstream(path("relabelled.json")) << relabelled.dump();
  nlohmann::ordered_json shorter = read_ordered(data);
  shorter["points"].erase(1);  // a data point: its label is still carried by others
  std::ofstream(path("shorter.json")) << shorter.dump();
  const std::pair<std::string, std::string> cases[] = {
      {"relabelled.json", "point 0 at"},
      {"shorter.json", "the file holds 477 points where its meta says 478"}};
  for (const auto& [file, why] : cases) {
    const Outcome w =
        run_tool("witness " + path(file) + " --assign " + assign + " -o " + path("net.json"));
    EXPECT_EQ(w.status, 1) << w.out;
    EXPECT_NE(w.out.find("the witness built from the meta does not fit the file's own points"),
              std::string::npos)
        << w.out;
    EXPECT_NE(w.out.find(why), std::string::npos) << w.out;
    EXPECT_NE(w.out.find(path(file)), std::string::npos) << w.out;
    EXPECT_FALSE(fs::exists(path("net.json"))) << file;
  }
}

}  // namespace
}  // namespace etr2nn
