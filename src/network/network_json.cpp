#include "network/network_json.hpp"

#include <fstream>
#include <sstream>

#include "io/atomic_file.hpp"
#include "numeric/real_json.hpp"

namespace etr2nn::network {
namespace {

using nlohmann::json;

json pair_to_json(const std::array<Real, 2>& p) {
  return json::array({numeric::real_to_json(p[0]), numeric::real_to_json(p[1])});
}

std::array<Real, 2> pair_from_json(const json& j, const std::string& where) {
  if (!j.is_array() || j.size() != 2) throw NetworkFormatError(where + ": expected a pair [x, y]");
  return {numeric::real_from_json(j[0], where + "[0]"), numeric::real_from_json(j[1], where + "[1]")};
}

const json& field(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end())
    throw NetworkFormatError(where + ": missing field \"" + std::string(key) + "\"");
  return *it;
}

}  // namespace

json network_to_json(const Network& network, const NetworkFileOptions& options) {
  json neurons = json::array();
  for (const auto& u : network.neurons) {
    json n = {{"a", pair_to_json(u.a)}, {"b", numeric::real_to_json(u.b)}, {"v", pair_to_json(u.v)}};
    if (options.float_copies)
      n["approx"] = {{"a", {u.a[0].to_double(), u.a[1].to_double()}},
                     {"b", u.b.to_double()},
                     {"v", {u.v[0].to_double(), u.v[1].to_double()}}};
    neurons.push_back(std::move(n));
  }
  json out = {{"format", "etr2nn-network"},
              {"version", 1},
              {"exact", is_rational(network) ? "rational" : "algebraic"},
              {"hidden_neurons", network.neurons.size()},
              {"c", pair_to_json(network.c)},
              {"neurons", std::move(neurons)}};
  if (!options.meta.is_null()) out["meta"] = options.meta;
  return out;
}

Network network_from_json(const json& j) {
  if (!j.is_object()) throw NetworkFormatError("top level: expected a JSON object");
  auto format = j.find("format");
  if (format == j.end() || *format != "etr2nn-network")
    throw NetworkFormatError(
        "not an etr2nn network: \"format\" must be \"etr2nn-network\" (is this a dataset?)");
  if (auto v = j.find("version"); v != j.end() && *v != 1)
    throw NetworkFormatError("unsupported network format version " + v->dump());
  Network network;
  try {
    network.c = pair_from_json(field(j, "c", "top level"), "c");
    const json& neurons = field(j, "neurons", "top level");
    if (!neurons.is_array()) throw NetworkFormatError("neurons: expected an array");
    network.neurons.reserve(neurons.size());
    for (std::size_t i = 0; i < neurons.size(); ++i) {
      std::string at = "neurons[" + std::to_string(i) + "]";
      const json& n = neurons[i];
      if (!n.is_object()) throw NetworkFormatError(at + ": expected an object {a, b, v}");
      network.neurons.push_back({pair_from_json(field(n, "a", at), at + ".a"),
                                 numeric::real_from_json(field(n, "b", at), at + ".b"),
                                 pair_from_json(field(n, "v", at), at + ".v")});
    }
  } catch (const numeric::JsonFormatError& e) {
    throw NetworkFormatError(e.what());
  }
  if (auto m = j.find("hidden_neurons");
      m != j.end() && (!m->is_number_unsigned() || m->get<std::size_t>() != network.neurons.size()))
    throw NetworkFormatError("hidden_neurons is " + m->dump() + " but the file lists " +
                             std::to_string(network.neurons.size()) + " neurons");
  return network;
}

void write_network(const std::string& path, const Network& network, const NetworkFileOptions& options) {
  io::write_file_atomically(path, network_to_json(network, options).dump(1) + "\n");
}

Network read_network(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw NetworkFormatError(path + ": cannot open the network file");
  json j;
  try {
    j = json::parse(in);
  } catch (const json::parse_error& e) {
    throw NetworkFormatError(path + ": invalid JSON: " + e.what());
  }
  try {
    return network_from_json(j);
  } catch (const NetworkFormatError& e) {
    throw NetworkFormatError(path + ": " + e.what());
  }
}

}  // namespace etr2nn::network
