// read_dataset's fast path for the writer's one-point-per-line form against
// the general parser alone (read_dataset_general): the same points and header
// on the writer's form, on reformatted files, and on malformed variants, and
// for malformed ones the same Diagnostic: id, line, column, JSON path and the
// rendered text with its quoted line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "check/detail/read_dataset.hpp"
#include "diagnostic/diagnostic.hpp"
#include "json_io/point_line.hpp"

namespace etr2nn::check {
namespace {

namespace fs = std::filesystem;

struct Point4 {
  std::string x0, x1, y0, y1;
};

// A dataset in the writer's layout (header, meta, then one point per line).
std::string writer_form(const std::vector<Point4>& points, bool xf = true) {
  std::set<std::pair<mpq_class, mpq_class>> labels;
  for (const auto& p : points) labels.emplace(mpq_class(p.y0), mpq_class(p.y1));
  std::string text =
      "{\n  \"format\": \"etr2nn-dataset\",\n  \"version\": 2,\n  \"inputs\": 2,\n"
      "  \"outputs\": 2,\n  \"hidden_neurons\": 3,\n  \"target_error\": \"0\",\n  \"labels\": [\n";
  bool first = true;
  for (const auto& [a, b] : labels) {
    text +=
        std::string(first ? "" : ",\n") + "    [\"" + a.get_str() + "\",\"" + b.get_str() + "\"]";
    first = false;
  }
  text += "\n  ],\n  \"meta\": {\"generator\": \"test\", \"list\": [1, 2, {\"a\": \"b\"}]},\n";
  text += "  \"points\": [\n";
  for (std::size_t j = 0; j < points.size(); ++j) {
    const auto& p = points[j];
    text +=
        "    {\"x\":[\"" + p.x0 + "\",\"" + p.x1 + "\"],\"y\":[\"" + p.y0 + "\",\"" + p.y1 + "\"]";
    if (xf) text += ",\"xf\":[" + std::to_string(j) + ",0.5],\"yf\":[1e3,-0]";
    text += j + 1 < points.size() ? "},\n" : "}\n";
  }
  text += "  ]\n}\n";
  return text;
}

std::vector<Point4> sample_points() {
  return {{"-752", "0", "0", "0"},
          {"3/4", "-6/8", "1", "2"},
          {"123456789012345678901234567890", "-1/123456789012345678901", "0", "0"},
          {"0", "-0", "1", "2"},
          {"007", "12/3", "0", "0"},
          {"999999999999999999", "-1000000000000000000", "1", "2"},
          {"5", "6", "0", "0"}};
}

class ReadFast : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("etr2nn_read_fast_" + std::to_string(getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }

  // Reads `text` (written to a file, so that errors quote its lines) both ways.
  struct Outcome {
    std::vector<LabelledPoint> points;
    DatasetHeader header;
    std::string error;  // "id|line|col|path|rendered", or empty
  };
  Outcome read(const std::string& text, bool fast) {
    const std::string path = (dir / "d.json").string();
    std::ofstream(path, std::ios::binary) << text;
    std::ifstream in(path, std::ios::binary);
    Outcome o;
    const PointSink sink = [&o](std::size_t j, const LabelledPoint& p) {
      EXPECT_EQ(j, o.points.size());
      o.points.push_back(p);
    };
    try {
      o.header = fast ? read_dataset(in, path, sink) : read_dataset_general(in, path, sink);
    } catch (const Diagnostic& d) {
      o.error = std::string(d.kind().id) + "|" + std::to_string(d.where().line) + "|" +
                std::to_string(d.where().column) + "|" + d.where().json_path + "|" + d.render();
    }
    return o;
  }

  // Both ways agree; returns the outcome.
  Outcome same(const std::string& text, const std::string& what) {
    const Outcome fast = read(text, true), general = read(text, false);
    EXPECT_EQ(fast.error, general.error) << what;
    EXPECT_EQ(fast.points.size(), general.points.size()) << what;
    for (std::size_t j = 0; j < std::min(fast.points.size(), general.points.size()); ++j) {
      EXPECT_EQ(fast.points[j].x.x, general.points[j].x.x) << what << " point " << j;
      EXPECT_EQ(fast.points[j].x.y, general.points[j].x.y) << what << " point " << j;
      EXPECT_EQ(fast.points[j].y, general.points[j].y) << what << " point " << j;
    }
    if (fast.error.empty()) {
      EXPECT_EQ(fast.header.points, general.header.points) << what;
      EXPECT_EQ(fast.header.hidden_neurons, general.header.hidden_neurons) << what;
      EXPECT_EQ(fast.header.labels, general.header.labels) << what;
    }
    return fast;
  }
};

TEST(PointLine, ParsesTheWritersFormExactly) {
  mpq_class a, b, c, d;
  EXPECT_TRUE(json_io::parse_point_line(
      R"(    {"x":["-752","6/4"],"y":["0","12"],"xf":[-752,1.5],"yf":[0,12]},)", a, b, c, d));
  EXPECT_EQ(a, -752);
  EXPECT_EQ(b, mpq_class(3, 2));
  EXPECT_EQ(c, 0);
  EXPECT_EQ(d, 12);
  EXPECT_TRUE(json_io::parse_point_line(R"({"x":["1","2"],"y":["3","4"]},)", a, b, c, d));
  // Not the fast form: the general parser decides.
  for (const char* line : {
           R"({"x":["1","2"],"y":["3","4"]})",         // no comma: the last point
           R"({"x":["1","2"],"y":["3","4"]}, )",       // trailing space
           R"({"x": ["1","2"],"y":["3","4"]},)",       // space
           R"({"y":["3","4"],"x":["1","2"]},)",        // key order
           R"({"x":["1","2"],"y":["3","4"],"z":0},)",  // other member
           R"({"x":["\u0031","2"],"y":["3","4"]},)",   // escape
           R"({"x":["1/0","2"],"y":["3","4"]},)",      // zero denominator
           R"({"x":["+1","2"],"y":["3","4"]},)",       // sign parse_rational accepts
           R"({"x":["0.5","2"],"y":["3","4"]},)",      // decimal
           R"({"x":["1","2","3"],"y":["3","4"]},)",    // arity
           R"({"x":["1"],"y":["3","4"]},)",            // arity
           R"({"x":[1,"2"],"y":["3","4"]},)",          // a number
           R"({"x":["1","2"],"y":["3","4"],"xf":[01,2],"yf":[3,4]},)",  // bad JSON number
           R"({"x":["1","2"],"y":["3","4"],"xf":[1,2],"yf":[3,4e400]},)",
           R"({"x":["1","2"],"y":["3","4"],"xf":[1,2]},)",
           R"({"x":["1","2"],"y":["3","4"])",
       })
    EXPECT_FALSE(json_io::parse_point_line(line, a, b, c, d)) << line;
}

TEST_F(ReadFast, WritersFormReadsAsTheGeneralParserReadsIt) {
  for (bool xf : {true, false}) {
    const std::string text = writer_form(sample_points(), xf);
    const Outcome o = same(text, "writer's form");
    EXPECT_EQ(o.error, "");
    EXPECT_EQ(o.points.size(), sample_points().size());
  }
  same(writer_form({}), "no points");
  same(writer_form({{"1", "2", "0", "0"}}), "one point");
}

TEST_F(ReadFast, ReformattedFilesReadTheSame) {
  const std::string text = writer_form(sample_points());
  const nlohmann::json doc = nlohmann::json::parse(text);
  same(doc.dump(2), "pretty-printed");
  same(doc.dump(), "one line");
  // "points" before the header; keys sorted inside the points.
  nlohmann::ordered_json reordered;
  reordered["points"] = doc["points"];
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (it.key() != "points") reordered[it.key()] = it.value();
  same(reordered.dump(), "points first");
  // Some lines changed, the others still in the fast form.
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  same(replaced(R"({"x":["3/4","-6/8"])", R"({"x":["\u0033/4","-6/8"])"), "escape");
  same(replaced(R"({"x":["3/4","-6/8"])", R"({"extra":{"a":[1]},"x":["3/4","-6/8"])"), "extra");
  same(replaced(R"({"x":["0","-0"],"y":["1","2"])", R"({"y":["1","2"],"x":["0","-0"])"),
       "key order");
  same(replaced("\n    {\"x\":[\"5\"", "\n\n  {\"x\":[\"5\""), "blank line");
  same(replaced("},\n    {\"x\":[\"0\"", "}  ,\n    {\"x\":[\"0\""), "space before comma");
  same(replaced("},\n    {\"x\":[\"0\"", "},    {\"x\":[\"0\""), "two on one line");
  same(replaced("\"points\": [\n", "\"points\": [    "), "no newline after [");
}

TEST_F(ReadFast, MalformedPointsGiveTheGeneralParsersDiagnostic) {
  const std::string text = writer_form(sample_points());
  const std::vector<std::pair<std::string, std::string>> edits = {
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4",-6/8"])"},                  // missing quote
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4","-6/8])"},                  // missing quote
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4","-6/0"])"},                 // zero denominator
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4","-6x8"])"},                 // bad number
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4"])"},                        // arity
      {R"({"x":["3/4","-6/8"])", R"({"x":["3/4","1","2"])"},                // arity
      {R"({"x":["3/4","-6/8"])", R"({"x":[3,"1"])"},                        // a number
      {R"({"x":["3/4","-6/8"],)", R"({)"},                                  // missing x
      {R"("y":["1","2"],"xf":[1,0.5])", R"("y":["1","2"]],"xf":[1,0.5])"},  // bracket
      {R"("xf":[6,0.5],"yf":[1e3,-0]}
)",
       R"("xf":[6,0.5],"yf":[1e3,-0]},
)"},  // trailing comma after the last point
      {R"("xf":[3,0.5],"yf":[1e3,-0]},)", R"("xf":[3,0.5],"yf":[1e3,-0]})"},  // missing comma
      {R"("xf":[0,0.5],"yf":[1e3,-0]},)", R"("xf":[0,0.5],"yf":[1e3,-0])"},
      {"\"points\": [\n    {\"x\":[\"-752\"", "\"points\": [\n    {\"x\":[\"-752"},  // first
      {"\"points\": [\n    {\"x\":[\"-752\"", "\"points\": [{\"x\":[\"-752"},  // first, same line
      {R"("-752","0"],"y":["0","0"])", R"("-752","0"],"y":["0","0"]])"},
      {"\n  ]\n}\n", "\n  ]\n"},  // unclosed document
      {"\n  ]\n}\n", "\n  ]\n}\n}"},
      {R"("labels": [)", R"("labels": [["7","7"],)"},  // labels differ from the points'
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

