// One call for `etr2nn witness` and `etr2nn compile --witness`: build the
// witness network of an assignment, verify it exactly on the arrangement's
// emission, and write it atomically with a meta recording the assignment.
#pragma once

#include <cstddef>
#include <string>

#include "check/check.hpp"
#include "dataset/dataset.hpp"
#include "io/atomic_file.hpp"
#include "network/detail/network.hpp"

namespace etr2nn::network {

struct WitnessFileOptions {
  bool float_copies = false;  // add float copies of the weights (never read back)
  std::string source;         // recorded in meta.source when not empty (e.g. the formula file)
};

// Throws Diagnostic (violated constraint / out-of-range variable, or a
// network that does not fit, naming the points) before anything is written.
Network write_witness(const std::string& path, const layout::Arrangement& arrangement,
                      const dataset::Emission& emission, const etrinv::Assignment& values,
                      const WitnessFileOptions& options = {});
// The same, verified on a dataset in memory (e.g. the file witness was given).
Network write_witness(const std::string& path, const layout::Arrangement& arrangement,
                      const dataset::Dataset& dataset, const etrinv::Assignment& values,
                      const WitnessFileOptions& options = {});
// Into files the caller commits (flushed, not committed).
Network write_witness(io::AtomicFile& file, const layout::Arrangement& arrangement,
                      const dataset::Emission& emission, const etrinv::Assignment& values,
                      const WitnessFileOptions& options = {});
Network write_witness(io::AtomicFile& file, const layout::Arrangement& arrangement,
                      const dataset::Dataset& dataset, const etrinv::Assignment& values,
                      const WitnessFileOptions& options = {});

// Only the writing, for a network the caller built (build_witness) and has
// verified, or is about to verify before committing, on `verified_points`
// points (recorded in its meta with the assignment).
void write_witness_network(io::AtomicFile& file, const layout::Arrangement& arrangement,
                           const Network& network, const etrinv::Assignment& values,
                           std::size_t verified_points, const WitnessFileOptions& options = {});
// The same bytes from the compact form (build_witness_rational).
void write_witness_network(io::AtomicFile& file, const layout::Arrangement& arrangement,
                           const check::RationalNetwork& network, const etrinv::Assignment& values,
                           std::size_t verified_points, const WitnessFileOptions& options = {});

}  // namespace etr2nn::network
