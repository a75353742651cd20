// The certifier can fail: each mutation of a gadget or constraint point below
// breaks the claim it is about, and the claim must then not be proved.
#include <gtest/gtest.h>

#include "certify/detail/certify.hpp"
#include "gadgets/symbolic_witness.hpp"

namespace etr2nn::certify {
namespace {

using gadgets::DataLine;
using gadgets::Label;

GadgetDescription inversion() {
  return describe(gadgets::inversion_gadget());
}
GadgetDescription diagonal() {
  return describe(gadgets::diagonal_gadget());
}

void drop_data_line(GadgetDescription& g, int position) {
  auto before = g.data.size();
  std::erase_if(g.data, [&](const DataLine& d) { return d.position == position; });
  ASSERT_EQ(g.data.size() + 1, before);
}

void set_label(GadgetDescription& g, int position, Label label) {
  for (auto& d : g.data)
    if (d.position == position) d.label = label;
}

TEST(CertifyMutation, DroppingADataLineBreaksTheReadings) {
  // Without t = 7, out2 of I is no longer tied to out1: s1*s2 = s1 + s2 fails.
  GadgetDescription i = inversion();
  drop_data_line(i, 7);
  ClaimResult r = certify_readings(i, forced_relation("I"));
  EXPECT_EQ(r.verdict, ClaimVerdict::Refuted) << format_result(r);
  EXPECT_NE(r.detail.find("counterexample (checked exactly"), std::string::npos) << r.detail;
  // Without t = 2, D may start rising left of 2: s < 3/2.
  GadgetDescription d = diagonal();
  drop_data_line(d, 2);
  EXPECT_EQ(certify_readings(d, forced_relation("D")).verdict, ClaimVerdict::Refuted);
}

TEST(CertifyMutation, ChangingOneLabelBreaksAClaim) {
  GadgetDescription i = inversion();
  set_label(i, 7, {6, 4});
  ClaimResult readings = certify_readings(i, forced_relation("I"));
  ClaimResult budget = certify_budget(i);
  EXPECT_FALSE(readings.proved() && budget.proved()) << format_result(readings) << "\n"
                                                     << format_result(budget);
  EXPECT_FALSE(readings.proved()) << format_result(readings);

  GadgetDescription d = diagonal();
  set_label(d, 4, {3, 2});  // the outputs no longer share the slope
  ClaimResult d_readings = certify_readings(d, forced_relation("D"));
  ClaimResult d_budget = certify_budget(d);
  EXPECT_FALSE(d_readings.proved() && d_budget.proved()) << format_result(d_readings) << "\n"
                                                         << format_result(d_budget);
}

TEST(CertifyMutation, LoweringTheBudgetBreaksTightness) {
  for (GadgetDescription g : {inversion(), diagonal()}) {
    --g.budget;
    ClaimResult r = certify_budget(g);
    EXPECT_EQ(r.verdict, ClaimVerdict::Refuted) << format_result(r);
  }
}

TEST(CertifyMutation, RaisingTheBudgetBreaksTheReadingsAndTightness) {
  // One spare breakpoint lets I's out1 bend between t = 3 and 5.
  GadgetDescription i = inversion();
  ++i.budget;
  ClaimResult readings = certify_readings(i, forced_relation("I"));
  EXPECT_EQ(readings.verdict, ClaimVerdict::Refuted);
  EXPECT_NE(readings.detail.find("checked exactly"), std::string::npos) << readings.detail;
  // And the budget is no longer tight: a fit with budget - 1 exists.
  GadgetDescription d = diagonal();
  ++d.budget;
  ClaimResult budget = certify_budget(d);
  EXPECT_EQ(budget.verdict, ClaimVerdict::Refuted) << format_result(budget);
  EXPECT_NE(budget.detail.find("a fit with fewer breakpoints"), std::string::npos) << budget.detail;
}

TEST(CertifyMutation, SwappingMeasuringLinesBreaksTheReadings) {
  GadgetDescription i = inversion();
  std::swap(i.measuring[0].position, i.measuring[1].position);  // t = 3 <-> t = 5
  EXPECT_EQ(certify_readings(i, forced_relation("I")).verdict, ClaimVerdict::Refuted);
  GadgetDescription i2 = inversion();
  std::swap(i2.measuring[1].position, i2.measuring[2].position);  // t = 5 <-> t = 6
  EXPECT_EQ(certify_readings(i2, forced_relation("I")).verdict, ClaimVerdict::Refuted);
}

TEST(CertifyMutation, ConstraintPointWithAWrongLabelOrLineIsRefuted) {
  gadgets::ConstraintPointKind copy = gadgets::copy_point();
  copy.label = {6, 1};
  EXPECT_EQ(certify_constraint_point(copy).verdict, ClaimVerdict::Refuted);

  gadgets::ConstraintPointKind add = gadgets::add_point();
  add.lines[2].position = 5;  // Z read on t = 5: label forces X + Y + Z = 4 - 3 ...
  EXPECT_EQ(certify_constraint_point(add).verdict, ClaimVerdict::Refuted);

  gadgets::ConstraintPointKind inv = gadgets::inv_point();
  inv.label = {12, 7};
  EXPECT_EQ(certify_constraint_point(inv).verdict, ClaimVerdict::Refuted);

  gadgets::ConstraintPointKind one = gadgets::one_point();
  one.lines[1].variable = "Y";  // two independent variables: label gives X*Y = 1, not X = 1
  EXPECT_EQ(certify_constraint_point(one).verdict, ClaimVerdict::Refuted);
}

// A gadget kind whose witness is I's but whose table has one label changed.
class MislabelledInversion final : public gadgets::GadgetKind {
 public:
  MislabelledInversion() : data_(base().data_lines()) { data_[4].label.out2 = 2; }  // t = 7
  std::string name() const override { return "I"; }
  std::string description() const override { return "I with a wrong label at t = 7"; }
  const std::vector<DataLine>& data_lines() const override { return data_; }
  unsigned breakpoint_budget() const override { return base().breakpoint_budget(); }
  const std::vector<gadgets::MeasuringLine>& measuring_lines() const override {
    return base().measuring_lines();
  }
  std::vector<std::string> parameters() const override { return base().parameters(); }
  std::vector<gadgets::Breakpoint> witness(const numeric::Real& x) const override {
    return base().witness(x);
  }
  std::pair<mpq_class, mpq_class> admitted_range() const override {
    return base().admitted_range();
  }
  std::vector<gadgets::SymbolicBreakpoint> symbolic_witness(const z3::expr& x) const override {
    return base().symbolic_witness(x);
  }

