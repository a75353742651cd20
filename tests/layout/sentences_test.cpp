// Every dataset etr2nn makes passes N1–N7: the layouts of random general
// sentences (through the ETR -> ETR-INV chain at K = 0) and of planted
// ETR-INV instances of growing size, with the near-linear checks and, where
// small enough, the brute-force versions.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <random>

#include "etrinv/etrinv.hpp"
#include "generate/generate.hpp"
#include "layout/detail/invariants.hpp"
#include "layout/detail/layout.hpp"
#include "tests/etrinv/random_sentences.hpp"
#include "tests/layout/brute_force.hpp"

namespace etr2nn::layout {
namespace {

// 150 sentences by default (about 180,000 ETR-INV constraints, 7 million
// points); ETR2NN_RANDOM_SENTENCES=500 runs the 500 of the soundness issue
// (about 10 minutes), and scripts/test lowers it to 60 for the sanitizer pass,
// whose point is memory safety, not coverage of shapes.
TEST(LayoutChecks, RandomSentencesPassEveryCheck) {
  std::mt19937 rng(20261201);
  testing::RandomSentenceOptions o;
  std::size_t constraints = 0, largest = 0;
  const char* env = std::getenv("ETR2NN_RANDOM_SENTENCES");
  const int count = env ? std::atoi(env) : 150;
  for (int i = 0; i < count; ++i) {
    const etr::Sentence s = testing::random_sentence(rng, o);
    // K = 0 keeps the chain's output small (the ε chain is the bulk) while
    // every kind of gadget and constraint still occurs.
    etrinv::ChainOptions k0;
    k0.bound_exponent = 0;
    const etrinv::ChainResult r = etrinv::normalize(s, k0);
    const Arrangement a = layout(r.instance);
    const auto violations = find_violations(a, a.hidden_neurons(), 1);
    EXPECT_TRUE(violations.empty()) << "sentence " << i << ": " << to_string(violations.front());
    constraints += r.instance.constraints.size();
    largest = std::max(largest, r.instance.constraints.size());
  }
  EXPECT_GT(largest, 100u);  // the chain's output is not trivially small
  std::cout << count << " sentences, " << constraints << " ETR-INV constraints in all, largest "
            << largest << "\n";
}

TEST(LayoutChecks, PlantedInstancesPassTheChecksAndBruteForceAgrees) {
  for (std::size_t n : {1u, 2u, 5u, 20u}) {
    const Arrangement a = layout(generate::planted_instance(n, 100 + n).instance);
    EXPECT_TRUE(find_violations(a, a.hidden_neurons()).empty()) << n;
    EXPECT_EQ(testing::brute_force_window_overlaps(a), 0u) << n;
    EXPECT_EQ(testing::brute_force_shear_triples(a), 0u) << n;
    EXPECT_EQ(testing::brute_force_foreign_points(a), 0u) << n;
  }
  for (std::size_t n : {300u, 3000u}) {
    const Arrangement a = layout(generate::planted_instance(n, 7).instance);
    EXPECT_TRUE(find_violations(a, a.hidden_neurons()).empty()) << n;
  }
}

}  // namespace
}  // namespace etr2nn::layout
