#include "suite/detail/manifest.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "json_io/value.hpp"

namespace etr2nn::suite {
namespace {

using ojson = nlohmann::ordered_json;

ojson optional_string(const std::optional<std::string>& s) {
  return s ? ojson(*s) : ojson();
}
// Milliseconds are all a timing says; more digits would only be noise.
ojson seconds(double s) {
  return std::round(s * 1000) / 1000;
}
ojson optional_seconds(const std::optional<double>& s) {
  return s ? seconds(*s) : ojson();
}

ojson files_json(const Files& f) {
  return ojson{{"formula", f.formula},
               {"dataset", f.dataset},
               {"witness", optional_string(f.witness)},
               {"assignment", optional_string(f.assignment)}};
}

// RFC 4180: quote a cell with a comma, quote or line break; double the quotes.
std::string cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", s);
  return buffer;
}

std::optional<std::string> optional_string(const json_io::Value& v) {
  if (v.raw().is_null()) return std::nullopt;
  return v.string();
}

Files files_from(const json_io::Value& object) {
  return {object.at("formula").string(), object.at("dataset").string(),
          optional_string(object.at("witness")), optional_string(object.at("assignment"))};
}

}  // namespace

std::string instance_id(const std::string& family, std::size_t size, std::uint64_t seed) {
  return family + "-n" + std::to_string(size) + "-s" + std::to_string(seed);
}

ojson to_json(const Manifest& m) {
  ojson instances = ojson::array();
  for (const Entry& e : m.instances)
    instances.push_back(ojson{{"id", e.id},
                              {"family", e.family},
                              {"size", e.size},
                              {"seed", e.seed},
                              {"expected", e.expected ? "true" : "false"},
                              {"known_by", e.known_by},
                              {"constraints", e.constraints},
                              {"variables", e.variables},
                              {"points", e.points},
                              {"neurons", e.neurons},
                              {"labels", e.labels},
                              {"K", e.K},
                              {"completeness", e.completeness},
                              {"files", files_json(e.files)},
                              {"sha256", files_json(e.sha256)},
                              {"timings",
                               {{"compile", seconds(e.compile_seconds)},
                                {"witness", optional_seconds(e.witness_seconds)},
                                {"verify", optional_seconds(e.verify_seconds)}}}});
  return ojson{{"format", "etr2nn-suite"},
               {"version", 1},
               {"arguments", {{"families", m.families}, {"sizes", m.sizes}, {"seeds", m.seeds}}},
               {"instances", instances}};
}

std::string to_csv(const Manifest& m) {
  std::string out =
      "id,family,size,seed,expected,known_by,constraints,variables,points,neurons,labels,K,"
      "completeness,formula,dataset,witness,assignment,sha256_formula,sha256_dataset,"
      "sha256_witness,sha256_assignment,compile_seconds,witness_seconds,verify_seconds\n";
  auto opt = [](const std::optional<std::string>& s) { return s ? cell(*s) : std::string(); };
  auto optn = [](const std::optional<double>& s) { return s ? number(*s) : std::string(); };
  for (const Entry& e : m.instances) {
    out += cell(e.id) + "," + cell(e.family) + "," + std::to_string(e.size) + "," +
           std::to_string(e.seed) + "," + (e.expected ? "true" : "false") + "," + cell(e.known_by) +
           "," + std::to_string(e.constraints) + "," + std::to_string(e.variables) + "," +
           std::to_string(e.points) + "," + std::to_string(e.neurons) + "," +
           std::to_string(e.labels) + "," + std::to_string(e.K) + "," + cell(e.completeness) + "," +
           cell(e.files.formula) + "," + cell(e.files.dataset) + "," + opt(e.files.witness) + "," +
           opt(e.files.assignment) + "," + e.sha256.formula + "," + e.sha256.dataset + "," +
           opt(e.sha256.witness) + "," + opt(e.sha256.assignment) + "," +
           number(e.compile_seconds) + "," + optn(e.witness_seconds) + "," +
           optn(e.verify_seconds) + "\n";
  }
  return out;
}

Manifest manifest_from_json(const nlohmann::json& json, const std::string& file) {
  const json_io::Value root(json, file);
  if (const json_io::Value format = root.at("format"); format.string() != "etr2nn-suite")
    format.fail(errors::file_kind, "expected \"etr2nn-suite\"");
  if (const json_io::Value version = root.at("version"); version.whole_number() != 1)
    version.fail(errors::file_kind, "unsupported version (this etr2nn reads version 1)");
  Manifest m;
  const json_io::Value arguments = root.at("arguments");
  for (const json_io::Value& f : arguments.at("families").array()) m.families.push_back(f.string());
  for (const json_io::Value& n : arguments.at("sizes").array()) m.sizes.push_back(n.whole_number());
  m.seeds = arguments.at("seeds").whole_number();
  for (const json_io::Value& j : root.at("instances").array()) {
    Entry e;
    e.id = j.at("id").string();
    e.family = j.at("family").string();
    e.size = j.at("size").whole_number();
    e.seed = j.at("seed").whole_number();
    e.expected = j.at("expected").string() == "true";
    e.known_by = j.at("known_by").string();
    e.constraints = j.at("constraints").whole_number();
    e.variables = j.at("variables").whole_number();
    e.points = j.at("points").whole_number();
    e.neurons = j.at("neurons").whole_number();
    e.labels = j.at("labels").whole_number();
    const std::uint64_t K = j.at("K").whole_number();
    if (K > std::numeric_limits<unsigned>::max()) j.at("K").fail(errors::wrong_type, "too large");
    e.K = static_cast<unsigned>(K);
    e.completeness = j.at("completeness").string();
    e.files = files_from(j.at("files"));
    e.sha256 = files_from(j.at("sha256"));
    m.instances.push_back(std::move(e));
  }
  return m;
}

}  // namespace etr2nn::suite
