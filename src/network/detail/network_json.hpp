// The network file: JSON with exact weights (docs/network-format.md).
//
//   {"format": "etr2nn-network", "version": 1,
//    "exact": "rational" | "algebraic",      // says whether any weight is irrational
//    "hidden_neurons": m,
//    "field": {...},                         // optional: see below
//    "c": [c1, c2],
//    "neurons": [{"a": [a1, a2], "b": b, "v": [v1, v2]}, ...],
//    "meta": {...}}                          // optional, free-form, never interpreted
//
// Every exact value is a json_io/real.hpp real: "p/q" or a root_of object.
// When every irrational weight lies in one number field (as for witnesses of
// the chain), "field" states it once and each root_of object also carries its
// coordinates there (json_io/field.hpp), so a reader computes in that
// field instead of with thousands of unrelated algebraic numbers.
// With float copies on, each neuron also carries "approx": {"a": [..], "b": ..,
// "v": [..]} as doubles for human eyes and plotting; readers never read them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "check/check.hpp"
#include "io/atomic_file.hpp"
#include "network/detail/network.hpp"

namespace etr2nn::network {

struct NetworkFileOptions {
  bool float_copies = false;
  nlohmann::ordered_json meta;  // written under "meta" unless null
};

// Keys in the documented order ("format" first), hence ordered_json.
nlohmann::ordered_json network_to_json(const Network& network,
                                       const NetworkFileOptions& options = {});
// Throws a Diagnostic (json_io/value.hpp) naming `file` and the offending
// value's path (e.g. "neurons[4].v[1]").
Network network_from_json(const nlohmann::json& json, const std::string& file);

// Atomic write (io::AtomicFile): the target is either the whole file or untouched.
void write_network(const std::string& path, const Network& network,
                   const NetworkFileOptions& options = {});
// Into a file the caller commits (flushed, not committed).
void write_network(io::AtomicFile& file, const Network& network,
                   const NetworkFileOptions& options = {});
// A rational network held compactly (a witness of millions of neurons): the
// same bytes as for network.expanded().
void write_network(io::AtomicFile& file, const check::RationalNetwork& network,
                   const NetworkFileOptions& options = {});
// Throws a Diagnostic for a missing file (file-unreadable), invalid JSON
// (json-syntax) or a bad field.
Network read_network(const std::string& path);

}  // namespace etr2nn::network
