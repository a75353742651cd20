// etr2nn certify end to end: exit status, one line per claim, the JSON file.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

int run(const std::string& arguments, const std::string& stdout_file) {
  std::string command =
      std::string(ETR2NN_BINARY) + " certify " + arguments + " > " + stdout_file + " 2>&1";
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CertifyCli, ProvesEveryClaimAndWritesTheCertificate) {
  std::string dir = ::testing::TempDir();
  std::string out = dir + "certify_cli.out", json = dir + "certify_cli.json";
  std::remove(json.c_str());
  ASSERT_EQ(run("--json " + json, out), 0) << slurp(out);
  std::string text = slurp(out);
  // In certify_all's order: per gadget G1-G4 and the readings, then points, witnesses.
  const std::vector<std::string> ids = {"I.budget",   "I.rigid",    "I.slots",    "I.vanish",
                                        "I.readings", "D.budget",   "D.rigid",    "D.slots",
                                        "D.vanish",   "D.readings", "point.copy", "point.add",
                                        "point.inv",  "point.one",  "I.witness",  "D.witness"};
  for (const auto& id : ids)
    EXPECT_NE(text.find("proved   " + id), std::string::npos) << id << "\n" << text;
  std::string total = std::to_string(ids.size());
  EXPECT_NE(text.find(total + " of " + total + " claims proved"), std::string::npos);
  nlohmann::json cert = nlohmann::json::parse(slurp(json));
  EXPECT_TRUE(cert["all_proved"].get<bool>());
  ASSERT_EQ(cert["claims"].size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(cert["claims"][i]["id"], ids[i]);
  EXPECT_GT(cert["claims"][0]["types_checked"].get<int>(), 0);
}

TEST(CertifyCli, RejectsStrayArguments) {
  std::string out = ::testing::TempDir() + "certify_cli_usage.out";
  EXPECT_EQ(run("extra", out), 2);
  EXPECT_EQ(run("--timeout-ms many", out), 2);
}

}  // namespace
