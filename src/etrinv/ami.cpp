#include "etrinv/detail/ami.hpp"

#include <stdexcept>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::etrinv::ami {

using numeric::Real;

const char* to_string(Pass pass) {
  switch (pass) {
    case Pass::Terms: return "A3 terms and constants";
    case Pass::Residuals: return "A1 residuals and slack";
    case Pass::Gates: return "A2 gates";
  }
  return "?";
}

std::size_t Instance::count(Constraint::Kind kind) const {
  std::size_t n = 0;
  for (const auto& c : constraints) n += c.kind == kind;
  return n;
}

std::size_t Instance::text_length() const {
  // "exists " names joined by ", " ": " atoms joined by " and ".
  std::size_t n = 7 + 2;
  for (std::size_t i = 0; i < names.size(); ++i) n += names[i].size() + (i ? 2 : 0);
  for (std::size_t k = 0; k < constraints.size(); ++k) {
    const auto& c = constraints[k];
    const auto& v = c.vars;
    if (k) n += 5;
    switch (c.kind) {
      case Constraint::Kind::One: n += names[v[0]].size() + 4; break;  // "x = 1"
      case Constraint::Kind::Add:
      case Constraint::Kind::Mul:  // "x + y = z", "x * y = z"
        n += names[v[0]].size() + names[v[1]].size() + names[v[2]].size() + 6;
        break;
    }
  }
  return n;
}

void Builder::set_context(std::string provenance, Pass pass) {
  // Every variable and constraint made for an atom copies this text: clipped,
  // a long atom costs linear memory, not quadratic (a 1 MB sum reached 20 GB).
  constexpr std::size_t kLongest = 160;
  if (provenance.size() > kLongest) {
    std::size_t cut = kLongest - 3;
    while (cut > 0 && (static_cast<unsigned char>(provenance[cut]) & 0xC0) == 0x80) --cut;
    provenance.resize(cut);
    provenance += "...";
  }
  context_ = std::move(provenance);
  pass_ = pass;
}

Var Builder::fresh(Definition definition, std::string name) {
  Var v = instance_.names.size();
  // Internal names never reach a file; only their length counts (L_A).
  if (name.empty()) name = "a" + std::to_string(v);
  instance_.names.push_back(std::move(name));
  instance_.definitions.push_back(std::move(definition));
  instance_.variable_provenance.push_back(context_);
  instance_.variable_pass.push_back(pass_);
  return v;
}

void Builder::emit(Constraint::Kind kind, Var x, Var y, Var z) {
  instance_.constraints.push_back({kind, {x, y, z}});
  instance_.provenance.push_back(context_);
  instance_.constraint_pass.push_back(pass_);
}

Var Builder::input(const std::string& name) {
  Definition d{Definition::Kind::Input, 0, 0, name};
  return fresh(std::move(d), name);
}

Var Builder::one() {
  if (!one_) {
    auto saved = context_;
    auto saved_pass = pass_;
    set_context("constant 1", Pass::Terms);
    one_ = fresh({Definition::Kind::One});
    emit(Constraint::Kind::One, *one_);
    set_context(saved, saved_pass);
  }
  return *one_;
}

Var Builder::zero() {
  if (!zero_) {
    auto saved = context_;
    auto saved_pass = pass_;
    set_context("constant 0", Pass::Terms);
    zero_ = fresh({Definition::Kind::Zero});
    emit(Constraint::Kind::Add, *zero_, *zero_, *zero_);
    set_context(saved, saved_pass);
  }
  return *zero_;
}

Var Builder::natural(const mpz_class& value) {
  // P_0 = ONE, P_{j+1} = P_j + P_j, and a running sum over the set bits.
  if (powers_of_two_.empty()) powers_of_two_.push_back(one());
  std::optional<Var> total;
  std::size_t bits = mpz_sizeinbase(value.get_mpz_t(), 2);
  for (std::size_t j = 0; j < bits; ++j) {
    if (!mpz_tstbit(value.get_mpz_t(), j)) continue;
    while (powers_of_two_.size() <= j)
      powers_of_two_.push_back(sum(powers_of_two_.back(), powers_of_two_.back()));
    total = total ? sum(*total, powers_of_two_[j]) : powers_of_two_[j];
  }
  return *total;
}

