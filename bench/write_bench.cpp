// Generating data points and writing point lines: the per-point costs of
// compile's writing stage, with the writer on one thread and on several
// (bench/scale times the whole command; these isolate the parts).
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

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

// The same points in machine integers, 39 per gadget (the writer's fast path).
void BM_GadgetPointBatches(benchmark::State& state) {
  const auto a = planted(state.range(0));
  const layout::GadgetPoints points(a);
  layout::GadgetPointBatch batch;
  for (auto _ : state)
    for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
      benchmark::DoNotOptimize(points.compute(g, batch));
      benchmark::DoNotOptimize(batch);
    }
  rate(state, a.data_points.size());
}

// One point line from mpq values (mpq_get_str, mpq_get_d)...
void BM_FormatPointGeneral(benchmark::State& state) {
  const dataset::LabelledPoint p{{mpq_class(-75430035), mpq_class(21297603, 2)}, {6, 0}};
  std::string line;
  for (auto _ : state) {
    line.clear();
    dataset::point_text::append_point(line, p);
    benchmark::DoNotOptimize(line.data());
  }
  state.SetItemsProcessed(state.iterations());
}

// ...and the same line from machine integers (std::to_chars, integer truncation).
void BM_FormatPointFast(benchmark::State& state) {
  const dataset::point_text::SmallFraction x{-75430035, 1}, y{21297603, 2};
  const dataset::point_text::LabelText label({6, 0});
  std::vector<char> buffer(
      dataset::point_text::max_fast_line_chars(label.exact.size() + label.display.size()));
  for (auto _ : state) {
    const char* end = dataset::point_text::put_point(buffer.data(), x, y, label);
    benchmark::DoNotOptimize(end);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_GadgetPointBatches)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FormatPointGeneral);
BENCHMARK(BM_FormatPointFast);
BENCHMARK(BM_GenerateDataPoints)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WritePointLines)
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->Args({10000, 1})
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond);

}  // namespace
