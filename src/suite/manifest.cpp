#include "suite/manifest.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

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

const nlohmann::json& field(const nlohmann::json& object, const char* name,
                            const std::string& where) {
  if (!object.is_object() || !object.contains(name))
    throw std::runtime_error("manifest: " + where + " has no \"" + name + "\"");
  return object.at(name);
}

template <class T>
T get(const nlohmann::json& object, const char* name, const std::string& where) {
  try {
    return field(object, name, where).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw std::runtime_error("manifest: " + where + "." + name + " has the wrong type");
  }
}

std::optional<std::string> get_optional(const nlohmann::json& object, const char* name,
                                        const std::string& where) {
  if (field(object, name, where).is_null()) return std::nullopt;
  return get<std::string>(object, name, where);
}

Files files_from(const nlohmann::json& object, const std::string& where) {
  return {get<std::string>(object, "formula", where), get<std::string>(object, "dataset", where),
          get_optional(object, "witness", where), get_optional(object, "assignment", where)};
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

Manifest manifest_from_json(const nlohmann::json& json) {
  if (get<std::string>(json, "format", "the file") != "etr2nn-suite")
    throw std::runtime_error("manifest: \"format\" is not \"etr2nn-suite\"");
  if (get<int>(json, "version", "the file") != 1)
    throw std::runtime_error("manifest: unsupported \"version\" (this etr2nn reads version 1)");
  Manifest m;
  const auto& arguments = field(json, "arguments", "the file");
  m.families = get<std::vector<std::string>>(arguments, "families", "arguments");
  m.sizes = get<std::vector<std::size_t>>(arguments, "sizes", "arguments");
  m.seeds = get<std::size_t>(arguments, "seeds", "arguments");
  const auto& instances = field(json, "instances", "the file");
  if (!instances.is_array()) throw std::runtime_error("manifest: \"instances\" is not a list");
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const auto& j = instances[i];
    const std::string where = "instances[" + std::to_string(i) + "]";
    Entry e;
    e.id = get<std::string>(j, "id", where);
    e.family = get<std::string>(j, "family", where);
    e.size = get<std::size_t>(j, "size", where);
    e.seed = get<std::uint64_t>(j, "seed", where);
    e.expected = get<std::string>(j, "expected", where) == "true";
    e.known_by = get<std::string>(j, "known_by", where);
    e.constraints = get<std::size_t>(j, "constraints", where);
    e.variables = get<std::size_t>(j, "variables", where);
    e.points = get<std::size_t>(j, "points", where);
    e.neurons = get<std::size_t>(j, "neurons", where);
    e.labels = get<std::size_t>(j, "labels", where);
    e.K = get<unsigned>(j, "K", where);
    e.completeness = get<std::string>(j, "completeness", where);
    e.files = files_from(field(j, "files", where), where + ".files");
    e.sha256 = files_from(field(j, "sha256", where), where + ".sha256");
    m.instances.push_back(std::move(e));
  }
  return m;
}

}  // namespace etr2nn::suite
