// The checker's speed (src/check) on a compiled dataset and its witness:
// reading (MB/s of JSON, fast path and general parser), exact evaluation
// (points/s on points in memory) and both together (verify_file).
//
// The files come from the environment, so that any size can be measured:
//
//   build-rel/etr2nn_bench --generate 10000 1 /tmp/p.etr /tmp/p.assign.json
//   build-rel/etr2nn compile /tmp/p.etr -o /tmp/p.json --quiet
//   build-rel/etr2nn witness /tmp/p.json --assign /tmp/p.assign.json -o /tmp/p.net.json
//   ETR2NN_CHECK_DATASET=/tmp/p.json ETR2NN_CHECK_NETWORK=/tmp/p.net.json
//     build-rel/etr2nn_bench --benchmark_filter=BM_Check
//
// Without them every case stops with an error saying so.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "check/check.hpp"

namespace {

using namespace etr2nn;

struct Files {
  std::string dataset, network;
  bool ok() const { return !dataset.empty() && !network.empty(); }
};

Files files(benchmark::State& state) {
  const char* d = std::getenv("ETR2NN_CHECK_DATASET");
  const char* n = std::getenv("ETR2NN_CHECK_NETWORK");
  Files f{d ? d : "", n ? n : ""};
  if (!f.ok()) state.SkipWithError("set ETR2NN_CHECK_DATASET and ETR2NN_CHECK_NETWORK");
  return f;
}

void read_case(benchmark::State& state, bool fast) {
  const Files f = files(state);
  if (!f.ok()) return;
  std::size_t points = 0;
  for (auto _ : state) {
    std::ifstream in(f.dataset, std::ios::binary);
    const check::PointSink sink = [](std::size_t, const check::LabelledPoint& p) {
      benchmark::DoNotOptimize(&p);
    };
    points = (fast ? check::read_dataset(in, f.dataset, sink)
                   : check::read_dataset_general(in, f.dataset, sink))
                 .points;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(std::filesystem::file_size(f.dataset)));
  state.counters["points"] = static_cast<double>(points);
}

void BM_CheckReadFast(benchmark::State& state) {
  read_case(state, true);
}
void BM_CheckReadGeneral(benchmark::State& state) {
  read_case(state, false);
}

// Evaluation alone, on the first million points held in memory (all of a
// 10^4-constraint dataset; memory stays bounded for larger ones).
void BM_CheckEvaluate(benchmark::State& state) {
  const Files f = files(state);
  if (!f.ok()) return;
  constexpr std::size_t held = 1'000'000;
  std::vector<check::LabelledPoint> points;
  {
    std::ifstream in(f.dataset, std::ios::binary);
    check::read_dataset(in, f.dataset, [&points](std::size_t, const check::LabelledPoint& p) {
      if (points.size() < held) points.push_back(p);
    });
  }
  const check::Network network = check::read_network(f.network);
  const check::Evaluator evaluate(network);
  std::size_t fitting = 0;
  for (auto _ : state) {
    fitting = 0;
    for (const auto& p : points) fitting += evaluate.fits(p.x, p.y);
  }
  if (fitting != points.size()) state.SkipWithError("the witness does not fit every point");
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(points.size()),
                                                  benchmark::Counter::kIsIterationInvariantRate);
  state.counters["directions"] = static_cast<double>(evaluate.directions());
  state.counters["integer_path"] = evaluate.integer_path();
}

// Reading the network file: the writer's form through the fast path
// (read_network_text) and through the general parser alone.
void network_case(benchmark::State& state, bool fast) {
  const Files f = files(state);
  if (!f.ok()) return;
  std::ifstream in(f.network, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t neurons = 0;
  for (auto _ : state)
    neurons = (fast ? check::read_network_text(text, f.network)
                    : check::read_network_general(text, f.network))
                  .neurons.size();
  state.counters["neurons"] = static_cast<double>(neurons);
}
void BM_CheckReadNetworkFast(benchmark::State& state) {
  network_case(state, true);
}
void BM_CheckReadNetworkGeneral(benchmark::State& state) {
  network_case(state, false);
}

// The evaluator's setup: grouping by direction, sorting, prefix sums, the
// integer path's tables.
void BM_CheckEvaluatorSetup(benchmark::State& state) {
  const Files f = files(state);
  if (!f.ok()) return;
  const check::Network network = check::read_network(f.network);
  for (auto _ : state) {
    const check::Evaluator evaluate(network);
    benchmark::DoNotOptimize(&evaluate);
  }
  state.counters["neurons"] = static_cast<double>(network.neurons.size());
}

// What `etr2nn verify D N` does after reading the network: read + evaluate.
void BM_CheckVerifyFile(benchmark::State& state) {
  const Files f = files(state);
  if (!f.ok()) return;
  const check::Network network = check::read_network(f.network);
  std::size_t points = 0;
  for (auto _ : state) {
    const check::Report r = check::verify_file(f.dataset, network);
    if (!r.ok()) state.SkipWithError("the witness does not verify");
    points = r.points;
  }
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(points),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(BM_CheckReadFast)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckReadGeneral)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckReadNetworkFast)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckReadNetworkGeneral)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckEvaluatorSetup)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckEvaluate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckVerifyFile)->Unit(benchmark::kMillisecond);

}  // namespace
