// Step D (docs/etr-inv.md, "Step D"): ETR-INV gadgets over add(X,Y,Z): X + Y = Z,
// inv(X,Y): X * Y = 1 and one(X): X = 1, every variable in [1/2, 2].
//
// Each new variable is *defined* by exactly one constraint (an add linear in
// it, or an inv with a nonzero partner), so in any solution its value is the
// stated expression - the soundness argument - and the forward mapping
// computes it by that expression (Definition), in emission order.
//
//   D0 constants  C1 = 1, C2 = 2, CH = 1/2, C32 = 3/2, CQ = 3/4, C54 = 5/4
//   D1 NEG X -> 2-X, INV X -> 1/X, SUBQ X -> X-1/4, ADDQ Y -> Y+1/4,
//      HALF V -> V/2, EQ(X, Y)
//   D2 ADD1(X, Y; Z): Z = X + Y - 1                       (4 constraints)
//   D3 SQ(X) -> 1 + (X-1)^2                               (13 constraints)
//   D4 eps chain: E_1 = C54, E_{t+1} = SQ(E_t); E_{K+1} = 1 + 2^(-2^(K+1)) (13K)
//   D5 MUL(A, B, E, C): (A-1)(B-1) = (E-1)(C-1)           (80 constraints)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "etrinv/detail/instance.hpp"
#include "numeric/real.hpp"

namespace etr2nn::etrinv {

struct GadgetDefinition {
  enum class Kind {
    Carrier,     // 1 + eps * (value of AMI variable `carrier`): set by the chain
    One,         // 1
    Sum,         // a + b
    Difference,  // a - b
    Reciprocal,  // 1 / a
    Half,        // a / 2
  };
  GadgetDefinition(Kind k = Kind::One, VariableIndex x = 0, VariableIndex y = 0, std::size_t c = 0)
      : kind(k), a(x), b(y), carrier(c) {}
  Kind kind;
  VariableIndex a, b;
  std::size_t carrier;
};

class GadgetBuilder {
 public:
  struct Constants {
    VariableIndex one, two, half, three_halves, three_quarters, five_quarters;
  };

  GadgetBuilder();  // emits D0

  const Constants& constants() const { return c_; }
  void set_provenance(std::string provenance) { provenance_ = std::move(provenance); }

  VariableIndex carrier(std::string name, std::size_t ami_variable);

  VariableIndex neg(VariableIndex x);
  VariableIndex inv(VariableIndex x);
  VariableIndex subq(VariableIndex x);
  VariableIndex addq(VariableIndex y);
  VariableIndex half(VariableIndex v);
  void eq(VariableIndex x, VariableIndex y);
  VariableIndex add1(VariableIndex x, VariableIndex y);          // new Z
  void add1(VariableIndex x, VariableIndex y, VariableIndex z);  // existing Z
  VariableIndex sq(VariableIndex x);
  VariableIndex eps_chain(unsigned K);  // returns E = E_{K+1}
  void mul(VariableIndex a, VariableIndex b, VariableIndex e, VariableIndex c);

  const Instance& instance() const { return instance_; }
  const std::vector<GadgetDefinition>& definitions() const { return definitions_; }
  const std::vector<std::string>& provenance() const { return constraint_provenance_; }
  const std::vector<std::string>& variable_provenance() const { return variable_provenance_; }

  struct Output {
    Instance instance;
    std::vector<GadgetDefinition> definitions;
    std::vector<std::string> provenance, variable_provenance;
  };
  Output take();

 private:
  VariableIndex fresh(GadgetDefinition definition, std::string name = {});
  void add(VariableIndex x, VariableIndex y, VariableIndex z);
  void inv_constraint(VariableIndex x, VariableIndex y);
  void one(VariableIndex x);
  VariableIndex add1_into(VariableIndex x, VariableIndex y, const VariableIndex* z);

  Instance instance_;
  std::vector<GadgetDefinition> definitions_;
  std::vector<std::string> constraint_provenance_, variable_provenance_;
  std::string provenance_ = "constants";
  Constants c_{};
};

// Values of the gadget variables by their definitions, in emission order.
// carrier_value(k) gives the value of the carrier of AMI variable k.
template <class CarrierValue>
std::vector<numeric::Real> evaluate(const std::vector<GadgetDefinition>& definitions,
                                    CarrierValue&& carrier_value) {
  using K = GadgetDefinition::Kind;
  std::vector<numeric::Real> v;
  v.reserve(definitions.size());
  for (const auto& d : definitions) {
    switch (d.kind) {
      case K::Carrier: v.push_back(carrier_value(d.carrier)); break;
      case K::One: v.emplace_back(1); break;
      case K::Sum: v.push_back(v[d.a] + v[d.b]); break;
      case K::Difference: v.push_back(v[d.a] - v[d.b]); break;
      case K::Reciprocal: v.push_back(numeric::Real(1) / v[d.a]); break;
      case K::Half: v.push_back(v[d.a] / numeric::Real(2)); break;
    }
  }
  return v;
}

}  // namespace etr2nn::etrinv
