// The statements the certifier proves about one gadget kind, as data.
//
// A GadgetDescription is everything a claim depends on (data lines, budget,
// measuring lines and their readings); it is a plain value, so tests can
// mutate it (drop a data line, change a label, lower the budget, swap a
// measuring line) and check that the certifier then fails.
#pragma once

#include <z3++.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "certify/detail/cpwl_type_enumeration.hpp"
#include "gadgets/cpwl.hpp"
#include "gadgets/gadget_kind.hpp"
#include "gadgets/symbolic_witness.hpp"

namespace etr2nn::certify {

struct GadgetDescription {
  std::string name;
  std::vector<gadgets::DataLine> data;
  unsigned budget = 0;
  std::vector<gadgets::MeasuringLine> measuring;
  std::vector<std::string> parameters;
  // A witness profile (the kind's, at X = 1): shows a fit within budget exists.
  std::optional<gadgets::Cpwl> sample_witness;
};

GadgetDescription describe(const gadgets::GadgetKind& kind);

// What the data force on the slope parameters, for every fit.
struct ParameterRelation {
  std::string text;
  std::function<z3::expr(const std::vector<z3::expr>& s)> holds;
};
// I: s1·s2 = s1 + s2 and s1, s2 in [3/2, 3].   D: s >= 3/2.
// (D's reading s = 3 − y(3) never exceeds 3 — a steeper fit reads as s = 3,
// docs/gadgets.md "D: slope versus reading" — but nothing needs that bound:
// at inv and one the point itself ties s_D to an I reading.)
// Throws std::invalid_argument for another name.
ParameterRelation forced_relation(const std::string& gadget_name);

// The profile φ_u every fit of a gadget within its budget is claimed to be
// (rigidity), as formulas in one parameter: breakpoint β_a(u) with slope
// change Δ_a(u), slots a = 1..k in increasing β. A plain value, so tests can
// hand in a wrong formula and see the claims fail.
struct GadgetProfile {
  std::string gadget;     // "I", "D"
  std::string parameter;  // "u" (I), "s" (D)
  mpq_class lower;
  std::optional<mpq_class> upper;  // none: unbounded above
  std::string text;                // the slots, e.g. "4-u: (3/u, 0), ..."
  std::function<std::vector<gadgets::SymbolicBreakpoint>(const z3::expr& parameter)> slots;
  // How a fit's parameter is read off its breakpoints (left to right), e.g.
  // u = 4 − β_1; only used to state the claim without a quantifier.
  std::string recovery;
  std::function<z3::expr(const std::vector<gadgets::SymbolicBreakpoint>& fit)> parameter_of;
};
// I: u in [1, 2]: 4−u (3/u, 0), 4+u (−3/u, 3/(3−u)), 10−u (0, −3/(3−u)),
//    11 (−1, −1), 17 (1, 1); u = 4 − β_1.
// D: s >= 3/2: 4−3/s (s, s), 4+3/s (−s, −s), 11 (−1, −1), 17 (1, 1); s = δ_1.
// Throws std::invalid_argument for another name.
GadgetProfile rigid_profile(const std::string& gadget_name);
// lower <= value (<= upper).
z3::expr in_range(const GadgetProfile& profile, const z3::expr& value);
std::string range_text(const GadgetProfile& profile);  // "u in [1, 2]", "s >= 3/2"

// The parameters as read by the measuring lines: s_p is defined by the first
// measuring line (in the order given) whose reading on some output uses p with
// a nonzero coefficient: s_p = (value - constant) / coefficient. Throws
// std::invalid_argument when a parameter is read nowhere.
std::vector<z3::expr> parameters_read(const GadgetDescription& gadget, const PositionTable& table,
                                      const std::vector<z3::expr>& out1,
                                      const std::vector<z3::expr>& out2);

// "Every measuring line reads as described, and the relation holds", for the
// values at the table's positions.
z3::expr readings_hold(const GadgetDescription& gadget, const ParameterRelation& relation,
                       const PositionTable& table, const std::vector<z3::expr>& out1,
                       const std::vector<z3::expr>& out2);

// One line of text: "t=3: 3 - s1 | 0; t=5: ...".
std::string describe_readings(const GadgetDescription& gadget);

}  // namespace etr2nn::certify
