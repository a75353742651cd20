#include "pipeline/detail/read_back.hpp"

#include <sstream>
#include <stdexcept>

#include "check/check.hpp"
#include "diagnostic/diagnostic.hpp"

namespace etr2nn::pipeline {

void check_read_back(const std::string& dataset_path, const std::string& network_path,
                     const std::string& dataset_name, const std::string& network_name) {
  // src/check: its own readers and evaluator, nothing shared with the writers.
  const check::Report report = check::verify_files(dataset_path, network_path, {3});
  if (report.ok()) return;
  std::ostringstream why;
  check::print_report(why, report);
  throw Diagnostic(errors::internal, "the files as written do not verify (" + dataset_name + ", " +
                                         network_name + "), so neither was written: " + why.str());
}

}  // namespace etr2nn::pipeline
