#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "json_io/real.hpp"
#include "json_io/value.hpp"
#include "network/detail/assignment_json.hpp"
#include "network/detail/network_json.hpp"

namespace etr2nn::network {
namespace {

using json_io::real_to_json;
using nlohmann::json;

const std::string file = "test.json";

// The shared reader's real at `path` of a document named test.json.
Real real_from_json(const json& j, const std::string& path) {
  return json_io::real_from_json(json_io::Value(j, file, path));
}

// The id of the Diagnostic `f` throws, or "no error".
template <typename F>
std::string error_id(F f) {
  try {
    f();
  } catch (const Diagnostic& d) {
    return std::string(d.kind().id);
  }
  return "no error";
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("etr2nn_network_test_" + name)).string();
}

TEST(RealJson, RationalsAreCanonicalStrings) {
  EXPECT_EQ(real_to_json(Real(mpq_class(6, -4))), json("-3/2"));
  EXPECT_EQ(real_from_json(json("0.25"), "v"), Real(mpq_class(1, 4)));
  EXPECT_EQ(real_from_json(json(7), "v"), Real(7));
  EXPECT_EQ(error_id([] { real_from_json(json(0.1), "v"); }), "bad-number");
  EXPECT_EQ(error_id([] { real_from_json(json("1/0"), "v"); }), "bad-number");
  EXPECT_EQ(error_id([] { real_from_json(json::array(), "v"); }), "wrong-type");
}

TEST(RealJson, AlgebraicObjectRoundTrips) {
  Real r = Real(1) / Real::root(Real(2), 2);
  json j = real_to_json(r);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(real_from_json(j, "x"), r);
  // The documented example: the root of -1 + 2x^2 in (7/10, 71/100).
  Real doc = real_from_json(
      json::parse(R"({"root_of": ["-1", "0", "2"], "in": ["7/10", "71/100"]})"), "x");
  EXPECT_EQ(doc, r);
  // An interval with both roots, or none, is an error that names the place.
  try {
    real_from_json(json::parse(R"({"root_of": ["-1", "0", "2"], "in": ["-1", "1"]})"),
                   "neurons[2].b");
    FAIL();
  } catch (const Diagnostic& e) {
    EXPECT_EQ(e.where().json_path, "neurons[2].b");
    EXPECT_EQ(e.where().file, "test.json");
    EXPECT_NE(std::string(e.what()).find("test.json: error: neurons[2].b: not an isolated root"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(error_id([] {
              real_from_json(json::parse(R"({"root_of": ["1/2", "1"], "in": ["-1", "0"]})"), "x");
            }),
            "bad-number");
}

TEST(NetworkJson, RoundTripsExactlyThroughAFile) {
  Network n;
  n.c = {Real(mpq_class(1, 3)), Real(0)};
  n.neurons.push_back({{Real(0), Real(1)}, Real(mpq_class(-7, 2)), {Real(2), Real(-1)}});
  n.neurons.push_back(
      {{Real(1), Real(-1)}, Real::root(Real(2), 2), {Real(0), Real(1) / Real::root(Real(3), 2)}});
  std::string path = temp_path("roundtrip.json");
  write_network(path, n, {true, json{{"source", "test"}}});
  json j = json::parse(std::ifstream(path));
  EXPECT_EQ(j["format"], "etr2nn-network");
  EXPECT_EQ(j["exact"], "algebraic");
  EXPECT_EQ(j["hidden_neurons"], 2);
  EXPECT_TRUE(j["neurons"][0].contains("approx"));
  Network back = read_network(path);
  ASSERT_EQ(back.neurons.size(), 2u);
  EXPECT_EQ(back.c, n.c);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back.neurons[i].a, n.neurons[i].a);
    EXPECT_EQ(back.neurons[i].b, n.neurons[i].b);
    EXPECT_EQ(back.neurons[i].v, n.neurons[i].v);
  }
  std::remove(path.c_str());
}

// Weights in one field: the file states it once, reading gives elements of one
// field again, and coordinates that contradict root_of are refused.
TEST(NetworkJson, SharedNumberFieldRoundTripsAndIsChecked) {
  const Real rho = Real::from_algebraic_form({{-1, -1, 0, 1}, 1, 2});  // ρ³ = ρ + 1
  const Real s = Real::root(rho - Real(1), 2);
  Network n;
  n.neurons.push_back({{Real(0), Real(1)}, rho * s - Real(3), {s / (rho + Real(1)), Real(2)}});
  n.neurons.push_back({{Real(1), Real(0)}, Real(mpq_class(1, 2)), {rho, Real(1) / s}});
  std::string path = temp_path("field.json");
  write_network(path, n);
  json j = json::parse(std::ifstream(path));
  ASSERT_TRUE(j.contains("field"));
  EXPECT_EQ(j["field"]["square_roots"].size(), 1u);
  EXPECT_TRUE(j["neurons"][0]["b"].contains("field"));
  EXPECT_TRUE(j["neurons"][0]["b"].contains("root_of"));
  Network back = read_network(path);
  EXPECT_EQ(back.neurons[0].b, n.neurons[0].b);
  EXPECT_EQ(back.neurons[0].v[0], n.neurons[0].v[0]);
  EXPECT_EQ(back.neurons[1].v, n.neurons[1].v);
  ASSERT_NE(back.neurons[0].b.field(), nullptr);
  EXPECT_EQ(back.neurons[0].b.field(), back.neurons[1].v[1].field()) << "one field, not many";

  json tampered = j;
  tampered["neurons"][1]["v"][1]["field"][0] = "7";
  try {
    network_from_json(tampered, file);
    FAIL() << "contradicting coordinates were accepted";
  } catch (const Diagnostic& e) {
    EXPECT_EQ(e.kind().id, "inconsistent");
    EXPECT_NE(std::string(e.what()).find("neurons[1].v[1]: its field coordinates and its root_of"),
              std::string::npos)
        << e.what();
  }
  json no_field = j;
  no_field.erase("field");
  EXPECT_EQ(error_id([&] { network_from_json(no_field, file); }), "inconsistent");
  json short_coordinates = j;
  short_coordinates["neurons"][0]["b"]["field"] = json::array({"1"});
  EXPECT_EQ(error_id([&] { network_from_json(short_coordinates, file); }), "wrong-type");
  std::remove(path.c_str());
}

TEST(NetworkJson, ReaderNamesTheBadField) {
  auto message = [](const std::string& text) {
    try {
      network_from_json(json::parse(text), file);
    } catch (const Diagnostic& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message(R"({"format": "etr2nn-dataset"})").find("etr2nn-network"), std::string::npos);
  EXPECT_NE(message(R"({"format": "etr2nn-network", "c": ["0","0"]})").find("neurons"),
            std::string::npos);
  EXPECT_NE(message(R"({"format": "etr2nn-network", "c": ["0","0"],
                        "neurons": [{"a": ["1","0"], "b": "0", "v": ["1", 0.5]}]})")
                .find("neurons[0].v[1]"),
            std::string::npos);
  EXPECT_NE(message(R"({"format": "etr2nn-network", "c": ["0","0"], "hidden_neurons": 3,
                        "neurons": [{"a": ["1","0"], "b": "0", "v": ["1","1"]}]})")
                .find("hidden_neurons"),
            std::string::npos);
  EXPECT_EQ(error_id([] { read_network(temp_path("does_not_exist.json")); }), "file-unreadable");
}

TEST(AssignmentJson, NamesMustMatchTheInstance) {
  etrinv::Instance instance;
  instance.variables = {"x", "y"};
  NamedValues values = named_values_from_json(json::parse(R"({"x": "1", "y": "1/2"})"), file);
  auto a = assignment_for(instance, values);
  EXPECT_EQ(a, (etrinv::Assignment{Real(1), Real(mpq_class(1, 2))}));
  EXPECT_EQ(named_values_from_json(assignment_to_json(instance, a), file), values);
  EXPECT_EQ(error_id([&] {
              assignment_for(instance, named_values_from_json(json::parse(R"({"x": "1"})"), file));
            }),
            "assignment-mismatch");
  EXPECT_EQ(error_id([&] {
              assignment_for(instance, named_values_from_json(
                                           json::parse(R"({"x": "1", "y": "1", "w": "1"})"), file));
            }),
            "assignment-mismatch");
  EXPECT_EQ(error_id([] { named_values_from_json(json::parse(R"(["x"])"), file); }), "wrong-type");
}

}  // namespace
}  // namespace etr2nn::network
