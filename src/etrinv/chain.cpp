#include "etrinv/detail/chain.hpp"

#include <stdexcept>

#include "diagnostic/diagnostic.hpp"
#include "etr/etr.hpp"
#include "etrinv/detail/bound_exponent.hpp"
#include "etrinv/detail/chain_trace.hpp"
#include "etrinv/detail/gates.hpp"
#include "etrinv/detail/terms.hpp"
#include "numeric/work_limit.hpp"

namespace etr2nn::etrinv {
namespace {

using numeric::Real;

ChainResult pass_through(Instance instance) {
  ChainResult r;
  r.passed_through = true;
  r.sizes.push_back(
      {"input (ETR-INV already)", instance.variables.size(), instance.constraints.size()});
  for (VariableIndex i = 0; i < instance.variables.size(); ++i) {
    r.carrier[instance.variables[i]] = i;
    r.variable_provenance.push_back("input variable " + instance.variables[i]);
  }
  for (std::size_t k = 0; k < instance.constraints.size(); ++k)
    r.provenance.push_back("input constraint " + std::to_string(k + 1) + ": " +
                           describe(instance, instance.constraints[k]));
  r.instance = std::move(instance);
  return r;
}

// Step A: the bounds and the matrix as one ETR-AMI instance.
ami::Instance build_ami(const etr::Sentence& sentence, std::size_t& atoms) {
  ami::Builder builder;
  std::map<std::string, ami::Var> inputs;
  for (const auto& b : sentence.variables) {
    builder.set_context("input variable " + b.name, ami::Pass::Terms);
    if (!inputs.emplace(b.name, builder.input(b.name)).second)
      throw Diagnostic(errors::bound_twice, b.where, "variable '" + b.name + "' is bound twice");
  }
  TermFlattener terms(builder, inputs);
  GateBuilder gates(builder, terms);
  // The matrix first, so that atoms are numbered as the user wrote them.
  if (sentence.matrix) gates.assert_true(*sentence.matrix, "formula");
  // Bounds are atoms lo <= x and x <= hi, asserted like any other conjunct.
  // They stay alive until the end: the passes memoise nodes by address.
  std::vector<etr::FormulaPtr> bounds;
  for (const auto& b : sentence.variables) {
    if (!b.bound) continue;
    auto x = etr::variable(b.name);
    bounds.push_back(etr::atom(etr::constant(b.bound->lower), etr::Relation::LessEqual, x));
    gates.assert_true(*bounds.back(), "bound of " + b.name);
    bounds.push_back(etr::atom(x, etr::Relation::LessEqual, etr::constant(b.bound->upper)));
    gates.assert_true(*bounds.back(), "bound of " + b.name);
  }
  atoms = gates.atoms();
  return builder.take();
}

std::string gadget_name(ami::Constraint::Kind kind) {
  switch (kind) {
    case ami::Constraint::Kind::One: return "EQ(X, E)";
    case ami::Constraint::Kind::Add: return "ADD1";
    case ami::Constraint::Kind::Mul: return "MUL";
  }
  return "?";
}

}  // namespace

ChainResult normalize(const etr::Sentence& sentence, const ChainOptions& options) {
  if (options.allow_pass_through)
    if (auto inv = as_etr_inv(sentence)) return pass_through(std::move(*inv));

  auto trace = std::make_shared<ChainResult::Trace>();
  std::size_t atoms = 0;
  trace->ami = build_ami(sentence, atoms);
  const ami::Instance& a = trace->ami;

  ChainResult r;
  r.ami = {a.names.size(), a.count(ami::Constraint::Kind::One), a.count(ami::Constraint::Kind::Add),
           a.count(ami::Constraint::Kind::Mul)};
  r.sizes.push_back({"input", sentence.variables.size(), atoms});
  for (ami::Pass pass : {ami::Pass::Terms, ami::Pass::Residuals, ami::Pass::Gates}) {
    PassSize s{ami::to_string(pass), 0, 0};
    for (auto p : a.variable_pass) s.variables += p == pass;
    for (auto p : a.constraint_pass) s.constraints += p == pass;
    r.sizes.push_back(s);
  }
  r.sizes.push_back({"A  ETR-AMI total", a.names.size(), a.constraints.size()});

  // Step B.
  r.safe_bound_exponent = safe_bound_exponent(a.names.size(), a.text_length());
  if (options.bound_exponent) {
    r.bound_exponent = *options.bound_exponent;
  } else if (options.witness) {
    if (!etr::satisfies(sentence, *options.witness))
      throw Diagnostic(errors::not_a_solution, "the witness does not satisfy the sentence");
    r.bound_exponent = witness_bound_exponent(ami::evaluate(a, *options.witness));
  } else {
    r.bound_exponent = r.safe_bound_exponent;
  }
  r.complete_for_all_solutions = r.bound_exponent >= r.safe_bound_exponent;
  if (const ChainSize size =
          predicted_chain_size(r.bound_exponent, r.ami.variables, r.ami.one, r.ami.add, r.ami.mul);
      size.constraints > options.max_constraints)
    throw Diagnostic(errors::limit,
                     "the ETR-INV instance would have " + std::to_string(size.constraints) +
                         " constraints (K = " + std::to_string(r.bound_exponent) +
                         ", safe K = " + std::to_string(r.safe_bound_exponent) + ", " +
                         std::to_string(r.ami.variables) + " ETR-AMI variables), above the limit " +
                         std::to_string(options.max_constraints) +
                         " (--max-constraints, or a smaller --bound-exponent; docs/limits.md)");

  // Steps C and D.
  GadgetBuilder g;
  std::size_t n0 = g.instance().variables.size(), m0 = g.instance().constraints.size();
  r.sizes.push_back({"D0 constants", n0, m0});
  g.set_provenance("eps chain");
  trace->epsilon = g.eps_chain(r.bound_exponent);
  std::size_t n1 = g.instance().variables.size(), m1 = g.instance().constraints.size();
  r.sizes.push_back(
      {"D4 eps chain (K = " + std::to_string(r.bound_exponent) + ")", n1 - n0, m1 - m0});
  std::vector<VariableIndex> carrier(a.names.size());
  for (ami::Var v = 0; v < a.names.size(); ++v) {
    bool is_input = a.definitions[v].kind == ami::Definition::Kind::Input;
    g.set_provenance("carrier of " + (is_input ? "input variable " + a.names[v]
                                               : "AMI variable " + std::to_string(v) + " (" +
                                                     a.variable_provenance[v] + ")"));
    carrier[v] = g.carrier(is_input ? "X_" + a.names[v] : "A" + std::to_string(v), v);
    if (is_input) r.carrier[a.names[v]] = carrier[v];
  }
  std::size_t n2 = g.instance().variables.size();
  r.sizes.push_back({"D6 carriers X = 1 + eps x", n2 - n1, 0});
  for (std::size_t k = 0; k < a.constraints.size(); ++k) {
    const auto& c = a.constraints[k];
    const auto& x = c.vars;
    g.set_provenance(gadget_name(c.kind) + " <- " + a.provenance[k]);
    switch (c.kind) {
      case ami::Constraint::Kind::One: g.eq(carrier[x[0]], trace->epsilon); break;
      case ami::Constraint::Kind::Add: g.add1(carrier[x[0]], carrier[x[1]], carrier[x[2]]); break;
      case ami::Constraint::Kind::Mul:
        g.mul(carrier[x[0]], carrier[x[1]], trace->epsilon, carrier[x[2]]);
        break;
    }
  }
  r.sizes.push_back({"D6 gadgets (EQ, ADD1, MUL)", g.instance().variables.size() - n2,
                     g.instance().constraints.size() - m1});
  auto out = g.take();
  r.sizes.push_back(
      {"D  ETR-INV total", out.instance.variables.size(), out.instance.constraints.size()});
  r.instance = std::move(out.instance);
  r.provenance = std::move(out.provenance);
  r.variable_provenance = std::move(out.variable_provenance);
  trace->definitions = std::move(out.definitions);
  r.trace = std::move(trace);
  return r;
}

Assignment forward(const ChainResult& chain, const etr::Sentence& sentence,
                   const std::map<std::string, Real>& input_solution) {
  if (!etr::satisfies(sentence, input_solution))
    throw Diagnostic(errors::not_a_solution, "the input values do not satisfy the sentence");
  Assignment values;
  if (chain.passed_through) {
    for (const auto& name : chain.instance.variables) values.push_back(input_solution.at(name));
  } else {
    const auto& t = *chain.trace;
    auto ami_values = ami::evaluate(t.ami, input_solution);
    if (auto k = ami::first_violation(t.ami, ami_values))
      throw std::logic_error("ETR-AMI constraint " + std::to_string(*k) + " (" +
                             t.ami.provenance[*k] + ") fails at the canonical slack");
    if (chain.bound_exponent > max_witness_bound_exponent)
      throw Diagnostic(errors::limit,
                       "K = " + std::to_string(chain.bound_exponent) +
                           ": an explicit witness would hold numbers of 2^(K+1) bits; use "
                           "witness mode or a smaller --bound-exponent");
    // eps = 2^(-2^(K+1)) and X = 1 + eps x (step C).
    mpq_class eps(1, mpz_class(1) << (1UL << (chain.bound_exponent + 1)));
    Real e(eps);
    values = evaluate(t.definitions, [&](std::size_t v) { return Real(1) + e * ami_values[v]; });
  }
  if (auto bad = first_violation(chain.instance, values)) {
    if (bad->out_of_range_variable) {
      auto i = *bad->out_of_range_variable;
      throw std::logic_error(
          "ETR-INV variable " + chain.instance.variables[i] + " = " + values[i].to_string() +
          " lies outside [1/2, 2] (" + chain.variable_provenance[i] +
          "); K = " + std::to_string(chain.bound_exponent) + " is too small for this solution");
    }
    auto k = *bad->constraint;
    throw std::logic_error("ETR-INV constraint " +
                           describe(chain.instance, chain.instance.constraints[k]) + " fails (" +
                           chain.provenance[k] + ")");
  }
  return values;
}

std::map<std::string, Real> backward(const ChainResult& chain, const Assignment& solution) {
  if (solution.size() != chain.instance.variables.size())
    throw Diagnostic(errors::assignment_mismatch,
                     "backward: the assignment has the wrong number of values");
  return backward(chain.carrier,
                  chain.passed_through ? std::nullopt : std::optional(chain.trace->epsilon),
                  solution);
}

std::map<std::string, Real> backward(const std::map<std::string, VariableIndex>& carrier,
                                     std::optional<VariableIndex> epsilon,
                                     const Assignment& solution) {
  std::map<std::string, Real> x;
  if (!epsilon) {
    for (const auto& [name, i] : carrier) x[name] = solution.at(i);
    return x;
  }
  // Read eps off the solution: it would take 2^(K+1) bits to write down from
  // K alone.
  const Real eps = solution.at(*epsilon) - Real(1);
  if (eps.sign() == 0) throw std::domain_error("E = 1, so eps = 0: there is no scale to undo");
  for (const auto& [name, i] : carrier) x[name] = (solution.at(i) - Real(1)) / eps;
  return x;
}

VariableIndex epsilon_variable(const ChainResult& chain) {
  if (chain.passed_through) throw std::logic_error("epsilon_variable: the input passed through");
  return chain.trace->epsilon;
}

}  // namespace etr2nn::etrinv
