// read_network_text's fast path for the network writer's one-neuron-per-line
// form, and read_network_lean's streamed reading of it into a RationalNetwork,
// against the general parser alone (read_network_general): the same network
// on the writer's form, the fast paths taken exactly there, and for every
// variant or malformed text the same network or the same Diagnostic.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "check/detail/read_network.hpp"
#include "diagnostic/diagnostic.hpp"
#include "json_io/point_line.hpp"

namespace etr2nn::check {
namespace {

struct Neuron5 {
  std::string a0, a1, b, v0, v1;
};

// The layout of network/network_json.cpp's write_network.
std::string writer_form(const std::vector<Neuron5>& neurons, const std::string& meta = "") {
  std::string text =
      "{\n \"format\": \"etr2nn-network\",\n \"version\": 1,\n"
      " \"exact\": \"rational\",\n \"hidden_neurons\": " +
      std::to_string(neurons.size()) + ",\n \"c\": [\"0\",\"1/2\"],\n \"neurons\": [";
  for (std::size_t j = 0; j < neurons.size(); ++j) {
    const auto& n = neurons[j];
    text += (j ? ",\n  " : "\n  ");
    text += "{\"a\":[\"" + n.a0 + "\",\"" + n.a1 + "\"],\"b\":\"" + n.b + "\",\"v\":[\"" + n.v0 +
            "\",\"" + n.v1 + "\"]}";
  }
  text += "\n ]";
  if (!meta.empty()) text += ",\n \"meta\": " + meta;
  text += "\n}\n";
  return text;
}

std::vector<Neuron5> sample() {
  return {{"1", "0", "-5/2", "2", "0"},
          {"0", "1", "-11/2", "-2", "3/2"},
          {"1", "-1", "123456789012345678901234567890", "6/4", "-0"},
          {"-3/7", "1", "007", "1/123456789012345678901", "5"}};
}

enum class Reader { fast, general, lean };

// read_network_lean reads files: the text written to one, named after the
// test (ctest runs the tests of this file in parallel processes).
AnyNetwork read_lean(const std::string& text) {
  const std::string path = ::testing::TempDir() + "read_network_lean_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                           ".json";
  std::ofstream(path, std::ios::binary) << text;
  AnyNetwork n = read_network_lean(path);
  std::remove(path.c_str());
  return n;
}

Network read_with(const std::string& text, Reader reader) {
  switch (reader) {
    case Reader::fast: return read_network_text(text, "n.json");
    case Reader::general: return read_network_general(text, "n.json");
    case Reader::lean: break;
  }
  AnyNetwork n = read_lean(text);
  if (const auto* lean = std::get_if<RationalNetwork>(&n)) return lean->expanded();
  return std::get<Network>(std::move(n));
}

// "id|line|column|path|message" of the Diagnostic, or the network's weights.
std::string outcome(const std::string& text, Reader reader) {
  try {
    const Network n = read_with(text, reader);
    std::string out = "c=" + n.c[0].to_string() + "," + n.c[1].to_string();
    for (const auto& u : n.neurons)
      out += ";" + u.a[0].to_string() + "," + u.a[1].to_string() + "," + u.b.to_string() + "," +
             u.v[0].to_string() + "," + u.v[1].to_string();
    return out;
  } catch (const Diagnostic& d) {
    return "error " + std::string(d.kind().id) + "|" + std::to_string(d.where().line) + "|" +
           std::to_string(d.where().column) + "|" + d.where().json_path + "|" + d.message();
  }
}

void expect_same(const std::string& text, const std::string& what) {
  const std::string general = outcome(text, Reader::general);
  EXPECT_EQ(outcome(text, Reader::fast), general) << what;
  EXPECT_EQ(outcome(text, Reader::lean), general) << "lean: " << what;
}

TEST(PointLine, ParsesTheNetworkWritersNeuronLineExactly) {
  std::array<mpq_class, 5> w;
  ASSERT_TRUE(json_io::parse_neuron_line(R"(  {"a":["1","-6/4"],"b":"-5/2","v":["2","0"]})", w));
  EXPECT_EQ(w[0], 1);
  EXPECT_EQ(w[1], mpq_class(-3, 2));
  EXPECT_EQ(w[2], mpq_class(-5, 2));
  EXPECT_EQ(w[3], 2);
  EXPECT_EQ(w[4], 0);
  for (const char* line : {
           R"({"a":["1","0"],"b":"1","v":["2","0"]},)",   // the comma is the caller's
           R"({"a": ["1","0"],"b":"1","v":["2","0"]})",   // space
           R"({"b":"1","a":["1","0"],"v":["2","0"]})",    // key order
           R"({"a":["1","0"],"b":1,"v":["2","0"]})",      // a JSON number
           R"({"a":["1","0"],"b":"0.5","v":["2","0"]})",  // decimal
           R"({"a":["1","0"],"b":"1/0","v":["2","0"]})",  // zero denominator
           R"({"a":["1"],"b":"1","v":["2","0"]})",        // arity
           R"({"a":["1","0"],"b":{"root_of":["-2","0","1"],"in":["1","2"]},"v":["2","0"]})",
           R"({"a":["1","0"],"b":"1","v":["2","0"],"approx":{"b":1.0}})",
       })
    EXPECT_FALSE(json_io::parse_neuron_line(line, w)) << line;
}

TEST(ReadNetworkFast, WritersFormTakesTheFastPathAndReadsTheSame) {
  for (const std::string& meta :
       {std::string(), std::string(R"({"kind": "witness", "n": [1, {}]})")}) {
    const std::string text = writer_form(sample(), meta);
    EXPECT_TRUE(read_network_fast(text, "n.json").has_value());
    expect_same(text, "writer's form");
    EXPECT_EQ(outcome(text, Reader::fast).rfind("error", 0), std::string::npos);
    EXPECT_TRUE(std::holds_alternative<RationalNetwork>(read_lean(text)));
  }
  const std::string one = writer_form({sample()[0]});
  EXPECT_TRUE(read_network_fast(one, "n.json").has_value());
  expect_same(one, "one neuron");
}

TEST(ReadNetworkFast, OtherFormsGoToTheGeneralParser) {
  const std::string text = writer_form(sample());
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    const auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) t.replace(at, from.size(), to);
    return t;
  };
  const std::vector<std::string> others = {
      writer_form({}),                      // no neurons
      nlohmann::json::parse(text).dump(),   // one line
      nlohmann::json::parse(text).dump(2),  // another indentation
      replaced(R"("b":"-5/2")", R"("b":{"root_of":["-2","0","1"],"in":["1","2"]})"),  // algebraic
      replaced(R"("b":"-5/2")", R"("b":"-2.5")"),                                     // decimal
      replaced(R"("b":"-5/2")", R"("b":-2)"),  // JSON integer
      replaced(R"("v":["2","0"]})", R"("v":["2","0"],"approx":{"b":-2.5}})"),
      replaced("\n  {\"a\":[\"0\"", "\n\n  {\"a\":[\"0\""),  // blank line
      text + "\"etr2nn: neurons read by the fast path\"",    // the marker (and trailing junk)
  };
  for (const auto& t : others) {
    EXPECT_FALSE(read_network_fast(t, "n.json").has_value()) << t;
    if (outcome(t, Reader::general).rfind("error", 0) != 0) {
      EXPECT_TRUE(std::holds_alternative<Network>(read_lean(t))) << t;
    }
    expect_same(t, t);
  }
}

