// etr2nn_bench: the Google Benchmark cases of bench/*.cpp, plus two helper
// modes for bench/scaling:
//
//   etr2nn_bench --generate N SEED FILE.etr [ASSIGN.json]
//                                             write a planted ETR-INV instance
//                                             (and its planted solution, in the
//                                             assignment format of `witness`)
//   etr2nn_bench --compile N SEED FILE.json   compile one in-process (no parser)
//                                             and print a TSV row of its sizes
//
// Any other arguments go to Google Benchmark (--benchmark_filter=...).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "dataset/compile.hpp"
#include "generate/planted.hpp"
#include "numeric/rational.hpp"

namespace {

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  out.close();
  if (!out) std::cerr << "etr2nn_bench: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

int generate(std::size_t n, std::uint64_t seed, const std::string& path,
             const std::string& assignment) {
  const auto p = etr2nn::generate::planted_instance(n, seed);
  if (!write_text(path, etr2nn::generate::etr_text(p.instance))) return 1;
  if (assignment.empty()) return 0;
  nlohmann::json values = nlohmann::json::object();
  for (std::size_t v = 0; v < p.solution.size(); ++v)
    values[p.instance.variables[v]] = etr2nn::numeric::to_string(p.solution[v]);
  return write_text(assignment, values.dump(1) + "\n") ? 0 : 1;
}

int compile(std::size_t n, std::uint64_t seed, const std::string& path) {
  const auto p = etr2nn::generate::planted_instance(n, seed);
  const auto r = etr2nn::dataset::compile_instance(p.instance, path);
  std::printf("%zu\t%zu\t%zu\t%zu\t%zu\t%ju\t%.3f\n", n, p.instance.variables.size(),
              r.statistics.points, r.statistics.neurons, r.statistics.labels, r.file_bytes,
              r.total_seconds());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::string(argv[1]) == "--generate" || std::string(argv[1]) == "--compile")) {
    const bool gen = std::string(argv[1]) == "--generate";
    if (argc != 5 && !(gen && argc == 6)) {
      std::cerr << "usage: etr2nn_bench " << argv[1] << " N SEED FILE"
                << (gen ? " [ASSIGN.json]" : "") << "\n";
      return 2;
    }
    const std::size_t n = std::stoul(argv[2]);
    const std::uint64_t seed = std::stoull(argv[3]);
    return gen ? generate(n, seed, argv[4], argc == 6 ? argv[5] : "") : compile(n, seed, argv[4]);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
