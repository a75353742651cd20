// etr2nn certify end to end: exit status, one line per claim, the JSON file.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

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
  for (const char* id : {"I.readings", "I.budget", "D.readings", "D.budget", "point.copy",
                         "point.add", "point.inv", "point.one", "I.witness", "D.witness"})
    EXPECT_NE(text.find(std::string("proved   ") + id), std::string::npos) << id << "\n" << text;
  EXPECT_NE(text.find("10 of 10 claims proved"), std::string::npos);
  nlohmann::json cert = nlohmann::json::parse(slurp(json));
  EXPECT_TRUE(cert["all_proved"].get<bool>());
  EXPECT_EQ(cert["claims"].size(), 10u);
  EXPECT_GT(cert["claims"][0]["types_checked"].get<int>(), 0);
}

TEST(CertifyCli, RejectsStrayArguments) {
  std::string out = ::testing::TempDir() + "certify_cli_usage.out";
  EXPECT_EQ(run("extra", out), 2);
  EXPECT_EQ(run("--timeout-ms many", out), 2);
}

}  // namespace
