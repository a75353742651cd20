#include "certify/detail/gadget_claims.hpp"

#include <stdexcept>

namespace etr2nn::certify {
namespace {

z3::expr numeral(z3::context& c, const mpq_class& q) {
  return c.real_val(q.get_str().c_str());
}

std::size_t index_of(const PositionTable& table, const mpq_class& position) {
  for (std::size_t j = 0; j < table.positions.size(); ++j)
    if (table.positions[j] == position) return j;
  throw std::invalid_argument("no position " + position.get_str() + " in the table");
}

std::string reading_text(const gadgets::Reading& r, const std::vector<std::string>& names) {
  if (r.coefficient == 0) return r.constant.get_str();
  std::string s = r.constant == 0 ? "" : r.constant.get_str() + (r.coefficient > 0 ? " + " : " - ");
  if (r.constant == 0 && r.coefficient < 0) s += "-";
  mpq_class a = abs(r.coefficient);
  if (a != 1) s += a.get_str() + "*";
  return s + (r.parameter < names.size() ? names[r.parameter] : "s?");
}

}  // namespace

GadgetDescription describe(const gadgets::GadgetKind& kind) {
  GadgetDescription d;
  d.name = kind.name();
  d.data = kind.data_lines();
  d.budget = kind.breakpoint_budget();
  d.measuring = kind.measuring_lines();
  d.parameters = kind.parameters();
  d.sample_witness = gadgets::Cpwl(kind.witness(numeric::Real(1)));
  return d;
}

ParameterRelation forced_relation(const std::string& gadget_name) {
  auto in_range = [](const z3::expr& s) {
    z3::context& c = s.ctx();
    return c.real_val(3) <= 2 * s && s <= c.real_val(3);
  };
  if (gadget_name == "I")
    return {"s1*s2 = s1 + s2, s1 and s2 in [3/2, 3]", [in_range](const std::vector<z3::expr>& s) {
              return s.at(0) * s.at(1) == s.at(0) + s.at(1) && in_range(s.at(0)) &&
                     in_range(s.at(1));
            }};
  if (gadget_name == "D")
    return {"s >= 3/2", [](const std::vector<z3::expr>& s) {
              return s.at(0).ctx().real_val(3) <= 2 * s.at(0);
            }};
  throw std::invalid_argument("no forced relation known for gadget " + gadget_name);
}

GadgetProfile rigid_profile(const std::string& gadget_name) {
  using gadgets::SymbolicBreakpoint;
  if (gadget_name == "I")
    return {"I",
            "u",
            1,
            mpq_class(2),
            "4-u: (3/u, 0), 4+u: (-3/u, 3/(3-u)), 10-u: (0, -3/(3-u)), 11: (-1, -1), "
            "17: (1, 1)",
            [](const z3::expr& u) {
              z3::context& c = u.ctx();
              z3::expr s1 = 3 / u, s2 = 3 / (3 - u), zero = c.real_val(0), one = c.real_val(1);
              return std::vector<SymbolicBreakpoint>{{4 - u, s1, zero},
                                                     {4 + u, -s1, s2},
                                                     {10 - u, zero, -s2},
                                                     {c.real_val(11), -one, -one},
                                                     {c.real_val(17), one, one}};
            },
            "u = 4 - beta_1",
            [](const std::vector<SymbolicBreakpoint>& fit) { return 4 - fit.at(0).beta; }};
  if (gadget_name == "D")
    return {"D",
            "s",
            mpq_class(3, 2),
            std::nullopt,
            "4-3/s: (s, s), 4+3/s: (-s, -s), 11: (-1, -1), 17: (1, 1)",
            [](const z3::expr& s) {
              z3::context& c = s.ctx();
              z3::expr w = 3 / s, one = c.real_val(1);
              return std::vector<SymbolicBreakpoint>{{4 - w, s, s},
                                                     {4 + w, -s, -s},
                                                     {c.real_val(11), -one, -one},
                                                     {c.real_val(17), one, one}};
            },
            "s = delta1_1",
            [](const std::vector<SymbolicBreakpoint>& fit) { return fit.at(0).delta1; }};
  throw std::invalid_argument("no rigid profile known for gadget " + gadget_name);
}

z3::expr in_range(const GadgetProfile& profile, const z3::expr& value) {
  z3::context& c = value.ctx();
  z3::expr ok = numeral(c, profile.lower) <= value;
  if (profile.upper) ok = ok && value <= numeral(c, *profile.upper);
  return ok;
}

std::string range_text(const GadgetProfile& profile) {
  if (profile.upper)
    return profile.parameter + " in [" + profile.lower.get_str() + ", " + profile.upper->get_str() +
           "]";
  return profile.parameter + " >= " + profile.lower.get_str() + " (unbounded above)";
}

std::vector<z3::expr> parameters_read(const GadgetDescription& gadget, const PositionTable& table,
                                      const std::vector<z3::expr>& out1,
                                      const std::vector<z3::expr>& out2) {
  std::vector<z3::expr> s;
  for (unsigned p = 0; p < gadget.parameters.size(); ++p) {
    std::optional<z3::expr> found;
    for (const auto& m : gadget.measuring) {
      std::size_t j = index_of(table, m.position);
      for (auto [reading, value] : {std::pair{&m.out1, &out1[j]}, std::pair{&m.out2, &out2[j]}}) {
        if (found || reading->parameter != p || reading->coefficient == 0) continue;
        z3::context& c = value->ctx();
        found = (*value - numeral(c, reading->constant)) / numeral(c, reading->coefficient);
      }
    }
    if (!found)
      throw std::invalid_argument("parameter " + gadget.parameters[p] +
                                  " is read by no measuring line");
    s.push_back(*found);
  }
  return s;
}

z3::expr readings_hold(const GadgetDescription& gadget, const ParameterRelation& relation,
                       const PositionTable& table, const std::vector<z3::expr>& out1,
                       const std::vector<z3::expr>& out2) {
  std::vector<z3::expr> s = parameters_read(gadget, table, out1, out2);
  z3::context& c = out1.at(0).ctx();
  z3::expr all = relation.holds(s);
  for (const auto& m : gadget.measuring) {
    std::size_t j = index_of(table, m.position);
    for (auto [reading, value] : {std::pair{&m.out1, &out1[j]}, std::pair{&m.out2, &out2[j]}}) {
      if (reading->coefficient != 0 && reading->parameter >= s.size())
        throw std::invalid_argument("reading uses an unknown parameter");
      z3::expr expected = numeral(c, reading->constant);
      if (reading->coefficient != 0)
        expected = expected + numeral(c, reading->coefficient) * s[reading->parameter];
      all = all && (*value == expected);
    }
  }
  return all;
}

std::string describe_readings(const GadgetDescription& gadget) {
  std::string out;
  for (const auto& m : gadget.measuring) {
    if (!out.empty()) out += "; ";
    out += "t=" + m.position.get_str() + ": (" + reading_text(m.out1, gadget.parameters) + ", " +
           reading_text(m.out2, gadget.parameters) + ")";
  }
  return out;
}

}  // namespace etr2nn::certify
