// Progress reports for long work, on stderr.
//
// Shown only when stderr is a terminal and the user did not ask for quiet;
// otherwise every call is a no-op, so pipelines and CI logs stay clean.
// Updates are rate-limited (at most ~10 per second) and overwrite one line.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace etr2nn::io {

class Progress {
 public:
  // quiet: the user's --quiet. total may be 0 when unknown.
  Progress(std::string task, std::size_t total, bool quiet);
  ~Progress();  // finishes the line if anything was shown

  void update(std::size_t done);
  void finish();

  bool enabled() const { return enabled_; }

 private:
  std::string task_;
  std::size_t total_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace etr2nn::io
