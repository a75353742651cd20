// Step A3 for terms (docs/etr-inv.md, "Step A3"): a polynomial term becomes one AMI
// variable whose value is the term's value, through add / mul constraints.
//
//   u + v    add            u - v   T + v = u        -u   N + u = ZERO
//   u * v    mul            u^k     square and multiply (<= 2 floor(log2 k) mul)
//   p/q      V * [q] = [p]  (integers in binary from ONE)
//
// Shared subterms (DAG nodes) are flattened once.
#pragma once

#include <map>
#include <string>
#include <unordered_map>

#include "etr/etr.hpp"
#include "etrinv/detail/ami.hpp"

namespace etr2nn::etrinv {

class TermFlattener {
 public:
  // inputs: the AMI variable of each bound variable.
  TermFlattener(ami::Builder& builder, std::map<std::string, ami::Var> inputs);

  // Throws Diagnostic (at the variable's location) for an unbound variable.
  ami::Var flatten(const etr::Term& term);

 private:
  ami::Var compute(const etr::Term& term);
  ami::Var power(ami::Var base, unsigned long exponent);

  ami::Builder& builder_;
  std::map<std::string, ami::Var> inputs_;
  std::unordered_map<const etr::Term*, ami::Var> done_;
};

}  // namespace etr2nn::etrinv
