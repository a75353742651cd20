#include "numeric/polynomial.hpp"

#include <stdexcept>

namespace etr2nn::numeric {

void trim(Polynomial& p) {
  while (!p.empty() && p.back() == 0) p.pop_back();
}

int degree(const Polynomial& p) {
  for (std::size_t i = p.size(); i-- > 0;)
    if (p[i] != 0) return static_cast<int>(i);
  return -1;
}

mpq_class evaluate(const Polynomial& p, const mpq_class& x) {
  mpq_class value = 0;
  for (auto it = p.rbegin(); it != p.rend(); ++it) value = value * x + *it;
  return value;
}

Polynomial derivative(const Polynomial& p) {
  Polynomial d;
  for (std::size_t i = 1; i < p.size(); ++i) d.push_back(p[i] * static_cast<unsigned long>(i));
  trim(d);
  return d;
}

Polynomial multiply(const Polynomial& a, const Polynomial& b) {
  if (a.empty() || b.empty()) return {};
  Polynomial c(a.size() + b.size() - 1);
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == 0) continue;
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] += a[i] * b[j];
  }
  trim(c);
  return c;
}

std::pair<Polynomial, Polynomial> divide(Polynomial a, const Polynomial& b) {
  Polynomial divisor = b;
  trim(divisor);
  if (divisor.empty()) throw std::domain_error("polynomial division by zero");
  trim(a);
  Polynomial quotient(a.size() >= divisor.size() ? a.size() - divisor.size() + 1 : 0);
  while (a.size() >= divisor.size()) {
    const mpq_class factor = a.back() / divisor.back();
    const std::size_t shift = a.size() - divisor.size();
    quotient[shift] = factor;
    for (std::size_t i = 0; i < divisor.size(); ++i) a[i + shift] -= factor * divisor[i];
    a.pop_back();  // its leading coefficient is now exactly 0
    trim(a);
  }
  trim(quotient);
  return {std::move(quotient), std::move(a)};
}

Polynomial remainder(Polynomial a, const Polynomial& b) {
  return divide(std::move(a), b).second;
}

Polynomial monic(Polynomial p) {
  trim(p);
  if (p.empty()) return p;
  const mpq_class lead = p.back();
  for (auto& c : p) c /= lead;
  return p;
}

Polynomial gcd(Polynomial a, Polynomial b) {
  trim(a);
  trim(b);
  while (!b.empty()) {
    Polynomial r = remainder(a, b);
    a = std::move(b);
    b = std::move(r);
  }
  return monic(std::move(a));
}

Bezout bezout(const Polynomial& a, const Polynomial& b) {
  // Invariants: r0 ≡ s0·a and r1 ≡ s1·a (mod b).
  Polynomial r0 = remainder(a, b), r1 = b, s0 = {1}, s1 = {};
  trim(r1);
  if (r0.empty()) {
    return {monic(r1), {}};  // gcd(0, b) = b, and 0·a ≡ 0 ≡ b
  }
  while (true) {
    auto [q, r] = divide(r1, r0);
    if (r.empty()) break;
    // r = r1 - q·r0, so its cofactor is s1 - q·s0.
    Polynomial s = multiply(q, s0);
    for (auto& c : s) c = -c;
    s.resize(std::max(s.size(), s1.size()));
    for (std::size_t i = 0; i < s1.size(); ++i) s[i] += s1[i];
    trim(s);
    r1 = std::move(r0);
    s1 = std::move(s0);
    r0 = std::move(r);
    s0 = std::move(s);
  }
  const mpq_class lead = r0.back();
  for (auto& c : r0) c /= lead;
  for (auto& c : s0) c /= lead;
  return {std::move(r0), remainder(std::move(s0), b)};
}

Polynomial square_free_part(const Polynomial& p) {
  Polynomial g = gcd(p, derivative(p));
  if (degree(g) <= 0) {
    Polynomial q = p;
    trim(q);
    return q;
  }
  return divide(p, g).first;
}

std::vector<mpz_class> primitive_integer_form(const Polynomial& p) {
  Polynomial q = p;
  trim(q);
  if (q.empty()) throw std::invalid_argument("the zero polynomial has no primitive form");
  mpz_class common = 1;
  for (const auto& c : q) mpz_lcm(common.get_mpz_t(), common.get_mpz_t(), c.get_den_mpz_t());
  std::vector<mpz_class> z;
  mpz_class content = 0;
  for (const auto& c : q) {
    z.push_back(mpz_class(c * common));
    mpz_gcd(content.get_mpz_t(), content.get_mpz_t(), z.back().get_mpz_t());
  }
  if (q.back() < 0) content = -content;
  for (auto& c : z) c /= content;
  return z;
}

}  // namespace etr2nn::numeric
