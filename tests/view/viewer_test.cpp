// etr2nn view: the page is self-contained, its embedded data match the
// dataset point for point, the legend lists every label with its count, and
// bad arguments or inputs leave no file. (The page's behaviour in a browser:
// tests/view/test_viewer_browser.py.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "../cli/tool_test.hpp"
#include "dataset/dataset.hpp"
#include "numeric/rational.hpp"
#include "view/detail/base64.hpp"
#include "view/detail/viewer_data.hpp"
#include "view/detail/viewer_page.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::slurp;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The JSON document the page embeds.
json embedded(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"etr2nn-data\">";
  const auto begin = page.find(open);
  EXPECT_NE(begin, std::string::npos);
  const auto end = page.find("</script>", begin);
  return json::parse(page.substr(begin + open.size(), end - begin - open.size()));
}

mpq_class ratio(long numerator, long denominator) {
  mpq_class q(numerator, denominator);
  q.canonicalize();
  return q;
}

mpq_class parse(const json& text) {
  return numeric::parse_rational(text.get<std::string>()).value();
}

// The page's varint-delta coordinates back as integers (x0, y0, x1, y1, ...).
std::vector<long> varint_delta(const std::string& b64) {
  const auto bytes = view::from_base64(b64);
  std::vector<long> out;
  std::uint64_t z = 0;
  int shift = 0;
  for (const std::uint8_t b : bytes) {
    z |= static_cast<std::uint64_t>(b & 127) << shift;
    shift += 7;
    if (b & 128) continue;
    const long delta = static_cast<long>(z >> 1) ^ -static_cast<long>(z & 1);
    out.push_back((out.size() >= 2 ? out[out.size() - 2] : 0) + delta);
    z = 0;
    shift = 0;
  }
  return out;
}

