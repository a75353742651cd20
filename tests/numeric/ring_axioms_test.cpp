// Randomized ring axioms for the number fields behind Real, in the style of
// FLINT's t-mul.c: random elements of a few fields (a fixed seed, raw
// std::mt19937 draws so that every platform sees the same elements), and for
// each draw the identities a ring must satisfy, exactly. Each element is also
// enclosed by interval arithmetic from bisected generators, independently of
// NumberField, and every comparison must agree with those enclosures.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "numeric/interval.hpp"
#include "numeric/number_field.hpp"
#include "numeric/polynomial.hpp"
#include "numeric/real.hpp"

namespace etr2nn::numeric {
namespace {

// A generator: its Real, and an enclosure computed by bisecting its polynomial
// on an interval where it changes sign once.
struct Generator {
  std::string name;
  Real value;
  Polynomial polynomial;
  mpq_class lo, hi;
  unsigned degree;  // exponents 0 .. degree − 1 span the field with the others

  Interval enclosure(unsigned bits) const {
    mpq_class a = lo, b = hi, width(1);
    mpq_div_2exp(width.get_mpq_t(), width.get_mpq_t(), bits);
    const int sign_a = sgn(evaluate(polynomial, a));
    while (b - a > width) {
      const mpq_class mid = (a + b) / 2;
      const int s = sgn(evaluate(polynomial, mid));
      if (s == 0) return {mid, mid};
      (s == sign_a ? a : b) = mid;
    }
    return {a, b};
  }
};

Generator sqrt_of(long q) {
  return {"sqrt" + std::to_string(q), Real::root(Real(q), 2), {-q, 0, 1}, 1, q, 2};
}
Generator cbrt_of(long q) {
  return {"cbrt" + std::to_string(q), Real::root(Real(q), 3), {-q, 0, 0, 1}, 1, q, 3};
}
Generator plastic() {  // ρ³ = ρ + 1, ρ ≈ 1.3247
  return {"plastic", Real::from_algebraic_form({{-1, -1, 0, 1}, 1, 2}), {-1, -1, 0, 1}, 1, 2, 3};
}

// An element Σ c·g1^e1·…·gk^ek with its Real and an enclosure of its value.
struct Element {
  Real value;
  Interval enclosure;
};

class RandomElements {
 public:
  RandomElements(std::vector<Generator> generators, unsigned seed)
      : generators_(std::move(generators)), rng_(seed) {
    // Every monomial over the generators, with its exact value and enclosure.
    monomials_.push_back({Real(1), {1, 1}});
    for (const auto& g : generators_) {
      const Interval e = g.enclosure(200);
      std::vector<Element> next;
      for (const auto& m : monomials_) {
        Element power = m;
        for (unsigned k = 0; k < g.degree; ++k) {
          next.push_back(power);
          power = {power.value * g.value, power.enclosure * e};
        }
      }
      monomials_ = std::move(next);
    }
  }

  // Coefficients p/q with |p| <= 100, 1 <= q <= 16; about one in five is 0,
  // so sparse elements (and rationals) are drawn too.
  mpq_class coefficient() {
    const std::uint32_t zero = rng_() % 5, p = rng_() % 201, q = rng_() % 16;
    if (zero == 0) return 0;
    mpq_class c(static_cast<long>(p) - 100, static_cast<unsigned long>(q) + 1);
    c.canonicalize();
    return c;
  }

  Element draw() {
    Element x{Real(0), {0, 0}};
    for (const auto& m : monomials_) {
      const mpq_class c = coefficient();
      x.value += Real(c) * m.value;
      x.enclosure = x.enclosure + c * m.enclosure;
    }
    return x;
  }

 private:
  std::vector<Generator> generators_;
  std::mt19937 rng_;
  std::vector<Element> monomials_;
};

// compare(a, b) against the enclosures of a and b: it must agree whenever the
// enclosures decide (200-bit generators: for these draws they always do,
// unless a and b are equal), and a's sign must not contradict its enclosure.
// Returns whether the enclosures decided the comparison.
bool expect_compare_agrees(const Element& a, const Element& b) {
  const Interval difference = a.enclosure + mpq_class(-1) * b.enclosure;
  const int certain = difference.certain_sign();
  if (certain != 0) {
    EXPECT_EQ(compare(a.value, b.value), certain);
  }
  if (a.value.sign() != 0) {
    EXPECT_NE(a.enclosure.certain_sign(), -a.value.sign())
        << "sign " << a.value.sign() << " outside the enclosure";
  }
  return certain != 0;
}

void check_ring_axioms(std::vector<Generator> generators, unsigned seed, int draws) {
  RandomElements random(std::move(generators), seed);
  int decided = 0;
  for (int i = 0; i < draws; ++i) {
    SCOPED_TRACE("draw " + std::to_string(i));
    const Element a = random.draw(), b = random.draw(), c = random.draw();
    const Real &x = a.value, &y = b.value, &z = c.value;
    EXPECT_EQ((x * y) * z, x * (y * z));
    EXPECT_EQ(x * y, y * x);
    EXPECT_EQ(x + y, y + x);
    EXPECT_EQ(x * (y + z), x * y + x * z);
    EXPECT_EQ((x + y) - y, x);
    EXPECT_EQ(x - x, Real(0));
    EXPECT_TRUE((x - x).is_rational());
    if (x.sign() != 0) {
      const Real one = x * (Real(1) / x);
      EXPECT_TRUE(one.is_rational()) << "x·(1/x) is not written as the constant 1";
      EXPECT_EQ(one, Real(1));
      EXPECT_EQ((x * y) / x, y);
    } else {
      EXPECT_THROW(Real(1) / x, std::domain_error);
    }
    decided +=
        expect_compare_agrees(a, b) + expect_compare_agrees(b, c) + expect_compare_agrees(a, c);
  }
  // The comparison check is not vacuous: most pairs differ and are decided.
  EXPECT_GT(decided, 2 * draws);
}

TEST(RingAxioms, QuadraticField) {
  check_ring_axioms({sqrt_of(2)}, 1, 40);
}

TEST(RingAxioms, CubicFieldOfACubeRoot) {
  check_ring_axioms({cbrt_of(2)}, 2, 40);
}

TEST(RingAxioms, BiquadraticTower) {
  check_ring_axioms({sqrt_of(2), sqrt_of(3)}, 3, 30);
}

TEST(RingAxioms, PlasticNumberField) {
  check_ring_axioms({plastic()}, 4, 40);
}

// Two unrelated cubic fields: their compositum Q(∛2, ∛3) of degree 9.
TEST(RingAxioms, CompositumOfTwoCubeRoots) {
  check_ring_axioms({cbrt_of(2), cbrt_of(3)}, 5, 15);
}

// The plastic number and an unrelated cube root: a compositum whose factors
// are not both pure roots.
TEST(RingAxioms, PlasticWithAnUnrelatedCubeRoot) {
  check_ring_axioms({plastic(), cbrt_of(5)}, 6, 10);
}

}  // namespace
}  // namespace etr2nn::numeric
