// The one place where the certifier asks z3 a question.
//
// Every query of `etr2nn certify` goes through check_within(): it always has
// a time limit, enforced without z3's own timer (which can deadlock in
// Debian's libz3 4.8.12): a watchdog thread interrupts z3 at the limit, and
// ends the process if z3 does not stop within 5 s more. So no claim can hang.
#pragma once

#include <z3++.h>

#include <optional>
#include <string>
#include <vector>

namespace etr2nn::certify {

struct SolverAnswer {
  z3::check_result result = z3::unknown;
  std::optional<z3::model> model;  // when sat
  std::string reason;              // when unknown: "limit", or z3's reason
};

// Is the conjunction of `parts` satisfiable in `logic` ("QF_LRA", "QF_NRA")?
// A limit of 0 is replaced by a default (no query runs unbounded).
SolverAnswer check_within(z3::context& context, const char* logic, const z3::expr_vector& parts,
                          unsigned timeout_ms);
SolverAnswer check_within(z3::context& context, const char* logic, const z3::expr& formula,
                          unsigned timeout_ms);

// While one is alive, every query check_within answers unsat is kept as an
// SMT-LIB 2 script (set-logic, declarations, assertions, check-sat), so that
// another solver can re-check each step of a proof (certify --dump-smt2).
// One at a time; sat and unknown answers are not kept.
class UnsatQueryLog {
 public:
  UnsatQueryLog();
  ~UnsatQueryLog();
  UnsatQueryLog(const UnsatQueryLog&) = delete;
  UnsatQueryLog& operator=(const UnsatQueryLog&) = delete;

  const std::vector<std::string>& queries() const { return queries_; }

 private:
  friend SolverAnswer check_within(z3::context&, const char*, const z3::expr_vector&, unsigned);
  std::vector<std::string> queries_;
};

// Writes queries[i] to DIRECTORY/<claim>-<i+1>.smt2 (characters of `claim`
// outside [A-Za-z0-9._-] become '_'); returns the paths written. Throws
// std::runtime_error naming the file when one cannot be written.
std::vector<std::string> write_queries(const std::string& directory, const std::string& claim,
                                       const std::vector<std::string>& queries);

}  // namespace etr2nn::certify
