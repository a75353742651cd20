#include "check/evaluate.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace etr2nn::check {

bool is_rational(const Network& network) {
  auto r = [](const Real& x) { return x.is_rational(); };
  if (!r(network.c[0]) || !r(network.c[1])) return false;
  for (const auto& u : network.neurons)
    if (!r(u.a[0]) || !r(u.a[1]) || !r(u.b) || !r(u.v[0]) || !r(u.v[1])) return false;
  return true;
}

Output evaluate_naive(const Network& network, const Point& x) {
  Output out = network.c;
  const Real x0(x.x), x1(x.y);
  for (const auto& u : network.neurons) {
    const Real z = u.a[0] * x0 + u.a[1] * x1 + u.b;
    if (z.sign() > 0) {
      out[0] += u.v[0] * z;
      out[1] += u.v[1] * z;
    }
  }
  return out;
}

namespace {

// T is mpq_class (all weights rational) or Real.
template <class T>
T number(const Real& r);
template <>
mpq_class number<mpq_class>(const Real& r) {
  return r.rational();
}
template <>
Real number<Real>(const Real& r) {
  return r;
}

template <class T>
int sign_of(const T& value);
template <>
int sign_of<mpq_class>(const mpq_class& value) {
  return sgn(value);
}
template <>
int sign_of<Real>(const Real& value) {
  return value.sign();
}

template <class T>
struct Less {
  bool operator()(const std::array<T, 2>& p, const std::array<T, 2>& q) const {
    if (p[0] != q[0]) return p[0] < q[0];
    return p[1] < q[1];
  }
};

// One direction d: its terms sorted by β with prefix sums.
template <class T>
struct Group {
  std::array<T, 2> d;
  std::vector<T> beta;               // sorted
  std::vector<std::array<T, 2>> w;   // w[k]: Σ_{i<k} w_i
  std::vector<std::array<T, 2>> bw;  // bw[k]: Σ_{i<k} β_i w_i
};

template <class T>
class Kernel {
 public:
  explicit Kernel(const Network& network) {
    constant_ = {number<T>(network.c[0]), number<T>(network.c[1])};
    struct Term {
      T beta;
      std::array<T, 2> w;
    };
    std::map<std::array<T, 2>, std::vector<Term>, Less<T>> by_direction;
    for (const auto& u : network.neurons) {
      const std::array<T, 2> a = {number<T>(u.a[0]), number<T>(u.a[1])};
      const T b = number<T>(u.b);
      const std::array<T, 2> v = {number<T>(u.v[0]), number<T>(u.v[1])};
      const int lead = sign_of(a[0]) != 0 ? 0 : sign_of(a[1]) != 0 ? 1 : -1;
      if (lead < 0) {  // ReLU(b)·v, whatever x is
        if (sign_of(b) > 0) {
          constant_[0] = constant_[0] + b * v[0];
          constant_[1] = constant_[1] + b * v[1];
        }
        continue;
      }
      const T lambda = sign_of(a[lead]) > 0 ? a[lead] : T(-a[lead]);
      by_direction[{T(a[0] / lambda), T(a[1] / lambda)}].push_back(
          {T(-b / lambda), {T(lambda * v[0]), T(lambda * v[1])}});
    }
    for (auto& [d, terms] : by_direction) {
      std::sort(terms.begin(), terms.end(),
                [](const Term& p, const Term& q) { return p.beta < q.beta; });
      Group<T> g;
      g.d = d;
      g.w.push_back({T(0), T(0)});
      g.bw.push_back({T(0), T(0)});
      for (const auto& t : terms) {
        g.beta.push_back(t.beta);
        const auto& w = g.w.back();
        const auto& bw = g.bw.back();
        g.w.push_back({T(w[0] + t.w[0]), T(w[1] + t.w[1])});
        g.bw.push_back({T(bw[0] + t.beta * t.w[0]), T(bw[1] + t.beta * t.w[1])});
      }
      groups_.push_back(std::move(g));
    }
  }

  std::array<T, 2> operator()(const Point& p) const {
    const T x0(p.x), x1(p.y);
    std::array<T, 2> sum = constant_;
    for (const auto& g : groups_) {
      const T t = g.d[0] * x0 + g.d[1] * x1;
      // k = #{i : β_i < t}; terms with β_i = t contribute 0 either way.
      const std::size_t k = std::lower_bound(g.beta.begin(), g.beta.end(), t) - g.beta.begin();
      sum[0] = sum[0] + (t * g.w[k][0] - g.bw[k][0]);
      sum[1] = sum[1] + (t * g.w[k][1] - g.bw[k][1]);
    }
    return sum;
  }

  std::size_t directions() const { return groups_.size(); }

 private:
  std::array<T, 2> constant_;
  std::vector<Group<T>> groups_;
};

}  // namespace

struct Evaluator::Impl {
  bool rational;
  std::unique_ptr<Kernel<mpq_class>> q;
  std::unique_ptr<Kernel<Real>> r;
};

Evaluator::Evaluator(const Network& network) : impl_(std::make_unique<Impl>()) {
  impl_->rational = is_rational(network);
  if (impl_->rational)
    impl_->q = std::make_unique<Kernel<mpq_class>>(network);
  else
    impl_->r = std::make_unique<Kernel<Real>>(network);
}
Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

Output Evaluator::operator()(const Point& x) const {
  if (impl_->rational) {
    const auto out = (*impl_->q)(x);
    return {Real(out[0]), Real(out[1])};
  }
  return (*impl_->r)(x);
}

bool Evaluator::fits(const Point& x, const Label& y) const {
  if (impl_->rational) {
    const auto out = (*impl_->q)(x);
    return out[0] == y.out1 && out[1] == y.out2;
  }
  const auto out = (*impl_->r)(x);
  return out[0] == Real(y.out1) && out[1] == Real(y.out2);
}

std::size_t Evaluator::directions() const {
  return impl_->rational ? impl_->q->directions() : impl_->r->directions();
}

bool Evaluator::rational() const {
  return impl_->rational;
}

}  // namespace etr2nn::check
