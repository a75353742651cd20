// 200 random small sentences (fixed seed) through the whole chain:
//  - forward: whenever z3 finds a model of the input, the witness-mode forward
//    mapping yields an exact ETR-INV solution (every constraint and range) and
//    the backward mapping gives the model back;
//  - backward: whenever z3 finds a model of the ETR-INV output (K = 2), the
//    backward mapping yields a model of the input.
// Counts are printed; the test fails if too few cases were actually decided.
// z3 runs with step limits, so what is decided does not depend on the machine.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>

#include "etr/etr.hpp"
#include "etrinv/detail/chain.hpp"
#include "random_sentences.hpp"
#include "same_values.hpp"
#include "size_formula.hpp"
#include "solve/solve.hpp"

namespace etr2nn::etrinv {
namespace {

using namespace std::chrono;

// Every z3 call runs in a child process killed at its limit (solve/detail/bounded_check.hpp);
// the ETR-INV outputs (larger queries) are solved for the first 60 sentences
// only, to keep the test's time bounded.
TEST(ChainRandom, ForwardAndBackwardMappingsOnRandomSentences) {
  std::mt19937 rng(20261125);
  testing::RandomSentenceOptions o;
  int sat = 0, unsat = 0, unknown = 0, forward_verified = 0, algebraic_models = 0;
  int inv_sat = 0, inv_unsat = 0, inv_unknown = 0, backward_verified = 0, outside_ball = 0;
  double forward_seconds = 0;
  auto start = steady_clock::now();
  const char* env = std::getenv("ETR2NN_RANDOM_SENTENCES");  // fewer: scripts/test (sanitizers)
  const int count = env ? std::atoi(env) : 200;
  const int with_output_solve = std::min(count, 60);
  // z3's resource limits (deterministic steps), not time: what is decided,
  // and so what the bounds below count, is the same on every machine. The
  // 20 s time limit is only the hard stop. Measured: 200k steps decide every
  // input (162 sat, 38 unsat); 500k steps decide 15 of the first 60 outputs.
  const unsigned input_steps = 200000, output_steps = 500000;
  for (int i = 0; i < count; ++i) {
    etr::Sentence s = testing::random_sentence(rng, o);
    auto t_case = steady_clock::now();
    double t_input = 0, t_forward = 0;
    SCOPED_TRACE("random sentence " + std::to_string(i));
    if (std::getenv("ETR2NN_RANDOM_VERBOSE"))
      std::cout << i << ": " << etr::print(*s.matrix) << std::endl;
    auto input = solve::solve(s, seconds(20), input_steps);
    t_input = duration<double>(steady_clock::now() - t_case).count();
    if (input.verdict == solve::Verdict::Sat) {
      ++sat;
      ChainOptions w;
      w.witness = &input.model;
      ChainResult r = normalize(s, w);
      testing::expect_size_formula(r);
      bool algebraic = false;
      for (const auto& [n, x] : input.model) algebraic |= !x.is_rational();
      algebraic_models += algebraic;
      auto t0 = steady_clock::now();
      Assignment a = forward(r, s, input.model);  // throws on any violated constraint or range
      t_forward = duration<double>(steady_clock::now() - t0).count();
      forward_seconds += t_forward;
      ASSERT_FALSE(first_violation(r.instance, a));
      ASSERT_TRUE(testing::same_values(backward(r, a), input.model));
      ++forward_verified;
    } else {
      (input.verdict == solve::Verdict::Unsat ? unsat : unknown)++;
    }

    ChainOptions k2;
    k2.bound_exponent = 2;
    ChainResult r2 = normalize(s, k2);
    testing::expect_size_formula(r2);
    EXPECT_FALSE(r2.complete_for_all_solutions);
    if (i >= with_output_solve) continue;
    auto output = solve::solve(to_sentence(r2.instance), seconds(20), output_steps);
    if (output.verdict == solve::Verdict::Sat) {
      ++inv_sat;
      Assignment a;
      for (const auto& name : r2.instance.variables) a.push_back(output.model.at(name));
      auto x = backward(r2, a);
      ASSERT_TRUE(etr::satisfies(s, x)) << "backward mapping of an ETR-INV model fails the input";
      ASSERT_NE(input.verdict, solve::Verdict::Unsat);
      ++backward_verified;
    } else if (output.verdict == solve::Verdict::Unsat) {
      ++inv_unsat;
      // Allowed (K = 2 is complete only inside the ball |x| <= 16), but worth counting.
      outside_ball += input.verdict == solve::Verdict::Sat;
    } else {
      ++inv_unknown;
    }
    double t_total = duration<double>(steady_clock::now() - t_case).count();
    if (t_total > 1)
      std::cout << "[random] slow case " << i << ": " << t_total << " s (input solve " << t_input
                << ", forward " << t_forward << ", " << r2.instance.variables.size()
                << " ETR-INV variables at K=2)\n";
  }
  std::cout << "[random] input: " << sat << " sat (" << algebraic_models << " algebraic models), "
            << unsat << " unsat, " << unknown << " unknown; forward verified " << forward_verified
            << " (" << forward_seconds << " s)\n"
            << "[random] ETR-INV output, K = 2: " << inv_sat << " sat, " << inv_unsat << " unsat, "
            << inv_unknown << " unknown; backward verified " << backward_verified
            << "; unsat although the input is sat (K = 2 too small): " << outside_ball << "\n"
            << "[random] total " << duration<double>(steady_clock::now() - start).count() << " s\n";
  // Neither check may be vacuous. (With the fixed seed and step limits the
  // counts are the same on every run; the bounds leave room for another z3.)
  EXPECT_GE(forward_verified, count / 2);
  EXPECT_GE(backward_verified, with_output_solve / 8);
}

}  // namespace
}  // namespace etr2nn::etrinv
