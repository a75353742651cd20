// G2 rigidity: every fit of a gadget's data within its budget IS the profile
// φ_u, on the whole real line.
//
// The case split is the one of the other claims about all fits, except that a
// type is the exact distribution of the breakpoints over the slots (gaps hold
// up to the budget, not 2) and the breakpoints are explicit unknowns
// (cpwl_type_breakpoints.hpp). Only data lines are positions: measuring lines
// play no part in the claim. Per type: QF_LRA on the value relaxation
// (cpwl_type_encoding.hpp) discards types with no fit at all; otherwise
// QF_NRA proves that the data force "exactly k breakpoints, equal to φ_u's,
// no affine part". A type with fewer than k breakpoints must have no fit, so
// a map with breakpoints outside (0, 19) — which restricted to [0, 19] has
// fewer inside — has no fit either: all k breakpoints lie inside and the map
// equals its restriction's formula on all of R.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "certify/detail/certify.hpp"
#include "certify/detail/certify_solver.hpp"
#include "certify/detail/counterexample.hpp"
#include "certify/detail/cpwl_type_breakpoints.hpp"
#include "certify/detail/cpwl_type_encoding.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"
#include "terminal/stopwatch.hpp"

namespace etr2nn::certify {
namespace {

using gadgets::SymbolicBreakpoint;
using numeric::Real;

// "c0 + c1·t + Σ δ_i max(0, t − β_i) is φ_u" for the given terms, u read off
// the breakpoints by the profile's recovery rule. False when the number of
// breakpoints differs from the profile's.
z3::expr is_profile(const GadgetProfile& profile, const z3::expr& c0_1, const z3::expr& c0_2,
                    const z3::expr& c1_1, const z3::expr& c1_2,
                    const std::vector<SymbolicBreakpoint>& fit) {
  z3::context& c = c0_1.ctx();
  if (fit.empty()) return c.bool_val(false);
  z3::expr u = profile.parameter_of(fit);
  std::vector<SymbolicBreakpoint> slots = profile.slots(u);
  if (slots.size() != fit.size()) return c.bool_val(false);
  z3::expr all = in_range(profile, u) && c0_1 == 0 && c0_2 == 0 && c1_1 == 0 && c1_2 == 0;
  z3::expr sum1 = c.real_val(0), sum2 = c.real_val(0), moment1 = c.real_val(0),
           moment2 = c.real_val(0);
  for (std::size_t i = 0; i < fit.size(); ++i) {
    const auto &f = fit[i], &s = slots[i];
    all = all && f.beta == s.beta && f.delta1 == s.delta1 && f.delta2 == s.delta2;
    sum1 = sum1 + f.delta1;
    sum2 = sum2 + f.delta2;
    moment1 = moment1 + f.delta1 * f.beta;
    moment2 = moment2 + f.delta2 * f.beta;
  }
  // 0 right of the last breakpoint: there f(t) = t·Σδ − Σδβ.
  return all && sum1 == 0 && sum2 == 0 && moment1 == 0 && moment2 == 0;
}

std::string text(const Real& r) {
  if (r.is_rational() && r.rational().get_str().size() <= 12) return r.rational().get_str();
  char buf[40];
  std::snprintf(buf, sizeof buf, "~%.6g", r.to_double());  // display only; the value is exact
  return buf;
}

// Rebuilds the model's map exactly and checks that it fits, is within budget
// and is not the profile. Returns the refutation text, or nullopt when the
// model does not check out (then the answer is not trusted).
std::optional<std::string> confirmed_counterexample(const GadgetDescription& gadget,
                                                    const GadgetProfile& profile,
                                                    const PositionTable& table,
                                                    const CpwlType& type,
                                                    const BreakpointUnknowns& unknowns,
                                                    const z3::model& model, unsigned timeout_ms) {
  gadgets::Cpwl f = realise(unknowns, model);
  if (!f.fits(gadget.data) || f.kink_count() > gadget.budget) return std::nullopt;
  auto value = [&](const z3::expr& e) { return numeric::from_z3(model.eval(e, true)); };
  // The map's genuine breakpoints: merged by position, zero changes dropped.
  std::vector<gadgets::Breakpoint> merged;
  for (const auto& b : f.breakpoints()) {
    auto same = std::find_if(merged.begin(), merged.end(),
                             [&](const gadgets::Breakpoint& m) { return m.beta == b.beta; });
    if (same == merged.end()) {
      merged.push_back(b);
    } else {
      same->delta1 += b.delta1;
      same->delta2 += b.delta2;
    }
  }
  std::erase_if(merged, [](const gadgets::Breakpoint& b) {
    return b.delta1.sign() == 0 && b.delta2.sign() == 0;
  });
  std::sort(
      merged.begin(), merged.end(),
      [](const gadgets::Breakpoint& a, const gadgets::Breakpoint& b) { return a.beta < b.beta; });
  std::vector<SymbolicBreakpoint> exact;
  for (const auto& b : merged)
    exact.push_back({numeric::to_z3(b.beta), numeric::to_z3(b.delta1), numeric::to_z3(b.delta2)});
  z3::expr claim = is_profile(
      profile, numeric::to_z3(value(unknowns.constant1)), numeric::to_z3(value(unknowns.constant2)),
      numeric::to_z3(value(unknowns.slope1)), numeric::to_z3(value(unknowns.slope2)), exact);
  if (check_within(numeric::z3_context(), "QF_NRA", claim, timeout_ms).result != z3::unsat)
    return std::nullopt;  // it is the profile after all (or z3 cannot tell)
  std::ostringstream out;
  out << "counterexample (checked exactly; breakpoints [" << type.describe(table.positions)
      << "]): f = (" << text(value(unknowns.constant1)) << ", " << text(value(unknowns.constant2))
      << ") + (" << text(value(unknowns.slope1)) << ", " << text(value(unknowns.slope2)) << ")*t";
  for (const auto& b : merged)
    out << " [t=" << text(b.beta) << ": slope change (" << text(b.delta1) << ", " << text(b.delta2)
        << ")]";
  return out.str();
}

}  // namespace

ClaimResult certify_rigidity(const GadgetDescription& gadget, const GadgetProfile& profile,
                             const CertifyOptions& options) {
  auto start = std::chrono::steady_clock::now();
  ClaimResult result;
  result.id = gadget.name + ".rigid";
  result.statement = "every CPWL map R->R^2 with <= " + std::to_string(gadget.budget) +
                     " breakpoints (anywhere on R) through the " +
                     std::to_string(gadget.data.size()) +
                     " data lines is, on all of R, sum_a Delta_a*max(0, t - beta_a) with "
                     "beta_a: Delta_a = " +
                     profile.text + " for " + range_text(profile) + " (" + profile.recovery +
                     "): exactly these breakpoints, all in (0, 19), none elsewhere, no affine "
                     "part, sum Delta = sum Delta*beta = 0 (0 outside [beta_1, beta_k])";
  result.verdict = ClaimVerdict::Proved;
  z3::context& c = numeric::z3_context();
  try {
    PositionTable table = position_table(gadget.data, {});
    bool stop = false;
    EnumerationStats stats = enumerate_types(
        table, gadget.budget,
        [&](const CpwlType& type) {
          if (stop) return;
          ++result.types;
          TypeEncoding relaxation = encode_type(c, table, type);
          ++result.linear_checks;
          SolverAnswer fit =
              check_within(c, "QF_LRA", relaxation.linear, options.linear_timeout_ms);
          if (fit.result == z3::unsat) return;  // no fit of this type at all
          BreakpointUnknowns u = encode_breakpoints(c, table, type);
          z3::expr_vector query = u.constraints;
          query.push_back(
              !is_profile(profile, u.constant1, u.constant2, u.slope1, u.slope2, u.breakpoints));
          ++result.nonlinear_checks;
          SolverAnswer r = check_within(c, "QF_NRA", query, options.nonlinear_timeout_ms);
          if (r.result == z3::unsat) return;
          stop = true;
          result.verdict = ClaimVerdict::Unknown;
          result.detail =
              "QF_NRA unknown (" + r.reason + ") on type [" + type.describe(table.positions) + "]";
          if (r.result == z3::sat) {
            auto refutation = confirmed_counterexample(gadget, profile, table, type, u, *r.model,
                                                       options.nonlinear_timeout_ms);
            if (refutation) result.verdict = ClaimVerdict::Refuted;
            result.detail = refutation ? *refutation
                                       : "z3 model on type [" + type.describe(table.positions) +
                                             "] failed the exact check: answer not trusted";
          }
        },
        gadget.budget);
    result.types_pruned = stats.pruned;
  } catch (const std::exception& e) {
    result.verdict = ClaimVerdict::Unknown;
    result.detail = std::string("malformed gadget description or profile: ") + e.what();
  }
  result.seconds = terminal::seconds_since(start);
  return result;
}

}  // namespace etr2nn::certify
