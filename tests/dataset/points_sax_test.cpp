// The dataset reader's fast path for the writer's one-point-per-line form
// (dataset::detail::parse_document) against the general parser alone
// (parse_document_general): the same points and the same document around
// them on the writer's form, on reformatted files and on malformed variants,
// and for malformed ones the same Diagnostic (id, line, column, JSON path and
// the rendered text with its quoted line). The model is tests/check/read_fast_test.cpp.
#include "dataset/detail/points_sax.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "diagnostic/diagnostic.hpp"
#include "json_io/point_line.hpp"

namespace etr2nn::dataset::detail {
namespace {

namespace fs = std::filesystem;

// A document in the writer's layout (header, meta, then one point per line).
// Not a valid dataset for read_dataset (no real meta): PointsSax does not care.
std::string writer_form(const std::vector<std::array<std::string, 4>>& points) {
  std::string text =
      "{\n  \"format\": \"etr2nn-dataset\",\n  \"version\": 2,\n  \"hidden_neurons\": 3,\n"
      "  \"meta\": {\"generator\": \"test\", \"list\": [1, 2, {\"a\": \"b\"}]},\n"
      "  \"points\": [\n";
  for (std::size_t j = 0; j < points.size(); ++j) {
    const auto& p = points[j];
    text += "    {\"x\":[\"" + p[0] + "\",\"" + p[1] + "\"],\"y\":[\"" + p[2] + "\",\"" + p[3] +
            "\"],\"xf\":[" + std::to_string(j) + ",0.5],\"yf\":[1e3,-0]";
    text += j + 1 < points.size() ? "},\n" : "}\n";
  }
  return text + "  ],\n  \"after\": [true, null]\n}\n";
}

std::vector<std::array<std::string, 4>> sample_points() {
  return {{"-752", "0", "0", "0"},
          {"3/4", "-6/8", "1", "2"},
          {"123456789012345678901234567890", "-1/123456789012345678901", "0", "0"},
          {"0", "-0", "1", "2"},
          {"007", "12/3", "0", "0"},
          {"5", "6", "0", "0"}};
}

class PointsSaxFast : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("etr2nn_points_sax_" + std::to_string(getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }

  struct Outcome {
    std::vector<LabelledPoint> points;
    nlohmann::json root;
    std::string error;  // "id|line|col|path|rendered", or empty
  };
  Outcome read(const std::string& text, bool fast) {
    const std::string path = (dir / "d.json").string();
    std::ofstream(path, std::ios::binary) << text;
    std::ifstream in(path, std::ios::binary);
    Outcome o;
    PointsSax sax(o.points, [&path](const ErrorKind& kind, const std::string& message) {
      throw Diagnostic(kind, SourceLocation{path}, message);
    });
    try {
      fast ? parse_document(in, path, sax) : parse_document_general(in, path, sax);
      o.root = sax.root();
    } catch (const Diagnostic& d) {
      o.error = std::string(d.kind().id) + "|" + std::to_string(d.where().line) + "|" +
                std::to_string(d.where().column) + "|" + d.where().json_path + "|" + d.render();
    }
    return o;
  }
  Outcome same(const std::string& text, const std::string& what) {
    const Outcome fast = read(text, true), general = read(text, false);
    EXPECT_EQ(fast.error, general.error) << what;
    EXPECT_EQ(fast.points, general.points) << what;
    EXPECT_EQ(fast.root, general.root) << what;
    return fast;
  }
};

TEST(PointLines, ReadsTheWritersLinesAndStopsAtTheFirstOther) {
  const std::string body =
      "\n    {\"x\":[\"1\",\"2\"],\"y\":[\"3\",\"4\"]},"
      "\n    {\"x\":[\"5/10\",\"-6\"],\"y\":[\"0\",\"0\"],\"xf\":[0.5,-6],\"yf\":[0,0]},"
      "\n    {\"x\": [\"7\",\"8\"],\"y\":[\"0\",\"0\"]}\n  ]}";
  std::istringstream in(body);
  json_io::ChunkReader reader(in);
  std::array<mpq_class, 4> q;
  std::vector<std::array<mpq_class, 4>> seen;
  EXPECT_TRUE(json_io::read_point_lines(reader, q, [&] { seen.push_back(q); }));
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0][3], 4);
  EXPECT_EQ(seen[1][0], mpq_class(1, 2));
  EXPECT_EQ(seen[1][1], -6);
  // On the second line's comma: the general parser resumes there.
  EXPECT_EQ(std::string(reader.data(), 2), ",\n");
  EXPECT_EQ(reader.line(), 3u);

  std::istringstream other("\n    {\"x\": [\"7\",\"8\"],\"y\":[\"0\",\"0\"]}\n  ]}");
  json_io::ChunkReader none(other);
  EXPECT_FALSE(json_io::read_point_lines(none, q, [&] { seen.push_back(q); }));
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_EQ(none.data()[0], '\n');  // still behind the '['
}

