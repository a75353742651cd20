// The SMT-LIB export of Train-F2NN: z3 reads back what was written and
// decides tiny instances whose answer is known by hand.
#include <gtest/gtest.h>
#include <z3++.h>

#include <map>
#include <sstream>

#include "smtlib/smtlib.hpp"
#include "solve/solve.hpp"

namespace etr2nn::smtlib {
namespace {

using dataset::LabelledPoint;
using solve::fits_exactly;
using solve::solve_train;
using solve::TrainSolveResult;

LabelledPoint point(mpq_class x1, mpq_class x2, mpq_class y1, mpq_class y2) {
  return {{x1, x2}, {y1, y2}};
}

std::string script(const std::vector<LabelledPoint>& points, std::size_t m,
                   std::optional<KnownStatus> status = std::nullopt) {
  std::ostringstream out;
  write_train_smtlib(out, points, {m, "test.json", status});
  return out.str();
}

// Decides the written script in a fresh context: independent of solve_train.
z3::check_result decide(const std::string& text) {
  z3::context context;
  z3::solver solver(context);
  solver.add(context.parse_string(text.c_str()));
  return solver.check();
}

// The hand-made witness: f(x) = (0, 1/3) + ReLU(x1 - 1/2) (2, -3/7).
network::Network one_neuron_witness() {
  network::Network net;
  net.neurons.push_back(
      {{mpq_class(1), mpq_class(0)}, mpq_class(-1, 2), {mpq_class(2), mpq_class(-3, 7)}});
  net.c = {mpq_class(0), mpq_class(1, 3)};
  return net;
}

// Points labelled by one_neuron_witness(), on both sides of its breakline x1 = 1/2.
std::vector<LabelledPoint> one_neuron_points() {
  auto f = [](mpq_class x1, mpq_class x2) {
    const mpq_class h = x1 - mpq_class(1, 2) > 0 ? mpq_class(x1 - mpq_class(1, 2)) : mpq_class(0);
    return point(x1, x2, 2 * h, mpq_class(1, 3) - mpq_class(3, 7) * h);
  };
  return {f(-1, 0),
          f(0, 5),
          f(1, -2),
          f(2, mpq_class(1, 2)),
          f(mpq_class(3, 2), -7),
          f(mpq_class(-5, 3), mpq_class(11, 13))};
}

// XOR on the unit square (second output 0): two neurons fit it, one does not
// (the zero side of a single ReLU is constant, the other side affine).
std::vector<LabelledPoint> xor_points() {
  return {point(0, 0, 0, 0), point(1, 0, 1, 0), point(0, 1, 1, 0), point(1, 1, 0, 0)};
}

std::size_t count_lines_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) n += line.rfind(prefix, 0) == 0;
  return n;
}

TEST(TrainSmtlib, RationalsArePrintedExactly) {
  EXPECT_EQ(smtlib_rational(mpq_class(0)), "0");
  EXPECT_EQ(smtlib_rational(mpq_class(12)), "12");
  EXPECT_EQ(smtlib_rational(mpq_class(-12)), "(- 12)");
  EXPECT_EQ(smtlib_rational(mpq_class(1, 3)), "(/ 1 3)");
  EXPECT_EQ(smtlib_rational(mpq_class(-7, 2)), "(- (/ 7 2))");
  mpq_class unreduced;
  mpq_set_si(unreduced.get_mpq_t(), 6, 4);  // 6/4, not canonicalised
  EXPECT_EQ(smtlib_rational(unreduced), "(/ 3 2)");
}

TEST(TrainSmtlib, SizesMatchTheFormulaAndTheText) {
  const auto points = one_neuron_points();
  for (const std::size_t m : {0u, 1u, 3u}) {
    const std::string text = script(points, m);
    const TrainEncodingSize size = train_encoding_size(m, points.size());
    EXPECT_EQ(size.variables, 5 * m + 2 + m * points.size());
    EXPECT_EQ(size.assertions, m * points.size() + 2 * points.size());
    EXPECT_EQ(count_lines_starting(text, "(declare-fun "), size.variables) << m;
    EXPECT_EQ(count_lines_starting(text, "(assert "), size.assertions) << m;
    z3::context context;
    EXPECT_EQ(context.parse_string(text.c_str()).size(), size.assertions) << m;
  }
}

TEST(TrainSmtlib, HeaderNamesTheLogicTheSourceAndOnlyAKnownStatus) {
  const auto points = xor_points();
  const std::string plain = script(points, 2);
  EXPECT_NE(plain.find("(set-logic QF_NRA)\n"), std::string::npos);
  EXPECT_NE(plain.find("(set-info :source |"), std::string::npos);
  EXPECT_NE(plain.find("test.json with m = 2"), std::string::npos);
  EXPECT_EQ(plain.find(":status"), std::string::npos);
  EXPECT_EQ(plain.substr(plain.size() - 19), "(check-sat)\n(exit)\n");
  EXPECT_NE(script(points, 2, KnownStatus::Sat).find("(set-info :status sat)\n"),
            std::string::npos);
  EXPECT_NE(script(points, 1, KnownStatus::Unsat).find("(set-info :status unsat)\n"),
            std::string::npos);
  // A '|' in the dataset's name would end the quoted symbol early.
  std::ostringstream out;
  write_train_smtlib(out, points, {1, "a|b\\c.json", std::nullopt});
  EXPECT_NE(out.str().find("a_b_c.json"), std::string::npos);
  z3::context context;
  EXPECT_NO_THROW(context.parse_string(out.str().c_str()));
}

