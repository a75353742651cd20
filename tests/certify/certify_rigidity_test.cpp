// G2-G4: every fit within budget IS the profile, its slots identify the
// neuron and u, and it vanishes outside its breakpoints — and each of these
// claims fails for a wrong profile, a larger budget or a narrower range.
#include <gtest/gtest.h>

#include "certify/detail/certify.hpp"
#include "certify/detail/certify_solver.hpp"
#include "certify/detail/cpwl_type_breakpoints.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::certify {
namespace {

using gadgets::SymbolicBreakpoint;
using numeric::Real;

GadgetDescription inversion() {
  return describe(gadgets::inversion_gadget());
}
GadgetDescription diagonal() {
  return describe(gadgets::diagonal_gadget());
}

TEST(CertifyRigidity, EveryFitWithinBudgetIsTheProfile) {
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    ClaimResult r = certify_rigidity(describe(*kind), rigid_profile(kind->name()));
    EXPECT_TRUE(r.proved()) << format_result(r);
    EXPECT_GT(r.nonlinear_checks, 0u);  // the intended type needs nlsat
  }
}

TEST(CertifyProfile, SlotsIdentifyTheNeuronAndVanishingHolds) {
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    GadgetProfile p = rigid_profile(kind->name());
    ClaimResult slots = certify_slots(p);
    EXPECT_TRUE(slots.proved()) << format_result(slots);
    ClaimResult vanish = certify_vanishing(p);
    EXPECT_TRUE(vanish.proved()) << format_result(vanish);
  }
  // I's first three slots carry u, D's first two carry s.
  EXPECT_NE(certify_slots(rigid_profile("I")).statement.find("(1, 2, 3)"), std::string::npos);
  EXPECT_NE(certify_slots(rigid_profile("D")).statement.find("(1, 2)"), std::string::npos);
}

// The profile the certifier proves rigid is the witness the compiler emits:
// for every X in the admitted range, profile(u(X)) = witness(X) slot by slot.
TEST(CertifyProfile, ProfileIsTheWitness) {
  z3::context& c = numeric::z3_context();
  z3::expr x = c.real_const("X");
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    GadgetProfile p = rigid_profile(kind->name());
    z3::expr s = x + 1;
    z3::expr parameter = kind->name() == "I" ? 3 / s : s;  // u = 3/s1 for I, s for D
    std::vector<SymbolicBreakpoint> profile = p.slots(parameter),
                                    witness = kind->symbolic_witness(x);
    ASSERT_EQ(profile.size(), witness.size());
    z3::expr_vector differs(c);
    for (std::size_t i = 0; i < profile.size(); ++i) {
      differs.push_back(profile[i].beta != witness[i].beta);
      differs.push_back(profile[i].delta1 != witness[i].delta1);
      differs.push_back(profile[i].delta2 != witness[i].delta2);
    }
    auto [lo, hi] = kind->admitted_range();
    z3::expr query = c.real_val(lo.get_str().c_str()) <= x &&
                     x <= c.real_val(hi.get_str().c_str()) && z3::mk_or(differs);
    EXPECT_EQ(check_within(c, "QF_NRA", query, 30000).result, z3::unsat) << kind->name();
  }
}

TEST(CertifyProfile, DiagonalRangeIsUnboundedAbove) {
  GadgetProfile d = rigid_profile("D");
  EXPECT_FALSE(d.upper.has_value());
  z3::context& c = numeric::z3_context();
  std::vector<z3::expr> steep = {c.real_val(100)};
  EXPECT_TRUE(forced_relation("D").holds(steep).simplify().is_true());
}

// --- mutations: each claim fails for a wrong statement ---

