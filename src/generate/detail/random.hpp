// The one source of randomness of every generator family.
//
// Determinism on every platform is the contract of `etr2nn generate`: the same
// (family, size, seed) gives the same bytes with any compiler and standard
// library. std::mt19937_64 is specified exactly by the C++ standard (its
// 10000th output is fixed), but the std distributions are not (libstdc++ and
// libc++ differ), so none is used: every choice is the engine's raw 64-bit
// output reduced modulo the number of options. The slight modulo bias (at
// most n / 2^64) is irrelevant here; what matters is that it is the same
// everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace etr2nn::generate {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // A choice among n >= 1 options: next() % n.
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  // An integer in [lo, hi] (lo <= hi).
  long between(long lo, long hi) {
    return lo + static_cast<long>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // Fisher-Yates with below(): the same permutation everywhere (std::shuffle
  // is not specified exactly).
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace etr2nn::generate
