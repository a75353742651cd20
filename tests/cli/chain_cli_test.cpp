// End to end: `etr2nn solve` and `etr2nn normalize` on every file of samples/.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "../etrinv/sample_sentences.hpp"
#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;

struct Output {
  int status = -1;
  std::string out;
};

Output run(const std::string& arguments) {
  std::string command = std::string(ETR2NN_BINARY) + " " + arguments + " 2>&1";
  Output o;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return o;
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    o.out.append(buffer.data(), n);
  int status = pclose(pipe);
  o.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

fs::path samples() {
  return fs::path(ETR2NN_SOURCE_DIR) / "samples";
}

std::map<std::string, std::string> expected() {
  std::map<std::string, std::string> e;
  std::ifstream in(samples() / "expected.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string file, verdict;
    if (std::getline(fields, file, '\t') && std::getline(fields, verdict, '\t')) e[file] = verdict;
  }
  return e;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("etr2nn_chain_cli_" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

TEST(ChainCli, CodeBuiltSamplesEqualTheParsedFiles) {
  int n = 0;
  for (const auto& s : testing::sample_sentences()) {
    EXPECT_EQ(etr::parse_file((samples() / s.file).string()), s.sentence) << s.file;
    ++n;
  }
  EXPECT_EQ(n, static_cast<int>(expected().size()));
}

TEST(ChainCli, SolveAgreesWithExpectedAndPrintsExactModels) {
  auto e = expected();
  ASSERT_EQ(e.size(), 12u);
  for (const auto& [file, verdict] : e) {
    auto o = run("solve " + (samples() / file).string() + " --timeout-ms 10000");
    EXPECT_EQ(o.status, 0) << file << "\n" << o.out;
    EXPECT_EQ(o.out.substr(0, o.out.find('\n')), verdict) << file << "\n" << o.out;
    if (verdict == "sat") {
      EXPECT_NE(o.out.find(" = "), std::string::npos) << o.out;
    }
  }
  auto sqrt2 = run("solve " + (samples() / "sqrt2.etr").string());
  EXPECT_NE(sqrt2.out.find("x = root of x^2 - 2 in ("), std::string::npos) << sqrt2.out;
  auto disk = run("solve " + (samples() / "disk_and_halfplane.etr").string());
  EXPECT_EQ(disk.out.find("root of"), std::string::npos) << disk.out;  // rational model
}

TEST(ChainCli, NormalizeWritesReadableEtrInvWithTheReportedSizes) {
  TempDir tmp;
  for (const auto& [file, verdict] : expected()) {
    for (std::string mode : {"", "--witness-mode", "--bound-exponent 2"}) {
      if (mode == "--witness-mode" && verdict != "sat") continue;
      fs::path out = tmp.path / (file + ".inv.etr");
      auto o = run("normalize " + (samples() / file).string() + " -o " + out.string() + " " + mode);
      ASSERT_EQ(o.status, 0) << file << " " << mode << "\n" << o.out;
      etr::Sentence back = etr::parse_file(out.string());
      auto instance = etrinv::as_etr_inv(back);
      ASSERT_TRUE(instance) << file << ": the output is not ETR-INV-shaped";
      // The same instance as the library produces, and the report states its size.
      auto original = etr::parse_file((samples() / file).string());
      etrinv::ChainOptions options;
      if (mode == "--bound-exponent 2") options.bound_exponent = 2;
      if (mode != "--witness-mode") {
        auto r = etrinv::normalize(original, options);
        EXPECT_EQ(*instance, r.instance) << file << " " << mode;
      }
      if (o.out.find("passed through") == std::string::npos) {
        EXPECT_NE(o.out.find("(match)"), std::string::npos) << o.out;
      }
      if (mode == "--witness-mode") {
        EXPECT_NE(o.out.find("hold exactly"), std::string::npos) << o.out;
      }
      std::string total = "D  ETR-INV total";
      if (auto at = o.out.find(total); at != std::string::npos) {
        std::istringstream numbers(o.out.substr(at + total.size()));
        std::size_t variables = 0, constraints = 0;
        numbers >> variables >> constraints;
        EXPECT_EQ(variables, instance->variables.size());
        EXPECT_EQ(constraints, instance->constraints.size());
      }
    }
  }
}

TEST(ChainCli, FalseSamplesStayFalseAfterTheChain) {
  // K = 2 and the full chain (the ETR-INV samples pass through, and are then
  // the input itself); z3 must never find a model of the output.
  TempDir tmp;
  int unsat = 0;
  for (const auto& [file, verdict] : expected()) {
    if (verdict != "unsat") continue;
    fs::path out = tmp.path / (file + ".inv.etr");
    ASSERT_EQ(run("normalize " + (samples() / file).string() + " -o " + out.string() +
                  " --bound-exponent 2")
                  .status,
              0);
    auto o = run("solve " + out.string() + " --timeout-ms 5000");
    EXPECT_NE(o.out.substr(0, 3), "sat") << file;
    unsat += o.out.substr(0, 5) == "unsat";
  }
  EXPECT_GE(unsat, 1);
}

TEST(ChainCli, ErrorsAndUsage) {
  TempDir tmp;
  fs::path out = tmp.path / "x.etr";
  EXPECT_EQ(run("normalize " + (samples() / "sqrt2.etr").string()).status, 2);  // no -o
  EXPECT_EQ(run("normalize " + (samples() / "sqrt2.etr").string() + " -o " + out.string() +
                " --bound-exponent -3")
                .status,
            2);
  auto unsat = run("normalize " + (samples() / "no_real_root.etr").string() + " -o " +
                   out.string() + " --witness-mode");
  EXPECT_EQ(unsat.status, 1);
  EXPECT_NE(unsat.out.find("witness mode needs a solution"), std::string::npos) << unsat.out;
  EXPECT_FALSE(fs::exists(out));  // nothing written on failure
  EXPECT_EQ(run("solve").status, 2);
  EXPECT_EQ(run("solve " + (tmp.path / "missing.etr").string()).status, 1);
  EXPECT_EQ(run("solve --help").status, 0);
  EXPECT_EQ(run("normalize --help").status, 0);
}

}  // namespace
}  // namespace etr2nn
