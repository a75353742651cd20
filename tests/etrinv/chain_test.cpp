// normalize / forward / backward: options, errors and provenance.
#include "etrinv/detail/chain.hpp"

#include <gtest/gtest.h>

#include "etr/etr.hpp"
#include "size_formula.hpp"

namespace etr2nn::etrinv {
namespace {

using numeric::Real;

etr::Sentence parse(const char* text) {
  return etr::parse(text, etr::Language::Etr, "test.etr");
}

TEST(Chain, EtrInvInputPassesThroughUnlessDisabled) {
  auto s = parse("exists x, y, z in [1/2, 2]: x = 1 and x + x = z and z * y = 1");
  ChainResult r = normalize(s, {});
  EXPECT_TRUE(r.passed_through);
  EXPECT_EQ(r.bound_exponent, 0u);
  EXPECT_EQ(r.instance, *as_etr_inv(s));
  std::map<std::string, Real> x{{"x", Real(1)}, {"y", Real(mpq_class(1, 2))}, {"z", Real(2)}};
  EXPECT_EQ(backward(r, forward(r, s, x)), x);
  ChainOptions full;
  full.allow_pass_through = false;
  full.bound_exponent = 2;
  ChainResult c = normalize(s, full);
  EXPECT_FALSE(c.passed_through);
  testing::expect_size_formula(c);
  EXPECT_EQ(backward(c, forward(c, s, x)), x);
}

TEST(Chain, BoundExponentOptionAndCompleteness) {
  auto s = parse("exists x: x^2 = 2");
  ChainResult safe = normalize(s, {});
  EXPECT_TRUE(safe.complete_for_all_solutions);
  EXPECT_EQ(safe.bound_exponent, safe.safe_bound_exponent);
  ChainOptions o;
  o.bound_exponent = 4;
  ChainResult small = normalize(s, o);
  EXPECT_EQ(small.bound_exponent, 4u);
  EXPECT_FALSE(small.complete_for_all_solutions);
  EXPECT_EQ(safe.instance.constraints.size() - small.instance.constraints.size(),
            13 * (safe.bound_exponent - 4));
  // The explicit bound wins over witness mode.
  std::map<std::string, Real> w{{"x", Real::root(Real(2), 2)}};
  o.witness = &w;
  EXPECT_EQ(normalize(s, o).bound_exponent, 4u);
}

TEST(Chain, WitnessModeChoosesKFromEveryAmiValue) {
  auto s = parse("exists x: x > 100");
  std::map<std::string, Real> w{{"x", Real(1000)}};  // 2^(2^3) = 256 < 1000 <= 2^(2^4)
  ChainOptions o;
  o.witness = &w;
  ChainResult r = normalize(s, o);
  EXPECT_EQ(r.bound_exponent, 4u);
  Assignment a = forward(r, s, w);
  EXPECT_EQ(backward(r, a).at("x"), Real(1000));
  // K_w is conservative: X = 1 + eps x stays in range up to |x| of about
  // 2^(2^(K+1) - 4) = 2^28. A solution of 2^40 does not fit: the range check says so.
  EXPECT_NO_THROW(forward(r, s, {{"x", Real(100000)}}));
  EXPECT_THROW(forward(r, s, {{"x", Real(mpq_class(mpz_class(1) << 40))}}), std::logic_error);
  std::map<std::string, Real> not_a_solution{{"x", Real(3)}};
  o.witness = &not_a_solution;
  EXPECT_THROW(normalize(s, o), etr2nn::Diagnostic);
}

TEST(Chain, ForwardRejectsNonSolutionsAndHugeK) {
  auto s = parse("exists x, y: x * y = 1 and x + y > 2");
  ChainOptions o;
  o.bound_exponent = 3;
  ChainResult r = normalize(s, o);
  EXPECT_THROW(forward(r, s, {{"x", Real(1)}, {"y", Real(1)}}), etr2nn::Diagnostic);
  EXPECT_THROW(forward(r, s, {{"x", Real(1)}}), etr2nn::Diagnostic);
  Assignment a = forward(r, s, {{"x", Real(2)}, {"y", Real(mpq_class(1, 2))}});
  EXPECT_EQ(a.size(), r.instance.variables.size());
  ChainResult huge = normalize(s, {});
  EXPECT_GT(huge.bound_exponent, max_witness_bound_exponent);
  EXPECT_THROW(forward(huge, s, {{"x", Real(2)}, {"y", Real(mpq_class(1, 2))}}),
               etr2nn::Diagnostic);
}

TEST(Chain, ProvenancePointsBackToAtomsBoundsAndGadgets) {
  auto s = parse("exists x in [-1, 1]; y: x * y = 1 or not (y >= 3)");
  ChainOptions o;
  o.bound_exponent = 2;
  ChainResult r = normalize(s, o);
  auto mentions = [&](const std::string& needle) {
    for (const auto& p : r.provenance)
      if (p.find(needle) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(mentions("constants"));
  EXPECT_TRUE(mentions("eps chain"));
  EXPECT_TRUE(mentions("MUL <- atom 1: x * y = 1"));
  EXPECT_TRUE(mentions("not atom 2: y >= 3"));
  EXPECT_TRUE(mentions("bound of x"));
  EXPECT_TRUE(mentions("or-node"));
  EXPECT_TRUE(mentions("constant -1"));
  EXPECT_EQ(r.carrier.size(), 2u);
  EXPECT_EQ(r.instance.variables[r.carrier.at("x")], "X_x");
  // Per-pass sizes add up to the ETR-AMI and ETR-INV totals.
  std::size_t ami_vars = 0, ami_cons = 0, inv_vars = 0, inv_cons = 0;
  for (const auto& p : r.sizes) {
    if (p.pass.rfind("A1", 0) == 0 || p.pass.rfind("A2", 0) == 0 || p.pass.rfind("A3", 0) == 0) {
      ami_vars += p.variables;
      ami_cons += p.constraints;
    }
    if (p.pass.rfind("D0", 0) == 0 || p.pass.rfind("D4", 0) == 0 || p.pass.rfind("D6", 0) == 0) {
      inv_vars += p.variables;
      inv_cons += p.constraints;
    }
  }
  EXPECT_EQ(ami_vars, r.ami.variables);
  EXPECT_EQ(ami_cons, r.ami.one + r.ami.add + r.ami.mul);
  EXPECT_EQ(inv_vars, r.instance.variables.size());
  EXPECT_EQ(inv_cons, r.instance.constraints.size());
}

TEST(Chain, UnboundVariableIsADiagnosticWithItsPosition) {
  etr::Sentence s;
  s.variables.push_back({"x", std::nullopt, {}});
  auto z = std::make_shared<etr::Term>();
  z->kind = etr::Term::Kind::Variable;
  z->name = "z";
  z->where = {"f.etr", 1, 12};
  s.matrix = etr::atom(etr::variable("x"), etr::Relation::Equal, z);
  try {
    normalize(s, {});
    FAIL() << "expected a Diagnostic";
  } catch (const etr2nn::Diagnostic& d) {
    EXPECT_EQ(d.where().column, 12u);
  }
}

}  // namespace
}  // namespace etr2nn::etrinv
