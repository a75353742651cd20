#include "terminal/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace etr2nn::terminal {

Verbosity::Verbosity(bool quiet, bool verbose)
    : Verbosity(quiet, verbose, ::isatty(STDERR_FILENO) == 1) {}

Verbosity::Verbosity(bool quiet, bool verbose, bool stderr_is_terminal)
    : quiet_(quiet), verbose_(verbose), terminal_(stderr_is_terminal) {}

Progress::Progress(std::string task, std::size_t total, const Verbosity& verbosity)
    : task_(std::move(task)), total_(total), enabled_(verbosity.progress()) {}

Progress::Progress(std::string task, std::size_t total, bool quiet)
    : Progress(std::move(task), total, Verbosity(quiet, false)) {}

Progress::~Progress() {
  finish();
}

void Progress::update(std::size_t done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  shown_ = true;
  if (total_ > 0)
    std::fprintf(stderr, "\r%s: %zu/%zu (%zu%%)", task_.c_str(), done, total_, done * 100 / total_);
  else
    std::fprintf(stderr, "\r%s: %zu", task_.c_str(), done);
  std::fflush(stderr);
}

void Progress::finish() {
  if (!enabled_ || !shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace etr2nn::terminal
