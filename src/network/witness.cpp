#include "network/detail/witness.hpp"

#include <sstream>

#include "network/detail/verify.hpp"

namespace etr2nn::network {
namespace {

void check_size(const etrinv::Instance& instance, const etrinv::Assignment& values) {
  if (values.size() != instance.variables.size())
    throw Diagnostic(errors::assignment_mismatch,
                     "the assignment has " + std::to_string(values.size()) + " values for " +
                         std::to_string(instance.variables.size()) + " variables");
}

}  // namespace

void check_assignment(const etrinv::Instance& instance, const etrinv::Assignment& values) {
  check_size(instance, values);
  auto violation = etrinv::first_violation(instance, values);
  if (!violation) return;
  if (violation->out_of_range_variable) {
    auto i = *violation->out_of_range_variable;
    throw Diagnostic(errors::not_a_solution, "variable " + instance.variables[i] + " = " +
                                                 exact_text(values[i]) + " is outside [1/2, 2]");
  }
  auto k = *violation->constraint;
  const auto& c = instance.constraints[k];
  std::string values_text;
  for (std::size_t j = 0; j < c.arity(); ++j) {
    auto v = c.vars[j];
    std::string item = instance.variables[v] + " = " + exact_text(values[v]);
    if (values_text.find(item) == std::string::npos)
      values_text += (values_text.empty() ? "" : ", ") + item;
  }
  throw Diagnostic(errors::not_a_solution, "constraint " + std::to_string(k + 1) + " (" +
                                               etrinv::describe(instance, c) +
                                               ") is violated: " + values_text);
}

namespace {

// Calls add(a, b, v) for each neuron of the witness profile, in order, until
// it returns false; checks each gadget's variable range first.
template <class Add>
void for_each_profile_neuron(const layout::Arrangement& arrangement,
                             const etrinv::Assignment& values, const Add& add) {
  const auto& instance = arrangement.instance;
  check_size(instance, values);
  for (const auto& g : arrangement.gadgets) {
    const Real& x = values.at(g.variable);
    auto [lo, hi] = g.kind->admitted_range();
    if (x < Real(lo) || x > Real(hi))
      throw Diagnostic(errors::not_a_solution, "variable " + instance.variables.at(g.variable) +
                                                   " = " + exact_text(x) + " is outside [1/2, 2]");
    const std::array<Real, 2> a = {Real(g.strip.normal.a), Real(g.strip.normal.b)};
    const Real offset(g.strip.offset);
    for (const auto& bp : g.kind->witness(x))
      if (!add(a, -(offset + bp.beta), std::array<Real, 2>{bp.delta1, bp.delta2})) return;
  }
}

}  // namespace

Network profile_network(const layout::Arrangement& arrangement, const etrinv::Assignment& values) {
  Network network;
  std::size_t m = 0;
  for (const auto& g : arrangement.gadgets) m += g.kind->breakpoint_budget();
  network.neurons.reserve(m);
  for_each_profile_neuron(arrangement, values,
                          [&](const std::array<Real, 2>& a, Real b, std::array<Real, 2> v) {
                            network.neurons.push_back({a, std::move(b), std::move(v)});
                            return true;
                          });
  return network;
}

Network build_witness(const layout::Arrangement& arrangement, const etrinv::Assignment& values) {
  check_assignment(arrangement.instance, values);
  return profile_network(arrangement, values);
}

std::optional<check::RationalNetwork> build_witness_rational(const layout::Arrangement& arrangement,
                                                             const etrinv::Assignment& values) {
  check_assignment(arrangement.instance, values);
  check::RationalNetwork network;
  network.c = {mpq_class(0), mpq_class(0)};  // as profile_network's c
  bool rational = true;
  check::RationalNetwork::Weights w;
  for_each_profile_neuron(
      arrangement, values,
      [&](const std::array<Real, 2>& a, const Real& b, const std::array<Real, 2>& v) {
        for (const Real* r : {&a[0], &a[1], &b, &v[0], &v[1]})
          if (!r->is_rational()) return rational = false;
        w = {a[0].rational(), a[1].rational(), b.rational(), v[0].rational(), v[1].rational()};
        network.push_back(w);
        return true;
      });
  if (!rational) return std::nullopt;
  return network;
}

namespace {

void throw_unless_fits(const VerifyReport& report) {
  if (report.ok()) return;
  std::ostringstream out;
  out << "internal error: the witness network does not fit the dataset (" << report.failures
      << " of " << report.points << " points";
  if (!report.within_budget())
    out << "; " << report.neurons << " neurons for a budget of " << report.allowed_neurons;
  out << ")";
  for (const auto& f : report.first_failures)
    out << "; point " << f.index << " residual (" << exact_text(f.residual[0]) << ", "
        << exact_text(f.residual[1]) << ")";
  throw Diagnostic(errors::internal, out.str());
}

}  // namespace

Network build_and_verify_witness(const layout::Arrangement& arrangement,
                                 const dataset::Dataset& dataset,
                                 const etrinv::Assignment& values) {
  Network network = build_witness(arrangement, values);
  throw_unless_fits(verify(dataset, network, 3));
  return network;
}

Network build_and_verify_witness(const layout::Arrangement& arrangement,
                                 const dataset::Emission& emission,
                                 const etrinv::Assignment& values) {
  Network network = build_witness(arrangement, values);
  throw_unless_fits(verify(emission, network, 3));
  return network;
}

}  // namespace etr2nn::network
