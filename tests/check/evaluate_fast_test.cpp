// The evaluator's machine-integer path (check/evaluate.cpp, IntKernel) against
// the definition, evaluate_naive, point by point: on random rational networks
// whose scaled weights fit, on values at and beyond the int64 / 2^62 limits
// (where it must decline and leave the answer to mpq_class), and on
// algebraic networks (where it is never used).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "check/detail/evaluate.hpp"

namespace etr2nn::check {
namespace {

// fits() must say exactly whether the label is f(x): true for f(x) itself,
// false for f(x) moved by a tiny or an integer amount in either output.
void expect_agreement(const Network& n, const Evaluator& f, const Point& x) {
  const Output expected = evaluate_naive(n, x);
  if (!expected[0].is_rational() || !expected[1].is_rational()) {
    EXPECT_FALSE(f.fits(x, {mpq_class(0), mpq_class(0)}));  // an irrational is no label
    return;
  }
  const mpq_class y0 = expected[0].rational(), y1 = expected[1].rational();
  EXPECT_TRUE(f.fits(x, {y0, y1})) << x.x << ", " << x.y;
  EXPECT_FALSE(f.fits(x, {y0 + 1, y1})) << x.x << ", " << x.y;
  EXPECT_FALSE(f.fits(x, {y0, y1 - 1})) << x.x << ", " << x.y;
  EXPECT_FALSE(f.fits(x, {y0 + mpq_class(1, 1000003), y1})) << x.x << ", " << x.y;
  EXPECT_FALSE(f.fits(x, {y0, y1 + mpq_class(1, 3)})) << x.x << ", " << x.y;
}

mpq_class random_rational(std::mt19937& random, int range, int denominators) {
  mpq_class q(std::uniform_int_distribution<int>(-range, range)(random),
              std::uniform_int_distribution<int>(1, denominators)(random));
  q.canonicalize();
  return q;
}

Network random_network(std::mt19937& random, int neurons, int range, int denominators) {
  Network n;
  n.c = {Real(random_rational(random, range, denominators)),
         Real(random_rational(random, range, denominators))};
  for (int i = 0; i < neurons; ++i) {
    // Few directions (i % 4), so that groups with several breakpoints, ties
    // and opposite directions occur; a = 0 too.
    const mpq_class s = random_rational(random, 3, denominators);
    n.neurons.push_back({{Real(s * (i % 4 - 1)), Real(s * (i % 3 - 1))},
                         Real(random_rational(random, range, denominators)),
                         {Real(random_rational(random, range, denominators)),
                          Real(random_rational(random, range, denominators))}});
  }
  return n;
}

TEST(EvaluateFast, IntegerPathAgreesWithTheDefinitionOnRandomNetworks) {
  std::mt19937 random(2026);
  for (int round = 0; round < 40; ++round) {
    const Network n = random_network(random, 1 + round % 15, 50, 1 + round % 6);
    const Evaluator f(n);
    ASSERT_TRUE(f.integer_path()) << "round " << round;
    for (int p = 0; p < 40; ++p) {
      // Integer points (the integer path) and a few fractional ones (mpq).
      const Point x{random_rational(random, 30, p % 5 == 0 ? 4 : 1),
                    random_rational(random, 30, p % 7 == 0 ? 3 : 1)};
      expect_agreement(n, f, x);
    }
  }
}

// Coordinates and weights around the limits: |T| reaching 2^62, sums
// overflowing __int128 checks, numbers beyond int64. The integer path must
// decline there (or answer exactly); the verdict always equals the definition.
TEST(EvaluateFast, OverflowBoundariesFallBackExactly) {
  const mpz_class two62 = mpz_class(1) << 62, two63 = mpz_class(1) << 63;
  const std::vector<mpz_class> big = {two62 - 1,
                                      two62,
                                      two62 + 1,
                                      two63 - 1,
                                      two63,
                                      two63 + 1,
                                      two62 / 3,
                                      mpz_class(1) << 31,
                                      (mpz_class(1) << 31) + 1};
  // Weights that still scale below 2^62 (M = 6 here, M·β·v < 2^61) but make
  // products huge.
  const mpz_class two56 = mpz_class(1) << 56, two55 = mpz_class(1) << 55;
  Network n;
  n.c = {Real(mpq_class(1, 3)), Real(0)};
  n.neurons.push_back({{Real(1), Real(1)}, Real(-5), {Real(mpq_class(two56 - 1)), Real(1)}});
  n.neurons.push_back({{Real(1), Real(-1)}, Real(mpq_class(two55 + 1)), {Real(-1), Real(3)}});
  n.neurons.push_back({{Real(0), Real(2)}, Real(7), {Real(mpq_class(1, 2)), Real(-1)}});
  const Evaluator f(n);
  EXPECT_TRUE(f.integer_path());
  for (const auto& a : big)
    for (const auto& b : big)
      for (int sa : {-1, 1})
        for (int sb : {-1, 1}) {
          expect_agreement(n, f, {mpq_class(sa * a), mpq_class(sb * b)});
          expect_agreement(n, f, {mpq_class(sa * a), mpq_class(sb)});
          mpq_class third(mpz_class(sa * a), 3), seventh(mpz_class(sb * b), 7);
          third.canonicalize();
          seventh.canonicalize();
          expect_agreement(n, f, {third, seventh});  // rational points near the limits
        }
  for (int v : {-3, 0, 1, 5, 1000}) expect_agreement(n, f, {mpq_class(v), mpq_class(v - 2)});
}

// Prefix sums beyond 2^62 are left to mpq_class point by point; a constant
// beyond it turns the integer path off.
TEST(EvaluateFast, WeightsBeyondInt64FallBackExactly) {
  const mpz_class huge = mpz_class(1) << 70;
  for (bool huge_constant : {false, true}) {
    Network n;
    if (huge_constant) n.c = {Real(mpq_class(1, huge)), Real(0)};
    n.neurons.push_back({{Real(1), Real(0)}, Real(0), {Real(mpq_class(huge)), Real(1)}});
    n.neurons.push_back(
        {{Real(mpq_class(1, 3)), Real(1)}, Real(mpq_class(1, huge)), {Real(1), Real(2)}});
    n.neurons.push_back({{Real(0), Real(1)}, Real(-3), {Real(mpq_class(1, 5)), Real(7)}});
    const Evaluator f(n);
    EXPECT_EQ(f.integer_path(), !huge_constant);
    for (int a = -4; a <= 4; ++a)
      for (int b = -4; b <= 4; ++b) expect_agreement(n, f, {mpq_class(a), mpq_class(b)});
  }
}

// Setup sorts breakpoints by a double first and exactly on ties: breakpoints
// closer than a double can tell apart, equal ones, and ones beyond a double's
// range must still sort exactly. Unit leading coefficients (λ = 1, the setup's
// shortcut) and others share directions here.
TEST(EvaluateFast, BreakpointsADoubleCannotSeparateSortExactly) {
  const mpz_class huge = mpz_class(1) << 1100;  // beyond a double's range
  const mpq_class tiny(1, mpz_class(1) << 80);
  std::vector<mpq_class> betas = {
      mpq_class(1) + tiny,  mpq_class(1),       mpq_class(1) - tiny, mpq_class(1) + 2 * tiny,
      mpq_class(1),         mpq_class(huge),    mpq_class(huge + 1), mpq_class(-huge),
      mpq_class(-huge - 1), mpq_class(1, huge), mpq_class(-1, huge), mpq_class(0)};
  Network n;
  std::mt19937 random(5);
  for (std::size_t i = 0; i < betas.size(); ++i)
    for (int scale : {1, 3}) {  // λ = 1 and λ = 3, same direction (1, -1/2)
      const mpq_class v0(static_cast<int>(random() % 7) - 3), v1(static_cast<int>(i) + 1);
      n.neurons.push_back({{Real(mpq_class(scale)), Real(mpq_class(-scale, 2))},
                           Real(mpq_class(-scale * betas[i])),
                           {Real(v0), Real(v1)}});
    }
  const Evaluator f(n);
  EXPECT_EQ(f.directions(), 1u);
  // t = x0 - x1/2 at and around each breakpoint.
  for (const auto& beta : betas)
    for (const mpq_class& dt : {mpq_class(0), tiny, mpq_class(-tiny), mpq_class(1, 2)}) {
      const Point x{beta + dt, mpq_class(0)};
      const Output expected = evaluate_naive(n, x);
      EXPECT_EQ(f(x), expected) << x.x;
      EXPECT_TRUE(f.fits(x, {expected[0].rational(), expected[1].rational()})) << x.x;
      EXPECT_FALSE(f.fits(x, {expected[0].rational() + tiny, expected[1].rational()})) << x.x;
    }
}

// The integer path searches each group's breakpoints outward from the
// previous point's answer: walks up, walks down, small and large jumps, and
// points exactly on breakpoints must all give the definition's verdict.
TEST(EvaluateFast, PointsInAnyOrderFindTheirPrefixExactly) {
  std::mt19937 random(31);
  Network n;
  for (int i = 0; i < 300; ++i)  // one direction, breakpoints at -b = 2i - 300, some repeated
    n.neurons.push_back({{Real(1), Real(0)},
                         Real(mpq_class(300 - 2 * (i - i % 3 % 2))),
                         {Real(mpq_class(static_cast<int>(random() % 9) - 4)), Real(1)}});
  const Evaluator f(n);
  ASSERT_TRUE(f.integer_path());
  std::vector<int> xs;
  for (int x = -320; x <= 320; x += 3) xs.push_back(x);                                // up
  for (int x = 320; x >= -320; x -= 7) xs.push_back(x);                                // down
  for (int j = 0; j < 200; ++j) xs.push_back(static_cast<int>(random() % 700) - 350);  // jumps
  for (int x : xs) expect_agreement(n, f, {mpq_class(x), mpq_class(x % 5)});
}

// Summing the groups' fractions: an integer constant (den 1, the first term
// is taken without a gcd), then terms with other denominators whose sums
// reduce; numerators below and beyond 2^64 (64-bit or __int128 remainders).
TEST(EvaluateFast, SumsOfFractionsNearTheUint64BoundaryReduceExactly) {
  const mpz_class two60 = mpz_class(1) << 60;
  const std::vector<mpz_class> scales = {mpz_class(1), mpz_class(1000), two60 / 7, two60 - 1};
  for (const mpz_class& scale : scales) {
    Network n;
    n.c = {Real(mpq_class(3)), Real(mpq_class(-5))};
    // Four directions, each with its own denominators: 3, 5, 7 and 11.
    const int dens[4] = {3, 5, 7, 11};
    for (int g = 0; g < 4; ++g)
      for (int i = 0; i < 5; ++i) {
        mpq_class v0(scale * (i + 1), dens[g]), v1(-scale * (2 * i + 1), dens[g] * (g + 1));
        v0.canonicalize();
        v1.canonicalize();
        n.neurons.push_back(
            {{Real(1), Real(g - 1)}, Real(mpq_class(2 * i - 5)), {Real(v0), Real(v1)}});
      }
    const Evaluator f(n);
    EXPECT_EQ(f.directions(), 4u);
    for (int a = -9; a <= 9; a += 2)
      for (int b = -4; b <= 4; ++b) {
        expect_agreement(n, f, {mpq_class(a), mpq_class(b)});
        mpq_class third(a, 3), half(b, 2);
        third.canonicalize();
        half.canonicalize();
        expect_agreement(n, f, {third, half});  // q != 1
      }
  }
}

// Directions are set up on two threads, each into its own slot: a direction
// whose denominators do not scale to int64 (here 2^70) must turn the integer
// path off whichever thread meets it, and every direction must still be
// evaluated exactly by mpq_class.
TEST(EvaluateFast, ADirectionBeyondInt64TurnsTheIntegerPathOffWhereverItIs) {
  const mpq_class tiny(1, mpz_class(1) << 70);
  const auto fraction = [](int p, int q) {
    mpq_class r(p, q);
    r.canonicalize();
    return r;
  };
  for (int position = 0; position < 5; ++position) {
    Network n;
    for (int g = 0; g < 5; ++g)
      for (int i = 0; i < 4; ++i) {
        const mpq_class second = g == position ? tiny : mpq_class(g - 2);
        n.neurons.push_back({{Real(1), Real(second)},
                             Real(mpq_class(3 * i - 4)),
                             {Real(fraction(i + g, 3)), Real(fraction(1 - i, 2))}});
      }
    const Evaluator f(n);
    EXPECT_EQ(f.directions(), 5u);
    EXPECT_FALSE(f.integer_path()) << "position " << position;
    for (int a = -6; a <= 6; a += 3)
      for (int b = -3; b <= 3; b += 2) expect_agreement(n, f, {mpq_class(a), mpq_class(b)});
  }
}

// The rational kernel keeps no mpq_class prefix table: a breakpoint or a
// prefix sum that does not scale to int64 sits in a side table, and points
// the integers cannot decide are evaluated exactly from both. Networks whose
// directions scale but with some huge breakpoints and weights (so both side
// tables fill), at integer, fractional and huge points, on and next to the
// breakpoints: value and verdict must be the definition's.
TEST(EvaluateFast, HugeBreakpointsAndPrefixesAreEvaluatedExactlyFromTheSideTables) {
  std::mt19937 random(1312);
  const mpz_class huge = mpz_class(1) << 70;
  const auto pick = [&](int range, int denominators) {
    mpq_class q = random_rational(random, range, denominators);
    if (random() % 4 == 0) q = random() % 2 ? mpq_class(q * huge + 1) : mpq_class(q / huge);
    q.canonicalize();
    return q;
  };
  for (int round = 0; round < 12; ++round) {
    Network n;
    n.c = {Real(random_rational(random, 9, 3)), Real(random_rational(random, 9, 3))};
    std::vector<mpq_class> breakpoints;
    for (int i = 0; i < 30; ++i) {
      // Three directions, leading coefficient 1 or not (λ != 1 scales β and w).
      const mpq_class lambda(1 + (i % 5 == 0 ? 2 : 0));
      const std::array<mpq_class, 2> d = {mpq_class(1), mpq_class(i % 3 - 1, 2)};
      const mpq_class beta = i % 7 == 3 && !breakpoints.empty() ? breakpoints.back() : pick(20, 4);
      breakpoints.push_back(beta);
      n.neurons.push_back({{Real(mpq_class(lambda * d[0])), Real(mpq_class(lambda * d[1]))},
                           Real(mpq_class(-lambda * beta)),
                           {Real(pick(9, 5)), Real(pick(9, 5))}});
    }
    const Evaluator f(n);
    ASSERT_TRUE(f.integer_path()) << "round " << round;
    EXPECT_EQ(f.directions(), 3u);
    std::vector<Point> points;
    for (int a = -20; a <= 20; a += 5)
      for (int b = -4; b <= 4; b += 4) points.push_back({mpq_class(a), mpq_class(b)});
    for (const mpq_class& beta : breakpoints)  // t = x0 on the breakpoint, and next to it
      for (const mpq_class& dx : {mpq_class(0), mpq_class(1, huge), mpq_class(-1, 3)})
        points.push_back({beta + dx, mpq_class(0)});
    points.push_back({mpq_class(huge), mpq_class(-huge)});
    points.push_back({mpq_class(-huge * huge), mpq_class(1)});
    for (const Point& x : points) {
      EXPECT_EQ(f(x), evaluate_naive(n, x)) << x.x << ", " << x.y;
      expect_agreement(n, f, x);
    }
  }
}

// The checker holds a large rational network as a RationalNetwork (int64
// fractions, side table for the rest): it must hold the same weights, and
// its evaluator and naive evaluation must agree with the Network's, whether
// its directions scale (the integer kernel) or not (mpq_class).
TEST(EvaluateFast, RationalNetworkHoldsAndEvaluatesLikeTheNetwork) {
  std::mt19937 random(99);
  const mpz_class huge = mpz_class(1) << 70;
  for (int round = 0; round < 10; ++round) {
    Network n = random_network(random, 5 + round, 30, 4);
    n.neurons[0].a = {Real(1), Real(0)};
    n.neurons[1].a = {Real(2), Real(round % 5 == 4 ? mpq_class(1, huge) : mpq_class(1))};
    if (round % 2 == 1) n.neurons[0].v[1] = Real(mpq_class(huge, 3));  // a weight beyond int64
    RationalNetwork lean;
    lean.c = {n.c[0].rational(), n.c[1].rational()};
    for (const Neuron& u : n.neurons)
      lean.push_back({u.a[0].rational(), u.a[1].rational(), u.b.rational(), u.v[0].rational(),
                      u.v[1].rational()});
    ASSERT_EQ(lean.size(), n.neurons.size());
    const Network back = lean.expanded();
    ASSERT_EQ(back.neurons.size(), n.neurons.size());
    for (std::size_t i = 0; i < n.neurons.size(); ++i) {
      EXPECT_EQ(back.neurons[i].a, n.neurons[i].a) << i;
      EXPECT_EQ(back.neurons[i].b, n.neurons[i].b) << i;
      EXPECT_EQ(back.neurons[i].v, n.neurons[i].v) << i;
    }
    const Evaluator f(n), g(lean);
    EXPECT_EQ(g.integer_path(), f.integer_path()) << "round " << round;
    EXPECT_EQ(g.integer_path(), round % 5 != 4) << "round " << round;
    EXPECT_EQ(g.directions(), f.directions());
    for (int p = 0; p < 30; ++p) {
      const Point x{random_rational(random, 40, p % 3 == 0 ? 5 : 1),
                    random_rational(random, 40, 1)};
      const Output expected = evaluate_naive(n, x);
      EXPECT_EQ(evaluate_naive(lean, x), expected);
      EXPECT_EQ(g(x), expected);
      expect_agreement(n, g, x);
    }
  }
}

TEST(EvaluateFast, AlgebraicNetworksNeverUseTheIntegerPath) {
  std::mt19937 random(7);
  Network n = random_network(random, 8, 20, 3);
  const Real sqrt2 = Real::root(Real(2), 2);
  n.neurons[1].b = n.neurons[1].b + sqrt2;
  n.neurons[2].v[0] = n.neurons[2].v[0] * sqrt2;
  const Evaluator f(n);
  EXPECT_FALSE(f.rational());
  EXPECT_FALSE(f.integer_path());
  for (int a = -6; a <= 6; a += 2)
    for (int b = -6; b <= 6; b += 3) {
      const Point x{mpq_class(a), mpq_class(b)};
      const Output expected = evaluate_naive(n, x);
      EXPECT_EQ(f(x), expected);
      if (expected[0].is_rational() && expected[1].is_rational()) {
        EXPECT_TRUE(f.fits(x, {expected[0].rational(), expected[1].rational()}));
      }
    }
}

}  // namespace
}  // namespace etr2nn::check
