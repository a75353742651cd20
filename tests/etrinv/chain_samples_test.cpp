// The chain on every sample (built in code): sizes, witness-mode forward
// mapping of z3's model (exact, incl. algebraic witnesses), round trips, and
// z3 on the ETR-INV output of the false samples.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "etrinv/detail/chain.hpp"
#include "same_values.hpp"
#include "sample_sentences.hpp"
#include "size_formula.hpp"
#include "solve/solve.hpp"

namespace etr2nn::etrinv {
namespace {

using namespace std::chrono;
using testing::sample_sentences;

double seconds_since(steady_clock::time_point t) {
  return duration<double>(steady_clock::now() - t).count();
}

TEST(ChainSamples, DefaultKSizesMatchTheFormula) {
  for (const auto& s : sample_sentences()) {
    SCOPED_TRACE(s.file);
    ChainOptions o;
    o.allow_pass_through = false;
    ChainResult r = normalize(s.sentence, o);
    EXPECT_EQ(r.bound_exponent, r.safe_bound_exponent);
    EXPECT_TRUE(r.complete_for_all_solutions);
    EXPECT_GE(r.bound_exponent, 2u);
    testing::expect_size_formula(r);
    std::cout << "[size] " << s.file << " default K=" << r.bound_exponent
              << " n_A=" << r.ami.variables << " m1=" << r.ami.one << " m+=" << r.ami.add
              << " mx=" << r.ami.mul << " -> " << r.instance.variables.size() << " variables, "
              << r.instance.constraints.size() << " constraints\n";
  }
}

TEST(ChainSamples, WitnessModeForwardMappingOfZ3ModelsVerifiesExactly) {
  int checked = 0;
  for (const auto& s : sample_sentences()) {
    if (!s.sat) continue;
    SCOPED_TRACE(s.file);
    auto solved = solve::solve(s.sentence, seconds(10));
    ASSERT_EQ(solved.verdict, solve::Verdict::Sat);
    if (as_etr_inv(s.sentence)) {  // the fast path: identity mapping
      ChainOptions o;
      o.witness = &solved.model;
      ChainResult r = normalize(s.sentence, o);
      ASSERT_TRUE(r.passed_through);
      Assignment a = forward(r, s.sentence, solved.model);
      EXPECT_TRUE(testing::same_values(backward(r, a), solved.model));
    }
    {  // the full chain, also on ETR-INV-shaped input
      ChainOptions o;
      o.witness = &solved.model;
      o.allow_pass_through = false;
      auto t0 = steady_clock::now();
      ChainResult r = normalize(s.sentence, o);
      double t_normalize = seconds_since(t0);
      testing::expect_size_formula(r);
      EXPECT_FALSE(r.complete_for_all_solutions);
      t0 = steady_clock::now();
      Assignment a = forward(r, s.sentence, solved.model);  // checks every constraint and range
      double t_forward = seconds_since(t0);
      ASSERT_FALSE(first_violation(r.instance, a));
      auto back = backward(r, a);
      EXPECT_TRUE(testing::same_values(back, solved.model));
      bool algebraic = false;
      for (const auto& [n, x] : solved.model) algebraic |= !x.is_rational();
      std::cout << "[witness] " << s.file << (algebraic ? " (algebraic)" : " (rational)")
                << " K_w=" << r.bound_exponent << " " << r.instance.variables.size()
                << " variables, " << r.instance.constraints.size() << " constraints; normalize "
                << t_normalize << " s, forward " << t_forward << " s\n";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 7);  // every true sample goes through the full chain once
}

TEST(ChainSamples, AlgebraicWitnessesOfSqrt2AndPlastic) {
  for (const auto& s : sample_sentences()) {
    if (s.file != "sqrt2.etr" && s.file != "plastic.etr") continue;
    auto solved = solve::solve(s.sentence, seconds(10));
    ASSERT_EQ(solved.verdict, solve::Verdict::Sat);
    EXPECT_FALSE(solved.model.at("x").is_rational()) << s.file;
  }
}

TEST(ChainSamples, Z3OnTheEtrInvOutputOfFalseSamples) {
  // K = 2 keeps the instance small; soundness holds for every K, so z3 must
  // never find a model. It may time out (nlsat on hundreds of variables).
  int unsat = 0, unknown = 0, total = 0;
  for (const auto& s : sample_sentences()) {
    if (s.sat) continue;
    ChainOptions o;
    o.bound_exponent = 2;
    o.allow_pass_through = false;
    ChainResult r = normalize(s.sentence, o);
    auto t0 = steady_clock::now();
    auto solved = solve::solve(to_sentence(r.instance), seconds(5));
    ++total;
    EXPECT_NE(solved.verdict, solve::Verdict::Sat) << s.file;
    (solved.verdict == solve::Verdict::Unsat ? unsat : unknown)++;
    std::cout << "[false] " << s.file << " K=2 " << r.instance.variables.size() << " variables: z3 "
              << solve::to_string(solved.verdict) << " in " << seconds_since(t0) << " s\n";
  }
  std::cout << "[false] " << unsat << " unsat, " << unknown << " unknown of " << total << "\n";
  EXPECT_EQ(total, 5);
}

}  // namespace
}  // namespace etr2nn::etrinv