TEST_F(PointsSaxFast, WritersFormReadsAsTheGeneralParserReadsIt) {
  const Outcome o = same(writer_form(sample_points()), "writer's form");
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.points.size(), sample_points().size());
  EXPECT_EQ(o.points[1].x.y, mpq_class(-3, 4));
  EXPECT_EQ(o.root["after"], nlohmann::json::parse("[true, null]"));
  same(writer_form({}), "no points");
  same(writer_form({{"1", "2", "0", "0"}}), "one point");
}

TEST_F(PointsSaxFast, ReformattedFilesReadTheSame) {
  const std::string text = writer_form(sample_points());
  const nlohmann::json doc = nlohmann::json::parse(text);
  same(doc.dump(2), "pretty-printed");
  same(doc.dump(), "one line");
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  same(replaced(R"({"x":["3/4","-6/8"])", R"({"x":["\u0033/4","-6/8"])"), "escape");
  same(replaced(R"({"x":["3/4","-6/8"])", R"({"extra":{"a":[1]},"x":["3/4","-6/8"])"), "extra");
  same(replaced("\n    {\"x\":[\"5\"", "\n\n  {\"x\":[\"5\""), "blank line");
  same(replaced("},\n    {\"x\":[\"0\"", "},    {\"x\":[\"0\""), "two on one line");
  same(replaced("\"points\": [\n", "\"points\": [    "), "no newline after [");
  same(replaced("  \"meta\"",
                "  \"inner\": {\"points\": [\n{\"x\":[\"1\",\"2\"],\"y\":[\"3\",\"4\"]},\n"
                "{\"x\":[\"1\",\"2\"],\"y\":[\"3\",\"4\"]}]},\n  \"meta\""),
       "a nested \"points\"");
}

TEST_F(PointsSaxFast, MalformedPointsGiveTheGeneralParsersDiagnostic) {
  const std::string text = writer_form(sample_points());
  const std::vector<std::pair<std::string, std::string>> edits = {
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4",-6/8"])"},
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4","-6/0"])"},
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4","-6x8"])"},
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4"])"},
      {R"({"x":["3/4","-6/8"])", R"({"x":[3,"1"])"},
      {R"({"x":["3/4","-6/8"],)", R"({)"},
      {R"("xf":[5,0.5],"yf":[1e3,-0]}
)",
       R"("xf":[5,0.5],"yf":[1e3,-0]},
)"},
      {R"("xf":[3,0.5],"yf":[1e3,-0]},)", R"("xf":[3,0.5],"yf":[1e3,-0]})"},
      {"\"points\": [\n    {\"x\":[\"-752\"", "\"points\": [\n    {\"x\":[\"-752"},
      {"\n}\n", "\n"},
      {"\n}\n", "\n}\n}"},
  };
  for (const auto& [from, to] : edits) {
    std::string t = text;
    const auto at = t.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    t.replace(at, from.size(), to);
    const Outcome o = same(t, to);
    EXPECT_NE(o.error, "") << to;
  }
}

TEST_F(PointsSaxFast, TruncatedFilesGiveTheGeneralParsersDiagnostic) {
  const std::string text = writer_form(sample_points());
  const std::size_t points_at = text.find("\"points\"");
  for (std::size_t cut = 0; cut + 1 < text.size(); cut += cut < points_at ? 37 : 1) {
    const Outcome o = same(text.substr(0, cut), "cut at " + std::to_string(cut));
    EXPECT_NE(o.error, "") << cut;
  }
}

TEST_F(PointsSaxFast, RandomMixturesAgree) {
  std::mt19937 random(17);
  const std::vector<std::string> forms = {
      R"(    {"x":["%","%"],"y":["1","2"],"xf":[1,2],"yf":[1,2]},)",
      R"(    {"x":["%","%"],"y":["0","0"]},)",
      R"(    {"x": ["%", "%"], "y": ["1", "2"]},)",
      R"(  {"y":["0","0"],"x":["%","%"]},)",
  };
  const std::vector<std::string> numbers = {
      "1", "-3/9", "0", "12345678901234567890123", "5/1", "-0", "100/7", "x", "1/0", ""};
  for (int round = 0; round < 60; ++round) {
    std::string body;
    const int lines = std::uniform_int_distribution<int>(1, 12)(random);
    for (int l = 0; l < lines; ++l) {
      std::string line = forms[random() % forms.size()];
      for (std::size_t at; (at = line.find('%')) != std::string::npos;)
        line.replace(at, 1, numbers[random() % (round % 3 == 0 ? numbers.size() : 7)]);
      body += line + "\n";
    }
    body.resize(body.size() - 2);
    same("{\"format\": \"etr2nn-dataset\",\n\"points\": [\n" + body + "\n], \"z\": 1}\n",
         "round " + std::to_string(round));
  }
}

}  // namespace
}  // namespace etr2nn::dataset::detail
