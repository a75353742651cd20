// Claims 1-2: what every fit of a gadget's data reads, and that its budget is tight.
#include <chrono>
#include <sstream>

#include "numeric/real.hpp"
#include "smt/certify.hpp"
#include "smt/cpwl_type_encoding.hpp"

namespace etr2nn::smt {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

z3::check_result check(z3::context& c, const char* logic, const z3::expr_vector& parts,
                       unsigned timeout_ms, std::optional<z3::model>* model = nullptr) {
  z3::solver s(c, logic);
  if (timeout_ms) {
    z3::params p(c);
    p.set("timeout", timeout_ms);
    s.set(p);
  }
  for (unsigned i = 0; i < parts.size(); ++i) s.add(parts[i]);
  z3::check_result r = s.check();
  if (r == z3::sat && model) *model = s.get_model();
  return r;
}

std::string value_text(const z3::model& m, const z3::expr& e) {
  z3::expr v = m.eval(e, true);
  std::string exact = numeric::Real::from_z3(v).to_string();
  if (v.is_numeral() && exact.size() < 24) return exact;
  return v.is_numeral() ? v.get_decimal_string(8) + "…" : v.to_string();
}

// The counterexample: the type, and the values at every position.
std::string counterexample(const PositionTable& table, const CpwlType& type,
                           const TypeEncoding& enc, const z3::model& m) {
  std::ostringstream out;
  out << "counterexample with breakpoints [" << type.describe(table.positions) << "]: f(t) =";
  for (std::size_t j = 0; j < table.positions.size(); ++j) {
    if (table.label[j]) continue;  // data values are the labels
    out << " t=" << table.positions[j].get_str() << ":(" << value_text(m, enc.out1[j]) << ", "
        << value_text(m, enc.out2[j]) << ")";
  }
  return out.str();
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
      z3::check_result fit = check(c, "QF_LRA", enc.linear, 0);
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
        result.verdict = ClaimVerdict::Refuted;
        result.detail = counterexample(table, type, enc, *model);
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
  result.seconds = seconds_since(start);
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
        z3::check_result fit = check(c, "QF_LRA", enc.linear, 0);
        if (fit == z3::unsat) return true;
        ++result.nonlinear_checks;
        std::optional<z3::model> model;
        z3::check_result r = check(c, "QF_NRA", conjunction(c, {&enc.linear, &enc.sharing}),
                                   options.nonlinear_timeout_ms, &model);
        if (r == z3::unsat) return true;
        result.verdict = r == z3::sat ? ClaimVerdict::Refuted : ClaimVerdict::Unknown;
        result.detail =
            r == z3::sat
                ? "a fit with fewer breakpoints: " + counterexample(table, type, enc, *model)
                : "QF_NRA unknown on type [" + type.describe(table.positions) + "]";
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
  result.seconds = seconds_since(start);
  return result;
}

}  // namespace etr2nn::smt
