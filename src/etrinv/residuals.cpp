#include "etrinv/detail/residuals.hpp"

#include <stdexcept>

namespace etr2nn::etrinv {

using etr::Relation;
using K = ami::Definition::Kind;

const char* to_string(Sign sign) {
  switch (sign) {
    case Sign::Zero: return "= 0";
    case Sign::NonZero: return "!= 0";
    case Sign::NonNegative: return ">= 0";
    case Sign::Positive: return "> 0";
  }
  return "?";
}

NormalisedAtom normalise(const etr::Formula& atom, bool positive) {
  if (atom.kind != etr::Formula::Kind::Atom) throw std::invalid_argument("normalise: not an atom");
  const auto& p = atom.lhs;
  const auto& q = atom.rhs;
  // p < q is q - p > 0; its negation p >= q is p - q >= 0; and so on.
  switch (atom.relation) {
    case Relation::Equal: return {p, q, positive ? Sign::Zero : Sign::NonZero};
    case Relation::NotEqual: return {p, q, positive ? Sign::NonZero : Sign::Zero};
    case Relation::Less:
      return positive ? NormalisedAtom{q, p, Sign::Positive}
                      : NormalisedAtom{p, q, Sign::NonNegative};
    case Relation::LessEqual:
      return positive ? NormalisedAtom{q, p, Sign::NonNegative}
                      : NormalisedAtom{p, q, Sign::Positive};
    case Relation::Greater:
      return positive ? NormalisedAtom{p, q, Sign::Positive}
                      : NormalisedAtom{q, p, Sign::NonNegative};
    case Relation::GreaterEqual:
      return positive ? NormalisedAtom{p, q, Sign::NonNegative}
                      : NormalisedAtom{q, p, Sign::Positive};
  }
  throw std::logic_error("unknown relation");
}

bool has_sign(Sign sign, const numeric::Real& t) {
  switch (sign) {
    case Sign::Zero: return t.sign() == 0;
    case Sign::NonZero: return t.sign() != 0;
    case Sign::NonNegative: return t.sign() >= 0;
    case Sign::Positive: return t.sign() > 0;
  }
  return false;
}

namespace {
bool is_zero(const etr::Term& t) {
  return t.kind == etr::Term::Kind::Constant && t.value == 0;
}
}  // namespace

ami::Var emit_residual(ami::Builder& b, TermFlattener& terms, const NormalisedAtom& atom) {
  // t = a - b, without a constraint when b is the constant 0 (x > 0, p = 0).
  ami::Var t = is_zero(*atom.subtrahend)
                   ? terms.flatten(*atom.minuend)
                   : b.difference(terms.flatten(*atom.minuend), terms.flatten(*atom.subtrahend));
  switch (atom.sign) {
    case Sign::Zero: return t;
    case Sign::NonZero: {  // t*s - 1
      ami::Var s = b.slack(K::SlackReciprocal, t);
      return b.difference(b.product(t, s), b.one());
    }
    case Sign::NonNegative: {  // t - s^2
      ami::Var s = b.slack(K::SlackSqrt, t);
      return b.difference(t, b.product(s, s));
    }
    case Sign::Positive: {  // t*s^2 - 1
      ami::Var s = b.slack(K::SlackReciprocalSqrt, t);
      return b.difference(b.product(t, b.product(s, s)), b.one());
    }
  }
  throw std::logic_error("unknown sign");
}

}  // namespace etr2nn::etrinv
