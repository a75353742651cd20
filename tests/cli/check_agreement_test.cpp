// The independent checker (src/check) against the producer's own verifier
// (network/detail/verify.hpp) on compiled witnesses: the same verdict, the same
// failing point, the same exact residual.
#include <gmpxx.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "check/check.hpp"
#include "dataset/dataset.hpp"
#include "network/network.hpp"
#include "tool_test.hpp"

namespace etr2nn {
namespace {

using nlohmann::json;

class CheckAgreement : public testing::ToolTest {
 protected:
  std::string path(const std::string& name) const { return (dir / name).string(); }
};

TEST_F(CheckAgreement, CheckerAndProducerAgreeOnCompiledWitnesses) {
  for (const char* name : {"inv_rational_sat.etr", "inv_irrational_sat.etr"}) {
    SCOPED_TRACE(name);
    const testing::ToolOutcome c =
        run("compile " + testing::sample(name) + " -o " + path("d.json") + " --witness " +
            path("n.json") + " --quiet");
    ASSERT_EQ(c.status, 0) << c.out << c.err;
    // The meta is dropped: the producer's reader checks it against the points,
    // and a changed label would no longer match it.
    json d = json::parse(std::ifstream(path("d.json")));
    d.erase("meta");
    for (bool changed : {false, true}) {
      const std::size_t j = d["points"].size() / 3;
      if (changed) {
        auto& label = d["points"][j]["y"];
        label[1] = mpq_class(mpq_class(label[1].get<std::string>()) - 2).get_str();
        std::set<std::pair<mpq_class, mpq_class>> labels;
        for (const auto& p : d["points"])
          labels.emplace(mpq_class(p["y"][0].get<std::string>()),
                         mpq_class(p["y"][1].get<std::string>()));
        d["labels"] = json::array();
        for (const auto& [a, b] : labels) d["labels"].push_back({a.get_str(), b.get_str()});
      }
      std::ofstream(path("plain.json")) << d.dump();

      const network::VerifyReport producer = network::verify(
          dataset::read_dataset(path("plain.json")), network::read_network(path("n.json")));
      const check::Report checker = check::verify_files(path("plain.json"), path("n.json"));
      EXPECT_EQ(checker.ok(), producer.ok());
      EXPECT_EQ(checker.ok(), !changed);
      EXPECT_EQ(checker.points, producer.points);
      EXPECT_EQ(checker.failures, producer.failures);
      EXPECT_EQ(checker.neurons, producer.neurons);
      EXPECT_EQ(checker.allowed_neurons, producer.allowed_neurons);
      EXPECT_EQ(checker.directions, producer.directions);
      EXPECT_EQ(checker.rational, producer.rational);
      ASSERT_EQ(checker.first_failures.size(), producer.first_failures.size());
      for (std::size_t k = 0; k < checker.first_failures.size(); ++k) {
        EXPECT_EQ(checker.first_failures[k].index, producer.first_failures[k].index);
        EXPECT_EQ(checker.first_failures[k].residual[0], producer.first_failures[k].residual[0]);
        EXPECT_EQ(checker.first_failures[k].residual[1], producer.first_failures[k].residual[1]);
      }
      if (changed) {
        ASSERT_EQ(checker.failures, 1u);
        EXPECT_EQ(checker.first_failures[0].index, j);
        EXPECT_EQ(checker.first_failures[0].residual[1], numeric::Real(2));
      }
      // And both print the same lines.
      std::ostringstream a, b;
      check::print_report(a, checker);
      network::print_report(b, producer);
      EXPECT_EQ(a.str(), b.str());
    }
  }
}

}  // namespace
}  // namespace etr2nn
