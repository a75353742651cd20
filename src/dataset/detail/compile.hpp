// From an ETR-INV instance to a dataset file: layout, invariant check, write.
//
// The back half of `etr2nn compile`, without the command line and without the
// front end (parsing, sentence -> instance), so that it can be tested and
// benchmarked on generated instances.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "dataset/detail/dataset.hpp"
#include "etrinv/etrinv.hpp"
#include "io/atomic_file.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {

struct CompileOptions {
  layout::Options layout;
  // Progress of the stages: (stage, done, total), stage one of "laying out"
  // (columns), "checking" (points), "writing" (points), in that order.
  std::function<void(const char*, std::size_t, std::size_t)> progress;
  // meta.reduction of the file (see WriteOptions).
  nlohmann::json reduction;
};

struct CompileReport {
  Statistics statistics;
  std::uintmax_t file_bytes = 0;
  double layout_seconds = 0, check_seconds = 0, write_seconds = 0;
  double total_seconds() const { return layout_seconds + check_seconds + write_seconds; }
  // The arrangement that was written, for the witness of the same compile.
  layout::Arrangement arrangement;
};

// Lays the instance out, checks the layout invariants (throws
// layout::InvariantViolation, a bug, before anything is written) and writes
// the dataset atomically to `output`. Throws std::runtime_error when the file
// cannot be written; then no file is left.
CompileReport compile_instance(const etrinv::Instance& instance, const std::string& output,
                               const CompileOptions& options = {});

// The same into an output the caller commits (after checking what else must
// hold: pipeline::compile writes the witness first and re-reads both).
// `output` is flushed, not committed.
CompileReport compile_instance(const etrinv::Instance& instance, io::AtomicFile& output,
                               const CompileOptions& options = {});

}  // namespace etr2nn::dataset
