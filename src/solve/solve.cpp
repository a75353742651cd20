#include "solve/detail/solve.hpp"

#include <z3++.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "etr/etr.hpp"
#include "json_io/real.hpp"
#include "numeric/z3_numeral.hpp"
#include "solve/detail/sentence_to_z3.hpp"

namespace etr2nn::solve {

SolveResult solve(const etr::Sentence& sentence, std::chrono::milliseconds time_limit) {
  return solve(sentence, time_limit, 0);
}

SolveResult solve(const etr::Sentence& sentence, std::chrono::milliseconds time_limit,
                  unsigned resource_limit) {
  const Limit limit(time_limit);  // translating counts against the limit too
  Z3Sentence z = to_z3(sentence);
  z3::context& c = numeric::z3_context();
  // QF_NRA selects nlsat, which is complete for the reals (given time). No
  // "timeout" parameter: check_bounded enforces the limit. "rlimit" is a
  // step counter, not a timer, so it starts no thread.
  z3::solver solver(c, "QF_NRA");
  if (resource_limit != 0) {
    z3::params p(c);
    p.set("rlimit", resource_limit);
    solver.set(p);
  }
  solver.add(z.formula);
  // In the child: read the model, check it exactly, and write it exactly.
  const ModelReader read_model = [&](const z3::model& m) {
    std::map<std::string, numeric::Real> values;
    for (const auto& [name, x] : z.variables)
      values.emplace(name, numeric::from_z3(m.eval(x, true)));
    // Never hand out a model that was not checked exactly against the sentence.
    if (!etr::satisfies(sentence, values))
      throw std::logic_error("z3 returned a model that does not satisfy the sentence");
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [name, v] : values) j[name] = json_io::real_to_json(v);
    return j.dump();
  };
  const BoundedResult r = check_bounded(solver, limit, read_model);
  SolveResult result;
  result.verdict = r.verdict;
  result.reason = r.reason;
  if (r.verdict != Verdict::Sat) return result;
  const std::map<std::string, numeric::Real> values = model_values(r.model_text);
  for (const auto& [name, x] : z.variables) result.model.emplace(name, values.at(name));
  return result;
}

namespace {

std::size_t saturating_add(std::size_t a, std::size_t b) {
  return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

std::size_t saturating_mul(std::size_t a, std::size_t b) {
  return a != 0 && b > SIZE_MAX / a ? SIZE_MAX : a * b;
}

// Memoised by node address: shared subterms of a DAG are visited once.
std::size_t term_degree(const etr::Term& t,
                        std::unordered_map<const etr::Term*, std::size_t>& memo) {
  if (auto it = memo.find(&t); it != memo.end()) return it->second;
  std::size_t d = 0;
  switch (t.kind) {
    case etr::Term::Kind::Constant: d = 0; break;
    case etr::Term::Kind::Variable: d = 1; break;
    case etr::Term::Kind::Negate:
    case etr::Term::Kind::Add:
    case etr::Term::Kind::Subtract:
      for (const auto& o : t.operands) d = std::max(d, term_degree(*o, memo));
      break;
    case etr::Term::Kind::Multiply:
      for (const auto& o : t.operands) d = saturating_add(d, term_degree(*o, memo));
      break;
    case etr::Term::Kind::Power:
      d = saturating_mul(term_degree(*t.operands.at(0), memo), t.exponent);
      break;
  }
  memo.emplace(&t, d);
  return d;
}

std::size_t formula_degree(const etr::Formula& f,
                           std::unordered_map<const etr::Term*, std::size_t>& memo,
                           std::unordered_set<const etr::Formula*>& seen) {
  if (!seen.insert(&f).second) return 0;
  std::size_t d = 0;
  if (f.kind == etr::Formula::Kind::Atom)
    return std::max(term_degree(*f.lhs, memo), term_degree(*f.rhs, memo));
  for (const auto& g : f.operands) d = std::max(d, formula_degree(*g, memo, seen));
  return d;
}

}  // namespace

std::size_t sentence_degree(const etr::Sentence& sentence) {
  std::unordered_map<const etr::Term*, std::size_t> memo;
  std::unordered_set<const etr::Formula*> seen;
  std::size_t d = sentence.variables.empty() ? 0 : 1;  // the bounds are linear
  if (sentence.matrix) d = std::max(d, formula_degree(*sentence.matrix, memo, seen));
  return d;
}

}  // namespace etr2nn::solve