template <typename T>
std::vector<T> typed(const std::string& b64) {
  const auto bytes = view::from_base64(b64);
  EXPECT_EQ(bytes.size() % sizeof(T), 0u);
  std::vector<T> out(bytes.size() / sizeof(T));
  std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

class ViewCli : public testing::ToolTest {
 protected:
  std::string q(const fs::path& p) const { return "'" + p.string() + "'"; }
  fs::path compiled() const {
    const fs::path data = dir / "data.json";
    EXPECT_EQ(
        run("compile " + q(testing::sample("inv_rational_sat.etr")) + " -o " + q(data) + " --quiet")
            .status,
        0);
    return data;
  }
};

TEST(Base64, RoundTripsEveryLength) {
  for (std::size_t n = 0; n < 10; ++n) {
    std::vector<std::uint8_t> bytes(n);
    for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<std::uint8_t>(251 - 37 * i);
    const std::string text = view::base64(bytes);
    EXPECT_EQ(text.size(), (n + 2) / 3 * 4);
    EXPECT_EQ(view::from_base64(text), bytes);
  }
  EXPECT_EQ(view::base64(std::vector<std::uint8_t>{'M', 'a', 'n'}), "TWFu");
}

TEST(ViewerPage, ScriptEndInDataCannotCloseTheElement) {
  view::ViewerData data;
  data.document = {{"title", "a</script><script>alert(1)</script>"}};
  const std::string page = view::viewer_html(data);
  EXPECT_EQ(page.find("</script><script>alert"), std::string::npos);
  EXPECT_EQ(embedded(page)["title"], "a</script><script>alert(1)</script>");
  EXPECT_NE(page.find("<title>a&lt;/script&gt;"), std::string::npos);
}

TEST_F(ViewCli, PageIsSelfContainedAndMatchesTheDataset) {
  const fs::path data = compiled();
  const fs::path page = dir / "v.html";
  const testing::ToolOutcome r = run("view " + q(data) + " -o " + q(page));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("-> " + page.string()), std::string::npos) << r.out;
  const std::string html = slurp(page);
  for (const char* external : {"http:", "https:", "//cdn", "<script src", "<link", "@import"})
    EXPECT_EQ(lower(html).find(external), std::string::npos) << external;

  const json file = json::parse(slurp(data));
  const json doc = embedded(html);
  const auto& points = file["points"];
  const std::size_t n = points.size();
  ASSERT_EQ(doc["points"], n);
  // The sample's coordinates are halves and thirds: integers over 6.
  ASSERT_EQ(doc["coordinates"]["encoding"], "varint-delta");
  const long denominator = doc["coordinates"]["denominator"];
  EXPECT_EQ(denominator, 6);
  const auto xy = varint_delta(doc["coordinates"]["xy"]);
  const auto label_bytes = typed<std::uint8_t>(doc["label_bytes"]);
  const auto line_bytes = typed<std::uint8_t>(doc["line_bytes"]);
  ASSERT_EQ(xy.size(), 2 * n);
  ASSERT_EQ(label_bytes.size(), n);
  ASSERT_EQ(line_bytes.size(), n);

  // Legend complete: every label of the file, with its number of points.
  const auto& values = doc["labels"]["values"];
  ASSERT_EQ(values, file["labels"]);
  ASSERT_EQ(doc["labels"]["colours"].size(), values.size());
  std::map<json, std::size_t> counts;
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(ratio(xy[2 * i], denominator), parse(points[i]["x"][0])) << i;
    EXPECT_EQ(ratio(xy[2 * i + 1], denominator), parse(points[i]["x"][1])) << i;
    EXPECT_EQ(values[label_bytes[i]], points[i]["y"]) << i;
    ++counts[points[i]["y"]];
  }
  for (std::size_t l = 0; l < values.size(); ++l)
    EXPECT_EQ(doc["labels"]["counts"][l], counts[values[l]]) << values[l];

  // Gadgets and constraint points as the meta has them; constraint points
  // marked as such, data points with a line of their gadget's kind.
  const auto& meta = file["meta"];
  ASSERT_EQ(doc["gadgets"]["kind"].size(), meta["gadgets"].size());
  ASSERT_EQ(doc["constraint_points"]["point"].size(), meta["constraint_points"].size());
  std::size_t marked = 0;
  for (std::size_t i = 0; i < n; ++i) marked += line_bytes[i] == view::constraint_point_byte;
  EXPECT_EQ(marked, meta["constraint_points"].size());
  for (std::size_t k = 0; k < meta["constraint_points"].size(); ++k)
    EXPECT_EQ(doc["constraint_points"]["point"][k], meta["constraint_points"][k]["point"]);
  for (std::size_t c = 0; c < meta["instance"]["constraints"].size(); ++c)
    EXPECT_EQ(doc["constraints"][c], meta["instance"]["constraints"][c]["text"]);
  EXPECT_TRUE(doc["network"].is_null());
}

TEST_F(ViewCli, NetworkNeuronsAndMissesAreEmbeddedExactly) {
  const fs::path data = compiled();
  const fs::path net = dir / "net.json";
  std::ofstream(dir / "a.json") << R"({"x": "1", "y": "1/2", "z": "2"})";
  ASSERT_EQ(run("witness " + q(data) + " --assign " + q(dir / "a.json") + " -o " + q(net)).status,
            0);
  json network = json::parse(slurp(net));
  const fs::path page = dir / "v.html";
  ASSERT_EQ(run("view " + q(data) + " --network " + q(net) + " -o " + q(page)).status, 0);
  json doc = embedded(slurp(page));
  ASSERT_EQ(doc["network"]["neurons"].size(), network["neurons"].size());
  for (std::size_t k = 0; k < network["neurons"].size(); ++k) {
    EXPECT_EQ(doc["network"]["neurons"][k]["a"], network["neurons"][k]["a"]);
    EXPECT_EQ(doc["network"]["neurons"][k]["b"], network["neurons"][k]["b"]);
    EXPECT_EQ(doc["network"]["neurons"][k]["v"], network["neurons"][k]["v"]);
  }
  EXPECT_EQ(doc["network"]["missed_total"], 0);  // the witness fits

  // Moving the constant output c by 1 misses every point, each by exactly (1, 0).
  network["c"][0] =
      numeric::to_string(*numeric::parse_rational(network["c"][0].get<std::string>()) + 1);
  std::ofstream(dir / "shifted.json") << network.dump();
  const testing::ToolOutcome r =
      run("view " + q(data) + " --network " + q(dir / "shifted.json") + " -o " + q(page));
  ASSERT_EQ(r.status, 0) << r.err;
  doc = embedded(slurp(page));
  const std::size_t n = json::parse(slurp(data))["points"].size();
  EXPECT_EQ(doc["network"]["missed_total"], n);
  ASSERT_EQ(doc["network"]["missed"].size(), n);
  for (const auto& m : doc["network"]["missed"]) EXPECT_EQ(m["error"], json::array({"1", "0"}));
  EXPECT_NE(r.out.find(std::to_string(n) + " missed points"), std::string::npos) << r.out;
}

