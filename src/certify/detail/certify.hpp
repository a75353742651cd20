// Certificates for the gadget library: every local claim the reduction relies
// on (docs/reduction.md; the list is in docs/gadgets.md), proved mechanically
// and exactly.
//
// A claim is proved when z3 answers unsat for its negation — in QF_LRA where
// the case is linear, in QF_NRA (nlsat) where it is not. sat refutes it once
// the model, rebuilt as a CPWL map (counterexample.hpp), passes an exact check;
// it is then printed as the counterexample. unknown (timeout) or a model that
// fails the check is a failure too ("unknown").
// The claims about all CPWL fits of a gadget are split into the combinatorial
// types of cpwl_type_enumeration.hpp, each encoded by cpwl_type_encoding.hpp;
// docs/gadgets.md states each claim precisely and why the split is complete.
//
// Every function takes its subject as a plain value, so tests can hand in a
// mutated gadget or point and see the claim fail.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "certify/detail/gadget_claims.hpp"
#include "gadgets/registry.hpp"

namespace etr2nn::certify {

enum class ClaimVerdict { Proved, Refuted, Unknown };
const char* to_string(ClaimVerdict verdict);  // "proved", "refuted", "unknown"

struct ClaimResult {
  std::string id;         // e.g. "I.readings"
  std::string statement;  // what exactly is claimed
  ClaimVerdict verdict = ClaimVerdict::Unknown;
  std::size_t types = 0;             // combinatorial types checked
  std::size_t types_pruned = 0;      // partial types cut by collinearity or the budget bound
  std::size_t linear_checks = 0;     // QF_LRA queries
  std::size_t nonlinear_checks = 0;  // QF_NRA (nlsat) queries
  double seconds = 0;
  std::string detail;              // counterexample or reason when not proved
  std::size_t queries_dumped = 0;  // files written for CertifyOptions::dump_smt2_directory
  bool proved() const { return verdict == ClaimVerdict::Proved; }
};

struct CertifyOptions {
  unsigned nonlinear_timeout_ms = 30000;  // per nlsat query; a timeout is a failure
  unsigned linear_timeout_ms = 30000;     // per QF_LRA query; likewise
  // certify_all only: when set (an existing directory), every query z3 answers
  // unsat is also written there as <claim>-<n>.smt2, for re-checking by
  // another solver (certify/detail/certify_solver.hpp, UnsatQueryLog).
  std::string dump_smt2_directory;
};

// Claims 1, 2: every CPWL map R -> R^2 with at most `budget` shared breakpoints
// that fits every data line reads on the measuring lines as described, for
// parameters that satisfy `relation`.
ClaimResult certify_readings(const GadgetDescription& gadget, const ParameterRelation& relation,
                             const CertifyOptions& options = {});

// Claims 1, 2 (tightness): no CPWL map with at most budget - 1 breakpoints fits
// the data, and the sample witness fits it with at most budget.
ClaimResult certify_budget(const GadgetDescription& gadget, const CertifyOptions& options = {});

// Claim 3: with every gadget's measuring lines reading as claims 1-2 proved
// (for ANY fit of its data), the point's label holds iff its equation holds.
ClaimResult certify_constraint_point(const gadgets::ConstraintPointKind& point,
                                     const CertifyOptions& options = {});

// Claim 4: for every X in the admitted range (X symbolic), the witness profile
// fits every data line, vanishes outside [0, 19] and uses at most the budget.
ClaimResult certify_witness(const gadgets::GadgetKind& kind, const CertifyOptions& options = {});

// G2 rigidity: every CPWL map R -> R^2 with at most `budget` breakpoints that
// fits every data line is exactly the profile φ_u on all of R (its k
// breakpoints and slope changes, nothing else, no affine part), u in range.
ClaimResult certify_rigidity(const GadgetDescription& gadget, const GadgetProfile& profile,
                             const CertifyOptions& options = {});

// G3 slot identification: Δ_a(u) = Δ_b(u') with u, u' in range implies a = b,
// and u = u' for every slot whose Δ depends on u.
ClaimResult certify_slots(const GadgetProfile& profile, const CertifyOptions& options = {});

// G4 vanishing: for every u in range ΣΔ = 0, ΣΔβ = 0 and
// 0 < β_1 < ... < β_k < 19, so φ_u = 0 outside [β_1, β_k] ⊂ (0, 19).
ClaimResult certify_vanishing(const GadgetProfile& profile, const CertifyOptions& options = {});

// All of the above for the registry's gadgets and points, in a fixed order;
// on_result is called as each claim finishes (for progress output).
std::vector<ClaimResult> certify_all(const CertifyOptions& options = {},
                                     const std::function<void(const ClaimResult&)>& on_result = {});

// One line: "proved   I.readings  types=...  12.3 ms  <statement>".
std::string format_result(const ClaimResult& result);
nlohmann::json to_json(const std::vector<ClaimResult>& results);

}  // namespace etr2nn::certify
