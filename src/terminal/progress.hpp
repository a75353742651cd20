// What a command prints on stderr about its own work: progress and timings.
//
// One policy for every command, decided here and nowhere else:
//   - progress lines: only when stderr is a terminal, and never with --quiet;
//   - timing lines: as progress, and also with --verbose when stderr is not a
//     terminal (a log that wants them); never with --quiet.
// Pipelines and CI logs therefore stay clean unless asked. Results (what a
// command computed) are not covered: they go to stdout whatever this says.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace etr2nn::terminal {

class Verbosity {
 public:
  // quiet, verbose: the user's --quiet and --verbose (both at once is the
  // caller's usage error). The terminal test is made here unless given.
  Verbosity(bool quiet, bool verbose);
  Verbosity(bool quiet, bool verbose, bool stderr_is_terminal);

  bool progress() const { return !quiet_ && terminal_; }
  bool timings() const { return !quiet_ && (terminal_ || verbose_); }
  bool quiet() const { return quiet_; }

 private:
  bool quiet_, verbose_, terminal_;
};

// A progress report for long work: one line on stderr, overwritten, at most
// ~10 updates per second; a no-op when the Verbosity says no progress.
class Progress {
 public:
  // total may be 0 when unknown.
  Progress(std::string task, std::size_t total, const Verbosity& verbosity);
  // The same with only --quiet known (no --verbose: it does not change progress).
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

}  // namespace etr2nn::terminal