TEST(CertifyRigidityMutation, WrongBetaFormulaIsNotProved) {
  GadgetProfile p = rigid_profile("I");
  auto right = p.slots;
  p.slots = [right](const z3::expr& u) {
    auto slots = right(u);
    slots[1].beta = 4 + u / 2;  // instead of 4 + u
    return slots;
  };
  // The true profile is a fit that the wrong formula does not describe.
  ClaimResult rigid = certify_rigidity(inversion(), p);
  EXPECT_EQ(rigid.verdict, ClaimVerdict::Refuted) << format_result(rigid);
  EXPECT_NE(rigid.detail.find("checked exactly"), std::string::npos) << rigid.detail;
  ClaimResult vanish = certify_vanishing(p);
  EXPECT_EQ(vanish.verdict, ClaimVerdict::Refuted) << format_result(vanish);
}

TEST(CertifyRigidityMutation, WrongDeltaFormulaIsNotProved) {
  GadgetProfile p = rigid_profile("D");
  auto right = p.slots;
  p.slots = [right](const z3::expr& s) {
    auto slots = right(s);
    slots[1].delta2 = -s / 2;  // instead of -s
    return slots;
  };
  ClaimResult rigid = certify_rigidity(diagonal(), p);
  EXPECT_EQ(rigid.verdict, ClaimVerdict::Refuted) << format_result(rigid);
  EXPECT_EQ(certify_vanishing(p).verdict, ClaimVerdict::Refuted);
}

TEST(CertifyRigidityMutation, OneMoreBreakpointAdmitsAnotherFit) {
  // The fit from the brief: 6 breakpoints, fits I's data, is not φ_u.
  gadgets::Cpwl six({{Real(mpq_class(5, 2)), 2, 0},
                     {Real(4), mpq_class(-1, 2), 0},
                     {Real(6), mpq_class(-3, 2), 3},
                     {Real(8), 0, -3},
                     {Real(11), -1, -1},
                     {Real(17), 1, 1}});
  ASSERT_TRUE(six.fits(gadgets::inversion_gadget().data_lines()));
  ASSERT_EQ(six.kink_count(), 6u);
  GadgetDescription i = inversion();
  ++i.budget;
  ClaimResult r = certify_rigidity(i, rigid_profile("I"));
  EXPECT_EQ(r.verdict, ClaimVerdict::Refuted) << format_result(r);
  EXPECT_NE(r.detail.find("checked exactly"), std::string::npos) << r.detail;
}

TEST(CertifyRigidityMutation, DiagonalFitsSteeperThanThreeExist) {
  // D's slope is not bounded above by its data: claimed only for s <= 3, the
  // rigidity claim is refuted by a steeper fit.
  GadgetProfile p = rigid_profile("D");
  p.upper = mpq_class(3);
  ClaimResult r = certify_rigidity(diagonal(), p);
  EXPECT_EQ(r.verdict, ClaimVerdict::Refuted) << format_result(r);
  EXPECT_NE(r.detail.find("checked exactly"), std::string::npos) << r.detail;
}

TEST(CertifyRigidityMutation, DiagonalReadingSaturatesAtThree) {
  // What a steeper fit READS is still 3 - s, 3 + s with s = 3 (its first
  // breakpoint passes t = 3): the readings claim with s <= 3 is true, so
  // bounding the read parameter is harmless — it is the profile's slope that
  // is unbounded (previous test). D.readings claims only s >= 3/2.
  ParameterRelation bounded{"s in [3/2, 3]", [](const std::vector<z3::expr>& s) {
                              return s.at(0).ctx().real_val(3) <= 2 * s.at(0) && s.at(0) <= 3;
                            }};
  ClaimResult r = certify_readings(diagonal(), bounded);
  EXPECT_TRUE(r.proved()) << format_result(r);
}

