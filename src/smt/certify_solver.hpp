// The one place where the certifier asks z3 a question.
//
// Every query of `etr2nn certify` goes through check_within(): it always sets
// a time limit, so no claim can hang, and replacing z3's own timer (e.g. by a
// deadlock-free watchdog) is a change to this one function.
#pragma once

#include <z3++.h>

#include <optional>
#include <string>

namespace etr2nn::smt {

struct SolverAnswer {
  z3::check_result result = z3::unknown;
  std::optional<z3::model> model;  // when sat
  std::string reason;              // when unknown: z3's reason (e.g. "timeout")
};

// Is the conjunction of `parts` satisfiable in `logic` ("QF_LRA", "QF_NRA")?
// A limit of 0 is replaced by a default (no query runs unbounded).
SolverAnswer check_within(z3::context& context, const char* logic, const z3::expr_vector& parts,
                          unsigned timeout_ms);
SolverAnswer check_within(z3::context& context, const char* logic, const z3::expr& formula,
                          unsigned timeout_ms);

}  // namespace etr2nn::smt
