// Layout, invariant check, emission and JSON writing at several sizes
// (planted instances of N constraints). Sizes are reported as counters so
// that linear growth shows as a constant time per point.
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>

#include "dataset/dataset.hpp"
#include "generate/generate.hpp"
#include "layout/layout.hpp"

namespace {

using namespace etr2nn;

// Counts bytes, stores nothing: measures formatting, not the disk.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t bytes = 0;

 protected:
  int_type overflow(int_type c) override {
    ++bytes;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return n;
  }
};

void counters(benchmark::State& state, const layout::Arrangement& a) {
  const auto points = a.data_points.size() + a.constraint_points.size();
  state.counters["points"] = static_cast<double>(points);
  state.counters["neurons"] = static_cast<double>(a.hidden_neurons());
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(points),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Layout(benchmark::State& state) {
  const auto p = generate::planted_instance(static_cast<std::size_t>(state.range(0)), 1);
  layout::Arrangement a;
  for (auto _ : state) {
    a = layout::layout(p.instance);
    benchmark::DoNotOptimize(a.gadgets.data());
  }
  counters(state, a);
}

void BM_CheckInvariants(benchmark::State& state) {
  const auto a = layout::layout(
      generate::planted_instance(static_cast<std::size_t>(state.range(0)), 1).instance);
  for (auto _ : state) layout::check_invariants(a, a.hidden_neurons());
  counters(state, a);
}

void BM_Emit(benchmark::State& state) {
  const auto a = layout::layout(
      generate::planted_instance(static_cast<std::size_t>(state.range(0)), 1).instance);
  for (auto _ : state) {
    const dataset::Emission e(a);
    for (std::size_t i = 0; i < e.size(); ++i) benchmark::DoNotOptimize(e.point(i));
  }
  counters(state, a);
}

void BM_WriteJson(benchmark::State& state) {
  const auto a = layout::layout(
      generate::planted_instance(static_cast<std::size_t>(state.range(0)), 1).instance);
  const dataset::Emission e(a);
  CountingBuffer buffer;
  std::ostream out(&buffer);
  for (auto _ : state) {
    buffer.bytes = 0;
    dataset::write_dataset(out, e);
  }
  counters(state, a);
  state.counters["bytes"] = static_cast<double>(buffer.bytes);
}

BENCHMARK(BM_Layout)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckInvariants)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Emit)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteJson)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