// The sample moved right by `shift` (points, strips and lanes alike).
dataset::Dataset moved(const std::string& path, const mpq_class& shift) {
  dataset::Dataset d = dataset::read_dataset(path);
  for (auto& p : d.points) p.x.x += shift;
  for (auto& g : d.meta->gadgets) g.gadget.strip.offset += shift * g.gadget.strip.normal.a;
  d.meta->lanes.base.x += shift;
  return d;
}

TEST_F(ViewCli, FractionsTravelAsIntegersOverACommonDenominator) {
  // Halves and thirds, moved by fifths: integers over 30.
  const dataset::Dataset d = moved(compiled().string(), mpq_class(1, 5));
  const json doc = view::viewer_data(d, nullptr, "moved").document;
  ASSERT_EQ(doc["coordinates"]["encoding"], "varint-delta");
  ASSERT_EQ(doc["coordinates"]["denominator"], 30);
  EXPECT_TRUE(doc["exact"].empty());
  const auto xy = varint_delta(doc["coordinates"]["xy"]);
  ASSERT_EQ(xy.size(), 2 * d.points.size());
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    EXPECT_EQ(ratio(xy[2 * i], 30), d.points[i].x.x) << i;
    EXPECT_EQ(ratio(xy[2 * i + 1], 30), d.points[i].x.y) << i;
  }
}

TEST_F(ViewCli, HugeDenominatorsTravelAsExactText) {
  const mpq_class shift(mpz_class(1), mpz_class(1) << 40);
  const dataset::Dataset d = moved(compiled().string(), shift);
  const json doc = view::viewer_data(d, nullptr, "moved").document;
  ASSERT_EQ(doc["coordinates"]["encoding"], "float64");
  ASSERT_EQ(doc["coordinates"]["denominator"], 1);
  const auto xy = typed<double>(doc["coordinates"]["xy"]);
  ASSERT_EQ(doc["exact"].size(), d.points.size());
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    EXPECT_EQ(xy[2 * i], d.points[i].x.x.get_d());
    EXPECT_EQ(doc["exact"][std::to_string(i)], json::array({numeric::to_string(d.points[i].x.x),
                                                            numeric::to_string(d.points[i].x.y)}));
  }
}

TEST_F(ViewCli, BadArgumentsAndInputsLeaveNoFile) {
  const fs::path data = compiled();
  const std::size_t before = entries();
  EXPECT_EQ(run("view " + q(data) + " -o " + q(dir / "v.svg")).status, 2);  // not .html
  EXPECT_EQ(run("view " + q(data)).status, 2);                              // no -o
  EXPECT_EQ(run("view -o " + q(dir / "v.html")).status, 2);                 // no dataset
  std::ofstream(dir / "xor.json") << testing::xor_dataset;
  const testing::ToolOutcome no_meta =
      run("view " + q(dir / "xor.json") + " -o " + q(dir / "v.html"));
  EXPECT_EQ(no_meta.status, 1);
  EXPECT_NE(no_meta.err.find("meta"), std::string::npos) << no_meta.err;
  EXPECT_EQ(entries(), before + 1);  // only xor.json was added
  EXPECT_FALSE(fs::exists(dir / "v.html"));
}

}  // namespace
}  // namespace etr2nn
