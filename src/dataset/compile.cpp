#include "dataset/detail/compile.hpp"

#include <chrono>
#include <filesystem>

#include "dataset/detail/emit.hpp"
#include "dataset/detail/statistics.hpp"
#include "dataset/detail/write.hpp"
#include "io/atomic_file.hpp"
#include "layout/layout.hpp"
#include "terminal/stopwatch.hpp"

namespace etr2nn::dataset {
namespace {}  // namespace

CompileReport compile_instance(const etrinv::Instance& instance, const std::string& output,
                               const CompileOptions& options) {
  io::AtomicFile file(output);
  CompileReport report = compile_instance(instance, file, options);
  file.commit();
  return report;
}

CompileReport compile_instance(const etrinv::Instance& instance, io::AtomicFile& output,
                               const CompileOptions& options) {
  CompileReport report;
  auto start = std::chrono::steady_clock::now();
  layout::Options layout_options = options.layout;
  if (options.progress)
    layout_options.progress = [&](std::size_t done, std::size_t total) {
      options.progress("laying out", done, total);
    };
  report.arrangement = layout::layout(instance, layout_options);
  const layout::Arrangement& arrangement = report.arrangement;
  report.layout_seconds = terminal::seconds_since(start);

  start = std::chrono::steady_clock::now();
  // m as it goes into the file (Emission::hidden_neurons is this sum too),
  // checked against the gadgets' budgets.
  layout::CheckProgress check_progress;
  if (options.progress)
    check_progress = [&](std::size_t done, std::size_t total) {
      options.progress("checking", done, total);
    };
  layout::check_invariants(arrangement, arrangement.hidden_neurons(), check_progress);
  report.check_seconds = terminal::seconds_since(start);

  // The emission (and its meta) only after the checks: the checks' tables
  // and the meta are each about as large as the arrangement, and compile's
  // peak memory is the larger of the two rather than their sum.
  start = std::chrono::steady_clock::now();
  const Emission emission(arrangement);
  WriteOptions write_options;
  write_options.reduction = options.reduction;
  if (options.progress)
    write_options.progress = [&](std::size_t done, std::size_t total) {
      options.progress("writing", done, total);
    };
  write_dataset(output.stream(), emission, write_options);
  output.flush();
  report.write_seconds = terminal::seconds_since(start);

  report.statistics = emission.statistics();
  // Standard output, a FIFO or a device has no size to report.
  if (const std::string written = output.readable_path(); !written.empty()) {
    std::error_code error;
    report.file_bytes = std::filesystem::file_size(written, error);
  }
  return report;
}

}  // namespace etr2nn::dataset
