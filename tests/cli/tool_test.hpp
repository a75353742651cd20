// Running the built etr2nn tool in end-to-end tests.
//
// ToolTest gives each test a fresh temporary directory and runs the binary
// with stdout and stderr captured separately, beside (not in) that directory,
// so a test can count the files a failed run must not leave behind.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <string>

namespace etr2nn::testing {

struct ToolOutcome {
  int status = -1;  // exit status, -1 when the tool did not exit normally
  std::string out, err;
};

std::string slurp(const std::filesystem::path& path);

// The shipped sample's path.
std::string sample(const std::string& name);

// XOR on the unit square as a dataset without meta, m = 1 in the file: unsat
// as given, sat with --neurons 2 (the smt and limits tests use it).
inline const char* const xor_dataset = R"({
  "format": "etr2nn-dataset", "version": 1, "inputs": 2, "outputs": 2,
  "hidden_neurons": 1, "target_error": "0",
  "labels": [["0", "0"], ["1", "0"]],
  "points": [
    {"x": ["0", "0"], "y": ["0", "0"]},
    {"x": ["1", "0"], "y": ["1", "0"]},
    {"x": ["0", "1"], "y": ["1", "0"]},
    {"x": ["1", "1"], "y": ["0", "0"]}
  ]
})";

class ToolTest : public ::testing::Test {
 protected:
  std::filesystem::path dir;

  void SetUp() override;
  void TearDown() override;

  // Runs `etr2nn ARGS` (ARGS as shell words).
  ToolOutcome run(const std::string& args) const;
  // Files in the test directory.
  std::size_t entries() const;
};

}  // namespace etr2nn::testing
