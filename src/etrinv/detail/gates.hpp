// Step A2 (docs/etr-inv.md, "Step A2"): the Boolean structure in linear size, no DNF.
// Every formula node gets two gate variables, emitted on demand:
//   g+ = 0 implies the node is true, g- = 0 implies it is false, and with the
//   canonical slack (0 for false atoms) the converse holds as well.
//
//   atom   g+ = residual of the atom, g- = residual of its negation (own slack)
//   not A  (g+, g-) = (g-_A, g+_A)
//   and    g+ = sum of (g+_i)^2        g- = product of g-_i
//   or     g+ = product of g+_i        g- = sum of (g-_i)^2
//   true   (0, 1)     false  (1, 0)
//
// Assertion: instead of one root gate, each top-level conjunct C is asserted
// by g+_C = 0 (add(g, g, g)). That is equivalent (a sum of squares is 0 iff
// every term is) and saves two multiplications - 160 ETR-INV constraints -
// per conjunct. Bounds lo <= x <= hi are two such conjuncts.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "etr/etr.hpp"
#include "etrinv/detail/ami.hpp"
#include "etrinv/detail/terms.hpp"

namespace etr2nn::etrinv {

class GateBuilder {
 public:
  GateBuilder(ami::Builder& builder, TermFlattener& terms);

  ami::Var positive(const etr::Formula& formula) { return gate(formula, true); }
  ami::Var negative(const etr::Formula& formula) { return gate(formula, false); }

  // Emits g+ = 0 for every top-level conjunct of the formula; `label` prefixes
  // the provenance ("bound", "formula").
  void assert_true(const etr::Formula& formula, const std::string& label);

  std::size_t atoms() const { return atom_numbers_.size(); }

 private:
  ami::Var gate(const etr::Formula& formula, bool positive);
  ami::Var compute(const etr::Formula& formula, bool positive);
  std::string describe(const etr::Formula& formula, bool positive);

  ami::Builder& builder_;
  TermFlattener& terms_;
  std::map<std::pair<const etr::Formula*, bool>, ami::Var> done_;
  std::unordered_map<const etr::Formula*, std::size_t> atom_numbers_;
  std::unordered_map<const etr::Formula*, std::size_t> node_numbers_;
};

}  // namespace etr2nn::etrinv
