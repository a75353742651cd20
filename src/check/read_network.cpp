#include "check/read_network.hpp"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "etr/diagnostic.hpp"
#include "numeric/field_json.hpp"
#include "numeric/real_json.hpp"

namespace etr2nn::check {
namespace {

using nlohmann::json;

// Thrown inside the reader, turned into a Diagnostic naming the file.
struct Bad {
  std::string message;
};

const json& member(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) throw Bad{where + ": missing field \"" + key + "\""};
  return *it;
}

class Weights {
 public:
  explicit Weights(const json* field) {
    if (field) field_.emplace(*field, "field");
  }

  // A witness repeats each algebraic weight in many neurons and each
  // conversion isolates a root: read every distinct root_of object once.
  Real real(const json& j, const std::string& where) {
    if (!j.is_object()) return numeric::real_from_json(j, where);
    std::string key = j.dump();
    auto it = cache_.find(key);
    if (it == cache_.end())
      it =
          cache_.emplace(key, numeric::real_from_json(j, where, field_ ? &*field_ : nullptr)).first;
    return it->second;
  }

  std::array<Real, 2> pair(const json& j, const std::string& where) {
    if (!j.is_array() || j.size() != 2) throw Bad{where + ": expected a pair [x, y]"};
    return {real(j[0], where + "[0]"), real(j[1], where + "[1]")};
  }

 private:
  std::optional<numeric::FieldReader> field_;
  std::map<std::string, Real> cache_;
};

Network from_json(const json& j) {
  if (!j.is_object()) throw Bad{"top level: expected a JSON object"};
  auto format = j.find("format");
  if (format == j.end() || *format != "etr2nn-network")
    throw Bad{"not an etr2nn network: \"format\" must be \"etr2nn-network\" (is this a dataset?)"};
  if (auto v = j.find("version"); v != j.end() && *v != 1)
    throw Bad{"unsupported network format version " + v->dump()};
  auto field = j.find("field");
  Weights weights(field == j.end() ? nullptr : &*field);
  Network network;
  network.c = weights.pair(member(j, "c", "top level"), "c");
  const json& neurons = member(j, "neurons", "top level");
  if (!neurons.is_array()) throw Bad{"neurons: expected an array"};
  network.neurons.reserve(neurons.size());
  for (std::size_t i = 0; i < neurons.size(); ++i) {
    const std::string at = "neurons[" + std::to_string(i) + "]";
    const json& n = neurons[i];
    if (!n.is_object()) throw Bad{at + ": expected an object {a, b, v}"};
    Neuron u;
    u.a = weights.pair(member(n, "a", at), at + ".a");
    u.b = weights.real(member(n, "b", at), at + ".b");
    u.v = weights.pair(member(n, "v", at), at + ".v");
    network.neurons.push_back(std::move(u));
  }
  if (auto m = j.find("hidden_neurons");
      m != j.end() && (!m->is_number_unsigned() || m->get<std::size_t>() != network.neurons.size()))
    throw Bad{"hidden_neurons is " + m->dump() + " but the file lists " +
              std::to_string(network.neurons.size()) + " neurons"};
  return network;
}

}  // namespace

Network read_network(std::istream& in, const std::string& name) {
  auto fail = [&name](const std::string& message) {
    return etr::Diagnostic(etr::SourceLocation{name, 0, 0}, message);
  };
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {
    throw fail(std::string("not valid JSON: ") + e.what());
  }
  try {
    return from_json(j);
  } catch (const Bad& e) {
    throw fail(e.message);
  } catch (const numeric::JsonFormatError& e) {
    throw fail(e.what());
  }
}

Network read_network(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw etr::Diagnostic(etr::SourceLocation{path, 0, 0}, "cannot open the network file");
  return read_network(in, path);
}

}  // namespace etr2nn::check
