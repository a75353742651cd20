// The estimates behind the refusals of docs/limits.md, checked against the
// real thing: the predicted chain size against the chain, the degree bound of
// a sentence, the root_of degree ceiling of the JSON reader.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../etrinv/sample_sentences.hpp"
#include "etrinv/etrinv.hpp"
#include "json_io/real.hpp"
#include "json_io/value.hpp"
#include "numeric/work_limit.hpp"
#include "solve/detail/solve.hpp"

namespace etr2nn {
namespace {

TEST(ChainLimit, PredictedSizeIsTheChainsSizeOnEverySample) {
  int checked = 0;
  for (const auto& s : testing::sample_sentences()) {
    etrinv::ChainOptions options;
    options.allow_pass_through = false;
    options.bound_exponent = 3;
    const etrinv::ChainResult r = etrinv::normalize(s.sentence, options);
    const etrinv::ChainSize p = etrinv::predicted_chain_size(r.bound_exponent, r.ami.variables,
                                                             r.ami.one, r.ami.add, r.ami.mul);
    EXPECT_EQ(p.constraints, r.instance.constraints.size()) << s.file;
    EXPECT_EQ(p.variables, r.instance.variables.size()) << s.file;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(ChainLimit, TheChainRefusesBeforeBuildingPastMaxConstraints) {
  const auto samples = testing::sample_sentences();
  ASSERT_FALSE(samples.empty());
  etrinv::ChainOptions options;
  options.allow_pass_through = false;
  options.bound_exponent = 1000;  // 13000 constraints of eps chain alone
  options.max_constraints = 10000;
  EXPECT_THROW(etrinv::normalize(samples.front().sentence, options), etr2nn::Diagnostic);
  options.max_constraints = 1000000;
  EXPECT_NO_THROW(etrinv::normalize(samples.front().sentence, options));
}

TEST(SentenceDegree, ProductsAddPowersMultiplySumsTakeTheLargest) {
  using namespace etr;
  Sentence s;
  s.variables.push_back({"x", std::nullopt, {}});
  s.variables.push_back({"y", std::nullopt, {}});
  const TermPtr xy = make_term(Term::Kind::Multiply, {variable("x"), variable("y")});
  s.matrix =
      make_formula(Formula::Kind::And,
                   {atom(power(xy, 3), Relation::Equal, constant(2)),  // 6
                    atom(make_term(Term::Kind::Add, {variable("x"), power(variable("y"), 4)}),
                         Relation::Less, xy)});  // 4
  EXPECT_EQ(solve::sentence_degree(s), 6u);
  s.matrix = atom(power(variable("x"), 1000), Relation::Equal, constant(2));
  EXPECT_EQ(solve::sentence_degree(s), 1000u);
  // A tower of powers saturates instead of wrapping around.
  s.matrix = atom(power(power(power(variable("x"), 1ul << 30), 1ul << 30), 1ul << 30),
                  Relation::Equal, constant(2));
  EXPECT_EQ(solve::sentence_degree(s), SIZE_MAX);
}

nlohmann::json root_of_degree(std::size_t degree) {
  // x^degree - 2 on (1, 2): one root, 2^(1/degree).
  nlohmann::json poly = nlohmann::json::array();
  poly.push_back("-2");
  for (std::size_t i = 1; i < degree; ++i) poly.push_back("0");
  poly.push_back("1");
  return {{"root_of", poly}, {"in", {"1", "2"}}};
}

TEST(DegreeLimit, RootOfAboveTheCeilingIsRefusedBeforeAnyArithmetic) {
  const std::size_t saved = numeric::max_degree();
  numeric::set_max_degree(8);
  const std::string file = "N.json";
  const auto read = [&](const nlohmann::json& j, const std::string& path) {
    return json_io::real_from_json(json_io::Value(j, file, path));
  };
  EXPECT_NO_THROW(read(root_of_degree(8), "w"));
  try {
    read(root_of_degree(9), "neurons[0].b");
    ADD_FAILURE() << "degree 9 above 8 was accepted";
  } catch (const etr2nn::Diagnostic& e) {
    EXPECT_EQ(e.kind().id, "limit");
    EXPECT_NE(std::string(e.what()).find("neurons[0].b.root_of"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--max-degree"), std::string::npos) << e.what();
  }
  numeric::set_max_degree(saved);
  EXPECT_THROW(read(root_of_degree(numeric::default_max_degree + 1), "w"), etr2nn::Diagnostic);
}

}  // namespace
}  // namespace etr2nn
