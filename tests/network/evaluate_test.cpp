#include "network/detail/evaluate.hpp"

#include <gtest/gtest.h>

#include <random>

namespace etr2nn::network {
namespace {

using geometry::Point;

// Small rationals with repeats, so that directions, breakpoints and points
// often coincide (ties and points exactly on breaklines are the cases to test).
mpq_class small(std::mt19937& rng, int range, int denominators) {
  std::uniform_int_distribution<int> num(-range, range), den(1, denominators);
  mpq_class q(num(rng), den(rng));
  q.canonicalize();
  return q;
}

Network random_network(std::mt19937& rng, std::size_t m) {
  Network n;
  n.c = {Real(small(rng, 3, 2)), Real(small(rng, 3, 2))};
  // A few base directions, used with positive AND negative factors, plus a = 0.
  const std::vector<std::array<int, 2>> base = {{0, 1}, {1, 0}, {1, 1}, {1, -1}, {2, 3}, {0, 0}};
  std::uniform_int_distribution<std::size_t> pick(0, base.size() - 1);
  for (std::size_t i = 0; i < m; ++i) {
    auto d = base[pick(rng)];
    mpq_class lambda = small(rng, 4, 3);  // any sign, sometimes 0
    n.neurons.push_back({{Real(lambda * d[0]), Real(lambda * d[1])},
                         Real(small(rng, 6, 2)),
                         {Real(small(rng, 5, 3)), Real(small(rng, 5, 3))}});
  }
  return n;
}

TEST(Evaluate, GroupedMatchesNaiveOnRandomRationalNetworks) {
  std::mt19937 rng(20231125);
  for (int trial = 0; trial < 60; ++trial) {
    Network n = random_network(rng, 1 + trial % 25);
    Evaluator f(n);
    EXPECT_TRUE(f.rational());
    for (int j = 0; j < 40; ++j) {
      Point p{small(rng, 8, 2), small(rng, 8, 2)};
      Output naive = evaluate_naive(n, p);
      EXPECT_EQ(f(p), naive) << "trial " << trial << " point " << j;
      const mpq_class y1 = naive[0].rational(), y2 = naive[1].rational();
      EXPECT_TRUE(f.fits(p, y1, y2));
      EXPECT_FALSE(f.fits(p, y1 + mpq_class(1, 7), y2));
      EXPECT_FALSE(f.fits(p, y1, y2 - mpq_class(1, 7)));
    }
    // Points exactly on a breakline: a·x + b = 0 for some neuron with a != 0.
    for (const auto& u : n.neurons) {
      if (u.a[0].sign() == 0) continue;
      mpq_class y = small(rng, 5, 2);
      Point p{(-u.b.rational() - u.a[1].rational() * y) / u.a[0].rational(), y};
      EXPECT_EQ(f(p), evaluate_naive(n, p));
    }
  }
}

TEST(Evaluate, NegativeFactorFlipsTheSide) {
  // ReLU(x) and ReLU(-x): same line, opposite sides; their sum is |x|.
  Network n;
  n.neurons.push_back({{Real(1), Real(0)}, Real(0), {Real(1), Real(0)}});
  n.neurons.push_back({{Real(-3), Real(0)}, Real(0), {Real(mpq_class(1, 3)), Real(0)}});
  Evaluator f(n);
  EXPECT_EQ(f.directions(), 2u);
  EXPECT_EQ(f(Point{-5, 7})[0], Real(5));
  EXPECT_EQ(f(Point{4, 7})[0], Real(4));
  EXPECT_EQ(f(Point{0, 7})[0], Real(0));
}

TEST(Evaluate, PositiveMultiplesShareOneGroup) {
  Network n;
  n.neurons.push_back({{Real(1), Real(2)}, Real(-1), {Real(1), Real(1)}});
  n.neurons.push_back({{Real(3), Real(6)}, Real(2), {Real(-1), Real(2)}});
  n.neurons.push_back({{Real(0), Real(0)}, Real(5), {Real(1), Real(-1)}});    // constant 5·v
  n.neurons.push_back({{Real(0), Real(0)}, Real(-5), {Real(100), Real(1)}});  // ReLU(-5) = 0
  Evaluator f(n);
  EXPECT_EQ(f.directions(), 1u);
  Point p{mpq_class(1, 3), 1};  // t = 7/3: ReLU(4/3)·(1,1) + ReLU(9)·(-1,2) + (5,-5)
  EXPECT_EQ(f(p), (Output{Real(mpq_class(4, 3) - 9 + 5), Real(mpq_class(4, 3) + 18 - 5)}));
  EXPECT_EQ(f(p), evaluate_naive(n, p));
}

TEST(Evaluate, AlgebraicWeightsAreExact) {
  const Real r2 = Real::root(Real(2), 2);
  std::mt19937 rng(7);
  Network n;
  n.c = {r2, Real(1)};
  for (int i = 0; i < 8; ++i) {
    mpq_class k = small(rng, 3, 2);
    n.neurons.push_back({{r2 * Real(k), Real(i % 3 - 1)},
                         Real(small(rng, 4, 1)) - r2,
                         {Real(1) / r2, Real(small(rng, 3, 1))}});
  }
  Evaluator f(n);
  EXPECT_FALSE(f.rational());
  for (int j = 0; j < 10; ++j) {
    Point p{small(rng, 5, 2), small(rng, 5, 2)};
    EXPECT_EQ(f(p), evaluate_naive(n, p));
  }
  // A point exactly on an irrational breakline is impossible with rational
  // points, but a breakpoint at a rational t is: r2·x - r2 = 0 at x = 1.
  Network line;
  line.neurons.push_back({{r2, Real(0)}, -r2, {Real(1), Real(0)}});
  Evaluator g(line);
  EXPECT_EQ(g(Point{1, 0})[0], Real(0));
  EXPECT_EQ(g(Point{3, 0})[0], r2 * Real(2));
  EXPECT_TRUE(g.fits(Point{1, 5}, 0, 0));
  EXPECT_FALSE(g.fits(Point{3, 0}, mpq_class(283, 100), 0));  // 2 sqrt 2 is not rational
}

}  // namespace
}  // namespace etr2nn::network
