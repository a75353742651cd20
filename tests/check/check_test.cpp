// The checker on hand-written files: datasets without meta, rational and
// algebraic networks, failures with exact residuals, malformed input.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "check/detail/evaluate.hpp"
#include "check/detail/read_dataset.hpp"
#include "check/detail/read_network.hpp"
#include "check/detail/verify.hpp"
#include "diagnostic/diagnostic.hpp"

namespace etr2nn::check {
namespace {

// XOR on the unit square, m = 2, no meta.
std::string xor_dataset(const std::string& hidden_neurons = "2",
                        const std::string& label_of_11 = "[\"0\", \"0\"]") {
  std::string labels = "[[\"0\", \"0\"], [\"1\", \"0\"]";
  if (label_of_11 != "[\"0\", \"0\"]") labels += ", " + label_of_11;
  labels += "]";
  return R"({"format": "etr2nn-dataset", "version": 1, "inputs": 2, "outputs": 2,
  "hidden_neurons": )" +
         hidden_neurons + R"(, "target_error": "0", "labels": )" + labels + R"(,
  "points": [
    {"x": ["0", "0"], "y": ["0", "0"]},
    {"x": ["1", "0"], "y": ["1", "0"]},
    {"x": ["0", "1"], "y": ["1", "0"]},
    {"x": ["1", "1"], "y": )" +
         label_of_11 + R"(}
  ]})";
}

// f(x) = ReLU(x1 - x2) + ReLU(x2 - x1) in the first output: XOR.
const char* const xor_network = R"({"format": "etr2nn-network", "version": 1,
  "exact": "rational", "hidden_neurons": 2, "c": ["0", "0"],
  "neurons": [{"a": ["1", "-1"], "b": "0", "v": ["1", "0"]},
              {"a": ["-1", "1"], "b": "0", "v": ["1", "0"]}]})";

Dataset dataset(const std::string& text) {
  std::istringstream in(text);
  return read_dataset(in, "d.json");
}

Network network(const std::string& text) {
  std::istringstream in(text);
  return read_network(in, "n.json");
}

// The Diagnostic's message for reading `text` as a dataset ("" if none).
// "path: message", the part of the printed error after "FILE: error: ".
std::string located(const etr2nn::Diagnostic& d) {
  return d.where().json_path.empty() ? d.message() : d.where().json_path + ": " + d.message();
}

std::string dataset_error(const std::string& text) {
  try {
    dataset(text);
  } catch (const etr2nn::Diagnostic& d) {
    EXPECT_EQ(d.where().file, "d.json");
    return located(d);
  }
  return "";
}

std::string network_error(const std::string& text) {
  try {
    network(text);
  } catch (const etr2nn::Diagnostic& d) {
    EXPECT_EQ(d.where().file, "n.json");
    return located(d);
  }
  return "";
}

std::string printed(const Report& r) {
  std::ostringstream out;
  print_report(out, r);
  return out.str();
}

const Real sqrt2 = Real::root(Real(2), 2);

TEST(Check, XorWithoutMetaVerifies) {
  const Report r = verify(dataset(xor_dataset()), network(xor_network));
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.points, 4u);
  EXPECT_EQ(r.failures, 0u);
  EXPECT_EQ(r.neurons, 2u);
  EXPECT_EQ(r.allowed_neurons, 2u);
  EXPECT_EQ(r.directions, 2u);  // (1, -1) and (-1, 1): opposite, not the same
  EXPECT_TRUE(r.rational);
  EXPECT_EQ(printed(r).rfind("verified: 4 points, error 0\n", 0), 0u) << printed(r);
}

TEST(Check, AChangedLabelIsReportedWithItsExactResidual) {
  const Report r = verify(dataset(xor_dataset("2", "[\"1/3\", \"-2\"]")), network(xor_network));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.failures, 1u);
  ASSERT_EQ(r.first_failures.size(), 1u);
  const Failure& f = r.first_failures[0];
  EXPECT_EQ(f.index, 3u);
  EXPECT_EQ(f.x.x, 1);
  EXPECT_EQ(f.x.y, 1);
  EXPECT_EQ(f.value[0], Real(0));
  EXPECT_EQ(f.value[1], Real(0));
  EXPECT_EQ(f.residual[0], Real(mpq_class(-1, 3)));
  EXPECT_EQ(f.residual[1], Real(2));
  EXPECT_NE(printed(r).find("FAILED: 1 of 4 points are not fitted exactly\n"
                            "  point 3 at (1, 1): label (1/3, -2), network (0, 0), residual "
                            "(-1/3, 2)\n"),
            std::string::npos)
      << printed(r);
}

