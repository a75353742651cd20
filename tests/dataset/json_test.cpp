#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <utility>

#include "dataset/detail/emit.hpp"
#include "dataset/detail/meta.hpp"
#include "dataset/detail/read.hpp"
#include "dataset/detail/write.hpp"
#include "diagnostic/diagnostic.hpp"
#include "generate/generate.hpp"
#include "layout/layout.hpp"
#include "numeric/rational.hpp"
#include "tests/layout/test_instances.hpp"

namespace etr2nn::dataset {
namespace {

namespace fs = std::filesystem;

// A fresh empty directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("etr2nn_dataset_test_" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(path_), fs::directory_iterator()));
  }

 private:
  fs::path path_;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Dataset read_text(const std::string& text) {
  std::istringstream in(text);
  return read_dataset(in, "test.json");
}

std::string written(const layout::Arrangement& a) {
  std::ostringstream out;
  write_dataset(out, Emission(a));
  return out.str();
}

// The writer takes the meta's gadget and constraint point records straight
// from the arrangement (no Meta copy); the bytes must be those of the Meta
// path (a Dataset from emit), for generated points and for an explicit list
// out of gadget order (where the point ranges come from a permutation).
TEST(DatasetJson, MetaWrittenFromTheArrangementEqualsTheMetaCopy) {
  auto a = layout::layout(testing::inv_rational_sat());
  std::ostringstream from_meta;
  write_dataset(from_meta, emit(a));
  EXPECT_EQ(written(a), from_meta.str());

  auto& points = a.data_points.edit();
  std::reverse(points.begin(), points.end());
  std::ostringstream shuffled_meta;
  write_dataset(shuffled_meta, emit(a));
  EXPECT_EQ(written(a), shuffled_meta.str());
  EXPECT_EQ(Emission(a).meta().gadgets.back().end_point, a.data_points.size());
}

TEST(DatasetJson, RoundTripGivesTheSamePointsExactly) {
  TempDir dir;
  const auto a = layout::layout(testing::inv_rational_sat());
  const Dataset original = emit(a);
  write_dataset(dir.file("d.json"), Emission(a));
  const Dataset back = read_dataset(dir.file("d.json"));
  ASSERT_EQ(back.points.size(), original.points.size());
  EXPECT_EQ(back.points, original.points);
  EXPECT_EQ(back.hidden_neurons, a.hidden_neurons());
  EXPECT_EQ(back.labels, original.labels);
  ASSERT_TRUE(back.meta);
  EXPECT_EQ(back.meta->instance, a.instance);
  EXPECT_EQ(back.meta->statistics, original.meta->statistics);
  EXPECT_EQ(back.meta->canonical, a.canonical);
  EXPECT_EQ(back.meta->parameters, a.parameters);
  EXPECT_EQ(back.meta->lanes, a.lanes);
  EXPECT_EQ(back.meta->families, a.families);
}

TEST(DatasetJson, RoundTripWithPlantedInstanceAndNonIntegerCoordinates) {
  auto p = generate::planted_instance(30, 11);
  layout::Options o;
  o.parameters.lane_spacing = mpq_class(7, 3);  // rational coordinates
  o.parameters.canonical_pitch = mpq_class(81, 2);
  o.parameters.margin = mpq_class(367, 3);
  const auto a = layout::layout(p.instance, o);
  const Dataset original = emit(a);
  const Dataset back = read_text(written(a));
  EXPECT_EQ(back.points, original.points);
  std::ostringstream again;  // writing what was read gives the same text
  write_dataset(again, back);
  EXPECT_EQ(again.str(), written(a));
}

TEST(DatasetJson, ArrangementRebuiltFromTheMetaIsTheOriginal) {
  const auto a = layout::layout(generate::planted_instance(25, 5).instance);
  const auto b = arrangement_of(read_text(written(a)));
  ASSERT_EQ(b.gadgets.size(), a.gadgets.size());
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    EXPECT_EQ(b.gadgets[g].kind, a.gadgets[g].kind);
    EXPECT_EQ(b.gadgets[g].strip.normal, a.gadgets[g].strip.normal);
    EXPECT_EQ(b.gadgets[g].strip.offset, a.gadgets[g].strip.offset);
    EXPECT_EQ(b.gadgets[g].strip.width, a.gadgets[g].strip.width);
    EXPECT_EQ(b.gadgets[g].variable, a.gadgets[g].variable);
    EXPECT_EQ(b.gadgets[g].role, a.gadgets[g].role);
    EXPECT_EQ(b.gadgets[g].constraint, a.gadgets[g].constraint);
    EXPECT_EQ(b.gadgets[g].family, a.gadgets[g].family);
    EXPECT_EQ(b.gadgets[g].index, a.gadgets[g].index);
  }
  ASSERT_EQ(b.data_points.size(), a.data_points.size());
  for (std::size_t i = 0; i < a.data_points.size(); ++i) {
    EXPECT_EQ(b.data_points[i].where, a.data_points[i].where);
    EXPECT_EQ(b.data_points[i].gadget, a.data_points[i].gadget);
    EXPECT_EQ(b.data_points[i].line, a.data_points[i].line);
    EXPECT_EQ(b.data_points[i].lane, a.data_points[i].lane);
  }
  ASSERT_EQ(b.constraint_points.size(), a.constraint_points.size());
  for (std::size_t i = 0; i < a.constraint_points.size(); ++i) {
    EXPECT_EQ(b.constraint_points[i].kind, a.constraint_points[i].kind);
    EXPECT_EQ(b.constraint_points[i].where, a.constraint_points[i].where);
    EXPECT_EQ(b.constraint_points[i].gadgets, a.constraint_points[i].gadgets);
    EXPECT_EQ(b.constraint_points[i].constraint, a.constraint_points[i].constraint);
  }
}

