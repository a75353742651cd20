#include "check/evaluate.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
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
  const std::vector<Group<T>>& groups() const { return groups_; }
  const std::array<T, 2>& constant() const { return constant_; }

 private:
  std::array<T, 2> constant_;
  std::vector<Group<T>> groups_;
};

// The same sums in machine integers, for the usual case: integer points and
// weights whose denominators share a small common multiple. Everything is
// scaled so that every quantity is an integer:
//
//   per direction g: D_g = lcm of the denominators of d, e = D_g·d (integers),
//     so t = T/D_g with T = e·x an integer; β_i < t  <=>  floor(D_g·β_i) < T;
//   overall: M = lcm of the denominators of c, B_k and W_k/D_g (all g, k), so
//     M·f(x) = M·c + Σ_g (T·A_gk − B'_gk)  with A_gk = M·W_k/D_g, B'_gk = M·B_k
//     all integers.
//
// So M·f(x) is an integer, computed in __int128 with every addition checked.
// A point whose coordinates are not int64 integers, a |T| >= 2^62, or any
// overflow gives "no answer" and the caller uses the mpq_class kernel: the
// answer is exact or absent, never approximate.
// __extension__: __int128 is GCC's and Clang's, outside ISO C++ (-Wpedantic).
__extension__ typedef __int128 i128;

class IntKernel {
 public:
  static constexpr std::int64_t limit = std::int64_t(1) << 62;

  // Empty (enabled() false) when some scaled weight does not fit.
  explicit IntKernel(const Kernel<mpq_class>& q) {
    mpz_class m = 1;
    auto lcm_with = [&m](const mpz_class& den) {
      mpz_lcm(m.get_mpz_t(), m.get_mpz_t(), den.get_mpz_t());
    };
    lcm_with(q.constant()[0].get_den());
    lcm_with(q.constant()[1].get_den());
    std::vector<mpz_class> scale;  // D_g
    for (const auto& g : q.groups()) {
      mpz_class d;
      mpz_lcm(d.get_mpz_t(), g.d[0].get_den_mpz_t(), g.d[1].get_den_mpz_t());
      if (!fits(d)) return;
      for (std::size_t k = 0; k < g.w.size(); ++k)
        for (int j = 0; j < 2; ++j) {
          lcm_with(mpq_class(g.w[k][j] / d).get_den());
          lcm_with(g.bw[k][j].get_den());
        }
      if (!fits(m)) return;
      scale.push_back(d);
    }
    const mpq_class mq(m);
    for (int j = 0; j < 2; ++j) {
      const mpq_class c = q.constant()[j] * mq;
      if (!fits(c.get_num())) return;
      constant_[j] = c.get_num().get_si();
    }
    for (std::size_t n = 0; n < q.groups().size(); ++n) {
      const auto& g = q.groups()[n];
      const mpq_class d(scale[n]);
      Group h;
      for (int j = 0; j < 2; ++j) {
        const mpq_class e = g.d[j] * d;
        if (!fits(e.get_num())) return;
        h.e[j] = e.get_num().get_si();
      }
      for (const auto& beta : g.beta) {
        mpz_class f;
        const mpq_class r = beta * d;
        mpz_fdiv_q(f.get_mpz_t(), r.get_num_mpz_t(), r.get_den_mpz_t());
        // Clamping keeps the comparison with |T| < limit exact.
        h.floor_beta.push_back(f >= limit ? limit : f <= -limit ? -limit : f.get_si());
      }
      for (std::size_t k = 0; k < g.w.size(); ++k) {
        std::array<std::int64_t, 2> a{}, b{};
        for (int j = 0; j < 2; ++j) {
          const mpq_class av = g.w[k][j] * mq / d, bv = g.bw[k][j] * mq;
          if (!fits(av.get_num()) || !fits(bv.get_num())) return;
          a[j] = av.get_num().get_si();
          b[j] = bv.get_num().get_si();
        }
        h.a.push_back(a);
        h.b.push_back(b);
      }
      groups_.push_back(std::move(h));
    }
    scale_ = m;
    scale64_ = m.get_si();
    enabled_ = true;
  }

