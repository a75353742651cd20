// Train-F2NN -> SMT-LIB 2 (QF_NRA): the membership direction (docs/reduction.md,
// section 9 "Membership"; docs/smt-export.md).
//
// A dataset (points x_j in Q^2 with labels y_j in Q^2) and a number m of hidden
// neurons become one QF_NRA script that is satisfiable iff some network
//   f(x) = c + sum_{i=1..m} ReLU(a_i . x + b_i) v_i
// fits every point exactly. The encoding (docs/smt-export.md):
//   - weights a_i_1 a_i_2 b_i v_i_1 v_i_2 (i = 1..m) and c_1 c_2: 5m + 2 reals;
//   - per neuron i and point j an auxiliary h_i_j = ReLU(a_i . x_j + b_i),
//     encoded exactly as h >= 0, h >= pre, (h = 0 or h = pre): m*n reals and
//     m*n assertions;
//   - per point j one assertion per output k: c_k + sum_i v_i_k h_i_j = y_j_k:
//     2n assertions.
// Every constant is the point's exact rational, printed as an SMT-LIB term.
// One declaration and one assertion per line, so line counts are the sizes.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "dataset/dataset.hpp"

namespace etr2nn::smtlib {

// The truth of an instance, when it is known from how the instance was made
// (etr2nn compiled it from a sentence of known truth). Never guessed.
enum class KnownStatus { Sat, Unsat };
const char* to_string(KnownStatus status);  // "sat", "unsat"

struct TrainSmtlibOptions {
  std::size_t neurons = 0;            // m
  std::string source;                 // names the dataset in (set-info :source |...|)
  std::optional<KnownStatus> status;  // written as (set-info :status ...) only when set
};

struct TrainEncodingSize {
  std::size_t variables = 0;   // declared reals: 5m + 2 + m*n
  std::size_t assertions = 0;  // m*n ReLU assertions + 2n output assertions
  friend bool operator==(const TrainEncodingSize&, const TrainEncodingSize&) = default;
};
TrainEncodingSize train_encoding_size(std::size_t neurons, std::size_t points);

// The script's size in bytes, estimated from above before writing it (linear
// in the points, not in the output), so that `etr2nn smt` can refuse a script
// past --max-output-mb before writing a byte (docs/limits.md).
std::uintmax_t estimated_smtlib_bytes(const std::vector<dataset::LabelledPoint>& points,
                                      std::size_t neurons);

// Streams the script to `out`, point by point: memory does not grow with the
// output. Returns what it declared and asserted. The caller owns atomicity and
// the stream's error state.
TrainEncodingSize write_train_smtlib(std::ostream& out,
                                     const std::vector<dataset::LabelledPoint>& points,
                                     const TrainSmtlibOptions& options);

// An exact rational as an SMT-LIB real term: "3", "(/ 1 3)", "(- 2)", "(- (/ 7 2))".
std::string smtlib_rational(const mpq_class& value);

// The declared names, 1-based like the docs (neuron i, input or output k, point j),
// so that models and witnesses can be read and written by name.
std::string name_a(std::size_t i, std::size_t k);
std::string name_b(std::size_t i);
std::string name_v(std::size_t i, std::size_t k);
std::string name_c(std::size_t k);
std::string name_h(std::size_t i, std::size_t j);

}  // namespace etr2nn::smtlib
