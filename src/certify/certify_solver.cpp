#include "certify/detail/certify_solver.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::certify {
namespace {

// Used when a caller passes 0: generous, but finite.
constexpr unsigned default_timeout_ms = 60000;
// How long z3 may take to notice the interrupt before the process gives up.
constexpr std::chrono::seconds interrupt_grace{5};

// Stops one query at its deadline without z3's "timeout" parameter, whose
// timer thread can deadlock in Debian's libz3 4.8.12 (docs/limits.md). At the
// deadline it calls Z3_interrupt (z3's cancel flag, polled by every tactic and
// by nlsat); a routine that does not poll it within interrupt_grace ends the
// process with a message, so `certify` can never hang. The certifier keeps its
// queries in this process (unlike solve/detail/bounded_check.hpp, which forks per
// query) because it runs hundreds of small queries and reads their models.
class Watchdog {
 public:
  Watchdog(z3::context& context, std::chrono::milliseconds limit)
      : thread_([this, &context, limit] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (wake_.wait_for(lock, limit, [this] { return done_; })) return;
          context.interrupt();
          if (wake_.wait_for(lock, interrupt_grace, [this] { return done_; })) return;
          std::fputs("etr2nn certify: z3 ignored the time limit; stopping (docs/limits.md)\n",
                     stderr);
          std::_Exit(3);
        }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

UnsatQueryLog* active_log = nullptr;

}  // namespace

UnsatQueryLog::UnsatQueryLog() {
  if (active_log) throw std::logic_error("UnsatQueryLog: one is already recording");
  active_log = this;
}

UnsatQueryLog::~UnsatQueryLog() {
  active_log = nullptr;
}

std::vector<std::string> write_queries(const std::string& directory, const std::string& claim,
                                       const std::vector<std::string>& queries) {
  std::string name = claim;
  for (char& ch : name) {
    const bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                       (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
    if (!plain) ch = '_';
  }
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const std::string path = directory + "/" + name + "-" + std::to_string(i + 1) + ".smt2";
    std::ofstream out(path, std::ios::binary);
    out << queries[i];
    out.close();
    if (!out)
      throw Diagnostic(errors::file_unwritable, SourceLocation{path}, "cannot write the query");
    paths.push_back(path);
  }
  return paths;
}

SolverAnswer check_within(z3::context& c, const char* logic, const z3::expr_vector& parts,
                          unsigned timeout_ms) {
  z3::solver s(c, logic);
  for (unsigned i = 0; i < parts.size(); ++i) s.add(parts[i]);
  SolverAnswer answer;
  {
    Watchdog watchdog(c, std::chrono::milliseconds(timeout_ms ? timeout_ms : default_timeout_ms));
    answer.result = s.check();
  }
  if (answer.result == z3::unsat && active_log) {
    // z3 writes no set-logic of its own; the logic is part of the question.
    active_log->queries_.push_back(std::string("(set-logic ") + logic + ")\n" + s.to_smt2("unsat"));
  }
  if (answer.result == z3::sat) answer.model = s.get_model();
  if (answer.result == z3::unknown) {
    answer.reason = s.reason_unknown();
    if (answer.reason == "canceled") answer.reason = "limit";
  }
  return answer;
}

SolverAnswer check_within(z3::context& c, const char* logic, const z3::expr& formula,
                          unsigned timeout_ms) {
  z3::expr_vector parts(c);
  parts.push_back(formula);
  return check_within(c, logic, parts, timeout_ms);
}

}  // namespace etr2nn::certify
