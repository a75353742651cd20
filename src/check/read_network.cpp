#include "check/detail/read_network.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "io/decompress.hpp"
#include "json_io/field.hpp"
#include "json_io/point_line.hpp"
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

namespace {

// The document's members; the neurons come from the document unless `fast`
// says how many were already read (the writer's form, read_network_fast and
// read_network_lean below), which the caller then holds. Either way the
// checks run in the same order, so a file means the same and fails the same.
Network from_json(const json& document, const std::string& file, std::optional<std::size_t> fast) {
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
  if (!fast) {
    const auto neurons = root.at("neurons").array();
    network.neurons.reserve(neurons.size());
    for (const json_io::Value& n : neurons) {
      n.object();
      network.neurons.push_back(
          {weights.pair(n.at("a")), weights.real(n.at("b")), weights.pair(n.at("v"))});
    }
  }
  const std::size_t count = fast ? *fast : network.neurons.size();
  if (const auto m = root.find("hidden_neurons");
      m && (!m->raw().is_number_unsigned() || m->raw().get<std::size_t>() != count))
    m->fail(errors::inconsistent,
            "is " + m->raw().dump() + " but the file lists " + std::to_string(count) + " neurons");
  return network;
}

constexpr std::string_view opening_line = " \"neurons\": [";
constexpr std::string_view marker = "etr2nn: neurons read by the fast path";

// The document with its neuron lines cut out and the marker in their place:
// nullopt unless it parses and its top-level "neurons" is exactly [marker].
std::optional<json> rest_document(const std::string& rest) {
  json document;
  try {
    document = json::parse(rest);
  } catch (const json::exception&) {
    return std::nullopt;
  }
  if (!document.is_object()) return std::nullopt;
  const auto it = document.find("neurons");
  if (it == document.end() || *it != json::array({std::string(marker)})) return std::nullopt;
  return document;
}

}  // namespace

// The network writer's own form (network/network_json.cpp) read without a
// JSON DOM of the neurons: a top-level line ` "neurons": [`, then one neuron
// per line (json_io::parse_neuron_line) separated by commas, then ` ]`. The
// rest of the document, with the neuron lines replaced by one marker string,
// goes through the general parser and from_json, so every header check is
// the usual one. Why this is the same document: a raw newline cannot occur
// inside a JSON string, so "\n \"neurons\": [" is a key and its array; the
// lines cut out are complete JSON values; so the text with them parses iff
// the text with the marker does, and if the top-level "neurons" (the last
// one, as the general parser keeps it) is then exactly [marker] it is the
// array that was cut. Anything else — an algebraic weight, "approx" copies,
// other spacing, no neurons — answers nullopt and the general parser reads
// the whole text, so errors are always its own.
std::optional<Network> read_network_fast(const std::string& text, const std::string& file) {
  const std::string opening = "\n" + std::string(opening_line);
  const std::size_t key = text.find(opening);
  if (key == std::string::npos || text.find(marker) != std::string::npos) return std::nullopt;
  const std::size_t first = key + opening.size();  // behind '['
  std::vector<Neuron> neurons;
  // A Neuron's move may throw (Real), so growing the vector would copy every
  // neuron: reserve for all lines that follow (an upper bound) instead.
  neurons.reserve(static_cast<std::size_t>(std::count(text.begin() + first, text.end(), '\n')));
  std::array<mpq_class, 5> w;
  std::size_t at = first;
  for (;;) {
    if (at >= text.size() || text[at] != '\n') return std::nullopt;
    const std::size_t end = text.find('\n', at + 1);
    if (end == std::string::npos) return std::nullopt;
    std::string_view line(text.data() + at + 1, end - at - 1);
    const bool more = !line.empty() && line.back() == ',';
    if (more) line.remove_suffix(1);
    if (!json_io::parse_neuron_line(line, w)) return std::nullopt;
    neurons.push_back({{Real(w[0]), Real(w[1])}, Real(w[2]), {Real(w[3]), Real(w[4])}});
    at = end;
    if (!more) break;
  }
  // `at` is on the '\n' before the closing ' ]'.
  std::string rest;
  rest.reserve(first + marker.size() + 2 + (text.size() - at));
  rest.append(text, 0, first).append("\"").append(marker).append("\"").append(text, at);
  const auto document = rest_document(rest);
  if (!document) return std::nullopt;
  Network network = from_json(*document, file, neurons.size());
  network.neurons = std::move(neurons);
  return network;
}

