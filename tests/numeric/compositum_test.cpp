// compositum(): one primitive element for two unrelated algebraic numbers, and
// Real's use of it for values of unrelated cubic fields.
#include "numeric/compositum.hpp"

#include <gtest/gtest.h>

#include "json_io/field.hpp"
#include "json_io/value.hpp"
#include "numeric/number_field.hpp"
#include "numeric/real.hpp"
#include "numeric/sturm.hpp"

namespace etr2nn::numeric {
namespace {

// An enclosure of the root of p in (lo, hi) by bisection, as AlgebraicRoot wants it.
AlgebraicRoot bisected(Polynomial p, mpq_class lo, mpq_class hi) {
  auto enclose = [p, lo, hi](unsigned bits) {
    mpq_class a = lo, b = hi, width(1);
    mpq_div_2exp(width.get_mpq_t(), width.get_mpq_t(), bits);
    const int sign_a = sgn(evaluate(p, a));
    while (b - a > width) {
      const mpq_class mid = (a + b) / 2;
      if (sgn(evaluate(p, mid)) == 0) return Interval{mid, mid};
      (sgn(evaluate(p, mid)) == sign_a ? a : b) = mid;
    }
    return Interval{a, b};
  };
  return {std::move(p), enclose};
}

// p(q(Z)) mod m: zero exactly when p vanishes at q(γ) for every root γ of m.
Polynomial composed_mod(const Polynomial& p, const Polynomial& q, const Polynomial& m) {
  Polynomial value;
  for (std::size_t i = p.size(); i-- > 0;) {  // Horner: value·q + p[i]
    value = multiply(value, q);
    if (value.empty()) value.push_back(0);
    value[0] += p[i];
    trim(value);
    value = remainder(value, m);
  }
  return value;
}

TEST(Compositum, CubeRootsOfTwoAndThree) {
  const Polynomial m2{-2, 0, 0, 1}, m3{-3, 0, 0, 1};
  const auto c = compositum(bisected(m2, 1, 2), bisected(m3, 1, 2));
  ASSERT_TRUE(c);
  EXPECT_EQ(degree(c->m), 9);
  EXPECT_EQ(c->m.back(), 1);
  EXPECT_EQ(degree(gcd(c->m, derivative(c->m))), 0) << "not square-free";
  // α and β written in γ satisfy their own polynomials, and α + k·β = γ.
  EXPECT_TRUE(composed_mod(m2, c->alpha, c->m).empty());
  EXPECT_TRUE(composed_mod(m3, c->beta, c->m).empty());
  Polynomial gamma = c->alpha;
  gamma.resize(std::max(gamma.size(), c->beta.size()));
  for (std::size_t i = 0; i < c->beta.size(); ++i) gamma[i] += c->k * c->beta[i];
  trim(gamma);
  EXPECT_EQ(gamma, (Polynomial{0, 1}));
  // The interval isolates γ, and γ ≈ 1.2599 + k·1.4422 is in it.
  EXPECT_EQ(count_roots(c->m, c->gamma.lo, c->gamma.hi), 1u);
  const double g = 1.259921 + static_cast<double>(c->k) * 1.442250;
  EXPECT_LT(c->gamma.lo.get_d(), g + 1e-4);
  EXPECT_GT(c->gamma.hi.get_d(), g - 1e-4);
}

TEST(Compositum, RefusesAConstantPolynomial) {
  EXPECT_THROW(compositum(bisected({1}, 0, 1), bisected({-3, 0, 0, 1}, 1, 2)),
               std::invalid_argument);
}

// Values of Q(∛2) and Q(∛3) used to meet only as z3 numerals (minutes for a
// witness); now they meet in their compositum, a NumberField.
TEST(RealInFields, UnrelatedCubicFieldsMeetInTheirCompositum) {
  const Real a = Real::root(Real(2), 3), b = Real::root(Real(3), 3);
  ASSERT_NE(a.field(), nullptr);
  ASSERT_NE(b.field(), nullptr);
  const Real sum = a + b, product = a * b;
  ASSERT_NE(sum.field(), nullptr) << "a z3 numeral, not a field element";
  ASSERT_NE(product.field(), nullptr);
  EXPECT_EQ(sum.field()->dimension(), 9u);
  EXPECT_EQ(&sum.field()->base_field(), &product.field()->base_field());
  EXPECT_EQ(product * product * product, Real(6));
  EXPECT_EQ((sum - b) * (sum - b) * (sum - b), Real(2));
  EXPECT_EQ(product / a, b);
  // ∛2 + ∛3 ≈ 2.70217; ∛2·∛3 = ∛6 ≈ 1.81712.
  EXPECT_GT(sum, Real(mpq_class(270216, 100000)));
  EXPECT_LT(sum, Real(mpq_class(270218, 100000)));
  EXPECT_GT(product, Real(mpq_class(181712, 100000)));
  EXPECT_LT(product, Real(mpq_class(181713, 100000)));
  // A later value of Q(∛3) moves into the same compositum instead of a new one.
  const Real later = sum + b * b;
  ASSERT_NE(later.field(), nullptr);
  EXPECT_EQ(&later.field()->base_field(), &sum.field()->base_field());
  // The exact form round-trips through a file's representation.
  EXPECT_EQ(Real::from_algebraic_form(product.algebraic_form(64)), product);
}

// The slow comparison described in real.cpp: at x = 1 + ∛17, the root of
// x³ − 3x² + 3x − 18, the values −x³/3 and x − 6 − x² are equal, and z3's
// Z3_algebraic_lt on the two representations ran for minutes.
TEST(RealInFields, SlowComparisonCaseIsExactlyEqual) {
  const Real x = Real::from_algebraic_form({{-18, 3, -3, 1}, 3, 4});
  const Real left = -(x * x * x / Real(3)), right = x - Real(6) - x * x;
  EXPECT_EQ(compare(left, right), 0);
  EXPECT_TRUE((left - right).is_rational());
  const Real tiny(mpq_class(1, mpz_class(1) << 200));
  EXPECT_EQ(compare(left + tiny, right), 1);
  EXPECT_EQ(compare(left, right + tiny), -1);
  // The same number written over another base, 1 + ∛17 with ∛17 from
  // Real::root: the two bases are unrelated as far as the registry knows, so
  // the difference is taken in their compositum (a reducible algebra: both
  // generate the same field), and must still come out as exactly 0.
  const Real y = Real(1) + Real::root(Real(17), 3);
  ASSERT_NE(y.field(), nullptr);
  EXPECT_NE(&y.field()->base_field(), &x.field()->base_field());
  const Real other_right = y - Real(6) - y * y;
  EXPECT_EQ(compare(left, other_right), 0);
  EXPECT_EQ(x, y);
  EXPECT_EQ(compare(left + tiny, other_right), 1);
  EXPECT_EQ(compare(other_right + tiny, left), 1);
}

// A file states one field for values of two cubic bases that no operation
// joined yet (the weights of x = ∛7 and of y = ∛11): common_field makes their
// compositum, and every value reads back from its coordinates there.
TEST(FieldJson, ValuesOfTwoUnjoinedCubicFieldsShareTheirCompositum) {
  const Real a = Real::root(Real(7), 3), b = Real::root(Real(11), 3) / Real(2);
  const Real c = a * a - Real(1);
  ASSERT_NE(a.field(), nullptr);
  ASSERT_NE(b.field(), nullptr);
  const NumberField* field = json_io::common_field({&a, &b, &c});
  ASSERT_NE(field, nullptr) << "no field stated for ∛7 and ∛11";
  EXPECT_EQ(degree(field->base_field().base_polynomial()), 9);
  const std::string file = "test.json";
  const nlohmann::json description = json_io::field_to_json(*field);
  const json_io::FieldReader reader(json_io::Value(description, file, "field"));
  for (const Real* v : {&a, &b, &c}) {
    const nlohmann::json coordinates = json_io::coordinates_to_json(*field, *v);
    EXPECT_EQ(reader.value(json_io::Value(coordinates, file, "value")), *v);
  }
}

}  // namespace
}  // namespace etr2nn::numeric
