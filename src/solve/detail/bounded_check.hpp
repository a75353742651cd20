// The one way etr2nn asks z3 a question with a time limit: check_bounded.
//
// Why not z3's own "timeout" parameter: Debian's libz3 4.8.12 can deadlock in
// the timer thread that parameter starts (all threads in futex waits inside
// Z3_solver_check, 0% CPU, never returning). z3's cancel flag (ctx.interrupt())
// avoids the timer but is only seen where z3 polls it; some routines
// (resultants, factorisation in nlsat, algebraic numbers) run long without
// polling. So the guarantee comes from the operating system instead:
//
//   check_bounded forks; the child runs solver.check() (no "timeout" parameter
//   is ever set, so no timer thread exists) and, for sat, the caller's
//   ModelReader, and writes the answer as text into a pipe. The parent waits
//   on the pipe with poll() until the deadline, then SIGKILLs the child. A
//   child that hangs, deadlocks or crashes is reported as Unknown, never waited
//   for past the limit. The child dies with the parent (PR_SET_PDEATHSIG).
//
// Cost: one fork per query (copy-on-write; milliseconds). The model crosses the
// pipe as text, so whatever the caller needs from it must be written by the
// ModelReader (exact values: json_io/real.hpp). docs/limits.md.
#pragma once

#include <z3++.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "numeric/real.hpp"

namespace etr2nn::solve {

enum class Verdict { Sat, Unsat, Unknown };
const char* to_string(Verdict verdict);  // "sat", "unsat", "unknown"

// A wall-clock deadline, fixed when the Limit is made: make it when the
// caller's work starts, so that building and parsing the query count too.
// When z3 answers sat before the deadline, reading and checking the model (in
// the child, exact algebraic arithmetic) may take until
// max(deadline, answer + model_allowance), model_allowance = min(time, 10 s):
// a call ends by the deadline plus at most that allowance.
struct Limit {
  explicit Limit(std::chrono::milliseconds time)
      : deadline(std::chrono::steady_clock::now() + time),
        model_allowance(
            std::min<std::chrono::steady_clock::duration>(time, std::chrono::seconds(10))) {}
  std::chrono::steady_clock::time_point deadline;
  std::chrono::steady_clock::duration model_allowance;
};

struct BoundedResult {
  Verdict verdict = Verdict::Unknown;
  // Why Unknown: "limit" when the time limit stopped the query ("limit (reading
  // the model)" when it stopped the model reader), otherwise z3's
  // reason_unknown() or what went wrong with the child. Empty for Sat/Unsat.
  std::string reason;
  std::string model_text;  // for Sat: what the ModelReader returned (in the child)
};

// Runs in the child on sat; its text is handed back as model_text. It may
// throw: the exception's message is rethrown in the parent (std::runtime_error).
using ModelReader = std::function<std::string(const z3::model&)>;

// solver.check() in a child process, stopped at limit.deadline. The solver must
// not carry z3's "timeout" parameter (it would start the timer that deadlocks).
// Throws std::system_error if the child cannot be started, std::runtime_error
// with the child's message if z3 or the ModelReader threw there.
BoundedResult check_bounded(z3::solver& solver, Limit limit, const ModelReader& read_model = {});

// A ModelReader for callers that want the model in the parent: the exact value
// of every constant (nullary declaration) of real sort, by name, as JSON
// (json_io/real.hpp). model_values reads that text back.
std::string write_model_values(const z3::model& model);
std::map<std::string, numeric::Real> model_values(const std::string& model_text);

}  // namespace etr2nn::solve
