#include <string_view>
#include <vector>

#include "smtlib/smtlib.hpp"

namespace etr2nn::smtlib {
namespace {

std::string indexed(std::string_view stem, std::size_t first, std::size_t second) {
  return std::string(stem) + "_" + std::to_string(first) + "_" + std::to_string(second);
}

// The text between |...| may hold anything but '|' and '\' (SMT-LIB 2.6 §3.1).
std::string quoted_symbol_text(const std::string& text) {
  std::string clean;
  for (const char ch : text) clean += (ch == '|' || ch == '\\') ? '_' : ch;
  return clean;
}

void write_header(std::ostream& out, std::size_t points, const TrainSmtlibOptions& options,
                  const TrainEncodingSize& size) {
  out << "; Train-F2NN instance: is there a network f(x) = c + sum_i ReLU(a_i.x + b_i) v_i\n"
      << "; with " << options.neurons << " hidden neurons that fits all " << points
      << " points exactly?\n"
      << "; Written by etr2nn smt (docs/smt-export.md): " << size.variables << " variables, "
      << size.assertions << " assertions.\n"
      << "(set-info :smt-lib-version 2.6)\n"
      << "(set-logic QF_NRA)\n"
      << "(set-info :source |Train-F2NN (exact fit, target error 0) of the dataset "
      << quoted_symbol_text(options.source) << " with m = " << options.neurons
      << " hidden ReLU neurons, " << points << " labelled points in Q^2 -> Q^2; written by "
      << "etr2nn smt.|)\n"
      << "(set-info :license \"https://creativecommons.org/licenses/by/4.0/\")\n"
      << "(set-info :category \"crafted\")\n";
  if (options.status) out << "(set-info :status " << to_string(*options.status) << ")\n";
}

void declare(std::ostream& out, const std::string& name) {
  out << "(declare-fun " << name << " () Real)\n";
}

void declare_weights(std::ostream& out, std::size_t m) {
  for (std::size_t i = 1; i <= m; ++i) {
    declare(out, name_a(i, 1));
    declare(out, name_a(i, 2));
    declare(out, name_b(i));
    declare(out, name_v(i, 1));
    declare(out, name_v(i, 2));
  }
  declare(out, name_c(1));
  declare(out, name_c(2));
}

// h = ReLU(pre) exactly: h >= 0, h >= pre, and h is one of them. `let` keeps
// the pre-activation written once per assertion. A zero coordinate drops its
// product (no `(* 0 a)` terms); pre is then b_i alone or a two-term sum.
void assert_relu(std::ostream& out, std::size_t i, std::size_t j, const mpq_class& x1,
                 const mpq_class& x2) {
  const std::string h = name_h(i, j);
  std::vector<std::string> terms;
  if (x1 != 0) terms.push_back("(* " + smtlib_rational(x1) + " " + name_a(i, 1) + ")");
  if (x2 != 0) terms.push_back("(* " + smtlib_rational(x2) + " " + name_a(i, 2) + ")");
  terms.push_back(name_b(i));
  out << "(assert (let ((pre ";
  if (terms.size() == 1) {
    out << terms[0];
  } else {
    out << "(+";
    for (const auto& t : terms) out << " " << t;
    out << ")";
  }
  out << ")) (and (>= " << h << " 0) (>= " << h << " pre) (or (= " << h << " 0) (= " << h
      << " pre)))))\n";
}

// c_k + sum_i v_i_k h_i_j = y. With m = 0 the sum is c_k alone (SMT-LIB's +
// wants two or more arguments).
void assert_output(std::ostream& out, std::size_t m, std::size_t j, std::size_t k,
                   const mpq_class& y) {
  out << "(assert (= ";
  if (m == 0) {
    out << name_c(k);
  } else {
    out << "(+ " << name_c(k);
    for (std::size_t i = 1; i <= m; ++i)
      out << " (* " << name_v(i, k) << " " << name_h(i, j) << ")";
    out << ")";
  }
  out << " " << smtlib_rational(y) << "))\n";
}

}  // namespace

const char* to_string(KnownStatus status) {
  return status == KnownStatus::Sat ? "sat" : "unsat";
}

TrainEncodingSize train_encoding_size(std::size_t neurons, std::size_t points) {
  return {5 * neurons + 2 + neurons * points, neurons * points + 2 * points};
}

std::uintmax_t estimated_smtlib_bytes(const std::vector<dataset::LabelledPoint>& points,
                                      std::size_t neurons) {
  // Upper estimates per line with all indices at their largest width; the
  // coordinates' digits counted exactly. Within a few percent above the truth
  // for compiled datasets (tests/smtlib/train_to_smtlib_test.cpp).
  const std::uintmax_t m = neurons, n = points.size();
  const std::uintmax_t wi = std::to_string(m).size(), wj = std::to_string(n).size();
  const std::uintmax_t declare_line = 25 + 2 + wi + wj;  // (declare-fun h_i_j () Real)
  const std::uintmax_t relu_fixed = 80 + 4 * (3 + wi + wj) + 3 * (3 + wi);
  const std::uintmax_t output_term = 9 + 2 * (wi + wj) + 4;  // (* v_i_k h_i_j)
  std::uintmax_t bytes = 1024 + 5 * m * (25 + 4 + wi) + 2 * 30;
  for (const auto& p : points) {
    const std::uintmax_t x = smtlib_rational(p.x.x).size() + smtlib_rational(p.x.y).size();
    const std::uintmax_t y = smtlib_rational(p.y.out1).size() + smtlib_rational(p.y.out2).size();
    bytes += m * (declare_line + relu_fixed + x) + 2 * (20 + m * output_term) + y;
  }
  return bytes;
}

TrainEncodingSize write_train_smtlib(std::ostream& out,
                                     const std::vector<dataset::LabelledPoint>& points,
                                     const TrainSmtlibOptions& options) {
  const std::size_t m = options.neurons;
  const TrainEncodingSize size = train_encoding_size(m, points.size());
  write_header(out, points.size(), options, size);
  declare_weights(out, m);
  for (std::size_t j = 1; j <= points.size(); ++j) {
    const dataset::LabelledPoint& p = points[j - 1];
    for (std::size_t i = 1; i <= m; ++i) declare(out, name_h(i, j));
    for (std::size_t i = 1; i <= m; ++i) assert_relu(out, i, j, p.x.x, p.x.y);
    assert_output(out, m, j, 1, p.y.out1);
    assert_output(out, m, j, 2, p.y.out2);
  }
  out << "(check-sat)\n(exit)\n";
  return size;
}

std::string smtlib_rational(const mpq_class& given) {
  mpq_class value = given;
  value.canonicalize();  // lowest terms, so the printed fraction is the canonical one
  const mpz_class numerator = abs(value.get_num());
  std::string magnitude = numerator.get_str();
  if (value.get_den() != 1) magnitude = "(/ " + magnitude + " " + value.get_den().get_str() + ")";
  return sgn(value) < 0 ? "(- " + magnitude + ")" : magnitude;
}

std::string name_a(std::size_t i, std::size_t k) {
  return indexed("a", i, k);
}
std::string name_b(std::size_t i) {
  return "b_" + std::to_string(i);
}
std::string name_v(std::size_t i, std::size_t k) {
  return indexed("v", i, k);
}
std::string name_c(std::size_t k) {
  return "c_" + std::to_string(k);
}
std::string name_h(std::size_t i, std::size_t j) {
  return indexed("h", i, j);
}

}  // namespace etr2nn::smtlib
