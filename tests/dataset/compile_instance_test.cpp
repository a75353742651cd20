#include "dataset/compile.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "bench/planted.hpp"
#include "dataset/read.hpp"
#include "layout/invariants.hpp"

namespace etr2nn::dataset {
namespace {

namespace fs = std::filesystem;

TEST(CompileInstance, PlantedThousandConstraintsCompilesAndReadsBack) {
  const fs::path out = fs::temp_directory_path() / "etr2nn_compile_instance_1000.json";
  const auto p = bench::planted_instance(1000, 42);
  const CompileReport r = compile_instance(p.instance, out.string());
  const Dataset d = read_dataset(out.string());
  EXPECT_EQ(r.statistics.points, d.points.size());
  EXPECT_EQ(r.statistics.neurons, d.hidden_neurons);
  EXPECT_EQ(r.statistics.labels, d.labels.size());
  EXPECT_LE(d.labels.size(), layout::max_labels);
  EXPECT_EQ(r.file_bytes, fs::file_size(out));
  EXPECT_EQ(d.meta->instance, p.instance);
  fs::remove(out);
}

TEST(CompileInstance, ReportsProgressWhileWriting) {
  const fs::path out = fs::temp_directory_path() / "etr2nn_compile_instance_progress.json";
  std::size_t last = 0, total = 0;
  CompileOptions o;
  o.progress = [&](const char* stage, std::size_t done, std::size_t t) {
    EXPECT_STREQ(stage, "writing");
    EXPECT_GE(done, last);
    last = done;
    total = t;
  };
  const auto r = compile_instance(bench::planted_instance(100, 1).instance, out.string(), o);
  EXPECT_EQ(total, r.statistics.points);
  EXPECT_EQ(last, total);
  fs::remove(out);
}

TEST(CompileInstance, BadOptionsLeaveNoFile) {
  const fs::path out = fs::temp_directory_path() / "etr2nn_compile_instance_bad.json";
  fs::remove(out);
  CompileOptions o;
  o.layout.points_per_line = 0;
  EXPECT_THROW(compile_instance(bench::planted_instance(5, 1).instance, out.string(), o), std::invalid_argument);
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace etr2nn::dataset
