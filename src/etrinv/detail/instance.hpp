// ETR-INV instances: conjunctions of X = 1, X + Y = Z and X * Y = 1 over
// variables that all range over [1/2, 2] (Abrahamsen, Adamaszek, Miltzow).
//
// This is the interface between the front half of etr2nn (parsing, the
// ETR -> ETR-INV chain) and the back half (layout, dataset, witness).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "etr/etr.hpp"
#include "numeric/real.hpp"

namespace etr2nn::etrinv {

using VariableIndex = std::size_t;

struct Constraint {
  enum class Kind { One, Add, Inv };
  Kind kind = Kind::One;
  // One: {X}; Add: {X, Y, Z} meaning X + Y = Z; Inv: {X, Y} meaning X * Y = 1.
  // Variables may repeat (x + x = z).
  std::array<VariableIndex, 3> vars{};

  std::size_t arity() const { return kind == Kind::One ? 1 : kind == Kind::Add ? 3 : 2; }
  friend bool operator==(const Constraint&, const Constraint&) = default;
};

struct Instance {
  std::vector<std::string> variables;
  std::vector<Constraint> constraints;
  friend bool operator==(const Instance&, const Instance&) = default;
};

using Assignment = std::vector<numeric::Real>;  // indexed by VariableIndex

// Exact evaluation of one constraint / all constraints and the ranges.
bool holds(const Constraint& constraint, const Assignment& values);
// The index of the first violated constraint, or nullopt. Ranges are checked
// first; a variable outside [1/2, 2] is reported via out_of_range_variable.
struct Violation {
  std::optional<std::size_t> constraint;
  std::optional<VariableIndex> out_of_range_variable;
};
std::optional<Violation> first_violation(const Instance& instance, const Assignment& values);

// Human-readable: "x + y = z", "x * y = 1", "x = 1".
std::string describe(const Instance& instance, const Constraint& constraint);

// The fast path of docs/syntax.md, section 8: when every variable is bound by [1/2, 2] and the
// matrix is a conjunction of atoms of the shapes x = 1, x + y = z, x * y = 1,
// the sentence is ETR-INV already. Returns the instance, or nullopt when the
// sentence has any other shape.
std::optional<Instance> as_etr_inv(const etr::Sentence& sentence);

// The instance as an .etr sentence (re-readable, passes as_etr_inv).
etr::Sentence to_sentence(const Instance& instance);

}  // namespace etr2nn::etrinv
