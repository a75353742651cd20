// Generating data points and writing point lines: the per-point costs of
// compile's writing stage, with the writer on one thread and on several
// (bench/scale times the whole command; these isolate the parts).
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>

#include "dataset/dataset.hpp"
#include "generate/generate.hpp"
#include "layout/layout.hpp"

namespace {

using namespace etr2nn;

// Stores nothing: measures formatting, not the disk.
class NullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

layout::Arrangement planted(std::int64_t n) {
  return layout::layout(generate::planted_instance(static_cast<std::size_t>(n), 1).instance);
}

void rate(benchmark::State& state, std::size_t points) {
  state.counters["points"] = static_cast<double>(points);
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(points),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

// Every data point computed from its gadget's strip (no stored points).
void BM_GenerateDataPoints(benchmark::State& state) {
  const auto a = planted(state.range(0));
  for (auto _ : state)
    for (const auto& d : a.data_points) benchmark::DoNotOptimize(d);
  rate(state, a.data_points.size());
}

// The whole dataset text with `threads` formatting threads (range(1)).
void BM_WritePointLines(benchmark::State& state) {
  const auto a = planted(state.range(0));
  const dataset::Emission e(a);
  NullBuffer buffer;
  std::ostream out(&buffer);
  dataset::WriteOptions options;
  options.threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) dataset::write_dataset(out, e, options);
  rate(state, e.size());
}

BENCHMARK(BM_GenerateDataPoints)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WritePointLines)
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->Args({10000, 1})
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond);

}  // namespace
