#include "check/detail/read_network.hpp"

#include <map>
#include <optional>

#include "diagnostic/diagnostic.hpp"
#include "json_io/field.hpp"
#include "json_io/real.hpp"
#include "json_io/value.hpp"

namespace etr2nn::check {
namespace {

using nlohmann::json;

// Reads weights; a witness repeats each algebraic value in many neurons and
// each conversion isolates a root, so every distinct root_of object is read once.
class Weights {
 public:
  // field: the file's "field" object, if it has one.
  explicit Weights(const std::optional<json_io::Value>& field) {
    if (field) field_.emplace(*field);
  }

  Real real(const json_io::Value& j) {
    if (!j.raw().is_object()) return json_io::real_from_json(j);
    std::string key = j.raw().dump();
    auto it = cache_.find(key);
    if (it == cache_.end())
      it = cache_.emplace(key, json_io::real_from_json(j, field_ ? &*field_ : nullptr)).first;
    return it->second;
  }

  std::array<Real, 2> pair(const json_io::Value& j) {
    const auto both = j.array(2, "a pair [x, y]");
    return {real(both[0]), real(both[1])};
  }

 private:
  std::optional<json_io::FieldReader> field_;
  std::map<std::string, Real> cache_;
};

}  // namespace

Network network_from_json(const json& document, const std::string& file) {
  const json_io::Value root(document, file);
  root.object();
  const auto format = root.find("format");
  if (!format || format->raw() != "etr2nn-network")
    root.fail(errors::file_kind,
              "not an etr2nn network: \"format\" must be \"etr2nn-network\" (is this a dataset?)");
  if (const auto v = root.find("version"); v && v->raw() != 1)
    v->fail(errors::file_kind, "unsupported network format version " + v->raw().dump());
  Weights weights(root.find("field"));
  Network network;
  network.c = weights.pair(root.at("c"));
  const auto neurons = root.at("neurons").array();
  network.neurons.reserve(neurons.size());
  for (const json_io::Value& n : neurons) {
    n.object();
    network.neurons.push_back(
        {weights.pair(n.at("a")), weights.real(n.at("b")), weights.pair(n.at("v"))});
  }
  if (const auto m = root.find("hidden_neurons");
      m &&
      (!m->raw().is_number_unsigned() || m->raw().get<std::size_t>() != network.neurons.size()))
    m->fail(errors::inconsistent, "is " + m->raw().dump() + " but the file lists " +
                                      std::to_string(network.neurons.size()) + " neurons");
  return network;
}

Network read_network(std::istream& in, const std::string& name) {
  json document;
  try {
    document = json::parse(in);
  } catch (const json::exception& e) {
    throw json_io::syntax_error(name, e);
  }
  return network_from_json(document, name);
}

Network read_network(const std::string& path) {
  return network_from_json(json_io::parse_file(path, "the network file"), path);
}

}  // namespace etr2nn::check
