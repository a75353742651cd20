// Claim 3: a constraint point's label holds iff its equation holds.
//
// Claims 1-2 prove, for ANY fit of a gadget's data within its budget (every
// regime, not only the witness), that each measuring line reads
// constant + coefficient * s_p with parameters satisfying the gadget's forced
// relation. So the value at a point is the sum of those readings, and the
// claim reduces to a polynomial statement in the parameters:
//   (=>) relations ∧ ties ∧ label            ∧ ¬equation            unsat
//   (<=) relations ∧ ties ∧ equation ∧ L_aux ∧ ¬(label ∧ aux relations) unsat
// where auxiliary gadgets (D, carrying no variable) have their parameter fixed
// by one label equation L_aux in which it appears, so "<=" shows that some
// choice of the auxiliary gadget's slope makes the label hold.
#include <chrono>
#include <map>
#include <stdexcept>

#include "certify/detail/certify.hpp"
#include "certify/detail/certify_solver.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::certify {
namespace {

using Clock = std::chrono::steady_clock;

z3::expr numeral(z3::context& c, const mpq_class& q) {
  return c.real_val(q.get_str().c_str());
}

const gadgets::MeasuringLine& measuring_line(const gadgets::ConstraintLine& line) {
  for (const auto& m : line.kind->measuring_lines())
    if (m.position == line.position) return m;
  throw std::invalid_argument("gadget " + line.kind->name() +
                              " has no measuring line at t = " + line.position.get_str());
}

// The equation of a point kind over its variables' values.
z3::expr equation(const std::string& point, const std::map<std::string, z3::expr>& v) {
  z3::context& c = v.begin()->second.ctx();
  if (point == "copy") return v.at("A") == v.at("B");
  if (point == "add") return v.at("X") + v.at("Y") == v.at("Z");
  if (point == "inv") return v.at("X") * v.at("Y") == c.real_val(1);
  if (point == "one") return v.at("X") == c.real_val(1);
  throw std::invalid_argument("no equation known for constraint point " + point);
}

z3::check_result check_nra(z3::context& c, const z3::expr& formula, unsigned timeout_ms,
                           std::optional<z3::model>* model) {
  SolverAnswer answer = check_within(c, "QF_NRA", formula, timeout_ms);
  if (answer.model) *model = answer.model;
  return answer.result;
}

std::string model_text(const z3::model& m) {
  std::string out;
  for (unsigned i = 0; i < m.size(); ++i) {
    z3::func_decl d = m[i];
    if (d.arity() != 0) continue;
    z3::expr v = m.get_const_interp(d);
    out += (out.empty() ? "" : ", ") + d.name().str() + " = " +
           (v.is_numeral() ? numeric::from_z3(v).to_string() : v.to_string());
  }
  return out;
}

}  // namespace

