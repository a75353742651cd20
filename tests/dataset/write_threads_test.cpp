// The writer formats point lines on several threads and writes them in
// order: the file must not depend on the number of threads.
#include <gtest/gtest.h>

#include <sstream>

#include "dataset/detail/emit.hpp"
#include "dataset/detail/write.hpp"
#include "generate/generate.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {
namespace {

std::string text(const Emission& e, unsigned threads) {
  WriteOptions options;
  options.threads = threads;
  std::ostringstream out;
  write_dataset(out, e, options);
  return out.str();
}

TEST(WriteThreads, TheBytesDoNotDependOnTheNumberOfThreads) {
  // 300 constraints: about 40 000 points, several rounds of 4096-point chunks
  // with a short last one.
  const auto a = layout::layout(generate::planted_instance(300, 3).instance);
  const Emission e(a);
  ASSERT_GT(e.size(), 3u * 4096u);
  const std::string one = text(e, 1);
  EXPECT_EQ(text(e, 2), one);
  EXPECT_EQ(text(e, 3), one);
  EXPECT_EQ(text(e, 0), one);
}

TEST(WriteThreads, AnEmptyDatasetIsTheSameOnAnyNumberOfThreads) {
  const Dataset d;
  WriteOptions one, two;
  one.threads = 1;
  two.threads = 2;
  std::ostringstream a, b;
  write_dataset(a, d, one);
  write_dataset(b, d, two);
  EXPECT_EQ(a.str(), b.str());
  EXPECT_NE(a.str().find("\"points\": []"), std::string::npos) << a.str();
}

}  // namespace
}  // namespace etr2nn::dataset