namespace {

// read_network_fast's reading, line by line from a stream, into a
// RationalNetwork: neither the file's text nor a Real per weight is held.
// The same document is cut out the same way (the first line after the first
// that is exactly opening_line, up to the neuron line without a comma), so
// it accepts exactly what read_network_fast accepts. nullopt: not the
// writer's form, or the stream failed (the general reader then says why).
struct LeanRead {
  RationalNetwork neurons;
  std::string rest;  // the document without the neuron lines, the marker in their place
};
std::optional<LeanRead> read_lean(std::istream& in) {
  LeanRead out;
  enum { before, inside, after } state = before;
  RationalNetwork::Weights w;
  std::string line;
  for (bool first_line = true; std::getline(in, line); first_line = false) {
    if (state == inside) {
      std::string_view view(line);
      const bool more = !view.empty() && view.back() == ',';
      if (more) view.remove_suffix(1);
      if (!json_io::parse_neuron_line(view, w)) return std::nullopt;
      out.neurons.push_back(w);
      if (!more) {
        state = after;
        out.rest.append("\"").append(marker).append("\"\n");
      }
      continue;
    }
    if (line.find(marker) != std::string::npos) return std::nullopt;
    if (state == before && !first_line && line.starts_with(opening_line)) {
      if (line.size() != opening_line.size()) return std::nullopt;
      state = inside;
      out.rest.append(line);
      continue;
    }
    out.rest.append(line).push_back('\n');
  }
  if (in.bad() || state != after) return std::nullopt;
  return out;
}

}  // namespace

AnyNetwork read_network_lean(const std::string& path) {
  if (path == "-") return read_network(path);
  std::optional<LeanRead> lean;
  try {
    const std::unique_ptr<std::istream> in = io::open_input(path, "the network file");
    lean = read_lean(*in);
  } catch (const std::exception&) {
    lean.reset();  // unreadable here: the general reader names the problem
  }
  if (!lean) return read_network(path);
  const auto document = rest_document(lean->rest);
  if (!document) return read_network(path);
  Network header = from_json(*document, path, lean->neurons.size());
  if (!header.c[0].is_rational() || !header.c[1].is_rational()) {
    Network network = lean->neurons.expanded();
    network.c = std::move(header.c);
    return network;
  }
  lean->neurons.c = {header.c[0].rational(), header.c[1].rational()};
  return std::move(lean->neurons);
}

Network network_from_json(const json& document, const std::string& file) {
  return from_json(document, file, std::nullopt);
}

Network read_network_text(const std::string& text, const std::string& name) {
  if (auto fast = read_network_fast(text, name)) return std::move(*fast);
  return read_network_general(text, name);
}

Network read_network_general(const std::string& text, const std::string& name) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& e) {
    throw json_io::syntax_error(name, e);
  }
  return network_from_json(document, name);
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
  // Standard input cannot be read twice, and a file that cannot be read
  // whole (a directory, a corrupt compressed stream) keeps the general
  // reader's diagnostics: both go the general way.
  if (path != "-") {
    std::string text;
    bool whole = false;
    try {
      const std::unique_ptr<std::istream> in = io::open_input(path, "the network file");
      text.assign(std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>());
      whole = !in->bad();
    } catch (const std::exception&) {
      whole = false;
    }
    if (whole) return read_network_text(text, path);
  }
  return network_from_json(json_io::parse_file(path, "the network file"), path);
}

}  // namespace etr2nn::check
