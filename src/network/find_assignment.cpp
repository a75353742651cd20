#include "network/find_assignment.hpp"

#include "network/assignment_json.hpp"
#include "network/witness.hpp"
#include "smt/solve.hpp"

namespace etr2nn::network {

etrinv::Assignment find_assignment(const etrinv::Instance& instance,
                                   std::chrono::milliseconds time_limit) {
  smt::SolveResult result = smt::solve(etrinv::to_sentence(instance), time_limit);
  switch (result.verdict) {
    case smt::Verdict::Unsat:
      throw WitnessError(
          "z3 proves the instance unsatisfiable: no assignment, hence no witness network");
    case smt::Verdict::Unknown:
      throw WitnessError("z3 found no assignment within " + std::to_string(time_limit.count()) +
                         " ms" + (result.reason.empty() ? "" : " (" + result.reason + ")") +
                         "; pass one with --assign");
    case smt::Verdict::Sat: break;
  }
  etrinv::Assignment values = assignment_for(instance, result.model);
  check_assignment(instance, values);  // solve checked the model; this checks the mapping
  return values;
}

}  // namespace etr2nn::network
