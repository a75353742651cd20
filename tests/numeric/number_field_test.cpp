// NumberField: exact arithmetic in towers Q(θ)(√r_1)…, checked against z3's
// algebraic numbers (an independent implementation) and against identities.
#include "numeric/number_field.hpp"

#include <gtest/gtest.h>
#include <z3++.h>

#include <random>

#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::numeric {
namespace {

using Coordinates = NumberField::Coordinates;

// x^3 - x - 1: the plastic number ρ ≈ 1.3247, the only real root.
const NumberField& plastic() {
  return NumberField::generated_by({-1, -1, 0, 1}, 1, 2);
}

Coordinates random_element(std::mt19937& rng, const NumberField& f) {
  std::uniform_int_distribution<int> c(-6, 6);
  Coordinates x(f.dimension());
  for (auto& q : x) {
    q = mpq_class(c(rng), 1 + std::abs(c(rng)));
    q.canonicalize();
  }
  return x;
}

TEST(NumberField, GeneratorSatisfiesItsPolynomial) {
  const NumberField& f = plastic();
  const Coordinates rho = f.generator();
  const Coordinates cube = f.multiply(rho, f.multiply(rho, rho));
  EXPECT_EQ(cube, f.add(rho, f.constant(1)));  // ρ³ = ρ + 1
  EXPECT_EQ(f.sign(rho), 1);
  EXPECT_EQ(f.sign(f.subtract(rho, f.constant(mpq_class(1325, 1000)))), -1);
  EXPECT_EQ(f.sign(f.subtract(rho, f.constant(mpq_class(1324, 1000)))), 1);
  EXPECT_EQ(&NumberField::generated_by({-2, -2, 0, 2}, mpq_class(5, 4), 3), &f)
      << "the same number by a multiple of its polynomial is the same field";
}

TEST(NumberField, InverseTimesElementIsOne) {
  std::mt19937 rng(3);
  const NumberField& f = plastic();
  auto root = f.sqrt(f.subtract(f.generator(), f.constant(1)));  // √(ρ - 1)
  ASSERT_TRUE(root);
  for (const NumberField* field : {&f, root->field}) {
    for (int i = 0; i < 50; ++i) {
      Coordinates x = random_element(rng, *field);
      if (field->sign(x) == 0) continue;
      EXPECT_EQ(field->multiply(x, field->inverse(x)), field->constant(1));
    }
  }
  EXPECT_THROW(f.inverse(f.constant(0)), std::domain_error);
}

// The sign of a + b·√(θ − 2), a and b quadratic in θ, the real root of
// x³ − 3x − 3 (θ ≈ 2.1; a base no other test uses, so the layout is known),
// by the field and by z3's algebraic numbers built from scratch.
TEST(NumberField, SignsAgreeWithZ3OnRandomElements) {
  std::mt19937 rng(5);
  const NumberField& f = NumberField::generated_by({-3, -3, 0, 1}, 2, 3);
  auto root = f.sqrt(f.subtract(f.generator(), f.constant(2)));
  ASSERT_TRUE(root);
  const NumberField& g = *root->field;
  ASSERT_EQ(g.dimension(), 6u);
  z3::context& c = z3_context();
  // Z3_algebraic_roots wants the polynomial in bound variable 0.
  z3::expr v0(c, Z3_mk_bound(c, 0, Z3_mk_real_sort(c)));
  z3::expr_vector roots(c, Z3_algebraic_roots(c, v0 * v0 * v0 - 3 * v0 - 3, 0, nullptr));
  ASSERT_EQ(roots.size(), 1u);
  const z3::expr r = roots[0];
  auto num = [&](const mpq_class& q) { return c.real_val(q.get_str().c_str()); };
  auto add = [&](const z3::expr& a, const z3::expr& b) {
    return z3::expr(c, Z3_algebraic_add(c, a, b));
  };
  auto mul = [&](const z3::expr& a, const z3::expr& b) {
    return z3::expr(c, Z3_algebraic_mul(c, a, b));
  };
  const z3::expr s(c, Z3_algebraic_root(c, Z3_algebraic_sub(c, r, num(2)), 2));
  int zeros = 0, signs[3] = {0, 0, 0};
  for (int i = 0; i < 60; ++i) {
    Coordinates e = random_element(rng, g);
    if (i % 10 == 0) {  // an exact zero written non-trivially: (θ − 2) − s·s
      e = g.subtract(g.embed(f, f.subtract(f.generator(), f.constant(2))),
                     g.multiply(g.generator(), g.generator()));
      ++zeros;
    } else if (i % 10 == 5) {  // b·s minus a 60-bit approximation of it: tiny, either sign
      const Coordinates bs = g.multiply(g.embed(f, random_element(rng, f)), g.generator());
      const Interval near = g.enclosure(bs, 60);
      e = g.subtract(bs, g.constant((near.lo + near.hi) / 2));
    }
    const z3::expr a = add(add(num(e[0]), mul(num(e[1]), r)), mul(num(e[2]), mul(r, r)));
    const z3::expr b = add(add(num(e[3]), mul(num(e[4]), r)), mul(num(e[5]), mul(r, r)));
    const int expected = Z3_algebraic_sign(c, add(a, mul(b, s)));
    EXPECT_EQ(g.sign(e), expected) << i;
    ++signs[expected + 1];
  }
  EXPECT_EQ(zeros, 6);
  EXPECT_GT(signs[0], 5);  // both signs occur
  EXPECT_GT(signs[2], 5);
}

TEST(NumberField, ReducibleBaseSplitsWhenAFactorVanishes) {
  // (x² - 2)(x² - 3) with the interval around √2: not a field.
  const NumberField& f = NumberField::generated_by(multiply({-2, 0, 1}, {-3, 0, 1}),
                                                   mpq_class(13, 10), mpq_class(3, 2));
  const Coordinates t = f.generator();
  const Coordinates t2 = f.multiply(t, t);
  EXPECT_EQ(f.sign(f.subtract(t2, f.constant(2))), 0);  // θ² − 2 vanishes at θ = √2
  EXPECT_EQ(f.sign(f.subtract(t2, f.constant(3))), -1);
  EXPECT_THROW(f.inverse(f.subtract(t2, f.constant(2))), std::domain_error);
  EXPECT_EQ(f.base_polynomial(), (Polynomial{-2, 0, 1}));
  EXPECT_EQ(f.minimal_polynomial(t), (Polynomial{-2, 0, 1}));
}

TEST(NumberField, ReducibleSquareRootIsStillExact) {
  // √(ρ²) = ρ: the tower ρ, s with s² = ρ² is not a field, values still are exact.
  const NumberField& f = plastic();
  const Coordinates rho = f.generator();
  auto root = f.sqrt(f.multiply(rho, rho));
  ASSERT_TRUE(root);
  const NumberField& g = *root->field;
  const Coordinates s = root->value, r = g.embed(f, rho);
  EXPECT_EQ(g.sign(g.subtract(s, r)), 0);
  EXPECT_EQ(g.sign(g.add(s, r)), 1);
  const Coordinates one = g.multiply(g.add(s, r), g.inverse(g.add(s, r)));  // (s + ρ)/(2ρ)
  EXPECT_EQ(g.sign(g.subtract(one, g.constant(1))), 0);
  EXPECT_THROW(g.inverse(g.subtract(s, r)), std::domain_error);
}

// ρ − 1 = (1/ρ²)² for the plastic number (ρ⁵ = ρ⁴ + 1), so √(ρ − 1) adds
// nothing. Once a comparison shows it, equal values get equal coordinates
// again: s·ρ² is written as the rational 1.
TEST(RealInFields, SquareRootThatLiesBelowIsLearnedAndRewritten) {
  const Real rho = Real::from_algebraic_form({{-1, -1, 0, 1}, 1, 2});
  const Real s = Real::root(rho - Real(1), 2);
  EXPECT_EQ(s, Real(1) / (rho * rho));  // the comparison that reveals it
  const Real product = s * rho * rho;
  ASSERT_TRUE(product.is_rational());
  EXPECT_EQ(product.rational(), 1);
  EXPECT_EQ((s + rho).to_double(), (Real(1) / (rho * rho) + rho).to_double());
}

// Two model values from different fields: a chain with a quadratic base moves
// into the other chain (its generators are square roots of rationals), so the
// arithmetic stays in one field instead of falling back to z3.
TEST(RealInFields, QuadraticFieldsMoveIntoOtherChains) {
  const Real sqrt2 = Real::from_algebraic_form({{-2, 0, 1}, 1, 2});
  const Real sqrt3 = Real::from_algebraic_form({{-3, 0, 1}, 1, 2});
  const Real sqrt6 = Real::from_algebraic_form({{-6, 0, 1}, 2, 3});
  const Real product = sqrt2 * sqrt3;
  ASSERT_NE(product.field(), nullptr) << "not a z3 numeral";
  EXPECT_EQ(product, sqrt6);
  EXPECT_EQ(product * product, Real(6));
  EXPECT_LT(sqrt2 + sqrt3, Real(mpq_class(315, 100)));  // 3.1462...
  EXPECT_GT(sqrt2 + sqrt3, Real(mpq_class(314, 100)));
  const Real rho = Real::from_algebraic_form({{-1, -1, 0, 1}, 1, 2});
  const Real mixed = rho * sqrt2 - sqrt3;
  ASSERT_NE(mixed.field(), nullptr);
  EXPECT_TRUE(mixed.field()->contains(*rho.field()));
  EXPECT_NEAR(mixed.to_double(), 1.324717957244746 * 1.4142135623730951 - 1.7320508075688772,
              1e-12);
  EXPECT_EQ((mixed + sqrt3) / sqrt2, rho);
}

TEST(NumberField, MinimalPolynomialOfSqrt2PlusSqrt3) {
  const NumberField& q2 = NumberField::generated_by({-2, 0, 1}, 1, 2);
  auto root = q2.sqrt(q2.constant(3));
  ASSERT_TRUE(root);
  const NumberField& g = *root->field;
  const Coordinates x = g.add(g.embed(q2, q2.generator()), root->value);
  EXPECT_EQ(g.minimal_polynomial(x), (Polynomial{1, 0, -10, 0, 1}));  // x⁴ − 10x² + 1
  EXPECT_EQ(q2.sqrt(q2.constant(3))->field, &g) << "the same square root is adjoined once";
}

TEST(NumberField, RefusesIntervalsThatDoNotIsolate) {
  EXPECT_THROW(NumberField::generated_by({-2, 0, 1}, -2, 2), std::invalid_argument);
  EXPECT_THROW(NumberField::generated_by({-2, 0, 1}, 2, 3), std::invalid_argument);
}

TEST(RealInFields, WitnessStyleArithmeticStaysInOneField) {
  // What the chain does with ρ: slack √(ρ − 1), scaling, products, quotients.
  const Real rho = Real::from_algebraic_form({{-1, -1, 0, 1}, 1, 2});
  const Real s = Real::root(rho - Real(1), 2);
  const Real eps(mpq_class(1, 65536));
  const Real X = Real(1) + eps * rho, S = Real(1) + eps * s;
  const Real value = (X * S) / (X + S) - Real(1) / (Real(1) / X + Real(1) / S);
  EXPECT_TRUE(value.is_rational());
  EXPECT_EQ(value, Real(0));
  EXPECT_EQ(S.field(), s.field());
  EXPECT_TRUE(s.field()->contains(*rho.field()));
  EXPECT_EQ(s * s, rho - Real(1));
  // The exact form of an element round-trips.
  const Real back = Real::from_algebraic_form((X * S).algebraic_form(64));
  EXPECT_EQ(back, X * S);
  // An unrelated cubic field works too (through their compositum).
  const Real cube_root_2 = Real::root(Real(2), 3);
  EXPECT_EQ((cube_root_2 * rho) / rho, cube_root_2);
}

}  // namespace
}  // namespace etr2nn::numeric
