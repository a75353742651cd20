// Claim 4: the witness profile fits its data for every X in range (X symbolic).
#include <chrono>
#include <stdexcept>

#include "certify/detail/certify.hpp"
#include "certify/detail/certify_solver.hpp"
#include "gadgets/symbolic_witness.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"
#include "terminal/stopwatch.hpp"

namespace etr2nn::certify {
namespace {

z3::expr numeral(z3::context& c, const mpq_class& q) {
  return c.real_val(q.get_str().c_str());
}

}  // namespace

ClaimResult certify_witness(const gadgets::GadgetKind& kind, const CertifyOptions& options) {
  auto start = std::chrono::steady_clock::now();
  ClaimResult result;
  auto [lo, hi] = kind.admitted_range();
  result.id = kind.name() + ".witness";
  result.statement = "for every X in [" + lo.get_str() + ", " + hi.get_str() + "] the witness (" +
                     std::to_string(kind.breakpoint_budget()) +
                     " breakpoints at most) fits all data lines and is 0 outside [0, 19]";
  z3::context& c = numeric::z3_context();
  z3::expr x = c.real_const("X");
  std::vector<gadgets::SymbolicBreakpoint> profile;
  try {
    profile = kind.symbolic_witness(x);
  } catch (const std::logic_error& e) {
    result.verdict = ClaimVerdict::Unknown;
    result.detail = e.what();
    return result;
  }
  if (profile.size() > kind.breakpoint_budget()) {
    result.verdict = ClaimVerdict::Refuted;
    result.detail = "the witness has " + std::to_string(profile.size()) + " breakpoints";
  } else {
    auto value = [&](const mpq_class& t, bool first) {
      z3::expr tv = numeral(c, t), sum = c.real_val(0);
      for (const auto& b : profile)
        sum =
            sum + (first ? b.delta1 : b.delta2) * z3::ite(tv > b.beta, tv - b.beta, c.real_val(0));
      return sum;
    };
    z3::expr_vector failures(c);
    for (const auto& d : kind.data_lines()) {
      failures.push_back(value(d.position, true) != numeral(c, d.label.out1));
      failures.push_back(value(d.position, false) != numeral(c, d.label.out2));
    }
    z3::expr slope1 = c.real_val(0), slope2 = c.real_val(0), moment1 = c.real_val(0),
             moment2 = c.real_val(0);
    for (const auto& b : profile) {
      failures.push_back(b.beta < 0 || b.beta > numeral(c, gadgets::strip_width));
      slope1 = slope1 + b.delta1;
      slope2 = slope2 + b.delta2;
      moment1 = moment1 + b.delta1 * b.beta;
      moment2 = moment2 + b.delta2 * b.beta;
    }
    // Right of every breakpoint f(t) = t * Σδ - Σδβ: zero iff both sums are.
    failures.push_back(slope1 != 0 || slope2 != 0 || moment1 != 0 || moment2 != 0);
    z3::expr_vector parts(c);
    parts.push_back(numeral(c, lo) <= x && x <= numeral(c, hi));
    parts.push_back(z3::mk_or(failures));
    ++result.nonlinear_checks;
    SolverAnswer answer = check_within(c, "QF_NRA", parts, options.nonlinear_timeout_ms);
    if (answer.result == z3::unsat) {
      result.verdict = ClaimVerdict::Proved;
    } else if (answer.result == z3::sat) {
      result.verdict = ClaimVerdict::Refuted;
      z3::expr xv = answer.model->eval(x, true);
      result.detail = "the witness fails at X = " + numeric::from_z3(xv).to_string();
    } else {
      result.verdict = ClaimVerdict::Unknown;
      result.detail = "QF_NRA unknown: " + answer.reason;
    }
  }
  result.seconds = terminal::seconds_since(start);
  return result;
}

}  // namespace etr2nn::certify
