// The flow of `etr2nn compile`: sentence -> instance -> layout -> checks ->
// dataset file, and with a witness target the verified witness network.
//
// All or nothing: both outputs are written to temporaries (io::AtomicFile) and
// committed only after everything that must hold has been checked: the layout
// invariants N1-N7 (before the dataset is written), the witness verified
// exactly on every point (before it is written), and, for files (not streams),
// both files read back from disk and re-verified by the independent checker
// (src/check). Any failure leaves the targets as they were.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "dataset/dataset.hpp"
#include "io/atomic_file.hpp"
#include "network/network.hpp"
#include "pipeline/detail/reduction.hpp"
#include "pipeline/detail/size_estimate.hpp"

namespace etr2nn::pipeline {

struct CompileRequest {
  std::string input;  // the formula file, "-" for standard input
  // The input's name as the dataset and witness meta record it (default:
  // `input`). The suite records names relative to its directory, so that its
  // files do not depend on where the suite was written.
  std::optional<std::string> recorded_input;
  std::string output;                  // the dataset target
  std::optional<std::string> witness;  // the witness network target, if wanted
  ReductionOptions reduction;          // want_witness is set from `witness`
  std::size_t max_points = default_max_points;
  bool float_copies = false;  // float copies of the witness weights
};

// What the caller hears while the work runs (all optional).
struct CompileObserver {
  // After the reduction, before the layout (compile prints it, then the
  // limit is checked).
  std::function<void(const PointEstimate&)> estimated;
  // (stage, done, total): "laying out", "checking", "writing".
  std::function<void(const char*, std::size_t, std::size_t)> progress;
};

struct CompileResult {
  // The chain's per-constraint provenance, carriers and trace are released
  // before the layout (memory); its instance, sizes and K stay.
  Reduction reduction;
  PointEstimate estimate;
  dataset::CompileReport report;
  std::optional<network::Network> witness;
  io::TargetKind output_kind = io::TargetKind::Replace;
  // Both files were read back and re-verified by src/check before the commit
  // (false when either went to a stream, which cannot be read back).
  bool read_back = false;
  double front_seconds = 0;   // parse and reduce (and find the solution)
  double verify_seconds = 0;  // the read-back
};

// Throws Diagnostic for bad input, a Diagnostic when no witness
// can be had, a limit Diagnostic past a limit, std::runtime_error when a
// file cannot be written or the read-back disagrees; the targets are then
// untouched.
CompileResult compile(const CompileRequest& request, const CompileObserver& observer = {});

}  // namespace etr2nn::pipeline
