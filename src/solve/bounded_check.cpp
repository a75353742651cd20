#include "solve/detail/bounded_check.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "diagnostic/diagnostic.hpp"
#include "json_io/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::solve {
namespace {

using Clock = std::chrono::steady_clock;

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent is gone or stopped reading: nothing to tell
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

// The child's whole life. Protocol: a verdict line (sat, unsat, unknown,
// error); after "sat\n", written as soon as z3 answers, either "model\n" and
// the reader's text or "error\n" and a message; after "unknown\n" z3's
// reason; after "error\n" the message.
[[noreturn]] void run_child(int fd, z3::solver& solver, const ModelReader& read_model) {
  std::string answer;
  try {
    switch (solver.check()) {
      case z3::unsat: answer = "unsat\n"; break;
      case z3::unknown: answer = "unknown\n" + solver.reason_unknown(); break;
      case z3::sat:
        write_all(fd, "sat\n");  // starts the parent's model-reading allowance
        try {
          answer = "model\n" + (read_model ? read_model(solver.get_model()) : std::string());
        } catch (const z3::exception& e) {
          answer = std::string("error\n") + e.msg();
        } catch (const std::exception& e) {
          answer = std::string("error\n") + e.what();
        }
        break;
    }
  } catch (const z3::exception& e) {
    answer = std::string("error\n") + e.msg();
  } catch (const std::exception& e) {
    answer = std::string("error\n") + e.what();
  } catch (...) {
    answer = "error\nunknown exception in the z3 child process";
  }
  write_all(fd, answer);
  ::_exit(0);  // no atexit handlers, no flushing of the parent's copied buffers
}

// Reads until end of file or the deadline; false at the deadline. Once the
// child has said "sat", the deadline moves to at least now + allowance: z3
// has answered within the limit, and reading the model back gets its own
// bounded time.
bool read_until(int fd, Clock::time_point deadline, Clock::duration allowance, std::string& out) {
  char buffer[65536];
  bool extended = false;
  for (;;) {
    if (!extended && out.rfind("sat\n", 0) == 0) {
      deadline = std::max(deadline, Clock::now() + allowance);
      extended = true;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw std::system_error(errno, std::generic_category(), "poll");
    if (ready == 0) continue;  // re-check the clock
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::system_error(errno, std::generic_category(), "read from z3 child");
    if (n == 0) return true;
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

int reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Sat: return "sat";
    case Verdict::Unsat: return "unsat";
    case Verdict::Unknown: return "unknown";
  }
  return "?";
}

BoundedResult check_bounded(z3::solver& solver, Limit limit, const ModelReader& read_model) {
  const Clock::time_point deadline = limit.deadline;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::system_error(errno, std::generic_category(), "pipe for the z3 child");
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int e = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::system_error(e, std::generic_category(), "fork for the z3 child");
  }
  if (pid == 0) {
    ::close(fds[0]);
    // Die with the parent (a SIGTERM to etr2nn must not leave z3 running).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    run_child(fds[1], solver, read_model);
  }
  ::close(fds[1]);
  std::string text;
  bool finished = false;
  try {
    finished = read_until(fds[0], deadline, limit.model_allowance, text);
  } catch (...) {
    ::kill(pid, SIGKILL);
    reap(pid);
    ::close(fds[0]);
    throw;
  }
  ::close(fds[0]);
  if (!finished) ::kill(pid, SIGKILL);
  const int status = reap(pid);

  BoundedResult result;
  if (!finished) {
    result.reason = text.rfind("sat\n", 0) == 0 ? "limit (reading the model)" : "limit";
    return result;
  }
  const std::size_t eol = text.find('\n');
  const std::string verdict = text.substr(0, eol);
  const std::string rest = eol == std::string::npos ? std::string() : text.substr(eol + 1);
  if (verdict == "sat" && rest.rfind("model\n", 0) == 0) {
    result.verdict = Verdict::Sat;
    result.model_text = rest.substr(6);
  } else if (verdict == "sat" && rest.rfind("error\n", 0) == 0) {
    throw Diagnostic(errors::solver_failed, "z3: " + rest.substr(6));
  } else if (verdict == "unsat") {
    result.verdict = Verdict::Unsat;
  } else if (verdict == "unknown") {
    result.reason = rest.empty() ? "z3 gave no reason" : rest;
  } else if (verdict == "error") {
    throw Diagnostic(errors::solver_failed, "z3: " + rest);
  } else if (WIFSIGNALED(status)) {
    result.reason = "the z3 child process died of signal " + std::to_string(WTERMSIG(status));
  } else {
    result.reason = "the z3 child process ended without an answer";
  }
  return result;
}

std::string write_model_values(const z3::model& model) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (unsigned i = 0; i < model.size(); ++i) {
    const z3::func_decl d = model[i];
    if (d.arity() != 0 || !d.range().is_real()) continue;
    j[d.name().str()] = json_io::real_to_json(numeric::from_z3(model.get_const_interp(d)));
  }
  return j.dump();
}

std::map<std::string, numeric::Real> model_values(const std::string& model_text) {
  std::map<std::string, numeric::Real> values;
  static const std::string source = "z3's model";
  const nlohmann::json j = nlohmann::json::parse(model_text);
  for (const auto& [name, value] : json_io::Value(j, source).members())
    values.emplace(name, json_io::real_from_json(value));
  return values;
}

}  // namespace etr2nn::solve
