// etr2nn suite: the manifest matches the files, a second run writes the same
// bytes, and suite --check catches a flipped byte and an edited witness.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/cli/tool_test.hpp"

namespace etr2nn::testing {
namespace {

namespace fs = std::filesystem;

// coreutils' sha256sum: an implementation other than the one suite uses.
std::string sha256sum(const fs::path& path) {
  const std::string command = "sha256sum '" + path.string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[65] = {};
  const std::size_t got = pipe ? std::fread(buffer, 1, 64, pipe) : 0;
  if (pipe) pclose(pipe);
  return std::string(buffer, got);
}

std::map<std::string, std::string> files_in(const fs::path& directory) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(directory))
    out[entry.path().filename().string()] = slurp(entry.path());
  return out;
}

nlohmann::json without_timings(nlohmann::json manifest) {
  for (auto& instance : manifest["instances"]) instance.erase("timings");
  return manifest;
}

class SuiteCli : public ToolTest {
 protected:
  // Small and quick: the ETR-INV families (GeneralFamilies below has the others).
  const std::string arguments =
      "--families planted,planted-algebraic,unsat-hidden --sizes 4,8 --seeds 1";
  ToolOutcome make(const std::string& name) {
    return run("suite --out " + (dir / name).string() + " " + arguments + " --quiet");
  }
};