TEST(ReadNetworkFast, MalformedFilesGiveTheGeneralParsersDiagnostic) {
  const std::string text = writer_form(sample(), R"({"kind": "witness"})");
  const std::vector<std::pair<std::string, std::string>> edits = {
      {R"("b":"-5/2")", R"("b":"-5/0")"},                   // zero denominator
      {R"("b":"-5/2")", R"("b":"-5x2")"},                   // not a number
      {R"("b":"-5/2")", R"("b":"-5/2)"},                    // missing quote
      {R"("b":"-5/2",)", ""},                               // missing b
      {"\"hidden_neurons\": 4", "\"hidden_neurons\": 5"},   // count
      {"\"hidden_neurons\": 4", "\"hidden_neurons\": -4"},  // count
      {"\"format\": \"etr2nn-network\"", "\"format\": \"etr2nn-dataset\""},
      {"\"version\": 1", "\"version\": 2"},
      {"\"c\": [\"0\",\"1/2\"]", "\"c\": [\"0\"]"},
      {"\"c\": [\"0\",\"1/2\"]", "\"c\": [\"0\",\"1/0\"]"},
      {"\"c\": [\"0\",\"1/2\"],\n", ""},                                    // missing c
      {"\"5\"]}\n ]", "\"5\"]},\n ]"},                                      // trailing comma
      {"\"v\":[\"2\",\"0\"]},", "\"v\":[\"2\",\"0\"]}"},                    // missing comma
      {"\n}\n", "\n"},                                                      // unclosed document
      {"\n}\n", "\n}\n}"},                                                  // trailing junk
      {R"({"kind": "witness"})", R"({"kind": "witness")"},                  // broken meta
      {R"({"kind": "witness"})", R"({"kind": "witness", "neurons": []})"},  // nested key
      {R"({"kind": "witness"})", R"([], "neurons": [])"},                 // a second top-level key
      {"\"version\": 1,", "\"version\": 1, \"field\": {\"theta\": 3},"},  // bad field
  };
  for (const auto& [from, to] : edits) {
    std::string t = text;
    const auto at = t.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    t.replace(at, from.size(), to);
    expect_same(t, to);
  }
}

// Cut anywhere: the general parser's Diagnostic every time.
TEST(ReadNetworkFast, TruncatedFilesGiveTheGeneralParsersDiagnostic) {
  const std::string text = writer_form(sample(), R"({"kind": "witness"})");
  for (std::size_t cut = 0; cut + 1 < text.size(); ++cut) {
    const std::string t = text.substr(0, cut);
    EXPECT_EQ(outcome(t, Reader::fast).rfind("error", 0), 0u) << cut;
    expect_same(t, "cut at " + std::to_string(cut));
  }
}

// Random networks in the writer's form with a line broken now and then.
TEST(ReadNetworkFast, RandomNetworksAgree) {
  std::mt19937 random(13);
  const std::vector<std::string> numbers = {
      "1", "-3/9", "0", "12345678901234567890123", "5/1", "-0", "100/7", "x", "1/0", "2.5"};
  for (int round = 0; round < 60; ++round) {
    std::vector<Neuron5> neurons(1 + random() % 12);
    for (auto& n : neurons)
      for (std::string* s : {&n.a0, &n.a1, &n.b, &n.v0, &n.v1})
        *s = numbers[random() % (round % 3 == 0 ? numbers.size() : 7)];
    expect_same(writer_form(neurons), "round " + std::to_string(round));
  }
}

}  // namespace
}  // namespace etr2nn::check