ClaimResult certify_constraint_point(const gadgets::ConstraintPointKind& point,
                                     const CertifyOptions& options) {
  auto start = Clock::now();
  ClaimResult result;
  result.id = "point." + point.name;
  result.statement = "label (" + point.label.out1.get_str() + ", " + point.label.out2.get_str() +
                     ") <=> " + point.equation + " (X = s - 1 read by";
  for (const auto& l : point.lines)
    result.statement += " " + l.role + ":" + l.kind->name() + "@t=" + l.position.get_str();
  z3::context& c = numeric::z3_context();
  try {
    // The relations assumed are exactly those *.readings proves (D: s >= 3/2,
    // no upper bound), so the statement names them.
    std::map<std::string, std::string> relations;
    for (const auto& l : point.lines)
      relations.emplace(l.kind->name(), forced_relation(l.kind->name()).text);
    result.statement += "; any fit of each gadget, readings as *.readings proves them:";
    for (const auto& [name, text] : relations) result.statement += " " + name + ": " + text + ";";
    result.statement.back() = ')';
    z3::expr_vector hypotheses(c), aux_relations(c);
    std::map<std::string, z3::expr> variable;
    z3::expr sum1 = c.real_val(0), sum2 = c.real_val(0);
    std::vector<const z3::expr*> unused;
    std::vector<z3::expr> aux_parameters;
    for (const auto& line : point.lines) {
      std::vector<z3::expr> s;
      for (const auto& name : line.kind->parameters())
        s.push_back(c.real_const((line.role + "." + name).c_str()));
      z3::expr rel = forced_relation(line.kind->name()).holds(s);
      if (line.variable.empty()) {
        aux_relations.push_back(rel);
        for (const auto& e : s) aux_parameters.push_back(e);
      } else {
        hypotheses.push_back(rel);
        z3::expr x = s[0] - 1;  // s_0 = X + 1
        auto it = variable.find(line.variable);
        if (it == variable.end())
          variable.emplace(line.variable, x);
        else
          hypotheses.push_back(it->second == x);  // another copy of the same variable
      }
      const auto& m = measuring_line(line);
      sum1 = sum1 + numeral(c, m.out1.constant) +
             numeral(c, m.out1.coefficient) * s.at(m.out1.parameter);
      sum2 = sum2 + numeral(c, m.out2.constant) +
             numeral(c, m.out2.coefficient) * s.at(m.out2.parameter);
    }
    z3::expr label1 = sum1 == numeral(c, point.label.out1),
             label2 = sum2 == numeral(c, point.label.out2);
    z3::expr eq = equation(point.name, variable);
    z3::expr all_hyp = z3::mk_and(hypotheses);
    z3::expr aux_ok = z3::mk_and(aux_relations);

    // (=>)
    std::optional<z3::model> model;
    ++result.nonlinear_checks;
    z3::check_result r = check_nra(c, all_hyp && aux_ok && label1 && label2 && !eq,
                                   options.nonlinear_timeout_ms, &model);
    if (r != z3::unsat) {
      result.verdict = r == z3::sat ? ClaimVerdict::Refuted : ClaimVerdict::Unknown;
      result.detail = r == z3::sat
                          ? "label holds but " + point.equation + " fails at " + model_text(*model)
                          : "QF_NRA unknown (=>)";
    } else {
      // (<=): each auxiliary parameter is fixed by a label equation it appears in.
      z3::expr defining = c.bool_val(true), rest = label1 && label2;
      if (!aux_parameters.empty()) {
        if (aux_parameters.size() > 1)
          throw std::invalid_argument("more than one auxiliary parameter");
        const z3::expr& a = aux_parameters[0];
        // The coefficient of a in a (linear) label sum: sum[a := 1] - sum[a := 0].
        auto uses = [&](z3::expr sum) {
          z3::expr_vector from(c), one(c), zero(c);
          from.push_back(a);
          one.push_back(c.real_val(1));
          zero.push_back(c.real_val(0));
          z3::expr coefficient =
              (sum.substitute(from, one) - sum.substitute(from, zero)).simplify();
          return !coefficient.is_numeral() || numeric::from_z3(coefficient).sign() != 0;
        };
        if (uses(sum1)) {
          defining = label1;
          rest = label2;
        } else if (uses(sum2)) {
          defining = label2;
          rest = label1;
        } else {
          throw std::invalid_argument("the auxiliary gadget's slope enters no label equation");
        }
      }
      ++result.nonlinear_checks;
      r = check_nra(c, all_hyp && eq && defining && !(rest && aux_ok), options.nonlinear_timeout_ms,
                    &model);
      if (r == z3::unsat) {
        result.verdict = ClaimVerdict::Proved;
      } else {
        result.verdict = r == z3::sat ? ClaimVerdict::Refuted : ClaimVerdict::Unknown;
        result.detail = r == z3::sat
                            ? point.equation + " holds but the label fails at " + model_text(*model)
                            : "QF_NRA unknown (<=)";
      }
    }
  } catch (const std::exception& e) {
    result.verdict = ClaimVerdict::Unknown;
    result.detail = std::string("malformed constraint point: ") + e.what();
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace etr2nn::certify
