#include "numeric/sturm.hpp"

#include <stdexcept>

namespace etr2nn::numeric {
namespace {

std::vector<Polynomial> sturm_sequence(Polynomial p) {
  trim(p);
  if (p.empty()) throw std::invalid_argument("count_roots of the zero polynomial");
  std::vector<Polynomial> seq{p, derivative(p)};
  while (!seq.back().empty()) {
    Polynomial r = remainder(seq[seq.size() - 2], seq.back());
    for (auto& c : r) c = -c;
    seq.push_back(std::move(r));
  }
  seq.pop_back();
  return seq;
}

unsigned sign_changes(const std::vector<Polynomial>& seq, const mpq_class& x) {
  unsigned changes = 0;
  int last = 0;
  for (const auto& q : seq) {
    const int s = sgn(evaluate(q, x));
    if (s == 0) continue;
    if (last != 0 && s != last) ++changes;
    last = s;
  }
  return changes;
}

}  // namespace

unsigned count_roots(const Polynomial& p, const mpq_class& lower, const mpq_class& upper) {
  const auto seq = sturm_sequence(p);
  // Sturm counts distinct roots in (lower, upper]; a root at upper is not inside.
  const unsigned in_half_open = sign_changes(seq, lower) - sign_changes(seq, upper);
  return in_half_open - (evaluate(seq.front(), upper) == 0 ? 1 : 0);
}

}  // namespace etr2nn::numeric
