#include "numeric/real.hpp"

#include <gtest/gtest.h>

#include "numeric/rational.hpp"
#include "numeric/sturm.hpp"

namespace etr2nn::numeric {
namespace {

TEST(Rational, ParsesExactForms) {
  EXPECT_EQ(*parse_rational("3/6"), mpq_class(1, 2));
  EXPECT_EQ(*parse_rational("-7"), mpq_class(-7));
  EXPECT_EQ(*parse_rational("0.1"), mpq_class(1, 10));
  EXPECT_EQ(*parse_rational("2.50"), mpq_class(5, 2));
  EXPECT_EQ(*parse_rational(".5"), mpq_class(1, 2));
  EXPECT_FALSE(parse_rational("1/0"));
  EXPECT_FALSE(parse_rational("1.2.3"));
  EXPECT_FALSE(parse_rational(""));
  EXPECT_FALSE(parse_rational("1/-2"));
  EXPECT_EQ(to_string(mpq_class(6, 4)), "3/2");
}

TEST(Real, RationalArithmeticStaysRational) {
  Real a(mpq_class(1, 3)), b(mpq_class(1, 6));
  Real c = a + b;
  ASSERT_TRUE(c.is_rational());
  EXPECT_EQ(c.rational(), mpq_class(1, 2));
  EXPECT_THROW(a / Real(0), std::domain_error);
}

TEST(Real, SquareRootOfTwoIsExact) {
  Real r = Real::root(Real(2), 2);
  EXPECT_FALSE(r.is_rational());
  Real sq = r * r;
  ASSERT_TRUE(sq.is_rational());  // exact: not 2.0000000001
  EXPECT_EQ(sq.rational(), 2);
  EXPECT_GT(r, Real(mpq_class(141421, 100000)));
  EXPECT_LT(r, Real(mpq_class(141422, 100000)));
  EXPECT_EQ(r.sign(), 1);
  EXPECT_EQ((-r).sign(), -1);
  EXPECT_NEAR(r.to_double(), 1.41421356, 1e-8);
}

TEST(Real, AlgebraicFormRoundTrips) {
  Real r = Real::root(Real(2), 2) / Real(2);  // 1/sqrt(2)
  AlgebraicForm form = r.algebraic_form();
  Real back = Real::from_algebraic_form(form);
  EXPECT_EQ(back, r);
  // The interval must isolate: x^2 - 1/2 has the other root -1/sqrt(2).
  EXPECT_THROW(Real::from_algebraic_form({{-1, 0, 2}, mpq_class(-1), mpq_class(1)}),
               std::invalid_argument);
  EXPECT_THROW(Real::from_algebraic_form({{-1, 0, 2}, mpq_class(1), mpq_class(2)}),
               std::invalid_argument);
}

TEST(Real, MixedFieldArithmetic) {
  Real s2 = Real::root(Real(2), 2), s3 = Real::root(Real(3), 2);
  Real sum = s2 + s3;  // degree 4
  Real back = (sum * sum - Real(5)) / Real(2);
  EXPECT_EQ(back, s2 * s3);
  EXPECT_EQ(compare(s2, s3), -1);
}

}  // namespace
}  // namespace etr2nn::numeric

namespace etr2nn::numeric {
namespace {

TEST(Sturm, CountsDistinctRootsInOpenIntervals) {
  const Polynomial cubic{-1, -1, 0, 1};  // x^3 - x - 1: one real root, about 1.3247
  EXPECT_EQ(count_roots(cubic, -10, 10), 1u);
  EXPECT_EQ(count_roots(cubic, mpq_class(13247, 10000), mpq_class(13248, 10000)), 1u);
  EXPECT_EQ(count_roots(cubic, mpq_class(13248, 10000), 10), 0u);
  const Polynomial square{-1, 0, 1};  // roots -1 and 1, both rational
  EXPECT_EQ(count_roots(square, -2, 2), 2u);
  EXPECT_EQ(count_roots(square, -1, 1), 0u);  // open: the ends are excluded
  EXPECT_EQ(count_roots(square, -1, 2), 1u);
  const Polynomial repeated{1, -2, 1};  // (x - 1)^2: one distinct root
  EXPECT_EQ(count_roots(repeated, 0, 2), 1u);
  EXPECT_THROW(count_roots(Polynomial{0, 0}, 0, 1), std::invalid_argument);
}

TEST(Real, AlgebraicFormOfADegreeSixNumberIsolates) {
  // rho + sqrt(2) for the plastic number rho: degree 6 = 3 * 2.
  Real rho = Real::from_algebraic_form({{-1, -1, 0, 1}, mpq_class(1), mpq_class(2)});
  Real s = rho + Real::root(Real(2), 2);
  AlgebraicForm form = s.algebraic_form();
  EXPECT_EQ(form.coefficients.size(), 7u);
  EXPECT_EQ(Real::from_algebraic_form(form), s);
  EXPECT_EQ(s - Real::root(Real(2), 2), rho);
}

}  // namespace
}  // namespace etr2nn::numeric