TEST(Check, MaxReportedBoundsTheDetailsNotTheCount) {
  // The zero network misses the two points labelled (1, 0).
  const Network zero = network(R"({"format": "etr2nn-network", "c": ["0", "0"], "neurons": []})");
  Options options;
  options.max_reported = 1;
  const Report r = verify(dataset(xor_dataset()), zero, options);
  EXPECT_EQ(r.failures, 2u);
  ASSERT_EQ(r.first_failures.size(), 1u);
  EXPECT_EQ(r.first_failures[0].index, 1u);
  EXPECT_NE(printed(r).find("  ... and 1 more\n"), std::string::npos) << printed(r);
}

TEST(Check, TooManyNeuronsFailEvenWhenEveryPointFits) {
  const Report r = verify(dataset(xor_dataset("1")), network(xor_network));
  EXPECT_EQ(r.failures, 0u);
  EXPECT_FALSE(r.within_budget());
  EXPECT_FALSE(r.ok());
  EXPECT_NE(printed(r).find("FAILED: the network has 2 neurons but the dataset allows only 1;"),
            std::string::npos)
      << printed(r);
}

// a = (√2, 0), v = (√2/2, 0): f(x) = (max(x1, 0), 0), rational at rational
// points although no weight is.
const char* const sqrt2_network = R"({"format": "etr2nn-network", "exact": "algebraic",
  "c": ["0", "0"],
  "neurons": [{"a": [{"root_of": ["-2", "0", "1"], "in": ["1", "2"]}, "0"], "b": "0",
               "v": [{"root_of": ["-1", "0", "2"], "in": ["7/10", "71/100"]}, "0"]}]})";

std::string ramp_dataset(const std::string& label_at_2) {
  return R"({"format": "etr2nn-dataset", "version": 2, "inputs": 2, "outputs": 2,
    "hidden_neurons": 1, "target_error": "0",
    "labels": [["0", "0"], ["1", "0"], )" +
         label_at_2 + R"(],
    "points": [{"x": ["-1", "5"], "y": ["0", "0"]}, {"x": ["0", "0"], "y": ["0", "0"]},
               {"x": ["1", "-3"], "y": ["1", "0"]}, {"x": ["2", "0"], "y": )" +
         label_at_2 + "}]}";
}

TEST(Check, AlgebraicWeightsAreEvaluatedExactly) {
  const Network n = network(sqrt2_network);
  ASSERT_FALSE(n.neurons[0].a[0].is_rational());
  EXPECT_EQ(n.neurons[0].a[0], sqrt2);
  const Report r = verify(dataset(ramp_dataset("[\"2\", \"0\"]")), n);
  EXPECT_TRUE(r.ok()) << printed(r);
  EXPECT_FALSE(r.rational);
  EXPECT_NE(printed(r).find("exact real algebraic arithmetic"), std::string::npos);

  // Off by one at x = (2, 0): the residual is exact.
  const Report off = verify(dataset(ramp_dataset("[\"3\", \"0\"]")), n);
  ASSERT_EQ(off.failures, 1u);
  EXPECT_EQ(off.first_failures[0].index, 3u);
  EXPECT_EQ(off.first_failures[0].residual[0], Real(-1));
}

TEST(Check, AnIrrationalValueIsNeverEqualToARationalLabel) {
  // v = (1, 0): f(1, 0) = √2, and no rational label, however close, fits.
  std::string text = sqrt2_network;
  text.replace(text.find("{\"root_of\": [\"-1\""), std::string::npos, R"("1", "0"]}]})");
  const Network n = network(text);
  const std::string d = R"({"format": "etr2nn-dataset", "version": 1, "inputs": 2,
    "outputs": 2, "hidden_neurons": 1, "target_error": "0",
    "labels": [["14142135623730951/10000000000000000", "0"]],
    "points": [{"x": ["1", "0"], "y": ["14142135623730951/10000000000000000", "0"]}]})";
  const Report r = verify(dataset(d), n);
  ASSERT_EQ(r.failures, 1u);
  EXPECT_EQ(r.first_failures[0].value[0], sqrt2);
  EXPECT_EQ(r.first_failures[0].residual[0],
            sqrt2 - Real(mpq_class("14142135623730951/10000000000000000")));
  EXPECT_NE(printed(r).find("root-obj"), std::string::npos) << printed(r);
}

