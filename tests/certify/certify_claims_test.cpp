// The certifier proves every claim about the real gadget library, and
// reports how much work each proof took.
#include <gtest/gtest.h>

#include "certify/detail/certify.hpp"

namespace etr2nn::certify {
namespace {

TEST(CertifyClaims, EveryGadgetReadsAsDescribedForEveryFit) {
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    ClaimResult r = certify_readings(describe(*kind), forced_relation(kind->name()));
    EXPECT_TRUE(r.proved()) << format_result(r);
    EXPECT_GT(r.types, 0u);
    EXPECT_GT(r.nonlinear_checks, 0u);  // the intended type itself needs nlsat
  }
}

TEST(CertifyClaims, BudgetsAreTight) {
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    ClaimResult r = certify_budget(describe(*kind));
    EXPECT_TRUE(r.proved()) << format_result(r);
  }
}

TEST(CertifyClaims, ConstraintPointsForceExactlyTheirEquations) {
  for (const auto* point : gadgets::all_constraint_point_kinds()) {
    ClaimResult r = certify_constraint_point(*point);
    EXPECT_TRUE(r.proved()) << format_result(r);
    EXPECT_EQ(r.nonlinear_checks, 2u);  // both directions
  }
}

TEST(CertifyClaims, WitnessesFitForEveryXInRange) {
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    ClaimResult r = certify_witness(*kind);
    EXPECT_TRUE(r.proved()) << format_result(r);
  }
}

TEST(CertifyClaims, CertificateJsonListsEveryClaim) {
  std::vector<ClaimResult> results = {certify_constraint_point(gadgets::copy_point())};
  nlohmann::json j = to_json(results);
  EXPECT_EQ(j["format"], "etr2nn-gadget-certificate");
  EXPECT_TRUE(j["all_proved"].get<bool>());
  ASSERT_EQ(j["claims"].size(), 1u);
  EXPECT_EQ(j["claims"][0]["id"], "point.copy");
  EXPECT_EQ(j["claims"][0]["result"], "proved");
}

}  // namespace
}  // namespace etr2nn::certify
