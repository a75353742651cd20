#include "etrinv/detail/gates.hpp"

#include <optional>
#include <stdexcept>

#include "etr/etr.hpp"
#include "etrinv/detail/residuals.hpp"

namespace etr2nn::etrinv {

using etr::Formula;

GateBuilder::GateBuilder(ami::Builder& builder, TermFlattener& terms)
    : builder_(builder), terms_(terms) {}

std::string GateBuilder::describe(const Formula& f, bool positive) {
  if (f.kind == Formula::Kind::Atom) {
    auto [it, fresh] = atom_numbers_.emplace(&f, atom_numbers_.size() + 1);
    (void)fresh;
    return std::string(positive ? "" : "not ") + "atom " + std::to_string(it->second) + ": " +
           etr::print(f);
  }
  auto [it, fresh] = node_numbers_.emplace(&f, node_numbers_.size() + 1);
  (void)fresh;
  const char* kind = f.kind == Formula::Kind::And  ? "and"
                     : f.kind == Formula::Kind::Or ? "or"
                                                   : "not";
  return std::string(kind) + "-node " + std::to_string(it->second) +
         (positive ? " (true)" : " (false)");
}

ami::Var GateBuilder::gate(const Formula& f, bool positive) {
  auto key = std::make_pair(&f, positive);
  if (auto it = done_.find(key); it != done_.end()) return it->second;
  ami::Var g = compute(f, positive);
  done_.emplace(key, g);
  return g;
}

ami::Var GateBuilder::compute(const Formula& f, bool positive) {
  switch (f.kind) {
    case Formula::Kind::True: return positive ? builder_.zero() : builder_.one();
    case Formula::Kind::False: return positive ? builder_.one() : builder_.zero();
    case Formula::Kind::Not: return gate(*f.operands.at(0), !positive);
    case Formula::Kind::Atom: {
      builder_.set_context(describe(f, positive), ami::Pass::Residuals);
      return emit_residual(builder_, terms_, normalise(f, positive));
    }
    case Formula::Kind::And:
    case Formula::Kind::Or: {
      // "and" true and "or" false are sums of squares; the other two products.
      bool sum_of_squares = (f.kind == Formula::Kind::And) == positive;
      std::vector<ami::Var> parts;
      for (const auto& g : f.operands) parts.push_back(gate(*g, positive));
      builder_.set_context(describe(f, positive), ami::Pass::Gates);
      std::optional<ami::Var> acc;
      for (ami::Var p : parts) {
        ami::Var term = sum_of_squares ? builder_.product(p, p) : p;
        acc = !acc             ? term
              : sum_of_squares ? builder_.sum(*acc, term)
                               : builder_.product(*acc, term);
      }
      if (!acc)
        return positive == (f.kind == Formula::Kind::And) ? builder_.zero() : builder_.one();
      return *acc;
    }
  }
  throw std::logic_error("unknown formula kind");
}

void GateBuilder::assert_true(const Formula& f, const std::string& label) {
  if (f.kind == Formula::Kind::And) {
    for (const auto& g : f.operands) assert_true(*g, label);
    return;
  }
  if (f.kind == Formula::Kind::True) return;
  ami::Var g = positive(f);
  builder_.set_context(label + ": assert " + describe(f, true), ami::Pass::Gates);
  builder_.assert_zero(g);
}

}  // namespace etr2nn::etrinv
