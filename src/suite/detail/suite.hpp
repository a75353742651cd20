// `etr2nn suite`: a directory of benchmark instances with a manifest, and
// the check that re-verifies one.
//
// For each (family, size, seed), seeds 1..seeds, the suite writes into DIR
//   ID.etr           the formula (src/generate, answer known by construction)
//   ID.json          the dataset (src/pipeline's compile flow)
//   ID.network.json  true instances: the witness network, verified exactly on
//                    every point and read back through src/check before it is
//                    committed (the compile flow does both)
//   ID.assign.json   true instances: the planted solution (compile --assign)
// and last manifest.json and manifest.csv (suite/detail/manifest.hpp). Every file
// is written atomically; every file but the manifest's timings is the same
// byte for byte when the suite is made again with the same arguments (the
// dataset and witness record the formula's name relative to DIR).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"
#include "suite/detail/manifest.hpp"

namespace etr2nn::suite {

struct Request {
  std::string directory;  // created when absent
  std::vector<std::string> families;
  std::vector<std::size_t> sizes;
  std::size_t seeds = 1;  // seeds 1..seeds
  // Each dataset's limit, as compile --max-points: an instance estimated
  // above it stops the suite before its layout (no manifest is written).
  std::size_t max_points = pipeline::default_max_points;
};

// Called after each instance with it and the counts done / total.
using Observer = std::function<void(const Entry&, std::size_t, std::size_t)>;

// Throws std::invalid_argument for an unknown family or a size below a
// family's minimum (before anything is written), and whatever the compile
// flow throws for an instance (a bug: every generated instance compiles).
Manifest make_suite(const Request& request, const Observer& observer = {});

// Re-hashes every file the manifest lists and verifies each witness exactly
// against its dataset (src/check), and each assignment against its formula
// (etr::satisfies). Returns one line per mismatch ("ID: dataset
// ID.json: sha256 differs from the manifest"), empty when the suite is intact.
// A manifest that cannot be read is a mismatch too.
std::vector<std::string> check_suite(
    const std::string& directory,
    const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace etr2nn::suite
