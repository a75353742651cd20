// etr2nn_bench: the Google Benchmark cases of bench/*.cpp, plus two helper
// modes for bench/scaling:
//
//   etr2nn_bench --generate N SEED FILE.etr [ASSIGN.json]
//                                             write a planted ETR-INV instance
//                                             (and its planted solution, in the
//                                             assignment format of `witness`)
//   etr2nn_bench --compile N SEED FILE.json   compile one in-process (no parser)
//                                             and print a TSV row of its sizes
//   etr2nn_bench --floor N FILE [DIGITS]      write N point lines of a dataset's
//                                             shape (same keys, coordinates of
//                                             DIGITS digits, default 12) with a
//                                             minimal formatter: the time any
//                                             writer of such a file needs, which
//                                             bench/scale compares compile with
//
// Any other arguments go to Google Benchmark (--benchmark_filter=...).
#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"
#include "generate/generate.hpp"
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

template <class T>
char* put(char* at, T value) {
  return std::to_chars(at, at + 32, value).ptr;
}

char* put_text(char* at, const char* text) {
  const std::size_t n = std::strlen(text);
  std::memcpy(at, text, n);
  return at + n;
}

// The writer's floor: integers to text with std::to_chars into one large
// buffer, nothing else. Coordinates are distinct, of `digits` digits (at
// most 18), labels small, as in a compiled dataset.
int write_floor(std::size_t n, const std::string& path, unsigned digits) {
  if (digits == 0 || digits > 18) {
    std::cerr << "etr2nn_bench --floor: DIGITS must be 1 to 18\n";
    return 2;
  }
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) {
    std::cerr << "etr2nn_bench: cannot write " << path << "\n";
    return 1;
  }
  std::int64_t base = 1;
  for (unsigned d = 1; d < digits; ++d) base *= 10;
  std::vector<char> buffer(1 << 22);
  char* at = buffer.data();
  at = put_text(at, "{\n  \"points\": [");
  for (std::size_t i = 0; i < n; ++i) {
    if (buffer.data() + buffer.size() - at < 512) {
      std::fwrite(buffer.data(), 1, static_cast<std::size_t>(at - buffer.data()), out);
      at = buffer.data();
    }
    const std::int64_t x = -(base + static_cast<std::int64_t>(i % 1000000007));
    const std::int64_t y = base + 2 * static_cast<std::int64_t>(i % 1000000007);
    const int l1 = static_cast<int>(i % 3), l2 = static_cast<int>(i % 2);
    at = put_text(at, i == 0 ? "\n    {\"x\":[\"" : ",\n    {\"x\":[\"");
    at = put(at, x);
    at = put_text(at, "\",\"");
    at = put(at, y);
    at = put_text(at, "\"],\"y\":[\"");
    at = put(at, l1);
    at = put_text(at, "\",\"");
    at = put(at, l2);
    at = put_text(at, "\"],\"xf\":[");
    at = put(at, static_cast<double>(x));
    *at++ = ',';
    at = put(at, static_cast<double>(y));
    at = put_text(at, "],\"yf\":[");
    at = put(at, static_cast<double>(l1));
    *at++ = ',';
    at = put(at, static_cast<double>(l2));
    at = put_text(at, "]}");
  }
  at = put_text(at, "\n  ]\n}\n");
  std::fwrite(buffer.data(), 1, static_cast<std::size_t>(at - buffer.data()), out);
  if (std::fclose(out) != 0) {
    std::cerr << "etr2nn_bench: cannot write " << path << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "--floor") {
    if (argc != 4 && argc != 5) {
      std::cerr << "usage: etr2nn_bench --floor N FILE [DIGITS]\n";
      return 2;
    }
    return write_floor(std::stoul(argv[2]), argv[3], argc == 5 ? std::stoul(argv[4]) : 12);
  }
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
