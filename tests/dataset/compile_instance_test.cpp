#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "dataset/detail/compile.hpp"
#include "dataset/detail/read.hpp"
#include "generate/generate.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {
namespace {

namespace fs = std::filesystem;

TEST(CompileInstance, PlantedThousandConstraintsCompilesAndReadsBack) {
  const fs::path out = fs::temp_directory_path() / "etr2nn_compile_instance_1000.json";
  const auto p = generate::planted_instance(1000, 42);
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

TEST(CompileInstance, ReportsProgressStageByStage) {
  const fs::path out = fs::temp_directory_path() / "etr2nn_compile_instance_progress.json";
  const auto instance = generate::planted_instance(600, 1).instance;
  std::vector<std::string> stages;
  std::map<std::string, std::pair<std::size_t, std::size_t>> last;  // stage -> (done, total)
  CompileOptions o;
  o.progress = [&](const char* stage, std::size_t done, std::size_t total) {
    if (stages.empty() || stages.back() != stage) stages.push_back(stage);
    auto& [d, t] = last[stage];
    EXPECT_GE(done, d) << stage;
    EXPECT_LE(done, total) << stage;
    d = done;
    t = total;
  };
  const auto r = compile_instance(instance, out.string(), o);
  EXPECT_EQ(stages, (std::vector<std::string>{"laying out", "checking", "writing"}));
  EXPECT_EQ(last["laying out"],
            std::make_pair(instance.constraints.size(), instance.constraints.size()));
  EXPECT_EQ(last["checking"].second, r.statistics.points);
  EXPECT_GT(last["checking"].first, 0u);
  EXPECT_EQ(last["writing"], std::make_pair(r.statistics.points, r.statistics.points));
  fs::remove(out);
}

TEST(CompileInstance, BadOptionsLeaveNoFile) {
  const fs::path out = fs::temp_directory_path() / "etr2nn_compile_instance_bad.json";
  fs::remove(out);
  CompileOptions o;
  o.layout.parameters.column_pitch = 44;  // N5 needs more than 2·19 + 2·3
  EXPECT_THROW(compile_instance(generate::planted_instance(5, 1).instance, out.string(), o),
               std::invalid_argument);
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace etr2nn::dataset