TEST_F(SuiteCli, ManifestMatchesTheFiles) {
  const auto made = make("s");
  ASSERT_EQ(made.status, 0) << made.err;
  const fs::path s = dir / "s";
  const auto manifest = nlohmann::json::parse(slurp(s / "manifest.json"));
  EXPECT_EQ(manifest["format"], "etr2nn-suite");
  EXPECT_EQ(manifest["version"], 1);
  EXPECT_EQ(manifest["arguments"]["sizes"], nlohmann::json::array({4, 8}));
  ASSERT_EQ(manifest["instances"].size(), 6u);
  std::size_t listed = 2;  // manifest.json, manifest.csv
  for (const auto& e : manifest["instances"]) {
    SCOPED_TRACE(e["id"].get<std::string>());
    EXPECT_EQ(e["id"], e["family"].get<std::string>() + "-n" +
                           std::to_string(e["size"].get<int>()) + "-s" +
                           std::to_string(e["seed"].get<int>()));
    const bool expected = e["expected"] == "true";
    EXPECT_EQ(expected, e["family"] == "planted" || e["family"] == "planted-algebraic");
    EXPECT_EQ(e["files"]["witness"].is_null(), !expected);
    EXPECT_EQ(e["files"]["assignment"].is_null(), !expected);
    EXPECT_EQ(e["timings"]["witness"].is_null(), !expected);
    for (const char* key : {"formula", "dataset", "witness", "assignment"}) {
      if (e["files"][key].is_null()) {
        EXPECT_TRUE(e["sha256"][key].is_null());
        continue;
      }
      ++listed;
      const fs::path file = s / e["files"][key].get<std::string>();
      ASSERT_TRUE(fs::exists(file)) << file;
      EXPECT_EQ(e["sha256"][key], sha256sum(file)) << key;
    }
    // The dataset's own numbers are the manifest's.
    const auto dataset = nlohmann::json::parse(slurp(s / e["files"]["dataset"].get<std::string>()));
    EXPECT_EQ(e["points"], dataset["points"].size());
    EXPECT_EQ(e["neurons"], dataset["hidden_neurons"]);
    EXPECT_EQ(e["labels"], dataset["labels"].size());
    EXPECT_GT(e["constraints"].get<int>(), 0);
    EXPECT_FALSE(e["completeness"].get<std::string>().empty());
  }
  EXPECT_EQ(
      static_cast<std::size_t>(std::distance(fs::directory_iterator(s), fs::directory_iterator())),
      listed);
  // The CSV: a header and one row per instance, the flattened names.
  const std::string csv = slurp(s / "manifest.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);
  EXPECT_NE(csv.find(",sha256_dataset,"), std::string::npos);
  EXPECT_NE(csv.find(",compile_seconds,"), std::string::npos);
}

TEST_F(SuiteCli, TwoRunsWriteTheSameBytesButTheTimings) {
  ASSERT_EQ(make("one").status, 0);
  ASSERT_EQ(make("two").status, 0);
  auto one = files_in(dir / "one"), two = files_in(dir / "two");
  EXPECT_EQ(without_timings(nlohmann::json::parse(one["manifest.json"])),
            without_timings(nlohmann::json::parse(two["manifest.json"])));
  for (const char* manifest : {"manifest.json", "manifest.csv"}) {
    one.erase(manifest);
    two.erase(manifest);
  }
  EXPECT_EQ(one.size(), 20u);
  EXPECT_TRUE(one == two);
}

TEST_F(SuiteCli, CheckPassesAndCatchesAFlippedByteAndAnEditedWitness) {
  ASSERT_EQ(make("s").status, 0);
  const fs::path s = dir / "s";
  const auto good = run("suite --check " + s.string());
  EXPECT_EQ(good.status, 0) << good.err;

  // One byte of a dataset flipped.
  const fs::path dataset = s / "unsat-hidden-n4-s1.json";
  std::string bytes = slurp(dataset);
  bytes[bytes.size() / 2] ^= 1;
  std::ofstream(dataset, std::ios::binary) << bytes;
  const auto flipped = run("suite --check " + s.string());
  EXPECT_EQ(flipped.status, 1);
  EXPECT_NE(flipped.err.find("unsat-hidden-n4-s1.json: sha256"), std::string::npos) << flipped.err;
  EXPECT_EQ(flipped.err.find("planted-n4-s1"), std::string::npos) << flipped.err;

  // A witness with one weight changed and its hash updated: only the exact
  // verification can tell.
  const fs::path witness = s / "planted-n8-s1.network.json";
  auto network = nlohmann::json::parse(slurp(witness));
  network["neurons"][0]["b"] = "12345/7";
  std::ofstream(witness) << network.dump();
  auto manifest = nlohmann::json::parse(slurp(s / "manifest.json"));
  for (auto& e : manifest["instances"])
    if (e["id"] == "planted-n8-s1") e["sha256"]["witness"] = sha256sum(witness);
  std::ofstream(s / "manifest.json") << manifest.dump();
  const auto edited = run("suite --check " + s.string());
  EXPECT_EQ(edited.status, 1);
  EXPECT_NE(edited.err.find("planted-n8-s1: the witness does not fit the dataset"),
            std::string::npos)
      << edited.err;
  EXPECT_NE(edited.err.find("unsat-hidden-n4-s1.json: sha256"), std::string::npos);
  EXPECT_NE(edited.err.find("2 mismatches"), std::string::npos) << edited.err;

  // An assignment that no longer satisfies its formula, hash updated too.
  const fs::path assignment = s / "planted-algebraic-n4-s1.assign.json";
  auto values = nlohmann::json::parse(slurp(assignment));
  values.begin().value() = "3/2";  // the first variable is the one fixed to 1
  std::ofstream(assignment) << values.dump();
  for (auto& e : manifest["instances"])
    if (e["id"] == "planted-algebraic-n4-s1") e["sha256"]["assignment"] = sha256sum(assignment);
  std::ofstream(s / "manifest.json") << manifest.dump();
  const auto wrong = run("suite --check " + s.string());
  EXPECT_EQ(wrong.status, 1);
  EXPECT_NE(wrong.err.find("planted-algebraic-n4-s1: the assignment does not satisfy the formula"),
            std::string::npos)
      << wrong.err;
  EXPECT_NE(wrong.err.find("3 mismatches"), std::string::npos) << wrong.err;
}

// General sentences go through the chain: the true one with the K its
// witness needs, the false one with K = 3 (its dataset has no zero-error
// network for any K); both check.
TEST_F(SuiteCli, GeneralFamilies) {
  const fs::path s = dir / "g";
  const auto made = run("suite --out " + s.string() +
                        " --families general-true,general-false --sizes 1 --seeds 1 --quiet");
  ASSERT_EQ(made.status, 0) << made.err;
  const auto manifest = nlohmann::json::parse(slurp(s / "manifest.json"));
  ASSERT_EQ(manifest["instances"].size(), 2u);
  for (const auto& e : manifest["instances"]) {
    EXPECT_GT(e["K"].get<int>(), 0) << e["id"];
    EXPECT_GT(e["constraints"].get<int>(), 1) << e["id"];
  }
  EXPECT_EQ(manifest["instances"][1]["K"], 3);
  EXPECT_EQ(manifest["instances"][1]["expected"], "false");
  EXPECT_FALSE(manifest["instances"][0]["files"]["witness"].is_null());
  const auto checked = run("suite --check " + s.string());
  EXPECT_EQ(checked.status, 0) << checked.err;
}

// An instance above --max-points stops the suite before its layout: refused
// (exit 2), no dataset and no manifest.
TEST_F(SuiteCli, MaxPointsStopsTheSuite) {
  const fs::path s = dir / "s";
  const auto refused = run("suite --out " + s.string() +
                           " --families planted --sizes 4 --seeds 1 --max-points 100 --quiet");
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("[limit]"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(s / "manifest.json"));
  EXPECT_FALSE(fs::exists(s / "planted-n4-s1.json"));
  EXPECT_EQ(run("suite --out " + s.string() +
                " --families planted --sizes 4 --seeds 1 --max-points 10000 --quiet")
                .status,
            0);
}

TEST_F(SuiteCli, BadArgumentsAreUsageErrors) {
  const std::string out = " --out " + (dir / "s").string();
  EXPECT_EQ(run("suite" + out + " --families nope --sizes 4 --seeds 1").status, 2);
  EXPECT_EQ(run("suite" + out + " --families planted --sizes 4,,5 --seeds 1").status, 2);
  EXPECT_EQ(run("suite" + out + " --families planted --sizes 0 --seeds 1").status, 2);
  EXPECT_EQ(run("suite" + out + " --families planted-algebraic --sizes 2 --seeds 1").status, 2);
  EXPECT_EQ(run("suite" + out + " --families planted --sizes 4 --seeds 0").status, 2);
  EXPECT_EQ(run("suite --families planted --sizes 4 --seeds 1").status, 2);
  EXPECT_EQ(run("suite --check " + (dir / "s").string() + out).status, 2);
  EXPECT_EQ(entries(), 0u);
  // A directory without a manifest fails the check (exit 1), naming it.
  const auto empty = run("suite --check " + dir.string());
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.err.find("manifest.json"), std::string::npos);
}

}  // namespace
}  // namespace etr2nn::testing