 private:
  static const gadgets::GadgetKind& base() { return gadgets::inversion_gadget(); }
  std::vector<DataLine> data_;
};

// I's table with its range widened past what the witness can do.
class WideInversion final : public gadgets::GadgetKind {
 public:
  std::string name() const override { return "I"; }
  std::string description() const override { return "I claimed for X up to 3"; }
  const std::vector<DataLine>& data_lines() const override { return base().data_lines(); }
  unsigned breakpoint_budget() const override { return base().breakpoint_budget(); }
  const std::vector<gadgets::MeasuringLine>& measuring_lines() const override {
    return base().measuring_lines();
  }
  std::vector<std::string> parameters() const override { return base().parameters(); }
  std::vector<gadgets::Breakpoint> witness(const numeric::Real& x) const override {
    return base().witness(x);
  }
  std::pair<mpq_class, mpq_class> admitted_range() const override {
    return {mpq_class(1, 2), mpq_class(3)};
  }
  std::vector<gadgets::SymbolicBreakpoint> symbolic_witness(const z3::expr& x) const override {
    return base().symbolic_witness(x);
  }

 private:
  static const gadgets::GadgetKind& base() { return gadgets::inversion_gadget(); }
};

TEST(CertifyMutation, WitnessClaimFailsForAWrongTableOrRange) {
  ClaimResult mislabelled = certify_witness(MislabelledInversion());
  EXPECT_EQ(mislabelled.verdict, ClaimVerdict::Refuted) << format_result(mislabelled);
  ClaimResult wide = certify_witness(WideInversion());
  EXPECT_EQ(wide.verdict, ClaimVerdict::Refuted) << format_result(wide);
  EXPECT_NE(wide.detail.find("X = "), std::string::npos);
}

}  // namespace
}  // namespace etr2nn::certify

namespace etr2nn::certify {
namespace {

// A table considered for D that bounds the rising slope by itself (s <= 3),
// so that its measuring lines always read the actual slope; docs/gadgets.md
// ("D: slope versus reading") keeps it as an alternative. Both of its claims
// hold; it costs one more label, (5, 0).
TEST(CertifyAlternative, DiagonalTableWithItsOwnUpperBound) {
  GadgetDescription d = describe(gadgets::diagonal_gadget());
  d.data.clear();
  int t[] = {0, 1, 2, 4, 7, 8, 10, 13, 15, 17, 18, 19};
  int v1[] = {0, 0, 0, 3, 6, 5, 3, 0, 0, 0, 0, 0};
  int v2[] = {0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0};
  for (int k = 0; k < 12; ++k) d.data.push_back({t[k], {v1[k], v2[k]}});
  // Its witness at X = 1: rise with slope 2 from 5/2, out1 onto 13 - t at 6,
  // out2 down with slope -4 through (7, 3) to 0 at 31/4.
  d.sample_witness = gadgets::Cpwl({{numeric::Real(mpq_class(5, 2)), 2, 2},
                                    {numeric::Real(6), -3, -6},
                                    {numeric::Real(mpq_class(31, 4)), 0, 4},
                                    {numeric::Real(13), 1, 0}});
  ClaimResult readings = certify_readings(d, forced_relation("D"));
  EXPECT_TRUE(readings.proved()) << format_result(readings);
  ClaimResult budget = certify_budget(d);
  EXPECT_TRUE(budget.proved()) << format_result(budget);
}

}  // namespace
}  // namespace etr2nn::certify
