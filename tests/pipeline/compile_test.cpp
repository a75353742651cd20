// pipeline::compile keeps what its callers read of the reduction (instance,
// sizes, K, completeness) and releases what only the reduction itself needed
// (provenance, carriers, the forward map's trace) before the layout, where
// compile's memory peaks.
#include "pipeline/detail/compile.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "dataset/dataset.hpp"

namespace etr2nn::pipeline {
namespace {

namespace fs = std::filesystem;

TEST(PipelineCompile, ReleasesTheChainsDetailsAndKeepsWhatIsReported) {
  const fs::path dir = fs::temp_directory_path() / "etr2nn_pipeline_compile_test";
  fs::create_directories(dir);
  CompileRequest request;
  request.input = std::string(ETR2NN_SOURCE_DIR) + "/samples/sqrt2.etr";  // through the chain
  request.output = (dir / "d.json").string();
  request.witness = (dir / "w.json").string();
  const CompileResult result = compile(request);
  const auto& chain = result.reduction.chain;
  EXPECT_FALSE(chain.passed_through);
  EXPECT_TRUE(chain.provenance.empty());
  EXPECT_TRUE(chain.variable_provenance.empty());
  EXPECT_TRUE(chain.carrier.empty());
  EXPECT_EQ(chain.trace, nullptr);
  EXPECT_FALSE(chain.sizes.empty());
  EXPECT_TRUE(result.read_back);
  // The meta was described before the release: carriers and E are in the file.
  const dataset::Dataset d = dataset::read_dataset(request.output);
  ASSERT_TRUE(d.meta && d.meta->origin);
  EXPECT_FALSE(d.meta->origin->carrier.empty());
  EXPECT_TRUE(d.meta->origin->epsilon.has_value());
  EXPECT_EQ(d.meta->instance, chain.instance);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace etr2nn::pipeline