// (a) a known one-neuron fit: sat, and the model is a network that fits.
TEST(TrainSmtlib, OneNeuronFitIsSatAndTheModelFits) {
  const auto points = one_neuron_points();
  EXPECT_EQ(decide(script(points, 1)), z3::sat);
  const TrainSolveResult r = solve_train(points, 1, std::chrono::seconds(30));
  ASSERT_STREQ(to_string(r.verdict), "sat") << r.reason;
  ASSERT_TRUE(r.network);
  ASSERT_EQ(r.network->neurons.size(), 1u);
  EXPECT_TRUE(fits_exactly(*r.network, points));
}

// (b) no fit: m = 0 is a constant network; XOR needs two neurons.
TEST(TrainSmtlib, InstancesWithoutAFitAreUnsat) {
  const std::vector<LabelledPoint> collinear = {point(0, 0, 0, 0), point(1, 1, 1, 0),
                                                point(2, 2, 3, 0)};
  EXPECT_EQ(decide(script(collinear, 0)), z3::unsat);
  EXPECT_EQ(decide(script(collinear, 1)), z3::sat);  // ReLU(2 t - 1) along the line
  EXPECT_EQ(decide(script(xor_points(), 1)), z3::unsat);
  EXPECT_EQ(decide(script(xor_points(), 2)), z3::sat);
  EXPECT_STREQ(to_string(solve_train(xor_points(), 1, std::chrono::seconds(30)).verdict), "unsat");
  const TrainSolveResult two = solve_train(xor_points(), 2, std::chrono::seconds(30));
  ASSERT_STREQ(to_string(two.verdict), "sat") << two.reason;
  EXPECT_TRUE(fits_exactly(*two.network, xor_points()));
}

// (c) the hand-made witness, with its exact hidden activations, makes every
// assertion true; moving one weight makes some assertion false.
TEST(TrainSmtlib, TheWitnessNetworkSatisfiesTheFormula) {
  const auto points = one_neuron_points();
  const std::string text = script(points, 1);
  auto all_true = [&](const network::Network& net) {
    z3::context context;
    std::map<std::string, mpq_class> values;
    const auto& n = net.neurons.front();
    values[name_a(1, 1)] = n.a[0].rational();
    values[name_a(1, 2)] = n.a[1].rational();
    values[name_b(1)] = n.b.rational();
    values[name_v(1, 1)] = n.v[0].rational();
    values[name_v(1, 2)] = n.v[1].rational();
    values[name_c(1)] = net.c[0].rational();
    values[name_c(2)] = net.c[1].rational();
    for (std::size_t j = 0; j < points.size(); ++j) {
      const mpq_class pre = values[name_a(1, 1)] * points[j].x.x +
                            values[name_a(1, 2)] * points[j].x.y + values[name_b(1)];
      values[name_h(1, j + 1)] = pre > 0 ? pre : mpq_class(0);
    }
    z3::expr_vector from(context), to(context);
    for (const auto& [name, value] : values) {
      from.push_back(context.real_const(name.c_str()));
      to.push_back(context.real_val(value.get_str().c_str()));
    }
    const z3::expr_vector assertions = context.parse_string(text.c_str());
    bool every = true;
    for (z3::expr a : assertions) {
      const z3::expr ground = a.substitute(from, to).simplify();
      EXPECT_TRUE(ground.is_true() || ground.is_false()) << ground;
      every = every && ground.is_true();
    }
    return every;
  };
  network::Network witness = one_neuron_witness();
  EXPECT_TRUE(fits_exactly(witness, points));
  EXPECT_TRUE(all_true(witness));
  witness.neurons.front().v[1] += mpq_class(1, 1000000);
  EXPECT_FALSE(fits_exactly(witness, points));
  EXPECT_FALSE(all_true(witness));
}

// Constants far beyond double precision survive the round trip exactly.
TEST(TrainSmtlib, HugeAndTinyConstantsRoundTripExactly) {
  const mpq_class huge("-123456789012345678901234567890123/7");
  const mpq_class tiny("1/98765432109876543210987654321");
  const std::vector<LabelledPoint> points = {point(huge, tiny, huge, tiny)};
  const TrainSolveResult r = solve_train(points, 0, std::chrono::seconds(30));
  ASSERT_STREQ(to_string(r.verdict), "sat") << r.reason;
  EXPECT_EQ(r.network->c[0].rational(), huge);
  EXPECT_EQ(r.network->c[1].rational(), tiny);
  const std::vector<LabelledPoint> off_by_a_hair = {point(huge, tiny, huge, tiny),
                                                    point(huge, tiny, huge, tiny + tiny * tiny)};
  EXPECT_EQ(decide(script(off_by_a_hair, 3)), z3::unsat);  // same input, two outputs
}

}  // namespace
}  // namespace etr2nn::smtlib
