#include "pipeline/detail/reduction.hpp"

#include "etr/etr.hpp"
#include "network/network.hpp"
#include "solve/solve.hpp"

namespace etr2nn::pipeline {
namespace {

// The first top-level conjunct (or bound) the values violate, for the message.
std::string first_failing_part(const etr::Sentence& sentence, const Solution& values) {
  etr::Sentence probe;
  probe.variables = sentence.variables;
  for (auto& b : probe.variables) b.bound.reset();
  for (const auto& b : sentence.variables) {
    const auto it = values.find(b.name);
    if (it == values.end()) return "no value is given for " + b.name;
    if (b.bound &&
        (it->second < numeric::Real(b.bound->lower) || it->second > numeric::Real(b.bound->upper)))
      return b.name + " = " + it->second.to_string() + " lies outside its bound";
  }
  std::vector<etr::FormulaPtr> parts;
  if (sentence.matrix->kind == etr::Formula::Kind::And)
    parts = sentence.matrix->operands;
  else
    parts = {sentence.matrix};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    probe.matrix = parts[i];
    if (!etr::satisfies(probe, values)) return "conjunct " + std::to_string(i + 1) + " is false";
  }
  return "the sentence is false there";
}

}  // namespace

void check_solution(const etr::Sentence& sentence, const Solution& solution) {
  for (const auto& b : sentence.variables)
    if (!solution.count(b.name))
      throw Diagnostic(errors::assignment_mismatch, "no value is given for " + b.name);
  if (solution.size() != sentence.variables.size())
    throw Diagnostic(errors::assignment_mismatch,
                     "the solution names variables the sentence does not bind");
  if (!etr::satisfies(sentence, solution))
    throw Diagnostic(errors::not_a_solution, "the given values do not satisfy the sentence: " +
                                                 first_failing_part(sentence, solution));
}

std::string completeness(const etrinv::ChainResult& chain) {
  if (chain.passed_through) return "complete: the ETR-INV input is laid out unchanged";
  if (chain.complete_for_all_solutions)
    return "complete: K >= the safe K, so every solution survives the scaling";
  return "complete only for solutions with every |x_i| <= 2^(2^K); sound for all";
}

Reduction reduce(const etr::Sentence& sentence, const ReductionOptions& options) {
  Reduction r;
  etrinv::ChainOptions chain_options;
  chain_options.bound_exponent = options.bound_exponent;
  chain_options.max_constraints = options.max_constraints;
  const bool etr_inv = etrinv::as_etr_inv(sentence).has_value();
  if (options.want_witness) {
    r.solution_source = options.solution ? "--assign" : "z3";
    r.solution =
        options.solution ? *options.solution : find_solution(sentence, options.solve_limit);
    // ETR-INV values are checked below by the witness builder's own check,
    // which names the violated constraint; others here, before K_w is read off.
    if (!etr_inv) check_solution(sentence, *r.solution);
    chain_options.witness = &*r.solution;
  }
  r.chain = etrinv::normalize(sentence, chain_options);
  if (!options.want_witness) return r;
  if (r.chain.passed_through) {
    r.assignment = network::assignment_for(r.chain.instance, *r.solution);
    network::check_assignment(r.chain.instance, *r.assignment);
  } else {
    r.assignment = etrinv::forward(r.chain, sentence, *r.solution);
  }
  return r;
}

Solution find_solution(const etr::Sentence& sentence, std::chrono::milliseconds limit) {
  const solve::SolveResult result = solve::solve(sentence, limit);
  switch (result.verdict) {
    case solve::Verdict::Sat: return result.model;
    case solve::Verdict::Unsat:
      throw Diagnostic(
          errors::unsatisfiable,
          "z3 proves the sentence unsatisfiable: no solution, hence no witness network (the "
          "dataset has no zero-error network)");
    case solve::Verdict::Unknown: break;
  }
  throw Diagnostic(errors::no_solution_found,
                   "z3 found no solution within " + std::to_string(limit.count()) + " ms" +
                       (result.reason.empty() ? "" : " (" + result.reason + ")") +
                       "; pass one with --assign");
}

etrinv::Assignment find_assignment(const etrinv::Instance& instance,
                                   std::chrono::milliseconds limit) {
  etrinv::Assignment values =
      network::assignment_for(instance, find_solution(etrinv::to_sentence(instance), limit));
  network::check_assignment(instance, values);  // solve checked the model; this checks the mapping
  return values;
}

nlohmann::json describe(const Reduction& r, const etr::Sentence& sentence,
                        const std::string& input_file) {
  const auto& c = r.chain;
  nlohmann::json j;
  j["input"] = input_file;
  j["passed_through"] = c.passed_through;
  if (!c.passed_through) {
    j["bound_exponent"] = c.bound_exponent;
    j["safe_bound_exponent"] = c.safe_bound_exponent;
    j["complete_for_all_solutions"] = c.complete_for_all_solutions;
    j["completeness"] = completeness(c);
    nlohmann::json sizes = nlohmann::json::array();
    for (const auto& p : c.sizes)
      sizes.push_back(
          {{"pass", p.pass}, {"variables", p.variables}, {"constraints", p.constraints}});
    j["passes"] = sizes;
    nlohmann::json carrier = nlohmann::json::object();
    for (const auto& [name, index] : c.carrier) carrier[name] = c.instance.variables[index];
    j["carrier"] = carrier;  // x = (X - 1) / eps for each input variable x
    j["epsilon"] = c.instance.variables[etrinv::epsilon_variable(c)];
    // For the forward map from the file alone (witness D.json --assign with
    // the sentence's own variables); the chain is re-run from it and checked.
    if (std::string text = etr::print(sentence); text.size() <= max_recorded_sentence_bytes)
      j["sentence"] = std::move(text);
  }
  return j;
}

}  // namespace etr2nn::pipeline