  bool enabled() const { return enabled_; }

  // f(x) == y, or nullopt when the integers cannot decide it.
  std::optional<bool> fits(const Point& p, const Label& y) const {
    std::int64_t x0 = 0, x1 = 0;
    if (!small_integer(p.x, x0) || !small_integer(p.y, x1)) return std::nullopt;
    std::array<i128, 2> sum = {constant_[0], constant_[1]};
    for (const auto& g : groups_) {
      const i128 t = i128(g.e[0]) * x0 + i128(g.e[1]) * x1;  // |each product| < 2^126
      if (t >= limit || t <= -limit) return std::nullopt;
      const std::int64_t t64 = static_cast<std::int64_t>(t);
      const std::size_t k =
          std::lower_bound(g.floor_beta.begin(), g.floor_beta.end(), t64) - g.floor_beta.begin();
      for (int j = 0; j < 2; ++j) {
        const i128 term = t * g.a[k][j] - g.b[k][j];  // |t·a| < 2^125
        if (__builtin_add_overflow(sum[j], term, &sum[j])) return std::nullopt;
      }
    }
    const std::array<const mpq_class*, 2> label = {&y.out1, &y.out2};
    for (int j = 0; j < 2; ++j) {
      // M·y_j must be an integer equal to sum[j]; a denominator not dividing M
      // means M·y_j is not an integer, so it differs from M·f(x).
      if (!mpz_divisible_p(scale_.get_mpz_t(), label[j]->get_den_mpz_t())) return false;
      if (!fits(label[j]->get_num())) return std::nullopt;
      std::int64_t factor = scale64_;  // M / den(y_j); labels are mostly integers
      if (mpz_cmp_ui(label[j]->get_den_mpz_t(), 1) != 0) {
        const mpz_class f = scale_ / label[j]->get_den();
        factor = f.get_si();  // divides M, so it fits
      }
      i128 target;
      if (__builtin_mul_overflow(i128(label[j]->get_num().get_si()), i128(factor), &target))
        return std::nullopt;
      if (target != sum[j]) return false;
    }
    return true;
  }

 private:
  struct Group {
    std::array<std::int64_t, 2> e{};
    std::vector<std::int64_t> floor_beta;           // floor(D·β_i), sorted, clamped to ±limit
    std::vector<std::array<std::int64_t, 2>> a, b;  // per prefix k: A_gk, B'_gk
  };

  // |v| < 2^62 keeps every product above inside __int128.
  static bool fits(const mpz_class& v) { return mpz_fits_slong_p(v.get_mpz_t()) && abs(v) < limit; }

  static bool small_integer(const mpq_class& v, std::int64_t& out) {
    if (mpz_cmp_ui(v.get_den_mpz_t(), 1) != 0 || !fits(v.get_num())) return false;
    out = v.get_num().get_si();
    return true;
  }

  bool enabled_ = false;
  mpz_class scale_;  // M
  std::int64_t scale64_ = 1;
  std::array<std::int64_t, 2> constant_{};
  std::vector<Group> groups_;
};

}  // namespace

struct Evaluator::Impl {
  bool rational;
  std::unique_ptr<Kernel<mpq_class>> q;
  std::unique_ptr<IntKernel> z;  // enabled only when the weights scale to int64
  std::unique_ptr<Kernel<Real>> r;
};

Evaluator::Evaluator(const Network& network) : impl_(std::make_unique<Impl>()) {
  impl_->rational = is_rational(network);
  if (impl_->rational) {
    impl_->q = std::make_unique<Kernel<mpq_class>>(network);
    impl_->z = std::make_unique<IntKernel>(*impl_->q);
  } else {
    impl_->r = std::make_unique<Kernel<Real>>(network);
  }
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
    if (impl_->z->enabled())
      if (const auto answer = impl_->z->fits(x, y)) return *answer;
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

bool Evaluator::integer_path() const {
  return impl_->rational && impl_->z->enabled();
}

}  // namespace etr2nn::check
