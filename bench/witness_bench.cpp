// Building and exactly verifying witness networks with irrational weights:
// the samples sqrt2 (Q(√2)) and plastic (x³ = x + 1 and x > 1: Q(ρ, √(ρ − 1))),
// from the reduced instance to a network checked on every point. And the
// number-field arithmetic underneath, one multiply-add at a time.
#include <benchmark/benchmark.h>

#include <string>

#include "dataset/dataset.hpp"
#include "etr/etr.hpp"
#include "layout/layout.hpp"
#include "network/network.hpp"
#include "pipeline/pipeline.hpp"

namespace {

using namespace etr2nn;

void BM_AlgebraicWitness(benchmark::State& state, const std::string& sample) {
  const etr::Sentence sentence =
      etr::parse_file(std::string(ETR2NN_SOURCE_DIR) + "/samples/" + sample);
  pipeline::ReductionOptions options;
  options.want_witness = true;
  const pipeline::Reduction reduction = pipeline::reduce(sentence, options);
  const layout::Arrangement arrangement = layout::layout(reduction.chain.instance);
  const dataset::Emission emission(arrangement);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        network::build_and_verify_witness(arrangement, emission, *reduction.assignment));
  }
  state.counters["points"] = static_cast<double>(emission.size());
  state.counters["constraints"] = static_cast<double>(reduction.chain.instance.constraints.size());
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(emission.size()),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

// t·w − b for a rational t and w, b in Q(ρ, √(ρ − 1)): the evaluator's inner step.
void BM_FieldMultiplyAdd(benchmark::State& state) {
  using numeric::Real;
  const Real rho = Real::from_algebraic_form({{-1, -1, 0, 1}, 1, 2});
  const Real s = Real::root(rho - Real(1), 2);
  const Real w = (rho + s) / Real(7), b = rho * s - Real(mpq_class(3, 11));
  Real t(mpq_class(5, 3)), sum(0);
  for (auto _ : state) {
    sum = sum + (t * w - b);
    benchmark::DoNotOptimize(sum);
  }
}

}  // namespace

BENCHMARK_CAPTURE(BM_AlgebraicWitness, sqrt2_etr, "sqrt2.etr")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AlgebraicWitness, sqrt2_smt2, "sqrt2.smt2")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AlgebraicWitness, plastic_etr, "plastic.etr")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FieldMultiplyAdd);