TEST(DatasetJson, MetaLocatesEachVariablesCanonicalGadgetAndItsPoints) {
  const auto a = layout::layout(testing::inv_rational_sat());
  const Dataset d = read_text(written(a));
  for (std::size_t v = 0; v < a.instance.variables.size(); ++v) {
    const auto& r = d.meta->gadgets.at(d.meta->canonical.at(v));
    EXPECT_EQ(r.gadget.variable, v);
    EXPECT_EQ(r.gadget.role, layout::Gadget::Role::Canonical);
    ASSERT_EQ(r.end_point - r.first_point, 13u * layout::lane_count);
    for (std::size_t i = r.first_point; i < r.end_point; ++i)
      EXPECT_TRUE(r.gadget.strip.contains(d.points[i].x));
  }
  for (const auto& c : d.meta->constraint_points)
    EXPECT_EQ(d.points.at(c.index).y, c.point.kind->label);
}

// docs/dataset.schema.json's "required" keys, at the top level, in each
// point, in the meta and its parts, are present in what compile writes.
TEST(DatasetJson, ProducedFileHasEveryKeyTheSchemaRequires) {
  const auto schema =
      nlohmann::json::parse(slurp(std::string(ETR2NN_SOURCE_DIR) + "/docs/dataset.schema.json"));
  const auto a = layout::layout(testing::inv_rational_sat());
  const auto file = nlohmann::json::parse(written(a));
  std::size_t checked = 0;
  auto require = [&](const nlohmann::json& s, const nlohmann::json& instance,
                     const std::string& where) {
    ASSERT_TRUE(s.contains("required")) << where;
    for (const auto& key : s["required"]) {
      EXPECT_TRUE(instance.contains(key.get<std::string>())) << where << " lacks " << key;
      ++checked;
    }
  };
  const auto& defs = schema["$defs"];
  require(schema, file, "top level");
  for (const auto& p : file["points"]) require(defs["point"], p, "point");
  require(defs["meta"], file["meta"], "meta");
  for (const auto& g : file["meta"]["gadgets"]) require(defs["gadget"], g, "gadget");
  for (const auto& c : file["meta"]["constraint_points"])
    require(defs["constraint_point"], c, "constraint point");
  for (const auto& c : file["meta"]["instance"]["constraints"])
    require(defs["constraint"], c, "constraint");
  EXPECT_EQ(file["format"], schema["properties"]["format"]["const"]);
  EXPECT_EQ(file["version"], schema["properties"]["version"]["const"]);
  EXPECT_GT(checked, 478u * 2);
}

TEST(DatasetJson, NoFileIsLeftWhenTheDirectoryDoesNotExist) {
  TempDir dir;
  const auto a = layout::layout(testing::inv_rational_sat());
  const std::string target = dir.file("missing/d.json");
  EXPECT_THROW(write_dataset(target, Emission(a)), std::runtime_error);
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(dir.entries(), 0u);
}

