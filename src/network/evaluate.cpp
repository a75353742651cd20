#include "network/detail/evaluate.hpp"

#include <algorithm>
#include <map>
#include <variant>

namespace etr2nn::network {
namespace {

// The arithmetic differs only in how a value is made from a Real and compared;
// everything else is the same template over T = mpq_class or Real.
int compare3(const mpq_class& a, const mpq_class& b) {
  return cmp(a, b);
}
int compare3(const Real& a, const Real& b) {
  return compare(a, b);
}
int sign_of(const mpq_class& a) {
  return sgn(a);
}
int sign_of(const Real& a) {
  return a.sign();
}

template <class T>
T from_real(const Real& r) {
  if constexpr (std::is_same_v<T, mpq_class>)
    return r.rational();
  else
    return r;
}

template <class T>
struct LexLess {
  bool operator()(const std::array<T, 2>& p, const std::array<T, 2>& q) const {
    int c = compare3(p[0], q[0]);
    return c != 0 ? c < 0 : compare3(p[1], q[1]) < 0;
  }
};

template <class T>
struct Group {
  std::array<T, 2> d;
  std::vector<T> beta;                   // sorted ascending
  std::vector<std::array<T, 2>> w_sum;   // w_sum[k] = Σ_{i<k} w_i   (size = beta.size() + 1)
  std::vector<std::array<T, 2>> bw_sum;  // bw_sum[k] = Σ_{i<k} β_i w_i
};

// t = d·p. Witness directions have coordinates 0 and ±1; skipping those
// multiplications (and their canonicalisations) saves a good part of the
// per-point cost.
template <class T>
void add_scaled(T& t, const T& d, const mpq_class& x) {
  if (sign_of(d) == 0) return;
  if constexpr (std::is_same_v<T, mpq_class>) {
    if (d == 1) {
      t += x;
      return;
    }
    if (d == -1) {
      t -= x;
      return;
    }
    t += d * x;
  } else {
    t += d * Real(x);
  }
}

template <class T>
void level(const Group<T>& g, const geometry::Point& p, T& t) {
  t = 0;
  add_scaled(t, g.d[0], p.x);
  add_scaled(t, g.d[1], p.y);
}

template <class T>
class Grouped {
 public:
  explicit Grouped(const Network& network) {
    constant_ = {from_real<T>(network.c[0]), from_real<T>(network.c[1])};
    struct Term {
      T beta;
      std::array<T, 2> w;
    };
    std::map<std::array<T, 2>, std::vector<Term>, LexLess<T>> by_direction;
    for (const auto& n : network.neurons) {
      std::array<T, 2> a = {from_real<T>(n.a[0]), from_real<T>(n.a[1])};
      T b = from_real<T>(n.b);
      std::array<T, 2> v = {from_real<T>(n.v[0]), from_real<T>(n.v[1])};
      int lead = sign_of(a[0]) != 0 ? 0 : sign_of(a[1]) != 0 ? 1 : -1;
      if (lead < 0) {  // a = 0: the constant ReLU(b)·v
        if (sign_of(b) > 0) {
          constant_[0] = constant_[0] + b * v[0];
          constant_[1] = constant_[1] + b * v[1];
        }
        continue;
      }
      T lambda = sign_of(a[lead]) > 0 ? a[lead] : T(-a[lead]);  // > 0
      std::array<T, 2> d = {a[0] / lambda, a[1] / lambda};
      by_direction[d].push_back({T(-b / lambda), {lambda * v[0], lambda * v[1]}});
    }
    for (auto& [d, terms] : by_direction) {
      std::sort(terms.begin(), terms.end(),
                [](const Term& p, const Term& q) { return compare3(p.beta, q.beta) < 0; });
      Group<T> g;
      g.d = d;
      g.w_sum.push_back({T(0), T(0)});
      g.bw_sum.push_back({T(0), T(0)});
      for (const auto& term : terms) {
        g.beta.push_back(term.beta);
        const auto& w = g.w_sum.back();
        const auto& bw = g.bw_sum.back();
        g.w_sum.push_back({T(w[0] + term.w[0]), T(w[1] + term.w[1])});
        g.bw_sum.push_back({T(bw[0] + term.beta * term.w[0]), T(bw[1] + term.beta * term.w[1])});
      }
      groups_.push_back(std::move(g));
    }
  }

  // The exact value at p, in T. Works in scratch values owned by this object
  // (GMP reuses their storage, so the hot loop does not allocate); the result
  // is valid until the next call. Not thread-safe, like Real itself.
  const std::array<T, 2>& value(const geometry::Point& p) const {
    std::array<T, 2>& sum = scratch_sum_;
    T& t = scratch_t_;
    T& product = scratch_product_;
    sum = constant_;
    for (const auto& g : groups_) {
      level(g, p, t);
      // k = number of breakpoints strictly below t; a breakpoint at t adds 0.
      auto k = static_cast<std::size_t>(std::lower_bound(g.beta.begin(), g.beta.end(), t,
                                                         [](const T& beta, const T& value) {
                                                           return compare3(beta, value) < 0;
                                                         }) -
                                        g.beta.begin());
      if (k == 0) continue;
      for (int o = 0; o < 2; ++o) {
        product = t * g.w_sum[k][o];
        sum[o] += product;
        sum[o] -= g.bw_sum[k][o];
      }
    }
    return sum;
  }

  Output operator()(const geometry::Point& p) const {
    const auto& sum = value(p);
    return {Real(sum[0]), Real(sum[1])};
  }

  bool fits(const geometry::Point& p, const mpq_class& out1, const mpq_class& out2) const {
    const auto& sum = value(p);
    if constexpr (std::is_same_v<T, mpq_class>)
      return sum[0] == out1 && sum[1] == out2;
    else
      return sum[0] == Real(out1) && sum[1] == Real(out2);
  }

  std::size_t directions() const { return groups_.size(); }

 private:
  std::array<T, 2> constant_;
  std::vector<Group<T>> groups_;
  mutable std::array<T, 2> scratch_sum_;
  mutable T scratch_t_, scratch_product_;
};

}  // namespace

Output evaluate_naive(const Network& network, const geometry::Point& p) {
  Output sum = network.c;
  const Real x(p.x), y(p.y);
  for (const auto& n : network.neurons) {
    Real pre = n.a[0] * x + n.a[1] * y + n.b;
    if (pre.sign() <= 0) continue;
    sum[0] += pre * n.v[0];
    sum[1] += pre * n.v[1];
  }
  return sum;
}

struct Evaluator::Impl {
  std::variant<Grouped<mpq_class>, Grouped<Real>> grouped;
};

Evaluator::Evaluator(const Network& network)
    : impl_(is_rational(network) ? new Impl{Grouped<mpq_class>(network)}
                                 : new Impl{Grouped<Real>(network)}) {}
Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

Output Evaluator::operator()(const geometry::Point& x) const {
  return std::visit([&](const auto& g) { return g(x); }, impl_->grouped);
}

bool Evaluator::fits(const geometry::Point& x, const mpq_class& out1, const mpq_class& out2) const {
  return std::visit([&](const auto& g) { return g.fits(x, out1, out2); }, impl_->grouped);
}

std::size_t Evaluator::directions() const {
  return std::visit([](const auto& g) { return g.directions(); }, impl_->grouped);
}

bool Evaluator::rational() const {
  return impl_->grouped.index() == 0;
}

}  // namespace etr2nn::network
