#include "network/detail/network_json.hpp"

#include <map>
#include <optional>

#include "check/check.hpp"
#include "io/atomic_file.hpp"
#include "json_io/field.hpp"
#include "json_io/real.hpp"

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
  // field: the number field the file states (json_io/field.hpp), or null.
  explicit Writer(const numeric::NumberField* field) : field_(field) {}

  nlohmann::ordered_json real(const Real& r) {
    if (r.is_rational()) return json_io::real_to_json(r);
    auto it = cache_.find(r);
    if (it == cache_.end()) {
      nlohmann::ordered_json j = json_io::real_to_json(r);
      if (field_) j["field"] = json_io::coordinates_to_json(*field_, r);
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
  return json_io::common_field(values);
}

// The document without its neurons, and each neuron's object: network_to_json
// joins them, write_network writes one neuron at a time (the whole document of
// a million-neuron network as JSON values would take gigabytes).
class Parts {
 public:
  Parts(const Network& network, const NetworkFileOptions& options)
      : Parts(common_field(network), options) {}
  Parts(const numeric::NumberField* field, const NetworkFileOptions& options)
      : field_(field), writer_(field_), options_(options) {}

  // Every top-level key in file order, "neurons" an empty array.
  nlohmann::ordered_json head(const Network& network) {
    return head(network.neurons.size(), is_rational(network), network.c);
  }
  nlohmann::ordered_json head(std::size_t neurons, bool rational, const std::array<Real, 2>& c) {
    nlohmann::ordered_json out = {{"format", "etr2nn-network"},
                                  {"version", 1},
                                  {"exact", rational ? "rational" : "algebraic"},
                                  {"hidden_neurons", neurons}};
    if (field_) out["field"] = json_io::field_to_json(*field_);
    out["c"] = writer_.pair(c);
    out["neurons"] = nlohmann::ordered_json::array();
    if (!options_.meta.is_null()) out["meta"] = options_.meta;
    return out;
  }

  nlohmann::ordered_json neuron(const Neuron& u) {
    nlohmann::ordered_json n = {
        {"a", writer_.pair(u.a)}, {"b", writer_.real(u.b)}, {"v", writer_.pair(u.v)}};
    if (options_.float_copies)
      n["approx"] = {{"a", {u.a[0].to_double(), u.a[1].to_double()}},
                     {"b", u.b.to_double()},
                     {"v", {u.v[0].to_double(), u.v[1].to_double()}}};
    return n;
  }

 private:
  const numeric::NumberField* field_;
  Writer writer_;
  const NetworkFileOptions& options_;
};

}  // namespace

nlohmann::ordered_json network_to_json(const Network& network, const NetworkFileOptions& options) {
  Parts parts(network, options);
  nlohmann::ordered_json out = parts.head(network);
  nlohmann::ordered_json& neurons = out["neurons"];
  for (const auto& u : network.neurons) neurons.push_back(parts.neuron(u));
  return out;
}

Network network_from_json(const json& document, const std::string& file) {
  check::Network read = check::network_from_json(document, file);
  Network network;
  network.c = std::move(read.c);
  network.neurons.reserve(read.neurons.size());
  for (auto& u : read.neurons)
    network.neurons.push_back({std::move(u.a), std::move(u.b), std::move(u.v)});
  return network;
}

void write_network(const std::string& path, const Network& network,
                   const NetworkFileOptions& options) {
  io::AtomicFile file(path);
  write_network(file, network, options);
  file.commit();
}

namespace {

// One top-level key and one neuron per line: readable, diffable, greppable.
// neuron(i) gives the i-th neuron's JSON.
template <class NeuronJson>
void write_lines(std::ostream& out, const nlohmann::ordered_json& head, std::size_t neurons,
                 const NeuronJson& neuron) {
  out << "{";
  bool first = true;
  for (auto it = head.begin(); it != head.end(); ++it) {
    out << (first ? "\n " : ",\n ") << nlohmann::ordered_json(it.key()).dump() << ": ";
    first = false;
    if (it.key() != "neurons") {
      out << it.value().dump();
      continue;
    }
    out << "[";
    for (std::size_t i = 0; i < neurons; ++i) out << (i ? ",\n  " : "\n  ") << neuron(i).dump();
    out << "\n ]";
  }
  out << "\n}\n";
}

}  // namespace

void write_network(io::AtomicFile& file, const Network& network,
                   const NetworkFileOptions& options) {
  Parts parts(network, options);
  write_lines(file.stream(), parts.head(network), network.neurons.size(),
              [&](std::size_t i) { return parts.neuron(network.neurons[i]); });
  file.flush();
}

void write_network(io::AtomicFile& file, const check::RationalNetwork& network,
                   const NetworkFileOptions& options) {
  // Each neuron as Reals, one at a time, through the same Parts: the bytes
  // are those of the Network that network.expanded() gives.
  Parts parts(nullptr, options);
  check::RationalNetwork::Weights w;
  Neuron u;
  write_lines(file.stream(),
              parts.head(network.size(), true, {Real(network.c[0]), Real(network.c[1])}),
              network.size(), [&](std::size_t i) {
                network.get(i, w);
                u = {{Real(w[0]), Real(w[1])}, Real(w[2]), {Real(w[3]), Real(w[4])}};
                return parts.neuron(u);
              });
  file.flush();
}

Network read_network(const std::string& path) {
  return network_from_json(json_io::parse_file(path, "the network file"), path);
}

}  // namespace etr2nn::network
