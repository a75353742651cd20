#include "numeric/polynomial.hpp"

#include <gtest/gtest.h>

#include <random>

namespace etr2nn::numeric {
namespace {

Polynomial random_polynomial(std::mt19937& rng, int max_degree) {
  std::uniform_int_distribution<int> coefficient(-9, 9), deg(0, max_degree);
  Polynomial p(static_cast<std::size_t>(deg(rng)) + 1);
  for (auto& c : p) {
    c = mpq_class(coefficient(rng), 1 + std::abs(coefficient(rng)));
    c.canonicalize();  // gmpxx leaves p/q as given; equality needs lowest terms
  }
  trim(p);
  return p;
}

Polynomial sum(Polynomial a, const Polynomial& b) {
  a.resize(std::max(a.size(), b.size()));
  for (std::size_t i = 0; i < b.size(); ++i) a[i] += b[i];
  trim(a);
  return a;
}

TEST(Polynomial, DivisionReassemblesTheDividend) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    Polynomial a = random_polynomial(rng, 7), b = random_polynomial(rng, 4);
    if (b.empty()) continue;
    auto [q, r] = divide(a, b);
    EXPECT_LT(degree(r), degree(b));
    EXPECT_EQ(sum(multiply(q, b), r), a);
  }
}

TEST(Polynomial, GcdOfProductsFindsTheCommonFactor) {
  // (x - 1)(x + 2) and (x - 1)(x^2 + 1): gcd x - 1.
  Polynomial f = {-2, 1, 1}, g = {-1, 1, -1, 1};
  EXPECT_EQ(gcd(f, g), (Polynomial{-1, 1}));
  EXPECT_EQ(gcd(Polynomial{2, 0, 1}, Polynomial{-1, 1}), (Polynomial{1}));
  EXPECT_EQ(square_free_part(multiply(f, f)), (Polynomial{-2, 1, 1}));
}

TEST(Polynomial, BezoutCofactorInvertsModuloACoprimePolynomial) {
  std::mt19937 rng(11);
  const Polynomial m = {-1, -1, 0, 1};  // x^3 - x - 1, irreducible over Q
  int checked = 0;
  for (int round = 0; round < 200; ++round) {
    Polynomial a = random_polynomial(rng, 5);
    if (remainder(a, m).empty()) continue;
    Bezout b = bezout(a, m);
    ASSERT_EQ(b.gcd, (Polynomial{1}));
    EXPECT_EQ(remainder(multiply(b.s, a), m), (Polynomial{1}));
    ++checked;
  }
  EXPECT_GT(checked, 150);
}

TEST(Polynomial, PrimitiveIntegerFormClearsDenominatorsAndContent) {
  const std::vector<mpz_class> expected = {3, -2, 4};
  EXPECT_EQ(primitive_integer_form({mpq_class(-3, 2), 1, -2}), (std::vector<mpz_class>{3, -2, 4}));
  EXPECT_EQ(primitive_integer_form({mpq_class(3, 4), mpq_class(-1, 2), 1}), expected);
}

}  // namespace
}  // namespace etr2nn::numeric
