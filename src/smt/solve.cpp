#include "smt/solve.hpp"

#include <z3++.h>

#include <stdexcept>

#include "etrinv/evaluate.hpp"
#include "smt/sentence_to_z3.hpp"

namespace etr2nn::smt {

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Sat: return "sat";
    case Verdict::Unsat: return "unsat";
    case Verdict::Unknown: return "unknown";
  }
  return "?";
}

SolveResult solve(const etr::Sentence& sentence, std::chrono::milliseconds time_limit) {
  Z3Sentence z = to_z3(sentence);
  z3::context& c = numeric::z3_context();
  // QF_NRA selects nlsat, which is complete for the reals (given time).
  z3::solver solver(c, "QF_NRA");
  z3::params p(c);
  p.set("timeout", static_cast<unsigned>(std::max<long long>(1, time_limit.count())));
  solver.set(p);
  solver.add(z.formula);
  SolveResult result;
  switch (solver.check()) {
    case z3::unsat: result.verdict = Verdict::Unsat; return result;
    case z3::unknown:
      result.verdict = Verdict::Unknown;
      result.reason = solver.reason_unknown();
      return result;
    case z3::sat: break;
  }
  z3::model m = solver.get_model();
  for (const auto& [name, x] : z.variables)
    result.model.emplace(name, numeric::Real::from_z3(m.eval(x, true)));
  // Never hand out a model that was not checked exactly against the sentence.
  if (!satisfies(sentence, result.model))
    throw std::logic_error("z3 returned a model that does not satisfy the sentence");
  result.verdict = Verdict::Sat;
  return result;
}

bool satisfies(const etr::Sentence& sentence, const std::map<std::string, numeric::Real>& values) {
  return etrinv::satisfies(sentence, values);
}

}  // namespace etr2nn::smt
