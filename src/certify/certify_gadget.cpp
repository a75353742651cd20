// Claims 1-2: what every fit of a gadget's data reads, and that its budget is tight.
#include <chrono>
#include <cstdio>
#include <functional>
#include <sstream>

#include "certify/detail/certify.hpp"
#include "certify/detail/certify_solver.hpp"
#include "certify/detail/counterexample.hpp"
#include "certify/detail/cpwl_type_encoding.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"
#include "terminal/stopwatch.hpp"

namespace etr2nn::certify {
namespace {

using Clock = std::chrono::steady_clock;

z3::check_result check(z3::context& c, const char* logic, const z3::expr_vector& parts,
                       unsigned timeout_ms, std::optional<z3::model>* model = nullptr) {
  SolverAnswer answer = check_within(c, logic, parts, timeout_ms);
  if (answer.model && model) *model = answer.model;
  return answer.result;
}

std::string text(const numeric::Real& r) {
  if (r.is_rational() && r.rational().get_str().size() <= 12) return r.rational().get_str();
  char buf[40];
  std::snprintf(buf, sizeof buf, "~%.6g", r.to_double());  // display only; the value is exact
  return buf;
}

// The counterexample as a map: its breakpoints and its values on the
// measuring lines.
std::string describe_map(const PositionTable& table, const gadgets::Cpwl& f) {
  std::ostringstream out;
  out << "f =";
  for (const auto& b : f.breakpoints())
    out << " [t=" << text(b.beta) << ": slope change (" << text(b.delta1) << ", " << text(b.delta2)
        << ")]";
  out << "; reads";
  for (std::size_t j = 0; j < table.positions.size(); ++j) {
    if (table.label[j]) continue;
    auto v = f(numeric::Real(table.positions[j]));
    out << " t=" << table.positions[j].get_str() << ":(" << text(v.out1) << ", " << text(v.out2)
        << ")";
  }
  return out.str();
}

// Rebuilds the map a model describes and checks it exactly: it must fit the
// data within `budget` breakpoints, and (when given) violate `claim` at its
// values. Returns the refutation text, or nullopt when the model does not
// check out (then the answer is not trusted).
std::optional<std::string> confirmed_counterexample(
    const GadgetDescription& gadget, const PositionTable& table, const CpwlType& type,
    const TypeEncoding& enc, const z3::model& model, unsigned budget, unsigned timeout_ms,
    const std::function<z3::expr(const std::vector<z3::expr>&, const std::vector<z3::expr>&)>&
        claim) {
  gadgets::Cpwl f = realise(table, type, enc, model);
  if (!f.fits(gadget.data) || f.kink_count() > budget) return std::nullopt;
  if (claim) {
    std::vector<z3::expr> out1, out2;
    for (const auto& t : table.positions) {
      auto v = f(numeric::Real(t));
      out1.push_back(numeric::to_z3(v.out1));
      out2.push_back(numeric::to_z3(v.out2));
    }
    if (check_within(numeric::z3_context(), "QF_NRA", claim(out1, out2), timeout_ms).result !=
        z3::unsat)
      return std::nullopt;  // the claim holds at these exact values (or z3 cannot tell)
  }
  return "counterexample (checked exactly; breakpoints [" + type.describe(table.positions) +
         "]): " + describe_map(table, f);
}

z3::expr_vector conjunction(z3::context& c, std::initializer_list<const z3::expr_vector*> parts,
                            std::initializer_list<z3::expr> extra = {}) {
  z3::expr_vector all(c);
  for (const auto* v : parts)
    for (unsigned i = 0; i < v->size(); ++i) all.push_back((*v)[i]);
  for (const auto& e : extra) all.push_back(e);
  return all;
}

// Runs `decide` on every type of the gadget with at most `budget` breakpoints;
// stops at the first type that is not proved.
template <class Decide>
void for_each_type(const PositionTable& table, unsigned budget, ClaimResult& result,
                   Decide decide) {
  bool stop = false;
  EnumerationStats stats = enumerate_types(table, budget, [&](const CpwlType& type) {
    if (stop) return;
    ++result.types;
    stop = !decide(type);
  });
  result.types_pruned = stats.pruned;
}

}  // namespace

ClaimResult certify_readings(const GadgetDescription& gadget, const ParameterRelation& relation,
                             const CertifyOptions& options) {
  auto start = Clock::now();
  ClaimResult result;
  result.id = gadget.name + ".readings";
  result.statement = "every CPWL map R->R^2 with <= " + std::to_string(gadget.budget) +
                     " shared breakpoints through the " + std::to_string(gadget.data.size()) +
                     " data lines reads " + describe_readings(gadget) + " with " + relation.text;
  result.verdict = ClaimVerdict::Proved;
  z3::context& c = numeric::z3_context();
  try {
    PositionTable table = position_table(gadget.data, gadget.measuring);
    for_each_type(table, gadget.budget, result, [&](const CpwlType& type) {
      TypeEncoding enc = encode_type(c, table, type);
      ++result.linear_checks;
      z3::check_result fit = check(c, "QF_LRA", enc.linear, options.linear_timeout_ms);
      if (fit == z3::unsat) return true;  // no fit of this type at all (even without sharing)
      if (fit == z3::unknown) {
        result.verdict = ClaimVerdict::Unknown;
        result.detail = "QF_LRA unknown on type [" + type.describe(table.positions) + "]";
        return false;
      }
      z3::expr negation = !readings_hold(gadget, relation, table, enc.out1, enc.out2);
      ++result.nonlinear_checks;
      std::optional<z3::model> model;
      z3::check_result r =
          check(c, "QF_NRA", conjunction(c, {&enc.linear, &enc.sharing}, {negation}),
                options.nonlinear_timeout_ms, &model);
      if (r == z3::unsat) return true;
      if (r == z3::sat) {
        auto claim = [&](const std::vector<z3::expr>& o1, const std::vector<z3::expr>& o2) {
          return readings_hold(gadget, relation, table, o1, o2);
        };
        auto text = confirmed_counterexample(gadget, table, type, enc, *model, gadget.budget,
                                             options.nonlinear_timeout_ms, claim);
        result.verdict = text ? ClaimVerdict::Refuted : ClaimVerdict::Unknown;
        result.detail = text ? *text
                             : "z3 model on type [" + type.describe(table.positions) +
                                   "] failed the exact check: answer not trusted";
      } else {
        result.verdict = ClaimVerdict::Unknown;
        result.detail =
            "QF_NRA unknown (timeout?) on type [" + type.describe(table.positions) + "]";
      }
      return false;
    });
  } catch (const std::exception& e) {
    result.verdict = ClaimVerdict::Unknown;
    result.detail = std::string("malformed gadget description: ") + e.what();
  }
  result.seconds = terminal::seconds_since(start);
  return result;
}

ClaimResult certify_budget(const GadgetDescription& gadget, const CertifyOptions& options) {
  auto start = Clock::now();
  ClaimResult result;
  result.id = gadget.name + ".budget";
  result.statement = "no CPWL map R->R^2 with <= " + std::to_string(gadget.budget - 1) +
                     " shared breakpoints fits the data; the witness at X = 1 fits with <= " +
                     std::to_string(gadget.budget);
  result.verdict = ClaimVerdict::Proved;
  z3::context& c = numeric::z3_context();
  try {
    PositionTable table = position_table(gadget.data, gadget.measuring);
    if (gadget.budget > 0) {
      for_each_type(table, gadget.budget - 1, result, [&](const CpwlType& type) {
        TypeEncoding enc = encode_type(c, table, type);
        ++result.linear_checks;
        z3::check_result fit = check(c, "QF_LRA", enc.linear, options.linear_timeout_ms);
        if (fit == z3::unsat) return true;
        ++result.nonlinear_checks;
        std::optional<z3::model> model;
        z3::check_result r = check(c, "QF_NRA", conjunction(c, {&enc.linear, &enc.sharing}),
                                   options.nonlinear_timeout_ms, &model);
        if (r == z3::unsat) return true;
        result.verdict = ClaimVerdict::Unknown;
        result.detail = "QF_NRA unknown on type [" + type.describe(table.positions) + "]";
        if (r == z3::sat) {
          auto text = confirmed_counterexample(gadget, table, type, enc, *model, gadget.budget - 1,
                                               options.nonlinear_timeout_ms, {});
          if (text) result.verdict = ClaimVerdict::Refuted;
          result.detail = text ? "a fit with fewer breakpoints: " + *text
                               : "z3 model on type [" + type.describe(table.positions) +
                                     "] failed the exact check: answer not trusted";
        }
        return false;
      });
    }
    if (result.proved()) {
      if (!gadget.sample_witness) {
        result.verdict = ClaimVerdict::Unknown;
        result.detail = "no witness given: cannot show a fit within budget exists";
      } else if (const auto* miss = gadget.sample_witness->first_miss(gadget.data)) {
        result.verdict = ClaimVerdict::Refuted;
        result.detail = "the witness misses the data line t = " + miss->position.get_str();
      } else if (gadget.sample_witness->kink_count() > gadget.budget) {
        result.verdict = ClaimVerdict::Refuted;
        result.detail = "the witness needs " + std::to_string(gadget.sample_witness->kink_count()) +
                        " breakpoints, over the budget";
      }
    }
  } catch (const std::exception& e) {
    result.verdict = ClaimVerdict::Unknown;
    result.detail = std::string("malformed gadget description: ") + e.what();
  }
  result.seconds = terminal::seconds_since(start);
  return result;
}

}  // namespace etr2nn::certify
