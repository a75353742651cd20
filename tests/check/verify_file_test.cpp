// verify_file reads on one thread and evaluates on another, in batches: its
// report must be the one of verify() on the same points in memory (counts,
// the first failures in dataset order, their indices), across several batches
// and a partial last one; a malformed file must still be the reader's
// Diagnostic, even when points before the error were already evaluated.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "check/detail/read_dataset.hpp"
#include "check/detail/read_network.hpp"
#include "check/detail/verify.hpp"
#include "diagnostic/diagnostic.hpp"

namespace etr2nn::check {
namespace {

namespace fs = std::filesystem;

// f(x) = ReLU(x0) - 2 ReLU(x0 - 1): 0, 1, 0 at x0 = 0, 1, 2 (first output).
const char* const network_text = R"({"format": "etr2nn-network", "version": 1,
  "c": ["0", "0"],
  "neurons": [{"a": ["1", "0"], "b": "0", "v": ["1", "0"]},
              {"a": ["1", "0"], "b": "-1", "v": ["-2", "0"]}]})";

// `points` points (i % 3, i); every 997th carries a wrong label. `broken`:
// point `broken` has a malformed coordinate.
std::string dataset_text(std::size_t points, std::size_t broken = std::size_t(-1)) {
  std::string text =
      "{\"format\": \"etr2nn-dataset\", \"version\": 1, \"inputs\": 2, \"outputs\": 2,\n"
      "\"hidden_neurons\": 2, \"target_error\": \"0\", \"labels\": [[\"0\",\"0\"],[\"1\",\"0\"]],\n"
      "\"points\": [\n";
  for (std::size_t i = 0; i < points; ++i) {
    const bool one = (i % 3 == 1) != (i % 997 == 5);
    text += "{\"x\":[\"" + std::to_string(i % 3) + "\",\"" +
            (i == broken ? std::string("1/0") : std::to_string(i)) + "\"],\"y\":[\"" +
            (one ? "1" : "0") + "\",\"0\"]}" + (i + 1 < points ? ",\n" : "\n");
  }
  return text + "]}\n";
}

class VerifyFile : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("etr2nn_verify_file_" + std::to_string(getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
  std::string write(const std::string& text) {
    const std::string path = (dir / "d.json").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

TEST_F(VerifyFile, ThreadedReportEqualsTheInMemoryOne) {
  std::istringstream n(network_text);
  const Network network = read_network(n, "n.json");
  // Fewer than a batch, exactly one, one more, several.
  for (std::size_t points :
       {std::size_t(2), std::size_t(4096), std::size_t(4097), std::size_t(20000)}) {
    const std::string path = write(dataset_text(points));
    const Options options{25};
    const Report streamed = verify_file(path, network, options);
    const Report in_memory = verify(read_dataset(path), network, options);
    EXPECT_EQ(streamed.points, points);
    EXPECT_EQ(streamed.points, in_memory.points);
    EXPECT_EQ(streamed.failures, in_memory.failures);
    EXPECT_EQ(streamed.failures, points > 5 ? (points - 6) / 997 + 1 : 0) << points;
    ASSERT_EQ(streamed.first_failures.size(), in_memory.first_failures.size());
    for (std::size_t j = 0; j < streamed.first_failures.size(); ++j) {
      EXPECT_EQ(streamed.first_failures[j].index, in_memory.first_failures[j].index);
      EXPECT_EQ(streamed.first_failures[j].x.y, mpq_class(streamed.first_failures[j].index));
      EXPECT_EQ(streamed.first_failures[j].residual, in_memory.first_failures[j].residual);
    }
  }
}

TEST_F(VerifyFile, AMalformedPointIsTheReadersDiagnostic) {
  std::istringstream n(network_text);
  const Network network = read_network(n, "n.json");
  for (std::size_t broken : {std::size_t(0), std::size_t(5000), std::size_t(19999)}) {
    const std::string path = write(dataset_text(20000, broken));
    std::string expected, got;
    try {
      read_dataset(path);
    } catch (const Diagnostic& d) {
      expected = d.render();
    }
    try {
      verify_file(path, network);
    } catch (const Diagnostic& d) {
      got = d.render();
    }
    EXPECT_NE(expected, "");
    EXPECT_NE(expected.find("points[" + std::to_string(broken) + "].x[1]"), std::string::npos)
        << expected;
    EXPECT_EQ(got, expected);
  }
}

}  // namespace
}  // namespace etr2nn::check
