#include "numeric/interval.hpp"

#include <algorithm>
#include <stdexcept>

namespace etr2nn::numeric {

Interval operator+(const Interval& a, const Interval& b) {
  return {a.lo + b.lo, a.hi + b.hi};
}

Interval operator*(const Interval& a, const Interval& b) {
  const mpq_class p[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return {*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
}

Interval operator*(const mpq_class& k, const Interval& a) {
  if (k >= 0) return {k * a.lo, k * a.hi};
  return {k * a.hi, k * a.lo};
}

Interval evaluate(const Polynomial& p, const Interval& x) {
  Interval value{0, 0};
  for (auto it = p.rbegin(); it != p.rend(); ++it) {
    value = value * x;
    value.lo += *it;
    value.hi += *it;
  }
  return value;
}

namespace {
// floor(q·2^shift), or its ceiling.
mpz_class scaled_integer(const mpq_class& q, unsigned shift, bool round_up) {
  mpq_class scaled = q;
  mpq_mul_2exp(scaled.get_mpq_t(), scaled.get_mpq_t(), shift);
  mpz_class n;
  if (round_up)
    mpz_cdiv_q(n.get_mpz_t(), scaled.get_num_mpz_t(), scaled.get_den_mpz_t());
  else
    mpz_fdiv_q(n.get_mpz_t(), scaled.get_num_mpz_t(), scaled.get_den_mpz_t());
  return n;
}

mpq_class dyadic(const mpz_class& n, unsigned bits) {
  mpq_class r(n);
  mpq_div_2exp(r.get_mpq_t(), r.get_mpq_t(), bits);
  return r;
}

// floor(√q · 2^bits) (round_up false) or its ceiling, as a dyadic rational.
mpq_class scaled_sqrt(const mpq_class& q, unsigned bits, bool round_up) {
  const mpz_class n = scaled_integer(q, 2 * bits, round_up);
  mpz_class root;
  mpz_sqrt(root.get_mpz_t(), n.get_mpz_t());
  if (round_up && root * root < n) ++root;
  return dyadic(root, bits);
}
}  // namespace

Interval outward_dyadic(const Interval& x, unsigned bits) {
  return {dyadic(scaled_integer(x.lo, bits, false), bits),
          dyadic(scaled_integer(x.hi, bits, true), bits)};
}

Interval sqrt(const Interval& a, unsigned bits) {
  if (a.lo < 0) throw std::domain_error("square root of an interval reaching below 0");
  return {scaled_sqrt(a.lo, bits, false), scaled_sqrt(a.hi, bits, true)};
}

}  // namespace etr2nn::numeric
