// The suite manifest: DIR/manifest.json and DIR/manifest.csv, the contract
// between `etr2nn suite` and the scripts that read a suite (python/).
//
//   {"format": "etr2nn-suite", "version": 1,
//    "arguments": {"families": [...], "sizes": [...], "seeds": 3},
//    "instances": [{"id", "family", "size", "seed", "expected" ("true"/"false"),
//                   "known_by", "constraints", "variables", "points", "neurons",
//                   "labels", "K", "completeness",
//                   "files":  {"formula", "dataset", "witness", "assignment"},
//                   "sha256": {the same keys},
//                   "timings": {"compile", "witness", "verify"}}]}
//
// File names are relative to DIR; witness and assignment (and their hashes)
// are null for false instances, and so are the witness and verify timings.
// `timings` is the only part that differs between two runs with the same
// arguments. The CSV has one row per instance, the same fields flattened:
// files.dataset -> `dataset`, sha256.dataset -> `sha256_dataset`,
// timings.compile -> `compile_seconds`; null is an empty cell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace etr2nn::suite {

struct Files {
  std::string formula, dataset;
  std::optional<std::string> witness, assignment;
};

struct Entry {
  std::string id, family;
  std::size_t size = 0;
  std::uint64_t seed = 0;
  bool expected = true;
  std::string known_by;
  std::size_t constraints = 0, variables = 0, points = 0, neurons = 0, labels = 0;
  unsigned K = 0;
  std::string completeness;
  Files files, sha256;  // sha256: the hex digest of each file, same keys
  double compile_seconds = 0;
  std::optional<double> witness_seconds, verify_seconds;
};

struct Manifest {
  std::vector<std::string> families;
  std::vector<std::size_t> sizes;
  std::size_t seeds = 0;
  std::vector<Entry> instances;
};

nlohmann::ordered_json to_json(const Manifest& manifest);
std::string to_csv(const Manifest& manifest);
// Throws a Diagnostic naming `file` and the JSON path of the first missing or
// mistyped field (json_io/value.hpp).
Manifest manifest_from_json(const nlohmann::json& json, const std::string& file);

// "planted-n10-s1"
std::string instance_id(const std::string& family, std::size_t size, std::uint64_t seed);

}  // namespace etr2nn::suite