TEST(Check, TheMetaIsNeverRead) {
  // Garbage meta (even a "points" member inside it), unknown members, and the
  // header after the points: only the top-level points count.
  const std::string text = R"({"points": [{"x": ["0", "0"], "y": ["0", "0"], "xf": [0.0, 0.0]},
                                          {"x": ["1", "0"], "y": ["1", "0"], "note": {"a": [1]}},
                                          {"x": ["0", "1"], "y": ["1", "0"]},
                                          {"x": ["1", "1"], "y": ["0", "0"]}],
    "meta": {"points": [{"x": ["5", "5"], "y": ["9", "9"]}], "layout": "nonsense",
             "gadgets": [[[]], {"kind": 3}]},
    "comment": null,
    "format": "etr2nn-dataset", "version": 2, "inputs": 2, "outputs": 2,
    "hidden_neurons": 2, "target_error": "0", "labels": [["1", "0"], ["0", "0"]]})";
  const Dataset d = dataset(text);
  EXPECT_EQ(d.points.size(), 4u);
  EXPECT_EQ(d.hidden_neurons, 2u);
  EXPECT_EQ(d.labels.size(), 2u);
  EXPECT_TRUE(verify(d, network(xor_network)).ok());
}

TEST(Check, MalformedDatasetsNameTheJsonPath) {
  const std::string good = xor_dataset();
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  EXPECT_EQ(dataset_error(with(R"("y": ["1", "0"]})", R"("y": ["1", 0]})")),
            "points[1].y[1]: expected an exact rational as a string \"p/q\" or \"p\"");
  EXPECT_EQ(dataset_error(with(R"({"x": ["1", "0"],)", R"({"x": ["1", "zero"],)")),
            "points[1].x[1]: 'zero' is not a rational \"p\", \"p/q\" or decimal");
  EXPECT_EQ(dataset_error(with(R"({"x": ["1", "0"],)", R"({"x": ["1"],)")),
            "points[1].x: expected a pair [\"p/q\", \"p/q\"]");
  EXPECT_EQ(dataset_error(with(R"({"x": ["1", "0"],)", R"({"x": ["1", "0", "2"],)")),
            "points[1].x: expected a pair [\"p/q\", \"p/q\"]");
  EXPECT_EQ(dataset_error(with(R"({"x": ["0", "1"], "y": ["1", "0"]})", R"({"y": ["1", "0"]})")),
            "points[2]: missing \"x\"");
  EXPECT_EQ(dataset_error(with(R"({"x": ["0", "1"], "y": ["1", "0"]})", "[1, 2]")),
            "points[2]: expected an object with \"x\" and \"y\"");
  EXPECT_EQ(dataset_error(with(R"("target_error": "0")", R"("target_error": "1/100")")),
            "target_error must be \"0\": etr2nn datasets ask for an exact fit");
  EXPECT_EQ(dataset_error(with(R"("hidden_neurons": 2)", R"("hidden_neurons": -2)")),
            "hidden_neurons: expected a non-negative integer");
  EXPECT_EQ(dataset_error(with(R"("format": "etr2nn-dataset")", R"("format": "other")")),
            "not an etr2nn dataset: \"format\" is \"other\"");
  EXPECT_EQ(dataset_error(with(R"("version": 1)", R"("version": 3)")),
            "unsupported version 3 (the checker reads versions 1 and 2)");
  EXPECT_EQ(dataset_error(with(R"("inputs": 2)", R"("inputs": 3)")),
            "\"inputs\" and \"outputs\" must both be 2");
  EXPECT_EQ(dataset_error(with(R"(["1", "0"]])", R"(["1", "0"], ["2", "2"]])")),
            "\"labels\" (3 distinct) differ from the labels the points carry (2)");
  EXPECT_EQ(dataset_error(with(R"("labels": [)", R"("labels": [["x", "0"], )")),
            "labels[0][0]: 'x' is not a rational \"p\", \"p/q\" or decimal");
  EXPECT_EQ(dataset_error(with(R"("target_error": "0",)", "")),
            "top level: missing \"target_error\"");
  EXPECT_EQ(dataset_error(with(R"("points": [)", R"("points": {"a": 1}, "p": [)")),
            "\"points\" must be an array");
  EXPECT_EQ(dataset_error("[1, 2]"), "expected a JSON object at the top level");
  EXPECT_EQ(dataset_error(good.substr(0, good.size() - 3)).rfind("not valid JSON: ", 0), 0u);
  EXPECT_EQ(dataset_error(good), "");
}