// Cut anywhere (but the final newline, which is optional): inside the header,
// at every byte of a point line, between lines.
TEST_F(ReadFast, TruncatedFilesGiveTheGeneralParsersDiagnostic) {
  const std::string text = writer_form(sample_points());
  const std::size_t points_at = text.find("\"points\"");
  for (std::size_t cut = 0; cut + 1 < text.size(); cut += cut < points_at ? 37 : 1) {
    const Outcome o = same(text.substr(0, cut), "cut at " + std::to_string(cut));
    EXPECT_NE(o.error, "") << cut;
  }
}

// Random lines, some in the fast form and some not, some malformed.
TEST_F(ReadFast, RandomMixturesAgree) {
  std::mt19937 random(99);
  const std::vector<std::string> forms = {
      R"(    {"x":["%","%"],"y":["1","2"],"xf":[1,2],"yf":[1,2]},)",
      R"(    {"x":["%","%"],"y":["0","0"]},)",
      R"(    {"x": ["%", "%"], "y": ["1", "2"]},)",
      R"(  {"y":["0","0"],"x":["%","%"]},)",
      R"(    {"x":["%","%"],"y":["1","2"],"xf":[1,2],"yf":[1,2]} ,)",
  };
  const std::vector<std::string> numbers = {
      "1", "-3/9", "0", "12345678901234567890123", "5/1", "-0", "100/7", "x", "1/0", ""};
  for (int round = 0; round < 60; ++round) {
    std::string body;
    const int lines = std::uniform_int_distribution<int>(1, 12)(random);
    for (int l = 0; l < lines; ++l) {
      std::string line = forms[random() % forms.size()];
      for (std::size_t at; (at = line.find('%')) != std::string::npos;) {
        // Mostly valid numbers; a malformed one now and then.
        const std::size_t pick = random() % (round % 3 == 0 ? numbers.size() : 7);
        line.replace(at, 1, numbers[pick]);
      }
      body += line + "\n";
    }
    body.resize(body.size() - 2);  // the last point's comma and newline
    const std::string text =
        "{\"format\": \"etr2nn-dataset\", \"version\": 1, \"inputs\": 2, \"outputs\": 2,\n"
        "\"hidden_neurons\": 1, \"target_error\": \"0\", \"labels\": "
        "[[\"0\",\"0\"],[\"1\",\"2\"]],\n"
        "\"points\": [\n" +
        body + "\n]}\n";
    same(text, "round " + std::to_string(round));
  }
}

}  // namespace
}  // namespace etr2nn::check
