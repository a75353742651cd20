#include "etrinv/detail/inv_gadgets.hpp"

namespace etr2nn::etrinv {

using K = GadgetDefinition::Kind;
using CK = Constraint::Kind;

GadgetBuilder::GadgetBuilder() {
  // D0: every constant is forced by its constraint.
  c_.one = fresh({K::One}, "C1");
  one(c_.one);
  c_.two = fresh({K::Sum, c_.one, c_.one}, "C2");
  add(c_.one, c_.one, c_.two);
  c_.half = fresh({K::Reciprocal, c_.two}, "CH");
  inv_constraint(c_.two, c_.half);
  c_.three_halves = fresh({K::Sum, c_.one, c_.half}, "C32");
  add(c_.one, c_.half, c_.three_halves);
  c_.three_quarters = fresh({K::Half, c_.three_halves}, "CQ");
  add(c_.three_quarters, c_.three_quarters, c_.three_halves);
  c_.five_quarters = fresh({K::Sum, c_.three_quarters, c_.half}, "C54");
  add(c_.three_quarters, c_.half, c_.five_quarters);
}

VariableIndex GadgetBuilder::fresh(GadgetDefinition d, std::string name) {
  VariableIndex v = instance_.variables.size();
  // Gadget temporaries are "t<index>"; no input carrier can collide with them
  // because carriers are "X_<name>" or "A<index>".
  instance_.variables.push_back(name.empty() ? "t" + std::to_string(v) : std::move(name));
  definitions_.push_back(d);
  variable_provenance_.push_back(provenance_);
  return v;
}

void GadgetBuilder::add(VariableIndex x, VariableIndex y, VariableIndex z) {
  instance_.constraints.push_back({CK::Add, {x, y, z}});
  constraint_provenance_.push_back(provenance_);
}

void GadgetBuilder::inv_constraint(VariableIndex x, VariableIndex y) {
  instance_.constraints.push_back({CK::Inv, {x, y, 0}});
  constraint_provenance_.push_back(provenance_);
}

void GadgetBuilder::one(VariableIndex x) {
  instance_.constraints.push_back({CK::One, {x, 0, 0}});
  constraint_provenance_.push_back(provenance_);
}

VariableIndex GadgetBuilder::carrier(std::string name, std::size_t ami_variable) {
  GadgetDefinition d{K::Carrier, 0, 0, ami_variable};
  return fresh(d, std::move(name));
}

VariableIndex GadgetBuilder::neg(VariableIndex x) {  // add(X, Xb, C2)
  VariableIndex xb = fresh({K::Difference, c_.two, x});
  add(x, xb, c_.two);
  return xb;
}

VariableIndex GadgetBuilder::inv(VariableIndex x) {  // inv(X, P)
  VariableIndex p = fresh({K::Reciprocal, x});
  inv_constraint(x, p);
  return p;
}

VariableIndex GadgetBuilder::subq(VariableIndex x) {  // add(X, CH, U); add(Y, CQ, U)
  VariableIndex u = fresh({K::Sum, x, c_.half});
  add(x, c_.half, u);
  VariableIndex y = fresh({K::Difference, u, c_.three_quarters});
  add(y, c_.three_quarters, u);
  return y;
}

VariableIndex GadgetBuilder::addq(VariableIndex y) {  // add(Y, CQ, U); add(Z, CH, U)
  VariableIndex u = fresh({K::Sum, y, c_.three_quarters});
  add(y, c_.three_quarters, u);
  VariableIndex z = fresh({K::Difference, u, c_.half});
  add(z, c_.half, u);
  return z;
}

VariableIndex GadgetBuilder::half(VariableIndex v) {  // add(M, M, V)
  VariableIndex m = fresh({K::Half, v});
  add(m, m, v);
  return m;
}

void GadgetBuilder::eq(VariableIndex x, VariableIndex y) {  // inv(X, W); inv(Y, W)
  VariableIndex w = inv(x);
  inv_constraint(y, w);
}

VariableIndex GadgetBuilder::add1_into(VariableIndex x, VariableIndex y, const VariableIndex* z) {
  // X' = SUBQ(X); add(X', Y, U); add(Z, CQ, U). The direct X + Y = Z + 1 would
  // need the intermediate X + Y, about 2 + x + y, which can leave [1/2, 2].
  VariableIndex xq = subq(x);
  VariableIndex u = fresh({K::Sum, xq, y});
  add(xq, y, u);
  VariableIndex out = z ? *z : fresh({K::Difference, u, c_.three_quarters});
  add(out, c_.three_quarters, u);
  return out;
}

VariableIndex GadgetBuilder::add1(VariableIndex x, VariableIndex y) {
  return add1_into(x, y, nullptr);
}

void GadgetBuilder::add1(VariableIndex x, VariableIndex y, VariableIndex z) {
  add1_into(x, y, &z);
}

VariableIndex GadgetBuilder::sq(VariableIndex x) {
  // 1/(1+a) + 1/(1-a) = 2/(1-a^2) keeps every intermediate near 1 (docs/etr-inv.md, D3).
  VariableIndex xb = neg(x);     // 1 - a
  VariableIndex p = inv(x);      // 1/(1+a)
  VariableIndex pb = inv(xb);    // 1/(1-a)
  VariableIndex pq = subq(p);    // P - 1/4
  VariableIndex pbq = subq(pb);  // Pb - 1/4
  VariableIndex v = fresh({K::Sum, pq, pbq});
  add(pq, pbq, v);             // 2/(1-a^2) - 1/2
  VariableIndex mq = half(v);  // 1/(1-a^2) - 1/4
  VariableIndex m = addq(mq);  // 1/(1-a^2)
  VariableIndex n = inv(m);    // 1 - a^2
  VariableIndex s = fresh({K::Difference, c_.two, n});
  add(s, n, c_.two);  // 1 + a^2
  return s;
}

VariableIndex GadgetBuilder::eps_chain(unsigned K) {
  VariableIndex e = c_.five_quarters;  // E_1 = 1 + 2^(-2)
  for (unsigned t = 1; t <= K; ++t) {
    e = sq(e);
    instance_.variables[e] = t == K ? "E" : "E" + std::to_string(t + 1);
  }
  return e;
}

void GadgetBuilder::mul(VariableIndex a, VariableIndex b, VariableIndex e, VariableIndex c) {
  // (a+b)^2 + (e-c)^2 = (a-b)^2 + (e+c)^2  <=>  4ab = 4ec, on offsets.
  VariableIndex bb = neg(b), cb = neg(c);
  VariableIndex s1 = add1(a, b), s2 = add1(a, bb), s3 = add1(e, c), s4 = add1(e, cb);
  VariableIndex r1 = subq(sq(s1)), r2 = subq(sq(s2)), r3 = subq(sq(s3)), r4 = subq(sq(s4));
  VariableIndex w = fresh({K::Sum, r1, r4});
  add(r1, r4, w);
  add(r2, r3, w);
}

GadgetBuilder::Output GadgetBuilder::take() {
  return {std::move(instance_), std::move(definitions_), std::move(constraint_provenance_),
          std::move(variable_provenance_)};
}

}  // namespace etr2nn::etrinv
