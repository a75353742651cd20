// The witness profiles pass through every data-line label exactly, for the
// range ends, many rationals in between and irrational (algebraic) X; and
// read on the measuring lines what the gadget tables say.
#include "gadgets/cpwl.hpp"

#include <gtest/gtest.h>

#include "gadgets/registry.hpp"

namespace etr2nn::gadgets {
namespace {

// The value of parameter p of `kind` at X (s1 = X + 1, s2 = 1/X + 1, s = X + 1).
Real parameter_value(const GadgetKind& kind, unsigned p, const Real& x) {
  if (kind.name() == "I" && p == 1) return Real(1) / x + 1;
  return x + 1;
}

Real reading_value(const GadgetKind& kind, const Reading& r, const Real& x) {
  return Real(r.constant) + Real(r.coefficient) * parameter_value(kind, r.parameter, x);
}

// Rationals spread over [1/2, 2]: the ends, k/q for several q.
std::vector<Real> sample_points() {
  std::vector<Real> xs;
  for (int q : {1, 2, 3, 7, 10, 97}) {
    for (int k = 0; k <= 4 * q; ++k) {
      mpq_class x(k, q);
      x.canonicalize();
      if (x >= mpq_class(1, 2) && x <= 2) xs.emplace_back(x);
    }
  }
  return xs;
}

void expect_witness_fits(const GadgetKind& kind, const Real& x) {
  Cpwl f(kind.witness(x));
  const DataLine* miss = f.first_miss(kind.data_lines());
  EXPECT_EQ(miss, nullptr) << kind.name() << " at X = " << x.to_string()
                           << " misses t = " << (miss ? miss->position.get_str() : "");
  EXPECT_LE(f.kink_count(), kind.breakpoint_budget());
  // Zero outside the strip [0, 19].
  EXPECT_EQ(f(Real(-1)), (Output2{0, 0}));
  EXPECT_EQ(f(Real(strip_width)), (Output2{0, 0}));
  EXPECT_EQ(f.slope_right_of(Real(strip_width)), (Output2{0, 0}));
  for (const auto& m : kind.measuring_lines()) {
    Output2 v = f(Real(m.position));
    EXPECT_EQ(v.out1, reading_value(kind, m.out1, x))
        << kind.name() << " t=" << m.position.get_str();
    EXPECT_EQ(v.out2, reading_value(kind, m.out2, x))
        << kind.name() << " t=" << m.position.get_str();
  }
}

TEST(CpwlEvaluation, IsExactAndPiecewiseLinear) {
  Cpwl f({1, -2}, {mpq_class(1, 2), 0}, {{Real(3), 1, 2}, {Real(5), -1, -2}});
  EXPECT_EQ(f(Real(0)), (Output2{1, -2}));
  EXPECT_EQ(f(Real(3)), (Output2{mpq_class(5, 2), -2}));
  EXPECT_EQ(f(Real(4)), (Output2{4, 0}));
  EXPECT_EQ(f(Real(7)), (Output2{mpq_class(13, 2), 2}));
  EXPECT_EQ(f.slope_right_of(Real(3)), (Output2{mpq_class(3, 2), 2}));
  EXPECT_EQ(f.kink_count(), 2u);
  Cpwl g({{Real(1), 1, 0}, {Real(1), -1, 0}, {Real(2), 0, 1}});
  EXPECT_EQ(g.kink_count(), 1u);  // the two neurons at 1 cancel
}

TEST(CpwlWitness, FitsEveryDataLineForRationalX) {
  for (const auto* kind : all_gadget_kinds())
    for (const Real& x : sample_points()) expect_witness_fits(*kind, x);
}

TEST(CpwlWitness, FitsEveryDataLineForAlgebraicX) {
  Real inv_sqrt2 = Real(1) / Real::root(Real(2), 2);
  Real cbrt3 = Real::root(Real(3), 3);
  ASSERT_FALSE(inv_sqrt2.is_rational());
  for (const auto* kind : all_gadget_kinds()) {
    expect_witness_fits(*kind, inv_sqrt2);
    expect_witness_fits(*kind, cbrt3);
    auto profile = kind->witness(inv_sqrt2);
    bool some_irrational = false;
    for (const auto& b : profile) some_irrational |= !b.beta.is_rational();
    EXPECT_TRUE(some_irrational) << kind->name();
  }
}

TEST(CpwlWitness, WrongParameterMissesAData) {
  // A profile built for X but shifted: the I witness with its out2 ramp
  // moved no longer fits, so fits() can fail.
  auto profile = inversion_gadget().witness(Real(1));
  profile[2].beta += Real(mpq_class(1, 10));
  EXPECT_FALSE(Cpwl(profile).fits(inversion_gadget().data_lines()));
}

TEST(CpwlWitness, RefusesXOutsideTheRange) {
  for (const auto* kind : all_gadget_kinds()) {
    EXPECT_THROW(kind->witness(Real(mpq_class(49, 100))), std::domain_error);
    EXPECT_THROW(kind->witness(Real(mpq_class(201, 100))), std::domain_error);
  }
}

}  // namespace
}  // namespace etr2nn::gadgets