TEST(DatasetJson, NoFileIsLeftWhenWritingFailsHalfway) {
  TempDir dir;
  const auto a = layout::layout(generate::planted_instance(200, 1).instance);
  WriteOptions o;
  o.progress = [](std::size_t done, std::size_t) {
    if (done > 5000) throw std::runtime_error("interrupted");
  };
  EXPECT_THROW(write_dataset(dir.file("d.json"), Emission(a), o), std::runtime_error);
  EXPECT_EQ(dir.entries(), 0u);
}

TEST(DatasetJson, AnExistingFileIsReplacedOnlyOnSuccess) {
  TempDir dir;
  const std::string target = dir.file("d.json");
  std::ofstream(target) << "old";
  WriteOptions o;
  o.progress = [](std::size_t done, std::size_t total) {
    if (done == total) throw std::runtime_error("interrupted");
  };
  EXPECT_THROW(write_dataset(target, Emission(layout::layout(testing::inv_rational_sat())), o),
               std::runtime_error);
  EXPECT_EQ(slurp(target), "old");
}

// Each malformed file is rejected with a message naming the file and the problem.
void expect_error(const std::string& text, const std::string& fragment) {
  try {
    read_text(text);
    ADD_FAILURE() << "accepted: " << text.substr(0, 200);
  } catch (const etr2nn::Diagnostic& d) {
    EXPECT_EQ(d.where().file, "test.json");
    EXPECT_NE(d.render().find(fragment), std::string::npos) << d.render();
  }
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(DatasetJson, ReaderNamesWhatIsWrong) {
  const std::string good = written(layout::layout(testing::inv_rational_sat()));
  EXPECT_NO_THROW(read_text(good));
  expect_error(good.substr(0, good.size() / 2), "not valid JSON");
  expect_error(replaced(good, "etr2nn-dataset", "other"), "not an etr2nn dataset");
  expect_error(replaced(good, "\"version\": 2", "\"version\": 3"), "unsupported version 3");
  expect_error(replaced(good, "\"version\": 2", "\"version\": 1"),
               "version 1 (the stacked layout, whose hardness direction is not proved) is no "
               "longer read");
  expect_error(replaced(good, "\"target_error\": \"0\"", "\"target_error\": \"1/10\""),
               "target_error");
  expect_error(replaced(good, "{\"x\":[\"", "{\"x\":[\"1/0"),
               "points[0].x[0]: '1/0-752' is not a rational");
  expect_error(replaced(good, "{\"x\":[\"", "{\"z\":[\""), "points[0]: missing \"x\"");
  expect_error(replaced(good, "[\"10\",\"0\"]", "[\"11\",\"0\"]"), "\"labels\"");
  expect_error(replaced(good, "\"kind\":\"I\"", "\"kind\":\"Q\""), "unknown gadget kind");
  expect_error(replaced(good, "\"points\":[0,39]", "\"points\":[0,9999]"), "outside the");
  expect_error(replaced(good, "\"points\":[0,39]", "\"points\":[1,40]"), "is not on a data line");
  expect_error(
      replaced(good, "\"point\":475,\"variables\":[1,1,2]", "\"point\":475,\"variables\":[1,1,1]"),
      "meta.constraint_points[7].variables: variable 2 is not that of gadget 11");
  expect_error("[1, 2]", "top level");
  // Points, element by element (the reader never builds them as JSON).
  const std::string first = "{\"x\":[\"";
  expect_error(replaced(good, first, "7, " + first), "points[0]: expected an object");
  expect_error(replaced(good, first, "[1], " + first), "points[0]: expected an object");
  expect_error(replaced(good, first, "{\"x\":\"1\", \"q\":[\""), "points[0].x: expected a pair");
  expect_error(replaced(good, first, "{\"x\":[3, \""),
               "points[0].x[0]: expected an exact rational as a string");
  expect_error(replaced(good, first, "{\"x\":[\"1\", \""), "points[0].x: expected a pair");
  expect_error(replaced(good, "],\"xf\"", "],\"y\":[\"1\"],\"xf\""),
               "points[0].y: expected a pair");
  expect_error(replaced(good, "\"points\": [", "\"points\": {\"a\": ["), "not valid JSON");
  expect_error(replaced(good, "\"points\": [", "\"points\": 5, \"other\": ["),
               "\"points\" must be an array");
}

// A file whose meta and points disagree is malformed: the reader runs the
// checks N1–N7 on the file's own geometry and names the one that fails.
TEST(DatasetJson, ReaderRejectsAMetaThatDoesNotDescribeASoundLayout) {
  const auto a = layout::layout(testing::inv_rational_sat());
  const nlohmann::json good = nlohmann::json::parse(written(a));
  const auto rejected = [](const nlohmann::json& j, const std::string& what) {
    try {
      read_text(j.dump());
      ADD_FAILURE() << "accepted; expected " << what;
    } catch (const etr2nn::Diagnostic& e) {
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
  };
  {  // inv constraint turned into add (the point still enforces x * y = 1)
    nlohmann::json j = good;
    for (auto& c : j["meta"]["instance"]["constraints"])
      if (c["kind"] == "inv") {
        c["kind"] = "add";
        c["variables"].push_back(c["variables"][0]);
      }
    rejected(j, "check N4: constraint point");
  }
  {  // a constraint point moved by 1/7
    nlohmann::json j = good;
    const std::size_t i = j["meta"]["constraint_points"][0]["point"];
    j["points"][i]["x"][0] = numeric::to_string(
        *numeric::parse_rational(j["points"][i]["x"][0].get<std::string>()) + mpq_class(1, 7));
    rejected(j, "check N4");
  }
  {  // a canonical home point moved along its data line (y fixed), off its lane
    nlohmann::json j = good;
    j["points"][0]["x"][0] =
        numeric::to_string(*numeric::parse_rational(j["points"][0]["x"][0].get<std::string>()) + 1);
    rejected(j, "check N2");
  }
  {  // the lanes moved: every home point is off them
    nlohmann::json j = good;
    j["meta"]["layout"]["lanes"]["base"][1] = "1";
    rejected(j, "check N2");
  }
  {  // one canonical gadget's index made non-progression-free
    nlohmann::json j = good;
    j["meta"]["gadgets"][1]["index"] = 2;
    rejected(j, "check N5");
  }
}

TEST(DatasetJson, ReaderIgnoresUnknownKeys) {
  const std::string good = written(layout::layout(testing::inv_rational_sat()));
  const std::string extra =
      replaced(replaced(good, "{\"x\":[\"", "{\"note\":{\"x\":[1,{}]},\"w\":[[\"a\"]],\"x\":[\""),
               "\"format\"", "\"comment\": [{\"points\": []}], \"format\"");
  EXPECT_EQ(read_text(extra).points, read_text(good).points);
}

TEST(DatasetJson, DatasetsWithoutMetaAreRead) {
  Dataset d;
  d.points = {{{mpq_class(1, 3), -2}, {1, 0}}, {{0, 0}, {mpq_class(-5, 2), 7}}};
  d.labels = {{mpq_class(-5, 2), 7}, {1, 0}};
  d.hidden_neurons = 4;
  std::ostringstream out;
  write_dataset(out, d);
  const Dataset back = read_text(out.str());
  EXPECT_EQ(back.points, d.points);
  EXPECT_EQ(back.hidden_neurons, 4u);
  EXPECT_FALSE(back.meta);
  EXPECT_THROW(arrangement_of(back), etr2nn::Diagnostic);
}

// read_dataset_head: what `witness` reads of a file too large to hold. Its
// meta must be the whole read's, and the arrangement generated from it must
// have exactly the file's points where the file has them.
TEST(DatasetJson, HeadReadGivesTheWholeReadsMetaWithoutThePoints) {
  TempDir dir;
  const auto a = layout::layout(generate::planted_instance(25, 5).instance);
  write_dataset(dir.file("d.json"), Emission(a));
  const Dataset whole = read_dataset(dir.file("d.json"));
  const std::optional<Dataset> head = read_dataset_head(dir.file("d.json"));
  ASSERT_TRUE(head.has_value());
  EXPECT_TRUE(head->points.empty());
  EXPECT_EQ(head->hidden_neurons, whole.hidden_neurons);
  EXPECT_EQ(head->labels, whole.labels);
  ASSERT_TRUE(head->meta && whole.meta);
  EXPECT_EQ(head->meta->statistics.points, whole.points.size());
  EXPECT_EQ(head->meta->instance.variables, whole.meta->instance.variables);
  ASSERT_EQ(head->meta->constraint_points.size(), whole.meta->constraint_points.size());
  for (std::size_t i = 0; i < whole.meta->constraint_points.size(); ++i) {
    const auto& h = head->meta->constraint_points[i];
    const auto& w = whole.meta->constraint_points[i];
    EXPECT_EQ(h.index, w.index);
    EXPECT_EQ(h.point.kind, w.point.kind);
    EXPECT_EQ(h.point.gadgets, w.point.gadgets);
    // Computed from the gadgets' lines in the head, read from the point in the whole.
    EXPECT_EQ(h.point.where, w.point.where) << "constraint point " << i;
  }
  const std::optional<layout::Arrangement> generated = generated_arrangement_of(*head->meta);
  ASSERT_TRUE(generated.has_value());
  EXPECT_TRUE(generated->data_points.generated());
  const Emission emission(*generated);
  ASSERT_EQ(emission.size(), whole.points.size());
  for (std::size_t i = 0; i < whole.points.size(); ++i)
    ASSERT_EQ(emission.point(i), whole.points[i]) << "point " << i;
  EXPECT_NO_THROW(require_sound_layout(*generated, head->hidden_neurons, "d.json"));
}

TEST(DatasetJson, HeadReadDeclinesAFileWhoseMetaOrHeaderComesAfterThePoints) {
  TempDir dir;
  const nlohmann::ordered_json good =
      nlohmann::ordered_json::parse(written(layout::layout(testing::inv_rational_sat())));
  nlohmann::ordered_json late;
  for (const auto& [key, value] : good.items())
    if (key != "meta") late[key] = value;
  late["meta"] = good["meta"];
  std::ofstream(dir.file("late.json")) << late.dump();
  EXPECT_FALSE(read_dataset_head(dir.file("late.json")).has_value());
  EXPECT_TRUE(read_dataset(dir.file("late.json")).meta.has_value());
  // Sorted keys (as a JSON library re-dumps them): "version" after "points".
  std::ofstream(dir.file("sorted.json")) << nlohmann::json::parse(good.dump()).dump();
  EXPECT_FALSE(read_dataset_head(dir.file("sorted.json")).has_value());
  EXPECT_TRUE(read_dataset(dir.file("sorted.json")).meta.has_value());
}

TEST(DatasetJson, HeadReadNamesWhatIsWrongInTheMeta) {
  TempDir dir;
  const std::string good = written(layout::layout(testing::inv_rational_sat()));
  const auto head_error = [&](const std::string& text, const std::string& fragment) {
    std::ofstream(dir.file("bad.json")) << text;
    try {
      read_dataset_head(dir.file("bad.json"));
      ADD_FAILURE() << "accepted; expected " << fragment;
    } catch (const etr2nn::Diagnostic& d) {
      EXPECT_EQ(d.where().file, dir.file("bad.json"));
      EXPECT_NE(d.render().find(fragment), std::string::npos) << d.render();
    }
  };
  head_error(good.substr(0, good.find("\"gadgets\"") + 20), "not valid JSON");
  head_error(replaced(good, "\"kind\":\"I\"", "\"kind\":\"Q\""), "unknown gadget kind");
  head_error(replaced(good, "\"points\":[0,39]", "\"points\":[0,9999]"), "outside the 478 points");
  // A gadget of a three-line constraint point moved: its lines no longer meet.
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(good);
  for (const auto& c : j["meta"]["constraint_points"])
    if (c["kind"] == "add") {
      auto& offset = j["meta"]["gadgets"][c["gadgets"][2].get<std::size_t>()]["offset"];
      offset = numeric::to_string(*numeric::parse_rational(offset.get<std::string>()) + 1);
      break;
    }
  head_error(j.dump(), "the measuring lines of its gadgets do not meet");
}

TEST(DatasetJson, GeneratedArrangementNeedsTheOrderCompileWrites) {
  TempDir dir;
  write_dataset(dir.file("d.json"), Emission(layout::layout(testing::inv_rational_sat())));
  const Meta meta = *read_dataset_head(dir.file("d.json"))->meta;
  ASSERT_TRUE(generated_arrangement_of(meta).has_value());
  Meta shifted = meta;
  std::swap(shifted.gadgets[0], shifted.gadgets[1]);  // ranges out of gadget order
  EXPECT_FALSE(generated_arrangement_of(shifted).has_value());
  Meta moved = meta;
  ++moved.constraint_points.back().index;
  EXPECT_FALSE(generated_arrangement_of(moved).has_value());
}

}  // namespace
}  // namespace etr2nn::dataset
