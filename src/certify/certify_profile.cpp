// G3 slot identification and G4 vanishing: algebraic facts about the profile
// formulas alone (no case split), one small QF_NRA query each.
#include <chrono>
#include <string>
#include <vector>

#include "certify/detail/certify.hpp"
#include "certify/detail/certify_solver.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::certify {
namespace {

using Clock = std::chrono::steady_clock;
using gadgets::SymbolicBreakpoint;

z3::expr same_delta(const SymbolicBreakpoint& a, const SymbolicBreakpoint& b) {
  return a.delta1 == b.delta1 && a.delta2 == b.delta2;
}

std::string value_text(const z3::model& m, const z3::expr& e) {
  z3::expr v = m.eval(e, true);
  return v.is_numeral() ? numeric::from_z3(v).to_string() : v.to_string();
}

// A sat answer is reported only if the formula, with the model's exact values
// substituted (no unknowns left), is still satisfiable.
bool confirmed(z3::context& c, const z3::expr& formula, const z3::expr_vector& unknowns,
               const z3::model& m, unsigned timeout_ms) {
  z3::expr_vector values(c);
  for (unsigned i = 0; i < unknowns.size(); ++i) values.push_back(m.eval(unknowns[i], true));
  z3::expr closed = z3::expr(formula).substitute(unknowns, values);
  return check_within(c, "QF_NRA", closed, timeout_ms).result == z3::sat;
}

}  // namespace

ClaimResult certify_slots(const GadgetProfile& profile, const CertifyOptions& options) {
  auto start = Clock::now();
  ClaimResult result;
  result.id = profile.gadget + ".slots";
  z3::context& c = numeric::z3_context();
  z3::expr u = c.real_const((profile.parameter + "#1").c_str());
  z3::expr v = c.real_const((profile.parameter + "#2").c_str());
  z3::expr_vector unknowns(c);
  unknowns.push_back(u);
  unknowns.push_back(v);
  std::vector<SymbolicBreakpoint> at_u = profile.slots(u), at_v = profile.slots(v);
  z3::expr ranges = in_range(profile, u) && in_range(profile, v);
  result.verdict = ClaimVerdict::Proved;
  std::string dependent;
  // Runs one query that must be unsat; on sat or unknown records why and stops.
  auto must_be_unsat = [&](const z3::expr& formula, const std::string& what) {
    ++result.nonlinear_checks;
    SolverAnswer r = check_within(c, "QF_NRA", formula, options.nonlinear_timeout_ms);
    if (r.result == z3::unsat) return true;
    result.verdict = ClaimVerdict::Unknown;
    result.detail = what + ": QF_NRA unknown (" + r.reason + ")";
    if (r.result == z3::sat) {
      bool ok = confirmed(c, formula, unknowns, *r.model, options.nonlinear_timeout_ms);
      if (ok) result.verdict = ClaimVerdict::Refuted;
      result.detail = what + (ok ? "" : " (model failed the exact check: not trusted)") + " at " +
                      profile.parameter + " = " + value_text(*r.model, u) + ", " +
                      profile.parameter + "' = " + value_text(*r.model, v);
    }
    return false;
  };
  for (std::size_t a = 0; a < at_u.size() && result.proved(); ++a) {
    for (std::size_t b = a + 1; b < at_u.size() && result.proved(); ++b)
      must_be_unsat(ranges && same_delta(at_u[a], at_v[b]),
                    "Delta_" + std::to_string(a + 1) + " = Delta_" + std::to_string(b + 1));
    if (!result.proved()) break;
    // Does Delta_a depend on the parameter at all? Only then must it determine it.
    ++result.nonlinear_checks;
    SolverAnswer varies = check_within(c, "QF_NRA", ranges && !same_delta(at_u[a], at_v[a]),
                                       options.nonlinear_timeout_ms);
    if (varies.result == z3::unknown) {
      result.verdict = ClaimVerdict::Unknown;
      result.detail =
          "cannot tell whether Delta_" + std::to_string(a + 1) + " depends on " + profile.parameter;
      break;
    }
    if (varies.result == z3::unsat) continue;
    dependent += (dependent.empty() ? "" : ", ") + std::to_string(a + 1);
    must_be_unsat(ranges && same_delta(at_u[a], at_v[a]) && u != v,
                  "Delta_" + std::to_string(a + 1) + "(" + profile.parameter + ") = Delta_" +
                      std::to_string(a + 1) + "(" + profile.parameter + "') with " +
                      profile.parameter + " != " + profile.parameter + "'");
  }
  result.statement = "slot identification: for " + range_text(profile) + " and " +
                     profile.parameter + "' likewise, Delta_a(" + profile.parameter +
                     ") = Delta_b(" + profile.parameter + "') implies a = b, and for the slots " +
                     "whose Delta depends on " + profile.parameter + " (" +
                     (dependent.empty() ? "none" : dependent) + ") " + profile.parameter + " = " +
                     profile.parameter + "'; slots " + profile.text;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

ClaimResult certify_vanishing(const GadgetProfile& profile, const CertifyOptions& options) {
  auto start = Clock::now();
  ClaimResult result;
  result.id = profile.gadget + ".vanish";
  result.statement = "for every " + range_text(profile) +
                     ": sum Delta_a = 0, sum Delta_a*beta_a = 0 and 0 < beta_1 < ... < beta_k < " +
                     gadgets::strip_width.get_str() + ", so phi = 0 outside [beta_1, beta_k], " +
                     "inside (0, " + gadgets::strip_width.get_str() + "); slots " + profile.text;
  z3::context& c = numeric::z3_context();
  z3::expr u = c.real_const(profile.parameter.c_str());
  std::vector<SymbolicBreakpoint> slots = profile.slots(u);
  z3::expr zero = c.real_val(0);
  z3::expr sum1 = zero, sum2 = zero, moment1 = zero, moment2 = zero;
  z3::expr_vector failures(c);
  for (std::size_t a = 0; a < slots.size(); ++a) {
    sum1 = sum1 + slots[a].delta1;
    sum2 = sum2 + slots[a].delta2;
    moment1 = moment1 + slots[a].delta1 * slots[a].beta;
    moment2 = moment2 + slots[a].delta2 * slots[a].beta;
    if (a + 1 < slots.size()) failures.push_back(slots[a].beta >= slots[a + 1].beta);
  }
  failures.push_back(sum1 != 0 || sum2 != 0 || moment1 != 0 || moment2 != 0);
  if (!slots.empty()) {
    failures.push_back(slots.front().beta <= 0);
    failures.push_back(slots.back().beta >= c.real_val(gadgets::strip_width.get_str().c_str()));
  }
  z3::expr formula = in_range(profile, u) && z3::mk_or(failures);
  ++result.nonlinear_checks;
  SolverAnswer r = check_within(c, "QF_NRA", formula, options.nonlinear_timeout_ms);
  if (r.result == z3::unsat) {
    result.verdict = ClaimVerdict::Proved;
  } else if (r.result == z3::sat) {
    z3::expr_vector unknowns(c);
    unknowns.push_back(u);
    bool ok = confirmed(c, formula, unknowns, *r.model, options.nonlinear_timeout_ms);
    result.verdict = ok ? ClaimVerdict::Refuted : ClaimVerdict::Unknown;
    result.detail = std::string(ok ? "fails" : "model failed the exact check (not trusted)") +
                    " at " + profile.parameter + " = " + value_text(*r.model, u);
  } else {
    result.verdict = ClaimVerdict::Unknown;
    result.detail = "QF_NRA unknown (" + r.reason + ")";
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace etr2nn::certify