TEST(Check, MalformedNetworksNameTheJsonPath) {
  const std::string good = xor_network;
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  EXPECT_NE(network_error(with(R"("v": ["1", "0"]}])", R"("v": ["1", "zero"]}])"))
                .find("neurons[1].v[1]"),
            std::string::npos);
  EXPECT_EQ(network_error(with(R"("b": "0", "v": ["1", "0"]}])", R"("v": ["1", "0"]}])")),
            "neurons[1]: missing \"b\"");
  EXPECT_EQ(network_error(with(R"("a": ["1", "-1"])", R"("a": ["1"])")),
            "neurons[0].a: expected a pair [x, y], found an array of 1");
  EXPECT_EQ(network_error(with(R"("hidden_neurons": 2)", R"("hidden_neurons": 3)")),
            "hidden_neurons: is 3 but the file lists 2 neurons");
  EXPECT_EQ(
      network_error(with("etr2nn-network", "etr2nn-dataset")).rfind("not an etr2nn network", 0),
      0u);
  // A root_of interval holding no root of its polynomial.
  EXPECT_NE(network_error(with(R"("b": "0", "v": ["1", "0"]}])",
                               R"("b": {"root_of": ["-2", "0", "1"], "in": ["2", "3"]},
                                  "v": ["1", "0"]}])"))
                .find("neurons[1].b"),
            std::string::npos);
  EXPECT_EQ(network_error(good.substr(0, 40)).rfind("not valid JSON: ", 0), 0u);
  EXPECT_EQ(network_error(good), "");
}

TEST(Check, MissingFilesAreNamed) {
  try {
    verify_files("/nonexistent/d.json", "/nonexistent/n.json");
    FAIL() << "no error";
  } catch (const etr2nn::Diagnostic& d) {
    EXPECT_EQ(d.where().file, "/nonexistent/n.json");
  }
}

// The grouped evaluator against the definition, point by point.
TEST(Check, GroupedEvaluationAgreesWithTheDefinition) {
  std::mt19937 random(12345);
  auto small = [&](int range) {
    mpq_class q(std::uniform_int_distribution<int>(-range, range)(random),
                std::uniform_int_distribution<int>(1, 3)(random));
    q.canonicalize();  // GMP's arithmetic expects lowest terms
    return q;
  };
  for (int round = 0; round < 20; ++round) {
    Network n;
    n.c = {Real(small(5)), Real(small(5))};
    const int neurons = std::uniform_int_distribution<int>(0, 12)(random);
    for (int i = 0; i < neurons; ++i) {
      // Few distinct directions, both signs and zero among them, so groups,
      // opposite directions, ties in β and a = 0 all occur.
      const mpq_class scale = small(3);
      Neuron u{{Real(scale * (i % 3 - 1)), Real(scale * (i % 2))},
               Real(small(4)),
               {Real(small(5)), Real(small(5))}};
      if (round % 4 == 3 && i % 3 == 0) {  // algebraic weights in some rounds
        u.a[1] = u.a[1] * sqrt2;
        u.v[0] = u.v[0] + sqrt2;
      }
      n.neurons.push_back(u);
    }
    const Evaluator f(n);
    EXPECT_EQ(f.rational(), is_rational(n));
    for (int p = 0; p < 30; ++p) {
      const Point x{small(6), small(6)};
      const Output expected = evaluate_naive(n, x);
      const Output got = f(x);
      EXPECT_EQ(got[0], expected[0]) << "round " << round << " point " << p;
      EXPECT_EQ(got[1], expected[1]) << "round " << round << " point " << p;
      if (expected[0].is_rational() && expected[1].is_rational()) {
        EXPECT_TRUE(f.fits(x, {expected[0].rational(), expected[1].rational()}));
      }
      const Label other{mpq_class(1, 7), mpq_class(1, 11)};
      EXPECT_EQ(f.fits(x, other), (expected == Output{Real(other.out1), Real(other.out2)}));
    }
  }
}

TEST(Check, NaiveOptionGivesTheSameReport) {
  Options naive;
  naive.naive = true;
  const Dataset d = dataset(xor_dataset("2", "[\"1/3\", \"-2\"]"));
  const Report fast = verify(d, network(xor_network));
  const Report slow = verify(d, network(xor_network), naive);
  EXPECT_EQ(printed(fast), printed(slow));
}

}  // namespace
}  // namespace etr2nn::check
