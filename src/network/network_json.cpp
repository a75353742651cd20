#include "network/network_json.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "io/atomic_file.hpp"
#include "numeric/field_json.hpp"
#include "numeric/real_json.hpp"

namespace etr2nn::network {
namespace {

using nlohmann::json;

// A witness network repeats each algebraic value (±s1, ±s2, ...) in several
// neurons, and each conversion of an algebraic number costs z3 calls (interval
// refinement on writing, root isolation on reading). These caches make every
// distinct value cost once; rationals bypass them.
struct RealLess {
  bool operator()(const Real& a, const Real& b) const { return a < b; }
};

class Writer {
 public:
  // field: the number field the file states (numeric/field_json.hpp), or null.
  explicit Writer(const numeric::NumberField* field) : field_(field) {}

  nlohmann::ordered_json real(const Real& r) {
    if (r.is_rational()) return numeric::real_to_json(r);
    auto it = cache_.find(r);
    if (it == cache_.end()) {
      nlohmann::ordered_json j = numeric::real_to_json(r);
      if (field_) j["field"] = numeric::coordinates_to_json(*field_, r);
      it = cache_.emplace(r, std::move(j)).first;
    }
    return it->second;
  }
  nlohmann::ordered_json pair(const std::array<Real, 2>& p) {
    return nlohmann::ordered_json::array({real(p[0]), real(p[1])});
  }

 private:
  const numeric::NumberField* field_;
  std::map<Real, nlohmann::ordered_json, RealLess> cache_;
};

const numeric::NumberField* common_field(const Network& network) {
  std::vector<const Real*> values = {&network.c[0], &network.c[1]};
  for (const auto& u : network.neurons)
    for (const Real* r : {&u.a[0], &u.a[1], &u.b, &u.v[0], &u.v[1]}) values.push_back(r);
  return numeric::common_field(values);
}

class Reader {
 public:
  // field: the file's "field" object, if it has one.
  explicit Reader(const json* field) {
    if (field) field_.emplace(*field, "field");
  }

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
    if (!j.is_array() || j.size() != 2)
      throw NetworkFormatError(where + ": expected a pair [x, y]");
    return {real(j[0], where + "[0]"), real(j[1], where + "[1]")};
  }

 private:
  std::optional<numeric::FieldReader> field_;
  std::map<std::string, Real> cache_;
};

const json& field(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end())
    throw NetworkFormatError(where + ": missing field \"" + std::string(key) + "\"");
  return *it;
}

}  // namespace

nlohmann::ordered_json network_to_json(const Network& network, const NetworkFileOptions& options) {
  const numeric::NumberField* field = common_field(network);
  Writer writer(field);
  nlohmann::ordered_json neurons = nlohmann::ordered_json::array();
  for (const auto& u : network.neurons) {
    nlohmann::ordered_json n = {
        {"a", writer.pair(u.a)}, {"b", writer.real(u.b)}, {"v", writer.pair(u.v)}};
    if (options.float_copies)
      n["approx"] = {{"a", {u.a[0].to_double(), u.a[1].to_double()}},
                     {"b", u.b.to_double()},
                     {"v", {u.v[0].to_double(), u.v[1].to_double()}}};
    neurons.push_back(std::move(n));
  }
  nlohmann::ordered_json out = {{"format", "etr2nn-network"},
                                {"version", 1},
                                {"exact", is_rational(network) ? "rational" : "algebraic"},
                                {"hidden_neurons", network.neurons.size()}};
  if (field) out["field"] = numeric::field_to_json(*field);
  out["c"] = writer.pair(network.c);
  out["neurons"] = std::move(neurons);
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
    auto field_it = j.find("field");
    Reader reader(field_it == j.end() ? nullptr : &*field_it);
    network.c = reader.pair(field(j, "c", "top level"), "c");
    const json& neurons = field(j, "neurons", "top level");
    if (!neurons.is_array()) throw NetworkFormatError("neurons: expected an array");
    network.neurons.reserve(neurons.size());
    for (std::size_t i = 0; i < neurons.size(); ++i) {
      std::string at = "neurons[" + std::to_string(i) + "]";
      const json& n = neurons[i];
      if (!n.is_object()) throw NetworkFormatError(at + ": expected an object {a, b, v}");
      network.neurons.push_back({reader.pair(field(n, "a", at), at + ".a"),
                                 reader.real(field(n, "b", at), at + ".b"),
                                 reader.pair(field(n, "v", at), at + ".v")});
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

void write_network(const std::string& path, const Network& network,
                   const NetworkFileOptions& options) {
  io::AtomicFile file(path);
  write_network(file, network, options);
  file.commit();
}

void write_network(io::AtomicFile& file, const Network& network,
                   const NetworkFileOptions& options) {
  // One top-level key and one neuron per line: readable, diffable, greppable.
  const auto doc = network_to_json(network, options);
  std::ostream& out = file.stream();
  out << "{";
  bool first = true;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    out << (first ? "\n " : ",\n ") << nlohmann::ordered_json(it.key()).dump() << ": ";
    first = false;
    if (it.key() != "neurons") {
      out << it.value().dump();
      continue;
    }
    out << "[";
    for (std::size_t i = 0; i < it.value().size(); ++i)
      out << (i ? ",\n  " : "\n  ") << it.value()[i].dump();
    out << "\n ]";
  }
  out << "\n}\n";
  file.flush();
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
