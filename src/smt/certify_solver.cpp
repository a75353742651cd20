#include "smt/certify_solver.hpp"

namespace etr2nn::smt {
namespace {

// Used when a caller passes 0: generous, but finite.
constexpr unsigned default_timeout_ms = 60000;

}  // namespace

SolverAnswer check_within(z3::context& c, const char* logic, const z3::expr_vector& parts,
                          unsigned timeout_ms) {
  z3::solver s(c, logic);
  z3::params p(c);
  p.set("timeout", timeout_ms ? timeout_ms : default_timeout_ms);
  s.set(p);
  for (unsigned i = 0; i < parts.size(); ++i) s.add(parts[i]);
  SolverAnswer answer;
  answer.result = s.check();
  if (answer.result == z3::sat) answer.model = s.get_model();
  if (answer.result == z3::unknown) answer.reason = s.reason_unknown();
  return answer;
}

SolverAnswer check_within(z3::context& c, const char* logic, const z3::expr& formula,
                          unsigned timeout_ms) {
  z3::expr_vector parts(c);
  parts.push_back(formula);
  return check_within(c, logic, parts, timeout_ms);
}

}  // namespace etr2nn::smt