TEST(CertifyRigidityMutation, SlotsThatCannotBeToldApartAreRefuted) {
  GadgetProfile same = rigid_profile("D");
  auto right = same.slots;
  same.slots = [right](const z3::expr& s) {
    auto slots = right(s);
    slots[3].delta1 = slots[0].delta1;  // slot 4 now looks like slot 1
    slots[3].delta2 = slots[0].delta2;
    return slots;
  };
  EXPECT_EQ(certify_slots(same).verdict, ClaimVerdict::Refuted);

  GadgetProfile flat = rigid_profile("I");
  auto i_slots = flat.slots;
  flat.slots = [i_slots](const z3::expr& u) {
    auto slots = i_slots(u);
    slots[0].delta1 = (2 * u - 3) * (2 * u - 3) + 1;  // same value at u = 1 and u = 2
    return slots;
  };
  ClaimResult r = certify_slots(flat);
  EXPECT_EQ(r.verdict, ClaimVerdict::Refuted) << format_result(r);
}

TEST(CertifyRigidityMutation, ProfileLeavingTheStripIsRefuted) {
  GadgetProfile p = rigid_profile("I");
  auto right = p.slots;
  p.slots = [right](const z3::expr& u) {
    auto slots = right(u);
    slots[0].beta = 2 - u;  // 0 at u = 2: not inside (0, 19)
    return slots;
  };
  EXPECT_EQ(certify_vanishing(p).verdict, ClaimVerdict::Refuted);
}

// The explicit-breakpoint encoding of a type admits the maps of that type: the
// six-breakpoint fit above satisfies the encoding of its own type.
TEST(CertifyBreakpointEncoding, AFitSatisfiesTheEncodingOfItsType) {
  z3::context& c = numeric::z3_context();
  PositionTable table = position_table(gadgets::inversion_gadget().data_lines(), {});
  // Breakpoints 5/2 in gap (2, 4), 4, 6 in gap (4, 7), 8 in gap (7, 9), 11, 17.
  std::vector<std::pair<mpq_class, std::vector<mpq_class>>> six = {{mpq_class(5, 2), {2, 0}},
                                                                   {4, {mpq_class(-1, 2), 0}},
                                                                   {6, {mpq_class(-3, 2), 3}},
                                                                   {8, {0, -3}},
                                                                   {11, {-1, -1}},
                                                                   {17, {1, 1}}};
  bool found = false;
  enumerate_types(
      table, 6,
      [&](const CpwlType& type) {
        if (type.describe(table.positions) != "gap(2,4):1 at 4 gap(4,7):1 gap(7,9):1 at 11 at 17")
          return;
        found = true;
        BreakpointUnknowns u = encode_breakpoints(c, table, type);
        ASSERT_EQ(u.breakpoints.size(), six.size());
        z3::expr_vector all = u.constraints;
        all.push_back(u.constant1 == 0 && u.constant2 == 0 && u.slope1 == 0 && u.slope2 == 0);
        for (std::size_t i = 0; i < six.size(); ++i) {
          auto q = [&](const mpq_class& v) { return c.real_val(v.get_str().c_str()); };
          all.push_back(u.breakpoints[i].beta == q(six[i].first));
          all.push_back(u.breakpoints[i].delta1 == q(six[i].second[0]));
          all.push_back(u.breakpoints[i].delta2 == q(six[i].second[1]));
        }
        EXPECT_EQ(check_within(c, "QF_NRA", all, 30000).result, z3::sat);
      },
      6);
  EXPECT_TRUE(found);
}

TEST(CertifyEnumeration, GapsHoldUpToTheGivenMaximum) {
  // Collinear data: nothing is pruned, so only the cap limits a gap.
  std::vector<gadgets::DataLine> flat;
  for (int t = 0; t < 4; ++t) flat.push_back({t, {0, 0}});
  PositionTable table = position_table(flat, {});
  unsigned most_default = 0, most_wide = 0;
  enumerate_types(table, 4, [&](const CpwlType& t) {
    for (unsigned g : t.in_gap) most_default = std::max(most_default, g);
  });
  enumerate_types(
      table, 4,
      [&](const CpwlType& t) {
        for (unsigned g : t.in_gap) most_wide = std::max(most_wide, g);
      },
      4);
  EXPECT_EQ(most_default, 2u);
  EXPECT_EQ(most_wide, 4u);
}

}  // namespace
}  // namespace etr2nn::certify
