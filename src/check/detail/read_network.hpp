// Reading a network file (docs/network-format.md) for the checker.
//
// Read: "format" = "etr2nn-network", "version" 1 (optional), "c", "neurons"
// (each {"a", "b", "v"}), "hidden_neurons" (optional, must equal the number
// of neurons) and "field" (optional: the number field the algebraic weights
// share, json_io/field.hpp). "exact", "approx" copies and "meta" are not
// read: floats never decide anything here.
//
// This is the one reader of network files: network/detail/network_json.hpp reads
// through it too (the producer may use the checker, never the reverse).
//
// Errors are Diagnostics naming the file and the JSON path
// ("neurons[4].v[1]: ...", json_io/value.hpp); a root_of of too high a degree
// is a limit Diagnostic (the CLI's exit 2), as everywhere in etr2nn.
#pragma once

#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "check/detail/model.hpp"

namespace etr2nn::check {

// `file` names the document in errors.
Network network_from_json(const nlohmann::json& document, const std::string& file);
Network read_network(std::istream& in, const std::string& name);
// A file (possibly compressed, io/decompress.hpp) is read whole and then as
// read_network_text reads it; "-" (standard input) by the general parser.
Network read_network(const std::string& path);

// A whole file's text. The network writer's own form (one neuron per line,
// every weight a rational string) is read without a JSON DOM of the neurons,
// a large network's dominant cost; anything else, and every error, goes
// through the general parser, exactly as read_network_general reads it.
Network read_network_text(const std::string& text, const std::string& name);
// The fast path alone: nullopt when `text` is not exactly the writer's
// rational form (then read_network_text uses the general parser); in that
// form, a header the general reader rejects throws its Diagnostic.
std::optional<Network> read_network_fast(const std::string& text, const std::string& name);
// A network file as verification holds it: in the writer's own form with a
// rational constant, streamed line by line into a RationalNetwork (about 80
// bytes per neuron, the file's text never held whole); anything else, and
// every error, exactly as read_network(path) reads it.
AnyNetwork read_network_lean(const std::string& path);
// The reference the tests compare read_network_text with: the general parser only.
Network read_network_general(const std::string& text, const std::string& name);

}  // namespace etr2nn::check