Var Builder::constant(const mpq_class& value) {
  if (value == 0) return zero();
  if (value == 1) return one();
  if (auto it = constants_.find(value); it != constants_.end()) return it->second;
  auto saved = context_;
  auto saved_pass = pass_;
  set_context("constant " + value.get_str(), Pass::Terms);
  Var v;
  if (value < 0) {
    v = negation(constant(-value));
  } else if (value.get_den() == 1) {
    v = natural(value.get_num());
  } else {
    // V * [q] = [p] forces V = p/q because [q] != 0.
    Var p = constant(mpq_class(value.get_num())), q = constant(mpq_class(value.get_den()));
    v = fresh({Definition::Kind::Quotient, p, q});
    emit(Constraint::Kind::Mul, v, q, p);
  }
  set_context(saved, saved_pass);
  constants_.emplace(value, v);
  return v;
}

Var Builder::sum(Var a, Var b) {
  Var s = fresh({Definition::Kind::Sum, a, b});
  emit(Constraint::Kind::Add, a, b, s);
  return s;
}

Var Builder::difference(Var a, Var b) {
  Var d = fresh({Definition::Kind::Difference, a, b});
  emit(Constraint::Kind::Add, d, b, a);
  return d;
}

Var Builder::negation(Var a) {
  Var z = zero();
  Var n = fresh({Definition::Kind::Difference, z, a});
  emit(Constraint::Kind::Add, n, a, z);
  return n;
}

Var Builder::product(Var a, Var b) {
  Var p = fresh({Definition::Kind::Product, a, b});
  emit(Constraint::Kind::Mul, a, b, p);
  return p;
}

Var Builder::slack(Definition::Kind kind, Var t) {
  return fresh({kind, t, 0});
}

void Builder::assert_zero(Var g) {
  emit(Constraint::Kind::Add, g, g, g);
}

std::vector<Real> evaluate(const Instance& instance, const std::map<std::string, Real>& inputs) {
  std::vector<Real> v;
  v.reserve(instance.definitions.size());
  for (const auto& d : instance.definitions) {
    using K = Definition::Kind;
    switch (d.kind) {
      case K::Input: {
        auto it = inputs.find(d.input);
        if (it == inputs.end())
          throw Diagnostic(errors::assignment_mismatch, "no value for variable " + d.input);
        v.push_back(it->second);
        break;
      }
      case K::One: v.emplace_back(1); break;
      case K::Zero: v.emplace_back(0); break;
      case K::Sum: v.push_back(v[d.a] + v[d.b]); break;
      case K::Difference: v.push_back(v[d.a] - v[d.b]); break;
      case K::Product: v.push_back(v[d.a] * v[d.b]); break;
      case K::Quotient: v.push_back(v[d.a] / v[d.b]); break;
      case K::SlackReciprocal: v.push_back(v[d.a].sign() != 0 ? Real(1) / v[d.a] : Real(0)); break;
      case K::SlackSqrt: v.push_back(v[d.a].sign() >= 0 ? Real::root(v[d.a], 2) : Real(0)); break;
      case K::SlackReciprocalSqrt:
        v.push_back(v[d.a].sign() > 0 ? Real(1) / Real::root(v[d.a], 2) : Real(0));
        break;
    }
  }
  return v;
}

std::optional<std::size_t> first_violation(const Instance& instance, const std::vector<Real>& v) {
  for (std::size_t k = 0; k < instance.constraints.size(); ++k) {
    const auto& c = instance.constraints[k];
    const auto& x = c.vars;
    bool ok = false;
    switch (c.kind) {
      case Constraint::Kind::One: ok = v[x[0]] == Real(1); break;
      case Constraint::Kind::Add: ok = v[x[0]] + v[x[1]] == v[x[2]]; break;
      case Constraint::Kind::Mul: ok = v[x[0]] * v[x[1]] == v[x[2]]; break;
    }
    if (!ok) return k;
  }
  return std::nullopt;
}

}  // namespace etr2nn::etrinv::ami
