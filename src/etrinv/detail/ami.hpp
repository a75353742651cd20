// ETR-AMI (docs/etr-inv.md, "Step A3"): conjunctions of x = 1, x + y = z
// and x * y = z over unbounded real variables, the intermediate form between
// an ETR sentence and ETR-INV.
//
// Every AMI variable is created together with its Definition: how the forward
// mapping computes its value from earlier variables (or from the input
// solution). Apart from the constant constraints and the root assertions
// g = 0, each constraint *defines* its newest variable, so evaluating the
// definitions in creation order yields a solution whenever the input holds.
// Each variable and constraint carries provenance text (which atom, node or
// constant it came from) and the pass that emitted it, for the size report.
#pragma once

#include <gmpxx.h>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "numeric/real.hpp"

namespace etr2nn::etrinv::ami {

using Var = std::size_t;

struct Constraint {
  enum class Kind { One, Add, Mul };
  Kind kind = Kind::One;
  // One: {x}; Add: {x, y, z} meaning x + y = z; Mul: {x, y, z} meaning x * y = z.
  std::array<Var, 3> vars{};
};

struct Definition {
  enum class Kind {
    Input,       // the input variable `input`
    One,         // 1
    Zero,        // 0
    Sum,         // a + b
    Difference,  // a - b
    Product,     // a * b
    Quotient,    // a / b
    // Canonical slack of docs/etr-inv.md, "Step A1", for t = value of a: the witness when the
    // (normalised) atom holds, 0 when it does not.
    SlackReciprocal,      // 1/t      if t != 0
    SlackSqrt,            // sqrt(t)  if t >= 0
    SlackReciprocalSqrt,  // 1/sqrt t if t > 0
  };
  Definition(Kind k = Kind::Zero, Var x = 0, Var y = 0, std::string name = {})
      : kind(k), a(x), b(y), input(std::move(name)) {}
  Kind kind;
  Var a, b;
  std::string input;
};

// Which pass emitted a variable or constraint (for the per-pass size report).
enum class Pass { Terms, Residuals, Gates };
const char* to_string(Pass pass);

struct Instance {
  std::vector<std::string> names;
  std::vector<Definition> definitions;
  std::vector<std::string> variable_provenance;
  std::vector<Pass> variable_pass;
  std::vector<Constraint> constraints;
  std::vector<std::string> provenance;
  std::vector<Pass> constraint_pass;

  std::size_t count(Constraint::Kind kind) const;
  // Length in characters of the instance written as an .etr sentence
  // ("exists a, b: a = 1 and a + b = c ..."), the L_A of docs/etr-inv.md, "Step B".
  std::size_t text_length() const;
};

// Emits variables and constraints under the current provenance context.
// Shared constants (ONE, ZERO, integers, rationals) are created once.
class Builder {
 public:
  void set_context(std::string provenance, Pass pass);
  // The pass alone (terms flattened inside a residual count as A3, not A1).
  void set_pass(Pass pass) { pass_ = pass; }
  Pass pass() const { return pass_; }

  Var input(const std::string& name);  // one per bound variable, in order
  Var one();                           // ONE: x = 1
  Var zero();                          // ZERO: z + z = z
  Var constant(const mpq_class& value);

  Var sum(Var a, Var b);                    // add(a, b, s)
  Var difference(Var a, Var b);             // add(d, b, a): d = a - b
  Var negation(Var a);                      // add(n, a, ZERO)
  Var product(Var a, Var b);                // mul(a, b, p)
  Var slack(Definition::Kind kind, Var t);  // a slack variable, no constraint
  void assert_zero(Var g);                  // add(g, g, g) forces g = 0

  const Instance& instance() const { return instance_; }
  Instance take() { return std::move(instance_); }

 private:
  Var fresh(Definition definition, std::string name = {});
  void emit(Constraint::Kind kind, Var x, Var y = 0, Var z = 0);
  Var natural(const mpz_class& value);  // binary: powers of two plus a running sum

  Instance instance_;
  std::string context_;
  Pass pass_ = Pass::Terms;
  std::optional<Var> one_, zero_;
  std::map<mpq_class, Var> constants_;
  std::vector<Var> powers_of_two_;
};

// Values of every AMI variable, by evaluating the definitions in order.
// Throws std::invalid_argument when an input variable has no value.
std::vector<numeric::Real> evaluate(const Instance& instance,
                                    const std::map<std::string, numeric::Real>& inputs);

// The first constraint the values violate, or nullopt.
std::optional<std::size_t> first_violation(const Instance& instance,
                                           const std::vector<numeric::Real>& values);

}  // namespace etr2nn::etrinv::ami
