#include "generate/detail/planted_algebraic.hpp"

#include <cmath>
#include <map>
#include <stdexcept>
#include <utility>

#include "generate/detail/random.hpp"

namespace etr2nn::generate {
namespace {

// The sign of p + q*sqrt(d), exactly: compare p^2 with q^2 d when the signs differ.
int sign(const Quadratic& v, unsigned d) {
  const int sp = sgn(v.p), sq = sgn(v.q);
  if (sq == 0) return sp;
  if (sp == 0 || sp == sq) return sq;
  const mpq_class p2 = v.p * v.p, q2d = v.q * v.q * d;
  return p2 > q2d ? sp : p2 < q2d ? sq : 0;
}

Quadratic operator+(const Quadratic& a, const Quadratic& b) {
  return {a.p + b.p, a.q + b.q};
}
Quadratic operator-(const Quadratic& a, const Quadratic& b) {
  return {a.p - b.p, a.q - b.q};
}
Quadratic half_of(const Quadratic& a) {
  return {a.p / 2, a.q / 2};
}
// 1 / (p + q sqrt d) = (p - q sqrt d) / (p^2 - d q^2); the denominator is not
// zero because sqrt(d) is irrational and the value is not zero.
Quadratic inverse(const Quadratic& a, unsigned d) {
  const mpq_class n = a.p * a.p - a.q * a.q * d;
  return {a.p / n, -a.q / n};
}

struct Less {
  bool operator()(const Quadratic& a, const Quadratic& b) const {
    return cmp(a.p, b.p) < 0 || (a.p == b.p && cmp(a.q, b.q) < 0);
  }
};

}  // namespace

PlantedAlgebraic planted_algebraic_instance(std::size_t constraints, std::uint64_t seed) {
  if (constraints < 3) throw std::invalid_argument("planted-algebraic needs a size of at least 3");
  using etrinv::Constraint;
  PlantedAlgebraic out;
  Random rng(seed);
  const unsigned d = out.d = rng.below(2) ? 3 : 2;
  auto& instance = out.instance;
  auto& value = out.solution;
  std::map<Quadratic, etrinv::VariableIndex, Less> by_value;
  auto var_with = [&](const Quadratic& v) {
    auto [it, fresh] = by_value.try_emplace(v, value.size());
    if (fresh) {
      instance.variables.push_back("v" + std::to_string(value.size()));
      value.push_back(v);
    }
    return it->second;
  };
  auto at_most = [&](const Quadratic& v, const mpq_class& c) {
    return sign(v - Quadratic{c, 0}, d) <= 0;
  };
  auto at_least = [&](const Quadratic& v, const mpq_class& c) {
    return sign(v - Quadratic{c, 0}, d) >= 0;
  };

  // The core: a = 1/sqrt(d) = (1/d) sqrt(d), b = sqrt(d).
  std::vector<Constraint> core;
  const auto one = var_with({1, 0});
  const auto a = out.a = var_with({0, mpq_class(1, d)});
  const auto b = var_with({0, 1});
  core.push_back({Constraint::Kind::Inv, {a, b, 0}});
  if (d == 2) {
    core.push_back({Constraint::Kind::Add, {a, a, b}});
  } else {
    const auto t = var_with({0, mpq_class(2, d)});
    core.push_back({Constraint::Kind::Add, {a, a, t}});
    core.push_back({Constraint::Kind::Add, {t, a, b}});
  }
  std::vector<Constraint> rest;
  rest.push_back({Constraint::Kind::One, {one, 0, 0}});
  auto any_var = [&] { return static_cast<etrinv::VariableIndex>(rng.below(value.size())); };
  const mpq_class half(1, 2), two(2);
  while (rest.size() + core.size() < constraints) {
    const auto r = rng.below(10);
    if (r == 0) {
      rest.push_back({Constraint::Kind::One, {one, 0, 0}});
    } else if (r < 5) {
      const auto x = any_var(), y = any_var();
      const Quadratic sum = value[x] + value[y];
      if (at_most(sum, two)) {
        rest.push_back({Constraint::Kind::Add, {x, y, var_with(sum)}});
      } else if (at_least(value[x] - value[y], half)) {  // (x - y) + y = x
        rest.push_back({Constraint::Kind::Add, {var_with(value[x] - value[y]), y, x}});
      } else {  // halve: h + h = x (x > 1 here, so x/2 >= 1/2)
        const Quadratic h = half_of(value[x]);
        if (at_least(h, half))
          rest.push_back({Constraint::Kind::Add, {var_with(h), var_with(h), x}});
      }
    } else {
      const auto x = any_var();
      // Inverting a general p + q sqrt(d) squares the size of its numbers;
      // rationals and pure multiples of sqrt(d) invert to their own kind.
      if (value[x].p == 0 || value[x].q == 0)
        rest.push_back({Constraint::Kind::Inv, {x, var_with(inverse(value[x], d)), 0}});
    }
  }
  // The core at random places among the rest, so that it is not the head of
  // the file.
  instance.constraints = std::move(rest);
  for (const auto& c : core) {
    const auto at = static_cast<std::size_t>(rng.below(instance.constraints.size() + 1));
    instance.constraints.insert(instance.constraints.begin() + static_cast<long>(at), c);
    for (auto& i : out.core)
      if (i >= at) ++i;
    out.core.push_back(at);
  }
  return out;
}

numeric::Real to_real(const Quadratic& value, unsigned d) {
  if (value.q == 0) return value.p;
  return numeric::Real(value.p) +
         numeric::Real(value.q) * numeric::Real::root(numeric::Real(long(d)), 2);
}

std::string to_text(const Quadratic& value, unsigned d) {
  const std::string root = "*sqrt(" + std::to_string(d) + ")";
  if (value.q == 0) return value.p.get_str();
  const mpq_class magnitude = abs(value.q);
  const std::string q = (magnitude == 1 ? root.substr(1) : magnitude.get_str() + root);
  if (value.p == 0) return (value.q < 0 ? "-" : "") + q;
  return value.p.get_str() + (value.q < 0 ? " - " : " + ") + q;
}

double approximate(const Quadratic& value, unsigned d) {
  return value.p.get_d() + value.q.get_d() * std::sqrt(static_cast<double>(d));
}

}  // namespace etr2nn::generate
